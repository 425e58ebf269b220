"""The Markdown dialect editors write: CommonMark without raw HTML, plus footnotes and directives."""

from __future__ import annotations

from functools import lru_cache

from markdown_it import MarkdownIt
from markdown_it.token import Token
from mdit_py_plugins.footnote import footnote_plugin

DIRECTIVE_PREFIX = "{"


@lru_cache(maxsize=1)
def parser() -> MarkdownIt:
    """Return the shared parser. Raw HTML is off: it is shown as text, never passed through."""
    md = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False})
    md.use(footnote_plugin)
    return md


def parse(text: str, *, first_line: int = 1, doc_id: str = "") -> tuple[list[Token], dict]:
    """Parse Markdown into tokens whose `map` counts lines of the whole file, and the env.

    The env carries the file's footnotes; `doc_id` keeps footnote ids unique when many
    files end up in one HTML document.
    """
    env: dict = {"docId": doc_id}
    tokens = parser().parse(text, env)
    offset = first_line - 1
    for token in _walk(tokens):
        if token.map:
            token.map = [token.map[0] + offset, token.map[1] + offset]
    return tokens, env


def _walk(tokens: list[Token]):
    for token in tokens:
        yield token
        if token.children:
            yield from _walk(token.children)


def directive(token: Token) -> tuple[str, str] | None:
    """Return (name, argument) for a fence like ```{tabel} budget```, else None."""
    if token.type != "fence" or not token.info.startswith(DIRECTIVE_PREFIX):
        return None
    head, _, arg = token.info.partition("}")
    return head[1:].strip(), arg.strip()


def line_of(token: Token) -> int:
    return token.map[0] + 1 if token.map else 0


def heading_text(tokens: list[Token], index: int) -> str:
    """Return the plain text of the heading that opens at `tokens[index]`."""
    inline = tokens[index + 1]
    return inline.content.strip()
