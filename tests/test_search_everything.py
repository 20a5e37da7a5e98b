"""Search finds every piece of text a person types (migration 11), not only the journal and
the examples: each kind is found and placed, follows edits and deletes, stays hidden in a
locked workbook, and a file of schema 10 keeps its old hits and gains the others."""

import sqlite3

import pytest
from sqlite_utils import Database

from workbook import door, locks, migrations, search_index
from workbook.search import KINDS, Place, place, search
from workbook.storage import open_database

PIN = "kiwi-lantern-2291"


def fill(db, workbook_id):
    """One piece of text of each kind, each holding a word of its own; returns
    {kind: (word, row id)}."""
    goal = door.add_row(db, "goals", workbook_id, title="Own the quarterly forecast").row_id
    door.update_row(
        db, "goals", goal, "grow_notes", {"reality": "Nobody trusts the hazelnut numbers"}
    )
    action = door.add_row(db, "actions", goal, title="Pair with the walrus team").row_id
    milestone = door.add_row(db, "milestones", workbook_id, day=30, text="Ship a pelican draft")
    support = door.add_row(db, "support_requests", workbook_id, request="Budget for a kestrel")
    question = door.add_row(db, "conversation_questions", workbook_id, text="Where is the yurt?")
    task = door.add_row(db, "ai_tasks", workbook_id, name="Weekly mongoose report").row_id
    door.update_row(db, "ai_tasks", task, "validation", "Check against the ledger")
    reinvest = door.add_row(db, "reinvestments", workbook_id, note="Read about origami")
    door.set_future(db, workbook_id, "specialist", "story", "I teach the lighthouse course")
    for scale in ("proficiency", "energy"):  # skilled and keen: the overuse note is asked
        door.set_rating(db, workbook_id, "data_analysis", scale, 5)
    door.set_strength_note(db, workbook_id, "data_analysis", "Drowning people in marmalade")
    door.set_edge_statement(db, workbook_id, "I turn tangerine data into decisions")
    door.set_profile_field(db, workbook_id, "aim", "Find my saffron niche")
    door.set_context_answer(db, workbook_id, "ai_adoption", "growing")  # an option id
    door.set_context_answer(
        db, workbook_id, "manager_value_proposition", "A bridge to the quokka specialists"
    )
    ids = {
        "future": db.execute("SELECT id FROM futures").fetchone()[0],
        "strength": db.execute("SELECT id FROM strength_ratings").fetchone()[0],
    }
    return {
        "goal": ("hazelnut", goal),
        "action": ("walrus", action),
        "milestone": ("pelican", milestone.row_id),
        "support": ("kestrel", support.row_id),
        "question": ("yurt", question.row_id),
        "task": ("mongoose", task),
        "reinvestment": ("origami", reinvest.row_id),
        "future": ("lighthouse", ids["future"]),
        "strength": ("marmalade", ids["strength"]),
        "edge": ("tangerine", workbook_id),
        "profile": ("saffron", workbook_id),
        "context": ("quokka", workbook_id),
    }


def test_the_index_is_made_of_the_kinds_search_knows():
    assert {kind: source[1] for kind, source in search_index.SOURCES.items()} == KINDS
    numbers = [source[0] for source in search_index.SOURCES.values()]
    assert len(set(numbers)) == len(numbers) and max(numbers) < search_index.SPREAD


def test_every_kind_is_found_and_placed(db, workbook_id):
    typed = fill(db, workbook_id)
    goal_id = typed["goal"][1]
    expected = {
        "goal": Place("plan", "goal", "", "Own the quarterly forecast"),
        "action": Place("plan", "action", str(goal_id), "Own the quarterly forecast"),
        "milestone": Place("plan", "milestone", "30"),
        "support": Place("plan", "support"),
        "question": Place("plan", "question"),
        "task": Place("ai_plan", "task", "", "Weekly mongoose report"),
        "reinvestment": Place("ai_plan", "reinvestment"),
        "future": Place("edge", "future", "specialist"),
        "strength": Place("strengths", "strength", "data_analysis"),
        "edge": Place("edge", "edge"),
        "profile": Place("about", "profile"),
        "context": Place("edge", "context", "manager_value_proposition"),
    }
    for kind, (word, row_id) in typed.items():
        hits = search(db, word)
        assert [(h.kind, h.row_id, h.workbook) for h in hits] == [(kind, row_id, "Alex")], kind
        assert f"[{word}]" in hits[0].snippet.lower()
        assert place(db, hits[0]) == expected[kind]
    # A goal's title and measure are found too, and GROW notes' stage names are not text.
    assert [h.kind for h in search(db, "quarterly forecast")] == ["goal"]
    assert search(db, "reality") == []
    assert [h.kind for h in search(db, "ledger")] == ["task"]  # a task's text columns


def test_a_strength_of_the_persons_own_is_placed_under_the_name_they_gave_it(db, workbook_id):
    door.add_own_strength(db, workbook_id, "Calm in a crisis")
    own = db.execute("SELECT strength_id FROM strength_ratings").fetchone()[0]
    door.add_row(db, "evidence", workbook_id, strength_id=own, situation="The flooded basement")
    door.add_row(db, "evidence", workbook_id, strength_id="mentoring", situation="A flooded inbox")
    found = {place(db, hit) for hit in search(db, "flooded")}
    assert found == {
        Place("strengths", "evidence", own, "Calm in a crisis"),
        Place("strengths", "evidence", "mentoring", ""),
    }


def test_edits_re_index_and_deletes_unindex(db, workbook_id):
    typed = fill(db, workbook_id)
    goal = typed["goal"][1]
    door.update_row(db, "goals", goal, "grow_notes", {"will": "Start on Monday"})
    assert search(db, "hazelnut") == [] and [h.kind for h in search(db, "monday")] == ["goal"]
    door.update_row(db, "ai_tasks", typed["task"][1], "name", "Weekly otter report")
    assert search(db, "mongoose") == [] and [h.kind for h in search(db, "otter")] == ["task"]
    door.set_edge_statement(db, workbook_id, "")
    assert search(db, "tangerine") == []

    stale = search(db, "walrus")[0]
    door.delete_row(db, "goals", goal)  # its action goes with it
    assert search(db, "monday") == [] and search(db, "walrus") == []
    assert place(db, stale) is None
    for table, kind in (("milestones", "milestone"), ("ai_tasks", "task")):
        door.delete_row(db, table, typed[kind][1])
    assert search(db, "pelican") == [] and search(db, "otter") == []

    copy = door.duplicate_workbook(db, workbook_id, "Alex copy").workbook_id
    assert {h.workbook_id for h in search(db, "lighthouse")} == {workbook_id, copy}
    door.delete_workbook(db, workbook_id)
    for word in ("kestrel", "yurt", "origami", "lighthouse", "marmalade", "saffron"):
        assert [h.workbook_id for h in search(db, word)] == [copy], word
    assert (
        db.execute(
            "SELECT count(*) FROM search_index WHERE workbook_id = ?", [workbook_id]
        ).fetchone()[0]
        == 0
    )


def test_a_locked_workbook_hides_every_kind(db, workbook_id):
    typed = fill(db, workbook_id)
    locks.set_pin(db, workbook_id, PIN)
    for word, _ in typed.values():
        assert search(db, word) == []
        assert search(db, word, workbook_id=workbook_id) == []
        assert len(search(db, word, unlocked={workbook_id})) == 1


def test_deleted_goal_text_leaves_the_file(db, db_path, workbook_id):
    goal = door.add_row(db, "goals", workbook_id, title="zanzibarquokka").row_id
    door.update_row(db, "goals", goal, "grow_notes", {"goal": "xylophonequetzal plans"})
    door.add_row(db, "actions", goal, title="yodelnarwhal first")
    door.delete_row(db, "goals", goal)
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    raw = db_path.read_bytes()
    wal = db_path.with_name(db_path.name + "-wal")
    raw += wal.read_bytes() if wal.exists() else b""
    for word in (b"zanzibarquokka", b"xylophonequetzal", b"yodelnarwhal"):
        assert word not in raw


@pytest.fixture
def schema10(tmp_path):
    """A file as version 10 left it: a journal entry and an example (indexed by
    migration 4's triggers), a goal with GROW notes, an action and an AI task (not)."""
    path = tmp_path / "old.sqlite3"
    old = Database(sqlite3.connect(path))
    assert migrations.apply(old, stop_at=10)[-1] == 10
    with old.atomic():
        old.execute(
            "INSERT INTO workbooks (id, name, created_at, updated_at) "
            "VALUES (1, 'Alex', '2026-01-01T00:00:00', '2026-01-01T00:00:00')"
        )
        old.execute("INSERT INTO profile (workbook_id, aim) VALUES (1, 'A saffron niche')")
        old.execute(
            "INSERT INTO journal_entries (workbook_id, kind, entry_date, body, created_at, "
            "updated_at) VALUES (1, 'reflection', '2026-01-05', 'The churn forecast', "
            "'2026-01-05T00:00:00', '2026-01-05T00:00:00')"
        )
        old.execute(
            "INSERT INTO evidence (workbook_id, strength_id, situation, created_at) "
            "VALUES (1, 'data_analysis', 'A forecast rebuilt', '2026-01-05T00:00:00')"
        )
        old.execute(
            "INSERT INTO goals (id, workbook_id, title, grow_notes) "
            "VALUES (7, 1, 'Lead', '{\"reality\": \"hazelnut numbers\"}')"
        )
        old.execute("INSERT INTO actions (goal_id, title) VALUES (7, 'Pair with walrus')")
        old.execute("INSERT INTO ai_tasks (workbook_id, name) VALUES (1, 'Mongoose report')")
    assert [h.kind for h in search(old, "hazelnut")] == []
    old.conn.close()
    return path


def test_a_schema_10_file_keeps_its_hits_and_gains_the_others(schema10):
    db = open_database(schema10)  # migrates, after a backup
    assert db.execute("PRAGMA user_version").fetchone()[0] == migrations.SCHEMA_VERSION == 11
    assert {h.kind for h in search(db, "forecast")} == {"journal", "evidence"}
    for word, kind in (
        ("hazelnut", "goal"),
        ("walrus", "action"),
        ("mongoose", "task"),
        ("saffron", "profile"),
    ):
        assert [h.kind for h in search(db, word)] == [kind], word
    triggers = {
        name for (name,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")
    }
    assert {f"search_{t}_{w}" for t in KINDS.values() for w in ("ai", "ad", "au")} == triggers
    # The triggers the migration made keep the index in step from then on.
    door.update_row(db, "goals", 7, "title", "Lead the pangolin review")
    assert [h.row_id for h in search(db, "pangolin")] == [7]
    db.close()


def test_the_words_around_a_hit_keep_a_rows_boxes_apart(db, workbook_id):
    """A goal's title, measure and GROW notes are one indexed text: " · " between them,
    the empty ones left out, so the words around a hit read as the boxes they are."""
    goal = door.add_row(db, "goals", workbook_id, title="Own the forecast").row_id
    door.update_row(db, "goals", goal, "measure", "Karim agrees")
    door.update_row(db, "goals", goal, "grow_notes", {"goal": " ", "will": "Ask Lina"})
    [hit] = search(db, "karim")
    assert hit.snippet == "Own the forecast · [Karim] agrees · Ask Lina"
    assert [h.kind for h in search(db, "forecast karim")] == ["goal"]  # still one text


def test_a_situation_answer_is_indexed_only_when_written_in_words(db, workbook_id):
    """Of the situation's answers only the one asked in words is text; removing any other
    answer leaves it found."""
    door.set_context_answer(db, workbook_id, "manager_value_proposition", "quokka bridges")
    door.set_context_answer(db, workbook_id, "ai_adoption", "growing")
    assert [h.kind for h in search(db, "quokka")] == ["context"]
    assert search(db, "growing") == []
    db.execute(
        "DELETE FROM context_answers WHERE workbook_id = ? AND question_id = 'ai_adoption'",
        [workbook_id],
    )
    assert [h.kind for h in search(db, "quokka")] == ["context"]
    door.set_context_answer(db, workbook_id, "manager_value_proposition", "")
    assert search(db, "quokka") == []


def test_feedback_is_found_by_who_gave_it(db, workbook_id):
    door.add_journal_entry(
        db, workbook_id, "feedback", "Clear and calm in the review", source="Wombat Jones"
    )
    [hit] = search(db, "wombat")
    assert hit.kind == "journal" and "[Wombat] Jones" in hit.snippet
