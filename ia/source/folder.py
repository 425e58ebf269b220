"""Find agreement folders and read their files; the only module that reads sources from disk."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from ia import paths
from ia.diagnostics import Diagnostic, Span, relpath
from ia.source.documents import MarkdownDoc, YamlDoc, markdown_doc, yaml_doc

MAX_FILE_BYTES = paths.MAX_FILE_BYTES
MAX_IMAGE_BYTES = paths.MAX_IMAGE_BYTES
# The Markdown parser is pure Python and slower than linear on some inputs ('![' repeated
# 50,000 times takes 2 s): a chapter or goal is far below this (the largest seed text is 38 KB).
MAX_MARKDOWN_BYTES = 100_000
IMAGE_TYPES = {".png": "image/png", ".jpg": "image/jpeg", ".jpeg": "image/jpeg", ".gif": "image/gif",
               ".svg": "image/svg+xml", ".webp": "image/webp"}


@dataclass
class AgreementSource:
    """Everything one agreement is made of, as read from its folder and its year."""

    id: str
    unit: str
    year: int
    root: Path
    folder: str
    agreement: YamlDoc | None
    rules: YamlDoc | None
    chapters: list[MarkdownDoc] = field(default_factory=list)
    goals: list[MarkdownDoc] = field(default_factory=list)
    areas: dict[str, MarkdownDoc] = field(default_factory=dict)
    tables: dict[str, YamlDoc] = field(default_factory=dict)
    interventions: YamlDoc | None = None
    # The year's shared content, in agreements/<year>/_shared/.
    shared_chapters: dict[str, MarkdownDoc] = field(default_factory=dict)
    effect_goals: YamlDoc | None = None
    problems: list[Diagnostic] = field(default_factory=list)

    @property
    def files(self) -> list[str]:
        """Every source file of the agreement, for caches and watchers."""
        docs: list[YamlDoc | MarkdownDoc | None] = [self.agreement, self.rules, self.interventions, self.effect_goals]
        docs += self.chapters + self.goals + list(self.areas.values()) + list(self.tables.values())
        docs += list(self.shared_chapters.values())
        return sorted(d.path for d in docs if d is not None)


def _read_text(root: Path, path: Path, limit: int = MAX_FILE_BYTES) -> str | Diagnostic:
    """Read a source file as text through the path rule, refusing anything not UTF-8."""
    try:
        data = paths.read_bytes(root, path, limit=limit)
    except paths.PathError as refused:
        return Diagnostic(refused.code, Span(refused.path), refused.args_)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        return Diagnostic("IA108", Span(relpath(path, root), line, 1), {"line": line})
    return text.replace("\r\n", "\n").replace("\r", "\n")


read_text = _read_text  # the other kinds' loaders read their files the same way


def read_agreement(root: Path, folder: Path) -> AgreementSource:
    """Read an agreement folder and its year's rules; problems become diagnostics."""
    root = root.resolve()
    unit, year_name = folder.name, folder.parent.name
    year = int(year_name) if year_name.isdigit() else 0
    source = AgreementSource(
        id=f"{unit}-{year_name}", unit=unit, year=year, root=root,
        folder=relpath(folder, root), agreement=None, rules=None,
    )

    def load_yaml(path: Path) -> YamlDoc | None:
        text = _read_text(root, path)
        if isinstance(text, Diagnostic):
            source.problems.append(text)
            return None
        return yaml_doc(relpath(path, root), text)

    def load_md(path: Path, *, front_matter: bool = True) -> MarkdownDoc | None:
        text = _read_text(root, path, MAX_MARKDOWN_BYTES)
        if isinstance(text, Diagnostic):
            source.problems.append(text)
            return None
        return markdown_doc(relpath(path, root), text, front_matter=front_matter)

    agreement_file = folder / "agreement.yaml"
    if paths.exists(root, agreement_file):
        source.agreement = load_yaml(agreement_file)
    else:
        source.problems.append(Diagnostic("IA122", Span(relpath(folder, root))))
    rules_file = folder.parent / "rules.yaml"
    if paths.exists(root, rules_file):
        source.rules = load_yaml(rules_file)
    else:
        source.problems.append(Diagnostic("IA123", Span(relpath(folder, root)), {"file": relpath(rules_file, root)}))

    source.chapters = [d for p in _files(root, folder / "chapters", ".md") if (d := load_md(p))]
    source.goals = [d for p in _files(root, folder / "goals", ".md") if (d := load_md(p))]
    source.areas = {p.stem: d for p in _files(root, folder / "areas", ".md") if (d := load_md(p, front_matter=False))}
    source.tables = {p.stem: d for p in _files(root, folder / "tables", ".yaml") if (d := load_yaml(p))}
    if paths.exists(root, folder / "interventions.yaml"):
        source.interventions = load_yaml(folder / "interventions.yaml")
    shared = folder.parent / "_shared"
    source.shared_chapters = {p.stem: d for p in _files(root, shared / "chapters", ".md") if (d := load_md(p))}
    if paths.exists(root, shared / "effect_goals.yaml"):
        source.effect_goals = load_yaml(shared / "effect_goals.yaml")
    return source


def _files(root: Path, folder: Path, suffix: str) -> list[Path]:
    return [folder / name for name in paths.listing(root, folder) if name.endswith(suffix) and not name.startswith(".")]


def read_images(root: Path, refs: list[tuple[str, int, str]]) -> tuple[dict[tuple[str, str], tuple[str, bytes]], list[Diagnostic]]:
    """Read the images Markdown refers to: files in the repository, next to the text.

    `refs` holds (source file, line, src). Anything else — a web address, an absolute or
    escaping path, a file that is not an image — is refused with a diagnostic: a build
    never fetches from the network and never reads outside the repository.
    """
    root = root.resolve()
    assets: dict[tuple[str, str], tuple[str, bytes]] = {}
    problems: list[Diagnostic] = []
    for source, line, src in refs:
        span = Span(source, line, 1)
        if re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*:", src) or src.startswith(("/", "\\")) or not src.strip():
            problems.append(Diagnostic("IA340", span, {"src": src[:200]}))
            continue
        path = (root / source).parent / src
        if not paths.inside(root, path):
            problems.append(Diagnostic("IA109", span, {"target": src[:200]}))
            continue
        kind = IMAGE_TYPES.get(Path(os.path.realpath(path)).suffix.lower())
        if kind is None or not paths.exists(root, path):
            problems.append(Diagnostic("IA341", span, {"src": src[:200]}))
            continue
        try:
            assets[(source, src)] = (kind, paths.read_bytes(root, path, limit=MAX_IMAGE_BYTES))
        except paths.PathError as refused:
            code = "IA341" if refused.code in ("IA111", "IA113") else refused.code
            problems.append(Diagnostic(code, span, {"src": src[:200], **refused.args_}))
    return assets, problems
