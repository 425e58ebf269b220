"""The validated catalogue, ready for checks and rendering: its model, chapters and offers."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from ia.catalogue.models import CatalogueMeta
from ia.document import Section
from ia.register.load import Register
from ia.source.yamltext import Positions


@dataclass
class CatalogueChapter:
    """One chapter as it will print: its number, title, own text and the keys of its offers."""

    index: int  # in catalogue.yaml's `chapters:` list (for positions)
    number: int
    title: str
    text: Section | None = None  # a text chapter's body, or an area chapter's intro
    area: str | None = None
    offers: list[str] = field(default_factory=list)  # as written, in order (checks report unknown ones)


@dataclass
class Catalogue:
    """A catalogue folder read and validated, with the register it takes its offers from."""

    id: str
    key: str
    year: int
    folder: str  # repository-relative
    path: str  # catalogue.yaml, repository-relative
    meta: CatalogueMeta
    positions: Positions
    lines: list[str]
    chapters: list[CatalogueChapter]
    register: Register
    # Markdown files in chapters/ that no chapter names (a warning: they would not print).
    unused_texts: list[str] = field(default_factory=list)
    # Images the texts show, read from the repository: (source file, src) -> (type, bytes).
    assets: dict[tuple[str, str], tuple[str, bytes]] = field(default_factory=dict)

    def sections(self) -> Iterator[tuple[Section, int]]:
        """Every Markdown text the catalogue prints, with the level its own headings start at:
        a chapter's text at '##', an offer's (under the offer's name) at '###'."""
        for chapter in self.chapters:
            if chapter.text is not None:
                yield chapter.text, 2
        for key in self.offer_keys():
            entry = self.register.offers.get(key)
            if entry is not None:
                yield entry.body, 3

    def offer_keys(self) -> list[str]:
        """Every offer key the chapters list, in order, each once."""
        return list(dict.fromkeys(key for chapter in self.chapters for key in chapter.offers))
