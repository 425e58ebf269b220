"""The rules of a meeting, one small function each: (meeting) -> diagnostics.

Shape problems are the loader's (IA2xx, IA373/IA374, IA380/IA381); these read the whole
meeting. Minutes are a meeting with decisions; an agenda has none yet.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterator
from typing import Any

from ia.diagnostics import MAX_PER_FILE, Diagnostic, Span
from ia.meeting.document import Item, Meeting
from ia.meeting.models import Accepted, CASE_PATTERN
from ia.source.documents import YamlDoc

# Text left to fill in: "XX. apr.", "Den XX. maj 2026", "[indsæt dato]", "TBD".
PLACEHOLDER = re.compile(r"(?<![\w])X{2,}(?![\w])|\[\s*indsæt[^\]\n]*\]|(?<![\w])TBD(?![\w])", re.IGNORECASE)
_MONTHS = ("januar", "februar", "marts", "april", "maj", "juni", "juli", "august", "september", "oktober", "november",
           "december")
# Dates as minutes name them: 17.3.25, 22.05.25, 22.05.2025, 17. marts 2025.
_NUMERIC_DATE = re.compile(r"(?<![\d.])(\d{1,2})\.(\d{1,2})\.(\d{4}|\d{2})(?![\d])")
_WORDED_DATE = re.compile(r"(?<!\d)(\d{1,2})\.\s+(" + "|".join(_MONTHS) + r")\s+(\d{4})(?!\d)", re.IGNORECASE)


def no_proposals(meeting: Meeting) -> Iterator[Diagnostic]:
    """IA370: every item of the meeting's own has an Indstilling (standing items take theirs from the body)."""
    for item in meeting.items:
        if item.standing is None and "Indstilling" not in item.sections:
            yield Diagnostic("IA370", Span(item.path, item.line, 1), {"number": item.number, "title": item.title})


def proposals_listed(meeting: Meeting) -> Iterator[Diagnostic]:
    """IA386: an Indstilling holds numbered proposals (a lead sentence before them is allowed)."""
    for item in meeting.items:
        section = item.sections.get("Indstilling")
        if item.standing is None and section is not None and not any(t.type == "ordered_list_open" for t in section.tokens):
            yield Diagnostic("IA386", Span(item.path, section.line, 1))


def missing_decisions(meeting: Meeting) -> Iterator[Diagnostic]:
    """IA371: minutes (a meeting with decisions) have a decision on every item."""
    if not meeting.decided:
        return
    for item in meeting.items:
        if item.decision is not None:
            continue
        section = item.sections.get("Beslutning")
        line, col = (section.line, 1) if section is not None else (item.line, item.col)
        if item.standing is None:
            where = where_en = "under '## Beslutning'"
        else:
            where = f"som 'decision:' under '{item.standing.key}:'"
            where_en = f"as 'decision:' under '{item.standing.key}:'"
        yield Diagnostic("IA371", Span(item.path, line, col),
                         {"number": item.number, "title": item.title, "where": where, "where_en": where_en})


def case_numbers(meeting: Meeting) -> Iterator[Diagnostic]:
    """IA372: a case number has the form 2025-031702."""
    for item in meeting.items:
        if item.case is not None and not re.match(CASE_PATTERN, item.case) and item.meta_doc is not None:
            mark = item.meta_doc.positions.find(("case",))
            yield Diagnostic("IA372", Span(item.path, mark.line if mark else 1, mark.col if mark else 1), {"found": item.case})


def date_after_previous(meeting: Meeting) -> Iterator[Diagnostic]:
    """IA375: a meeting comes after the body's previous meeting."""
    if meeting.previous is not None and meeting.meta.date <= meeting.previous:
        yield _at(meeting.meta_doc, ("date",), "IA375", {"date": meeting.meta.date.isoformat(), "previous": meeting.previous.isoformat()})


def referat_date(meeting: Meeting) -> Iterator[Diagnostic]:
    """IA376: the item approving the previous minutes names the previous meeting's date and no other."""
    if meeting.previous is None:
        return
    for item in meeting.items:
        if item.standing is None or not item.standing.approves_previous_minutes or item.part is None:
            continue
        base = ("standing", item.standing.key)
        texts: list[tuple[tuple, str]] = [((*base, "attachments", i), a if isinstance(a, str) else a.title)
                                          for i, a in enumerate(item.part.attachments)]
        texts += [((*base, field), value) for field in ("text", "decision") if (value := getattr(item.part, field))]
        for path, text in texts:
            for found, start in named_dates(text):
                if found != meeting.previous:
                    yield _at(meeting.meta_doc, path, "IA376", {
                        "found": _shown(text, start),
                        "expected": meeting.previous.strftime("%d.%m.%Y")}, offset=_offset(meeting.meta_doc, path, text, start))


def next_meeting_date(meeting: Meeting) -> Iterator[Diagnostic]:
    """IA382: the item announcing the next meeting names the date of the body's next meeting in the repository."""
    if meeting.following is None:
        return
    for item in meeting.items:
        if item.standing is None or not item.standing.announces_next_meeting or item.part is None or not item.part.text:
            continue
        path = ("standing", item.standing.key, "text")
        for found, start in named_dates(item.part.text):
            if found != meeting.following:
                yield _at(meeting.meta_doc, path, "IA382", {
                    "found": _shown(item.part.text, start), "expected": meeting.following.strftime("%d.%m.%Y")},
                    offset=_offset(meeting.meta_doc, path, item.part.text, start))


def _shown(text: str, start: int) -> str:
    match = _NUMERIC_DATE.match(text, start) or _WORDED_DATE.match(text, start)
    return match.group(0) if match else text[start:start + 10]


def named_dates(text: str) -> list[tuple[dt.date | None, int]]:
    """The dates a text names, with where they start; None for one that is no date (31.02.25)."""
    found: list[tuple[dt.date | None, int]] = []
    for match in _NUMERIC_DATE.finditer(text):
        day, month, year = int(match[1]), int(match[2]), int(match[3])
        found.append((_date(2000 + year if year < 100 else year, month, day), match.start()))
    for match in _WORDED_DATE.finditer(text):
        found.append((_date(int(match[3]), _MONTHS.index(match[2].lower()) + 1, int(match[1])), match.start()))
    return sorted(found, key=lambda pair: pair[1])


def _date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def placeholders(meeting: Meeting) -> Iterator[Diagnostic]:
    """IA377 (minutes) / IA378 (agenda) / IA379 (accepted): text left to fill in; IA389: an
    acceptance that accepts nothing."""
    minutes = meeting.decided
    for item in meeting.items:
        if item.standing is None:
            yield from _scan_markdown(item, minutes)
        for entry in item.attachments:
            if entry.file is not None and entry.file.doc is not None:
                yield from _scan(entry.file.doc, entry.file.accepted, minutes, body_from=entry.file.text.line)
    accepted = [a for part in meeting.meta.standing.values() if part is not None for a in part.accepted]
    yield from _scan(meeting.meta_doc, accepted, minutes, body_from=None)


def _scan_markdown(item: Item, minutes: bool) -> Iterator[Diagnostic]:
    doc = item.meta_doc
    if doc is None or item.meta is None:
        return
    body_from = min([t.line for t in item.sections.values()] + ([item.intro.line] if item.intro else []), default=None)
    yield from _scan(doc, item.meta.accepted, minutes, body_from=body_from)


def _scan(doc: YamlDoc, accepted: list[Accepted], minutes: bool, *, body_from: int | None) -> Iterator[Diagnostic]:
    """Find placeholders in a file's YAML values (never in `accepted` itself, nor in comments)
    and, from line `body_from` on, in its Markdown body."""
    used: set[int] = set()
    places: list[tuple[int, int, str, str]] = []  # line, col, found, line text
    for path, value in _strings(doc.data):
        if "accepted" in path:
            continue
        mark = doc.positions.find(path)
        if mark is None or not 0 < mark.line <= len(doc.lines):
            continue
        line_text = doc.lines[mark.line - 1]
        for match in PLACEHOLDER.finditer(value):
            column = line_text.find(match.group(0), mark.col - 1)
            places.append((mark.line, (column if column >= 0 else mark.col - 1) + 1, match.group(0), value))
    if body_from is not None:
        for number in range(body_from, len(doc.lines) + 1):
            text = doc.lines[number - 1]
            for match in PLACEHOLDER.finditer(text):
                places.append((number, match.start() + 1, match.group(0), text))
    # More than a file's diagnostics can show is not looked at: 100 KB of "XX" against as many
    # acceptances would otherwise be billions of comparisons.
    shown = sorted(set(places))
    for line, col, found, text in shown[:MAX_PER_FILE]:
        at = _index_in(text, found, col, doc, line)
        reason = None
        for index, entry in enumerate(accepted):
            if _covers(text, entry.text, at):
                reason = entry.reason
                used.add(index)
                break
        if reason:
            yield Diagnostic("IA379", Span(doc.path, line, col), {"found": found, "reason": reason}, accepted=reason)
        else:
            yield Diagnostic("IA377" if minutes else "IA378", Span(doc.path, line, col), {"found": found})
    if len(shown) > MAX_PER_FILE:
        return  # which acceptances the rest would use is not known
    for index, entry in enumerate(accepted):
        if index not in used:
            path = _accepted_path(doc.data, entry) or ("accepted", index, "text")
            yield _at(doc, path, "IA389", {"text": entry.text})


def _covers(text: str, accepted: str, at: int) -> bool:
    """Whether an occurrence of `accepted` in `text` covers position `at` (looked for near it only)."""
    start = max(0, at - len(accepted) + 1)
    window = text[start: at + len(accepted)]
    found = window.find(accepted)
    while found >= 0:
        if start + found <= at < start + found + len(accepted):
            return True
        found = window.find(accepted, found + 1)
    return False


def _index_in(text: str, found: str, col: int, doc: YamlDoc, line: int) -> int:
    """Where the placeholder at `col` of the file's line stands in `text` (the value or the line)."""
    line_text = doc.lines[line - 1] if 0 < line <= len(doc.lines) else ""
    if text == line_text:
        return col - 1
    # A YAML value: count which occurrence of `found` on the line this is.
    before = line_text[: col - 1].count(found)
    start = -1
    for _ in range(before + 1):
        start = text.find(found, start + 1)
    return start


def _accepted_path(data: Any, entry: Accepted) -> tuple | None:
    for path, value in _strings(data):
        if "accepted" in path and path[-1] == "text" and value == entry.text:
            return path
    return None


def _strings(data: Any, path: tuple = ()) -> Iterator[tuple[tuple, str]]:
    if isinstance(data, str):
        yield path, data
    elif isinstance(data, dict):
        for key, value in data.items():
            yield from _strings(value, (*path, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from _strings(value, (*path, index))


def images(meeting: Meeting) -> Iterator[Diagnostic]:
    """IA388: an image in an item is not printed (meetings carry no images yet)."""
    for item in meeting.items:
        texts = [*item.sections.values(), *([item.intro] if item.intro else [])]
        texts += [entry.file.text for entry in item.attachments if entry.file is not None]
        for text in texts:
            for token in text.tokens:
                for child in token.children or []:
                    if child.type == "image":
                        line = token.map[0] + 1 if token.map else text.line
                        yield Diagnostic("IA388", Span(text.path, line, 1), {"src": str(child.attrs.get("src", ""))[:200]})


def _at(doc: YamlDoc, path: tuple, code: str, args: dict, *, offset: int = 0) -> Diagnostic:
    mark = doc.positions.find(path)
    if mark is None:
        return Diagnostic(code, Span(doc.path, 1, 1), args)
    return Diagnostic(code, Span(doc.path, mark.line, mark.col + offset), args)


def _offset(doc: YamlDoc, path: tuple, text: str, start: int) -> int:
    """Columns from a YAML value's mark to a place inside it (past an opening quote)."""
    mark = doc.positions.find(path)
    if mark is None or not 0 < mark.line <= len(doc.lines):
        return 0
    line = doc.lines[mark.line - 1]
    found = line.find(text[start:start + 8], mark.col - 1)
    return found - (mark.col - 1) if found >= 0 else 0


CHECKS: list[Callable[[Meeting], Iterator[Diagnostic]]] = [
    no_proposals, proposals_listed, missing_decisions, case_numbers, date_after_previous, referat_date,
    next_meeting_date, placeholders, images,
]


def run_checks(meeting: Meeting) -> list[Diagnostic]:
    """Run every rule on a meeting."""
    return [d for check in CHECKS for d in check(meeting)]
