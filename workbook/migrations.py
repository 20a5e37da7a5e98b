"""The database schema as numbered migrations, one function per version.

`PRAGMA user_version` holds the schema version. Each migration runs in its
own transaction together with the bump of `user_version`, so a file is
always at exactly one version. Add a new schema by appending a function to
MIGRATIONS; never edit one that has shipped (a test migrates a real file of
schema 1 kept under tests/data).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from workbook import search_index

if TYPE_CHECKING:
    from sqlite_utils import Database


# The tables of version 1 that belong to one workbook (frozen with _v1_initial, which
# indexes each; `workbook.registry` lists today's tables).
WORKBOOK_TABLES = (
    "profile",
    "strength_ratings",
    "evidence",
    "journal_entries",
    "preference_answers",
    "context_answers",
    "futures",
    "edge_notes",
    "ai_tasks",
    "orchestration_ratings",
    "reinvestments",
    "goals",
    "milestones",
    "support_requests",
    "conversation_questions",
    "rating_snapshots",
)


def _v1_initial(db: Database) -> None:
    """Every table of the journey in DESIGN.md, so later features add columns only."""
    # Statement by statement: executescript() would commit and escape the transaction.
    script = """
        -- Facts about the file itself, such as when anything was last edited.
        CREATE TABLE meta (
            key TEXT PRIMARY KEY,
            value TEXT NOT NULL
        );
        CREATE TABLE workbooks (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL UNIQUE,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        );
        -- Step 0: about you.
        CREATE TABLE profile (
            workbook_id INTEGER PRIMARY KEY REFERENCES workbooks(id) ON DELETE CASCADE,
            person_name TEXT NOT NULL DEFAULT '',
            current_role TEXT NOT NULL DEFAULT '',
            role_family TEXT,
            years_experience INTEGER,
            current_track TEXT,
            aim TEXT NOT NULL DEFAULT '',
            horizon_years INTEGER
        );
        -- Step 1: strengths (catalogue ids, or custom ones named by the person).
        CREATE TABLE strength_ratings (
            id INTEGER PRIMARY KEY,
            workbook_id INTEGER NOT NULL REFERENCES workbooks(id) ON DELETE CASCADE,
            strength_id TEXT NOT NULL,
            custom_name TEXT,
            custom_description TEXT,
            proficiency INTEGER,
            energy INTEGER,
            edge INTEGER,
            rank INTEGER,
            overuse_note TEXT NOT NULL DEFAULT '',
            UNIQUE (workbook_id, strength_id)
        );
        CREATE TABLE evidence (
            id INTEGER PRIMARY KEY,
            workbook_id INTEGER NOT NULL REFERENCES workbooks(id) ON DELETE CASCADE,
            strength_id TEXT NOT NULL,
            situation TEXT NOT NULL DEFAULT '',
            action TEXT NOT NULL DEFAULT '',
            result TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL
        );
        -- Reflections, energy log, feedback and check-ins are dated entries of one kind each.
        CREATE TABLE journal_entries (
            id INTEGER PRIMARY KEY,
            workbook_id INTEGER NOT NULL REFERENCES workbooks(id) ON DELETE CASCADE,
            kind TEXT NOT NULL CHECK (kind IN ('reflection', 'energy', 'feedback', 'checkin')),
            prompt_id TEXT,
            body TEXT NOT NULL DEFAULT '',
            source TEXT NOT NULL DEFAULT '',
            energy_level INTEGER,
            entry_date TEXT NOT NULL,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        );
        -- Step 2: edge analysis.
        CREATE TABLE preference_answers (
            workbook_id INTEGER NOT NULL REFERENCES workbooks(id) ON DELETE CASCADE,
            preference_id TEXT NOT NULL,
            agreement INTEGER,
            PRIMARY KEY (workbook_id, preference_id)
        );
        CREATE TABLE context_answers (
            workbook_id INTEGER NOT NULL REFERENCES workbooks(id) ON DELETE CASCADE,
            question_id TEXT NOT NULL,
            answer TEXT NOT NULL DEFAULT '',
            PRIMARY KEY (workbook_id, question_id)
        );
        CREATE TABLE futures (
            id INTEGER PRIMARY KEY,
            workbook_id INTEGER NOT NULL REFERENCES workbooks(id) ON DELETE CASCADE,
            path_id TEXT NOT NULL,
            title TEXT NOT NULL DEFAULT '',
            story TEXT NOT NULL DEFAULT '',
            questions TEXT NOT NULL DEFAULT '',
            resources INTEGER,
            liking INTEGER,
            confidence INTEGER,
            coherence INTEGER,
            prototype TEXT NOT NULL DEFAULT '',
            UNIQUE (workbook_id, path_id)
        );
        CREATE TABLE edge_notes (
            workbook_id INTEGER PRIMARY KEY REFERENCES workbooks(id) ON DELETE CASCADE,
            edge_statement TEXT NOT NULL DEFAULT ''
        );
        -- Step 3: AI-amplification plan.
        CREATE TABLE ai_tasks (
            id INTEGER PRIMARY KEY,
            workbook_id INTEGER NOT NULL REFERENCES workbooks(id) ON DELETE CASCADE,
            position INTEGER NOT NULL DEFAULT 0,
            library_task_id TEXT,
            name TEXT NOT NULL DEFAULT '',
            hours_per_week REAL NOT NULL DEFAULT 0,
            mode TEXT CHECK (mode IN ('automate', 'augment', 'keep_human')),
            ai_share REAL,
            tool TEXT NOT NULL DEFAULT '',
            validation TEXT NOT NULL DEFAULT '',
            review_hours REAL NOT NULL DEFAULT 0,
            stakes TEXT NOT NULL DEFAULT '',
            agency INTEGER
        );
        CREATE TABLE orchestration_ratings (
            workbook_id INTEGER NOT NULL REFERENCES workbooks(id) ON DELETE CASCADE,
            skill_id TEXT NOT NULL,
            rating INTEGER,
            PRIMARY KEY (workbook_id, skill_id)
        );
        CREATE TABLE reinvestments (
            id INTEGER PRIMARY KEY,
            workbook_id INTEGER NOT NULL REFERENCES workbooks(id) ON DELETE CASCADE,
            hours REAL NOT NULL DEFAULT 0,
            target_kind TEXT NOT NULL DEFAULT 'other',
            target_id TEXT,
            note TEXT NOT NULL DEFAULT ''
        );
        -- Step 4: development plan.
        CREATE TABLE goals (
            id INTEGER PRIMARY KEY,
            workbook_id INTEGER NOT NULL REFERENCES workbooks(id) ON DELETE CASCADE,
            position INTEGER NOT NULL DEFAULT 0,
            title TEXT NOT NULL DEFAULT '',
            measure TEXT NOT NULL DEFAULT '',
            target_date TEXT,
            links TEXT NOT NULL DEFAULT '[]',
            commitment INTEGER,
            grow_notes TEXT NOT NULL DEFAULT '{}'
        );
        CREATE TABLE actions (
            id INTEGER PRIMARY KEY,
            goal_id INTEGER NOT NULL REFERENCES goals(id) ON DELETE CASCADE,
            position INTEGER NOT NULL DEFAULT 0,
            title TEXT NOT NULL DEFAULT '',
            kind TEXT CHECK (kind IN ('experience', 'others', 'formal')),
            due_date TEXT,
            status TEXT NOT NULL DEFAULT 'planned'
        );
        CREATE TABLE milestones (
            id INTEGER PRIMARY KEY,
            workbook_id INTEGER NOT NULL REFERENCES workbooks(id) ON DELETE CASCADE,
            day INTEGER NOT NULL CHECK (day IN (30, 60, 90)),
            text TEXT NOT NULL DEFAULT '',
            done INTEGER NOT NULL DEFAULT 0
        );
        CREATE TABLE support_requests (
            id INTEGER PRIMARY KEY,
            workbook_id INTEGER NOT NULL REFERENCES workbooks(id) ON DELETE CASCADE,
            source TEXT NOT NULL DEFAULT 'manager',
            request TEXT NOT NULL DEFAULT ''
        );
        CREATE TABLE conversation_questions (
            id INTEGER PRIMARY KEY,
            workbook_id INTEGER NOT NULL REFERENCES workbooks(id) ON DELETE CASCADE,
            position INTEGER NOT NULL DEFAULT 0,
            library_id TEXT,
            text TEXT NOT NULL DEFAULT ''
        );
        -- Re-ratings over time, so a returning person can see what moved.
        CREATE TABLE rating_snapshots (
            id INTEGER PRIMARY KEY,
            workbook_id INTEGER NOT NULL REFERENCES workbooks(id) ON DELETE CASCADE,
            taken_at TEXT NOT NULL,
            data TEXT NOT NULL
        );
        """
    for statement in script.split(";"):
        if statement.strip():
            db.execute(statement)
    for table in WORKBOOK_TABLES:
        if table in ("profile", "edge_notes"):
            continue  # keyed by workbook_id already
        db.execute(f"CREATE INDEX idx_{table}_workbook ON {table}(workbook_id)")
    db.execute("CREATE INDEX idx_actions_goal ON actions(goal_id)")


def _v2_privacy_and_recency(db: Database) -> None:
    """Private journal entries, group-overview consent, and 'most recently opened'.

    Entries marked private stay out of every export unless the person opts
    in; a workbook is counted in a coach's anonymous overview only with its
    owner's consent; and the app reopens the workbook used last.
    """
    db.execute("ALTER TABLE journal_entries ADD COLUMN private INTEGER NOT NULL DEFAULT 1")
    db.execute("ALTER TABLE workbooks ADD COLUMN counted_in_group INTEGER NOT NULL DEFAULT 0")
    db.execute("ALTER TABLE workbooks ADD COLUMN last_opened_at TEXT")
    db.execute("UPDATE workbooks SET last_opened_at = updated_at")
    # Feedback and check-ins are usually meant to be shared in a career talk.
    db.execute("UPDATE journal_entries SET private = 0 WHERE kind IN ('checkin')")


def _v3_ranking_and_risk(db: Database) -> None:
    """Forced ranking of strengths, and a note on what goes wrong if AI errs on a task.

    `profile.strength_mode` is "rating" or "ranking" (order strengths instead
    of rating proficiency, for people whose ratings all came out high).
    `ai_tasks.stakes` holds the level (low, medium, high); `risk_note` says
    in words what an AI mistake there would cost.
    """
    db.execute("ALTER TABLE profile ADD COLUMN strength_mode TEXT NOT NULL DEFAULT 'rating'")
    db.execute("ALTER TABLE ai_tasks ADD COLUMN risk_note TEXT NOT NULL DEFAULT ''")


def _v4_search_index(db: Database) -> None:
    """A full-text index (FTS5) over journal bodies and evidence, kept in step by triggers.

    Rowids are derived from the source rows (journal 2*id, evidence 2*id+1) so a
    trigger finds its index row by rowid, never by a scan. `workbook.search` reads it.
    """
    db.execute(
        "CREATE VIRTUAL TABLE search_index USING fts5("
        "body, workbook_id UNINDEXED, kind UNINDEXED, row_id UNINDEXED, "
        "tokenize = 'unicode61 remove_diacritics 2')"
    )
    sources = {
        # kind: (table, rowid expression, text expression, columns whose change re-indexes)
        "journal": ("journal_entries", "2 * {r}.id", "{r}.body", "body"),
        "evidence": (
            "evidence",
            "2 * {r}.id + 1",
            "{r}.situation || ' ' || {r}.action || ' ' || {r}.result",
            "situation, action, result",
        ),
    }
    for kind, (table, rowid, text, columns) in sources.items():
        new_row, new_text = rowid.format(r="new"), text.format(r="new")
        old_row = rowid.format(r="old")
        insert = (
            "INSERT INTO search_index (rowid, body, workbook_id, kind, row_id) "
            f"VALUES ({new_row}, {new_text}, new.workbook_id, '{kind}', new.id);"
        )
        delete = f"DELETE FROM search_index WHERE rowid = {old_row};"
        db.execute(f"CREATE TRIGGER search_{table}_ai AFTER INSERT ON {table} BEGIN {insert} END")
        db.execute(f"CREATE TRIGGER search_{table}_ad AFTER DELETE ON {table} BEGIN {delete} END")
        db.execute(
            f"CREATE TRIGGER search_{table}_au AFTER UPDATE OF {columns}, workbook_id "
            f"ON {table} BEGIN {delete} {insert} END"
        )
        db.execute(
            "INSERT INTO search_index (rowid, body, workbook_id, kind, row_id) "
            f"SELECT {rowid.format(r=table)}, {text.format(r=table)}, workbook_id, '{kind}', id "
            f"FROM {table}"
        )


def _v5_values_and_feedback_links(db: Database) -> None:
    """What matters to you, ranked, and the strengths a journal entry speaks to.

    `value_ranks` holds a workbook's order of the values in resources/content/values.toml
    (1 is what matters most), one row per value, made on first answer like a preference
    (its primary key starts with the workbook, so it needs no index of its own).
    `journal_entries.links` lists the strengths a piece of feedback speaks to, as
    "strength:<id>" in a JSON list, like a goal's links.
    """
    db.execute(
        "CREATE TABLE value_ranks ("
        "workbook_id INTEGER NOT NULL REFERENCES workbooks(id) ON DELETE CASCADE, "
        "value_id TEXT NOT NULL, "
        "rank INTEGER, "
        "PRIMARY KEY (workbook_id, value_id))"
    )
    db.execute("ALTER TABLE journal_entries ADD COLUMN links TEXT NOT NULL DEFAULT '[]'")


def _v6_plan_start(db: Database) -> None:
    """The day a workbook's plan starts, so its 30-, 60- and 90-day milestones have dates.

    `plan_notes` holds one row per workbook, made on first answer like `edge_notes`; with
    no row (or no date in it) the plan counts from the day the workbook was made
    (`workbook.data`), so no row is written here and every file keeps its dates.
    """
    db.execute(
        "CREATE TABLE plan_notes ("
        "workbook_id INTEGER PRIMARY KEY REFERENCES workbooks(id) ON DELETE CASCADE, "
        "plan_start TEXT)"
    )


def _v7_decision_and_dates_of_asks(db: Database) -> None:
    """What the conversation is for: the decision in front of the person and by when,
    on the profile, and by when each request for support is needed. Page 1 of the PDF
    ("For our conversation") opens with the first and lists the asks with the second.
    Existing workbooks have neither until the person writes them."""
    db.execute("ALTER TABLE profile ADD COLUMN decision TEXT NOT NULL DEFAULT ''")
    db.execute("ALTER TABLE profile ADD COLUMN decide_by TEXT")
    db.execute("ALTER TABLE support_requests ADD COLUMN needed_by TEXT")


def _v8_workbook_locks(db: Database) -> None:
    """A PIN or passphrase on a workbook, for a shared laptop (`workbook.locks`): only a
    salted scrypt hash of it (the method and its costs named in `method`, so they can
    grow), never the PIN, and the wrong guesses so far with the moment the next guess
    may be made, so restarting the app does not reset the wait. A fact about this file,
    not an answer: the workbook file never holds it, and a copy of a workbook has none."""
    db.execute(
        "CREATE TABLE workbook_locks ("
        "workbook_id INTEGER PRIMARY KEY REFERENCES workbooks(id) ON DELETE CASCADE, "
        "method TEXT NOT NULL, "
        "salt BLOB NOT NULL, "
        "hash BLOB NOT NULL, "
        "failures INTEGER NOT NULL DEFAULT 0, "
        "wait_until REAL, "
        "set_at TEXT NOT NULL)"
    )


def _v9_workshops(db: Database) -> None:
    """A coach's workshops (`workbook.workshop`): a name, the day it is held, its agenda
    (a template's copy the coach may edit, stored as JSON of the template's shape and
    checked like the shipped file), and a roster of participants by name or alias, each
    perhaps tied to a workbook in this file. A fact about this file, not a participant's
    answer: no workbook file holds it."""
    db.execute(
        "CREATE TABLE workshops ("
        "id INTEGER PRIMARY KEY, "
        "name TEXT NOT NULL, "
        "held_on TEXT, "
        "agenda TEXT NOT NULL, "
        "created_at TEXT NOT NULL)"
    )
    db.execute(
        "CREATE TABLE workshop_roster ("
        "id INTEGER PRIMARY KEY, "
        "workshop_id INTEGER NOT NULL REFERENCES workshops(id) ON DELETE CASCADE, "
        "position INTEGER NOT NULL DEFAULT 0, "
        "alias TEXT NOT NULL, "
        "workbook_id INTEGER REFERENCES workbooks(id) ON DELETE SET NULL)"
    )


def _v10_group_contributions(db: Database) -> None:
    """Contribution files a coach imported from participants on their own laptops
    (`workbook.contribution`): closed answers only, under the file's random id, so the
    same file imported twice counts once. No name, no text, no tie to a workbook."""
    db.execute(
        "CREATE TABLE group_contributions ("
        "id TEXT PRIMARY KEY, "
        "body TEXT NOT NULL, "
        "imported_at TEXT NOT NULL)"
    )


def _v11_search_everything(db: Database) -> None:
    """Search finds every piece of text a person types, not only the journal and the
    examples: goals (GROW notes too), actions, milestones, what I ask, questions, AI
    tasks, reinvestments, futures, strengths' notes, the edge statement and the profile.
    The index is made again with rowids of source key * 16 + kind (`workbook.search_index`,
    frozen with this migration), still kept by triggers that find their row by rowid."""
    search_index.build(db)


MIGRATIONS: list[Callable[[Database], None]] = [
    _v1_initial,
    _v2_privacy_and_recency,
    _v3_ranking_and_risk,
    _v4_search_index,
    _v5_values_and_feedback_links,
    _v6_plan_start,
    _v7_decision_and_dates_of_asks,
    _v8_workbook_locks,
    _v9_workshops,
    _v10_group_contributions,
    _v11_search_everything,
]

SCHEMA_VERSION = len(MIGRATIONS)


def pending(current_version: int) -> list[tuple[int, Callable[[Database], None]]]:
    """Migrations still to run on a file at `current_version`, as (version, function)."""
    return [
        (number, migration)
        for number, migration in enumerate(MIGRATIONS, start=1)
        if number > current_version
    ]


def apply(db: Database, *, stop_at: int = SCHEMA_VERSION) -> list[int]:
    """Bring a database up to `stop_at`, one transaction per version.

    Returns the versions applied. The caller is responsible for backing the
    file up first.
    """
    applied = []
    current = db.execute("PRAGMA user_version").fetchone()[0]
    for number, migration in pending(current):
        if number > stop_at:
            break
        with db.atomic():
            migration(db)
            db.execute(f"PRAGMA user_version = {number}")
        applied.append(number)
    return applied
