"""The export preview the first time it is shown: the pages scroll at once, without the
window being resized first (issue 16: it stayed on page 1, "10/14 pages", no scroll bar)."""

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication

from workbook.example import add_example
from workbook.session import Session

EXPORT_STEP = 5
WAIT_MS = 30_000


def test_the_preview_scrolls_to_later_pages_the_first_time_it_is_shown(open_window, db_path, qtbot):
    session = Session.open(db_path)
    add_example(session.db)
    session.close()
    window = open_window()
    window.resize(1200, 820)
    qtbot.waitUntil(lambda: window.size().width() == 1200)
    window.show_step(EXPORT_STEP)
    preview = window.page("export").preview
    qtbot.waitUntil(lambda: len(preview.strip.images) > 1, timeout=WAIT_MS)
    bar = preview.view.verticalScrollBar()
    # The strip is as tall as its pages, so the view has somewhere to scroll to.
    qtbot.waitUntil(lambda: bar.maximum() > 0)
    assert preview.strip.height() >= preview.strip.heightForWidth(preview.strip.width())
    assert bar.isVisible()

    # The wheel over the pages moves on towards page 2.
    viewport = preview.view.viewport()
    centre = QPointF(viewport.rect().center())
    for _ in range(10):
        wheel = QWheelEvent(
            centre,
            QPointF(viewport.mapToGlobal(centre.toPoint())),
            QPoint(0, 0),
            QPoint(0, -120),
            Qt.MouseButton.NoButton,
            Qt.KeyboardModifier.NoModifier,
            Qt.ScrollPhase.NoScrollPhase,
            False,
        )
        QApplication.sendEvent(viewport, wheel)
    first_page = preview.strip.heightForWidth(preview.strip.width()) / len(preview.strip.images)
    assert bar.value() > first_page * 0.5


def test_a_new_preview_keeps_the_scroll_range_in_step_with_its_pages(open_window, db_path, qtbot):
    session = Session.open(db_path)
    add_example(session.db)
    session.close()
    window = open_window()
    window.resize(1200, 820)
    window.show_step(EXPORT_STEP)
    page = window.page("export")
    preview = page.preview
    qtbot.waitUntil(lambda: len(preview.strip.images) > 1, timeout=WAIT_MS)
    bar = preview.view.verticalScrollBar()

    def fits():
        viewport = preview.view.viewport()
        wanted = preview.strip.heightForWidth(viewport.width())
        return preview.strip.height() == max(wanted, viewport.height()) and (
            bar.maximum() == max(0, wanted - viewport.height())
        )

    qtbot.waitUntil(fits)
    # A narrower window: narrower pages, still all of them in reach.
    window.resize(1000, 820)
    qtbot.waitUntil(fits)
    before = bar.maximum()
    # Fewer sections: fewer pages, and the scroll range shrinks with them at once.
    for section, box in page.section_boxes.items():
        if section != "brief" and box.isChecked():
            box.setChecked(False)
    qtbot.waitUntil(lambda: bar.maximum() < before, timeout=WAIT_MS)
    qtbot.waitUntil(fits)


def test_a_new_preview_keeps_the_reader_at_the_same_place_in_the_pages(qtbot):
    from exports.pdf import RenderReport
    from ui.steps.export.choices import PageImage, PdfChoices, Preview
    from ui.steps.export.preview import PreviewPanel

    def preview(count):
        page = PageImage(100, 141, 300, bytes(300 * 141))
        report = RenderReport(count, set(), ["brief"])
        return Preview(b"%PDF", report, PdfChoices(), (page,) * count)

    panel = PreviewPanel()
    qtbot.addWidget(panel)
    panel.resize(500, 600)
    panel.show()
    panel.show_preview(preview(4))
    bar = panel.view.verticalScrollBar()
    assert bar.maximum() > 0  # at once, not after the next resize
    bar.setValue(bar.maximum() // 2)
    panel.show_preview(preview(8))  # say the journal went in: twice the pages
    assert abs(bar.value() - bar.maximum() // 2) <= 2
