"""Report formats compared with golden files: GitHub annotations and the Markdown job summary.

Regenerate the golden files after an intended change with
`UPDATE_GOLDEN=1 .venv/bin/python -m pytest tests/test_report.py`, and read the diff.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from tests.clirunner import CliRunner

from ia import report
from ia.cli import run as app
from ia.diagnostics import Diagnostic, Span

GOLDEN = Path(__file__).parent / "golden"
runner = CliRunner()


def assert_golden(name: str, text: str) -> None:
    path = GOLDEN / name
    if os.environ.get("UPDATE_GOLDEN"):
        path.write_text(text, encoding="utf-8")
    assert text == path.read_text(encoding="utf-8"), f"{name} differs; UPDATE_GOLDEN=1 regenerates it"


def break_fixture(repo: Path) -> None:
    """A bad e-mail address in agreement.yaml, an accepted deviation in a table, an accepted stale year
    in a chapter, an unknown area with markup in a goal."""
    agreement = repo / "agreements/2026/demo/agreement.yaml"
    agreement.write_text(agreement.read_text().replace("email: cc@aabenraa.dk", "email: cc@aabenraa"))
    table = repo / "agreements/2026/demo/tables/budget.yaml"
    table.write_text(table.read_text().replace("[Stubbæk, 11906, null]", "[Stubbæk, 11006, null]")
                     + "accepted:\n  - {row: Brutto Budget, column: Budget 2026, reason: sådan blev den underskrevet}\n")
    goal = repo / "agreements/2026/demo/goals/02-dokumentation.md"
    goal.write_text(goal.read_text().replace("area: kvalitet", "area: '*kvalitet* <b>|'", 1))
    chapter = repo / "agreements/2026/demo/chapters/01-indledning.md"
    chapter.write_text(chapter.read_text().replace("title: Indledning\n", (
        "title: Indledning\naccepted:\n  - {code: IA405, text: 1. januar 2025, reason: sådan blev den underskrevet}\n"))
        .replace("1. januar 2026", "1. januar 2025"))


@pytest.mark.parametrize("fmt", ["github", "markdown"])
def test_report_formats_match_golden_files(tiny, tmp_path, fmt):
    break_fixture(tiny)
    changed = tmp_path / "changed.txt"
    changed.write_text("agreements/2026/demo/tables/budget.yaml\nagreements/2026/demo/goals/02-dokumentation.md\n")
    result = runner.invoke(app, ["check", "--root", str(tiny), "--format", fmt, "--changed-first", str(changed)])
    assert result.exit_code == 1
    assert_golden(f"check.{fmt}.txt", result.stdout)


def test_summary_is_appended_to_the_step_summary_file(tiny, tmp_path):
    break_fixture(tiny)
    summary = tmp_path / "step-summary.md"
    summary.write_text("earlier step\n")
    result = runner.invoke(app, ["check", "--root", str(tiny), "--format", "github", "--summary", str(summary)])
    assert result.exit_code == 1
    text = summary.read_text()
    assert text.startswith("earlier step\n## ia check: ")
    assert_golden("check.summary.md", text)


def test_english_summary_matches_golden_file(tiny, tmp_path):
    break_fixture(tiny)
    result = runner.invoke(app, ["check", "--root", str(tiny), "--format", "markdown", "--lang", "en"])
    assert_golden("check.markdown.en.txt", result.stdout)


def test_clean_summary(tiny):
    result = runner.invoke(app, ["check", "--root", str(tiny), "--format", "markdown"])
    assert result.exit_code == 0
    assert result.stdout == "## ia check: 0 fejl, 0 advarsler\n\nIngen fejl, advarsler eller godkendte afvigelser.\n"


def _many(code: str, count: int, path: str) -> list[Diagnostic]:
    return [Diagnostic(code, Span(path, line, 1), {"field": f"f{line}"}) for line in range(1, count + 1)]


def test_changed_files_come_first_within_the_annotation_limit():
    untouched = _many("IA202", 12, "agreements/2026/a/agreement.yaml")
    touched = _many("IA202", 3, "agreements/2026/b/agreement.yaml")
    lines = report.github(untouched + touched, changed={"./agreements/2026/b/agreement.yaml"}).splitlines()
    # The overflow notice first, then the changed file's three errors among the ten GitHub shows.
    assert lines[0].startswith("::notice title=ia check::GitHub viser højst 10 fejl")
    assert "15 fejl" in lines[0]
    shown = [line for line in lines if line.startswith("::error")][:report.ANNOTATIONS_PER_LEVEL]
    assert [line.split(",")[0] for line in shown[:3]] == ["::error file=agreements/2026/b/agreement.yaml"] * 3
    assert all("file=agreements/2026/a/" in line for line in shown[3:])


def test_no_overflow_notice_within_the_limit():
    lines = report.github(_many("IA202", 10, "x.yaml")).splitlines()
    assert len(lines) == 10 and all(line.startswith("::error ") for line in lines)


@pytest.mark.parametrize(("code", "accepted", "expected"), [
    ("IA602", "som underskrevet", "notice"), ("IA606", "som underskrevet", "notice"), ("IA405", "som underskrevet", "notice"),
    ("IA603", None, "warning"), ("IA404", None, "warning"), ("IA601", None, "error")])
def test_accepted_diagnostics_are_notices(code, accepted, expected):
    assert report.level(Diagnostic(code, Span("t.yaml", 1, 1), {"reason": accepted}, accepted=accepted)) == expected


def test_an_accepted_text_warning_is_shown_as_accepted_in_every_format(tiny):
    """Not hidden: the terminal and JSON say it is accepted and why, as GitHub and Markdown do (golden files)."""
    break_fixture(tiny)
    for fmt, lang, expected in [("human", "da", "advarsel IA405: 'træder i kraft 1. januar 2025' nævner 2025 som aftalens år, "
                                 "men aftalen gælder 2026: er teksten kopieret fra sidste år? (godkendt: sådan blev den underskrevet)"),
                                ("human", "en", '(accepted: "sådan blev den underskrevet")'),
                                ("json", "da", '"accepted": "sådan blev den underskrevet"')]:
        result = runner.invoke(app, ["check", "--root", str(tiny), "--format", fmt, "--lang", lang])
        assert expected in result.stdout + result.stderr, result.stdout + result.stderr
    result = runner.invoke(app, ["check", "--root", str(tiny), "--format", "github"])
    assert "::notice file=agreements/2026/demo/chapters/01-indledning.md,line=6,col=9,title=IA405::" in result.stdout


def test_codes_only_for_accepted_figures_always_carry_their_reason():
    """IA602, IA606 and IA818 take the same path as every accepted diagnostic: `accepted` is set."""
    from ia.messages import ACCEPTED_DEVIATIONS
    from ia.pipeline import load

    root = Path(__file__).resolve().parent.parent
    found = [d for ref in ("csr-2026", "tf-2023") for d in load(root, ref).diagnostics if d.code in ACCEPTED_DEVIATIONS]
    assert {d.code for d in found} >= {"IA602", "IA606"}
    assert all(d.accepted for d in found)


def test_markdown_escapes_markup_in_messages():
    d = Diagnostic("IA304", Span("a|b.md", 2, 3), {"found": "<script>[x](javascript:y) *z* `q`"})
    text = report.markdown([d])
    assert "<script>" not in text and "](javascript" not in text
    assert r"\<script\>\[x\]\(javascript:y\) \*z\* \`q\`" in text
    assert "### a\\|b.md" in text


def test_summary_is_cut_below_githubs_limit():
    # Messages quote at most 200 characters of a value, so it takes many diagnostics to fill it.
    diagnostics = [Diagnostic("IA304", Span(f"f{i}.md", 1, 1), {"found": "x" * 5000}) for i in range(4000)]
    text = report.markdown(diagnostics)
    assert len(text.encode("utf-8")) < report.SUMMARY_LIMIT + 1000
    assert "Sammenfatningen er afkortet" in text.splitlines()[-1]
