"""End to end on the real CSR 2026 agreement: it checks clean, builds, and the PDF holds
the seed's content. Slow (a full WeasyPrint render), so the PDF is built once per run."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pypdf import PdfReader

from ia.pipeline import build, load
from tests.conftest import ROOT


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("csr")
    result = build(ROOT, "csr-2026", out_dir=out)
    assert not result.errors, [d.message() for d in result.errors]
    return out


@pytest.fixture(scope="module")
def text(built) -> str:
    reader = PdfReader(built / "csr-2026.pdf")
    raw = "\n".join(page.extract_text() for page in reader.pages)
    return re.sub(r"\s+", " ", raw)


def test_checks_without_errors():
    result = load(ROOT, "csr-2026")
    assert [d for d in result.diagnostics if d.is_error] == []
    assert {d.code for d in result.diagnostics} <= {"IA602"}  # the seed's own, recorded deviations


def test_has_25_goals_in_9_areas():
    agreement = load(ROOT, "csr-2026").agreement
    assert len(agreement.goals) == 25
    assert len(agreement.rules.areas) == 9
    assert [len(agreement.goals_in(a.key)) for a in agreement.rules.areas] == [1, 7, 3, 6, 1, 2, 1, 2, 2]


def test_every_goal_title_is_in_the_pdf(text):
    agreement = load(ROOT, "csr-2026").agreement
    for goal in agreement.goals:
        title = re.sub(r"\s+", " ", goal.meta.title)
        assert f"Mål nr. {goal.number} {title}" in text, title


@pytest.mark.parametrize("figure", ["50.204.563", "33.991", "64.741", "1.173", "30.749.483", "597,34",
                                    "\u221230.749", "hiv@aabenraa.dk", "Hvilket resultat vil vi opnå i 2026?"])
def test_key_figures_are_in_the_pdf(text, figure):
    assert figure in text


def test_no_stale_question(text):
    assert "opnå i 2025" not in text


def test_page_count_is_sane(built):
    pages = len(PdfReader(built / "csr-2026.pdf").pages)
    assert 30 < pages < 80


def test_html_is_written(built):
    html = (built / "csr-2026.html").read_text(encoding="utf-8")
    assert html.count('class="goal ') == 25


def test_build_is_byte_identical(built, tmp_path):
    again = build(ROOT, "csr-2026", out_dir=tmp_path)
    assert not again.errors
    for name in ("csr-2026.pdf", "csr-2026.html"):
        assert (tmp_path / name).read_bytes() == (built / name).read_bytes(), name
