"""Say PyYAML's parser problems in Danish for editors, and in plain English with `--lang en`.

PyYAML words its problems for programmers ("expected <block end>, but found '<scalar>'").
Each pattern below matches one of its problem texts; the Danish and English wording says
the same in an editor's words, with the token or character it found named, not coded.
`tests/test_yamlerrors.py` reads PyYAML's own source and fails when a problem text the
installed version can raise has no pattern here.
"""

from __future__ import annotations

import ast
import re
from dataclasses import dataclass

# PyYAML's token ids (yaml/tokens.py) as an editor would name them.
_TOKENS: dict[str, tuple[str, str]] = {
    "<stream start>": ("filens start", "the start of the file"),
    "<stream end>": ("filens slutning", "the end of the file"),
    "<document start>": ("'---'", "'---'"),
    "<document end>": ("'...'", "'...'"),
    "<directive>": ("et direktiv ('%')", "a directive ('%')"),
    "<block sequence start>": ("en liste", "a list"),
    "<block mapping start>": ("en blok af nøgler", "a block of keys"),
    "<block end>": ("slutningen af en indrykket blok", "the end of an indented block"),
    "<alias>": ("et alias ('*')", "an alias ('*')"),
    "<anchor>": ("et anker ('&')", "an anchor ('&')"),
    "<tag>": ("et mærke ('!')", "a tag ('!')"),
    "<scalar>": ("en værdi", "a value"),
    "-": ("et listepunkt ('- ')", "a list item ('- ')"),
    "?": ("en nøgle", "a key"),
    ":": ("':'", "':'"),
}
_CHARACTERS: dict[str, tuple[str, str]] = {
    "\t": ("en tabulator", "a tab"),
    " ": ("et mellemrum", "a space"),
    "\n": ("et linjeskift", "a line break"),
    "\r": ("et linjeskift", "a line break"),
    "\0": ("filens slutning", "the end of the file"),
}


def _found(text: str, lang: int) -> str:
    """Name a token id or a character that PyYAML printed with %r."""
    try:
        value = ast.literal_eval(text)
    except (SyntaxError, ValueError):
        value = text
    if not isinstance(value, str):
        return text
    if value in _TOKENS:
        return _TOKENS[value][lang]
    if value in _CHARACTERS:
        return _CHARACTERS[value][lang]
    if len(value) == 1 and not value.isprintable():
        return f"U+{ord(value):04X}"
    return f"'{value}'"


@dataclass(frozen=True)
class _Problem:
    kind: str
    pattern: str  # compiled when a problem is first worded: every `ia check` imports this module, few need it
    da: str
    en: str

    def match(self, text: str) -> re.Match[str] | None:
        return re.match(self.pattern + r"\Z", text, re.S)


def _p(kind: str, pattern: str, da: str, en: str) -> _Problem:
    return _Problem(kind, pattern, da, en)


# {0}, {1}: the pattern's groups, named by `_found` when they are a token or a character.
_PROBLEMS = [
    # scanner
    _p("tab", r"found character '\\t' that cannot start any token",
       "en tabulator kan ikke stå her", "a tab cannot stand here"),
    _p("bad_character", r"found character (.+) that cannot start any token",
       "tegnet {0} kan ikke begynde en værdi her", "the character {0} cannot start a value here"),
    _p("no_colon", r"could not find expected ':'",
       "forventede ':' efter nøglen, men fandt det ikke", "expected ':' after the key, but found none"),
    _p("sequence_entry", r"sequence entries are not allowed here",
       "et listepunkt ('- ') er ikke tilladt her", "a list item ('- ') is not allowed here"),
    _p("mapping_key", r"mapping keys are not allowed here",
       "en nøgle med '?' er ikke tilladt her", "a key with '?' is not allowed here"),
    _p("mapping_values", r"mapping values are not allowed here",
       "et kolon med mellemrum efter (': ') er ikke tilladt her", "a colon followed by a space (': ') is not allowed here"),
    _p("expected_alnum", r"expected alphabetic or numeric character, but found (.+)",
       "forventede et bogstav eller et tal, fandt {0}", "expected a letter or a digit, found {0}"),
    _p("expected_digit_dot", r"expected a digit or '\.', but found (.+)",
       "forventede et ciffer eller '.', fandt {0}", "expected a digit or '.', found {0}"),
    _p("expected_digit_space", r"expected a digit or ' ', but found (.+)",
       "forventede et ciffer eller et mellemrum, fandt {0}", "expected a digit or a space, found {0}"),
    _p("expected_digit", r"expected a digit, but found (.+)",
       "forventede et ciffer, fandt {0}", "expected a digit, found {0}"),
    _p("expected_space", r"expected ' ', but found (.+)",
       "forventede et mellemrum, fandt {0}", "expected a space, found {0}"),
    _p("expected_line_end", r"expected a comment or a line break, but found (.+)",
       "forventede en kommentar eller linjens slutning, fandt {0}", "expected a comment or the end of the line, found {0}"),
    _p("expected_gt", r"expected '>', but found (.+)", "forventede '>', fandt {0}", "expected '>', found {0}"),
    _p("block_indent_zero", r"expected indentation indicator in the range 1-9, but found 0",
       "indrykningen efter '|' eller '>' skal være et ciffer fra 1 til 9, fandt 0",
       "the indentation after '|' or '>' must be a digit from 1 to 9, found 0"),
    _p("block_indicator", r"expected chomping or indentation indicators, but found (.+)",
       "efter '|' eller '>' forventede '+', '-' eller et ciffer, fandt {0}",
       "after '|' or '>' expected '+', '-' or a digit, found {0}"),
    _p("escape_hex", r"expected escape sequence of (\d+) hexadecimal numbers, but found (.+)",
       "efter '\\' forventede {0} hexadecimale cifre, fandt {1}", "after '\\' expected {0} hexadecimal digits, found {1}"),
    _p("escape_unknown", r"found unknown escape character (.+)",
       "ukendt tegn efter '\\' i tekst i dobbelte anførselstegn: {0}; skriv '\\\\' for en omvendt skråstreg",
       "unknown character after '\\' in double-quoted text: {0}; write '\\\\' for a backslash"),
    _p("unclosed_quote", r"found unexpected end of stream",
       "filen slutter, før anførselstegnet er lukket", "the file ends before the quotation mark is closed"),
    _p("separator_in_quote", r"found unexpected document separator",
       "'---' eller '...' står inde i en tekst i anførselstegn: er anførselstegnet lukket?",
       "'---' or '...' inside quoted text: is the quotation mark closed?"),
    _p("expected_bang", r"expected '!', but found (.+)", "forventede '!', fandt {0}", "expected '!', found {0}"),
    _p("expected_uri", r"expected URI, but found (.+)", "forventede en URI, fandt {0}", "expected a URI, found {0}"),
    _p("uri_escape", r"expected URI escape sequence of 2 hexadecimal numbers, but found (.+)",
       "efter '%' forventede 2 hexadecimale cifre, fandt {0}", "after '%' expected 2 hexadecimal digits, found {0}"),
    _p("uri_bytes", r"'utf-8' codec can't decode.*", "mærket er ikke gyldig UTF-8", "the tag is not valid UTF-8"),
    # parser
    _p("document_start", r"expected '<document start>', but found (.+)",
       "forventede '---' før et nyt dokument, fandt {0}", "expected '---' before a new document, found {0}"),
    _p("duplicate_yaml_directive", r"found duplicate YAML directive",
       "direktivet %YAML står to gange", "the %YAML directive appears twice"),
    _p("yaml_version", r"found incompatible YAML document \(version 1\.\* is required\)",
       "YAML-versionen kan ikke læses: kun version 1.x", "the YAML version cannot be read: only version 1.x"),
    _p("duplicate_tag_handle", r"duplicate tag handle (.+)",
       "mærket {0} er defineret to gange", "the tag handle {0} is defined twice"),
    _p("undefined_tag_handle", r"found undefined tag handle (.+)",
       "mærket {0} er ikke defineret", "the tag handle {0} is not defined"),
    _p("node_content", r"expected the node content, but found (.+)",
       "forventede en værdi, fandt {0}", "expected a value, found {0}"),
    _p("block_end", r"expected <block end>, but found (.+)",
       "forventede, at blokken sluttede, fandt {0}: står linjen med den rigtige indrykning?",
       "expected the block to end, found {0}: is the line indented correctly?"),
    _p("flow_sequence", r"expected ',' or '\]', but got (.+)",
       "forventede ',' eller ']' i listen i [ ], fandt {0}", "expected ',' or ']' in the list in [ ], found {0}"),
    _p("flow_mapping", r"expected ',' or '\}', but got (.+)",
       "forventede ',' eller '}}' i {{ }}, fandt {0}", "expected ',' or '}}' in the {{ }}, found {0}"),
    # composer
    _p("two_documents", r"but found another document",
       "filen indeholder mere end ét YAML-dokument (en linje '---' for meget?)",
       "the file holds more than one YAML document (one '---' line too many?)"),
    _p("undefined_alias", r"found undefined alias (.+)", "aliasset {0} er ikke defineret", "the alias {0} is not defined"),
    _p("duplicate_anchor", r"second occurrence", "ankeret ('&') er defineret to gange", "the anchor ('&') is defined twice"),
    # reader
    _p("special_character", r"special characters are not allowed",
       "et kontroltegn er ikke tilladt i YAML", "a control character is not allowed in YAML"),
]


@dataclass(frozen=True)
class Wording:
    """A parser problem said for editors: a stable kind (for hints) and the Danish and English text."""

    kind: str
    da: str
    en: str


def explain(problem: str) -> Wording:
    """Word one of PyYAML's problem texts for editors; an unknown one keeps PyYAML's words, marked."""
    text = " ".join(problem.split())
    for entry in _PROBLEMS:
        match = entry.match(text)
        if match:
            groups = match.groups()
            named = [[g if g.isdigit() else _found(g, lang) for g in groups] for lang in (0, 1)]
            return Wording(entry.kind, entry.da.format(*named[0]), entry.en.format(*named[1]))
    return Wording("unknown", f"YAML kunne ikke læses ({text})", f"the YAML cannot be read ({text})")


def control_character(code_point: int) -> Wording:
    """Word the reader's refusal of a control character, naming it."""
    return Wording("special_character", f"tegnet U+{code_point:04X} er ikke tilladt i YAML",
                   f"the character U+{code_point:04X} is not allowed in YAML")
