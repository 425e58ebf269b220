"""The Markdown dialect editors write: CommonMark without raw HTML, plus footnotes and directives."""

from __future__ import annotations

import re
from collections.abc import Callable
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
    md.core.ruler.push("goal_links", _link_goal_references)
    md.core.ruler.push("typed_list_numbers", _typed_list_numbers)
    md.add_render_rule("list_marker", _list_marker)
    md.add_render_rule("footnote_ref", _footnote_ref)
    md.add_render_rule("footnote_open", _footnote_open)
    md.add_render_rule("paragraph_open", _paragraph_open)
    md.add_render_rule("image", _image)
    md.add_render_rule("footnote_anchor", lambda *args: "")  # no "↩": the PDF has real footnotes
    md.add_render_rule("footnote_block_open",
                       lambda *args: '<section class="footnotes" aria-label="Fodnoter">\n<ol class="footnotes-list">\n')
    md.add_render_rule("footnote_block_close", lambda *args: "</ol>\n</section>\n")
    return md


# A reference to goals of this agreement, in the forms editors write: "mål nr. 7",
# "Mål nr. 15 og nr. 16", "jf. mål 3", "Mål 2:", "målene nr. 3 og 4", "mål nr. 3-5",
# "Kvalitets- og udviklingsmål nr. 2". Not "Mål 2026" (a year: goal numbers have at most
# three digits), not "mål 80 %" or "mål 2,5", and not compounds such as "delmål nr. 2",
# "verdensmål nr. 3" or "KPI-mål 2", which are other things' numbers.
_NUMBER = r"\d{1,3}(?!\d)(?!\s*%)(?![.,]\d)"
GOAL_REFERENCE = re.compile(
    r"(?<![\w-])(?:kvalitets-\s+og\s+udviklingsmål(?:et|ene)?|udviklingsmål(?:et|ene)?|kvalitetsmål(?:et|ene)?|mål(?:et|ene)?)"
    rf"\s+(?:nr\.?\s*)?{_NUMBER}"
    rf"(?:\s*(?:,|og|eller|samt|til|-|–)\s*(?:nr\.?\s*)?{_NUMBER})*",
    re.IGNORECASE,
)
_GOAL_NUMBER = re.compile(r"(?:nr\.?\s*)?(\d+)", re.IGNORECASE)


def goal_numbers(reference: str) -> list[int]:
    """The goal numbers a reference names: 'mål nr. 15 og nr. 16' → [15, 16]."""
    return [int(m.group(1)) for m in _GOAL_NUMBER.finditer(reference)]


def _link_goal_references(state) -> None:
    """Turn goal references in text into internal links (#maal-N), outside existing links.

    Text and soft line breaks are read as one run, so a reference the editor wrapped
    over two lines ("Kvalitets- og\nudviklingsmål nr. 2") is linked like any other; a soft
    break renders as the same newline inside the text.
    """
    for block in state.tokens:
        if block.type != "inline" or not block.children:
            continue
        children: list[Token] = []
        run: list[Token] = []
        depth = 0

        def flush() -> None:
            joined = "".join(t.content if t.type == "text" else "\n" for t in run)
            children.extend(_split_reference(_text(joined)) if GOAL_REFERENCE.search(joined) else run)
            run.clear()

        for token in block.children:
            depth += token.type == "link_open"
            depth -= token.type == "link_close"
            if depth == 0 and token.type in {"text", "softbreak"}:
                run.append(token)
                continue
            flush()
            children.append(token)
        flush()
        block.children = children


def _split_reference(token: Token) -> list[Token]:
    parts, text, last = [], token.content, 0
    for phrase in GOAL_REFERENCE.finditer(text):
        for k, number in enumerate(_GOAL_NUMBER.finditer(phrase.group(0))):
            # The first link holds the words too ("mål nr. 15"), the next only "nr. 16".
            start = phrase.start() + (0 if k == 0 else number.start())
            end = phrase.start() + number.end()
            if start > last:
                parts.append(_text(text[last:start]))
            link = Token("link_open", "a", 1)
            link.attrs = {"href": f"#maal-{number.group(1)}", "class": "goal-ref"}
            parts += [link, _text(text[start:end]), Token("link_close", "a", -1)]
            last = end
    if last < len(text):
        parts.append(_text(text[last:]))
    return parts


def _text(content: str) -> Token:
    token = Token("text", "", 0)
    token.content = content
    return token


def _typed_list_numbers(state) -> None:
    """Print each ordered list item with the number and delimiter the editor typed.

    Markdown renumbers a list from its first number and turns "1)" into "1." (and
    WeasyPrint ignores `start`), so "1. maj 2023" after another such paragraph printed
    as "2. maj 2023". The marker becomes text at the start of the item's first line: it
    prints as typed, and reading order (PDF tags, copied text) keeps it before the text.
    """
    tokens = state.tokens
    for i, token in enumerate(tokens):
        if token.type == "ordered_list_open":
            token.attrJoin("class", "typed")
        if token.type != "list_item_open" or not token.info.isdigit():
            continue
        marker = Token("list_marker", "", 0)
        marker.content = f"{token.info}{token.markup} "  # the space keeps "1. maj" apart in copied text
        token.attrSet("value", str(int(token.info)))
        first = tokens[i + 2] if i + 2 < len(tokens) and tokens[i + 1].type == "paragraph_open" else None
        if first is not None and first.type == "inline":
            first.children = [marker, *(first.children or [])]
        else:
            # The item opens with a block (a list, a code block): the marker stands alone.
            holder = Token("inline", "", 0)
            holder.children, holder.level = [marker], token.level + 1
            tokens.insert(i + 1, holder)


def _list_marker(self, tokens, idx, options, env) -> str:
    from html import escape

    return f'<span class="marker">{escape(tokens[idx].content)}</span>'


def _paragraph_open(self, tokens, idx, options, env) -> str:
    """A paragraph that ends in a colon leads in to what follows: print keeps them together."""
    following = tokens[idx + 1] if idx + 1 < len(tokens) else None
    if not tokens[idx].hidden and following is not None and following.content.rstrip().endswith(":"):
        lead_in = tokens[idx].copy()
        lead_in.attrJoin("class", "lead-in")
        tokens = [*tokens[:idx], lead_in, *tokens[idx + 1:]]
    return self.renderToken(tokens, idx, options, env)


class FootnoteNumbers:
    """Number footnotes across the whole document in the order they are called.

    The PDF counts its page-foot notes the same way (CSS `counter(footnote)`), so the
    HTML's endnotes and the PDF's footnotes of one agreement carry the same numbers.
    Sections must be rendered in reading order for that to hold.
    """

    def __init__(self) -> None:
        self._numbers: dict[tuple[str, int], int] = {}

    def number(self, doc_id: str, note_id: int) -> int:
        """Return the note's number, giving the next one to a note called for the first time."""
        return self._numbers.setdefault((doc_id, note_id), len(self._numbers) + 1)


def _note_number(env, note_id: int) -> int:
    numbers = env.get("footnote_numbers")
    return numbers.number(str(env.get("docId", "")), note_id) if numbers else note_id + 1


def _footnote_ref(self, tokens, idx, options, env) -> str:
    """A footnote call carrying its note: a link to the endnote on screen, a real footnote in print.

    A note called a second time is printed once: the later call is a plain number.
    """
    ident = self.rules["footnote_anchor_name"](tokens, idx, options, env)
    number = _note_number(env, tokens[idx].meta["id"])
    sub = tokens[idx].meta.get("subId", -1)
    refid = ident + (f":{sub}" if sub > 0 else "")
    if sub > 0:
        return f'<sup class="footnote-ref footnote-again"><a href="#fn{ident}" id="fnref{refid}">{number}</a></sup>'
    body = env.get("footnote_bodies", {}).get(tokens[idx].meta["id"], "")
    return (f'<sup class="footnote-ref"><a href="#fn{ident}" id="fnref{refid}">{number}</a></sup>'
            f'<span class="footnote-body">{body}</span>')


def _footnote_open(self, tokens, idx, options, env) -> str:
    """An endnote, numbered as its call: the list's own numbering would restart per file."""
    ident = self.rules["footnote_anchor_name"](tokens, idx, options, env)
    return f'<li id="fn{ident}" class="footnote-item" value="{_note_number(env, tokens[idx].meta["id"])}">'


def _image(self, tokens, idx, options, env) -> str:
    """An image from the repository, embedded as a data URI so the HTML stands alone."""
    import base64
    from html import escape

    token = tokens[idx]
    src = str(token.attrs.get("src", ""))
    asset = env.get("assets", {}).get((env.get("path", ""), src))
    if asset is None:
        return ""  # `ia check` has already refused it (IA340/IA341); never fetch it
    kind, data = asset
    alt = escape(self.renderInlineAsText(token.children or [], options, env))
    uri = f"data:{kind};base64,{base64.b64encode(data).decode('ascii')}"
    return f'<img src="{uri}" alt="{alt}">'


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


def parse(text: str, *, first_line: int = 1, doc_id: str = "", md: MarkdownIt | None = None) -> tuple[list[Token], dict]:
    """Parse Markdown into tokens whose `map` counts lines of the whole file, and the env.

    The env carries the file's footnotes; `doc_id` keeps footnote ids unique when many
    files end up in one HTML document. `md` is another kind's dialect (meetings' items).
    """
    env: dict = {"docId": doc_id}
    tokens = (md or parser()).parse(text, env)
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


def render_tokens(md: MarkdownIt, tokens: list[Token], env: dict, *, heading_shift: int,
                  open_heading: Callable[[int, int], str] | None = None,
                  directives: Callable[[str, str], str] | None = None) -> str:
    """Render tokens to HTML, headings moved down `heading_shift` levels.

    `open_heading(index, level)` writes the opening tag of the heading at that token index
    (an anchor, a number, a prefix); `directives(name, arg)` draws a fenced directive. Every
    kind's Markdown is rendered here, so headings and directives are handled one way.
    """
    out: list[str] = []
    run: list[Token] = []

    def flush() -> None:
        if run:
            out.append(md.renderer.render(run, md.options, env))
            run.clear()

    for i, token in enumerate(tokens):
        if token.type in {"heading_open", "heading_close"}:
            flush()
            level = min(int(token.tag[1]) + heading_shift, 6)
            if token.type == "heading_close":
                out.append(f"</h{level}>\n")
            else:
                out.append(open_heading(i, level) if open_heading else f"<h{level}>")
            continue
        if directives is not None and (found := directive(token)):
            flush()
            out.append(directives(*found))
            continue
        run.append(token)
    flush()
    return "".join(out)
