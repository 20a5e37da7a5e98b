"""The shapes of a workbook file's document: every object's fields and each field's check.

`checking.py` walks a document with these (`validate`); a check reports a problem
through the walker it is given (`Checker`), naming where in the document it is.
The checks refuse what the edit door refuses (`workbook.fields`, `workbook.edits`).
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, Protocol

from workbook.content.catalogue import Content
from workbook.edits import (
    CONTROLS_IN_NAME,
    JOURNAL_KINDS,
    MAX_WORKBOOK_NAME,
    NAME_CONTROLS,
    NUL,
)
from workbook.fields import MAX_HOURS
from workbook.model import (
    HORIZONS,
    MAX_LONG_TEXT,
    MAX_SHORT_TEXT,
    MAX_YEARS_EXPERIENCE,
    ROLE_FAMILIES,
    STRENGTH_MODES,
    TRACKS,
)
from workbook.workbook_file.reading import Where, kind_of, show_value
from workbook.workbook_file.spec import (
    ACTION_KINDS,
    ACTION_STATUSES,
    DATE_TEXT,
    LINK_KINDS,
    MAX_ITEMS,
    MAX_POSITION,
    MILESTONE_DAYS,
    MODES,
    ROW_REF,
    STAKES,
    SUPPORT_SOURCES,
    TARGET_KINDS,
)


class Checker(Protocol):
    """What a check may ask of the walker (`checking._Validator`)."""

    content: Content

    def add(self, where: Where, message: str) -> None: ...
    def mapping(self, value: Any, where: Where) -> bool: ...
    def object(self, value: Any, where: Where, fields: Shape) -> bool: ...
    def items(self, value: Any, where: Where, fields: Shape) -> None: ...
    def ratings(self, value: Any) -> None: ...
    def preferences(self, value: Any, where: Where) -> None: ...
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
    and no text holds a NUL, as the edit door has it (`workbook.edits`)."""

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


def _list_of(fields: Shape) -> Check:
    def check(v: Checker, value: Any, where: Where) -> None:
        v.items(value, where, fields)

    return check


def _object(fields: Shape) -> Check:
    def check(v: Checker, value: Any, where: Where) -> None:
        v.object(value, where, fields)

    return check


SHORT = _text(MAX_SHORT_TEXT)
LONG = _text(MAX_LONG_TEXT)
NAME = _text(MAX_SHORT_TEXT, line=True)
AGREEMENT = _whole(1, 5, nullable=False)

PROFILE = Shape(
    {
        "person_name": Field(NAME),
        "current_role": Field(SHORT),
        "role_family": Field(one_of(tuple(k for k, _ in ROLE_FAMILIES))),
        "years_experience": Field(_whole(0, MAX_YEARS_EXPERIENCE)),
        "current_track": Field(one_of(tuple(k for k, _ in TRACKS))),
        "aim": Field(LONG),
        "horizon_years": Field(one_of(tuple(k for k, _ in HORIZONS))),
        "strength_mode": Field(one_of(tuple(k for k, _ in STRENGTH_MODES), nullable=False)),
    }
)
RATING = Shape(
    {
        "custom": Field(_flag, required=True),
        "proficiency": Field(_whole(1, 5)),
        "energy": Field(_whole(1, 5)),
        "edge": Field(_whole(1, 4)),
        "rank": Field(_whole(1, 999)),
        "overuse_note": Field(LONG),
    }
)
CUSTOM_RATING = Shape(
    {
        **RATING,
        "name": Field(_text(MAX_SHORT_TEXT, blank=False, line=True), required=True),
        "description": Field(LONG),
    }
)
EVIDENCE = Shape(
    {
        "strength_id": Field(known_strength, required=True),
        "situation": Field(LONG),
        "action": Field(LONG),
        "result": Field(LONG),
        "created_at": Field(_moment),
    }
)
JOURNAL = Shape(
    {
        "kind": Field(one_of(JOURNAL_KINDS, nullable=False), required=True),
        "entry_date": Field(_date(nullable=False), required=True),
        "prompt_id": Field(_known("prompts", "a prompt")),
        "body": Field(LONG),
        "source": Field(SHORT),
        "energy_level": Field(_whole(1, 5)),
        "private": Field(_flag),
    }
)
FUTURE = Shape(
    {
        "title": Field(SHORT),
        "story": Field(LONG),
        "questions": Field(LONG),
        "resources": Field(_whole(1, 5)),
        "liking": Field(_whole(1, 5)),
        "confidence": Field(_whole(1, 5)),
        "coherence": Field(_whole(1, 5)),
        "prototype": Field(LONG),
    }
)
TASK = Shape(
    {
        "id": Field(_whole(1, 2**62, nullable=False)),
        "position": Field(_whole(0, MAX_POSITION, nullable=False)),
        "name": Field(SHORT),
        "library_task_id": Field(_known("tasks", "a task in the task library")),
        "hours_per_week": Field(_number(0, MAX_HOURS)),
        "mode": Field(one_of(MODES)),
        "ai_share": Field(_number(0, 1, nullable=True)),
        "tool": Field(SHORT),
        "validation": Field(LONG),
        "review_hours": Field(_number(0, MAX_HOURS)),
        "stakes": Field(one_of(STAKES, nullable=False)),
        "risk_note": Field(LONG),
        "agency": Field(_whole(1, 5)),
    }
)
REINVESTMENT = Shape(
    {
        "hours": Field(_number(0, MAX_HOURS)),
        "target_kind": Field(one_of(TARGET_KINDS, nullable=False)),
        "target_id": Field(_text(MAX_SHORT_TEXT, nullable=True)),
        "note": Field(LONG),
    }
)
ACTION = Shape(
    {
        "title": Field(SHORT),
        "kind": Field(one_of(ACTION_KINDS)),
        "due_date": Field(_date()),
        "status": Field(one_of(ACTION_STATUSES, nullable=False)),
    }
)
GOAL = Shape(
    {
        "id": Field(_whole(1, 2**62, nullable=False)),
        "title": Field(SHORT),
        "measure": Field(LONG),
        "target_date": Field(_date()),
        "links": Field(_links),
        "commitment": Field(_whole(1, 10)),
        "actions": Field(_list_of(ACTION)),
    }
)
MILESTONE = Shape(
    {
        "day": Field(one_of(MILESTONE_DAYS, nullable=False), required=True),
        "text": Field(LONG),
        "done": Field(_flag),
    }
)
SUPPORT = Shape(
    {
        "source": Field(one_of(SUPPORT_SOURCES, nullable=False)),
        "request": Field(LONG),
    }
)
QUESTION = Shape(
    {
        "library_id": Field(_known("questions", "a question in the question library")),
        "text": Field(LONG),
    }
)
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
        "mode": Field(one_of(tuple(k for k, _ in STRENGTH_MODES), nullable=False)),
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
        "context": Field(lambda v, value, where: v.context(value, where)),
        "futures": Field(lambda v, value, where: v.futures(value, where)),
        "edge_statement": Field(LONG),
        "tasks": Field(_list_of(TASK)),
        "reinvestments": Field(_reinvestments),
        "goals": Field(_list_of(GOAL)),
        "milestones": Field(_list_of(MILESTONE)),
        "support": Field(_list_of(SUPPORT)),
        "questions": Field(_list_of(QUESTION)),
        "snapshots": Field(_list_of(SNAPSHOT)),
    }
)
