"""The models are strict: no coercion, no unknown keys, Danish descriptions everywhere."""

from decimal import Decimal

import pytest
from pydantic import BaseModel, ValidationError

from ia import models


def test_text_field_refuses_a_number():
    with pytest.raises(ValidationError):
        models.Contact.model_validate({"role": "R", "name": "N", "email": "a@b.dk", "phone": 12345678})


def test_bool_field_refuses_yaml11_words():
    with pytest.raises(ValidationError):
        models.ChapterMeta.model_validate({"title": "T", "goals": "nej"})


def test_unknown_key_is_refused():
    with pytest.raises(ValidationError) as info:
        models.ChapterMeta.model_validate({"title": "T", "titel": "x"})
    assert info.value.errors()[0]["type"] == "extra_forbidden"


def test_effective_date_accepts_iso_text_only():
    base = {"unit": "x", "year": 2026, "unit_name": "X", "unit_short": "X",
            "parties": {k: {"name": "N", "title": "T"} for k in ("director", "center_leader", "follow_up")}}
    assert models.AgreementMeta.model_validate({**base, "effective_date": "2026-01-01"}).effective_date.day == 1
    with pytest.raises(ValidationError):
        models.AgreementMeta.model_validate({**base, "effective_date": "1. januar 2026"})


def test_table_rows_and_groups_nest():
    table = models.TableData.model_validate({
        "columns": [{"label": ""}, {"label": "Antal", "type": "number"}],
        "rows": [{"group": "G", "total": ["G", 3], "rows": [["a", 1], ["b", 2]]}, ["c", Decimal("0.5")]],
    })
    assert isinstance(table.rows[0], models.Group)
    assert table.rows[1] == ["c", Decimal("0.5")]


def test_question_text_takes_the_agreement_year():
    question = models.Question(key="resultat", heading="Resultat", text="Hvilket resultat vil vi opnå i {year}?")
    assert question.text_for(2027) == "Hvilket resultat vil vi opnå i 2027?"


def _models():
    return [c for c in vars(models).values() if isinstance(c, type) and issubclass(c, BaseModel) and c is not models.Model]


@pytest.mark.parametrize("model", _models(), ids=lambda m: m.__name__)
def test_every_field_is_described(model):
    for name, field in model.model_fields.items():
        assert field.description, f"{model.__name__}.{name} has no description"
