"""The catalogue's own checks: each a small function `(catalogue) -> iterable of Diagnostic`.

What the register says about an offer is checked by `ia.register`; here is what the
catalogue itself says: which offers and areas its chapters name, once each, and that its
text and its data give the same "senest opdateret".
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator

from ia.catalogue.document import Catalogue
from ia.catalogue.models import AreaChapter
from ia.checks._where import at, column_of, section_lines
from ia.checks.accessibility import levels, section_images_have_alt_text
from ia.checks.contacts import section_links
from ia.diagnostics import Diagnostic, Span
from ia.markdown import directive, line_of
from ia.suggest import hint_args

MONTHS = ("januar", "februar", "marts", "april", "maj", "juni", "juli", "august", "september", "oktober",
          "november", "december")
_UPDATED = re.compile(r"senest\s+opdateret\s+(?:i\s+)?(\w+)\s+(\d{4})", re.IGNORECASE)


def month_text(updated: str) -> str:
    """Return "juli 2026" for "2026-07"."""
    year, month = updated.split("-")
    return f"{MONTHS[int(month) - 1]} {year}"


def offer_keys(catalogue: Catalogue) -> Iterator[Diagnostic]:
    """Every offer a chapter lists is in the register, and stands in the catalogue once."""
    register = catalogue.register
    first: dict[str, int] = {}
    for index, entry in enumerate(catalogue.meta.chapters):
        if not isinstance(entry, AreaChapter):
            continue
        for j, key in enumerate(entry.offers):
            span = at(catalogue.path, catalogue.positions, "chapters", index, "offers", j)
            if key in first:
                yield Diagnostic("IA823", span, {"key": key, "first": first[key]})
                continue
            first[key] = span.line
            if not register.knows(key):
                more, hint_code = hint_args(key, register.keys())
                # The same code as an agreement's unknown offer: one problem, one code.
                yield Diagnostic("IA814", span, {"found": key, **more}, hint_code)


def areas(catalogue: Catalogue) -> Iterator[Diagnostic]:
    """Every chapter's area is one of the register's areas, and has one chapter."""
    known = [area.key for area in catalogue.register.areas or []]
    first: dict[str, int] = {}
    for index, entry in enumerate(catalogue.meta.chapters):
        if not isinstance(entry, AreaChapter):
            continue
        span = at(catalogue.path, catalogue.positions, "chapters", index, "area")
        if entry.area in first:
            yield Diagnostic("IA824", span, {"area": entry.area, "first": first[entry.area]})
            continue
        first[entry.area] = span.line
        # Without a readable areas file every area would be unknown: that file is reported instead.
        if catalogue.register.areas is not None and entry.area not in known:
            more, hint_code = hint_args(entry.area, known)
            yield Diagnostic("IA304", span, {"found": entry.area, **more}, hint_code)


def period(catalogue: Catalogue) -> Iterator[Diagnostic]:
    """The period's second year is not before its first ([2026, 2027])."""
    years = catalogue.meta.period
    if len(years) == 2 and years[1] < years[0]:
        yield Diagnostic("IA828", at(catalogue.path, catalogue.positions, "period"), {"first": years[0], "last": years[1]})


def updated_in_text(catalogue: Catalogue) -> Iterator[Diagnostic]:
    """"senest opdateret <måned> <år>" in the text is the month `updated:` gives."""
    expected = month_text(catalogue.meta.updated)
    for chapter in catalogue.chapters:
        if chapter.text is None:
            continue
        for line_text, line in section_lines(chapter.text):
            for found in _UPDATED.finditer(line_text):
                written = f"{found[1].lower()} {found[2]}"
                if written != expected:
                    col = column_of(chapter.text, line, found[0])
                    yield Diagnostic("IA825", Span(chapter.text.path, line, col),
                                     {"found": found[0], "expected": expected, "updated": catalogue.meta.updated})


def texts(catalogue: Catalogue) -> Iterator[Diagnostic]:
    """The texts the catalogue prints: links, images' alt texts, heading levels, no directives.

    The same rules as an agreement's text (IA703, IA340, IA330, IA331); a directive such as
    ```{tabel}``` has nothing to show in a catalogue and would silently print nothing.
    """
    sections = [section for section, _ in catalogue.sections()]
    yield from section_links(sections)
    yield from section_images_have_alt_text(sections)
    for section, top in catalogue.sections():
        yield from levels(section, top)
        for token in section.tokens:
            found = directive(token)
            if found:
                yield Diagnostic("IA827", Span(section.path, line_of(token), 1), {"name": found[0]})


def unused_texts(catalogue: Catalogue) -> Iterator[Diagnostic]:
    """A Markdown file in chapters/ that no chapter names would silently not print."""
    for name in catalogue.unused_texts:
        yield Diagnostic("IA826", Span(f"{catalogue.folder}/{name}"), {"file": name})


def offers_in_text(catalogue: Catalogue) -> Iterator[Diagnostic]:
    """The catalogue's own texts spell offers' names and give their addresses as the register does
    (IA842, IA846); the offers' texts are checked with the register (`ia.register.checks`)."""
    from ia.register.across import misspelt_names, wrong_addresses

    own = [chapter.text for chapter in catalogue.chapters if chapter.text is not None]
    yield from misspelt_names(own, catalogue.register)[0]
    yield from wrong_addresses(own, catalogue.register)


def updated_after_offers(catalogue: Catalogue) -> Iterator[Diagnostic]:
    """The catalogue is not "senest opdateret" before an offer it prints was changed (IA848).

    An offer's change is known by its `updated:` month in the register, not by a file's
    time: the same sources give the same answer on every machine and in every clone.
    """
    changed = [(entry.offer.updated, key, entry.path) for key in catalogue.offer_keys()
               if (entry := catalogue.register.offers.get(key)) is not None and entry.offer.updated]
    newer = [item for item in changed if item[0] > catalogue.meta.updated]
    if newer:
        month, key, path = max(newer)
        updated = month_text(catalogue.meta.updated)
        yield Diagnostic("IA848", at(catalogue.path, catalogue.positions, "updated"),
                         {"updated": updated, "updated_en": catalogue.meta.updated, "key": key,
                          "changed": month_text(month), "changed_en": month, "file": path})


Check = Callable[[Catalogue], Iterable[Diagnostic]]
CHECKS: list[Check] = [offer_keys, areas, period, updated_in_text, texts, unused_texts, offers_in_text, updated_after_offers]


def run_checks(catalogue: Catalogue) -> list[Diagnostic]:
    """Run every check of the catalogue; return all diagnostics."""
    return [d for check in CHECKS for d in check(catalogue)]
