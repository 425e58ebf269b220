"""Data flows one way: source -> validate (shape only) -> checks (all rules) -> render -> output.

Read from the code itself, so a shortcut across a stage edge fails here, not in review.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "ia"


def _imports(path: Path) -> set[str]:
    """Every ia module a file imports, at the top or inside a function."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("ia"):
            found.add(node.module)
            found.update(f"{node.module}.{alias.name}" for alias in node.names)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names if alias.name.startswith("ia"))
    return found


def _files(*parts: str) -> list[Path]:
    return [p for part in parts for p in ([PACKAGE / part] if part.endswith(".py") else sorted((PACKAGE / part).glob("*.py")))]


def test_sources_and_validation_never_reach_into_later_stages():
    later = ("ia.checks", "ia.render", "ia.output", "ia.publish", "ia.pipeline", "ia.kinds", "ia.cli")
    for path in _files("source", "validate.py", "document.py", "models.py", "tables.py", "directives.py"):
        reached = sorted(m for m in _imports(path) if m.startswith(later))
        assert reached == [], f"{path.relative_to(PACKAGE.parent)} imports {reached}"


def test_checks_never_import_rendering_or_output():
    for path in _files("checks", "register"):
        reached = sorted(m for m in _imports(path) if m.startswith(("ia.render", "ia.output", "ia.publish", "ia.cli")))
        assert reached == [], f"{path.relative_to(PACKAGE.parent)} imports {reached}"


def test_validation_reports_shape_only_and_leaves_every_rule_to_the_checks():
    # Reading (1xx), the schema (2xx), and IA125: a chapter names a shared chapter that is
    # not there, so there is nothing to compose (like a missing file, it is the loader's).
    codes = set(re.findall(r'"(IA\d{3})"', (PACKAGE / "validate.py").read_text(encoding="utf-8")))
    assert codes and {code for code in codes if not code.startswith(("IA1", "IA2")) or code == "IA210"} <= {"IA125"}
