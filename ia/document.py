"""The validated agreement, ready for checks and rendering: models plus parsed Markdown."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from markdown_it.token import Token

from ia.models import AgreementMeta, ChapterMeta, EffectGoal, GoalMeta, Interventions, Rules, TableData
from ia.source.yamltext import Positions


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
    # With a shared chapter (see ia/shared.py): its heading places, the unit's wordings of
    # effect goals by key, and the unit's blocks the checks must report.
    places: list[str] = field(default_factory=list)
    wordings: dict[str, Override] = field(default_factory=dict)
    unplaced: list[Override] = field(default_factory=list)
    twice: list[tuple[Override, int]] = field(default_factory=list)


@dataclass
class Goal:
    path: str
    number: int
    meta: GoalMeta
    positions: Positions
    answers: dict[str, Section]
    intro: Section | None = None
    footnotes: Section | None = None

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
    id: str
    folder: str
    meta: AgreementMeta
    meta_path: str
    meta_positions: Positions
    rules: Rules
    rules_path: str
    chapters: list[Chapter]
    goals: list[Goal]
    areas: dict[str, Section]
    tables: dict[str, Table]
    effect_goals: list[EffectGoal] = field(default_factory=list)
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

    @property
    def complete(self) -> bool:
        return not self.failed

    @property
    def year(self) -> int:
        # The year of the rules the agreement is checked against (its folder's year);
        # a different `year:` in agreement.yaml is reported once, as IA210.
        return self.rules.year

    def effect_goal_wordings(self) -> dict[str, str]:
        """The unit's own wording of effect goals ({erstat} <key> in a shared chapter), by key."""
        keys = {goal.key for goal in self.effect_goals}
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
        for section in (goal.intro, *goal.answers.values(), goal.footnotes):
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
