"""Flatten figure tables and KPI tables into rows of formatted cells for the templates."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from ia.models import Cell, Column, Kpi, TableData
from ia.numbers import as_written, number, percent
from ia.tables import rows as table_tree


# A table of at most this many rows is never split over two pages in print.
SMALL_TABLE_ROWS = 12


# What an unnamed block's sum row says, so no figure row stands without a label.
UNNAMED_SUBTOTAL = "I alt"


@dataclass(frozen=True)
class CellView:
    text: str
    numeric: bool = False
    negative: bool = False
    mark: str = ""  # the letter of an accepted deviation's note, printed beside the figure


@dataclass(frozen=True)
class RowView:
    kind: str  # "row", "heading", "subtotal" or "total"
    level: int
    cells: list[CellView]
    label: str = ""  # the first cell as the editor wrote it: what `accepted:` names


@dataclass(frozen=True)
class DeviationNote:
    """A figure kept as signed although it does not add up, explained under its table."""

    mark: str
    row: str
    column: str
    reason: str


def cell_text(value: Cell, column: Column) -> CellView:
    """Format one cell: numbers in Danish notation, a dash as an en dash, empty as empty."""
    if column.type != "number":
        return CellView("" if value is None else str(value))
    if value is None:
        return CellView("", numeric=True)
    if isinstance(value, str):
        return CellView("\u2013" if value.strip() == "-" else value, numeric=True)
    return CellView(number(value, column.decimals), numeric=True, negative=value < 0)


def _cells(row: list[Cell], columns: list[Column]) -> list[CellView]:
    padded = list(row) + [None] * (len(columns) - len(row))
    return [cell_text(value, column) for value, column in zip(padded, columns)]


def _label(row: list[Cell]) -> str:
    return str(row[0]) if row and row[0] is not None else ""


def _sum_row(kind: str, level: int, row: list[Cell], columns: list[Column]) -> RowView:
    cells = _cells(row, columns)
    if not cells[0].text.strip():
        cells[0] = CellView(UNNAMED_SUBTOTAL)
    return RowView(kind, level, cells, _label(row))


def table_rows(table: TableData) -> list[RowView]:
    """Return the table's rows in reading order, groups opened by headings, closed by totals.

    A figure listed under `accepted:` carries the mark of its note (see `deviation_notes`).
    """
    rows: list[RowView] = []
    for row in table_tree(table):
        if row.kind == "heading":
            rows.append(RowView("heading", row.level, [CellView(row.label)] + [CellView("") for _ in table.columns[1:]], row.label))
        elif row.is_sum:
            rows.append(_sum_row(row.kind, row.level, row.cells, table.columns))
        else:
            rows.append(RowView("row", row.level, _cells(row.cells, table.columns), _label(row.cells)))
    marks = {(note.row, note.column): note.mark for note in deviation_notes(table, rows)}
    return [RowView(row.kind, row.level, [
        CellView(cell.text, cell.numeric, cell.negative, marks.get((row.label, column.label), ""))
        for cell, column in zip(row.cells, table.columns)], row.label) for row in rows]


def deviation_notes(table: TableData, rows: list[RowView] | None = None) -> list[DeviationNote]:
    """Letter the accepted deviations a, b, c … in the order their figures are read."""
    reasons = {(d.row, d.column): d.reason for d in table.accepted}
    found: list[tuple[str, str]] = []
    for row in rows if rows is not None else table_rows(table):
        found.extend((row.label, column.label) for column in table.columns[1:]
                     if (row.label, column.label) in reasons and (row.label, column.label) not in found)
    return [DeviationNote(_letter(i), label, column, reasons[(label, column)]) for i, (label, column) in enumerate(found)]


def _letter(index: int) -> str:
    """a … z, then aa, ab …"""
    return (_letter(index // 26 - 1) if index >= 26 else "") + chr(ord("a") + index % 26)


def kpi_value(value: int | Decimal | str | None, kpi: Kpi) -> CellView:
    """Format a KPI value for its scale: 86 %, 9,5, 3.800."""
    if value is None:
        return CellView("", numeric=True)
    if isinstance(value, str):
        return CellView(value, numeric=kpi.scale != "tekst")
    if kpi.scale == "procent":
        return CellView(percent(value), numeric=True)
    return CellView(as_written(value), numeric=True, negative=value < 0)


class TableNumbers:
    """Number the document's tables in reading order ("Tabel 1."), when the agreement asks.

    Numbers are generated, never typed, so they stay right when a table is added or moved.
    Tables must be rendered in reading order for that to hold, as footnotes must.
    """

    def __init__(self, enabled: bool) -> None:
        self.enabled = enabled
        self.count = 0

    def next(self) -> str | None:
        """Return the next table's number as printed, or None when tables are not numbered."""
        if not self.enabled:
            return None
        self.count += 1
        return f"Tabel {self.count}."
