"""Turn an agreement's source documents into a validated `Agreement`, or diagnostics."""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from ia import models
from ia.diagnostics import Diagnostic, Span
from ia.document import Agreement, Chapter, Goal, Section, Table, UnreadGoal
from ia.markdown import directive, heading_text, line_of, parse
from ia.shared import Composition, compose
from ia.source.documents import MarkdownDoc, YamlDoc
from ia.directives import DIRECTIVES
from ia.source.folder import AgreementSource
from ia.source.yamltext import YAML11_BOOLS
from ia.suggest import hint_args

M = TypeVar("M", bound=BaseModel)

# pydantic error type -> what was expected, in Danish and English
_EXPECTED = {
    "string_type": ("tekst", "text"), "int_type": ("et heltal", "a whole number"),
    "int_from_float": ("et heltal", "a whole number"), "decimal_type": ("et tal", "a number"),
    "float_type": ("et tal", "a number"), "bool_type": ("true eller false", "true or false"),
    "list_type": ("en liste", "a list"), "model_type": ("nøgler og værdier", "keys and values"),
    "dict_type": ("nøgler og værdier", "keys and values"),
    "date_type": ("en dato som \"2026-01-01\"", "a date such as \"2026-01-01\""),
    "date_from_datetime_parsing": ("en dato som \"2026-01-01\"", "a date such as \"2026-01-01\""),
    "none_required": ("ingenting", "nothing"),
}
_ALL_FIELDS = sorted({
    name
    for cls in vars(models).values()
    if isinstance(cls, type) and issubclass(cls, BaseModel)
    for name in cls.model_fields
})
_MODEL_FIELDS = [
    set(cls.model_fields)
    for cls in vars(models).values()
    if isinstance(cls, type) and issubclass(cls, BaseModel) and cls.model_fields
]


def model_family(*roots: type[BaseModel]) -> list[set[str]]:
    """Return the field names of each model reachable from `roots`, for did-you-mean on unknown keys.

    Another kind of file (an offer of the register) passes its own family, so an unknown
    key there is matched against that file's keys, not the agreement's.
    """
    found: dict[type[BaseModel], set[str]] = {}
    todo = list(roots)
    while todo:
        cls = todo.pop()
        if cls in found:
            continue
        found[cls] = set(cls.model_fields)
        for info in cls.model_fields.values():
            todo.extend(arg for arg in _types_in(info.annotation) if arg not in found)
    return [fields for fields in found.values() if fields]


def _types_in(annotation: Any) -> list[type[BaseModel]]:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    return [cls for arg in getattr(annotation, "__args__", ()) for cls in _types_in(arg)]


def _fields_for(parent: Any, unknown: str, family: list[set[str]] | None = None) -> list[str]:
    """The keys the unknown key could have meant: the fields of the model its siblings
    belong to that are not written yet (every model's fields when the siblings say nothing)."""
    family = _MODEL_FIELDS if family is None else family
    siblings = set(parent) - {unknown} if isinstance(parent, dict) else set()
    best = max((len(siblings & fields) for fields in family), default=0)
    if not best:
        every = _ALL_FIELDS if family is _MODEL_FIELDS else sorted(set().union(*family))
        return [name for name in every if name not in siblings]
    likely = set().union(*(fields for fields in family if len(siblings & fields) == best))
    return sorted(likely - siblings)


_NO_SPACE_AFTER_COLON = re.compile(r"^\s*[\w-]+:[^\s/]")
_DANISH_NUMBER = re.compile(r"^-?\d{1,3}(\.\d{3})+(,\d+)?$|^-?\d+,\d+$")


def describe(value: Any, lang: str = "da") -> str:
    """Say what a value from YAML is, for 'fandt …' / 'found …' in messages."""
    da = lang != "en"
    if value is None:
        return "en tom værdi" if da else "an empty value"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | Decimal):
        return f"tallet {value}" if da else f"the number {value}"
    if isinstance(value, str):
        shown = value if len(value) <= 40 else value[:37] + "…"
        return f"teksten '{shown}'" if da else f"the text '{shown}'"
    if isinstance(value, list):
        return "en liste" if da else "a list"
    if isinstance(value, dict):
        return "nøgler og værdier" if da else "keys and values"
    return type(value).__name__


def _value_at(data: Any, loc: tuple) -> tuple[tuple, Any, bool]:
    """Follow `loc` into data, dropping union tags pydantic adds; return (path, value, found)."""
    path: list = []
    current = data
    found = True
    for part in loc:
        if isinstance(current, dict) and part in current:
            current = current[part]
            path.append(part)
        elif isinstance(current, list) and isinstance(part, int) and 0 <= part < len(current):
            current = current[part]
            path.append(part)
        elif isinstance(current, dict) and isinstance(part, str) and part[:1].islower() and "[" not in part and part not in {"row", "group", "int", "decimal", "str", "none", "list"}:
            path.append(part)  # a missing field
            found = False
            break
        # anything else is a union member's tag: skip it
    return tuple(path), current, found


def schema_diagnostics(error: ValidationError, doc: YamlDoc, *,
                       family: list[set[str]] | None = None) -> list[Diagnostic]:
    """Translate pydantic's errors into one diagnostic per place, pointing at the YAML line."""
    result: list[Diagnostic] = []
    places: list[tuple] = []
    seen: set[tuple] = set()
    for err in error.errors():
        path, value, found = _value_at(doc.data, err["loc"])
        kind = err["type"]
        if path in seen:
            continue
        seen.add(path)
        field_name = str(path[-1]) if path else ""
        hint_code = None
        args: dict[str, object] = {"field": field_name}
        if kind == "missing" or not found:
            mark = doc.positions.find(path[:-1])
            code = "IA201"
        elif kind == "extra_forbidden":
            mark = doc.positions.find(path, key=True)
            code = "IA202"
            parent = _value_at(doc.data, tuple(path[:-1]))[1]
            more, hint_code = hint_args(field_name, _fields_for(parent, field_name, family), cutoff=0.7)
            args.update(more)
        else:
            mark = doc.positions.find(path)
            raw = doc.positions.raw.get(path)
            args["found"], args["found_en"] = describe(value), describe(value, "en")
            if kind == "literal_error":
                code = "IA204"
                # Pydantic lists the choices as "'a', 'b' or 'c'"; the Danish message says "eller".
                args["expected_en"] = str(err.get("ctx", {}).get("expected", ""))
                args["expected"] = re.sub(r"' or '", "' eller '", args["expected_en"])
                more, hint_code = hint_args(str(value), re.findall(r"'([^']*)'", args["expected_en"]))
                args.update(more)
            elif kind in {"greater_than_equal", "less_than_equal", "greater_than", "less_than"}:
                code = "IA206"
                ctx = err.get("ctx", {})
                args["found"] = value
                args["limit"] = ", ".join(f"{k.replace('ge', '≥').replace('le', '≤').replace('gt', '>').replace('lt', '<')} {v}" for k, v in ctx.items())
            elif kind in {"string_too_short", "too_short"}:
                code = "IA203"
                args["expected"] = "en tekst" if kind == "string_too_short" else "mindst én række"
                args["expected_en"] = "a text" if kind == "string_too_short" else "at least one row"
            elif kind == "string_pattern_mismatch":
                code = "IA203"
                pattern = err.get("ctx", {}).get("pattern", "")
                args["expected"] = f"en tekst, der passer til mønsteret '{pattern}'"
                args["expected_en"] = f"a text matching the pattern '{pattern}'"
            elif kind in _EXPECTED:
                code = "IA203"
                args["expected"], args["expected_en"] = _EXPECTED[kind]
                if kind == "bool_type" and isinstance(value, str) and value.lower() in YAML11_BOOLS:
                    hint_code, args["raw"] = "yaml_bool", value
                elif kind in {"int_type", "decimal_type"} and isinstance(value, str) and _DANISH_NUMBER.match(value):
                    hint_code = "no_thousands"
                    args["suggestion"] = value.replace(".", "").replace(",", ".")
                elif kind == "int_type" and isinstance(value, Decimal) and value.as_tuple().exponent == -3 and abs(value) >= 1:
                    hint_code, args["suggestion"] = "thousands_point", str(value).replace(".", "")
                elif kind == "string_type" and raw is not None:
                    hint_code, args["raw"] = "quote_text", raw
                elif kind == "int_type" and field_name in {"year", "continues_from"} and isinstance(value, str):
                    hint_code = "write_years"
                elif kind in {"model_type", "dict_type"} and isinstance(value, str) and re.search(r":\S", value):
                    hint_code = "colon_space"
            else:
                code = "IA205"
                # A model validator's own message, without pydantic's "Value error, " prefix.
                args["problem"] = str(err.get("ctx", {}).get("error", err["msg"])) if kind == "value_error" else err["msg"]
        span = Span(doc.path, mark.line, mark.col) if mark else Span(doc.path)
        result.append(Diagnostic(code, span, args, hint_code))
        places.append(path)
    return _drop_renamed(result, places)


def _drop_renamed(found: list[Diagnostic], places: list[tuple]) -> list[Diagnostic]:
    """A misspelt key shows up as unknown (IA202) and missing (IA201): keep only the first,
    whose hint already names the right key."""
    renamed = {(path[:-1], d.args.get("suggestion")) for d, path in zip(found, places) if d.code == "IA202"}
    return [d for d, path in zip(found, places)
            if not (d.code == "IA201" and (path[:-1], d.args.get("field")) in renamed)]


def yaml_problems(doc: YamlDoc) -> list[Diagnostic]:
    """Turn the YAML reader's problems into diagnostics, with hints for the usual traps."""
    result = []
    for problem in doc.problems:
        args = dict(problem.args)
        hint_code = None
        if problem.code == "IA101":
            kind = args.get("kind")
            line_text = doc.lines[problem.mark.line - 1] if 0 < problem.mark.line <= len(doc.lines) else ""
            nearby = doc.lines[max(problem.mark.line - 3, 0): problem.mark.line]
            if kind == "tab" or "\t" in line_text[: len(line_text) - len(line_text.lstrip())]:
                hint_code = "tab_indent"
            elif any(_NO_SPACE_AFTER_COLON.match(line) for line in nearby):
                hint_code = "colon_space"
            elif kind == "mapping_values":
                hint_code = "quote_colon"
        result.append(Diagnostic(problem.code, Span(doc.path, problem.mark.line, problem.mark.col), args, hint_code))
    return result


def model_from(doc: YamlDoc | None, model: type[M], diagnostics: list[Diagnostic], *,
               family: list[set[str]] | None = None) -> M | None:
    """Validate one YAML document against a model, adding any problems to `diagnostics`.

    `family` (see `model_family`) names the keys an unknown key is compared with; by
    default those of the agreement's models.
    """
    if doc is None:
        return None
    problems = yaml_problems(doc)
    if problems:
        diagnostics.extend(problems)
        return None
    if doc.data is None:
        diagnostics.append(Diagnostic("IA112", Span(doc.path, 1, 1)))
        return None
    try:
        return model.model_validate(doc.data)
    except ValidationError as error:
        diagnostics.extend(schema_diagnostics(error, doc, family=family))
        return None


def _doc_id(path: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", path.lower().rsplit("/", 1)[-1].removesuffix(".md")).strip("-")


def _chapter(doc: MarkdownDoc, number: int, shared: dict[str, MarkdownDoc],
             diagnostics: list[Diagnostic]) -> Chapter | None:
    if doc.meta is None:
        diagnostics.append(Diagnostic("IA201", Span(doc.path, 1, 1), {"field": "title"}))
        return None
    meta = model_from(doc.meta, models.ChapterMeta, diagnostics)
    tokens, env = parse(doc.body, first_line=doc.body_line, doc_id=_doc_id(doc.path))
    own = Section(doc.path, doc.body_line, tokens, env, lines=doc.lines)
    if meta is None:
        return None
    parts, title = [own], meta.title
    if meta.shared:
        common = shared.get(meta.shared)
        if common is None:
            mark = doc.meta.positions.find(("shared",))
            diagnostics.append(Diagnostic("IA125", Span(doc.path, mark.line if mark else 1, mark.col if mark else 1),
                                          {"name": meta.shared, "expected": ", ".join(sorted(shared)) or "ingen"}))
            return None
        common_meta = model_from(common.meta, models.ChapterMeta, diagnostics) if common.meta else None
        title = title or (common_meta.title if common_meta else None)
        composition = _with_shared(common, own, diagnostics)
        parts = composition.parts
    if not title:
        diagnostics.append(Diagnostic("IA201", Span(doc.path, 1, 1), {"field": "title"}))
        return None
    chapter = Chapter(doc.path, number, meta, title, parts, positions=doc.meta.positions)
    if meta.shared:
        chapter.shared_path, chapter.shared_meta = common.path, common_meta
        chapter.shared_positions = common.meta.positions if common.meta else None
        chapter.places, chapter.wordings = composition.places, composition.wordings
        chapter.unplaced, chapter.twice = composition.unplaced, composition.twice
        chapter.extra_slots = composition.extra_slots
    return chapter


def _with_shared(common: MarkdownDoc, own: Section, diagnostics: list[Diagnostic]) -> Composition:
    """The shared chapter's text with the unit's own text where ```{lokalt}``` stands, else at
    the end, and the unit's additions and overrides at their named places (ia/shared.py)."""
    tokens, env = parse(common.body, first_line=common.body_line, doc_id=_doc_id(common.path))
    slots = [i for i, token in enumerate(tokens) if (found := directive(token)) and found[0] in DIRECTIVES and DIRECTIVES[found[0]].slot]
    shared_text = Section(common.path, common.body_line, tokens, env, lines=common.lines)
    composition = compose(shared_text, own, slots[0] if slots else None)
    composition.extra_slots = [(common.path, line_of(tokens[extra])) for extra in slots[1:]]
    return composition


def _split_footnotes(tokens: list) -> tuple[list, list]:
    """Separate the footnote block the footnote plugin appends at the end of a file."""
    for i, token in enumerate(tokens):
        if token.type == "footnote_block_open":
            return tokens[:i], tokens[i:]
    return tokens, []


def _goal(doc: MarkdownDoc, rules: models.Rules | None, diagnostics: list[Diagnostic]) -> Goal | UnreadGoal:
    """Validate a goal file; with unknown rules its parts are kept unjudged in `other`."""
    if doc.meta is None:
        diagnostics.append(Diagnostic("IA201", Span(doc.path, 1, 1), {"field": "title"}))
        meta = None
    else:
        meta = model_from(doc.meta, models.GoalMeta, diagnostics)
    tokens, env = parse(doc.body, first_line=doc.body_line, doc_id=_doc_id(doc.path))
    tokens, notes = _split_footnotes(tokens)
    by_heading = {q.heading.casefold(): q for q in (rules.questions if rules is not None else [])}
    answers: dict[str, Section] = {}
    other: list[Section] = []
    intro: Section | None = None
    current: Section | None = None
    # The headings that open a part of a goal, whatever level they were written at: '# Måling'
    # or '### Måling' is meant as the answer, and is read as it (the checks say which level).
    # Parts under a heading that is no answer, a second answer to one question, or text
    # before the first heading stand in `other`, where the checks find them (IA303/IA307/IA308).
    opening = {*by_heading, "indledning"}
    for i, token in enumerate(tokens):
        if token.type == "heading_open" and (token.tag == "h2" or heading_text(tokens, i).casefold() in opening):
            text = heading_text(tokens, i)
            line = line_of(token)
            question = by_heading.get(text.casefold())
            if text.casefold() == "indledning" and not answers and intro is None:
                current = intro = Section(doc.path, line, [], env, "Indledning", "indledning", doc.lines)
            elif question is None or question.key in answers:
                current = Section(doc.path, line, [], env, text, "", doc.lines)
                other.append(current)
            else:
                current = answers[question.key] = Section(doc.path, line, [], env, question.heading, question.key, doc.lines)
            current.level, current.written = int(token.tag[1]), text
            continue
        if current is None:
            if token.type.endswith("_close") or token.type == "inline" and i and tokens[i - 1].type == "heading_open":
                continue
            if token.map:
                current = Section(doc.path, line_of(token), [], env, lines=doc.lines)
                if token.type == "heading_open":  # a heading that opens no part: judged by its level
                    current.level, current.written = int(token.tag[1]), heading_text(tokens, i)
                other.append(current)
            continue
        if current.tokens == [] and token.type == "inline" and i and tokens[i - 1].type == "heading_open":
            continue
        if current.tokens == [] and token.type == "heading_close":
            continue
        current.tokens.append(token)
    if meta is None or doc.meta is None:
        title, area = _placing(doc)
        return UnreadGoal(doc.path, 0, title, area, answers, intro, other)
    footnotes = Section(doc.path, doc.body_line, notes, env, lines=doc.lines) if notes else None
    return Goal(doc.path, 0, meta, doc.meta.positions, answers, intro, footnotes, other)


_FRONT_MATTER_FIELD = re.compile(r"^(title|area):[ \t]*(.*?)\s*$")


def _placing(doc: MarkdownDoc) -> tuple[str, str | None]:
    """A broken goal's title and area as far as they can be read, to keep its place.

    Validated data where the YAML was read; otherwise the plain `title:` and `area:` lines
    of the front-matter, since a syntax error elsewhere usually leaves them readable.
    """
    found: dict[str, str] = {}
    data = doc.meta.data if doc.meta is not None else None
    if isinstance(data, dict):
        found = {k: v for k in ("title", "area") if isinstance(v := data.get(k), str)}
    else:
        end = next((i for i, text in enumerate(doc.lines) if i and text.rstrip() == "---"), 0)
        for text in doc.lines[1:end]:
            match = _FRONT_MATTER_FIELD.match(text)
            if match and match.group(1) not in found:
                found[match.group(1)] = match.group(2).strip("\"'")
    stem = doc.path.rsplit("/", 1)[-1].removesuffix(".md")
    return found.get("title") or stem, found.get("area")


def _table(table_id: str, doc: YamlDoc, diagnostics: list[Diagnostic]) -> Table | None:
    data = model_from(doc, models.TableData, diagnostics)
    if data is None:
        return None
    return Table(table_id, doc.path, data, doc.positions)


def _intervention_texts(interventions: models.Interventions | None, doc: YamlDoc | None) -> list[Section]:
    """Parse each intervention's description where it stands in interventions.yaml, so the
    checks read it (links, years, references) and diagnostics point at its lines."""
    if interventions is None or doc is None:
        return []
    texts = []
    for i, item in enumerate(interventions.interventions):
        mark = doc.positions.find(("interventions", i, "description"))
        line = mark.line if mark else 1
        # A block scalar (`description: |`) starts on the line after its key.
        first = line + 1 if 0 < line <= len(doc.lines) and doc.lines[line - 1].rstrip().endswith(("|", ">", "|-", ">-")) else line
        tokens, env = parse(item.description, first_line=first, doc_id=f"indsats-{i + 1}")
        texts.append(Section(doc.path, first, tokens, env, lines=doc.lines))
    return texts


def validate(source: AgreementSource) -> tuple[Agreement, list[Diagnostic]]:
    """Validate every document of an agreement on its own; return it with all problems found.

    A document that fails is reported and stands as unknown in the agreement (see
    `Agreement`), so the documents that do not depend on it are still checked.
    """
    diagnostics: list[Diagnostic] = list(source.problems)
    meta = model_from(source.agreement, models.AgreementMeta, diagnostics)
    rules = model_from(source.rules, models.Rules, diagnostics)
    chapters = [c for n, doc in enumerate(source.chapters, 1) if (c := _chapter(doc, n, source.shared_chapters, diagnostics))]
    failed = {doc.path for doc in source.chapters if doc.path not in {c.path for c in chapters}}
    tables = {tid: t for tid, doc in source.tables.items() if (t := _table(tid, doc, diagnostics))}
    failed |= {doc.path for tid, doc in source.tables.items() if tid not in tables}
    areas = {}
    for key, doc in source.areas.items():
        tokens, env = parse(doc.body, first_line=doc.body_line, doc_id=f"omraade-{_doc_id(doc.path)}")
        areas[key] = Section(doc.path, doc.body_line, tokens, env, key=key, lines=doc.lines)
    effect_goals = model_from(source.effect_goals, models.EffectGoals, diagnostics)
    interventions = model_from(source.interventions, models.Interventions, diagnostics)
    # Files that exist but could not be read (IA100, IA108 …) are unknown, not absent.
    unreadable = {d.span.path for d in source.problems}
    failed |= unreadable
    read = [_goal(doc, rules, diagnostics) for doc in source.goals]
    read += [UnreadGoal(path, 0, path.rsplit("/", 1)[-1].removesuffix(".md"), None)
             for path in sorted(unreadable) if path.startswith(f"{source.folder}/goals/") and path.endswith(".md")]
    goals = [g for g in read if isinstance(g, Goal)]
    unread = [g for g in read if isinstance(g, UnreadGoal)]
    failed |= {g.path for g in unread}
    effect_goals_path = source.effect_goals.path if source.effect_goals else ""
    known_effect_goals: list | None = effect_goals.effect_goals if effect_goals else []
    if (source.effect_goals is not None and effect_goals is None) or any(
            p.endswith("/_shared/effect_goals.yaml") and p.startswith(source.folder.rsplit("/", 1)[0]) for p in unreadable):
        known_effect_goals = None
    _number_goals(goals, unread, rules)
    agreement = Agreement(
        id=source.id, folder=source.folder, meta=meta,
        meta_path=source.agreement.path if source.agreement else f"{source.folder}/agreement.yaml",
        meta_positions=source.agreement.positions if source.agreement else None,
        rules=rules, rules_path=source.rules.path if source.rules else "",
        chapters=chapters, goals=goals, areas=areas, tables=tables, files=source.files, failed=failed,
        folder_year=source.year, folder_unit=source.unit, unread_goals=unread,
        effect_goals=known_effect_goals, effect_goals_path=effect_goals_path,
        interventions=interventions,
        interventions_path=source.interventions.path if source.interventions else "",
        interventions_positions=source.interventions.positions if source.interventions else None,
        intervention_texts=_intervention_texts(interventions, source.interventions),
    )
    return agreement, diagnostics


def _number_goals(goals: list[Goal], unread: list[UnreadGoal], rules: models.Rules | None) -> None:
    """Number the goals in the order of the year's areas, then by file name.

    A goal that could not be read is numbered in its place too (by the area its
    front-matter names, when that can be read), so the goals after it keep their numbers.
    """
    order = {area.key: i for i, area in enumerate(rules.areas)} if rules is not None else {}
    every: list[Goal | UnreadGoal] = [*goals, *unread]

    def place(goal: Goal | UnreadGoal) -> tuple[int, str]:
        area = goal.meta.area if isinstance(goal, Goal) else goal.area
        return order.get(area or "", len(order)), goal.path

    every.sort(key=place)
    for number, goal in enumerate(every, 1):
        goal.number = number
    goals.sort(key=lambda g: g.number)
    unread.sort(key=lambda g: g.number)
