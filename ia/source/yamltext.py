"""Read YAML into plain Python data while keeping the source position of every key and value.

Plain scalars follow the YAML 1.2 core schema: only `true`/`false` are booleans and
only plain digits are numbers, so `nej`, `on` and `2026-01-01` stay text, as an editor
means them. Floats become `Decimal` from their source text, so `597.34` stays exact.
Aliases and custom tags are refused: an agreement never needs them, and aliases are
how "billion laughs" documents explode.

The text is scanned and parsed by libyaml's C parser when PyYAML was built with it (ten
times faster than the pure-Python scanner); nodes are composed here in both cases, so the
typing, the refusals and the marks are ours. When the C parser finds a problem, the
pure-Python reader reads the text again to word it, so a diagnostic never depends on
which parser is installed. `tests/test_yamltext.py` holds both readers to the same
documents and positions on every YAML file of the repository.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

import yaml
import yaml.reader
from yaml.composer import Composer
from yaml.events import AliasEvent
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode
from yaml.parser import Parser
from yaml.reader import Reader
from yaml.resolver import BaseResolver
from yaml.scanner import Scanner

try:
    from yaml._yaml import CParser
except ImportError:  # PyYAML without libyaml: the pure-Python reader alone
    CParser = None

from ia.source.yamlerrors import Wording, control_character, explain

Path_ = tuple[str | int, ...]

_INT = re.compile(r"[-+]?[0-9]+\Z")
_FLOAT = re.compile(r"[-+]?(\.[0-9]+|[0-9]+\.[0-9]*)([eE][-+]?[0-9]+)?\Z|[-+]?[0-9]+[eE][-+]?[0-9]+\Z")
_NULL = {"", "~", "null", "Null", "NULL"}
_TRUE = {"true", "True", "TRUE"}
_FALSE = {"false", "False", "FALSE"}
# YAML 1.1 words that other tools read as booleans; we keep them as text and say so.
YAML11_BOOLS = {"y", "n", "yes", "no", "on", "off", "ja", "nej"}
_STD = "tag:yaml.org,2002:"
_ALLOWED_TAGS = {_STD + "str", _STD + "map", _STD + "seq"}
MAX_DEPTH = 50
# What a figure can be: at most this many digits in all, and no exponent that would
# expand beyond them (1e-400000000 would print 400 MB of zeros; an int of more than
# 4,300 digits cannot even be converted). Budgets in kroner have 9 digits.
MAX_DIGITS = 30
# A text value is a title, a cell or a description: longer is a paste gone wrong, and the
# Markdown parser would spend seconds on it.
MAX_TEXT = 10_000


@dataclass(frozen=True)
class Mark:
    """A 1-based line and column."""

    line: int
    col: int


@dataclass
class YamlProblem:
    """A problem found while reading YAML: a catalogue code, where, and its arguments."""

    code: str
    mark: Mark
    args: dict[str, object] = field(default_factory=dict)


@dataclass
class Positions:
    """Where each value and each key of a YAML document stands, by its path."""

    values: dict[Path_, Mark] = field(default_factory=dict)
    keys: dict[Path_, Mark] = field(default_factory=dict)
    # Plain scalars that look like YAML 1.1 booleans, dates or numbers-with-dots: for hints.
    raw: dict[Path_, str] = field(default_factory=dict)

    def find(self, path: Path_, *, key: bool = False) -> Mark | None:
        """Return the mark of `path`, or of its nearest ancestor that has one."""
        path = tuple(path)
        while True:
            table = self.keys if key else self.values
            if path in table:
                return table[path]
            if path in self.values:
                return self.values[path]
            if not path:
                return None
            path = path[:-1]


@dataclass
class YamlResult:
    data: Any
    positions: Positions
    problems: list[YamlProblem]


class _Composing(Composer):
    """A composer with no implicit typing, no aliases and bounded nesting."""

    def compose_node(self, parent: Node | None, index: Any) -> Node:  # type: ignore[override]
        if self.check_event(AliasEvent):
            event = self.peek_event()
            raise _Refused("IA104", event.start_mark)
        self._depth += 1
        try:
            if self._depth > MAX_DEPTH:
                raise _Refused("IA105", self.peek_event().start_mark, {"limit": MAX_DEPTH})
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1

    def compose_scalar_node(self, anchor: str | None) -> ScalarNode:
        node = super().compose_scalar_node(anchor)
        if not node.style:  # libyaml calls a plain scalar's style '', PyYAML None
            node.style = None
        return node


class _Loader(Reader, Scanner, Parser, _Composing, BaseResolver):
    """The pure-Python reader: the reference, and the one that words every problem."""

    def __init__(self, stream: str) -> None:
        Reader.__init__(self, stream)
        Scanner.__init__(self)
        Parser.__init__(self)
        Composer.__init__(self)
        BaseResolver.__init__(self)
        self._depth = 0


if CParser is not None:
    class _CLoader(_Composing, CParser, BaseResolver):
        """libyaml's scanner and parser, feeding the same composer."""

        def __init__(self, stream: str) -> None:
            CParser.__init__(self, stream)
            Composer.__init__(self)
            BaseResolver.__init__(self)
            self._depth = 0


# Where the two parsers are known to differ, the reference reader reads alone. libyaml
# accepts a tab after 'a:' and a comment glued to a block scalar's header ('|#'), which
# PyYAML refuses; it marks an empty key after '?' a column later, and an empty value at
# the very end of a text without a final newline on the next line. All are rare in
# agreements: nobody writes '?' keys, editors save a final newline, front-matter always
# has one. The property test in tests/test_yamltext.py hunts for more.
_DIFFERENT = re.compile(r"\t|[|>][0-9+-]*#|(?:^|[\s\[{,])\?(?=[\s\]},]|$)", re.MULTILINE)


def _agrees(node: Node, *, flow: bool) -> bool:
    """Say whether PyYAML would read this libyaml node the same way.

    Inside flow collections ('[…]', '{…}') the parsers differ: PyYAML ends a plain scalar at
    '?' where libyaml reads on, and marks an empty value ('{a: }') a column earlier.
    """
    if isinstance(node, ScalarNode):
        return not (flow and node.style is None and (node.value == "" or "?" in node.value))
    flow = flow or bool(node.flow_style)
    children = node.value if isinstance(node, SequenceNode) else [n for pair in node.value for n in pair]
    return all(_agrees(child, flow=flow) for child in children)


def _compose(text: str, *, fast: bool) -> Node | None:
    """Compose the single document of `text`; raise what the pure-Python reader raises."""
    if fast and CParser is not None and not _DIFFERENT.search(text) and text.endswith("\n"):
        loader = _CLoader(text)
        try:
            node = loader.get_single_node()
            if node is None or _agrees(node, flow=False):
                return node
        except (yaml.YAMLError, _Refused):
            pass  # read again below, so that the problem is worded as without libyaml
        finally:
            loader.dispose()
    loader = _Loader(text)
    try:
        return loader.get_single_node()
    finally:
        loader.dispose()


class _Refused(Exception):
    def __init__(self, code: str, mark: Any, args: dict[str, object] | None = None):
        super().__init__(code)
        self.code = code
        self.mark = Mark(mark.line + 1, mark.column + 1)
        self.details = args or {}


def _mark(node: Node, line_offset: int) -> Mark:
    return Mark(node.start_mark.line + 1 + line_offset, node.start_mark.column + 1)


def _scalar(node: ScalarNode) -> Any:
    value = node.value
    if node.style is not None:  # quoted or block scalars are always text
        return value
    if value in _NULL:
        return None
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    if _INT.match(value):
        return int(value)
    if _FLOAT.match(value):
        return Decimal(value)
    return value


def _out_of_bounds(value: str) -> bool:
    """Say whether a plain scalar is a number no figure can be (checked on the text, before converting)."""
    if _INT.match(value):
        return len(value.lstrip("+-").lstrip("0")) > MAX_DIGITS
    if not _FLOAT.match(value):
        return False
    mantissa, _, exponent = value.lower().partition("e")
    digits = mantissa.lstrip("+-").replace(".", "").strip("0")
    if len(digits) > MAX_DIGITS or len(exponent.lstrip("+-")) > 3:
        return True
    number = Decimal(value)
    return number != 0 and not -MAX_DIGITS <= number.adjusted() <= MAX_DIGITS


def read_yaml(text: str, *, line_offset: int = 0, fast: bool = True) -> YamlResult:
    """Parse one YAML document into data, positions and problems; never raise.

    `fast=False` reads with the pure-Python parser only (for the test that both agree).
    """
    positions = Positions()
    problems: list[YamlProblem] = []
    if text.strip() == "" or all(
        not line.strip() or line.lstrip().startswith("#") for line in text.splitlines()
    ):
        return YamlResult(None, positions, problems)
    try:
        root = _compose(text, fast=fast)
    except _Refused as refused:
        mark = Mark(refused.mark.line + line_offset, refused.mark.col)
        return YamlResult(None, positions, [YamlProblem(refused.code, mark, refused.details)])
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        where = Mark(mark.line + 1 + line_offset, mark.column + 1) if mark else Mark(1 + line_offset, 1)
        wording = explain((error.problem or str(error)).strip())
        return YamlResult(None, positions, [_syntax(where, wording)])
    except yaml.reader.ReaderError as error:
        # A control character: give its line, and say which character it is.
        line = text.count("\n", 0, error.position) + 1
        wording = control_character(error.character) if isinstance(error.character, int) else explain(error.reason)
        return YamlResult(None, positions, [_syntax(Mark(line + line_offset, 1), wording)])
    except yaml.YAMLError as error:
        return YamlResult(None, positions, [_syntax(Mark(1 + line_offset, 1), explain(str(error)))])
    if root is None:
        return YamlResult(None, positions, problems)
    data = _build(root, (), positions, problems, line_offset)
    return YamlResult(data, positions, problems)


def _syntax(where: Mark, wording: Wording) -> YamlProblem:
    return YamlProblem("IA101", where, {"problem": wording.da, "problem_en": wording.en, "kind": wording.kind})


def _build(node: Node, path: Path_, positions: Positions, problems: list[YamlProblem], off: int) -> Any:
    positions.values[path] = _mark(node, off)
    if node.tag not in _ALLOWED_TAGS:
        problems.append(YamlProblem("IA103", _mark(node, off), {"tag": node.tag.replace(_STD, "!!")}))
        return None
    if isinstance(node, ScalarNode):
        if node.style is None and _out_of_bounds(node.value):
            shown = node.value if len(node.value) <= 40 else node.value[:39] + "…"
            problems.append(YamlProblem("IA215", _mark(node, off), {"found": shown}))
            return None
        if len(node.value) > MAX_TEXT:
            problems.append(YamlProblem("IA115", _mark(node, off), {"size": len(node.value), "limit": MAX_TEXT}))
            return None
        value = _scalar(node)
        if node.style is None:
            positions.raw[path] = node.value
        return value
    if isinstance(node, SequenceNode):
        return [_build(item, path + (i,), positions, problems, off) for i, item in enumerate(node.value)]
    assert isinstance(node, MappingNode)
    result: dict[str, Any] = {}
    for key_node, value_node in node.value:
        if not isinstance(key_node, ScalarNode):
            problems.append(YamlProblem("IA106", _mark(key_node, off)))
            continue
        key = str(key_node.value)
        if key in result:
            first = positions.keys[path + (key,)]
            problems.append(YamlProblem("IA102", _mark(key_node, off), {"key": key, "first": first.line}))
            continue
        positions.keys[path + (key,)] = _mark(key_node, off)
        result[key] = _build(value_node, path + (key,), positions, problems, off)
    return result
