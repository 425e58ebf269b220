from __future__ import annotations

import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
TINY = ROOT / "tests" / "fixtures" / "tiny"


@pytest.fixture
def tiny(tmp_path: Path) -> Path:
    """A writable copy of the small, clean fixture repository (agreement demo-2026)."""
    target = tmp_path / "repo"
    shutil.copytree(TINY, target)
    return target
