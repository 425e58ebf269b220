"""The meeting kind: numbering, "seneste møde", the minutes and the agenda as HTML and PDF,
closed items, deterministic output and the OParl export, on seed 004's two meetings and on
the small fixture of tests/fixtures/meeting/."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from pypdf import PdfReader

from tests.conftest import ROOT
from tests.test_pdf import outline_titles

FIXTURE = ROOT / "tests" / "fixtures" / "meeting"
SEED_MEETINGS = {"das-social-2025-05-22": 15, "das-social-2025-10-02": 17}


def _ref(root: Path, meeting_id: str):
    from ia.workspace import resolve

    return resolve(root, meeting_id)


def load(root: Path, meeting_id: str):
    """Load a meeting through the pipeline; no errors."""
    from ia import pipeline

    result = pipeline.load(root, meeting_id)
    assert result.document is not None and not result.errors, [f"{d.span} {d.message()}" for d in result.diagnostics]
    return result.document


def html(document, edition: str | None = None) -> str:
    from ia.kinds import meeting as adapter

    return adapter.render_html(document, edition=edition, created="2025-11-01")


def pdf(root: Path, meeting_id: str, out: Path, edition: str | None = None) -> bytes:
    """Build through the pipeline (`ia build`), as a user does; return the PDF."""
    from ia import pipeline

    result = pipeline.build(root, meeting_id, out_dir=out, edition=edition)
    assert not result.errors, [f"{d.span} {d.message()}" for d in result.errors]
    output = meeting_id + (f"-{edition}" if edition else "")
    assert sorted(p.name for p in result.outputs) == [f"{output}.html", f"{output}.pdf"]
    return (out / f"{output}.pdf").read_bytes()


@pytest.fixture(scope="module")
def seed() -> dict:
    return {meeting_id: load(ROOT, meeting_id) for meeting_id in SEED_MEETINGS}


@pytest.fixture
def fixture_repo(tmp_path: Path) -> Path:
    target = tmp_path / "repo"
    shutil.copytree(FIXTURE, target)
    return target


@pytest.mark.parametrize("meeting_id", SEED_MEETINGS)
def test_items_are_numbered_from_their_order(seed, meeting_id):
    meeting = seed[meeting_id]
    assert [item.number for item in meeting.items] == list(range(1, SEED_MEETINGS[meeting_id] + 1))
    titles = [item.title for item in meeting.items]
    # Standing items come from the body's data, first and last; the item files lie between.
    assert titles[:2] == ["Godkendelse af dagsorden", "Godkendelse af referat fra seneste møde"]
    assert titles[-2:] == ["Eventuelt", "Næste møde"]
    assert all(item.standing is None for item in meeting.items[2:-2])


def test_seneste_moede_is_the_bodys_previous_meeting(seed):
    later = seed["das-social-2025-10-02"]
    assert (later.previous.isoformat(), later.previous_id) == ("2025-05-22", "das-social-2025-05-22")
    # The meeting before 22.05.2025 is not in the repository: meeting.yaml names it.
    earlier = seed["das-social-2025-05-22"]
    assert (earlier.previous.isoformat(), earlier.previous_id) == ("2025-03-17", None)
    page = html(later)
    assert 'Seneste møde: <a href="das-social-2025-05-22.html">mødet den 22.05.2025</a>' in page


def test_minutes_hold_every_item_decision_and_subitem_in_order(seed):
    meeting = seed["das-social-2025-05-22"]
    page = html(meeting)
    places = [page.index(f'id="punkt-{item.number}-h"') for item in meeting.items]
    assert places == sorted(places)
    assert page.count('class="section-label decision-label"') == 15
    assert "Mødet den 22.05.2025 DAS Social" in page
    for label in ("Punkt 13.1 - </h4>", "Punkt 13.2 - ", "Punkt 13.3</h4>", "Punkt 13.5</h4>"):
        assert label.split("<")[0] in page
    assert re.search(r'<h4 class="subitem">Punkt 13\.3</h4>', page)
    assert re.search(r'<h4 class="subitem">Punkt 13\.1 - Møde i Koordinationsforum', page)
    # A `###` heading of an item without `subitems: true` stays a plain heading.
    assert "<h4>Foreløbigt program</h4>" in page


@pytest.mark.parametrize("meeting_id", SEED_MEETINGS)
def test_agenda_is_the_same_items_without_decisions(seed, meeting_id):
    meeting = seed[meeting_id]
    minutes, agenda = html(meeting), html(meeting, "dagsorden")
    assert "<title>Dagsorden: Mødet den" in agenda and "<title>Referat: Mødet den" in minutes
    assert "decision" not in agenda.split("<main>")[1]
    for item in meeting.items:
        assert f'id="{item.anchor}-h"' in agenda
        decision = item.decision
        paragraphs = [t.content for p, t in zip(decision.tokens, decision.tokens[1:])
                      if p.type == "paragraph_open" and p.level == 0 and len(t.content) > 40]
        first = paragraphs[0] if paragraphs else None
        if first:
            shown = first.split("\n")[0][:60]
            assert shown in minutes or shown.replace("'", "&#39;") in minutes, shown
            assert shown not in agenda, (item.number, shown)


def test_closed_item_shows_only_its_title(fixture_repo):
    meeting = load(fixture_repo, "udvalg-2026-03-05")
    for edition in (None, "dagsorden"):
        page = html(meeting, edition)
        assert "Personalesag" in page and "Lukket punkt." in page
        assert "Drøfter sagen" not in page and "Drøftet." not in page
    exported = json.loads(_export(meeting))
    closed = exported["meeting"]["agendaItem"][3]
    assert closed["name"] == "Personalesag" and closed["public"] is False and "resolutionText" not in closed


def test_pdf_pages_header_toc_and_bookmarks(seed, tmp_path):
    meeting = seed["das-social-2025-05-22"]
    pdf(ROOT, "das-social-2025-05-22", tmp_path)
    reader = PdfReader(tmp_path / "das-social-2025-05-22.pdf")
    pages = [re.sub(r"\s+", " ", page.extract_text()) for page in reader.pages]
    # Each item starts a page of its own, in order, and the running line heads every page.
    starts = [next(i for i, text in enumerate(pages) if f"Punkt {item.number}. " in text) for item in meeting.items]
    assert starts == sorted(set(starts)) and starts[0] == 1
    assert all("Mødet den 22.05.2025 DAS Social" in text for text in pages)
    # The list of items on the first page gives each item's page.
    for item, start in zip(meeting.items, starts):
        assert re.search(rf"{item.number}\. {re.escape(item.title[:30])}.*? {start + 1}\b", pages[0]), item.title
    top = [entry.title for entry in reader.outline if not isinstance(entry, list)]
    assert top == [f"Punkt {item.number}. {item.title}" for item in meeting.items]
    assert "Punkt 13.3" in outline_titles(reader)  # the sub-items one level down


def test_outputs_are_deterministic(fixture_repo, tmp_path):
    first = load(fixture_repo, "udvalg-2026-03-05")
    second = load(fixture_repo, "udvalg-2026-03-05")
    assert html(first) == html(second)
    assert _export(first) == _export(second)
    one = pdf(fixture_repo, "udvalg-2026-03-05", tmp_path / "one", "dagsorden")
    two = pdf(fixture_repo, "udvalg-2026-03-05", tmp_path / "two", "dagsorden")
    assert one == two
    assert (tmp_path / "one" / "udvalg-2026-03-05-dagsorden.html").read_bytes() == \
        (tmp_path / "two" / "udvalg-2026-03-05-dagsorden.html").read_bytes()


def _export(meeting) -> bytes:
    from ia.kinds import meeting as adapter

    return adapter.export(meeting)


@pytest.mark.parametrize("meeting_id", SEED_MEETINGS)
def test_export_has_the_oparl_shapes(seed, meeting_id):
    from ia.meeting.oparl import Export

    meeting = seed[meeting_id]
    data = json.loads(_export(meeting))
    shaped = Export.model_validate(data)  # the shapes refuse unknown and mistyped fields
    items = shaped.meeting.agendaItem
    assert [item.number for item in items] == [str(item.number) for item in meeting.items]
    assert [item.order for item in items] == list(range(len(items)))
    ids = {item.id for item in items}
    assert all(item.meeting == shaped.meeting.id for item in items)
    for paper in shaped.paper:
        assert paper.reference and all(c.agendaItem in ids and c.paper == paper.id for c in paper.consultation)
    linked = {item.consultation for item in items if item.consultation}
    assert linked == {c.id for paper in shaped.paper for c in paper.consultation}
    assert sum(len(item.auxiliaryFile) for item in items) == sum(len(item.attachments) for item in meeting.items)
    assert all(f.accessUrl for item in items for f in item.auxiliaryFile if f.mimeType)
    assert shaped.meeting.meetingState == "durchgeführt" and shaped.meeting.resultsProtocol is not None
    # The resolution text is the decision as written.
    fourth = next(item for item in items if item.number == "4")
    decision = meeting.items[3].decision
    assert fourth.resolutionText.split("\n")[0] == next(t.content for t in decision.tokens if t.type == "inline").split("\n")[0]


def test_export_times_and_cases():
    from ia.meeting.oparl import Export

    meeting = load(ROOT, "das-social-2025-10-02")
    shaped = Export.model_validate(json.loads(_export(meeting)))
    assert (shaped.meeting.start, shaped.meeting.end) == ("2025-10-02T12:00:00+02:00", "2025-10-02T16:00:00+02:00")
    assert {paper.reference for paper in shaped.paper} == {"2025-051554"}
    assert len(shaped.paper) == 13


def test_next_meeting_from_the_last(fixture_repo):
    import datetime as dt

    from ia.meeting.new import last_meeting, plan
    from ia.output import atomic_write

    body = fixture_repo / "meetings" / "udvalg"
    source = last_meeting(fixture_repo, body)
    assert source == body / "2026-03-05"
    files, problems = plan(fixture_repo, source, date=dt.date(2026, 4, 16))
    assert not problems and list(files) == [body / "2026-04-16" / "meeting.yaml"]
    assert atomic_write(files, root=fixture_repo) is None
    new = load(fixture_repo, "udvalg-2026-04-16")
    # Standing items carried, new date, no decisions: an agenda whose "seneste møde" is the source.
    assert [item.title for item in new.items] == ["Godkendelse af dagsorden", "Godkendelse af referat fra seneste møde", "Eventuelt",
                                               "Næste møde"]
    assert not new.decided and new.meta.date == dt.date(2026, 4, 16)
    assert (new.previous, new.previous_id) == (dt.date(2026, 3, 5), "udvalg-2026-03-05")
    assert "Dagsorden" in html(new, "dagsorden")
    again, problems = plan(fixture_repo, source, date=dt.date(2026, 4, 16))
    assert not again and [d.code for d in problems] == ["IA126"]
    _, problems = plan(fixture_repo, source, date=dt.date(2026, 3, 1))
    assert [d.code for d in problems] == ["IA387"]


def test_placeholders_against_acceptances_stay_bounded(fixture_repo):
    """100 KB of placeholders against a thousand acceptances: diagnostics capped, work too."""
    import time

    item = fixture_repo / "meetings" / "udvalg" / "2026-03-05" / "items" / "03-budget.md"
    accepted = "accepted:\n" + "".join(f"  - {{text: 'XX {i}', reason: r}}\n" for i in range(1000))
    text = item.read_text(encoding="utf-8").replace("access: åben\n", "access: åben\n" + accepted)
    item.write_text(text.replace("Udvalget drøfter budgettet.", "XX " * 20000), encoding="utf-8")
    from ia.kinds import meeting as adapter

    start = time.process_time()
    _, diagnostics = adapter.load(fixture_repo, _ref(fixture_repo, "udvalg-2026-03-05"))
    assert time.process_time() - start < 5
    assert [d.code for d in diagnostics] == ["IA377"] * 100


def test_the_commands_take_a_meeting(fixture_repo):
    """ia new, check, list, build --dagsorden and export, as an editor types them."""
    from ia.cli import run as app
    from tests.clirunner import CliRunner

    runner = CliRunner()
    root = ["--root", str(fixture_repo)]
    made = runner.invoke(app, ["new", "udvalg", "2026-04-16", "--from", "udvalg-2026-03-05", *root])
    assert made.exit_code == 0, made.output
    assert "oprettede meetings/udvalg/2026-04-16/" in made.output
    wrong = runner.invoke(app, ["new", "udvalg", "2027", "--from", "udvalg-2026-03-05", *root])
    assert wrong.exit_code == 2 and "ikke en dato" in wrong.output
    checked = runner.invoke(app, ["check", "udvalg-2026-04-16", *root])
    assert checked.exit_code == 0, checked.output
    listed = runner.invoke(app, ["list", *root])
    assert "Dagsorden: TU 16.04.2026" in listed.output and "Referat: TU 05.03.2026" in listed.output
    out = fixture_repo / "ud"
    built = runner.invoke(app, ["build", "udvalg-2026-03-05", "--dagsorden", "--out", str(out), *root])
    assert built.exit_code == 0, built.output
    written = sorted(p.name for p in out.iterdir() if p.suffix in (".html", ".pdf"))
    assert written == ["udvalg-2026-03-05-dagsorden.html", "udvalg-2026-03-05-dagsorden.pdf"]
    exported = runner.invoke(app, ["export", "udvalg-2026-03-05", *root])
    assert exported.exit_code == 0 and json.loads(exported.output)["meeting"]["name"] == "Mødet den 05.03.2026 TU"
