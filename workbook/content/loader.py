"""Reading the content files: parse, check against the schema, cross-check, build.

A problem is reported as a ContentError naming the file, the item and the
field, with every problem found in that file, so a coach who edits a file
learns all that is wrong in one go. The packaged files are loaded once per
process (`load_content()` caches); tests load other folders directly.
"""

from __future__ import annotations

import functools
import json
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any

from workbook.atomic import atomic_file
from workbook.content import contradiction_pairs, schema
from workbook.content.catalogue import (
    ActionIdea,
    Content,
    ContextQuestion,
    ConversationQuestion,
    Domain,
    GuideText,
    OrchestrationSkill,
    PathGuide,
    PathProfile,
    Preference,
    Prompt,
    RiskKind,
    RoleVariant,
    Scale,
    Strength,
    TaskFamily,
    TaskTemplate,
    Value,
    Weight,
)
from workbook.errors import WorkbookError
from workbook.model import ROLE_FAMILIES
from workbook.paths import cache_dir, ensure_private_dir

#: Changes whenever the cache's layout does, so an old cache is ignored.
CACHE_FORMAT = 2


class ContentError(WorkbookError):
    """A content file is missing, unreadable or does not match its schema."""

    def __init__(self, file: str, problems: list[tuple[str, str, str]]) -> None:
        self.file = file
        self.problems = problems
        lines = [f"{where}, field '{field}': {message}" for where, field, message in problems]
        super().__init__(f"The content file {file} has problems:\n  " + "\n  ".join(lines))


def _levels(table: dict[str, str]) -> dict[int, str]:
    return {int(key): text for key, text in sorted(table.items(), key=lambda kv: int(kv[0]))}


def _read(folder: Traversable | Path, name: str, parsed: dict[str, Any]) -> dict[str, Any]:
    """Read, parse and check one file; `parsed` is the cache entry it may reuse, and
    is updated to hold this file's text and document."""
    try:
        text = folder.joinpath(name).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise ContentError(name, [("the file", "-", f"cannot be read ({error})")]) from None
    # The cached text itself, not a digest of it: comparing is exact and needs no
    # hashlib (whose OpenSSL part takes 3 ms to load on the way to the first workbook).
    if parsed.get("text") == text and isinstance(parsed.get("document"), dict):
        document = parsed["document"]
    else:
        import tomllib

        try:
            document = tomllib.loads(text)
        except tomllib.TOMLDecodeError as error:
            raise ContentError(name, [("the file", "-", f"is not valid TOML: {error}")]) from None
        parsed.clear()
        parsed.update(text=text, document=document)
    # Checked every time, cached or not: the cache only saves parsing.
    problems = schema.check(document, name)
    if problems:
        raise ContentError(name, problems)
    return document


def _load_cache(path: Path) -> dict[str, Any]:
    try:
        cached = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}  # missing or damaged: parse the files again
    return cached if isinstance(cached, dict) and cached.get("format") == CACHE_FORMAT else {}


def _store_cache(path: Path, cached: dict[str, Any]) -> None:
    """Write the cache whole or not at all; a folder that cannot be written costs speed only."""
    try:
        text = json.dumps(cached, ensure_ascii=False)
        ensure_private_dir(path.parent, ours=True)
        with atomic_file(path, private=True, durable=False) as handle:
            handle.write(text.encode("utf-8"))
    except (OSError, TypeError, ValueError):
        pass


def _unique(name: str, items: list[dict], key: str = "id") -> list[tuple[str, str, str]]:
    seen: set[str] = set()
    problems = []
    for item in items:
        value = item[key]
        if value in seen:
            problems.append((f"item {value!r}", key, "is used twice; ids must be unique"))
        seen.add(value)
    return problems


def _raise_if(name: str, problems: list[tuple[str, str, str]]) -> None:
    if problems:
        raise ContentError(name, problems)


def load_folder(folder: Traversable | Path, *, cache: Path | None = None) -> Content:
    """Load and check every content file in `folder`.

    With `cache`, parsed files are kept there as JSON beside the text they came from:
    parsing the TOML is most of the cost of loading (about 25 ms of 30), and reading
    JSON is some fifteen times faster. An edited file is simply parsed again.
    """
    cached = _load_cache(cache) if cache is not None else {}
    entries = cached.get("files") if isinstance(cached.get("files"), dict) else {}
    fresh = {name: dict(entry) for name, entry in entries.items() if isinstance(entry, dict)}
    docs = {name: _read(folder, name, fresh.setdefault(name, {})) for name in schema.FILES}
    if cache is not None and fresh != entries:
        _store_cache(cache, {"format": CACHE_FORMAT, "files": fresh})

    scales = {
        s["id"]: Scale(s["id"], s["name"], s["question"], _levels(s["levels"]))
        for s in docs["scales.toml"]["scales"]
    }
    missing = [s for s in schema.SCALE_IDS if s not in scales]
    _raise_if("scales.toml", [("the file", "scales", f"needs the scale {m!r}") for m in missing])

    sdoc = docs["strengths.toml"]
    _raise_if("strengths.toml", _unique("strengths.toml", sdoc["domains"]))
    _raise_if("strengths.toml", _unique("strengths.toml", sdoc["strengths"]))
    domains = {d["id"]: Domain(d["id"], d["name"], d["description"]) for d in sdoc["domains"]}
    _raise_if(
        "strengths.toml",
        [
            (f"strength {s['id']!r}", "domain", f"{s['domain']!r} is not a domain in this file")
            for s in sdoc["strengths"]
            if s["domain"] not in domains
        ],
    )
    strengths = {
        s["id"]: Strength(
            s["id"],
            s["domain"],
            s["name"],
            s["description"],
            s["source"],
            s["overuse"],
            _levels(s["proficiency"]),
            _levels(s["energy"]),
            _levels(s["edge"]),
        )
        for s in sdoc["strengths"]
    }

    def simple(file: str, key: str, build: Any) -> dict[str, Any]:
        items = docs[file][key]
        _raise_if(file, _unique(file, items))
        return {item["id"]: build(item) for item in items}

    prompts = simple(
        "prompts.toml",
        "prompts",
        lambda p: Prompt(p["id"], p["text"], p["step"], p["grow"], p["source"], p.get("hint", "")),
    )
    preferences = simple(
        "preferences.toml",
        "preferences",
        lambda p: Preference(p["id"], p["statement"], p["source"], p.get("hint", "")),
    )
    values = simple(
        "values.toml",
        "values",
        lambda v: Value(v["id"], v["name"], v["description"], v["source"]),
    )
    context = simple(
        "context.toml",
        "questions",
        lambda q: ContextQuestion(
            q["id"],
            q["text"],
            q["kind"],
            q["source"],
            q.get("hint", ""),
            tuple((o["id"], o["label"]) for o in q.get("options", [])),
        ),
    )
    _raise_if(
        "context.toml",
        [
            (f"question {q.id!r}", "options", "a choice question needs at least two options")
            for q in context.values()
            if q.kind == "choice" and len(q.options) < 2
        ],
    )
    orchestration = simple(
        "orchestration.toml",
        "skills",
        lambda s: OrchestrationSkill(
            s["id"], s["name"], s["why_it_matters"], s["source"], _levels(s["levels"])
        ),
    )
    _raise_if(
        "orchestration.toml",
        [
            (f"skill {skill!r}", "id", "must be a strength in strengths.toml")
            for skill in orchestration
            if skill not in strengths
        ],
    )
    questions = simple(
        "questions.toml",
        "questions",
        lambda q: ConversationQuestion(q["id"], q["text"], q["topic"], q["source"]),
    )

    paths, problems = _paths(docs["paths.toml"], strengths, preferences, values, context)
    _raise_if("paths.toml", problems)

    tdoc = docs["ai_tasks.toml"]
    families = {family for family, _ in ROLE_FAMILIES}
    problems = _unique("ai_tasks.toml", tdoc["families"])
    problems += _unique("ai_tasks.toml", [t for f in tdoc["families"] for t in f["tasks"]])
    problems += [
        (f"family {f['id']!r}", "id", "is not a role family of About you")
        for f in tdoc["families"]
        if f["id"] not in families
    ]
    _raise_if("ai_tasks.toml", problems)
    task_risks, task_families, tasks = _task_library(tdoc)

    actions = simple(
        "actions.toml",
        "actions",
        lambda a: ActionIdea(
            a["id"], a["text"], a["kind"], a["source"], a.get("for_strength"), a.get("for_path")
        ),
    )
    problems = []
    for action in actions.values():
        where = f"action {action.id!r}"
        if (action.for_strength is None) == (action.for_path is None):
            problems.append((where, "for_strength", "give either for_strength or for_path"))
        elif action.for_strength and action.for_strength not in strengths:
            problems.append((where, "for_strength", f"{action.for_strength!r} is not a strength"))
        elif action.for_path and action.for_path not in paths:
            problems.append((where, "for_path", f"{action.for_path!r} is not a path"))
    _raise_if("actions.toml", problems)

    gdoc = docs["path_guides.toml"]
    guides, problems = _guides(gdoc, paths)
    _raise_if("path_guides.toml", problems)

    contradictions, problems = contradiction_pairs.build(
        docs["contradictions.toml"], strengths, preferences
    )
    _raise_if("contradictions.toml", problems)

    return Content(
        scales=scales,
        domains=domains,
        strengths=strengths,
        prompts=prompts,
        preferences=preferences,
        context=context,
        paths=paths,
        tasks=tasks,
        task_note=tdoc["note"],
        task_families=task_families,
        task_risks=task_risks,
        orchestration=orchestration,
        questions=questions,
        actions=actions,
        guides=guides,
        sponsor_mentor=_guide_text(gdoc["sponsor_mentor"]),
        values=values,
        values_note=docs["values.toml"]["note"],
        contradictions=contradictions,
    )


def _task_library(
    document: dict,
) -> tuple[dict[str, RiskKind], dict[str, TaskFamily], dict[str, TaskTemplate]]:
    """The risk kinds, families and tasks of ai_tasks.toml, each family's tasks checked
    against its share range: the typical share (weighted by hours) inside it, no task
    above its ceiling, and a note in the task's words wherever a risk is high."""
    problems = _unique("ai_tasks.toml", document["risks"])
    risks = {
        r["id"]: RiskKind(r["id"], r["name"], r["question"], r["source"], dict(r["levels"]))
        for r in document["risks"]
    }
    problems += [
        ("the file", "risks", f"needs the risk {kind!r}")
        for kind in schema.RISK_KINDS
        if kind not in risks
    ]
    families, tasks = {}, {}
    for f in document["families"]:
        low, high = (float(bound) for bound in f["share_range"])
        family = families[f["id"]] = TaskFamily(f["id"], (low, high), float(f["share_ceiling"]))
        for t in f["tasks"]:
            tasks[t["id"]] = TaskTemplate(
                t["id"],
                f["id"],
                t["name"],
                float(t["hours_hint"]),
                float(t["ai_share"]),
                t["mode"],
                t["validation"],
                t["stakes"],
                t["stakes_note"],
                t["source"],
                t["outcome"],
                float(t["setup_hours"]),
                tuple((kind, t["risks"][kind]) for kind in schema.RISK_KINDS),
                t.get("risk_note", ""),
            )
        problems += _family_problems(family, [tasks[t["id"]] for t in f["tasks"]])
    _raise_if("ai_tasks.toml", problems)
    return risks, families, tasks


def typical_share(tasks: list[TaskTemplate]) -> float:
    """The tasks' starting shares weighted by their hours: how much of such a week AI
    could take, by the library's own estimates."""
    hours = sum(t.hours_hint for t in tasks)
    return sum(t.ai_share * t.hours_hint for t in tasks) / hours if hours else 0.0


def _family_problems(family: TaskFamily, tasks: list[TaskTemplate]) -> list:
    where = f"family {family.id!r}"
    low, high = family.share_range
    problems = []
    if tasks and not low - 1e-9 <= (typical := typical_share(tasks)) <= high + 1e-9:
        problems.append(
            (
                where,
                "share_range",
                f"its tasks' shares, weighted by their hours, come to {typical:.2f}: "
                f"outside {low:.2f} to {high:.2f}",
            )
        )
    for task in tasks:
        if task.ai_share > family.share_ceiling + 1e-9:
            problems.append(
                (
                    f"{where}, task {task.id!r}",
                    "ai_share",
                    f"is above the family's share_ceiling of {family.share_ceiling:.2f}",
                )
            )
        if "high" in dict(task.risks).values() and not task.risk_note:
            problems.append(
                (
                    f"{where}, task {task.id!r}",
                    "risk_note",
                    "is missing: say in the task's own words what a high risk means here",
                )
            )
    return problems


def _guide_text(part: dict) -> GuideText:
    return GuideText(part["text"], part["source"], part.get("credit", ""), part.get("title", ""))


def _guides(
    document: dict, paths: dict[str, PathProfile]
) -> tuple[dict[str, PathGuide], list[tuple[str, str, str]]]:
    """The guides by path id. Each names a path of paths.toml, once; a path without a
    guide is left to the content tests (the Edge step shows none for it)."""
    problems = _unique("path_guides.toml", document["guides"], key="path")
    guides = {}
    for g in document["guides"]:
        where = f"guide {g['path']!r}"
        if g["path"] not in paths:
            problems.append((where, "path", f"{g['path']!r} is not a path in paths.toml"))
        roles = g["roles"]
        ids = [v["id"] for v in roles["variants"]]
        problems += [
            (f"{where}, roles, variant {i!r}", "id", "is used twice; ids must be unique")
            for n, i in enumerate(ids)
            if i in ids[:n]
        ]
        guides[g["path"]] = PathGuide(
            g["path"],
            g["summary"],
            _guide_text(g["week"]),
            _guide_text(g["reversibility"]),
            roles["title"],
            roles["intro"],
            tuple(
                RoleVariant(v["id"], v["name"], v["description"], v["source"])
                for v in roles["variants"]
            ),
            roles.get("credit", ""),
        )
    return guides, problems


def _paths(
    document: dict, strengths: dict, preferences: dict, values: dict, context: dict
) -> tuple[dict[str, PathProfile], list[tuple[str, str, str]]]:
    problems = _unique("paths.toml", document["paths"])
    paths = {}
    for p in document["paths"]:
        where = f"path {p['id']!r}"
        weights = []
        for w in p["strengths"]:
            if w["strength"] not in strengths:
                problems.append((where, "strengths", f"{w['strength']!r} is not a strength"))
            weights.append(Weight("strength", w["strength"], w["weight"], w["why"]))
        for w in p["preferences"]:
            if w["preference"] not in preferences:
                problems.append((where, "preferences", f"{w['preference']!r} is not a preference"))
            weights.append(Weight("preference", w["preference"], w["weight"], w["why"]))
        for w in p.get("values", []):
            if w["value"] not in values:
                problems.append((where, "values", f"{w['value']!r} is not a value in values.toml"))
            weights.append(Weight("value", w["value"], w["weight"], w["why"]))
        for w in p.get("context", []):
            question = context.get(w["question"])
            if question is None:
                problems.append((where, "context", f"{w['question']!r} is not a context question"))
            elif question.kind == "choice" and w["answer"] not in dict(question.options):
                problems.append(
                    (where, "context", f"{w['answer']!r} is not an answer to {w['question']!r}")
                )
            elif question.kind == "text" and w["answer"] != "answered":
                problems.append((where, "context", "a text question counts only as 'answered'"))
            weights.append(Weight("context", w["question"], w["weight"], w["why"], w["answer"]))
        seen = set()
        for w in weights:
            key = (w.kind, w.target, w.answer)
            if key in seen:
                problems.append((where, w.kind, f"{w.target!r} is weighted twice"))
            seen.add(key)
        paths[p["id"]] = PathProfile(
            p["id"], p["name"], p["short_name"], p["description"], p["source"], tuple(weights)
        )
    if len(paths) < 2:
        problems.append(("the file", "paths", "needs at least two paths to compare"))
    return paths, problems


@functools.cache
def load_content() -> Content:
    """The content shipped with the program (checked once per process)."""
    cache = cache_dir() / "content.json"
    return load_folder(resources.files("resources").joinpath("content"), cache=cache)
