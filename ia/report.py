"""Print diagnostics for people (with the source line), for GitHub Actions, as Markdown or JSON."""

from __future__ import annotations

import json
import re
from collections.abc import Collection, Sequence
from pathlib import Path

from ia import paths
from ia.diagnostics import Diagnostic, Severity

_SEVERITY = {"da": {"error": "fejl", "warning": "advarsel"}, "en": {"error": "error", "warning": "warning"}}
_HINT = {"da": "hjælp", "en": "help"}


def _source_line(root: Path, diagnostic: Diagnostic, cache: dict[str, list[str]]) -> str | None:
    span = diagnostic.span
    if not span.line:
        return None
    if span.path not in cache:
        try:
            data = paths.read_bytes(root, root / span.path)
            cache[span.path] = data.decode("utf-8-sig", errors="replace").splitlines()
        except paths.PathError:
            cache[span.path] = []
    lines = cache[span.path]
    return lines[span.line - 1] if 0 < span.line <= len(lines) else None


_CONTROL = re.compile(r"[\x00-\x08\x0a-\x1f\x7f-\x9f\u2028\u2029]")
MAX_LINE = 120  # characters of a source line a diagnostic quotes, around its column


def printable(text: str) -> str:
    """Escape control characters (a newline in a file name included): one diagnostic is one
    line, and nothing from the sources can start a line that CI reads as a command."""
    return _CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}" if ord(m.group()) < 0x100 else f"\\u{ord(m.group()):04x}", text)


def _window(line: str, col: int) -> tuple[str, int]:
    """The part of a long line around `col`, and the marker's column within it."""
    if len(line) <= MAX_LINE:
        return line, col
    start = max(0, min(col - 1 - MAX_LINE // 2, len(line) - MAX_LINE))
    shown = line[start:start + MAX_LINE]
    prefix = "…" if start else ""
    suffix = "…" if start + MAX_LINE < len(line) else ""
    return prefix + shown + suffix, col - start + len(prefix)


def human(diagnostics: list[Diagnostic], *, root: Path, lang: str = "da") -> str:
    """Compiler-style text: place, severity, code, message, the source line and a marker."""
    cache: dict[str, list[str]] = {}
    out: list[str] = []
    for d in diagnostics:
        out.append(printable(f"{d.span}: {_SEVERITY[lang][d.severity.value]} {d.code}: {d.message(lang)}"))
        line = _source_line(root, d, cache)
        if line is not None:
            number = str(d.span.line)
            col = max(d.span.col, 1)
            prefix = line[: col - 1].expandtabs(4)
            shown, marker = _window(line.expandtabs(4), len(prefix) + 1)
            out.append(f" {number} | {printable(shown)}")
            out.append(f" {' ' * len(number)} | {' ' * len(printable(shown[: marker - 1]))}^")
        hint = d.hint(lang)
        if hint:
            out.append(printable(f"  {_HINT[lang]}: {hint}"))
    return "\n".join(out)


_BOLD, _RED, _YELLOW, _CYAN, _RESET = "\x1b[1m", "\x1b[31m", "\x1b[33m", "\x1b[36m", "\x1b[0m"
_STYLES = [
    (re.compile(r"\b(fejl|error)\b"), _BOLD + _RED),
    (re.compile(r"\b(advarsel|warning)\b"), _BOLD + _YELLOW),
    (re.compile(r"\bIA\d{3}\b"), _BOLD),
    (re.compile(r"(?m)(?<=\| )( *\^)$"), _BOLD + _RED),
    (re.compile(r"(?m)(?<=^  )(hjælp|help):"), _CYAN),
]


def styled(text: str) -> str:
    """Colour a `human()` report for a terminal with ANSI codes: severities, codes and markers.

    Plain escape codes rather than rich: `ia check` runs on every save, and colouring five
    patterns is not worth importing a terminal toolkit for.
    """
    spans: list[tuple[int, int, str]] = []
    for pattern, style in _STYLES:
        spans += [(m.start(), m.end(), style) for m in pattern.finditer(text)]
    out, at = [], 0
    for start, end, style in sorted(spans):
        if start < at:  # overlapping matches: the first one wins
            continue
        out += [text[at:start], style, text[start:end], _RESET]
        at = end
    out.append(text[at:])
    return "".join(out)


def table(title: str, columns: Sequence[str], rows: Sequence[Sequence[str]], *, right: Sequence[int] = ()) -> str:
    """Lay out a plain-text table: a title, a header, a rule and aligned columns."""
    rows = [[printable(str(cell)) for cell in row] for row in rows]  # folder names come from the repository
    widths = [max([len(c)] + [len(r[i]) for r in rows]) for i, c in enumerate(columns)]

    def line(cells: Sequence[str]) -> str:
        return "  ".join(c.rjust(w) if i in right else c.ljust(w) for i, (c, w) in enumerate(zip(cells, widths))).rstrip()

    return "\n".join([title, line(columns), "  ".join("─" * w for w in widths), *(line(r) for r in rows)])


def warnings_text(count: int) -> str:
    return f"{count} advarsel" if count == 1 else f"{count} advarsler"


def summary(diagnostics: list[Diagnostic], lang: str = "da") -> str:
    """Count errors, warnings and accepted deviations (a recorded, signed deviation is no warning to act on)."""
    return _counts(diagnostics, lang)


def _escape_data(text: str) -> str:
    escaped = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return printable(escaped)


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


# GitHub shows at most this many annotations of each level (error, warning, notice) per step.
ANNOTATIONS_PER_LEVEL = 10
# GitHub refuses a step summary over 1 MiB; stay under it with room for the closing note.
SUMMARY_LIMIT = 1_000_000

_LEVEL = {"da": {"error": "fejl", "warning": "advarsel", "notice": "bemærkning"},
          "en": {"error": "error", "warning": "warning", "notice": "notice"}}
_TEXT = {
    "da": {
        "overflow": "GitHub viser højst {limit} fejl, {limit} advarsler og {limit} bemærkninger her; "
                    "ia check fandt {counts}, de ændrede filer først. Alle står i loggen og i jobbets sammenfatning.",
        "heading": "ia check: {counts}",
        "clean": "Ingen fejl, advarsler eller godkendte afvigelser.",
        "changed": "ændret",
        "columns": "| Sted | Niveau | Kode | Besked |",
        "cut": "Sammenfatningen er afkortet ({shown} af {total} fund); resten står i loggen.",
        "counts": ("{} fejl", "{} fejl", "{} advarsel", "{} advarsler", "{} godkendt afvigelse", "{} godkendte afvigelser"),
    },
    "en": {
        "overflow": "GitHub shows at most {limit} errors, {limit} warnings and {limit} notices here; "
                    "ia check found {counts}, changed files first. All are in the log and in the job summary.",
        "heading": "ia check: {counts}",
        "clean": "No errors, warnings or accepted deviations.",
        "changed": "changed",
        "columns": "| Place | Level | Code | Message |",
        "cut": "The summary is cut short ({shown} of {total} findings); the rest are in the log.",
        "counts": ("{} error", "{} errors", "{} warning", "{} warnings", "{} accepted deviation", "{} accepted deviations"),
    },
}


def level(diagnostic: Diagnostic) -> str:
    """Return the annotation level: an accepted deviation is a notice, since nobody has to act on it."""
    if diagnostic.accepted is not None:
        return "notice"
    return "error" if diagnostic.severity is Severity.ERROR else "warning"


def changed_first(diagnostics: list[Diagnostic], changed: Collection[str]) -> list[Diagnostic]:
    """Order diagnostics in the files a pull request changes before the rest, keeping each group's order.

    GitHub drops annotations beyond ten per level and step in the order they are printed,
    so the ones an author can act on in this pull request must come first.
    """
    wanted = {_normal(path) for path in changed}
    return sorted(diagnostics, key=lambda d: _normal(d.span.path) not in wanted)


def _normal(path: str) -> str:
    return path.strip().removeprefix("./")


def _counts(diagnostics: list[Diagnostic], lang: str) -> str:
    words = _TEXT[lang]["counts"]
    levels = [level(d) for d in diagnostics]
    errors, warnings, notices = (levels.count(name) for name in ("error", "warning", "notice"))
    def counted(count: int, first: int) -> str:
        return words[first if count == 1 else first + 1].format(count)

    parts = [counted(errors, 0), counted(warnings, 2)]
    if notices:
        parts.append(counted(notices, 4))
    return ", ".join(parts)


def github(diagnostics: list[Diagnostic], *, lang: str = "da", changed: Collection[str] = ()) -> str:
    """GitHub Actions workflow commands: ::error file=…,line=…,col=…,title=IA101::message.

    Diagnostics in `changed` files come first; when a level has more than GitHub shows,
    a notice first says so and where to find them all.
    """
    ordered = changed_first(diagnostics, changed)
    out = []
    levels = [level(d) for d in ordered]
    if any(levels.count(name) > ANNOTATIONS_PER_LEVEL for name in ("error", "warning", "notice")):
        text = _TEXT[lang]["overflow"].format(limit=ANNOTATIONS_PER_LEVEL, counts=_counts(ordered, lang))
        out.append(f"::notice title=ia check::{_escape_data(text)}")
    for d, name in zip(ordered, levels):
        props = [f"file={_escape_property(d.span.path)}"]
        if d.span.line:
            props.append(f"line={d.span.line}")
            props.append(f"col={max(d.span.col, 1)}")
        props.append(f"title={_escape_property(d.code)}")
        out.append(f"::{name} {','.join(props)}::{_escape_data(_with_hint(d, lang))}")
    return "\n".join(out)


def _with_hint(d: Diagnostic, lang: str) -> str:
    text = d.message(lang)
    hint = d.hint(lang)
    return f"{text} ({_HINT[lang]}: {hint})" if hint else text


# Backslash-escapes every character that could start Markdown or HTML markup, so a message
# quoting an editor's text ('*', '|', '<script>', '[link](…)') prints as written.
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]<>()#+!|~&])")


def _md(text: str) -> str:
    return _MARKDOWN_SPECIAL.sub(r"\\\1", " ".join(text.split()))


def markdown(diagnostics: list[Diagnostic], *, lang: str = "da", changed: Collection[str] = ()) -> str:
    """A Markdown report for a GitHub job summary: every diagnostic, grouped by file, changed files first."""
    t = _TEXT[lang]
    wanted = {_normal(path) for path in changed}
    out = [f"## {t['heading'].format(counts=_counts(diagnostics, lang))}", ""]
    if not diagnostics:
        out.append(t["clean"])
        return "\n".join(out) + "\n"
    by_file: dict[str, list[Diagnostic]] = {}
    for d in diagnostics:
        by_file.setdefault(d.span.path, []).append(d)
    files = sorted(by_file, key=lambda path: (_normal(path) not in wanted, path))
    size, shown = 0, 0
    for path in files:
        group = [f"### {_md(path)}" + (f" ({t['changed']})" if _normal(path) in wanted else ""), "",
                 t["columns"], "|---|---|---|---|"]
        for d in sorted(by_file[path], key=Diagnostic.sort_key):
            place = f"{d.span.line}:{max(d.span.col, 1)}" if d.span.line else "–"
            group.append(f"| {place} | {_LEVEL[lang][level(d)]} | {d.code} | {_md(_with_hint(d, lang))} |")
        block = "\n".join(group) + "\n"
        size += len(block.encode("utf-8")) + 1  # and the newline that joins the blocks
        if size > SUMMARY_LIMIT:
            out.append(t["cut"].format(shown=shown, total=len(diagnostics)))
            break
        out.append(block)
        shown += len(by_file[path])
    return "\n".join(out).rstrip("\n") + "\n"


def as_json(diagnostics: list[Diagnostic], *, lang: str = "da") -> str:
    return json.dumps([
        {"code": d.code, "severity": d.severity.value, "file": d.span.path, "line": d.span.line,
         "column": d.span.col, "message": d.message(lang), "hint": d.hint(lang), "accepted": d.accepted}
        for d in diagnostics
    ], ensure_ascii=False, indent=2)
