"""Coverage-guided fuzzing of `ia check` with atheris, for long local runs.

    .venv/bin/pip install atheris
    .venv/bin/python fuzz/fuzz_check.py -atheris_runs=100000 -max_len=4096

Each input is split: its first byte picks which file of the small fixture agreement to
replace, the rest becomes that file's bytes. Any exception out of `load()` is a bug: the
promise is diagnostics, never a traceback.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path

import atheris

with atheris.instrument_imports():
    from ia.pipeline import load

FIXTURE = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "tiny"
TARGETS = [
    "agreements/2026/demo/agreement.yaml",
    "agreements/2026/demo/goals/02-dokumentation.md",
    "agreements/2026/demo/chapters/01-indledning.md",
    "agreements/2026/demo/chapters/02-rammer.md",
    "agreements/2026/demo/tables/budget.yaml",
    "agreements/2026/demo/interventions.yaml",
    "agreements/2026/_shared/chapters/rammer.md",
    "agreements/2026/rules.yaml",
]
WORK = Path(tempfile.mkdtemp(prefix="ia-fuzz-")) / "repo"
shutil.copytree(FIXTURE, WORK)
ORIGINALS = {rel: (WORK / rel).read_bytes() for rel in TARGETS}


def test_one_input(data: bytes) -> None:
    if not data:
        return
    rel = TARGETS[data[0] % len(TARGETS)]
    try:
        (WORK / rel).write_bytes(data[1:])
        load(WORK, "demo-2026")
    finally:
        (WORK / rel).write_bytes(ORIGINALS[rel])


if __name__ == "__main__":
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()
