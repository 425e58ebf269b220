"""The follow-up year on the example fixture: reports, the overview, the Excel export."""

from __future__ import annotations

import io
import re
import shutil
from decimal import Decimal
from pathlib import Path

import pytest

from ia.cli import run
from ia.document import default_goal_key
from ia.followup.checks import misses_target
from ia.followup.export import xlsx
from ia.followup.overview import overview
from ia.followup.render import render_html
from ia.models import Kpi
from ia.pipeline import load
from tests.clirunner import CliRunner
from tests.conftest import ROOT

FOLLOWUP = ROOT / "tests" / "fixtures" / "followup"
runner = CliRunner()


@pytest.fixture
def example(tmp_path: Path) -> Path:
    target = tmp_path / "repo"
    shutil.copytree(FOLLOWUP, target)
    return target


def text_of(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html.split("</style>", 1)[1]))


def test_the_example_checks_clean():
    for ref in ("eksempel-2026", "demo-2026"):
        result = load(FOLLOWUP, ref)
        assert result.diagnostics == [], [str(d.span) + " " + d.message() for d in result.diagnostics]
    assert set(load(FOLLOWUP, "eksempel-2026").agreement.followups) == {"midtvejs", "aar"}


def test_goal_keys_default_to_the_file_name_without_its_number():
    assert default_goal_key("agreements/2026/csr/goals/08-paedagogfaglig-dokumentation.md") == "paedagogfaglig-dokumentation"
    assert default_goal_key("goals/handlemuligheder.md") == "handlemuligheder"
    assert default_goal_key("goals/2026.md") == "2026"
    goals = load(FOLLOWUP, "eksempel-2026").agreement.goals
    assert [g.key for g in goals] == ["handlemuligheder", "sygefravaer", "dokumentation-i-nexus",
                                      "borgertilfredshed", "gruppeforloeb", "skaermbesoeg"]


@pytest.mark.parametrize(("baseline", "target", "actual", "missed"), [
    (6, 8, 8, False), (6, 8, 7, True), (6, 8, 9, False),         # raise: reach the target
    (Decimal("7.8"), Decimal("6.5"), Decimal("7.1"), True),      # reduction: get down to it
    (Decimal("7.8"), Decimal("6.5"), Decimal("6.5"), False),
    (None, 40, 12, True), (5, 5, 5, False), (5, 5, 4, True),
])
def test_an_actual_value_misses_its_target_in_the_rows_direction(baseline, target, actual, missed):
    kpi = Kpi.model_validate({"id": "k", "scale": "antal", "baseline_label": "a", "target_label": "b",
                              "rows": [{"indicator": "i", "baseline": baseline, "target": target}]})
    assert misses_target(kpi, baseline, target, actual) is missed


def test_text_values_are_never_judged():
    kpi = Kpi.model_validate({"id": "k", "scale": "tekst", "baseline_label": "a", "target_label": "b",
                              "rows": [{"indicator": "i", "baseline": "Ingen", "target": "Gennemført"}]})
    assert misses_target(kpi, "Ingen", "Gennemført", "Ingen") is False


def test_year_end_report_shows_each_goal_with_status_explanation_and_kpis_side_by_side():
    agreement = load(FOLLOWUP, "eksempel-2026").agreement
    html = render_html(agreement, period="aar", created="2026-11-20")
    text = text_of(html)
    assert "<title>Årsopfølgning 2026 – Eksempelcentret (eksempel)</title>" in html
    # Every goal, by number and title as in the agreement, with the result it aimed at.
    for number, title in enumerate(["Handlemuligheder", "Lavere sygefravær", "Dokumentation i Nexus",
                                    "Større borgertilfredshed", "Flere gruppeforløb", "Skærmbesøg"], 1):
        assert f"Mål nr. {number} {title}" in text
    assert "Hvilket resultat vil vi opnå i 2026? Sygefraværet falder fra 7,8 % til 6,5 %." in text
    # Status in words (the colour is a class beside it), and the explanation.
    assert '<span class="status status-partly">Delvist opfyldt</span>' in html
    assert "Forklaring Sygefraværet faldt til 7,1 %; målet på 6,5 % blev ikke nået." in text
    # Baseline, target and actual side by side, with the verdict in words.
    assert "Sygefravær i procent 7,8 % 6,5 % 7,1 % Ikke nået" in text
    assert "Helbredstilstande er oprettet 6 8 8 Nået" in text
    assert "Evaluering af forløbene Ingen Gennemført Gennemført –" in text
    # The summary: goals by status and by area, and the KPIs that missed.
    assert "Opfyldt 3 Delvist opfyldt 1 Ikke opfyldt 1 Udskudt 1 Ikke påbegyndt 0 I alt 6" in text
    assert "Kvalitet 2 0 1 0 0 3" in text
    assert "Mål nr. 4 Større borgertilfredshed Andel tilfredse borgere 78 % 85 % 80 %" in text


def test_mid_year_report_marks_goals_without_status_and_values_not_measured(example):
    path = example / "agreements/2026/eksempel/opfoelgning-midtvejs.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("    status: ikke påbegyndt\n    explanation: Undersøgelsen", "    explanation: Undersøgelsen", 1), encoding="utf-8")
    result = load(example, "eksempel-2026")
    assert [d.code for d in result.diagnostics] == ["IA552"]
    text = text_of(render_html(result.agreement, period="midtvejs"))
    assert "Midtvejsopfølgning af aftalens 6 mål pr. 15. juni 2026." in text
    assert "Ingen status 1" in text
    assert "Andel tilfredse borgere 78 % 85 % Ikke målt" in text


def test_the_report_is_the_same_for_the_same_sources():
    first = render_html(load(FOLLOWUP, "eksempel-2026").agreement, period="aar")
    assert first == render_html(load(FOLLOWUP, "eksempel-2026").agreement, period="aar")


def test_status_prints_the_overview_and_writes_html_and_an_xlsx_that_reads_back(example, tmp_path):
    from openpyxl import load_workbook

    from pypdf import PdfReader

    result = runner.invoke(run, ["status", "--root", str(example), "--html", str(tmp_path / "s.html"),
                                 "--xlsx", str(tmp_path / "s.xlsx"), "--pdf", str(tmp_path / "s.pdf")])
    assert result.exit_code == 0, result.output
    pdf_text = re.sub(r"\s+", " ", " ".join(page.extract_text() for page in PdfReader(tmp_path / "s.pdf").pages))
    assert "Opfølgning på institutionsaftaler 2026 – Social & Sundhed" in pdf_text
    assert "Mål nr. 4 Større borgertilfredshed Andel tilfredse borgere 78 % 85 % 80 %" in pdf_text
    assert re.search(r"eksempel-2026\s*│\s*Årsopfølgning 2026-11-20\s*│\s*3\s*│\s*1\s*│\s*1\s*│\s*1\s*│\s*0\s*│\s*6\s*│\s*3", result.stdout)
    assert re.search(r"demo-2026\s*│\s*Midtvejsopfølgning 2026-06-20\s*│\s*1\s*│\s*1\s*│\s*1", result.stdout)
    page = (tmp_path / "s.html").read_text(encoding="utf-8")
    assert page.count('<img src="data:image/svg+xml;base64,') == 2
    assert 'alt="CD: 1 opfyldt, 1 delvist opfyldt, 1 ikke opfyldt, 0 udskudt, 0 ikke påbegyndt' in page
    book = load_workbook(tmp_path / "s.xlsx", read_only=True)
    assert book.sheetnames == ["Mål", "KPI'er"]
    goals = list(book["Mål"].values)
    assert goals[0][:10] == ("År", "Aftale", "Enhed", "Opfølgning", "Dato", "Mål nr.", "Nøgle", "Mål", "Område", "Status")
    assert len(goals) == 1 + 3 + 6
    assert goals[5][:10] == (2026, "eksempel-2026", "Eksempelcentret (eksempel)", "Årsopfølgning", "2026-11-20", 2,
                             "sygefravaer", "Lavere sygefravær", "Styring", "delvist opfyldt")
    kpis = [row for row in book["KPI'er"].values if row[1] == "eksempel-2026"]
    assert ("Sygefravær i procent", 7.8, 6.5, 7.1, "ikke nået") == kpis[0][8:]
    assert ("Evaluering af forløbene", "Ingen", "Gennemført", "Gennemført", "–") in [row[8:] for row in kpis]
    assert book.properties.created.date().isoformat() == "2026-11-20"


def test_the_xlsx_is_byte_identical_for_the_same_sources():
    first = xlsx(overview(FOLLOWUP, year=2026))
    assert first == xlsx(overview(FOLLOWUP, year=2026))
    assert first[:2] == b"PK"


def test_status_for_one_period_shows_goals_without_it_as_without_status():
    data = overview(FOLLOWUP, year=2026, period="aar")
    demo = next(c for c in data.centers if c.id == "demo-2026")
    assert demo.period is None and {line.status for line in demo.lines} == {"ingen status"}


def test_status_with_errors_prints_them_and_writes_nothing(example, tmp_path):
    path = example / "agreements/2026/eksempel/opfoelgning-aar.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace('date: "2026-11-20"', 'date: "2025-11-20"'), encoding="utf-8")
    result = runner.invoke(run, ["status", "--root", str(example), "--xlsx", str(tmp_path / "s.xlsx")])
    assert result.exit_code == 1
    assert "IA556" in result.stderr and "intet er skrevet" in result.stderr
    assert not (tmp_path / "s.xlsx").exists()


def test_status_without_agreements_for_the_year_is_ia124(example):
    result = runner.invoke(run, ["status", "--root", str(example), "--year", "2031"])
    assert result.exit_code == 1 and "IA124" in result.output


def test_new_takes_last_years_actual_values_as_baselines_and_lists_goals_not_met(example):
    result = runner.invoke(run, ["new", "eksempel", "2027", "--from", "eksempel-2026", "--root", str(example)])
    assert result.exit_code == 0, result.output
    new = example / "agreements/2027/eksempel"
    # Measured at year-end: the actual value is the new baseline, as written (7.1, not 7.10 or 7,1).
    assert "{indicator: Sygefravær i procent, baseline: 7.1, target:" in (new / "goals/02-sygefravaer.md").read_text(encoding="utf-8")
    nexus = (new / "goals/03-dokumentation-i-nexus.md").read_text(encoding="utf-8")
    assert "{indicator: Helbredstilstande er oprettet, baseline: 8, target:" in nexus
    assert "{indicator: Evaluering af forløbene, baseline: Gennemført, target:" in (new / "goals/05-gruppeforloeb.md").read_text(encoding="utf-8")
    assert "{indicator: Borgere med skærmbesøg, baseline: 12, target:" in (new / "goals/06-skaermbesoeg.md").read_text(encoding="utf-8")
    # The follow-ups belong to 2026 and are not copied.
    assert not list(new.glob("opfoelgning-*"))
    assert "de faktiske værdier er nyt udgangspunkt i 7 KPI-række(r)" in result.stderr
    listed = result.stderr.split("kandidater til at fortsætte:", 1)[1]
    assert re.findall(r"Mål nr\. (\d+) ([^(\n]+) \(([^)]+)\)", listed) == [
        ("2", "Lavere sygefravær", "delvist opfyldt"), ("4", "Større borgertilfredshed", "ikke opfyldt"),
        ("6", "Skærmbesøg", "udskudt")]


def test_new_without_a_year_end_follow_up_keeps_last_years_targets_as_baselines(example):
    (example / "agreements/2026/eksempel/opfoelgning-aar.yaml").unlink()
    result = runner.invoke(run, ["new", "eksempel", "2027", "--from", "eksempel-2026", "--root", str(example)])
    assert result.exit_code == 0, result.output
    text = (example / "agreements/2027/eksempel/goals/02-sygefravaer.md").read_text(encoding="utf-8")
    assert "{indicator: Sygefravær i procent, baseline: 6.5, target:" in text
    assert "årsopfølgning" not in result.stderr


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("out")
    for period in ("midtvejs", "aar"):
        result = runner.invoke(run, ["build", "eksempel-2026", "--opfoelgning", period, "--root", str(FOLLOWUP),
                                     "--out", str(out), "--force"])
        assert result.exit_code == 0, result.output
    return out


def test_build_writes_both_reports_as_pdf_and_html(built):
    from pypdf import PdfReader

    names = sorted(p.name for p in built.iterdir() if not p.name.startswith("."))
    assert names == [f"eksempel-2026-opfoelgning-{p}.{f}" for p in ("aar", "midtvejs") for f in ("html", "pdf")]
    reader = PdfReader(built / "eksempel-2026-opfoelgning-aar.pdf")
    text = re.sub(r"\s+", " ", " ".join(page.extract_text() for page in reader.pages))
    assert "Årsopfølgning 2026" in text and "Mål nr. 6 Skærmbesøg" in text and "Udskudt" in text
    assert "7,8 % 6,5 % 7,1 % Ikke nået" in text
    assert reader.metadata.title == "Årsopfølgning 2026 – Eksempelcentret (eksempel)"
    attached = reader.attachments["eksempel-2026-opfoelgning-aar.json"][0].decode("utf-8")
    assert '"status": "udskudt"' in attached and '"actual": 7.1' in attached
    midtvejs = (built / "eksempel-2026-opfoelgning-midtvejs.html").read_text(encoding="utf-8")
    assert "<title>Midtvejsopfølgning 2026 – Eksempelcentret (eksempel)</title>" in midtvejs


def test_a_report_builds_byte_identical(built, tmp_path):
    result = runner.invoke(run, ["build", "eksempel-2026", "--opfoelgning", "aar", "--root", str(FOLLOWUP),
                                 "--out", str(tmp_path), "--force"])
    assert result.exit_code == 0, result.output
    for kind in ("pdf", "html"):
        name = f"eksempel-2026-opfoelgning-aar.{kind}"
        assert (tmp_path / name).read_bytes() == (built / name).read_bytes(), name


def test_a_report_without_its_follow_up_names_the_file_to_write(tmp_path):
    result = runner.invoke(run, ["build", "demo-2026", "--opfoelgning", "aar", "--root", str(FOLLOWUP),
                                 "--out", str(tmp_path)])
    assert result.exit_code == 1
    assert "agreements/2026/demo/opfoelgning-aar.yaml: fejl IA909: opfølgningen kunne ikke dannes" in result.stderr
    assert not list(tmp_path.glob("*.pdf"))
