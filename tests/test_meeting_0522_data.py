"""Check the transcribed DAS Social meeting of 22.05.2025 against seed 004.

Nothing in `ia/` reads `meetings/` yet; until the meeting kind exists, this test keeps the
data honest. It generates the agenda the way the source format says (standing first items
from body.yaml, then the item files in order, then standing last items) and walks the
seed's pages of 22.05.2025 from start to end: every generated "Punkt N.", title, case
number, section label, paragraph, list item, table row, proposal, attachment and decision
must come next in the seed, and nothing but page furniture and labels may lie between them.
A changed word, a dropped or moved paragraph or a wrong item number fails it.
docs/transcription/das-social-2025-05-22.md explains each choice the data makes.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
BODY_DIR = ROOT / "meetings" / "das-social"
MEETING_DIR = BODY_DIR / "2025-05-22"
ITEMS_DIR = MEETING_DIR / "items"
# The seeds sit next to the repository (../shared/seeds); a git worktree is one level deeper.
SEED_NAME = "004_50776afd4c5f1fe6.txt"
SEED_FOLDERS = (ROOT.parent / "shared" / "seeds", ROOT.parents[1] / "shared" / "seeds")
SEED = next((folder / SEED_NAME for folder in SEED_FOLDERS if (folder / SEED_NAME).is_file()),
            SEED_FOLDERS[0] / SEED_NAME)
RUNNING_HEADER = re.compile(r"^\s*Mødet den (\d\d\.\d\d\.\d{4}) DAS Social\s*$")

SECTIONS = ["Resumé", "Baggrund", "Sagsfremstilling", "Indstilling", "Beslutning"]
# How the seed labels each section; items 5-8, 11 and 12 print "Resume" without the accent.
SECTION_LABELS = {
    "Resumé": r"Resum[eé]",
    "Baggrund": r"Baggrund",
    "Sagsfremstilling": r"Sagsfremstilling",
    "Indstilling": r"Indstilling",
    "Beslutning": r"Beslutning:",
}
# What may stand between two transcribed pieces: labels the generator prints itself, bullet
# characters and the extraction's page furniture.
FURNITURE = re.compile(
    r"(?:Mødet den 22\.05\.2025 DAS Social|Åben|Side \d+Side \d+|[•◦-]|\s)*"
)
FRONT_KEYS = {"title", "case", "access", "presenters", "attachments", "notes", "subitems", "accepted"}
CASE = re.compile(r"^\d{4}-\d{6}$")

# The seed's items of 22.05.2025, "Punkt 1." to "Punkt 15.", as printed.
SEED_TITLES = [
    "Godkendelse af dagsorden",
    "Godkendelse af referat fra seneste møde",
    "Opfølgning på Komponentanalysen; forslag fra chefgruppen",
    "Temadag vedr. inddragelse af frivillige og civilsamfundet samt brugen af peer-to-peer",
    "Årsrapporter for tilbud under det forstærkede samarbejde 2024",
    "Mini guide vedr. borgere med udviklingshæmning og dom",
    "Samarbejdsmodel for levering af sundhedsydelser på botilbud",
    "Opfølgning på rapport om lands- og landsdelsdækkende tilbud 2024",
    "Temadrøftelser i DAS",
    "Resultaterne af NATKOs tilbudsmonitorering",
    "Årsrapport fra Socialtilsyn Nord 2024",
    "Møde i Dialogforum mellem Ankestyrelsen og kommunerne",
    "Orienteringspunkter",
    "Eventuelt",
    "Næste møde",
]


def norm(text: str) -> str:
    """Collapse every run of whitespace (the extraction's line ends and double spaces) to one space."""
    return " ".join(text.split())


def load_yaml(path: Path) -> Any:
    """Parse one YAML file."""
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def split_front_matter(path: Path) -> tuple[dict[str, Any], str]:
    """Split an item file into its parsed front matter and its Markdown body."""
    text = path.read_text(encoding="utf-8")
    match = re.match(r"---\n(.*?)\n---\n(.*)", text, re.S)
    assert match, f"{path.name}: no front matter"
    front = yaml.safe_load(match.group(1))
    assert isinstance(front, dict), f"{path.name}: front matter is not a mapping"
    return front, match.group(2)


@dataclass
class Block:
    """One piece of an item body: a section heading, sub-heading or text to find in the seed."""

    kind: str  # "section", "subheading" or "text"
    text: str


def blocks(markdown: str) -> list[Block]:
    """Read an item body into sections, sub-headings and text pieces, markup removed.

    A text piece is a paragraph, one list item (an ordered item keeps its number, as the seed
    prints it) or one table row (its cells joined by a space); table separators and empty
    header rows are markup only.
    """
    out: list[Block] = []
    open_text = False
    for raw in markdown.splitlines():
        line = raw.strip()
        if not line:
            open_text = False
            continue
        if heading := re.fullmatch(r"(#{2,3})(?: (.*))?", line):
            kind = "section" if heading.group(1) == "##" else "subheading"
            out.append(Block(kind, (heading.group(2) or "").strip()))
            open_text = False
            continue
        if line.startswith("|"):
            cells = [cell.strip() for cell in line.strip("|").split("|")]
            if all(re.fullmatch(r":?-*:?", cell) for cell in cells):
                continue  # the separator row, or a header row without words
            out.append(Block("text", " ".join(cells)))
            open_text = False
            continue
        if bullet := re.fullmatch(r"[-*] (.*)", line):
            out.append(Block("text", bullet.group(1)))
            open_text = True
            continue
        if re.fullmatch(r"\d+\. .*", line):
            out.append(Block("text", line))
            open_text = True
            continue
        if open_text:
            out[-1].text += " " + line
        else:
            out.append(Block("text", line))
            open_text = True
    for block in out:
        block.text = norm(block.text)
    return out


@dataclass
class Item:
    """One generated agenda item: its number, title and the pieces the seed prints for it."""

    number: int
    title: str
    source: str  # the file it comes from, for messages
    pieces: list[str]  # regular expressions, in the seed's order


def lit(text: str) -> str:
    """Return a pattern matching the text exactly, whitespace-normalised."""
    return re.escape(norm(text))


def proposals_pieces(lead: str, proposals: list[str]) -> list[str]:
    """Return the patterns of an Indstilling: its label, the body's lead and numbered proposals."""
    return [SECTION_LABELS["Indstilling"], lit(lead)] + [
        lit(f"{number}. {text}") for number, text in enumerate(proposals, start=1)
    ]


def attachment_pieces(attachments: list[str | dict[str, str]]) -> list[str]:
    """Return the patterns of a Bilag list (an entry is a title, or a title with where the attachment is)."""
    titles = [entry["title"] if isinstance(entry, dict) else entry for entry in attachments]
    return ["Bilag:"] + [lit(title) for title in titles] if titles else []


def standing_item(number: int, spec: dict[str, Any], own: dict[str, Any], lead: str) -> Item:
    """Build a standing item from the body's definition and the meeting's own part of it."""
    pieces = [lit(f"Punkt {number}."), lit(spec["title"])]
    if "text" in own:
        pieces.append(lit(own["text"]))
    if spec.get("proposals"):
        pieces += proposals_pieces(lead, spec["proposals"])
    pieces += attachment_pieces(own.get("attachments", []))
    pieces += [SECTION_LABELS["Beslutning"], lit(own["decision"])]
    return Item(number, spec["title"], f"standing item {spec['key']}", pieces)


def file_item(number: int, path: Path, lead: str) -> Item:
    """Build an item from its Markdown file, checking its shape on the way."""
    front, body = split_front_matter(path)
    assert set(front) <= FRONT_KEYS, f"{path.name}: unknown keys {set(front) - FRONT_KEYS}"
    assert front["access"] in ("åben", "lukket"), path.name
    pieces = [lit(f"Punkt {number}."), lit(front["title"])]
    if "case" in front:
        assert isinstance(front["case"], str) and CASE.fullmatch(front["case"]), path.name
        pieces.append(lit(front["case"]))
    for key in ("presenters", "attachments", "notes"):
        assert isinstance(front.get(key, []), list), f"{path.name}: {key} is not a list"
    parsed = blocks(body)
    sections = [block.text for block in parsed if block.kind == "section"]
    assert sections == [name for name in SECTIONS if name in sections], (
        f"{path.name}: sections {sections} not in the order {SECTIONS}")
    assert "Indstilling" in sections, f"{path.name}: no Indstilling"
    subitem = 0
    section = ""
    for block in parsed:
        if block.kind == "section":
            section = block.text
            if section == "Indstilling":
                pieces += [SECTION_LABELS[section], lit(lead)]
            elif section == "Beslutning":
                pieces += attachment_pieces(front.get("attachments", []))
                pieces.append(SECTION_LABELS[section])
            else:
                pieces.append(SECTION_LABELS[section])
        elif block.kind == "subheading" and front.get("subitems"):
            subitem += 1
            label = f"Punkt {number}.{subitem}"
            pieces.append(lit(f"{label} - {block.text}" if block.text else label))
        else:
            assert block.text, f"{path.name}: an empty heading outside a sub-item"
            if section == "Indstilling":
                assert re.fullmatch(r"\d+\. .*", block.text), (
                    f"{path.name}: the Indstilling holds more than numbered proposals: {block.text}")
            pieces.append(lit(block.text))
    if "Beslutning" not in sections:
        pieces += attachment_pieces(front.get("attachments", []))
    return Item(number, front["title"], path.name, pieces)


def agenda() -> list[Item]:
    """Generate the meeting's items in order, numbered the way the source format says."""
    body = load_yaml(BODY_DIR / "body.yaml")
    meeting = load_yaml(MEETING_DIR / "meeting.yaml")
    lead = body["proposal_lead"]
    standing = body["standing_items"]
    own = meeting.get("standing", {})
    first = [spec for spec in standing if spec["position"] == "first"]
    last = [spec for spec in standing if spec["position"] == "last"]
    items: list[Item] = []
    for spec in first:
        items.append(standing_item(len(items) + 1, spec, own[spec["key"]], lead))
    for path in sorted(ITEMS_DIR.glob("*.md")):
        items.append(file_item(len(items) + 1, path, lead))
    for spec in last:
        items.append(standing_item(len(items) + 1, spec, own[spec["key"]], lead))
    return items


def seed_pages(date: str) -> str:
    """Return the seed's pages of one meeting, running headers removed, in seed order."""
    kept: list[str] = []
    keep = False
    for line in SEED.read_text(encoding="utf-8").splitlines():
        if header := RUNNING_HEADER.match(line):
            keep = header.group(1) == date
            continue
        if keep:
            kept.append(line)
    return norm("\n".join(kept))


def test_body_and_meeting_parse() -> None:
    body = load_yaml(BODY_DIR / "body.yaml")
    assert body["key"] == "das-social" and body["short"] == "DAS Social"
    assert body["name"] == "Den Administrative Styregruppe"
    assert [spec["key"] for spec in body["standing_items"]] == [
        "godkendelse-af-dagsorden", "godkendelse-af-referat", "eventuelt", "naeste-moede"]
    assert [spec["position"] for spec in body["standing_items"]] == ["first", "first", "last", "last"]
    meeting = load_yaml(MEETING_DIR / "meeting.yaml")
    assert meeting["body"] == "das-social"
    assert meeting["date"] == MEETING_DIR.name == "2025-05-22"
    assert meeting["previous_meeting"] < meeting["date"]
    assert set(meeting["standing"]) == {spec["key"] for spec in body["standing_items"]}


def test_items_in_the_seed_order_and_numbering() -> None:
    items = agenda()
    assert [item.title for item in items] == SEED_TITLES
    # The file prefix only orders the files; here it also equals the generated number.
    for item in items:
        if item.source.endswith(".md"):
            assert item.source.startswith(f"{item.number:02d}-"), item.source


@pytest.mark.skipif(not SEED.is_file(), reason="seed 004 is not next to the repository")
def test_every_piece_stands_in_the_seed_in_order_and_nothing_is_left_out() -> None:
    seed = seed_pages("22.05.2025")
    assert seed, "no page of 22.05.2025 found in the seed"
    cursor = 0
    for item in agenda():
        for pattern in item.pieces:
            found = re.compile(pattern).search(seed, cursor)
            assert found, f"{item.source} (Punkt {item.number}): not in the seed after "\
                f"{seed[cursor:cursor + 80]!r}: {pattern[:120]}"
            gap = seed[cursor:found.start()]
            assert FURNITURE.fullmatch(gap), (
                f"{item.source} (Punkt {item.number}): the seed has {gap[:300]!r} before "
                f"{pattern[:80]} that the transcription does not hold")
            cursor = found.end()
    assert FURNITURE.fullmatch(seed[cursor:]), f"left in the seed: {seed[cursor:cursor + 300]!r}"


def test_the_walk_catches_a_changed_word_and_a_dropped_paragraph(monkeypatch: pytest.MonkeyPatch) -> None:
    """Prove the seed walk is not vacuous: a changed word or a dropped paragraph fails it."""
    if not SEED.is_file():
        pytest.skip("seed 004 is not next to the repository")
    original = blocks

    def changed_word(markdown: str) -> list[Block]:
        return [Block(b.kind, b.text.replace("Komponentanalysen", "Komponentanalysen2"))
                for b in original(markdown)]

    def dropped_paragraph(markdown: str) -> list[Block]:
        out = original(markdown)
        return [b for b in out if not b.text.startswith("Dorte Juul Hansen tilføjede")]

    for fake in (changed_word, dropped_paragraph):
        monkeypatch.setattr(sys.modules[__name__], "blocks", fake)
        with pytest.raises(AssertionError):
            test_every_piece_stands_in_the_seed_in_order_and_nothing_is_left_out()
        monkeypatch.setattr(sys.modules[__name__], "blocks", original)


def test_presenters_and_notes_are_named_in_the_item_they_belong_to() -> None:
    # The seed prints no presenter line; a presenter is someone the item's own text says
    # presents it, spelled as that text spells the name.
    for path in sorted(ITEMS_DIR.glob("*.md")):
        front, body = split_front_matter(path)
        before_decision = norm(body.split("## Beslutning")[0])
        for name in front.get("presenters", []):
            assert name in before_decision, f"{path.name}: presenter {name!r} not named in the item"
        for note in front.get("notes", []) if SEED.is_file() else []:
            assert norm(note) in seed_pages("22.05.2025"), f"{path.name}: note {note!r} not in the seed"
