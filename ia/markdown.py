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
    md.add_render_rule("footnote_ref", _footnote_ref)
    md.add_render_rule("footnote_anchor", lambda *args: "")  # no "↩": the PDF has real footnotes
    md.add_render_rule("footnote_block_open",
                       lambda *args: '<section class="footnotes" aria-label="Fodnoter">\n<ol class="footnotes-list">\n')
    md.add_render_rule("footnote_block_close", lambda *args: "</ol>\n</section>\n")
    return md


def _footnote_ref(self, tokens, idx, options, env) -> str:
    """A footnote call carrying its note: a link to the endnote on screen, a real footnote in print."""
    ident = self.rules["footnote_anchor_name"](tokens, idx, options, env)
    number = tokens[idx].meta["id"] + 1
    sub = tokens[idx].meta.get("subId", -1)
    refid = ident + (f":{sub}" if sub > 0 else "")
    body = env.get("footnote_bodies", {}).get(tokens[idx].meta["id"], "")
    return (f'<sup class="footnote-ref"><a href="#fn{ident}" id="fnref{refid}">{number}</a></sup>'
            f'<span class="footnote-body">{body}</span>')


def footnote_bodies(tokens: list[Token], env: dict) -> dict[int, str]:
    """Render each footnote's text (inline only) by its id, for the print footnotes."""
    md = parser()
    bodies: dict[int, str] = {}
    current: int | None = None
    for token in tokens:
        if token.type == "footnote_open":
            current = token.meta["id"]
            bodies[current] = ""
        elif token.type == "footnote_close":
            current = None
        elif current is not None and token.type == "inline":
            joiner = " " if bodies[current] else ""
            bodies[current] += joiner + md.renderer.renderInline(token.children or [], md.options, env)
    return bodies


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
