"""The workbook file: one whole workbook as a single, versioned JSON document.

It lives in `workbook/` rather than `exports/` because it is the workbook's
data in another form, read back as well as written, not a rendering of it
for people to read; like the rest of the domain it uses no Qt and no
reportlab. The format is described in docs/workbook-file.md and published
as a JSON Schema in resources/schema/workbook-file.schema.json (a test keeps
the two in step with `to_document`).

Writing: `to_document` turns a `WorkbookData` into plain JSON data;
`write_file` writes it (as `json.dumps` with an indent would, only faster)
beside its target and moves it into place, so a reader never finds half a
file.

Reading is in three stages, each refusing with a `WorkbookFileProblem` that
names the line or the field:
1. `read_file`: the size (over 20 MB is refused before anything is read),
   the bytes (UTF-8) and the JSON syntax (line and column);
2. `validate`: the shape, every type and range, the format and version,
   every content id against `load_content()`, and the references between
   entries (goal links, reinvestment targets);
3. `import_document`: adds the workbook in one transaction, so a refusal at
   any point leaves the database exactly as it was. The workbook itself is
   created through the edit door (`workbook.edits`); everything in it is then
   written table by table, many rows to a statement, holding exactly what the
   door (`workbook.records`) would have stored for each answer and entry.
   `validate` refuses everything the door would refuse in a file, so nothing
   is checked twice; tests/test_workbook_file.py imports through the door as
   well and compares the two databases row by row.

Some things have no door because a person never types them: an evidence
entry's creation time, the snapshots taken at check-ins, and reinvested
hours beyond what the tasks free (a plan can get there when a task's hours
are lowered after the hours were placed; the app shows it as over-allocated).
They are kept as the file has them.
"""

from __future__ import annotations

import json
import math
import os
import re
import sqlite3
import stat
import tempfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime
from functools import partial
from itertools import chain
from json.encoder import encode_basestring
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from workbook import __version__, records
from workbook.content import load_content
from workbook.content.catalogue import Content
from workbook.data import WorkbookData
from workbook.edits import (
    JOURNAL_KINDS,
    MAX_WORKBOOK_NAME,
    create_workbook,
    now_iso,
    touch,
    unique_name,
)
from workbook.errors import WorkbookError, WorkbookFileProblem
from workbook.model import (
    HORIZONS,
    MAX_LONG_TEXT,
    MAX_SHORT_TEXT,
    MAX_YEARS_EXPERIENCE,
    ROLE_FAMILIES,
    STRENGTH_MODES,
    TRACKS,
)
from workbook.paths import make_owner_only

FORMAT = "career-workbook-file"
VERSION = 1
MAX_FILE_BYTES = 20 * 1024 * 1024
#: Entries in any one list: far more than years of use make, few enough to import quickly.
MAX_ITEMS = 10_000
MAX_POSITION = 100_000

PROFILE_KEYS = (
    "person_name",
    "current_role",
    "role_family",
    "years_experience",
    "current_track",
    "aim",
    "horizon_years",
    "strength_mode",
)
RATING_KEYS = ("proficiency", "energy", "edge", "rank", "overuse_note")
FUTURE_KEYS = (
    "title",
    "story",
    "questions",
    "resources",
    "liking",
    "confidence",
    "coherence",
    "prototype",
)
TASK_KEYS = (
    "name",
    "library_task_id",
    "hours_per_week",
    "mode",
    "ai_share",
    "tool",
    "validation",
    "review_hours",
    "stakes",
    "risk_note",
    "agency",
)
MODES = ("automate", "augment", "keep_human")
STAKES = ("", "low", "medium", "high")
TARGET_KINDS = ("strength", "goal", "path", "other")
ACTION_KINDS = ("experience", "others", "formal")
ACTION_STATUSES = ("planned", "doing", "done", "dropped")
MILESTONE_DAYS = (30, 60, 90)
SUPPORT_SOURCES = ("manager", "hr", "mentor", "other")
LINK_KINDS = ("strength", "path", "task")

CUSTOM_ID = re.compile(r"^custom_[1-9][0-9]{0,8}$")
CONTENT_ID = re.compile(r"^[a-z][a-z0-9_]*$")
PLAIN_KEY = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
DATE_TEXT = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")
ROW_REF = re.compile(r"^(0|[1-9][0-9]{0,17})$")


# ---- writing --------------------------------------------------------------------------------


def _without_id(row: Any, *names: str) -> dict[str, Any]:
    return {name: getattr(row, name) for name in names}


def to_document(data: WorkbookData) -> dict[str, Any]:
    """The whole workbook as JSON-ready data (see docs/workbook-file.md)."""
    ratings: dict[str, dict[str, Any]] = {}
    for sid, rating in data.ratings.items():
        # As in workbook.records: a strength of the person's own has an id custom_<n>.
        entry: dict[str, Any] = {"custom": sid.startswith("custom_")}
        if entry["custom"]:
            entry["name"] = rating.custom_name or ""
            entry["description"] = rating.custom_description or ""
        entry.update(_without_id(rating, *RATING_KEYS))
        ratings[sid] = entry
    return {
        "format": FORMAT,
        "version": VERSION,
        "exported_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "app_version": __version__,
        "name": data.name,
        "profile": _without_id(data.profile, *PROFILE_KEYS),
        "ratings": ratings,
        "evidence": [
            _without_id(e, "strength_id", "situation", "action", "result", "created_at")
            for e in data.evidence
        ],
        "journal": [
            _without_id(
                j, "kind", "entry_date", "prompt_id", "body", "source", "energy_level", "private"
            )
            for j in data.journal
        ],
        "preferences": dict(data.preferences),
        "context": dict(data.context),
        "futures": {pid: _without_id(f, *FUTURE_KEYS) for pid, f in data.futures.items()},
        "edge_statement": data.edge_statement,
        "tasks": [
            {"id": t.id, "position": t.position, **_without_id(t, *TASK_KEYS)} for t in data.tasks
        ],
        "reinvestments": [
            _without_id(r, "hours", "target_kind", "target_id", "note") for r in data.reinvestments
        ],
        "goals": [
            {
                "id": g.id,
                **_without_id(g, "title", "measure", "target_date"),
                "links": list(g.links),
                "commitment": g.commitment,
                "actions": [
                    _without_id(a, "title", "kind", "due_date", "status") for a in g.actions
                ],
            }
            for g in data.goals
        ],
        "milestones": [_without_id(m, "day", "text", "done") for m in data.milestones],
        "support": [_without_id(s, "source", "request") for s in data.support],
        "questions": [_without_id(q, "library_id", "text") for q in data.questions],
        "snapshots": [
            {"taken_at": s.taken_at, "data": json.loads(json.dumps(s.data))} for s in data.snapshots
        ],
    }


class _NotPlain(Exception):
    """A value `_json_text` leaves to the json module."""


def _finite(value: float) -> str:
    if math.isfinite(value):
        return float.__repr__(value)
    raise _NotPlain  # json itself refuses NaN and Infinity, in its own words


#: How each plain value is written, by its exact type: a subclass (an enum, say) may
#: encode differently, so json decides for it.
_SCALARS: dict[type, Callable[[Any], str]] = {
    str: encode_basestring,
    int: int.__repr__,
    float: _finite,
    bool: {True: "true", False: "false"}.__getitem__,
    type(None): {None: "null"}.__getitem__,
}


def _write_json(value: Any, level: int, out: list[str]) -> None:
    kind = type(value)
    if kind is dict:
        if not value:
            out.append("{}")
            return
        inner = "\n" + "  " * (level + 1)
        start = "{" + inner
        for key, item in value.items():
            if type(key) is not str:
                raise _NotPlain
            write = _SCALARS.get(type(item))
            if write is None:
                out.append(f"{start}{encode_basestring(key)}: ")
                _write_json(item, level + 1, out)
            else:
                out.append(f"{start}{encode_basestring(key)}: {write(item)}")
            start = "," + inner
        out.append("\n" + "  " * level + "}")
    elif kind is list or kind is tuple:
        if not value:
            out.append("[]")
            return
        inner = "\n" + "  " * (level + 1)
        start = "[" + inner
        for item in value:
            write = _SCALARS.get(type(item))
            if write is None:
                out.append(start)
                _write_json(item, level + 1, out)
            else:
                out.append(start + write(item))
            start = "," + inner
        out.append("\n" + "  " * level + "]")
    else:
        write = _SCALARS.get(kind)
        if write is None:
            raise _NotPlain
        out.append(write(value))


def _json_text(document: Any) -> str:
    """`json.dumps(document, ensure_ascii=False, indent=2, allow_nan=False)`, character for
    character, three times as fast: with an indent, the json module writes in pure Python,
    one generator per list and object, and took a quarter of an export. Anything but plain
    text, numbers, lists and objects with text keys (NaN, say) is left to json itself."""
    out: list[str] = []
    try:
        _write_json(document, 0, out)
    except _NotPlain:
        return json.dumps(document, ensure_ascii=False, indent=2, allow_nan=False)
    return "".join(out)


def write_file(data: WorkbookData, path: Path | str) -> Path:
    """Write the workbook file: UTF-8 JSON, owner-only (0600), whole or not at all."""
    path = Path(path)
    text = _json_text(to_document(data)) + "\n"
    encoded = text.encode("utf-8")
    if len(encoded) > MAX_FILE_BYTES:
        raise WorkbookFileProblem(
            [
                f"As a file it would take {len(encoded) / 2**20:.1f} MB, more than the "
                f"{MAX_FILE_BYTES // 2**20} MB a workbook file may hold, so it could not be "
                "imported again. Shorten the longest texts and try once more."
            ],
            repr(data.name),
            doing="export",
        )
    # mkstemp creates the file readable by its owner only; os.replace keeps that.
    fd, partial = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".partial", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(encoded)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(partial, path)
    except BaseException:
        Path(partial).unlink(missing_ok=True)
        raise
    make_owner_only(path)
    return path


# ---- reading --------------------------------------------------------------------------------


class _DuplicateKey(Exception):
    def __init__(self, key: str) -> None:
        super().__init__(key)
        self.key = key


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    # dict() builds the object at C speed; only when it came out shorter is a key repeated.
    result = dict(pairs)
    if len(result) != len(pairs):
        seen: set[str] = set()
        for key, _ in pairs:
            if key in seen:
                raise _DuplicateKey(key)
            seen.add(key)
    return result


def _kind(value: Any) -> str:
    """What a value is, in plain words."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true or false"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, str):
        return "text"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "an object"
    return f"a Python {type(value).__name__}"


def _printable(text: str, limit: int = 60) -> str:
    """Text safe to print anywhere: cut short, broken characters escaped."""
    if len(text) > limit:
        text = text[: limit - 1] + "…"
    return text.encode("utf-8", "backslashreplace").decode("utf-8")


def _show(value: Any) -> str:
    try:
        shown = json.dumps(value, ensure_ascii=False)
    except (TypeError, ValueError):  # not JSON, or a number too long to write out
        shown = f"a {type(value).__name__}"
    return _printable(shown, 40)


JSON_WORDS = {
    "Expecting value": "a value was expected here",
    "Expecting ',' delimiter": "a comma was expected here",
    "Expecting ':' delimiter": "a colon was expected here",
    "Expecting property name enclosed in double quotes": "a key in double quotes was expected",
    "Unterminated string starting at": "a text starts here but never ends",
    "Invalid control character at": "a text holds a control character such as a raw line break",
    "Invalid \\escape": "a text holds a backslash that starts no valid escape",
    "Invalid \\uXXXX escape": "a text holds a \\u escape that is not four hex digits",
    "Extra data": "there is more after the end of the workbook",
}


def _json_words(message: str) -> str:
    return JSON_WORDS.get(message, message[:1].lower() + message[1:])


def read_file(path: Path | str) -> dict[str, Any]:
    """The JSON object in a workbook file; refuses anything else before it is used."""
    path = Path(path)

    def refuse(problem: str) -> WorkbookFileProblem:
        return WorkbookFileProblem([problem], path)

    try:
        info = path.stat()
    except FileNotFoundError:
        raise refuse("There is no such file.") from None
    except OSError as error:
        raise refuse(f"The file cannot be read ({error.strerror or error}).") from None
    if not stat.S_ISREG(info.st_mode):
        raise refuse("It is not a file but a folder or a device.")
    limit = f"{MAX_FILE_BYTES // 2**20} MB"
    too_big = (
        f"The file is {info.st_size / 2**20:,.1f} MB; a workbook file holds at most {limit}, "
        "so this cannot be one (or it is not a Career Workbook file at all)."
    )
    if info.st_size > MAX_FILE_BYTES:
        raise refuse(too_big)
    try:
        with open(path, "rb") as handle:
            # As much as the file holds: asked for 20 MB, Python sets aside 20 MB first.
            raw = handle.read(info.st_size + 1)
            if len(raw) > info.st_size:  # it grew since: read on, as far as the limit
                raw += handle.read(MAX_FILE_BYTES + 1 - len(raw))
    except OSError as error:
        raise refuse(f"The file cannot be read ({error.strerror or error}).") from None
    if len(raw) > MAX_FILE_BYTES:  # it grew while being read
        raise refuse(too_big)
    if not raw.strip():
        raise refuse(
            "The file is empty, so whatever it held was lost before it was opened, "
            "for example when a copy was cut short."
        )
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        raise refuse(
            f"Line {line}: the file is not UTF-8 text (byte {error.start + 1} cannot be read). "
            "A workbook file is plain text written by Career Workbook; this may be another "
            "kind of file, or one saved in another encoding."
        ) from None
    try:
        document = json.loads(text, object_pairs_hook=_no_duplicates)
    except json.JSONDecodeError as error:
        # A workbook file ends with the } that closes it; without one it was cut short.
        cut = not text.rstrip().endswith("}")
        hint = " The file seems to be cut short." if cut else ""
        raise refuse(
            f"Line {error.lineno}, column {error.colno}: this is not valid JSON: "
            f"{_json_words(error.msg)}.{hint}"
        ) from None
    except _DuplicateKey as duplicate:
        raise refuse(
            f"The key {_show(duplicate.key)} appears twice in the same object; "
            "keep only one of them."
        ) from None
    except RecursionError:
        raise refuse("The file nests lists or objects far too deeply to be a workbook.") from None
    except ValueError as error:  # for example a number with thousands of digits
        raise refuse(f"The file holds a value that cannot be read ({error}).") from None
    if not isinstance(document, dict):
        raise refuse(
            f"The file holds {_kind(document)}, not a workbook: a workbook file is one "
            "JSON object, starting with {."
        )
    return document


# ---- checking -------------------------------------------------------------------------------


def _child(path: str, key: Any) -> str:
    if isinstance(key, int):
        return f"{path}[{key}]"
    if isinstance(key, str) and PLAIN_KEY.match(key):
        return f"{path}.{key}" if path else key
    return f"{path}[{_show(key)}]"


#: Where a value is in the document, as the keys and indexes leading to it. Checks pass these
#: tuples down and `_where` writes one out only for a problem: a valid file has thousands of
#: fields, and writing each one's path up front was a third of the time `validate` took.
Where = tuple[Any, ...]


def _where(where: Where) -> str:
    """A path written the way problems name it, such as `goals[2].actions[0].kind`."""
    path = ""
    for key in where:
        path = _child(path, key)
    return path


Check = Callable[["_Validator", Any, Where], None]


@dataclass(frozen=True)
class Field:
    check: Check
    required: bool = False


#: What a check lets through at a glance, kept on the check as `plain` so that
#: `_Validator.object` can pass the commonest values without calling it: (TEXT, limit, blank),
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


def _text(limit: int, *, nullable: bool = False, blank: bool = True) -> Check:
    def check(v: _Validator, value: Any, where: Where) -> None:
        if value is None and nullable:
            return
        if not isinstance(value, str):
            v.add(where, f"must be text, not {_kind(value)}.")
        elif len(value) > limit:
            v.add(where, f"is {len(value):,} characters long; keep it to {limit:,} or fewer.")
        elif not blank and not value.strip():
            v.add(where, "must not be empty.")
        elif not value.isascii():  # isascii() is instant; only other text can hold half a pair
            try:
                value.encode("utf-8")
            except UnicodeEncodeError:
                v.add(where, "holds a broken character (half of a character pair).")

    return _plain(check, TEXT, limit, blank, nullable=nullable)


def _whole(low: int, high: int, *, nullable: bool = True) -> Check:
    def check(v: _Validator, value: Any, where: Where) -> None:
        if value is None and nullable:
            return
        if isinstance(value, bool) or not isinstance(value, int):
            v.add(where, f"must be a whole number from {low} to {high}, not {_kind(value)}.")
        elif not low <= value <= high:
            v.add(where, f"is {_show(value)}; it must be from {low} to {high}.")

    return _plain(check, WHOLE, low, high, nullable=nullable)


def _number(low: float, high: float, *, nullable: bool = False) -> Check:
    def check(v: _Validator, value: Any, where: Where) -> None:
        if value is None and nullable:
            return
        if isinstance(value, bool) or not isinstance(value, int | float):
            v.add(where, f"must be a number from {low:g} to {high:g}, not {_kind(value)}.")
        elif isinstance(value, float) and not math.isfinite(value):
            v.add(where, "must be an ordinary number, not NaN or Infinity.")
        elif not low <= value <= high:
            v.add(where, f"is {_show(value)}; it must be from {low:g} to {high:g}.")

    return _plain(check, NUMBER, low, high, nullable=nullable)


def _choice(options: tuple[Any, ...], *, nullable: bool = True) -> Check:
    # Of the same type too: True == 1 and 30.0 == 30, but neither is a choice on offer.
    allowed = {(type(option), option) for option in options}
    listed = ", ".join(_show(option) for option in options)

    def check(v: _Validator, value: Any, where: Where) -> None:
        if value is None and nullable:
            return
        try:
            known = (type(value), value) in allowed
        except TypeError:  # a list or an object, which no choice is
            known = False
        if not known:
            v.add(where, f"is {_show(value)}, which is not one of {listed}.")

    return _plain(check, CHOICE, allowed, nullable=nullable)


def _flag(v: _Validator, value: Any, where: Where) -> None:
    if not isinstance(value, bool):
        v.add(where, f"must be true or false, not {_kind(value)}.")


_plain(_flag, FLAG, nullable=False)


def _date(*, nullable: bool = True) -> Check:
    def check(v: _Validator, value: Any, where: Where) -> None:
        if value is None and nullable:
            return
        if isinstance(value, str) and DATE_TEXT.match(value):
            try:
                date.fromisoformat(value)
                return
            except ValueError:
                pass
        v.add(where, f"is {_show(value)}; it must be a date written as YYYY-MM-DD.")

    return check


def _moment(v: _Validator, value: Any, where: Where) -> None:
    if isinstance(value, str) and len(value) <= 40 and value[:1].isdigit():
        try:
            datetime.fromisoformat(value)
            return
        except ValueError:
            pass
    v.add(where, f"is {_show(value)}; it must be a date and time such as 2026-08-10T09:30:00Z.")


def _known(table: str, what: str) -> Check:
    def check(v: _Validator, value: Any, where: Where) -> None:
        if value is None:
            return
        if not isinstance(value, str):
            v.add(where, f"must be the id of {what} (text), not {_kind(value)}.")
        elif value not in getattr(v.content, table):
            v.add(where, f"{_show(value)} is not {what} this version of Career Workbook knows.")

    return check


def _strength_id(v: _Validator, value: Any, where: Where) -> None:
    if not isinstance(value, str):
        v.add(where, f"must be the id of a strength (text), not {_kind(value)}.")
    elif value not in v.content.strengths and value not in v.custom_ids:
        v.add(
            where,
            f"{_show(value)} is not a strength in this version's catalogue, nor one of "
            "your own listed under ratings.",
        )


def _links(v: _Validator, value: Any, where: Where) -> None:
    if not isinstance(value, list):
        v.add(where, f"must be a list, not {_kind(value)}.")
        return
    if len(value) > MAX_ITEMS:
        v.add(where, f"has {len(value):,} links; at most {MAX_ITEMS:,} are kept.")
        return
    for index, link in enumerate(value):
        at = (*where, index)
        if not isinstance(link, str):
            v.add(at, f'must be text such as "strength:mentoring", not {_kind(link)}.')
            continue
        kind, colon, target = link.partition(":")
        if not colon or kind not in LINK_KINDS:
            v.add(at, f"is {_show(link)}; a link starts with strength:, path: or task:.")
        elif kind == "strength":
            _strength_id(v, target, at)
        elif kind == "path" and target not in v.content.paths:
            v.add(at, f"{_show(target)} is not a path this version of Career Workbook knows.")
        elif kind == "task" and not ROW_REF.match(target):
            v.add(at, f"is {_show(link)}; a task link is task: and the task's id.")


def _list_of(fields: Shape) -> Check:
    def check(v: _Validator, value: Any, where: Where) -> None:
        v.items(value, where, fields)

    return check


def _object(fields: Shape) -> Check:
    def check(v: _Validator, value: Any, where: Where) -> None:
        v.object(value, where, fields)

    return check


SHORT = _text(MAX_SHORT_TEXT)
LONG = _text(MAX_LONG_TEXT)
AGREEMENT = _whole(1, 5, nullable=False)

PROFILE = Shape(
    {
        "person_name": Field(SHORT),
        "current_role": Field(SHORT),
        "role_family": Field(_choice(tuple(k for k, _ in ROLE_FAMILIES))),
        "years_experience": Field(_whole(0, MAX_YEARS_EXPERIENCE)),
        "current_track": Field(_choice(tuple(k for k, _ in TRACKS))),
        "aim": Field(LONG),
        "horizon_years": Field(_choice(tuple(k for k, _ in HORIZONS))),
        "strength_mode": Field(_choice(tuple(k for k, _ in STRENGTH_MODES), nullable=False)),
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
        "name": Field(_text(MAX_SHORT_TEXT, blank=False), required=True),
        "description": Field(LONG),
    }
)
EVIDENCE = Shape(
    {
        "strength_id": Field(_strength_id, required=True),
        "situation": Field(LONG),
        "action": Field(LONG),
        "result": Field(LONG),
        "created_at": Field(_moment),
    }
)
JOURNAL = Shape(
    {
        "kind": Field(_choice(JOURNAL_KINDS, nullable=False), required=True),
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
        "hours_per_week": Field(_number(0, records.MAX_HOURS)),
        "mode": Field(_choice(MODES)),
        "ai_share": Field(_number(0, 1, nullable=True)),
        "tool": Field(SHORT),
        "validation": Field(LONG),
        "review_hours": Field(_number(0, records.MAX_HOURS)),
        "stakes": Field(_choice(STAKES, nullable=False)),
        "risk_note": Field(LONG),
        "agency": Field(_whole(1, 5)),
    }
)
REINVESTMENT = Shape(
    {
        "hours": Field(_number(0, records.MAX_HOURS)),
        "target_kind": Field(_choice(TARGET_KINDS, nullable=False)),
        "target_id": Field(_text(MAX_SHORT_TEXT, nullable=True)),
        "note": Field(LONG),
    }
)
ACTION = Shape(
    {
        "title": Field(SHORT),
        "kind": Field(_choice(ACTION_KINDS)),
        "due_date": Field(_date()),
        "status": Field(_choice(ACTION_STATUSES, nullable=False)),
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
        "day": Field(_choice(MILESTONE_DAYS, nullable=False), required=True),
        "text": Field(LONG),
        "done": Field(_flag),
    }
)
SUPPORT = Shape(
    {
        "source": Field(_choice(SUPPORT_SOURCES, nullable=False)),
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


def _snapshot_ratings(v: _Validator, value: Any, where: Where) -> None:
    if not v.mapping(value, where):
        return
    for sid, scales in value.items():
        _strength_id(v, sid, (*where, sid))
        if not isinstance(scales, list) or len(scales) != len(SNAPSHOT_SCALES):
            v.add(
                (*where, sid),
                "must be a list of four ratings: proficiency, energy, edge and rank.",
            )
            continue
        for index, (check, scale) in enumerate(zip(SNAPSHOT_SCALES, scales, strict=True)):
            check(v, scale, (*where, sid, index))


def _snapshot_scores(v: _Validator, value: Any, where: Where) -> None:
    if not v.mapping(value, where):
        return
    for pid, score in value.items():
        if pid not in v.content.paths:
            v.add(
                (*where, pid), f"{_show(pid)} is not a path this version of Career Workbook knows."
            )
        SCORE(v, score, (*where, pid))


SNAPSHOT_DATA = Shape(
    {
        "ratings": Field(_snapshot_ratings),
        "scores": Field(_snapshot_scores),
        "mode": Field(_choice(tuple(k for k, _ in STRENGTH_MODES), nullable=False)),
    }
)
SNAPSHOT = Shape(
    {
        "taken_at": Field(_moment, required=True),
        "data": Field(_object(SNAPSHOT_DATA), required=True),
    }
)


def _workbook_name(v: _Validator, value: Any, where: Where) -> None:
    if isinstance(value, str) and len(" ".join(value.split())) > MAX_WORKBOOK_NAME:
        v.add(where, f"keep a workbook's name to {MAX_WORKBOOK_NAME} characters or fewer.")
    else:
        _text(10_000, blank=False)(v, value, where)


def _reinvestments(v: _Validator, value: Any, where: Where) -> None:
    v.items(value, where, REINVESTMENT)
    v.reinvestment_targets(value)


def _checked_first(v: _Validator, value: Any, where: Where) -> None:
    """Format and version: `_Validator.header` checks them before anything else."""


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


class _Validator:
    """Walks a document, collecting problems as "path: what is wrong" lines."""

    def __init__(self, content: Content) -> None:
        self.content = content
        self.problems: list[str] = []
        self.custom_ids: set[str] = set()

    def add(self, where: Where, message: str) -> None:
        self.problems.append(f"{_where(where) or 'The file'}: {message}")

    def mapping(self, value: Any, where: Where) -> bool:
        if not isinstance(value, dict):
            self.add(where, f"must be an object ({{...}}), not {_kind(value)}.")
            return False
        if len(value) > MAX_ITEMS:
            self.add(where, f"has {len(value):,} entries; at most {MAX_ITEMS:,} are kept.")
            return False
        for key in value:
            if not isinstance(key, str):
                self.add((*where, repr(key)), "a key must be text.")
                return False
        return True

    def object(self, value: Any, where: Where, fields: Shape) -> bool:
        if not self.mapping(value, where):
            return False
        rules = fields.rules
        for key, item in value.items():
            rule = rules.get(key)
            if rule is None:
                self.add((*where, key), "this file version has no such field.")
                continue
            check, plain, nullable = rule
            # The commonest values pass here without a call; only a value that fails (or is
            # unusual, such as text beyond ASCII) goes to its check, which names the problem.
            if plain:
                kind = type(item)
                test = plain[0]
                if item is None:
                    if nullable:
                        continue
                elif test == TEXT:
                    if (
                        kind is str
                        and len(item) <= plain[1]
                        and item.isascii()
                        and (plain[2] or item.strip())
                    ):
                        continue
                elif test == WHOLE:
                    if kind is int and plain[1] <= item <= plain[2]:
                        continue
                elif test == CHOICE:
                    if (kind is str or kind is int) and (kind, item) in plain[1]:
                        continue
                elif test == FLAG:
                    if kind is bool:
                        continue
                elif (
                    test == NUMBER
                    and (kind is int or kind is float)
                    and plain[1] <= item <= plain[2]
                ):
                    continue
            check(self, item, (*where, key))
        for key in fields.required:
            if key not in value:
                self.add(where, f"the field {_show(key)} is missing.")
        return True

    def items(self, value: Any, where: Where, fields: Shape) -> None:
        if not isinstance(value, list):
            self.add(where, f"must be a list ([...]), not {_kind(value)}.")
            return
        if len(value) > MAX_ITEMS:
            self.add(where, f"has {len(value):,} entries; at most {MAX_ITEMS:,} are kept.")
            return
        for index, item in enumerate(value):
            self.object(item, (*where, index), fields)

    def unique_ids(self, value: Any, path: str) -> None:
        """Report an `id` used by two entries of a list."""
        found: dict[int, int] = {}
        if isinstance(value, list):
            for index, item in enumerate(value):
                if not isinstance(item, dict):
                    continue
                number = item.get("id")
                if isinstance(number, int) and not isinstance(number, bool):
                    if number in found:
                        self.add(
                            (path, index, "id"),
                            f"{number} is already the id of {_child(path, found[number])}.",
                        )
                    found.setdefault(number, index)

    # -- sections -------------------------------------------------------------------------

    def header(self, document: dict[str, Any]) -> bool:
        """Format and version; nothing else is worth checking when they are wrong."""
        fmt = document.get("format")
        if fmt != FORMAT:
            shown = "missing" if "format" not in document else f"{_show(fmt)}"
            self.add(
                ("format",),
                f"is {shown}: this is not a Career Workbook file "
                f'(a workbook file says "format": "{FORMAT}").',
            )
            return False
        version = document.get("version")
        if "version" not in document:
            self.add(("version",), "the field is missing.")
        elif isinstance(version, bool) or not isinstance(version, int):
            self.add(("version",), f"must be a whole number, not {_kind(version)}.")
        elif version > VERSION:
            self.add(
                ("version",),
                f"is {version}: the file was written by a newer version of Career Workbook "
                f"(this one reads version {VERSION}). Please update the program to import it.",
            )
        elif version != VERSION:
            self.add(("version",), f"is {version}; there is no such version of the workbook file.")
        return not self.problems

    def ratings(self, value: Any) -> None:
        if not self.mapping(value, ("ratings",)):
            return
        names: dict[str, Where] = {}
        for sid, entry in value.items():
            where = ("ratings", sid)
            custom = isinstance(entry, dict) and entry.get("custom") is True
            if custom:
                if not CUSTOM_ID.match(sid):
                    self.add(where, "a strength of your own has an id such as custom_1.")
                name = entry.get("name")
                if isinstance(name, str) and name.strip():
                    folded = name.strip().casefold()
                    if folded in names:
                        self.add(
                            (*where, "name"),
                            f"{_show(name.strip())} is also the name of {_where(names[folded])}.",
                        )
                    names.setdefault(folded, where)
                self.object(entry, where, CUSTOM_RATING)
                continue
            if sid not in self.content.strengths:
                hint = (
                    ' (a strength of your own needs "custom": true)' if CUSTOM_ID.match(sid) else ""
                )
                self.add(
                    where,
                    f"{_show(sid)} is not a strength in this version's catalogue{hint}.",
                )
            if isinstance(entry, dict) and ("name" in entry or "description" in entry):
                for key in ("name", "description"):
                    if key in entry:
                        self.add(
                            (*where, key),
                            'only a strength of your own ("custom": true) has a name or '
                            "description; the catalogue's come from the content.",
                        )
                entry = {k: e for k, e in entry.items() if k not in ("name", "description")}
            self.object(entry, where, RATING)

    def keyed(
        self, value: Any, where: Where, table: str, what: str
    ) -> Iterator[tuple[str, Any, Where]]:
        """(key, answer, where) for each answer whose key is a known content id."""
        if not self.mapping(value, where):
            return
        known = getattr(self.content, table)
        for key, answer in value.items():
            if key in known:
                yield key, answer, (*where, key)
            else:
                self.add(
                    (*where, key),
                    f"{_show(key)} is not {what} this version of Career Workbook knows.",
                )

    def preferences(self, value: Any, where: Where) -> None:
        for _, answer, at in self.keyed(value, where, "preferences", "a preference"):
            AGREEMENT(self, answer, at)

    def context(self, value: Any, where: Where) -> None:
        for key, answer, at in self.keyed(value, where, "context", "a context question"):
            LONG(self, answer, at)
            question = self.content.context[key]
            if question.kind == "choice" and isinstance(answer, str) and answer:
                _choice(tuple(option for option, _ in question.options))(self, answer, at)

    def futures(self, value: Any, where: Where) -> None:
        for _, future, at in self.keyed(value, where, "paths", "a path"):
            self.object(future, at, FUTURE)

    def reinvestment_targets(self, value: Any) -> None:
        if not isinstance(value, list):
            return
        for index, item in enumerate(value):
            if not isinstance(item, dict):
                continue
            target = item.get("target_id")
            if not isinstance(target, str) or not target:
                continue
            where = ("reinvestments", index, "target_id")
            kind = item.get("target_kind", "other")
            if kind == "strength":
                _strength_id(self, target, where)
            elif kind == "path" and target not in self.content.paths:
                self.add(
                    where, f"{_show(target)} is not a path this version of Career Workbook knows."
                )
            elif kind == "goal" and not (
                target.startswith("goal:") and ROW_REF.match(target[len("goal:") :])
            ):
                self.add(where, f"is {_show(target)}; a goal is named goal: and the goal's id.")

    def document(self, document: Any) -> None:
        if not isinstance(document, dict):
            self.add(
                (),
                f"holds {_kind(document)}, not a workbook: a workbook file is one JSON "
                "object, starting with {.",
            )
            return
        if not self.header(document):
            return
        ratings = document.get("ratings")
        if isinstance(ratings, dict):
            self.custom_ids = {
                sid
                for sid, entry in ratings.items()
                if isinstance(entry, dict) and entry.get("custom") is True
            }
        self.unique_ids(document.get("tasks"), "tasks")
        self.unique_ids(document.get("goals"), "goals")
        self.object(document, (), DOCUMENT)


def validate(document: Any) -> list[str]:
    """Everything wrong with a document, each as "json.path: what is wrong"; [] when none."""
    validator = _Validator(load_content())
    validator.document(document)
    return validator.problems


# ---- importing ------------------------------------------------------------------------------

#: The columns each list is written with, in the order `_Importer` builds its rows.
COLUMNS: dict[str, tuple[str, ...]] = {
    "strength_ratings": (
        "workbook_id",
        "strength_id",
        "custom_name",
        "custom_description",
        "proficiency",
        "energy",
        "edge",
        "rank",
        "overuse_note",
    ),
    "preference_answers": ("workbook_id", "preference_id", "agreement"),
    "context_answers": ("workbook_id", "question_id", "answer"),
    "futures": ("workbook_id", "path_id", *FUTURE_KEYS),
    "edge_notes": ("workbook_id", "edge_statement"),
    "evidence": ("workbook_id", "strength_id", "situation", "action", "result", "created_at"),
    "journal_entries": (
        "workbook_id",
        "kind",
        "entry_date",
        "prompt_id",
        "body",
        "source",
        "energy_level",
        "private",
        "created_at",
        "updated_at",
    ),
    "ai_tasks": ("workbook_id", "position", *TASK_KEYS),
    "goals": ("workbook_id", "position", "title", "measure", "target_date", "links", "commitment"),
    "actions": ("goal_id", "position", "title", "kind", "due_date", "status"),
    "reinvestments": ("workbook_id", "hours", "target_kind", "target_id", "note"),
    "milestones": ("workbook_id", "day", "text", "done"),
    "support_requests": ("workbook_id", "source", "request"),
    "conversation_questions": ("workbook_id", "position", "library_id", "text"),
    "rating_snapshots": ("workbook_id", "taken_at", "data"),
}
INSERT = {
    table: f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})"
    for table, columns in COLUMNS.items()
}
#: Rows per INSERT statement (fewer if SQLite allows fewer values in one). Many rows to a
#: statement because SQLite opens a savepoint for each statement and FTS5 writes its pending
#: index out at every savepoint: journal entries added one statement each cost the search
#: index a segment (and merges) per entry, three times what the same rows cost together.
#: The index holds the same either way; only how FTS5 stores it inside differs.
MAX_ROWS_PER_STATEMENT = 1000


class _Importer:
    """Writes one checked document as a new workbook, table by table, in one transaction.

    The edit door (`workbook.edits`, `workbook.records`) checks each value again and takes a
    savepoint, a few look-ups and a `Change` for every answer, which made an import of a
    year's workbook take tens of milliseconds. `validate` has already refused everything
    the door would refuse in a file, so the rows go in directly, holding what the door
    would have stored: the same values (whole hours as 2.0, flags as 0 or 1), the same
    defaults for what the file leaves out, the same positions and the same row order.
    tests/test_workbook_file.py keeps the door's way of importing and checks, row by row,
    that both give the same database. Only the workbook itself is created through the
    door, since its name is the one rule that depends on what is already stored.

    Each list goes in as few statements (`insert`); tasks and goals go in one at a time,
    since links, targets and actions need their new ids (and together they were no faster).
    """

    def __init__(self, db: Database, document: dict[str, Any]) -> None:
        self.db = db
        self.execute = db.conn.execute
        self.max_values = db.conn.getlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER)
        self.doc = document
        self.stamp = ""  # when the rows were added, set once the workbook exists
        self.custom: dict[str, str] = {}  # custom id in the file -> custom id here
        self.tasks: dict[int, int] = {}  # task id in the file -> row id here
        self.goals: dict[int, int] = {}

    def door(self, path: str, edit: Callable[..., Any], *args: Any, **values: Any) -> Any:
        try:
            return edit(self.db, *args, **values)
        except WorkbookError as refused:
            raise WorkbookFileProblem([f"{path or 'The file'}: {refused.message}"]) from None

    def insert(self, table: str, rows: list[tuple[Any, ...]], where: Callable[[int], str]) -> None:
        """Add rows, many to a statement, in their order; the database refusing one (which
        `validate` should make impossible) is reported with the entry's path, like a
        refusal by the door."""
        columns = COLUMNS[table]
        size = max(1, min(MAX_ROWS_PER_STATEMENT, self.max_values // len(columns)))
        row_values = f"({', '.join('?' * len(columns))})"
        for start in range(0, len(rows), size):
            batch = rows[start : start + size]
            sql = f"INSERT INTO {table} ({', '.join(columns)}) VALUES " + ", ".join(
                [row_values] * len(batch)
            )
            try:
                self.execute(sql, list(chain.from_iterable(batch)))
            except sqlite3.IntegrityError:
                # SQLite undid the refused statement whole; one row at a time, it names the row.
                self.insert_each(table, batch, where, start)

    def insert_each(
        self, table: str, rows: list[tuple[Any, ...]], where: Callable[[int], str], start: int
    ) -> None:
        for index, row in enumerate(rows, start):
            try:
                self.execute(INSERT[table], row)
            except sqlite3.IntegrityError as refused:
                raise WorkbookFileProblem([f"{where(index)}: {refused}"]) from None

    def insert_one(self, table: str, row: tuple[Any, ...], where: Callable[[], str]) -> int:
        """Add one row and return its id, for entries that others refer to."""
        try:
            return self.execute(INSERT[table], row).lastrowid
        except sqlite3.IntegrityError as refused:
            raise WorkbookFileProblem([f"{where()}: {refused}"]) from None

    def strength(self, sid: str) -> str:
        return self.custom.get(sid, sid)

    def run(self, name: str | None) -> int:
        wanted = self.doc["name"] if name is None else name
        where = "name" if name is None else "The name asked for"
        wid = self.door(where, create_workbook, self.door(where, unique_name, wanted)).workbook_id
        self.stamp = now_iso()
        self.profile(wid)
        self.ratings(wid)
        self.answers(wid)
        self.lists(wid)
        # As the door stamps every edit: the workbook and the file were changed now.
        touch(self.db, wid, now_iso())
        return wid

    def profile(self, wid: int) -> None:
        # create_workbook added the row with the columns' defaults; the file's values as given.
        profile = self.doc.get("profile", {})
        columns = [key for key in PROFILE_KEYS if key in profile]
        if columns:
            assignments = ", ".join(f"{column} = ?" for column in columns)
            self.execute(
                f"UPDATE profile SET {assignments} WHERE workbook_id = ?",
                [*(profile[column] for column in columns), wid],
            )

    def ratings(self, wid: int) -> None:
        ratings: dict[str, dict[str, Any]] = self.doc.get("ratings", {})
        # The door numbers strengths of one's own from custom_1 in the order they are added,
        # and adds them before any rating: first the file's own ones in order, then the rest.
        own = sorted((sid for sid, r in ratings.items() if r["custom"]), key=lambda s: int(s[7:]))
        rows = []
        for number, sid in enumerate(own, start=1):
            entry = ratings[sid]
            self.custom[sid] = key = f"custom_{number}"
            rows.append(
                (
                    wid,
                    key,
                    entry["name"],  # as written, spaces and all
                    entry.get("description", ""),
                    *(entry.get(field) for field in ("proficiency", "energy", "edge", "rank")),
                    entry.get("overuse_note", ""),
                )
            )
        catalogue = [sid for sid, entry in ratings.items() if not entry["custom"]]
        for sid in catalogue:
            entry = ratings[sid]
            rows.append(
                (
                    wid,
                    sid,
                    None,
                    None,
                    *(entry.get(field) for field in ("proficiency", "energy", "edge", "rank")),
                    entry.get("overuse_note", ""),
                )
            )
        self.insert("strength_ratings", rows, _keyed("ratings", own + catalogue))

    def answers(self, wid: int) -> None:
        for table, section in (
            ("preference_answers", "preferences"),
            ("context_answers", "context"),
        ):
            answers = self.doc.get(section, {})
            self.insert(
                table,
                [(wid, key, value) for key, value in answers.items()],
                _keyed(section, answers),
            )
        futures = self.doc.get("futures", {})
        self.insert(
            "futures",
            [
                (wid, pid, *(future.get(key, FUTURE_DEFAULTS[key]) for key in FUTURE_KEYS))
                for pid, future in futures.items()
            ],
            _keyed("futures", futures),
        )
        # The door keeps no row for an edge statement never written.
        if self.doc.get("edge_statement"):
            self.insert(
                "edge_notes", [(wid, self.doc["edge_statement"])], lambda _: "edge_statement"
            )

    def lists(self, wid: int) -> None:
        stamp = self.stamp
        self.insert(
            "evidence",
            [
                (
                    wid,
                    self.strength(item["strength_id"]),
                    item.get("situation", ""),
                    item.get("action", ""),
                    item.get("result", ""),
                    item.get("created_at") or stamp,
                )
                for item in self.doc.get("evidence", [])
            ],
            _listed("evidence"),
        )
        self.insert(
            "journal_entries",
            [
                (
                    wid,
                    item["kind"],
                    item["entry_date"],
                    item.get("prompt_id"),
                    item.get("body", ""),
                    item.get("source", ""),
                    item.get("energy_level"),
                    int(item.get("private", True)),  # private unless the file says otherwise
                    stamp,
                    stamp,
                )
                for item in self.doc.get("journal", [])
            ],
            _listed("journal"),
        )
        self.ai_tasks(wid)
        self.plan(wid)
        self.insert(
            "reinvestments",
            [
                (
                    wid,
                    float(item.get("hours", 0.0)),
                    item.get("target_kind", "other"),
                    self.target(item.get("target_kind", "other"), item.get("target_id")),
                    item.get("note", ""),
                )
                for item in self.doc.get("reinvestments", [])
            ],
            _listed("reinvestments"),
        )
        self.insert(
            "milestones",
            [
                (wid, item["day"], item.get("text", ""), int(item.get("done", False)))
                for item in self.doc.get("milestones", [])
            ],
            _listed("milestones"),
        )
        self.insert(
            "support_requests",
            [
                (wid, item.get("source", "manager"), item.get("request", ""))
                for item in self.doc.get("support", [])
            ],
            _listed("support"),
        )
        self.insert(
            "conversation_questions",
            [
                (wid, position, item.get("library_id"), item.get("text", ""))
                for position, item in enumerate(self.doc.get("questions", []))
            ],
            _listed("questions"),
        )
        self.insert(
            "rating_snapshots",
            [
                (wid, item["taken_at"], json.dumps(self.snapshot(item["data"])))
                for item in self.doc.get("snapshots", [])
            ],
            _listed("snapshots"),
        )

    def ai_tasks(self, wid: int) -> None:
        last = -1  # a task without a position goes after every task so far, as with the door
        for index, item in enumerate(self.doc.get("tasks", [])):
            position = item.get("position")
            if position is None:
                position = last + 1
            last = max(last, position)
            share = item.get("ai_share")
            row = self.insert_one(
                "ai_tasks",
                (
                    wid,
                    position,
                    item.get("name", ""),
                    item.get("library_task_id"),
                    float(item.get("hours_per_week", 0.0)),
                    item.get("mode"),
                    None if share is None else float(share),
                    item.get("tool", ""),
                    item.get("validation", ""),
                    float(item.get("review_hours", 0.0)),
                    item.get("stakes", ""),
                    item.get("risk_note", ""),
                    item.get("agency"),
                ),
                partial(_child, "tasks", index),
            )
            if "id" in item:
                self.tasks[item["id"]] = row

    def plan(self, wid: int) -> None:
        actions: list[tuple[Any, ...]] = []
        places: list[tuple[Any, ...]] = []  # each action's path, written out only if needed
        for index, item in enumerate(self.doc.get("goals", [])):
            goal = self.insert_one(
                "goals",
                (
                    wid,
                    index,
                    item.get("title", ""),
                    item.get("measure", ""),
                    item.get("target_date"),
                    json.dumps([self.link(link) for link in item.get("links", [])]),
                    item.get("commitment"),
                ),
                partial(_child, "goals", index),
            )
            if "id" in item:
                self.goals[item["id"]] = goal
            for position, action in enumerate(item.get("actions", [])):
                actions.append(
                    (
                        goal,
                        position,
                        action.get("title", ""),
                        action.get("kind"),
                        action.get("due_date"),
                        action.get("status", "planned"),
                    )
                )
                places.append(("goals", index, "actions", position))
        self.insert("actions", actions, lambda n: _where(places[n]))

    def link(self, link: str) -> str:
        kind, _, target = link.partition(":")
        if kind == "strength":
            return f"strength:{self.strength(target)}"
        if kind == "task":
            # A link to a task removed before the export stays a link to a removed task.
            return f"task:{self.tasks.get(int(target), 0)}"
        return link

    def target(self, kind: str, target: str | None) -> str | None:
        if target and kind == "strength":
            return self.strength(target)
        if target and kind == "goal":
            return f"goal:{self.goals.get(int(target[len('goal:') :]), 0)}"
        return target

    def snapshot(self, data: dict[str, Any]) -> dict[str, Any]:
        result = dict(data)
        if "ratings" in data:
            result["ratings"] = {self.strength(k): v for k, v in data["ratings"].items()}
        return result


def _listed(section: str) -> Callable[[int], str]:
    """The path of the n-th entry of a list, such as `journal[3]`."""
    return lambda n: _child(section, n)


def _keyed(section: str, keys: Iterable[str]) -> Callable[[int], str]:
    """The path of the n-th answer of an object by id, such as `context.dual_ladder`."""
    keys = list(keys)
    return lambda n: _child(section, keys[n])


#: What the `futures` table holds for a field the file leaves out.
FUTURE_DEFAULTS: dict[str, Any] = {
    "title": "",
    "story": "",
    "questions": "",
    "resources": None,
    "liking": None,
    "confidence": None,
    "coherence": None,
    "prototype": "",
}


def import_document(db: Database, document: Any, name: str | None = None) -> int:
    """Add the document as a new workbook, all of it or nothing; returns its id.

    The name is the file's (or `name`), made unique: "Nadia" becomes
    "Nadia (2)" when there is a Nadia already.
    """
    problems = validate(document)
    if problems:
        raise WorkbookFileProblem(problems)
    with db.atomic():
        return _Importer(db, document).run(name)


def import_file(db: Database, path: Path | str, name: str | None = None) -> int:
    """Read, check and import a workbook file; problems name the file."""
    document = read_file(path)
    try:
        return import_document(db, document, name)
    except WorkbookFileProblem as problem:
        raise problem.with_source(path) from None
