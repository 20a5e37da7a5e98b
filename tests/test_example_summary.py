"""The example workbook fills every step, and its summary says what a coach would expect.

Checked field by field through the command a coach would run:
`career-workbook summary --json`.
"""

import json
from datetime import date

import pytest

from ui.cli import main
from workbook.content import load_content
from workbook.data import load_workbook_data
from workbook.example import add_example, example_data


@pytest.fixture
def summary_of_example(db_path, capsys):
    assert main(["--db", str(db_path), "example"]) == 0
    capsys.readouterr()
    assert main(["--db", str(db_path), "summary", "--json", "Example: Nadia Haddad"]) == 0
    return json.loads(capsys.readouterr().out)


def test_every_step_of_the_example_is_filled(db):
    data = load_workbook_data(db, add_example(db))
    source = example_data()
    assert data.profile.person_name == "Nadia Haddad"
    assert data.profile.answered() == 6
    assert len(data.ratings) == len(source["ratings"]) + len(source["custom_strengths"])
    assert len(data.evidence) == len(source["evidence"])
    kinds = {entry.kind for entry in data.journal}
    assert kinds == {"reflection", "energy", "feedback", "checkin"}
    assert len({entry.entry_date[:7] for entry in data.journal}) >= 3  # over several months
    assert set(data.futures) == {"specialist", "manager", "orchestrator"}
    assert all(len(f.title.split()) == 6 for f in data.futures.values())
    assert set(data.preferences) == set(load_content().preferences)  # every statement
    assert len(data.tasks) == len(source["tasks"])
    assert data.reinvestments and data.goals and data.milestones and data.support
    assert all(goal.actions for goal in data.goals)
    assert len(data.questions) == len(source["questions"])
    assert len(data.snapshots) == 1
    # Any language in: the Arabic phrase and the emoji survive storage.
    bodies = " ".join(entry.body for entry in data.journal)
    assert "خطوة خطوة" in bodies and "🙂" in bodies


def test_example_summary_strengths(summary_of_example):
    s = summary_of_example
    assert [x["id"] for x in s["signature_strengths"]] == [
        "critical_thinking",
        "data_analysis",
        "mentoring",
        "validating_results",
    ]
    reason = s["signature_strengths"][0]["reason"]
    assert "4 of 5" in reason and "among the best you know" in reason and "example" in reason
    # What others say: Karim's feedback is tagged with critical thinking and validating
    # results, Lina's with mentoring; the peer in finance's is not tagged and counts nothing.
    assert reason.endswith("Others say so too: Karim, my manager.")
    said = {x["id"]: x["others_say"] for x in s["signature_strengths"]}
    assert [v["source"] for v in said["critical_thinking"]] == ["Karim, my manager"]
    assert said["critical_thinking"][0]["quote"].startswith("People trust your numbers")
    assert [v["source"] for v in said["mentoring"]] == ["Lina, a junior analyst I mentor"]
    assert said["data_analysis"] == []
    # Validating results has no example of her own: Karim's word makes it a signature.
    validating = next(x for x in s["signature_strengths"] if x["id"] == "validating_results")
    assert "others say so: Karim, my manager" in validating["reason"]
    assert (
        "Others say so too: critical thinking comes up in feedback from Karim, my manager."
        in (s["edge_statement"])
    )
    use_more = {x["id"] for x in s["strengths_to_use_more"]}
    assert {"selecting_tools", "thought_leadership"} <= use_more
    assert "custom_1" in use_more  # her own strength, waiting for an example
    assert [x["id"] for x in s["drains"]] == ["stakeholder_management"]
    assert s["suggest_ranking"] is False


def test_example_summary_paths(summary_of_example):
    s = summary_of_example
    scores = {p["id"]: p["score"] for p in s["paths"]}
    assert scores == {"specialist": 65.8, "manager": 56.2, "orchestrator": 57.2}
    assert s["ranking"] == ["specialist", "orchestrator", "manager"]
    assert s["tied"] == []
    assert s["close_call"] is False and s["contenders"] == ["specialist"]
    words = {p["id"]: p["fit_words"] for p in s["paths"]}
    assert words == {
        "specialist": "a good fit",
        "manager": "a mixed fit",
        "orchestrator": "a mixed fit",
    }
    assert all(p["answered_share"] == p["confidence"] / 100 for p in s["paths"])
    # Where she works is shown beside the fit, not in it.
    assert {(w["path"], w["question"]) for w in s["workplace"]} >= {
        ("specialist", "middle_management_shrinking"),
        ("orchestrator", "ai_adoption"),
    }
    assert all(c["source"] != "context" for p in s["paths"] for c in p["contributions"])
    for path in s["paths"]:
        total = sum(round(c["points"] * 10) for c in path["contributions"])
        assert total == round(path["score"] * 10)
        assert path["contributions"][0]["source"] == "baseline"
        assert 0 <= path["confidence"] <= 100
    confidence = {p["id"]: p["confidence_label"] for p in s["paths"]}
    assert confidence == {"specialist": "high", "manager": "medium", "orchestrator": "medium"}
    # Growing others first and mastery second in what matters to her: the manager path is
    # what one answer, long stretches of focus, would bring to the top.
    assert [v["id"] for v in s["values"]][:3] == ["growing_others", "mastery", "balance"]
    assert s["flip"]["path"] == "manager"
    assert s["flip"]["kind"] == "preference"
    assert "“strongly disagree” instead of “strongly agree”" in s["flip"]["change"]
    assert s["flip_reason"] is None
    specialist = next(p for p in s["paths"] if p["id"] == "specialist")
    values = {c["item"]: c["points"] for c in specialist["contributions"] if c["source"] == "value"}
    assert values["mastery"] > 0 and values["recognition"] < 0
    assert s["edge_statement"].startswith(
        "Your answers point most to the specialist path (a good fit, 66 of 100)"
    )
    assert "not a verdict" in s["edge_statement"]


def test_example_summary_ai_plan(summary_of_example):
    plan = summary_of_example["ai_plan"]
    assert plan["hours_per_week"] == 32.5
    assert plan["hours_freed"] == 8.9
    assert plan["reinvested"] == 6.5
    assert plan["over_allocated"] is False
    assert plan["unallocated"] == pytest.approx(2.3)
    assert all(0 <= t["hours_freed"] <= t["hours"] for t in plan["tasks"])
    keep_human = [t for t in plan["tasks"] if t["mode"] == "keep_human"]
    assert keep_human and all(t["hours_freed"] == 0 for t in keep_human)
    [flag] = plan["flags"]
    assert "high and there is no validation step" in flag
    assert plan["skills"][0]["id"] == "managing_risk"  # unrated, and the plan needs it most


def test_example_summary_plan_and_progress(summary_of_example):
    s = summary_of_example
    assert s["plan"]["balance"]["counts"] == {"experience": 6, "others": 2, "formal": 1}
    assert s["plan"]["balance"]["flags"] == []
    flagged = [g for g in s["plan"]["goals"] if g["flags"]]
    assert [g["title"] for g in flagged] == [
        "Find out whether I want to lead the new analytics team"
    ]
    moved = {(m["strength"], m["scale"]): (m["before"], m["after"]) for m in s["progress"]["moved"]}
    assert moved == {
        ("mentoring", "edge"): (2, 3),
        ("selecting_tools", "proficiency"): (2, 3),
        ("stakeholder_management", "energy"): (1, 2),
        ("validating_results", "proficiency"): (3, 4),
    }
    assert s["progress"]["scores_before"]["specialist"] == 65.6
    # The example's check-in is as many days back as it was when the example was written.
    source = example_data()
    ago = date.fromisoformat(source["dates_as_of"]) - date.fromisoformat(
        source["checkins"][0]["date"]
    )
    assert s["progress"]["since"][:10] == (date.today() - ago).isoformat()
    # Added today, the example is current: nothing overdue, the 90-day milestone ahead.
    assert not any(g["overdue"] for g in s["plan"]["goals"]) and not s["plan"]["overdue_actions"]
    assert [(m["day"], m["done"]) for m in s["plan"]["milestones"]] == [
        (30, True),
        (60, True),
        (90, False),
    ]
    assert s["plan"]["milestones"][-1]["date"] > date.today().isoformat()


def test_summary_as_text_for_a_terminal(db_path, capsys):
    main(["--db", str(db_path), "example"])
    capsys.readouterr()
    assert main(["--db", str(db_path), "summary", "example: nadia haddad"]) == 0
    out = capsys.readouterr().out
    assert "Signature strengths" in out and "Critical thinking" in out
    assert "Specialist individual contributor: a good fit, 65.8" in out
    assert "What matters to you: 1. Growing others, 2. Mastery, 3. Balance" in out
    assert "What would change it: answering" in out


def test_summary_of_an_unknown_workbook_is_a_plain_error(db_path, capsys):
    main(["--db", str(db_path), "example"])
    capsys.readouterr()
    assert main(["--db", str(db_path), "summary", "Nobody"]) == 1
    err = capsys.readouterr().err
    assert "There is no workbook called 'Nobody'" in err
    assert "Traceback" not in err
