"""The workbook file's JSON Schema, made from the registry.

`resources/schema/workbook-file.schema.json` is this module's output, committed so that
other tools can read the format without running Career Workbook; a test keeps the two
equal. After changing the registry, write it again with

    .venv/bin/python -m workbook.workbook_file.json_schema

Each entry's fields come from `workbook.registry`; what a schema cannot say (content ids
known to the program, references between entries) is checked by `checking.py` alone.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from workbook.door import MAX_WORKBOOK_NAME
from workbook.fields import Field, InFile, Kind, Table
from workbook.model import MAX_LONG_TEXT, MAX_SHORT_TEXT
from workbook.registry import MAX_HOURS, TABLES
from workbook.rules import NAME_CONTROLS
from workbook.workbook_file.spec import CONTENT_ID, DATE_TEXT, FORMAT, MAX_ITEMS, VERSION

PATH = Path(__file__).resolve().parents[2] / "resources" / "schema" / "workbook-file.schema.json"

#: What each table's entries are called among the schema's definitions.
DEFINITIONS = {
    "profile": "profile",
    "strength_ratings": "rating",
    "evidence": "evidence",
    "journal_entries": "journal_entry",
    "futures": "future",
    "ai_tasks": "task",
    "reinvestments": "reinvestment",
    "goals": "goal",
    "actions": "action",
    "milestones": "milestone",
    "support_requests": "support_request",
    "conversation_questions": "question",
    "rating_snapshots": "snapshot",
}


def _ref(name: str) -> dict[str, Any]:
    return {"$ref": f"#/$defs/{name}"}


def _nullable(kind: str, null: bool) -> str | list[str]:
    return [kind, "null"] if null else kind


def _text(field: Field, null: bool) -> dict[str, Any]:
    if null:
        return {
            "type": ["string", "null"],
            "maxLength": field.limit,
            "not": {"type": "string", "pattern": "\\u0000"},
        }
    named = "short_text" if field.limit == MAX_SHORT_TEXT else "long_text"
    if field.limit not in (MAX_SHORT_TEXT, MAX_LONG_TEXT):
        return {"type": "string", "maxLength": field.limit, "not": {"pattern": "\\u0000"}}
    return _ref(named)


def _links(strengths_only: bool = False) -> dict[str, Any]:
    kinds = "|".join(
        [
            f"strength:{CONTENT_ID.pattern[1:-1]}",
            *(
                ()
                if strengths_only
                else (f"path:{CONTENT_ID.pattern[1:-1]}", "task:(0|[1-9][0-9]{0,17})")
            ),
        ]
    )
    return {
        "type": "array",
        "maxItems": MAX_ITEMS,
        "items": {"type": "string", "pattern": f"^({kinds})$"},
    }


def property_of(field: Field) -> dict[str, Any]:
    """A field's schema in the file."""
    null = field.null_in_file
    kind = field.kind
    if kind is Kind.TEXT:
        schema = _text(field, null)
    elif kind is Kind.LINE:
        schema = {**_text(field, null), "allOf": [_ref("one_line")]}
    elif kind is Kind.WHOLE:
        if (field.low, field.high, null) == (1, 5, True):
            schema = _ref("gauge")
        else:
            schema = {
                "type": _nullable("integer", null),
                "minimum": int(field.low),
                "maximum": int(field.high),
            }
    elif kind is Kind.NUMBER:
        if (field.low, field.high, null) == (0, MAX_HOURS, False):
            schema = _ref("hours")
        else:
            schema = {"type": _nullable("number", null), "minimum": field.low}
            schema["maximum"] = field.high
    elif kind is Kind.CHOICE:
        extra = [] if field.default is None or field.default in field.choices else [field.default]
        schema = {"enum": [*extra, *field.choices, *([None] if null else [])]}
    elif kind is Kind.DATE:
        schema = _ref("optional_date" if null else "date")
    elif kind is Kind.MOMENT:
        schema = _ref("moment")
    elif kind is Kind.FLAG:
        schema = {"type": "boolean"}
    elif kind is Kind.ID:
        schema = _ref("optional_content_id")
    elif kind is Kind.STRENGTH:
        schema = _ref("content_id")
    elif kind is Kind.LINKS:
        schema = _links(strengths_only=field.known == "strengths")
    elif kind is Kind.NOTES:
        note = _text(field, null=False)
        schema = {
            "type": "object",
            "properties": {key: note for key in field.choices},
            "additionalProperties": False,
        }
    else:
        raise ValueError(f"{field.name}: a {kind} field has no place in a workbook file")
    return {"description": field.note, **schema} if field.note else schema


def entry(table: Table, *, custom: bool = True, **more: Any) -> dict[str, Any]:
    """One entry of `table` as an object: its fields, any required, nothing else."""
    properties: dict[str, Any] = {"id": _ref("entry_id")} if table.file_ids else {}
    for field in table.in_file_fields:
        if custom or not field.custom_only:
            properties[field.key] = property_of(field)
    properties.update(more)
    required = [f.key for f in table.in_file_fields if f.file_required]
    return {
        "type": "object",
        **({"required": required} if required else {}),
        "additionalProperties": False,
        "properties": properties,
    }


def _rating(table: Table) -> dict[str, Any]:
    """A rating: the catalogue's strengths have no name or description; one's own must
    have a name, and it is not blank."""
    schema = entry(table, custom=False)
    own = {f.key: property_of(f) for f in table.in_file_fields if f.custom_only}
    own["name"] = {**own["name"], "pattern": "\\S"}
    return {
        "type": "object",
        "required": ["custom"],
        "properties": {"custom": {"type": "boolean"}, **own, **schema["properties"]},
        "additionalProperties": False,
        "if": {"properties": {"custom": {"const": True}}},
        "then": {"required": ["name"]},
        "else": {"not": {"anyOf": [{"required": [key]} for key in own]}},
    }


def _snapshot() -> dict[str, Any]:
    scales = [_ref("gauge"), _ref("gauge")]
    scales += [{"type": ["integer", "null"], "minimum": 1, "maximum": high} for high in (4, 999)]
    return {
        "type": "object",
        "required": ["taken_at", "data"],
        "additionalProperties": False,
        "properties": {
            "taken_at": _ref("moment"),
            "data": {
                "type": "object",
                "additionalProperties": False,
                "properties": {
                    "ratings": {
                        "description": "Keyed by strength id: [proficiency, energy, edge, rank] "
                        "as they were.",
                        "type": "object",
                        "propertyNames": _ref("content_id"),
                        "additionalProperties": {
                            "type": "array",
                            "prefixItems": scales,
                            "minItems": 4,
                            "maxItems": 4,
                        },
                    },
                    "scores": {
                        "description": "Keyed by path id: the fit score then.",
                        "type": "object",
                        "propertyNames": _ref("content_id"),
                        "additionalProperties": {"type": "number"},
                    },
                    "mode": property_of(_profile_field("strength_mode")),
                },
            },
        },
    }


def _profile_field(name: str) -> Field:
    return next(t for t in TABLES if t.name == "profile").field(name)


def _escaped(pattern: str) -> str:
    """A pattern with its invisible characters written as \\uXXXX, as JSON Schema reads."""
    return "".join(c if c.isprintable() and c.isascii() else f"\\u{ord(c):04x}" for c in pattern)


def _definitions() -> dict[str, Any]:
    defs: dict[str, Any] = {
        "list_of": {"type": "array", "maxItems": MAX_ITEMS},
        "short_text": {
            "type": "string",
            "maxLength": MAX_SHORT_TEXT,
            "not": {"pattern": "\\u0000"},
        },
        "long_text": {"type": "string", "maxLength": MAX_LONG_TEXT, "not": {"pattern": "\\u0000"}},
        "one_line": {
            "description": "A name: text without control characters (Unicode category Cc) "
            "or line separators.",
            "type": "string",
            "not": {"pattern": _escaped(NAME_CONTROLS.pattern)},
        },
        "content_id": {"type": "string", "pattern": CONTENT_ID.pattern},
        "optional_content_id": {"type": ["string", "null"], "pattern": CONTENT_ID.pattern},
        "date": {"type": "string", "pattern": DATE_TEXT.pattern, "format": "date"},
        "optional_date": {
            "type": ["string", "null"],
            "pattern": DATE_TEXT.pattern,
            "format": "date",
        },
        "moment": {
            "description": "A date and time in ISO 8601, such as 2026-08-10T09:30:00+00:00.",
            "type": "string",
            "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}",
            "maxLength": 40,
        },
        "gauge": {"type": ["integer", "null"], "minimum": 1, "maximum": 5},
        "hours": {"type": "number", "minimum": 0, "maximum": int(MAX_HOURS)},
        "entry_id": {
            "description": "A number other entries use to point at this one (goal links, "
            "reinvestment targets). Any unique whole number; the import gives new ones.",
            "type": "integer",
            "minimum": 1,
            "maximum": 2**62,
        },
    }
    for table in TABLES:
        name = DEFINITIONS.get(table.name, "")
        if not name:
            continue  # a single value in its place (preferences, the edge statement)
        if table.internal:
            defs[name] = _snapshot()
        elif table.name == "strength_ratings":
            defs[name] = _rating(table)
        elif table.name == "goals":
            nested = {"$ref": "#/$defs/list_of", "items": _ref(DEFINITIONS["actions"])}
            defs[name] = entry(table, actions=nested)
        elif table.in_file in (InFile.OBJECT, InFile.MAP, InFile.LIST, InFile.NESTED):
            defs[name] = entry(table)
    return defs


def _section(table: Table) -> dict[str, Any]:
    name = DEFINITIONS.get(table.name, "")
    described = {"description": table.note} if table.note else {}
    keyed = {
        "type": "object",
        "maxProperties": MAX_ITEMS,
        "propertyNames": _ref("content_id"),
    }
    if table.in_file is InFile.OBJECT:
        return _ref(name)
    if table.in_file is InFile.MAP:
        return {**described, **keyed, "additionalProperties": _ref(name)}
    if table.in_file is InFile.MAP_VALUE:
        return {**described, **keyed, "additionalProperties": property_of(table.fields[0])}
    if table.in_file is InFile.VALUE:
        return property_of(table.fields[0])
    return {"$ref": "#/$defs/list_of", "items": _ref(name)}


def json_schema() -> dict[str, Any]:
    """The whole schema (draft 2020-12)."""
    sections = {t.file_key: _section(t) for t in TABLES if t.in_file is not InFile.NESTED}
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"urn:career-workbook:workbook-file:{VERSION}",
        "title": f"Career Workbook: workbook file, version {VERSION}",
        "description": "One whole workbook as written by `career-workbook export` and read "
        "by `career-workbook import`. Described in docs/workbook-file.md. Content ids "
        "(strengths, preferences, values, context questions, paths, prompts, library tasks "
        "and questions) must also exist in the content of the program that imports the file; a "
        "schema cannot check that, nor references between entries. Made from the program's "
        "registry of fields (workbook/registry.py).",
        "type": "object",
        "required": ["format", "version", "name"],
        "additionalProperties": False,
        "properties": {
            "format": {"const": FORMAT},
            "version": {"const": VERSION},
            "exported_at": _ref("moment"),
            "app_version": _ref("short_text"),
            "name": {
                "description": f"The workbook's name; at most {MAX_WORKBOOK_NAME} characters "
                "once runs of spaces are made one, on one line: no control character (a "
                "tab, a line break, NUL...).",
                "type": "string",
                "minLength": 1,
                "maxLength": 10000,
                "pattern": "\\S",
                "$ref": "#/$defs/one_line",
            },
            **sections,
        },
        "$defs": _definitions(),
    }


def schema_text() -> str:
    return json.dumps(json_schema(), ensure_ascii=False, indent=2) + "\n"


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else PATH
    target.write_text(schema_text(), encoding="utf-8")
    print(f"Wrote {target}")
