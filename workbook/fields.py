"""What a field and a table of a workbook are: the vocabulary `workbook.registry` is written in.

A `Field` says what a column holds (its kind, limits and allowed values), what a blank
answer stores, whether a new row must be given it, how it appears in the workbook file,
whether it is private and whether a coach's anonymous overview may count it. A `Table`
says how its rows hang together and where it sits in the workbook file.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from typing import Any

from workbook.model import MAX_LONG_TEXT


class Kind(Enum):
    """What a field holds; each kind has one rule at the door and one check in a file."""

    TEXT = "text"  # up to `limit` characters, line breaks allowed
    LINE = "line"  # a name: one line of visible text
    WHOLE = "whole"  # a whole number from `low` to `high`
    NUMBER = "number"  # a number from `low` to `high`
    CHOICE = "choice"  # one of `choices`
    DATE = "date"  # YYYY-MM-DD
    MOMENT = "moment"  # a date and time, stamped by the door
    FLAG = "flag"  # yes or no, stored as 0 or 1
    ID = "id"  # a content id (a prompt, a library task...), named by `known`
    STRENGTH = "strength"  # a catalogue strength's id, or custom_<n> of the person's own
    LINKS = "links"  # a list of "strength:<id>", "path:<id>" or "task:<row id>", stored as JSON
    NOTES = "notes"  # an object of `choices` (its keys) to text up to `limit`, stored as JSON
    DOCUMENT = "document"  # JSON the program writes itself (a check-in's snapshot)


class Shape(Enum):
    """How a table's rows hang together."""

    KEYED = "keyed"  # one row per workbook and content id, made on first answer
    SINGLE = "single"  # one row per workbook
    ROWS = "rows"  # a list of entries with their own ids


class InFile(Enum):
    """How a table appears in the workbook file."""

    OBJECT = "object"  # "profile": {field: value}
    MAP = "map"  # "futures": {content id: {field: value}}
    MAP_VALUE = "map_value"  # "preferences": {content id: value of the one field}
    VALUE = "value"  # "edge_statement": the one field's value, at the top
    LIST = "list"  # "tasks": [{field: value}, ...] in order
    NESTED = "nested"  # "actions": a list inside each entry of the parent's list


#: Said of a blank answer to a field that has no blank: the door refuses it.
REFUSE = object()


@dataclass(frozen=True)
class Field:
    name: str  # the column
    kind: Kind
    #: How messages name it ("Proficiency must be from 1 to 5.").
    label: str = "This answer"
    #: How the window names it (an undo label: Undo "Current role"); from `name` if "".
    title: str = ""
    limit: int = MAX_LONG_TEXT  # text
    low: float = 0  # whole numbers and numbers
    high: float = 0
    choices: tuple[Any, ...] = ()
    #: The choices as messages name them together: "the statuses on offer".
    choices_label: str = "choices"
    #: What the column holds when nothing was said: a new row's value, and what a blank
    #: answer stores. None for a column that may be empty (NULL).
    default: Any = None
    #: A new row must be given it (the file must hold it); a blank answer is refused.
    required: bool = False
    #: Whether a blank answer may clear it to its default (a list's position may not).
    clearable: bool = True
    #: Filled in by the door, never edited: "now" (a time stamp) or "today" (a date).
    stamp: str = ""
    #: The key in the workbook file: "" when the file leaves it out, None for `name`.
    file_key: str | None = None
    #: The file may hold null here (where the door stores a blank as "" or a default).
    file_null: bool | None = None
    #: A content collection a file's id must name ("prompts", "tasks", "questions"); for
    #: links, "strengths" keeps them to strength links.
    known: str = ""
    #: Only for strengths of the person's own (custom_<n>).
    custom_only: bool = False
    #: The person's own words or a judgement about themselves that is not for others by
    #: default: kept out of group overviews, and of shared copies where the export says so.
    private: bool = False
    #: A closed answer (a number or a choice) that a coach's anonymous overview may count.
    countable: bool = False
    #: What the workbook file's JSON Schema says of it, where its kind does not say enough.
    note: str = ""

    @property
    def shown(self) -> str:
        """The field's name as a person reads it."""
        return self.title or self.name.replace("_", " ").capitalize()

    @property
    def key(self) -> str:
        """The field's key in the workbook file ("" when the file leaves it out)."""
        return self.name if self.file_key is None else self.file_key

    @property
    def file_required(self) -> bool:
        """The workbook file must hold it (a journal entry's date is filled in by the door
        when a person leaves it out, never by an import)."""
        return self.required or self.stamp == "today"

    @property
    def nullable(self) -> bool:
        """Whether the column may hold NULL."""
        return self.default is None and not self.required and not self.stamp

    @property
    def null_in_file(self) -> bool:
        if self.file_null is not None:
            return self.file_null
        return self.nullable and self.kind not in (Kind.TEXT, Kind.LINE)

    @property
    def blank(self) -> Any:
        """What a blank answer (None or "") stores, or REFUSE."""
        if self.required or not self.clearable:
            return REFUSE
        if self.kind in (Kind.TEXT, Kind.LINE) and self.default is None and not self.nullable:
            return ""
        return self.default

    @property
    def sql_type(self) -> str:
        if self.kind in (Kind.WHOLE, Kind.FLAG) or (
            self.kind is Kind.CHOICE and isinstance(self.choices[0], int)
        ):
            return "INTEGER"
        return "REAL" if self.kind is Kind.NUMBER else "TEXT"


@dataclass(frozen=True)
class Table:
    name: str
    shape: Shape
    fields: tuple[Field, ...]
    #: The place in the workbook file and how it is written there.
    file_key: str
    in_file: InFile
    #: What the rows are called in messages and undo labels ("a task", "tasks").
    noun: str
    plural: str
    #: Keyed tables: the column holding the content id.
    key: str = ""
    #: The column naming the row's owner: the workbook, or (for actions) the goal.
    parent: str = "workbook_id"
    #: Lists whose order the person sets (a `position` column).
    ordered: bool = False
    #: Lists whose entries others point at: the file gives each an "id".
    file_ids: bool = False
    #: The step whose page shows it (see `workbook.steps`), for targeted refresh.
    step: str = ""
    #: Written by the program (a check-in's snapshot), never edited by the door.
    internal: bool = False
    #: What the workbook file's JSON Schema says of its place in the file.
    note: str = ""

    def field(self, name: str) -> Field:
        for candidate in self.fields:
            if candidate.name == name:
                return candidate
        raise KeyError(name)

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(f.name for f in self.fields)

    @property
    def editable(self) -> tuple[Field, ...]:
        """The fields the door edits (a time stamp is the door's own)."""
        return tuple(f for f in self.fields if not f.stamp or f.stamp == "today")

    @property
    def in_file_fields(self) -> tuple[Field, ...]:
        return tuple(f for f in self.fields if f.key)
