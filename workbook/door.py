"""The one door for changes: every operation that writes to a workbook, named for what it does.

Widgets and commands never write SQL; they call these and refresh from the `Change`
each returns (`workbook.change`). Every value is checked by its field's rule from the
registry, each operation is one transaction, and each stamps the workbook's
`updated_at` and the file's `last_change_at`. Undo and redo (`workbook.history`) put a
Change back through the same code (`workbook.rows`), so undo validates and saves like
any other edit.

- Workbooks: `create_workbook`, `rename_workbook`, `duplicate_workbook`,
  `delete_workbook`, `mark_opened`; the names they take: `clean_name`, `unique_name`,
  `new_workbook_name`.
- Answers: `set_profile_field`, `set_rating`, `set_strength_note`, `add_own_strength`,
  `name_own_strength`, `describe_own_strength`, `set_preference`, `rank_values` (what
  matters to you, in order), `set_context_answer`,
  `set_future`, `set_edge_statement`.
- Lists: `evidence`, `journal`, `tasks`, `reinvestments`, `goals`, `actions`,
  `milestones`, `support`, `questions`, each with `add`, `update`, `delete` and (for
  ordered lists) `move`; `add_journal_entry`, `add_tasks` (many tasks, one undo step),
  `add_starter_tasks` (a role family's typical tasks, likewise) and `record_checkin`.
- `LISTS` finds a list's operations by its table's name; `set_answer`, `add_row`,
  `update_row`, `delete_row` and `move_row` (by table name) remain for code that walks
  every table, such as tests.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date
from typing import TYPE_CHECKING, Any

from workbook.change import ADDED, CREATED, DELETED, FIELD, GROUP, Change, now_iso, touch
from workbook.errors import InvalidEdit
from workbook.queries import get_workbook
from workbook.registry import BY_NAME, NOT_YET_USED, TABLES
from workbook.rows import (
    add_row,
    custom_name_taken,
    delete_row,
    move_row,
    read_row,
    set_answer,
    set_order,
    update_row,
)
from workbook.rules import CONTROLS_IN_NAME, NAME_CONTROLS, rule

if TYPE_CHECKING:
    from sqlite_utils import Database

__all__ = [
    "MAX_WORKBOOK_NAME",
    "Change",
    "add_own_strength",
    "add_journal_entry",
    "add_row",
    "add_starter_tasks",
    "add_tasks",
    "create_workbook",
    "delete_row",
    "delete_workbook",
    "duplicate_workbook",
    "mark_opened",
    "move_row",
    "new_workbook_name",
    "rank_values",
    "record_checkin",
    "rename_workbook",
    "set_answer",
    "set_context_answer",
    "set_edge_statement",
    "set_future",
    "set_preference",
    "set_profile_field",
    "set_rating",
    "set_strength_note",
    "unique_name",
    "update_row",
]

MAX_WORKBOOK_NAME = 120
#: What a new workbook is called until its owner names it.
NEW_WORKBOOK_NAME = "My workbook"
#: What a copy of a workbook copies: every table of the registry kept by workbook (a
#: goal's actions follow their goal), and those a migration made that wait for a use.
COPIED_TABLES = tuple(t.name for t in TABLES if t.parent == "workbook_id") + tuple(
    table for table, column in NOT_YET_USED if column == "*"
)
SCALES = ("proficiency", "energy", "edge", "rank")


# ---- workbooks ----------------------------------------------------------------------


def clean_name(name: Any) -> str:
    """A workbook's name as stored (runs of spaces made one), or InvalidEdit."""
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
    name = clean_name(wanted)
    candidate, counter = name, 2
    while _name_taken(db, candidate):
        suffix = f" ({counter})"
        candidate = name[: MAX_WORKBOOK_NAME - len(suffix)] + suffix
        counter += 1
    return candidate


def new_workbook_name(db: Database) -> str:
    """The name a new workbook is given, or offered: "My workbook", numbered if taken."""
    return unique_name(db, NEW_WORKBOOK_NAME)


def _insert_workbook(db: Database, name: str, stamp: str) -> int:
    return db.execute(
        "INSERT INTO workbooks (name, created_at, updated_at, last_opened_at) VALUES (?, ?, ?, ?)",
        [name, stamp, stamp, stamp],
    ).lastrowid


def create_workbook(db: Database, name: str) -> Change:
    """Add an empty workbook. The name must be new (ignoring case)."""
    name = clean_name(name)
    with db.atomic():
        if _name_taken(db, name):
            raise InvalidEdit(f"There is already a workbook called {name!r}. Choose another name.")
        stamp = now_iso()
        workbook_id = _insert_workbook(db, name, stamp)
        db.execute("INSERT INTO profile (workbook_id) VALUES (?)", [workbook_id])
        touch(db, workbook_id, stamp)
    return Change(CREATED, workbook_id, "workbooks", after=name, description=f"Create {name}")


def rename_workbook(db: Database, workbook_id: int, name: str) -> Change:
    name = clean_name(name)
    with db.atomic():
        before = get_workbook(db, workbook_id).name
        if _name_taken(db, name, except_id=workbook_id):
            raise InvalidEdit(f"There is already a workbook called {name!r}. Choose another name.")
        db.execute("UPDATE workbooks SET name = ? WHERE id = ?", [name, workbook_id])
        touch(db, workbook_id, now_iso())
    return Change(
        FIELD, workbook_id, "workbooks", "name", before, name, description="Rename workbook"
    )


def delete_workbook(db: Database, workbook_id: int) -> Change:
    """Remove a workbook and everything in it (secure delete wipes the text)."""
    with db.atomic():
        name = get_workbook(db, workbook_id).name
        db.execute("DELETE FROM workbooks WHERE id = ?", [workbook_id])
        touch(db, None, now_iso())
    from workbook.search import purge_deleted_text  # search builds on the tables

    if not db.conn.in_transaction:  # see `rows.delete_row`: never inside a transaction
        purge_deleted_text(db)
    return Change(DELETED, workbook_id, "workbooks", before=name, description=f"Delete {name}")


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
        new_id = _insert_workbook(db, new_name, stamp)
        goal_ids: dict[int, int] = {}
        for table in COPIED_TABLES:
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
    return Change(CREATED, new_id, "workbooks", after=new_name, description=f"Copy {source.name}")


# ---- answers ----------------------------------------------------------------------------


def set_profile_field(db: Database, workbook_id: int, field: str, value: Any) -> Change:
    """Set one "About you" answer (a field of `registry.PROFILE`)."""
    if field not in BY_NAME["profile"].names:
        raise InvalidEdit(f"'About you' has no field called {field!r}.")
    change = set_answer(db, "profile", workbook_id, None, field, value)
    return replace(change, description=field)


def set_rating(db: Database, workbook_id: int, strength: str, scale: str, value: Any) -> Change:
    """Rate a strength on one scale: proficiency, energy, edge or rank (None clears it).

    In ranking mode a strength rated for the first time joins the end of the ranking, in
    the same step (one undo takes both back)."""
    if scale not in SCALES:
        raise InvalidEdit(f"A strength is rated on {', '.join(SCALES)}, not {scale!r}.")
    with db.atomic():
        change = set_answer(db, "strength_ratings", workbook_id, strength, scale, value)
        if scale == "rank" or value is None or change.before == change.after:
            return change
        mode, rank = db.execute(
            "SELECT p.strength_mode, r.rank FROM strength_ratings r "
            "LEFT JOIN profile p ON p.workbook_id = r.workbook_id "
            "WHERE r.workbook_id = ? AND r.strength_id = ?",
            [workbook_id, change.key],
        ).fetchone()
        if mode != "ranking" or rank is not None:
            return change
        last = db.execute(
            "SELECT coalesce(max(rank), 0) FROM strength_ratings WHERE workbook_id = ?",
            [workbook_id],
        ).fetchone()[0]
        joined = set_answer(db, "strength_ratings", workbook_id, change.key, "rank", last + 1)
    return Change(GROUP, workbook_id, "strength_ratings", parts=(change, joined))


def set_strength_note(db: Database, workbook_id: int, strength: str, text: str) -> Change:
    """What happens when this strength is overused."""
    return set_answer(db, "strength_ratings", workbook_id, strength, "overuse_note", text)


def add_own_strength(db: Database, workbook_id: int, name: str, description: str = "") -> Change:
    """A strength of the person's own, rated like the catalogue's (its id is custom_<n>)."""
    ratings = BY_NAME["strength_ratings"]
    name = rule(ratings.field("custom_name"))(name).strip()
    if not name:
        raise InvalidEdit("Give your strength a name.")
    description = rule(ratings.field("custom_description"))(description)
    with db.atomic():
        get_workbook(db, workbook_id)
        if custom_name_taken(db, workbook_id, name):
            raise InvalidEdit(f"You already have a strength called {name!r}.")
        used = {
            row[0]
            for row in db.execute(
                "SELECT strength_id FROM strength_ratings WHERE workbook_id = ?", [workbook_id]
            )
        }
        n = 1
        while f"custom_{n}" in used:
            n += 1
        key = f"custom_{n}"
        row_id = db.execute(
            "INSERT INTO strength_ratings "
            "(workbook_id, strength_id, custom_name, custom_description) VALUES (?, ?, ?, ?)",
            [workbook_id, key, name, description],
        ).lastrowid
        touch(db, workbook_id, now_iso())
        row = read_row(db, "strength_ratings", row_id)
    return Change(ADDED, workbook_id, "strength_ratings", after=row, key=key, row_id=row_id)


def name_own_strength(db: Database, workbook_id: int, strength: str, name: str) -> Change:
    return set_answer(db, "strength_ratings", workbook_id, strength, "custom_name", name)


def describe_own_strength(db: Database, workbook_id: int, strength: str, text: str) -> Change:
    return set_answer(db, "strength_ratings", workbook_id, strength, "custom_description", text)


def set_preference(db: Database, workbook_id: int, preference: str, agreement: Any) -> Change:
    """How much the person agrees with a work preference, 1 to 5 (None clears it)."""
    return set_answer(db, "preference_answers", workbook_id, preference, "agreement", agreement)


def rank_values(db: Database, workbook_id: int, order: list[str]) -> Change:
    """Put what matters to you in order, most first (value ids of values.toml): each value
    listed takes its place, any other loses its place; one undo step."""
    change = set_order(db, "value_ranks", workbook_id, "rank", order)
    return replace(change, description="put what matters to you in order")


def set_context_answer(db: Database, workbook_id: int, question: str, answer: Any) -> Change:
    """An answer about the workplace (for a choice question, one of its option ids)."""
    return set_answer(db, "context_answers", workbook_id, question, "answer", answer)


def set_future(db: Database, workbook_id: int, path: str, field: str, value: Any) -> Change:
    """One field of the future the person imagines on a path (title, story, gauges...)."""
    return set_answer(db, "futures", workbook_id, path, field, value)


def set_edge_statement(db: Database, workbook_id: int, text: str) -> Change:
    return set_answer(db, "edge_notes", workbook_id, None, "edge_statement", text)


# ---- lists ------------------------------------------------------------------------------


@dataclass(frozen=True)
class ListOf:
    """The operations on one list of entries: `door.tasks.add(db, workbook_id, name=...)`."""

    table: str

    def add(self, db: Database, parent_id: int, **values: Any) -> Change:
        """Add an entry; `parent_id` is the workbook (for actions, the goal)."""
        return add_row(db, self.table, parent_id, **values)

    def update(self, db: Database, row_id: int, field: str, value: Any) -> Change:
        return update_row(db, self.table, row_id, field, value)

    def delete(self, db: Database, row_id: int) -> Change:
        return delete_row(db, self.table, row_id)

    def move(self, db: Database, row_id: int, new_index: int) -> Change:
        return move_row(db, self.table, row_id, new_index)


evidence = ListOf("evidence")
journal = ListOf("journal_entries")
tasks = ListOf("ai_tasks")
reinvestments = ListOf("reinvestments")
goals = ListOf("goals")
actions = ListOf("actions")
milestones = ListOf("milestones")
support = ListOf("support_requests")
questions = ListOf("conversation_questions")
#: Each list's operations by its table's name, for a control bound to any entry's field.
LISTS = {
    lists.table: lists
    for lists in (evidence, journal, tasks, reinvestments, goals, actions, milestones)
    + (support, questions)
}


def add_journal_entry(
    db: Database,
    workbook_id: int,
    kind: str,
    body: str = "",
    *,
    entry_date: date | str | None = None,
    prompt_id: str | None = None,
    source: str = "",
    energy_level: int | None = None,
    private: bool = True,
) -> Change:
    """A dated entry: a reflection, an energy-log moment, feedback or a check-in note."""
    return add_row(
        db,
        "journal_entries",
        workbook_id,
        kind=kind,
        body=body,
        entry_date=entry_date,
        prompt_id=prompt_id,
        source=source,
        energy_level=energy_level,
        private=int(private),
    )


def add_tasks(
    db: Database, workbook_id: int, new_tasks: Iterable[dict[str, Any]], description: str
) -> Change:
    """Add several tasks in one transaction, as one step to undo (say, a role family's
    starter tasks); `description` names it for the undo action."""
    with db.atomic():
        parts = tuple(add_row(db, "ai_tasks", workbook_id, **values) for values in new_tasks)
    return Change(GROUP, workbook_id, "ai_tasks", parts=parts, description=description)


def add_starter_tasks(db: Database, workbook_id: int) -> Change:
    """The task library's tasks typical for the person's role family, those not yet in
    the plan, in one transaction and one undo step. Raises InvalidEdit, saying why in
    plain words, when there is nothing to add."""
    from workbook.analysis.ai_plan import starter_values
    from workbook.content import load_content
    from workbook.model import ROLE_FAMILIES

    with db.atomic():
        row = db.execute("SELECT role_family FROM profile WHERE workbook_id = ?", [workbook_id])
        family = (row.fetchone() or [None])[0]
        if not family:
            raise InvalidEdit(
                "You have not chosen a role family yet. Choose one in About you, the first "
                "step, and this button will suggest the tasks typical for it."
            )
        name = dict(ROLE_FAMILIES).get(family, family)
        templates = load_content().tasks_for_family(family)
        if not templates:
            raise InvalidEdit(
                f"The task library has no suggestions for “{name}”. Add your own tasks "
                "with “Add a task”."
            )
        present = {
            task_id
            for (task_id,) in db.execute(
                "SELECT library_task_id FROM ai_tasks WHERE workbook_id = ?", [workbook_id]
            )
        }
        new = [t for t in templates if t.id not in present]
        if not new:
            raise InvalidEdit(
                f"All {len(templates)} tasks suggested for {name} are already in your list."
            )
        return add_tasks(
            db,
            workbook_id,
            (starter_values(t) for t in new),
            f"add {len(new)} tasks typical for {name}",
        )


def record_checkin(db: Database, workbook_id: int, body: str, entry_date: Any = None) -> Change:
    """A dated check-in note, with a snapshot of ratings and path fit to compare later."""
    from workbook.analysis.progress import snapshot
    from workbook.content import load_content
    from workbook.data import load_workbook_data

    taken = rule(BY_NAME["journal_entries"].field("entry_date"))(entry_date)
    with db.atomic():
        entry = add_journal_entry(
            db, workbook_id, "checkin", body, entry_date=entry_date, private=False
        )
        data = load_workbook_data(db, workbook_id)
        row = {
            "workbook_id": workbook_id,
            "taken_at": f"{taken or date.today().isoformat()}T{now_iso()[11:]}",
            "data": json.dumps(snapshot(data, load_content())),
        }
        row_id = db.execute(
            "INSERT INTO rating_snapshots (workbook_id, taken_at, data) VALUES (?, ?, ?)",
            list(row.values()),
        ).lastrowid
    kept = Change(
        ADDED, workbook_id, "rating_snapshots", row_id=row_id, after={"id": row_id, **row}
    )
    return Change(
        GROUP,
        workbook_id,
        "journal_entries",
        row_id=entry.row_id,
        parts=(entry, kept),
        description="add a check-in",
    )
