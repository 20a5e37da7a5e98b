"""Searching every workbook for a word a person typed, anywhere in it (FTS5, no scan).

The index is the `search_index` table (migration 4, made again over every kind of text
by migration 11: `workbook.search_index`), kept in step with the tables by triggers, so
it is never stale and needs no rebuilding. `search(db, "forecast")` returns hits, best
first, never from a workbook locked with a PIN (`workbook.locks`) unless the reader has
unlocked it; `place(db, hit)` says where the window shows one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Collection

    from sqlite_utils import Database


_SELECT = (
    "SELECT search_index.workbook_id, workbooks.name, search_index.kind, search_index.row_id, "
    "snippet(search_index, 0, '[', ']', '…', 10) "
    "FROM search_index JOIN workbooks ON workbooks.id = search_index.workbook_id "
    "WHERE search_index MATCH ? "
)
_ORDER = "ORDER BY rank LIMIT ?"
#: The query, shared with the benchmark that runs it in plain sqlite3 as the floor.
SEARCH_SQL = _SELECT + _ORDER
MAX_HITS = 500
#: What each kind of hit is, and the table its `row_id` is a row of (a profile's and an
#: edge statement's row is the workbook's). Kept equal to `search_index.SOURCES`.
KINDS = {
    "journal": "journal_entries",
    "evidence": "evidence",
    "goal": "goals",
    "action": "actions",
    "milestone": "milestones",
    "support": "support_requests",
    "question": "conversation_questions",
    "task": "ai_tasks",
    "reinvestment": "reinvestments",
    "future": "futures",
    "strength": "strength_ratings",
    "edge": "edge_notes",
    "profile": "profile",
    "context": "context_answers",
}


@dataclass(frozen=True)
class Hit:
    workbook_id: int
    workbook: str
    kind: str  # one of KINDS
    row_id: int
    snippet: str  # the words around the match, the match in [brackets]


def match_expression(text: str) -> str | None:
    """What a person typed as an FTS5 phrase: words only, so no character is syntax. The
    last word may be the start of one ("forec" finds "forecast", "forecast" finds
    "forecasting"), as results follow the typing; a single letter must be a whole word."""
    # Letters and digits: the tokenizer splits at everything else, "_" included.
    words = re.findall(r"[^\W_]+", text)
    if not words:
        return None
    phrase = '"' + " ".join(words) + '"'
    return phrase + " *" if len(words[-1]) > 1 else phrase


def search(
    db: Database,
    word: str,
    limit: int = MAX_HITS,
    unlocked: Collection[int] = (),
    workbook_id: int | None = None,
) -> list[Hit]:
    """Everything typed containing `word` (or phrase) in every workbook not
    locked for a reader who has unlocked `unlocked` (ids; see `workbook.locks`), or in
    `workbook_id` alone when given (and not locked for that reader)."""
    from workbook.locks import locked_ids

    expression = match_expression(word)
    if expression is None:
        return []
    hidden = sorted(locked_ids(db, unlocked))
    where, values = "", []
    if hidden:
        where += f"AND search_index.workbook_id NOT IN ({', '.join('?' * len(hidden))}) "
        values += hidden
    if workbook_id is not None:
        where += "AND search_index.workbook_id = ? "
        values.append(workbook_id)
    if where:
        rows = db.execute(_SELECT + where + _ORDER, [expression, *values, limit]).fetchall()
    else:
        rows = db.execute(SEARCH_SQL, [expression, limit]).fetchall()
    return [Hit(int(w), name, kind, int(r), snippet) for w, name, kind, r, snippet in rows]


@dataclass(frozen=True)
class Place:
    """Where the window shows a hit: the step and the part of it (the kind of journal
    entry, "reflection", "energy", "feedback" or "checkin", or the kind of any other
    hit), `key` for a reflection's prompt, the strength of an example or of a strength's
    notes, the path of a future, the goal of an action (its id) and the day of a
    milestone, and `name`, the person's own name for it where it has one (a goal's
    title, an action's goal's, a task's name, a future's title, a strength of the person's own)."""

    step: str
    part: str
    key: str = ""
    name: str = ""


#: kind: (its step, the query giving a Place's key and name from the hit's row)
_PLACES = {
    "goal": ("plan", "SELECT '', title FROM goals WHERE id = ?"),
    "action": (
        "plan",
        "SELECT goals.id, goals.title FROM actions JOIN goals ON goals.id = actions.goal_id "
        "WHERE actions.id = ?",
    ),
    "milestone": ("plan", "SELECT day, '' FROM milestones WHERE id = ?"),
    "support": ("plan", "SELECT '', '' FROM support_requests WHERE id = ?"),
    "question": ("plan", "SELECT '', '' FROM conversation_questions WHERE id = ?"),
    "task": ("ai_plan", "SELECT '', name FROM ai_tasks WHERE id = ?"),
    "reinvestment": ("ai_plan", "SELECT '', '' FROM reinvestments WHERE id = ?"),
    "future": ("edge", "SELECT path_id, title FROM futures WHERE id = ?"),
    "strength": ("strengths", "SELECT strength_id, custom_name FROM strength_ratings WHERE id = ?"),
    "edge": ("edge", "SELECT '', '' FROM edge_notes WHERE workbook_id = ?"),
    "profile": ("about", "SELECT '', '' FROM profile WHERE workbook_id = ?"),
    "context": (
        "edge",
        "SELECT question_id, '' FROM context_answers WHERE workbook_id = ? "
        "AND question_id = 'manager_value_proposition'",
    ),
}


def place(db: Database, hit: Hit) -> Place | None:
    """The step and part that show `hit`, or None if its row has gone since."""
    if hit.kind == "journal":
        row = db.execute(
            "SELECT kind, prompt_id FROM journal_entries WHERE id = ?", [hit.row_id]
        ).fetchone()
        if row is None:
            return None
        kind, prompt = row
        step = "plan" if kind == "checkin" else "strengths"
        return Place(step, kind, (prompt or "") if kind == "reflection" else "")
    if hit.kind == "evidence":
        row = db.execute(
            "SELECT evidence.strength_id, strength_ratings.custom_name FROM evidence "
            "LEFT JOIN strength_ratings ON strength_ratings.workbook_id = evidence.workbook_id "
            "AND strength_ratings.strength_id = evidence.strength_id WHERE evidence.id = ?",
            [hit.row_id],
        ).fetchone()
        return None if row is None else Place("strengths", "evidence", row[0], row[1] or "")
    step, sql = _PLACES[hit.kind]
    row = db.execute(sql, [hit.row_id]).fetchone()
    if row is None:
        return None
    key, name = row
    return Place(step, hit.kind, str(key), name or "")


def purge_deleted_text(db: Database) -> None:
    """Merge the index so words from deleted or rewritten text leave the file.

    FTS5 marks deleted entries instead of erasing their words; merging drops
    them, and secure delete then overwrites the freed pages. It is quick (a
    few milliseconds for a coach's 200 workbooks) and runs after a deletion
    and when the database closes.
    """
    db.execute("INSERT INTO search_index(search_index) VALUES('optimize')")
