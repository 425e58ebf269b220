"""The checks: each is a small function `(agreement) -> iterable of Diagnostic`.

What a year requires (areas, questions, mandatory goals) comes from the year's rules
file; the functions here only say how to check it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from ia.diagnostics import Diagnostic
from ia.document import Agreement
from ia.checks._needs import PARTS, needed, needs  # noqa: F401 - needs is the checks' decorator
from ia.checks import accepted, accessibility, contacts, figures, kpis, limits, offers, parts, references, shared, structure, text, years

Check = Callable[[Agreement], Iterable[Diagnostic]]

CHECKS: list[Check] = [
    parts.folder_names,
    parts.unplaced_parts,
    parts.part_heading_levels,
    parts.shared_slots,
    structure.goal_answers,
    structure.question_variants,
    structure.typed_table_numbers,
    structure.goal_areas,
    structure.goals_chapter,
    structure.area_texts,
    structure.directives,
    shared.shared_places,
    structure.kpi_ids,
    structure.mandatory_goals,
    structure.area_minimums,
    limits.placements,
    limits.footnote_calls,
    limits.kpi_rows,
    text.typed_numbers,
    text.dates_read_as_lists,
    text.pipe_tables,
    text.markdown_reinterpretations,
    years.stale_result_years,
    years.kpi_target_years,
    years.stale_target_years,
    years.continued_goals,
    years.agreement_dates,
    years.stale_agreement_years,
    kpis.kpi_values,
    figures.table_shape,
    figures.empty_tables,
    figures.table_cells,
    figures.table_totals,
    figures.table_products,
    figures.table_quotients,
    figures.unused_deviations,
    contacts.contact_details,
    contacts.links,
    references.goal_references,
    references.effect_goal_references,
    offers.offer_references,
    offers.offer_names,
    offers.offer_addresses,
    offers.contacts_match_the_register,
    accessibility.images_have_alt_text,
    accessibility.heading_levels,
    accessibility.tables_have_headers,
]


def run_checks(agreement: Agreement) -> list[Diagnostic]:
    """Run every check whose parts are known; return all diagnostics.

    A check that needs a part whose file failed (and is reported) is skipped, so a broken
    agreement.yaml or rules.yaml causes no follow-on errors and hides nothing else.
    """
    unknown = {part for part in PARTS if getattr(agreement, part) is None}
    found: list[Diagnostic] = []
    for check in CHECKS:
        if not needed(check) & unknown:
            found.extend(check(agreement))
    # Last, since it turns other checks' warnings into accepted ones.
    return accepted.accept_text_warnings(agreement, found, complete=not unknown)
