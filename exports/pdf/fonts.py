"""The bundled TrueType fonts, registered on first use, and which one draws each character.

Every font lives in `resources/fonts/` with its licence (see the README
there), so the PDF embeds everything it shows and never names a font the
reader's machine must have. A font is loaded the first time a character
needs it, so a plain Latin plan loads only DejaVu Sans. `font_for` picks the
font for one character: the script's own font first (Noto Sans Arabic for
Arabic, IPAGothic for Japanese, NanumGothic for Korean, WenQuanYi Micro Hei
for Chinese, Symbola for emoji), then the others in a fixed order, checked
against each font's character map. A character no font has is drawn as
`PLACEHOLDER` instead of an empty box. `alias` gives a shaped glyph (a joined
Arabic form, a ligature, a mirrored bracket) a code of its own whose text, in
the PDF's ToUnicode map, is what was typed, so the PDF copies and searches as
typed.
"""

from __future__ import annotations

import bisect
import io
import re
import threading
import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources

from reportlab.pdfbase import pdfmetrics, ttfonts
from reportlab.pdfbase.ttfonts import TTFont

#: Drawn for a character no bundled font has: U+FFFD, the replacement character.
PLACEHOLDER = "\ufffd"


@dataclass(frozen=True)
class FontFile:
    """One bundled font: its reportlab name, file, face in a collection, and licence file."""

    name: str
    file: str
    licence: str
    subfont: int = 0
    shaping: bool = False  # shaped with HarfBuzz (joined letters, right to left)


SANS = "CW-Sans"
SANS_BOLD = "CW-Sans-Bold"
ARABIC = "CW-Arabic"
ARABIC_BOLD = "CW-Arabic-Bold"
JAPANESE = "CW-Japanese"
KOREAN = "CW-Korean"
CHINESE = "CW-Chinese"
SYMBOLS = "CW-Symbols"

FONTS: dict[str, FontFile] = {
    f.name: f
    for f in (
        FontFile(SANS, "DejaVuSans.ttf", "LICENSE-DejaVu.txt", shaping=True),
        FontFile(SANS_BOLD, "DejaVuSans-Bold.ttf", "LICENSE-DejaVu.txt", shaping=True),
        FontFile(ARABIC, "NotoSansArabic-Regular.ttf", "LICENSE-NotoSansArabic.txt", shaping=True),
        FontFile(
            ARABIC_BOLD, "NotoSansArabic-Bold.ttf", "LICENSE-NotoSansArabic.txt", shaping=True
        ),
        FontFile(JAPANESE, "ipag.ttf", "LICENSE-IPAGothic.txt"),
        FontFile(KOREAN, "NanumGothic.ttf", "LICENSE-NanumGothic.txt"),
        FontFile(CHINESE, "wqy-microhei.ttc", "LICENSE-WenQuanYiMicroHei.txt", subfont=0),
        FontFile(SYMBOLS, "Symbola_hint.ttf", "LICENSE-Symbola.txt"),
    )
}

#: The bold face of a font, where one is bundled; the others draw bold text in regular.
BOLD = {SANS: SANS_BOLD, ARABIC: ARABIC_BOLD}
#: Where a bold face lacks a character, its regular face is tried.
REGULAR = {bold: regular for regular, bold in BOLD.items()}
#: No bold face is bundled (none reportlab can embed): bold is drawn by stroking the
#: outline as well as filling it (`lines.draw_runs`). Emoji stay as they are.
SYNTHETIC_BOLD = frozenset((JAPANESE, KOREAN, CHINESE))


def _utf16_hex(code: int) -> str:
    return "".join(f"{unit:04X}" for unit in _units(code))


def _units(code: int) -> tuple[int, ...]:
    if code <= 0xFFFF:
        return (code,)
    code -= 0x10000
    return (0xD800 + (code >> 10), 0xDC00 + (code & 0x3FF))


def _text_hex(fontname: str, code: int) -> str:
    """What one code of a font means, as UTF-16 hex: an alias's typed text, else itself."""
    typed = _alias_text.get((fontname.rpartition("+")[2], code))
    if typed is None:
        return _utf16_hex(code)
    return "".join(_utf16_hex(ord(char)) for char in typed)


def to_unicode_cmap(fontname: str, subset: list[int]) -> str:
    """reportlab's ToUnicode CMap, with characters beyond U+FFFF as UTF-16 surrogate pairs.

    reportlab 5.1 writes them as five hex digits (`<1F642>`), which readers
    reject, so emoji would not copy or extract. An alias (see `alias`) maps to
    the text it stands for. Installed in place of
    `reportlab.pdfbase.ttfonts.makeToUnicodeCMap` when this module loads.
    """
    lines = [
        "/CIDInit /ProcSet findresource begin",
        "12 dict begin",
        "begincmap",
        "/CIDSystemInfo",
        f"<< /Registry ({fontname})",
        f"/Ordering ({fontname})",
        "/Supplement 0",
        ">> def",
        f"/CMapName /{fontname} def",
        "/CMapType 2 def",
        "1 begincodespacerange",
        f"<00> <{len(subset) - 1:02X}>",
        "endcodespacerange",
        f"{len(subset)} beginbfchar",
        *(f"<{i:02X}> <{_text_hex(fontname, code)}>" for i, code in enumerate(subset)),
        "endbfchar",
        "endcmap",
        "CMapName currentdict /CMap defineresource pop",
        "end",
        "end",
    ]
    return "\n".join(lines)


ttfonts.makeToUnicodeCMap = to_unicode_cmap

_lock = threading.Lock()
_cmaps: dict[str, frozenset[int]] = {}
#: Aliases: (font, glyph, text) -> the private character drawn; (face name, code) -> text.
_aliases: dict[tuple[str, int, str], str] = {}
_alias_text: dict[tuple[str, int], str] = {}
#: Aliases start in Supplementary Private Use Area-A, clear of every bundled font's own
#: characters and of the private codes reportlab gives unmapped shaped glyphs (from U+E000).
ALIAS_START = 0xF0000


def _font_bytes(file: str) -> bytes:
    return resources.files("resources").joinpath("fonts", file).read_bytes()


def ensure(name: str) -> str:
    """Register a bundled font with reportlab (once per process); returns its name."""
    if name in _cmaps:
        return name
    with _lock:
        if name not in _cmaps:
            spec = FONTS[name]
            font = TTFont(
                name,
                io.BytesIO(_font_bytes(spec.file)),
                subfontIndex=spec.subfont,
                shapable=spec.shaping,
            )
            pdfmetrics.registerFont(font)
            # Copied now: shaping later adds private code points to the live map.
            _cmaps[name] = frozenset(font.face.charToGlyph)
    return name


def alias(name: str, glyph: int, typed: str, width: float) -> str:
    """A character of its own that draws `glyph` of a registered font and means `typed`.

    HarfBuzz turns typed letters into glyphs the font's character map names
    differently (a medial meem is U+FEE3, a lam-alef one glyph for two letters,
    a bracket in right-to-left text its mirror image) or not at all. Drawn by
    those names, the PDF would copy as presentation forms, private codes or
    swapped brackets. The alias draws the same glyph, `width` wide (thousandths
    of the size), and the ToUnicode map says it is `typed`. One per (font, glyph,
    text), kept for the process like the fonts themselves.
    """
    key = (name, glyph, typed)
    found = _aliases.get(key)
    if found is not None:
        return found
    with _lock:
        found = _aliases.get(key)
        if found is None:
            face = pdfmetrics.getFont(name).face
            code = ALIAS_START + len(_aliases)
            while code in face.charToGlyph:
                code += 1
            face.charToGlyph[code] = glyph
            face.charWidths[code] = width
            found = chr(code)
            _alias_text[(face.name.decode("latin-1"), code)] = typed
            _aliases[key] = found
    return found


def covers(name: str, char: str) -> bool:
    """Whether a bundled font has a glyph for one character."""
    ensure(name)
    return ord(char) in _cmaps[name]


Ranges = tuple[tuple[int, int], ...]  # inclusive (first, last) code points

ARABIC_RANGES: Ranges = (
    (0x0600, 0x06FF),
    (0x0750, 0x077F),
    (0x0870, 0x08FF),
    (0xFB50, 0xFDFF),
    (0xFE70, 0xFEFF),
)
HANGUL_RANGES: Ranges = ((0x1100, 0x11FF), (0x3130, 0x318F), (0xA960, 0xA97F), (0xAC00, 0xD7FF))
KANA_RANGES: Ranges = ((0x3040, 0x30FF), (0x31F0, 0x31FF), (0xFF65, 0xFF9F))
#: CJK ideographs, radicals, CJK punctuation and full-width forms.
HAN_RANGES: Ranges = (
    (0x2E80, 0x2FDF),
    (0x3000, 0x303F),
    (0x3190, 0x31EF),
    (0x3200, 0x4DBF),
    (0x4E00, 0x9FFF),
    (0xF900, 0xFAFF),
    (0xFF00, 0xFFEF),
    (0x20000, 0x3FFFF),
)
EMOJI_RANGES: Ranges = ((0x1F000, 0x1FAFF), (0x2600, 0x27BF))
#: Where `font_for` tries the script's own font before DejaVu Sans.
SCRIPT_RANGES: Ranges = ARABIC_RANGES + HANGUL_RANGES + KANA_RANGES + HAN_RANGES + EMOJI_RANGES


def _within(code: int, ranges: Ranges) -> bool:
    return any(first <= code <= last for first, last in ranges)


@cache
def char_class(*groups: Ranges) -> re.Pattern[str]:
    """A regex for one character in any of the ranges, compiled on first use (a class over
    large ranges takes milliseconds to compile). It tests a whole string in C, where a loop
    calling `is_cjk` per character cost more than the rest of a short paragraph."""
    spans = "".join(f"\\U{first:08x}-\\U{last:08x}" for ranges in groups for first, last in ranges)
    return re.compile(f"[{spans}]")


def is_arabic(code: int) -> bool:
    return _within(code, ARABIC_RANGES)


def is_hangul(code: int) -> bool:
    return _within(code, HANGUL_RANGES)


def is_kana(code: int) -> bool:
    return _within(code, KANA_RANGES)


def is_han(code: int) -> bool:
    """CJK ideographs, radicals, CJK punctuation and full-width forms."""
    return _within(code, HAN_RANGES)


def is_cjk(code: int) -> bool:
    return is_han(code) or is_kana(code) or is_hangul(code)


def is_emoji(code: int) -> bool:
    return _within(code, EMOJI_RANGES)


#: For Han characters, which CJK font to try first: set from the surrounding text.
HAN_FONT = {"ja": JAPANESE, "ko": KOREAN, "zh": CHINESE}
_DEFAULT_ORDER = (SANS, SYMBOLS, ARABIC, CHINESE, JAPANESE, KOREAN)


def _order(code: int, han: str) -> tuple[str, ...]:
    if is_arabic(code):
        first: tuple[str, ...] = (ARABIC,)
    elif is_hangul(code):
        first = (KOREAN,)
    elif is_kana(code):
        first = (JAPANESE,)
    elif is_han(code):
        first = (HAN_FONT[han],)
    elif is_emoji(code):
        first = (SYMBOLS,)
    else:
        first = ()
    return first + tuple(name for name in _DEFAULT_ORDER if name not in first)


@lru_cache(maxsize=65536)
def font_for(char: str, han: str = "zh") -> str | None:
    """The font that draws `char` (regular weight), or None when no bundled font has it."""
    code = ord(char)
    if unicodedata.category(char) in ("Cs", "Cn", "Co"):
        # Unassigned, private-use and lone surrogates: no font can mean them.
        return None
    for name in _order(code, han):
        if covers(name, char):
            return name
    return None


@lru_cache(maxsize=2)
def drawn_by_sans(bold: bool) -> frozenset[str]:
    """Characters that `text.runs` always puts in DejaVu Sans (bold: DejaVu Sans Bold).

    Those outside every script's own range (Arabic, CJK, emoji), so `font_for`
    tries DejaVu Sans first, and that it has; with `bold`, only those its bold face
    has too. Text made only of these is one run in that font, whatever its order,
    so it needs no per-character choice: Greek, Cyrillic, accents and punctuation.
    A newline counts only for regular text: in bold, one just after Latin text is
    given the regular face, so that case is left to the per-character path.
    """
    codes = sorted(_cmaps[ensure(SANS)])
    scripts: set[int] = set()
    for first, last in SCRIPT_RANGES:
        scripts.update(codes[bisect.bisect_left(codes, first) : bisect.bisect_right(codes, last)])
    found = {
        chr(code)
        for code in codes
        if code not in scripts and unicodedata.category(chr(code)) not in ("Cs", "Cn", "Co")
    }
    if bold:
        found &= set(map(chr, _cmaps[ensure(SANS_BOLD)]))
    found.discard("\n")
    if not bold:
        found.add("\n")
    return frozenset(found)


def bold_of(name: str, char: str) -> str:
    """The bold face for `char` if one is bundled and has it, else the regular font."""
    bold = BOLD.get(name)
    return bold if bold is not None and covers(bold, char) else name


def licence_files() -> list[str]:
    return sorted({spec.licence for spec in FONTS.values()})
