"""Generate the JSON Schemas in `schemas/` from the models; run `python -m ia.schemas`.

Editors' VS Code (YAML extension) reads these through the `# yaml-language-server:`
line at the top of each file, so keys complete and mistakes are underlined while typing.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from pydantic import BaseModel

from ia import models

SCHEMAS: dict[str, type[BaseModel]] = {
    "agreement": models.AgreementMeta,
    "goal": models.GoalMeta,
    "chapter": models.ChapterMeta,
    "table": models.TableData,
    "rules": models.Rules,
    "effect_goals": models.EffectGoals,
    "interventions": models.Interventions,
}
TITLES = {
    "agreement": "Institutionsaftale: agreement.yaml",
    "goal": "Institutionsaftale: et mål (front-matter)",
    "chapter": "Institutionsaftale: et kapitel (front-matter)",
    "table": "Institutionsaftale: en taltabel",
    "rules": "Institutionsaftale: årets regler (rules.yaml)",
    "effect_goals": "Institutionsaftale: årets effektmål (_shared/effect_goals.yaml)",
    "interventions": "Institutionsaftale: enhedens indsatser, der løfter på effektmål (interventions.yaml)",
}


def schema_texts() -> dict[str, str]:
    """Return file name -> JSON text for every schema, deterministic and pretty-printed."""
    result = {}
    for name, model in SCHEMAS.items():
        schema = model.model_json_schema(mode="validation")
        schema = {"$schema": "https://json-schema.org/draft/2020-12/schema", "title": TITLES[name], **schema}
        result[f"{name}.schema.json"] = json.dumps(schema, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
    return result


def write(folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, text in schema_texts().items():
        target = folder / name
        target.write_text(text, encoding="utf-8")
        written.append(target)
    return written


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parent.parent / "schemas"
    for path in write(target):
        print(f"skrev {path}")
