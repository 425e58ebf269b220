"""Where documents are: the repository root, the kinds of document, their folders and ids.

The one owner of what a document is on disk: its kind, key, year, folder and id
(`csr-2026`, `indsatskatalog-2026`, `das-social-2025-05-22`). The loader, the cache, the
watcher, `ia new` and the CLI ask here. Standard library only (and the diagnostic type):
`ia build` finds its documents and asks the cache about them before the pipeline is imported.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from ia.diagnostics import Diagnostic, Span, relpath

_KEY = r"[a-zæøå0-9_]+(?:-[a-zæøå0-9_]+)*"
_YEAR = re.compile(r"\d{4}\Z")
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}\Z")


@dataclass(frozen=True)
class Kind:
    """A kind of document: where its documents stand and which module builds them.

    Documents of a kind stand two folders below `folder`: `<folder>/<year>/<key>/` for
    yearly documents (agreements, catalogues), `<folder>/<key>/<date>/` for dated ones
    (a body's meetings). A folder is a document when it holds `marker`; folders whose
    name starts with `_` or `.` hold shared data, never a document.
    """

    name: str
    folder: str
    marker: str
    label: str  # Danish, singular: for tables and messages
    plural: str
    dated: bool = False  # <key>/<date>/ instead of <year>/<key>/
    # Other editions built from the same sources: name -> Danish description.
    editions: dict[str, str] = field(default_factory=dict)
    adapter: str = ""  # the module that loads, checks and renders this kind (ia.kinds.*)


KINDS: dict[str, Kind] = {
    kind.name: kind
    for kind in (
        Kind("agreement", "agreements", "agreement.yaml", "aftale", "aftaler", adapter="ia.kinds.agreement",
             editions={"opfoelgning-midtvejs": "midtvejsopfølgningen", "opfoelgning-aar": "årsopfølgningen"}),
        Kind("catalogue", "catalogues", "catalogue.yaml", "katalog", "kataloger", adapter="ia.kinds.catalogue"),
        Kind("meeting", "meetings", "meeting.yaml", "møde", "møder", dated=True,
             editions={"dagsorden": "dagsordenen"}, adapter="ia.kinds.meeting"),
    )
}


@dataclass(frozen=True)
class DocumentRef:
    """One document: its kind, key (unit, catalogue or body), year, folder and id."""

    kind: str
    key: str
    year: int
    folder: Path
    id: str

    def output_id(self, edition: str | None = None) -> str:
        """The name of the built files: the id, or the id and the edition (`…-dagsorden`)."""
        return self.id if edition is None else f"{self.id}-{edition}"

    @property
    def kind_info(self) -> Kind:
        return KINDS[self.kind]


def _ref(kind: Kind, outer: str, inner: str, folder: Path) -> DocumentRef | None:
    """The document in `<kind.folder>/<outer>/<inner>/`, if the names fit the kind's layout."""
    # The key is the folder's name as it is: a folder named against the rules is still
    # built and listed (its name printed escaped), never silently left out.
    if kind.dated:
        if not _DATE.match(inner) or not _real_date(inner):
            return None
        return DocumentRef(kind.name, outer, int(inner[:4]), folder, f"{outer}-{inner}")
    if not _YEAR.match(outer):
        return None
    return DocumentRef(kind.name, inner, int(outer), folder, f"{inner}-{outer}")


def _real_date(text: str) -> bool:
    """Say whether an ISO date names a day of the calendar (2025-13-01 does not)."""
    try:
        dt.date.fromisoformat(text)
    except ValueError:
        return False
    return True


def valid_key(text: str) -> bool:
    """Say whether `text` can name a unit, catalogue or body: lower-case letters, digits, '_' and '-'."""
    return re.fullmatch(_KEY, text) is not None


def find_root(start: Path) -> Path:
    """Return the nearest folder at or above `start` that holds a folder of some kind's documents."""
    start = start.resolve()
    for candidate in (start, *start.parents):
        if any((candidate / kind.folder).is_dir() for kind in KINDS.values()):
            return candidate
    return start


def documents(root: Path, *, kind: str | None = None, year: int | None = None) -> list[DocumentRef]:
    """Every document under `root`, kind by kind (in KINDS' order), each kind sorted by folder."""
    found = []
    for info in KINDS.values():
        if kind is not None and info.name != kind:
            continue
        base = root / info.folder
        if not base.is_dir():
            continue
        for outer in sorted(base.iterdir()):
            if not outer.is_dir() or outer.name.startswith(("_", ".")):
                continue
            for inner in sorted(outer.iterdir()):
                if not inner.is_dir() or inner.name.startswith(("_", ".")):
                    continue
                ref = _ref(info, outer.name, inner.name, inner)
                if ref is not None and (year is None or ref.year == year):
                    found.append(ref)
    return found


def from_folder(root: Path, folder: Path) -> DocumentRef | None:
    """The document a folder is, by where it stands below the root (None when it is none)."""
    folder = Path(os.path.abspath(folder))
    for info in KINDS.values():
        base = Path(os.path.abspath(root / info.folder))
        if folder.parent.parent == base:
            return _ref(info, folder.parent.name, folder.name, folder)
    return None


def resolve(root: Path, text: str) -> DocumentRef | Diagnostic:
    """Turn an id (`csr-2026`, `das-social-2025-05-22`) or a folder path into a document, or say why not."""
    candidates = []
    dated = re.fullmatch(rf"(?P<key>{_KEY})-(?P<date>\d{{4}}-\d{{2}}-\d{{2}})", text)
    yearly = re.fullmatch(rf"(?P<key>{_KEY})-(?P<year>\d{{4}})", text)
    for info in KINDS.values():
        if info.dated and dated:
            candidates.append(_ref(info, dated["key"], dated["date"], root / info.folder / dated["key"] / dated["date"]))
        elif not info.dated and yearly:
            candidates.append(_ref(info, yearly["year"], yearly["key"], root / info.folder / yearly["year"] / yearly["key"]))
    candidates = [ref for ref in candidates if ref is not None]  # 2025-13-01 is no meeting's date
    existing = [ref for ref in candidates if ref.folder.is_dir()]
    if len(existing) == 1:
        return existing[0]
    if len(existing) > 1:
        return Diagnostic("IA129", Span(text), {"ref": text, "folders": ", ".join(relpath(r.folder, root) for r in existing)})
    if candidates:
        return Diagnostic("IA121", Span(text), {"folder": relpath(candidates[0].folder, root)})
    # A folder path. Fold '..' as written, so agreements/2026/demo/../demo is demo in 2026.
    path = Path(os.path.abspath(Path.cwd() / text))
    if path.is_dir():
        ref = from_folder(root, path)
        if ref is not None and (path / ref.kind_info.marker).exists():
            return ref
        if ref is None and (path / "agreement.yaml").exists():
            return loose_agreement(path)
    return Diagnostic("IA120", Span(text), {"ref": text})


def loose_agreement(folder: Path) -> DocumentRef:
    """An agreement folder outside the repository's layout (a test fixture, a copy): `<year>/<unit>/`."""
    year = folder.parent.name
    return DocumentRef("agreement", folder.name, int(year) if year.isdigit() else 0, folder, f"{folder.name}-{year}")

