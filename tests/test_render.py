"""Rendering the tiny fixture to HTML: structure, numbering, questions and Danish figures."""

from __future__ import annotations

import re

import pytest

from ia.pipeline import load
from ia.render.html import render_html
from tests.conftest import TINY


@pytest.fixture(scope="module")
def html() -> str:
    result = load(TINY, "demo-2026")
    assert result.agreement is not None and not result.errors
    return render_html(result.agreement)


def test_document_is_danish_with_one_h1(html):
    assert '<html lang="da">' in html
    assert len(re.findall(r"<h1\b", html)) == 1
    assert "<title>Institutionsaftale 2026 – Center for Demonstration</title>" in html


def test_goals_are_numbered_by_area_order(html):
    titles = [(n, t.strip()) for n, t in re.findall(r"<span class=\"num\">Mål nr\. (\d+)</span> ([^<]+)", html)]
    assert titles == [("1", "Handlemuligheder"), ("2", "Dokumentation i Nexus"), ("3", "Velfærdsteknologi i hverdagen")]


def test_questions_come_from_the_rules_with_the_year(html):
    assert html.count('<dt>Hvilket resultat vil vi opnå i 2026?</dt>') == 3
    assert html.count("Kræver dette mål samarbejde med andre centerområder?") == 1  # only goal 2 answers it


def test_continued_goal_is_marked(html):
    assert "fortsættelsesmål fra 2025" in html


def test_headings_are_numbered_from_the_chapter(html):
    assert '<span class="num">1.1</span> Tilbud' in html
    assert '<span class="num">1.1.1</span> Kontakter' in html
    assert '<span class="num">2.1</span> Styring' in html
    assert '<span class="num">3.1</span> Budget' in html


def test_figures_are_danish_and_right_aligned(html):
    assert '<td class="num">64.741</td>' in html
    assert '<td class="num">\u221230.749</td>' in html
    assert '<td class="num">597,34</td>' in html
    assert '<td class="num">9,5</td>' in html


def test_totals_are_marked(html):
    assert re.search(r'<tr class="subtotal level-0">\s*<th scope="row">Brutto Budget</th>', html)
    assert re.search(r'<tr class="total level-0">\s*<th scope="row">Oprindeligt Netto Budget</th>', html)


def test_contacts_link_their_own_address(html):
    assert '<a href="mailto:cc@aabenraa.dk">cc@aabenraa.dk</a>' in html


def test_kpi_table_is_placed_where_the_directive_stands(html):
    result = html.index("Vi foretager selvevaluering.")
    table = html.index("Fem selvvalgte parametre")
    after = html.index("Se også mål nr. 1.")
    assert result < table < after


def test_markdown_html_is_escaped(tiny):
    goal = tiny / "agreements/2026/demo/goals/01-handlemuligheder.md"
    goal.write_text(goal.read_text().replace("Vi finder", "<script>alert(1)</script> {{ 7*7 }} Vi finder"))
    result = load(tiny, "demo-2026")
    html = render_html(result.agreement)
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;" in html
    assert "{{ 7*7 }}" in html and "49" not in html.split("Vi finder")[0][-40:]
