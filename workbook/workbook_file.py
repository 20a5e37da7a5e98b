"""The workbook file: one whole workbook as a single, versioned JSON document.

It lives in `workbook/` rather than `exports/` because it is the workbook's
data in another form, read back as well as written, not a rendering of it
for people to read; like the rest of the domain it uses no Qt and no
reportlab. The format is described in docs/workbook-file.md and published
as a JSON Schema in resources/schema/workbook-file.schema.json (a test keeps
the two in step with `to_document`).

Writing: `to_document` turns a `WorkbookData` into plain JSON data;
`write_file` writes it beside its target and moves it into place, so a
reader never finds half a file.

Reading is in three stages, each refusing with a `WorkbookFileProblem` that
names the line or the field:
1. `read_file`: the size (over 20 MB is refused before anything is read),
   the bytes (UTF-8) and the JSON syntax (line and column);
2. `validate`: the shape, every type and range, the format and version,
   every content id against `load_content()`, and the references between
   entries (goal links, reinvestment targets);
3. `import_document`: adds the workbook through the edit door
   (`workbook.edits`, `workbook.records`) in one transaction, so a refusal
   at any point leaves the database exactly as it was.

Three things have no door because a person never types them: an evidence
entry's creation time, the snapshots taken at check-ins, and reinvested
hours beyond what the tasks free (a plan can get there when a task's hours
are lowered after the hours were placed; the app shows it as over-allocated).
Those are written directly, inside the same transaction, after the same
checks.
"""

from __future__ import annotations

import json
import math
import os
import re
import stat
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from workbook import __version__, records
from workbook.content import load_content
from workbook.content.catalogue import Content
from workbook.data import WorkbookData, load_workbook_data
from workbook.edits import (
    JOURNAL_KINDS,
    MAX_WORKBOOK_NAME,
    create_workbook,
    set_profile_field,
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


def write_file(data: WorkbookData, path: Path | str) -> Path:
    """Write the workbook file: UTF-8 JSON, owner-only (0600), whole or not at all."""
    path = Path(path)
    text = json.dumps(to_document(data), ensure_ascii=False, indent=2, allow_nan=False) + "\n"
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
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            raise _DuplicateKey(key)
        result[key] = value
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
            raw = handle.read(MAX_FILE_BYTES + 1)
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


Check = Callable[["_Validator", Any, str], None]


@dataclass(frozen=True)
class Field:
    check: Check
    required: bool = False


def _text(limit: int, *, nullable: bool = False, blank: bool = True) -> Check:
    def check(v: _Validator, value: Any, path: str) -> None:
        if value is None and nullable:
            return
        if not isinstance(value, str):
            v.add(path, f"must be text, not {_kind(value)}.")
        elif len(value) > limit:
            v.add(path, f"is {len(value):,} characters long; keep it to {limit:,} or fewer.")
        elif not blank and not value.strip():
            v.add(path, "must not be empty.")
        else:
            try:
                value.encode("utf-8")
            except UnicodeEncodeError:
                v.add(path, "holds a broken character (half of a character pair).")

    return check


def _whole(low: int, high: int, *, nullable: bool = True) -> Check:
    def check(v: _Validator, value: Any, path: str) -> None:
        if value is None and nullable:
            return
        if isinstance(value, bool) or not isinstance(value, int):
            v.add(path, f"must be a whole number from {low} to {high}, not {_kind(value)}.")
        elif not low <= value <= high:
            v.add(path, f"is {_show(value)}; it must be from {low} to {high}.")

    return check


def _number(low: float, high: float, *, nullable: bool = False) -> Check:
    def check(v: _Validator, value: Any, path: str) -> None:
        if value is None and nullable:
            return
        if isinstance(value, bool) or not isinstance(value, int | float):
            v.add(path, f"must be a number from {low:g} to {high:g}, not {_kind(value)}.")
        elif isinstance(value, float) and not math.isfinite(value):
            v.add(path, "must be an ordinary number, not NaN or Infinity.")
        elif not low <= value <= high:
            v.add(path, f"is {_show(value)}; it must be from {low:g} to {high:g}.")

    return check


def _choice(options: tuple[Any, ...], *, nullable: bool = True) -> Check:
    def check(v: _Validator, value: Any, path: str) -> None:
        if value is None and nullable:
            return
        if not any(type(value) is type(option) and value == option for option in options):
            listed = ", ".join(_show(option) for option in options)
            v.add(path, f"is {_show(value)}, which is not one of {listed}.")

    return check


def _flag(v: _Validator, value: Any, path: str) -> None:
    if not isinstance(value, bool):
        v.add(path, f"must be true or false, not {_kind(value)}.")


def _date(*, nullable: bool = True) -> Check:
    def check(v: _Validator, value: Any, path: str) -> None:
        if value is None and nullable:
            return
        if isinstance(value, str) and DATE_TEXT.match(value):
            try:
                date.fromisoformat(value)
                return
            except ValueError:
                pass
        v.add(path, f"is {_show(value)}; it must be a date written as YYYY-MM-DD.")

    return check


def _moment(v: _Validator, value: Any, path: str) -> None:
    if isinstance(value, str) and len(value) <= 40 and value[:1].isdigit():
        try:
            datetime.fromisoformat(value)
            return
        except ValueError:
            pass
    v.add(path, f"is {_show(value)}; it must be a date and time such as 2026-08-10T09:30:00Z.")


def _known(table: str, what: str) -> Check:
    def check(v: _Validator, value: Any, path: str) -> None:
        if value is None:
            return
        if not isinstance(value, str):
            v.add(path, f"must be the id of {what} (text), not {_kind(value)}.")
        elif value not in getattr(v.content, table):
            v.add(path, f"{_show(value)} is not {what} this version of Career Workbook knows.")

    return check


def _strength_id(v: _Validator, value: Any, path: str) -> None:
    if not isinstance(value, str):
        v.add(path, f"must be the id of a strength (text), not {_kind(value)}.")
    elif value not in v.content.strengths and value not in v.custom_ids:
        v.add(
            path,
            f"{_show(value)} is not a strength in this version's catalogue, nor one of "
            "your own listed under ratings.",
        )


def _links(v: _Validator, value: Any, path: str) -> None:
    if not isinstance(value, list):
        v.add(path, f"must be a list, not {_kind(value)}.")
        return
    if len(value) > MAX_ITEMS:
        v.add(path, f"has {len(value):,} links; at most {MAX_ITEMS:,} are kept.")
        return
    for index, link in enumerate(value):
        where = _child(path, index)
        if not isinstance(link, str):
            v.add(where, f'must be text such as "strength:mentoring", not {_kind(link)}.')
            continue
        kind, colon, target = link.partition(":")
        if not colon or kind not in LINK_KINDS:
            v.add(where, f"is {_show(link)}; a link starts with strength:, path: or task:.")
        elif kind == "strength":
            _strength_id(v, target, where)
        elif kind == "path" and target not in v.content.paths:
            v.add(where, f"{_show(target)} is not a path this version of Career Workbook knows.")
        elif kind == "task" and not ROW_REF.match(target):
            v.add(where, f"is {_show(link)}; a task link is task: and the task's id.")


SHORT = _text(MAX_SHORT_TEXT)
LONG = _text(MAX_LONG_TEXT)

PROFILE: dict[str, Field] = {
    "person_name": Field(SHORT),
    "current_role": Field(SHORT),
    "role_family": Field(_choice(tuple(k for k, _ in ROLE_FAMILIES))),
    "years_experience": Field(_whole(0, MAX_YEARS_EXPERIENCE)),
    "current_track": Field(_choice(tuple(k for k, _ in TRACKS))),
    "aim": Field(LONG),
    "horizon_years": Field(_choice(tuple(k for k, _ in HORIZONS))),
    "strength_mode": Field(_choice(tuple(k for k, _ in STRENGTH_MODES), nullable=False)),
}
RATING: dict[str, Field] = {
    "custom": Field(_flag, required=True),
    "proficiency": Field(_whole(1, 5)),
    "energy": Field(_whole(1, 5)),
    "edge": Field(_whole(1, 4)),
    "rank": Field(_whole(1, 999)),
    "overuse_note": Field(LONG),
}
CUSTOM_RATING: dict[str, Field] = {
    **RATING,
    "name": Field(_text(MAX_SHORT_TEXT, blank=False), required=True),
    "description": Field(LONG),
}
EVIDENCE: dict[str, Field] = {
    "strength_id": Field(_strength_id, required=True),
    "situation": Field(LONG),
    "action": Field(LONG),
    "result": Field(LONG),
    "created_at": Field(_moment),
}
JOURNAL: dict[str, Field] = {
    "kind": Field(_choice(JOURNAL_KINDS, nullable=False), required=True),
    "entry_date": Field(_date(nullable=False), required=True),
    "prompt_id": Field(_known("prompts", "a prompt")),
    "body": Field(LONG),
    "source": Field(SHORT),
    "energy_level": Field(_whole(1, 5)),
    "private": Field(_flag),
}
FUTURE: dict[str, Field] = {
    "title": Field(SHORT),
    "story": Field(LONG),
    "questions": Field(LONG),
    "resources": Field(_whole(1, 5)),
    "liking": Field(_whole(1, 5)),
    "confidence": Field(_whole(1, 5)),
    "coherence": Field(_whole(1, 5)),
    "prototype": Field(LONG),
}
TASK: dict[str, Field] = {
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
REINVESTMENT: dict[str, Field] = {
    "hours": Field(_number(0, records.MAX_HOURS)),
    "target_kind": Field(_choice(TARGET_KINDS, nullable=False)),
    "target_id": Field(_text(MAX_SHORT_TEXT, nullable=True)),
    "note": Field(LONG),
}
ACTION: dict[str, Field] = {
    "title": Field(SHORT),
    "kind": Field(_choice(ACTION_KINDS)),
    "due_date": Field(_date()),
    "status": Field(_choice(ACTION_STATUSES, nullable=False)),
}
GOAL: dict[str, Field] = {
    "id": Field(_whole(1, 2**62, nullable=False)),
    "title": Field(SHORT),
    "measure": Field(LONG),
    "target_date": Field(_date()),
    "links": Field(_links),
    "commitment": Field(_whole(1, 10)),
    "actions": Field(lambda v, value, path: v.items(value, path, ACTION)),
}
MILESTONE: dict[str, Field] = {
    "day": Field(_choice(MILESTONE_DAYS, nullable=False), required=True),
    "text": Field(LONG),
    "done": Field(_flag),
}
SUPPORT: dict[str, Field] = {
    "source": Field(_choice(SUPPORT_SOURCES, nullable=False)),
    "request": Field(LONG),
}
QUESTION: dict[str, Field] = {
    "library_id": Field(_known("questions", "a question in the question library")),
    "text": Field(LONG),
}
SNAPSHOT_SCALES = (_whole(1, 5), _whole(1, 5), _whole(1, 4), _whole(1, 999))


def _snapshot_data(v: _Validator, value: Any, path: str) -> None:
    fields = {
        "ratings": Field(_snapshot_ratings),
        "scores": Field(_snapshot_scores),
        "mode": Field(_choice(tuple(k for k, _ in STRENGTH_MODES), nullable=False)),
    }
    v.object(value, path, fields)


def _snapshot_ratings(v: _Validator, value: Any, path: str) -> None:
    if not v.mapping(value, path):
        return
    for sid, scales in value.items():
        where = _child(path, sid)
        _strength_id(v, sid, where)
        if not isinstance(scales, list) or len(scales) != len(SNAPSHOT_SCALES):
            v.add(where, "must be a list of four ratings: proficiency, energy, edge and rank.")
            continue
        for index, (check, scale) in enumerate(zip(SNAPSHOT_SCALES, scales, strict=True)):
            check(v, scale, _child(where, index))


def _snapshot_scores(v: _Validator, value: Any, path: str) -> None:
    if not v.mapping(value, path):
        return
    for pid, score in value.items():
        where = _child(path, pid)
        if pid not in v.content.paths:
            v.add(where, f"{_show(pid)} is not a path this version of Career Workbook knows.")
        _number(-1e9, 1e9)(v, score, where)


SNAPSHOT: dict[str, Field] = {
    "taken_at": Field(_moment, required=True),
    "data": Field(_snapshot_data, required=True),
}


class _Validator:
    """Walks a document, collecting problems as "path: what is wrong" lines."""

    def __init__(self, content: Content) -> None:
        self.content = content
        self.problems: list[str] = []
        self.custom_ids: set[str] = set()

    def add(self, path: str, message: str) -> None:
        self.problems.append(f"{path or 'The file'}: {message}")

    def mapping(self, value: Any, path: str) -> bool:
        if not isinstance(value, dict):
            self.add(path, f"must be an object ({{...}}), not {_kind(value)}.")
            return False
        if len(value) > MAX_ITEMS:
            self.add(path, f"has {len(value):,} entries; at most {MAX_ITEMS:,} are kept.")
            return False
        for key in value:
            if not isinstance(key, str):
                self.add(_child(path, repr(key)), "a key must be text.")
                return False
        return True

    def object(self, value: Any, path: str, fields: dict[str, Field]) -> bool:
        if not self.mapping(value, path):
            return False
        for key, item in value.items():
            where = _child(path, key)
            if key not in fields:
                self.add(where, "this file version has no such field.")
            else:
                fields[key].check(self, item, where)
        for key, spec in fields.items():
            if spec.required and key not in value:
                self.add(path, f"the field {_show(key)} is missing.")
        return True

    def items(self, value: Any, path: str, fields: dict[str, Field]) -> None:
        if not isinstance(value, list):
            self.add(path, f"must be a list ([...]), not {_kind(value)}.")
            return
        if len(value) > MAX_ITEMS:
            self.add(path, f"has {len(value):,} entries; at most {MAX_ITEMS:,} are kept.")
            return
        for index, item in enumerate(value):
            self.object(item, _child(path, index), fields)

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
                            _child(_child(path, index), "id"),
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
                "format",
                f"is {shown}: this is not a Career Workbook file "
                f'(a workbook file says "format": "{FORMAT}").',
            )
            return False
        version = document.get("version")
        if "version" not in document:
            self.add("version", "the field is missing.")
        elif isinstance(version, bool) or not isinstance(version, int):
            self.add("version", f"must be a whole number, not {_kind(version)}.")
        elif version > VERSION:
            self.add(
                "version",
                f"is {version}: the file was written by a newer version of Career Workbook "
                f"(this one reads version {VERSION}). Please update the program to import it.",
            )
        elif version != VERSION:
            self.add("version", f"is {version}; there is no such version of the workbook file.")
        return not self.problems

    def ratings(self, value: Any) -> None:
        if not self.mapping(value, "ratings"):
            return
        names: dict[str, str] = {}
        for sid, entry in value.items():
            where = _child("ratings", sid)
            custom = isinstance(entry, dict) and entry.get("custom") is True
            if custom:
                if not CUSTOM_ID.match(sid):
                    self.add(where, "a strength of your own has an id such as custom_1.")
                name = entry.get("name")
                if isinstance(name, str) and name.strip():
                    folded = name.strip().casefold()
                    if folded in names:
                        self.add(
                            _child(where, "name"),
                            f"{_show(name.strip())} is also the name of {names[folded]}.",
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
            if isinstance(entry, dict):
                for key in ("name", "description"):
                    if key in entry:
                        self.add(
                            _child(where, key),
                            'only a strength of your own ("custom": true) has a name or '
                            "description; the catalogue's come from the content.",
                        )
            self.object(
                {k: e for k, e in entry.items() if k not in ("name", "description")}
                if isinstance(entry, dict)
                else entry,
                where,
                RATING,
            )

    def keyed(self, value: Any, path: str, table: str, what: str) -> Iterator[tuple[str, Any, str]]:
        """(key, answer, path) for each answer whose key is a known content id."""
        if not self.mapping(value, path):
            return
        known = getattr(self.content, table)
        for key, answer in value.items():
            where = _child(path, key)
            if key in known:
                yield key, answer, where
            else:
                self.add(
                    where, f"{_show(key)} is not {what} this version of Career Workbook knows."
                )

    def preferences(self, value: Any, path: str) -> None:
        for _, answer, where in self.keyed(value, path, "preferences", "a preference"):
            _whole(1, 5, nullable=False)(self, answer, where)

    def context(self, value: Any, path: str) -> None:
        for key, answer, where in self.keyed(value, path, "context", "a context question"):
            LONG(self, answer, where)
            question = self.content.context[key]
            if question.kind == "choice" and isinstance(answer, str) and answer:
                _choice(tuple(option for option, _ in question.options))(self, answer, where)

    def futures(self, value: Any, path: str) -> None:
        for _, future, where in self.keyed(value, path, "paths", "a path"):
            self.object(future, where, FUTURE)

    def reinvestment_targets(self, value: Any) -> None:
        if not isinstance(value, list):
            return
        for index, item in enumerate(value):
            if not isinstance(item, dict):
                continue
            target = item.get("target_id")
            if not isinstance(target, str) or not target:
                continue
            where = _child(_child("reinvestments", index), "target_id")
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
                "",
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
        top: dict[str, Field] = {
            "format": Field(lambda *_: None, required=True),
            "version": Field(lambda *_: None, required=True),
            "exported_at": Field(_moment),
            "app_version": Field(SHORT),
            "name": Field(self.workbook_name, required=True),
            "profile": Field(lambda v, value, path: v.object(value, path, PROFILE)),
            "ratings": Field(lambda v, value, path: v.ratings(value)),
            "evidence": Field(lambda v, value, path: v.items(value, path, EVIDENCE)),
            "journal": Field(lambda v, value, path: v.items(value, path, JOURNAL)),
            "preferences": Field(lambda v, value, path: v.preferences(value, path)),
            "context": Field(lambda v, value, path: v.context(value, path)),
            "futures": Field(lambda v, value, path: v.futures(value, path)),
            "edge_statement": Field(LONG),
            "tasks": Field(lambda v, value, path: v.items(value, path, TASK)),
            "reinvestments": Field(
                lambda v, value, path: (
                    v.items(value, path, REINVESTMENT),
                    v.reinvestment_targets(value),
                )
            ),
            "goals": Field(lambda v, value, path: v.items(value, path, GOAL)),
            "milestones": Field(lambda v, value, path: v.items(value, path, MILESTONE)),
            "support": Field(lambda v, value, path: v.items(value, path, SUPPORT)),
            "questions": Field(lambda v, value, path: v.items(value, path, QUESTION)),
            "snapshots": Field(lambda v, value, path: v.items(value, path, SNAPSHOT)),
        }
        self.object(document, "", top)

    def workbook_name(self, v: _Validator, value: Any, path: str) -> None:
        if isinstance(value, str) and len(" ".join(value.split())) > MAX_WORKBOOK_NAME:
            v.add(path, f"keep a workbook's name to {MAX_WORKBOOK_NAME} characters or fewer.")
        else:
            _text(10_000, blank=False)(v, value, path)


def validate(document: Any) -> list[str]:
    """Everything wrong with a document, each as "json.path: what is wrong"; [] when none."""
    validator = _Validator(load_content())
    validator.document(document)
    return validator.problems


# ---- importing ------------------------------------------------------------------------------


class _Importer:
    """Adds one checked document through the door; any refusal names the field."""

    def __init__(self, db: Database, document: dict[str, Any]) -> None:
        self.db = db
        self.doc = document
        self.custom: dict[str, str] = {}  # custom id in the file -> custom id here
        self.tasks: dict[int, int] = {}  # task id in the file -> row id here
        self.goals: dict[int, int] = {}

    def door(self, path: str, edit: Callable[..., Any], *args: Any, **values: Any) -> Any:
        try:
            return edit(self.db, *args, **values)
        except WorkbookError as refused:
            raise WorkbookFileProblem([f"{path or 'The file'}: {refused.message}"]) from None

    def entries(self, key: str) -> Iterator[tuple[str, dict[str, Any]]]:
        for index, item in enumerate(self.doc.get(key, [])):
            yield _child(key, index), item

    @staticmethod
    def given(item: dict[str, Any], *keys: str) -> dict[str, Any]:
        """The values the file gives; a null leaves the column's own default (often null)."""
        return {key: item[key] for key in keys if item.get(key) is not None}

    def strength(self, sid: str) -> str:
        return self.custom.get(sid, sid)

    def run(self, name: str | None) -> int:
        wanted = self.doc["name"] if name is None else name
        where = "name" if name is None else "The name asked for"
        wid = self.door(where, create_workbook, self.door(where, unique_name, wanted)).workbook_id
        for key, value in self.doc.get("profile", {}).items():
            self.door(_child("profile", key), set_profile_field, wid, key, value)
        self.ratings(wid)
        for table, section, field in (
            ("preference_answers", "preferences", "agreement"),
            ("context_answers", "context", "answer"),
        ):
            for key, value in self.doc.get(section, {}).items():
                self.door(_child(section, key), records.set_answer, table, wid, key, field, value)
        for pid, future in self.doc.get("futures", {}).items():
            for key in FUTURE_KEYS:
                if key in future or key == "title":  # title: so an empty future is kept too
                    self.door(
                        _child(_child("futures", pid), key),
                        records.set_answer,
                        "futures",
                        wid,
                        pid,
                        key,
                        future.get(key, ""),
                    )
        if self.doc.get("edge_statement"):
            self.door(
                "edge_statement",
                records.set_answer,
                "edge_notes",
                wid,
                None,
                "edge_statement",
                self.doc["edge_statement"],
            )
        self.lists(wid)
        return wid

    def ratings(self, wid: int) -> None:
        ratings: dict[str, dict[str, Any]] = self.doc.get("ratings", {})
        own = sorted((sid for sid, r in ratings.items() if r["custom"]), key=lambda s: int(s[7:]))
        for sid in own:
            where = _child("ratings", sid)
            entry = ratings[sid]
            name = entry["name"]
            key = self.door(
                where,
                records.add_custom_strength,
                wid,
                name.strip(),
                entry.get("description", ""),
            ).key
            self.custom[sid] = key
            # The door trims a new name; set it again as it was written, spaces and all.
            self.door(
                _child(where, "name"),
                records.set_answer,
                "strength_ratings",
                wid,
                key,
                "custom_name",
                name,
            )
        for sid, entry in ratings.items():
            for field in RATING_KEYS:
                if field in entry or field == "proficiency":  # the first one adds the row
                    self.door(
                        _child(_child("ratings", sid), field),
                        records.set_answer,
                        "strength_ratings",
                        wid,
                        self.strength(sid),
                        field,
                        entry.get(field),
                    )

    def lists(self, wid: int) -> None:
        for path, item in self.entries("evidence"):
            values = self.given(item, "situation", "action", "result")
            row = self.door(
                path,
                records.add_row,
                "evidence",
                wid,
                strength_id=self.strength(item["strength_id"]),
                **values,
            ).row_id
            if item.get("created_at"):
                self.db.execute(
                    "UPDATE evidence SET created_at = ? WHERE id = ?", [item["created_at"], row]
                )
        for path, item in self.entries("journal"):
            values = self.given(item, *JOURNAL)
            if "private" in values:
                values["private"] = int(values["private"])
            self.door(path, records.add_row, "journal_entries", wid, **values)
        for path, item in self.entries("tasks"):
            values = self.given(item, "position", *TASK_KEYS)
            row = self.door(path, records.add_row, "ai_tasks", wid, **values).row_id
            if "id" in item:
                self.tasks[item["id"]] = row
        for path, item in self.entries("goals"):
            values = self.given(item, "title", "measure", "target_date", "commitment")
            values["links"] = [self.link(link) for link in item.get("links", [])]
            goal = self.door(path, records.add_row, "goals", wid, **values).row_id
            if "id" in item:
                self.goals[item["id"]] = goal
            for index, action in enumerate(item.get("actions", [])):
                self.door(
                    _child(_child(path, "actions"), index),
                    records.add_row,
                    "actions",
                    goal,
                    **self.given(action, *ACTION),
                )
        self.reinvestments(wid)
        for path, item in self.entries("milestones"):
            values = self.given(item, *MILESTONE)
            if "done" in values:
                values["done"] = int(values["done"])
            self.door(path, records.add_row, "milestones", wid, **values)
        for path, item in self.entries("support"):
            self.door(path, records.add_row, "support_requests", wid, **self.given(item, *SUPPORT))
        for path, item in self.entries("questions"):
            self.door(
                path, records.add_row, "conversation_questions", wid, **self.given(item, *QUESTION)
            )
        for _, item in self.entries("snapshots"):
            self.db.execute(
                "INSERT INTO rating_snapshots (workbook_id, taken_at, data) VALUES (?, ?, ?)",
                [wid, item["taken_at"], json.dumps(self.snapshot(item["data"]))],
            )

    def link(self, link: str) -> str:
        kind, _, target = link.partition(":")
        if kind == "strength":
            return f"strength:{self.strength(target)}"
        if kind == "task":
            # A link to a task removed before the export stays a link to a removed task.
            return f"task:{self.tasks.get(int(target), 0)}"
        return link

    def reinvestments(self, wid: int) -> None:
        from workbook.analysis.ai_plan import total_freed

        items = list(self.entries("reinvestments"))
        freed = total_freed(load_workbook_data(self.db, wid).tasks)
        fits = sum(item.get("hours", 0) for _, item in items) <= freed + 1e-9
        placed: list[tuple[float, int]] = []
        for path, item in items:
            values = self.given(item, *REINVESTMENT)
            target = values.get("target_id")
            kind = values.get("target_kind", "other")
            if target and kind == "strength":
                values["target_id"] = self.strength(target)
            elif target and kind == "goal":
                values["target_id"] = f"goal:{self.goals.get(int(target[len('goal:') :]), 0)}"
            if fits:
                self.door(path, records.add_row, "reinvestments", wid, **values)
                continue
            # More hours placed than the tasks free: every row goes in through the door with
            # no hours, then gets its hours as written, as the app had them.
            hours = values.pop("hours", 0.0)
            row = self.door(path, records.add_row, "reinvestments", wid, **values).row_id
            placed.append((float(hours), row))
        for hours, row in placed:
            self.db.execute("UPDATE reinvestments SET hours = ? WHERE id = ?", [hours, row])

    def snapshot(self, data: dict[str, Any]) -> dict[str, Any]:
        result = dict(data)
        if "ratings" in data:
            result["ratings"] = {self.strength(k): v for k, v in data["ratings"].items()}
        return result


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
