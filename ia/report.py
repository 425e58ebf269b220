"""Print diagnostics for people (with the source line), for GitHub Actions, or as JSON."""

from __future__ import annotations

import json
from pathlib import Path

from ia.diagnostics import Diagnostic

_SEVERITY = {"da": {"error": "fejl", "warning": "advarsel"}, "en": {"error": "error", "warning": "warning"}}
_HINT = {"da": "hjælp", "en": "help"}


def _source_line(root: Path, diagnostic: Diagnostic, cache: dict[str, list[str]]) -> str | None:
    span = diagnostic.span
    if not span.line:
        return None
    if span.path not in cache:
        path = (root / span.path).resolve()
        try:
            inside = path.is_relative_to(root.resolve()) and path.is_file()
            cache[span.path] = path.read_text(encoding="utf-8-sig", errors="replace").splitlines() if inside else []
        except OSError:
            cache[span.path] = []
    lines = cache[span.path]
    return lines[span.line - 1] if 0 < span.line <= len(lines) else None


def human(diagnostics: list[Diagnostic], *, root: Path, lang: str = "da") -> str:
    """Compiler-style text: place, severity, code, message, the source line and a marker."""
    cache: dict[str, list[str]] = {}
    out: list[str] = []
    for d in diagnostics:
        out.append(f"{d.span}: {_SEVERITY[lang][d.severity.value]} {d.code}: {d.message(lang)}")
        line = _source_line(root, d, cache)
        if line is not None:
            number = str(d.span.line)
            shown = line.expandtabs(4)
            col = max(d.span.col, 1)
            prefix = line[: col - 1].expandtabs(4)
            out.append(f" {number} | {shown}")
            out.append(f" {' ' * len(number)} | {' ' * len(prefix)}^")
        hint = d.hint(lang)
        if hint:
            out.append(f"  {_HINT[lang]}: {hint}")
    return "\n".join(out)


def styled(text: str):
    """Colour a `human()` report for a terminal: severities, codes and markers."""
    from rich.text import Text

    styled_text = Text(text)
    styled_text.highlight_regex(r"\b(fejl|error)\b", "bold red")
    styled_text.highlight_regex(r"\b(advarsel|warning)\b", "bold yellow")
    styled_text.highlight_regex(r"\bIA\d{3}\b", "bold")
    styled_text.highlight_regex(r"(?m)^ +\| +\^$", "bold red")
    styled_text.highlight_regex(r"(?m)^  (hjælp|help):", "cyan")
    return styled_text


def warnings_text(count: int) -> str:
    return f"{count} advarsel" if count == 1 else f"{count} advarsler"


def summary(diagnostics: list[Diagnostic], lang: str = "da") -> str:
    errors = sum(d.is_error for d in diagnostics)
    warnings = len(diagnostics) - errors
    if lang == "en":
        return f"{errors} error(s), {warnings} warning(s)"
    return f"{errors} fejl, {warnings_text(warnings)}"


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def github(diagnostics: list[Diagnostic], *, lang: str = "da") -> str:
    """GitHub Actions workflow commands: ::error file=…,line=…,col=…,title=IA101::message."""
    out = []
    for d in diagnostics:
        props = [f"file={_escape_property(d.span.path)}"]
        if d.span.line:
            props.append(f"line={d.span.line}")
            props.append(f"col={max(d.span.col, 1)}")
        props.append(f"title={_escape_property(d.code)}")
        text = d.message(lang)
        hint = d.hint(lang)
        if hint:
            text += f" ({_HINT[lang]}: {hint})"
        out.append(f"::{d.severity.value} {','.join(props)}::{_escape_data(text)}")
    return "\n".join(out)


def as_json(diagnostics: list[Diagnostic], *, lang: str = "da") -> str:
    return json.dumps([
        {"code": d.code, "severity": d.severity.value, "file": d.span.path, "line": d.span.line,
         "column": d.span.col, "message": d.message(lang), "hint": d.hint(lang)}
        for d in diagnostics
    ], ensure_ascii=False, indent=2)
