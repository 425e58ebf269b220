"""Start a body's next meeting from its last one: what `ia new` writes, computed in memory.

The standing items come from the body's data by themselves; the new meeting.yaml carries
the body, the new date and an empty part for each standing item, and nothing of the last
meeting's own: no decisions, no items, no time or place (they are the next meeting's to
state). The item approving the previous minutes gets them as its attachment, so its date
is right from the start (IA376).
"""

from __future__ import annotations

import datetime as dt
import json
import os
from pathlib import Path

from ia import paths
from ia.diagnostics import Diagnostic, Span, relpath
from ia.meeting.models import Body
from ia.source.documents import yaml_doc
from ia.source.folder import read_text
from ia.validate import model_from


def plan(root: Path, source: Path, *, date: dt.date) -> tuple[dict[Path, bytes], list[Diagnostic]]:
    """The files of the meeting after `source` (a meeting folder) on `date`; nothing is written here."""
    body_folder = source.parent
    target = body_folder / date.isoformat()
    try:
        source_date = dt.date.fromisoformat(source.name)
    except ValueError:
        return {}, [Diagnostic("IA120", Span(relpath(source, root)), {"ref": relpath(source, root)})]
    if os.path.lexists(target):
        return {}, [Diagnostic("IA126", Span(relpath(target, root)), {"folder": relpath(target, root)})]
    if date <= source_date:
        return {}, [Diagnostic("IA387", Span(date.isoformat()), {"date": date.isoformat(), "source": source_date.isoformat()})]
    problems: list[Diagnostic] = []
    text = read_text(root, body_folder / "body.yaml")
    if isinstance(text, Diagnostic):
        return {}, [text]
    body = model_from(yaml_doc(relpath(body_folder / "body.yaml", root), text), Body, problems)
    if body is None:
        return {}, problems
    source_id = f"{body_folder.name}-{source.name}"
    lines = [
        "# yaml-language-server: $schema=../../../schemas/meeting.schema.json",
        f"# Made by `ia new` from {source_id}: write time, place and the items' files; decisions after the meeting.",
        f"body: {body.key}",
        f'date: "{date.isoformat()}"',
        "standing:",
    ]
    for item in body.standing_items:
        if item.approves_previous_minutes:
            shown = source_date.strftime("%d.%m.%Y")
            title = json.dumps(f"{body.short} {shown} (referat)", ensure_ascii=False)
            where = json.dumps(f"Referatet af mødet den {shown} er dokumentet {source_id}.", ensure_ascii=False)
            lines += [f"  {item.key}:", "    attachments:", f"      - title: {title}", f"        external: {where}"]
        else:
            lines.append(f"  {item.key}: {{}}")
    return {target / "meeting.yaml": ("\n".join(lines) + "\n").encode("utf-8")}, problems


def last_meeting(root: Path, body_folder: Path) -> Path | None:
    """The body's latest meeting folder in the repository."""
    dated = [name for name in paths.listing(root, body_folder)
             if len(name) == 10 and name[4] == "-" and (body_folder / name / "meeting.yaml").is_file()]
    return body_folder / dated[-1] if dated else None
