"""The one traversal of a figure table's tree of rows and groups.

A table is rows and groups of rows; a group may be named (opened by a heading row) and
may close with its published total. Checks, rendering, charts, the attached data and
`ia diff` all read a table in this one order, with one idea of what a row is and where
it stands in the source, so they never disagree about labels, levels or totals.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from ia.models import Cell, Group, TableData


@dataclass(frozen=True)
class Row:
    """One row of a table in reading order.

    `kind` is "heading" (a named group without its own total opens with its name),
    "row", "subtotal" (a group's total) or "total" (the table's). `path` is where the
    row stands in the table's YAML (("rows", 2, "rows", 0), ("rows", 2, "total"),
    ("total",)); a heading has its group's path. `groups` are the names of the named
    groups the row stands in, outermost first.
    """

    kind: str
    path: tuple
    level: int
    cells: list[Cell]
    groups: tuple[str, ...] = ()
    group: Group | None = None  # the group a heading opens or a subtotal closes

    @property
    def label(self) -> str:
        """The row's name: its first cell as written (a heading's: the group's name)."""
        if self.kind == "heading":
            return self.group.group or "" if self.group else ""
        first = self.cells[0] if self.cells else None
        return str(first) if first is not None else ""

    @property
    def is_sum(self) -> bool:
        return self.kind in {"subtotal", "total"}


def rows(table: TableData) -> Iterator[Row]:
    """Every row of the table in reading order: headings, rows, group totals, the table's total."""
    yield from _walk(table.rows, ("rows",), 0, ())
    if table.total is not None:
        yield Row("total", ("total",), 0, table.total)


def _walk(items: list, path: tuple, level: int, groups: tuple[str, ...]) -> Iterator[Row]:
    for i, item in enumerate(items):
        here = (*path, i)
        if isinstance(item, Group):
            # A named group without a total is shown as a heading over its indented rows;
            # one with a total is closed by that total at its own level.
            opens = item.total is None and bool(item.group)
            if opens:
                yield Row("heading", here, level, [], groups, item)
            inner = (*groups, item.group) if item.group else groups
            yield from _walk(item.rows, (*here, "rows"), level + 1 if opens else level, inner)
            if item.total is not None:
                yield Row("subtotal", (*here, "total"), level, item.total, groups, item)
        else:
            yield Row("row", here, level, item, groups)
