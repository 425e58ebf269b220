from decimal import Decimal

import pytest

from ia.render.numbers import as_written, number, percent

CASES = [
    (50204563, 0, "50.204.563"), (Decimal("597.34"), 2, "597,34"), (-30749, 0, "\u221230.749"),
    (Decimal("8.48"), 2, "8,48"), (0, 0, "0"), (Decimal("71.00"), 2, "71,00"), (1173, 0, "1.173"),
]


@pytest.mark.parametrize(("value", "decimals", "expected"), CASES)
def test_danish_notation(value, decimals, expected):
    assert number(value, decimals) == expected


def test_as_written_keeps_the_editors_decimals():
    assert as_written(Decimal("9.5")) == "9,5"
    assert as_written(Decimal("198.29")) == "198,29"
    assert as_written(10) == "10"


def test_percent_uses_a_non_breaking_space():
    assert percent(86) == "86\u00a0%"
