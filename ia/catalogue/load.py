"""Read a catalogue folder and the register of offers into a `Catalogue`, or diagnostics.

The catalogue's source stage and shape validation: catalogue.yaml against its model, the
Markdown files its chapters name (through `ia.paths`, never outside the repository). Which
offer keys and areas exist is a question for the checks (`ia.catalogue.checks`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

from ia import paths
from ia.catalogue.document import Catalogue, CatalogueChapter
from ia.catalogue.models import AreaChapter, CatalogueMeta, TextChapter
from ia.checks._where import at
from ia.diagnostics import Diagnostic, Span, relpath
from ia.document import Section
from ia.markdown import parse
from ia.models import ChapterMeta
from ia.register.load import Register, read_register
from ia.source.documents import MarkdownDoc, markdown_doc, yaml_doc
from ia.source.folder import MAX_MARKDOWN_BYTES, read_images
from ia.source.folder import _read_text as read_text  # the one way sources are read as text
from ia.validate import model_family, model_from

MARKER = "catalogue.yaml"
_FAMILY = model_family(CatalogueMeta)
_CHAPTER_FAMILY = model_family(ChapterMeta)


def load(root: Path, folder: Path, *, key: str, year: int, register: Register | None = None
         ) -> tuple[Catalogue | None, list[Diagnostic]]:
    """Read and validate the catalogue in `folder`; the register is read unless given."""
    root = root.resolve()
    diagnostics: list[Diagnostic] = []
    register = register if register is not None else read_register(root)
    path = folder / MARKER
    shown = relpath(path, root)
    if not paths.exists(root, path):
        return None, [Diagnostic("IA820", Span(relpath(folder, root)), {"file": MARKER})]
    text = read_text(root, path)
    if isinstance(text, Diagnostic):
        return None, [text]
    doc = yaml_doc(shown, text)
    meta = model_from(doc, CatalogueMeta, diagnostics, family=_FAMILY)
    available = sorted(name for name in paths.listing(root, folder / "chapters")
                       if name.endswith(".md") and not name.startswith("."))
    if meta is None:
        return None, diagnostics
    areas = {area.key: area.title for area in register.areas or []}
    chapters: list[CatalogueChapter] = []
    used: set[str] = set()
    for index, entry in enumerate(meta.chapters):
        number = len(chapters) + 1
        if isinstance(entry, TextChapter):
            used.add(entry.file)
            section, title = _text(root, folder, entry.file, doc_path=shown, positions=doc.positions,
                                   where=("chapters", index, "file"), diagnostics=diagnostics, titled=True)
            if section is None:
                continue
            chapters.append(CatalogueChapter(index, number, title or "", section))
        elif isinstance(entry, AreaChapter):
            intro = None
            if entry.intro is not None:
                used.add(entry.intro)
                intro, _ = _text(root, folder, entry.intro, doc_path=shown, positions=doc.positions,
                                 where=("chapters", index, "intro"), diagnostics=diagnostics, titled=False)
            # An unknown area is the checks' to report; the chapter keeps its place and number.
            chapters.append(CatalogueChapter(index, number, areas.get(entry.area, entry.area), intro,
                                             entry.area, list(entry.offers)))
    unused = [f"chapters/{name}" for name in available if f"chapters/{name}" not in used]
    catalogue = Catalogue(
        id=f"{key}-{year}", key=key, year=year, folder=relpath(folder, root), path=shown, meta=meta,
        positions=doc.positions, lines=doc.lines, chapters=chapters, register=register,
        unused_texts=unused,
    )
    catalogue.assets, problems = read_images(root, image_refs(section for section, _ in catalogue.sections()))
    diagnostics.extend(problems)
    return catalogue, diagnostics


def image_refs(sections: Iterable[Section]) -> list[tuple[str, int, str]]:
    """Every image the texts show: (source file, line, src)."""
    return [(section.path, token.map[0] + 1 if token.map else section.line, str(child.attrs.get("src", "")))
            for section in sections for token in section.tokens for child in token.children or []
            if child.type == "image"]


def _text(root: Path, folder: Path, name: str, *, doc_path: str, positions, where: tuple,
          diagnostics: list[Diagnostic], titled: bool) -> tuple[Section | None, str | None]:
    """Read one of the catalogue's Markdown files; a missing one is reported where catalogue.yaml names it."""
    path = folder / name
    if not paths.exists(root, path):
        diagnostics.append(Diagnostic("IA821", at(doc_path, positions, *where), {"file": name}))
        return None, None
    text = read_text(root, path, MAX_MARKDOWN_BYTES)
    if isinstance(text, Diagnostic):
        diagnostics.append(text)
        return None, None
    doc: MarkdownDoc = markdown_doc(relpath(path, root), text, front_matter=titled)
    title = None
    if titled:
        if doc.meta is None:
            diagnostics.append(Diagnostic("IA201", Span(doc.path, 1, 1), {"field": "title"}))
            return None, None
        chapter_meta = model_from(doc.meta, ChapterMeta, diagnostics, family=_CHAPTER_FAMILY)
        if chapter_meta is None:
            return None, None
        if not chapter_meta.title:
            diagnostics.append(Diagnostic("IA201", Span(doc.path, 1, 1), {"field": "title"}))
            return None, None
        title = chapter_meta.title
    tokens, env = parse(doc.body, first_line=doc.body_line, doc_id=re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-"))
    return Section(doc.path, doc.body_line, tokens, env, lines=doc.lines), title
