"""Figures in Danish notation: 50.204.563, 597,34, −30.749."""

from __future__ import annotations

from decimal import Decimal, localcontext

from babel.numbers import format_decimal

MINUS = "\u2212"  # a true minus sign, not a hyphen


def number(value: int | Decimal | float, decimals: int = 0) -> str:
    """Format a figure for readers: Danish separators, fixed decimals, a true minus sign."""
    pattern = "#,##0" + ("." + "0" * decimals if decimals else "")
    with localcontext() as context:
        context.prec = 60  # room for absurd figures in diagnostics (10^30) without an exception
        text = format_decimal(value, format=pattern, locale="da_DK", decimal_quantization=True)
    return text.replace("-", MINUS)


def percent(value: int | Decimal) -> str:
    """Format a percentage as Danish text: 86 %, 9,5 %."""
    return f"{as_written(value)}\u00a0%"


def as_written(value: int | Decimal) -> str:
    """Format a figure with as many decimals as the editor wrote: 9.5 → 9,5, 198.29 → 198,29."""
    decimals = max(0, -value.as_tuple().exponent) if isinstance(value, Decimal) else 0
    return number(value, int(decimals))
