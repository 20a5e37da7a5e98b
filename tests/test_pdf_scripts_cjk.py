"""Chinese, Japanese and Korean in the PDF, and emoji: the font for the workbook's
language, synthetic bold, and emoji sequences the bundled font cannot join.

Which font draws a run is checked through `text.runs` and the fonts the PDF
names; synthetic bold through the drawing operators (text render mode 2),
since no extractor reports it.
"""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader
from reportlab.pdfgen.canvas import Canvas

from exports.pdf import export_pdf, fonts, language, lines, render, text
from exports.pdf.blocks import Kit
from exports.pdf.lines import MixedParagraph
from exports.pdf.styles import make_styles
from tests.test_pdf_export import embedded_fonts
from workbook.content.loader import load_content
from workbook.data import Goal, Milestone, WorkbookData
from workbook.model import Profile

KANJI_NAME = "山田太郎"  # all kanji: nothing in the name says Japanese


@pytest.fixture(scope="module")
def content():
    return load_content()


def workbook(name: str, goal: str, milestone: str = "First review") -> WorkbookData:
    return WorkbookData(
        workbook_id=5,
        name="CJK",
        profile=Profile(5, person_name=name, current_role="Engineer", aim="Lead."),
        goals=(Goal(1, goal, measure="Three reviews", target_date="2026-03-01"),),
        milestones=(Milestone(1, 30, milestone),),
    )


def font_names(pdf: bytes) -> set[str]:
    return {name.split("+")[-1] for name, _ in embedded_fonts(pdf)}


def test_the_language_is_guessed_from_all_the_workbooks_text():
    assert language.guess(["日本語のテキスト", KANJI_NAME]) == "ja"  # kana decides
    assert language.guess(["한국어", "漢字"]) == "ko"
    assert language.guess(["我们一起学习", KANJI_NAME]) == "zh"
    assert language.guess(["English only", "Ελληνικά"]) is None
    data = workbook(KANJI_NAME, "レビューを月に一度")
    assert language.resolve(data, None) == "ja"
    assert language.resolve(data, "zh") == "zh"
    with pytest.raises(ValueError, match="Language must be one of"):
        language.resolve(data, "fr")


def test_an_all_kanji_name_takes_the_font_of_the_workbooks_language():
    assert text.runs(KANJI_NAME) == [(fonts.CHINESE, KANJI_NAME)]
    with language.using("ja"):
        assert text.runs(KANJI_NAME) == [(fonts.JAPANESE, KANJI_NAME)]
        # A paragraph's own kana or Hangul still decides for it.
        assert text.runs("한국 漢字")[0][0] == fonts.KOREAN
    with language.using("ko"):
        assert text.runs(KANJI_NAME)[0] == (fonts.KOREAN, "山田太")  # 郎: NanumGothic lacks it


def test_a_japanese_workbook_prints_its_kanji_name_in_the_japanese_font(content):
    data = workbook(KANJI_NAME, "レビューを月に一度")
    buffer = io.BytesIO()
    render(data, content, buffer)
    names = font_names(buffer.getvalue())
    assert "IPAGothic" in names and not any("WenQuanYi" in n for n in names)
    # Chosen by hand, the same workbook is printed in the Chinese font.
    buffer = io.BytesIO()
    render(data, content, buffer, language="zh")
    assert any("WenQuanYi" in n for n in font_names(buffer.getvalue()))


def test_export_pdf_takes_a_language_and_refuses_an_unknown_one(content, tmp_path):
    data = workbook(KANJI_NAME, "Goal")
    out = export_pdf(data, content, tmp_path / "ja.pdf", language="ja")
    assert "IPAGothic" in font_names(out.read_bytes())
    with pytest.raises(ValueError, match="Language"):
        export_pdf(data, content, tmp_path / "x.pdf", language="fr")
    assert not (tmp_path / "x.pdf").exists()


def test_bold_cjk_is_synthetic_bold_with_the_latin_letters_bold_too():
    kit = Kit(make_styles(), 400, 700)
    heading = kit.para("山田太郎のプラン Plan", kit.styles.h2)
    assert isinstance(heading, MixedParagraph)
    runs, _ = lines.single_line("山田太郎のプラン Plan", 12, bold=True)
    assert [(r.font, r.fake_bold) for r in runs] == [
        (fonts.JAPANESE, True),
        (fonts.SANS_BOLD, False),
    ]
    canvas = Canvas(io.BytesIO())
    heading.wrap(400, 100)
    heading.canv = canvas
    heading.draw()
    code = "\n".join(canvas._code)
    assert "2 Tr" in code  # filled and stroked
    assert code.index("2 Tr") < code.rindex("0 Tr")  # and back to plain fill after it
    # Regular CJK text stays a reportlab Paragraph, drawn as before.
    assert not isinstance(kit.para("山田太郎のプラン", kit.styles.body), MixedParagraph)


def test_cjk_lines_break_between_characters_not_before_closing_marks():
    styled = lines.Styled.of("日本語のテキストです。" * 6)
    found = lines.break_lines(styled, 10, 120)
    assert len(found) > 2
    for start, _end in found[1:]:
        assert styled.chars[start] not in "。、"


@pytest.mark.parametrize(
    ("typed", "printed"),
    [
        ("👩\u200d💻 coder", "👩 coder"),  # a joined sequence: its first emoji
        ("👨\u200d👩\u200d👧\u200d👦", "👨"),
        ("❤️\u200d🔥 yes", "❤ yes"),
        ("👍🏽 ok", "👍 ok"),  # skin tone dropped, never a swatch
        ("🇫🇷 Paris 🇯🇵", "[flag: FR] Paris [flag: JP]"),
        ("🇫 alone", "F alone"),
        ("لا\u200dب", "لا\u200dب"),  # joiners inside Arabic stay for the shaper
    ],
)
def test_emoji_print_as_the_bundled_font_can_draw_them(typed, printed):
    assert text.clean(typed) == printed


def test_emoji_and_flags_in_a_pdf_and_every_font_embedded(content):
    data = workbook(KANJI_NAME, "レビュー 🇫🇷", milestone="Done 👩\u200d💻 👍🏽 🇯🇵")
    buffer = io.BytesIO()
    report = render(data, content, buffer, sections=["goals", "milestones"])
    pdf = buffer.getvalue()
    assert report.missing == set()
    found = "".join("\n".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages).split())
    assert "[flag:FR]" in found and "[flag:JP]" in found and "Done👩👍" in found
    assert "💻" not in found and "\U0001f3fd" not in found
    assert all(embedded for _, embedded in embedded_fonts(pdf))
