"""The agreement's own data as JSON, attached to the signed PDF so it carries its content."""

from __future__ import annotations

import json
from decimal import Decimal

from ia.document import Agreement
from ia.models import Group


def _plain(value):
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() and value.as_tuple().exponent >= 0 else float(value)
    return value


def _rows(items: list) -> list:
    result = []
    for item in items:
        if isinstance(item, Group):
            entry = {"group": item.group, "rows": _rows(item.rows)}
            if item.total is not None:
                entry["total"] = [_plain(v) for v in item.total]
            result.append(entry)
        else:
            result.append([_plain(v) for v in item])
    return result


def agreement_data(agreement: Agreement) -> dict:
    """Goals with their KPIs, and every figure table, as plain JSON-ready data."""
    meta = agreement.meta
    areas = {a.key: a.title for a in agreement.rules.areas}
    return {
        "id": agreement.id,
        "year": agreement.year,
        "unit": {"name": meta.unit_name, "short": meta.unit_short},
        "effective_date": meta.effective_date.isoformat(),
        "parties": meta.parties.model_dump(),
        "goals": [
            {
                "number": goal.number,
                "title": goal.meta.title,
                "area": areas.get(goal.meta.area, goal.meta.area),
                "scope": goal.meta.scope,
                "continues_from": goal.meta.continues_from,
                "kpis": [
                    {
                        "caption": kpi.caption, "scale": kpi.scale,
                        "baseline_label": kpi.baseline_label, "target_label": kpi.target_label,
                        "rows": [{"indicator": r.indicator, "baseline": _plain(r.baseline), "target": _plain(r.target)}
                                 for r in kpi.rows],
                    }
                    for kpi in goal.meta.kpis
                ],
            }
            for goal in agreement.goals
        ],
        "tables": {
            table_id: {
                "caption": table.data.caption,
                "unit": table.data.unit,
                "columns": [c.label for c in table.data.columns],
                "rows": _rows(table.data.rows),
                "total": [_plain(v) for v in table.data.total] if table.data.total else None,
            }
            for table_id, table in sorted(agreement.tables.items())
        },
    }


def agreement_json(agreement: Agreement) -> str:
    return json.dumps(agreement_data(agreement), ensure_ascii=False, indent=2) + "\n"
