"""What changed between two agreements, typically one unit's two years."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal

from ia.diagnostics import Diagnostic
from ia.document import Agreement, Goal
from ia.models import TableData
from ia.tables import rows

_YEAR = re.compile(r"\b(19|20)\d{2}\b")


def _key(text: str) -> str:
    """Compare titles and labels without years, punctuation or case."""
    return re.sub(r"[\W_]+", " ", _YEAR.sub("", text)).strip().casefold()


@dataclass
class KpiChange:
    goal: str
    indicator: str
    before: object
    after: object


@dataclass
class GoalPair:
    before: Goal
    after: Goal


@dataclass
class FigureChange:
    table: str
    row: str
    column: str
    before: Decimal | None
    after: Decimal | None
    row_removed: bool = False

    @property
    def emptied(self) -> bool:
        """A figure left empty for the editor to enter (what `ia new` does), not a row taken out."""
        return self.before is not None and self.after is None and not self.row_removed


@dataclass
class EmptiedCells:
    """How many figures of one table were emptied, and in which columns."""

    table: str
    count: int
    columns: list[str]


@dataclass
class Diff:
    a: str
    b: str
    added: list[Goal] = field(default_factory=list)
    removed: list[Goal] = field(default_factory=list)
    continued: list[GoalPair] = field(default_factory=list)
    kpis: list[KpiChange] = field(default_factory=list)
    figures: list[FigureChange] = field(default_factory=list)
    tables_added: list[str] = field(default_factory=list)
    tables_removed: list[str] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        return not (self.added or self.removed or self.kpis or self.figures or self.tables_added or self.tables_removed)

    @property
    def emptied_targets(self) -> list[KpiChange]:
        """KPI targets that had a value and now have none: after `ia new`, every one of them."""
        return [k for k in self.kpis if k.before is not None and k.after is None]

    @property
    def changed_targets(self) -> list[KpiChange]:
        return [k for k in self.kpis if not (k.before is not None and k.after is None)]

    @property
    def changed_figures(self) -> list[FigureChange]:
        """Figures that changed value, appeared or went with their row: each worth a line."""
        return [f for f in self.figures if not f.emptied]

    def emptied_figures(self) -> list[EmptiedCells]:
        """Emptied figures counted by table, in table order, with their columns in first-seen order.

        After `ia new` every figure is emptied: a thousand identical lines would hide the
        few that say something, so they are summarised and `ia check` lists each at its line.
        """
        by_table: dict[str, EmptiedCells] = {}
        for change in self.figures:
            if change.emptied:
                entry = by_table.setdefault(change.table, EmptiedCells(change.table, 0, []))
                entry.count += 1
                if change.column not in entry.columns:
                    entry.columns.append(change.column)
        return list(by_table.values())


def _rows(table: TableData) -> dict[str, list]:
    """Each row (and total) by a label path such as 'Brutto Budget / Stubbæk'."""
    found: dict[str, list] = {}
    for row in rows(table):
        prefix = "".join(f"{group} / " for group in row.groups)
        if row.kind == "row":
            found[prefix + " ".join(str(c) for c in row.cells if isinstance(c, str) and c)] = row.cells
        elif row.kind == "subtotal":
            found[f"{prefix}{row.cells[0] or row.group.group or 'Total'}"] = row.cells
        elif row.kind == "total":
            found[str(row.cells[0] or "Total")] = row.cells
    return found


def _number(value) -> Decimal | None:
    return Decimal(value) if isinstance(value, int | Decimal) and not isinstance(value, bool) else None


def _column_pairs(before: TableData, after: TableData) -> dict[int, int]:
    """Columns of `after` paired with `before`'s: the same label ('Budget 2027' with
    'Budget 2027', so plans for one year are compared), else the same label without its
    year when that is unambiguous ('Antal' with 'Antal')."""
    numeric_a = {c.label: i for i, c in enumerate(before.columns) if c.type == "number"}
    keys_a = [_key(c.label) for c in before.columns if c.type == "number"]
    keys_b = [_key(c.label) for c in after.columns if c.type == "number"]
    pairs = {}
    for j, column in enumerate(after.columns):
        if column.type != "number":
            continue
        if column.label in numeric_a:
            pairs[j] = numeric_a[column.label]
        elif keys_a.count(_key(column.label)) == 1 and keys_b.count(_key(column.label)) == 1:
            pairs[j] = next(i for i, c in enumerate(before.columns)
                            if c.type == "number" and _key(c.label) == _key(column.label))
    return pairs


def _table_changes(name: str, before: TableData, after: TableData) -> list[FigureChange]:
    pairs = _column_pairs(before, after)
    changes = []
    rows_a, rows_b = _rows(before), _rows(after)
    for label, row_b in rows_b.items():
        row_a = rows_a.get(label)
        for j, column in enumerate(after.columns):
            i = pairs.get(j)
            if i is None:
                continue
            old = _number(row_a[i]) if row_a is not None and i < len(row_a) else None
            new = _number(row_b[j]) if j < len(row_b) else None
            if old != new:
                changes.append(FigureChange(name, label, column.label, old, new))
    for label, row_a in rows_a.items():
        if label not in rows_b:
            for column in before.columns:
                i = before.columns.index(column)
                if column.type == "number" and _number(row_a[i] if i < len(row_a) else None) is not None:
                    changes.append(FigureChange(name, label, column.label, _number(row_a[i]), None, row_removed=True))
    return changes


def unreadable(diagnostic: Diagnostic) -> bool:
    """Say whether a diagnostic means part of the agreement was left out when it was read:
    a file that could not be read (1xx) or did not validate (2xx)."""
    return diagnostic.is_error and diagnostic.code[:3] in {"IA1", "IA2"}


def _inner(path: str, folder: str) -> str:
    return path.removeprefix(folder.rstrip("/") + "/")


def diff(a: Agreement, b: Agreement, *, broken: frozenset[str] = frozenset()) -> Diff:
    """Goals added, removed and continued; KPI targets and table figures that changed.

    `broken` names files (relative to their agreement folder, such as 'tables/budget.yaml')
    that could not be read on either side: what they hold is not compared, rather than
    reported as added or removed.
    """
    result = Diff(a.id, b.id)
    by_title = {_key(g.meta.title): g for g in a.goals}
    matched: set[str] = set()
    for goal in b.goals:
        old = by_title.get(_key(goal.meta.title))
        if old is None:
            if _inner(goal.path, b.folder) not in broken:
                result.added.append(goal)
            continue
        matched.add(_key(old.meta.title))
        result.continued.append(GoalPair(old, goal))
        old_rows = {(k.id, r.indicator): r for k in old.meta.kpis for r in k.rows}
        for kpi in goal.meta.kpis:
            for row in kpi.rows:
                before = old_rows.get((kpi.id, row.indicator))
                if before is None or before.target != row.target:
                    result.kpis.append(KpiChange(goal.meta.title, row.indicator,
                                                 before.target if before else None, row.target))
    result.removed = [g for g in a.goals if _key(g.meta.title) not in matched and _inner(g.path, a.folder) not in broken]
    for name in sorted(set(a.tables) | set(b.tables)):
        if f"tables/{name}.yaml" in broken:
            continue
        if name not in a.tables:
            result.tables_added.append(name)
        elif name not in b.tables:
            result.tables_removed.append(name)
        else:
            result.figures.extend(_table_changes(name, a.tables[name].data, b.tables[name].data))
    return result
