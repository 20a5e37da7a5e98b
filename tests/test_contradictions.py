"""Answers that pull against each other become kind questions (issue 13, item 6).

Each rule asks at its threshold and not one step below; the order is stable; every
question names both answers; the content file is checked on load; the summary (JSON and
text) and the PDF carry the questions. The pages are tested in test_gui_contradictions.py.
"""

from __future__ import annotations

import dataclasses
import io
import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from exports.pdf import render
from tests.test_analysis_properties import NORMAL, workbooks
from tests.test_content import edit, refusal, shipped_folder
from tests.test_pdf_export import pdf_text, squash
from ui.cli import main
from workbook import door
from workbook.analysis.contradictions import (
    AGREE,
    RULES,
    SHOWN,
    STRENGTH_ONLY,
    find_contradictions,
    statement,
    strength_name,
    strength_questions,
)
from workbook.analysis.strengths import analyse_strengths
from workbook.analysis.summary import summary, summary_text
from workbook.content import load_content
from workbook.content import schema as content_schema
from workbook.content.loader import load_folder
from workbook.data import Evidence, Future, Rating, WorkbookData, load_workbook_data
from workbook.model import Profile

CONTENT = load_content()
THRESHOLD = {rule.id: rule.threshold for rule in CONTENT.contradictions.rules.values()}
EDGE_TOP = CONTENT.scales["edge"].top
DOCS = Path(__file__).parent.parent / "docs"
#: The issue's case: mentoring drains, helping others grow gives energy.
ISSUE = WorkbookData(
    ratings={"mentoring": Rating("mentoring", 3, 1, 2)}, preferences={"growing_others": 5}
)


def asked(data: WorkbookData, rule: str) -> list:
    return [c for c in find_contradictions(data, CONTENT) if c.rule == rule]


def ranking(data: WorkbookData) -> WorkbookData:
    return dataclasses.replace(data, profile=Profile(0, strength_mode="ranking"))


# ---- the content ---------------------------------------------------------------------------


def test_the_shipped_file_has_every_rule_and_at_least_five_pairs():
    rules = CONTENT.contradictions.rules
    assert list(rules) == list(RULES) == list(content_schema.CONTRADICTION_RULES)
    for rule in rules.values():
        low, high = content_schema.CONTRADICTION_RULES[rule.id]
        assert low <= rule.threshold <= high
        assert rule.looks_at.strip()
    pairs = CONTENT.contradictions.energy_pairs + CONTENT.contradictions.statement_pairs
    assert len(pairs) >= 5
    for pair in pairs:
        assert pair.perhaps.startswith("Perhaps ") and pair.perhaps.endswith(".")
    for pair in CONTENT.contradictions.energy_pairs:
        assert pair.first in CONTENT.strengths and pair.second in CONTENT.preferences
    for pair in CONTENT.contradictions.statement_pairs:
        assert {pair.first, pair.second} <= set(CONTENT.preferences)


def test_every_pair_and_rule_is_documented():
    doc = (DOCS / "contradictions.md").read_text("utf-8")
    for rule in RULES:
        assert f"`{rule}`" in doc, rule
    for pair in CONTENT.contradictions.energy_pairs + CONTENT.contradictions.statement_pairs:
        assert f"`{pair.first}`" in doc and f"`{pair.second}`" in doc, pair
    architecture = (DOCS / "architecture.md").read_text("utf-8")
    assert "(contradictions.md)" in architecture


@pytest.fixture
def copy(tmp_path):
    for name in content_schema.FILES:
        text = shipped_folder().joinpath(name).read_text(encoding="utf-8")
        (tmp_path / name).write_text(text, encoding="utf-8")
    return tmp_path


def _threshold(doc):
    doc["rules"][0]["threshold"] = 7


def _unknown_rule(doc):
    doc["rules"][0]["id"] = "moon_phase"


def _twice(doc):
    doc["rules"].append(dict(doc["rules"][0]))


def _unknown_strength(doc):
    doc["energy_pairs"][0]["strength"] = "juggling"


def _unknown_statement(doc):
    doc["statement_pairs"][0]["second"] = "likes_mondays"


def _pair_twice(doc):
    first = doc["statement_pairs"][0]
    doc["statement_pairs"].append(dict(first, first=first["second"], second=first["first"]))


def _same_statement(doc):
    doc["statement_pairs"][0]["second"] = doc["statement_pairs"][0]["first"]


def _no_perhaps(doc):
    del doc["energy_pairs"][0]["perhaps"]


@pytest.mark.parametrize(
    ("change", "field", "words"),
    [
        (_threshold, "threshold", "from 1 to 4"),
        (_unknown_rule, "id", "must be one of"),
        (_twice, "id", "listed twice"),
        (_unknown_strength, "strength", "'juggling' is not a strength"),
        (_unknown_statement, "second", "'likes_mondays' is not a statement"),
        (_pair_twice, "first", "listed twice"),
        (_same_statement, "second", "must differ"),
        (_no_perhaps, "perhaps", "is missing"),
    ],
)
def test_a_broken_file_is_refused_naming_the_field(copy, change, field, words):
    edit(copy, "contradictions.toml", change)
    error = refusal(copy)
    assert error.file == "contradictions.toml"
    assert any(f == field and words in message for _, f, message in error.problems), error.problems


def test_a_rule_left_out_of_the_file_asks_nothing(copy):
    edit(
        copy,
        "contradictions.toml",
        lambda doc: doc.update(
            rules=[r for r in doc["rules"] if r["id"] != "energy_against_statement"]
        ),
    )
    content = load_folder(copy)
    assert "energy_against_statement" not in content.contradictions.rules
    assert find_contradictions(ISSUE, content) == ()


# ---- each rule at its threshold ------------------------------------------------------------


def test_the_issue_case_is_asked_kindly_naming_both_answers():
    (found,) = find_contradictions(ISSUE, CONTENT)
    assert found.id == "energy_against_statement:mentoring:growing_others"
    assert found.question == (
        "You rate your energy for Mentoring 1 of 5 (it drains you), and you strongly agree "
        "with “I get energy from helping someone else get better at their work”. What is "
        "different between the two? Perhaps it is the kind of mentoring, or the time it takes."
    )


@pytest.mark.parametrize("pair", CONTENT.contradictions.energy_pairs, ids=lambda p: p.first)
def test_energy_against_statement_asks_from_its_gap_both_ways(pair):
    gap = THRESHOLD["energy_against_statement"]

    def data(energy: int, agreement: int) -> WorkbookData:
        return WorkbookData(
            ratings={pair.first: Rating(pair.first, 3, energy, 2)},
            preferences={pair.second: agreement},
        )

    for energy in range(1, 6):
        for agreement in range(1, 6):
            found = asked(data(energy, agreement), "energy_against_statement")
            assert bool(found) == (abs(energy - agreement) >= gap), (energy, agreement)
    assert asked(data(1, 1 + gap), "energy_against_statement")  # at the threshold
    assert not asked(data(1, gap), "energy_against_statement")  # one step below
    (drained,) = asked(data(1, 5), "energy_against_statement")
    (lifted,) = asked(data(5, 1), "energy_against_statement")
    assert drained.question.endswith(pair.perhaps) and lifted.question.endswith(pair.perhaps)
    assert "it energises you" in lifted.question and "strongly disagree with" in lifted.question


def test_an_unanswered_half_asks_nothing():
    assert not find_contradictions(
        WorkbookData(ratings={"mentoring": Rating("mentoring", 3, 1, 2)}), CONTENT
    )
    assert not find_contradictions(WorkbookData(preferences={"growing_others": 5}), CONTENT)


@pytest.mark.parametrize("pair", CONTENT.contradictions.statement_pairs, ids=lambda p: p.first)
def test_statements_pull_apart_from_their_sum(pair):
    together = THRESHOLD["statements_pull_apart"]
    for first in range(1, 6):
        for second in range(1, 6):
            data = WorkbookData(preferences={pair.first: first, pair.second: second})
            found = asked(data, "statements_pull_apart")
            assert bool(found) == (first + second >= together), (first, second)
    data = WorkbookData(preferences={pair.first: 5, pair.second: together - 5})
    (found,) = asked(data, "statements_pull_apart")
    assert statement(CONTENT, pair.first) in found.question
    assert statement(CONTENT, pair.second) in found.question
    assert f"you {AGREE[together - 5]} “" in found.question
    below = WorkbookData(preferences={pair.first: 4, pair.second: together - 5})
    assert not asked(below, "statements_pull_apart")


def test_a_future_liked_but_far_from_your_values_is_asked_about_both_ways():
    gap = THRESHOLD["future_against_values"]

    def data(liking: int, coherence: int, title: str = "") -> WorkbookData:
        future = Future("manager", title, liking=liking, coherence=coherence)
        return WorkbookData(futures={"manager": future})

    for liking in range(1, 6):
        for coherence in range(1, 6):
            found = asked(data(liking, coherence), "future_against_values")
            assert bool(found) == (abs(liking - coherence) >= gap), (liking, coherence)
    (liked,) = asked(data(5, 1, "Leading six analysts"), "future_against_values")
    assert liked.id == "future_against_values:manager"
    assert liked.question.startswith(
        "You like your manager future (“Leading six analysts”) a great deal (5 of 5), and "
        "you see very little of your values in it (1 of 5)."
    )
    (should,) = asked(data(1, 5), "future_against_values")
    assert should.question.startswith(
        "You see a great deal of your values in your manager future (5 of 5), and you like "
        "it very little (1 of 5)."
    )
    half = WorkbookData(futures={"manager": Future("manager", liking=5)})
    assert not asked(half, "future_against_values")


def test_among_the_best_with_a_modest_skill():
    at_most = THRESHOLD["best_without_skill"]

    def data(skill: int | None, edge: int = EDGE_TOP) -> WorkbookData:
        return WorkbookData(ratings={"data_analysis": Rating("data_analysis", skill, 3, edge)})

    (found,) = asked(data(at_most), "best_without_skill")
    assert found.question.startswith(
        f"You see yourself among the best you know at Data analysis (edge {EDGE_TOP} of "
        f"{EDGE_TOP}), and you rate your skill {at_most} of 5"
    )
    assert not asked(data(at_most + 1), "best_without_skill")
    assert not asked(data(at_most, EDGE_TOP - 1), "best_without_skill")
    assert not asked(data(None), "best_without_skill")
    # In ranking mode skill comes from the order, which does not compare you with peers.
    assert not asked(ranking(data(at_most)), "best_without_skill")


def test_the_top_skill_with_no_example():
    at_least = THRESHOLD["top_skill_without_example"]

    def data(skill: int, energy: int = 3, edge: int = 2, example: bool = False) -> WorkbookData:
        evidence = (Evidence(1, "hands_on_craft", "A line went down.", "", ""),)
        return WorkbookData(
            ratings={"hands_on_craft": Rating("hands_on_craft", skill, energy, edge)},
            evidence=evidence if example else (),
        )

    (found,) = asked(data(at_least), "top_skill_without_example")
    assert found.question.startswith(
        f"You rate your skill at Hands-on craft {at_least} of 5 (people far beyond your team "
        "seek you out for it), and you have not written an example of it yet."
    )
    assert not asked(data(at_least - 1), "top_skill_without_example")
    assert not asked(data(at_least, example=True), "top_skill_without_example")
    assert not asked(ranking(data(at_least)), "top_skill_without_example")


def test_a_strength_waiting_for_an_example_is_asked_about_once():
    """The Strengths step already asks for an example of a would-be signature strength;
    the question is left to it, and every other top skill without one gets the question."""
    for energy in range(1, 6):
        for edge in range(1, 5):
            data = WorkbookData(ratings={"mentoring": Rating("mentoring", 5, energy, edge)})
            waiting = [
                f for f in analyse_strengths(data, CONTENT).use_more if "no example" in f.reason
            ]
            question = asked(data, "top_skill_without_example")
            assert len(waiting) + len(question) == 1, (energy, edge)


def test_among_the_best_at_many_things():
    count = THRESHOLD["best_at_many"]
    ids = list(CONTENT.strengths)[: count + 1]

    def data(best: int, mode: str = "rating") -> WorkbookData:
        ratings = {sid: Rating(sid, 4, 4, EDGE_TOP if n < best else 3) for n, sid in enumerate(ids)}
        return WorkbookData(profile=Profile(0, strength_mode=mode), ratings=ratings)

    (found,) = asked(data(count), "best_at_many")
    names = [CONTENT.strengths[sid].name for sid in ids[:count]]
    assert f"at {count} strengths: " + ", ".join(names[:-1]) + " and " + names[-1] in (
        found.question
    )
    assert not asked(data(count - 1), "best_at_many")
    assert asked(data(count, "ranking"), "best_at_many")  # edge is rated in both modes


def test_a_custom_strength_is_named_by_its_own_name():
    rating = Rating("custom_1", 1, 3, EDGE_TOP, custom_name="Explaining numbers 🙂")
    (found,) = find_contradictions(WorkbookData(ratings={"custom_1": rating}), CONTENT)
    assert "Explaining numbers 🙂" in found.question


# ---- order ---------------------------------------------------------------------------------


def many() -> WorkbookData:
    """Answers that raise questions from several rules, two of them more than once."""
    return WorkbookData(
        ratings={
            "mentoring": Rating("mentoring", 3, 2, 2),
            "hands_on_craft": Rating("hands_on_craft", 5, 1, 2),
            "data_analysis": Rating("data_analysis", 2, 3, EDGE_TOP),
        },
        preferences={"growing_others": 5, "hands_on": 5, "long_focus": 5, "many_threads": 5},
        futures={"manager": Future("manager", liking=5, coherence=1)},
    )


def test_the_order_is_stable_the_furthest_first_one_of_each_rule_at_a_time():
    found = find_contradictions(many(), CONTENT)
    assert [c.id for c in found] == [
        "energy_against_statement:hands_on_craft:hands_on",  # 4 apart, before 3 apart
        "future_against_values:manager",
        "statements_pull_apart:long_focus:many_threads",
        "best_without_skill:data_analysis",
        "top_skill_without_example:hands_on_craft",
        "energy_against_statement:mentoring:growing_others",
    ]
    assert len({c.rule for c in found[:SHOWN]}) == SHOWN  # the first few are of different kinds
    reordered = dataclasses.replace(many(), ratings=dict(reversed(many().ratings.items())))
    assert find_contradictions(reordered, CONTENT) == found


def test_the_strengths_step_gets_the_questions_about_strengths_alone():
    found = strength_questions(many(), CONTENT)
    assert [c.rule for c in found] == ["best_without_skill", "top_skill_without_example"]
    assert {c.rule for c in found} <= STRENGTH_ONLY


# ---- properties ----------------------------------------------------------------------------


def _named(content, data, answer) -> list[str]:
    """What a question must say to name `answer`: what it is about and its level."""
    if answer.kind == "agreement":
        return [statement(content, answer.item), AGREE[answer.value]]
    if answer.kind in ("liking", "coherence"):
        return [
            f"your {content.paths[answer.item].short_name.lower()} future",
            f"{answer.value} of 5",
        ]
    name = strength_name(content, data, answer.item)
    if answer.kind == "examples":
        return [name, "not written an example"]
    top = EDGE_TOP if answer.kind == "edge" else 5
    return [name, f"{answer.value} of {top}"]


@st.composite
def with_futures(draw: st.DrawFn) -> WorkbookData:
    data = draw(workbooks(with_plan=False))
    gauge = st.one_of(st.none(), st.integers(1, 5))
    futures = {
        pid: Future(
            pid,
            draw(st.sampled_from(["", "A title 🙂"])),
            liking=draw(gauge),
            coherence=draw(gauge),
        )
        for pid in draw(st.lists(st.sampled_from(list(CONTENT.paths)), unique=True))
    }
    return dataclasses.replace(data, futures=futures)


@NORMAL
@given(with_futures())
def test_the_questions_are_deterministic_and_name_both_answers(data):
    found = find_contradictions(data, CONTENT)
    again = dataclasses.replace(data, ratings=dict(reversed(data.ratings.items())))
    assert find_contradictions(again, CONTENT) == found
    assert len({c.id for c in found}) == len(found)
    for c in found:
        assert len(c.answers) >= 2
        assert c.rule in c.id and c.rule in RULES
        assert c.question.startswith("You ") and c.question.rstrip().endswith(("?", "."))
        for answer in c.answers:
            for words in _named(CONTENT, data, answer):
                assert words in c.question, (c.id, words)
    # Within a rule, furthest apart first; across rules, one of each at a time.
    for rule in RULES:
        sizes = [c.size for c in found if c.rule == rule]
        assert sizes == sorted(sizes, reverse=True)
    assert summary(data, CONTENT)["contradictions"] == [
        {"id": c.id, "rule": c.rule, "question": c.question} for c in found
    ]


# ---- the summary and the PDF ---------------------------------------------------------------


def contradicting(db, workbook_id: int) -> None:
    """Through the door, as a person would: mentoring drains, helping others grow lifts."""
    door.set_rating(db, workbook_id, "mentoring", "energy", 1)
    door.set_preference(db, workbook_id, "growing_others", 5)
    door.set_preference(db, workbook_id, "long_focus", 5)
    door.set_preference(db, workbook_id, "many_threads", 5)
    door.set_future(db, workbook_id, "manager", "liking", 5)
    door.set_future(db, workbook_id, "manager", "coherence", 1)
    door.set_rating(db, workbook_id, "data_analysis", "proficiency", 1)
    door.set_rating(db, workbook_id, "data_analysis", "edge", EDGE_TOP)


def test_summary_json_lists_every_question(db, db_path, workbook_id, capsys):
    contradicting(db, workbook_id)
    db.close()
    assert main(["--db", str(db_path), "summary", "--json", "Alex"]) == 0
    result = json.loads(capsys.readouterr().out)
    found = result["contradictions"]
    assert [c["id"] for c in found] == [
        "energy_against_statement:mentoring:growing_others",
        "future_against_values:manager",
        "statements_pull_apart:long_focus:many_threads",
        "best_without_skill:data_analysis",
    ]
    assert set(found[0]) == {"id", "rule", "question"}
    assert found[0]["rule"] == "energy_against_statement"
    assert "Mentoring 1 of 5" in found[0]["question"]
    text = summary_text(result)
    assert "Questions to think about" in text and found[3]["question"] in text


def test_summary_without_contradictions_has_an_empty_list(db, db_path, workbook_id, capsys):
    db.close()
    assert main(["--db", str(db_path), "summary", "--json", "Alex"]) == 0
    assert json.loads(capsys.readouterr().out)["contradictions"] == []
    assert main(["--db", str(db_path), "summary", "Alex"]) == 0
    assert "Questions to think about" not in capsys.readouterr().out


def edge_pdf(data: WorkbookData) -> str:
    buffer = io.BytesIO()
    render(data, CONTENT, buffer, sections=["analysis"], invariant=True)
    return pdf_text(buffer.getvalue())


def test_the_pdf_analysis_section_lists_every_question(db, workbook_id):
    # The app shows the first few with the rest behind a toggle; a PDF has no toggle and
    # should not send its reader to the app, so it prints them all.
    contradicting(db, workbook_id)
    data = load_workbook_data(db, workbook_id)
    found = find_contradictions(data, CONTENT)
    assert len(found) == SHOWN + 1
    printed = squash(edge_pdf(data))
    assert squash("Questions to think about") in printed
    for c in found:
        assert squash(c.question) in printed, c.id
    assert squash("Edge step") not in printed


def test_the_pdf_says_nothing_when_nothing_pulls_apart():
    calm = WorkbookData(
        name="Calm",
        ratings={"mentoring": Rating("mentoring", 4, 5, 3)},
        preferences={"growing_others": 5},
    )
    assert find_contradictions(calm, CONTENT) == ()
    assert squash("Questions to think about") not in squash(edge_pdf(calm))
