"""The figure that explains a total's difference: swapped digits and a row's own pattern."""

from decimal import Decimal

from ia.checks.suspects import Part, suspect, transposed_total, transpositions


def test_transpositions_swap_adjacent_digits_only():
    assert sorted(transpositions(Decimal(11096))) == [Decimal(10196), Decimal(11069), Decimal(11906)]
    # not across the decimal point, keeping the sign, never leading with a zero
    assert sorted(transpositions(Decimal("597.34"))) == [Decimal("579.34"), Decimal("597.43"), Decimal("957.34")]
    assert Decimal(-30479) in set(transpositions(Decimal(-30749)))
    assert Decimal(1852) not in set(transpositions(Decimal(10852)))  # "01852"


def _parts(*values):
    return [Part(f"r{i}", Decimal(v), ("rows", i, 1)) for i, v in enumerate(values)]


def test_one_swap_names_its_part_and_two_name_none():
    parts = _parts(2502, 13034, 11096)
    found = suspect(parts, Decimal(810), Decimal(0), lambda part: [])
    assert found is not None and found.part.name == "r2" and found.meant == Decimal(11906)
    assert suspect(_parts(11096, 21096), Decimal(810), Decimal(0), lambda part: []) is None


def test_a_swapped_total_names_no_part_on_swapped_digits_alone():
    parts = _parts(10852, 1000)
    assert suspect(parts, Decimal(-270), Decimal(0), lambda part: [], total_transposed=True) is None
    assert transposed_total(Decimal(11582), Decimal(11852), Decimal(0)) == Decimal(11852)


def test_a_part_out_of_line_with_its_years_is_named():
    parts = _parts(2502, 1190)
    years = {"r0": [(1, Decimal(2419)), (3, Decimal(2502))], "r1": [(1, Decimal(11464)), (3, Decimal(11906))]}
    found = suspect(parts, Decimal(10716), Decimal(0), lambda part: years[part.name])
    assert found is not None and found.part.name == "r1" and found.why == "pattern"
