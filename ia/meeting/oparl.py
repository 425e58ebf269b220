"""A meeting as open data in the shapes of OParl 1.1 (https://oparl.org/spezifikation/).

`ia export <meeting-id>` writes one JSON object: the `meeting` (oparl:Meeting with its
agenda items and files embedded, as OParl allows) and the `paper` list (oparl:Paper, one per
item with a case number, each embedding its oparl:Consultation that links it to the item).
The models below are the shapes: the export is built through them and `tests/test_meeting.py`
validates the written JSON against them. What is left out is listed in docs/format.md.

Identifiers: OParl wants URLs from the system that serves the objects; `ia` is not that
system, so ids are stable URNs (`urn:ia:das-social-2025-05-22:agendaitem:3`) for a portal
to map to its own URLs. A File's `accessUrl` is a path relative to the built HTML.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from ia.meeting.document import Item, Meeting, Text

SCHEMA = "https://schema.oparl.org/1.1/"
_TIME = re.compile(r"^\s*(\d{1,2})[.:](\d{2})\s*-\s*(\d{1,2})[.:](\d{2})\s*$")


class Shape(BaseModel):
    # by_alias: OParl's names are camelCase; unknown keys are refused so the test catches drift.
    model_config = ConfigDict(extra="forbid", populate_by_name=True, strict=True)


class File(Shape):
    id: str
    type: Literal["https://schema.oparl.org/1.1/File"] = "https://schema.oparl.org/1.1/File"
    name: str
    fileName: str | None = None
    mimeType: str | None = None
    text: str | None = None
    accessUrl: str | None = None  # OParl requires it; absent for an attachment whose text is not in the repository
    meeting: list[str] = Field(default_factory=list)
    agendaItem: list[str] = Field(default_factory=list)


class AgendaItem(Shape):
    id: str
    type: Literal["https://schema.oparl.org/1.1/AgendaItem"] = "https://schema.oparl.org/1.1/AgendaItem"
    meeting: str
    number: str
    order: int
    name: str
    public: bool
    consultation: str | None = None
    resolutionText: str | None = None
    auxiliaryFile: list[File] = Field(default_factory=list)


class Consultation(Shape):
    id: str
    type: Literal["https://schema.oparl.org/1.1/Consultation"] = "https://schema.oparl.org/1.1/Consultation"
    paper: str
    agendaItem: str
    meeting: str
    organization: list[str]


class Paper(Shape):
    id: str
    type: Literal["https://schema.oparl.org/1.1/Paper"] = "https://schema.oparl.org/1.1/Paper"
    name: str
    reference: str
    date: str
    consultation: list[Consultation]


class MeetingShape(Shape):
    id: str
    type: Literal["https://schema.oparl.org/1.1/Meeting"] = "https://schema.oparl.org/1.1/Meeting"
    name: str
    meetingState: Literal["eingeladen", "durchgeführt"]
    cancelled: bool = False
    start: str | None = None
    end: str | None = None
    organization: list[str]
    invitation: File
    resultsProtocol: File | None = None
    agendaItem: list[AgendaItem]


class Export(Shape):
    meeting: MeetingShape
    paper: list[Paper]


def _source(item: Item, text: Text | None) -> str | None:
    """The decision as written: the section's Markdown lines, or the meeting.yaml value."""
    if text is None:
        return None
    if item.standing is not None:
        return item.part.decision if item.part else None
    lines = item.meta_doc.lines if item.meta_doc else []
    spans = [t.map for t in text.tokens if t.map and t.level == 0]
    if not spans:
        return None
    start, end = min(s[0] for s in spans), max(s[1] for s in spans)
    return "\n".join(lines[start:end]).strip()


def _times(meeting: Meeting) -> tuple[str | None, str | None]:
    match = _TIME.match(meeting.meta.time or "")
    if not match:
        return None, None
    day = meeting.meta.date

    def at(hour: str, minute: str) -> str:
        local = dt.datetime(day.year, day.month, day.day, int(hour), int(minute))
        return local.replace(tzinfo=dt.timezone(_danish_offset(local))).isoformat()

    try:
        return at(match[1], match[2]), at(match[3], match[4])
    except ValueError:
        return None, None


def _last_sunday(year: int, month: int) -> dt.date:
    last = dt.date(year, month + 1, 1) - dt.timedelta(days=1)
    return last - dt.timedelta(days=(last.weekday() + 1) % 7)


def _danish_offset(local: dt.datetime) -> dt.timedelta:
    """Danish time's offset from UTC: summer time (UTC+2) from the last Sunday of March to the
    last Sunday of October, as the EU rule says; computed, so no time-zone database is needed."""
    summer = _last_sunday(local.year, 3) <= local.date() < _last_sunday(local.year, 10)
    return dt.timedelta(hours=2 if summer else 1)


def export(meeting: Meeting) -> Export:
    """Build the OParl shapes of a meeting (public items only carry their text)."""
    base = f"urn:ia:{meeting.id}"
    organization = f"urn:ia:organization:{meeting.key}"
    start, end = _times(meeting)
    items: list[AgendaItem] = []
    papers: list[Paper] = []
    for order, item in enumerate(meeting.items):
        item_id = f"{base}:agendaitem:{item.number}"
        files = []
        if not item.closed:
            for index, entry in enumerate(item.attachments, 1):
                file = File(id=f"{item_id}:file:{index}", name=entry.title, meeting=[base], agendaItem=[item_id])
                if entry.file is not None:
                    file.fileName = entry.file.path.rsplit("/", 1)[-1]
                    file.mimeType = "text/markdown"
                    file.accessUrl = f"{meeting.id}.html#{item.anchor}-bilag-{index}"
                files.append(file)
        agenda_item = AgendaItem(id=item_id, meeting=base, number=str(item.number), order=order, name=item.title,
                                 public=not item.closed, auxiliaryFile=files,
                                 resolutionText=None if item.closed else _source(item, item.decision))
        if item.case and not item.closed:
            paper_id = f"{base}:paper:{item.number}"
            consultation = Consultation(id=f"{paper_id}:consultation", paper=paper_id, agendaItem=item_id, meeting=base,
                                        organization=[organization])
            agenda_item.consultation = consultation.id
            papers.append(Paper(id=paper_id, name=item.title, reference=item.case, date=meeting.meta.date.isoformat(),
                                consultation=[consultation]))
        items.append(agenda_item)
    running = f"Mødet den {meeting.date_text} {meeting.body.short}"
    invitation = File(id=f"{base}:file:dagsorden", name=f"Dagsorden: {running}", fileName=f"{meeting.id}-dagsorden.pdf",
                      mimeType="application/pdf", accessUrl=f"{meeting.id}-dagsorden.pdf", meeting=[base])
    protocol = (File(id=f"{base}:file:referat", name=f"Referat: {running}", fileName=f"{meeting.id}.pdf",
                     mimeType="application/pdf", accessUrl=f"{meeting.id}.pdf", meeting=[base])
                if meeting.decided else None)
    shape = MeetingShape(id=base, name=running, meetingState="durchgeführt" if meeting.decided else "eingeladen",
                         start=start, end=end, organization=[organization], invitation=invitation,
                         resultsProtocol=protocol, agendaItem=items)
    return Export(meeting=shape, paper=papers)


def _without_empty_lists(value):
    """OParl leaves a list out rather than write it empty."""
    if isinstance(value, dict):
        return {key: _without_empty_lists(item) for key, item in value.items() if item != []}
    if isinstance(value, list):
        return [_without_empty_lists(item) for item in value]
    return value


def export_json(meeting: Meeting) -> bytes:
    """The export as deterministic JSON (keys in the shapes' order, absent values left out)."""
    data = _without_empty_lists(export(meeting).model_dump(mode="json", exclude_none=True))
    return (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
