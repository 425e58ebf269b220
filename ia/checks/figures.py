"""Checks of figure tables: cells fit their columns, and totals equal the sums of their rows."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from decimal import Decimal

from ia.checks._needs import needs
from ia.checks._where import at
from ia.checks.suspects import Part, explained_by_a_part, suspect, transposed_total
from ia.diagnostics import Diagnostic
from ia.document import Agreement, Table
from ia.models import Cell, Group
from ia.numbers import number
from ia.suggest import hint_args
from ia.tables import rows as reading_order


def _all_rows(table: Table) -> Iterator[tuple[tuple, list[Cell]]]:
    """Every row (plain or total) of a table with its YAML path."""
    return ((row.path, row.cells) for row in reading_order(table.data) if row.kind != "heading")


MAX_ROWS = 2000  # far above any real table (the CSR activity table has 40 rows)
MAX_FIGURE = Decimal(10) ** 15  # a figure beyond this is a typing error, not a budget


@needs()
def table_shape(agreement: Agreement) -> Iterator[Diagnostic]:
    """A table has a sane number of rows and header groups that fit its columns."""
    for table in agreement.tables.values():
        rows = sum(1 for _ in _all_rows(table))
        if rows > MAX_ROWS:
            yield Diagnostic("IA216", at(table.path, table.positions, "rows"), {"found": rows, "limit": MAX_ROWS})
        spans = sum(group.span for group in table.data.header_groups)
        if table.data.header_groups and spans != len(table.data.columns) - 1:
            yield Diagnostic("IA217", at(table.path, table.positions, "header_groups"),
                             {"found": spans, "expected": len(table.data.columns) - 1})


@needs()
def empty_tables(agreement: Agreement) -> Iterator[Diagnostic]:
    """A table whose number columns hold no figures at all is waiting for this year's figures."""
    for table in agreement.tables.values():
        numeric = [i for i, column in enumerate(table.data.columns) if column.type == "number"]
        if numeric and all(len(row) <= i or row[i] is None for _, row in _all_rows(table) for i in numeric):
            yield Diagnostic("IA218", at(table.path, table.positions, "rows"), {"id": table.id})


@needs()
def table_cells(agreement: Agreement) -> Iterator[Diagnostic]:
    """Each row has one cell per column; text columns hold text, number columns numbers."""
    for table in agreement.tables.values():
        columns = table.data.columns
        for path, row in _all_rows(table):
            if len(row) != len(columns):
                yield Diagnostic("IA211", at(table.path, table.positions, *path), {"found": len(row), "expected": len(columns)})
                continue
            for c, (value, column) in enumerate(zip(row, columns)):
                span = at(table.path, table.positions, *path, c)
                name = column.label or f"nr. {c + 1}"
                if column.type == "number" and isinstance(value, str) and value.strip() != "-":
                    suggestion = value.replace(".", "").replace(",", ".")
                    hint = "no_thousands" if suggestion.lstrip("-").replace(".", "", 1).isdigit() else None
                    if hint and suggestion == value.strip():
                        hint = "unquote_number"  # '"123"': the quotes make it text, not a separator
                    yield Diagnostic("IA213", span, {"column": name, "found": value, "suggestion": suggestion}, hint)
                elif isinstance(value, int | Decimal) and not isinstance(value, bool) and abs(value) >= MAX_FIGURE:
                    yield Diagnostic("IA215", span, {"found": value})
                elif column.type == "text" and isinstance(value, int | Decimal) and not isinstance(value, bool):
                    yield Diagnostic("IA212", span, {"column": name, "found": value, "raw": str(value)}, "quote_text")
                elif column.type == "number" and isinstance(value, Decimal):
                    yield from _more_decimals_than_shown(value, column.decimals, name, span)


def typed_decimals(value: Decimal) -> int:
    """How many decimals the editor typed: 2.677 → 3, 9.50 → 2, 12 → 0."""
    exponent = value.as_tuple().exponent
    return max(0, -exponent) if isinstance(exponent, int) else 0


def looks_like_thousands(value: Decimal) -> bool:
    """2.677 or 1.000: three decimals typed, as a Danish thousands point leaves them
    (never 0.250: a thousands point does not follow a lone zero)."""
    return typed_decimals(value) == 3 and abs(value) >= 1


def _more_decimals_than_shown(value: Decimal, decimals: int, column: str, span) -> Iterator[Diagnostic]:
    """A figure must print as typed: never with fewer decimals than the editor wrote.

    2.677 typed for 2677 (a Danish thousands point) in a column of whole numbers would
    print as 3 and drop the chart to nothing; 1.000 would print as 1, and 1.000 in a
    column of two decimals as 1,00. Any typed decimal the column does not print is
    reported, even a zero, since that is exactly how the thousands-point slip looks.
    """
    if typed_decimals(value) <= decimals:
        return
    slip = decimals == 0 and looks_like_thousands(value)
    args = {"column": column, "found": str(value), "shown": number(value, decimals),
            "expected": "et helt tal" if decimals == 0 else f"højst {decimals} decimaler",
            "expected_en": "a whole number" if decimals == 0 else f"at most {decimals} decimals",
            "decimals": decimals, "needed": typed_decimals(value)}
    if slip:
        args["suggestion"] = str(value).replace(".", "")
        yield Diagnostic("IA219", span, args, "thousands_point")
    else:
        yield Diagnostic("IA219", span, args, "column_decimals")


@dataclass
class _Sum:
    value: Decimal
    parts: list[Part] = field(default_factory=list)
    unknown: bool = False  # a part is text: IA213 reports it, the sum cannot be judged


def _unknown(cell: Cell) -> bool:
    """Text or an absurd figure: reported by table_cells, so sums over it are not judged."""
    if isinstance(cell, str):
        return cell.strip() != "-"
    return isinstance(cell, int | Decimal) and not isinstance(cell, bool) and abs(cell) >= MAX_FIGURE


def _value(cell: Cell) -> Decimal | None:
    if isinstance(cell, bool) or not isinstance(cell, int | Decimal) or _unknown(cell):
        return None
    return Decimal(cell)


def _label(row: list[Cell]) -> str:
    return str(row[0]).strip() if row and row[0] is not None else ""


def _contribution(items: list, column: int, path: tuple) -> _Sum:
    """What a list of items adds up to in one column, and its parts; a group counts with its total."""
    total = _Sum(Decimal(0))
    for i, item in enumerate(items):
        if isinstance(item, Group):
            if item.total is not None and len(item.total) > column:
                value = _value(item.total[column])
                if value is not None:
                    total.value += value
                    name = _label(item.total) or (item.group or "").strip()
                    total.parts.append(Part(name, value, path + (i, "total", column), item.total))
            else:
                inner = _contribution(item.rows, column, path + (i, "rows"))
                total.value += inner.value
                total.parts += inner.parts
                total.unknown |= inner.unknown
        elif len(item) > column:
            total.unknown |= _unknown(item[column])
            value = _value(item[column])
            if value is not None:
                total.value += value
                total.parts.append(Part(_label(item), value, path + (i, column), item))
    return total


def _compare(table: Table, path: tuple, declared: list[Cell], items: list, items_path: tuple) -> Iterator[Diagnostic]:
    columns = table.data.columns
    label = str(declared[0]) if declared and declared[0] else "Total"
    accepted = {(d.row, d.column): d.reason for d in table.data.accepted}
    for c, column in enumerate(columns):
        # A quotient column's totals are quotients of the totals (checked as such), not sums.
        if column.type != "number" or not column.summed or column.quotient_of or c >= len(declared):
            continue
        found = _value(declared[c])
        if found is None:
            continue
        expected = _contribution(items, c, items_path)
        if not expected.parts or expected.unknown:
            continue
        yield from _judge(table, path + (c,), label, c, found, expected, accepted)


def _like_columns(table: Table, c: int) -> list[int]:
    """The columns whose figures a row's figure in column `c` can be compared with: the
    table's other plain summed figures of the same kind, such as the budget years."""
    columns = table.data.columns
    own = columns[c]

    def plain(col) -> bool:
        return (col.type == "number" and col.summed and not col.row_total and not col.product_of
                and not col.quotient_of and col.decimals == own.decimals)

    return [i for i, col in enumerate(columns) if i != c and plain(col)] if plain(own) else []


def _neighbours(table: Table, c: int):
    """For a part of column `c`: the same row's figures in the nearest like column on each side."""
    like = _like_columns(table, c)

    def of(part: Part) -> list[tuple[int, Decimal]]:
        found = []
        for side in ([i for i in reversed(like) if i < c], [i for i in like if i > c]):
            for i in side:
                value = _value(part.row[i]) if len(part.row) > i else None
                if value is not None:
                    found.append((i, value))
                    break
        return found

    return of


def _judge(table: Table, path: tuple, label: str, c: int, found: Decimal, expected: _Sum,
           accepted: dict[tuple[str, str], str], *, cells: bool = False) -> Iterator[Diagnostic]:
    """Compare a declared total with its parts; say by how much it is off, which parts make
    it up and, where one part explains the difference, which (see ia.checks.suspects).

    `cells` is true for a row-total column, whose parts are the row's own cells.
    """
    columns = table.data.columns
    column = columns[c]
    decimals = column.decimals
    # Each part rounded to the unit may be off by half a unit; exact figures (counts) by none.
    if cells:
        rounded = sum(1 for part in expected.parts if table.data.is_rounded(columns[part.path[-1]]))
    else:
        rounded = len(expected.parts) if table.data.is_rounded(column) else 0
    tolerance = Decimal(1).scaleb(-decimals) * rounded / 2
    if abs(found - expected.value) <= tolerance:
        return
    difference = found - expected.value
    args = {"label": label, "column": column.label, "expected": number(expected.value, decimals),
            "found": number(found, decimals), "tolerance": number(tolerance, decimals + 1),
            **_parts_text(table, expected.parts, cells),
            "difference": number(abs(difference), decimals) + (" for meget" if difference > 0 else " for lidt"),
            "difference_en": number(abs(difference), decimals) + (" too much" if difference > 0 else " too little")}
    span = at(table.path, table.positions, *path)
    if (label, column.label) in accepted:
        reason = accepted[(label, column.label)]
        yield Diagnostic("IA602", span, {**args, "reason": reason}, accepted=reason)
        return
    neighbours = (lambda part: []) if cells else _neighbours(table, c)
    meant = transposed_total(found, expected.value, tolerance)
    found_suspect = suspect(expected.parts, difference, tolerance, neighbours, total_transposed=meant is not None)
    if found_suspect is not None:
        part = found_suspect.part
        args |= {**_part_name(table, part, cells), "typed": number(part.value, decimals),
                 "meant": number(found_suspect.meant, decimals)}
        if found_suspect.why == "transposed":
            yield Diagnostic("IA601", span, args, "sum_transposed")
            return
        shown = [(f"'{columns[i].label}' ({number(v, decimals)})") for i, v in found_suspect.neighbours]
        args |= {"neighbours": _listed(shown, "og"), "neighbours_en": _listed(shown, "and")}
        yield Diagnostic("IA601", span, args, "sum_pattern")
        return
    if meant is not None and not explained_by_a_part(expected.parts, difference, tolerance):
        yield Diagnostic("IA601", span, {**args, "meant": number(meant, decimals)}, "sum_total_transposed")
        return
    yield Diagnostic("IA601", span, args, "sum_rows" if tolerance else "sum_rows_exact")


MAX_NAMED = 8  # parts a message names; a long total names the first ones and counts the rest


def _listed(names: list[str], conjunction: str) -> str:
    if len(names) <= 1:
        return "".join(names)
    return f"{', '.join(names[:-1])} {conjunction} {names[-1]}"


def _parts_text(table: Table, parts: list[Part], cells: bool) -> dict[str, str]:
    """Name the parts a total adds up, in Danish and English: "rækkerne 'A', 'B' og 'C'"."""
    da, en = [], []
    for part in parts[:MAX_NAMED]:
        if part.name:
            da.append(f"'{part.name}'")
            en.append(f"'{part.name}'")
        else:
            line = at(table.path, table.positions, *part.path).line
            da.append(f"linje {line}")
            en.append(f"line {line}")
    rest = len(parts) - MAX_NAMED
    if rest > 0:
        da.append(f"{rest} {'række' if rest == 1 else 'rækker'} mere" if not cells else f"{rest} mere")
        en.append(f"{rest} more")
    noun_da = "kolonnerne" if cells else "rækkerne"
    noun_en = "the columns" if cells else "the rows"
    if len(parts) == 1:
        noun_da, noun_en = ("kolonnen", "the column") if cells else ("rækken", "the row")
    return {"parts": f"{noun_da} {_listed(da, 'og')}", "parts_en": f"{noun_en} {_listed(en, 'and')}"}


def _part_name(table: Table, part: Part, cells: bool) -> dict[str, str]:
    """Name the part that explains a difference, with the line to change."""
    if cells:
        return {"part": f"kolonnen '{part.name}'", "part_en": f"the column '{part.name}'"}
    line = at(table.path, table.positions, *part.path).line
    if part.name:
        return {"part": f"rækken '{part.name}' i linje {line}", "part_en": f"the row '{part.name}' on line {line}"}
    return {"part": f"rækken i linje {line}", "part_en": f"the row on line {line}"}


@needs()
def table_totals(agreement: Agreement) -> Iterator[Diagnostic]:
    """Declared totals equal their rows within rounding; row-total columns equal their row."""
    for table in agreement.tables.values():
        accepted = {(d.row, d.column): d.reason for d in table.data.accepted}

        def walk(items: list, path: tuple) -> Iterator[Diagnostic]:
            for i, item in enumerate(items):
                if isinstance(item, Group):
                    yield from walk(item.rows, path + (i, "rows"))
                    if item.total is not None:
                        yield from _compare(table, path + (i, "total"), item.total, item.rows, path + (i, "rows"))

        yield from walk(table.data.rows, ("rows",))
        if table.data.total is not None:
            yield from _compare(table, ("total",), table.data.total, table.data.rows, ("rows",))
        columns = table.data.columns
        for c, column in enumerate(columns):
            if not column.row_total:
                continue
            others = [i for i, col in enumerate(columns) if col.type == "number" and not col.row_total]
            for path, row in _all_rows(table):
                if len(row) != len(columns) or _value(row[c]) is None:
                    continue
                parts = [Part(columns[i].label, v, path + (i,)) for i in others if (v := _value(row[i])) is not None]
                if not parts:
                    continue
                label = str(row[0]) if row[0] else "Total"
                yield from _judge(table, path + (c,), label, c, _value(row[c]),
                                  _Sum(sum((p.value for p in parts), Decimal(0)), parts), accepted, cells=True)


@needs()
def table_products(agreement: Agreement) -> Iterator[Diagnostic]:
    """A product column equals the product of its factor columns (count × unit price) within rounding."""
    for table in agreement.tables.values():
        columns = table.data.columns
        index = {col.label: i for i, col in enumerate(columns) if col.type == "number"}
        for c, column in enumerate(columns):
            if not column.product_of:
                continue
            missing = [label for label in column.product_of if label not in index]
            if missing:
                yield Diagnostic("IA605", at(table.path, table.positions, "columns", c, "product_of"),
                                 {"column": column.label, "factor": missing[0]})
                continue
            factors = [index[label] for label in column.product_of]
            for path, row in _all_rows(table):
                if len(row) != len(columns):
                    continue
                found = _value(row[c])
                values = [_value(row[i]) for i in factors]
                if found is None or any(v is None for v in values):
                    continue
                yield from _judge_product(table, path + (c,), row, column, [columns[i] for i in factors], values, found)


def _judge_product(table: Table, path: tuple, row: list[Cell], column, factor_columns, values, found) -> Iterator[Diagnostic]:
    """Compare a product cell with the product of its factors, allowing for their rounding."""
    factor = Decimal(column.factor)
    expected = factor
    for value in values:
        expected *= value
    # The product is shown rounded to its decimals. A factor rounded to its shown decimals
    # (an amount) allows an error that grows with the others; an exact factor (a count) none.
    tolerance = Decimal(1).scaleb(-column.decimals) / 2
    for i, col in enumerate(factor_columns):
        if not table.data.is_rounded(col):
            continue
        others = abs(factor)
        for j, value in enumerate(values):
            if j != i:
                others *= abs(value)
        tolerance += Decimal(1).scaleb(-col.decimals) / 2 * others
    if abs(found - expected) <= tolerance:
        return
    label = str(row[0]) if row and row[0] else "Total"
    names = " × ".join(col.label for col in factor_columns) + (f" × {factor}" if factor != 1 else "")
    args = {"label": label, "column": column.label, "factors": names,
            "expected": number(expected, column.decimals), "found": number(found, column.decimals)}
    yield _deviation(table, label, column.label, path, args)


@needs()
def table_quotients(agreement: Agreement) -> Iterator[Diagnostic]:
    """A quotient column equals its numerator column divided by its denominator column
    (a price per citizen, 400 ÷ 3,73) within the rounding of all three, in every row and total."""
    for table in agreement.tables.values():
        columns = table.data.columns
        index = {col.label: i for i, col in enumerate(columns) if col.type == "number"}
        for c, column in enumerate(columns):
            if not column.quotient_of:
                continue
            missing = [(k, label) for k, label in enumerate(column.quotient_of) if label not in index]
            for k, label in missing:
                args, hint = hint_args(label, [l for l in index if l != column.label], cutoff=0.5)
                yield Diagnostic("IA610", at(table.path, table.positions, "columns", c, "quotient_of", k),
                                 {"column": column.label, "found": label, **args}, hint)
            if missing:
                continue
            top, bottom = (index[label] for label in column.quotient_of)
            for path, row in _all_rows(table):
                if len(row) != len(columns):
                    continue
                found, numerator, denominator = _value(row[c]), _value(row[top]), _value(row[bottom])
                if found is None or numerator is None or denominator is None:
                    continue
                label = str(row[0]) if row and row[0] else "Total"
                if denominator == 0:
                    yield Diagnostic("IA611", at(table.path, table.positions, *path, c),
                                     {"label": label, "column": column.label, "divisor": columns[bottom].label,
                                      "found": number(found, column.decimals)}, "empty_quotient")
                    continue
                yield from _judge_quotient(table, path + (c,), label, column, (columns[top], columns[bottom]),
                                           numerator, denominator, found)


def _judge_quotient(table: Table, path: tuple, label: str, column, operands, numerator: Decimal,
                    denominator: Decimal, found: Decimal) -> Iterator[Diagnostic]:
    """Compare a quotient cell with numerator ÷ denominator × factor, allowing for rounding.

    Each operand may be off by half its shown unit; the quotient's possible values lie
    between the corners of that box (the denominator keeps its sign, so the quotient is
    monotone in each operand), widened by half the quotient's own unit.
    """
    factor = Decimal(column.factor)
    top_col, bottom_col = operands
    top_err = Decimal(1).scaleb(-top_col.decimals) / 2 if table.data.is_rounded(top_col) else Decimal(0)
    bottom_err = Decimal(1).scaleb(-bottom_col.decimals) / 2 if table.data.is_rounded(bottom_col) else Decimal(0)
    expected = factor * numerator / denominator
    if abs(denominator) > bottom_err:
        corners = [factor * (numerator + a) / (denominator + b)
                   for a in (-top_err, top_err) for b in (-bottom_err, bottom_err)]
        low, high = min(corners), max(corners)
    else:
        return  # the denominator may round from zero: any quotient is possible
    own = Decimal(1).scaleb(-column.decimals) / 2
    if low - own <= found <= high + own:
        return
    names = f"{top_col.label} ÷ {bottom_col.label}" + (f" × {factor}" if factor != 1 else "")
    args = {"label": label, "column": column.label, "factors": names,
            "expected": number(expected, column.decimals), "found": number(found, column.decimals)}
    yield _deviation(table, label, column.label, path, args)


@needs()
def unused_deviations(agreement: Agreement) -> Iterator[Diagnostic]:
    """Every accepted deviation still matches a figure that does not add up.

    A deviation nobody needs any more would hide the next real error in that cell.
    """
    for table in agreement.tables.values():
        if not table.data.accepted:
            continue
        single = _only(agreement, table)
        matched = {(str(d.args["label"]), str(d.args["column"]))
                   for d in [*table_totals(single), *table_products(single), *table_quotients(single)] if d.code in {"IA602", "IA606"}}
        for i, deviation in enumerate(table.data.accepted):
            if (deviation.row, deviation.column) not in matched:
                yield Diagnostic("IA603", at(table.path, table.positions, "accepted", i),
                                 {"label": deviation.row, "column": deviation.column})


def _only(agreement: Agreement, table: Table) -> Agreement:
    from dataclasses import replace

    return replace(agreement, tables={table.id: table})


def _deviation(table, label: str, column: str, path, args: dict) -> Diagnostic:
    """Report a product or quotient that does not match: IA606 when accepted as signed, else IA604."""
    accepted = {(d.row, d.column): d.reason for d in table.data.accepted}
    span = at(table.path, table.positions, *path)
    if (label, column) in accepted:
        reason = accepted[(label, column)]
        return Diagnostic("IA606", span, {**args, "reason": reason}, accepted=reason)
    return Diagnostic("IA604", span, args)
