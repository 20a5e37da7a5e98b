"""Building contradictions.toml: which rules ask, from what threshold, about which pairs.

The file has already passed its schema (`schema.CONTRADICTIONS`); here each rule's
threshold is checked against the range that makes sense for that rule, each rule is
listed once, every pair names strengths and statements that exist, and no pair is
listed twice (in either order). Problems are returned, not raised, so the loader reports
them with the file's name like every other cross-check.
"""

from __future__ import annotations

from workbook.content import schema
from workbook.content.catalogue import (
    ContradictionRule,
    Contradictions,
    Preference,
    Strength,
    TensionPair,
)

Problems = list[tuple[str, str, str]]


def _rules(items: list[dict]) -> tuple[dict[str, ContradictionRule], Problems]:
    rules: dict[str, ContradictionRule] = {}
    problems: Problems = []
    for item in items:
        where = f"rule {item['id']!r}"
        if item["id"] in rules:
            problems.append((where, "id", "is listed twice; each rule is listed once"))
            continue
        low, high = schema.CONTRADICTION_RULES[item["id"]]
        if not low <= item["threshold"] <= high:
            problems.append((where, "threshold", f"must be a whole number from {low} to {high}"))
        rules[item["id"]] = ContradictionRule(
            item["id"], item["looks_at"], item["threshold"], item["source"]
        )
    return rules, problems


def _pairs(
    items: list[dict],
    kind: str,
    keys: tuple[str, str],
    known: tuple[dict, dict],
    names: tuple[str, str],
) -> tuple[tuple[TensionPair, ...], Problems]:
    pairs, problems, seen = [], [], set()
    for number, item in enumerate(items, start=1):
        first, second = item[keys[0]], item[keys[1]]
        where = f"{kind} number {number} ({first}, {second})"
        for key, value, catalogue, name in zip(keys, (first, second), known, names, strict=True):
            if value not in catalogue:
                problems.append((where, key, f"{value!r} is not a {name}"))
        if first == second:
            problems.append((where, keys[1], "must differ from the first of the pair"))
        if frozenset((first, second)) in seen:
            problems.append((where, keys[0], "this pair is listed twice"))
        seen.add(frozenset((first, second)))
        pairs.append(TensionPair(first, second, item["perhaps"], item["source"]))
    return tuple(pairs), problems


def build(
    document: dict, strengths: dict[str, Strength], preferences: dict[str, Preference]
) -> tuple[Contradictions, Problems]:
    """The file as `Contradictions`, and every problem the schema could not see."""
    rules, problems = _rules(document["rules"])
    energy, found = _pairs(
        document["energy_pairs"],
        "energy pair",
        ("strength", "preference"),
        (strengths, preferences),
        ("strength in strengths.toml", "statement in preferences.toml"),
    )
    problems += found
    statements, found = _pairs(
        document["statement_pairs"],
        "statement pair",
        ("first", "second"),
        (preferences, preferences),
        ("statement in preferences.toml",) * 2,
    )
    problems += found
    return Contradictions(rules, energy, statements), problems
