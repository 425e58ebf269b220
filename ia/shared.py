"""Compose a unit's chapter with the year's shared chapter: local text, additions and overrides.

A shared chapter (`_shared/chapters/<name>.md`) is the same for every unit of a year. A
unit adds to it without forking it:

- its ordinary text goes where the shared chapter has ```{lokalt}``` (else at the end);
- ```{efter} <sted>``` adds the text that follows it at the end of the named section's
  own text (from its heading to the next heading), before the unit's local text when
  ```{lokalt}``` stands in that section;
- ```{erstat} <sted>``` replaces that text, keeping the heading and its number; naming an
  effect goal's key instead replaces the agreement's wording of that effect goal (one
  paragraph) wherever the agreement lists it.

A place is named by its heading (`nationale-politiske-maalsaetninger`, or the heading's
text as written); a second heading with the same name is `<name>-2`. What cannot be placed
is kept on the chapter for the checks to report (IA365-IA367); nothing is dropped silently.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from markdown_it.token import Token

from ia.document import Override, Section
from ia.markdown import directive, heading_text, line_of

PLACE_DIRECTIVES = ("efter", "erstat")


def place_name(text: str) -> str:
    """Name a place the way editors can type it: 'Nationale politiske målsætninger' → 'nationale-politiske-maalsaetninger'."""
    text = text.lower().translate(str.maketrans({"æ": "ae", "ø": "oe", "å": "aa"}))
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")


@dataclass
class Composition:
    """The chapter's parts in reading order, and what the checks must look at."""

    parts: list[Section]
    places: list[str] = field(default_factory=list)  # the shared chapter's heading places
    wordings: dict[str, Override] = field(default_factory=dict)  # effect-goal key → the unit's wording
    unplaced: list[Override] = field(default_factory=list)  # a place the shared chapter does not have
    twice: list[tuple[Override, int]] = field(default_factory=list)  # a second `erstat` and the first's line
    extra_slots: list[tuple[str, int]] = field(default_factory=list)  # a second ```{lokalt}```: (file, line)


def _split_own(own: Section) -> tuple[Section, list[Override]]:
    """Cut the unit's text at its place directives: the local text, then one block per directive."""
    local: list[Token] = []
    blocks: list[Override] = []
    current = local
    for token in own.tokens:
        found = directive(token)
        if found and found[0] in PLACE_DIRECTIVES:
            kind, written = found
            line = line_of(token)
            text = own.lines[line - 1] if 0 < line <= len(own.lines) else ""
            index = text.find(written, text.find("}")) if written else -1
            block = Section(own.path, line, [], own.env, lines=own.lines)
            blocks.append(Override(kind, place_name(written), written, line, index + 1 if index >= 0 else 1, block))
            current = block.tokens
            continue
        current.append(token)
    return Section(own.path, own.line, local, own.env, lines=own.lines), blocks


def _heading_places(tokens: list[Token]) -> dict[str, tuple[int, int]]:
    """Each heading's place name → the range of its own text (after the heading, to the next one)."""
    headings = [i for i, token in enumerate(tokens) if token.type == "heading_open"]
    places: dict[str, tuple[int, int]] = {}
    for n, i in enumerate(headings):
        base = place_name(heading_text(tokens, i)) or "afsnit"
        name, k = base, 2
        while name in places:
            name, k = f"{base}-{k}", k + 1
        close = next(j for j in range(i, len(tokens)) if tokens[j].type == "heading_close")
        end = headings[n + 1] if n + 1 < len(headings) else len(tokens)
        places[name] = (close + 1, end)
    return places


def compose(common: Section, own: Section, slot: int | None) -> Composition:
    """Merge the unit's text into the shared chapter's tokens; `slot` is ```{lokalt}```'s index."""
    tokens = common.tokens
    local, blocks = _split_own(own)
    places = _heading_places(tokens)
    result = Composition([], list(places))
    before: dict[int, list[Section]] = {}  # sections to insert before token i (len(tokens): at the end)
    skipped: set[int] = set()
    replaced: dict[str, Override] = {}
    for block in blocks:
        if block.kind == "erstat" and block.place in replaced:
            result.twice.append((block, replaced[block.place].line))
            continue
        if block.place not in places:
            if block.kind == "erstat":
                replaced[block.place] = block
                result.wordings[block.place] = block  # an effect goal's wording, or unknown: the checks tell
            else:
                result.unplaced.append(block)
            continue
        start, end = places[block.place]
        if block.kind == "erstat":
            replaced[block.place] = block
            # The ```{lokalt}``` slot survives a replaced section: the unit's local text still has its place.
            skipped.update(i for i in range(start, end) if i != slot)
            before.setdefault(start, []).append(block.section)
        else:
            # At the end of the section's own text; when the unit's local text stands inside
            # that section (```{lokalt}```), before it, since that text may open its own heading.
            at = slot if slot is not None and start <= slot < end else end
            before.setdefault(at, []).append(block.section)
    if local.tokens:
        before.setdefault(slot if slot is not None else len(tokens), []).append(local)

    run: list[Token] = []

    def flush() -> None:
        if run:
            result.parts.append(Section(common.path, common.line, list(run), common.env, lines=common.lines))
            run.clear()

    for i in range(len(tokens) + 1):
        if i in before:
            flush()
            result.parts.extend(section for section in before[i] if section.tokens)
        if i == len(tokens):
            break
        if i in skipped or i == slot:
            continue
        run.append(tokens[i])
    flush()
    return result
