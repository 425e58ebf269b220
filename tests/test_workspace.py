"""The workspace: kinds of document, their folders and ids, and how a name on the command line resolves."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from ia.cli import run
from ia.diagnostics import Diagnostic
from ia.workspace import KINDS, DocumentRef, Kind, documents, find_root, from_folder, resolve
from tests.clirunner import CliRunner

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def more_kinds(monkeypatch):
    """Two kinds besides the agreements: a yearly one and a dated one (adapters are not needed to find them)."""
    monkeypatch.setitem(KINDS, "plan", Kind("plan", "plans", "plan.yaml", "plan", "planer"))
    monkeypatch.setitem(KINDS, "session", Kind("session", "sessions", "session.yaml", "møde", "møder", dated=True,
                                               editions={"dagsorden": "dagsordenen"}))


def test_the_repository_s_documents_are_found_with_their_kind_key_year_and_id():
    refs = documents(ROOT, kind="agreement")
    assert [(r.kind, r.key, r.year, r.id) for r in refs] == [("agreement", "tf", 2023, "tf-2023"), ("agreement", "csr", 2026, "csr-2026")]
    assert refs[1].folder == ROOT / "agreements/2026/csr"
    assert [r.id for r in documents(ROOT, year=2026, kind="agreement")] == ["csr-2026"]


def test_shared_folders_are_never_documents(tiny):
    (tiny / "agreements/2026/_shared").mkdir(exist_ok=True)
    (tiny / "agreements/2026/.git-like").mkdir()
    (tiny / "agreements/_templates/x").mkdir(parents=True)
    assert [r.id for r in documents(tiny)] == ["demo-2026", "katalog-2026"]


def test_dated_and_yearly_kinds_are_laid_out_and_named_differently(tiny, more_kinds):
    (tiny / "plans/2026/udsatte").mkdir(parents=True)
    (tiny / "sessions/das-social/2025-05-22").mkdir(parents=True)
    (tiny / "sessions/das-social/body.yaml").write_text("name: x\n")
    (tiny / "sessions/das-social/notes").mkdir()  # not a date: not a meeting
    refs = {r.id: r for r in documents(tiny)}
    assert set(refs) == {"demo-2026", "katalog-2026", "udsatte-2026", "das-social-2025-05-22"}
    meeting = refs["das-social-2025-05-22"]
    assert (meeting.kind, meeting.key, meeting.year) == ("session", "das-social", 2025)
    assert meeting.output_id("dagsorden") == "das-social-2025-05-22-dagsorden"
    assert meeting.output_id(None) == "das-social-2025-05-22"
    assert resolve(tiny, "das-social-2025-05-22") == meeting
    assert resolve(tiny, "udsatte-2026") == refs["udsatte-2026"]


def test_an_id_two_kinds_could_mean_is_a_diagnostic_naming_both_folders(tiny, more_kinds):
    (tiny / "plans/2026/demo").mkdir(parents=True)
    found = resolve(tiny, "demo-2026")
    assert isinstance(found, Diagnostic) and found.code == "IA129"
    assert "agreements/2026/demo" in found.message() and "plans/2026/demo" in found.message()
    # The folder says which one is meant.
    assert resolve(tiny, str(tiny / "agreements/2026/demo")).kind == "agreement"


@pytest.mark.parametrize(("text", "code"), [("xyz-2026", "IA121"), ("ikke-et-dokument", "IA120"), ("das-social-2025-13-01", "IA120")])
def test_unknown_names_are_diagnostics(tiny, text, code):
    found = resolve(tiny, text)
    assert isinstance(found, Diagnostic) and found.code == code


def test_a_folder_resolves_to_its_document_and_dot_dot_is_folded_as_written(tiny, monkeypatch):
    monkeypatch.chdir(tiny)
    ref = resolve(tiny, "agreements/2026/demo/../demo")
    assert isinstance(ref, DocumentRef) and ref.id == "demo-2026" and ref.folder == tiny / "agreements/2026/demo"
    assert from_folder(tiny, tiny / "agreements/2026") is None
    assert isinstance(resolve(tiny, "agreements/2026"), Diagnostic)


def test_the_root_is_found_from_inside_any_kind_s_folder(tiny, more_kinds):
    (tiny / "sessions/das-social").mkdir(parents=True)
    assert find_root(tiny / "sessions/das-social") == tiny.resolve()
    assert find_root(tiny / "agreements/2026/demo") == tiny.resolve()


def test_build_refuses_an_edition_the_kind_does_not_have():
    result = CliRunner().invoke(run, ["build", "csr-2026", "--dagsorden", "--root", str(ROOT)])
    assert result.exit_code == 2
    assert "csr-2026" in result.output and "dagsorden" in result.output and "IA903" not in result.output


def test_export_writes_the_document_s_data_atomically(tiny, tmp_path):
    target = tiny / "build" / "demo.json"
    result = CliRunner().invoke(run, ["export", "demo-2026", "--root", str(tiny), "--out", str(target)])
    assert result.exit_code == 0, result.output
    data = json.loads(target.read_text(encoding="utf-8"))
    assert data["id"] == "demo-2026"
    assert not [p for p in target.parent.iterdir() if p.name.startswith(".")]  # no temporary left


def test_export_of_a_broken_document_writes_nothing(tiny):
    (tiny / "agreements/2026/demo/agreement.yaml").write_text("year: [\n", encoding="utf-8")
    target = tiny / "out.json"
    result = CliRunner().invoke(run, ["export", "demo-2026", "--root", str(tiny), "--out", str(target)])
    assert result.exit_code == 1 and "intet skrevet" in result.output
    assert not target.exists()


def test_export_refuses_a_target_outside_the_repository(tiny, tmp_path):
    outside = tmp_path / "elsewhere.json"
    os.symlink(tmp_path, tiny / "link")
    result = CliRunner().invoke(run, ["export", "demo-2026", "--root", str(tiny), "--out", str(tiny / "link" / "x.json")])
    assert result.exit_code == 1 and "IA903" not in result.output
    assert not outside.exists() and not (tmp_path / "x.json").exists()


def test_list_shows_each_document_with_its_kind():
    result = CliRunner().invoke(run, ["list", "--root", str(ROOT)])
    assert result.exit_code == 0
    lines = [line.split() for line in result.stdout.splitlines() if line.startswith(("csr-2026", "tf-2023"))]
    assert [line[:3] for line in lines] == [["tf-2023", "aftale", "2023"], ["csr-2026", "aftale", "2026"]]
    assert "25 mål" in result.stdout


def test_diff_of_two_kinds_names_each_document_s_kind(tmp_path):
    result = CliRunner().invoke(run, ["diff", "csr-2026", "das-social-2025-05-22", "--root", str(ROOT)])
    assert result.exit_code == 2
    assert "csr-2026 er et dokument af typen aftale" in result.output
    assert "das-social-2025-05-22 er et dokument af typen møde" in result.output


def test_every_kind_s_adapter_has_the_whole_interface():
    from ia.kinds import adapter

    interface = ("load", "render_html", "pdf_facts", "has_edition", "created", "listing", "watched", "preview_ready", "export")
    for kind in KINDS:
        module = adapter(kind)
        assert [name for name in interface if not callable(getattr(module, name, None))] == [], kind


def test_build_all_of_an_edition_builds_only_the_documents_that_have_it(tmp_path):
    fixture = ROOT / "tests/fixtures/followup"
    result = CliRunner().invoke(run, ["build", "--all", "--opfoelgning", "aar", "--format", "html",
                                      "--root", str(fixture), "--out", str(tmp_path)])
    assert result.exit_code == 0, result.output
    # eksempel-2026 has a year-end follow-up; demo-2026 has a mid-year one only.
    assert sorted(p.name for p in tmp_path.glob("*.html")) == ["eksempel-2026-opfoelgning-aar.html"]
    assert "IA909" not in result.output
