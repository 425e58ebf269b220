"""A built HTML page as a readable outline: one line per heading, paragraph, list item,
table row, caption and image, with what a reader sees in it.

Golden files of this outline (tests/golden/render/) show in a diff exactly which text of
a document changed, where a byte comparison of the HTML would only say that it did.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

BLOCKS = {"h1", "h2", "h3", "h4", "h5", "h6", "p", "li", "caption", "figcaption", "dt", "dd", "blockquote", "title"}
SKIPPED = {"script", "style", "svg", "template"}


class _Outline(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lines: list[str] = []
        self.open: list[tuple[str, list[str]]] = []  # block tag, its text pieces
        self.row: list[str] | None = None
        self.cell: list[str] | None = None
        self.skipping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in SKIPPED:
            self.skipping += 1
        elif self.skipping:
            return
        elif tag == "tr":
            self.row = []
        elif tag in {"td", "th"} and self.row is not None:
            self.cell = []
        elif tag in BLOCKS:
            self.open.append((tag, []))
        elif tag == "img":
            self.lines.append(f"img | {dict(attrs).get('alt') or ''}")
        elif tag == "br":
            self._text(" / ")

    def handle_endtag(self, tag: str) -> None:
        if tag in SKIPPED:
            self.skipping = max(0, self.skipping - 1)
        elif self.skipping:
            return
        elif tag in {"td", "th"} and self.cell is not None and self.row is not None:
            self.row.append(_squash("".join(self.cell)))
            self.cell = None
        elif tag == "tr" and self.row is not None:
            self.lines.append("tr | " + " | ".join(self.row))
            self.row = None
        elif tag in BLOCKS and self.open and self.open[-1][0] == tag:
            name, pieces = self.open.pop()
            text = _squash("".join(pieces))
            if text:
                self.lines.append(f"{name} | {text}")

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self._text(data)

    def _text(self, data: str) -> None:
        if self.cell is not None:
            self.cell.append(data)
        elif self.open:
            self.open[-1][1].append(data)


def _squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def outline(html: str) -> str:
    """Return the page's outline, one line per block, ending with a newline."""
    parser = _Outline()
    parser.feed(html)
    parser.close()
    return "\n".join(parser.lines) + "\n"
