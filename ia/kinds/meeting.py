"""The meeting kind's adapter: what the pipeline calls to load, check, render and export a meeting.

The work is in `ia.meeting` (models, loader, checks, views, OParl); this module only
answers the pipeline's questions. Editions: None = the minutes (referat), "dagsorden" = the agenda.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from pathlib import Path

from ia.diagnostics import Diagnostic
from ia.kinds import Listing, PdfFacts
from ia.meeting.document import Meeting
from ia.workspace import DocumentRef


def load(root: Path, ref: DocumentRef) -> tuple[Meeting | None, list[Diagnostic]]:
    """Read, validate and check one meeting."""
    from ia.meeting.checks import run_checks
    from ia.meeting.load import read_meeting

    meeting, diagnostics = read_meeting(root, ref.folder, meeting_id=ref.id)
    if meeting is not None:
        diagnostics.extend(run_checks(meeting))
    return meeting, diagnostics


def render_html(document: Meeting, *, edition: str | None = None, created: str | None = None,
                problems: Mapping[str, list[str]] | None = None) -> str:
    """The minutes (edition None) or the agenda ("dagsorden") as one HTML document.

    `ia preview` lists a meeting's problems in its panel; they are not marked in the pages."""
    from ia.meeting.render import render_html as render

    return render(document, edition=edition, created=created)


def pdf_facts(document: Meeting, *, edition: str | None) -> PdfFacts:
    """The PDF's date (the meeting's), its embedded data (the OParl export) and its stylesheet."""
    return PdfFacts(date=document.meta.date,
                    attachment=(f"{document.id}.json", "Mødets data i OParl 1.1-format", export(document)),
                    stylesheet="meeting-pdf.css")


def has_edition(ref: DocumentRef, edition: str) -> bool:
    """Every meeting has an agenda."""
    return edition == "dagsorden"


def created(document: Meeting) -> dt.date | None:
    """A meeting carries no date of its own for the outputs: SOURCE_DATE_EPOCH, else the meeting's date, decides."""
    return None


def listing(document: Meeting) -> Listing:
    """Its line in `ia list`: minutes once they have decisions, else an agenda."""
    kind = "Referat" if document.decided else "Dagsorden"
    return Listing(f"{kind}: {document.body.short} {document.date_text}", f"{len(document.items)} punkter")


def watched(root: Path, ref: DocumentRef) -> list[Path]:
    """The meeting's folder and its body's data; the body's other meetings too (seneste møde, næste møde)."""
    return [ref.folder.parent]


def preview_ready(document: Meeting) -> str | None:
    """A loaded meeting can always be shown."""
    return None


def export(document: Meeting) -> bytes:
    """`ia export`: the meeting as OParl 1.1 JSON."""
    from ia.meeting.oparl import export_json

    return export_json(document)
