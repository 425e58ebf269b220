"""What the year-end follow-up gives next year's agreement (`ia new`).

Last year's actual values become the new baselines (where they were measured; the other
rows keep last year's targets as before), and goals not met are listed as candidates
for continuation. Computed from the validated agreement; `ia.new` writes the files.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ia.document import Agreement
from ia.followup.views import GoalLine, goal_lines
from ia.models import KpiValue

# (goal file relative to the agreement folder, KPI table id, indicator) -> actual value
Baselines = dict[tuple[str, str, str], KpiValue]


@dataclass
class CarryOver:
    year: int
    baselines: Baselines = field(default_factory=dict)
    # Goals whose year-end status is anything but 'opfyldt', in number order.
    candidates: list[GoalLine] = field(default_factory=list)


def carry_over(agreement: Agreement) -> CarryOver | None:
    """Return what the agreement's year-end follow-up carries over, or None when it has none."""
    followup = agreement.followups.get("aar")
    if followup is None or agreement.rules is None:
        return None
    result = CarryOver(agreement.year)
    prefix = agreement.folder.rstrip("/") + "/"
    for line in goal_lines(agreement, followup):
        rel = line.goal.path.removeprefix(prefix)
        for table in line.kpis:
            for row in table.lines:
                if row.raw_actual is not None:
                    result.baselines[(rel, row.kpi_id, row.indicator)] = row.raw_actual
        if line.status != "opfyldt":
            result.candidates.append(line)
    return result


def summary(carry: CarryOver) -> list[str]:
    """What `ia new` says it took from the year-end follow-up, in Danish, a line each."""
    lines = [f"årsopfølgningen {carry.year}: de faktiske værdier er nyt udgangspunkt i "
             f"{len(carry.baselines)} KPI-række(r); de øvrige har sidste års mål"]
    if carry.candidates:
        lines.append(f"mål, der ikke blev opfyldt i {carry.year} – kandidater til at fortsætte:")
        lines.extend(f"  Mål nr. {line.number} {line.title} ({line.status})" for line in carry.candidates)
    else:
        lines.append(f"alle mål blev opfyldt i {carry.year}")
    return lines
