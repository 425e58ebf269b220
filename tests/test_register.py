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
    # Only the seed's own misspelling of Fuldtræfferen, kept as printed and recorded (IA843).
    assert [f"{d.code} {d.span}" for d in diagnostics] == [
        "IA843 offers/ensomhedsindsatsen.md:18:259", "IA843 offers/fremskudt-visitation.md:11:177"]
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


# Table 2.1 of CSR 2026 and T&F 2023 as the signed agreements print it (transcribed inline in
# agreement.yaml before the register): (row, site name shown, address, legal basis, capacity or
# note, phone). Drawn from the register now, the table must read exactly the same.
PRINTED_TABLES = {
    "csr-2026": [
        ("Værested CSR", None, "Reberbanen 1 + 3., 6200 Aabenraa", "§ 79 SEL", "318 borgere", None),
        ("Værested CSR", "+65 tilbud", "Bjerggade 4 C st., 6200 Aabenraa", "§ 79 SEL", "49 borgere", None),
        ("Værested CSR", "Skovly", "Dimen 10, 6200 Aabenraa", "§ 79 SEL", "15 borgere", None),
        ("Værested CSR", "Værested Padborg", "Jernbanegade 36, 6330 Padborg", "§ 79 SEL", "140 borgere", None),
        ("Værested CSR", "Fuldtræfferen", "Uglekær 2-8, kld., 6200 Aabenraa", "§ 79 SEL", None, None),
        ("Rusmiddelcenter", None, "Reberbanen 3, 6200 Aabenraa", "SUL § 141; SEL § 101 og 101a",
         "186 alkohol forløb, 170 stofforløb, 35 pårørendeforløb", None),
        ("Pædagogisk Vejledning", None, "Bjerggade 4C, 1.sal, 6200 Aabenraa", "SEL §§ 82 a og b og 85 og SEL § 99",
         "258 borgere", None),
        ("Pædagogisk Vejledning", "Startboliger", "Slotsgade, 6200 Aabenraa", "ABL § 105 stk.2. Hybelfunktion", "12 pladser", None),
        ("Boenhed Stubbæk", None, "Byvænget 4, Stubbæk, 6200 Aabenraa", "SEL §§ 85 og 107", "10 pladser", None),
        ("Boenhed Stubbæk", None, "Stubbæk Bygade 1, 6200 Aabenraa", "ABL § 105 stk. 2", "33 borgere i egen bolig", None),
        ("Botilbud Bjerggade", None, "Bjerggade 4 f-g, 6200 Aabenraa", "SEL § 107", "12 pladser", None),
        ("Botilbud Bjerggade", "Kolonihaven", "Havestien 1 A, 6200 Aabenraa", "SEL § 107", None, None),
        ("Centerkontoret", None, "Reberbanen 3 st. th., 6200 Aabenraa", "", "Administration", None),
    ],
    "tf-2023": [
        ("Aabenraa", None, "Kresten Philipsens Vej 4, bygning A, 6200 Aabenraa", "",
         "Enhederne: Voksne & Børn, Senior, Arbejde & Sundhed", "7376 7519 / Træffetid: Kl. 07.45-13.00"),
        ("Bov", None, "Padborgvej 20, 6330 Padborg", "", "Enhederne: Voksne & Børn, Senior", "7376 7519 / Træffetid: Kl. 07.45-13.00"),
        ("Rødekro", None, "Funkevej 9F, 6230 Rødekro", "", "Enheden: Senior", "7376 7519 / Træffetid: Kl. 07.45-13.00"),
    ],
}


@pytest.mark.parametrize("document", sorted(PRINTED_TABLES))
def test_table_2_1_drawn_from_the_register_reads_as_signed(document: str):
    from ia.pipeline import load
    from ia.render.offers import offer_rows

    result = load(ROOT, document)
    assert result.errors == []
    meta = result.agreement.meta
    assert all(site.offer and not site.address for row in meta.offers for site in row.sites), "every site refers to the register"
    shown = []
    for row in offer_rows(meta, result.agreement.register):
        for site in row.sites:
            capacity = ", ".join(f"{c.count} {c.unit}" for c in site.capacity) or site.note
            shown.append((row.name, site.name if site.name != row.name else None, ", ".join(site.address),
                          "; ".join(site.legal_basis or row.legal_basis), capacity, site.phone))
    assert shown == PRINTED_TABLES[document]


def test_the_seeds_disagreement_is_an_accepted_warning_never_a_silent_change():
    from ia.pipeline import load

    found = [d for d in load(ROOT, "csr-2026").diagnostics if d.code.startswith("IA81")]
    assert [(d.code, str(d.span)) for d in found] == [("IA818", "agreements/2026/csr/agreement.yaml:27:20")]
    assert "'Uglekær 2-8, kld., 6200 Aabenraa'" in found[0].message() and "'Uglekær 14, 6200 Aabenraa'" in found[0].message()
    assert "accepted deviation" in found[0].message("en")


def test_the_register_exports_as_deterministic_json_with_one_shape():
    from ia.register.export import register_json

    data = register_json(read_register(ROOT))
    assert data == register_json(read_register(ROOT))
    parsed = json.loads(data)
    assert data == (json.dumps(parsed, ensure_ascii=False, indent=2, sort_keys=True) + "\n").encode()
    assert parsed["format"] == "ia-offers/1" and len(parsed["areas"]) == 8
    offers = parsed["offers"]
    assert [o["key"] for o in offers] == sorted(o["key"] for o in offers) and len(offers) == 44
    shape = {"key", "name", "also_known_as", "area", "area_title", "anchored_in", "target_group", "access",
             "legal_basis", "sites", "contacts", "links", "updated", "text"}
    assert all(set(o) == shape for o in offers)
    fuld = next(o for o in offers if o["key"] == "fuldtraefferen")
    assert fuld["area_title"] == "Fællesskaber" and fuld["sites"][0]["address"] == "Uglekær 14"
    assert fuld["text"].startswith("Fuldtræfferen er et åbent tilbud") and fuld["text"].endswith("Social & Sundhed.\n")


def test_ia_check_names_an_offer_no_document_shows(tiny: Path):
    from ia.cli import run as app
    from tests.clirunner import CliRunner

    (tiny / "offers" / "glemt.md").write_text("---\nname: Det glemte tilbud\n---\nTekst.\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["check", "--root", str(tiny)])
    assert result.exit_code == 0, result.output  # a warning
    assert "offers/glemt.md:2:7: advarsel IA847: tilbuddet 'glemt' bruges ikke af noget dokument" in result.output
    # Checking one document says nothing about the others' use of the register.
    one = CliRunner().invoke(app, ["check", "--root", str(tiny), "demo-2026"])
    assert "IA847" not in one.output


def test_ia_export_offers_writes_the_register_atomically_or_nothing(tiny: Path):
    from ia.cli import run as app
    from ia.register.export import register_json
    from tests.clirunner import CliRunner

    out = tiny / "build" / "offers.json"
    result = CliRunner().invoke(app, ["export", "offers", "--root", str(tiny), "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert out.read_bytes() == register_json(read_register(tiny))
    assert [o["key"] for o in json.loads(out.read_bytes())["offers"]] == ["sundhedsklinikken", "vaerestedet"]
    stdout = CliRunner().invoke(app, ["export", "offers", "--root", str(tiny)])
    assert stdout.stdout.encode() == out.read_bytes()
    # A broken offer would be left out of the data: nothing is written, the error is shown.
    (tiny / "offers" / "vaerestedet.md").write_text("---\nname: [\n---\n", encoding="utf-8")
    before = out.read_bytes()
    broken = CliRunner().invoke(app, ["export", "offers", "--root", str(tiny), "--out", str(out)])
    assert broken.exit_code == 1 and "offers/vaerestedet.md:3:1: fejl IA101" in broken.output and "intet skrevet" in broken.output
    assert out.read_bytes() == before


def test_the_register_read_once_is_kept_only_while_its_files_are_unchanged(tiny: Path):
    import os
    import time

    from ia import paths

    path = tiny / "offers" / "vaerestedet.md"
    old = time.time() - 60
    for file in (tiny / "offers").iterdir():
        os.utime(file, (old, old))
    first, _ = load_register(tiny)
    assert load_register(tiny)[0] is first  # unchanged: read once
    path.write_text(path.read_text(encoding="utf-8").replace("name: Værestedet", "name: Væreste"), encoding="utf-8")
    os.utime(path, (old + 1, old + 1))
    changed, _ = load_register(tiny)
    assert changed is not first and changed.offers["vaerestedet"].offer.name == "Væreste"
    # A build records every read for its cache: inside a journal the register is read again.
    with paths.journal() as record:
        assert load_register(tiny)[0] is not changed
    assert "offers/vaerestedet.md" in record
