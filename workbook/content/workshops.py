"""Workshop agendas: the templates shipped in `resources/content/workshop_templates.toml`,
checked like the rest of the content, and an agenda a coach copied and edited, checked
by the same rules.

A template is a named list of timed exercises. Each exercise names the workbook step
it uses, its minutes, its format (alone, pairs, threes, group), what the presenter
view shows (instructions and prompts) and the debrief questions; `per_person` is a
speaker's turn in a pair or a three. An agenda is read from a dict shaped like one
template (`agenda_from`), so an edited copy stored as JSON is held to the same rules
as the file. Kept apart from `Content`: only the workshop's window needs it, never the
way to a person's first workbook.
"""

from __future__ import annotations

import functools
from importlib import resources
from typing import Any, NamedTuple

from workbook.content.schema import (
    ID,
    SOURCE,
    SUPPORTED_VERSION,
    TEXT,
    Field,
    check_table,
    table_list,
)
from workbook.steps import STEPS

FILE = "workshop_templates.toml"
FORMAT = "career-workbook-workshop-templates"
FORMATS = ("alone", "pairs", "threes", "group")
FORMAT_WORDS = {"alone": "alone", "pairs": "in pairs", "threes": "in threes", "group": "together"}
#: The longest an exercise may run, and an agenda in all: a long day.
MAX_MINUTES = 240
MAX_AGENDA_MINUTES = 8 * 60
MAX_EXERCISES = 40


def _minutes(value: Any) -> str | None:
    return None if 1 <= value <= MAX_MINUTES else f"must be from 1 to {MAX_MINUTES} minutes"


def _texts(value: Any) -> str | None:
    if not value:
        return "needs at least one line"
    if not all(isinstance(line, str) and line.strip() for line in value):
        return "every line must be text, not empty"
    return None


LINES = Field(list, check=_texts)
EXERCISE = {
    "id": ID,
    "title": TEXT,
    "step": Field(str, choices=tuple(step.id for step in STEPS)),
    "minutes": Field(int, check=_minutes),
    "format": Field(str, choices=FORMATS),
    "per_person": Field(int, required=False, check=_minutes),
    "instructions": TEXT,
    "prompts": LINES,
    "debrief": LINES,
    "source": Field(str, required=False, check=SOURCE.check),
}
TEMPLATE = {
    "id": ID,
    "name": TEXT,
    "summary": TEXT,
    "source": Field(str, required=False, check=SOURCE.check),
    "exercises": table_list(EXERCISE),
}
SCHEMA = {"templates": table_list(TEMPLATE)}


class Exercise(NamedTuple):
    id: str
    title: str
    step: str
    minutes: int
    format: str
    instructions: str
    prompts: tuple[str, ...]
    debrief: tuple[str, ...]
    per_person: int | None = None


class Agenda(NamedTuple):
    """A template, or a coach's copy of one."""

    id: str
    name: str
    summary: str
    exercises: tuple[Exercise, ...]

    @property
    def minutes(self) -> int:
        return sum(e.minutes for e in self.exercises)


class AgendaProblem(ValueError):
    """An agenda (the shipped file or an edited copy) that breaks a rule, every problem
    named as "where, field: what is wrong"."""

    def __init__(self, problems: list[tuple[str, str, str]]) -> None:
        self.problems = problems
        lines = [f"{where}, field '{field}': {message}" for where, field, message in problems]
        super().__init__("The agenda has problems:\n  " + "\n  ".join(lines))


def _rules(agenda: dict[str, Any], where: str) -> list[tuple[str, str, str]]:
    """What the schema alone cannot say: ids once each, turns that fit, a day's length."""
    problems: list[tuple[str, str, str]] = []
    exercises = agenda.get("exercises") or []
    seen: set[str] = set()
    for item in exercises:
        name = f"{where}, exercise {item.get('id')!r}"
        if item.get("id") in seen:
            problems.append((name, "id", "is used twice; ids must be unique"))
        seen.add(item.get("id"))
        turn, size = item.get("per_person"), {"pairs": 2, "threes": 3}.get(item.get("format"))
        if turn is not None and size is None:
            problems.append((name, "per_person", "is for exercises done in pairs or threes"))
        elif (
            turn is not None
            and isinstance(item.get("minutes"), int)
            and turn * size > (item["minutes"])
        ):
            problems.append(
                (name, "per_person", f"{size} turns of {turn} minutes do not fit in the minutes")
            )
    if not exercises:
        problems.append((where, "exercises", "needs at least one exercise to run"))
    if len(exercises) > MAX_EXERCISES:
        problems.append((where, "exercises", f"holds more than {MAX_EXERCISES} exercises"))
    total = sum(e.get("minutes", 0) for e in exercises if isinstance(e.get("minutes"), int))
    if total > MAX_AGENDA_MINUTES:
        problems.append((where, "exercises", f"run {total} minutes, more than a long day"))
    return problems


def _build(agenda: dict[str, Any]) -> Agenda:
    return Agenda(
        agenda["id"],
        agenda["name"].strip(),
        agenda["summary"].strip(),
        tuple(
            Exercise(
                e["id"],
                e["title"].strip(),
                e["step"],
                e["minutes"],
                e["format"],
                e["instructions"].strip(),
                tuple(p.strip() for p in e["prompts"]),
                tuple(d.strip() for d in e["debrief"]),
                e.get("per_person"),
            )
            for e in agenda["exercises"]
        ),
    )


def agenda_from(document: dict[str, Any]) -> Agenda:
    """An agenda from a dict shaped like one template; `AgendaProblem` names what is wrong."""
    problems: list[tuple[str, str, str]] = []
    if not isinstance(document, dict):
        raise AgendaProblem([("the agenda", "-", "must be a table")])
    check_table(document, TEMPLATE, "the agenda", problems)
    if not problems:
        problems = _rules(document, "the agenda")
    if problems:
        raise AgendaProblem(problems)
    return _build(document)


def agenda_document(agenda: Agenda) -> dict[str, Any]:
    """The dict `agenda_from` reads back: how an edited copy is stored."""
    return {
        "id": agenda.id,
        "name": agenda.name,
        "summary": agenda.summary,
        "exercises": [
            {
                k: v
                for k, v in {
                    "id": e.id,
                    "title": e.title,
                    "step": e.step,
                    "minutes": e.minutes,
                    "format": e.format,
                    "per_person": e.per_person,
                    "instructions": e.instructions,
                    "prompts": list(e.prompts),
                    "debrief": list(e.debrief),
                }.items()
                if v is not None
            }
            for e in agenda.exercises
        ],
    }


def parse_templates(document: dict[str, Any]) -> dict[str, Agenda]:
    """The templates of a parsed file, by id; `AgendaProblem` lists every problem."""
    problems: list[tuple[str, str, str]] = []
    if document.get("format") != FORMAT:
        problems.append(("the file", "format", f"must be {FORMAT!r}"))
    if document.get("version") != SUPPORTED_VERSION:
        problems.append(("the file", "version", f"must be {SUPPORTED_VERSION}"))
    check_table(document, SCHEMA, "the file", problems)
    if problems:
        raise AgendaProblem(problems)
    found: dict[str, Agenda] = {}
    for item in document["templates"]:
        where = f"template {item['id']!r}"
        problems += _rules(item, where)
        if item["id"] in found:
            problems.append((where, "id", "is used twice; ids must be unique"))
        found[item["id"]] = _build(item)
    if problems:
        raise AgendaProblem(problems)
    return found


@functools.cache
def load_templates() -> dict[str, Agenda]:
    """The shipped templates, read and checked once per process."""
    import tomllib

    text = resources.files("resources").joinpath("content", FILE).read_text(encoding="utf-8")
    return parse_templates(tomllib.loads(text))
