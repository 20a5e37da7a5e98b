"""A forgotten PIN (`workbook.locks`): the only way back into the workbook is to erase it.

Apart from `workbook.locks` because it deletes through the door, and the door's delete
merges the search index, whose queries ask `workbook.locks` what is locked: one module
for both would close a circle of imports.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from workbook.door import create_workbook, delete_workbook, new_workbook_name
from workbook.queries import get_workbook

if TYPE_CHECKING:
    from sqlite_utils import Database

    from workbook.change import Change
    from workbook.model import WorkbookInfo


def erase(db: Database, workbook_id: int) -> tuple[WorkbookInfo, Change]:
    """A forgotten PIN: the workbook is deleted with everything in it and its lock (secure
    delete wipes the text, the search index is merged), and an empty one takes its place
    under a new name, since the old name may be its owner's. Returns the workbook as it
    was (for removing it from the backups, by number and creation time, as after any
    delete) and the Change that made the new, empty one."""
    with db.atomic():
        gone = get_workbook(db, workbook_id)
        delete_workbook(db, workbook_id)
        fresh = create_workbook(db, new_workbook_name(db))
    return gone, fresh
