"""The YAML reader: core-schema typing, positions, and refusals."""

from decimal import Decimal

import pytest

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
