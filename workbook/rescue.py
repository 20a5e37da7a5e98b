"""Saving what the file refused somewhere else, so closing never drops typed words.

When the disk is full, the file is read-only or another window holds it, edits
wait in memory. If the person closes then, they can keep those edits in a
workbook file on another drive: the database is copied into memory (reading
works on a full disk or a read-only file), the waiting edits are applied to the
copy through the same door functions, and each workbook they touched is written
as a workbook file that `import` brings back. The database itself is not touched.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from workbook.errors import WorkbookError

#: A waiting edit: the door function and its arguments, the first being the database.
PendingEdit = tuple[Callable[..., Any], tuple[Any, ...]]


def save_pending_elsewhere(db: Any, pending: Sequence[PendingEdit], out: Path) -> list[Path]:
    """Write each workbook the waiting edits touch, with them applied, as workbook files.

    The first goes to `out`; any other gets the workbook's name added to the file's
    name. Returns the paths written. Raises WorkbookError (or OSError) if it cannot.
    """
    from sqlite_utils import Database

    from workbook.data import load_workbook_data
    from workbook.workbook_file.writing import write_file

    copy = sqlite3.connect(":memory:")
    try:
        db.conn.backup(copy)
        copy.execute("PRAGMA foreign_keys = ON")
        memory = Database(copy, execute_plugins=False)
        touched: list[int] = []
        for edit, args in pending:
            moved = tuple(memory if arg is db else arg for arg in args)
            try:
                change = edit(*moved)
            except WorkbookError:
                continue  # a value the door refuses would be refused in any file too
            if change.workbook_id not in touched:
                touched.append(change.workbook_id)
        written = []
        for index, workbook_id in enumerate(touched):
            data = load_workbook_data(memory, workbook_id)
            target = out if index == 0 else _beside(out, data.name)
            written.append(write_file(data, target))
        return written
    finally:
        copy.close()


def _beside(out: Path, name: str) -> Path:
    safe = "".join(ch if ch.isalnum() or ch in " -_" else "_" for ch in name).strip() or "workbook"
    return out.with_name(f"{out.stem} - {safe}{out.suffix}")
