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
    assert '<span class="num">3.1</span> Styring' in html
    assert '<span class="num">4.1</span> Budget' in html


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
    after = html.index("Se også <a href=\"#maal-1\" class=\"goal-ref\">mål nr.\u00a01</a>.")
    assert result < table < after


def test_no_markup_is_printed_as_text(html):
    from tests.leaks import tags_in_html_text

    assert tags_in_html_text(html) == []


def test_kpi_table_placed_in_a_later_answer_is_shown_once_and_as_a_table(tiny):
    from tests.leaks import tags_in_html_text

    goal = tiny / "agreements/2026/demo/goals/02-dokumentation.md"
    text = goal.read_text(encoding="utf-8").replace("```{tabel} selvevaluering\n```\n", "")
    goal.write_text(text.replace("Selvevaluering i maj og oktober.", "Selvevaluering i maj og oktober.\n\n```{tabel} selvevaluering\n```"))
    html = render_html(load(tiny, "demo-2026").agreement)
    assert html.count("Fem selvvalgte parametre") == 1
    assert html.index("Selvevaluering i maj og oktober.") < html.index("Fem selvvalgte parametre")
    assert tags_in_html_text(html) == []


def test_list_numbers_are_the_editors():
    from ia.render.markdown import render_section
    from ia.document import Section
    from ia.markdown import parse

    tokens, env = parse("1. maj 2023 A.\n\n1. maj 2024 B.\n\n3) c\n7) d\n")
    html = render_section(Section("x.md", 1, tokens, env), directives=lambda *_: "")
    assert html.count('<span class="marker">1. </span>maj 202') == 2
    assert '<span class="marker">3) </span>c' in html and '<span class="marker">7) </span>d' in html
    assert "2. " not in html


def test_escaped_date_stays_a_paragraph():
    from ia.markdown import parser

    assert parser().render("1\\. maj 2023 blev centret samlet.") == "<p>1. maj 2023 blev centret samlet.</p>\n"


def test_answers_print_in_the_order_written(tiny):
    goal = tiny / "agreements/2026/demo/goals/03-teknologi.md"
    text = goal.read_text(encoding="utf-8")
    result, measurement = text.index("## Resultat"), text.index("## Måling")
    goal.write_text(text[:result] + text[measurement:].rstrip("\n") + "\n\n" + text[result:measurement], encoding="utf-8")
    loaded = load(tiny, "demo-2026")
    assert not loaded.errors and not loaded.diagnostics
    html = render_html(loaded.agreement)
    goal_html = html[html.index('id="maal-3"'):]
    assert goal_html.index("Antal borgere, der bruger løsningen.") < goal_html.index("Vi tager en ny digital løsning i brug.")
    assert goal_html.index("Hvordan måles") < goal_html.index("Hvilket resultat vil vi opnå i 2026?")


def test_goal_references_in_every_form_are_links():
    from ia.markdown import parser

    html = parser().render("Kvalitets- og udviklingsmål nr. 2, jf. mål 3, målene nr. 1 og 2. Mål 2026, verdensmål nr. 3.")
    assert '<a href="#maal-2" class="goal-ref">Kvalitets- og udviklingsmål nr. 2</a>' in html
    assert '<a href="#maal-3" class="goal-ref">mål 3</a>' in html
    assert '<a href="#maal-1" class="goal-ref">målene nr. 1</a> og <a href="#maal-2" class="goal-ref">2</a>' in html
    assert html.count('class="goal-ref"') == 4  # not the year, not the UN goal


def test_markdown_html_is_escaped(tiny):
    goal = tiny / "agreements/2026/demo/goals/01-handlemuligheder.md"
    goal.write_text(goal.read_text().replace("Vi finder", "<script>alert(1)</script> {{ 7*7 }} Vi finder"))
    result = load(tiny, "demo-2026")
    html = render_html(result.agreement)
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;" in html
    assert "{{ 7*7 }}" in html and "49" not in html.split("Vi finder")[0][-40:]


def test_shared_chapter_wraps_the_units_own_text(html):
    assert '<span class="num">2.1</span> Effektmål' in html
    assert '<span class="num">2.2</span> Indsatser, der løfter på effektmål' in html
    assert '<span class="num">2.3</span> Forudsætninger' in html
    assert html.index("Fælles tekst for alle aftaler") < html.index("Centret bidrager") < html.index("Fælles afsluttende tekst")


def test_effect_goals_and_interventions_come_from_data(html):
    assert "<li>Færre borgere føler sig ensomme</li>" in html
    assert '<ol class="chosen-effect-goals" type="A">' in html
    assert '<span class="letter">B</span> Indsats vedr.: Flere borgere bliver mere selvhjulpne' in html
    assert "<p>Effekten afspejles i målopfyldelsen.</p>" in html


def test_chart_is_vector_with_alt_text_and_its_figures(html):
    figure = html[html.index('<figure class="chart"'):]
    figure = figure[: figure.index("</figure>")]
    assert 'src="data:image/svg+xml;base64,' in figure
    assert 'alt="Linjediagram, der viser en stigning fra 2.072 planer i 2020 til 2.677 i 2022."' in figure
    assert "<figcaption>Udviklingen i genoptræningsplaner</figcaption>" in figure
    assert '<td class="num">2.677</td>' in figure


def test_chart_svg_is_deterministic_and_danish():
    import base64

    from ia.pipeline import load
    from ia.render.charts import chart_svg

    table = load(TINY, "demo-2026").agreement.tables["planer"].data
    first, second = chart_svg(table), chart_svg(table)
    assert first == second and first.startswith("<svg")
    assert "<path" in first and "<text" not in first  # glyphs are outlines: no font needed
    del base64


def test_footnotes_are_numbered_across_the_document_as_the_pdf_counts_them(tiny):
    goals = tiny / "agreements/2026/demo/goals"
    first = goals / "01-handlemuligheder.md"
    first.write_text(first.read_text().replace("af budgettet.", "af budgettet[^a], se også[^a].\n\n[^a]: Budget 2026.")
                     + "\n")
    third = goals / "03-teknologi.md"
    text = third.read_text()
    third.write_text(text.replace("## Måling", "Se note[^1].\n\n[^1]: En note i et andet mål.\n\n## Måling", 1))
    result = load(tiny, "demo-2026")
    assert not result.errors, [d.message() for d in result.errors]
    html = render_html(result.agreement)
    calls = re.findall(r'<sup class="footnote-ref( footnote-again)?"><a [^>]*>(\d+)</a></sup>', html)
    assert calls == [("", "1"), (" footnote-again", "1"), ("", "2")]
    assert html.count('<span class="footnote-body">Budget 2026.</span>') == 1  # printed once, at its first call
    assert re.findall(r'class="footnote-item" value="(\d+)"', html) == ["1", "2"]


def test_paragraph_signs_and_numbers_are_joined_in_rendering_not_in_sources(tiny):
    goal = tiny / "agreements/2026/demo/goals/01-handlemuligheder.md"
    goal.write_text(goal.read_text().replace("Vi finder", "Efter SEL § 85 og §§ 82 og 107, jf. stk. 2 og mål nr. 2, finder vi"))
    html = render_html(load(tiny, "demo-2026").agreement)
    assert "SEL §\u00a085 og §§\u00a082 og 107, jf. stk.\u00a02" in html
    assert 'mål nr.\u00a02</a>' in html
    assert "§ 85" in goal.read_text()  # the source keeps the space the editor typed


def test_a_paragraph_ending_in_a_colon_is_marked_as_a_lead_in(tiny):
    goal = tiny / "agreements/2026/demo/goals/01-handlemuligheder.md"
    goal.write_text(goal.read_text().replace("Vi finder", "Vi gør følgende:\n\n- finder\n\nVi finder"))
    html = render_html(load(tiny, "demo-2026").agreement)
    assert '<p class="lead-in">Vi gør følgende:</p>' in html
    assert '<p class="lead-in">Vi finder' not in html
