"""Seeded, reproducible benchmark data, generated through the door and cached.

- `example_db()`: a database holding only the example workbook.
- `heavy_document()` / `heavy_file()`: the example person after a year of use: 52 weekly
  journal entries, 60 AI tasks, 20 goals with actions (a workbook file, docs/workbook-file.md).
- `coach_db(n)`: a coach's database with `n` full workbooks (default 200), each a variation
  of the example imported with `workbook_file.import_document` (one transaction each).

Files are cached under `<tmp>/career-workbook-bench/<VERSION>-schema<N>-<digest>/`, the
digest that of the example workbook and the workbook file's schema; change `VERSION`
when the generators change. `python -m benchmarks.generate` builds them all.
"""

from __future__ import annotations

import copy
import hashlib
import json
import random
import tempfile
from importlib import resources
from pathlib import Path
from typing import Any

from workbook.data import load_workbook_data
from workbook.example import add_example
from workbook.migrations import SCHEMA_VERSION
from workbook.storage import open_database
from workbook.workbook_file import import_document, to_document, validate

VERSION = "1"
SEED = 20261122
#: A word every coach database holds in some journal and evidence text (the search metric).
SEARCH_WORD = "forecast"
_WORD_TEXT = (
    "meeting review data team manager customer quarter project pricing analysis mentor "
    "feedback deadline budget report model dashboard stakeholder planning hiring churn "
    "retention interview workshop roadmap launch incident survey training migration"
)
WORDS = _WORD_TEXT.split()


def _inputs_digest() -> str:
    """A short digest of what the cached files are made from (the example workbook and
    the workbook file's schema), so a cache made by another version is never reused."""
    made_from = hashlib.sha256()
    for name in ("examples/example_workbook.json", "schema/workbook-file.schema.json"):
        made_from.update(resources.files("resources").joinpath(name).read_bytes())
    return made_from.hexdigest()[:10]


def cache_dir() -> Path:
    name = f"{VERSION}-schema{SCHEMA_VERSION}-{_inputs_digest()}"
    path = Path(tempfile.gettempdir()) / "career-workbook-bench" / name
    path.mkdir(parents=True, exist_ok=True)
    return path


def _sentences(rng: random.Random, count: int) -> str:
    parts = []
    for _ in range(count):
        words = rng.choices(WORDS, k=rng.randint(8, 16))
        parts.append(" ".join(words).capitalize() + ".")
    return " ".join(parts)


def example_document() -> dict[str, Any]:
    """The example workbook as a workbook file document (built through the door, cached)."""
    path = cache_dir() / "example.json"
    if not path.exists():
        db = open_database(cache_dir() / "scratch.sqlite3")
        with db:
            document = to_document(load_workbook_data(db, add_example(db)))
        db.close()
        for name in ("scratch.sqlite3", "scratch.sqlite3-wal", "scratch.sqlite3-shm"):
            (cache_dir() / name).unlink(missing_ok=True)
        path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    return json.loads(path.read_text(encoding="utf-8"))


def heavy_document(seed: int = SEED, weeks: int = 52, tasks: int = 60, goals: int = 20) -> dict:
    """The example person a year on: weekly journal entries, many tasks and goals."""
    rng = random.Random(seed)
    doc = example_document()
    doc["name"] = "Heavy: a year of use"
    kinds = ("reflection", "energy", "feedback")
    journal = []
    for week in range(weeks):
        month, day = divmod(week * 7, 28)
        kind = kinds[week % 3]
        journal.append(
            {
                "kind": kind,
                "entry_date": f"2025-{month % 12 + 1:02d}-{day + 1:02d}",
                "prompt_id": None,
                "body": _sentences(rng, rng.randint(4, 10)),
                "source": "Karim" if kind == "feedback" else "",
                "energy_level": rng.randint(1, 5) if kind == "energy" else None,
                "private": rng.random() < 0.5,
            }
        )
    doc["journal"] = doc["journal"] + journal
    base_tasks = doc["tasks"]
    doc["tasks"] = []
    for n in range(tasks):
        task = copy.deepcopy(base_tasks[n % len(base_tasks)])
        task["id"] = n + 1
        task["position"] = n
        task["name"] = f"{task['name']} ({n + 1})"
        task["hours_per_week"] = round(rng.uniform(0.5, 1.5), 1)
        doc["tasks"].append(task)
    doc["reinvestments"] = []  # their hours must fit within what the new tasks free
    base_goals = doc["goals"]
    doc["goals"] = []
    for n in range(goals):
        goal = copy.deepcopy(base_goals[n % len(base_goals)])
        goal["id"] = n + 1
        goal["title"] = f"{goal['title']} ({n + 1})"
        goal["actions"] = goal["actions"] + [
            {
                "title": _sentences(rng, 1)[:120],
                "kind": "experience",
                "due_date": None,
                "status": "planned",
            }
            for _ in range(2)
        ]
        doc["goals"].append(goal)
    problems = validate(doc)
    if problems:
        raise ValueError(f"the heavy workbook is not valid: {problems[:5]}")
    return doc


def heavy_file(seed: int = SEED) -> Path:
    path = cache_dir() / f"heavy-{seed}.json"
    if not path.exists():
        text = json.dumps(heavy_document(seed), ensure_ascii=False, indent=2)
        path.write_text(text + "\n", encoding="utf-8")
    return path


def participant_document(rng: random.Random, base: dict, number: int) -> dict:
    """One participant: the example's shape with their own name and words."""
    doc = copy.deepcopy(base)
    doc["name"] = f"Participant {number:03d}"
    doc["profile"]["person_name"] = f"Participant {number:03d}"
    for entry in doc["journal"]:
        entry["body"] = _sentences(rng, rng.randint(3, 8))
    for item in doc["evidence"]:
        for field in ("situation", "action", "result"):
            item[field] = _sentences(rng, rng.randint(1, 3))
    if number % 4 == 0:  # the search word, in some workbooks only
        doc["journal"][0]["body"] += f" The {SEARCH_WORD} was late again."
        doc["evidence"][0]["result"] += f" My {SEARCH_WORD} was trusted."
    return doc


def _fresh(path: Path) -> None:
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)


def example_db() -> Path:
    path = cache_dir() / "example.sqlite3"
    if not path.exists():
        part = path.with_suffix(".part")
        _fresh(part)
        db = open_database(part)
        add_example(db)
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        db.close()
        part.replace(path)
    return path


def coach_db(n: int = 200, seed: int = SEED) -> Path:
    """A coach's database with `n` full workbooks; the first one is the most recent."""
    path = cache_dir() / f"coach-{n}-{seed}.sqlite3"
    if not path.exists():
        part = path.with_suffix(".part")
        _fresh(part)
        rng = random.Random(seed)
        base = example_document()
        db = open_database(part)
        for number in range(n, 0, -1):  # participant 001 is added last: the most recent
            import_document(db, participant_document(rng, base, number))
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        db.close()
        part.replace(path)
    return path


def main() -> None:
    for label, path in (
        ("example database", example_db()),
        ("heavy workbook file", heavy_file()),
        ("coach database", coach_db()),
    ):
        print(f"{label}: {path} ({path.stat().st_size / 1024:.0f} KiB)")


if __name__ == "__main__":
    main()
