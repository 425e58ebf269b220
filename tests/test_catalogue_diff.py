"""`ia diff` on two editions of a catalogue: offers added, removed, moved and changed."""

from __future__ import annotations

import shutil
from pathlib import Path

from ia.catalogue.diff import diff, diff_text
from ia.catalogue.load import load
from tests.conftest import TINY


def edition(root: Path, name: str = "katalog"):
    catalogue, problems = load(root, root / "catalogues/2026" / name, key=name, year=2026)
    assert catalogue is not None, problems
    return catalogue


def copy(tmp_path: Path, name: str) -> Path:
    root = tmp_path / name
    shutil.copytree(TINY, root)
    return root


def test_the_same_edition_has_no_changes(tmp_path):
    root = copy(tmp_path, "a")
    changes = diff(edition(root), edition(root))
    assert changes.empty
    assert "Ingen ændringer" in diff_text(changes)


def test_added_removed_moved_and_changed_offers(tmp_path):
    before_root, after_root = copy(tmp_path, "before"), copy(tmp_path, "after")
    yaml_file = after_root / "catalogues/2026/katalog/catalogue.yaml"
    text = yaml_file.read_text(encoding="utf-8")
    # Sundhedsklinikken moves into Fællesskaber; a new offer takes its place in Sundhed.
    text = text.replace("      - vaerestedet", "      - vaerestedet\n      - sundhedsklinikken")
    text = text.replace("    offers:\n      - sundhedsklinikken\n", "    offers:\n      - raadgivningen\n")
    text = text.replace('updated: "2026-07"', 'updated: "2027-01"')
    yaml_file.write_text(text, encoding="utf-8")
    (after_root / "offers/raadgivningen.md").write_text(
        "---\nname: Rådgivningen\narea: sundhed\n---\nRådgivning for alle.\n", encoding="utf-8")
    offer = after_root / "offers/vaerestedet.md"
    offer.write_text(offer.read_text(encoding="utf-8").replace("Storegade 1", "Storegade 3", 1)
                     .replace("et åbent tilbud", "et åbent og gratis tilbud"), encoding="utf-8")
    changes = diff(edition(before_root), edition(after_root))
    assert [(e.key, e.chapter) for e in changes.added] == [("raadgivningen", "3. Sundhed")]
    assert changes.removed == []
    by_key = {c.key: c for c in changes.changed}
    assert by_key["vaerestedet"].fields == ["adresser", "tekst"]
    assert by_key["sundhedsklinikken"].moved == ("3. Sundhed", "2. Fællesskaber")
    assert ("updated", "2026-07", "2027-01") in changes.facts
    shown = diff_text(changes)
    assert "+ Rådgivningen (raadgivningen) i 3. Sundhed" in shown
    assert "~ Værestedet (vaerestedet): ændret: adresser, tekst" in shown
    assert "flyttet fra 3. Sundhed til 2. Fællesskaber" in shown


def test_an_offer_taken_out_is_removed_and_a_later_register_month_is_a_change(tmp_path):
    root = copy(tmp_path, "one")
    older = root / "catalogues/2026/katalog/catalogue.yaml"
    text = older.read_text(encoding="utf-8").replace('updated: "2026-07"', 'updated: "2025-12"')
    older.write_text(text, encoding="utf-8")
    newer = root / "catalogues/2026/katalog2"
    shutil.copytree(root / "catalogues/2026/katalog", newer)
    (newer / "catalogue.yaml").write_text(text.replace('updated: "2025-12"', 'updated: "2026-07"')
                                          .replace("    intro: chapters/03-sundhed.md\n", "")
                                          .replace("  - area: sundhed\n    offers:\n      - sundhedsklinikken\n", ""),
                                          encoding="utf-8")
    (newer / "chapters/03-sundhed.md").unlink()
    changes = diff(edition(root), edition(root, "katalog2"))
    assert [(e.key, e.chapter) for e in changes.removed] == [("sundhedsklinikken", "3. Sundhed")]
    # The register says Værestedet changed in 2026-01, after the older edition (2025-12).
    assert [(c.key, c.updated_since, c.fields) for c in changes.changed] == [("vaerestedet", "2026-01", [])]
    assert "- Sundhedsklinikken (sundhedsklinikken), stod i 3. Sundhed" in diff_text(changes)


def _second_edition(root: Path) -> None:
    """katalog2-2026: Sundhedsklinikken moved into Fællesskaber, the Sundhed chapter gone."""
    second = root / "catalogues/2026/katalog2"
    shutil.copytree(root / "catalogues/2026/katalog", second)
    text = (second / "catalogue.yaml").read_text(encoding="utf-8")
    text = text.replace("      - vaerestedet", "      - vaerestedet\n      - sundhedsklinikken")
    text = text.replace("  - area: sundhed\n    intro: chapters/03-sundhed.md\n    offers:\n      - sundhedsklinikken\n", "")
    (second / "catalogue.yaml").write_text(text, encoding="utf-8")
    (second / "chapters/03-sundhed.md").unlink()


def test_ia_diff_compares_two_editions_of_a_catalogue(tiny):
    from ia.cli import run as app
    from tests.clirunner import CliRunner

    runner = CliRunner()

    _second_edition(tiny)
    result = runner.invoke(app, ["diff", "katalog-2026", "katalog2-2026", "--root", str(tiny)])
    assert result.exit_code == 0, result.output
    assert "katalog-2026 → katalog2-2026" in result.output
    assert "~ Sundhedsklinikken (sundhedsklinikken): flyttet fra 3. Sundhed til 2. Fællesskaber" in result.output


def test_ia_diff_of_a_broken_edition_is_a_diagnostic_not_a_removal(tiny):
    from ia.cli import run as app
    from tests.clirunner import CliRunner

    runner = CliRunner()

    _second_edition(tiny)
    edition = tiny / "catalogues/2026/katalog2/catalogue.yaml"
    edition.write_text(edition.read_text(encoding="utf-8").replace("      - sundhedsklinikken", "      - sundhedsklinik"),
                       encoding="utf-8")
    result = runner.invoke(app, ["diff", "katalog-2026", "katalog2-2026", "--root", str(tiny)])
    assert result.exit_code == 1
    assert "IA814" in result.output and "Fjernede tilbud" not in result.output
