"""Checks of contact details and links: well-formed e-mail addresses, phone numbers and URLs."""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Iterator
from urllib.parse import urlsplit

from ia.checks._needs import needs
from ia.checks._where import at, column_of
from ia.models import EMAIL_PATTERN, PHONE_PATTERN
from ia.diagnostics import Diagnostic, Span
from ia.document import Agreement, Section, all_sections

EMAIL = re.compile(EMAIL_PATTERN)
# Danish numbers have eight digits, optionally after +45 or 0045, optionally spaced in pairs.
PHONE = re.compile(PHONE_PATTERN)


@needs("meta")
def contact_details(agreement: Agreement) -> Iterator[Diagnostic]:
    """E-mail addresses and phone numbers in the contacts table are well-formed."""
    meta, path, positions = agreement.meta, agreement.meta_path, agreement.meta_positions
    for i, contact in enumerate(meta.contacts):
        if not EMAIL.match(contact.email):
            yield Diagnostic("IA701", at(path, positions, "contacts", i, "email"), {"found": contact.email})
        if not PHONE.match(contact.phone.strip()):
            yield Diagnostic("IA702", at(path, positions, "contacts", i, "phone"), {"found": contact.phone})


def link_problem(href: str) -> dict[str, str] | None:
    """Say what is wrong with a link, as IA703's `problem` arguments in Danish and English, or None when it is fine."""
    parts = urlsplit(href)
    if parts.scheme in {"http", "https"}:
        host = parts.hostname or ""
        if "." not in host or " " in href:
            return {"problem": "forventede en webadresse som https://aabenraa.dk/…",
                    "problem_en": "expected a web address such as https://aabenraa.dk/…"}
        return None
    if parts.scheme == "mailto":
        return None if EMAIL.match(parts.path) else {
            "problem": "forventede mailto: efterfulgt af en e-mailadresse",
            "problem_en": "expected mailto: followed by an e-mail address"}
    if href.startswith("#"):
        return None
    return {"problem": "forventede et link, der begynder med https://, http:// eller mailto:",
            "problem_en": "expected a link that starts with https://, http:// or mailto:"}


# Markdown drops links with these schemes and shows them as text; say so at their line.
UNSAFE_SCHEME = re.compile(r"^\s*(javascript|vbscript|file|data)\s*:", re.IGNORECASE)
DESTINATION = re.compile(r"\]\(\s*<?([^)\s>]+)")


@needs()
def links(agreement: Agreement) -> Iterator[Diagnostic]:
    """Every Markdown link in the text is a well-formed web or e-mail address."""
    return section_links(all_sections(agreement))


def section_links(sections: Iterable[Section]) -> Iterator[Diagnostic]:
    """Every Markdown link in these sections is a well-formed web or e-mail address (any kind of document)."""
    for section in sections:
        for token in section.tokens:
            if token.type != "inline" or not token.children:
                continue
            images = {str(c.attrs.get("src", "")) for c in token.children if c.type == "image"}
            for offset, text in enumerate(token.content.split("\n")):
                for match in DESTINATION.finditer(text):
                    if match.group(1) in images:
                        continue  # images have their own check (IA340)
                    target = html.unescape(match.group(1))
                    if UNSAFE_SCHEME.match(target) and not target.lower().startswith("data:image/"):
                        line = (token.map[0] + 1 + offset) if token.map else section.line
                        opening = text.rfind("[", 0, match.start())
                        if opening > 0 and text[opening - 1] == "!":
                            col = column_of(section, line, text[opening - 1:match.end()])
                            yield Diagnostic("IA340", Span(section.path, line, col), {"src": match.group(1)[:200]})
                            continue
                        col = column_of(section, line, match.group(1))
                        yield Diagnostic("IA703", Span(section.path, line, col),
                                         {"found": match.group(1)[:80], "problem": "den slags links vises aldrig",
                                          "problem_en": "such links are never shown"})
            for child in token.children:
                if child.type != "link_open":
                    continue
                href = str(child.attrs.get("href", ""))
                problem = link_problem(href)
                if problem:
                    line = token.map[0] + 1 if token.map else section.line
                    col = 1
                    for offset, text in enumerate(token.content.split("\n")):
                        if href in text:
                            line = token.map[0] + 1 + offset if token.map else line
                            if 0 < line <= len(section.lines):
                                col = max(section.lines[line - 1].find(href), 0) + 1
                            break
                    yield Diagnostic("IA703", Span(section.path, line, col), {"found": href, **problem})
