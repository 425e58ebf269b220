"""Start-up: each command imports what it needs, as the real `ia` process does.

Run as subprocesses with `-X importtime`, which names every module the process imported:
an eager import added anywhere on the way (in `ia/__init__.py`, the CLI, the pipeline)
fails here, not just in a benchmark nobody reads.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

RENDERING = {"weasyprint", "matplotlib", "jinja2", "pypdf", "babel"}
TERMINAL = {"rich", "typer"}
VALIDATING = {"pydantic", "pydantic_core", "markdown_it", "yaml"}


def imported(*args: str, cwd: Path) -> tuple[subprocess.CompletedProcess, set[str]]:
    """Run `python -X importtime -m ia ARGS` and return it with the top-level packages it imported."""
    env = {**os.environ, "PYTHONWARNINGS": "ignore"}
    env.pop("FORCE_COLOR", None)
    done = subprocess.run([sys.executable, "-X", "importtime", "-m", "ia", *args], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=300)
    names = {line.rsplit("|", 1)[1].strip().split(".")[0]
             for line in done.stderr.splitlines() if line.startswith("import time:") and "|" in line}
    return done, names - {"cumulative"}


def test_check_imports_no_renderer_and_no_terminal_toolkit(tiny):
    done, names = imported("check", "--root", str(tiny), cwd=tiny)
    assert done.returncode == 0, done.stderr[-2000:]
    assert {"pydantic", "markdown_it", "yaml"} <= names  # it did check: the measurement is real
    assert not names & (RENDERING | TERMINAL), sorted(names & (RENDERING | TERMINAL))


def test_check_with_errors_still_imports_no_renderer(tiny):
    path = tiny / "agreements/2026/demo/agreement.yaml"
    path.write_text(path.read_text().replace("unit_short: CD", "unit_shrt: CD"))
    done, names = imported("check", "--root", str(tiny), cwd=tiny)
    assert done.returncode == 1 and "IA202" in done.stderr
    assert not names & (RENDERING | TERMINAL), sorted(names & (RENDERING | TERMINAL))


def test_check_that_prints_figures_imports_no_renderer(tiny):
    """A sum that does not add up is reported with the figures in Danish notation
    (`ia.render.numbers`), without Babel, which only the renderer's dates need."""
    path = tiny / "agreements/2026/demo/tables/budget.yaml"
    path.write_text(path.read_text().replace("[Brutto Budget, 64741, null]", "[Brutto Budget, 64751, null]"))
    done, names = imported("check", "--root", str(tiny), cwd=tiny)
    assert done.returncode == 1 and "64.742" in done.stderr and "64.751" in done.stderr, done.stderr[-2000:]
    assert not names & (RENDERING | TERMINAL), sorted(names & (RENDERING | TERMINAL))


def test_cached_build_imports_only_the_standard_library(tiny, tmp_path):
    out = tmp_path / "out"
    first, _ = imported("build", "--all", "--format", "html", "--out", str(out), "--root", str(tiny), cwd=tiny)
    assert first.returncode == 0, first.stderr[-2000:]
    again, names = imported("build", "--all", "--format", "html", "--out", str(out), "--root", str(tiny), cwd=tiny)
    assert again.returncode == 0 and "uændret" in again.stderr
    assert not names & (RENDERING | TERMINAL | VALIDATING), sorted(names & (RENDERING | TERMINAL | VALIDATING))


def test_import_ia_is_light_and_its_names_still_resolve():
    code = ("import sys, ia; light = 'ia.pipeline' not in sys.modules; "
            "print(light, ia.load.__module__, ia.Diagnostic.__module__, set(ia.__all__) <= set(dir(ia)))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert done.stdout.split() == ["True", "ia.pipeline", "ia.diagnostics", "True"], done.stderr
