"""The shapes of a workbook's data, and the fixed choices people pick from.

Plain dataclasses and tuples: what the storage returns and what the UI
shows. Labels are written in the coaching voice, since they are shown as-is.
"""

from __future__ import annotations

from dataclasses import dataclass

# (id, label) pairs; ids are stored, labels are shown.
ROLE_FAMILIES: tuple[tuple[str, str], ...] = (
    ("software", "Software engineering"),
    ("data", "Data and analytics"),
    ("infrastructure_security", "Infrastructure and security"),
    ("product_design", "Product and design"),
    ("marketing_content", "Marketing and content"),
    ("hr_people", "HR and people"),
    ("operations", "Operations"),
    ("healthcare", "Healthcare"),
    ("education", "Education"),
    ("retail_hospitality", "Retail and hospitality"),
    ("public_sector", "Public sector"),
    ("management", "Management"),
    ("other", "Other"),
)

TRACKS: tuple[tuple[str, str], ...] = (
    ("ic", "Individual contributor"),
    ("manager", "People manager"),
    ("hybrid", "A mix of both"),
)

STRENGTH_MODES: tuple[tuple[str, str], ...] = (
    ("rating", "Rate each strength"),
    ("ranking", "Rank strengths against each other"),
)

HORIZONS: tuple[tuple[int, str], ...] = (
    (1, "1 year"),
    (3, "3 years"),
    (5, "5 years"),
)

MAX_YEARS_EXPERIENCE = 70
MAX_SHORT_TEXT = 300
MAX_LONG_TEXT = 1_000_000


@dataclass(frozen=True)
class WorkbookInfo:
    """One workbook in the database, as the switcher lists it."""

    id: int
    name: str
    created_at: str
    updated_at: str
    last_opened_at: str | None


@dataclass(frozen=True)
class Profile:
    """Step 0, "About you". Empty strings and None mean "not answered yet"."""

    workbook_id: int
    person_name: str = ""
    current_role: str = ""
    role_family: str | None = None
    years_experience: int | None = None
    current_track: str | None = None
    aim: str = ""
    horizon_years: int | None = None
    #: The decision the conversation is for, and the day the person means to decide by.
    decision: str = ""
    decide_by: str | None = None
    #: "rating" (rate proficiency 1..5) or "ranking" (order strengths instead).
    strength_mode: str = "rating"

    #: The fields that count towards completing the step (the name is optional).
    REQUIRED = (
        "current_role",
        "role_family",
        "years_experience",
        "current_track",
        "aim",
        "horizon_years",
    )

    def answered(self) -> int:
        """How many of the counted fields have an answer."""
        return sum(1 for field in self.REQUIRED if getattr(self, field) not in (None, ""))


@dataclass(frozen=True)
class Completion:
    """How far a step is: `done` of `total` parts answered."""

    done: int
    total: int
    #: How the parts are counted for the person: "answered", "rated", "done".
    unit: str = "answered"

    @property
    def fraction(self) -> float:
        return self.done / self.total if self.total else 0.0

    @property
    def complete(self) -> bool:
        return self.total > 0 and self.done >= self.total
