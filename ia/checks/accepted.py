"""Text warnings accepted with a reason: what a signed agreement says stays as signed.

A stale year or a date Markdown reads as a list item may be exactly what was signed. The
editor records it in the file's front-matter under `accepted:` (code, a piece of the line,
reason); the warning is then still shown, said to be accepted and why, as a notice (as a
table's accepted figures are), and an acceptance that matches no warning is itself a
warning (IA364), since it would hide the next real one.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace

from ia.checks._where import at
from ia.diagnostics import Diagnostic
from ia.document import Agreement, all_sections
from ia.messages import ACCEPTABLE_TEXT_WARNINGS
from ia.models import AcceptedText
from ia.source.yamltext import Positions


@dataclass(frozen=True)
class _Acceptance:
    path: str  # the file whose warnings it accepts (the file it is written in)
    index: int
    entry: AcceptedText
    positions: Positions | None


def _acceptances(agreement: Agreement) -> Iterator[_Acceptance]:
    """Every `accepted:` entry of a chapter, the shared chapter it builds on, and a goal."""
    seen: set[str] = set()
    sources = []
    for chapter in agreement.chapters:
        sources.append((chapter.path, chapter.meta.accepted, chapter.positions))
        if chapter.shared_meta is not None:
            sources.append((chapter.shared_path, chapter.shared_meta.accepted, chapter.shared_positions))
    sources += [(goal.path, goal.meta.accepted, goal.positions) for goal in agreement.goals]
    for path, entries, positions in sources:
        if path in seen:
            continue
        seen.add(path)
        for i, entry in enumerate(entries):
            yield _Acceptance(path, i, entry, positions)


def _lines(agreement: Agreement) -> dict[str, list[str]]:
    return {section.path: section.lines for section in all_sections(agreement) if section.lines}


def _matches(acceptance: _Acceptance, diagnostic: Diagnostic, lines: dict[str, list[str]]) -> bool:
    """The warning has the acceptance's code, in its file, on a line (or about text) with its text."""
    if diagnostic.code != acceptance.entry.code or diagnostic.span.path != acceptance.path:
        return False
    text = acceptance.entry.text
    file = lines.get(diagnostic.span.path, [])
    line = file[diagnostic.span.line - 1] if 0 < diagnostic.span.line <= len(file) else ""
    return text in line or any(isinstance(v, str) and text in v for v in diagnostic.args.values())


def accept_text_warnings(agreement: Agreement, diagnostics: list[Diagnostic], *,
                         complete: bool = True) -> list[Diagnostic]:
    """Mark the text warnings an editor accepted; report acceptances that are wrong or unused.

    `complete` is false when some check did not run (a part of the agreement is unknown):
    an acceptance may then be unused only because its warning was not looked for, so
    unused ones are not reported until everything is checked.
    """
    acceptances = list(_acceptances(agreement))
    if not acceptances:
        return diagnostics
    lines = _lines(agreement)
    used: set[tuple[str, int]] = set()
    out: list[Diagnostic] = []
    for d in diagnostics:
        if d.code in ACCEPTABLE_TEXT_WARNINGS and d.accepted is None:
            match = next((a for a in acceptances if _matches(a, d, lines)), None)
            if match is not None:
                used.add((match.path, match.index))
                d = replace(d, accepted=match.entry.reason)
        out.append(d)
    for a in acceptances:
        where = at(a.path, a.positions, "accepted", a.index)
        if a.entry.code not in ACCEPTABLE_TEXT_WARNINGS:
            out.append(Diagnostic("IA369", at(a.path, a.positions, "accepted", a.index, "code"),
                                  {"found": a.entry.code, "expected": ", ".join(ACCEPTABLE_TEXT_WARNINGS)}))
        elif complete and (a.path, a.index) not in used:
            out.append(Diagnostic("IA364", where, {"code": a.entry.code, "text": a.entry.text}))
    return out
