"""The workbook file's identity, limits and keys: what every part reads.

The keys of each entry come from the registry (`workbook.registry`), as do the checks of
their values (`shapes.py`).
"""

from __future__ import annotations

import re

from workbook.registry import BY_NAME

FORMAT = "career-workbook-file"
VERSION = 1
MAX_FILE_BYTES = 20 * 1024 * 1024
#: Entries in any one list: far more than years of use make, few enough to import quickly.
MAX_ITEMS = 10_000


def keys(table: str, *, custom: bool = False) -> tuple[str, ...]:
    """The keys an entry of `table` has in the file, in order, from the registry (ids,
    which the file gives tasks and goals, and nested lists apart)."""
    return tuple(f.key for f in BY_NAME[table].in_file_fields if custom or not f.custom_only)


PROFILE_KEYS = keys("profile")
RATING_KEYS = keys("strength_ratings")
FUTURE_KEYS = keys("futures")
#: A task's fields but its position, which the file gives beside its id.
TASK_KEYS = tuple(key for key in keys("ai_tasks") if key != "position")
LINK_KINDS = ("strength", "path", "task")

CUSTOM_ID = re.compile(r"^custom_[1-9][0-9]{0,8}$")
CONTENT_ID = re.compile(r"^[a-z][a-z0-9_]*$")
PLAIN_KEY = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
DATE_TEXT = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")
ROW_REF = re.compile(r"^(0|[1-9][0-9]{0,17})$")
