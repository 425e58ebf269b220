"""Where agreements are: the repository root, the agreement folders, ids such as `csr-2026`.

Standard library only (and the diagnostic type): `ia build` finds its agreements and asks
the cache about them before the pipeline is imported.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from ia.diagnostics import Diagnostic, Span, relpath

_ID = re.compile(r"(?P<unit>[a-zæøå0-9_]+(?:-[a-zæøå0-9_]+)*)-(?P<year>\d{4})\Z")


def find_root(start: Path) -> Path:
    """Return the nearest folder at or above `start` that holds an `agreements/` folder."""
    start = start.resolve()
    for candidate in (start, *start.parents):
        if (candidate / "agreements").is_dir():
            return candidate
    return start


def agreement_folders(root: Path, *, year: int | None = None) -> list[Path]:
    """Every agreement folder under `root/agreements`, sorted by year and unit."""
    base = root / "agreements"
    found = []
    for year_dir in sorted(base.glob("[0-9][0-9][0-9][0-9]")):
        if year is not None and year_dir.name != str(year):
            continue
        for unit_dir in sorted(year_dir.iterdir()):
            if unit_dir.is_dir() and not unit_dir.name.startswith(("_", ".")):
                found.append(unit_dir)
    return found


def resolve_ref(root: Path, ref: str) -> Path | Diagnostic:
    """Turn `csr-2026` or a folder path into an agreement folder, or say why not."""
    match = _ID.match(ref)
    if match:
        folder = root / "agreements" / match["year"] / match["unit"]
        if folder.is_dir():
            return folder
        return Diagnostic("IA121", Span(ref), {"folder": relpath(folder, root)})
    # Fold '..' as written, so agreements/2026/demo/../demo is the folder demo in 2026.
    path = Path(os.path.abspath(Path.cwd() / ref))
    if path.is_dir() and (path / "agreement.yaml").exists():
        return path
    return Diagnostic("IA120", Span(ref), {"ref": ref})
