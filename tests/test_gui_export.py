"""The export page as a person uses it: share-safe choices, the preview, saving the PDF on a
worker with progress and Cancel, the paper size from the locale, and the workbook file.

PDF text is read back with pypdf and compared without whitespace (line breaks fall
anywhere in a long sentence).
"""

import json
import threading

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QLocale, QPoint, Qt
from PySide6.QtWidgets import QAbstractButton, QFileDialog, QMessageBox, QProgressBar

from exports.pdf import DEFAULT_SECTIONS
from ui.steps.export import page as export_module
from ui.steps.export.choices import (
    PREVIEW_PAGES,
    PdfChoices,
    default_page_size,
    pdf_file_name,
    privacy_sentence,
    safe_file_part,
)
from workbook.data import JournalEntry, WorkbookData
from workbook.example import add_example, example_data
from workbook.model import Profile
from workbook.session import Session

EXPORT_STEP = 5
WAIT_MS = 30_000
SAFE_SENTENCE = "Your reflections and energy log stay out of this PDF."


def squash(text):
    return "".join(text.split())


def pdf_text(path):
    return squash("".join(page.extract_text() or "" for page in PdfReader(path).pages))


def journal_body(kind, private):
    return next(
        e["body"]
        for e in example_data()["journal"]
        if e["kind"] == kind and e["private"] is private
    )


PRIVATE_REFLECTION = journal_body("reflection", True)
SHARED_FEEDBACK = journal_body("feedback", False)


@pytest.fixture
def export_page(open_window, db_path):
    """The main window on a fresh database holding the example workbook, at the export step."""
    session = Session.open(db_path)
    add_example(session.db)
    session.close()
    window = open_window()
    window.show_step(EXPORT_STEP)
    return window, window.page("export")


@pytest.fixture
def save_as(monkeypatch):
    """Answer the save dialog with a path; returns the suggested paths it was shown."""
    suggested = []

    def use(path):
        def dialog(parent, caption, directory, filters):
            suggested.append(directory)
            return str(path), filters

        monkeypatch.setattr(QFileDialog, "getSaveFileName", dialog)
        return suggested

    return use


@pytest.fixture
def warnings(monkeypatch):
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text, *a: shown.append(text))
    return shown


def save_and_wait(page, qtbot, out):
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.saved_path == out, timeout=WAIT_MS)


def test_the_default_choices_leave_the_journal_out_and_say_so(export_page):
    _window, page = export_page
    assert not page.section_boxes["journal"].isChecked()
    assert not page.private_box.isChecked()
    assert page.contents.reader() == "manager"
    ticked = {sid for sid, box in page.section_boxes.items() if box.isChecked()}
    assert ticked == set(DEFAULT_SECTIONS)
    assert page.choices().printed() == [s for s in page.section_boxes if s in ticked]
    assert "For your manager" in page.contents.reader_sentence.text()
    assert SAFE_SENTENCE in page.privacy_label.text()
    assert "journal" in page.privacy_label.text()
    assert page.private_box.text() == "Include my private reflections"


def test_every_control_has_a_name_for_screen_readers(export_page):
    _window, page = export_page
    controls = page.findChildren(QAbstractButton) + page.findChildren(QProgressBar)
    assert len(controls) > 15
    assert [c.text() for c in controls if not c.accessibleName()] == []
    for box in page.section_boxes.values():
        assert box.accessibleDescription()  # the one-line note on what the section holds
    assert page.preview.view.accessibleName()


def test_the_preview_shows_the_pages_before_saving(export_page, qtbot):
    _window, page = export_page
    qtbot.waitUntil(lambda: page.preview.pages > 1, timeout=WAIT_MS)
    assert f"{page.preview.pages} pages on" in page.preview.caption.text()
    # The pages are drawn as images, fitted to the panel's width.
    shown = page.preview.strip.images
    assert 1 < len(shown) == min(page.preview.pages, PREVIEW_PAGES)
    assert all(image.width() > 500 and not image.isNull() for image in shown)
    before = page.preview.pages
    page.private_box.setFocus()
    qtbot.keyClick(page.private_box, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: page.preview.pages > before, timeout=WAIT_MS)  # the journal adds pages


def test_saving_writes_the_plan_without_private_reflections(export_page, qtbot, save_as, tmp_path):
    _window, page = export_page
    out = tmp_path / "shared" / "plan.pdf"
    out.parent.mkdir()
    suggested = save_as(out)
    values = []
    page.progress.valueChanged.connect(values.append)

    save_and_wait(page, qtbot, out)

    assert page.progress.value() == 100
    assert values == sorted(values) and values[-1] == 100
    assert "Saved your plan" in page.status.text()
    assert page.open_folder_button.isVisible()
    assert suggested[0].endswith(pdf_file_name(WorkbookData(profile=Profile(0, "Nadia Haddad"))))
    text = pdf_text(out)
    assert "NadiaHaddad" in text
    assert squash(PRIVATE_REFLECTION[:80]) not in text
    assert squash(SHARED_FEEDBACK[:60]) not in text
    assert sorted(p.name for p in out.parent.iterdir()) == ["plan.pdf"]


def test_including_private_reflections_puts_them_in(export_page, qtbot, save_as, tmp_path):
    _window, page = export_page
    page.private_box.setFocus()
    qtbot.keyClick(page.private_box, Qt.Key.Key_Space)  # the keyboard is enough
    assert page.private_box.isChecked()
    journal = page.section_boxes["journal"]
    assert journal.isChecked() and not journal.isEnabled()
    assert "are in this PDF" in page.privacy_label.text()
    assert SAFE_SENTENCE not in page.privacy_label.text()
    out = tmp_path / "private.pdf"
    save_as(out)

    save_and_wait(page, qtbot, out)

    text = pdf_text(out)
    assert squash(PRIVATE_REFLECTION[:80]) in text
    assert squash(SHARED_FEEDBACK[:60]) in text

    qtbot.keyClick(page.private_box, Qt.Key.Key_Space)
    assert not journal.isChecked() and journal.isEnabled()  # back to what it was
    assert SAFE_SENTENCE in page.privacy_label.text()


def test_the_journal_alone_shares_only_entries_not_marked_private(
    export_page, qtbot, save_as, tmp_path
):
    _window, page = export_page
    page.section_boxes["journal"].setFocus()
    qtbot.keyClick(page.section_boxes["journal"], Qt.Key.Key_Space)
    assert SAFE_SENTENCE in page.privacy_label.text()
    assert "you did not mark private" in page.privacy_label.text()
    out = tmp_path / "feedback.pdf"
    save_as(out)

    save_and_wait(page, qtbot, out)

    text = pdf_text(out)
    assert squash(SHARED_FEEDBACK[:60]) in text
    assert squash(PRIVATE_REFLECTION[:80]) not in text


def test_cancelling_mid_export_leaves_no_file(export_page, qtbot, save_as, tmp_path, monkeypatch):
    _window, page = export_page
    folder = tmp_path / "cancelled"
    folder.mkdir()
    out = folder / "plan.pdf"
    save_as(out)
    held = threading.Event()
    release = threading.Event()
    real_save = export_module.save_pdf

    def slow_save(data, content, choices, path, progress):
        def gated(fraction, message):
            if 0 < fraction < 1 and not release.is_set():
                held.set()
                release.wait(WAIT_MS / 1000)  # on the worker thread, until the test cancels
            progress(fraction, message)

        return real_save(data, content, choices, path, gated)

    monkeypatch.setattr(export_module, "save_pdf", slow_save)
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(held.is_set, timeout=WAIT_MS)
    assert page.cancel_button.isEnabled()
    assert not page.save_button.isEnabled()
    assert [p.suffix for p in folder.iterdir()] == [".part"]  # the export is under way

    qtbot.mouseClick(page.cancel_button, Qt.MouseButton.LeftButton)
    release.set()
    qtbot.waitUntil(lambda: "Cancelled" in page.status.text(), timeout=WAIT_MS)

    assert list(folder.iterdir()) == []
    assert not out.exists()
    assert page.saved_path is None
    assert page.save_button.isEnabled() and not page.cancel_button.isEnabled()


def test_a_failed_save_says_so_plainly(export_page, qtbot, save_as, tmp_path, warnings):
    _window, page = export_page
    out = tmp_path / "no such folder" / "plan.pdf"
    save_as(out)
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(warnings), timeout=WAIT_MS)
    assert str(out) in warnings[0]
    assert "Traceback" not in warnings[0]
    assert page.status.text() == "The PDF was not saved."
    assert page.save_button.isEnabled()


@pytest.mark.parametrize(("locale", "paper"), [("en_US", "Letter"), ("de_DE", "A4")])
def test_the_paper_size_follows_the_locale(locale, paper, db_path, open_window, qtbot):
    session = Session.open(db_path)
    add_example(session.db)
    session.close()
    previous = QLocale()
    QLocale.setDefault(QLocale(locale))
    try:
        window = open_window()
        window.show_step(EXPORT_STEP)
        page = window.page("export")
        assert page.paper_buttons[paper].isChecked()
        assert page.choices().page_size == paper
        words = "US Letter" if paper == "Letter" else "A4"
        qtbot.waitUntil(lambda: f"on {words}." in page.preview.caption.text(), timeout=WAIT_MS)
    finally:
        QLocale.setDefault(previous)


def test_letter_countries_beyond_the_us():
    assert default_page_size(QLocale("fr_CA")) == "Letter"
    assert default_page_size(QLocale("es_MX")) == "Letter"
    assert default_page_size(QLocale("en_GB")) == "A4"
    assert default_page_size(QLocale("ja_JP")) == "A4"


def test_privacy_sentences_say_exactly_what_goes_in():
    journal = (
        JournalEntry(1, "reflection", "x", "2026-01-01", private=True),
        JournalEntry(2, "feedback", "y", "2026-01-02", private=False),
    )
    default = privacy_sentence(PdfChoices(), journal)
    assert default.startswith(SAFE_SENTENCE)
    shared = privacy_sentence(PdfChoices(("journal",)), journal)
    assert "Only the 1 entry you did not mark private" in shared
    private = privacy_sentence(PdfChoices((), include_private=True), journal)
    assert "1 entry you marked private" in private
    assert PdfChoices((), include_private=True).printed() == ["journal"]


def test_file_names_are_safe_everywhere():
    assert safe_file_part('Example: Nadia / "Haddad"?') == "Example Nadia Haddad"
    assert pdf_file_name(WorkbookData(name="Anonymous")).startswith("Development plan - Anonymous")


def test_the_workbook_file_goes_out_and_comes_back_in(
    export_page, qtbot, save_as, tmp_path, monkeypatch
):
    window, page = export_page
    first = window.workbook_id
    out = tmp_path / "nadia.json"
    save_as(out)
    qtbot.mouseClick(page.file_box.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: "Saved the whole workbook" in page.file_box.status.text(), timeout=WAIT_MS
    )
    assert json.loads(out.read_text(encoding="utf-8"))["name"] == "Example: Nadia Haddad"

    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", lambda parent, caption, folder, filters: (str(out), "")
    )
    qtbot.mouseClick(page.file_box.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.workbook_id != first, timeout=WAIT_MS)
    assert window.switcher.count() == 2
    assert window.switcher.currentText() == "Example: Nadia Haddad (2)"
    assert "Added the workbook" in page.file_box.status.text()
    assert window.current_step() == EXPORT_STEP


def test_a_bad_workbook_file_is_explained_and_adds_nothing(
    export_page, qtbot, tmp_path, monkeypatch, warnings
):
    window, page = export_page
    bad = tmp_path / "broken.json"
    bad.write_text('{"format": "career-workbook-file",\n "version": 1,\n', encoding="utf-8")
    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", lambda parent, caption, folder, filters: (str(bad), "")
    )
    qtbot.mouseClick(page.file_box.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(warnings), timeout=WAIT_MS)
    assert "Line 3" in warnings[0]
    assert "Nothing was added" in warnings[0]
    assert window.switcher.count() == 1
    assert page.file_box.import_button.isEnabled()


def test_without_page_images_the_preview_lists_pages_and_sections(qtbot):
    from exports.pdf import RenderReport
    from ui.steps.export import preview as export_preview
    from ui.steps.export.choices import Preview

    panel = export_preview.PreviewPanel()
    qtbot.addWidget(panel)
    panel.show_preview(Preview(b"%PDF", RenderReport(3, set(), ["brief", "goals"]), PdfChoices()))
    assert panel.caption.text() == "3 pages on A4."
    assert "could not be drawn" in panel.outline.text()
    assert "Goals and actions" in panel.outline.text()


def tick(qtbot, box):
    """Click a checkbox on its box, as a person does (its middle may be empty space)."""
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(8, box.height() // 2))


def test_choosing_a_reader_ticks_its_sections_and_says_what_it_holds(export_page, qtbot):
    from exports.readers import READERS

    _window, page = export_page
    coach = page.contents.reader_buttons["coach"]
    coach.setFocus()
    qtbot.mouseClick(coach, Qt.MouseButton.LeftButton)
    assert page.choices().reader == "coach"
    ticked = {sid for sid, box in page.section_boxes.items() if box.isChecked()}
    assert ticked == set(READERS["coach"].sections)
    assert page.contents.reader_sentence.text() == READERS["coach"].sentence
    assert "The usual version for my coach." in page.sections_label.text()
    # A choice on top of the reader is said in words, and the PDF follows it.
    tick(qtbot, page.section_boxes["ratings"])
    assert not page.section_boxes["ratings"].isChecked()
    assert "Left out by your choice: My ratings." in page.sections_label.text()
    qtbot.mouseClick(page.contents.reader_buttons["manager"], Qt.MouseButton.LeftButton)
    assert not page.section_boxes["analysis"].isChecked()
    tick(qtbot, page.section_boxes["ratings"])
    assert "Added by your choice: My ratings." in page.sections_label.text()
    qtbot.waitUntil(lambda: page.preview.pages > 1, timeout=WAIT_MS)


def test_the_managers_copy_saved_from_the_page_says_shared_in_confidence(
    export_page, qtbot, save_as, tmp_path
):
    _window, page = export_page
    out = tmp_path / "manager.pdf"
    save_as(out)
    save_and_wait(page, qtbot, out)
    found = squash("".join(p.extract_text() for p in PdfReader(out).pages))
    assert found.startswith(squash("FOR OUR CONVERSATION Nadia Haddad"))
    assert squash("Shared in confidence · Nadia Haddad") in found
    assert squash("My ratings") not in found


def test_a_workbook_in_japanese_can_have_its_han_drawn_as_chinese(open_window, qtbot, db_path):
    from workbook.door import create_workbook, set_profile_field

    session = Session.open(db_path)
    wid = create_workbook(session.db, "和子").workbook_id
    set_profile_field(session.db, wid, "person_name", "山田 和子")
    set_profile_field(session.db, wid, "aim", "新しいチームを率いるかどうか、考えています。")
    session.close()
    window = open_window()
    window.show_step(EXPORT_STEP)
    page = window.page("export")
    box = page.language_box
    qtbot.waitUntil(lambda: not box.isHidden(), timeout=WAIT_MS)
    assert "Japanese" in box.combo.itemText(0) and "Japanese" in box.note.text()
    assert page.choices().language is None  # the guess
    box.combo.setFocus()
    box.combo.setCurrentIndex(box.combo.findData("zh"))
    box.combo.activated.emit(box.combo.currentIndex())
    assert page.choices().language == "zh"


def test_a_workbook_without_han_shows_no_language_choice(export_page):
    _window, page = export_page
    assert page.language_box.isHidden() and page.choices().language is None
