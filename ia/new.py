"""Start next year's agreement from this year's: what `ia new` writes, computed in memory.

Goals are carried over as continued from the source year, last year's KPI targets become
this year's baselines, and figures that must be re-entered are emptied; text is copied
as it is, for the editor to review (the stale-year checks point at what to change).
"""

from __future__ import annotations

import io
import os
import re
from collections.abc import Mapping
from decimal import Decimal
from pathlib import Path, PurePosixPath

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq

from ia import paths
from ia.diagnostics import Diagnostic, Span, relpath
from ia.followup import EDITION_PREFIX

YEAR = re.compile(r"\b(19|20)(\d{2})\b")


def _yaml() -> YAML:
    yaml = YAML()  # round-trip: comments, order and quoting survive
    yaml.preserve_quotes = True
    yaml.width = 4096
    yaml.indent(mapping=2, sequence=4, offset=2)
    return yaml


def shift_years(text: str, delta: int) -> str:
    """Move every year in a label on by `delta`: 'Mål pr. okt. 2026' -> 'Mål pr. okt. 2027'."""
    return YEAR.sub(lambda m: str(int(m.group(0)) + delta), text)


def _load(text: str):
    return _yaml().load(text)


class _WrittenNull(str):
    """An empty value the editor wrote as a word ('null', '~'), to be written back the same way."""


def _represent_written_null(representer, data: _WrittenNull):
    return representer.represent_scalar("tag:yaml.org,2002:null", str(data))


_NULL_WORD = re.compile(r"(null|Null|NULL|~)(?=\s|,|\]|\}|#|$)")


def _keep_written_nulls(node, lines: list[str]) -> None:
    """Mark the empty values that the source spells out, so `group: null` is not written back as `group:`.

    ruamel.yaml keeps every value's position (`lc`) but not how an empty one was spelt;
    a value emptied here (a figure, a target) has a number at its position and is left alone.
    """
    if isinstance(node, CommentedMap):
        items = list(node.items())
    elif isinstance(node, CommentedSeq):
        items = list(enumerate(node))
    else:
        return
    for key, value in items:
        if value is None:
            try:
                line, col = node.lc.value(key) if isinstance(node, CommentedMap) else node.lc.item(key)
            except (KeyError, IndexError, TypeError):
                continue
            match = _NULL_WORD.match(lines[line], col) if line < len(lines) else None
            if match:
                node[key] = _WrittenNull(match.group(1))
        else:
            _keep_written_nulls(value, lines)


def _dump(data, source: str) -> str:
    """Write `data` back in the source's layout, empty values spelt as in `source`."""
    _keep_written_nulls(data, source.splitlines())
    yaml = _yaml()
    yaml.representer.add_representer(_WrittenNull, _represent_written_null)
    # Actual values from a follow-up are exact decimals: written as typed (7.10 stays 7.10).
    yaml.representer.add_representer(Decimal, lambda r, d: r.represent_scalar("tag:yaml.org,2002:float", str(d)))
    buffer = io.StringIO()
    yaml.dump(data, buffer)
    return buffer.getvalue()


def _split_front_matter(text: str) -> tuple[str, str] | None:
    if not text.startswith("---\n"):
        return None
    end = text.find("\n---\n", 3)
    if end < 0:
        return None
    return text[4:end + 1], text[end + 5:]


def new_agreement_yaml(text: str, *, unit: str, year: int) -> str:
    data = _load(text)
    data["unit"] = unit
    data["year"] = year
    data["effective_date"] = f"{year}-01-01"
    data.pop("created", None)
    return _dump(data, text)


def new_goal(text: str, *, source_year: int, delta: int, actuals: Mapping[tuple[str, str], object] | None = None) -> str:
    """Mark the goal continued, offer last year's actual values (from the year-end follow-up,
    by (KPI id, indicator)) or else its targets as baselines, empty the targets."""
    parts = _split_front_matter(text)
    if parts is None:
        return text
    meta_text, body = parts
    meta = _load(meta_text)
    meta["continues_from"] = source_year
    meta.pop("accepted", None)  # accepted as signed last year; the new text is not signed yet
    for kpi in meta.get("kpis") or []:
        kpi["baseline_label"] = shift_years(str(kpi.get("baseline_label", "")), delta)
        kpi["target_label"] = shift_years(str(kpi.get("target_label", "")), delta)
        for row in kpi.get("rows") or []:
            measured = (actuals or {}).get((str(kpi.get("id")), str(row.get("indicator"))))
            row["baseline"] = measured if measured is not None else row.get("target")
            row["target"] = None
    return "---\n" + _dump(meta, meta_text) + "---\n" + body


def new_chapter(text: str) -> str:
    """Drop the text warnings accepted as signed: the new agreement's text is not signed yet."""
    parts = _split_front_matter(text)
    if parts is None:
        return text
    meta_text, body = parts
    meta = _load(meta_text)
    if not hasattr(meta, "pop") or "accepted" not in meta:
        return text
    meta.pop("accepted")
    return "---\n" + _dump(meta, meta_text) + "---\n" + body


def _empty_numbers(rows, numeric: list[bool]) -> None:
    for item in rows:
        if isinstance(item, dict):
            _empty_numbers(item.get("rows") or [], numeric)
            if item.get("total") is not None:
                _empty_row(item["total"], numeric)
        else:
            _empty_row(item, numeric)


def _empty_row(row, numeric: list[bool]) -> None:
    for i in range(min(len(row), len(numeric))):
        if numeric[i]:
            row[i] = None


def new_table(text: str, *, delta: int) -> str:
    """Keep the table's shape and labels (years moved on), empty its figures."""
    data = _load(text)
    if not isinstance(data, dict):
        return text
    columns = data.get("columns") or []
    numeric = [isinstance(c, dict) and c.get("type") == "number" for c in columns]
    for column in columns:
        if isinstance(column, dict) and "label" in column:
            column["label"] = shift_years(str(column["label"]), delta)
    for key in ("caption", "unit", "note"):
        if data.get(key):
            data[key] = shift_years(str(data[key]), delta)
    _empty_numbers(data.get("rows") or [], numeric)
    if data.get("total") is not None:
        _empty_row(data["total"], numeric)
    data.pop("accepted", None)
    if isinstance(data.get("chart"), dict):
        data["chart"]["caption"] = shift_years(str(data["chart"].get("caption", "")), delta)
        data["chart"]["alt"] = ""  # described last year's figures: to be rewritten
    return _dump(data, text)


def new_rules(text: str, *, year: int) -> str:
    data = _load(text)
    data["year"] = year
    return _dump(data, text)


FIRST_YEAR, LAST_YEAR = 2000, 2100  # the years Meta.year accepts (tests/test_cli.py keeps them equal)


def plan(root: Path, source: Path, *, unit: str, year: int,
         baselines: Mapping[tuple[str, str, str], object] | None = None) -> tuple[dict[Path, bytes], list[Diagnostic]]:
    """Every file the new agreement needs, by target path; nothing is written here.

    `baselines` are the year-end follow-up's actual values by (goal file relative to the
    agreement, KPI id, indicator) (`ia.followup.carry`); the follow-ups themselves belong
    to their year and are not copied.

    The source is read through the path rule: a link that leaves the repository, a pipe
    or an oversized file is a diagnostic, never copied into the new agreement.
    """
    source_year = int(source.parent.name)
    delta = year - source_year
    target = root / "agreements" / str(year) / unit
    if not FIRST_YEAR <= year <= LAST_YEAR:
        return {}, [Diagnostic("IA128", Span(str(year)), {"year": year, "first": FIRST_YEAR, "last": LAST_YEAR})]
    if os.path.lexists(target):
        return {}, [Diagnostic("IA126", Span(relpath(target, root)), {"folder": relpath(target, root)})]
    if delta <= 0:
        return {}, [Diagnostic("IA127", Span(relpath(source, root)), {"year": year, "source": source_year})]
    files: dict[Path, bytes] = {}
    problems: list[Diagnostic] = []

    def read(path: Path) -> bytes | None:
        try:
            return paths.read_bytes(root, path)
        except paths.PathError as refused:
            problems.append(Diagnostic(refused.code, Span(refused.path), refused.args_))
            return None

    for rel, path in paths.regular_files(root, source):
        if len(rel.parts) == 1 and rel.name.startswith(EDITION_PREFIX):
            continue
        data = read(path)
        if data is None:
            continue
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            line = data[: error.start].count(b"\n") + 1
            problems.append(Diagnostic("IA108", Span(relpath(path, root), line, 1), {"line": line}))
            continue
        if rel == PurePosixPath("agreement.yaml"):
            text = new_agreement_yaml(text, unit=unit, year=year)
        elif rel.parts[0] == "goals" and rel.suffix == ".md":
            mine = {(kpi, indicator): value for (goal, kpi, indicator), value in (baselines or {}).items() if goal == rel.as_posix()}
            text = new_goal(text, source_year=source_year, delta=delta, actuals=mine)
        elif rel.parts[0] == "chapters" and rel.suffix == ".md":
            text = new_chapter(text)
        elif rel.parts[0] == "tables" and rel.suffix == ".yaml":
            text = new_table(text, delta=delta)
        files[target / rel] = text.encode("utf-8")
    year_folder = target.parent
    if not os.path.lexists(year_folder / "rules.yaml"):
        rules = read(source.parent / "rules.yaml")
        if rules is not None:
            files[year_folder / "rules.yaml"] = new_rules(rules.decode("utf-8-sig"), year=year).encode("utf-8")
    shared = source.parent / "_shared"
    if shared.is_dir() and not os.path.lexists(year_folder / "_shared"):
        for rel, path in paths.regular_files(root, shared):
            data = read(path)
            if data is not None:
                files[year_folder / "_shared" / rel] = data
    return (files, []) if not problems else ({}, problems)
