"""Typed text made safe to print: cleaned, split into paragraphs, and cut into runs of one font.

A person's text is text, never markup: `markup` escapes every run before
adding our own `<font>` and `<br/>` tags, so `<b>` or `<img src=...>` print
as typed. `clean` drops what has no visible form (control characters, zero
width joiners outside Arabic, variation selectors, direction marks: the
layout finds the direction itself) and composes accents (NFC); emoji
sequences the emoji font cannot join print as their first emoji, flags as
"[flag: FR]". `chunks`
cuts long text into paragraphs of at most `MAX_CHUNK` characters, because
reportlab's line breaking slows down with the square of a paragraph's length.
`runs` picks a font for each stretch of text (see `fonts.font_for`) and puts
`fonts.PLACEHOLDER` where no bundled font has the character, noting it in
`missing` so an export can report it.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from xml.sax.saxutils import escape

from exports.pdf import fonts, language

#: The longest paragraph handed to reportlab in one piece, in characters (about 200 words).
MAX_CHUNK = 1200

_NEWLINES = re.compile(r"\r\n?|[\u2028\x85\x0b\x0c]")
_JOINERS = frozenset("\u200c\u200d")
# Printable Latin that DejaVu Sans (regular and bold) draws entirely: the fast path.
_LATIN = re.compile(r"[\x20-\x7e\xa0-\u024f]+")
_RTL_CHAR = re.compile(
    r"[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefe\U00010800-\U00010fff\U0001e800-\U0001efff]"
)


# Control and format characters (Unicode categories Cc and Cf) and variation selectors:
# nothing to draw. Zero-width joiners are handled apart (see `clean`).
_INVISIBLE = re.compile(
    "[\x00-\x09\x0b-\x1f\x7f-\x9f\xad\u0600-\u0605\u061c\u06dd\u070f\u0890\u0891"
    "\u08e2\u180e\u200b\u200e\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff"
    "\ufff9-\ufffb\ufe00-\ufe0f\U000110bd\U000110cd\U00013430-\U0001343f"
    "\U0001bca0-\U0001bca3\U0001d173-\U0001d17a\U000e0000-\U000e007f\U000e0100-\U000e01ef]"
)
# Joiners matter only inside Arabic words (the shaper uses them); elsewhere, as in
# emoji sequences, there is no ligature to build.
_STRAY_JOINER = re.compile("(?<![\u0600-\u06ff\u0750-\u077f\u0870-\u08ff])[\u200c\u200d]")


# Emoji the bundled emoji font (Symbola, monochrome) draws one by one: it cannot join a
# sequence, colour a skin or draw a flag.
_EMOJI = "\u2190-\u2bff\u3030\u303d\u3297\u3299\U0001f000-\U0001faff"
_MODIFIERS = "\ufe0f\U0001f3fb-\U0001f3ff"  # emoji presentation, skin tones
# What a joiner adds to an emoji: "👩‍💻" (woman, joiner, laptop) prints as its first, "👩".
_JOINED = re.compile(f"(?<=[{_EMOJI}{_MODIFIERS}])(?:\u200d[{_EMOJI}][{_MODIFIERS}]*)+")
_SKIN_TONE = re.compile("[\U0001f3fb-\U0001f3ff]")  # a swatch on its own, in Symbola
_FLAG = re.compile("[\U0001f1e6-\U0001f1ff]{1,2}")  # regional indicators, paired as flags


def _flag(match: re.Match[str]) -> str:
    """A flag as its country code in brackets ("[flag: FR]"); a lone indicator as its letter."""
    code = "".join(chr(ord(c) - 0x1F1E6 + ord("A")) for c in match.group())
    return f"[flag: {code}]" if len(code) == 2 else code


def emoji(text: str) -> str:
    """Emoji as Symbola can print them: a joined sequence as its first emoji, a flag as its
    country code, skin tones left out (variation selectors go with `clean`'s invisibles)."""
    if not _SKIN_TONE.search(text) and "\u200d" not in text and not _FLAG.search(text):
        return text
    text = _JOINED.sub("", text)
    text = _FLAG.sub(_flag, text)
    return _SKIN_TONE.sub("", text)


def clean(text: str) -> str:
    """Text ready to lay out: newlines as "\\n", tabs as spaces, invisible characters gone,
    emoji as the bundled font can draw them (`emoji`)."""
    if text.isascii() and text.isprintable():
        return text
    text = _NEWLINES.sub("\n", text).replace("\u2029", "\n\n").replace("\t", " ")
    if not text.isascii():
        text = unicodedata.normalize("NFC", text)
        text = emoji(text)
        text = _STRAY_JOINER.sub("", text)
    return _INVISIBLE.sub("", text)


@dataclass(frozen=True)
class Chunk:
    """One piece of a person's text, laid out as one paragraph."""

    text: str
    ends_paragraph: bool  # False when the text goes on in the next chunk (no gap between)


def _split_long(paragraph: str) -> Iterator[Chunk]:
    start = 0
    while len(paragraph) - start > MAX_CHUNK:
        window = paragraph[start : start + MAX_CHUNK]
        cut = max(window.rfind(" "), window.rfind("\n"))
        if cut < MAX_CHUNK // 2:
            cut = MAX_CHUNK  # one very long word: cut it where it is
        yield Chunk(paragraph[start : start + cut].strip(), False)
        start += cut
    yield Chunk(paragraph[start:].strip(), True)


def chunks(text: str) -> list[Chunk]:
    """A person's text as paragraphs (blank lines separate them), none too long."""
    found: list[Chunk] = []
    for paragraph in re.split(r"\n[ \n]*\n", clean(text)):
        paragraph = paragraph.strip(" \n")
        if not paragraph:
            continue
        if len(paragraph) <= MAX_CHUNK:
            found.append(Chunk(paragraph, True))
        else:
            found.extend(c for c in _split_long(paragraph) if c.text)
    return found


def han_hint(text: str) -> str:
    """Which CJK font draws Han characters here: Japanese if there is kana, Korean if Hangul,
    else the workbook's language (`language`), else Chinese."""
    if not text.isascii():
        if fonts.char_class(fonts.KANA_RANGES).search(text):
            return "ja"
        if fonts.char_class(fonts.HANGUL_RANGES).search(text):
            return "ko"
    chosen = language.current()
    return chosen if chosen in fonts.HAN_FONT else "zh"


def has_rtl(text: str) -> bool:
    return not text.isascii() and _RTL_CHAR.search(text) is not None


def needs_own_lines(text: str, bold: bool) -> bool:
    """Whether a paragraph is laid out by `lines.MixedParagraph` rather than reportlab's
    `Paragraph`: right-to-left text (bidi, shaping), and bold CJK (synthetic bold)."""
    return has_rtl(text) or (bold and has_cjk(text))


def has_cjk(text: str) -> bool:
    if text.isascii():
        return False
    cjk = fonts.char_class(fonts.HAN_RANGES, fonts.KANA_RANGES, fonts.HANGUL_RANGES)
    return cjk.search(text) is not None


Run = tuple[str, str]  # (font name, text)
_ARABIC_FONTS = frozenset((fonts.ARABIC, fonts.ARABIC_BOLD))


def _slow_runs(text: str, bold: bool, han: str, missing: set[str] | None) -> list[Run]:
    found: list[Run] = []
    current: str | None = None
    buffer: list[str] = []
    for char in text:
        if char == "\n":
            font = current or fonts.SANS
        else:
            font = current if current and _neutral(char) and fonts.covers(current, char) else None
            if font is None:
                regular = fonts.font_for(char, han)
                if regular is None:
                    if missing is not None:
                        missing.add(char)
                    char, regular = fonts.PLACEHOLDER, fonts.SANS
                font = fonts.bold_of(regular, char) if bold else regular
        if font != current and buffer:
            found.append((current, "".join(buffer)))  # type: ignore[arg-type]
            buffer = []
        current = font
        buffer.append(char)
    if buffer:
        found.append((current, "".join(buffer)))  # type: ignore[arg-type]
    return found


def _neutral(char: str) -> bool:
    """Spaces, punctuation and digits: kept in the font of the text around them."""
    return char in _JOINERS or unicodedata.category(char)[0] in "ZPN"


def runs(
    text: str, *, bold: bool = False, han: str | None = None, missing: set[str] | None = None
) -> list[Run]:
    """Cleaned text cut into (font, text) runs; characters no font has become the placeholder."""
    sans = fonts.ensure(fonts.SANS_BOLD if bold else fonts.SANS)
    if not text:
        return []
    if text.isascii() or fonts.drawn_by_sans(bold).issuperset(text):
        return [(sans, text)]
    han = han or han_hint(text)
    found: list[Run] = []
    position = 0
    for match in _LATIN.finditer(text):
        if match.start() > position:
            found.extend(_slow_runs(text[position : match.start()], bold, han, missing))
        found.append((sans, match.group()))
        position = match.end()
    if position < len(text):
        found.extend(_slow_runs(text[position:], bold, han, missing))
    merged: list[Run] = []
    for font, part in found:
        if merged and merged[-1][0] == font:
            merged[-1] = (font, merged[-1][1] + part)
        else:
            merged.append((font, part))
    return _join_arabic(merged)


def _join_arabic(found: list[Run]) -> list[Run]:
    """Spaces and punctuation between two runs of one Arabic font join them.

    The Latin fast path gives a space between Arabic words to DejaVu Sans, which
    would cut a phrase into one run a word: each shaped and drawn on its own, so
    a text extractor reads the words of a right-to-left line in drawing order,
    left to right. One run for the phrase reads as typed.
    """
    if len(found) < 3:
        return found
    joined: list[Run] = [found[0]]
    for i in range(1, len(found)):
        font, part = found[i]
        before = joined[-1][0]
        after = found[i + 1][0] if i + 1 < len(found) else None
        if (
            font != before
            and before in _ARABIC_FONTS
            and after == before
            and all(_neutral(c) and fonts.covers(before, c) for c in part)
        ):
            joined[-1] = (before, joined[-1][1] + part)
        elif font == joined[-1][0]:
            joined[-1] = (font, joined[-1][1] + part)
        else:
            joined.append((font, part))
    return joined


def markup(parts: list[Run], base_font: str) -> str:
    """Paragraph markup for runs: every run escaped, fonts switched, newlines as <br/>."""
    out = []
    for font, part in parts:
        escaped = escape(part).replace("\n", "<br/>")
        out.append(escaped if font == base_font else f'<font name="{font}">{escaped}</font>')
    return "".join(out)


def plain(text: str) -> str:
    """Text for the PDF's outline and metadata: cleaned, one line."""
    return " ".join(clean(text).split())
