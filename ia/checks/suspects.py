"""Which figure explains a total that does not add up: two digits swapped, or a figure out of
line with the same row's other years.

An editor told only that a total is wrong tends to change the total, and a wrong row then
publishes a wrong budget with a right-looking sum. When one figure alone explains the
difference, the diagnostic names it; when several could, or none does, it names none, since
a wrong guess would send the editor to a right figure.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from ia.models import Cell


@dataclass(frozen=True)
class Part:
    """One figure a total adds up: a row's (or a group total's) cell, or a cell of a row-total's row."""

    name: str  # the row's label or group, or the column's label in a row total; "" when it has none
    value: Decimal
    path: tuple  # YAML path of the cell
    row: Sequence[Cell] = ()  # the whole row, for its other years (empty for a row total's cells)


@dataclass(frozen=True)
class Suspect:
    """The one part that explains a difference, what it may have been meant as, and why."""

    part: Part
    meant: Decimal
    why: str  # "transposed" | "pattern"
    neighbours: tuple[tuple[int, Decimal], ...] = ()  # (column, figure) the part was compared with


def transpositions(value: Decimal) -> Iterator[Decimal]:
    """Every figure `value` becomes when two adjacent digits change places: 11096 → 11906.

    Digits do not cross the decimal point, and a swap that would lead with a zero is no
    typing slip of a figure written without one.
    """
    text = format(abs(value), "f")
    sign = -1 if value < 0 else 1
    for i in range(len(text) - 1):
        a, b = text[i], text[i + 1]
        if not (a.isdigit() and b.isdigit()) or a == b:
            continue
        swapped = text[:i] + b + a + text[i + 2:]
        if swapped[0] == "0" and len(swapped) > 1 and swapped[1] != ".":
            continue
        try:
            yield sign * Decimal(swapped)
        except InvalidOperation:  # pragma: no cover - digits only
            continue


def transposed_total(found: Decimal, expected: Decimal, tolerance: Decimal) -> Decimal | None:
    """The total as meant when its own digits are swapped and it then equals its rows."""
    meant = [t for t in transpositions(found) if abs(t - expected) <= tolerance]
    return meant[0] if len(meant) == 1 else None


def _transposed(part: Part, difference: Decimal, tolerance: Decimal) -> Decimal | None:
    """What the part was meant as, if swapping two of its digits makes the total add up."""
    for meant in transpositions(part.value):
        if abs(meant - part.value - difference) <= tolerance:
            return meant
    return None


def explained_by_a_part(parts: Sequence[Part], difference: Decimal, tolerance: Decimal) -> bool:
    """Whether some part, with two digits swapped, makes the total add up."""
    return any(_transposed(part, difference, tolerance) is not None for part in parts)


def _breaks_pattern(part: Part, meant: Decimal, neighbours: list[tuple[int, Decimal]],
                    tolerance: Decimal) -> bool:
    """The part is out of line with the same row's figures in the neighbouring columns, and
    the figure that makes the total add up is in line with them.

    In line: equal to a neighbour (budget years that repeat), or an order of magnitude
    apart while the meant figure is within a factor two of every neighbour (a digit too
    many or too few).
    """
    if not neighbours:
        return False
    value = part.value
    figures = [n for _, n in neighbours]
    if any(abs(meant - n) <= tolerance for n in figures) and all(abs(value - n) > tolerance for n in figures):
        return True
    if meant == 0 or any(n == 0 or (n > 0) != (meant > 0) for n in figures):
        return False
    near = all(Decimal("0.5") <= meant / n <= 2 for n in figures)
    far = all(value == 0 or (value > 0) != (n > 0) or not Decimal("0.2") <= value / n <= 5 for n in figures)
    return near and far


def suspect(parts: Sequence[Part], difference: Decimal, tolerance: Decimal,
            neighbours_of, *, total_transposed: bool = False) -> Suspect | None:
    """The one part that explains `difference` (declared total minus the parts' sum).

    A part explains it when swapping two of its digits, or bringing it in line with the
    same row's other years (`neighbours_of(part)`), makes the total add up within
    `tolerance`. A transposition is the stronger sign: when one part has one it is named;
    when several have, the one that also breaks its row's pattern; with none, the one part
    that breaks its pattern. Anything else names no part. When the total's own digits,
    swapped, also make it add up (`total_transposed`), a part's swapped digits are no
    reason to blame it rather than the total: only a part that breaks its pattern is named.
    """
    if difference == 0:
        return None
    transposed: list[Suspect] = []
    pattern: list[Suspect] = []
    for part in parts:
        neighbours = neighbours_of(part)
        meant = _transposed(part, difference, tolerance)
        if meant is not None:
            transposed.append(Suspect(part, meant, "transposed", tuple(neighbours)))
        if _breaks_pattern(part, part.value + difference, neighbours, tolerance):
            pattern.append(Suspect(part, part.value + difference, "pattern", tuple(neighbours)))
    if total_transposed:
        return pattern[0] if len(pattern) == 1 else None
    if len(transposed) == 1:
        return transposed[0]
    if transposed:
        both = [s for s in transposed if any(p.part is s.part for p in pattern)]
        return both[0] if len(both) == 1 else None
    return pattern[0] if len(pattern) == 1 else None
