"""Every real document's text, as readers get it, against a golden outline.

A change to a template, a view or a check's data shows here as the lines of text that
changed. After an intended change, regenerate with
`UPDATE_GOLDEN=1 .venv/bin/python -m pytest tests/test_golden_render.py` and read the diff.
Every document of every kind (and each of its editions) has one, so a new kind or
document starts with a failing test until its outline is looked at and committed.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from ia.kinds import adapter
from ia.pipeline import load
from ia.workspace import documents
from tests.outline import outline

ROOT = Path(__file__).resolve().parents[1]
GOLDEN = Path(__file__).parent / "golden" / "render"


EDITIONS = [(ref, edition) for ref in documents(ROOT) for edition in (None, *ref.kind_info.editions)
            if edition is None or adapter(ref.kind).has_edition(ref, edition)]


@pytest.mark.parametrize(("ref", "edition"), EDITIONS, ids=[ref.output_id(edition) for ref, edition in EDITIONS])
def test_rendered_text_matches_its_golden_outline(ref, edition):
    result = load(ROOT, ref)
    assert result.document is not None and not result.errors
    html = adapter(ref.kind).render_html(result.document, edition=edition, created="2026-01-01")
    text = outline(html)
    path = GOLDEN / f"{ref.output_id(edition)}.txt"
    if os.environ.get("UPDATE_GOLDEN"):
        path.write_text(text, encoding="utf-8")
    assert path.exists(), f"{path.name} is missing; UPDATE_GOLDEN=1 writes it"
    assert text == path.read_text(encoding="utf-8"), f"{path.name} differs; UPDATE_GOLDEN=1 regenerates it"


def test_every_golden_outline_belongs_to_a_document():
    expected = {f"{ref.output_id(edition)}.txt" for ref, edition in EDITIONS}
    assert {path.name for path in GOLDEN.glob("*.txt")} <= expected


def test_the_outline_keeps_every_block_and_cell_and_drops_scripts_and_styles():
    html = ("<html><head><title>T</title><style>p{}</style></head><body><h2>Mål <em>nr.</em> 1</h2>"
            "<p>Et  afsnit<br>med linjeskift</p><script>var x</script><table><tr><th>A</th><td>1.234</td></tr></table>"
            "<img alt='Figur'><ul><li>Punkt</li></ul></body></html>")
    assert outline(html) == "title | T\nh2 | Mål nr. 1\np | Et afsnit / med linjeskift\ntr | A | 1.234\nimg | Figur\nli | Punkt\n"
