"""Render parsed Markdown sections to HTML: numbered headings, {tabel} directives, footnotes."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from markupsafe import Markup

from ia.document import Section
from ia.markdown import FootnoteNumbers, footnote_bodies, parser, render_tokens

# Renders a directive such as ```{tabel} budget``` from its name and argument.
DirectiveRenderer = Callable[[str, str], str]


@dataclass(frozen=True)
class Heading:
    """A heading of a chapter as it appears in the table of contents."""

    number: str
    text: str
    anchor: str
    level: int  # 2 for "2.1", 3 for "3.1.1"


def slug(text: str) -> str:
    """Make an ASCII anchor from Danish text."""
    text = text.lower().translate(str.maketrans({"æ": "ae", "ø": "oe", "å": "aa"}))
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-") or "afsnit"


def outline(parts: list[Section], chapter: int) -> dict[tuple[int, int], Heading]:
    """Number a chapter's `##`/`###` headings across its parts: (part, token) -> 2.1, 3.1.1 …"""
    result: dict[tuple[int, int], Heading] = {}
    counters = [0, 0]
    for p, section in enumerate(parts):
        for i, token in enumerate(section.tokens):
            if token.type != "heading_open" or token.tag not in {"h2", "h3"}:
                continue
            depth = 0 if token.tag == "h2" else 1
            counters[depth] += 1
            if depth == 0:
                counters[1] = 0
            number = ".".join(str(n) for n in [chapter, *counters[: depth + 1]])
            text = section.tokens[i + 1].content.strip()
            result[(p, i)] = Heading(number, text, f"afsnit-{number.replace('.', '-')}", depth + 2)
    return result


def render_section(
    section: Section,
    *,
    directives: DirectiveRenderer,
    headings: dict[int, Heading] | None = None,
    heading_shift: int = 1,
    notes: list | None = None,
    assets: dict | None = None,
    numbers: FootnoteNumbers | None = None,
) -> Markup:
    """Render a section's tokens; headings move down `heading_shift` levels below the chapter's.

    `numbers` numbers footnotes across the document; without it they count from 1 per file.
    """
    md = parser()
    headings = headings or {}
    env = dict(section.env)
    env["path"], env["assets"], env["footnote_numbers"] = section.path, assets or {}, numbers
    tokens = section.tokens
    if "footnotes" in env:
        env["footnote_bodies"] = footnote_bodies([*tokens, *(notes or [])], env)

    def open_heading(i: int, level: int) -> str:
        info = headings.get(i)
        return f'<h{level} id="{info.anchor}"><span class="num">{info.number}</span> ' if info else f"<h{level}>"

    return Markup(render_tokens(md, tokens, env, heading_shift=heading_shift, open_heading=open_heading,
                                directives=directives))


def inline(text: str) -> Markup:
    """Render one line of inline Markdown (titles, table cells) without a paragraph."""
    return Markup(parser().renderInline(text)) if text else Markup("")

