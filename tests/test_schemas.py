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
