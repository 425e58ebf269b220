"""Flatten figure tables and KPI tables into rows of formatted cells for the templates."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from ia.models import Cell, Column, Group, Kpi, TableData
from ia.render.numbers import as_written, number, percent


@dataclass(frozen=True)
class CellView:
    text: str
    numeric: bool = False
    negative: bool = False


@dataclass(frozen=True)
class RowView:
    kind: str  # "row", "heading", "subtotal" or "total"
    level: int
    cells: list[CellView]


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


def table_rows(table: TableData) -> list[RowView]:
    """Return the table's rows in reading order, groups opened by headings, closed by totals."""
    rows: list[RowView] = []

    def walk(items: list, level: int) -> None:
        for item in items:
            if isinstance(item, Group):
                if item.total is None and item.group:
                    heading = [CellView(item.group)] + [CellView("") for _ in table.columns[1:]]
                    rows.append(RowView("heading", level, heading))
                walk(item.rows, level + 1 if item.total is None and item.group else level)
                if item.total is not None:
                    rows.append(RowView("subtotal", level, _cells(item.total, table.columns)))
            else:
                rows.append(RowView("row", level, _cells(item, table.columns)))

    walk(table.rows, 0)
    if table.total is not None:
        rows.append(RowView("total", 0, _cells(table.total, table.columns)))
    return rows


def kpi_value(value: int | Decimal | str | None, kpi: Kpi) -> CellView:
    """Format a KPI value for its scale: 86 %, 9,5, 3.800."""
    if value is None:
        return CellView("", numeric=True)
    if isinstance(value, str):
        return CellView(value, numeric=kpi.scale != "tekst")
    if kpi.scale == "procent":
        return CellView(percent(value), numeric=True)
    return CellView(as_written(value), numeric=True, negative=value < 0)
