"""Adding a checked workbook file to the database in one transaction, table by table."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Iterable
from functools import partial
from itertools import chain
from pathlib import Path
from typing import TYPE_CHECKING, Any

from workbook.change import now_iso, touch
from workbook.door import create_workbook, unique_name
from workbook.errors import WorkbookError, WorkbookFileProblem
from workbook.workbook_file.checking import validate
from workbook.workbook_file.reading import child_path, read_file, where_text
from workbook.workbook_file.spec import FUTURE_KEYS, PROFILE_KEYS, TASK_KEYS

if TYPE_CHECKING:
    from sqlite_utils import Database

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
                partial(child_path, "tasks", index),
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
                partial(child_path, "goals", index),
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
        self.insert("actions", actions, lambda n: where_text(places[n]))

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
    return lambda n: child_path(section, n)


def _keyed(section: str, keys: Iterable[str]) -> Callable[[int], str]:
    """The path of the n-th answer of an object by id, such as `context.dual_ladder`."""
    keys = list(keys)
    return lambda n: child_path(section, keys[n])


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
