"""Property-based tests: whatever an editor (or an attacker) writes, `ia check` answers with
diagnostics, never with an exception."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from ia.pipeline import load
from tests.conftest import TINY

FILES = [
    "agreements/2026/demo/agreement.yaml",
    "agreements/2026/demo/goals/02-dokumentation.md",
    "agreements/2026/demo/chapters/01-indledning.md",
    "agreements/2026/demo/tables/budget.yaml",
    "agreements/2026/demo/interventions.yaml",
    "agreements/2026/rules.yaml",
]
# Characters that matter to YAML and Markdown, so random text hits the parsers' edges.
SYNTAX = st.sampled_from(list(":-#*[]{}|>&!%@`'\"\\\n\t ,?~_()<>=") + ["---", "```", "{tabel}", "mål nr. 99", "- ", "  ", "\n## "])
TEXT = st.lists(st.one_of(SYNTAX, st.text(max_size=8)), max_size=60).map("".join)


def check_file(rel: str, text: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        repo = Path(folder) / "repo"
        shutil.copytree(TINY, repo)
        (repo / rel).write_text(text, encoding="utf-8")
        result = load(repo, "demo-2026")
        for diagnostic in result.diagnostics:
            assert diagnostic.message("da") and diagnostic.message("en")
            assert not Path(diagnostic.span.path).is_absolute()


@given(rel=st.sampled_from(FILES), text=TEXT)
def test_random_text_gives_diagnostics_not_exceptions(rel, text):
    check_file(rel, text)


MUTATIONS = st.sampled_from(["delete", "duplicate", "insert", "swap", "indent", "truncate"])


@given(rel=st.sampled_from(FILES), steps=st.lists(st.tuples(MUTATIONS, st.integers(0, 10_000), TEXT), min_size=1, max_size=4))
def test_mutated_agreement_gives_diagnostics_not_exceptions(rel, steps):
    lines = (TINY / rel).read_text(encoding="utf-8").splitlines()
    for kind, where, text in steps:
        if not lines:
            lines = [text]
            continue
        i = where % len(lines)
        if kind == "delete":
            del lines[i]
        elif kind == "duplicate":
            lines.insert(i, lines[i])
        elif kind == "insert":
            column = where % (len(lines[i]) + 1)
            lines[i] = lines[i][:column] + text + lines[i][column:]
        elif kind == "swap":
            j = (where // 7) % len(lines)
            lines[i], lines[j] = lines[j], lines[i]
        elif kind == "indent":
            lines[i] = "  " + lines[i]
        else:
            lines[i] = lines[i][: where % (len(lines[i]) + 1)]
    check_file(rel, "\n".join(lines) + "\n")
