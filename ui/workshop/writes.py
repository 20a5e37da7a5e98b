"""How the workshop editor writes: one call to `workbook.workshop`, and a refusal told in
plain words instead of raised.

`write(session, edit, *args)` runs the edit on the session's database and returns what
it returned, or a `Refused` holding the sentence to show beside the field: a file the
window may only read, a name the domain refuses (`InvalidEdit`), an agenda that breaks
a rule (`AgendaProblem`, each problem said as a sentence by `plain`), or SQLite's own
refusal (a full disk). No stack trace reaches the person, and a refused edit stores
nothing (the domain writes in one transaction, after its checks).
"""

from __future__ import annotations

import sqlite3
from typing import TYPE_CHECKING, Any, NamedTuple

from workbook.content.workshops import AgendaProblem
from workbook.errors import WorkbookError, as_problem

if TYPE_CHECKING:
    from collections.abc import Callable

#: What each field of an agenda is called in a sentence.
FIELD_WORDS = {
    "title": "the title",
    "step": "the step",
    "minutes": "the minutes",
    "format": "the way people work",
    "per_person": "the minutes per person",
    "instructions": "the instructions",
    "prompts": "the prompts",
    "debrief": "the debrief questions",
    "exercises": "the agenda",
    "id": "the exercise's id",
    "name": "the agenda's name",
    "summary": "the agenda's summary",
}
PLURAL = {"prompts", "debrief", "exercises"}


class Refused(NamedTuple):
    """An edit that was not stored, and why, in words for the person."""

    message: str


def plain(problem: AgendaProblem) -> str:
    """The agenda's problems as sentences: "The minutes must be from 1 to 240 minutes."."""
    sentences = []
    for _where, field, message in problem.problems:
        if field == "per_person" and "do not fit" in message:
            text = f"{message.replace('in the minutes', 'in the exercise')}"
        elif field == "exercises":
            text = "the agenda " + message.replace("run ", "would run ", 1).replace(
                "holds ", "would hold ", 1
            )
        else:
            if field in PLURAL:
                message = message.replace("needs ", "need ", 1)
            text = f"{FIELD_WORDS.get(field, 'the agenda')} {message}"
        sentences.append(text[:1].upper() + text[1:].rstrip(".") + ".")
    return " ".join(dict.fromkeys(sentences))


def write(session: Any, edit: Callable[..., Any], *args: object) -> Any:
    """`edit(session.db, *args)`, or a `Refused` saying in plain words why nothing was
    stored."""
    if session.read_only is not None:
        return Refused(f"Not saved: {session.read_only}")
    try:
        return edit(session.db, *args)
    except AgendaProblem as problem:
        return Refused(f"Not saved. {plain(problem)}")
    except (WorkbookError, sqlite3.Error) as problem:
        return Refused(as_problem(problem).message)
