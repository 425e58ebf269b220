"""A follow-up's data as JSON, attached to its PDF: what was followed up, as the report shows it."""

from __future__ import annotations

import json
from decimal import Decimal

from ia.document import Agreement
from ia.followup.views import goal_lines


def _value(value: object) -> object:
    # Exact decimals as JSON numbers with the digits the editor typed.
    return float(value) if isinstance(value, Decimal) else value


def followup_json(agreement: Agreement, period: str) -> str:
    """Return the follow-up of `period` as JSON: date, reporter, and every goal with its KPI rows."""
    followup = agreement.followups[period]
    data = {
        "agreement": agreement.id,
        "period": period,
        "date": followup.meta.date.isoformat(),
        "reported_by": {"name": followup.meta.reported_by.name, "title": followup.meta.reported_by.title},
        "goals": [
            {"number": line.number, "key": line.key, "title": line.title, "area": line.area_key, "status": line.status,
             "explanation": line.explanation,
             "kpis": [{"id": table.kpi.id, "indicator": row.indicator, "baseline": _value(row.raw_baseline),
                       "target": _value(row.raw_target), "actual": _value(row.raw_actual), "verdict": row.verdict}
                      for table in line.kpis for row in table.lines]}
            for line in goal_lines(agreement, followup)],
    }
    return json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n"
