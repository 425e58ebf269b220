"""The Markdown of meeting items: the agreements' dialect with pipe tables and `<br>` in cells.

Minutes print tables the secretariat typed (programmes, timelines, budgets) in the text, so
pipe tables are on here, unlike in agreements (whose tables are YAML data). Raw HTML stays
off; the one tag taken is `<br>`, a line break inside a table cell, where Markdown has no
other way to write one. Goal references ("mål nr. 3") are not linked: a meeting has no goals.
"""

from __future__ import annotations

from functools import lru_cache
from html import escape

from markdown_it import MarkdownIt
from markdown_it.token import Token
from mdit_py_plugins.footnote import footnote_plugin

from ia import markdown as shared

_BREAKS = ("<br>", "<br/>", "<br />")


@lru_cache(maxsize=1)
def parser() -> MarkdownIt:
    """Return the meetings' parser: CommonMark, pipe tables, footnotes, `<br>`, typed list numbers."""
    md = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False}).enable("table")
    md.use(footnote_plugin)
    md.inline.ruler.before("html_inline", "line_break_tag", _line_break)
    md.core.ruler.push("typed_list_numbers", shared._typed_list_numbers)
    md.add_render_rule("list_marker", shared._list_marker)
    md.add_render_rule("footnote_ref", shared._footnote_ref)
    md.add_render_rule("footnote_open", shared._footnote_open)
    md.add_render_rule("paragraph_open", shared._paragraph_open)
    md.add_render_rule("image", lambda *args: "")  # refused by the checks (IA388); never fetched
    md.add_render_rule("footnote_anchor", lambda *args: "")
    md.add_render_rule("footnote_block_open",
                       lambda *args: '<section class="footnotes" aria-label="Fodnoter">\n<ol class="footnotes-list">\n')
    md.add_render_rule("footnote_block_close", lambda *args: "</ol>\n</section>\n")
    return md


def _line_break(state, silent: bool) -> bool:
    """`<br>` (or `<br/>`) is a hard line break; any other tag stays text."""
    if state.src[state.pos] != "<":
        return False
    for tag in _BREAKS:
        if state.src.startswith(tag, state.pos):
            if not silent:
                state.push("hardbreak", "br", 0)
            state.pos += len(tag)
            return True
    return False


def parse(text: str, *, first_line: int = 1, doc_id: str = "") -> tuple[list[Token], dict]:
    """Parse an item's Markdown in the meetings' dialect; `map` counts lines of the whole file."""
    return shared.parse(text, first_line=first_line, doc_id=doc_id, md=parser())


def render(tokens: list[Token], env: dict, *, heading_shift: int = 1,
           numbers: shared.FootnoteNumbers | None = None, headings: dict[int, str] | None = None) -> str:
    """Render tokens to HTML; headings move down `heading_shift` levels; `headings` puts a
    prefix before the text of the headings at those token indexes ("Punkt 13.1 - ")."""
    md = parser()
    env = dict(env)
    env["footnote_numbers"] = numbers
    if "footnotes" in env:
        env["footnote_bodies"] = shared.footnote_bodies(tokens, env)

    def open_heading(i: int, level: int) -> str:
        if headings and i in headings:
            return f'<h{level} class="subitem">{escape(headings[i])}'
        return f"<h{level}>"

    return shared.render_tokens(md, tokens, env, heading_shift=heading_shift, open_heading=open_heading)
