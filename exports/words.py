"""Every fixed string the PDF prints goes through `tr`, so its words can be translated later.

`tr("Page {n} of {total}", n=3, total=15)` looks the English text up in the
catalogue of the export's language and fills in the values. Only English is
shipped: its catalogue is empty, so the text itself is the translation. A
translation is a dict from the English text to the translated one, added to
`CATALOGUES` under the language's code; `set_language` chooses it for an export.

`plural(n, one, many)` picks the right form for a count and passes it through
`tr` too ("1 goal", "3 goals"), so no string prints "goal(s)". A person's own
words (names, titles, notes) never go through here.
"""

from __future__ import annotations

from contextvars import ContextVar

#: Translations by language code: English text -> translated text (with the same fields).
CATALOGUES: dict[str, dict[str, str]] = {"en": {}}

_language: ContextVar[str] = ContextVar("export_language", default="en")


def set_language(code: str) -> None:
    """Use the catalogue for `code` for the strings of this export (English if none)."""
    _language.set(code if code in CATALOGUES else "en")


def tr(text: str, /, **values: object) -> str:
    """The fixed string `text` in the export's language, with `values` filled in."""
    found = CATALOGUES.get(_language.get(), {}).get(text, text)
    return found.format(**values) if values else found


def plural(count: int, one: str, many: str, /, **values: object) -> str:
    """`one` or `many` for `count`, translated; `{n}` in either is the count."""
    return tr(one if count == 1 else many, n=count, **values)
