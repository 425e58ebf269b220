"""Read a meeting's folder and its body's data, validate their shape, number the items.

Every read goes through `ia.paths` (inside the repository, regular files, size limits);
problems become diagnostics at the line to change, never exceptions.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from ia import paths
from ia.diagnostics import Diagnostic, Span, relpath
from ia.meeting import markdown
from ia.meeting.document import SECTIONS, AttachmentEntry, AttachmentFile, Item, Meeting, Text
from ia.meeting.models import Attachment, AttachmentMeta, Body, ItemMeta, MeetingMeta, StandingItem, StandingPart
from ia.source.documents import MarkdownDoc, YamlDoc, markdown_doc, yaml_doc
from ia.source.folder import MAX_MARKDOWN_BYTES, read_text
from ia.validate import model_from

_DATE_FOLDER = re.compile(r"\d{4}-\d{2}-\d{2}\Z")


def read_meeting(root: Path, folder: Path, *, meeting_id: str) -> tuple[Meeting | None, list[Diagnostic]]:
    """Read and validate one meeting folder (`meetings/<body>/<date>/`); never raises for bad input."""
    root = root.resolve()
    diagnostics: list[Diagnostic] = []
    where = relpath(folder, root)

    def load_yaml(path: Path) -> YamlDoc | None:
        text = read_text(root, path)
        if isinstance(text, Diagnostic):
            diagnostics.append(text)
            return None
        return yaml_doc(relpath(path, root), text)

    def load_md(path: Path) -> MarkdownDoc | None:
        text = read_text(root, path, MAX_MARKDOWN_BYTES)
        if isinstance(text, Diagnostic):
            diagnostics.append(text)
            return None
        return markdown_doc(relpath(path, root), text)

    body_file = folder.parent / "body.yaml"
    body_doc = load_yaml(body_file) if paths.exists(root, body_file) else None
    if body_doc is None and not any(d.span.path == relpath(body_file, root) for d in diagnostics):
        diagnostics.append(Diagnostic("IA383", Span(where), {"file": relpath(body_file, root)}))
    body = model_from(body_doc, Body, diagnostics)
    if body is not None and body_doc is not None and body.key != folder.parent.name:
        diagnostics.append(_at(body_doc, ("key",), "IA210", {"field": "key", "found": body.key, "expected": folder.parent.name}))

    meeting_file = folder / "meeting.yaml"
    meeting_doc = load_yaml(meeting_file) if paths.exists(root, meeting_file) else None
    if meeting_doc is None and not diagnostics:
        diagnostics.append(Diagnostic("IA383", Span(where), {"file": relpath(meeting_file, root)}))
    meta = model_from(meeting_doc, MeetingMeta, diagnostics)
    if meta is not None and meeting_doc is not None:
        if meta.body != folder.parent.name:
            diagnostics.append(_at(meeting_doc, ("body",), "IA210", {"field": "body", "found": meta.body, "expected": folder.parent.name}))
        if meta.date.isoformat() != folder.name:
            diagnostics.append(_at(meeting_doc, ("date",), "IA210", {"field": "date", "found": meta.date.isoformat(), "expected": folder.name}))

    items_folder = folder / "items"
    files: list[tuple[Path, MarkdownDoc]] = []
    for name in paths.listing(root, items_folder):
        path = items_folder / name
        if name.startswith(".") or path.is_dir():
            continue
        if not name.endswith(".md"):
            diagnostics.append(Diagnostic("IA374", Span(relpath(path, root)), {"file": relpath(path, root)}))
            continue
        doc = load_md(path)
        if doc is not None:
            files.append((path, doc))

    if body is None or meta is None or meeting_doc is None:
        # Items are still read and validated on their own: one file's failure hides no other's.
        for path, doc in files:
            _file_item(root, path, doc, 0, diagnostics, load_md)
        return None, diagnostics

    standing_keys = {s.key for s in body.standing_items}
    for key in meta.standing:
        if key not in standing_keys:
            diagnostics.append(_at(meeting_doc, ("standing", key), "IA384", {
                "key": key, "file": relpath(body_file, root), "expected": ", ".join(sorted(standing_keys)) or "ingen"}, key=True))

    items: list[Item] = []
    first = [s for s in body.standing_items if s.position == "first"]
    last = [s for s in body.standing_items if s.position == "last"]
    for standing in first:
        items.append(_standing_item(standing, meta.standing.get(standing.key), len(items) + 1, meeting_doc, folder, root, diagnostics, load_md))
    for path, doc in files:
        item = _file_item(root, path, doc, len(items) + 1, diagnostics, load_md)
        if item is not None:
            items.append(item)
    for standing in last:
        items.append(_standing_item(standing, meta.standing.get(standing.key), len(items) + 1, meeting_doc, folder, root, diagnostics, load_md))

    previous, previous_id, following = _neighbours(root, folder)
    meeting = Meeting(id=meeting_id, key=folder.parent.name, folder=where, body=body, meta=meta, meta_doc=meeting_doc,
                      items=items, previous=previous or meta.previous_meeting, previous_id=previous_id, following=following)
    if previous and meta.previous_meeting and previous != meta.previous_meeting:
        diagnostics.append(_at(meeting_doc, ("previous_meeting",), "IA385", {
            "found": meta.previous_meeting.isoformat(), "expected": previous.isoformat()}))
    return meeting, diagnostics


def _neighbours(root: Path, folder: Path) -> tuple[dt.date | None, str | None, dt.date | None]:
    """The body's meetings around this one in the repository: the previous one (date, id) and the next one's date."""
    dated = []
    for name in paths.listing(root, folder.parent):
        if _DATE_FOLDER.match(name) and name != folder.name and paths.exists(root, folder.parent / name / "meeting.yaml"):
            try:
                dated.append((dt.date.fromisoformat(name), name))
            except ValueError:
                continue
    earlier = [pair for pair in dated if pair[1] < folder.name]
    later = [pair for pair in dated if pair[1] > folder.name]
    previous = earlier[-1] if earlier else None
    return (previous[0] if previous else None, f"{folder.parent.name}-{previous[1]}" if previous else None,
            later[0][0] if later else None)


def _at(doc: YamlDoc, path: tuple, code: str, args: dict, *, key: bool = False) -> Diagnostic:
    mark = doc.positions.find(path, key=key)
    return Diagnostic(code, Span(doc.path, mark.line, mark.col) if mark else Span(doc.path, 1, 1), args)


def _anchor(number: int) -> str:
    return f"punkt-{number}"


def _doc_id(path: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", path.lower()).strip("-")


def _standing_item(standing: StandingItem, part: StandingPart | None, number: int, doc: YamlDoc, folder: Path,
                   root: Path, diagnostics: list[Diagnostic], load_md) -> Item:
    """A standing item: its title and proposals from the body, its text and decision from the meeting."""
    written = doc.data.get("standing") if isinstance(doc.data, dict) else None
    mark = doc.positions.find(("standing", standing.key), key=True) if isinstance(written, dict) and standing.key in written else None
    part = part or StandingPart()
    item = Item(number=number, title=standing.title, path=doc.path, line=mark.line if mark else 1, col=mark.col if mark else 1,
                anchor=_anchor(number), standing=standing, part=part, meta_doc=doc)
    key = f"{_doc_id(doc.path)}-{standing.key}"
    if part.text:
        item.intro = _yaml_text(doc, ("standing", standing.key, "text"), part.text, key + "-text")
    if standing.proposals:
        listed = "".join(f"{n}. {p}\n" for n, p in enumerate(standing.proposals, 1))
        item.sections["Indstilling"] = Text(doc.path, item.line, *markdown.parse(listed, doc_id=key + "-ind"))
    if part.decision:
        item.sections["Beslutning"] = _yaml_text(doc, ("standing", standing.key, "decision"), part.decision, key + "-dec")
    item.attachments = _attachments(root, folder / "standing" / standing.key, part.attachments, doc,
                                    ("standing", standing.key, "attachments"), diagnostics, load_md)
    return item


def _yaml_text(doc: YamlDoc, path: tuple, text: str, doc_id: str) -> Text:
    mark = doc.positions.find(path)
    line = mark.line if mark else 1
    return Text(doc.path, line, *markdown.parse(text, first_line=line, doc_id=doc_id))


def _file_item(root: Path, path: Path, doc: MarkdownDoc, number: int, diagnostics: list[Diagnostic], load_md) -> Item | None:
    """An item file: front matter, then sections under `##` headings in the fixed order."""
    if doc.meta is None:
        diagnostics.append(Diagnostic("IA201", Span(doc.path, 1, 1), {"field": "title"}))
        return None
    meta = model_from(doc.meta, ItemMeta, diagnostics)
    tokens, env = markdown.parse(doc.body, first_line=doc.body_line, doc_id=_doc_id(doc.path))
    intro, sections = _split(doc, tokens, env, diagnostics)
    if meta is None:
        return None
    mark = doc.meta.positions.find(("title",))
    item = Item(number=number, title=meta.title, path=doc.path, line=mark.line if mark else 1, col=1, anchor=_anchor(number),
                access=meta.access, case=meta.case, presenters=list(meta.presenters), notes=list(meta.notes),
                intro=intro, sections=sections, subitems=meta.subitems, meta=meta, meta_doc=doc.meta)
    item.attachments = _attachments(root, path.with_suffix(""), meta.attachments, doc.meta, ("attachments",),
                                    diagnostics, load_md)
    return item


def _split(doc: MarkdownDoc, tokens, env, diagnostics: list[Diagnostic]) -> tuple[Text | None, dict[str, Text]]:
    """Cut an item's tokens at its `##` headings; a heading that is no section, or one out of
    order, is reported where it stands (IA380, IA381)."""
    intro: list = []
    sections: dict[str, Text] = {}
    current: list | None = intro
    last = -1
    i = 0
    while i < len(tokens):
        token = tokens[i]
        if token.type == "heading_open" and token.tag in {"h1", "h2"}:
            name = tokens[i + 1].content.strip()
            line = token.map[0] + 1 if token.map else doc.body_line
            current = None  # the text under a wrong heading is reported, not printed under another's
            if token.tag == "h1":
                diagnostics.append(Diagnostic("IA305", Span(doc.path, line, 1),
                                              {"level": 1, "expected": "'##'", "expected_en": "'##'"}))
            elif name not in SECTIONS:
                diagnostics.append(Diagnostic("IA380", Span(doc.path, line, 4), {"found": name, "expected": ", ".join(SECTIONS)}))
            elif SECTIONS.index(name) <= last:
                diagnostics.append(Diagnostic("IA381", Span(doc.path, line, 4), {"found": name, "after": SECTIONS[last]}))
            else:
                last = SECTIONS.index(name)
                current = []
                sections[name] = Text(doc.path, line, current, env)
            i += 3  # open, inline, close
            continue
        if current is not None:
            current.append(token)
        i += 1
    intro_text = Text(doc.path, doc.body_line, intro, env) if intro else None
    return intro_text, sections


def _attachments(root: Path, folder: Path, listed: list, doc: YamlDoc, where: tuple, diagnostics: list[Diagnostic],
                 load_md) -> list[AttachmentEntry]:
    """Match the Bilag list with the Markdown files in the item's folder, by title."""
    files: dict[str, AttachmentFile] = {}
    for name in paths.listing(root, folder):
        path = folder / name
        shown = relpath(path, root)
        if name.startswith("."):
            continue
        if path.is_dir() or not name.endswith(".md"):
            diagnostics.append(Diagnostic("IA374", Span(shown), {"file": shown}))
            continue
        source = load_md(path)
        if source is None:
            continue
        if source.meta is None:
            diagnostics.append(Diagnostic("IA201", Span(shown, 1, 1), {"field": "title"}))
            continue
        meta = model_from(source.meta, AttachmentMeta, diagnostics)
        tokens, env = markdown.parse(source.body, first_line=source.body_line, doc_id=_doc_id(shown))
        if meta is not None:
            files.setdefault(meta.title, AttachmentFile(meta.title, shown, Text(shown, source.body_line, tokens, env),
                                                        source.meta, list(meta.accepted)))
    entries: list[AttachmentEntry] = []
    used: set[str] = set()
    for index, entry in enumerate(listed):
        if isinstance(entry, Attachment):
            entries.append(AttachmentEntry(entry.title, files.get(entry.title), entry.external))
            used.add(entry.title)
            continue
        found = files.get(entry)
        if found is None:
            diagnostics.append(_at(doc, (*where, index), "IA373", {"title": entry, "folder": relpath(folder, root)}))
        used.add(entry)
        entries.append(AttachmentEntry(entry, found))
    for title, file in files.items():
        if title not in used:
            mark = file.doc.positions.find(("title",)) if file.doc else None
            diagnostics.append(Diagnostic("IA374", Span(file.path, mark.line if mark else 1, mark.col if mark else 1),
                                          {"file": file.path}))
    return entries
