"""Adding a checked workbook file to the database in one transaction, table by table.

Each table's columns, and what each holds where the file says nothing, come from the
registry (`workbook.registry`), as the file's keys and checks do: `_Rows` makes a table's
rows from the file's entries. `_Importer` adds by hand only what the file says in its own
terms: new ids for strengths of one's own, tasks and goals (and the links and targets
pointing at them), the positions of tasks, and goals' actions, nested in the file.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable
from datetime import date
from functools import partial
from itertools import chain
from pathlib import Path
from typing import TYPE_CHECKING, Any

from workbook.change import now_iso, touch
from workbook.door import create_workbook, unique_name
from workbook.errors import WorkbookError, WorkbookFileProblem
from workbook.fields import Kind, Table
from workbook.registry import BY_NAME
from workbook.rules import rule
from workbook.workbook_file.checking import validate
from workbook.workbook_file.reading import child_path, read_file, where_text

if TYPE_CHECKING:
    from sqlite_utils import Database

#: Rows per INSERT statement (fewer if SQLite allows fewer values in one). Many rows to a
#: statement because SQLite opens a savepoint for each statement and FTS5 writes its
#: pending index out at every savepoint: journal entries added one statement each cost
#: the search index a segment (and merges) per entry, three times what the same rows cost
#: together. The index holds the same either way; only how FTS5 stores it inside differs.
#: Written here rather than with sqlite-utils' `insert_all`, which does the same batching
#: but looks the table's schema up three times, converts every value and stops at 999
#: values a statement: it made an import of the benchmark's year-long workbook 12% slower
#: (4.17x the bare baseline against 3.67x) and one of 10,000 entries 40% slower.
MAX_ROWS_PER_STATEMENT = 1000

#: Kinds whose stored value is not the file's: whole hours as 2.0, flags as 0 or 1, links,
#: notes and a check-in's snapshot as JSON text; the door's rule (`workbook.rules`) makes it.
#: For any other kind the rule stores the value as it is, once `validate` has passed it.
CONVERTED = frozenset({Kind.NUMBER, Kind.FLAG, Kind.LINKS, Kind.NOTES, Kind.DOCUMENT})


class _Rows:
    """How the rows of one table are made from the file's entries, from the registry.

    The columns are the row's owner (`Table.parent`), a keyed table's content id and, for
    a list whose order the file gives by the order of its entries, the position; then
    every field the file holds or the door stamps. The importer gives the first ones.
    Each field holds the file's value under its key, as the door's rule stores it, or
    where the file has none, the door's stamp for a stamped field and otherwise the
    field's default: what its column holds when the door is not given it.
    """

    def __init__(self, table: Table) -> None:
        self.name = table.name
        lead = [table.parent, *([table.key] if table.key else [])]
        fields = []
        for field in table.fields:
            if field.key or field.stamp:
                fields.append(field)
            elif field.name == "position" and table.ordered:
                lead.append(field.name)
            # Anything else the file leaves out is left to its column's default.
        self.placed = "position" in lead
        self.columns = (*lead, *(field.name for field in fields))
        self.fields = tuple(
            (f.key, f.default, rule(f) if f.kind in CONVERTED else None, f.stamp) for f in fields
        )
        self.sql = (
            f"INSERT INTO {table.name} ({', '.join(self.columns)}) "
            f"VALUES ({', '.join('?' * len(self.columns))})"
        )

    def row(self, lead: tuple[Any, ...], item: dict[str, Any], stamps: dict[str, str]) -> tuple:
        """One entry's row: `lead`, then its fields' values."""
        values = list(lead)
        for key, default, convert, stamp in self.fields:
            value = item.get(key) if key else None
            if value is None:
                value = stamps[stamp] if stamp else default
            elif convert is not None:
                value = convert(value)
            values.append(value)
        return tuple(values)


ROWS = {table.name: _Rows(table) for table in BY_NAME.values()}


class _Importer:
    """Writes one checked document as a new workbook, table by table, in one transaction.

    The door (`workbook.door`, writing through `workbook.rows`) checks each value again
    and takes a savepoint, a few look-ups and a `Change` for every answer, which made an
    import of a year's workbook take tens of milliseconds. `validate` has already refused
    everything the door would refuse in a file, so the rows go in directly, holding what
    the door would have stored: the same values (whole hours as 2.0, flags as 0 or 1),
    the same defaults for what the file leaves out, the same positions and the same row
    order. tests/test_workbook_file.py keeps the door's way of importing and checks, row
    by row, that both give the same database. Only the workbook itself is created through
    the door, since its name is the one rule that depends on what is already stored.

    Each table goes in many rows to a statement (`insert`); tasks and goals go in one
    at a time, since links, targets and actions need their new ids (and together they
    were no faster).
    """

    def __init__(self, db: Database, document: dict[str, Any]) -> None:
        self.db = db
        self.doc = document
        self.stamps: dict[str, str] = {}  # the door's stamps, "now" and "today"
        self.custom: dict[str, str] = {}  # custom id in the file -> custom id here
        self.tasks: dict[int, int] = {}  # task id in the file -> row id here
        self.goals: dict[int, int] = {}

    def door(self, path: str, edit: Callable[..., Any], *args: Any, **values: Any) -> Any:
        try:
            return edit(self.db, *args, **values)
        except WorkbookError as refused:
            raise WorkbookFileProblem([f"{path or 'The file'}: {refused.message}"]) from None

    def row(self, table: str, lead: tuple[Any, ...], item: dict[str, Any]) -> tuple:
        return ROWS[table].row(lead, item, self.stamps)

    def insert(self, table: str, rows: list[tuple], where: Callable[[int], str]) -> None:
        """Add rows, many to a statement, in their order; the database refusing one (which
        `validate` should make impossible) is reported with the entry's path, like a
        refusal by the door."""
        columns = ROWS[table].columns
        limit = self.db.conn.getlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER)
        size = max(1, min(MAX_ROWS_PER_STATEMENT, limit // len(columns)))
        values = f"({', '.join('?' * len(columns))})"
        for start in range(0, len(rows), size):
            batch = rows[start : start + size]
            sql = f"INSERT INTO {table} ({', '.join(columns)}) VALUES " + ", ".join(
                [values] * len(batch)
            )
            try:
                self.db.conn.execute(sql, list(chain.from_iterable(batch)))
            except sqlite3.IntegrityError:
                # SQLite undid the refused statement whole; one row at a time, it names the row.
                for index, row in enumerate(batch, start):
                    self.insert_one(table, row, partial(where, index))

    def insert_one(self, table: str, row: tuple, where: Callable[[], str]) -> int:
        """Add one row and return its id, for entries that others refer to."""
        try:
            return self.db.conn.execute(ROWS[table].sql, row).lastrowid
        except sqlite3.IntegrityError as refused:
            raise WorkbookFileProblem([f"{where()}: {refused}"]) from None

    def strength(self, sid: str) -> str:
        return self.custom.get(sid, sid)

    def run(self, name: str | None) -> int:
        wanted = self.doc["name"] if name is None else name
        where = "name" if name is None else "The name asked for"
        wid = self.door(where, create_workbook, self.door(where, unique_name, wanted)).workbook_id
        self.stamps = {"now": now_iso(), "today": date.today().isoformat()}
        self.profile(wid)
        self.ratings(wid)
        self.answers(wid)
        self.lists(wid)
        # As the door stamps every edit: the workbook and the file were changed now.
        touch(self.db, wid, now_iso())
        return wid

    def profile(self, wid: int) -> None:
        # create_workbook added the row with the columns' defaults: the file's values, and
        # the same defaults for what it leaves out.
        columns = ROWS["profile"].columns[1:]
        values = self.row("profile", (), self.doc.get("profile", {}))
        self.db.conn.execute(
            f"UPDATE profile SET {', '.join(f'{c} = ?' for c in columns)} WHERE workbook_id = ?",
            [*values, wid],
        )

    def ratings(self, wid: int) -> None:
        ratings: dict[str, dict[str, Any]] = self.doc.get("ratings", {})
        # The door numbers strengths of one's own from custom_1 in the order they are added,
        # and adds them before any rating: first the file's own ones in order, then the rest.
        own = sorted((sid for sid, r in ratings.items() if r["custom"]), key=lambda s: int(s[7:]))
        rows = []
        for number, sid in enumerate(own, start=1):
            self.custom[sid] = key = f"custom_{number}"
            # Its name as written, spaces and all, and no description stored as "", as
            # `add_own_strength` stores it (a catalogue strength's stays NULL).
            entry = {"description": "", **ratings[sid]}
            rows.append(self.row("strength_ratings", (wid, key), entry))
        catalogue = [sid for sid, entry in ratings.items() if not entry["custom"]]
        rows += [self.row("strength_ratings", (wid, sid), ratings[sid]) for sid in catalogue]
        self.insert("strength_ratings", rows, _keyed("ratings", own + catalogue))

    def answers(self, wid: int) -> None:
        # {content id: the one field}
        for table in ("preference_answers", "value_ranks", "context_answers"):
            section = BY_NAME[table].file_key
            (key,) = (field.key for field in BY_NAME[table].in_file_fields)
            answers = self.doc.get(section, {})
            rows = [self.row(table, (wid, cid), {key: value}) for cid, value in answers.items()]
            self.insert(table, rows, _keyed(section, answers))
        futures = self.doc.get("futures", {})
        rows = [self.row("futures", (wid, pid), future) for pid, future in futures.items()]
        self.insert("futures", rows, _keyed("futures", futures))
        # The door keeps no row for an edge statement never written. The file holds it at
        # the top, under the field's own key.
        if self.doc.get("edge_statement"):
            row = self.row("edge_notes", (wid,), self.doc)
            self.insert("edge_notes", [row], lambda _: "edge_statement")
        if self.doc.get("plan_start"):
            row = self.row("plan_notes", (wid,), self.doc)
            self.insert("plan_notes", [row], lambda _: "plan_start")

    def lists(self, wid: int) -> None:
        evidence = [
            {**item, "strength_id": self.strength(item["strength_id"])}
            for item in self.doc.get("evidence", [])
        ]
        self.listed("evidence", wid, evidence)
        journal = [
            {**item, "links": [self.link(link) for link in item["links"]]}
            if item.get("links")
            else item
            for item in self.doc.get("journal", [])
        ]
        self.listed("journal_entries", wid, journal)
        self.ai_tasks(wid)
        self.plan(wid)
        self.listed("reinvestments", wid, map(self.targeted, self.doc.get("reinvestments", [])))
        self.listed("milestones", wid)
        self.listed("support_requests", wid)
        self.listed("conversation_questions", wid)
        snapshots = [
            {**item, "data": self.snapshot(item["data"])} for item in self.doc.get("snapshots", [])
        ]
        self.listed("rating_snapshots", wid, snapshots)

    def listed(self, table: str, wid: int, entries: Iterable[dict[str, Any]] | None = None) -> None:
        """A list of the workbook's, its `entries` those of the file unless given; an ordered
        one's positions are the entries' places in the list, as the door numbers them."""
        rows = ROWS[table]
        section = BY_NAME[table].file_key
        if entries is None:
            entries = self.doc.get(section, [])
        values = [
            rows.row((wid, n) if rows.placed else (wid,), item, self.stamps)
            for n, item in enumerate(entries)
        ]
        self.insert(table, values, _listed(section))

    def ai_tasks(self, wid: int) -> None:
        last = -1  # a task without a position goes after every task so far, as with the door
        for index, item in enumerate(self.doc.get("tasks", [])):
            position = item.get("position")
            if position is None:
                position = last + 1
                item = {**item, "position": position}
            last = max(last, position)
            row = self.row("ai_tasks", (wid,), item)
            row_id = self.insert_one("ai_tasks", row, partial(child_path, "tasks", index))
            if "id" in item:
                self.tasks[item["id"]] = row_id

    def plan(self, wid: int) -> None:
        actions: list[tuple] = []
        places: list[tuple[Any, ...]] = []  # each action's path, written out only if needed
        for index, item in enumerate(self.doc.get("goals", [])):
            if item.get("links"):
                item = {**item, "links": [self.link(link) for link in item["links"]]}
            row = self.row("goals", (wid, index), item)
            goal = self.insert_one("goals", row, partial(child_path, "goals", index))
            if "id" in item:
                self.goals[item["id"]] = goal
            for position, action in enumerate(item.get("actions", [])):
                actions.append(self.row("actions", (goal, position), action))
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

    def targeted(self, item: dict[str, Any]) -> dict[str, Any]:
        """A reinvestment as the file would give it here: a strength or goal by its new id."""
        kind, target = item.get("target_kind"), item.get("target_id")
        if target and kind == "strength":
            return {**item, "target_id": self.strength(target)}
        if target and kind == "goal":
            return {**item, "target_id": f"goal:{self.goals.get(int(target[len('goal:') :]), 0)}"}
        return item

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
