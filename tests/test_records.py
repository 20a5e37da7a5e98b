"""Answers and lists of entries (workbook.records), through a real database.

Every edit is read back with `load_workbook_data`, the way the analysis and the
exports see it; every refused edit must leave the file exactly as it was.
"""

from datetime import date, datetime

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from workbook.content import load_content
from workbook.data import load_workbook_data
from workbook.door import (
    add_own_strength,
    add_row,
    create_workbook,
    delete_row,
    move_row,
    record_checkin,
    set_answer,
    unique_name,
    update_row,
)
from workbook.errors import InvalidEdit, NotFound
from workbook.history import History
from workbook.registry import MAX_HOURS

CONTENT = load_content()
STRENGTHS = list(CONTENT.strengths)
PREFERENCES = list(CONTENT.preferences)
PATHS = list(CONTENT.paths)
CHOICE = next(q for q in CONTENT.context.values() if q.kind == "choice")
TEXT_QUESTION = next(q for q in CONTENT.context.values() if q.kind == "text")
SCALE_TOPS = {"proficiency": 5, "energy": 5, "edge": 4}
GAUGES = ("resources", "liking", "confidence", "coherence")


def dump(db):
    """Every row of every table, to compare a file before and after an edit."""
    tables = [
        name
        for (name,) in db.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
        )
    ]
    return {table: sorted(map(tuple, db.execute(f"SELECT * FROM {table}"))) for table in tables}


def refused(db, call, *args, **kwargs) -> str:
    """Run an edit that must be refused; check nothing changed; return its message."""
    before = dump(db)
    with pytest.raises(InvalidEdit) as error:
        call(db, *args, **kwargs)
    assert dump(db) == before
    return error.value.message


def data(db, wid):
    return load_workbook_data(db, wid)


def rate(db, wid, strength, scale, value):
    return set_answer(db, "strength_ratings", wid, strength, scale, value)


# ---- strength ratings ----------------------------------------------------------------------


def test_ratings_are_stored_per_strength_and_scale(db, workbook_id):
    rate(db, workbook_id, "mentoring", "proficiency", 4)
    rate(db, workbook_id, "mentoring", "energy", 5)
    rate(db, workbook_id, "mentoring", "edge", 3)
    rate(db, workbook_id, "mentoring", "overuse_note", "I take over their problems.")
    rate(db, workbook_id, STRENGTHS[0], "edge", 1)
    ratings = data(db, workbook_id).ratings
    assert ratings["mentoring"].proficiency == 4
    assert ratings["mentoring"].energy == 5
    assert ratings["mentoring"].edge == 3
    assert ratings["mentoring"].overuse_note == "I take over their problems."
    assert (ratings[STRENGTHS[0]].proficiency, ratings[STRENGTHS[0]].edge) == (None, 1)
    rate(db, workbook_id, "mentoring", "energy", None)  # cleared: "not rated yet"
    assert data(db, workbook_id).ratings["mentoring"].energy is None


def test_every_level_of_every_scale_is_accepted(db, workbook_id):
    for scale, top in SCALE_TOPS.items():
        for value in range(1, top + 1):
            change = rate(db, workbook_id, "mentoring", scale, value)
            assert (change.kind, change.key, change.field, change.after) == (
                "field",
                "mentoring",
                scale,
                value,
            )
            assert getattr(data(db, workbook_id).ratings["mentoring"], scale) == value


@pytest.mark.parametrize(
    ("scale", "value", "message"),
    [
        ("proficiency", 0, "Proficiency must be from 1 to 5."),
        ("proficiency", 6, "Proficiency must be from 1 to 5."),
        ("energy", -1, "Energy must be from 1 to 5."),
        ("edge", 5, "Edge must be from 1 to 4."),
        ("edge", 0, "Edge must be from 1 to 4."),
        ("proficiency", 2.5, "Proficiency must be a whole number from 1 to 5."),
        ("energy", "3", "Energy must be a whole number from 1 to 5."),
        ("edge", True, "Edge must be a whole number from 1 to 4."),
        ("rank", 0, "A rank must be from 1 to 999."),
    ],
)
def test_a_rating_out_of_range_is_refused_in_plain_words(db, workbook_id, scale, value, message):
    rate(db, workbook_id, "mentoring", scale, 2 if scale != "rank" else 1)
    assert refused(db, rate, workbook_id, "mentoring", scale, value) == message


@pytest.mark.parametrize("strength", ["telepathy", "", None, "custom_1", "Mentoring", 7])
def test_a_rating_for_a_strength_the_workbook_does_not_know_is_refused(db, workbook_id, strength):
    message = refused(db, rate, workbook_id, strength, "proficiency", 3)
    assert "knows about" in message or "needs to say what it is about" in message
    assert data(db, workbook_id).ratings == {}


def test_a_field_that_does_not_exist_is_refused(db, workbook_id):
    message = refused(db, rate, workbook_id, "mentoring", "strength_id", "other")
    assert message == "There is no field called 'strength_id' here."
    assert refused(db, set_answer, "ratings", workbook_id, "mentoring", "energy", 3) == (
        "There is no list or answer called 'ratings'."
    )


def test_a_missing_workbook_is_named(db):
    with pytest.raises(NotFound, match="999"):
        rate(db, 999, "mentoring", "proficiency", 3)


def test_a_custom_strength_is_added_then_rated(db, workbook_id):
    change = add_own_strength(db, workbook_id, "Calm in a crisis", "Others steady around me.")
    assert (change.kind, change.key, change.after["custom_name"]) == (
        "added",
        "custom_1",
        "Calm in a crisis",
    )
    rate(db, workbook_id, "custom_1", "proficiency", 4)
    rate(db, workbook_id, "custom_1", "edge", 4)
    rating = data(db, workbook_id).ratings["custom_1"]
    assert (rating.custom_name, rating.custom_description) == (
        "Calm in a crisis",
        "Others steady around me.",
    )
    assert (rating.proficiency, rating.energy, rating.edge) == (4, None, 4)
    assert add_own_strength(db, workbook_id, "Patience").key == "custom_2"


@pytest.mark.parametrize("again", ["Calm", "calm", "  CALM  ", "Élan", "ÉLAN", "élan"])
def test_a_custom_strength_name_is_used_once_ignoring_case(db, workbook_id, again):
    add_own_strength(db, workbook_id, "Calm")
    add_own_strength(db, workbook_id, "élan")
    message = refused(db, add_own_strength, workbook_id, again)
    assert message.startswith("You already have a strength called")
    other = create_workbook(db, "Someone else").workbook_id
    assert add_own_strength(db, other, again).key == "custom_1"  # each workbook its own


def test_a_custom_strength_needs_a_name(db, workbook_id):
    assert refused(db, add_own_strength, workbook_id, "   ") == "Give your strength a name."


def test_renaming_a_custom_strength_keeps_names_unique(db, workbook_id):
    add_own_strength(db, workbook_id, "Calm")
    add_own_strength(db, workbook_id, "Patience")
    message = refused(db, rate, workbook_id, "custom_2", "custom_name", "CALM")
    assert message == "You already have a strength called 'CALM'."
    assert refused(db, rate, workbook_id, "custom_2", "custom_name", " ") == (
        "Give your strength a name."
    )
    rate(db, workbook_id, "custom_2", "custom_name", "patience")  # its own name, recased
    rate(db, workbook_id, "custom_1", "custom_name", "Calm under pressure")
    names = {sid: r.custom_name for sid, r in data(db, workbook_id).ratings.items()}
    assert names == {"custom_1": "Calm under pressure", "custom_2": "patience"}


def test_a_catalogue_strength_cannot_be_renamed(db, workbook_id):
    message = refused(db, rate, workbook_id, "mentoring", "custom_name", "Coaching")
    assert message == "Only a strength you added yourself can be renamed or described."


def test_another_workbooks_custom_strength_is_not_known_here(db, workbook_id):
    other = create_workbook(db, "Someone else").workbook_id
    add_own_strength(db, other, "Calm")
    refused(db, rate, workbook_id, "custom_1", "proficiency", 3)


# ---- preferences, context, futures, the edge statement ---------------------------------------


def test_preferences_are_agreement_from_1_to_5(db, workbook_id):
    for value, preference in zip((1, 3, 5), PREFERENCES, strict=False):
        set_answer(db, "preference_answers", workbook_id, preference, "agreement", value)
    assert data(db, workbook_id).preferences == dict(zip(PREFERENCES, (1, 3, 5), strict=False))
    for bad in (0, 6, 4.5, "agree"):
        refused(db, set_answer, "preference_answers", workbook_id, PREFERENCES[0], "agreement", bad)
    refused(db, set_answer, "preference_answers", workbook_id, "likes_cats", "agreement", 3)
    set_answer(db, "preference_answers", workbook_id, PREFERENCES[0], "agreement", None)
    assert PREFERENCES[0] not in data(db, workbook_id).preferences  # "not answered" again


def test_values_are_put_in_order_whole_and_refused_whole(db, workbook_id):
    from workbook import door

    order = list(load_content().values)
    door.rank_values(db, workbook_id, order)
    assert data(db, workbook_id).values == {value: n for n, value in enumerate(order, start=1)}
    for bad in (["mastery", "mastery"], ["mastery", "fame"], "mastery", [3]):
        message = refused(db, door.rank_values, workbook_id, bad)
        assert message.endswith(".")
    door.rank_values(db, workbook_id, [])
    assert data(db, workbook_id).values == {}  # no order any more: nothing counts


def test_feedback_links_name_strengths_only(db, workbook_id):
    from workbook import door

    entry = door.add_journal_entry(db, workbook_id, "feedback", "Thanks!", private=False)
    door.journal.update(db, entry.row_id, "links", ["strength:mentoring"])
    assert data(db, workbook_id).journal[0].links == ("strength:mentoring",)
    for bad in (["path:manager"], ["task:1"], "strength:mentoring", [3]):
        refused(db, door.journal.update, entry.row_id, "links", bad)


def test_a_choice_question_takes_one_of_its_options(db, workbook_id):
    option = CHOICE.options[0][0]
    set_answer(db, "context_answers", workbook_id, CHOICE.id, "answer", option)
    assert data(db, workbook_id).context == {CHOICE.id: option}
    label = CHOICE.options[0][1]
    message = refused(db, set_answer, "context_answers", workbook_id, CHOICE.id, "answer", label)
    assert message == (
        f"{label!r} is not one of the answers to this question: "
        + ", ".join(option for option, _ in CHOICE.options)
        + "."
    )
    set_answer(db, "context_answers", workbook_id, CHOICE.id, "answer", "")
    assert data(db, workbook_id).context == {}  # an empty answer counts as unanswered


def test_a_text_question_takes_any_text(db, workbook_id):
    text = "I know the customer data better than anyone.\nAnd I grow juniors."
    set_answer(db, "context_answers", workbook_id, TEXT_QUESTION.id, "answer", text)
    assert data(db, workbook_id).context == {TEXT_QUESTION.id: text}
    refused(db, set_answer, "context_answers", workbook_id, "office_plants", "answer", "yes")
    refused(db, set_answer, "context_answers", workbook_id, TEXT_QUESTION.id, "answer", 42)


def test_futures_have_text_and_four_gauges_from_1_to_5(db, workbook_id):
    path = PATHS[0]
    set_answer(db, "futures", workbook_id, path, "title", "Principal analyst")
    set_answer(db, "futures", workbook_id, path, "story", "Five years on, I ...")
    for value, gauge in enumerate(GAUGES, start=1):
        set_answer(db, "futures", workbook_id, path, gauge, value + 1)
    future = data(db, workbook_id).futures[path]
    assert (future.title, future.story) == ("Principal analyst", "Five years on, I ...")
    assert [getattr(future, g) for g in GAUGES] == [2, 3, 4, 5]
    for gauge in GAUGES:
        for bad in (0, 6, 2.5):
            message = refused(db, set_answer, "futures", workbook_id, path, gauge, bad)
            assert message.startswith("A gauge must be")
    refused(db, set_answer, "futures", workbook_id, "astronaut", "title", "Moon")


def test_the_edge_statement_is_one_answer_with_no_key(db, workbook_id):
    change = set_answer(db, "edge_notes", workbook_id, None, "edge_statement", "I turn data into")
    assert change.key is None
    set_answer(db, "edge_notes", workbook_id, None, "edge_statement", "I turn messy data into")
    assert data(db, workbook_id).edge_statement == "I turn messy data into"
    assert db.execute("SELECT count(*) FROM edge_notes").fetchone()[0] == 1
    message = refused(db, set_answer, "edge_notes", workbook_id, None, "edge_statement", 5)
    assert message == "This answer must be text."


# ---- lists of entries ----------------------------------------------------------------------


def test_evidence_is_added_updated_and_deleted(db, workbook_id):
    change = add_row(db, "evidence", workbook_id, strength_id="mentoring", situation="A new hire")
    assert change.kind == "added" and change.row_id
    update_row(db, "evidence", change.row_id, "result", "She runs analyses alone now.")
    [evidence] = data(db, workbook_id).evidence
    assert (evidence.strength_id, evidence.situation, evidence.result) == (
        "mentoring",
        "A new hire",
        "She runs analyses alone now.",
    )
    assert evidence.created_at
    assert refused(db, add_row, "evidence", workbook_id, situation="x") == (
        "A new entry needs strength_id."
    )
    refused(db, update_row, "evidence", change.row_id, "strength_id", "")
    refused(db, update_row, "evidence", change.row_id, "strength_id", "Not An Id")
    assert refused(db, move_row, "evidence", change.row_id, 0) == "This list keeps no order."
    deleted = delete_row(db, "evidence", change.row_id)
    assert deleted.before["row"]["situation"] == "A new hire"
    assert data(db, workbook_id).evidence == ()
    with pytest.raises(NotFound):
        delete_row(db, "evidence", change.row_id)
    with pytest.raises(NotFound):
        update_row(db, "evidence", change.row_id, "result", "again")


def test_a_journal_entry_is_dated_today_and_private_unless_told(db, workbook_id):
    add_row(db, "journal_entries", workbook_id, kind="reflection", body="A good day.")
    add_row(
        db,
        "journal_entries",
        workbook_id,
        kind="feedback",
        body="Clear write-up.",
        entry_date="2026-02-28",
        private=False,
        energy_level=4,
        source="my manager",
    )
    feedback, reflection = data(db, workbook_id).journal  # ordered by date
    assert (reflection.entry_date, reflection.private) == (date.today().isoformat(), True)
    assert (feedback.entry_date, feedback.private) == ("2026-02-28", False)
    assert (feedback.energy_level, feedback.source) == (4, "my manager")
    update_row(db, "journal_entries", reflection.id, "private", 0)
    assert not data(db, workbook_id).journal[1].private


@pytest.mark.parametrize(
    "bad",
    [
        {"entry_date": "2026-02-30"},
        {"entry_date": "30/01/2026"},
        {"kind": "diary"},
        {"kind": None},
        {"private": 2},
        {"private": "yes"},
        {"energy_level": 0},
        {"prompt_id": "Not an id"},
    ],
    ids=lambda bad: "-".join(f"{k}={v}" for k, v in bad.items()),
)
def test_a_journal_entry_with_a_bad_value_is_refused(db, workbook_id, bad):
    values = {"kind": "reflection", "body": "text", **bad}
    message = refused(db, add_row, "journal_entries", workbook_id, **values)
    if "entry_date" in bad:
        assert message == "The entry's date must be a date written as YYYY-MM-DD."
    row = add_row(db, "journal_entries", workbook_id, kind="reflection").row_id
    [(field, value)] = bad.items()
    refused(db, update_row, "journal_entries", row, field, value)


def test_a_journal_date_may_be_a_date_but_not_cleared(db, workbook_id):
    row = add_row(
        db, "journal_entries", workbook_id, kind="energy", entry_date=date(2026, 1, 5)
    ).row_id
    update_row(db, "journal_entries", row, "entry_date", datetime(2026, 1, 6, 14, 30))
    assert data(db, workbook_id).journal[0].entry_date == "2026-01-06"  # no time of day
    assert refused(db, update_row, "journal_entries", row, "entry_date", None) == (
        "entry_date cannot be left empty."
    )
    refused(db, update_row, "journal_entries", row, "entry_date", "")


def test_ai_tasks_keep_hours_shares_and_stakes_in_range(db, workbook_id):
    first = add_row(
        db,
        "ai_tasks",
        workbook_id,
        name="Weekly report",
        hours_per_week=MAX_HOURS,
        ai_share=0.6,
        mode="automate",
        stakes="high",
        review_hours=1.5,
    ).row_id
    second = add_row(db, "ai_tasks", workbook_id, name="One-to-ones", hours_per_week=0).row_id
    first_task, second_task = data(db, workbook_id).tasks
    assert (first_task.hours_per_week, first_task.ai_share, first_task.stakes) == (80, 0.6, "high")
    assert (second_task.ai_share, second_task.mode, second_task.stakes) == (None, None, "")
    assert (first_task.position, second_task.position) == (0, 1)
    for field, bad in [
        ("hours_per_week", -1),
        ("hours_per_week", MAX_HOURS + 0.5),
        ("hours_per_week", "ten"),
        ("hours_per_week", float("nan")),
        ("ai_share", 1.01),
        ("ai_share", -0.1),
        ("stakes", "extreme"),
        ("mode", "delegate"),
        ("review_hours", 81),
        ("agency", 6),
        ("position", None),
    ]:
        refused(db, update_row, "ai_tasks", first, field, bad)
        if field != "position":
            refused(db, add_row, "ai_tasks", workbook_id, **{field: bad})
    assert "from 0 to 80" in refused(db, update_row, "ai_tasks", first, "hours_per_week", 90)
    assert "from 0 to 1" in refused(db, update_row, "ai_tasks", first, "ai_share", 2)
    update_row(db, "ai_tasks", second, "ai_share", 1)
    update_row(db, "ai_tasks", second, "stakes", "low")
    move_row(db, "ai_tasks", second, 0)
    assert [t.id for t in data(db, workbook_id).tasks] == [second, first]


def test_a_goals_actions_belong_to_it_and_go_with_it(db, workbook_id):
    goal = add_row(db, "goals", workbook_id, title="Lead the churn model", commitment=8).row_id
    other = add_row(db, "goals", workbook_id, title="Speak at a meetup").row_id
    first = add_row(db, "actions", goal, title="Pair with Dana", kind="others").row_id
    second = add_row(db, "actions", goal, title="Take the course", kind="formal").row_id
    add_row(db, "actions", other, title="Submit a talk", kind="experience")
    update_row(db, "goals", goal, "links", ["strength:data_analysis", "path:specialist"])
    update_row(db, "actions", first, "status", "done")
    move_row(db, "actions", second, 0)

    lead, speak = data(db, workbook_id).goals
    assert (lead.title, lead.commitment) == ("Lead the churn model", 8)
    assert lead.links == ("strength:data_analysis", "path:specialist")
    assert [(a.title, a.status) for a in lead.actions] == [
        ("Take the course", "planned"),
        ("Pair with Dana", "done"),
    ]
    assert all(a.goal_id == goal for a in lead.actions)
    assert [a.title for a in speak.actions] == ["Submit a talk"]

    refused(db, update_row, "actions", first, "status", "maybe")
    refused(db, update_row, "actions", first, "kind", "reading")
    refused(db, update_row, "goals", goal, "commitment", 11)
    refused(db, update_row, "goals", goal, "links", "strength:data_analysis")
    refused(db, update_row, "goals", goal, "target_date", "soon")
    with pytest.raises(NotFound):
        add_row(db, "actions", 9999, title="An action for no goal")

    delete_row(db, "goals", goal)
    assert [g.title for g in data(db, workbook_id).goals] == ["Speak at a meetup"]
    assert db.execute("SELECT count(*) FROM actions WHERE goal_id = ?", [goal]).fetchone()[0] == 0
    assert db.execute("SELECT count(*) FROM actions").fetchone()[0] == 1


def test_milestones_fall_on_day_30_60_or_90(db, workbook_id):
    for day in (90, 30, 60):
        add_row(db, "milestones", workbook_id, day=day, text=f"By day {day}")
    milestones = data(db, workbook_id).milestones
    assert [m.day for m in milestones] == [30, 60, 90]
    update_row(db, "milestones", milestones[0].id, "done", True)
    assert data(db, workbook_id).milestones[0].done is True
    for bad in (45, 0, "30", None):
        refused(db, add_row, "milestones", workbook_id, day=bad, text="x")
        refused(db, update_row, "milestones", milestones[0].id, "day", bad)
    assert refused(db, add_row, "milestones", workbook_id, text="no day") == (
        "A new entry needs day."
    )


def test_support_requests_say_whom_they_are_for(db, workbook_id):
    add_row(db, "support_requests", workbook_id, request="Time for the course")
    add_row(db, "support_requests", workbook_id, source="mentor", request="Review my talk")
    assert [(s.source, s.request) for s in data(db, workbook_id).support] == [
        ("manager", "Time for the course"),
        ("mentor", "Review my talk"),
    ]
    refused(db, add_row, "support_requests", workbook_id, source="boss", request="x")


def test_conversation_questions_keep_their_order(db, workbook_id):
    library = next(iter(CONTENT.questions.values()))
    first = add_row(
        db, "conversation_questions", workbook_id, library_id=library.id, text=library.text
    ).row_id
    second = add_row(db, "conversation_questions", workbook_id, text="My own question?").row_id
    third = add_row(db, "conversation_questions", workbook_id, text="And another?").row_id
    move_row(db, "conversation_questions", third, 0)
    move_row(db, "conversation_questions", first, 99)  # past the end: last
    questions = data(db, workbook_id).questions
    assert [q.id for q in questions] == [third, second, first]
    assert (questions[2].library_id, questions[2].text) == (library.id, library.text)
    positions = db.execute(
        "SELECT position FROM conversation_questions ORDER BY position"
    ).fetchall()
    assert [p for (p,) in positions] == [0, 1, 2]


def test_a_list_that_does_not_exist_is_refused(db, workbook_id):
    assert refused(db, add_row, "wishes", workbook_id, text="x") == (
        "There is no list or answer called 'wishes'."
    )
    refused(db, add_row, "evidence", workbook_id, strength_id="mentoring", workbook_id=2)


# ---- reinvesting the hours AI frees --------------------------------------------------------


@pytest.fixture
def four_hours_freed(db, workbook_id):
    """10 h a week, half of it done by AI, 1 h of review: 4 h freed."""
    add_row(
        db,
        "ai_tasks",
        workbook_id,
        name="Reports",
        hours_per_week=10,
        ai_share=0.5,
        mode="automate",
        review_hours=1,
    )
    add_row(db, "ai_tasks", workbook_id, name="Coaching", hours_per_week=6, mode="keep_human")
    return 4.0


def test_reinvestments_may_use_the_hours_freed_and_no_more(db, workbook_id, four_hours_freed):
    first = add_row(
        db, "reinvestments", workbook_id, hours=3, target_kind="strength", target_id="mentoring"
    ).row_id
    message = refused(db, add_row, "reinvestments", workbook_id, hours=1.5)
    assert message == (
        "Your plan frees 4.0 h a week and 3.0 h are already given a place, "
        "so at most 1.0 h can go here."
    )
    second = add_row(db, "reinvestments", workbook_id, hours=1).row_id  # exactly all of it
    assert sum(r.hours for r in data(db, workbook_id).reinvestments) == four_hours_freed

    message = refused(db, update_row, "reinvestments", second, "hours", 1.5)
    assert message == (
        "Your plan frees 4.0 h a week and 3.0 h are already given a place, "
        "so at most 1.0 h can go here."
    )
    message = refused(db, update_row, "reinvestments", first, "hours", 3.5)
    assert "frees 4.0 h" in message and "at most 3.0 h" in message
    update_row(db, "reinvestments", first, "hours", 2)  # less is always fine
    update_row(db, "reinvestments", second, "hours", 2)
    assert [r.hours for r in data(db, workbook_id).reinvestments] == [2, 2]
    refused(db, add_row, "reinvestments", workbook_id, hours=1, target_kind="hobby")


def test_with_no_hours_freed_nothing_can_be_reinvested(db, workbook_id):
    message = refused(db, add_row, "reinvestments", workbook_id, hours=0.5)
    assert "frees 0.0 h" in message and "at most 0.0 h" in message


# ---- check-ins -----------------------------------------------------------------------------


def test_a_checkin_is_a_journal_entry_and_a_snapshot(db, workbook_id):
    rate(db, workbook_id, "mentoring", "proficiency", 4)
    rate(db, workbook_id, "mentoring", "energy", 5)
    change = record_checkin(db, workbook_id, "Three months in.", "2026-03-01")
    workbook = data(db, workbook_id)
    [entry] = workbook.journal
    assert entry.id == change.row_id
    assert (entry.kind, entry.body, entry.entry_date, entry.private) == (
        "checkin",
        "Three months in.",
        "2026-03-01",
        False,
    )
    [snapshot] = workbook.snapshots
    assert snapshot.taken_at.startswith("2026-03-01T")
    assert snapshot.data["ratings"]["mentoring"] == [4, 5, None, None]
    assert set(snapshot.data["scores"]) == set(PATHS)

    record_checkin(db, workbook_id, "Today.")
    assert data(db, workbook_id).snapshots[-1].taken_at.startswith(date.today().isoformat())


def test_a_checkin_with_a_bad_date_writes_nothing(db, workbook_id):
    message = refused(db, record_checkin, workbook_id, "Oops.", "2026-02-30")
    assert message == "The entry's date must be a date written as YYYY-MM-DD."


# ---- everything read back ------------------------------------------------------------------


def test_load_workbook_data_returns_what_was_written(db, workbook_id):
    add_own_strength(db, workbook_id, "Calm")
    rate(db, workbook_id, "custom_1", "energy", 3)
    rate(db, workbook_id, "mentoring", "rank", 1)
    set_answer(db, "preference_answers", workbook_id, PREFERENCES[1], "agreement", 2)
    set_answer(db, "context_answers", workbook_id, CHOICE.id, "answer", CHOICE.options[-1][0])
    set_answer(db, "futures", workbook_id, PATHS[-1], "prototype", "Shadow an orchestrator")
    set_answer(db, "edge_notes", workbook_id, None, "edge_statement", "My edge")
    add_row(db, "evidence", workbook_id, strength_id="custom_1", action="Stayed calm")
    add_row(db, "ai_tasks", workbook_id, name="Drafts", hours_per_week=5, ai_share=0.4)
    goal = add_row(db, "goals", workbook_id, title="Goal", target_date="2026-12-31").row_id
    add_row(db, "actions", goal, title="Act", due_date=date(2026, 6, 1))
    add_row(db, "milestones", workbook_id, day=60, text="Halfway")
    add_row(db, "support_requests", workbook_id, source="hr", request="A mentor")
    add_row(db, "conversation_questions", workbook_id, text="What next?")

    loaded = data(db, workbook_id)
    assert loaded.name == "Alex"
    assert loaded.ratings["custom_1"].energy == 3
    assert loaded.ratings["mentoring"].rank == 1
    assert loaded.preferences == {PREFERENCES[1]: 2}
    assert loaded.context == {CHOICE.id: CHOICE.options[-1][0]}
    assert loaded.futures[PATHS[-1]].prototype == "Shadow an orchestrator"
    assert loaded.edge_statement == "My edge"
    assert [e.action for e in loaded.evidence_for("custom_1")] == ["Stayed calm"]
    assert [(t.name, t.hours_per_week, t.ai_share) for t in loaded.tasks] == [("Drafts", 5, 0.4)]
    [g] = loaded.goals
    assert (g.title, g.target_date, [(a.title, a.due_date) for a in g.actions]) == (
        "Goal",
        "2026-12-31",
        [("Act", "2026-06-01")],
    )
    assert [(m.day, m.text) for m in loaded.milestones] == [(60, "Halfway")]
    assert [(s.source, s.request) for s in loaded.support] == [("hr", "A mentor")]
    assert [q.text for q in loaded.questions] == ["What next?"]
    other = create_workbook(db, "Someone else").workbook_id
    empty = data(db, other)
    assert (empty.ratings, empty.goals, empty.tasks, empty.edge_statement) == ({}, (), (), "")


# ---- undo and redo -------------------------------------------------------------------------


def test_a_rating_change_is_undone_and_redone(db, workbook_id):
    history = History()
    history.record(rate(db, workbook_id, "mentoring", "proficiency", 2))
    history.record(rate(db, workbook_id, "mentoring", "proficiency", 5))
    history.undo(db, workbook_id)
    assert data(db, workbook_id).ratings["mentoring"].proficiency == 2
    history.undo(db, workbook_id)
    assert data(db, workbook_id).ratings["mentoring"].proficiency is None
    assert not history.can_undo(workbook_id)
    history.redo(db, workbook_id)
    history.redo(db, workbook_id)
    assert data(db, workbook_id).ratings["mentoring"].proficiency == 5
    assert not history.can_redo(workbook_id)


def test_a_row_field_change_is_undone_and_redone(db, workbook_id):
    history = History()
    added = add_row(db, "ai_tasks", workbook_id, name="Reports", hours_per_week=6)
    history.record(added)  # undo would delete it again
    assert history.can_undo(workbook_id)
    history.record(update_row(db, "ai_tasks", added.row_id, "hours_per_week", 9))
    history.record(update_row(db, "ai_tasks", added.row_id, "name", "Monthly reports"))
    history.undo(db, workbook_id)
    history.undo(db, workbook_id)
    [task] = data(db, workbook_id).tasks
    assert (task.name, task.hours_per_week) == ("Reports", 6)
    history.redo(db, workbook_id)
    [task] = data(db, workbook_id).tasks
    assert (task.name, task.hours_per_week) == ("Reports", 9)


def test_undoing_the_edge_statement_and_a_journal_date(db, workbook_id):
    history = History()
    history.record(set_answer(db, "edge_notes", workbook_id, None, "edge_statement", "First"))
    row = add_row(db, "journal_entries", workbook_id, kind="reflection", entry_date="2026-01-01")
    history.record(update_row(db, "journal_entries", row.row_id, "entry_date", "2026-01-02"))
    history.undo(db, workbook_id)
    history.undo(db, workbook_id)
    loaded = data(db, workbook_id)
    assert (loaded.edge_statement, loaded.journal[0].entry_date) == ("", "2026-01-01")


# ---- refused edits change nothing ----------------------------------------------------------


@pytest.fixture
def filled(db, workbook_id):
    """A workbook with something in every list, so a refusal has something to spoil."""
    rate(db, workbook_id, "mentoring", "proficiency", 3)
    add_own_strength(db, workbook_id, "Calm")
    set_answer(db, "futures", workbook_id, PATHS[0], "liking", 4)
    ids = {
        "task": add_row(
            db, "ai_tasks", workbook_id, name="T", hours_per_week=4, ai_share=0.5
        ).row_id,
        "goal": add_row(db, "goals", workbook_id, title="G").row_id,
        "entry": add_row(db, "journal_entries", workbook_id, kind="reflection").row_id,
        "milestone": add_row(db, "milestones", workbook_id, day=30).row_id,
    }
    ids["action"] = add_row(db, "actions", ids["goal"], title="A").row_id
    ids["reinvestment"] = add_row(db, "reinvestments", workbook_id, hours=2).row_id
    return workbook_id, ids


REFUSALS = {
    "rating-too-high": lambda db, w, i: rate(db, w, "mentoring", "proficiency", 9),
    "unknown-strength": lambda db, w, i: rate(db, w, "telepathy", "energy", 3),
    "duplicate-custom": lambda db, w, i: add_own_strength(db, w, "CALM"),
    "rename-catalogue": lambda db, w, i: rate(db, w, "mentoring", "custom_name", "X"),
    "gauge-zero": lambda db, w, i: set_answer(db, "futures", w, PATHS[0], "liking", 0),
    "not-an-option": lambda db, w, i: set_answer(
        db, "context_answers", w, CHOICE.id, "answer", "banana"
    ),
    "edge-note-not-text": lambda db, w, i: set_answer(
        db, "edge_notes", w, None, "edge_statement", []
    ),
    "bad-date": lambda db, w, i: update_row(
        db, "journal_entries", i["entry"], "entry_date", "2026-02-30"
    ),
    "cleared-date": lambda db, w, i: update_row(
        db, "journal_entries", i["entry"], "entry_date", None
    ),
    "hours-81": lambda db, w, i: update_row(db, "ai_tasks", i["task"], "hours_per_week", 81),
    "share-1.5": lambda db, w, i: add_row(db, "ai_tasks", w, name="X", ai_share=1.5),
    "cleared-position": lambda db, w, i: update_row(db, "goals", i["goal"], "position", None),
    "action-status": lambda db, w, i: update_row(db, "actions", i["action"], "status", "?"),
    "day-45": lambda db, w, i: update_row(db, "milestones", i["milestone"], "day", 45),
    "reinvest-too-much": lambda db, w, i: add_row(db, "reinvestments", w, hours=0.5),
    "reinvest-update": lambda db, w, i: update_row(
        db, "reinvestments", i["reinvestment"], "hours", 2.5
    ),
    "unknown-field": lambda db, w, i: update_row(db, "goals", i["goal"], "workbook_id", w),
    "checkin-bad-date": lambda db, w, i: record_checkin(db, w, "x", "2026-13-01"),
}


@pytest.mark.parametrize("edit", REFUSALS.values(), ids=REFUSALS.keys())
def test_every_refused_edit_leaves_the_database_unchanged(db, filled, edit):
    workbook_id, ids = filled
    before = dump(db)
    with pytest.raises(InvalidEdit) as error:
        edit(db, workbook_id, ids)
    assert dump(db) == before
    message = error.value.message
    assert message and "\n" not in message
    assert not any(word in message for word in ("Traceback", "sqlite", "SELECT", "NULL"))


# ---- property: the last rating set is the one read back ------------------------------------

SCALES = st.sampled_from(sorted(SCALE_TOPS))
RATING_EDIT = st.tuples(st.sampled_from(STRENGTHS[:5]), SCALES).flatmap(
    lambda key: st.tuples(
        st.just(key[0]),
        st.just(key[1]),
        st.none() | st.integers(1, SCALE_TOPS[key[1]]),
    )
)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(edits=st.lists(RATING_EDIT, max_size=25))
def test_the_last_rating_set_is_the_one_read_back(db, edits):
    wid = create_workbook(db, unique_name(db, "Property")).workbook_id
    expected: dict[tuple[str, str], int | None] = {}
    for strength, scale, value in edits:
        rate(db, wid, strength, scale, value)
        expected[(strength, scale)] = value
    ratings = load_workbook_data(db, wid).ratings
    assert set(ratings) == {strength for strength, _ in expected}
    for strength, rating in ratings.items():
        for scale in SCALE_TOPS:
            assert getattr(rating, scale) == expected.get((strength, scale)), (strength, scale)
