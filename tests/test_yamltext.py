"""The YAML reader: core-schema typing, positions, and refusals."""

from decimal import Decimal

import pytest
from hypothesis import given, strategies as st

from ia.source.yamltext import Mark, read_yaml

TYPING = [
    ("a: nej", "nej"), ("a: no", "no"), ("a: on", "on"), ("a: NO", "NO"),
    ("a: 2026-01-01", "2026-01-01"), ("a: 1.10", Decimal("1.10")), ("a: 42", 42),
    ("a: -30749", -30749), ("a: true", True), ("a: false", False), ("a: ~", None), ("a:", None),
    ("a: '42'", "42"), ('a: "true"', "true"), ("a: 50.204.563", "50.204.563"), ("a: .nan", ".nan"),
    ("a: 0x1F", "0x1F"), ("a: 1_000", "1_000"),
]


@pytest.mark.parametrize(("text", "expected"), TYPING)
def test_plain_scalars_follow_the_core_schema(text, expected):
    result = read_yaml(text + "\n")
    assert result.problems == []
    assert result.data["a"] == expected
    assert type(result.data["a"]) is type(expected)


def test_positions_of_keys_and_values():
    result = read_yaml("a: 1\nb:\n  - x: 2\n    y: tekst\n")
    assert result.positions.values[("b", 0, "y")] == Mark(4, 8)
    assert result.positions.keys[("b", 0, "y")] == Mark(4, 5)
    assert result.positions.find(("b", 0, "missing")) == Mark(3, 5)


def test_line_offset_for_front_matter():
    result = read_yaml("title: x\narea: y\n", line_offset=1)
    assert result.positions.values[("area",)] == Mark(3, 7)


REFUSED = [
    ("a: 1\nb: 2\na: 3\n", "IA102", 3),
    ("a: &x [1, 2]\nb: *x\n", "IA104", 2),
    ("a: !!python/object:os.system x\n", "IA103", 1),
    ("a: b: c\n", "IA101", 1),
    ("a:\n\t- 1\n", "IA101", 2),
    ("a: " + "[" * 60 + "]" * 60 + "\n", "IA105", 1),
    ("? [a, b]\n: c\n", "IA106", 1),
]


@pytest.mark.parametrize(("text", "code", "line"), REFUSED)
def test_refusals_are_problems_not_exceptions(text, code, line):
    result = read_yaml(text)
    assert [(p.code, p.mark.line) for p in result.problems][:1] == [(code, line)]


def test_empty_and_comment_only_documents_are_none():
    assert read_yaml("").data is None
    assert read_yaml("# bare en kommentar\n").data is None


# --- libyaml's C parser and the pure-Python reader give the same documents ----------------------

import functools  # noqa: E402
from pathlib import Path  # noqa: E402

import yaml as pyyaml  # noqa: E402

from ia.source import documents, yamltext  # noqa: E402
from tests.test_cases import CASES, apply  # noqa: E402

REPOSITORY = Path(__file__).resolve().parent.parent
SOURCES = sorted(p for pattern in ("*.yaml", "*.yml", "*.md") for p in REPOSITORY.rglob(pattern)
                 if not {".venv", "build", ".git", "node_modules"} & set(p.relative_to(REPOSITORY).parts))


def _read(path: str, text: str, *, fast: bool):
    """Read a file as the loader does (YAML whole, Markdown by its front-matter) with one parser."""
    reader = functools.partial(yamltext.read_yaml, fast=fast)
    original = documents.read_yaml
    documents.read_yaml = reader
    try:
        doc = documents.yaml_doc(path, text) if path.endswith((".yaml", ".yml")) else documents.markdown_doc(path, text).meta
    finally:
        documents.read_yaml = original
    if doc is None:
        return None
    # repr keeps what == forgets: Decimal('1.10') against Decimal('1.1'), True against 1.
    return repr(doc.data), doc.positions, doc.problems


def _same(path: str, text: str) -> None:
    fast, reference = _read(path, text, fast=True), _read(path, text, fast=False)
    assert fast == reference, path


def test_libyaml_is_there_to_be_compared():
    assert yamltext.CParser is not None, "PyYAML without libyaml: the fast reader is never used"


@pytest.mark.parametrize("path", SOURCES, ids=[str(p.relative_to(REPOSITORY)) for p in SOURCES])
def test_both_readers_agree_on_every_file_of_the_repository(path):
    _same(str(path), path.read_text(encoding="utf-8-sig", errors="replace"))


@pytest.mark.parametrize("case", CASES, ids=[p.stem for p in CASES])
def test_both_readers_agree_on_every_broken_case(case, tiny):
    spec = pyyaml.safe_load(case.read_text(encoding="utf-8"))
    apply(spec, tiny)
    touched = {*(spec.get("files") or {}), *(spec.get("patch") or {}), *(spec.get("generate") or {})}
    for rel in sorted(touched):
        target = tiny / rel
        if target.is_file() and rel.endswith((".yaml", ".yml", ".md")):
            _same(rel, target.read_bytes().decode("utf-8", errors="replace"))


ODD = ["a: [1, 2", "a: 'x", "a:\n  b: 1\n c: 2", "- a\nb: 1", "a: *x", "a: &x 1\nb: *x", "a: !!python/object x",
       "a: \x07", "{a: 1, a: 2}", "? [a]\n: 1", "a: |\n  x\n y", "\ufeffa: 1", "a: 1\n---\nb: 2", "a: \"\\x\"",
       "[" * 60 + "]" * 60, "a: b: c", "a:\tb", "a: 1 # kommentar\n", "%YAML 1.1\n---\na: on", "a: -.inf"]


@pytest.mark.parametrize("text", ODD)
def test_both_readers_agree_on_broken_and_odd_yaml(text):
    _same("x.yaml", text)


# Text made of YAML's indicators, quotes, tabs, comments and Danish letters: where libyaml
# and PyYAML are known to part ways (flow collections, block headers, tabs), the fast
# reader must hand over to the reference one. HYPOTHESIS_PROFILE=long searches longer.
_PIECES = ["a", "b", "1", "1.10", ":", ": ", " ", "  ", "\n", "- ", "'", '"', "[", "]", "{", "}", ",", "#", "&x", "*x",
           "!!str ", "|", ">", "? ", "%", "@", "`", "\t", ".", "\\", "---", "...", "ø", "\x85", "\u2028", "~", "null",
           "on", "e5", "-"]


@given(st.lists(st.sampled_from(_PIECES), max_size=30).map("".join))
def test_both_readers_agree_on_generated_yaml(text):
    _same("x.yaml", text + "\n")
    _same("x.yaml", text)
