"""Where the templates, stylesheets and fonts are (standard library only, below every stage)."""

from __future__ import annotations

from pathlib import Path


def templates_dir() -> Path:
    """Return the templates folder: packaged beside `ia` in a wheel, at the top in a checkout."""
    packaged = Path(__file__).resolve().parent / "templates"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[1] / "templates"
