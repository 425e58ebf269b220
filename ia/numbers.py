"""Figures in Danish notation: 50.204.563, 597,34, −30.749.

Written out here rather than through Babel's `format_decimal`: `ia check` formats figures
in its diagnostics, and Babel's import and locale data cost it about 6 % of its run.
The rules are Babel's for `#,##0.00` in da_DK, step for step (the sign read before rounding,
so -0,4 prints as −0; the value normalised and rounded half-even in a 60-digit context);
`tests/test_numbers.py` holds the two to the same text.
"""

from __future__ import annotations

import re
from decimal import Decimal, localcontext

MINUS = "\u2212"  # a true minus sign, not a hyphen


def number(value: int | Decimal | float, decimals: int = 0) -> str:
    """Format a figure for readers: Danish separators, fixed decimals, a true minus sign."""
    with localcontext() as context:
        context.prec = 60  # room for absurd figures in diagnostics (10^30) without an exception
        value = value if isinstance(value, Decimal) else Decimal(str(value))
        sign = MINUS if value.is_signed() else ""
        value = abs(value).normalize()
        if value.is_infinite():
            return sign + "\u221e"
        whole, _, fraction = f"{value.quantize(Decimal(10) ** -decimals):f}".partition(".")
    groups = []
    while len(whole) > 3:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    text = ".".join([whole, *groups])
    if decimals:
        text += "," + fraction.ljust(decimals, "0")
    return sign + text


def percent(value: int | Decimal) -> str:
    """Format a percentage as Danish text: 86 %, 9,5 %."""
    return f"{as_written(value)}\u00a0%"


def as_written(value: int | Decimal) -> str:
    """Format a figure with as many decimals as the editor wrote: 9.5 → 9,5, 198.29 → 198,29."""
    decimals = max(0, -value.as_tuple().exponent) if isinstance(value, Decimal) else 0
    return number(value, int(decimals))


# An eight-digit Danish number, perhaps after +45 or 0045, perhaps spaced: 28994025,
# 7376 7519, +45 28 99 40 25. Not part of a longer run of digits, dots or dashes (a time
# such as 07.45-13.00, an amount such as 30.749.483).
_PHONE = re.compile(r"(?<![\d.,-])(?:(\+45|0045)\s?)?((?:\d ?){7}\d)(?![\d.,-]?\d)")
# In running text only a number after a phone label is a phone number.
_LABELLED_PHONE = re.compile(r"(?i)(\b(?:tlf|telefon|mobil|mobiltelefon)\.?(?:\s*nr\.)?:?\s*)([+\d][\d ]{7,14}\d)")
NBSP = "\u00a0"


def phone(text: str) -> str:
    """Print every Danish phone number in a phone field in pairs: 28 99 40 25.

    Anything else in the field (a second number in another form, "Træffetid …") stays as typed.
    """

    def pairs(match: re.Match) -> str:
        digits = match.group(2).replace(" ", "")
        grouped = NBSP.join(digits[i:i + 2] for i in range(0, 8, 2))
        return f"+45{NBSP}{grouped}" if match.group(1) else grouped

    return _PHONE.sub(pairs, text)


def labelled_phones(text: str) -> str:
    """Group the phone numbers that follow a label in running text: "Tlf.: 7376 7519"."""
    return _LABELLED_PHONE.sub(lambda m: m.group(1) + phone(m.group(2)), text)
