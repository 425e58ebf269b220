"""Data-driven diagnostics: each file in tests/cases/ breaks the tiny fixture one way and
lists the diagnostics (code, file, line and, written as file:line:col, column) that
`ia check` must give for it."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import shutil

import pytest
import yaml

from ia.pipeline import load

CASES = sorted((Path(__file__).parent / "cases").glob("*.yaml"))
# A case names the fixture repository it breaks: the agreement `tiny` (default) or `meeting`.
FIXTURES = {"meeting": Path(__file__).parent / "fixtures" / "meeting"}


def apply(case: dict, repo: Path) -> None:
    """Break the fixture copy as the case says: files, patches, bytes, links, folders, deletions.

    A case that names another fixture (`fixture: meeting`) has it copied in beside the agreement's first.
    """
    if case.get("fixture"):
        shutil.copytree(FIXTURES[case["fixture"]], repo, dirs_exist_ok=True)
    for rel, spec in (case.get("generate") or {}).items():
        # Large inputs are described, not stored: prefix + repeat * times + suffix.
        text = spec.get("prefix", "") + spec["repeat"] * spec["times"] + spec.get("suffix", "")
        (repo / rel).parent.mkdir(parents=True, exist_ok=True)
        (repo / rel).write_text(text, encoding="utf-8")
    for rel, hexdata in (case.get("binary") or {}).items():
        (repo / rel).parent.mkdir(parents=True, exist_ok=True)
        (repo / rel).write_bytes(bytes.fromhex(hexdata))
    for rel in case.get("mkdir") or []:
        (repo / rel).mkdir(parents=True)
    for rel, target in (case.get("symlink") or {}).items():
        (repo / rel).parent.mkdir(parents=True, exist_ok=True)
        (repo / rel).symlink_to(target)
    for rel, text in (case.get("files") or {}).items():
        target = repo / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8", newline=case.get("newline"))
    for rel, replacements in (case.get("patch") or {}).items():
        target = repo / rel
        text = target.read_text(encoding="utf-8")
        for old, new in replacements:
            assert old in text, f"{rel}: the case's text {old!r} is not in the fixture"
            text = text.replace(old, new, 1)
        target.write_text(text, encoding="utf-8")
    for rel in case.get("delete") or []:
        (repo / rel).unlink()


def document_of(case: dict) -> str:
    """The id of the document a case checks."""
    return case.get("document", case.get("agreement", "demo-2026"))


def shown(d, *, with_col: bool) -> str:
    if not d.span.line:
        return f"{d.code} {d.span.path}"
    return f"{d.code} {d.span.path}:{d.span.line}" + (f":{d.span.col or 1}" if with_col else "")


@pytest.mark.parametrize("path", CASES, ids=[p.stem for p in CASES])
def test_case(path: Path, tiny: Path) -> None:
    case = yaml.safe_load(path.read_text(encoding="utf-8"))
    apply(case, tiny)
    if case.get("check") == "register":
        from ia.register import load_register

        result = SimpleNamespace(diagnostics=load_register(tiny)[1])
    elif case.get("check") == "repository":
        # What `ia check` adds for the whole repository: the register with every document.
        from ia.pipeline import all_refs
        from ia.register import check_with_documents
        from ia.register.across import used_offer_keys

        uses = {ref.id: used_offer_keys(load(tiny, ref).document) for ref in all_refs(tiny)}
        result = SimpleNamespace(diagnostics=check_with_documents(tiny, uses))
    else:
        result = load(tiny, document_of(case))
    expect = case["expect"]
    # An expected entry names the column too when it reads 'CODE file:line:col'.
    found = [shown(d, with_col=i < len(expect) and expect[i].count(":") == 2) for i, d in enumerate(result.diagnostics)]
    assert found == expect, "\n".join(f"{d.code} {d.span}: {d.message()}" for d in result.diagnostics)
    for d in result.diagnostics:
        assert d.message("da") and d.message("en"), d.code
        if d.hint_code == "did_you_mean":
            rejected = {str(d.args.get(k)) for k in ("found", "field", "id")}
            assert d.args.get("suggestion") and str(d.args["suggestion"]) not in rejected, d.hint()
    if "message" in case:
        assert any(case["message"] in d.message() for d in result.diagnostics), [d.message() for d in result.diagnostics]
    if "hint" in case:
        assert any(case["hint"] in (d.hint() or "") for d in result.diagnostics), [d.hint() for d in result.diagnostics]
    if "accepted" in case:  # how many are kept as signed with a reason (notices, not warnings)
        assert sum(d.accepted is not None for d in result.diagnostics) == case["accepted"]
    for text in case.get("absent") or []:  # what no message or hint may say, e.g. a row wrongly blamed
        said = [f"{d.message()} {d.hint() or ''}" for d in result.diagnostics]
        assert not any(text in line for line in said), said


def test_every_case_is_named_for_what_it_shows():
    for path in CASES:
        case = yaml.safe_load(path.read_text(encoding="utf-8"))
        assert case.get("about"), f"{path.name} has no 'about'"
        assert case.get("expect") is not None, f"{path.name} has no 'expect'"
