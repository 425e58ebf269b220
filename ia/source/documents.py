"""Source documents as read from disk: YAML data and Markdown with front-matter."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ia.source.yamltext import Mark, Positions, YamlProblem, read_yaml


@dataclass
class YamlDoc:
    """A YAML document (a file, or a Markdown file's front-matter) with its positions."""

    path: str
    data: Any
    positions: Positions
    problems: list[YamlProblem] = field(default_factory=list)
    lines: list[str] = field(default_factory=list)


@dataclass
class MarkdownDoc:
    """A Markdown file: its front-matter (if any) and its body with the body's first line."""

    path: str
    meta: YamlDoc | None
    body: str
    body_line: int
    lines: list[str] = field(default_factory=list)


def yaml_doc(path: str, text: str) -> YamlDoc:
    """Parse a whole YAML file."""
    result = read_yaml(text)
    return YamlDoc(path, result.data, result.positions, result.problems, text.splitlines())


def markdown_doc(path: str, text: str, *, front_matter: bool = True) -> MarkdownDoc:
    """Split a Markdown file into front-matter and body; the body keeps its line numbers."""
    lines = text.splitlines()
    if front_matter and lines and lines[0].rstrip() == "---":
        for end in range(1, len(lines)):
            if lines[end].rstrip() == "---":
                meta_text = "\n".join(lines[1:end]) + "\n"
                result = read_yaml(meta_text, line_offset=1)
                meta = YamlDoc(path, result.data, result.positions, result.problems, lines)
                body = "\n".join(lines[end + 1 :]) + "\n"
                return MarkdownDoc(path, meta, body, end + 2, lines)
        # An opening fence without a closing one: report it on the opening line.
        problem = YamlProblem("IA107", Mark(1, 1))
        meta = YamlDoc(path, None, Positions(), [problem], lines)
        return MarkdownDoc(path, meta, "", len(lines) + 1, lines)
    return MarkdownDoc(path, None, text, 1, lines)

