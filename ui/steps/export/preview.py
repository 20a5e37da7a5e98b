"""The export page's preview: the PDF's pages as they will print, before anything is saved.

The worker lays the PDF out in memory and draws its first pages with
PDFium (`pypdfium2`), so a preview never leaves a copy of the person's
words in a temporary file. The pages are shown one under the other,
fitted to the panel's width. (Qt's own PDF viewer ships only for a Qt
release with a crashing bug, so it is not used.) If the pages cannot be
drawn, the panel lists the page count and the sections instead.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QFont, QImage, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import QApplication, QLabel, QScrollArea, QVBoxLayout, QWidget

from exports.pdf import SECTIONS
from ui.steps.export.choices import PREVIEW_PAGES, PageImage, Preview, pages_sentence
from ui.widgets import hint

TITLES = {s.id: s.title for s in SECTIONS}
GAP = 12.0


class PageStrip(QWidget):
    """Draws page images one under the other, each scaled to the strip's width."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._images: list[QImage] = []
        self.setBackgroundRole(QPalette.ColorRole.Mid)
        self.setAutoFillBackground(True)
        # A resizable QScrollArea asks the size policy, not `hasHeightForWidth`, whether
        # the widget's height follows its width; without this the strip stays as tall as
        # the view and nothing scrolls.
        policy = self.sizePolicy()
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)

    def set_pages(self, pages: tuple[PageImage, ...]) -> None:
        # QImage does not copy the buffer: keep the bytes alive alongside each image.
        self._buffers = [page.pixels for page in pages]
        self._images = [
            QImage(buf, page.width, page.height, page.stride, QImage.Format.Format_RGB888)
            for buf, page in zip(self._buffers, pages, strict=True)
        ]
        self.updateGeometry()
        self.update()

    @property
    def images(self) -> tuple[QImage, ...]:
        """The page images shown, top to bottom."""
        return tuple(self._images)

    def _page_width(self) -> float:
        return max(50.0, self.width() - 2 * GAP)

    def _heights(self) -> list[float]:
        width = self._page_width()
        return [width * image.height() / image.width() for image in self._images]

    def hasHeightForWidth(self) -> bool:  # noqa: N802 - Qt name
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802 - Qt name
        page_width = max(50.0, width - 2 * GAP)
        heights = [page_width * i.height() / i.width() for i in self._images]
        return int(sum(heights) + GAP * (len(heights) + 1))

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt name
        return QSize(400, self.heightForWidth(400))

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt name
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        top = GAP
        width = self._page_width()
        frame = self.palette().color(QPalette.ColorRole.Dark)
        for image, height in zip(self._images, self._heights(), strict=True):
            target = QRectF(QPointF(GAP, top), QRectF(0, 0, width, height).size())
            if target.intersects(QRectF(event.rect())):
                painter.drawImage(target, image)
                painter.setPen(frame)
                painter.drawRect(target)
            top += height + GAP
        painter.end()


class PreviewPanel(QWidget):
    """Shows the latest preview, or what is happening while a new one is laid out."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        title = QLabel("Preview")
        font = QFont(title.font())
        font.setWeight(QFont.Weight.DemiBold)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        title.setFont(font)
        title.setAccessibleName("Preview")
        layout.addWidget(title)
        self.caption = hint("The preview appears here in a moment.")
        self.caption.setAccessibleName("About the preview")
        layout.addWidget(self.caption)
        self._said = ""
        self.pages = 0
        self.strip = PageStrip()
        self.view = QScrollArea()
        self.view.setObjectName("pdf-preview")
        self.view.setAccessibleName("Preview of the PDF's pages")
        self.view.setWidgetResizable(True)
        self.view.setWidget(self.strip)
        self.view.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # arrows and Page Down scroll
        layout.addWidget(self.view, 1)
        self.outline = hint("")
        self.outline.setAccessibleName("What the PDF will hold")
        self.outline.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.outline.hide()
        layout.addWidget(self.outline)

    def set_busy(self) -> None:
        """Say a new preview is on its way; the old pages stay until it arrives."""
        base = self._said if self.pages else ""
        self.caption.setText(f"{base} Updating the preview…".strip())

    def set_empty(self, message: str) -> None:
        """No preview to show (nothing chosen)."""
        self.caption.setText(message)
        self.pages = 0
        self._clear()

    def set_problem(self, message: str) -> None:
        self.caption.setText(f"The preview could not be made. {message}")

    def show_preview(self, preview: Preview) -> None:
        self.pages = preview.report.pages
        caption = pages_sentence(preview.report, preview.choices.page_size)
        if self.pages > len(preview.pages) > 0:
            caption += f" The first {PREVIEW_PAGES} are shown here."
        self._said = caption
        self.caption.setText(caption)
        self.view.setAccessibleDescription(caption)
        if not preview.pages:
            listed = "\n".join(f"• {TITLES[s]}" for s in preview.report.sections)
            self.outline.setText(
                f"The pages could not be drawn here. What the PDF will hold:\n{listed}"
            )
            self.outline.show()
            self.view.hide()
            return
        self.outline.hide()
        self.view.show()
        bar = self.view.verticalScrollBar()
        where = bar.value() / bar.maximum() if bar.maximum() else 0.0
        self.strip.set_pages(preview.pages)
        # The view learns the strip's new height from a posted layout request: take it
        # now, so the place kept is a place in the new pages.
        QApplication.sendPostedEvents(self.view.viewport(), QEvent.Type.LayoutRequest)
        bar.setValue(round(where * bar.maximum()))

    def _clear(self) -> None:
        self.strip.set_pages(())
        self.outline.setText("")
