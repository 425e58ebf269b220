"""What real agreements say that the format once could not: numbered tables and
interventions with indicators, several criteria and measurements, labelled by data."""

from __future__ import annotations

import re
from pathlib import Path

from ia.pipeline import load
from ia.render.html import render_html

ROOT = Path(__file__).resolve().parents[1]


def _render(repo: Path) -> str:
    result = load(repo, "demo-2026")
    assert result.agreement is not None and not result.errors, [d.message() for d in result.errors]
    return render_html(result.agreement)


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _captions(html: str) -> list[str]:
    body = html[html.index("<body"):]
    return [re.sub(r"<[^>]+>", "", c).strip() for c in re.findall(r"<caption>(.*?)</caption>", body, re.S)]


def test_tables_are_not_numbered_unless_the_agreement_asks(tiny):
    assert not any(c.startswith("Tabel ") for c in _captions(_render(tiny)))


def test_tables_are_numbered_in_reading_order_when_asked(tiny):
    _edit(tiny / "agreements/2026/demo/agreement.yaml", "effective_date:", "table_numbers: true\neffective_date:")
    captions = _captions(_render(tiny))
    numbered = [c for c in captions if c.startswith("Tabel ")]
    # Every table but the interventions' forms is numbered, 1, 2, 3 … in the order it stands.
    assert [int(re.match(r"Tabel (\d+)\. ", c).group(1)) for c in numbered] == list(range(1, len(numbered) + 1))
    assert len(numbered) >= 4
    assert "Tabel 1. Tilbud, adresser, lovgrundlag og antal" in numbered
    assert any(re.fullmatch(r"Tabel \d+\. Specifikation af budget 2026\s*\(1\.000 kr\.\)", c) for c in numbered)
    assert any(re.fullmatch(r"Tabel \d+\. Fem selvvalgte parametre", c) for c in numbered)
    assert not any(c.startswith("Tabel") for c in captions if "Indsats" in c)


def test_interventions_show_indicators_and_lists_and_are_numbered_by_data(tiny):
    path = tiny / "agreements/2026/demo/interventions.yaml"
    _edit(path, "effect_goals: [sunde-borgere, selvhjulpne]", "effect_goals: [sunde-borgere, selvhjulpne]\nlabel: begge")
    _edit(path, "    success_criterion: At 80 % opnår deres mål for genoptræning.\n    measurement: GAS-score i Nexus.\n",
          "    indicators: [GAS-score, Antal afsluttede forløb]\n"
          "    success_criterion:\n      - At 80 % opnår deres mål for genoptræning.\n      - At 50 % fortsætter træningen.\n"
          "    measurement:\n      - GAS-score i Nexus.\n      - Telefonisk opfølgning efter 3 måneder.\n")
    html = _render(tiny)
    first, second = re.findall(r'<table class="figures intervention">.*?</table>', html, re.S)
    assert re.search(r"<caption><span class=\"letter\">A</span> Indsats 1 vedr\.: Flere sunde borgere</caption>", first)
    assert re.search(r"<caption><span class=\"letter\">B</span> Indsats 2 vedr\.: ", second)
    assert '<th scope="row">Relevante indikatorer</th><td><ul><li>GAS-score</li><li>Antal afsluttede forløb</li></ul>' in first
    assert '<th scope="row">Succeskriterier</th><td><ul><li>At 80 % opnår' in first
    assert '<th scope="row">Måling af succeskriterier</th><td><ul><li>GAS-score i Nexus.</li><li>Telefonisk' in first
    # One criterion, one measurement and no indicators read as before.
    assert '<th scope="row">Succeskriterium</th><td>At 50 % klarer sig uden hjælp.</td>' in second
    assert "Relevante indikatorer" not in second


def test_interventions_numbered_without_letters(tiny):
    _edit(tiny / "agreements/2026/demo/interventions.yaml", "effect_goals: [sunde-borgere, selvhjulpne]",
          "effect_goals: [sunde-borgere, selvhjulpne]\nlabel: nummer")
    captions = [c for c in _captions(_render(tiny)) if "vedr." in c]
    assert captions == ["Indsats 1 vedr.: Flere sunde borgere", "Indsats 2 vedr.: Flere borgere bliver mere selvhjulpne"]


def test_unit_adds_after_and_replaces_at_named_places_of_the_shared_chapter(tiny):
    chapter = tiny / "agreements/2026/demo/chapters/02-rammer.md"
    _edit(chapter, "```{tabel} indsatser\n```", "```{tabel} indsatser\n```\n\n"
          "```{efter} effektmaal\n```\n\nCentrets ekstra afsnit under effektmålene.\n\n"
          "```{erstat} Forudsætninger\n```\n\nCentrets egen tekst om forudsætninger.\n\n"
          "```{erstat} sunde-borgere\n```\n\nFlere sunde borgere, uanset uddannelse\n")
    html = _render(tiny)
    body = html[html.index('id="kapitel-2"'):]  # the chapter itself, not the contents
    order = ["Fælles tekst for alle aftaler i 2026.", "De politiske udvalg har besluttet",
             "Centrets ekstra afsnit under effektmålene.", "Indsatser, der løfter på effektmål",
             "Forudsætninger</h", "Centrets egen tekst om forudsætninger."]
    places = [body.index(text) for text in order]
    assert places == sorted(places), order
    assert "Fælles afsluttende tekst." not in body  # replaced, not printed twice
    # Headings keep their numbers: the shared chapter's sections, then the unit's, as before.
    assert re.search(r">2\.1</span>\s*Effektmål<", body) and re.search(r">2\.3</span>\s*Forudsætninger<", body)
    # The unit's own wording names its effect goal A in its list and captions; the approved list is untouched.
    chosen = re.search(r'<ol class="chosen-effect-goals".*?</ol>', body, re.S).group(0)
    assert "<li>Flere sunde borgere, uanset uddannelse</li>" in chosen
    assert "Indsats vedr.: Flere sunde borgere, uanset uddannelse</caption>" in body
    shared = re.search(r'<ul class="effect-goals">.*?</ul>', body, re.S).group(0)
    assert "<li>Flere sunde borgere, uanset uddannelse</li>" in shared  # its own text, as approved


def test_replacing_the_section_that_holds_the_local_slot_keeps_the_units_text(tiny):
    _edit(tiny / "agreements/2026/demo/chapters/02-rammer.md", "```{tabel} indsatser\n```",
          "```{tabel} indsatser\n```\n\n```{erstat} effektmaal\n```\n\nCentrets egen indledning til effektmålene.\n")
    body = _render(tiny)
    body = body[body.index('id="kapitel-2"'):]
    assert "De politiske udvalg har besluttet" not in body
    assert body.index("Centrets egen indledning til effektmålene.") < body.index("Indsatser, der løfter på effektmål")


def test_every_drawn_directive_and_built_in_table_has_a_renderer_and_no_renderer_is_unregistered():
    from ia.directives import BUILT_IN_TABLES, DIRECTIVES
    from ia.markdown import FootnoteNumbers
    from ia.render.html import built_in_tables, chapter_directives, environment
    from ia.render.tables import TableNumbers

    env = environment()
    parts = env.get_template("parts/tables.html.j2").module
    shown: set[str] = set()
    for agreement_id in ("csr-2026", "tf-2023"):
        agreement = load(ROOT, agreement_id).agreement
        drawn = chapter_directives(agreement, env, FootnoteNumbers(), TableNumbers(False))
        assert set(drawn) == {name for name, d in DIRECTIVES.items() if d.drawn}
        assert set(built_in_tables(agreement, parts, FootnoteNumbers(), TableNumbers(False))) == set(BUILT_IN_TABLES)
        shown |= {table_id for table_id in BUILT_IN_TABLES if "<li>" in drawn["tabel"](table_id) or "<td" in drawn["tabel"](table_id)}
    # Each built-in table draws something from one of the real agreements' data.
    assert shown == set(BUILT_IN_TABLES)
