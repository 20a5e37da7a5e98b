"""The example workbook: a realistic person with every step filled in.

New users open it to look around before starting their own. It is kept as
data in resources/examples and added through the same edit functions a
person's typing goes through, so it is always valid for the current schema.
"""

from __future__ import annotations

import json
from importlib import resources
from typing import Any

from sqlite_utils import Database

from workbook.edits import create_workbook, set_profile_field, unique_name

EXAMPLE_FILE = "examples/example_workbook.json"


def example_data() -> dict[str, Any]:
    """The example workbook as shipped."""
    text = resources.files("resources").joinpath(EXAMPLE_FILE).read_text(encoding="utf-8")
    return json.loads(text)


def add_example(db: Database) -> int:
    """Add a copy of the example workbook; returns its id. Never replaces an existing one."""
    data = example_data()
    with db.atomic():
        workbook_id = create_workbook(db, unique_name(db, data["name"])).workbook_id
        for field, value in data["profile"].items():
            set_profile_field(db, workbook_id, field, value)
    return workbook_id
