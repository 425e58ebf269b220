"""The validated agreement, ready for checks and rendering: models plus parsed Markdown."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from markdown_it.token import Token

from ia.models import AgreementMeta, ChapterMeta, EffectGoal, GoalMeta, Interventions, Rules, TableData
from ia.source.yamltext import Positions

if TYPE_CHECKING:
    from ia.register.load import Register


@dataclass
class Section:
    """A run of Markdown tokens, e.g. one answer of a goal, with its file and first line."""

    path: str
    line: int
    tokens: list[Token]
    env: dict = field(default_factory=dict)
    heading: str = ""
    key: str = ""
    lines: list[str] = field(default_factory=list, repr=False)
    # The heading that opened the part, as written: its level (2 is right; 0 when no
    # heading opened it) and text. The checks judge them (IA305); the loader only splits.
    level: int = 0
    written: str = ""


@dataclass
class Override:
    """A block of the unit's text that adds after (`efter`) or replaces (`erstat`) a named place."""

    kind: str
    place: str  # normalised with place_name
    written: str  # as the editor typed it, for messages
    line: int
    col: int
    section: Section

    @property
    def paragraph(self) -> str | None:
        """The block's text when it is exactly one paragraph (an effect goal's wording), else None."""
        tokens = self.section.tokens
        if [token.type for token in tokens] == ["paragraph_open", "inline", "paragraph_close"]:
            return tokens[1].content
        return None


@dataclass
class Chapter:
    """A chapter: its own text, or the year's shared text with the unit's text in its slot."""

    path: str
    number: int
    meta: ChapterMeta
    title: str
    parts: list[Section]
    positions: Positions | None = None  # of the chapter's own front-matter
    # The year's shared chapter it builds on: its file and front-matter (for its `accepted:`).
    shared_path: str = ""
    shared_meta: ChapterMeta | None = None
    shared_positions: Positions | None = None
    # With a shared chapter (see ia/shared.py): its heading places, the unit's wordings of
    # effect goals by key, and the unit's blocks the checks must report.
    places: list[str] = field(default_factory=list)
    wordings: dict[str, Override] = field(default_factory=dict)
    unplaced: list[Override] = field(default_factory=list)
    twice: list[tuple[Override, int]] = field(default_factory=list)
    # Lines of the shared chapter's ```{lokalt}``` after its first (IA312): the first is used.
    extra_slots: list[tuple[str, int]] = field(default_factory=list)


@dataclass
class Goal:
    path: str
    number: int
    meta: GoalMeta
    positions: Positions
    answers: dict[str, Section]
    intro: Section | None = None
    footnotes: Section | None = None
    # Parts under a heading that is no answer of the year's rules (reported, IA303/IA307/
    # IA308), or every part when the rules are unknown: their text is still checked and
    # preview still shows it, where the editor wrote it.
    other: list[Section] = field(default_factory=list)

    @property
    def anchor(self) -> str:
        return f"maal-{self.number}"

    @property
    def key(self) -> str:
        """The goal's stable key: `key:` in its front-matter, else its file name without the number."""
        return self.meta.key or default_goal_key(self.path)


def default_goal_key(path: str) -> str:
    """Return the key a goal file gets by default: '01-handlemuligheder.md' -> 'handlemuligheder'."""
    stem = path.rsplit("/", 1)[-1].removesuffix(".md")
    return re.sub(r"^\d+[-_ ]*", "", stem) or stem


@dataclass
class UnreadGoal:
    """A goal file whose front-matter could not be validated (reported where it fails).

    It keeps its number and place among the goals, so the numbers of the goals after it do
    not shift while the editor fixes it, and preview shows it there with a marker. Its
    title and area are read as far as the front-matter allows, for placing it only; no
    check relies on them.
    """

    path: str
    number: int
    title: str
    area: str | None
    answers: dict[str, Section] = field(default_factory=dict)
    intro: Section | None = None
    other: list[Section] = field(default_factory=list)

    @property
    def anchor(self) -> str:
        return f"maal-{self.number}"


@dataclass
class Table:
    id: str
    path: str
    data: TableData
    positions: Positions


@dataclass
class Agreement:
    """An agreement as far as its documents could be read and validated.

    Each document is validated on its own. One that fails is reported and stands here as
    unknown: `meta`, `rules` or `effect_goals` is None, a chapter, table or goal is left out
    and its path is in `failed` (a goal keeps its place as an `UnreadGoal`). Checks declare
    what they need (`ia.checks.needs`) and are skipped while it is unknown, so one broken
    file hides no other file's problems and causes no follow-on errors.
    """

    id: str
    folder: str
    meta: AgreementMeta | None
    meta_path: str
    meta_positions: Positions | None
    rules: Rules | None
    rules_path: str
    chapters: list[Chapter]
    goals: list[Goal]
    areas: dict[str, Section]
    tables: dict[str, Table]
    # The year of the folder the agreement stands in: the year when the rules are unknown.
    folder_year: int = 0
    folder_unit: str = ""  # the name of the agreement's folder, which agreement.yaml's unit must be
    unread_goals: list[UnreadGoal] = field(default_factory=list)
    # None while the year's _shared/effect_goals.yaml cannot be validated; [] when there is none.
    effect_goals: list[EffectGoal] | None = field(default_factory=list)
    effect_goals_path: str = ""
    interventions: Interventions | None = None
    interventions_path: str = ""
    interventions_positions: Positions | None = None
    # Each intervention's description, parsed like any other Markdown, in interventions' order.
    intervention_texts: list[Section] = field(default_factory=list)
    files: list[str] = field(default_factory=list)
    # Images the text shows: (source file, src) -> (media type, bytes), read by the loader.
    assets: dict[tuple[str, str], tuple[str, bytes]] = field(default_factory=dict, repr=False)
    # Documents that failed validation and are left out; checks that count documents
    # (goal numbers, mandatory goals, the goals chapter) stay quiet rather than guess.
    failed: set[str] = field(default_factory=set)
    # The register of offers, read when table 2.1 refers to offers by key (else None).
    register: Register | None = field(default=None, repr=False)
    # The follow-ups beside agreement.yaml that could be validated, by period
    # ('midtvejs', 'aar'): ia.followup.document.FollowUp, read by ia.followup.source.
    followups: dict[str, Any] = field(default_factory=dict)

    @property
    def complete(self) -> bool:
        return not self.failed

    @property
    def year(self) -> int:
        # The year of the rules the agreement is checked against (its folder's year);
        # a different `year:` in agreement.yaml is reported once, as IA210.
        return self.rules.year if self.rules is not None else self.folder_year

    def effect_goal_wordings(self) -> dict[str, str]:
        """The unit's own wording of effect goals ({erstat} <key> in a shared chapter), by key."""
        keys = {goal.key for goal in self.effect_goals or []}
        found: dict[str, str] = {}
        for chapter in self.chapters:
            for key, override in chapter.wordings.items():
                if key in keys and override.paragraph is not None:
                    found.setdefault(key, override.paragraph)
        return found

    def goals_in(self, area: str) -> list[Goal]:
        return [g for g in self.goals if g.meta.area == area]


def all_sections(agreement: Agreement) -> Iterator[Section]:
    """Every Markdown section of the agreement: chapters, area texts, goals, notes, interventions."""
    for chapter in agreement.chapters:
        yield from chapter.parts
        # The unit's wordings and unplaced blocks are its text too: links and years in them are checked.
        yield from (o.section for o in [*chapter.wordings.values(), *chapter.unplaced, *(o for o, _ in chapter.twice)])
    yield from agreement.areas.values()
    for goal in agreement.goals:
        for section in (goal.intro, *goal.answers.values(), *goal.other, goal.footnotes):
            if section is not None:
                yield section
    yield from agreement.intervention_texts


def image_refs(agreement: Agreement) -> list[tuple[str, int, str]]:
    """Every image the agreement's Markdown shows: (source file, line, src)."""
    refs = []
    for section in all_sections(agreement):
        for token in section.tokens:
            for child in token.children or []:
                if child.type == "image":
                    refs.append((section.path, token.map[0] + 1 if token.map else section.line, str(child.attrs.get("src", ""))))
    return refs
