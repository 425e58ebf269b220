"""The agreement kind: an institution agreement of one unit and year (`csr-2026`)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from pathlib import Path

from ia.diagnostics import Diagnostic
from ia.document import Agreement
from ia.followup import period_of
from ia.kinds import Listing, PdfFacts
from ia.workspace import DocumentRef


def load(root: Path, ref: DocumentRef) -> tuple[Agreement | None, list[Diagnostic]]:
    """Read, validate and check one agreement (with its year's shared files and rules)."""
    from ia.checks import run_checks
    from ia.document import image_refs
    from ia.source.folder import read_agreement, read_images
    from ia.validate import validate

    source = read_agreement(root, ref.folder)
    agreement, diagnostics = validate(source)
    if agreement is not None:
        from ia.register import attach_register

        diagnostics.extend(attach_register(root, agreement))
        agreement.assets, problems = read_images(root, image_refs(agreement))
        diagnostics.extend(problems)
        diagnostics.extend(run_checks(agreement))
        from ia.followup.checks import run_checks as followup_checks
        from ia.followup.source import read_followups

        agreement.followups, problems = read_followups(root, agreement)
        diagnostics.extend(problems)
        diagnostics.extend(followup_checks(agreement))
    return agreement, diagnostics


def render_html(agreement: Agreement, *, edition: str | None = None, created: str | None = None,
                problems: Mapping[str, list[str]] | None = None) -> str:
    period = period_of(edition)
    if period is not None:  # the follow-up report: ia.followup
        from ia.followup.render import render_html as report

        return report(agreement, period=period, created=created)
    from ia.render.html import render_html as render

    return render(agreement, created=created, problems=problems)


def pdf_facts(agreement: Agreement, *, edition: str | None = None) -> PdfFacts:
    from ia.render.data import agreement_json

    period = period_of(edition)
    if period is not None:
        from ia.followup.data import followup_json

        # Dated as the follow-up is; its data (statuses and actual values) attached.
        return PdfFacts(agreement.followups[period].meta.date,
                        (f"{agreement.id}-{edition}.json", "Opfølgningens data: status og faktiske værdier pr. mål",
                         followup_json(agreement, period)))
    return PdfFacts(agreement.meta.effective_date if agreement.meta else None,
                    (f"{agreement.id}.json", "Aftalens data: mål, KPI'er og tabeller", agreement_json(agreement)))


def has_edition(ref: DocumentRef, edition: str) -> bool:
    """A follow-up report exists once its follow-up file is written beside agreement.yaml."""
    from ia.followup import file_name

    period = period_of(edition)
    return period is not None and (ref.folder / file_name(period)).is_file()


def created(agreement: Agreement) -> dt.date | None:
    return agreement.meta.created if agreement.meta else None


def listing(agreement: Agreement) -> Listing:
    title = agreement.meta.unit_name if agreement.meta else agreement.id
    return Listing(title, f"{len(agreement.goals)} mål")


def watched(root: Path, ref: DocumentRef) -> list[Path]:
    """The agreement, its year's shared files and rules, the register of offers (the templates are watched for every kind)."""
    year = ref.folder.parent
    return [ref.folder, year / "_shared", year / "rules.yaml", root / "offers"]


def preview_ready(agreement: Agreement) -> str | None:
    missing = [name for name, part in (("agreement.yaml", agreement.meta), ("årets rules.yaml", agreement.rules)) if part is None]
    if missing:
        # Without agreement.yaml or the year's rules there is no document to show; the
        # panel lists every problem, those of the other files included.
        return f"Aftalen kan vises igen, når {' og '.join(missing)} kan læses."
    return None


def export(agreement: Agreement) -> bytes | None:
    from ia.render.data import agreement_json

    return agreement_json(agreement).encode("utf-8")
