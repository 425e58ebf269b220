"""Measure `ia build --all` at 1, 2, 4 and 8 agreements: wall time, CPU per agreement, cores busy.

The agreements are copies of CSR 2026 (41 pages, the larger real one) under other unit
names, with the year's rules and shared content, in a temporary repository. Each size
is built cold (a fresh output folder) as a process, as the secretariat runs it; the CPU
time is that of the process and every process it waited for (workers, PDF children).
The figures feed docs/scaling.md. Not a test: run it.

    .venv/bin/python benchmarks/scaling.py [--sizes 1,2,4,8] [--repeat 1]
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
IA = str(Path(sys.executable).parent / "ia")
ENV = {k: v for k, v in os.environ.items() if k not in {"PYTHONDONTWRITEBYTECODE", "FORCE_COLOR"}}
SOURCE = ROOT / "agreements/2026/csr"


def repository(count: int, base: Path) -> Path:
    """A repository with `count` copies of CSR 2026 as units csr0, csr1, …, and the register of offers."""
    repo = base / f"repo-{count}"
    year = repo / "agreements/2026"
    year.mkdir(parents=True)
    for entry in (ROOT / "agreements/2026").iterdir():
        if entry.name.startswith("_") or entry.is_file():
            (shutil.copytree if entry.is_dir() else shutil.copy2)(entry, year / entry.name)
    if (ROOT / "offers").is_dir():  # the register of offers the agreements refer to
        shutil.copytree(ROOT / "offers", repo / "offers")
    for i in range(count):
        unit = f"csr{i}"
        shutil.copytree(SOURCE, year / unit)
        meta = year / unit / "agreement.yaml"
        meta.write_text(meta.read_text(encoding="utf-8").replace("unit: csr\n", f"unit: {unit}\n", 1), encoding="utf-8")
    return repo


def run(repo: Path, out: Path) -> tuple[float, float]:
    """Build every agreement of `repo` cold; return wall seconds and CPU seconds (with children)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    done = subprocess.run([IA, "build", "--all", "--format", "pdf", "--out", str(out), "--root", str(repo)],
                          cwd=repo, env=ENV, capture_output=True, text=True)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode != 0:
        raise SystemExit(done.stderr[-3000:])
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1,2,4,8")
    parser.add_argument("--repeat", type=int, default=1)
    args = parser.parse_args()
    base = Path(tempfile.mkdtemp(prefix="ia-scaling-"))
    print(f"{os.cpu_count()} cores, load average {' '.join(f'{x:.1f}' for x in os.getloadavg())} at the start")
    print(f"{'agreements':>10} {'wall s':>8} {'CPU s':>8} {'CPU s/agreement':>16} {'cores busy':>11} {'wall s/agreement':>17}")
    try:
        for count in (int(n) for n in args.sizes.split(",")):
            repo = repository(count, base)
            samples = [run(repo, base / f"out-{count}-{i}") for i in range(args.repeat)]
            wall = statistics.median(s[0] for s in samples)
            cpu = statistics.median(s[1] for s in samples)
            print(f"{count:>10} {wall:>8.1f} {cpu:>8.1f} {cpu / count:>16.2f} {cpu / wall:>11.2f} {wall / count:>17.2f}",
                  flush=True)
    finally:
        shutil.rmtree(base, ignore_errors=True)
    print(f"load average {' '.join(f'{x:.1f}' for x in os.getloadavg())} at the end")


if __name__ == "__main__":
    main()
