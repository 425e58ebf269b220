"""The GitHub workflow: least privilege, the right path filter, tests run, and its check command works."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
WORKFLOW = yaml.safe_load((ROOT / ".github/workflows/agreements.yml").read_text(encoding="utf-8"))
# PyYAML reads the key `on` as the boolean true (YAML 1.1).
TRIGGERS = WORKFLOW.get("on") or WORKFLOW[True]
STEPS = [step for job in WORKFLOW["jobs"].values() for step in job["steps"]]


def test_the_workflow_only_reads_the_repository():
    assert WORKFLOW["permissions"] == {"contents": "read"}
    assert all("permissions" not in job for job in WORKFLOW["jobs"].values())


def test_path_filter_covers_schemas_and_the_project_file():
    for event in ("pull_request", "push"):
        paths = TRIGGERS[event]["paths"]
        for wanted in ("agreements/**", "templates/**", "ia/**", "schemas/**", "pyproject.toml", "tests/**"):
            assert wanted in paths, (event, wanted)


def test_a_job_runs_make_test():
    assert any(step.get("run", "").strip() == "make test" for step in STEPS)


def test_the_check_step_runs_as_written(tiny, tmp_path):
    """Run the workflow's own check command on a broken fixture, with GitHub's variables set."""
    (script,) = [step["run"] for step in STEPS if "ia check" in step.get("run", "")]
    agreement = tiny / "agreements/2026/demo/agreement.yaml"
    agreement.write_text(agreement.read_text().replace("email: cc@aabenraa.dk", "email: cc@aabenraa"))
    (tmp_path / "changed.txt").write_text("agreements/2026/demo/agreement.yaml\n")
    summary = tmp_path / "summary.md"
    env = {**os.environ, "RUNNER_TEMP": str(tmp_path), "GITHUB_STEP_SUMMARY": str(summary), "PYTHONWARNINGS": "ignore"}
    script = script.replace(".venv/bin/ia", f"{sys.executable} -m ia")
    result = subprocess.run(["bash", "-e", "-c", script], cwd=tiny, env=env, capture_output=True, text=True, timeout=120)
    assert result.returncode == 1, result.stderr
    assert result.stdout.startswith("::error file=agreements/2026/demo/agreement.yaml,line=19,col=12,title=IA701::")
    assert "### agreements/2026/demo/agreement.yaml (ændret)" in summary.read_text()
