"""Read the JSON-with-comments files VS Code and dev containers use (whole-line // comments)."""

from __future__ import annotations

import json
from pathlib import Path


def load_jsonc(path: Path) -> dict:
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if not line.lstrip().startswith("//")]
    return json.loads("\n".join(lines))
