"""Read and validate an agreement's follow-up files, through the repository's path rule."""

from __future__ import annotations

from pathlib import Path

from ia import paths
from ia.diagnostics import Diagnostic, Span, relpath
from ia.document import Agreement, Section
from ia.followup import EDITION_PREFIX, PERIODS, file_name
from ia.followup.document import FollowUp
from ia.followup.model import FollowUpMeta
from ia.markdown import parse
from ia.source.documents import yaml_doc
from ia.source.folder import _read_text
from ia.validate import model_family, model_from


# An unknown key in a follow-up is compared with the follow-up's own keys.
_FAMILY = model_family(FollowUpMeta)


def read_followups(root: Path, agreement: Agreement) -> tuple[dict[str, FollowUp], list[Diagnostic]]:
    """Read every follow-up beside the agreement's agreement.yaml; problems become diagnostics.

    A file named like a follow-up for a period that does not exist (a typo such as
    'opfoelgning-midtvej.yaml') is reported rather than silently left out of the reports.
    """
    root = root.resolve()
    folder = root / agreement.folder
    found: dict[str, FollowUp] = {}
    diagnostics: list[Diagnostic] = []
    known = {file_name(period): period for period in PERIODS}
    for name in paths.listing(root, folder):
        if not (name.startswith(EDITION_PREFIX) and name.endswith((".yaml", ".yml"))):
            continue
        path = folder / name
        period = known.get(name)
        if period is None:
            diagnostics.append(Diagnostic("IA560", Span(relpath(path, root)),
                                          {"found": name, "expected": ", ".join(known)}))
            continue
        text = _read_text(root, path)
        if isinstance(text, Diagnostic):
            diagnostics.append(text)
            continue
        doc = yaml_doc(relpath(path, root), text)
        meta = model_from(doc, FollowUpMeta, diagnostics, family=_FAMILY)
        if meta is None:
            continue
        followup = FollowUp(period, doc.path, meta, doc.positions)
        for key, goal in meta.goals.items():
            if goal.explanation is None:
                continue
            mark = doc.positions.find(("goals", key, "explanation"))
            line = mark.line if mark else 1
            # A block scalar (`explanation: |`) starts on the line after its key.
            first = line + 1 if 0 < line <= len(doc.lines) and doc.lines[line - 1].rstrip().endswith(("|", ">", "|-", ">-")) else line
            tokens, env = parse(goal.explanation, first_line=first, doc_id=f"opfoelgning-{key}")
            followup.explanations[key] = Section(doc.path, first, tokens, env, key=key, lines=doc.lines)
        found[period] = followup
    return found, diagnostics
