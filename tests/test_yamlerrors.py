"""YAML syntax errors in Danish for editors, in English with --lang en, for every problem PyYAML can raise."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
import yaml

from ia.diagnostics import Diagnostic, Span
from ia.source.yamlerrors import explain
from ia.source.yamltext import read_yaml
from tests.test_english import english_problems

_ENGLISH_WORDS = ("expected", "found", "mapping", "scanning", "parsing", "token", "allowed", "block", "could not")


def _samples() -> list[str]:
    """Every literal problem text in the installed PyYAML's scanner, parser, composer and reader."""
    folder = Path(yaml.__file__).parent
    samples = []
    for name in ("scanner.py", "parser.py", "composer.py", "reader.py"):
        for node in ast.walk(ast.parse((folder / name).read_text(encoding="utf-8"))):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id.endswith("Error")):
                continue
            index = 4 if node.func.id == "ReaderError" else 2
            if len(node.args) <= index:
                continue
            arg = node.args[index]
            if isinstance(arg, ast.BinOp) and isinstance(arg.op, ast.Mod):
                arg = arg.left
            if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                samples.append(arg.value.replace("%r", repr("@")).replace("%d", "4").replace("%s", "x"))
    return samples


SAMPLES = _samples()


def test_pyyaml_problems_were_found():
    assert len(SAMPLES) > 30
    assert "mapping values are not allowed here" in SAMPLES


@pytest.mark.parametrize("problem", SAMPLES)
def test_every_pyyaml_problem_has_danish_and_english_words(problem):
    wording = explain(problem)
    assert wording.kind != "unknown", problem
    assert not any(word in wording.da for word in _ENGLISH_WORDS), wording.da
    assert not english_problems(wording.en), wording.en


BROKEN = [
    ("a: b: c\n", "et kolon med mellemrum efter (': ') er ikke tilladt her"),
    ("a:\n\t- 1\n", "en tabulator kan ikke stå her"),
    ("a: [1, 2\nb: 3\n", "forventede ',' eller ']' i listen i [ ], fandt ':'"),
    ("a: 'tekst\n", "filen slutter, før anførselstegnet er lukket"),
    ("a: 1\n b: 2\n", "et kolon med mellemrum efter (': ') er ikke tilladt her"),
    ("- a\nb: 1\n", "forventede, at blokken sluttede, fandt en nøgle: står linjen med den rigtige indrykning?"),
    ("a: \"x\\q\"\n", "ukendt tegn efter '\\' i tekst i dobbelte anførselstegn: 'q'; skriv '\\\\' for en omvendt skråstreg"),
    ("a: 1\n---\nb: 2\n", "filen indeholder mere end ét YAML-dokument (en linje '---' for meget?)"),
    ("a: @x\n", "tegnet '@' kan ikke begynde en værdi her"),
    ("a: \x07\n", "tegnet U+0007 er ikke tilladt i YAML"),
    ("a: {b: 1\n", "forventede ',' eller '}' i { }, fandt filens slutning"),
]


@pytest.mark.parametrize(("text", "danish"), BROKEN)
def test_real_syntax_errors_read_in_danish_and_english(text, danish):
    (problem,) = read_yaml(text).problems
    diagnostic = Diagnostic(problem.code, Span("x.yaml", problem.mark.line, problem.mark.col), problem.args)
    assert diagnostic.message("da") == f"YAML-fejl: {danish}"
    english = diagnostic.message("en")
    assert english.startswith("YAML error: ") and not english_problems(english), english


def test_an_unknown_problem_keeps_pyyaml_words_and_says_so():
    wording = explain("something new in PyYAML 7")
    assert wording.da == "YAML kunne ikke læses (something new in PyYAML 7)"
