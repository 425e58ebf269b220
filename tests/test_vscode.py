"""The VS Code set-up: the problem matchers read real `ia check` output, the schemas map to real files."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
from pathlib import Path

from ia.pipeline import load
from tests.clirunner import CliRunner
from tests.conftest import ROOT
from tests.jsonc import load_jsonc

from ia.cli import run as app

VSCODE = ROOT / ".vscode"
TASKS = {task["label"]: task for task in load_jsonc(VSCODE / "tasks.json")["tasks"]}
runner = CliRunner()


def problems(task: dict, output: str) -> set[tuple]:
    """Read `output` as VS Code does with the task's matchers: (severity, file, line, column, code, message)."""
    found = set()
    for line in output.splitlines():
        for matcher in task["problemMatcher"]:
            pattern = matcher["pattern"]
            match = re.match(pattern["regexp"], line)  # the patterns use no syntax JavaScript reads otherwise
            if match:
                where = (int(match[pattern["line"]]), int(match[pattern["column"]])) if "line" in pattern else (0, 0)
                found.add((matcher["severity"], match[pattern["file"]], *where, match[pattern["code"]],
                           match[pattern["message"]]))
    return found


def break_fixture(repo: Path) -> None:
    """An error at a line, a warning at a line, and an error for a folder (no line)."""
    agreement = repo / "agreements/2026/demo/agreement.yaml"
    agreement.write_text(agreement.read_text().replace("email: cc@aabenraa.dk", "email: cc@aabenraa"))
    goal = repo / "agreements/2026/demo/goals/01-handlemuligheder.md"
    goal.write_text(goal.read_text().replace("Vi finder handlemuligheder", "I 2025 vil vi finde handlemuligheder"))
    (repo / "agreements/2026/demo/goals/03-teknologi.md").unlink()


def expected(repo: Path) -> set[tuple]:
    return {("error" if d.is_error else "warning", d.span.path, d.span.line, d.span.col if d.span.line else 0, d.code,
             d.message()) for d in load(repo, "demo-2026").diagnostics}


def test_the_matchers_read_every_diagnostic_of_real_output(tiny):
    break_fixture(tiny)
    want = expected(tiny)
    assert {w[0] for w in want} == {"error", "warning"} and any(w[2] == 0 for w in want)
    output = runner.invoke(app, ["check", "--root", str(tiny)]).output
    assert problems(TASKS["ia check (løbende)"], output) == want
    assert problems(TASKS["ia check"], output) == {w for w in want if w[2]}


def test_the_watch_task_runs_on_open_and_rounds_match_its_markers(tiny):
    task = TASKS["ia check (løbende)"]
    assert task["isBackground"] and task["runOptions"] == {"runOn": "folderOpen"}
    assert task["args"] == ["check", "--watch"] and task["options"]["env"]["NO_COLOR"] == "1"
    background = {m["background"]["beginsPattern"] for m in task["problemMatcher"]}, \
        {m["background"]["endsPattern"] for m in task["problemMatcher"]}
    (begins,), (ends,) = background
    env = {**os.environ, "PYTHONWARNINGS": "ignore", "NO_COLOR": "1"}
    process = subprocess.Popen([sys.executable, "-m", "ia", "check", "--watch"], cwd=tiny, env=env,
                               stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True)
    try:
        lines = []

        def until_round_ends() -> list[str]:
            start = len(lines)
            deadline = time.monotonic() + 60
            while time.monotonic() < deadline:
                line = process.stderr.readline()
                lines.append(line.rstrip("\n"))
                if re.match(ends, line):
                    return lines[start:]
            raise AssertionError(lines)

        first = until_round_ends()
        assert re.match(begins, first[0]) and not problems(task, "\n".join(first))
        time.sleep(0.5)
        agreement = tiny / "agreements/2026/demo/agreement.yaml"
        agreement.write_text(agreement.read_text().replace("email: cc@aabenraa.dk", "email: cc@aabenraa"))
        second = until_round_ends()
        assert re.match(begins, second[0])
        assert {p[4] for p in problems(task, "\n".join(second))} == {"IA701"}
    finally:
        process.terminate()
        process.wait(timeout=10)


def test_settings_map_every_schema_to_files_that_exist():
    settings = load_jsonc(VSCODE / "settings.json")
    for schema, globs in settings["yaml.schemas"].items():
        assert (ROOT / schema).is_file(), schema
        for glob in globs:
            # Follow-ups exist only in the example fixture until a real one is written.
            assert list(ROOT.glob(glob)) or list((ROOT / "tests/fixtures/followup").glob(glob)), glob


def test_recommended_extensions_are_in_the_dev_container_too():
    recommended = load_jsonc(VSCODE / "extensions.json")["recommendations"]
    container = load_jsonc(ROOT / ".devcontainer/devcontainer.json")["customizations"]["vscode"]["extensions"]
    assert "redhat.vscode-yaml" in recommended and set(recommended) <= set(container)


def test_watch_without_agreements_says_so_and_ends(tmp_path):
    result = runner.invoke(app, ["check", "--watch", "--root", str(tmp_path)])
    assert result.exit_code == 2 and "IA124" in result.output and "IA903" not in result.output
