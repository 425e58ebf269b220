"""`--lang en` says everything in English: every case's messages and hints are free of Danish.

What the editor wrote is quoted as written ('Velfærdsteknologi', "Mål pr. okt. 2026") and
file paths keep their names; everything else must be English.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from tests.clirunner import CliRunner

from ia.cli import run as app
from ia.pipeline import load
from tests.test_cases import CASES, apply, document_of

# Quoted text, parenthesised quotations from the rules, and paths are the editor's words.
_QUOTED = re.compile(r"'[^']*'|\"[^\"]*\"|‘[^’]*’|“[^”]*”|\S*/\S*|`[^`]*`")
_DANISH_LETTERS = re.compile(r"[æøåÆØÅ]")
_DANISH_WORDS = re.compile(
    r"\b(og|eller|ikke|er|skal|fandt|forventede|mangler|tekst|tallet|kolonne|kolonnen|rækken|tabellen|"
    r"filen|mappen|målet|svaret|billedet|linje|hjælp|fejl|advarsel|skriv|mente|du|af|en|et|til|som|med|"
    r"der|det|den|fra|uden|kun|står|mellemrum|tabulator|anførselstegn|nøgle|nøglen|værdi|tegnet)\b")


runner = CliRunner()
# The human format's quoted source line and its marker, and the place a diagnostic opens with.
_SOURCE_LINE = re.compile(r"^ +\d* \| ")
_PLACE = re.compile(r"^\S+:\d+:\d+: |^\S+/\S+: ")


def english_problems(text: str) -> list[str]:
    """Return the Danish letters or words in `text` outside the editor's quoted words."""
    bare = _QUOTED.sub(" ", text)
    return _DANISH_LETTERS.findall(bare) + _DANISH_WORDS.findall(bare)


def test_the_detector_finds_danish():
    assert english_problems("YAML-fejl: forventede ':' efter nøglen") 
    assert not english_problems("unknown area 'kvalitt': did you mean 'kvalitet'? (agreements/2026/ø/x.md)")


@pytest.mark.parametrize("path", CASES, ids=[p.stem for p in CASES])
def test_english_messages_have_no_danish(path: Path, tiny: Path) -> None:
    case = yaml.safe_load(path.read_text(encoding="utf-8"))
    apply(case, tiny)
    result = load(tiny, document_of(case))
    for d in result.diagnostics:
        for text in (d.message("en"), d.hint("en") or ""):
            assert not english_problems(text), f"{d.code} {d.span}: {text}"
    # And everything `ia check --lang en` prints around them, but the quoted source lines.
    output = runner.invoke(app, ["check", document_of(case), "--root", str(tiny), "--lang", "en"]).output
    for line in output.splitlines():
        if not _SOURCE_LINE.match(line):
            assert not english_problems(line.partition(": ")[2] if _PLACE.match(line) else line), line


_ENGLISH_WORDS = re.compile(r"\b(or|and|the|expected|found|but|should|must|not|is|are|value|input|string|field)\b")


@pytest.mark.parametrize("path", CASES, ids=[p.stem for p in CASES])
def test_danish_messages_have_no_english(path: Path, tiny: Path) -> None:
    case = yaml.safe_load(path.read_text(encoding="utf-8"))
    apply(case, tiny)
    for d in load(tiny, document_of(case)).diagnostics:
        for text in (d.message("da"), d.hint("da") or ""):
            assert not _ENGLISH_WORDS.findall(_QUOTED.sub(" ", text)), f"{d.code} {d.span}: {text}"
