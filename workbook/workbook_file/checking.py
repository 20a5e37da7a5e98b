"""Checking a workbook file's document: shape, types, ranges, content ids and references.

The shapes (each object's fields and each field's check) are in `shapes.py`; this
walks a document with them and adds the checks that need the whole document: the
content ids, the ids and names that must be unique, and references between entries.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from workbook.content import load_content
from workbook.content.catalogue import Content
from workbook.rules import NUL
from workbook.workbook_file.reading import Where, child_path, kind_of, show_value, where_text
from workbook.workbook_file.shapes import (
    AGREEMENT,
    CHOICE,
    CUSTOM_RATING,
    DOCUMENT,
    FLAG,
    FUTURE,
    LONG,
    NUMBER,
    RATING,
    TEXT,
    VALUE_RANK,
    WHOLE,
    Shape,
    known_strength,
    one_of,
)
from workbook.workbook_file.spec import (
    CUSTOM_ID,
    FORMAT,
    MAX_ITEMS,
    ROW_REF,
    VERSION,
)


class _Validator:
    """Walks a document, collecting problems as "path: what is wrong" lines."""

    def __init__(self, content: Content) -> None:
        self.content = content
        self.problems: list[str] = []
        self.custom_ids: set[str] = set()

    def add(self, where: Where, message: str) -> None:
        self.problems.append(f"{where_text(where) or 'The file'}: {message}")

    def mapping(self, value: Any, where: Where) -> bool:
        if not isinstance(value, dict):
            self.add(where, f"must be an object ({{...}}), not {kind_of(value)}.")
            return False
        if len(value) > MAX_ITEMS:
            self.add(where, f"has {len(value):,} entries; at most {MAX_ITEMS:,} are kept.")
            return False
        for key in value:
            if not isinstance(key, str):
                self.add((*where, repr(key)), "a key must be text.")
                return False
        return True

    def object(self, value: Any, where: Where, fields: Shape) -> bool:
        if not self.mapping(value, where):
            return False
        rules = fields.rules
        for key, item in value.items():
            rule = rules.get(key)
            if rule is None:
                self.add((*where, key), "this file version has no such field.")
                continue
            check, plain, nullable = rule
            # The commonest values pass here without a call; only a value that fails (or is
            # unusual, such as text beyond ASCII) goes to its check, which names the problem.
            if plain:
                kind = type(item)
                test = plain[0]
                if item is None:
                    if nullable:
                        continue
                elif test == TEXT:
                    if (
                        kind is str
                        and len(item) <= plain[1]
                        and item.isascii()
                        # No control character, or only the ones a long answer may hold.
                        and (item.isprintable() or not (plain[3] or NUL in item))
                        and (plain[2] or item.strip())
                    ):
                        continue
                elif test == WHOLE:
                    if kind is int and plain[1] <= item <= plain[2]:
                        continue
                elif test == CHOICE:
                    if (kind is str or kind is int) and (kind, item) in plain[1]:
                        continue
                elif test == FLAG:
                    if kind is bool:
                        continue
                elif (
                    test == NUMBER
                    and (kind is int or kind is float)
                    and plain[1] <= item <= plain[2]
                ):
                    continue
            check(self, item, (*where, key))
        for key in fields.required:
            if key not in value:
                self.add(where, f"the field {show_value(key)} is missing.")
        return True

    def items(self, value: Any, where: Where, fields: Shape) -> None:
        if not isinstance(value, list):
            self.add(where, f"must be a list ([...]), not {kind_of(value)}.")
            return
        if len(value) > MAX_ITEMS:
            self.add(where, f"has {len(value):,} entries; at most {MAX_ITEMS:,} are kept.")
            return
        for index, item in enumerate(value):
            self.object(item, (*where, index), fields)

    def unique_ids(self, value: Any, path: str) -> None:
        """Report an `id` used by two entries of a list."""
        found: dict[int, int] = {}
        if isinstance(value, list):
            for index, item in enumerate(value):
                if not isinstance(item, dict):
                    continue
                number = item.get("id")
                if isinstance(number, int) and not isinstance(number, bool):
                    if number in found:
                        self.add(
                            (path, index, "id"),
                            f"{number} is already the id of {child_path(path, found[number])}.",
                        )
                    found.setdefault(number, index)

    # -- sections -------------------------------------------------------------------------

    def header(self, document: dict[str, Any]) -> bool:
        """Format and version; nothing else is worth checking when they are wrong."""
        fmt = document.get("format")
        if fmt != FORMAT:
            shown = "missing" if "format" not in document else f"{show_value(fmt)}"
            self.add(
                ("format",),
                f"is {shown}: this is not a Career Workbook file "
                f'(a workbook file says "format": "{FORMAT}").',
            )
            return False
        version = document.get("version")
        if "version" not in document:
            self.add(("version",), "the field is missing.")
        elif isinstance(version, bool) or not isinstance(version, int):
            self.add(("version",), f"must be a whole number, not {kind_of(version)}.")
        elif version > VERSION:
            self.add(
                ("version",),
                f"is {version}: the file was written by a newer version of Career Workbook "
                f"(this one reads version {VERSION}). Please update the program to import it.",
            )
        elif version != VERSION:
            self.add(("version",), f"is {version}; there is no such version of the workbook file.")
        return not self.problems

    def ratings(self, value: Any) -> None:
        if not self.mapping(value, ("ratings",)):
            return
        names: dict[str, Where] = {}
        for sid, entry in value.items():
            where = ("ratings", sid)
            custom = isinstance(entry, dict) and entry.get("custom") is True
            if custom:
                if not CUSTOM_ID.match(sid):
                    self.add(where, "a strength of your own has an id such as custom_1.")
                name = entry.get("name")
                if isinstance(name, str) and name.strip():
                    folded = name.strip().casefold()
                    if folded in names:
                        self.add(
                            (*where, "name"),
                            f"{show_value(name.strip())} is also the name of "
                            f"{where_text(names[folded])}.",
                        )
                    names.setdefault(folded, where)
                self.object(entry, where, CUSTOM_RATING)
                continue
            if sid not in self.content.strengths:
                hint = (
                    ' (a strength of your own needs "custom": true)' if CUSTOM_ID.match(sid) else ""
                )
                self.add(
                    where,
                    f"{show_value(sid)} is not a strength in this version's catalogue{hint}.",
                )
            if isinstance(entry, dict) and ("name" in entry or "description" in entry):
                for key in ("name", "description"):
                    if key in entry:
                        self.add(
                            (*where, key),
                            'only a strength of your own ("custom": true) has a name or '
                            "description; the catalogue's come from the content.",
                        )
                entry = {k: e for k, e in entry.items() if k not in ("name", "description")}
            self.object(entry, where, RATING)

    def keyed(
        self, value: Any, where: Where, table: str, what: str
    ) -> Iterator[tuple[str, Any, Where]]:
        """(key, answer, where) for each answer whose key is a known content id."""
        if not self.mapping(value, where):
            return
        known = getattr(self.content, table)
        for key, answer in value.items():
            if key in known:
                yield key, answer, (*where, key)
            else:
                self.add(
                    (*where, key),
                    f"{show_value(key)} is not {what} this version of Career Workbook knows.",
                )

    def preferences(self, value: Any, where: Where) -> None:
        for _, answer, at in self.keyed(value, where, "preferences", "a preference"):
            AGREEMENT(self, answer, at)

    def values(self, value: Any, where: Where) -> None:
        """What matters to the person: each value's place, every place once."""
        places: dict[Any, str] = {}
        for key, place, at in self.keyed(value, where, "values", "a value"):
            VALUE_RANK(self, place, at)
            if isinstance(place, int) and not isinstance(place, bool):
                if place in places:
                    self.add(at, f"is in place {place}, as {show_value(places[place])} is.")
                places.setdefault(place, key)

    def context(self, value: Any, where: Where) -> None:
        for key, answer, at in self.keyed(value, where, "context", "a context question"):
            LONG(self, answer, at)
            question = self.content.context[key]
            if question.kind == "choice" and isinstance(answer, str) and answer:
                one_of(tuple(option for option, _ in question.options))(self, answer, at)

    def futures(self, value: Any, where: Where) -> None:
        for _, future, at in self.keyed(value, where, "paths", "a path"):
            self.object(future, at, FUTURE)

    def reinvestment_targets(self, value: Any) -> None:
        if not isinstance(value, list):
            return
        for index, item in enumerate(value):
            if not isinstance(item, dict):
                continue
            target = item.get("target_id")
            if not isinstance(target, str) or not target:
                continue
            where = ("reinvestments", index, "target_id")
            kind = item.get("target_kind", "other")
            if kind == "strength":
                known_strength(self, target, where)
            elif kind == "path" and target not in self.content.paths:
                self.add(
                    where,
                    f"{show_value(target)} is not a path this version of Career Workbook knows.",
                )
            elif kind == "goal" and not (
                target.startswith("goal:") and ROW_REF.match(target[len("goal:") :])
            ):
                self.add(
                    where, f"is {show_value(target)}; a goal is named goal: and the goal's id."
                )

    def document(self, document: Any) -> None:
        if not isinstance(document, dict):
            self.add(
                (),
                f"holds {kind_of(document)}, not a workbook: a workbook file is one JSON "
                "object, starting with {.",
            )
            return
        if not self.header(document):
            return
        ratings = document.get("ratings")
        if isinstance(ratings, dict):
            self.custom_ids = {
                sid
                for sid, entry in ratings.items()
                if isinstance(entry, dict) and entry.get("custom") is True
            }
        self.unique_ids(document.get("tasks"), "tasks")
        self.unique_ids(document.get("goals"), "goals")
        self.object(document, (), DOCUMENT)


def validate(document: Any) -> list[str]:
    """Everything wrong with a document, each as "json.path: what is wrong"; [] when none."""
    validator = _Validator(load_content())
    validator.document(document)
    return validator.problems
