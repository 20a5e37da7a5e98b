"""The shapes of a workbook file's document: every object's fields and each field's check.

`checking.py` walks a document with these (`validate`); a check reports a problem
through the walker it is given (`Checker`), naming where in the document it is.
Each field's check is made from its entry in the registry (`column_check`), and lets
through only what the door's rule for it stores (`workbook.rules`; tests/test_registry.py
checks that as a property).
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, Protocol

from workbook.content.catalogue import Content
from workbook.door import MAX_WORKBOOK_NAME
from workbook.fields import Field as Column
from workbook.fields import Kind
from workbook.model import MAX_LONG_TEXT, MAX_SHORT_TEXT
from workbook.registry import BY_NAME
from workbook.rules import CONTROLS_IN_NAME, NAME_CONTROLS, NUL
from workbook.workbook_file.reading import Where, kind_of, show_value
from workbook.workbook_file.spec import DATE_TEXT, LINK_KINDS, MAX_ITEMS, ROW_REF


class Checker(Protocol):
    """What a check may ask of the walker (`checking._Validator`)."""

    content: Content

    def add(self, where: Where, message: str) -> None: ...
    def mapping(self, value: Any, where: Where) -> bool: ...
    def object(self, value: Any, where: Where, fields: Shape) -> bool: ...
    def items(self, value: Any, where: Where, fields: Shape) -> None: ...
    def ratings(self, value: Any) -> None: ...
    def preferences(self, value: Any, where: Where) -> None: ...
    def values(self, value: Any, where: Where) -> None: ...
    def context(self, value: Any, where: Where) -> None: ...
    def futures(self, value: Any, where: Where) -> None: ...
    def reinvestment_targets(self, value: Any) -> None: ...


Check = Callable[["Checker", Any, Where], None]


@dataclass(frozen=True)
class Field:
    check: Check
    required: bool = False


#: What a check lets through at a glance, kept on the check as `plain` so that
#: `Checker.object` can pass the commonest values without calling it: (TEXT, limit, blank,
#: one line),
#: (WHOLE, low, high), (NUMBER, low, high), (CHOICE, allowed (type, value) pairs) or (FLAG,),
#: and whether None is fine. Anything else, wrong or only unusual, goes to the check itself.
TEXT, WHOLE, NUMBER, CHOICE, FLAG = range(5)


def _plain(check: Check, *plain: Any, nullable: bool) -> Check:
    check.plain = (plain, nullable)
    return check


class Shape(dict[str, Field]):
    """The fields an object may have, with the required ones listed once."""

    def __init__(self, fields: dict[str, Field]) -> None:
        super().__init__(fields)
        self.required = tuple(key for key, spec in fields.items() if spec.required)
        self.rules = {
            key: (spec.check, *getattr(spec.check, "plain", ((), False)))
            for key, spec in fields.items()
        }


def _text(limit: int, *, nullable: bool = False, blank: bool = True, line: bool = False) -> Check:
    """Text up to `limit` characters; a `line` (a name) holds no control character at all,
    and no text holds a NUL, as the edit door has it (`workbook.rules`)."""

    def check(v: Checker, value: Any, where: Where) -> None:
        if value is None and nullable:
            return
        if not isinstance(value, str):
            v.add(where, f"must be text, not {kind_of(value)}.")
        elif len(value) > limit:
            v.add(where, f"is {len(value):,} characters long; keep it to {limit:,} or fewer.")
        elif not blank and not value.strip():
            v.add(where, "must not be empty.")
        elif line and NAME_CONTROLS.search(value):
            v.add(where, f"{CONTROLS_IN_NAME}; a name is one line of visible text.")
        elif NUL in value:
            v.add(where, "holds an invisible NUL character (\\u0000), which no text may hold.")
        elif not value.isascii():  # isascii() is instant; only other text can hold half a pair
            try:
                value.encode("utf-8")
            except UnicodeEncodeError:
                v.add(where, "holds a broken character (half of a character pair).")

    return _plain(check, TEXT, limit, blank, line, nullable=nullable)


def _whole(low: int, high: int, *, nullable: bool = True) -> Check:
    def check(v: Checker, value: Any, where: Where) -> None:
        if value is None and nullable:
            return
        if isinstance(value, bool) or not isinstance(value, int):
            v.add(where, f"must be a whole number from {low} to {high}, not {kind_of(value)}.")
        elif not low <= value <= high:
            v.add(where, f"is {show_value(value)}; it must be from {low} to {high}.")

    return _plain(check, WHOLE, low, high, nullable=nullable)


def _number(low: float, high: float, *, nullable: bool = False) -> Check:
    def check(v: Checker, value: Any, where: Where) -> None:
        if value is None and nullable:
            return
        if isinstance(value, bool) or not isinstance(value, int | float):
            v.add(where, f"must be a number from {low:g} to {high:g}, not {kind_of(value)}.")
        elif isinstance(value, float) and not math.isfinite(value):
            v.add(where, "must be an ordinary number, not NaN or Infinity.")
        elif not low <= value <= high:
            v.add(where, f"is {show_value(value)}; it must be from {low:g} to {high:g}.")

    return _plain(check, NUMBER, low, high, nullable=nullable)


def one_of(options: tuple[Any, ...], *, nullable: bool = True) -> Check:
    # Of the same type too: True == 1 and 30.0 == 30, but neither is a choice on offer.
    allowed = {(type(option), option) for option in options}
    listed = ", ".join(show_value(option) for option in options)

    def check(v: Checker, value: Any, where: Where) -> None:
        if value is None and nullable:
            return
        try:
            known = (type(value), value) in allowed
        except TypeError:  # a list or an object, which no choice is
            known = False
        if not known:
            v.add(where, f"is {show_value(value)}, which is not one of {listed}.")

    return _plain(check, CHOICE, allowed, nullable=nullable)


def _flag(v: Checker, value: Any, where: Where) -> None:
    if not isinstance(value, bool):
        v.add(where, f"must be true or false, not {kind_of(value)}.")


_plain(_flag, FLAG, nullable=False)


def _date(*, nullable: bool = True) -> Check:
    def check(v: Checker, value: Any, where: Where) -> None:
        if value is None and nullable:
            return
        if isinstance(value, str) and DATE_TEXT.match(value):
            try:
                date.fromisoformat(value)
                return
            except ValueError:
                pass
        v.add(where, f"is {show_value(value)}; it must be a date written as YYYY-MM-DD.")

    return check


def _moment(v: Checker, value: Any, where: Where) -> None:
    if isinstance(value, str) and len(value) <= 40 and value[:1].isdigit():
        try:
            datetime.fromisoformat(value)
            return
        except ValueError:
            pass
    v.add(
        where, f"is {show_value(value)}; it must be a date and time such as 2026-08-10T09:30:00Z."
    )


def _known(table: str, what: str) -> Check:
    def check(v: Checker, value: Any, where: Where) -> None:
        if value is None:
            return
        if not isinstance(value, str):
            v.add(where, f"must be the id of {what} (text), not {kind_of(value)}.")
        elif value not in getattr(v.content, table):
            v.add(
                where, f"{show_value(value)} is not {what} this version of Career Workbook knows."
            )

    return check


def known_strength(v: Checker, value: Any, where: Where) -> None:
    if not isinstance(value, str):
        v.add(where, f"must be the id of a strength (text), not {kind_of(value)}.")
    elif value not in v.content.strengths and value not in v.custom_ids:
        v.add(
            where,
            f"{show_value(value)} is not a strength in this version's catalogue, nor one of "
            "your own listed under ratings.",
        )


def _links(v: Checker, value: Any, where: Where) -> None:
    if not isinstance(value, list):
        v.add(where, f"must be a list, not {kind_of(value)}.")
        return
    if len(value) > MAX_ITEMS:
        v.add(where, f"has {len(value):,} links; at most {MAX_ITEMS:,} are kept.")
        return
    for index, link in enumerate(value):
        at = (*where, index)
        if not isinstance(link, str):
            v.add(at, f'must be text such as "strength:mentoring", not {kind_of(link)}.')
            continue
        kind, colon, target = link.partition(":")
        if not colon or kind not in LINK_KINDS:
            v.add(at, f"is {show_value(link)}; a link starts with strength:, path: or task:.")
        elif kind == "strength":
            known_strength(v, target, at)
        elif kind == "path" and target not in v.content.paths:
            v.add(at, f"{show_value(target)} is not a path this version of Career Workbook knows.")
        elif kind == "task" and not ROW_REF.match(target):
            v.add(at, f"is {show_value(link)}; a task link is task: and the task's id.")


def _strength_links(v: Checker, value: Any, where: Where) -> None:
    """A journal entry's links: the strengths a piece of feedback speaks to, no others."""
    _links(v, value, where)
    if isinstance(value, list) and len(value) <= MAX_ITEMS:
        for index, link in enumerate(value):
            if isinstance(link, str) and link.partition(":")[0] in ("path", "task"):
                v.add((*where, index), f"is {show_value(link)}; an entry links to strengths only.")


def _notes(column: Column) -> Check:
    """Notes under named headings (a goal's GROW stages): an object of those keys to text."""
    note = _text(column.limit)
    listed = ", ".join(column.choices)

    def check(v: Checker, value: Any, where: Where) -> None:
        if not isinstance(value, dict):
            v.add(where, f"must be an object of notes under {listed}, not {kind_of(value)}.")
            return
        for key, text in value.items():
            if key in column.choices:
                note(v, text, (*where, key))
            else:
                v.add((*where, key), f"is not one of {listed}: a note has no other heading.")

    return check


def _list_of(fields: Shape) -> Check:
    def check(v: Checker, value: Any, where: Where) -> None:
        v.items(value, where, fields)

    return check


def _object(fields: Shape) -> Check:
    def check(v: Checker, value: Any, where: Where) -> None:
        v.object(value, where, fields)

    return check


#: What a file's id of each kind of content must name, as messages say it.
KNOWN = {
    "prompts": "a prompt",
    "tasks": "a task in the task library",
    "questions": "a question in the question library",
}


def column_check(column: Column) -> Check:
    """The file's check of a field, from its entry in the registry."""
    null = column.null_in_file
    kind = column.kind
    if kind is Kind.TEXT:
        return _text(column.limit, nullable=null)
    if kind is Kind.LINE:
        return _text(column.limit, nullable=null, line=True)
    if kind is Kind.WHOLE:
        return _whole(int(column.low), int(column.high), nullable=null)
    if kind is Kind.NUMBER:
        return _number(column.low, column.high, nullable=null)
    if kind is Kind.CHOICE:
        # A default outside the choices (stakes not yet judged: "") is written as itself.
        extra = (
            () if column.default is None or column.default in column.choices else (column.default,)
        )
        return one_of((*extra, *column.choices), nullable=null)
    if kind is Kind.DATE:
        return _date(nullable=null)
    if kind is Kind.FLAG:
        return _flag
    if kind is Kind.ID:
        return _known(column.known, KNOWN[column.known])
    if kind is Kind.STRENGTH:
        return known_strength
    if kind is Kind.LINKS:
        return _strength_links if column.known == "strengths" else _links
    if kind is Kind.NOTES:
        return _notes(column)
    if kind is Kind.MOMENT:
        return _moment
    raise ValueError(f"{column.name}: a {kind} field has no check in a workbook file")


def table_shape(table: str, *, custom: bool = False, **more: Field) -> Shape:
    """An entry of `table` as the file holds it: its fields from the registry, those for a
    strength of the person's own only when `custom`, then `more` (ids, nested lists)."""
    fields = {
        column.key: Field(column_check(column), required=column.file_required)
        for column in BY_NAME[table].in_file_fields
        if custom or not column.custom_only
    }
    ids = {"id": Field(_whole(1, 2**62, nullable=False))} if BY_NAME[table].file_ids else {}
    return Shape({**ids, **fields, **more})


PROFILE = table_shape("profile")
RATING = Shape({"custom": Field(_flag, required=True), **table_shape("strength_ratings")})
CUSTOM_RATING = Shape(
    {
        **RATING,
        **table_shape("strength_ratings", custom=True),
        # The one field the file requires for a strength of the person's own: its name.
        "name": Field(_text(MAX_SHORT_TEXT, blank=False, line=True), required=True),
    }
)
EVIDENCE = table_shape("evidence")
JOURNAL = table_shape("journal_entries")
FUTURE = table_shape("futures")
TASK = table_shape("ai_tasks")
REINVESTMENT = table_shape("reinvestments")
ACTION = table_shape("actions")
GOAL = table_shape("goals", actions=Field(_list_of(ACTION)))
MILESTONE = table_shape("milestones")
SUPPORT = table_shape("support_requests")
QUESTION = table_shape("conversation_questions")
AGREEMENT = column_check(BY_NAME["preference_answers"].field("agreement"))
VALUE_RANK = column_check(BY_NAME["value_ranks"].field("rank"))
LONG = _text(MAX_LONG_TEXT)
SHORT = _text(MAX_SHORT_TEXT)
SNAPSHOT_SCALES = (_whole(1, 5), _whole(1, 5), _whole(1, 4), _whole(1, 999))
SCORE = _number(-1e9, 1e9)


def _snapshot_ratings(v: Checker, value: Any, where: Where) -> None:
    if not v.mapping(value, where):
        return
    for sid, scales in value.items():
        known_strength(v, sid, (*where, sid))
        if not isinstance(scales, list) or len(scales) != len(SNAPSHOT_SCALES):
            v.add(
                (*where, sid),
                "must be a list of four ratings: proficiency, energy, edge and rank.",
            )
            continue
        for index, (check, scale) in enumerate(zip(SNAPSHOT_SCALES, scales, strict=True)):
            check(v, scale, (*where, sid, index))


def _snapshot_scores(v: Checker, value: Any, where: Where) -> None:
    if not v.mapping(value, where):
        return
    for pid, score in value.items():
        if pid not in v.content.paths:
            v.add(
                (*where, pid),
                f"{show_value(pid)} is not a path this version of Career Workbook knows.",
            )
        SCORE(v, score, (*where, pid))


SNAPSHOT_DATA = Shape(
    {
        "ratings": Field(_snapshot_ratings),
        "scores": Field(_snapshot_scores),
        "mode": PROFILE["strength_mode"],
    }
)
SNAPSHOT = Shape(
    {
        "taken_at": Field(_moment, required=True),
        "data": Field(_object(SNAPSHOT_DATA), required=True),
    }
)


_WORKBOOK_NAME = _text(10_000, blank=False, line=True)


def _workbook_name(v: Checker, value: Any, where: Where) -> None:
    if isinstance(value, str) and len(" ".join(value.split())) > MAX_WORKBOOK_NAME:
        v.add(where, f"keep a workbook's name to {MAX_WORKBOOK_NAME} characters or fewer.")
    else:
        _WORKBOOK_NAME(v, value, where)


def _reinvestments(v: Checker, value: Any, where: Where) -> None:
    v.items(value, where, REINVESTMENT)
    v.reinvestment_targets(value)


def _checked_first(v: Checker, value: Any, where: Where) -> None:
    """Format and version: `Checker.header` checks them before anything else."""


DOCUMENT = Shape(
    {
        "format": Field(_checked_first, required=True),
        "version": Field(_checked_first, required=True),
        "exported_at": Field(_moment),
        "app_version": Field(SHORT),
        "name": Field(_workbook_name, required=True),
        "profile": Field(_object(PROFILE)),
        "ratings": Field(lambda v, value, where: v.ratings(value)),
        "evidence": Field(_list_of(EVIDENCE)),
        "journal": Field(_list_of(JOURNAL)),
        "preferences": Field(lambda v, value, where: v.preferences(value, where)),
        "values": Field(lambda v, value, where: v.values(value, where)),
        "context": Field(lambda v, value, where: v.context(value, where)),
        "futures": Field(lambda v, value, where: v.futures(value, where)),
        "edge_statement": Field(LONG),
        "tasks": Field(_list_of(TASK)),
        "reinvestments": Field(_reinvestments),
        "goals": Field(_list_of(GOAL)),
        "plan_start": Field(column_check(BY_NAME["plan_notes"].field("plan_start"))),
        "milestones": Field(_list_of(MILESTONE)),
        "support": Field(_list_of(SUPPORT)),
        "questions": Field(_list_of(QUESTION)),
        "snapshots": Field(_list_of(SNAPSHOT)),
    }
)
