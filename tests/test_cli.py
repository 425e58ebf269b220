"""The command line: exit codes, one line per problem, no traceback, no partial output."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from tests.clirunner import CliRunner

from ia.cli import run as app

runner = CliRunner()


def ia(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    """Run the real `ia` command in a subprocess, as an editor or CI would."""
    env = {**os.environ, "PYTHONWARNINGS": "ignore"}
    return subprocess.run([sys.executable, "-m", "ia", *args], cwd=cwd, capture_output=True, text=True, env=env, timeout=120)


def test_check_clean_fixture_exits_0(tiny):
    result = runner.invoke(app, ["check", "--root", str(tiny)])
    assert result.exit_code == 0, result.output


def test_check_reports_errors_with_exit_1_and_source_line(tiny):
    path = tiny / "agreements/2026/demo/agreement.yaml"
    path.write_text(path.read_text().replace("unit_short: CD", "unit_shrt: CD"))
    result = runner.invoke(app, ["check", "--root", str(tiny)])
    assert result.exit_code == 1
    assert "agreements/2026/demo/agreement.yaml:4:1: fejl IA202: ukendt felt 'unit_shrt'" in result.output
    assert " 4 | unit_shrt: CD" in result.output
    assert "mente du 'unit_short'?" in result.output


def test_check_english(tiny):
    path = tiny / "agreements/2026/demo/agreement.yaml"
    path.write_text(path.read_text().replace("unit_short: CD", "unit_shrt: CD"))
    result = runner.invoke(app, ["check", "--root", str(tiny), "--lang", "en"])
    assert "error IA202: unknown field 'unit_shrt'" in result.output


def test_check_github_format(tiny):
    path = tiny / "agreements/2026/demo/agreement.yaml"
    path.write_text(path.read_text().replace("unit_short: CD", "unit_shrt: CD"))
    result = runner.invoke(app, ["check", "--root", str(tiny), "--format", "github"])
    lines = [line for line in result.output.splitlines() if line.startswith("::")]
    assert lines[0].startswith("::error file=agreements/2026/demo/agreement.yaml,line=4,col=1,title=IA202::ukendt felt")


def test_check_json_format(tiny):
    path = tiny / "agreements/2026/demo/agreement.yaml"
    path.write_text(path.read_text().replace("year: 2026", "year: 2025"))
    result = runner.invoke(app, ["check", "--root", str(tiny), "--format", "json"])
    data = json.loads(result.stdout)
    assert data[0]["code"] == "IA210" and data[0]["line"] == 2 and data[0]["severity"] == "error"


def test_strict_fails_on_warnings_but_not_on_accepted_deviations(tiny):
    table = tiny / "agreements/2026/demo/tables/budget.yaml"
    original = table.read_text()
    table.write_text(original.replace("[Stubbæk, 11906, null]", "[Stubbæk, 11006, null]")
                     + "accepted:\n  - {row: Brutto Budget, column: Budget 2026, reason: sådan blev den underskrevet}\n")
    accepted = runner.invoke(app, ["check", "--root", str(tiny), "--strict"])
    assert accepted.exit_code == 0 and "0 advarsler, 1 godkendt afvigelse" in accepted.output
    # An acceptance of a figure that adds up is a warning (IA603): --strict fails on it.
    table.write_text(original + "accepted:\n  - {row: Brutto Budget, column: Budget 2026, reason: sådan blev den underskrevet}\n")
    assert runner.invoke(app, ["check", "--root", str(tiny)]).exit_code == 0
    warned = runner.invoke(app, ["check", "--root", str(tiny), "--strict"])
    assert warned.exit_code == 1 and "IA603" in warned.output


def test_build_writes_html_and_pdf(tiny, tmp_path):
    out = tmp_path / "out"
    result = runner.invoke(app, ["build", "demo-2026", "--root", str(tiny), "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert (out / "demo-2026.pdf").read_bytes().startswith(b"%PDF-")
    assert (out / "demo-2026.html").read_text().startswith("<!DOCTYPE html>")


def test_build_html_only(tiny, tmp_path):
    out = tmp_path / "out"
    result = runner.invoke(app, ["build", "demo-2026", "--root", str(tiny), "--out", str(out), "--format", "html"])
    assert result.exit_code == 0
    assert sorted(p.name for p in out.glob("demo-2026.*")) == ["demo-2026.html"]


@pytest.mark.parametrize(("args", "expected"), [
    (["build", "xyz-2026"], "IA121"),
    (["build", "ikke-en-aftale"], "IA120"),
    (["check", "xyz-2026"], "IA121"),
])
def test_unknown_agreement(tiny, args, expected):
    done = ia(*args, "--root", str(tiny), cwd=tiny)
    assert done.returncode == 1
    assert expected in done.stderr
    assert "Traceback" not in done.stderr + done.stdout


def test_malformed_yaml_gives_one_line_and_no_output(tiny):
    path = tiny / "agreements/2026/demo/goals/02-dokumentation.md"
    path.write_text(path.read_text().replace("area: kvalitet", "area: [kvalitet"))
    done = ia("build", "demo-2026", "--root", str(tiny), cwd=tiny)
    assert done.returncode == 1
    assert "agreements/2026/demo/goals/02-dokumentation.md:" in done.stderr and "IA101" in done.stderr
    assert "Traceback" not in done.stderr
    assert not (tiny / "build").exists()


def test_failed_build_keeps_previous_outputs(tiny):
    out = tiny / "build"
    assert runner.invoke(app, ["build", "demo-2026", "--root", str(tiny), "--out", str(out)]).exit_code == 0
    before = {p.name: p.read_bytes() for p in out.glob("demo-2026.*")}
    path = tiny / "agreements/2026/demo/agreement.yaml"
    path.write_text(path.read_text().replace("year: 2026", "year: tjuetjueseks"))
    assert runner.invoke(app, ["build", "demo-2026", "--root", str(tiny), "--out", str(out)]).exit_code == 1
    assert {p.name: p.read_bytes() for p in out.glob("demo-2026.*")} == before


def test_unwritable_output_is_a_diagnostic(tiny):
    blocker = tiny / "blocker"
    blocker.write_text("a file where the output folder should be")
    result = runner.invoke(app, ["build", "demo-2026", "--root", str(tiny), "--out", str(blocker / "out")])
    assert result.exit_code == 1
    assert "IA902" in result.output


def test_usage_error_exits_2(tiny):
    assert runner.invoke(app, ["check", "--format", "xml"]).exit_code == 2
    assert runner.invoke(app, ["build", "--root", str(tiny)]).exit_code == 2


def test_build_all_uses_the_cache_and_rebuilds_on_change(tiny, tmp_path):
    out = tmp_path / "out"
    first = runner.invoke(app, ["build", "--all", "--root", str(tiny), "--out", str(out), "--format", "html"])
    assert first.exit_code == 0, first.output
    assert "bygget" in first.output
    second = runner.invoke(app, ["build", "--all", "--root", str(tiny), "--out", str(out), "--format", "html"])
    assert "uændret" in second.output and "bygget" not in second.output
    goal = tiny / "agreements/2026/demo/goals/01-handlemuligheder.md"
    goal.write_text(goal.read_text().replace("2 %", "3 %"))
    third = runner.invoke(app, ["build", "--all", "--root", str(tiny), "--out", str(out), "--format", "html"])
    assert "bygget" in third.output
    assert "3 %" in (out / "demo-2026.html").read_text()


def test_build_all_summary_table_with_several_agreements(tiny, tmp_path):
    import shutil

    shutil.copytree(tiny / "agreements/2026/demo", tiny / "agreements/2026/anden")
    path = tiny / "agreements/2026/anden/agreement.yaml"
    path.write_text(path.read_text().replace("unit: demo", "unit: anden"))
    result = runner.invoke(app, ["build", "--all", "--root", str(tiny), "--out", str(tmp_path / "o"), "--format", "pdf"])
    assert result.exit_code == 0, result.output
    assert "Dokumenter" in result.output
    lines = [line for line in result.output.splitlines() if "demo-2026" in line or "anden-2026" in line]
    assert any("bygget" in line and " 0 " in line for line in lines)
    # Every kind: the fixture's catalogue is built with the agreements.
    assert sorted(p.name for p in (tmp_path / "o").glob("*.pdf")) == ["anden-2026.pdf", "demo-2026.pdf", "katalog-2026.pdf"]


def test_list_shows_goals_and_status(tiny):
    result = runner.invoke(app, ["list", "--root", str(tiny)])
    assert result.exit_code == 0
    row = next(line for line in result.output.splitlines() if "demo-2026" in line)
    assert "2026" in row and "Center for Demonstration" in row and " 3 " in row and "ok" in row


def test_new_starts_next_year_from_this_year(tiny):
    import yaml

    result = runner.invoke(app, ["new", "demo", "2027", "--from", "demo-2026", "--root", str(tiny)])
    assert result.exit_code == 0, result.output
    folder = tiny / "agreements/2027/demo"
    meta = yaml.safe_load((folder / "agreement.yaml").read_text())
    assert meta["year"] == 2027 and meta["effective_date"] == "2027-01-01"
    goal = (folder / "goals/02-dokumentation.md").read_text()
    front = yaml.safe_load(goal.split("---")[1])
    assert front["continues_from"] == 2026
    kpi = front["kpis"][0]
    assert kpi["baseline_label"] == "Status pr. okt. 2026" and kpi["target_label"] == "Mål pr. okt. 2027"
    assert [(r["baseline"], r["target"]) for r in kpi["rows"]] == [(10, None), (9, None)]  # last year's targets
    table = yaml.safe_load((folder / "tables/budget.yaml").read_text())
    assert table["columns"][1]["label"] == "Budget 2027"
    assert table["rows"][0]["rows"][0] == ["Centeradministration", None, None]
    assert yaml.safe_load((tiny / "agreements/2027/rules.yaml").read_text())["year"] == 2027
    assert (tiny / "agreements/2027/_shared/effect_goals.yaml").exists()
    checked = runner.invoke(app, ["check", "demo-2027", "--root", str(tiny), "--format", "json"])
    codes = {d["code"] for d in json.loads(checked.stdout)}
    assert {"IA502", "IA218"} <= codes  # targets and figures to re-enter


def test_new_reports_every_chapter_that_names_last_year_as_its_own(tmp_path):
    import shutil

    from tests.conftest import ROOT

    shutil.copytree(ROOT / "agreements", tmp_path / "agreements")
    assert runner.invoke(app, ["new", "csr", "2027", "--from", "csr-2026", "--root", str(tmp_path)]).exit_code == 0
    checked = runner.invoke(app, ["check", "csr-2027", "--root", str(tmp_path), "--format", "json"])
    found = sorted((d["file"].split("/", 2)[2], d["line"]) for d in json.loads(checked.stdout) if d["code"] == "IA405")
    # "IA 2026", "træder i kraft 1. januar 2026", "Budget 2026 til 2029" …; not the history
    # in the same chapters ("besluttet d. 7. november 2024, at fra 2026", "I 2025 har …").
    assert found == [
        ("_shared/chapters/rammer.md", 20),
        *[("csr/chapters/01-indledning.md", line) for line in (7, 11, 11, 13, 19, 19, 19, 21, 23)],
        *[("csr/chapters/05-oekonomi.md", line) for line in (7, 17, 19, 21, 34, 44, 59)],
    ]


def test_new_keeps_comments_and_text(tiny):
    runner.invoke(app, ["new", "demo", "2027", "--from", "demo-2026", "--root", str(tiny)])
    source = (tiny / "agreements/2026/demo/chapters/01-indledning.md").read_text()
    assert (tiny / "agreements/2027/demo/chapters/01-indledning.md").read_text() == source


def test_new_drops_text_warnings_accepted_as_signed(tiny):
    """Last year's signed text was accepted as it stood; next year's copy is not signed, so its warnings show."""
    for rel, title in [("chapters/01-indledning.md", "title: Indledning\n"), ("goals/01-handlemuligheder.md", "title: Handlemuligheder\n")]:
        path = tiny / "agreements/2026/demo" / rel
        path.write_text(path.read_text().replace(title, title + (
            "accepted:\n  - {code: IA405, text: x, reason: sådan blev den underskrevet}  # signed\n"), 1))
    runner.invoke(app, ["new", "demo", "2027", "--from", "demo-2026", "--root", str(tiny)])
    chapter = (tiny / "agreements/2027/demo/chapters/01-indledning.md").read_text()
    goal = (tiny / "agreements/2027/demo/goals/01-handlemuligheder.md").read_text()
    assert "accepted" not in chapter and "accepted" not in goal
    assert chapter.startswith("---\ntitle: Indledning\n---\n") and "continues_from: 2026" in goal


def test_new_keeps_empty_values_as_written():
    """`group: null` stays `group: null` (ruamel.yaml would write `group:`), `~` stays `~`, an empty value stays empty."""
    from ia.new import new_table

    source = ("columns:\n  - {label: \"\"}\n  - {label: Budget 2026, type: number}\nrows:\n"
              "  - group: null\n    total: [\"\", 12]\n    rows:\n      - [a, 12]\n"
              "  - group: ~\n    rows:\n      - [b, 3]\n  - group:\n    rows:\n      - [c, null]\n")
    assert new_table(source, delta=1) == source.replace("Budget 2026", "Budget 2027").replace("12]", "null]").replace(
        "3]", "null]")


def test_new_keeps_group_null_in_the_real_tables(tmp_path):
    import shutil

    from tests.conftest import ROOT

    shutil.copytree(ROOT / "agreements", tmp_path / "agreements")
    assert runner.invoke(app, ["new", "csr", "2027", "--from", "csr-2026", "--root", str(tmp_path)]).exit_code == 0
    before = (tmp_path / "agreements/2026/csr/tables/aktivitet.yaml").read_text()
    after = (tmp_path / "agreements/2027/csr/tables/aktivitet.yaml").read_text()
    assert after.count("group: null") == before.count("group: null") == 4


def test_new_refuses_to_overwrite(tiny):
    assert runner.invoke(app, ["new", "demo", "2027", "--from", "demo-2026", "--root", str(tiny)]).exit_code == 0
    again = runner.invoke(app, ["new", "demo", "2027", "--from", "demo-2026", "--root", str(tiny)])
    assert again.exit_code == 1 and "IA126" in again.output


def test_new_year_must_be_later(tiny):
    result = runner.invoke(app, ["new", "demo", "2025", "--from", "demo-2026", "--root", str(tiny)])
    assert result.exit_code == 1 and "IA127" in result.output


def test_type_errors_read_in_english_too(tiny):
    path = tiny / "agreements/2026/demo/agreement.yaml"
    path.write_text(path.read_text().replace("year: 2026", "year: tjuetjueseks"))
    result = runner.invoke(app, ["check", "--root", str(tiny), "--lang", "en"])
    assert "error IA203: expected a whole number, found the text 'tjuetjueseks'" in result.output


def test_a_shared_file_is_reported_once_for_all_agreements(tiny):
    import shutil

    shutil.copytree(tiny / "agreements/2026/demo", tiny / "agreements/2026/anden")
    path = tiny / "agreements/2026/anden/agreement.yaml"
    path.write_text(path.read_text().replace("unit: demo", "unit: anden"))
    shared = tiny / "agreements/2026/_shared/chapters/rammer.md"
    shared.write_text(shared.read_text().replace("## Forudsætninger", "#### Forudsætninger"))
    result = runner.invoke(app, ["check", "--root", str(tiny), "--format", "json"])
    codes = [d["code"] for d in json.loads(result.stdout)]
    assert codes.count("IA331") == 1
