"""Render a catalogue to one self-contained HTML document through its templates."""

from __future__ import annotations

from pathlib import Path

from ia.catalogue.document import Catalogue
from ia.catalogue.view import build_context
from ia.render.html import environment, page_assets

def render_html(catalogue: Catalogue, *, created: str | None = None, folder: Path | None = None) -> str:
    """Render the catalogue; `created` is the date written into the document when it has none of its own."""
    env = environment(folder)
    context = build_context(catalogue)
    if created and not context["created"]:
        context["created"] = created
    context.update(page_assets(folder, "catalogue.css"))
    return env.get_template("catalogue/document.html.j2").render(context)
