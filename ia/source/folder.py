"""Find agreement folders and read their files; the only module that reads sources from disk."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from ia.diagnostics import Diagnostic, Span, relpath
from ia.source.documents import MarkdownDoc, YamlDoc, markdown_doc, yaml_doc

MAX_FILE_BYTES = 2_000_000
MAX_IMAGE_BYTES = 5_000_000
IMAGE_TYPES = {".png": "image/png", ".jpg": "image/jpeg", ".jpeg": "image/jpeg", ".gif": "image/gif",
               ".svg": "image/svg+xml", ".webp": "image/webp"}
_ID = re.compile(r"(?P<unit>[a-zæøå0-9_]+(?:-[a-zæøå0-9_]+)*)-(?P<year>\d{4})\Z")


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


def find_root(start: Path) -> Path:
    """Return the nearest folder at or above `start` that holds an `agreements/` folder."""
    start = start.resolve()
    for candidate in (start, *start.parents):
        if (candidate / "agreements").is_dir():
            return candidate
    return start


def agreement_folders(root: Path, *, year: int | None = None) -> list[Path]:
    """Every agreement folder under `root/agreements`, sorted by year and unit."""
    base = root / "agreements"
    found = []
    for year_dir in sorted(base.glob("[0-9][0-9][0-9][0-9]")):
        if year is not None and year_dir.name != str(year):
            continue
        for unit_dir in sorted(year_dir.iterdir()):
            if unit_dir.is_dir() and not unit_dir.name.startswith(("_", ".")):
                found.append(unit_dir)
    return found


def resolve_ref(root: Path, ref: str) -> Path | Diagnostic:
    """Turn `csr-2026` or a folder path into an agreement folder, or say why not."""
    match = _ID.match(ref)
    if match:
        folder = root / "agreements" / match["year"] / match["unit"]
        if folder.is_dir():
            return folder
        return Diagnostic("IA121", Span(ref), {"folder": relpath(folder, root)})
    path = Path(ref)
    if not path.is_absolute():
        path = Path.cwd() / path
    if path.is_dir() and (path / "agreement.yaml").exists():
        return path
    return Diagnostic("IA120", Span(ref), {"ref": ref})


def _read_text(root: Path, path: Path) -> str | Diagnostic:
    """Read a source file as text, refusing anything outside `root` or not UTF-8."""
    rel = relpath(path, root)
    try:
        real = path.resolve()
        if not real.is_relative_to(root.resolve()):
            return Diagnostic("IA109", Span(rel), {"target": str(real)})
        if real.is_dir():
            return Diagnostic("IA111", Span(rel))
        size = real.stat().st_size
        if size > MAX_FILE_BYTES:
            return Diagnostic("IA110", Span(rel), {"size": size, "limit": MAX_FILE_BYTES})
        data = real.read_bytes()
    except OSError as error:
        return Diagnostic("IA100", Span(rel), {"reason": error.strerror or str(error)})
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        return Diagnostic("IA108", Span(rel, line, 1), {"line": line})
    return text.replace("\r\n", "\n").replace("\r", "\n")


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
        text = _read_text(root, path)
        if isinstance(text, Diagnostic):
            source.problems.append(text)
            return None
        return markdown_doc(relpath(path, root), text, front_matter=front_matter)

    agreement_file = folder / "agreement.yaml"
    if agreement_file.exists() or agreement_file.is_symlink():
        source.agreement = load_yaml(agreement_file)
    else:
        source.problems.append(Diagnostic("IA122", Span(relpath(folder, root))))
    rules_file = folder.parent / "rules.yaml"
    if rules_file.exists():
        source.rules = load_yaml(rules_file)
    else:
        source.problems.append(Diagnostic("IA123", Span(relpath(folder, root)), {"file": relpath(rules_file, root)}))

    source.chapters = [d for p in _files(folder / "chapters", ".md") if (d := load_md(p))]
    source.goals = [d for p in _files(folder / "goals", ".md") if (d := load_md(p))]
    source.areas = {p.stem: d for p in _files(folder / "areas", ".md") if (d := load_md(p, front_matter=False))}
    source.tables = {p.stem: d for p in _files(folder / "tables", ".yaml") if (d := load_yaml(p))}
    if (folder / "interventions.yaml").exists():
        source.interventions = load_yaml(folder / "interventions.yaml")
    shared = folder.parent / "_shared"
    source.shared_chapters = {p.stem: d for p in _files(shared / "chapters", ".md") if (d := load_md(p))}
    if (shared / "effect_goals.yaml").exists():
        source.effect_goals = load_yaml(shared / "effect_goals.yaml")
    return source


def _files(folder: Path, suffix: str) -> list[Path]:
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir() if p.name.endswith(suffix) and not p.name.startswith("."))


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
        real = path.resolve()
        if not real.is_relative_to(root):
            problems.append(Diagnostic("IA109", span, {"target": src[:200]}))
            continue
        kind = IMAGE_TYPES.get(real.suffix.lower())
        if kind is None or not real.is_file():
            problems.append(Diagnostic("IA341", span, {"src": src[:200]}))
            continue
        if real.stat().st_size > MAX_IMAGE_BYTES:
            problems.append(Diagnostic("IA110", span, {"size": real.stat().st_size, "limit": MAX_IMAGE_BYTES}))
            continue
        try:
            assets[(source, src)] = (kind, real.read_bytes())
        except OSError as error:
            problems.append(Diagnostic("IA100", span, {"reason": error.strerror or str(error)}))
    return assets, problems
