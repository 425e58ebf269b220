"""Diagnostics: what every stage reports instead of raising at the user."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path


class Severity(str, Enum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, order=True)
class Span:
    """A place in a source file: repository-relative path, 1-based line and column."""

    path: str
    line: int = 0
    col: int = 0

    def __str__(self) -> str:
        if not self.line:
            return self.path
        return f"{self.path}:{self.line}:{self.col or 1}"


@dataclass(frozen=True)
class Diagnostic:
    """One problem found in the sources, with where it is and what to do about it.

    The text lives in the message catalogue (`ia.messages`) under `code`, so one
    diagnostic can be printed in Danish for editors or in English for developers.
    """

    code: str
    span: Span
    args: dict[str, object] = field(default_factory=dict, compare=False, hash=False)
    hint_code: str | None = None
    # The reason an editor recorded for keeping what is reported, as signed (a table's
    # `accepted:`, a text file's `accepted:`): an accepted diagnostic is still shown, and
    # said to be accepted, but as a notice, since nobody has to act on it.
    accepted: str | None = field(default=None, compare=False)

    @property
    def severity(self) -> Severity:
        from ia.messages import severity_of

        return severity_of(self.code)

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR

    def message(self, lang: str = "da") -> str:
        from ia.messages import message

        return message(self.code, self.args, lang, accepted=self.accepted)

    def hint(self, lang: str = "da") -> str | None:
        from ia.messages import hint

        return hint(self.hint_code, self.args, lang) if self.hint_code else None

    def sort_key(self) -> tuple[str, int, int, str]:
        return (self.span.path, self.span.line, self.span.col, self.code)


MAX_PER_FILE = 100  # diagnostics listed per file; 5,000 on one line help nobody


def cap_per_file(diagnostics: list[Diagnostic], limit: int = MAX_PER_FILE) -> list[Diagnostic]:
    """Keep the first `limit` diagnostics of each file (in the given order) and count the rest
    in one IA199 (IA198 when only warnings were left out)."""
    kept: list[Diagnostic] = []
    left: dict[str, list[Diagnostic]] = {}
    shown: dict[str, int] = {}
    for d in diagnostics:
        if shown.get(d.span.path, 0) < limit:
            shown[d.span.path] = shown.get(d.span.path, 0) + 1
            kept.append(d)
        else:
            left.setdefault(d.span.path, []).append(d)
    for path, rest in left.items():
        code = "IA199" if any(d.is_error for d in rest) else "IA198"
        kept.append(Diagnostic(code, Span(path), {"count": len(rest), "limit": limit}))
    return kept


class StageFailed(Exception):
    """A stage after checking failed on one part of the sources: which stage, and where."""

    def __init__(self, stage: str, span: Span, problem: str):
        super().__init__(f"{stage} {span}: {problem}")
        self.stage, self.span, self.problem = stage, span, problem


def relpath(path: Path, root: Path) -> str:
    """Return `path` relative to `root` in POSIX form, for stable diagnostic output.

    Symbolic links are not followed: a link is named where it stands, not where it points.
    """
    for candidate, base in ((path.absolute(), root.absolute()), (path.resolve(), root.resolve())):
        try:
            return candidate.relative_to(base).as_posix()
        except ValueError:
            continue
    return path.as_posix()
