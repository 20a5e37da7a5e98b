"""Workshop agendas (issue 15, item 1): the shipped templates, checked like the rest of
the content, and an edited copy held to the same rules, round-tripping through the dict
it is stored as."""

from __future__ import annotations

import copy
import tomllib
from importlib import resources

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.test_content import TRADEMARKED_THEMES
from workbook.content.workshops import (
    FILE,
    FORMATS,
    MAX_MINUTES,
    AgendaProblem,
    agenda_document,
    agenda_from,
    load_templates,
    parse_templates,
)
from workbook.steps import STEPS

SEEDS = ("000_24904b991805cb43.txt", "003_2c18235c39eec45e.txt")


def shipped() -> dict:
    text = resources.files("resources").joinpath("content", FILE).read_text(encoding="utf-8")
    return tomllib.loads(text)


def test_the_four_templates_the_issue_names_are_shipped():
    names = {t.name for t in load_templates().values()}
    assert {
        "Strengths in 90 minutes",
        "Three futures",
        "AI plan clinic",
        "Rehearsing the career conversation",
    } <= names
    assert load_templates()["strengths_90"].minutes == 90


def test_every_exercise_names_its_step_prompts_minutes_format_and_debrief():
    steps = {s.id for s in STEPS}
    for template in load_templates().values():
        assert template.exercises and template.summary
        for e in template.exercises:
            assert e.step in steps and e.format in FORMATS
            assert 1 <= e.minutes <= MAX_MINUTES
            assert e.instructions and e.prompts and e.debrief
            if e.per_person is not None:
                assert e.per_person * {"pairs": 2, "threes": 3}[e.format] <= e.minutes


def test_three_futures_gives_each_person_about_four_minutes_in_pairs():
    futures = load_templates()["three_futures"]
    told = next(e for e in futures.exercises if e.format == "pairs")
    assert told.per_person == 4 and told.minutes > 2 * told.per_person  # turns plus debrief


def test_no_template_uses_a_trademarked_assessment_theme_as_a_title():
    banned = {theme.casefold() for theme in TRADEMARKED_THEMES}
    for template in load_templates().values():
        for title in (template.name, *(e.title for e in template.exercises)):
            assert title.casefold() not in banned, title


@pytest.mark.parametrize(
    ("change", "field", "words"),
    [
        (lambda t: t["exercises"][0].update(step="payroll"), "step", "must be one of"),
        (lambda t: t["exercises"][0].update(minutes=0), "minutes", "from 1 to"),
        (lambda t: t["exercises"][0].update(format="solo"), "format", "must be one of"),
        (lambda t: t["exercises"][0].update(prompts=[]), "prompts", "at least one line"),
        (lambda t: t["exercises"][0].pop("debrief"), "debrief", "is missing"),
        (lambda t: t["exercises"][1].update(id=t["exercises"][0]["id"]), "id", "used twice"),
        (
            lambda t: t["exercises"][0].update(format="pairs", minutes=5, per_person=4),
            "per_person",
            "do not fit",
        ),
        (lambda t: t["exercises"][0].update(format="alone", per_person=3), "per_person", "pairs"),
        (lambda t: t.update(colour="red"), "colour", "not a field"),
        (lambda t: t.update(exercises=[]), "exercises", "at least one exercise"),
    ],
)
def test_a_broken_agenda_is_refused_naming_the_field(change, field, words):
    document = copy.deepcopy(shipped())
    change(document["templates"][0])
    with pytest.raises(AgendaProblem) as problem:
        parse_templates(document)
    assert any(f == field and words in message for _, f, message in problem.value.problems), (
        problem.value.problems
    )
    # An edited copy in the window is held to the same rules.
    with pytest.raises(AgendaProblem):
        agenda_from(document["templates"][0])


def test_the_shipped_file_names_its_format_and_version():
    document = copy.deepcopy(shipped())
    document["format"] = "something-else"
    with pytest.raises(AgendaProblem, match="format"):
        parse_templates(document)


exercise = st.fixed_dictionaries(
    {
        "id": st.from_regex(r"\A[a-z][a-z0-9_]{0,12}\Z"),
        "title": st.text(min_size=1, max_size=40).filter(str.strip),
        "step": st.sampled_from([s.id for s in STEPS]),
        "minutes": st.integers(1, 60),
        "format": st.sampled_from(FORMATS),
        "instructions": st.text(min_size=1, max_size=80).filter(str.strip),
        "prompts": st.lists(st.text(min_size=1).filter(str.strip), min_size=1, max_size=3),
        "debrief": st.lists(st.text(min_size=1).filter(str.strip), min_size=1, max_size=3),
    }
)


@settings(max_examples=60, deadline=None)
@given(exercises=st.lists(exercise, min_size=1, max_size=6, unique_by=lambda e: e["id"]))
def test_an_edited_agenda_round_trips_through_the_dict_it_is_stored_as(exercises):
    agenda = agenda_from(
        {"id": "my_copy", "name": "My copy", "summary": "Edited.", "exercises": exercises}
    )
    assert agenda_from(agenda_document(agenda)) == agenda
    assert agenda.minutes == sum(e["minutes"] for e in exercises)
