"""Run `ia`'s command line in-process and capture what it prints, for the tests."""

from __future__ import annotations

import contextlib
import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass


@dataclass
class Invocation:
    """What one run printed and returned; `output` is stdout and stderr as they interleaved."""

    exit_code: int
    stdout: str
    stderr: str
    output: str


class _Tee(io.StringIO):
    def __init__(self, both: io.StringIO) -> None:
        super().__init__()
        self._both = both

    def write(self, text: str) -> int:
        self._both.write(text)
        return super().write(text)


class CliRunner:
    """Call `run(argv) -> int` with stdout and stderr captured (never a terminal, so no colour)."""

    def invoke(self, run: Callable[[Sequence[str]], int], args: Sequence[str]) -> Invocation:
        both = io.StringIO()
        out, err = _Tee(both), _Tee(both)
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = run(list(args))
        return Invocation(code, out.getvalue(), err.getvalue(), both.getvalue())
