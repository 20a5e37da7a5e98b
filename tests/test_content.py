"""The coaching content: what ships meets the product's minimums, and a broken file is named.

The first half checks the files in resources/content as they ship; the second
copies them to a temporary folder, breaks one thing and checks that the
loader refuses with a ContentError naming the file, the item and the field.
"""

import json
import math
import tomllib
from collections import Counter
from collections.abc import Callable
from importlib import resources
from pathlib import Path
from typing import Any

import pytest

from workbook.content import ContentError, load_content
from workbook.content import schema as content_schema
from workbook.content.loader import load_folder
from workbook.model import ROLE_FAMILIES

SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"
SEED_QUESTION = "What am I uniquely good at, relative to my peers?"
PATHS = {"specialist", "manager", "orchestrator"}
SCALE_LEVELS = {"proficiency": 5, "energy": 5, "edge": 4, "agreement": 5, "gauge": 5}

# The 34 theme names of one well-known commercial strengths assessment: its names
# are trademarks, and the workbook must describe strengths in its own words.
TRADEMARKED_THEMES = [
    "Achiever",
    "Activator",
    "Adaptability",
    "Analytical",
    "Arranger",
    "Belief",
    "Command",
    "Communication",
    "Competition",
    "Connectedness",
    "Consistency",
    "Context",
    "Deliberative",
    "Developer",
    "Discipline",
    "Empathy",
    "Focus",
    "Futuristic",
    "Harmony",
    "Ideation",
    "Includer",
    "Individualization",
    "Input",
    "Intellection",
    "Learner",
    "Maximizer",
    "Positivity",
    "Relator",
    "Responsibility",
    "Restorative",
    "Self-Assurance",
    "Significance",
    "Strategic",
    "Woo",
]


def shipped_folder():
    return resources.files("resources") / "content"


#: Every shipped file as parsed TOML, by file name.
SHIPPED = {
    name: tomllib.loads(shipped_folder().joinpath(name).read_text(encoding="utf-8"))
    for name in content_schema.FILES
}


@pytest.fixture(scope="module")
def content():
    return load_content()


@pytest.fixture(scope="module")
def raw():
    """Every shipped file as parsed TOML, by file name."""
    return SHIPPED


# ---- the shipped content -------------------------------------------------------------------


def test_the_shipped_content_loads(content):
    assert content.strengths and content.prompts and content.paths
    assert load_content() is content  # checked once per process, then cached


def test_there_are_enough_strengths_in_enough_domains(content):
    assert len(content.strengths) >= 24
    used = {s.domain for s in content.strengths.values()}
    assert len(used) >= 5
    assert used == set(content.domains), "every domain holds at least one strength"


def test_there_are_enough_prompts_for_every_stage_and_step(content):
    prompts = list(content.prompts.values())
    assert len(prompts) >= 24
    assert {p.grow for p in prompts} == set(content_schema.GROW)
    assert {"strengths", "edge", "ai_plan", "plan"} <= {p.step for p in prompts}
    assert SEED_QUESTION in {p.text for p in prompts}


def test_there_are_enough_preferences(content):
    assert len(content.preferences) >= 12


def test_the_three_paths_weight_strengths_and_preferences_and_say_why(content):
    assert set(content.paths) == PATHS
    for path in content.paths.values():
        kinds = Counter(w.kind for w in path.weights)
        assert kinds["strength"] >= 1, path.id
        assert kinds["preference"] >= 1, path.id
        assert kinds["value"] >= 1, path.id
        for weight in path.weights:
            assert weight.why.strip(), (path.id, weight.target)
            assert -3 <= weight.weight <= 3


def test_what_matters_is_a_short_list_of_our_own_described_at_work(content):
    """values.toml: a handful of values to put in order (issue 13, item 8), described by
    what they look like at work, the inspiration named and nothing copied."""
    assert 6 <= len(content.values) <= 10
    assert {"autonomy", "mastery", "impact", "growing_others"} <= set(content.values)
    for value in content.values.values():
        assert value.name.strip() and value.description.endswith("."), value.id
        assert len(value.description) <= 120, value.id  # one line in the list
    assert "Schein" in content.values_note and "our own" in content.values_note
    # Each value a path weighs says why; balance counts for no path (paths.toml says why),
    # every other value for at least one, and no path only rewards or only penalises.
    weighed = {w.target for p in content.paths.values() for w in p.weights if w.kind == "value"}
    assert weighed == set(content.values) - {"balance"}
    for path in content.paths.values():
        signs = {w.weight > 0 for w in path.weights if w.kind == "value"}
        assert signs == {True, False}, path.id
    names = [v.name.casefold() for v in content.values.values()]
    assert len(set(names)) == len(names)
    assert not set(names) & {theme.casefold() for theme in TRADEMARKED_THEMES}


def test_every_role_family_has_enough_ai_tasks_with_sensible_values(content):
    families = Counter(task.family for task in content.tasks.values())
    assert len(families) >= 8
    for family, count in families.items():
        assert count >= 8, family
    for task in content.tasks.values():
        assert 0.0 <= task.ai_share <= 1.0, task.id
        assert task.mode in ("automate", "augment", "keep_human"), task.id
        assert task.stakes in content_schema.STAKES, task.id
        assert 0 < task.hours_hint <= 60, task.id
        assert task.validation.strip() and task.stakes_note.strip(), task.id
    assert content.task_note.strip()


def test_the_five_orchestration_skills_are_strengths(content):
    assert len(content.orchestration) == 5
    for skill in content.orchestration.values():
        assert skill.id in content.strengths
        assert content.strengths[skill.id].domain == "orchestration"
        assert set(skill.levels) == set(range(1, 6))
        assert all(text.strip() for text in skill.levels.values())
    orchestration_domain = {s.id for s in content.strengths_in("orchestration")}
    assert orchestration_domain == set(content.orchestration)


def test_there_are_enough_conversation_questions(content):
    assert len(content.questions) >= 20
    assert {q.topic for q in content.questions.values()} <= set(content_schema.TOPICS)


def test_every_strength_and_every_path_has_action_ideas_of_all_kinds(content):
    actions = list(content.actions.values())
    for strength in content.strengths:
        assert any(a.for_strength == strength for a in actions), strength
    for path in content.paths:
        kinds = {a.kind for a in actions if a.for_path == path}
        assert kinds == {"experience", "others", "formal"}, path
    assert {a.kind for a in actions} == {"experience", "others", "formal"}


def test_every_level_of_every_strength_is_described(content):
    for strength in content.strengths.values():
        for scale, top in (("proficiency", 5), ("energy", 5), ("edge", 4)):
            levels = getattr(strength, scale)
            assert set(levels) == set(range(1, top + 1)), (strength.id, scale)
            for level, text in levels.items():
                assert text.strip(), (strength.id, scale, level)
        assert strength.description.strip() and strength.overuse.strip(), strength.id


def test_the_scales_have_the_documented_number_of_levels(content):
    assert {sid: len(scale.levels) for sid, scale in content.scales.items()} == SCALE_LEVELS
    for scale in content.scales.values():
        assert set(scale.levels) == set(range(1, scale.top + 1))
        assert all(text.strip() for text in scale.levels.values())


def test_every_reference_resolves(content):
    families = {family for family, _ in ROLE_FAMILIES}
    for strength in content.strengths.values():
        assert strength.domain in content.domains
    for path in content.paths.values():
        for w in path.weights:
            if w.kind == "strength":
                assert w.target in content.strengths, (path.id, w.target)
            elif w.kind == "preference":
                assert w.target in content.preferences, (path.id, w.target)
            elif w.kind == "value":
                assert w.target in content.values, (path.id, w.target)
            else:
                question = content.context[w.target]
                if question.kind == "choice":
                    assert w.answer in dict(question.options), (path.id, w.target, w.answer)
                else:
                    assert w.answer == "answered"
    for task in content.tasks.values():
        assert task.family in families, task.id
    for action in content.actions.values():
        assert (action.for_strength is None) != (action.for_path is None), action.id
        assert action.for_strength is None or action.for_strength in content.strengths
        assert action.for_path is None or action.for_path in content.paths
    for question in content.context.values():
        if question.kind == "choice":
            assert len(question.options) >= 2, question.id


def _id_lists(document: dict, prefix: str = ""):
    """Every list of tables in a parsed file, as (where, [ids]), nested lists included."""
    for key, value in document.items():
        if isinstance(value, list) and value and all(isinstance(v, dict) for v in value):
            where = f"{prefix}{key}"
            ids = [item["id"] for item in value if "id" in item]
            if ids:
                yield where, ids
            for item in value:
                yield from _id_lists(item, f"{where}.")


def test_no_id_is_used_twice(raw):
    for name, document in raw.items():
        for where, ids in _id_lists(document):
            if where.count(".") == 0:
                duplicates = [i for i, n in Counter(ids).items() if n > 1]
                assert not duplicates, (name, where, duplicates)
            else:  # a nested list: unique within its parent
                assert len(ids) == len(set(ids)), (name, where, ids)
    task_ids = [t["id"] for f in raw["ai_tasks.toml"]["families"] for t in f["tasks"]]
    assert len(task_ids) == len(set(task_ids)), "task ids are unique in the whole file"


def _sources(value: Any):
    if isinstance(value, dict):
        for key, inner in value.items():
            if key == "source":
                yield inner
            else:
                yield from _sources(inner)
    elif isinstance(value, list):
        for inner in value:
            yield from _sources(inner)


def test_every_item_names_a_source(raw, content):
    for group in (
        content.strengths,
        content.prompts,
        content.preferences,
        content.values,
        content.context,
        content.paths,
        content.tasks,
        content.orchestration,
        content.questions,
        content.actions,
    ):
        for item in group.values():
            assert content_schema.SOURCE_PATTERN.match(item.source), item
    for name, document in raw.items():
        for source in _sources(document):
            assert content_schema.SOURCE_PATTERN.match(source), (name, source)


@pytest.mark.skipif(
    not SEEDS.is_dir(),
    reason=f"the seed files are not beside the repository ({SEEDS}); CI clones shared/ there",
)
def test_every_source_is_a_seed_file_that_exists_or_coaching_practice(raw):
    seeds = {path.name for path in SEEDS.iterdir() if path.suffix == ".txt"}
    assert seeds, f"no seed files in {SEEDS}"
    for name, document in raw.items():
        for source in _sources(document):
            assert source == "coaching practice" or source in seeds, (name, source)


def test_no_trademarked_assessment_theme_names_a_strength(content):
    banned = {theme.casefold() for theme in TRADEMARKED_THEMES}
    assert len(banned) == 34
    names = [s.name for s in content.strengths.values()]
    names += [d.name for d in content.domains.values()]
    names += [s.name for s in content.orchestration.values()]
    for name in names:
        assert name.strip().casefold() not in banned, name


# ---- broken files --------------------------------------------------------------------------


def _toml_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return "nan" if math.isnan(value) else repr(value)
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)  # a JSON string is a TOML basic string
    if isinstance(value, list):
        return "[" + ", ".join(_toml_value(v) for v in value) + "]"
    if isinstance(value, dict):
        pairs = (f"{json.dumps(k)} = {_toml_value(v)}" for k, v in value.items())
        return "{ " + ", ".join(pairs) + " }"
    raise TypeError(value)


def dump_toml(document: dict) -> str:
    """A parsed content file written back as TOML (enough for these files; no writer ships)."""
    lines: list[str] = []

    def table(body: dict, path: list[str]) -> None:
        nested = []
        for key, value in body.items():
            is_tables = (
                isinstance(value, list) and value and all(isinstance(v, dict) for v in value)
            )
            if isinstance(value, dict) or is_tables:
                nested.append((key, value))
            else:
                lines.append(f"{json.dumps(key)} = {_toml_value(value)}")
        for key, value in nested:
            name = ".".join(json.dumps(part) for part in [*path, key])
            if isinstance(value, dict):
                lines.append(f"[{name}]")
                table(value, [*path, key])
            else:
                for item in value:
                    lines.append(f"[[{name}]]")
                    table(item, [*path, key])

    table(document, [])
    return "\n".join(lines) + "\n"


@pytest.fixture
def copy(tmp_path):
    """The shipped content files, copied to a folder of their own."""
    folder = tmp_path / "content"
    folder.mkdir()
    for name in content_schema.FILES:
        text = shipped_folder().joinpath(name).read_text(encoding="utf-8")
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def edit(folder: Path, name: str, change: Callable[[dict], Any]) -> None:
    path = folder / name
    document = tomllib.loads(path.read_text(encoding="utf-8"))
    change(document)
    path.write_text(dump_toml(document), encoding="utf-8")


def refusal(folder: Path) -> ContentError:
    with pytest.raises(ContentError) as refused:
        load_folder(folder)
    return refused.value


def test_a_faithful_copy_loads_as_the_shipped_content(copy, content):
    assert load_folder(copy) == content
    for name in content_schema.FILES:  # the test's own writer changes nothing
        edit(copy, name, lambda doc: None)
    assert load_folder(copy) == content


def _choice_weight(doc: dict) -> dict:
    """The first context weight that names an option of a choice question."""
    return next(w for p in doc["paths"] for w in p.get("context", []) if w["answer"] != "answered")


def _drop_energy_3(doc):
    del doc["strengths"][0]["energy"]["3"]


def _unknown_domain(doc):
    doc["strengths"][0]["domain"] = "astrology"


def _duplicate_strength(doc):
    doc["strengths"].append(dict(doc["strengths"][0], name="Another name"))


def _weight_unknown_strength(doc):
    doc["paths"][0]["strengths"][0]["strength"] = "telepathy"


def _weight_of_7(doc):
    doc["paths"][0]["strengths"][0]["weight"] = 7


def _answer_not_an_option(doc):
    _choice_weight(doc)["answer"] = "perhaps"


def _share_too_big(doc):
    doc["families"][0]["tasks"][0]["ai_share"] = 1.5


def _mode_delegate(doc):
    doc["families"][0]["tasks"][0]["mode"] = "delegate"


def _typo(doc):
    strength = doc["strengths"][0]
    strength["descripton"] = strength.pop("description")


def _wrong_format(doc):
    doc["format"] = "career-workbook-strenghts"


def _version_2(doc):
    doc["version"] = 2


def _both_targets(doc):
    action = doc["actions"][0]
    action["for_strength"] = action.get("for_strength") or "mentoring"
    action["for_path"] = action.get("for_path") or "manager"


def _scale_level_named(doc):
    levels = doc["scales"][0]["levels"]
    levels["one"] = levels.pop("1")


def _empty_option_label(doc):
    doc["questions"][0]["options"][1]["label"] = " "


def _weight_unknown_value(doc):
    doc["paths"][0]["values"][0]["value"] = "fame"


def _duplicate_value(doc):
    doc["values"].append(dict(doc["values"][0], name="Freedom"))


def _value_without_description(doc):
    doc["values"][0]["description"] = "  "


# The items each case breaks, read from the shipped files so the cases survive new content.
FIRST_STRENGTH = SHIPPED["strengths.toml"]["strengths"][0]["id"]
FIRST_PATH = SHIPPED["paths.toml"]["paths"][0]["id"]
FIRST_WEIGHT = SHIPPED["paths.toml"]["paths"][0]["strengths"][0]["strength"]
CHOICE_WEIGHT_PATH = next(
    p["id"]
    for p in SHIPPED["paths.toml"]["paths"]
    if any(w["answer"] != "answered" for w in p.get("context", []))
)
FIRST_FAMILY = SHIPPED["ai_tasks.toml"]["families"][0]["id"]
FIRST_TASK = SHIPPED["ai_tasks.toml"]["families"][0]["tasks"][0]["id"]
FIRST_ACTION = SHIPPED["actions.toml"]["actions"][0]["id"]
FIRST_SCALE = SHIPPED["scales.toml"]["scales"][0]["id"]
FIRST_QUESTION = SHIPPED["context.toml"]["questions"][0]
FIRST_VALUE = SHIPPED["values.toml"]["values"][0]["id"]

# (file, how to break it, words that must name the item, the field, words in the message)
BROKEN = {
    "strength-missing-energy-3": (
        "strengths.toml",
        _drop_energy_3,
        [FIRST_STRENGTH],
        "energy.3",
        "needs a description",
    ),
    "unknown-domain": ("strengths.toml", _unknown_domain, [FIRST_STRENGTH], "domain", "astrology"),
    "duplicate-strength-id": (
        "strengths.toml",
        _duplicate_strength,
        [FIRST_STRENGTH],
        "id",
        "used twice",
    ),
    "weight-for-unknown-strength": (
        "paths.toml",
        _weight_unknown_strength,
        [FIRST_PATH],
        "strengths",
        "'telepathy' is not a strength",
    ),
    "weight-of-7": (
        "paths.toml",
        _weight_of_7,
        [FIRST_PATH, FIRST_WEIGHT],
        "weight",
        "from -3 to 3",
    ),
    "context-answer-not-an-option": (
        "paths.toml",
        _answer_not_an_option,
        [CHOICE_WEIGHT_PATH],
        "context",
        "'perhaps' is not an answer",
    ),
    "ai-share-1.5": (
        "ai_tasks.toml",
        _share_too_big,
        [FIRST_FAMILY, FIRST_TASK],
        "ai_share",
        "between 0.0 and 1.0",
    ),
    "mode-delegate": (
        "ai_tasks.toml",
        _mode_delegate,
        [FIRST_FAMILY, FIRST_TASK],
        "mode",
        "'delegate'",
    ),
    "typo-in-a-field-name": (
        "strengths.toml",
        _typo,
        [FIRST_STRENGTH],
        "descripton",
        "a typo?",
    ),
    "wrong-format": ("strengths.toml", _wrong_format, ["the file"], "format", "career-workbook"),
    "version-2": ("strengths.toml", _version_2, ["the file"], "version", "is 2"),
    "action-for-strength-and-path": (
        "actions.toml",
        _both_targets,
        [FIRST_ACTION],
        "for_strength",
        "either for_strength or for_path",
    ),
    "scale-level-not-a-number": (
        "scales.toml",
        _scale_level_named,
        [FIRST_SCALE],
        "levels",
        "1 to 4 or 1 to 5",
    ),
    "weight-for-unknown-value": (
        "paths.toml",
        _weight_unknown_value,
        [FIRST_PATH],
        "values",
        "'fame' is not a value",
    ),
    "duplicate-value-id": ("values.toml", _duplicate_value, [FIRST_VALUE], "id", "used twice"),
    "value-without-description": (
        "values.toml",
        _value_without_description,
        [FIRST_VALUE],
        "description",
        "must not be empty",
    ),
    "empty-option-label": (
        "context.toml",
        _empty_option_label,
        [FIRST_QUESTION["id"], FIRST_QUESTION["options"][1]["id"]],
        "label",
        "must not be empty",
    ),
}


@pytest.mark.parametrize(
    ("file", "breakage", "item", "field", "words"), BROKEN.values(), ids=BROKEN.keys()
)
def test_a_broken_file_is_refused_naming_file_item_and_field(
    copy, file, breakage, item, field, words
):
    edit(copy, file, breakage)
    error = refusal(copy)
    assert error.file == file
    assert f"The content file {file} has problems" in error.message
    matching = [
        (where, message)
        for where, name, message in error.problems
        if name == field and all(f"{part}" in where for part in item)
    ]
    assert matching, error.message
    where, message = matching[0]
    assert f"{where}, field '{field}': {message}" in error.message
    assert any(words in line for line in error.message.splitlines()), error.message


def test_a_typo_also_reports_the_field_it_replaced(copy):
    edit(copy, "strengths.toml", _typo)
    problems = {(field, message) for _, field, message in refusal(copy).problems}
    assert ("description", "is missing") in problems


def test_a_file_that_is_not_toml_is_named_with_the_line(copy):
    path = copy / "prompts.toml"
    lines = path.read_text(encoding="utf-8").splitlines()
    lines.insert(3, 'text = "an unfinished string')
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    error = refusal(copy)
    assert error.file == "prompts.toml"
    assert "prompts.toml" in error.message
    assert "is not valid TOML" in error.message
    assert "line 4" in error.message


def test_a_missing_file_is_named(copy):
    (copy / "questions.toml").unlink()
    error = refusal(copy)
    assert error.file == "questions.toml"
    assert "questions.toml" in error.message
    assert "cannot be read" in error.message


def test_every_problem_in_a_file_is_reported_at_once(copy):
    def two_problems(doc):
        _drop_energy_3(doc)
        doc["strengths"][1]["edge"]["5"] = "Better than everyone."

    edit(copy, "strengths.toml", two_problems)
    fields = {field for _, field, _ in refusal(copy).problems}
    assert {"energy.3", "edge.5"} <= fields


def test_the_parse_cache_gives_the_same_content_and_notices_edits(copy, content, tmp_path):
    cache = tmp_path / "cache" / "content.json"
    assert load_folder(copy, cache=cache) == content  # parsed, then cached
    assert cache.stat().st_mode & 0o777 == 0o600
    assert load_folder(copy, cache=cache) == content  # from the cache

    edit(copy, "strengths.toml", lambda doc: doc["strengths"][0].update(name="Renamed"))
    edited = load_folder(copy, cache=cache)
    assert edited.strengths[content_first_strength(content)].name == "Renamed"


def content_first_strength(content) -> str:
    return next(iter(content.strengths))


def test_a_cached_file_is_still_checked(copy, tmp_path):
    """The cache saves parsing only: a file broken after it was cached is refused."""
    cache = tmp_path / "content.json"
    load_folder(copy, cache=cache)
    edit(copy, "scales.toml", lambda doc: doc["scales"][0].pop("name"))
    with pytest.raises(ContentError) as refused:
        load_folder(copy, cache=cache)
    assert refused.value.file == "scales.toml"


@pytest.mark.parametrize("junk", [b"", b"{not json", b"[1, 2]", b'{"format": 1, "files": 7}'])
def test_a_damaged_cache_is_ignored_and_rebuilt(copy, content, tmp_path, junk):
    cache = tmp_path / "content.json"
    cache.write_bytes(junk)
    assert load_folder(copy, cache=cache) == content
    assert load_folder(copy, cache=cache) == content


def test_an_unwritable_cache_folder_only_costs_speed(copy, content, tmp_path):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the cache folder would go")
    assert load_folder(copy, cache=blocker / "content.json") == content
