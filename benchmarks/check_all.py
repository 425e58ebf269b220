"""In-process micro-benchmark: `load` of every agreement against reading and parsing its YAML.

Inside one warm process (imports paid before timing): not the command-line figure; for
that, run benchmarks/commands.py.

The baseline, measured in the same run, is just reading and YAML-parsing the same files
(the floor any checker pays), so the figures do not depend on how fast the machine is.
Run: .venv/bin/python benchmarks/check_all.py [--repeat N]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import yaml

from ia.pipeline import all_refs, load

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))
from _timing import timed  # noqa: E402


def baseline() -> None:
    for folder in all_refs(ROOT):
        for path in sorted(folder.rglob("*")):
            if path.suffix in {".yaml", ".md"}:
                text = path.read_text(encoding="utf-8")
                if path.suffix == ".yaml":
                    yaml.safe_load(text)


def check_all() -> None:
    for folder in all_refs(ROOT):
        load(ROOT, folder)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args()
    check_all()  # warm imports and caches
    base = timed(baseline, args.repeat)
    checked = timed(check_all, args.repeat)
    print(f"agreements: {len(all_refs(ROOT))}")
    print(f"baseline (read + parse YAML): {base * 1000:.1f} ms")
    print(f"ia check, all agreements:     {checked * 1000:.1f} ms  = {checked / base:.1f} × baseline")


if __name__ == "__main__":
    main()
