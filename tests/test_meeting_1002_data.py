"""Check the transcription of the DAS Social meeting of 02.10.2025 against seed 004.

Nothing in `ia/` reads `meetings/` yet; until the meeting kind exists, this test keeps the data
honest in both directions:
- every paragraph, list item and table cell of every item (and of its attachment files) stands
  word for word in the seed, so a changed word fails;
- every stretch of the seed's lines for an item is found again in that item, so a dropped
  paragraph fails.
Whitespace is normalised away on both sides (the extraction breaks lines and pads with spaces),
and so are hyphens and en dashes (the transcription rejoins words hyphenated at a line end; the
seed uses dashes as bullets). The seed line
ranges are those in docs/transcription/das-social-2025-10-02.md.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
MEETING = ROOT / "meetings" / "das-social" / "2025-10-02"
ITEMS = MEETING / "items"
SEED_NAME = "004_50776afd4c5f1fe6.txt"
# The seeds sit next to the repository (../shared/seeds); a git worktree is one level deeper.
SEED_FOLDERS = (ROOT.parent / "shared" / "seeds", ROOT.parents[1] / "shared" / "seeds")
SEED = next((folder / SEED_NAME for folder in SEED_FOLDERS if (folder / SEED_NAME).is_file()),
            SEED_FOLDERS[0] / SEED_NAME)

SECTIONS = ["Resumé", "Baggrund", "Sagsfremstilling", "Indstilling", "Beslutning"]
FRONT_KEYS = {"title", "case", "access", "presenters", "attachments", "notes", "accepted"}
# Seed lines (1-based, inclusive) of each agenda item of 02.10.2025, by the seed's "Punkt N.".
SEED_RANGES: dict[int, tuple[int, int]] = {
    1: (1, 17), 2: (18, 39),
    3: (1114, 1514), 4: (1515, 1706), 5: (1707, 2029), 6: (2030, 2175), 7: (2176, 2257),
    8: (2258, 2483), 9: (2484, 2606), 10: (2607, 2733), 11: (2734, 3221), 12: (3222, 3758),
    13: (3759, 4252), 14: (4253, 4357), 15: (4358, 4440), 16: (4441, 4451), 17: (4452, 4464),
}
STANDING_FIRST = {1: "godkendelse-af-dagsorden", 2: "godkendelse-af-referat"}
STANDING_LAST = {16: "eventuelt", 17: "naeste-moede"}
# Text of the standing items that comes from the body (MEETINGS-FORMAT.md), not the meeting.
BODY_TEXT = [
    "Godkendelse af dagsorden", "Indstilling", "1. Godkender dagsordenen",
    "Godkendelse af referat fra seneste møde", "1. Godkender referatet", "Eventuelt", "Næste møde",
]
# Seed lines that are page furniture or labels the format generates (heading, lead sentence).
FURNITURE = re.compile(
    r"^\s*(Mødet den \d\d\.\d\d\.\d{4} DAS Social|Åben|\d{1,2}|Side \d+ af \d+|Punkt \d+\."
    r"|Resume|Baggrund|Sagsfremstilling|Indstilling|Beslutning:|Bilag:|Det indstilles, at Den Administrative Styregruppe|-+)\s*$"
)
# A fragment of seed text this short may stay unmatched: the pieces of a flattened table header
# that the rebuilt table arranges differently.
LEFTOVER = 12
# Sentences the seed interrupts — a table cell interleaved with other columns' text, a paragraph
# broken by a page's footnotes and running header — as (end of one seed stretch, start of the
# next): the text is checked as the two stretches.
INTERLEAVED = [
    ("i 2024. Dette", "er sket, selvom"),
    ("i et åbent tilbud.", "Ifølge styregruppen vil"),
    ("udfordring for tilbuddets", "forudsætninger for at kunne"),
    ("at den gravide også kan henvende sig", "direkte uden henvisning"),
    ("fortsat bør opdateres", "ift. udviklingen i 2025"),
    ("kan udnytte de", "velfærdsteknologiske muligheder"),
    ("hvordan der arbejdes", "med velfærdsteknologi"),
    ("med udviklingshandicap samt", "misbrug, psykiatriske"),
    ("godkendt på FU-møde den", "30.04.25."),
]
TABLE_RULE = re.compile(r"^\|?[\s:|-]+\|?$")


def norm(text: str) -> str:
    """Return `text` without whitespace, hyphens and Markdown/bullet markup, for comparison."""
    text = re.sub(r"(?m)^\s*(- |•|-\u00a0|-\s)", "", text)
    text = re.sub(r"\\(.)", r"\1", text.replace("<br>", " "))
    # Markdown footnotes: the seed prints the marker as a plain digit.
    text = re.sub(r"\[\^(\d+)\]:?", r"\1", text)
    return re.sub(r"[\s\u00a0\-–•|#*]", "", text)


def seed_lines() -> list[str]:
    """Return the seed's lines, or skip the test when the seed is not next to the repository."""
    if not SEED.is_file():
        pytest.skip(f"seed {SEED_NAME} not found next to the repository")
    return SEED.read_text(encoding="utf-8").split("\n")


def split_front(path: Path) -> tuple[dict[str, Any], str]:
    """Return a Markdown file's front matter (parsed) and its body."""
    text = path.read_text(encoding="utf-8")
    match = re.match(r"---\n(.*?)\n---\n(.*)\Z", text, re.S)
    assert match, f"{path}: no front matter"
    front = yaml.safe_load(match.group(1))
    assert isinstance(front, dict), f"{path}: front matter is not a mapping"
    return front, match.group(2)


def item_files() -> list[Path]:
    """Return the item files in order."""
    return sorted(ITEMS.glob("*.md"))


def attachment_files(item: Path) -> list[Path]:
    """Return the transcribed attachments of an item (the folder named like the item)."""
    folder = item.with_suffix("")
    return sorted(folder.glob("*.md")) if folder.is_dir() else []


def cells(line: str) -> list[str]:
    """Return the non-empty cells of a pipe-table row, split where the seed interleaved them."""
    return [cell for cell in interrupted(line).strip().strip("|").split("|") if cell.strip()]


def interrupted(text: str) -> str:
    """Return `text` with a "|" where the seed interrupts it (INTERLEAVED)."""
    for end, start in INTERLEAVED:
        text = text.replace(f"{end} {start}", f"{end}|{start}")
    return text


def header_cells(body: str) -> list[str]:
    """Return the cells of every table's header row (they may join several seed lines)."""
    return [cell for block in re.split(r"\n\s*\n", body)
            if block.lstrip().startswith("|") for cell in cells(block.strip().split("\n")[0])]


def pieces(body: str) -> list[str]:
    """Return the body's paragraphs, list items and table body cells as comparable text."""
    out: list[str] = []
    for block in re.split(r"\n\s*\n", body):
        lines = [line for line in block.split("\n") if line.strip()]
        if not lines or lines[0][3:] in SECTIONS and lines[0].startswith("## "):
            continue
        if lines[0].lstrip().startswith("|"):
            for line in lines[1:]:
                if not TABLE_RULE.match(line.strip()):
                    out.extend(cells(line))
            continue
        # A list block: one piece per item.
        current: list[str] = []
        for line in lines:
            if re.match(r"^\s*(- |\d+\. )", line) and current:
                out.append(" ".join(current))
                current = []
            current.append(line.strip())
        out.append(" ".join(current))
    return [part for p in out for part in interrupted(p).split("|") if norm(part)]


def strings(value: Any) -> list[str]:
    """Return every string inside a YAML value."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for v in value.values() for s in strings(v)]
    if isinstance(value, list):
        return [s for v in value for s in strings(v)]
    return []


def load_meeting() -> dict[str, Any]:
    """Return meeting.yaml parsed."""
    data = yaml.safe_load((MEETING / "meeting.yaml").read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def item_number(path: Path) -> int:
    """Return the number an item file gets: the standing first items, then the files in order."""
    return len(STANDING_FIRST) + item_files().index(path) + 1


def attachment_titles(front: dict) -> list[str]:
    """Return the titles of an item's Bilag list (an entry is a title, or a title with where it is)."""
    return [entry["title"] if isinstance(entry, dict) else entry for entry in front.get("attachments") or []]


def item_pieces(path: Path) -> list[str]:
    """Return the comparable pieces of an item: front matter strings, body, attachments."""
    front, body = split_front(path)
    found = [s for key in ("title", "case", "notes", "presenters") for s in strings(front.get(key))]
    found += attachment_titles(front)
    found += pieces(body)
    for attachment in attachment_files(path):
        a_front, a_body = split_front(attachment)
        found += strings(a_front.get("title")) + pieces(a_body)
    return found


def test_meeting_yaml() -> None:
    meeting = load_meeting()
    assert meeting["body"] == "das-social"
    assert meeting["date"] == "2025-10-02"
    assert set(meeting["standing"]) == set(STANDING_FIRST.values()) | set(STANDING_LAST.values())
    for key, entry in meeting["standing"].items():
        assert isinstance(entry.get("decision"), str) and entry["decision"], key


def test_items_in_order_with_unique_prefixes() -> None:
    files = item_files()
    assert files, "no items"
    prefixes = [int(path.name[:2]) for path in files]
    assert all(re.match(r"\d\d-[a-z0-9-]+\.md$", path.name) for path in files)
    assert len(set(prefixes)) == len(prefixes)
    assert prefixes == sorted(prefixes)
    # The generated numbers equal the seed's "Punkt N.": 3, 4, … with no gap.
    assert prefixes == list(range(3, 3 + len(files)))
    for path in files:
        front, body = split_front(path)
        assert set(front) <= FRONT_KEYS, path
        assert front["access"] in ("åben", "lukket")
        assert "case" not in front or re.fullmatch(r"\d{4}-\d{6}", front["case"]), path
        headings = re.findall(r"(?m)^## (.+)$", body)
        assert headings == [h for h in SECTIONS if h in headings], f"{path}: {headings}"
        assert "Indstilling" in headings and "Beslutning" in headings, path
        indstilling = body.split("## Indstilling\n", 1)[1].split("\n## ", 1)[0]
        assert re.search(r"(?m)^1\. ", indstilling), f"{path}: no numbered proposals"
        for attachment in attachment_files(path):
            assert split_front(attachment)[0]["title"] in attachment_titles(front), attachment


def test_titles_are_the_seeds() -> None:
    lines = seed_lines()
    for path in item_files():
        number = item_number(path)
        start, end = SEED_RANGES[number]
        block = "\n".join(lines[start - 1:end])
        assert f"Punkt {number}." in block, path
        assert norm(split_front(path)[0]["title"]) in norm(block), path


def seed_norm(lines: list[str], start: int, end: int) -> list[str]:
    """Return the normalised seed lines of a range without page furniture and labels."""
    return [norm(line) for line in lines[start - 1:end] if not FURNITURE.match(line)]


def test_every_piece_is_in_the_seed() -> None:
    lines = seed_lines()
    whole = "".join(seed_norm(lines, 1, len(lines)))
    problems = []
    for path in item_files():
        for piece in item_pieces(path):
            if norm(piece) not in whole:
                problems.append(f"{path.name}: {piece[:120]}")
        # A header cell may join lines the extraction split: each of its words is in the item.
        start, end = SEED_RANGES[item_number(path)]
        item_seed = "".join(seed_norm(lines, start, end))
        for text in [split_front(p)[1] for p in [path, *attachment_files(path)]]:
            for cell in header_cells(text):
                problems += [f"{path.name}: header {cell}: {word}" for word in cell.split()
                             if norm(word) not in item_seed]
    # What the transcription adds is not the seed's: where an attachment is, why a placeholder stands.
    standing = {key: {field: value for field, value in part.items() if field != "accepted"}
                for key, part in load_meeting()["standing"].items()}
    for part in standing.values():
        part["attachments"] = attachment_titles(part)
    for value in strings(standing):
        if norm(value) not in whole:
            problems.append(f"meeting.yaml: {value}")
    assert not problems, "\n".join(problems)


def leftovers(seed_text: str, found: list[str], table_words: list[str]) -> list[str]:
    """Return the stretches of `seed_text` that no piece of the transcription covers."""
    rest = seed_text
    for piece in sorted({norm(p) for p in found if norm(p)}, key=len, reverse=True):
        rest = rest.replace(piece, "\x00")
    fragments = [f for f in rest.split("\x00") if len(f) > LEFTOVER]
    left = []
    for fragment in fragments:
        for word in sorted({norm(w) for w in table_words if norm(w)}, key=len, reverse=True):
            fragment = fragment.replace(word, "\x00")
        left += [f for f in fragment.split("\x00") if len(f) > LEFTOVER]
    return left


def test_nothing_of_the_seed_is_dropped() -> None:
    lines = seed_lines()
    meeting = load_meeting()
    problems = []
    for path in item_files():
        start, end = SEED_RANGES[item_number(path)]
        seed_text = "".join(seed_norm(lines, start, end))
        texts = [path.read_text(encoding="utf-8")] + [
            a.read_text(encoding="utf-8") for a in attachment_files(path)]
        table_words = [w for text in texts for line in text.split("\n") if line.startswith("|")
                       for w in line.replace("|", " ").split()]
        for fragment in leftovers(seed_text, item_pieces(path), table_words):
            problems.append(f"{path.name} (seed {start}-{end}): {fragment[:120]}")
    for number, key in {**STANDING_FIRST, **STANDING_LAST}.items():
        start, end = SEED_RANGES[number]
        seed_text = "".join(seed_norm(lines, start, end))
        found = BODY_TEXT + strings(meeting["standing"].get(key))
        for fragment in leftovers(seed_text, found, []):
            problems.append(f"standing {key} (seed {start}-{end}): {fragment[:120]}")
    assert not problems, "\n".join(problems)
