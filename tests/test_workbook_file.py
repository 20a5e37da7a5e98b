"""The workbook file: round trips, broken files, fuzzing, the schema and the command line."""

import copy
import dataclasses
import json
import os
import random
import stat
import time
from importlib import resources
from pathlib import Path

import jsonschema
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from benchmarks.generate import heavy_document
from ui.cli import EXIT_OK, EXIT_PROBLEM, main
from workbook import change, door, rows
from workbook import workbook_file as wf
from workbook.analysis.ai_plan import total_freed
from workbook.content import load_content
from workbook.data import load_workbook_data
from workbook.door import create_workbook, delete_workbook, set_profile_field, unique_name
from workbook.errors import WorkbookError, WorkbookFileProblem
from workbook.example import add_example
from workbook.queries import find_workbook, list_workbooks
from workbook.storage import open_database
from workbook.workbook_file import importing, reading, shapes, spec, writing

SCHEMA = json.loads(
    resources.files("resources").joinpath("schema/workbook-file.schema.json").read_text("utf-8")
)

MARKUP = '<b>bold</b> & <script>alert("x")</script> {{ name }} %s \\n'
CJK = "山田花子、データ分析の専門家"
ARABIC = "محللة بيانات أولى"
EMOJI = "👩🏽‍💻 🧑‍🤝‍🧑 👨‍👩‍👧"
ZWJ = "a\u200db\u200d"
BIG = ("A long reflection, told twice over. " * 3000)[:100_000]


# ---- helpers ---------------------------------------------------------------------------------


def dump(db):
    """Every row of every table, to tell whether anything at all changed."""
    tables = [
        row[0]
        for row in db.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
        # The search index's FTS5 storage changes shape with every write (segments, delete
        # markers); its content is compared through the search_index table itself.
        if not row[0].startswith("search_index_")
    ]
    rows = {
        table: db.execute(f"SELECT * FROM [{table}] ORDER BY rowid").fetchall() for table in tables
    }
    return rows, db.execute("PRAGMA user_version").fetchone()[0]


def comparable(data):
    """A workbook's answers without row ids, references written as positions in their list."""
    tasks = {task.id: n for n, task in enumerate(data.tasks)}
    goals = {goal.id: n for n, goal in enumerate(data.goals)}
    result = dataclasses.asdict(data)
    del result["workbook_id"], result["name"], result["profile"]["workbook_id"]
    for key in ("evidence", "journal", "tasks", "reinvestments", "milestones", "support"):
        for row in result[key]:
            del row["id"]
    for key in ("questions", "snapshots"):
        for row in result[key]:
            del row["id"]
    for goal in result["goals"]:
        del goal["id"]
        goal["links"] = tuple(
            f"task#{tasks.get(int(link[5:]), 'removed')}" if link.startswith("task:") else link
            for link in goal["links"]
        )
        for action in goal["actions"]:
            del action["id"], action["goal_id"]
    for item in result["reinvestments"]:
        if item["target_kind"] == "goal" and item["target_id"]:
            item["target_id"] = f"goal#{goals.get(int(item['target_id'][5:]), 'removed')}"
    return result


def build_hostile(db):
    """A workbook with everything awkward: markup, scripts from four writing systems, emoji
    with joiners, a 100 kB text, gaps in positions, a link to a removed task, a target never
    chosen and more hours placed than the plan now frees."""
    content = load_content()
    wid = create_workbook(db, f"<i>{CJK}</i> {EMOJI}").workbook_id
    for field, value in {
        "person_name": ARABIC,
        "current_role": MARKUP,
        "role_family": "other",
        "years_experience": 0,
        "current_track": "hybrid",
        "aim": BIG + EMOJI,
        "horizon_years": 5,
        "strength_mode": "ranking",
    }.items():
        set_profile_field(db, wid, field, value)
    own = door.add_own_strength(db, wid, MARKUP, ARABIC).key
    door.set_answer(db, "strength_ratings", wid, own, "custom_name", f"  {MARKUP}  ")
    joined = door.add_own_strength(db, wid, CJK + ZWJ).key
    door.set_answer(db, "strength_ratings", wid, joined, "rank", 2)
    door.set_answer(db, "strength_ratings", wid, joined, "edge", 4)
    door.set_answer(db, "strength_ratings", wid, joined, "overuse_note", EMOJI)
    door.set_answer(db, "strength_ratings", wid, "data_analysis", "rank", 1)
    door.set_answer(db, "strength_ratings", wid, "data_analysis", "proficiency", 5)
    door.set_answer(db, "strength_ratings", wid, "mentoring", "energy", None)  # row, no answers
    door.add_row(db, "evidence", wid, strength_id=own, situation=MARKUP, result=CJK)
    door.add_row(db, "evidence", wid, strength_id="mentoring")
    prompt = next(iter(content.prompts))
    door.add_row(
        db, "journal_entries", wid, kind="reflection", prompt_id=prompt, body=BIG, private=1
    )
    door.add_row(
        db,
        "journal_entries",
        wid,
        kind="energy",
        body=EMOJI,
        energy_level=2,
        entry_date="2024-02-29",
        private=0,
    )
    door.add_row(
        db,
        "journal_entries",
        wid,
        kind="feedback",
        source=ARABIC,
        body=ZWJ,
        entry_date="2025-01-01",
        links=[f"strength:{own}", "strength:mentoring"],
    )
    door.record_checkin(db, wid, f"first {CJK}", "2025-03-01")
    door.set_answer(db, "strength_ratings", wid, own, "proficiency", 4)
    door.record_checkin(db, wid, "second", "2025-06-01")
    door.set_answer(db, "preference_answers", wid, "long_focus", "agreement", 5)
    door.set_answer(db, "preference_answers", wid, "org_politics", "agreement", 1)
    door.rank_values(db, wid, ["balance", "impact", "mastery"])
    door.rank_values(db, wid, ["impact", "balance"])  # mastery lost its place: a row, no rank
    door.set_answer(db, "context_answers", wid, "dual_ladder", "answer", "unsure")
    door.set_answer(
        db, "context_answers", wid, "manager_value_proposition", "answer", MARKUP + EMOJI
    )
    for field, value in {"title": CJK, "story": BIG[:5000], "liking": 5, "coherence": 1}.items():
        door.set_answer(db, "futures", wid, "specialist", field, value)
    door.set_answer(db, "futures", wid, "manager", "title", "")
    door.set_answer(db, "edge_notes", wid, None, "edge_statement", ARABIC + " " + MARKUP)
    library = next(iter(content.tasks))
    first = door.add_row(
        db,
        "ai_tasks",
        wid,
        name=MARKUP,
        library_task_id=library,
        hours_per_week=10,
        mode="automate",
        ai_share=0.5,
        review_hours=1,
        stakes="high",
        tool=EMOJI,
        risk_note=ARABIC,
        agency=3,
    ).row_id
    gone = door.add_row(db, "ai_tasks", wid, name="to be removed", hours_per_week=2).row_id
    door.add_row(db, "ai_tasks", wid, name=CJK, hours_per_week=3.25, mode=None, ai_share=None)
    goal = door.add_row(
        db,
        "goals",
        wid,
        title=EMOJI,
        measure=BIG[:2000],
        target_date="2026-12-31",
        links=[f"strength:{own}", "path:manager", f"task:{first}", f"task:{gone}"],
        commitment=10,
        grow_notes={"reality": ARABIC, "will": MARKUP, "options": BIG[:3000]},
    ).row_id
    for kind, status in (("experience", "done"), ("others", "dropped"), (None, "planned")):
        door.add_row(db, "actions", goal, title=f"{kind} {ZWJ}", kind=kind, status=status)
    door.add_row(db, "goals", wid)
    door.delete_row(db, "ai_tasks", gone)  # a gap in positions and a link to a removed task
    door.add_row(
        db, "reinvestments", wid, hours=2, target_kind="goal", target_id=f"goal:{goal}", note=CJK
    )
    door.add_row(db, "reinvestments", wid, hours=1.5, target_kind="strength", target_id=joined)
    door.add_row(db, "reinvestments", wid, hours=0.5, target_kind="path", target_id="orchestrator")
    door.add_row(db, "reinvestments", wid, hours=0)  # kind "other", no target chosen (null)
    door.update_row(db, "ai_tasks", first, "hours_per_week", 4)  # now over-allocated
    door.add_row(db, "milestones", wid, day=90, text=MARKUP, done=1)
    door.add_row(db, "milestones", wid, day=30)
    door.add_row(db, "support_requests", wid, source="mentor", request=ARABIC)
    door.add_row(db, "conversation_questions", wid, library_id=next(iter(content.questions)))
    door.add_row(db, "conversation_questions", wid, text=EMOJI + MARKUP)
    return wid


@pytest.fixture
def example_id(db):
    return add_example(db)


@pytest.fixture
def hostile_id(db):
    return build_hostile(db)


@pytest.fixture(scope="module")
def valid_document(tmp_path_factory):
    """The example workbook as a document, for the tests that break it."""
    db = open_database(tmp_path_factory.mktemp("valid") / "valid.sqlite3")
    try:
        return wf.to_document(load_workbook_data(db, add_example(db)))
    finally:
        db.close()


def round_trip(source_db, workbook_id, target_db, tmp_path):
    """Export to a file, import that file; returns (original data, imported data)."""
    original = load_workbook_data(source_db, workbook_id)
    path = wf.write_file(original, tmp_path / "out.json")
    new_id = wf.import_file(target_db, path)
    return original, load_workbook_data(target_db, new_id)


# ---- the door, as the reference for the import ---------------------------------------------


class DoorImporter:
    """The import as it was first written: every answer and entry through the edit door
    (`workbook.door`), one call each, each checked again. The import
    now writes table by table; whatever it stores must be what this stores, row for row."""

    def __init__(self, db, document):
        self.db = db
        self.doc = document
        self.custom = {}  # custom id in the file -> custom id here
        self.tasks = {}  # task id in the file -> row id here
        self.goals = {}

    def door(self, path, edit, *args, **values):
        try:
            return edit(self.db, *args, **values)
        except WorkbookError as refused:
            raise WorkbookFileProblem([f"{path or 'The file'}: {refused.message}"]) from None

    def entries(self, key):
        for index, item in enumerate(self.doc.get(key, [])):
            yield reading.child_path(key, index), item

    @staticmethod
    def given(item, *keys):
        return {key: item[key] for key in keys if item.get(key) is not None}

    def strength(self, sid):
        return self.custom.get(sid, sid)

    def run(self, name):
        wanted = self.doc["name"] if name is None else name
        where = "name" if name is None else "The name asked for"
        wid = self.door(where, create_workbook, self.door(where, unique_name, wanted)).workbook_id
        for key, value in self.doc.get("profile", {}).items():
            self.door(reading.child_path("profile", key), set_profile_field, wid, key, value)
        self.ratings(wid)
        for table, section, field in (
            ("preference_answers", "preferences", "agreement"),
            ("value_ranks", "values", "rank"),
            ("context_answers", "context", "answer"),
        ):
            for key, value in self.doc.get(section, {}).items():
                path = reading.child_path(section, key)
                self.door(path, door.set_answer, table, wid, key, field, value)
        for pid, future in self.doc.get("futures", {}).items():
            for key in spec.FUTURE_KEYS:
                if key in future or key == "title":  # title: so an empty future is kept too
                    path = reading.child_path(reading.child_path("futures", pid), key)
                    value = future.get(key, "")
                    self.door(path, door.set_answer, "futures", wid, pid, key, value)
        if self.doc.get("edge_statement"):
            statement = self.doc["edge_statement"]
            edge = ("edge_notes", wid, None, "edge_statement", statement)
            self.door("edge_statement", door.set_answer, *edge)
        if self.doc.get("plan_start"):
            start = ("plan_notes", wid, None, "plan_start", self.doc["plan_start"])
            self.door("plan_start", door.set_answer, *start)
        self.lists(wid)
        return wid

    def ratings(self, wid):
        ratings = self.doc.get("ratings", {})
        own = sorted((sid for sid, r in ratings.items() if r["custom"]), key=lambda s: int(s[7:]))
        for sid in own:
            where = reading.child_path("ratings", sid)
            entry = ratings[sid]
            name = entry["name"]
            description = entry.get("description", "")
            added = self.door(where, door.add_own_strength, wid, name.strip(), description)
            self.custom[sid] = added.key
            # The door trims a new name; set it again as it was written, spaces and all.
            named = ("strength_ratings", wid, added.key, "custom_name", name)
            self.door(reading.child_path(where, "name"), door.set_answer, *named)
        for sid, entry in ratings.items():
            for field in spec.RATING_KEYS:
                if field in entry or field == "proficiency":  # the first one adds the row
                    path = reading.child_path(reading.child_path("ratings", sid), field)
                    rating = ("strength_ratings", wid, self.strength(sid), field, entry.get(field))
                    self.door(path, door.set_answer, *rating)

    def lists(self, wid):
        for path, item in self.entries("evidence"):
            values = self.given(item, "situation", "action", "result")
            strength = self.strength(item["strength_id"])
            add = door.add_row
            row = self.door(path, add, "evidence", wid, strength_id=strength, **values).row_id
            if item.get("created_at"):
                self.db.execute(
                    "UPDATE evidence SET created_at = ? WHERE id = ?", [item["created_at"], row]
                )
        for path, item in self.entries("journal"):
            values = self.given(item, *shapes.JOURNAL)
            if "private" in values:
                values["private"] = int(values["private"])
            if "links" in values:
                values["links"] = [self.link(link) for link in values["links"]]
            self.door(path, door.add_row, "journal_entries", wid, **values)
        for path, item in self.entries("tasks"):
            values = self.given(item, "position", *spec.TASK_KEYS)
            row = self.door(path, door.add_row, "ai_tasks", wid, **values).row_id
            if "id" in item:
                self.tasks[item["id"]] = row
        for path, item in self.entries("goals"):
            values = self.given(item, "title", "measure", "target_date", "commitment", "grow_notes")
            values["links"] = [self.link(link) for link in item.get("links", [])]
            goal = self.door(path, door.add_row, "goals", wid, **values).row_id
            if "id" in item:
                self.goals[item["id"]] = goal
            for index, action in enumerate(item.get("actions", [])):
                self.door(
                    reading.child_path(reading.child_path(path, "actions"), index),
                    door.add_row,
                    "actions",
                    goal,
                    **self.given(action, *shapes.ACTION),
                )
        self.reinvestments(wid)
        for path, item in self.entries("milestones"):
            values = self.given(item, *shapes.MILESTONE)
            if "done" in values:
                values["done"] = int(values["done"])
            self.door(path, door.add_row, "milestones", wid, **values)
        for path, item in self.entries("support"):
            values = self.given(item, *shapes.SUPPORT)
            self.door(path, door.add_row, "support_requests", wid, **values)
        for path, item in self.entries("questions"):
            values = self.given(item, *shapes.QUESTION)
            self.door(path, door.add_row, "conversation_questions", wid, **values)
        for _, item in self.entries("snapshots"):
            self.db.execute(
                "INSERT INTO rating_snapshots (workbook_id, taken_at, data) VALUES (?, ?, ?)",
                [wid, item["taken_at"], json.dumps(self.snapshot(item["data"]))],
            )

    def link(self, link):
        kind, _, target = link.partition(":")
        if kind == "strength":
            return f"strength:{self.strength(target)}"
        if kind == "task":
            return f"task:{self.tasks.get(int(target), 0)}"
        return link

    def reinvestments(self, wid):
        items = list(self.entries("reinvestments"))
        freed = total_freed(load_workbook_data(self.db, wid).tasks)
        fits = sum(item.get("hours", 0) for _, item in items) <= freed + 1e-9
        placed = []
        for path, item in items:
            values = self.given(item, *shapes.REINVESTMENT)
            target = values.get("target_id")
            kind = values.get("target_kind", "other")
            if target and kind == "strength":
                values["target_id"] = self.strength(target)
            elif target and kind == "goal":
                values["target_id"] = f"goal:{self.goals.get(int(target[len('goal:') :]), 0)}"
            if fits:
                self.door(path, door.add_row, "reinvestments", wid, **values)
                continue
            # More hours placed than the tasks free: in with no hours, then the hours as written.
            hours = values.pop("hours", 0.0)
            row = self.door(path, door.add_row, "reinvestments", wid, **values).row_id
            placed.append((float(hours), row))
        for hours, row in placed:
            self.db.execute("UPDATE reinvestments SET hours = ? WHERE id = ?", [hours, row])

    def snapshot(self, data):
        result = dict(data)
        if "ratings" in data:
            result["ratings"] = {self.strength(k): v for k, v in data["ratings"].items()}
        return result


def import_through_the_door(db, document, name=None):
    problems = wf.validate(document)
    if problems:
        raise WorkbookFileProblem(problems)
    with db.atomic():
        return DoorImporter(db, document).run(name)


@pytest.fixture
def stopped_clock(monkeypatch):
    """Every time the door or the import stamps is this one, so two imports compare equal."""
    stamp = "2026-11-22T09:30:00.000+00:00"
    for module in (change, door, rows, importing):
        monkeypatch.setattr(module, "now_iso", lambda: stamp)
    return stamp


def typed(dumped):
    """A dump whose values carry their types: 1 and 1.0 and True are all equal in Python."""
    rows, version = dumped
    return {
        table: [tuple((type(value).__name__, value) for value in row) for row in table_rows]
        for table, table_rows in rows.items()
    }, version


def import_both_ways(tmp_path, document, *, prepare=add_example):
    """Import `document` twice (once under its own name, once under another) into two
    databases prepared the same way, once through the door and once as the import does it;
    returns the two databases' contents."""
    dumps = []
    for label, importer in (("door", import_through_the_door), ("import", wf.import_document)):
        target = open_database(tmp_path / f"{label}.sqlite3")
        try:
            prepare(target)  # rows already there, so new rows' ids do not start at 1
            importer(target, document)
            importer(target, document, name="Imported again")
            dumps.append(typed(dump(target)))
        finally:
            target.close()
    return dumps


# ---- round trips -----------------------------------------------------------------------------


def test_the_hostile_workbook_is_as_awkward_as_promised(db, hostile_id):
    data = load_workbook_data(db, hostile_id)
    assert sum(r.hours for r in data.reinvestments) > total_freed(data.tasks)
    assert any(r.target_id is None for r in data.reinvestments)
    assert [t.position for t in data.tasks] == [0, 2]
    task_ids = {t.id for t in data.tasks}
    assert any(
        link.startswith("task:") and int(link[5:]) not in task_ids for link in data.goals[0].links
    )
    assert {j.kind for j in data.journal} == {"reflection", "energy", "feedback", "checkin"}
    assert {j.private for j in data.journal} == {True, False}
    assert len(data.snapshots) == 2
    assert data.ratings["custom_1"].custom_name == f"  {MARKUP}  "
    assert len(data.profile.aim) > 100_000


@pytest.mark.parametrize("build", [add_example, build_hostile], ids=["example", "hostile"])
def test_round_trip_into_another_database_is_identical(db, tmp_path, build):
    target = open_database(tmp_path / "other.sqlite3")
    try:
        original, imported = round_trip(db, build(db), target, tmp_path)
        assert imported.name == original.name
        assert comparable(imported) == comparable(original)
    finally:
        target.close()


@pytest.mark.parametrize("build", [add_example, build_hostile], ids=["example", "hostile"])
def test_round_trip_into_the_same_database_is_identical_under_a_new_name(db, tmp_path, build):
    original, imported = round_trip(db, build(db), db, tmp_path)
    assert imported.name == f"{original.name} (2)"
    assert comparable(imported) == comparable(original)


def test_a_second_export_says_the_same_as_the_first(db, hostile_id, tmp_path):
    first = wf.to_document(load_workbook_data(db, hostile_id))
    again = wf.to_document(load_workbook_data(db, wf.import_document(db, first)))
    for document in (first, again):
        del document["exported_at"], document["name"]
        document["tasks"] = [{**t, "id": 0} for t in document["tasks"]]
        document["goals"] = [{**g, "id": 0, "links": []} for g in document["goals"]]
        document["reinvestments"] = [{**r, "target_id": 0} for r in document["reinvestments"]]
    assert again == first


def test_importing_twice_gives_distinct_names(db, example_id):
    document = wf.to_document(load_workbook_data(db, example_id))
    ids = [wf.import_document(db, document) for _ in range(2)]
    names = [load_workbook_data(db, wid).name for wid in ids]
    assert names == ["Example: Nadia Haddad (2)", "Example: Nadia Haddad (3)"]
    assert len({info.name.casefold() for info in list_workbooks(db)}) == 3


def test_a_name_can_be_given_and_is_made_unique_too(db, example_id):
    document = wf.to_document(load_workbook_data(db, example_id))
    first = wf.import_document(db, document, name="Nadia,  2027")
    second = wf.import_document(db, document, name="NADIA, 2027")
    assert load_workbook_data(db, first).name == "Nadia, 2027"
    assert load_workbook_data(db, second).name == "NADIA, 2027 (2)"


def test_custom_strength_ids_with_gaps_are_renumbered_with_their_references(db, valid_document):
    document = copy.deepcopy(valid_document)
    document["ratings"]["custom_7"] = document["ratings"].pop("custom_1")
    document["evidence"].append({"strength_id": "custom_7", "situation": "moved"})
    document["goals"][0]["links"].append("strength:custom_7")
    document["snapshots"][0]["data"]["ratings"]["custom_7"] = document["snapshots"][0]["data"][
        "ratings"
    ].pop("custom_1")
    data = load_workbook_data(db, wf.import_document(db, document))
    assert "custom_1" in data.ratings and "custom_7" not in data.ratings
    assert data.evidence[-1].strength_id == "custom_1"
    assert "strength:custom_1" in data.goals[0].links
    assert "custom_1" in data.snapshots[0].data["ratings"]


def test_exported_documents_pass_their_own_check(db, example_id, hostile_id):
    for wid in (example_id, hostile_id):
        assert wf.validate(wf.to_document(load_workbook_data(db, wid))) == []


# ---- the import stores what the door stored ---------------------------------------------------


def handwritten_document(db):
    """A file written by hand: most keys left out, strengths of one's own numbered with gaps,
    tasks with and without positions, links and targets to entries kept and removed."""
    return {
        "format": "career-workbook-file",
        "version": 1,
        "name": "Written by hand",
        "profile": {"person_name": "Sam", "horizon_years": 3},
        "ratings": {
            "custom_12": {"custom": True, "name": "Other", "energy": 2},
            "data_analysis": {"custom": False},
            "custom_3": {"custom": True, "name": " Mine ", "description": CJK},
            "mentoring": {"custom": False, "rank": 4, "overuse_note": EMOJI},
        },
        "evidence": [{"strength_id": "custom_12"}, {"strength_id": "custom_3", "result": ARABIC}],
        "journal": [{"kind": "feedback", "entry_date": "2026-01-05"}],
        "preferences": {"long_focus": 2},
        "context": {"dual_ladder": ""},
        "futures": {"manager": {}, "specialist": {"liking": None, "story": MARKUP}},
        "tasks": [
            {"id": 5, "hours_per_week": 4, "ai_share": 1, "mode": "automate"},
            {"position": 7, "name": "b"},
            {"name": "c", "stakes": ""},
        ],
        "reinvestments": [
            {"hours": 3, "target_kind": "goal", "target_id": "goal:9"},
            {"target_id": ""},
            {"target_kind": "strength", "target_id": "custom_3", "hours": 0.5},
        ],
        "goals": [
            {
                "id": 9,
                "links": ["task:5", "strength:custom_3", "task:77"],
                "actions": [{}, {"status": "done", "due_date": "2026-03-01"}],
            },
            {},
        ],
        "milestones": [{"day": 60}, {"day": 30, "done": True}],
        "support": [{}, {"source": "hr"}],
        "questions": [{}, {"text": ZWJ}],
        "snapshots": [
            {
                "taken_at": "2026-01-01T00:00:00Z",
                "data": {"ratings": {"custom_12": [1, 2, 3, None]}},
            }
        ],
    }


DOCUMENTS = {
    "example": lambda db: wf.to_document(load_workbook_data(db, add_example(db))),
    "hostile": lambda db: wf.to_document(load_workbook_data(db, build_hostile(db))),
    "heavy": lambda db: heavy_document(),
    "handwritten": handwritten_document,
}


@pytest.mark.parametrize("document", DOCUMENTS, ids=list(DOCUMENTS))
def test_the_import_stores_exactly_what_the_door_stored(db, tmp_path, stopped_clock, document):
    """Every row of every table, the search index's too, with the same ids, positions and order."""
    document = DOCUMENTS[document](db)
    assert wf.validate(document) == []
    through_the_door, imported = import_both_ways(tmp_path, document)
    assert imported == through_the_door
    rows, _ = imported
    assert len(rows["workbooks"]) == 3 and rows["search_index"]


@pytest.fixture
def two_databases(tmp_path, stopped_clock):
    """Two databases holding the same example workbook: one for the door, one for the import."""
    databases = [open_database(tmp_path / f"{label}.sqlite3") for label in ("door", "import")]
    for database in databases:
        add_example(database)
    yield databases
    for database in databases:
        database.close()


def _same_as_through_the_door(databases, document):
    outcomes = []
    for database, importer in zip(
        databases, (import_through_the_door, wf.import_document), strict=True
    ):
        try:
            workbook_id = importer(database, document)
        except WorkbookFileProblem as problem:
            outcomes.append(problem.problems)
            continue
        outcomes.append(typed(dump(database)))
        delete_workbook(database, workbook_id)
    assert outcomes[0] == outcomes[1]


def test_the_handwritten_document_is_stored_as_the_door_stored_it(two_databases, db):
    _same_as_through_the_door(two_databases, handwritten_document(db))
    refused = {**handwritten_document(db), "tasks": [{"id": 1}, {"id": 1}]}
    _same_as_through_the_door(two_databases, refused)


def test_problems_are_named_as_they_always_were(valid_document):
    """The checks write a field's path only for a problem; the paths read as before."""
    document = copy.deepcopy(valid_document)
    document["ratings"]["my strength"] = {"custom": False}
    document["ratings"]["custom_1"]["name "] = "x"
    document["context"]["a.b"] = "yes"
    document["preferences"]["long_focus"] = 5.0
    document["futures"]["specialist"]["liking"] = True
    document["goals"][1]["links"].append("strength:custom_9")
    document["goals"][0]["actions"].append({"status": "half", "Kind": 1})
    document["snapshots"][0]["data"]["ratings"]["data_analysis"] = [1, 2, 3]
    document["snapshots"][0]["data"]["scores"]["manager"] = float("inf")
    document["journal"][0]["private"] = 0
    document["milestones"][0]["day"] = 30.0
    document["reinvestments"].append({"target_kind": "goal", "target_id": "goal:x", "hours": -1})
    document["tasks"][0]["stakes"] = None
    document["edge_statement"] = "ok \udc00"
    reinvestment = len(valid_document["reinvestments"])
    action = len(valid_document["goals"][0]["actions"])
    link = len(valid_document["goals"][1]["links"])
    assert wf.validate(document) == [
        'ratings.custom_1["name "]: this file version has no such field.',
        'ratings["my strength"]: "my strength" is not a strength in this version\'s catalogue.',
        "journal[0].private: must be true or false, not a number.",
        "preferences.long_focus: must be a whole number from 1 to 5, not a number.",
        'context["a.b"]: "a.b" is not a context question this version of Career Workbook knows.',
        "futures.specialist.liking: must be a whole number from 1 to 5, not true or false.",
        "edge_statement: holds a broken character (half of a character pair).",
        'tasks[0].stakes: is null, which is not one of "", "low", "medium", "high".',
        f"reinvestments[{reinvestment}].hours: is -1; it must be from 0 to 80.",
        f'reinvestments[{reinvestment}].target_id: is "goal:x"; a goal is named goal: and the '
        "goal's id.",
        f'goals[0].actions[{action}].status: is "half", which is not one of "planned", "doing", '
        '"done", "dropped".',
        f"goals[0].actions[{action}].Kind: this file version has no such field.",
        f'goals[1].links[{link}]: "custom_9" is not a strength in this version\'s catalogue, nor '
        "one of your own listed under ratings.",
        "milestones[0].day: is 30.0, which is not one of 30, 60, 90.",
        "snapshots[0].data.ratings.data_analysis: must be a list of four ratings: proficiency, "
        "energy, edge and rank.",
        "snapshots[0].data.scores.manager: must be an ordinary number, not NaN or Infinity.",
    ]


# ---- the file on disk ------------------------------------------------------------------------


def test_the_file_is_utf8_json_readable_by_its_owner_only(db, hostile_id, tmp_path):
    folder = tmp_path / "out"
    folder.mkdir()
    path = folder / "hostile.json"
    path.write_text("an older copy")
    wf.write_file(load_workbook_data(db, hostile_id), path)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    document = json.loads(path.read_bytes().decode("utf-8"))
    assert document["format"] == "career-workbook-file" and document["version"] == 1
    assert document["profile"]["person_name"] == ARABIC  # written as text, not \u escapes
    assert ARABIC.encode() in path.read_bytes()
    assert [p.name for p in folder.iterdir()] == ["hostile.json"]  # no temporary left


def _as_json_writes_it(value):
    return json.dumps(value, ensure_ascii=False, indent=2, allow_nan=False)


def test_the_file_is_written_as_the_json_module_writes_it(db, hostile_id, tmp_path):
    document = wf.to_document(load_workbook_data(db, hostile_id))
    path = wf.write_file(load_workbook_data(db, hostile_id), tmp_path / "hostile.json")
    written = json.loads(path.read_text(encoding="utf-8"))
    assert path.read_text(encoding="utf-8") == _as_json_writes_it(written) + "\n"
    for value in (document, heavy_document(), {"a": [1, 2.5, None, True, "", {}, []]}):
        assert writing.json_text(value) == _as_json_writes_it(value)


def test_a_workbook_too_large_for_a_file_is_refused_before_writing(
    db, hostile_id, tmp_path, monkeypatch
):
    monkeypatch.setattr(writing, "MAX_FILE_BYTES", 50_000)
    folder = tmp_path / "out"
    folder.mkdir()
    path = folder / "big.json"
    with pytest.raises(WorkbookFileProblem, match="MB") as refused:
        wf.write_file(load_workbook_data(db, hostile_id), path)
    assert "No file was written" in refused.value.message
    assert list(folder.iterdir()) == []


# ---- the schema ------------------------------------------------------------------------------


def test_the_schema_is_a_valid_draft_2020_12_schema():
    jsonschema.Draft202012Validator.check_schema(SCHEMA)


def test_exported_files_match_the_published_schema(db, example_id, hostile_id, tmp_path):
    validator = jsonschema.Draft202012Validator(SCHEMA)
    for wid in (example_id, hostile_id):
        path = wf.write_file(load_workbook_data(db, wid), tmp_path / f"{wid}.json")
        errors = [error.message for error in validator.iter_errors(wf.read_file(path))]
        assert errors == []


def test_the_schema_lists_exactly_the_keys_an_export_writes(db, hostile_id):
    document = wf.to_document(load_workbook_data(db, hostile_id))
    defs = SCHEMA["$defs"]

    def keys(definition):
        return set(defs[definition]["properties"])

    assert set(SCHEMA["properties"]) == set(document)
    assert keys("profile") == set(document["profile"])
    assert keys("rating") == set(document["ratings"]["custom_1"])
    sections = {
        "evidence": "evidence",
        "journal": "journal_entry",
        "tasks": "task",
        "reinvestments": "reinvestment",
        "goals": "goal",
        "milestones": "milestone",
        "support": "support_request",
        "questions": "question",
        "snapshots": "snapshot",
    }
    for section, definition in sections.items():
        assert {key for item in document[section] for key in item} == keys(definition), section
    assert keys("action") == set(document["goals"][0]["actions"][0])
    assert keys("future") == set(document["futures"]["specialist"])


@pytest.mark.parametrize(
    "path, value",
    [
        (("version",), 99),
        (("goals", 0, "actions", 0, "kind"), "course"),
        (("profile", "years_experience"), "eight"),
        (("tasks", 0, "hours_per_week"), 81),
        (("journal", 0, "entry_date"), "10 August"),
        (("ratings", "data_analysis", "colour"), "blue"),
        (("goals", 0, "grow_notes"), {"mood": "fine"}),
        (("goals", 0, "grow_notes"), ["reality"]),
    ],
)
def test_the_schema_refuses_what_the_import_refuses(valid_document, path, value):
    document = copy.deepcopy(valid_document)
    node = document
    for key in path[:-1]:
        node = node[key]
    node[path[-1]] = value
    assert wf.validate(document)
    assert not jsonschema.Draft202012Validator(SCHEMA).is_valid(document)


# ---- broken files ----------------------------------------------------------------------------


def _changed(valid, change):
    document = copy.deepcopy(valid)
    change(document)
    return json.dumps(document, ensure_ascii=False, indent=2).encode()


def _set(path, value):
    def change(document):
        node = document
        for key in path[:-1]:
            node = node[key]
        node[path[-1]] = value

    return change


def _huge(path):
    """A 100 MB file that takes no time to make: one long string, mostly a hole in the file."""
    with open(path, "wb") as handle:
        handle.write(b'{"format": "career-workbook-file", "version": 1, "name": "')
        handle.seek(100 * 1024 * 1024)
        handle.write(b'"}')


BROKEN = {
    "truncated": (lambda v: json.dumps(v, indent=2).encode()[:5000], ["Line ", "cut short"]),
    "random bytes": (lambda v: random.Random(7).randbytes(4096), ["Line 1", "UTF-8"]),
    "empty": (lambda v: b"", ["empty"]),
    "only spaces": (lambda v: b"  \n\t ", ["empty"]),
    "latin-1": (lambda v: '{\n"name": "Zoë"}'.encode("latin-1"), ["Line 2", "UTF-8"]),
    "a list": (lambda v: b"[1, 2, 3]", ["a list", "not a workbook"]),
    "a string": (lambda v: b'"career-workbook-file"', ["text", "not a workbook"]),
    "wrong type": (
        lambda v: _changed(v, _set(("profile", "years_experience"), "eight")),
        ["profile.years_experience", "whole number"],
    ),
    "version 99": (lambda v: _changed(v, _set(("version",), 99)), ["version", "99", "newer"]),
    "version as text": (lambda v: _changed(v, _set(("version",), "1")), ["version"]),
    "other format": (
        lambda v: _changed(v, _set(("format",), "career-workbook-example")),
        ["format", "not a Career Workbook file"],
    ),
    "unknown strength": (
        lambda v: _changed(v, _set(("ratings", "juggling"), {"custom": False, "energy": 3})),
        ["ratings.juggling", "not a strength"],
    ),
    "unknown strength in evidence": (
        lambda v: _changed(v, _set(("evidence", 1, "strength_id"), "juggling")),
        ["evidence[1].strength_id", "juggling"],
    ),
    "unknown path": (
        lambda v: _changed(v, _set(("futures", "astronaut"), {"title": "Moon"})),
        ["futures.astronaut", "not a path"],
    ),
    "unknown path in a link": (
        lambda v: _changed(v, _set(("goals", 1, "links", 0), "path:astronaut")),
        ["goals[1].links[0]", "astronaut"],
    ),
    "unknown value": (
        lambda v: _changed(v, _set(("values", "fame"), 3)),
        ["values.fame", "not a value"],
    ),
    "two values in one place": (
        lambda v: _changed(v, _set(("values", "balance"), 1)),
        ["values.", "place 1"],
    ),
    "a value's place out of range": (
        lambda v: _changed(v, _set(("values", "balance"), 0)),
        ["values.balance", "1 to 99"],
    ),
    "a path in a journal entry's links": (
        lambda v: _changed(v, _set(("journal", 0, "links"), ["path:manager"])),
        ["journal[0].links[0]", "strengths only"],
    ),
    "unknown strength in a journal entry's links": (
        lambda v: _changed(v, _set(("journal", 0, "links"), ["strength:juggling"])),
        ["journal[0].links[0]", "juggling"],
    ),
    "action kind course": (
        lambda v: _changed(v, _set(("goals", 2, "actions", 0, "kind"), "course")),
        ["goals[2].actions[0].kind", "course"],
    ),
    "unknown prompt": (
        lambda v: _changed(v, _set(("journal", 0, "prompt_id"), "no_such_prompt")),
        ["journal[0].prompt_id"],
    ),
    "unknown task template": (
        lambda v: _changed(v, _set(("tasks", 0, "library_task_id"), "juggling_balls")),
        ["tasks[0].library_task_id"],
    ),
    "unknown library question": (
        lambda v: _changed(v, _set(("questions", 0, "library_id"), "why_not")),
        ["questions[0].library_id"],
    ),
    "context answer not an option": (
        lambda v: _changed(v, _set(("context", "dual_ladder"), "maybe")),
        ["context.dual_ladder", "maybe"],
    ),
    "unknown field": (
        lambda v: _changed(v, _set(("goals", 0, "titel"), "typo")),
        ["goals[0].titel", "no such field"],
    ),
    "missing name": (lambda v: _changed(v, lambda d: d.pop("name")), ["name", "missing"]),
    "missing journal kind": (
        lambda v: _changed(v, lambda d: d["journal"][0].pop("kind")),
        ["journal[0]", "kind", "missing"],
    ),
    "custom strength not marked": (
        lambda v: _changed(v, _set(("ratings", "custom_1", "custom"), False)),
        ["ratings.custom_1", '"custom": true'],
    ),
    "custom strength without a name": (
        lambda v: _changed(v, _set(("ratings", "custom_1", "name"), "  ")),
        ["ratings.custom_1.name", "empty"],
    ),
    "two own strengths of one name": (
        lambda v: _changed(
            v, _set(("ratings", "custom_2"), {**v["ratings"]["custom_1"], "proficiency": 1})
        ),
        ["ratings.custom_2.name", "also the name of ratings.custom_1"],
    ),
    "two tasks with one id": (
        lambda v: _changed(v, _set(("tasks", 1, "id"), v["tasks"][0]["id"])),
        ["tasks[1].id", "already the id of tasks[0]"],
    ),
    "not a number": (
        lambda v: json.dumps(v).replace('"ai_share": 0.4', '"ai_share": NaN', 1).encode(),
        ["tasks[0].ai_share", "NaN"],
    ),
    "a key twice": (
        lambda v: json.dumps(v).replace('"energy": 4', '"energy": 4, "energy": 5', 1).encode(),
        ['"energy"', "twice"],
    ),
    "a broken character": (
        lambda v: json.dumps({**v, "edge_statement": "half a pair \ud83d"}).encode(),
        ["edge_statement", "broken character"],
    ),
    "a name too long": (lambda v: _changed(v, _set(("name",), "N" * 121)), ["name", "120"]),
    "a text too long": (
        lambda v: _changed(v, _set(("support", 0, "request"), "x" * 1_000_001)),
        ["support[0].request", "1,000,000"],
    ),
    "a GROW note under no stage": (
        lambda v: _changed(v, _set(("goals", 0, "grow_notes"), {"mood": "fine"})),
        ["goals[0].grow_notes.mood", "goal, reality, options, will"],
    ),
    "a GROW note that is not text": (
        lambda v: _changed(v, _set(("goals", 0, "grow_notes"), {"reality": 3})),
        ["goals[0].grow_notes.reality", "must be text"],
    ),
    "a date that is not one": (
        lambda v: _changed(v, _set(("goals", 0, "target_date"), "2026-02-30")),
        ["goals[0].target_date", "YYYY-MM-DD"],
    ),
    "deep nesting": (lambda v: b"[" * 100_000 + b"]" * 100_000, ["deeply"]),
    "a number too long": (lambda v: b'{"version": ' + b"9" * 5000 + b"}", ["cannot be read"]),
    "trailing rubbish": (lambda v: json.dumps(v).encode() + b"\n}", ["Line 2", "more after"]),
}


@pytest.mark.parametrize("case", BROKEN, ids=list(BROKEN))
def test_a_broken_file_changes_nothing_and_says_where(
    db, example_id, tmp_path, valid_document, case
):
    make, expected = BROKEN[case]
    path = tmp_path / "broken.json"
    path.write_bytes(make(valid_document))
    before = dump(db)
    with pytest.raises(WorkbookFileProblem) as refused:
        wf.import_file(db, path)
    assert dump(db) == before
    message = refused.value.message
    for words in expected:
        assert words in message
    assert str(path) in message and "Nothing was added" in message
    message.encode("utf-8")  # printable as it is


def test_a_100_mb_file_is_refused_before_it_is_read(db, example_id, tmp_path):
    path = tmp_path / "huge.json"
    started = time.monotonic()
    _huge(path)
    before = dump(db)
    with pytest.raises(WorkbookFileProblem, match="100.0 MB; a workbook file holds at most 20 MB"):
        wf.import_file(db, path)
    assert time.monotonic() - started < 2
    assert dump(db) == before


def test_a_folder_or_missing_file_is_refused_in_plain_words(tmp_path):
    with pytest.raises(WorkbookFileProblem, match="no such file"):
        wf.read_file(tmp_path / "missing.json")
    with pytest.raises(WorkbookFileProblem, match="folder"):
        wf.read_file(tmp_path)


def test_a_byte_order_mark_is_accepted(db, valid_document, tmp_path):
    path = tmp_path / "bom.json"
    path.write_bytes(b"\xef\xbb\xbf" + json.dumps(valid_document).encode())
    assert wf.import_file(db, path)


def test_many_problems_are_listed_ten_at_a_time(valid_document):
    document = copy.deepcopy(valid_document)
    for goal in document["goals"]:
        for action in goal["actions"]:
            action["kind"] = "course"
            action["status"] = "finished"
    problems = wf.validate(document)
    count = 2 * sum(len(goal["actions"]) for goal in document["goals"])
    assert len(problems) == count > 10
    message = WorkbookFileProblem(problems).message
    assert f"{count} things in it need fixing" in message
    assert message.count("\n- ") == 11 and f"and {count - 10} more" in message


def test_a_refusal_by_the_door_names_the_field_and_changes_nothing(db, example_id, valid_document):
    before = dump(db)
    with pytest.raises(WorkbookFileProblem, match="The name asked for: A workbook needs a name"):
        wf.import_document(db, valid_document, name="   ")
    assert dump(db) == before


def refuse_rows(db, table, message):
    """The database itself refuses every new row of `table` (a trigger of this connection's)."""
    db.execute(
        f"CREATE TEMP TRIGGER refuse_{table} BEFORE INSERT ON {table} "
        f"BEGIN SELECT RAISE(ABORT, '{message}'); END"
    )


def test_a_failure_half_way_leaves_nothing_behind(db, example_id, valid_document):
    """The last step fails after everything else was added: all of it is rolled back."""
    before = dump(db)
    refuse_rows(db, "conversation_questions", "No questions today.")
    with pytest.raises(WorkbookFileProblem, match=r"questions\[0\]: No questions today"):
        wf.import_document(db, valid_document)
    assert dump(db) == before


@pytest.mark.parametrize(
    "table, path",
    [
        ("strength_ratings", "ratings.custom_1"),
        ("preference_answers", "preferences."),
        ("futures", "futures."),
        ("evidence", "evidence[0]"),
        ("journal_entries", "journal[0]"),
        ("ai_tasks", "tasks[0]"),
        ("goals", "goals[0]"),
        ("actions", "goals[0].actions[0]"),
        ("reinvestments", "reinvestments[0]"),
        ("rating_snapshots", "snapshots[0]"),
    ],
)
def test_a_row_the_database_refuses_is_named_and_nothing_is_kept(
    db, example_id, valid_document, table, path
):
    before = dump(db)
    refuse_rows(db, table, "Not today.")
    with pytest.raises(WorkbookFileProblem) as refused:
        wf.import_document(db, valid_document)
    assert f"- {path}" in refused.value.message and "Not today." in refused.value.message
    assert dump(db) == before


def test_a_refused_row_past_the_first_statement_is_named_and_nothing_is_kept(
    db, example_id, valid_document
):
    """Many entries go in several to a statement, and several statements to a list: the
    refused one is still named, and the statements before it are undone too."""
    document = copy.deepcopy(valid_document)
    entry = {"kind": "reflection", "entry_date": "2026-01-01", "body": "Fine."}
    document["journal"] = [dict(entry) for _ in range(1500)]
    document["journal"][1234]["body"] = "Refuse me."
    before = dump(db)
    db.execute(
        "CREATE TEMP TRIGGER refuse_one BEFORE INSERT ON journal_entries "
        "WHEN NEW.body = 'Refuse me.' BEGIN SELECT RAISE(ABORT, 'Not this one.'); END"
    )
    with pytest.raises(WorkbookFileProblem) as refused:
        wf.import_document(db, document)
    assert refused.value.problems == ["journal[1234]: Not this one."]
    assert dump(db) == before


# ---- fuzzing ---------------------------------------------------------------------------------

FUZZ = settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(min_value=-(10**20), max_value=10**20)
    | st.floats()
    | st.text(max_size=12)
    | st.sampled_from(
        ["", " ", "custom_1", "custom_9", "data_analysis", "specialist", "task:1", "goal:1"]
        + ["2026-02-30", "2026-01-01", "x" * 301, "career-workbook-file", "\ud800"]
    ),
    lambda children: (
        st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=8), children, max_size=3)
    ),
    max_leaves=8,
)


def _nodes(value, where=()):
    yield where
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _nodes(item, (*where, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _nodes(item, (*where, index))


@st.composite
def mutated(draw, document):
    """A valid document with one to three things dropped, replaced or added."""
    document = copy.deepcopy(document)
    for _ in range(draw(st.integers(1, 3))):
        where = draw(st.sampled_from(list(_nodes(document))[1:]))
        parent = document
        for key in where[:-1]:
            parent = parent[key]
        operation = draw(st.sampled_from(["drop", "replace", "add"]))
        if operation == "drop":
            del parent[where[-1]]
        elif operation == "replace":
            parent[where[-1]] = draw(json_values)
        elif isinstance(parent[where[-1]], dict):
            parent[where[-1]][draw(st.text(max_size=8))] = draw(json_values)
        elif isinstance(parent[where[-1]], list):
            parent[where[-1]].append(draw(json_values))
    return document


def _import_changes_only_its_own_workbook(db, document):
    """Import either refuses with WorkbookFileProblem and changes nothing, or adds exactly one
    workbook and touches nothing else."""
    before = dump(db)
    count = len(list_workbooks(db))
    try:
        workbook_id = wf.import_document(db, document)
    except WorkbookFileProblem as problem:
        assert dump(db) == before
        assert problem.problems and problem.message
        return False
    assert len(list_workbooks(db)) == count + 1
    delete_workbook(db, workbook_id)  # takes every row of the new workbook with it
    after = dump(db)
    del after[0]["meta"], before[0]["meta"]  # the time of the last change
    assert after == before
    return True


@FUZZ
@given(value=json_values)
def test_any_json_value_is_refused_cleanly(db, example_id, value):
    assert not _import_changes_only_its_own_workbook(db, value)


@FUZZ
@given(value=st.dictionaries(st.sampled_from(sorted(SCHEMA["properties"])), json_values))
def test_any_object_with_the_right_keys_imports_whole_or_not_at_all(db, example_id, value):
    value.update({"format": "career-workbook-file", "version": 1})
    _import_changes_only_its_own_workbook(db, value)


@FUZZ
@given(data=st.data())
def test_a_mutated_document_imports_whole_or_not_at_all(db, example_id, valid_document, data):
    _import_changes_only_its_own_workbook(db, data.draw(mutated(valid_document)))


@FUZZ
@given(data=st.data())
def test_a_mutated_document_is_stored_as_the_door_stored_it(two_databases, valid_document, data):
    """Refused with the same problems, or stored row for row as the door stored it."""
    _same_as_through_the_door(two_databases, data.draw(mutated(valid_document)))


@FUZZ
@given(raw=st.binary(max_size=3000))
def test_any_bytes_are_refused_cleanly(db, example_id, tmp_path, raw):
    path = tmp_path / "fuzz.json"
    path.write_bytes(raw)
    before = dump(db)
    with pytest.raises(WorkbookFileProblem):
        wf.import_file(db, path)
    assert dump(db) == before


@FUZZ
@given(data=st.data())
def test_a_file_cut_anywhere_is_refused_cleanly(db, example_id, tmp_path, valid_document, data):
    text = json.dumps(valid_document, ensure_ascii=False, indent=2).encode()
    cut = data.draw(st.integers(0, len(text) - 2))  # the last byte is the closing brace
    path = tmp_path / "cut.json"
    path.write_bytes(text[:cut])
    before = dump(db)
    with pytest.raises(WorkbookFileProblem):
        wf.import_file(db, path)
    assert dump(db) == before


@FUZZ
@given(
    value=st.recursive(
        json_values
        | st.tuples(st.integers(), st.text(max_size=3))
        | st.dictionaries(st.integers() | st.booleans() | st.none(), st.integers(), max_size=2),
        lambda children: (
            st.lists(children, max_size=3)
            | st.dictionaries(st.text(max_size=8), children, max_size=3)
        ),
        max_leaves=12,
    )
)
def test_any_value_is_written_as_the_json_module_writes_it(value):
    try:
        expected = _as_json_writes_it(value)
    except ValueError:  # NaN and Infinity are not JSON
        with pytest.raises(ValueError):
            writing.json_text(value)
        return
    assert writing.json_text(value) == expected


# ---- the command line ------------------------------------------------------------------------


def run(capsys, *argv):
    code = main([str(arg) for arg in argv])
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    return code, out, err


def test_cli_export_then_import_into_another_database(capsys, db, db_path, example_id, tmp_path):
    db.close()
    out_file = tmp_path / "nadia.json"
    code, out, err = run(
        capsys, "export", "--db", db_path, "--out", out_file, "example: nadia haddad"
    )
    assert (code, err) == (EXIT_OK, "")
    assert str(out_file) in out and "private journal entries too" in out
    assert stat.S_IMODE(out_file.stat().st_mode) == 0o600
    other = tmp_path / "other.sqlite3"
    code, out, err = run(capsys, "--db", other, "import", out_file)
    assert (code, err) == (EXIT_OK, "")
    assert "Added the workbook 'Example: Nadia Haddad'" in out
    code, out, _ = run(capsys, "import", "--db", other, "--name", "Nadia again", out_file)
    assert code == EXIT_OK and "'Nadia again'" in out
    code, out, _ = run(capsys, "import", "--db", other, out_file)
    assert code == EXIT_OK and "was there already, so this one is called" in out
    source, target = open_database(db_path), open_database(other)
    try:
        original = load_workbook_data(source, find_workbook(source, "Example: Nadia Haddad").id)
        for name in ("Example: Nadia Haddad", "Nadia again", "Example: Nadia Haddad (2)"):
            imported = load_workbook_data(target, find_workbook(target, name).id)
            assert comparable(imported) == comparable(original)
    finally:
        source.close()
        target.close()


def test_cli_import_of_a_broken_file_says_what_and_creates_nothing(capsys, tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "career-workbook-file", "version": 99, "name": "Z"}')
    database = tmp_path / "never.sqlite3"
    code, out, err = run(capsys, "import", "--db", database, bad)
    assert code == EXIT_PROBLEM and out == ""
    assert "version: is 99" in err and "newer version" in err and str(bad) in err
    assert not database.exists()


def test_cli_import_names_the_field_and_leaves_the_database_as_it_was(
    capsys, db, db_path, example_id, tmp_path, valid_document
):
    before = dump(db)
    db.close()
    bad = tmp_path / "bad.json"
    document = copy.deepcopy(valid_document)
    document["goals"][2]["actions"][0]["kind"] = "course"
    bad.write_text(json.dumps(document))
    code, _, err = run(capsys, "import", "--db", db_path, bad)
    assert code == EXIT_PROBLEM
    assert 'goals[2].actions[0].kind: is "course"' in err
    database = open_database(db_path)
    try:
        assert dump(database) == before
    finally:
        database.close()


def test_cli_export_problems_are_plain(capsys, db, db_path, example_id, tmp_path):
    db.close()
    code, _, err = run(capsys, "export", "--db", db_path, "--out", tmp_path / "x.json", "Nobody")
    assert code == EXIT_PROBLEM and "There is no workbook called 'Nobody'" in err
    missing = tmp_path / "none.sqlite3"
    code, _, err = run(capsys, "export", "--db", missing, "--out", tmp_path / "x.json", "Nadia")
    assert code == EXIT_PROBLEM and "There is no database" in err and not missing.exists()
    nowhere = tmp_path / "no folder" / "x.json"
    code, _, err = run(capsys, "export", "--db", db_path, "--out", nowhere, "Example: Nadia Haddad")
    assert code == EXIT_PROBLEM and "could not read or write" in err and str(nowhere) in err
    assert not os.path.exists(nowhere)


def test_cli_export_needs_an_output_file(capsys, db_path):
    with pytest.raises(SystemExit) as usage:
        main(["export", "--db", str(db_path), "Nadia"])
    assert usage.value.code == 2
    assert "--out" in capsys.readouterr().err


def test_the_format_is_documented():
    docs = Path(__file__).parent.parent / "docs" / "workbook-file.md"
    text = docs.read_text(encoding="utf-8")
    for key in SCHEMA["properties"]:
        assert f"`{key}`" in text, key
