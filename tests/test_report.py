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
    """A bad e-mail address in agreement.yaml, an accepted deviation in a table, an unknown area with markup in a goal."""
    agreement = repo / "agreements/2026/demo/agreement.yaml"
    agreement.write_text(agreement.read_text().replace("email: cc@aabenraa.dk", "email: cc@aabenraa"))
    table = repo / "agreements/2026/demo/tables/budget.yaml"
    table.write_text(table.read_text().replace("[Stubbæk, 11906, null]", "[Stubbæk, 11006, null]")
                     + "accepted:\n  - {row: Brutto Budget, column: Budget 2026, reason: sådan blev den underskrevet}\n")
    goal = repo / "agreements/2026/demo/goals/02-dokumentation.md"
    goal.write_text(goal.read_text().replace("area: kvalitet", "area: '*kvalitet* <b>|'", 1))


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


@pytest.mark.parametrize(("code", "expected"), [("IA602", "notice"), ("IA606", "notice"), ("IA603", "warning"),
                                                ("IA404", "warning"), ("IA601", "error")])
def test_accepted_deviations_are_notices(code, expected):
    assert report.level(Diagnostic(code, Span("t.yaml", 1, 1))) == expected


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
