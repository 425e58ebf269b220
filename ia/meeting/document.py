"""A meeting as the checks and the renderer see it: numbered items, sections as tokens."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from markdown_it.token import Token

from ia.meeting.models import Accepted, Body, ItemMeta, MeetingMeta, StandingItem, StandingPart
from ia.source.documents import YamlDoc

# The sections an item may have, in the order they must stand. "Baggrund" is the seed's
# (004: items 5-8, 11, 12 of 22.05.2025 and 9, 10, 15 of 02.10.2025).
SECTIONS = ("Resumé", "Baggrund", "Sagsfremstilling", "Indstilling", "Beslutning")


@dataclass
class Text:
    """Markdown parsed to tokens, with the file and line it comes from."""

    path: str
    line: int
    tokens: list[Token]
    env: dict

    @property
    def empty(self) -> bool:
        return not any(t.type not in {"heading_open", "heading_close"} for t in self.tokens)


@dataclass
class AttachmentFile:
    """An attachment whose text is in the repository: a Markdown file in the item's folder."""

    title: str
    path: str
    text: Text
    doc: YamlDoc | None
    accepted: list[Accepted] = field(default_factory=list)


@dataclass
class AttachmentEntry:
    """One line of an item's Bilag list: its title, its text when in the repository, or where it is."""

    title: str
    file: AttachmentFile | None = None
    external: str | None = None


@dataclass
class Item:
    """An agenda item with its generated number; standing items come from the body's data."""

    number: int
    title: str
    path: str  # the item's file, or meeting.yaml for a standing item
    line: int  # where the item is written (its title, or its key under `standing`)
    col: int
    anchor: str
    access: str = "åben"
    case: str | None = None
    presenters: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    intro: Text | None = None  # text before the first section (item 13 of 22.05.2025)
    sections: dict[str, Text] = field(default_factory=dict)
    attachments: list[AttachmentEntry] = field(default_factory=list)
    subitems: bool = False
    meta: ItemMeta | None = None
    meta_doc: YamlDoc | None = None
    standing: StandingItem | None = None
    part: StandingPart | None = None

    @property
    def closed(self) -> bool:
        return self.access == "lukket"

    @property
    def decision(self) -> Text | None:
        found = self.sections.get("Beslutning")
        return None if found is None or found.empty else found


@dataclass
class Meeting:
    """One meeting of a body, read, validated and numbered."""

    id: str
    key: str  # the body's key
    folder: str  # repository-relative
    body: Body
    meta: MeetingMeta
    meta_doc: YamlDoc
    items: list[Item]
    # The meeting before this one: its date, and its id when it is in the repository.
    previous: dt.date | None = None
    previous_id: str | None = None
    following: dt.date | None = None  # the body's next meeting in the repository

    @property
    def decided(self) -> bool:
        """Minutes have decisions; an agenda has none yet."""
        return any(item.decision is not None for item in self.items)

    @property
    def date_text(self) -> str:
        """The date as the running header prints it: 22.05.2025."""
        return self.meta.date.strftime("%d.%m.%Y")
