"""The shape every content file must have, declared as data.

A schema maps each field to a Field rule: its type, whether it is required,
the values it may take and, for nested tables, the schema of what is
inside. `check()` walks a parsed TOML document and returns every problem
as (item, field, message), so a coach fixing a file sees all of them at once.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from workbook.registry import table

ID_PATTERN = re.compile(r"^[a-z][a-z0-9_]*$")
SOURCE_PATTERN = re.compile(r"^(coaching practice|\d{3}_[0-9a-f]{16}\.txt)$")

STEPS = ("about", "strengths", "edge", "ai_plan", "plan")
GROW = table("goals").field("grow_notes").choices  # a prompt's coaching stage
#: A library task's mode and stakes, and a suggested action's kind, are what a person
#: may store (`workbook.registry`).
MODES = table("ai_tasks").field("mode").choices
STAKES = table("ai_tasks").field("stakes").choices
ACTION_KINDS = table("actions").field("kind").choices
TOPICS = ("path", "strengths", "ai", "growth", "support")
#: What delegating a library task to AI may put at risk besides a wrong output, and how much.
RISK_KINDS = ("own_skill", "juniors", "personal_data")
RISK_LEVELS = ("low", "medium", "high")
SCALE_IDS = ("proficiency", "energy", "edge", "agreement", "gauge")
#: The rules `workbook.analysis.contradictions` knows, each with the lowest and highest
#: threshold that still makes sense for it (what the threshold counts is in
#: docs/contradictions.md).
CONTRADICTION_RULES = {
    "energy_against_statement": (1, 4),  # steps apart on two 1..5 scales
    "future_against_values": (1, 4),  # steps apart on two 1..5 gauges
    "statements_pull_apart": (6, 10),  # two agreements added up
    "best_without_skill": (1, 4),  # proficiency at most, beside the top edge
    "top_skill_without_example": (3, 5),  # proficiency at least, with no example
    "best_at_many": (2, 40),  # strengths among the best you know
}


@dataclass(frozen=True)
class Field:
    kind: type | tuple[type, ...]
    required: bool = True
    choices: tuple[Any, ...] | None = None
    check: Callable[[Any], str | None] | None = None
    #: For a list of tables, or a table: the schema of each.
    items: dict[str, Field] | None = None
    #: For a table of levels: the keys that must all be present.
    levels: tuple[str, ...] | None = None


def _text(value: Any) -> str | None:
    return None if value.strip() else "must not be empty"


def _id(value: Any) -> str | None:
    if ID_PATTERN.match(value):
        return None
    return "must be lowercase letters, digits and _ (starting with a letter)"


def _source(value: Any) -> str | None:
    if SOURCE_PATTERN.match(value):
        return None
    return "must be a seed file name such as '003_2c18235c39eec45e.txt' or 'coaching practice'"


def _weight(value: Any) -> str | None:
    return None if -3 <= value <= 3 else "must be a whole number from -3 to 3"


def _share(value: Any) -> str | None:
    return None if 0.0 <= value <= 1.0 else "must be between 0.0 and 1.0"


def _share_range(value: Any) -> str | None:
    numbers = [v for v in value if isinstance(v, int | float) and not isinstance(v, bool)]
    if len(value) != 2 or len(numbers) != 2 or not 0.0 <= numbers[0] < numbers[1] <= 1.0:
        return "must be two numbers [low, high] with 0.0 <= low < high <= 1.0"
    return None


def _setup(value: Any) -> str | None:
    return None if 0 <= value <= 200 else "must be from 0 to 200 hours"


def _risks(value: Any) -> str | None:
    if set(value) != set(RISK_KINDS):
        return "must give a level for each of: " + ", ".join(RISK_KINDS)
    if any(level not in RISK_LEVELS for level in value.values()):
        return "each level must be one of: " + ", ".join(RISK_LEVELS)
    return None


def _scale_levels(value: Any) -> str | None:
    # Keys are read as numbers later, so anything but 1..4 or 1..5 must stop here.
    if set(value) not in ({str(n) for n in range(1, 5)}, {str(n) for n in range(1, 6)}):
        return "needs the levels 1 to 4 or 1 to 5"
    if not all(isinstance(text, str) and text.strip() for text in value.values()):
        return "every level needs a description"
    return None


def _hours(value: Any) -> str | None:
    return None if 0 < value <= 60 else "must be more than 0 and at most 60 hours a week"


ID = Field(str, check=_id)
TEXT = Field(str, check=_text)
OPTIONAL_TEXT = Field(str, required=False, check=_text)
SOURCE = Field(str, check=_source)
FIVE = tuple(str(n) for n in range(1, 6))
FOUR = tuple(str(n) for n in range(1, 5))


def levels(keys: tuple[str, ...]) -> Field:
    return Field(dict, levels=keys)


def table_list(items: dict[str, Field], required: bool = True) -> Field:
    return Field(list, required=required, items=items)


SCALES = {
    "scales": table_list(
        {
            "id": Field(str, choices=SCALE_IDS),
            "name": TEXT,
            "question": TEXT,
            "source": SOURCE,
            "levels": Field(dict, check=_scale_levels),
        }
    )
}

STRENGTHS = {
    "domains": table_list(
        {"id": ID, "name": TEXT, "description": TEXT, "source": Field(str, False, check=_source)}
    ),
    "strengths": table_list(
        {
            "id": ID,
            "domain": ID,
            "name": TEXT,
            "description": TEXT,
            "source": SOURCE,
            "overuse": TEXT,
            "proficiency": levels(FIVE),
            "energy": levels(FIVE),
            "edge": levels(FOUR),
        }
    ),
}

PROMPTS = {
    "prompts": table_list(
        {
            "id": ID,
            "text": TEXT,
            "step": Field(str, choices=STEPS),
            "grow": Field(str, choices=GROW),
            "source": SOURCE,
            "hint": OPTIONAL_TEXT,
        }
    )
}

PREFERENCES = {
    "preferences": table_list(
        {"id": ID, "statement": TEXT, "source": SOURCE, "hint": OPTIONAL_TEXT}
    )
}

VALUES = {
    "note": TEXT,
    "values": table_list({"id": ID, "name": TEXT, "description": TEXT, "source": SOURCE}),
}

CONTEXT = {
    "questions": table_list(
        {
            "id": ID,
            "text": TEXT,
            "kind": Field(str, choices=("choice", "text")),
            "source": SOURCE,
            "hint": OPTIONAL_TEXT,
            "options": table_list({"id": ID, "label": TEXT}, required=False),
        }
    )
}

_WEIGHT = Field(int, check=_weight)
PATHS = {
    "paths": table_list(
        {
            "id": ID,
            "name": TEXT,
            "short_name": TEXT,
            "description": TEXT,
            "source": SOURCE,
            "strengths": table_list({"strength": ID, "weight": _WEIGHT, "why": TEXT}),
            "preferences": table_list({"preference": ID, "weight": _WEIGHT, "why": TEXT}),
            "values": table_list({"value": ID, "weight": _WEIGHT, "why": TEXT}, required=False),
            "context": table_list(
                {"question": ID, "answer": ID, "weight": _WEIGHT, "why": TEXT}, required=False
            ),
        }
    )
}

AI_TASKS = {
    "note": TEXT,
    "risks": table_list(
        {
            "id": Field(str, choices=RISK_KINDS),
            "name": TEXT,
            "question": TEXT,
            "source": SOURCE,
            "levels": levels(RISK_LEVELS),
        }
    ),
    "families": table_list(
        {
            "id": ID,
            "share_range": Field(list, check=_share_range),
            "share_ceiling": Field((int, float), check=_share),
            "tasks": table_list(
                {
                    "id": ID,
                    "name": TEXT,
                    "hours_hint": Field((int, float), check=_hours),
                    "ai_share": Field((int, float), check=_share),
                    "mode": Field(str, choices=MODES),
                    "validation": TEXT,
                    "stakes": Field(str, choices=STAKES),
                    "stakes_note": TEXT,
                    "outcome": TEXT,
                    "setup_hours": Field((int, float), check=_setup),
                    "risks": Field(dict, check=_risks),
                    "risk_note": OPTIONAL_TEXT,
                    "source": SOURCE,
                }
            ),
        }
    ),
}

ORCHESTRATION = {
    "skills": table_list(
        {"id": ID, "name": TEXT, "why_it_matters": TEXT, "source": SOURCE, "levels": levels(FIVE)}
    )
}

QUESTIONS = {
    "questions": table_list(
        {"id": ID, "text": TEXT, "topic": Field(str, choices=TOPICS), "source": SOURCE}
    )
}

ACTIONS = {
    "actions": table_list(
        {
            "id": ID,
            "text": TEXT,
            "kind": Field(str, choices=ACTION_KINDS),
            "for_strength": Field(str, required=False, check=_id),
            "for_path": Field(str, required=False, check=_id),
            "source": SOURCE,
        }
    )
}

#: A part of a path guide: its text, where the idea comes from, and an optional credit
#: naming a source outside the seeds (a book or an essay the idea follows).
_GUIDE_TEXT = {"text": TEXT, "source": SOURCE, "credit": OPTIONAL_TEXT}
PATH_GUIDES = {
    "sponsor_mentor": Field(dict, items={"title": TEXT, **_GUIDE_TEXT}),
    "guides": table_list(
        {
            "path": ID,
            "summary": TEXT,
            "week": Field(dict, items=_GUIDE_TEXT),
            "reversibility": Field(dict, items=_GUIDE_TEXT),
            "roles": Field(
                dict,
                items={
                    "title": TEXT,
                    "intro": TEXT,
                    "credit": OPTIONAL_TEXT,
                    "variants": table_list(
                        {"id": ID, "name": TEXT, "description": TEXT, "source": SOURCE}
                    ),
                },
            ),
        }
    ),
}

CONTRADICTIONS = {
    "rules": table_list(
        {
            "id": Field(str, choices=tuple(CONTRADICTION_RULES)),
            "looks_at": TEXT,
            "threshold": Field(int),
            "source": SOURCE,
        }
    ),
    "energy_pairs": table_list(
        {"strength": ID, "preference": ID, "perhaps": TEXT, "source": SOURCE}
    ),
    "statement_pairs": table_list({"first": ID, "second": ID, "perhaps": TEXT, "source": SOURCE}),
}

#: file name -> (format name, schema)
FILES: dict[str, tuple[str, dict[str, Field]]] = {
    "scales.toml": ("career-workbook-scales", SCALES),
    "strengths.toml": ("career-workbook-strengths", STRENGTHS),
    "prompts.toml": ("career-workbook-prompts", PROMPTS),
    "preferences.toml": ("career-workbook-preferences", PREFERENCES),
    "values.toml": ("career-workbook-values", VALUES),
    "context.toml": ("career-workbook-context", CONTEXT),
    "paths.toml": ("career-workbook-paths", PATHS),
    "ai_tasks.toml": ("career-workbook-ai-tasks", AI_TASKS),
    "orchestration.toml": ("career-workbook-orchestration", ORCHESTRATION),
    "questions.toml": ("career-workbook-conversation-questions", QUESTIONS),
    "actions.toml": ("career-workbook-action-ideas", ACTIONS),
    "path_guides.toml": ("career-workbook-path-guides", PATH_GUIDES),
    "contradictions.toml": ("career-workbook-contradictions", CONTRADICTIONS),
}
SUPPORTED_VERSION = 1


def _type_name(kind: type | tuple[type, ...]) -> str:
    names = {str: "text", int: "a whole number", float: "a number", list: "a list", dict: "a table"}
    kinds = kind if isinstance(kind, tuple) else (kind,)
    return " or ".join(names.get(k, k.__name__) for k in kinds)


def _check_value(value: Any, rule: Field, where: str, field: str, problems: list) -> None:
    kinds = rule.kind if isinstance(rule.kind, tuple) else (rule.kind,)
    if isinstance(value, bool) or not isinstance(value, kinds):
        problems.append((where, field, f"must be {_type_name(rule.kind)}"))
        return
    if rule.choices is not None and value not in rule.choices:
        allowed = ", ".join(map(str, rule.choices))
        problems.append((where, field, f"is {value!r}; it must be one of: {allowed}"))
    if rule.check is not None and (message := rule.check(value)):
        problems.append((where, field, message))
    if rule.levels is not None:
        for key in rule.levels:
            text = value.get(key)
            if not isinstance(text, str) or not text.strip():
                problems.append((where, f"{field}.{key}", "this level needs a description"))
        for key in value:
            if key not in rule.levels:
                problems.append((where, f"{field}.{key}", "is not a level of this scale"))
    if rule.items is not None and isinstance(value, dict):
        # A table inside an item (a guide's week) is named with its parent.
        check_table(
            value, rule.items, field if where == "the file" else f"{where}, {field}", problems
        )
    if rule.items is not None and isinstance(value, list):
        for index, item in enumerate(value):
            if not isinstance(item, dict):
                problems.append((where, f"{field}[{index + 1}]", "must be a table"))
                continue
            label = item.get("id") or item.get("strength") or item.get("preference")
            label = label or item.get("value") or item.get("question") or item.get("path")
            label = label or f"number {index + 1}"
            # A nested item (a path's weight, a question's option) names its parent too.
            inner = f"{field} {label!r}"
            check_table(
                item, rule.items, inner if where == "the file" else f"{where}, {inner}", problems
            )


def check_table(table: dict, schema: dict[str, Field], where: str, problems: list) -> None:
    for field, rule in schema.items():
        if field not in table:
            if rule.required:
                problems.append((where, field, "is missing"))
            continue
        _check_value(table[field], rule, where, field, problems)
    for field in table:
        if field not in schema and field not in ("format", "version"):
            problems.append((where, field, "is not a field this file knows (a typo?)"))


def check(document: dict, file_name: str) -> list[tuple[str, str, str]]:
    """Every problem in a parsed content file, as (item, field, message)."""
    format_name, schema = FILES[file_name]
    problems: list[tuple[str, str, str]] = []
    if document.get("format") != format_name:
        problems.append(("the file", "format", f"must be {format_name!r}"))
    version = document.get("version")
    if version != SUPPORTED_VERSION:
        problems.append(
            (
                "the file",
                "version",
                f"is {version!r}; this program reads version {SUPPORTED_VERSION}",
            )
        )
    check_table(document, schema, "the file", problems)
    return problems
