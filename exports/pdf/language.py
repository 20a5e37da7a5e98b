"""The workbook's language, for the one thing the PDF needs it for: which font draws Han.

Chinese, Japanese and Korean share the Han characters, but each draws them
its own way, and a bundled font is made for one: IPAGothic for Japanese,
NanumGothic for Korean, WenQuanYi Micro Hei for Chinese (one font for
simplified and traditional, so the two are not told apart). A paragraph
with kana is Japanese and one with Hangul is Korean whatever the workbook's
language (`text.han_hint`); a paragraph of Han alone, such as an all-kanji
name, takes the workbook's language. That is guessed from all the
workbook's text (`guess`) unless the person names it (`export_pdf(...,
language=...)`, `career-workbook export-pdf --language`). Nothing is stored:
the guess is made at each export.
"""

from __future__ import annotations

import dataclasses
import functools
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import ParamSpec, TypeVar

from exports.pdf import fonts

#: The languages with a Han font of their own, and what the command line also accepts.
LANGUAGES = ("zh", "ja", "ko")
AUTO = "auto"

P = ParamSpec("P")
R = TypeVar("R")
_current: ContextVar[str | None] = ContextVar("pdf_language", default=None)


def texts(value: object) -> Iterator[str]:
    """Every string in a workbook's data (dataclasses, tuples, lists and dicts of them)."""
    if isinstance(value, str):
        yield value
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        for item in dataclasses.fields(value):
            yield from texts(getattr(value, item.name))
    elif isinstance(value, dict):
        for item in value.values():
            yield from texts(item)
    elif isinstance(value, (list, tuple, set, frozenset)):
        for item in value:
            yield from texts(item)


def guess(strings: Iterator[str] | list[str]) -> str | None:
    """The language of Han text among these strings, or None when there is no CJK at all.

    Kana is written only in Japanese and Hangul only in Korean, so either one
    decides (the more frequent when both appear); Han with neither is Chinese.
    """
    kana = fonts.char_class(fonts.KANA_RANGES)
    hangul = fonts.char_class(fonts.HANGUL_RANGES)
    han = fonts.char_class(fonts.HAN_RANGES)
    counts = {"ja": 0, "ko": 0, "zh": 0}
    for value in strings:
        if value.isascii():
            continue
        counts["ja"] += len(kana.findall(value))
        counts["ko"] += len(hangul.findall(value))
        counts["zh"] += len(han.findall(value))
    if counts["ja"] or counts["ko"]:
        return "ja" if counts["ja"] >= counts["ko"] else "ko"
    return "zh" if counts["zh"] else None


def resolve(data: object, language: str | None) -> str | None:
    """The language to print `data` in: the one named, else the guess from its text."""
    if language in (None, AUTO):
        return guess(texts(data))
    if language not in LANGUAGES:
        raise ValueError(f"Language must be one of {', '.join((AUTO, *LANGUAGES))}.")
    return language


def current() -> str | None:
    """The language of the export under way in this thread (None outside one, or with no
    CJK text)."""
    return _current.get()


def per_export(render: Callable[P, R]) -> Callable[P, R]:
    """Run an export with its language set: the `language` keyword, else the guess from
    the workbook, its first argument. Set for that call only, in that thread."""

    @functools.wraps(render)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        chosen = resolve(args[0], kwargs.get("language"))  # type: ignore[arg-type]
        with using(chosen):
            return render(*args, **kwargs)

    return wrapper


@contextmanager
def using(language: str | None) -> Iterator[None]:
    """The language set for the block only."""
    token = _current.set(language)
    try:
        yield
    finally:
        _current.reset(token)
