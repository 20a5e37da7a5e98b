"""Which language's drawing of the Han characters a PDF uses, shown only when it matters.

Chinese, Japanese and Korean share the Han characters but draw them differently.
The PDF guesses the workbook's language from its text (`exports.pdf.language`);
this box appears only when the workbook holds such text, says what was guessed
and lets the person choose another.
"""

from __future__ import annotations

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import QComboBox, QGroupBox, QVBoxLayout, QWidget

from exports.pdf.language import guess, texts
from ui.widgets import hint

NAMES = {"zh": "Chinese", "ja": "Japanese", "ko": "Korean"}


class LanguageChoice(QGroupBox):
    """A drop-down of Automatic, Chinese, Japanese and Korean; `changed` on a choice."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("Chinese, Japanese and Korean characters", parent)
        self.setAccessibleName("Chinese, Japanese and Korean characters")
        layout = QVBoxLayout(self)
        self.combo = QComboBox()
        self.combo.setObjectName("pdf-language")
        self.combo.setAccessibleName("Draw Han characters as")
        self.combo.addItem("Automatic", None)
        for code, name in NAMES.items():
            self.combo.addItem(name, code)
        self.combo.activated.connect(self._chosen)
        layout.addWidget(self.combo)
        self.note = hint("")
        layout.addWidget(self.note)
        self.hide()

    def show_guess(self, data: object) -> None:
        """Show the box, with the guess named, when `data` holds Han, kana or Hangul."""
        found = guess(texts(data))
        self.setVisible(found is not None)
        if found is not None:
            self.combo.setItemText(0, f"Automatic ({NAMES[found]})")
            self.note.setText(
                "Each language draws these characters its own way. Guessed from your "
                f"workbook's text: {NAMES[found]}. Choose another if that is wrong."
            )

    def language(self) -> str | None:
        """The chosen language, or None for the guess."""
        return None if self.isHidden() else self.combo.currentData()

    @Slot(int)
    def _chosen(self, _index: int) -> None:
        self.changed.emit()
