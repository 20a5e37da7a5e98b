"""The search index as schema 11 made it: every piece of text a person types in a workbook.

Migration 11 (`workbook.migrations`) calls `build`; like every shipped migration it is
frozen, so a later change to what is indexed is a new migration, never an edit here.
It lives apart from `migrations.py` only to keep that module under the size limit.

Each source row has at most one index row, whose rowid is the source's key times 16
plus its kind's number, so a trigger finds its index row by rowid, never by a scan.
Rows with no text get no index row: most strengths and futures are rated, not written
about, and an empty row can never match.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlite_utils import Database

#: Room for 16 kinds in the rowid (kind numbers 0 to 15).
SPREAD = 16

#: Between the texts of one row (a goal's title and its measure): the words around a hit
#: then read as the separate boxes they are. The tokenizer takes it for a space.
_BETWEEN = " · "


# A goal's GROW notes are a JSON object of stage to text: only the text is indexed, so
# "reality" finds what was written, not every goal with a note at that stage.
_NOTES = (
    f"(SELECT group_concat(value, '{_BETWEEN}') FROM json_each("
    "CASE WHEN json_valid({r}.grow_notes) THEN {r}.grow_notes ELSE '{{}}' END) "
    "WHERE trim(value) <> '')"
)
# A reinvestment's target is the person's own words only for "other"; otherwise an id.
_TARGET = "CASE WHEN {r}.target_kind = 'other' THEN coalesce({r}.target_id, '') ELSE '' END"


def _joined(*columns: str, more: tuple[str, ...] = ()) -> str:
    """The row's texts (its `columns`, then the expressions `more`), the empty ones left
    out, with `_BETWEEN` between them."""
    parts = [f"{{r}}.{c}" for c in columns] + list(more)
    each = " || ".join(
        f"CASE WHEN trim(coalesce({p}, '')) <> '' THEN '{_BETWEEN}' || {p} ELSE '' END"
        for p in parts
    )
    return f"substr({each}, {len(_BETWEEN) + 1})"


#: kind: (number, table, key column, workbook expression, text expression, columns
#: whose change re-indexes). `{r}` is the row: new, old, or the table when filling.
SOURCES: dict[str, tuple[int, str, str, str, str, str]] = {
    # A piece of feedback's source is a name the person typed ("what Karim said").
    "journal": (
        0,
        "journal_entries",
        "id",
        "{r}.workbook_id",
        _joined("body", "source"),
        "body, source",
    ),
    "evidence": (
        1,
        "evidence",
        "id",
        "{r}.workbook_id",
        _joined("situation", "action", "result"),
        "situation, action, result",
    ),
    "goal": (
        2,
        "goals",
        "id",
        "{r}.workbook_id",
        _joined("title", "measure", more=(_NOTES,)),
        "title, measure, grow_notes",
    ),
    # An action belongs to its goal, and through it to the workbook.
    "action": (
        3,
        "actions",
        "id",
        "(SELECT workbook_id FROM goals WHERE goals.id = {r}.goal_id)",
        _joined("title"),
        "title, goal_id",
    ),
    "milestone": (4, "milestones", "id", "{r}.workbook_id", _joined("text"), "text"),
    "support": (5, "support_requests", "id", "{r}.workbook_id", _joined("request"), "request"),
    "question": (6, "conversation_questions", "id", "{r}.workbook_id", _joined("text"), "text"),
    "task": (
        7,
        "ai_tasks",
        "id",
        "{r}.workbook_id",
        _joined("name", "tool", "validation", "risk_note"),
        "name, tool, validation, risk_note",
    ),
    "reinvestment": (
        8,
        "reinvestments",
        "id",
        "{r}.workbook_id",
        _joined("note", more=(_TARGET,)),
        "note, target_kind, target_id",
    ),
    "future": (
        9,
        "futures",
        "id",
        "{r}.workbook_id",
        _joined("title", "story", "questions", "prototype"),
        "title, story, questions, prototype",
    ),
    "strength": (
        10,
        "strength_ratings",
        "id",
        "{r}.workbook_id",
        _joined("custom_name", "custom_description", "overuse_note"),
        "custom_name, custom_description, overuse_note",
    ),
    # One row per workbook: keyed by the workbook itself.
    "edge": (
        11,
        "edge_notes",
        "workbook_id",
        "{r}.workbook_id",
        _joined("edge_statement"),
        "edge_statement",
    ),
    "profile": (
        12,
        "profile",
        "workbook_id",
        "{r}.workbook_id",
        _joined("person_name", "current_role", "aim", "decision"),
        "person_name, current_role, aim, decision",
    ),
    # Of the situation's answers only the one asked in words (`ONLY`): the others are
    # option ids. One per workbook, so keyed by the workbook.
    "context": (
        13,
        "context_answers",
        "workbook_id",
        "{r}.workbook_id",
        _joined("answer"),
        "answer, question_id",
    ),
}

#: The rows of a kind that are indexed, where not all are (`{r}` as in SOURCES). The
#: situation's only question answered in words, `manager_value_proposition` in
#: resources/content/context.toml; a later one is a new migration.
ONLY = {"context": "{r}.question_id = 'manager_value_proposition'"}

#: Migration 4's triggers, replaced by `build`.
_OLD_TRIGGERS = tuple(
    f"search_{table}_{when}"
    for table in ("journal_entries", "evidence")
    for when in ("ai", "ad", "au")
)


def _insert(kind: str, r: str, source: str = "") -> str:
    """Index the row `r` if it holds any text (SQLite selects without FROM for new)."""
    number, _, key, workbook, text, _ = SOURCES[kind]
    body = text.format(r=r)
    only = f" AND {ONLY[kind].format(r=r)}" if kind in ONLY else ""
    return (
        "INSERT INTO search_index (rowid, body, workbook_id, kind, row_id) "
        f"SELECT {r}.{key} * {SPREAD} + {number}, {body}, {workbook.format(r=r)}, "
        f"'{kind}', {r}.{key} {source}WHERE trim({body}) <> ''{only}"
    )


def build(db: Database) -> None:
    """Replace migration 4's index and triggers with ones over every kind, and fill it.

    The index is dropped and made again, rather than emptied, so its old pages are freed
    (and overwritten, with secure delete) at once.
    """
    for name in _OLD_TRIGGERS:
        db.execute(f"DROP TRIGGER IF EXISTS {name}")
    db.execute("DROP TABLE IF EXISTS search_index")
    db.execute(
        "CREATE VIRTUAL TABLE search_index USING fts5("
        "body, workbook_id UNINDEXED, kind UNINDEXED, row_id UNINDEXED, "
        "tokenize = 'unicode61 remove_diacritics 2')"
    )
    for kind, (number, table, key, _, _, columns) in SOURCES.items():
        insert = _insert(kind, "new") + ";"
        only = f" AND {ONLY[kind].format(r='old')}" if kind in ONLY else ""
        delete = f"DELETE FROM search_index WHERE rowid = old.{key} * {SPREAD} + {number}{only};"
        # A row moved to another workbook (or an action to another goal) is indexed again.
        watched = columns if kind == "action" else f"{columns}, workbook_id"
        db.execute(f"CREATE TRIGGER search_{table}_ai AFTER INSERT ON {table} BEGIN {insert} END")
        db.execute(f"CREATE TRIGGER search_{table}_ad AFTER DELETE ON {table} BEGIN {delete} END")
        db.execute(
            f"CREATE TRIGGER search_{table}_au AFTER UPDATE OF {watched} ON {table} "
            f"BEGIN {delete} {insert} END"
        )
        db.execute(_insert(kind, table, f"FROM {table} "))
