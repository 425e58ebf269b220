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
from ia.catalogue import models as catalogue
from ia.register import models as register
from ia.followup.model import FollowUpMeta
from ia.meeting import models as meeting_models

SCHEMAS: dict[str, type[BaseModel]] = {
    "agreement": models.AgreementMeta,
    "goal": models.GoalMeta,
    "chapter": models.ChapterMeta,
    "table": models.TableData,
    "rules": models.Rules,
    "effect_goals": models.EffectGoals,
    "interventions": models.Interventions,
    "offer": register.Offer,
    "catalogue": catalogue.CatalogueMeta,
    "followup": FollowUpMeta,
    "body": meeting_models.Body,
    "meeting": meeting_models.MeetingMeta,
    "item": meeting_models.ItemMeta,
    "attachment": meeting_models.AttachmentMeta,
}
TITLES = {
    "agreement": "Institutionsaftale: agreement.yaml",
    "goal": "Institutionsaftale: et mål (front-matter)",
    "chapter": "Institutionsaftale: et kapitel (front-matter)",
    "table": "Institutionsaftale: en taltabel",
    "rules": "Institutionsaftale: årets regler (rules.yaml)",
    "effect_goals": "Institutionsaftale: årets effektmål (_shared/effect_goals.yaml)",
    "interventions": "Institutionsaftale: enhedens indsatser, der løfter på effektmål (interventions.yaml)",
    "offer": "Registret over tilbud: et tilbud (offers/<nøgle>.md, front-matter)",
    "catalogue": "Indsatskatalog: catalogue.yaml",
    "followup": "Institutionsaftale: midtvejs- eller årsopfølgning (opfoelgning-midtvejs.yaml, opfoelgning-aar.yaml)",
    "body": "Møder: udvalgets data (meetings/<udvalg>/body.yaml)",
    "meeting": "Møder: et møde (meetings/<udvalg>/<dato>/meeting.yaml)",
    "item": "Møder: et dagsordenspunkt (front-matter i items/NN-….md)",
    "attachment": "Møder: et bilag (front-matter i items/NN-…/….md)",
}


REPOSITORY = Path(__file__).resolve().parent.parent


def year_areas(root: Path) -> dict[int, list[str]]:
    """The area keys of every year's rules (agreements/<year>/rules.yaml), by year."""
    from ia.source.yamltext import read_yaml

    found: dict[int, list[str]] = {}
    for path in sorted((root / "agreements").glob("*/rules.yaml")):
        data = read_yaml(path.read_text(encoding="utf-8")).data
        areas = data.get("areas") if isinstance(data, dict) else None
        if path.parent.name.isdigit() and isinstance(areas, list):
            found[int(path.parent.name)] = [str(a["key"]) for a in areas if isinstance(a, dict) and "key" in a]
    return found


def _with_areas(schema: dict, areas: dict[int, list[str]]) -> dict:
    """Give the goal's `area` the years' area keys as an enum, so an editor's tool can offer and check them.

    The schema serves every year, so the enum is their union and the description says
    which year has which; `ia check` holds a goal to its own year's areas (IA304).
    """
    if not areas:
        return schema
    area = schema["properties"]["area"]
    area["enum"] = sorted({key for keys in areas.values() for key in keys})
    area["description"] += " " + "; ".join(f"{year}: {', '.join(keys)}" for year, keys in sorted(areas.items(), reverse=True)) + "."
    return schema


def register_areas(root: Path) -> list[str]:
    """The area keys of the register of offers (offers/_areas.yaml), in their order."""
    from ia.source.yamltext import read_yaml

    path = root / "offers" / "_areas.yaml"
    if not path.is_file():
        return []
    data = read_yaml(path.read_text(encoding="utf-8")).data
    return [str(a["key"]) for a in data if isinstance(a, dict) and "key" in a] if isinstance(data, list) else []


def _with_offer_areas(schema: dict, keys: list[str]) -> dict:
    """Give an offer's `area` the register's area keys as an enum (IA304 says the same in ia check)."""
    if keys:
        area = schema["properties"]["area"]
        area["anyOf"][0]["enum"] = keys
    return schema


def _with_chapter_areas(schema: dict, keys: list[str]) -> dict:
    """Give a catalogue chapter's `area` the register's area keys as an enum (IA304 in ia check)."""
    if keys:
        schema["$defs"]["AreaChapter"]["properties"]["area"]["enum"] = keys
    return schema


def schema_texts(root: Path = REPOSITORY) -> dict[str, str]:
    """Return file name -> JSON text for every schema, deterministic and pretty-printed."""
    result = {}
    areas = year_areas(root)
    for name, model in SCHEMAS.items():
        schema = model.model_json_schema(mode="validation")
        if name == "goal":
            schema = _with_areas(schema, areas)
        if name == "offer":
            schema = _with_offer_areas(schema, register_areas(root))
        if name == "catalogue":
            schema = _with_chapter_areas(schema, register_areas(root))
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
