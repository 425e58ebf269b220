"""One file's failure hides no other file's problems: checks declare the parts they need."""

from __future__ import annotations

import pytest

from ia.checks import CHECKS
from ia.checks._needs import PARTS, needed, needs
from ia.pipeline import load


def test_every_check_declares_what_it_needs():
    # A check that declares nothing is skipped whenever any part is unknown (safe, but it
    # then hides its problems behind another file's failure): declare it with @needs(...).
    undeclared = [check.__name__ for check in CHECKS if not hasattr(check, "needs")]
    assert not undeclared, f"add @needs(...) to {undeclared}"
    assert all(needed(check) <= PARTS for check in CHECKS)


def test_an_undeclared_check_needs_every_part():
    def check(agreement):
        return []

    assert needed(check) == PARTS
    assert needed(needs("rules")(check)) == {"rules"}
    with pytest.raises(ValueError):
        needs("rulez")


# A break that makes each file fail on its own, and a problem in each file that a check
# finds without needing any of the others.
FAILS = {
    "agreements/2026/demo/agreement.yaml": ("unit_short: CD", "unit_short: CD: x"),
    "agreements/2026/rules.yaml": ("year: 2026", "year: 2026\n\tx"),
    "agreements/2026/_shared/effect_goals.yaml": ("effect_goals:", "effect_goals: x: y"),
    "agreements/2026/demo/interventions.yaml": ("interventions:", "interventions: x: y"),
    "agreements/2026/demo/tables/budget.yaml": ("unit: 1.000 kr.", "unit: 1.000 kr.: x"),
    "agreements/2026/demo/goals/02-dokumentation.md": ("scope: lokalt", "scope: lokalt: x"),
    "agreements/2026/demo/chapters/03-maal.md": ("goals: true", "goals: true: x"),
}
FINDS = {
    "agreements/2026/demo/agreement.yaml": (("cc@aabenraa.dk", "cc@aabenraa"), "IA701"),
    "agreements/2026/demo/tables/planer.yaml": (("[\"2021\", 2335]", "[\"2021\", \"2.335\"]"), "IA213"),
    "agreements/2026/demo/goals/01-handlemuligheder.md": (("svarende til 2 %", "svarende til [2 %](aabenraa)"), "IA703"),
    "agreements/2026/demo/goals/03-teknologi.md": (("i brug.", "i brug. Hvilket resultat vil vi opnå i 2025?"), "IA401"),
    "agreements/2026/demo/chapters/01-indledning.md": (("1. januar 2026.", "1. januar 2026. [Se](aabenraa)"), "IA703"),
    "agreements/2026/_shared/chapters/rammer.md": (("Fælles afsluttende tekst.", "Se [her](aabenraa)."), "IA703"),
    "agreements/2026/demo/interventions.yaml": (("Træning i eget hjem.", "Træning i [eget hjem](aabenraa)."), "IA703"),
}
PAIRS = [(broken, found) for broken in FAILS for found in FINDS if broken != found]


@pytest.mark.parametrize(("broken", "found"), PAIRS, ids=[f"{b.rsplit('/', 1)[-1]}+{f.rsplit('/', 1)[-1]}" for b, f in PAIRS])
def test_a_failing_file_hides_no_other_files_problem(tiny, broken, found):
    for path, (old, new) in ((broken, FAILS[broken]), (found, FINDS[found][0])):
        target = tiny / path
        text = target.read_text(encoding="utf-8")
        assert old in text, (path, old)
        target.write_text(text.replace(old, new, 1), encoding="utf-8")
    diagnostics = load(tiny, "demo-2026").diagnostics
    codes = {(d.span.path, d.code) for d in diagnostics}
    assert any(path == broken and d.is_error for d in diagnostics for path in [d.span.path]), codes
    assert (found, FINDS[found][1]) in codes, sorted(codes)
