"""Undo and redo of every kind of change: fields, rows added, deleted and moved, and groups."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.test_records import dump
from workbook import door
from workbook.content import load_content
from workbook.history import History, label

STRENGTHS = list(load_content().strengths)[:3]


def content_rows(db):
    """Every row a person's work is in (not the time stamps a change leaves behind)."""
    rows = dump(db)
    rows.pop("meta")
    rows["workbooks"] = [row[:2] for row in rows["workbooks"]]  # id and name
    # Without the stamps (created_at and updated_at, the 9th and 10th columns).
    rows["journal_entries"] = [row[:8] + row[10:] for row in rows["journal_entries"]]
    # A rating is kept in a row made on first use; a row with nothing in it is no answer.
    rows["strength_ratings"] = [
        row for row in rows["strength_ratings"] if any(v not in (None, "") for v in row[3:])
    ]
    return {table: value for table, value in rows.items() if not table.startswith("search")}


def test_a_deleted_goal_comes_back_with_its_actions_and_ids(db, workbook_id):
    history = History()
    goal = door.goals.add(db, workbook_id, title="Lead the data guild", measure="Two talks")
    first = door.actions.add(db, goal.row_id, title="Ask Karim", kind="others")
    second = door.actions.add(db, goal.row_id, title="Read a book", kind="formal")
    before = dump(db)["actions"], dump(db)["goals"]
    deleted = door.goals.delete(db, goal.row_id)
    history.record(deleted)
    assert dump(db)["actions"] == [] and label(deleted) == "delete a goal"
    history.undo(db, workbook_id)
    assert (dump(db)["actions"], dump(db)["goals"]) == before
    assert {first.row_id, second.row_id} == {row[0] for row in dump(db)["actions"]}
    history.redo(db, workbook_id)
    assert dump(db)["goals"] == [] and dump(db)["actions"] == []


def test_undoing_a_check_in_removes_its_note_and_its_snapshot(db, workbook_id):
    history = History()
    checkin = door.record_checkin(db, workbook_id, "Three months in.", "2026-03-01")
    history.record(checkin)
    assert len(dump(db)["rating_snapshots"]) == 1
    assert label(checkin) == "add a check-in"
    history.undo(db, workbook_id)
    assert dump(db)["rating_snapshots"] == [] and dump(db)["journal_entries"] == []
    history.redo(db, workbook_id)
    assert len(dump(db)["rating_snapshots"]) == 1 and len(dump(db)["journal_entries"]) == 1


def test_in_ranking_mode_a_first_rating_joins_the_ranking_in_one_step(db, workbook_id):
    def ranks():
        return {
            r[0]: r[1]
            for r in db.execute(
                "SELECT strength_id, rank FROM strength_ratings WHERE workbook_id = ?",
                [workbook_id],
            )
        }

    history = History()
    door.set_profile_field(db, workbook_id, "strength_mode", "ranking")
    first, second = STRENGTHS[:2]
    history.record(door.set_rating(db, workbook_id, first, "energy", 4))
    change = door.set_rating(db, workbook_id, second, "edge", 3)
    history.record(change)
    assert ranks() == {first: 1, second: 2}
    name = load_content().strengths[second].name
    assert label(change) == label(change.parts[0]) and name in label(change)
    again = door.set_rating(db, workbook_id, second, "energy", 2)
    assert again.kind == "field"  # ranked already: nothing more to do
    history.record(again)
    history.undo(db, workbook_id)  # the energy
    history.undo(db, workbook_id)  # the edge and the place it took, together
    assert ranks() == {first: 1, second: None}
    history.redo(db, workbook_id)
    assert ranks() == {first: 1, second: 2}
    door.set_profile_field(db, workbook_id, "strength_mode", "rating")
    door.set_rating(db, workbook_id, STRENGTHS[2], "energy", 5)
    assert ranks()[STRENGTHS[2]] is None  # rating mode: no ranking to join


def test_a_strength_of_ones_own_can_be_undone(db, workbook_id):
    history = History()
    history.record(door.add_own_strength(db, workbook_id, "Calm in a crisis"))
    history.undo(db, workbook_id)
    assert dump(db)["strength_ratings"] == []
    history.redo(db, workbook_id)
    assert [row[3] for row in dump(db)["strength_ratings"]] == ["Calm in a crisis"]


def test_labels_name_what_undo_puts_back(db, workbook_id):
    assert (
        label(door.set_profile_field(db, workbook_id, "aim", "Grow")) == "“What you want from this”"
    )
    rated = door.set_rating(db, workbook_id, "mentoring", "energy", 4)
    assert label(rated) == f"“Energy of {load_content().strengths['mentoring'].name}”"
    task = door.tasks.add(db, workbook_id, name="Reports")
    assert label(task) == "add a task"
    assert label(door.tasks.update(db, task.row_id, "hours_per_week", 3)) == "“Hours per week”"


# ---- any sequence of changes, undone, leaves the workbook as it was ---------------------------

operations = st.lists(
    st.one_of(
        st.tuples(st.just("rate"), st.sampled_from(STRENGTHS), st.integers(1, 5)),
        st.tuples(st.just("task"), st.text(max_size=5), st.floats(0, 20)),
        st.tuples(st.just("goal"), st.text(max_size=5), st.integers(0, 3)),
        st.tuples(st.just("delete"), st.integers(0, 10)),
        st.tuples(st.just("move"), st.integers(0, 10), st.integers(0, 5)),
        st.tuples(st.just("starter"), st.none()),
        st.tuples(st.just("journal"), st.text(max_size=5)),
    ),
    max_size=12,
)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(ops=operations)
def test_undoing_everything_puts_the_workbook_back_and_redo_replays_it(db, workbook_id, ops):
    door.set_profile_field(db, workbook_id, "role_family", "data")
    start = content_rows(db)
    history = History()

    def rows_of(table):
        return [
            r[0] for r in db.execute(f"SELECT id FROM {table} WHERE workbook_id = ?", [workbook_id])
        ]

    for op in ops:
        kind = op[0]
        try:
            if kind == "rate":
                change = door.set_rating(db, workbook_id, op[1], "proficiency", op[2])
            elif kind == "task":
                change = door.tasks.add(db, workbook_id, name=op[1], hours_per_week=op[2])
            elif kind == "goal":
                goal = door.goals.add(db, workbook_id, title=op[1])
                history.record(goal)
                for n in range(op[2]):
                    history.record(door.actions.add(db, goal.row_id, title=f"step {n}"))
                continue
            elif kind == "delete":
                ids = rows_of("ai_tasks") + rows_of("goals")
                if not ids:
                    continue
                target = ids[op[1] % len(ids)]
                table = "ai_tasks" if target in rows_of("ai_tasks") else "goals"
                change = door.delete_row(db, table, target)
            elif kind == "move":
                ids = rows_of("ai_tasks")
                if not ids:
                    continue
                change = door.tasks.move(db, ids[op[1] % len(ids)], op[2])
            elif kind == "starter":
                change = door.add_starter_tasks(db, workbook_id)
            else:
                change = door.add_journal_entry(db, workbook_id, "reflection", op[1])
        except door.InvalidEdit:
            continue  # nothing to add: every starter task is already there
        history.record(change)
    end = content_rows(db)
    while history.can_undo(workbook_id):
        history.undo(db, workbook_id)
    assert content_rows(db) == start
    while history.can_redo(workbook_id):
        history.redo(db, workbook_id)
    assert content_rows(db) == end
    # Leave the database as the next example expects to find it.
    while history.can_undo(workbook_id):
        history.undo(db, workbook_id)


@pytest.mark.parametrize("table", ["evidence", "journal_entries", "milestones", "support_requests"])
def test_every_list_can_undo_an_add_and_a_delete(db, workbook_id, table):
    values = {
        "evidence": {"strength_id": "mentoring", "situation": "A new hire"},
        "journal_entries": {"kind": "feedback", "body": "Clear"},
        "milestones": {"day": 30, "text": "First month"},
        "support_requests": {"source": "mentor", "request": "An hour a month"},
    }[table]
    history = History()
    empty = dump(db)[table]
    added = door.add_row(db, table, workbook_id, **values)
    history.record(added)
    full = dump(db)[table]
    history.record(door.delete_row(db, table, added.row_id))
    assert dump(db)[table] == empty
    history.undo(db, workbook_id)
    assert dump(db)[table] == full
    history.undo(db, workbook_id)
    assert dump(db)[table] == empty


def test_the_undo_history_keeps_a_bounded_amount_of_text(db, workbook_id, monkeypatch):
    from workbook import history as history_module

    monkeypatch.setattr(history_module, "MAX_TEXT", 2_500)
    history = History()
    ids = [
        door.journal.add(db, workbook_id, kind="reflection", body="x" * 1000).row_id
        for _ in range(4)
    ]
    for row_id in ids:
        history.record(door.journal.delete(db, row_id))
    # Each deletion keeps its 1,000 characters: only the two newest fit in 2,500.
    undone = 0
    while history.can_undo(workbook_id):
        history.undo(db, workbook_id)
        undone += 1
    assert undone == 2
    assert sorted(r[0] for r in db.execute("SELECT id FROM journal_entries")) == ids[2:]


def test_putting_values_in_order_is_one_step_to_undo_and_redo(db, workbook_id):
    history = History()
    first = door.rank_values(db, workbook_id, ["mastery", "autonomy", "impact"])
    history.record(first)
    assert label(first) == "put what matters to you in order"
    again = door.rank_values(db, workbook_id, ["autonomy", "mastery"])  # impact loses its place
    history.record(again)
    assert [part.key for part in again.parts] == ["autonomy", "mastery", "impact"]
    assert again.steps == {"edge"}

    def places():
        return {
            key: rank
            for key, rank in db.execute("SELECT value_id, rank FROM value_ranks")
            if rank is not None
        }

    assert places() == {"autonomy": 1, "mastery": 2}
    history.undo(db, workbook_id)
    assert places() == {"mastery": 1, "autonomy": 2, "impact": 3}
    history.undo(db, workbook_id)
    assert places() == {}
    history.redo(db, workbook_id)
    history.redo(db, workbook_id)
    assert places() == {"autonomy": 1, "mastery": 2}
    unchanged = door.rank_values(db, workbook_id, ["autonomy", "mastery"])
    assert not unchanged.undoable  # the same order again is no step


def test_tagging_feedback_with_strengths_is_undone_like_any_field(db, workbook_id):
    history = History()
    entry = door.add_journal_entry(db, workbook_id, "feedback", "You explain well.", private=False)
    tagged = door.journal.update(db, entry.row_id, "links", ["strength:communication"])
    history.record(tagged)
    assert label(tagged) == "“Strengths it speaks to”"
    history.undo(db, workbook_id)
    assert db.execute("SELECT links FROM journal_entries").fetchone()[0] == "[]"
    history.redo(db, workbook_id)
    assert db.execute("SELECT links FROM journal_entries").fetchone()[0] == (
        '["strength:communication"]'
    )
