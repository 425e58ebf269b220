"""Every goal prints each question exactly as the signed agreement (the seed) asks it.

The seeds vary the wording per goal (T&F 2023: the collaboration question with "Hvis ja,
lav aftale med disse.", with "Hvis ja, lav en aftale med dem." and without; goal 15 asks
two questions in its own words), which the rules' question variants express. The test
finds, in the seed's text of each goal, the printed question directly followed by the
first words of its printed answer, so a wording that is a prefix of the seed's (the
question without its "Hvis ja" sentence) fails too.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from markupsafe import Markup

from ia.pipeline import load
from ia.render.html import build_context, environment

ROOT = Path(__file__).resolve().parent.parent
SEED_FOLDERS = (ROOT.parent / "shared" / "seeds", ROOT.parents[1] / "shared" / "seeds")
SEEDS = {"csr-2026": "000_0567b93bff354d41.txt", "tf-2023": "001_9ce27fe62a67ffac.txt"}

# The seeds' own errors in a question, kept out of the generated text on purpose (the
# question's year is generated from the agreement's year, never typed): recorded here.
SEED_ERRORS = {
    ("csr-2026", 8): "Hvilket resultat vil vi opnå i 2025?",
    ("tf-2023", 15): "Hvilket resultat vil vi opnå i 2022?",
}

# The seed prints this goal's subtitle between its title and its first question; the
# source keeps it as the first paragraph of the answer, so the answer starts differently.
SUBTITLE_FIRST = {("csr-2026", 23)}


def _seed(name: str) -> str | None:
    for folder in SEED_FOLDERS:
        if (folder / name).is_file():
            return (folder / name).read_text(encoding="utf-8")
    return None


def _plain(text: str) -> str:
    text = re.sub(r"<[^>]+>", " ", str(text))
    text = text.replace("&amp;", "&").replace("•", " ").replace("\u2022", " ")
    return " ".join(text.split())


def _goal_blocks(seed: str) -> dict[int, str]:
    """The seed's text of each goal, from 'Mål nr. N' to the next goal, whitespace collapsed."""
    starts = [(m.start(), int(m.group(1))) for m in re.finditer(r"(?m)^\s*Mål nr\. (\d+)(?! og nr)", seed)]
    blocks = {}
    for i, (start, number) in enumerate(starts):
        end = starts[i + 1][0] if i + 1 < len(starts) else len(seed)
        blocks.setdefault(number, _plain(seed[start:end]))
    return blocks


@pytest.mark.parametrize("ref", sorted(SEEDS))
def test_questions_print_as_the_seed_asks_them(ref: str) -> None:
    seed = _seed(SEEDS[ref])
    if seed is None:
        pytest.skip(f"seed {SEEDS[ref]} is not present at ../shared/seeds")
    result = load(ROOT, ref)
    assert result.agreement is not None and not result.errors
    blocks = _goal_blocks(seed)
    context = build_context(result.agreement, env=environment())
    wrong = []
    for chapter in context["chapters"]:
        for area in chapter.areas:
            for goal in area.goals:
                block = blocks[goal.number]
                for question, answer, _unknown in goal.answers:
                    first = _plain(Markup(answer)).split()[:1]
                    printed = " ".join([_plain(question), *first])
                    # The signed text, where it differs from the question only by its recorded error.
                    signed = SEED_ERRORS.get((ref, goal.number), "")
                    kept = signed[:-6] == question[:-6] and " ".join([signed, *first]) in block
                    moved = (ref, goal.number) in SUBTITLE_FIRST and _plain(question) in block
                    if printed not in block and not kept and not moved:
                        wrong.append(f"mål nr. {goal.number}: {printed!r}")
    assert not wrong, "\n".join(wrong)
