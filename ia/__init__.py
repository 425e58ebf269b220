"""ia: compile Aabenraa Kommune's institution agreements from YAML and Markdown to PDF and HTML.

The public names are imported on first use (PEP 562), not here: `import ia` is paid by
every command, and `ia check` or a cached `ia build` must not pay for the pipeline's
imports (pydantic models, Jinja, WeasyPrint) before it knows it needs them.
"""

from __future__ import annotations

import importlib

# typing.TYPE_CHECKING without importing typing, which a cached build needs for nothing else.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from ia.diagnostics import Diagnostic, Severity, Span
    from ia.pipeline import Result, build, load

__all__ = ["Diagnostic", "Result", "Severity", "Span", "build", "load"]
__version__ = "0.1.0"

_HOMES = {"Diagnostic": "ia.diagnostics", "Severity": "ia.diagnostics", "Span": "ia.diagnostics",
          "Result": "ia.pipeline", "build": "ia.pipeline", "load": "ia.pipeline"}


def __getattr__(name: str) -> object:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module 'ia' has no attribute {name!r}")
    value = getattr(importlib.import_module(home), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted([*globals(), *_HOMES])
