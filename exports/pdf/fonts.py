"""The bundled TrueType fonts, registered on first use, and which one draws each character.

Every font lives in `resources/fonts/` with its licence (see the README
there), so the PDF embeds everything it shows and never names a font the
reader's machine must have. A font is loaded the first time a character
needs it, so a plain Latin plan loads only DejaVu Sans. `font_for` picks the
font for one character: the script's own font first (Noto Sans Arabic for
Arabic, IPAGothic for Japanese, NanumGothic for Korean, WenQuanYi Micro Hei
for Chinese, Symbola for emoji), then the others in a fixed order, checked
against each font's character map. A character no font has is drawn as
`PLACEHOLDER` instead of an empty box.
"""

from __future__ import annotations

import io
import threading
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
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


def _utf16_hex(code: int) -> str:
    return "".join(f"{unit:04X}" for unit in _units(code))


def _units(code: int) -> tuple[int, ...]:
    if code <= 0xFFFF:
        return (code,)
    code -= 0x10000
    return (0xD800 + (code >> 10), 0xDC00 + (code & 0x3FF))


def to_unicode_cmap(fontname: str, subset: list[int]) -> str:
    """reportlab's ToUnicode CMap, with characters beyond U+FFFF as UTF-16 surrogate pairs.

    reportlab 5.1 writes them as five hex digits (`<1F642>`), which readers
    reject, so emoji would not copy or extract. Installed in place of
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
        *(f"<{i:02X}> <{_utf16_hex(code)}>" for i, code in enumerate(subset)),
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


def covers(name: str, char: str) -> bool:
    """Whether a bundled font has a glyph for one character."""
    ensure(name)
    return ord(char) in _cmaps[name]


def is_arabic(code: int) -> bool:
    return (
        0x0600 <= code <= 0x06FF
        or 0x0750 <= code <= 0x077F
        or 0x0870 <= code <= 0x08FF
        or 0xFB50 <= code <= 0xFDFF
        or 0xFE70 <= code <= 0xFEFF
    )


def is_hangul(code: int) -> bool:
    return (
        0x1100 <= code <= 0x11FF
        or 0x3130 <= code <= 0x318F
        or 0xA960 <= code <= 0xA97F
        or 0xAC00 <= code <= 0xD7FF
    )


def is_kana(code: int) -> bool:
    return 0x3040 <= code <= 0x30FF or 0x31F0 <= code <= 0x31FF or 0xFF65 <= code <= 0xFF9F


def is_han(code: int) -> bool:
    """CJK ideographs, radicals, CJK punctuation and full-width forms."""
    return (
        0x2E80 <= code <= 0x2FDF
        or 0x3000 <= code <= 0x303F
        or 0x3190 <= code <= 0x31EF
        or 0x3200 <= code <= 0x4DBF
        or 0x4E00 <= code <= 0x9FFF
        or 0xF900 <= code <= 0xFAFF
        or 0xFF00 <= code <= 0xFFEF
        or 0x20000 <= code <= 0x3FFFF
    )


def is_cjk(code: int) -> bool:
    return is_han(code) or is_kana(code) or is_hangul(code)


def is_emoji(code: int) -> bool:
    return 0x1F000 <= code <= 0x1FAFF or 0x2600 <= code <= 0x27BF


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


def bold_of(name: str, char: str) -> str:
    """The bold face for `char` if one is bundled and has it, else the regular font."""
    bold = BOLD.get(name)
    return bold if bold is not None and covers(bold, char) else name


def licence_files() -> list[str]:
    return sorted({spec.licence for spec in FONTS.values()})
