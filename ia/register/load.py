"""Read the register of offers (`offers/`) into a `Register`, with positioned diagnostics.

The source stage for the register: every file is read through `ia.paths` and validated
on its own, so one broken offer hides no other. An offer whose file cannot be read stays
known by its key (`Register.unread`): documents that name it get no follow-on "unknown
offer", only the file's own diagnostics. Rules that look at more than one file (names used
twice, areas, contact details) are checks, in `ia.register.checks`.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from ia import paths
from ia.diagnostics import Diagnostic, Span, relpath
from ia.document import Section
from ia.markdown import parse
from ia.register.models import KEY_PATTERN, Area, Areas, Offer
from ia.source.documents import YamlDoc, markdown_doc, yaml_doc
from ia.source.folder import MAX_MARKDOWN_BYTES
from ia.source.folder import _read_text as read_text  # the one way sources are read as text
from ia.source.yamltext import Positions
from ia.validate import model_family, model_from

FOLDER = "offers"
AREAS_FILE = "_areas.yaml"
_KEY = re.compile(KEY_PATTERN)
_OFFER_FAMILY = model_family(Offer)
_AREAS_FAMILY = model_family(Areas)


@dataclass
class RegisteredOffer:
    """One offer as read: its key (the file's stem), file, validated front matter and text."""

    key: str
    path: str
    offer: Offer
    positions: Positions
    lines: list[str]
    body: Section


@dataclass
class Register:
    """The register of offers: offers by key (sorted), the strategy areas, what went wrong."""

    folder: str = FOLDER
    offers: dict[str, RegisteredOffer] = field(default_factory=dict)
    # Keys of offer files that exist but could not be read or validated (reported), by key -> path.
    unread: dict[str, str] = field(default_factory=dict)
    areas: list[Area] | None = None  # None: no areas file, or one that could not be read
    areas_path: str = f"{FOLDER}/{AREAS_FILE}"
    areas_positions: Positions | None = None
    diagnostics: list[Diagnostic] = field(default_factory=list)
    files: list[str] = field(default_factory=list)

    def knows(self, key: str) -> bool:
        """Say whether `key` names an offer file, read or not."""
        return key in self.offers or key in self.unread

    def keys(self) -> list[str]:
        """Return every offer key the register has a file for, sorted."""
        return sorted({*self.offers, *self.unread})


def read_register(root: Path) -> Register:
    """Read `offers/` under `root`: every offer file and the areas; problems become diagnostics.

    A repository without an `offers/` folder has an empty register and no diagnostics.
    """
    root = root.resolve()
    folder = root / FOLDER
    register = Register()
    for name in paths.listing(root, folder):
        if name.startswith("."):
            continue
        path = folder / name
        shown = relpath(path, root)
        if name == AREAS_FILE:
            register.files.append(shown)
            _read_areas(root, path, register)
        elif name.endswith(".md") and not name.startswith("_"):
            register.files.append(shown)
            _read_offer(root, path, register)
        else:
            # An offer is a .md file; anything else here would be silently ignored.
            register.diagnostics.append(Diagnostic("IA813", Span(shown), {"file": shown}))
    return register


def _read_offer(root: Path, path: Path, register: Register) -> None:
    shown = relpath(path, root)
    key = path.name.removesuffix(".md")
    valid_key = bool(_KEY.fullmatch(key))
    if not valid_key:
        register.diagnostics.append(Diagnostic("IA810", Span(shown, 1, 1), {"key": key, "suggestion": slug(key)},
                                               "offer_key" if slug(key) else None))
    text = read_text(root, path, MAX_MARKDOWN_BYTES)
    if isinstance(text, Diagnostic):
        register.diagnostics.append(text)
        if valid_key:
            register.unread[key] = shown
        return
    doc = markdown_doc(shown, text)
    offer = None
    if doc.meta is None:
        register.diagnostics.append(Diagnostic("IA201", Span(shown, 1, 1), {"field": "name"}))
    else:
        offer = model_from(doc.meta, Offer, register.diagnostics, family=_OFFER_FAMILY)
    if not valid_key:
        return
    if offer is None or doc.meta is None:
        register.unread[key] = shown
        return
    tokens, env = parse(doc.body, first_line=doc.body_line, doc_id=f"tilbud-{key}")
    body = Section(shown, doc.body_line, tokens, env, lines=doc.lines)
    register.offers[key] = RegisteredOffer(key, shown, offer, doc.meta.positions, doc.lines, body)


def _read_areas(root: Path, path: Path, register: Register) -> None:
    shown = relpath(path, root)
    text = read_text(root, path)
    if isinstance(text, Diagnostic):
        register.diagnostics.append(text)
        return
    doc = yaml_doc(shown, text)
    # The file is a plain list; validated as {areas: [...]} with every position moved under
    # "areas", so a diagnostic still points at the line in the file.
    wrapped = YamlDoc(shown, {"areas": doc.data} if doc.data is not None else None, _under("areas", doc.positions),
                      doc.problems, doc.lines)
    areas = model_from(wrapped, Areas, register.diagnostics, family=_AREAS_FAMILY)
    if areas is not None:
        register.areas = list(areas.areas)
        register.areas_positions = wrapped.positions


def _under(prefix: str, positions: Positions) -> Positions:
    """Return positions with every path moved under `prefix`; the root keeps its own mark."""
    moved = Positions(
        values={(prefix, *path): mark for path, mark in positions.values.items()},
        keys={(prefix, *path): mark for path, mark in positions.keys.items()},
        raw={(prefix, *path): text for path, text in positions.raw.items()},
    )
    if () in positions.values:
        moved.values[()] = positions.values[()]
    return moved


def slug(name: str) -> str:
    """Return the key an offer called `name` gets: lowercase ASCII words joined by "-".

    æ→ae, ø→oe, å→aa, "&"→"og" (docs/transcription/indsatskatalog-2026.md, "Keys").
    """
    text = name.lower().replace("æ", "ae").replace("ø", "oe").replace("å", "aa").replace("&", " og ")
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")
