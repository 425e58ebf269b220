"""ia: compile Aabenraa Kommune's institution agreements from YAML and Markdown to PDF and HTML."""

from ia.diagnostics import Diagnostic, Severity, Span
from ia.pipeline import Result, build, load

__all__ = ["Diagnostic", "Result", "Severity", "Span", "build", "load"]
__version__ = "0.1.0"
