"""How the door writes any answer or entry, from the registry's description of its table.

Three shapes of table (`registry.Shape`):
- answers keyed by a content id (a strength's ratings, a preference, a context
  question, a future per path, a value's place): `set_answer` makes the row on first use,
  `set_order` gives several their places at once;
- one row per workbook (the profile, the edge statement): `set_answer` with no key;
- lists of entries (evidence, journal, AI tasks, goals, actions, ...): `add_row`,
  `update_row`, `delete_row`, `move_row`, and `restore_row` (undo of a delete).
Every value passes its field's rule (`workbook.rules`); a refused value raises InvalidEdit
with a plain message and changes nothing. Each call runs in one transaction and returns a
Change. People and the window call the typed operations in `workbook.door`, which
build on these; undo replays Changes through them (`workbook.history`).
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from workbook.change import ADDED, DELETED, FIELD, GROUP, MOVED, Change, now_iso, touch
from workbook.errors import InvalidEdit, NotFound
from workbook.fields import Field, Shape, Table
from workbook.queries import get_workbook
from workbook.registry import BY_NAME
from workbook.rules import rule

if TYPE_CHECKING:
    from sqlite_utils import Database


def table_of(name: str, *shapes: Shape, internal: bool = False) -> Table:
    """The table called `name`, if it has one of `shapes` and the door edits it (or, for
    undo, `internal`: a table only the program writes, such as a check-in's snapshot)."""
    table = BY_NAME.get(name)
    if table is None or (table.internal and not internal) or table.shape not in shapes:
        raise InvalidEdit(f"There is no list or answer called {name!r}.")
    return table


def field_of(table: Table, name: str) -> Field:
    try:
        field = table.field(name)
    except KeyError:
        raise InvalidEdit(f"There is no field called {name!r} here.") from None
    if field.stamp == "now":
        raise InvalidEdit(f"{field.shown} is kept by Career Workbook itself.")
    return field


def check(table: Table, name: str, value: Any) -> Any:
    """`value` as its field stores it, or InvalidEdit."""
    return rule(field_of(table, name))(value)


def _check_key(db: Database, table: Table, workbook_id: int, key: Any) -> str:
    from workbook.content import load_content  # loaded once the first answer is set

    content = load_content()
    known = {
        "strength_ratings": content.strengths,
        "preference_answers": content.preferences,
        "value_ranks": content.values,
        "context_answers": content.context,
        "futures": content.paths,
    }[table.name]
    if not isinstance(key, str) or not key:
        raise InvalidEdit("This answer needs to say what it is about.")
    if key in known:
        return key
    if table.name == "strength_ratings" and key.startswith("custom_"):
        row = db.execute(
            "SELECT 1 FROM strength_ratings WHERE workbook_id = ? AND strength_id = ?",
            [workbook_id, key],
        ).fetchone()
        if row:
            return key
    raise InvalidEdit(f"{key!r} is not something this workbook knows about.")


def custom_name_taken(db: Database, workbook_id: int, name: str, except_key: str = "") -> bool:
    """Whether another strength of the person's own has this name (ignoring case)."""
    # Compared in Python: SQLite's lower() folds ASCII letters only ("Élan" and "élan").
    wanted = name.strip().casefold()
    others = db.execute(
        "SELECT custom_name FROM strength_ratings "
        "WHERE workbook_id = ? AND custom_name IS NOT NULL AND strength_id != ?",
        [workbook_id, except_key],
    )
    return any(other.strip().casefold() == wanted for (other,) in others)


def _check_answer(
    db: Database, table: Table, workbook_id: int, key: str, field: Field, value: Any
) -> None:
    """Rules that depend on what the answer is about, not only on the field."""
    if table.name == "context_answers" and value:
        from workbook.content import load_content

        question = load_content().context[key]
        options = [option for option, _ in question.options]
        if question.kind == "choice" and value not in options:
            raise InvalidEdit(
                f"{value!r} is not one of the answers to this question: {', '.join(options)}."
            )
    if field.custom_only:
        if not key.startswith("custom_"):
            raise InvalidEdit("Only a strength you added yourself can be renamed or described.")
        if field.name == "custom_name":
            if not value.strip():
                raise InvalidEdit("Give your strength a name.")
            if custom_name_taken(db, workbook_id, value, except_key=key):
                raise InvalidEdit(f"You already have a strength called {value.strip()!r}.")


def set_answer(
    db: Database, table_name: str, workbook_id: int, key: str | None, field_name: str, value: Any
) -> Change:
    """Set one answer: a profile field, a rating, a preference, a future's field..."""
    table = table_of(table_name, Shape.KEYED, Shape.SINGLE)
    field = field_of(table, field_name)
    value = rule(field)(value)
    with db.atomic():
        get_workbook(db, workbook_id)
        if table.key:
            key = _check_key(db, table, workbook_id, key)
            _check_answer(db, table, workbook_id, key, field, value)
            where, params = f"workbook_id = ? AND {table.key} = ?", [workbook_id, key]
            db.execute(
                f"INSERT INTO {table.name} (workbook_id, {table.key}) VALUES (?, ?) "
                "ON CONFLICT DO NOTHING",
                params,
            )
        else:
            key = None
            where, params = "workbook_id = ?", [workbook_id]
            db.execute(
                f"INSERT INTO {table.name} (workbook_id) VALUES (?) ON CONFLICT DO NOTHING", params
            )
        before = db.execute(
            f"SELECT {field.name} FROM {table.name} WHERE {where}", params
        ).fetchone()[0]
        if before != value:
            db.execute(f"UPDATE {table.name} SET {field.name} = ? WHERE {where}", [value, *params])
            touch(db, workbook_id, now_iso())
    return Change(FIELD, workbook_id, table.name, field.name, before, value, key=key)


def set_order(
    db: Database, table_name: str, workbook_id: int, field_name: str, order: list[str]
) -> Change:
    """Give each answer keyed in `order` its place (1 for the first) in `field_name`, and
    clear the place of any other: one transaction, one GROUP Change of the answers that
    moved (what matters to you, put in order)."""
    table = table_of(table_name, Shape.KEYED)
    field_name = field_of(table, field_name).name
    if not isinstance(order, list | tuple) or len(set(order)) != len(order):
        raise InvalidEdit("An order lists each of its items once.")
    with db.atomic():
        placed = {key: place for place, key in enumerate(order, start=1)}
        stored = [
            key
            for (key,) in db.execute(
                f"SELECT {table.key} FROM {table.name} WHERE workbook_id = ? "
                f"AND {field_name} IS NOT NULL",
                [workbook_id],
            )
        ]
        parts = []
        for key in [*order, *(key for key in stored if key not in placed)]:
            change = set_answer(db, table.name, workbook_id, key, field_name, placed.get(key))
            if change.before != change.after:
                parts.append(change)
    return Change(GROUP, workbook_id, table.name, parts=tuple(parts))


# ---- lists of entries ----------------------------------------------------------------------


def owner(db: Database, table: Table, row_id: int) -> int:
    """The workbook a row belongs to (raises NotFound for a missing row)."""
    if table.parent == "goal_id":
        row = db.execute(
            "SELECT g.workbook_id FROM actions a JOIN goals g ON g.id = a.goal_id WHERE a.id = ?",
            [row_id],
        ).fetchone()
    else:
        row = db.execute(f"SELECT workbook_id FROM {table.name} WHERE id = ?", [row_id]).fetchone()
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


def clean_row(table: Table, values: dict[str, Any]) -> dict[str, Any]:
    """A new entry's values as they are stored, with the door's stamps filled in; refuses
    a missing required field or any value its rule refuses."""
    missing = [f.name for f in table.fields if f.required and values.get(f.name) in (None, "")]
    if missing:
        raise InvalidEdit(f"A new entry needs {', '.join(missing)}.")
    clean = {name: check(table, name, value) for name, value in values.items()}
    stamp = now_iso()
    for field in table.fields:
        if field.stamp == "now":
            clean[field.name] = stamp
        elif field.stamp == "today" and not clean.get(field.name):
            clean[field.name] = date.today().isoformat()
    return clean


def read_rows(db: Database, table: str, where: str, value: int) -> list[dict[str, Any]]:
    """Whole rows as {column: value}, as undo keeps them to put them back."""
    cursor = db.execute(f"SELECT * FROM {table} WHERE {where} = ? ORDER BY id", [value])
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor]


def read_row(db: Database, table: str, row_id: int) -> dict[str, Any]:
    return read_rows(db, table, "id", row_id)[0]


def add_row(db: Database, table_name: str, parent_id: int, **values: Any) -> Change:
    """Add an entry to a list; `parent_id` is the workbook (or, for actions, the goal)."""
    table = table_of(table_name, Shape.ROWS)
    place = values.pop("position", None) if table.ordered else None
    clean = clean_row(table, values)
    with db.atomic():
        if table.parent == "goal_id":
            workbook_id = owner(db, BY_NAME["goals"], parent_id)
        else:
            workbook_id = get_workbook(db, parent_id).id
        if table.name == "reinvestments":
            _check_reinvestment(db, workbook_id, None, clean.get("hours", 0.0))
        if table.ordered:
            clean["position"] = (
                check(table, "position", place)
                if place not in (None, "")
                else db.execute(
                    f"SELECT COALESCE(MAX(position), -1) + 1 FROM {table.name} "
                    f"WHERE {table.parent} = ?",
                    [parent_id],
                ).fetchone()[0]
            )
        columns = [table.parent, *clean]
        row_id = db.execute(
            f"INSERT INTO {table.name} ({', '.join(columns)}) "
            f"VALUES ({', '.join('?' * len(columns))})",
            [parent_id, *clean.values()],
        ).lastrowid
        touch(db, workbook_id, clean.get("created_at") or now_iso())
        after = read_row(db, table.name, row_id)
    return Change(ADDED, workbook_id, table.name, row_id=row_id, after=after)


def update_row(db: Database, table_name: str, row_id: int, field_name: str, value: Any) -> Change:
    table = table_of(table_name, Shape.ROWS)
    field = field_of(table, field_name)
    value = rule(field)(value)
    # A cleared date is None, which a NOT NULL column would refuse with an IntegrityError
    # instead of a plain message.
    if value is None and not field.nullable:
        raise InvalidEdit(f"{field.name} cannot be left empty.")
    with db.atomic():
        workbook_id = owner(db, table, row_id)
        if table.name == "reinvestments" and field.name == "hours":
            _check_reinvestment(db, workbook_id, row_id, value)
        before = db.execute(
            f"SELECT {field.name} FROM {table.name} WHERE id = ?", [row_id]
        ).fetchone()[0]
        if before != value:
            stamp = now_iso()
            db.execute(f"UPDATE {table.name} SET {field.name} = ? WHERE id = ?", [value, row_id])
            if "updated_at" in table.names:
                db.execute(f"UPDATE {table.name} SET updated_at = ? WHERE id = ?", [stamp, row_id])
            touch(db, workbook_id, stamp)
    return Change(FIELD, workbook_id, table.name, field.name, before, value, row_id=row_id)


def _children(table: Table) -> list[Table]:
    """The tables whose rows hang off this one's (a goal's actions, by `goal_id`)."""
    return [t for t in BY_NAME.values() if t.parent == f"{table.name[:-1]}_id"]


def delete_row(db: Database, table_name: str, row_id: int, *, undoing: bool = False) -> Change:
    """Remove an entry and what hangs off it (a goal's actions); secure delete wipes the
    text from the file. The Change holds every row removed, so undo puts them back.
    `undoing` (undo of an add) also removes a strength of the person's own or a check-in's
    snapshot, which are added by their own operations."""
    shapes = (Shape.ROWS, Shape.KEYED) if undoing else (Shape.ROWS,)
    table = table_of(table_name, *shapes, internal=undoing)
    with db.atomic():
        workbook_id = owner(db, table, row_id)
        removed = {
            "row": read_row(db, table.name, row_id),
            "children": {
                child.name: read_rows(db, child.name, child.parent, row_id)
                for child in _children(table)
            },
        }
        db.execute(f"DELETE FROM {table.name} WHERE id = ?", [row_id])
        touch(db, workbook_id, now_iso())
    from workbook.search import KINDS, purge_deleted_text  # search builds on the tables

    # Its words (and its children's) leave the file: the index is merged once the delete
    # is committed, never inside a transaction. Merged inside one, FTS5 (SQLite 3.40)
    # corrupted its index ("database disk image is malformed") within a few thousand
    # edits, deletes and undos (tests/test_search_stress.py). A delete inside a larger
    # transaction is merged at the next delete or when the file closes.
    if table.name in KINDS.values() and not db.conn.in_transaction:
        purge_deleted_text(db)
    return Change(DELETED, workbook_id, table.name, before=removed, row_id=row_id)


def restore_row(db: Database, table_name: str, removed: dict[str, Any]) -> Change:
    """Put back an entry `delete_row` removed (its Change's `before`), with the same id
    and everything that hung off it: undo of a delete, and redo of an add."""
    table = BY_NAME[table_name]
    row = removed["row"]
    with db.atomic():
        _insert(db, table.name, row)
        for child, rows in removed.get("children", {}).items():
            for child_row in rows:
                _insert(db, child, child_row)
        workbook_id = owner(db, table, row["id"])
        touch(db, workbook_id, now_iso())
    return Change(ADDED, workbook_id, table.name, row_id=row["id"], after=row)


def _insert(db: Database, table: str, row: dict[str, Any]) -> None:
    columns = list(row)
    db.execute(
        f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})",
        list(row.values()),
    )


def _positions(db: Database, table: Table, parent: int) -> tuple[tuple[int, int], ...]:
    return tuple(
        db.execute(
            f"SELECT id, position FROM {table.name} WHERE {table.parent} = ? ORDER BY position, id",
            [parent],
        ).fetchall()
    )


def move_row(db: Database, table_name: str, row_id: int, new_index: int) -> Change:
    """Put an entry at `new_index` in its list (0 is first), renumbering the rest. The
    Change holds every entry's position before and after, so undo puts back exactly the
    order (and the numbers) there were."""
    table = table_of(table_name, Shape.ROWS)
    if not table.ordered:
        raise InvalidEdit("This list keeps no order.")
    workbook_id = owner(db, table, row_id)
    with db.atomic():
        parent = db.execute(
            f"SELECT {table.parent} FROM {table.name} WHERE id = ?", [row_id]
        ).fetchone()[0]
        before = _positions(db, table, parent)
        ids = [rid for rid, _ in before]
        ids.remove(row_id)
        ids.insert(max(0, min(new_index, len(ids))), row_id)
        after = tuple((rid, position) for position, rid in enumerate(ids))
        set_positions(db, table.name, after)
    return Change(MOVED, workbook_id, table.name, "position", before, after, row_id=row_id)


def set_positions(db: Database, table_name: str, positions: tuple[tuple[int, int], ...]) -> None:
    """Give each entry its position: (id, position) pairs, as a move's Change holds them."""
    table = table_of(table_name, Shape.ROWS)
    with db.atomic():
        for rid, position in positions:
            db.execute(f"UPDATE {table.name} SET position = ? WHERE id = ?", [position, rid])
        if positions:
            touch(db, owner(db, table, positions[0][0]), now_iso())
