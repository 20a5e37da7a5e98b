"""The workbook file's identity, limits, keys and allowed values: what every part reads."""

from __future__ import annotations

import re

FORMAT = "career-workbook-file"
VERSION = 1
MAX_FILE_BYTES = 20 * 1024 * 1024
#: Entries in any one list: far more than years of use make, few enough to import quickly.
MAX_ITEMS = 10_000
MAX_POSITION = 100_000

PROFILE_KEYS = (
    "person_name",
    "current_role",
    "role_family",
    "years_experience",
    "current_track",
    "aim",
    "horizon_years",
    "strength_mode",
)
RATING_KEYS = ("proficiency", "energy", "edge", "rank", "overuse_note")
FUTURE_KEYS = (
    "title",
    "story",
    "questions",
    "resources",
    "liking",
    "confidence",
    "coherence",
    "prototype",
)
TASK_KEYS = (
    "name",
    "library_task_id",
    "hours_per_week",
    "mode",
    "ai_share",
    "tool",
    "validation",
    "review_hours",
    "stakes",
    "risk_note",
    "agency",
)
MODES = ("automate", "augment", "keep_human")
STAKES = ("", "low", "medium", "high")
TARGET_KINDS = ("strength", "goal", "path", "other")
ACTION_KINDS = ("experience", "others", "formal")
ACTION_STATUSES = ("planned", "doing", "done", "dropped")
MILESTONE_DAYS = (30, 60, 90)
SUPPORT_SOURCES = ("manager", "hr", "mentor", "other")
LINK_KINDS = ("strength", "path", "task")

CUSTOM_ID = re.compile(r"^custom_[1-9][0-9]{0,8}$")
CONTENT_ID = re.compile(r"^[a-z][a-z0-9_]*$")
PLAIN_KEY = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
DATE_TEXT = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")
ROW_REF = re.compile(r"^(0|[1-9][0-9]{0,17})$")
