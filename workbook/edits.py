"""The one door for changes: every edit validates, writes in a transaction
and returns a Change saying what it changed.

Widgets never write SQL; they call these functions and refresh from the
returned Change. Undo and redo (`workbook.history`) replay a Change's
`before` or `after` value through the same functions. Each edit also stamps
the workbook's `updated_at` and the file's `last_change_at`, which the
daily backup uses to tell whether anything changed.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import TYPE_CHECKING, Any

from workbook.errors import InvalidEdit
from workbook.migrations import WORKBOOK_TABLES
from workbook.model import (
    HORIZONS,
    MAX_LONG_TEXT,
    MAX_SHORT_TEXT,
    MAX_YEARS_EXPERIENCE,
    ROLE_FAMILIES,
    STRENGTH_MODES,
    TRACKS,
)
from workbook.queries import get_workbook

if TYPE_CHECKING:
    from sqlite_utils import Database

MAX_WORKBOOK_NAME = 120
JOURNAL_KINDS = ("reflection", "energy", "feedback", "checkin")

#: What no name may hold: a name is one line of visible text, so every control character
#: (Unicode category Cc: a tab, a line break, NUL, a terminal's escape codes) is refused,
#: and the line and paragraph separators with them.
#: Control characters, line and paragraph separators, and the bidirectional embeddings,
#: overrides and isolates: invisible, and able to make a name show as another one.
NAME_CONTROLS = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
#: Said after the field's name, here and by the workbook file's checks.
CONTROLS_IN_NAME = (
    "cannot contain control characters (such as a tab, a line break or an invisible NUL)"
)
#: The one character no text may hold, long answers included: most tools cut text short at
#: a NUL, and it has no visible form. Line breaks and tabs are fine in a long answer.
NUL = "\x00"


@dataclass(frozen=True)
class Change:
    """What one edit changed. `kind` is "field", "created", "deleted" or "added"."""

    kind: str
    workbook_id: int
    table: str
    field: str | None = None
    before: Any = None
    after: Any = None
    row_id: int | None = None
    description: str = ""
    #: For answers stored by content id (a strength, a preference...): that id.
    key: str | None = None

    @property
    def undoable(self) -> bool:
        return self.kind == "field" and self.before != self.after


def now_iso() -> str:
    return datetime.now(UTC).isoformat(timespec="milliseconds")


def touch(db: Database, workbook_id: int | None, stamp: str) -> None:
    if workbook_id is not None:
        db.execute("UPDATE workbooks SET updated_at = ? WHERE id = ?", [stamp, workbook_id])
    db.execute(
        "INSERT INTO meta (key, value) VALUES ('last_change_at', ?) "
        "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
        [stamp],
    )


# ---- validation ---------------------------------------------------------------------


def text_rule(limit: int) -> Callable[[Any], str]:
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


def name_rule(limit: int, label: str) -> Callable[[Any], str]:
    """A one-line name: text as `text_rule` takes it, without control characters."""
    text = text_rule(limit)

    def check(value: Any) -> str:
        # First, so that a NUL in a name is refused as any control character, naming the field.
        if isinstance(value, str) and NAME_CONTROLS.search(value):
            raise InvalidEdit(f"{label} {CONTROLS_IN_NAME}.")
        return text(value)

    return check


def _choice(options: tuple[tuple[Any, str], ...], what: str) -> Callable[[Any], Any]:
    ids = [option for option, _ in options]

    def check(value: Any) -> Any:
        if value in (None, ""):
            return None
        # Of the same type too: True == 1 and 3.0 == 3, but neither is a choice on offer.
        if not any(type(value) is type(option) and value == option for option in ids):
            raise InvalidEdit(f"{value!r} is not one of the {what} on offer.")
        return value

    return check


def _years(value: Any) -> int | None:
    if value in (None, ""):
        return None
    if isinstance(value, bool) or not isinstance(value, int):
        raise InvalidEdit("Years of experience must be a whole number.")
    if not 0 <= value <= MAX_YEARS_EXPERIENCE:
        raise InvalidEdit(f"Years of experience must be between 0 and {MAX_YEARS_EXPERIENCE}.")
    return value


PROFILE_FIELDS: dict[str, Callable[[Any], Any]] = {
    "person_name": name_rule(MAX_SHORT_TEXT, "Your name"),
    "current_role": text_rule(MAX_SHORT_TEXT),
    "role_family": _choice(ROLE_FAMILIES, "role families"),
    "years_experience": _years,
    "current_track": _choice(TRACKS, "tracks"),
    "aim": text_rule(MAX_LONG_TEXT),
    "horizon_years": _choice(HORIZONS, "time horizons"),
    "strength_mode": lambda v: _choice(STRENGTH_MODES, "ways to assess strengths")(v) or "rating",
}


def _clean_name(name: Any) -> str:
    if not isinstance(name, str) or not name.strip():
        raise InvalidEdit("A workbook needs a name.")
    if NAME_CONTROLS.search(name):
        # Refused, not tidied into spaces: a tab or a NUL in a name is a damaged paste or
        # a crafted file, and the person should see what they are getting.
        raise InvalidEdit(f"The workbook name {CONTROLS_IN_NAME}.")
    name = " ".join(name.split())
    if len(name) > MAX_WORKBOOK_NAME:
        raise InvalidEdit(f"Keep the workbook's name to {MAX_WORKBOOK_NAME} characters or fewer.")
    return name


def _name_taken(db: Database, name: str, except_id: int | None = None) -> bool:
    # Compared in Python: SQLite's NOCASE folds ASCII letters only, so "Émile" and
    # "émile" would both be let in.
    wanted = name.casefold()
    others = db.execute("SELECT name FROM workbooks WHERE id IS NOT ?", [except_id])
    return any(other.casefold() == wanted for (other,) in others)


def unique_name(db: Database, wanted: str) -> str:
    """`wanted`, or `wanted (2)`, `wanted (3)`... whichever is free."""
    name = _clean_name(wanted)
    candidate, counter = name, 2
    while _name_taken(db, candidate):
        suffix = f" ({counter})"
        candidate = name[: MAX_WORKBOOK_NAME - len(suffix)] + suffix
        counter += 1
    return candidate


# ---- workbooks ----------------------------------------------------------------------


def create_workbook(db: Database, name: str) -> Change:
    """Add an empty workbook. The name must be new (ignoring case)."""
    name = _clean_name(name)
    with db.atomic():
        if _name_taken(db, name):
            raise InvalidEdit(f"There is already a workbook called {name!r}. Choose another name.")
        stamp = now_iso()
        cursor = db.execute(
            "INSERT INTO workbooks (name, created_at, updated_at, last_opened_at) "
            "VALUES (?, ?, ?, ?)",
            [name, stamp, stamp, stamp],
        )
        workbook_id = cursor.lastrowid
        db.execute("INSERT INTO profile (workbook_id) VALUES (?)", [workbook_id])
        touch(db, workbook_id, stamp)
    return Change("created", workbook_id, "workbooks", after=name, description=f"Create {name}")


def rename_workbook(db: Database, workbook_id: int, name: str) -> Change:
    name = _clean_name(name)
    with db.atomic():
        before = get_workbook(db, workbook_id).name
        if _name_taken(db, name, except_id=workbook_id):
            raise InvalidEdit(f"There is already a workbook called {name!r}. Choose another name.")
        db.execute("UPDATE workbooks SET name = ? WHERE id = ?", [name, workbook_id])
        touch(db, workbook_id, now_iso())
    return Change(
        "field", workbook_id, "workbooks", "name", before, name, description="Rename workbook"
    )


def delete_workbook(db: Database, workbook_id: int) -> Change:
    """Remove a workbook and everything in it (secure delete wipes the text)."""
    with db.atomic():
        name = get_workbook(db, workbook_id).name
        db.execute("DELETE FROM workbooks WHERE id = ?", [workbook_id])
        touch(db, None, now_iso())
        from workbook.search import purge_deleted_text  # search builds on this module's tables

        purge_deleted_text(db)
    return Change("deleted", workbook_id, "workbooks", before=name, description=f"Delete {name}")


def mark_opened(db: Database, workbook_id: int) -> None:
    """Remember that this workbook was opened last (not an edit: no undo, no backup)."""
    db.execute("UPDATE workbooks SET last_opened_at = ? WHERE id = ?", [now_iso(), workbook_id])
    db.conn.commit()


def _copy_rows(db: Database, table: str, source_id: int, target_id: int) -> dict[int, int]:
    """Copy one table's rows of a workbook; returns old id -> new id where rows have ids."""
    columns = [c.name for c in db[table].columns]
    has_id = "id" in columns
    data_columns = [c for c in columns if c not in ("id", "workbook_id")]
    mapping: dict[int, int] = {}
    select = ", ".join(["id"] * has_id + data_columns)
    for row in db.execute(f"SELECT {select} FROM {table} WHERE workbook_id = ?", [source_id]):
        values = list(row[1:] if has_id else row)
        placeholders = ", ".join("?" * (len(data_columns) + 1))
        cursor = db.execute(
            f"INSERT INTO {table} (workbook_id, {', '.join(data_columns)}) VALUES ({placeholders})",
            [target_id, *values],
        )
        if has_id:
            mapping[row[0]] = cursor.lastrowid
    return mapping


def duplicate_workbook(db: Database, workbook_id: int, name: str | None = None) -> Change:
    """Copy a workbook with every answer in it, under a new name."""
    with db.atomic():
        source = get_workbook(db, workbook_id)
        suffix = " (copy)"  # the source's name may already be as long as names may be
        new_name = unique_name(db, name or source.name[: MAX_WORKBOOK_NAME - len(suffix)] + suffix)
        stamp = now_iso()
        new_id = db.execute(
            "INSERT INTO workbooks (name, created_at, updated_at, last_opened_at) "
            "VALUES (?, ?, ?, ?)",
            [new_name, stamp, stamp, stamp],
        ).lastrowid
        goal_ids: dict[int, int] = {}
        for table in WORKBOOK_TABLES:
            copied = _copy_rows(db, table, workbook_id, new_id)
            if table == "goals":
                goal_ids = copied
        # Actions hang off goals rather than the workbook, so map their goal ids.
        action_columns = [c.name for c in db["actions"].columns if c.name not in ("id", "goal_id")]
        for old_goal, new_goal in goal_ids.items():
            db.execute(
                f"INSERT INTO actions (goal_id, {', '.join(action_columns)}) "
                f"SELECT ?, {', '.join(action_columns)} FROM actions WHERE goal_id = ?",
                [new_goal, old_goal],
            )
        touch(db, new_id, stamp)
    return Change("created", new_id, "workbooks", after=new_name, description=f"Copy {source.name}")


# ---- fields -------------------------------------------------------------------------


def set_profile_field(db: Database, workbook_id: int, field: str, value: Any) -> Change:
    """Set one "About you" answer."""
    try:
        check = PROFILE_FIELDS[field]
    except KeyError:
        raise InvalidEdit(f"'About you' has no field called {field!r}.") from None
    value = check(value)
    with db.atomic():
        get_workbook(db, workbook_id)
        db.execute(
            "INSERT INTO profile (workbook_id) VALUES (?) ON CONFLICT(workbook_id) DO NOTHING",
            [workbook_id],
        )
        before = db.execute(
            f"SELECT {field} FROM profile WHERE workbook_id = ?", [workbook_id]
        ).fetchone()[0]
        if before != value:
            db.execute(
                f"UPDATE profile SET {field} = ? WHERE workbook_id = ?", [value, workbook_id]
            )
            touch(db, workbook_id, now_iso())
    return Change("field", workbook_id, "profile", field, before, value, description=field)


# ---- journal ------------------------------------------------------------------------


def add_journal_entry(
    db: Database,
    workbook_id: int,
    kind: str,
    body: str,
    *,
    entry_date: date | None = None,
    prompt_id: str | None = None,
    source: str = "",
    private: bool = True,
) -> Change:
    """Add a dated entry: a reflection, an energy-log moment, feedback or a check-in."""
    if kind not in JOURNAL_KINDS:
        raise InvalidEdit(f"{kind!r} is not a kind of journal entry.")
    body = text_rule(MAX_LONG_TEXT)(body)
    source = text_rule(MAX_SHORT_TEXT)(source)
    when = (entry_date or date.today()).isoformat()
    with db.atomic():
        get_workbook(db, workbook_id)
        stamp = now_iso()
        row_id = db.execute(
            "INSERT INTO journal_entries (workbook_id, kind, prompt_id, body, source, "
            "entry_date, created_at, updated_at, private) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [workbook_id, kind, prompt_id, body, source, when, stamp, stamp, int(private)],
        ).lastrowid
        touch(db, workbook_id, stamp)
    return Change(
        "added", workbook_id, "journal_entries", after=body, row_id=row_id, description=kind
    )
