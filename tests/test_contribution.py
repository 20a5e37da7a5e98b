"""Contribution files (issue 15, item 5): a participant on their own laptop gives the
coach their closed answers, with a random id and no name or text; the coach's overview
counts each id once and refuses a file holding anything else."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ui.cli import main
from workbook.content import load_content
from workbook.contribution import (
    KEYS,
    ContributionProblem,
    contribution_of,
    from_document,
    read_contribution,
    to_document,
    write_contribution,
)
from workbook.data import load_workbook_data
from workbook.example import add_example
from workbook.group_overview import count
from workbook.session import Session

CONTENT = load_content()


@pytest.fixture
def example_data(db):
    return load_workbook_data(db, add_example(db))


def test_a_contribution_holds_closed_answers_and_a_random_id(example_data, tmp_path):
    first = contribution_of(example_data, CONTENT)
    second = contribution_of(example_data, CONTENT)
    assert first.id != second.id and len(first.id) == 32
    assert first.leaning == "specialist" and first.first_value == "growing_others"
    path = write_contribution(first, tmp_path / "mine.json")
    text = path.read_text()
    assert set(json.loads(text)) == set(KEYS)
    for typed in ("Nadia", "Karim", example_data.goals[0].title, example_data.name):
        assert typed not in text
    assert read_contribution(path, CONTENT) == first


@pytest.mark.parametrize(
    "change",
    [
        lambda d: d.update(name="Nadia Haddad"),
        lambda d: d.update(first_value="My family, above all"),
        lambda d: d.update(domains=["people", "I love data"]),
        lambda d: d.update(leaning="Specialist, obviously"),
        lambda d: d.update(id="nadia"),
        lambda d: d.update(flags=["ask Karim"]),
        lambda d: d.pop("hours_band"),
    ],
)
def test_a_file_with_a_name_text_or_an_unknown_key_is_refused_whole(example_data, change):
    document = to_document(contribution_of(example_data, CONTENT))
    change(document)
    with pytest.raises(ContributionProblem, match="Nothing from it was added"):
        from_document(document, CONTENT)


@settings(max_examples=100, deadline=None)
@given(st.dictionaries(st.sampled_from([*KEYS, "name", "notes"]), st.text(max_size=20)))
def test_no_text_in_any_key_gets_through(document):
    with pytest.raises(ContributionProblem):
        from_document(document, CONTENT)


def test_the_same_id_twice_counts_once(example_data):
    one = contribution_of(example_data, CONTENT)
    found = count([one] * 5 + [contribution_of(example_data, CONTENT) for _ in range(4)], CONTENT)
    assert found.participants == 5 and found.enough


def test_the_coach_adds_files_from_the_command_line(tmp_path, capsys):
    laptop = tmp_path / "laptop.sqlite3"
    session = Session.open(laptop)
    add_example(session.db)
    session.close()
    db = ["--db", str(laptop)]
    name = "Example: Nadia Haddad"
    assert main([*db, "contribution", name, "--out", str(tmp_path / "c.json")]) == 1
    assert "has not said yes" in capsys.readouterr().err
    assert main([*db, "consent", name, "yes"]) == 0
    files = []
    for n in range(5):
        out = tmp_path / f"c{n}.json"
        assert main([*db, "contribution", name, "--out", str(out)]) == 0
        files.append(str(out))
    (tmp_path / "bad.json").write_text(json.dumps({"name": "Nadia"}))
    coach = ["--db", str(tmp_path / "coach.sqlite3")]
    capsys.readouterr()
    assert main([*coach, "overview", "--add", *files[:4], files[0]]) == 1
    said = capsys.readouterr()
    assert "already counted, so counted once" in said.out and "only 4" in said.err.lower()
    assert main([*coach, "overview", "--add", files[4], str(tmp_path / "bad.json")]) == 1
    said = capsys.readouterr()
    assert "Group overview of 5 participants" in said.out
    assert "bad.json: This is not a contribution file" in said.err
    assert main([*coach, "overview"]) == 0
