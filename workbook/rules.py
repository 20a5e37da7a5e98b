"""The door's rule for each field, made from its entry in the registry.

A rule takes a value as a person or a file gives it and returns what is stored, or
raises InvalidEdit with a plain message naming the field. `rule(field)` makes one from
a `registry.Field`; the text rules are also used for names (a workbook's, a strength's).
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from datetime import date, datetime
from functools import cache
from typing import Any

from workbook.errors import InvalidEdit
from workbook.fields import REFUSE, Field, Kind

Rule = Callable[[Any], Any]

#: What no name may hold: a name is one line of visible text, so every control character
#: (Unicode category Cc: a tab, a line break, NUL, a terminal's escape codes) is refused,
#: with the line and paragraph separators and the bidirectional embeddings, overrides
#: and isolates: invisible, and able to make a name show as another one.
NAME_CONTROLS = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
#: Said after the field's name, here and by the workbook file's checks.
CONTROLS_IN_NAME = (
    "cannot contain control characters (such as a tab, a line break or an invisible NUL)"
)
#: The one character no text may hold, long answers included: most tools cut text short at
#: a NUL, and it has no visible form. Line breaks and tabs are fine in a long answer.
NUL = "\x00"
ID_PATTERN = re.compile(r"^[a-z][a-z0-9_]*$")


def text_rule(limit: int) -> Rule:
    def check(value: Any) -> str:
        if value is None:
            return ""
        if not isinstance(value, str):
            raise InvalidEdit("This answer must be text.")
        if len(value) > limit:
            raise InvalidEdit(f"This answer is too long: keep it to {limit:,} characters or fewer.")
        if NUL in value:
            raise InvalidEdit("This text holds an invisible NUL character and cannot be saved.")
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            # Only a damaged paste or a buggy script produces half a character pair.
            raise InvalidEdit("This text holds a broken character and cannot be saved.") from None
        return value

    return check


def name_rule(limit: int, label: str) -> Rule:
    """A one-line name: text as `text_rule` takes it, without control characters."""
    text = text_rule(limit)

    def check(value: Any) -> str:
        # First, so that a NUL in a name is refused as any control character, naming the field.
        if isinstance(value, str) and NAME_CONTROLS.search(value):
            raise InvalidEdit(f"{label} {CONTROLS_IN_NAME}.")
        return text(value)

    return check


def _whole(field: Field) -> Rule:
    low, high = int(field.low), int(field.high)

    def check(value: Any) -> int:
        if isinstance(value, bool) or not isinstance(value, int):
            raise InvalidEdit(f"{field.label} must be a whole number from {low} to {high}.")
        if not low <= value <= high:
            raise InvalidEdit(f"{field.label} must be from {low} to {high}.")
        return value

    return check


def _number(field: Field) -> Rule:
    def check(value: Any) -> float:
        if isinstance(value, bool) or not isinstance(value, int | float) or value != value:
            raise InvalidEdit(f"{field.label} must be a number.")
        if not field.low <= value <= field.high:
            raise InvalidEdit(f"{field.label} must be from {field.low:g} to {field.high:g}.")
        return float(value)

    return check


def _choice(field: Field) -> Rule:
    listed = ", ".join(map(str, field.choices))

    def check(value: Any) -> Any:
        # Of the same type too: True == 1 and 30.0 == 30, but neither is a choice on offer.
        if not any(type(value) is type(c) and value == c for c in field.choices):
            raise InvalidEdit(f"{value!r} is not one of the {field.choices_label}: {listed}.")
        return value

    return check


def _date(field: Field) -> Rule:
    def check(value: Any) -> str:
        if isinstance(value, datetime):  # a datetime is a date too, but its text has a time
            return value.date().isoformat()
        if isinstance(value, date):
            return value.isoformat()
        try:
            return date.fromisoformat(str(value)).isoformat()
        except ValueError:
            raise InvalidEdit(f"{field.label} must be a date written as YYYY-MM-DD.") from None

    return check


def _flag(value: Any) -> int:
    if not isinstance(value, bool | int) or value not in (0, 1):
        raise InvalidEdit("This must be yes or no.")
    return int(value)


def _content_id(value: Any) -> str:
    if not isinstance(value, str) or not ID_PATTERN.match(value):
        raise InvalidEdit(f"{value!r} is not a valid id.")
    return value


def _links(value: Any) -> str:
    if isinstance(value, str):
        try:
            value = json.loads(value)
        except ValueError:
            raise InvalidEdit("Links must be a list.") from None
    if not isinstance(value, list | tuple) or not all(isinstance(v, str) for v in value):
        raise InvalidEdit("Links must be a list of names such as 'strength:mentoring'.")
    return json.dumps(list(value))


def _strength_links(value: Any) -> str:
    stored = _links(value)
    if any(not link.startswith("strength:") for link in json.loads(stored)):
        raise InvalidEdit("These links name strengths only, such as 'strength:mentoring'.")
    return stored


def _notes(field: Field) -> Rule:
    """Notes under named headings (a goal's GROW stages): an object of those keys to text;
    a blank note is left out, so the stored object holds only what was written."""
    text = text_rule(field.limit)
    listed = ", ".join(field.choices)

    def check(value: Any) -> str:
        if isinstance(value, str):
            try:
                value = json.loads(value)
            except ValueError:
                raise InvalidEdit(f"{field.shown} must be notes under {listed}.") from None
        if not isinstance(value, dict):
            raise InvalidEdit(f"{field.shown} must be notes under {listed}.")
        kept = {}
        for key, note in value.items():
            if key not in field.choices:
                raise InvalidEdit(f"{field.shown} are kept under {listed} only, not {key!r}.")
            if note is not None and not isinstance(note, str):
                raise InvalidEdit(f"{field.shown}: the note under {key!r} must be text.")
            if note := text(note):
                kept[key] = note
        return json.dumps({key: kept[key] for key in field.choices if key in kept})

    return check


def _moment(value: Any) -> str:
    if isinstance(value, str):
        try:
            datetime.fromisoformat(value)
            return value
        except ValueError:
            pass
    raise InvalidEdit("This must be a date and time such as 2026-08-10T09:30:00Z.")


def _document(value: Any) -> str:
    return value if isinstance(value, str) else json.dumps(value)


_MAKERS: dict[Kind, Callable[[Field], Rule]] = {
    Kind.WHOLE: _whole,
    Kind.NUMBER: _number,
    Kind.CHOICE: _choice,
    Kind.DATE: _date,
    Kind.FLAG: lambda field: _flag,
    Kind.ID: lambda field: _content_id,
    Kind.STRENGTH: lambda field: _content_id,
    Kind.LINKS: lambda field: _strength_links if field.known == "strengths" else _links,
    Kind.NOTES: _notes,
    Kind.MOMENT: lambda field: _moment,
    Kind.DOCUMENT: lambda field: _document,
}


@cache
def rule(field: Field) -> Rule:
    """The door's rule for `field`: what a blank stores, and the check of anything else."""
    if field.kind is Kind.TEXT:
        return text_rule(field.limit)
    if field.kind is Kind.LINE:
        return name_rule(field.limit, field.label)
    check = _MAKERS[field.kind](field)
    blank = field.blank

    def checked(value: Any) -> Any:
        if value is None or value == "":
            if blank is not REFUSE:
                return blank
            if field.kind is Kind.CHOICE:
                return check(value)  # names the choices on offer
            raise InvalidEdit(f"{field.label} cannot be left empty.")
        return check(value)

    return checked
