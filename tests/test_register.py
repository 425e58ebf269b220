"""The register of offers as `ia` reads it: models, loader and positions (ia/register/)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ia.register import load_register
from ia.register.load import read_register, slug
from ia.register.models import Offer
from tests.conftest import ROOT


def test_the_repository_register_reads_clean_with_every_offer():
    register, diagnostics = load_register(ROOT)
    assert [f"{d.code} {d.span}" for d in diagnostics] == []
    assert len(register.offers) == 44 and register.unread == {}
    assert [area.key for area in register.areas][:2] == ["rehabilitering-og-forebyggelse", "mobilitet-og-tilgaengelighed"]
    entry = register.offers["fuldtraefferen"]
    assert entry.path == "offers/fuldtraefferen.md"
    assert entry.offer.name == "Fuldtræfferen"
    assert entry.offer.sites[0].lines() == ["Uglekær 14", "6200 Aabenraa"]
    # Positions count lines of the whole file: the front matter opens on line 1.
    assert entry.positions.find(("sites", 0, "address")).line == 11
    # The body is parsed with the file's own line numbers.
    first = next(t for t in entry.body.tokens if t.type == "inline")
    assert first.map[0] + 1 == entry.body.line == 22
    assert first.content.startswith("Fuldtræfferen er et åbent tilbud")
    stubbaek = register.offers["boenhed-stubbaek"].offer
    assert stubbaek.sites[0].lines() == ["Byvænget 4", "Stubbæk", "6200 Aabenraa"]
    assert stubbaek.names() == ["Boenhed Stubbæk", "Botilbud Stubbæk"]


def test_every_key_is_the_slug_of_the_offers_name():
    # The rule the transcription followed; ia check only requires a valid key, because a
    # key must stay when an offer is renamed.
    register = read_register(ROOT)
    assert {key: slug(e.offer.name) for key, e in register.offers.items() if key != slug(e.offer.name)} == {}


def test_the_model_is_strict():
    base = {"name": "X"}
    assert Offer.model_validate(base).access is None
    for bad in ({**base, "navn": "Y"}, {**base, "sites": [{"address": "A", "postal_code": 6200}]},
                {**base, "access": "lukket"}, {**base, "updated": "juli 2026"}, {**base, "updated": "2026-13"}):
        with pytest.raises(ValueError):
            Offer.model_validate(bad)
    assert Offer.model_validate({**base, "updated": "2026-07"}).updated == "2026-07"


def test_no_offers_folder_is_an_empty_register(tmp_path: Path):
    (tmp_path / "agreements").mkdir()
    register, diagnostics = load_register(tmp_path)
    assert register.offers == {} and diagnostics == [] and register.areas is None


def test_an_offer_that_cannot_be_read_stays_known_by_its_key(tiny: Path):
    (tiny / "offers" / "vaerestedet.md").write_text("---\nname: [\n---\n", encoding="utf-8")
    register, diagnostics = load_register(tiny)
    assert register.knows("vaerestedet") and "vaerestedet" not in register.offers
    assert register.keys() == ["sundhedsklinikken", "vaerestedet"]
    assert [d.code for d in diagnostics] == ["IA101"]


def test_the_register_is_read_through_the_path_rule(tiny: Path, tmp_path: Path):
    outside = tmp_path / "outside.md"
    outside.write_text("---\nname: Ude\n---\n", encoding="utf-8")
    (tiny / "offers" / "ude.md").symlink_to(outside)
    register, diagnostics = load_register(tiny)
    assert [(d.code, str(d.span)) for d in diagnostics] == [("IA109", "offers/ude.md")]
    assert "ude" not in register.offers and register.knows("ude")


def test_ia_check_checks_the_register_even_when_no_document_uses_it(tiny: Path):
    from ia.cli import run as app
    from tests.clirunner import CliRunner

    path = tiny / "offers" / "sundhedsklinikken.md"
    path.write_text(path.read_text(encoding="utf-8").replace("area: sundhed", "area: sundhedd"), encoding="utf-8")
    result = CliRunner().invoke(app, ["check", "--root", str(tiny)])
    assert result.exit_code == 1, result.output
    assert "offers/sundhedsklinikken.md:4:7: fejl IA304: ukendt område 'sundhedd'" in result.output
    assert "mente du 'sundhed'?" in result.output
    english = CliRunner().invoke(app, ["check", "--root", str(tiny), "--lang", "en", "--format", "json"])
    assert json.loads(english.stdout)[0]["code"] == "IA304"
