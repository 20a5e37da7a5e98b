"""Writing the workbook file: the document from a workbook, and the file, whole or not at all."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from functools import cache
from pathlib import Path
from typing import Any

from workbook import __version__
from workbook.atomic import atomic_file
from workbook.data import WorkbookData
from workbook.errors import WorkbookFileProblem
from workbook.fields import Kind
from workbook.registry import BY_NAME
from workbook.workbook_file.spec import FORMAT, MAX_FILE_BYTES, VERSION

#: How a kind's value in a dataclass is written to the file, where it is not as it is.
_TO_FILE = {Kind.LINKS: list, Kind.NOTES: dict}


@cache
def _plan(table: str, custom: bool) -> tuple[tuple[str, str, Any], ...]:
    """(key in the file, attribute, conversion or None) for each of `table`'s fields in
    the file, worked out once: an export reads thousands of entries."""
    return tuple(
        (field.key, field.name, _TO_FILE.get(field.kind))
        for field in BY_NAME[table].in_file_fields
        if custom or not field.custom_only
    )


def _entry(row: Any, table: str, *, custom: bool = False) -> dict[str, Any]:
    """One entry as the file holds it: the registry's keys for `table`, in order."""
    return {
        key: convert(getattr(row, name)) if convert else getattr(row, name)
        for key, name, convert in _plan(table, custom)
    }


def _with_id(row: Any, table: str, **more: Any) -> dict[str, Any]:
    return {"id": row.id, **_entry(row, table), **more}


def to_document(data: WorkbookData) -> dict[str, Any]:
    """The whole workbook as JSON-ready data (see docs/workbook-file.md)."""
    ratings: dict[str, dict[str, Any]] = {}
    for sid, rating in data.ratings.items():
        # As the door has it: a strength of the person's own has an id custom_<n>.
        custom = sid.startswith("custom_")
        entry = {"custom": custom, **_entry(rating, "strength_ratings", custom=custom)}
        if custom:
            entry["name"] = entry["name"] or ""
            entry["description"] = entry["description"] or ""
        ratings[sid] = entry
    return {
        "format": FORMAT,
        "version": VERSION,
        "exported_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "app_version": __version__,
        "name": data.name,
        "profile": _entry(data.profile, "profile"),
        "ratings": ratings,
        "evidence": [_entry(e, "evidence") for e in data.evidence],
        "journal": [_entry(j, "journal_entries") for j in data.journal],
        "preferences": dict(data.preferences),
        "values": dict(data.values),
        "context": dict(data.context),
        "futures": {pid: _entry(f, "futures") for pid, f in data.futures.items()},
        "edge_statement": data.edge_statement,
        "tasks": [_with_id(t, "ai_tasks") for t in data.tasks],
        "reinvestments": [_entry(r, "reinvestments") for r in data.reinvestments],
        "goals": [
            _with_id(g, "goals", actions=[_entry(a, "actions") for a in g.actions])
            for g in data.goals
        ],
        # The day the milestones count from, as read (set, or the day the workbook was
        # made), so moving the file never moves their dates.
        "plan_start": data.plan_start,
        "milestones": [_entry(m, "milestones") for m in data.milestones],
        "support": [_entry(s, "support_requests") for s in data.support],
        "questions": [_entry(q, "conversation_questions") for q in data.questions],
        "snapshots": [
            {"taken_at": s.taken_at, "data": json.loads(json.dumps(s.data))} for s in data.snapshots
        ],
    }


def json_text(document: Any) -> str:
    """The file's text: UTF-8 JSON, two-space indents, no NaN (the json module's refusal)."""
    return json.dumps(document, ensure_ascii=False, indent=2, allow_nan=False)


def write_file(data: WorkbookData, path: Path | str) -> Path:
    """Write the workbook file: UTF-8 JSON, owner-only (0600), whole or not at all."""
    path = Path(path)
    text = json_text(to_document(data)) + "\n"
    encoded = text.encode("utf-8")
    if len(encoded) > MAX_FILE_BYTES:
        raise WorkbookFileProblem(
            [
                f"As a file it would take {len(encoded) / 2**20:.1f} MB, more than the "
                f"{MAX_FILE_BYTES // 2**20} MB a workbook file may hold, so it could not be "
                "imported again. Shorten the longest texts and try once more."
            ],
            repr(data.name),
            doing="export",
        )
    with atomic_file(path, private=True) as handle:
        handle.write(encoded)
    return path
