"""Writing the workbook file: the document from a workbook, and the file, whole or not at all."""

from __future__ import annotations

import json
import math
from collections.abc import Callable
from datetime import UTC, datetime
from json.encoder import encode_basestring
from pathlib import Path
from typing import Any

from workbook import __version__
from workbook.atomic import atomic_file
from workbook.data import WorkbookData
from workbook.errors import WorkbookFileProblem
from workbook.workbook_file.spec import (
    FORMAT,
    FUTURE_KEYS,
    MAX_FILE_BYTES,
    PROFILE_KEYS,
    RATING_KEYS,
    TASK_KEYS,
    VERSION,
)


def _without_id(row: Any, *names: str) -> dict[str, Any]:
    return {name: getattr(row, name) for name in names}


def to_document(data: WorkbookData) -> dict[str, Any]:
    """The whole workbook as JSON-ready data (see docs/workbook-file.md)."""
    ratings: dict[str, dict[str, Any]] = {}
    for sid, rating in data.ratings.items():
        # As in workbook.records: a strength of the person's own has an id custom_<n>.
        entry: dict[str, Any] = {"custom": sid.startswith("custom_")}
        if entry["custom"]:
            entry["name"] = rating.custom_name or ""
            entry["description"] = rating.custom_description or ""
        entry.update(_without_id(rating, *RATING_KEYS))
        ratings[sid] = entry
    return {
        "format": FORMAT,
        "version": VERSION,
        "exported_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "app_version": __version__,
        "name": data.name,
        "profile": _without_id(data.profile, *PROFILE_KEYS),
        "ratings": ratings,
        "evidence": [
            _without_id(e, "strength_id", "situation", "action", "result", "created_at")
            for e in data.evidence
        ],
        "journal": [
            _without_id(
                j, "kind", "entry_date", "prompt_id", "body", "source", "energy_level", "private"
            )
            for j in data.journal
        ],
        "preferences": dict(data.preferences),
        "context": dict(data.context),
        "futures": {pid: _without_id(f, *FUTURE_KEYS) for pid, f in data.futures.items()},
        "edge_statement": data.edge_statement,
        "tasks": [
            {"id": t.id, "position": t.position, **_without_id(t, *TASK_KEYS)} for t in data.tasks
        ],
        "reinvestments": [
            _without_id(r, "hours", "target_kind", "target_id", "note") for r in data.reinvestments
        ],
        "goals": [
            {
                "id": g.id,
                **_without_id(g, "title", "measure", "target_date"),
                "links": list(g.links),
                "commitment": g.commitment,
                "actions": [
                    _without_id(a, "title", "kind", "due_date", "status") for a in g.actions
                ],
            }
            for g in data.goals
        ],
        "milestones": [_without_id(m, "day", "text", "done") for m in data.milestones],
        "support": [_without_id(s, "source", "request") for s in data.support],
        "questions": [_without_id(q, "library_id", "text") for q in data.questions],
        "snapshots": [
            {"taken_at": s.taken_at, "data": json.loads(json.dumps(s.data))} for s in data.snapshots
        ],
    }


class _NotPlain(Exception):
    """A value `json_text` leaves to the json module."""


def _finite(value: float) -> str:
    if math.isfinite(value):
        return float.__repr__(value)
    raise _NotPlain  # json itself refuses NaN and Infinity, in its own words


#: How each plain value is written, by its exact type: a subclass (an enum, say) may
#: encode differently, so json decides for it.
_SCALARS: dict[type, Callable[[Any], str]] = {
    str: encode_basestring,
    int: int.__repr__,
    float: _finite,
    bool: {True: "true", False: "false"}.__getitem__,
    type(None): {None: "null"}.__getitem__,
}


def _write_json(value: Any, level: int, out: list[str]) -> None:
    kind = type(value)
    if kind is dict:
        if not value:
            out.append("{}")
            return
        inner = "\n" + "  " * (level + 1)
        start = "{" + inner
        for key, item in value.items():
            if type(key) is not str:
                raise _NotPlain
            write = _SCALARS.get(type(item))
            if write is None:
                out.append(f"{start}{encode_basestring(key)}: ")
                _write_json(item, level + 1, out)
            else:
                out.append(f"{start}{encode_basestring(key)}: {write(item)}")
            start = "," + inner
        out.append("\n" + "  " * level + "}")
    elif kind is list or kind is tuple:
        if not value:
            out.append("[]")
            return
        inner = "\n" + "  " * (level + 1)
        start = "[" + inner
        for item in value:
            write = _SCALARS.get(type(item))
            if write is None:
                out.append(start)
                _write_json(item, level + 1, out)
            else:
                out.append(start + write(item))
            start = "," + inner
        out.append("\n" + "  " * level + "]")
    else:
        write = _SCALARS.get(kind)
        if write is None:
            raise _NotPlain
        out.append(write(value))


def json_text(document: Any) -> str:
    """`json.dumps(document, ensure_ascii=False, indent=2, allow_nan=False)`, character for
    character, three times as fast: with an indent, the json module writes in pure Python,
    one generator per list and object, and took a quarter of an export. Anything but plain
    text, numbers, lists and objects with text keys (NaN, say) is left to json itself."""
    out: list[str] = []
    try:
        _write_json(document, 0, out)
    except _NotPlain:
        return json.dumps(document, ensure_ascii=False, indent=2, allow_nan=False)
    return "".join(out)


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
