"""Render a catalogue to one self-contained HTML document through its templates."""

from __future__ import annotations

from pathlib import Path

from ia.catalogue.document import Catalogue
from ia.catalogue.view import build_context
from ia.render.fonts import font_face_css
from ia.render.html import Verbatim, environment
from ia.resources import templates_dir

# The agreements' styles, then the catalogue's own (templates/css/catalogue.css).
STYLES = ("base.css", "screen.css", "print.css", "catalogue.css")


def render_html(catalogue: Catalogue, *, created: str | None = None, folder: Path | None = None) -> str:
    """Render the catalogue; `created` is the date written into the document when it has none of its own."""
    env = environment(folder)
    context = build_context(catalogue)
    if created and not context["created"]:
        context["created"] = created
    templates = folder or templates_dir()
    css_dir = templates / "css"
    context["styles"] = Verbatim("\n".join(
        [font_face_css(templates / "fonts"), *((css_dir / name).read_text(encoding="utf-8") for name in STYLES)]))
    context["script"] = Verbatim((templates / "screen.js").read_text(encoding="utf-8"))
    return env.get_template("catalogue/document.html.j2").render(context)
