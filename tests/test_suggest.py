"""Did-you-mean hints: close names are suggested, the rejected name never is."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from ia.suggest import closest


def test_suggests_the_close_name():
    assert closest("unit_shrt", ["unit_short", "unit_name"]) == "unit_short"
    assert closest("Målingen", ["Resultat", "Måling", "Samarbejde"]) == "Måling"
    assert closest("Lokalt", ["lokalt", "tværgående"]) == "lokalt"


def test_never_suggests_the_rejected_name():
    assert closest("indicator", ["indicator", "indicator_label"]) == "indicator_label"
    assert closest("rows", ["rows"]) is None


@given(st.text(max_size=12), st.lists(st.text(max_size=12), max_size=8))
def test_the_rejected_name_is_never_the_suggestion(found, candidates):
    assert closest(found, [*candidates, found]) != found
