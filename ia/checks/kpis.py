"""Checks of KPI tables: both values present and each within its scale."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from ia.checks._needs import needs
from ia.checks._where import at
from ia.diagnostics import Diagnostic
from ia.document import Agreement
from ia.numbers import as_written

# Scale -> (lowest, highest or None, how the limits read in a message)
LIMITS = {
    "skala": (Decimal(1), Decimal(10), "1–10"),
    "procent": (Decimal(0), Decimal(100), "0–100"),
    "antal": (Decimal(0), None, "0 eller mere"),
}
_WHICH = {"baseline": ("udgangspunktet", "baseline"), "target": ("målet", "target")}


@needs()
def kpi_values(agreement: Agreement) -> Iterator[Diagnostic]:
    """Every KPI row has a baseline and a target, each valid for the table's scale."""
    for goal in agreement.goals:
        for k, kpi in enumerate(goal.meta.kpis):
            for r, row in enumerate(kpi.rows):
                for field in ("baseline", "target"):
                    value = getattr(row, field)
                    span = at(goal.path, goal.positions, "kpis", k, "rows", r, field)
                    which, which_en = _WHICH[field]
                    names = {"which": which, "which_en": which_en}
                    if value is None:
                        span = at(goal.path, goal.positions, "kpis", k, "rows", r)
                        yield Diagnostic("IA502", span, {"indicator": row.indicator, **names})
                    elif kpi.scale == "tekst":
                        continue
                    elif isinstance(value, str):
                        yield Diagnostic("IA503", span, {**names, "found": value, "scale": kpi.scale})
                    else:
                        low, high, text = LIMITS[kpi.scale]
                        if value < low or (high is not None and value > high):
                            yield Diagnostic("IA501", span, {**names, "found": value, "scale": kpi.scale, "limits": text})
                        elif kpi.scale == "antal" and _thousands_point(value):
                            yield Diagnostic("IA504", span, {**names, "found": value, "shown": as_written(value),
                                             "suggestion": str(value).replace(".", "")}, "thousands_point")


def _thousands_point(value: Decimal | int) -> bool:
    """2.677 (three typed decimals) in a count is far more often 2677 with a Danish
    thousands point than a fraction; it would print as 2,677."""
    return isinstance(value, Decimal) and value.as_tuple().exponent == -3 and abs(value) >= 1
