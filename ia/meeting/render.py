"""Compose a meeting's minutes (referat) or agenda (dagsorden) as one HTML document.

Views are built here, already formatted; the templates in `templates/meeting/` only loop.
The agenda is the same document without decisions; a closed item shows only its title in
both, as both are public.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from babel.dates import format_date
from markdown_it.token import Token
from markupsafe import Markup

from ia.markdown import FootnoteNumbers
from ia.meeting import markdown
from ia.meeting.document import Item, Meeting, Text
from ia.render.html import environment, page_assets
from ia.render.markdown import inline

AGENDA = "dagsorden"
DOCUMENT_TITLES = {None: "Referat", AGENDA: "Dagsorden"}


@dataclass
class AttachmentView:
    title: str
    anchor: str | None  # where its text is printed, when it is in the repository
    external: str | None


@dataclass
class AttachmentPage:
    title: str
    anchor: str
    body: Markup


@dataclass
class ItemView:
    number: int
    title: Markup
    plain_title: str
    anchor: str
    access: str  # "Åben" / "Lukket", as the page marks it
    closed: bool
    case: str | None = None
    presenters: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    previous: tuple[str, str | None] | None = None  # ("17.03.2025", link to its minutes or None)
    intro: Markup | None = None
    sections: list[tuple[str, Markup]] = field(default_factory=list)
    proposals: Markup | None = None
    attachments: list[AttachmentView] = field(default_factory=list)
    decision: Markup | None = None
    pages: list[AttachmentPage] = field(default_factory=list)


def _tables(tokens: list[Token]) -> list[Token]:
    """Drop a table's header row when every cell is empty (the seed prints no column titles
    there, and an empty header is noise to a screen reader), and mark tables for the styles."""
    result: list[Token] = []
    skipping = False
    for i, token in enumerate(tokens):
        if token.type == "table_open":
            token.attrSet("class", "figures meeting-table")
        if token.type == "thead_open":
            end = next(j for j in range(i, len(tokens)) if tokens[j].type == "thead_close")
            if all(not t.content.strip() for t in tokens[i:end] if t.type == "inline"):
                skipping = True
        if not skipping:
            result.append(token)
        if token.type == "thead_close":
            skipping = False
    return result


def _html(text: Text, numbers: FootnoteNumbers, *, shift: int = 1, headings: dict[int, str] | None = None) -> Markup:
    body = markdown.render(_tables(text.tokens), text.env, heading_shift=shift, numbers=numbers, headings=headings)
    body = body.replace('<table class="figures meeting-table">', '<div class="table-scroll"><table class="figures meeting-table">')
    return Markup(body.replace("</table>", "</table></div>"))


def _subitem_headings(item: Item, texts: list[Text]) -> dict[int, dict[int, str]]:
    """Number an item's `###` headings as its sub-items: 'Punkt 13.1 - ', or 'Punkt 13.3' when untitled."""
    found: dict[int, dict[int, str]] = {}
    count = 0
    for text in texts:
        for i, token in enumerate(text.tokens):
            if token.type == "heading_open" and token.tag == "h3":
                count += 1
                label = f"Punkt {item.number}.{count}"
                found.setdefault(id(text), {})[i] = label + (" - " if text.tokens[i + 1].content.strip() else "")
    return found


def item_view(item: Item, meeting: Meeting, *, edition: str | None, numbers: FootnoteNumbers) -> ItemView:
    """Everything the item's page shows, in reading order (which numbers the footnotes)."""
    view = ItemView(number=item.number, title=inline(item.title), plain_title=item.title, anchor=item.anchor,
                    access="Lukket" if item.closed else "Åben", closed=item.closed)
    if item.closed:
        return view  # the public versions show a closed item's title only
    view.case, view.presenters, view.notes = item.case, item.presenters, item.notes
    if item.standing is not None and item.standing.approves_previous_minutes and meeting.previous is not None:
        link = f"{meeting.previous_id}.html" if meeting.previous_id else None
        view.previous = (meeting.previous.strftime("%d.%m.%Y"), link)
    ordered = [t for t in [item.intro, *item.sections.values()] if t is not None]
    sub = _subitem_headings(item, ordered) if item.subitems else {}
    if item.intro is not None:
        view.intro = _html(item.intro, numbers, headings=sub.get(id(item.intro)))
    for name, text in item.sections.items():
        html = _html(text, numbers, headings=sub.get(id(text)))
        if name == "Indstilling":
            view.proposals = html
        elif name == "Beslutning":
            if edition != AGENDA and item.decision is not None:
                view.decision = html
        else:
            view.sections.append((name, html))
    for index, entry in enumerate(item.attachments, 1):
        anchor = f"{item.anchor}-bilag-{index}" if entry.file is not None else None
        view.attachments.append(AttachmentView(entry.title, anchor, entry.external))
    for index, entry in enumerate(item.attachments, 1):
        if entry.file is not None:
            view.pages.append(AttachmentPage(entry.title, f"{item.anchor}-bilag-{index}",
                                             _html(entry.file.text, numbers, shift=2)))
    return view


def facts(meeting: Meeting) -> list[tuple[str, str]]:
    """The meeting's facts for the first page: only what the sources state."""
    meta = meeting.meta
    rows = [("Dato", format_date(meta.date, format="EEEE 'den' d. MMMM y", locale="da"))]
    for label, value in (("Tid", meta.time), ("Sted", meta.place), ("Mødeleder", meta.chair)):
        if value:
            rows.append((label, value))
    if meta.participants:
        rows.append(("Deltagere", ", ".join(meta.participants)))
    if meta.absent:
        rows.append(("Afbud", ", ".join(meta.absent)))
    return rows


def build_context(meeting: Meeting, *, edition: str | None) -> dict:
    """Collect everything the meeting's templates show."""
    numbers = FootnoteNumbers()
    items = [item_view(item, meeting, edition=edition, numbers=numbers) for item in meeting.items]
    kind = DOCUMENT_TITLES[edition]
    running = f"Mødet den {meeting.date_text} {meeting.body.short}"
    return {
        "meeting": meeting,
        "kind": kind,
        "title": f"{kind}: {running}",
        "running": running,
        "body": meeting.body,
        "lead": meeting.body.proposal_lead,
        "facts": facts(meeting),
        "items": items,
        "agenda": edition == AGENDA,
    }


def render_html(meeting: Meeting, *, edition: str | None, created: str | None, folder: Path | None = None) -> str:
    """Render the minutes (edition None) or the agenda ("dagsorden") to one self-contained HTML document."""
    if edition not in DOCUMENT_TITLES:
        raise ValueError(f"unknown edition {edition!r}")
    env = environment(folder)
    context = build_context(meeting, edition=edition)
    context["created"] = created
    context.update(page_assets(folder, "meeting.css"))
    return env.get_template("meeting/document.html.j2").render(context)
