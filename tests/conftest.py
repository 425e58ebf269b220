from __future__ import annotations

import shutil
from pathlib import Path

import os

import pytest
from hypothesis import HealthCheck, settings

# `HYPOTHESIS_PROFILE=long make test` runs the property tests for much longer.
settings.register_profile("default", max_examples=70, deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("long", max_examples=2000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))

ROOT = Path(__file__).resolve().parent.parent
TINY = ROOT / "tests" / "fixtures" / "tiny"


@pytest.fixture
def tiny(tmp_path: Path) -> Path:
    """A writable copy of the small, clean fixture repository (agreement demo-2026)."""
    target = tmp_path / "repo"
    shutil.copytree(TINY, target)
    return target
