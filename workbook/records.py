"""The one door, continued: edits to a workbook's answers and lists of entries.

Three shapes of table:
- answers keyed by a content id (a strength's ratings, a preference, a
  context question, a future per path): `set_answer` creates the row on
  first use;
- one row per workbook (`edge_notes`): `set_answer` with no key;
- lists of entries (evidence, journal, AI tasks, goals, actions, ...):
  `add_row`, `update_row`, `delete_row`, `move_row`.
Every field has a rule (`workbook.fields`); a refused value raises
InvalidEdit with a plain message and changes nothing. Each call runs in one transaction and
returns a Change, as in `workbook.edits`.
"""

from __future__ import annotations

import json
from datetime import date
from typing import TYPE_CHECKING, Any

from workbook.content import load_content
from workbook.edits import Change, now_iso, touch
from workbook.errors import InvalidEdit, NotFound
from workbook.fields import KEYED, LONG, ROWS, SINGLE, STRENGTH_NAME, TableSpec, iso_date
from workbook.queries import get_workbook

if TYPE_CHECKING:
    from sqlite_utils import Database


def _spec(table: str, group: dict[str, TableSpec]) -> TableSpec:
    try:
        return group[table]
    except KeyError:
        raise InvalidEdit(f"There is no list or answer called {table!r}.") from None


def _check(spec: TableSpec, field_name: str, value: Any) -> Any:
    try:
        rule = spec.fields[field_name]
    except KeyError:
        raise InvalidEdit(f"There is no field called {field_name!r} here.") from None
    return rule(value)


def _check_key(db: Database, table: str, workbook_id: int, key: Any) -> str:
    content = load_content()
    known = {
        "strength_ratings": content.strengths,
        "preference_answers": content.preferences,
        "context_answers": content.context,
        "futures": content.paths,
    }[table]
    if not isinstance(key, str) or not key:
        raise InvalidEdit("This answer needs to say what it is about.")
    if key in known:
        return key
    if table == "strength_ratings" and key.startswith("custom_"):
        row = db.execute(
            "SELECT 1 FROM strength_ratings WHERE workbook_id = ? AND strength_id = ?",
            [workbook_id, key],
        ).fetchone()
        if row:
            return key
    raise InvalidEdit(f"{key!r} is not something this workbook knows about.")


def _custom_name_taken(db: Database, workbook_id: int, name: str, except_key: str = "") -> bool:
    # Compared in Python: SQLite's lower() folds ASCII letters only ("Élan" and "élan").
    wanted = name.strip().casefold()
    others = db.execute(
        "SELECT custom_name FROM strength_ratings "
        "WHERE workbook_id = ? AND custom_name IS NOT NULL AND strength_id != ?",
        [workbook_id, except_key],
    )
    return any(other.strip().casefold() == wanted for (other,) in others)


def _check_answer(
    db: Database, table: str, workbook_id: int, key: str, field_name: str, value: Any
) -> None:
    """Rules that depend on what the answer is about, not only on the field."""
    if table == "context_answers" and value:
        question = load_content().context[key]
        options = [option for option, _ in question.options]
        if question.kind == "choice" and value not in options:
            raise InvalidEdit(
                f"{value!r} is not one of the answers to this question: {', '.join(options)}."
            )
    if table == "strength_ratings" and field_name in ("custom_name", "custom_description"):
        if not key.startswith("custom_"):
            raise InvalidEdit("Only a strength you added yourself can be renamed or described.")
        if field_name == "custom_name":
            if not value.strip():
                raise InvalidEdit("Give your strength a name.")
            if _custom_name_taken(db, workbook_id, value, except_key=key):
                raise InvalidEdit(f"You already have a strength called {value.strip()!r}.")


# ---- answers by content id -----------------------------------------------------------------


def set_answer(
    db: Database, table: str, workbook_id: int, key: str | None, field_name: str, value: Any
) -> Change:
    """Set one answer: a rating, a preference, a context answer, a future's field..."""
    spec = KEYED.get(table) or _spec(table, SINGLE)
    value = _check(spec, field_name, value)
    with db.atomic():
        get_workbook(db, workbook_id)
        if spec.key:
            key = _check_key(db, table, workbook_id, key)
            _check_answer(db, table, workbook_id, key, field_name, value)
            where, params = f"workbook_id = ? AND {spec.key} = ?", [workbook_id, key]
            db.execute(
                f"INSERT INTO {table} (workbook_id, {spec.key}) VALUES (?, ?) "
                f"ON CONFLICT DO NOTHING",
                params,
            )
        else:
            key = None
            where, params = "workbook_id = ?", [workbook_id]
            db.execute(
                f"INSERT INTO {table} (workbook_id) VALUES (?) ON CONFLICT DO NOTHING", params
            )
        before = db.execute(f"SELECT {field_name} FROM {table} WHERE {where}", params).fetchone()[0]
        if before != value:
            db.execute(f"UPDATE {table} SET {field_name} = ? WHERE {where}", [value, *params])
            touch(db, workbook_id, now_iso())
    return Change("field", workbook_id, table, field_name, before, value, key=key)


def add_custom_strength(db: Database, workbook_id: int, name: str, description: str = "") -> Change:
    """A strength of the person's own, rated like the catalogue's."""
    name = STRENGTH_NAME(name).strip()
    if not name:
        raise InvalidEdit("Give your strength a name.")
    description = LONG(description)
    with db.atomic():
        get_workbook(db, workbook_id)
        if _custom_name_taken(db, workbook_id, name):
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
        db.execute(
            "INSERT INTO strength_ratings "
            "(workbook_id, strength_id, custom_name, custom_description) VALUES (?, ?, ?, ?)",
            [workbook_id, key, name, description],
        )
        touch(db, workbook_id, now_iso())
    return Change("added", workbook_id, "strength_ratings", after=name, key=key)


# ---- lists of entries ----------------------------------------------------------------------


def _owner(db: Database, table: str, row_id: int) -> int:
    """The workbook a row belongs to (raises NotFound for a missing row)."""
    if table == "actions":
        row = db.execute(
            "SELECT g.workbook_id FROM actions a JOIN goals g ON g.id = a.goal_id WHERE a.id = ?",
            [row_id],
        ).fetchone()
    else:
        row = db.execute(f"SELECT workbook_id FROM {table} WHERE id = ?", [row_id]).fetchone()
    if row is None:
        raise NotFound("That entry no longer exists.")
    return row[0]


def _check_reinvestment(db: Database, workbook_id: int, row_id: int | None, hours: float) -> None:
    from workbook.analysis.ai_plan import total_freed
    from workbook.data import load_workbook_data

    data = load_workbook_data(db, workbook_id)
    freed = total_freed(data.tasks)
    others = sum(r.hours for r in data.reinvestments if r.id != row_id)
    if others + hours > freed + 1e-9:
        room = max(0.0, freed - others)
        raise InvalidEdit(
            f"Your plan frees {freed:.1f} h a week and {others:.1f} h are already given a "
            f"place, so at most {room:.1f} h can go here."
        )


def add_row(db: Database, table: str, parent_id: int, **values: Any) -> Change:
    """Add an entry to a list; `parent_id` is the workbook (or, for actions, the goal)."""
    spec = _spec(table, ROWS)
    missing = [name for name in spec.required if values.get(name) in (None, "")]
    if missing:
        raise InvalidEdit(f"A new entry needs {', '.join(missing)}.")
    clean = {name: _check(spec, name, value) for name, value in values.items()}
    stamp = now_iso()
    for name, default in spec.defaults.items():
        if name not in clean or clean[name] is None:
            clean[name] = stamp if default is None else default
    if table == "journal_entries" and not clean.get("entry_date"):
        clean["entry_date"] = date.today().isoformat()
    with db.atomic():
        if spec.parent == "goal_id":
            workbook_id = _owner(db, "goals", parent_id)
        else:
            workbook_id = get_workbook(db, parent_id).id
        if table == "reinvestments":
            _check_reinvestment(db, workbook_id, None, clean.get("hours", 0.0))
        if "position" in spec.fields and clean.get("position") is None:
            clean["position"] = db.execute(
                f"SELECT COALESCE(MAX(position), -1) + 1 FROM {table} WHERE {spec.parent} = ?",
                [parent_id],
            ).fetchone()[0]
        columns = [spec.parent, *clean]
        row_id = db.execute(
            f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})",
            [parent_id, *clean.values()],
        ).lastrowid
        touch(db, workbook_id, stamp)
    return Change("added", workbook_id, table, row_id=row_id, after=clean)


def update_row(db: Database, table: str, row_id: int, field_name: str, value: Any) -> Change:
    spec = _spec(table, ROWS)
    value = _check(spec, field_name, value)
    # A cleared date or position is None, which a NOT NULL column would refuse with an
    # IntegrityError instead of a plain message.
    not_null = value is None and any(c.name == field_name and c.notnull for c in db[table].columns)
    if not_null or (field_name in spec.required and value in (None, "")):
        raise InvalidEdit(f"{field_name} cannot be left empty.")
    with db.atomic():
        workbook_id = _owner(db, table, row_id)
        if table == "reinvestments" and field_name == "hours":
            _check_reinvestment(db, workbook_id, row_id, value)
        before = db.execute(f"SELECT {field_name} FROM {table} WHERE id = ?", [row_id]).fetchone()[
            0
        ]
        if before != value:
            db.execute(f"UPDATE {table} SET {field_name} = ? WHERE id = ?", [value, row_id])
            if table == "journal_entries":
                db.execute(
                    "UPDATE journal_entries SET updated_at = ? WHERE id = ?", [now_iso(), row_id]
                )
            touch(db, workbook_id, now_iso())
    return Change("field", workbook_id, table, field_name, before, value, row_id=row_id)


def delete_row(db: Database, table: str, row_id: int) -> Change:
    """Remove an entry (its text is wiped from the file by secure delete)."""
    _spec(table, ROWS)
    with db.atomic():
        workbook_id = _owner(db, table, row_id)
        cursor = db.execute(f"SELECT * FROM {table} WHERE id = ?", [row_id])
        names = [d[0] for d in cursor.description]
        before = dict(zip(names, cursor.fetchone(), strict=True))
        db.execute(f"DELETE FROM {table} WHERE id = ?", [row_id])
        touch(db, workbook_id, now_iso())
        if table in ("journal_entries", "evidence", "goals"):
            from workbook.search import purge_deleted_text

            purge_deleted_text(db)
    return Change("deleted", workbook_id, table, before=before, row_id=row_id)


def move_row(db: Database, table: str, row_id: int, new_index: int) -> Change:
    """Put an entry at `new_index` in its list (0 is first), renumbering the rest."""
    spec = _spec(table, ROWS)
    if "position" not in spec.fields:
        raise InvalidEdit("This list keeps no order.")
    with db.atomic():
        workbook_id = _owner(db, table, row_id)
        parent = db.execute(f"SELECT {spec.parent} FROM {table} WHERE id = ?", [row_id]).fetchone()[
            0
        ]
        ids = [
            r[0]
            for r in db.execute(
                f"SELECT id FROM {table} WHERE {spec.parent} = ? ORDER BY position, id", [parent]
            )
        ]
        before = ids.index(row_id)
        ids.remove(row_id)
        new_index = max(0, min(new_index, len(ids)))
        ids.insert(new_index, row_id)
        for position, rid in enumerate(ids):
            db.execute(f"UPDATE {table} SET position = ? WHERE id = ?", [position, rid])
        touch(db, workbook_id, now_iso())
    return Change("moved", workbook_id, table, "position", before, new_index, row_id=row_id)


def record_checkin(db: Database, workbook_id: int, body: str, entry_date: Any = None) -> Change:
    """A dated check-in note, with a snapshot of ratings and path fit to compare later."""
    from workbook.analysis.progress import snapshot
    from workbook.data import load_workbook_data

    with db.atomic():
        change = add_row(
            db,
            "journal_entries",
            workbook_id,
            kind="checkin",
            body=body,
            entry_date=entry_date,
            private=0,
        )
        data = load_workbook_data(db, workbook_id)
        taken = iso_date("The check-in's date")(entry_date) or date.today().isoformat()
        db.execute(
            "INSERT INTO rating_snapshots (workbook_id, taken_at, data) VALUES (?, ?, ?)",
            [workbook_id, f"{taken}T{now_iso()[11:]}", json.dumps(snapshot(data, load_content()))],
        )
    return change
