from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ia.numbers import as_written, labelled_phones, number, percent, phone

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


def _babel(value, decimals: int) -> str:
    """Babel's da_DK `#,##0.00`, as `number` used it before it was written out (the reference)."""
    from decimal import localcontext

    from babel.numbers import format_decimal

    pattern = "#,##0" + ("." + "0" * decimals if decimals else "")
    with localcontext() as context:
        context.prec = 60
        return format_decimal(value, format=pattern, locale="da_DK", decimal_quantization=True).replace("-", "\u2212")


def _either(function, *args) -> str:
    try:
        return function(*args)
    except Exception as error:  # noqa: BLE001 - the same failure counts as the same answer
        return type(error).__name__


@pytest.mark.parametrize("value", [
    0, -0, Decimal("-0"), Decimal("-0.4"), Decimal("0.5"), Decimal("2.5"), Decimal("-2.5"), Decimal("1234567.895"),
    Decimal("1E+5"), Decimal("1E-7"), Decimal("123.4500"), 10**30, -(10**30), 10**59, Decimal("9" * 70),
    Decimal("Infinity"), Decimal("-Infinity"), Decimal("NaN"), 1.5, -2.25, 0.1, 1e20,
])
@pytest.mark.parametrize("decimals", [0, 1, 2, 4])
def test_number_is_babels_danish_notation_at_the_edges(value, decimals):
    assert _either(number, value, decimals) == _either(_babel, value, decimals)


@given(st.decimals(allow_nan=False, allow_infinity=False) | st.integers() | st.floats(allow_nan=False),
       st.integers(min_value=0, max_value=6))
def test_number_is_babels_danish_notation(value, decimals):
    assert _either(number, value, decimals) == _either(_babel, value, decimals)


def _read_back(text: str):
    """Read a printed Danish figure back as a number: 2.677,5 → 2677.5, −3 → -3."""
    from decimal import Decimal

    return Decimal(text.replace(".", "").replace(",", ".").replace("\u2212", "-"))


@given(st.integers(min_value=-10**12, max_value=10**12), st.integers(min_value=0, max_value=5),
       st.integers(min_value=0, max_value=4))
def test_a_figure_prints_as_typed_or_is_reported(digits, typed, decimals):
    """The class behind IA219: whatever is typed in a number column either prints as the
    same number or is reported; it is never rounded on print without a word."""
    from decimal import Decimal

    from ia.checks.figures import _more_decimals_than_shown
    from ia.diagnostics import Span
    from ia.models import Column
    from ia.render.tables import cell_text

    value = Decimal(digits).scaleb(-typed)
    reported = list(_more_decimals_than_shown(value, decimals, "Antal", Span("t.yaml", 1, 1)))
    printed = cell_text(value, Column(label="Antal", type="number", decimals=decimals)).text
    assert reported or _read_back(printed) == value


@pytest.mark.parametrize(("typed", "printed"), [
    ("28994025", "28 99 40 25"),
    ("2899 4025", "28 99 40 25"),
    ("+4528994025", "+45 28 99 40 25"),
    ("0045 28 99 40 25", "+45 28 99 40 25"),
    ("7376 7519 / Træffetid: Kl. 07.45-13.00", "73 76 75 19 / Træffetid: Kl. 07.45-13.00"),
    ("1234 567", "1234 567"),  # not a Danish number: as typed (ia check reports it, IA702)
    ("123456789", "123456789"),
])
def test_phone_numbers_print_in_pairs(typed, printed):
    assert phone(typed).replace("\u00a0", " ") == printed


def test_only_labelled_numbers_in_running_text_are_phones():
    text = "Tlf.: 7376 7519<br />\nMobil: 2133 2609, budget 30.749.483 kr., sag 1234 5678"
    assert labelled_phones(text).replace("\u00a0", " ") == (
        "Tlf.: 73 76 75 19<br />\nMobil: 21 33 26 09, budget 30.749.483 kr., sag 1234 5678")
