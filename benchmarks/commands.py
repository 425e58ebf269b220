"""Benchmark `ia` as a user runs it: whole commands as processes, each against its anchor.

Every command is timed as a process from start to exit, interleaved with its anchor in
the same run (A B A B …), so load from other work on the machine falls on both. For
each pair the ratio A/B is taken; the median and the spread (min–max and the middle
half) of the ratios are printed. Goals (issue 16) in brackets:

- `ia check` of the repository against an empty `python -c pass` of the same venv [≤ 20×]
- for scale, no goal: the libraries `ia check` cannot do without (PyYAML, markdown-it with
  its footnote plugin, pydantic building the agreement and register models), imported and
  nothing else done, against the same empty interpreter: a floor under the check's ratio
- a no-op `ia build --all` (everything cached) against the same empty interpreter [≤ 8×]
- a cold `ia build csr-2026 --format pdf` against WeasyPrint alone rendering ia's final
  HTML with ia's stylesheet and fonts, in a process of its own (benchmarks/floor.py) [≤ 1.10×]
- with pandoc installed: the same against pandoc → WeasyPrint on the agreement's Markdown

Not a test: run it, and say under what load the figures were taken.

    .venv/bin/python benchmarks/commands.py [--repeat N] [--only check,floor,noop,cold,pandoc]
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HERE = Path(__file__).resolve().parent
PYTHON = sys.executable
IA = str(Path(PYTHON).parent / "ia")
# As on an editor's machine: bytecode caches are written and used (some sandboxes turn them off).
ENV = {k: v for k, v in os.environ.items() if k not in {"PYTHONDONTWRITEBYTECODE", "FORCE_COLOR"}}


def timed(command: list[str]) -> tuple[float, float]:
    """Run a command to its end and return its wall-clock seconds and the CPU seconds of it
    and every process it waited for; fail loudly if it fails."""
    started = time.perf_counter()
    process = subprocess.Popen(command, cwd=ROOT, env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    errors = process.stderr.read()
    process.stderr.close()
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - started
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode not in (0, 1):  # 1: the repository's own warnings/errors are not our concern here
        raise SystemExit(f"{' '.join(command)} failed ({process.returncode}): {errors.decode()[-2000:]}")
    return seconds, usage.ru_utime + usage.ru_stime


def _spread(ratios: list[float]) -> tuple[float, float, float, float, float]:
    """Median, min, max and the quartiles of the ratios."""
    q1, _, q3 = statistics.quantiles(ratios, n=4) if len(ratios) > 1 else (ratios[0],) * 3
    return statistics.median(ratios), min(ratios), max(ratios), q1, q3


def pair(name: str, command: list[str], anchor: list[str], repeat: int, goal: float) -> dict:
    """Time `command` and `anchor` alternately `repeat` times (after one untimed run of each).

    The ratio of wall-clock times is what a user waits for and what the goals are about;
    the ratio of CPU times is printed beside it because it moves less with the machine's
    other load (a wall-clock ratio of two processes that wait for the same busy cores
    drifts towards the ratio of their CPU times, and a tiny anchor's wall time is mostly
    scheduling delay when the machine is busy).
    """
    timed(command), timed(anchor)
    walls, cpus, ours, theirs = [], [], [], []
    for _ in range(repeat):
        a, a_cpu = timed(command)
        b, b_cpu = timed(anchor)
        ours.append(a), theirs.append(b), walls.append(a / b), cpus.append(a_cpu / b_cpu)
    median, low, high, q1, q3 = _spread(walls)
    cpu, cpu_low, cpu_high, _, _ = _spread(cpus)
    row = dict(name=name, median=median, low=low, high=high, q1=q1, q3=q3, cpu=cpu, cpu_low=cpu_low,
               cpu_high=cpu_high, ours=statistics.median(ours), theirs=statistics.median(theirs), goal=goal, n=repeat)
    verdict = "no goal" if goal == float("inf") else f"goal ≤ {goal:g}×: " + ("ok" if median <= goal else "over the goal")
    print(f"{name:<52} {median:7.2f}×  (min–max {low:.2f}–{high:.2f}, IQR {q1:.2f}–{q3:.2f}; "
          f"{row['ours']:.3f} s vs {row['theirs']:.3f} s; CPU {cpu:.2f}×, {cpu_low:.2f}–{cpu_high:.2f}; n={repeat}) "
          f"{verdict}", flush=True)
    return row


def templates() -> Path:
    return ROOT / "templates"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--cold-repeat", type=int, default=5)
    parser.add_argument("--only", default="check,floor,noop,cold,pandoc")
    args = parser.parse_args()
    wanted = set(args.only.split(","))
    empty = [PYTHON, "-c", "pass"]
    work = Path(tempfile.mkdtemp(prefix="ia-bench-"))
    print(f"{dt.datetime.now().isoformat(timespec='minutes')}, {os.cpu_count()} cores, "
          f"load average {' '.join(f'{x:.1f}' for x in os.getloadavg())} at the start")
    try:
        if "check" in wanted:
            pair("ia check (the repository) / python -c pass", [IA, "check"], empty, args.repeat, 20)
        if "floor" in wanted:
            libraries = [PYTHON, "-c", "import yaml, markdown_it, mdit_py_plugins.footnote, ia.models, ia.register.models"]
            pair("check's libraries and models alone / python -c pass", libraries, empty, args.repeat, float("inf"))
        if "noop" in wanted:
            out = work / "noop"
            timed([IA, "build", "--all", "--out", str(out)])
            pair("ia build --all, cached / python -c pass", [IA, "build", "--all", "--out", str(out)], empty,
                 args.repeat, 8)
        if "cold" in wanted or "pandoc" in wanted:
            html_out = work / "html"
            timed([IA, "build", "csr-2026", "--format", "html", "--out", str(html_out)])
            final = html_out / "csr-2026.html"
            cold = [IA, "build", "csr-2026", "--format", "pdf", "--force", "--out", str(work / "cold")]
            if "cold" in wanted:
                floor = [PYTHON, str(HERE / "floor.py"), str(final), str(templates() / "css"), str(work / "floor.pdf")]
                pair("ia build csr-2026 --format pdf, cold / WeasyPrint alone", cold, floor, args.cold_repeat, 1.10)
            if "pandoc" in wanted and shutil.which("pandoc"):
                sources = sorted((ROOT / "agreements/2026/csr").rglob("*.md"))
                pandoc = ["pandoc", *map(str, sources), "--pdf-engine=weasyprint", "-o", str(work / "pandoc.pdf")]
                pair("ia build csr-2026 --format pdf / pandoc → WeasyPrint", cold, pandoc, args.cold_repeat, 1.0)
            elif "pandoc" in wanted:
                print("pandoc → WeasyPrint: pandoc is not installed, no external anchor")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print(f"load average {' '.join(f'{x:.1f}' for x in os.getloadavg())} at the end")


if __name__ == "__main__":
    main()
