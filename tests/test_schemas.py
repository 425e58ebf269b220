"""schemas/ is generated from the models; a stale copy fails here (run `make schemas`)."""

from ia.schemas import schema_texts
from tests.conftest import ROOT


def test_schemas_are_up_to_date():
    for name, text in schema_texts().items():
        path = ROOT / "schemas" / name
        assert path.exists(), f"{name} is missing: run `make schemas`"
        assert path.read_text(encoding="utf-8") == text, f"{name} is out of date: run `make schemas`"


def test_every_source_file_names_its_schema():
    names = {"agreement.yaml": "agreement", "rules.yaml": "rules", "effect_goals.yaml": "effect_goals",
             "interventions.yaml": "interventions"}
    for path in sorted((ROOT / "agreements").rglob("*")):
        if path.suffix not in {".yaml", ".md"} or "areas" in path.parts:
            continue
        kind = names.get(path.name) or {"goals": "goal", "chapters": "chapter", "tables": "table"}.get(path.parent.name)
        if kind is None:
            continue
        head = path.read_text(encoding="utf-8").splitlines()[:2]
        assert any("$schema=" in line and f"{kind}.schema.json" in line for line in head), path
    for path in sorted((ROOT / "offers").glob("*.md")):
        head = path.read_text(encoding="utf-8").splitlines()[:2]
        assert head[1] == "# yaml-language-server: $schema=../schemas/offer.schema.json", path
    for path in sorted((ROOT / "catalogues").glob("*/*/catalogue.yaml")):
        head = path.read_text(encoding="utf-8").splitlines()[0]
        assert head == "# yaml-language-server: $schema=../../../schemas/catalogue.schema.json", path


def test_editor_schemas_carry_the_enums_and_patterns_editors_get_wrong():
    import json
    import re

    from ia.schemas import year_areas

    goal = json.loads((ROOT / "schemas/goal.schema.json").read_text(encoding="utf-8"))["properties"]
    areas = year_areas(ROOT)
    assert set(areas) >= {2023, 2026}
    assert goal["area"]["enum"] == sorted({key for keys in areas.values() for key in keys})
    assert "rehabilitering" in areas[2026] and "rehabilitering" not in areas[2023]
    assert goal["scope"]["enum"] == ["lokalt", "tværgående"]
    contact = json.loads((ROOT / "schemas/agreement.schema.json").read_text(encoding="utf-8"))["$defs"]["Contact"]["properties"]
    email, phone = re.compile(contact["email"]["pattern"]), re.compile(contact["phone"]["pattern"])
    assert email.match("cc@aabenraa.dk") and not email.match("cc@aabenraa")
    assert phone.match("28 99 40 25") and phone.match("+45 28994025") and not phone.match("1234 567")


def test_the_patterns_accept_every_contact_in_the_agreements():
    import json
    import re

    import yaml

    contact = json.loads((ROOT / "schemas/agreement.schema.json").read_text(encoding="utf-8"))["$defs"]["Contact"]["properties"]
    for path in sorted((ROOT / "agreements").glob("*/*/agreement.yaml")):
        for person in yaml.safe_load(path.read_text(encoding="utf-8")).get("contacts") or []:
            assert re.match(contact["email"]["pattern"], person["email"]), (path, person["email"])
            assert re.match(contact["phone"]["pattern"], str(person["phone"])), (path, person["phone"])


def test_the_offer_schema_carries_the_register_areas_and_contact_patterns():
    import json
    import re

    from ia.schemas import register_areas

    schema = json.loads((ROOT / "schemas/offer.schema.json").read_text(encoding="utf-8"))
    areas = register_areas(ROOT)
    assert areas[0] == "rehabilitering-og-forebyggelse" and len(areas) == 8
    assert schema["properties"]["area"]["anyOf"][0]["enum"] == areas
    contact = schema["$defs"]["Contact"]["properties"]
    phone = re.compile(contact["phone"]["pattern"])
    assert phone.match("51241546") and not phone.match("5124154")
    assert schema["additionalProperties"] is False
