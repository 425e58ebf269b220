"""Find markup that leaked into a document's text: escaped HTML printed as words.

Used by the tests over every built document (the real agreements and the fixture).
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

# What escaped or double-escaped markup looks like once it is printed as text.
PDF_MARKUP = re.compile(r"<\s*/?\s*(?:div|table|tr|td|th|span|p|a|section|figure|caption)\b|&lt;|&gt;|&amp;|&#\d+;|&quot;")
TAG = re.compile(r"<\s*/?\s*[a-zA-Z][^<>]*>|&(?:[a-z]+|#\d+);")


def markup_in_pdf_text(text: str) -> list[str]:
    """Return the pieces of markup found in a PDF's extracted text, with some context."""
    return [text[max(m.start() - 30, 0): m.end() + 30] for m in PDF_MARKUP.finditer(text)]


class _TextNodes(HTMLParser):
    """Collect every text node outside <style> and <script>, decoded as a browser shows it."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.texts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs) -> None:
        self._skip += tag in {"style", "script"}

    def handle_endtag(self, tag: str) -> None:
        self._skip -= tag in {"style", "script"}

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.texts.append(data)


def tags_in_html_text(html: str) -> list[str]:
    """Return the text nodes of an HTML document that show a tag or an entity as text."""
    parser = _TextNodes()
    parser.feed(html)
    parser.close()
    return [text.strip()[:120] for text in parser.texts if TAG.search(text)]
