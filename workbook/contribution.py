"""One participant's closed answers, as the group overview counts them, and the small
file a participant on their own laptop gives the coach.

A contribution holds ids from the shipped content and fixed words only: where the
answers lean (a path id, or "close_call"), the strength domains among the signature
strengths, a band of hours freed, the kinds of AI task worth a second look, and the
value put first. It has a random id, so the coach's overview counts a file given
twice once, and no name. Reading a file checks every key and value against those
closed lists: anything else (a name, a sentence, a key we do not know) refuses the
whole file, so no typed text can reach the overview by this road.
"""

from __future__ import annotations

import json
import re
import secrets
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from workbook.analysis.ai_plan import THIN_REVIEW_SHARE, ai_hours
from workbook.analysis.summary import summary
from workbook.atomic import atomic_file
from workbook.change import now_iso
from workbook.content.catalogue import Content
from workbook.data import Task, WorkbookData
from workbook.errors import WorkbookError

FORMAT = "career-workbook-contribution"
VERSION = 1
CLOSE_CALL = "close_call"
#: Hours a week AI could free, in bands: (lowest hours, id, words).
HOUR_BANDS = (
    (0.0, "none", "none"),
    (0.05, "under_2", "under 2 h"),
    (2.0, "2_to_5", "2 to 5 h"),
    (5.0, "5_to_10", "5 to 10 h"),
    (10.0, "10_or_more", "10 h or more"),
)
FLAG_KINDS = {
    "high_no_check": "High stakes, no check named",
    "high_thin_check": "High stakes, little time to check",
    "no_check": "No check named",
}
KEYS = ("format", "version", "id", "leaning", "domains", "hours_band", "flags", "first_value")
_ID = re.compile(r"\A[0-9a-f]{32}\Z")
MAX_FILE = 4096  # bytes: a contribution is a few hundred; more is not one


class ContributionProblem(WorkbookError):
    """A contribution file that is not one, in plain words; nothing of it is kept."""


@dataclass(frozen=True)
class Contribution:
    id: str
    leaning: str | None  # a path id, CLOSE_CALL, or None with nothing answered
    domains: tuple[str, ...]
    hours_band: str
    flags: tuple[str, ...]
    first_value: str | None


def band(hours: float) -> str:
    found = HOUR_BANDS[0][1]
    for low, band_id, _words in HOUR_BANDS:
        if hours >= low:
            found = band_id
    return found


def flag_kind(task: Task) -> str | None:
    """Why a task is worth a second look, as a kind (no words of the person's)."""
    handled = ai_hours(task)
    if handled <= 0:
        return None
    has_check = bool(task.validation.strip())
    if task.stakes == "high" and not has_check:
        return "high_no_check"
    if task.stakes == "high" and task.review_hours < THIN_REVIEW_SHARE * handled:
        return "high_thin_check"
    if task.stakes == "medium" and not has_check:
        return "no_check"
    return None


def contribution_of(data: WorkbookData, content: Content, id: str | None = None) -> Contribution:
    """A workbook's closed answers; a new random id unless one is given."""
    result = summary(data, content)
    answered = any(p["confidence"] for p in result["paths"])
    leaning = None
    if answered:
        leaning = CLOSE_CALL if result["close_call"] else result["ranking"][0]
    domains = sorted(
        {
            content.strengths[f["id"]].domain
            for f in result["signature_strengths"]
            if f["id"] in content.strengths
        }
    )
    return Contribution(
        id or secrets.token_hex(16),
        leaning,
        tuple(domains),
        band(result["ai_plan"]["hours_freed"]),
        tuple(sorted({k for t in data.tasks if (k := flag_kind(t))})),
        result["values"][0]["id"] if result["values"] else None,
    )


def to_document(item: Contribution) -> dict[str, Any]:
    return {
        "format": FORMAT,
        "version": VERSION,
        "id": item.id,
        "leaning": item.leaning,
        "domains": list(item.domains),
        "hours_band": item.hours_band,
        "flags": list(item.flags),
        "first_value": item.first_value,
    }


def write_contribution(item: Contribution, path: Path) -> Path:
    with atomic_file(path) as handle:
        handle.write(json.dumps(to_document(item), indent=2).encode("utf-8"))
    return path


def from_document(document: Any, content: Content) -> Contribution:
    """A contribution, every value checked against the closed lists; else refused."""
    refuse = ContributionProblem(
        "This is not a contribution file Career Workbook can count: it holds something "
        "other than closed answers (a name or typed text, perhaps), or it was changed. "
        "Nothing from it was added."
    )
    if not isinstance(document, dict) or set(document) != set(KEYS):
        raise refuse
    if document["format"] != FORMAT or document["version"] != VERSION:
        raise refuse
    paths = set(content.paths) | {CLOSE_CALL}
    checks = (
        isinstance(document["id"], str) and bool(_ID.match(document["id"])),
        document["leaning"] is None or document["leaning"] in paths,
        isinstance(document["domains"], list)
        and all(d in content.domains for d in document["domains"]),
        document["hours_band"] in {b for _, b, _ in HOUR_BANDS},
        isinstance(document["flags"], list) and all(f in FLAG_KINDS for f in document["flags"]),
        document["first_value"] is None or document["first_value"] in content.values,
    )
    if not all(checks):
        raise refuse
    return Contribution(
        document["id"],
        document["leaning"],
        tuple(sorted(set(document["domains"]))),
        document["hours_band"],
        tuple(sorted(set(document["flags"]))),
        document["first_value"],
    )


def read_contribution(path: Path, content: Content) -> Contribution:
    try:
        raw = Path(path).read_bytes()[: MAX_FILE + 1]
    except OSError as error:
        raise ContributionProblem(f"The file could not be read: {error.strerror}.") from None
    if len(raw) > MAX_FILE:
        raise ContributionProblem("This file is too large to be a contribution file.")
    try:
        document = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        raise ContributionProblem("This is not a contribution file (it is not JSON).") from None
    return from_document(document, content)


def store(db: Any, item: Contribution) -> bool:
    """Keep an imported contribution for the overview; False when that id is already here."""
    with db.atomic():
        cursor = db.execute(
            "INSERT OR IGNORE INTO group_contributions (id, body, imported_at) VALUES (?, ?, ?)",
            [item.id, json.dumps(to_document(item)), now_iso()],
        )
    return cursor.rowcount > 0


def stored(db: Any, content: Content) -> list[Contribution]:
    found = []
    for (body,) in db.execute("SELECT body FROM group_contributions ORDER BY imported_at"):
        try:
            found.append(from_document(json.loads(body), content))
        except (ContributionProblem, ValueError):
            continue  # content changed since: a value it no longer knows is not counted
    return found


def forget_all(db: Any) -> int:
    """Remove every imported contribution (after a workshop); returns how many."""
    with db.atomic():
        return db.execute("DELETE FROM group_contributions").rowcount
