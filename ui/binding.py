"""Connecting controls to stored answers, the same way on every step page.

A binder knows one database and the autosaver. Each `bind_*` call wires a
control so that typing stages an edit (through `workbook.door`) and leaving
the control saves it at once; `load_*` methods put stored values back without
counting them as new edits. Pages stay thin: they lay out controls and call
these.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QSignalBlocker
from PySide6.QtWidgets import QComboBox, QDoubleSpinBox, QLineEdit, QSpinBox, QWidget

from ui.autosave import Autosaver
from ui.widgets import TextBox

if TYPE_CHECKING:
    from sqlite_utils import Database

    from workbook.change import Change

Target = Callable[[], tuple[Any, ...] | None]


class Binder(QObject):
    """Binds controls to the door's operations: typing stages an edit, leaving saves it."""

    def __init__(self, db: Database, autosaver: Autosaver, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.autosaver = autosaver
        #: Why the last edit run with `now` was refused, in plain words ("" if it was not).
        self.refusal = ""
        autosaver.refused.connect(self._refused)

    def _refused(self, message: str) -> None:
        self.refusal = message

    # ---- what an edit writes -------------------------------------------------------------

    def stage(self, edit: Callable[..., Change], *args: Any) -> None:
        """Stage `edit(db, *args)`, a door operation whose last argument is the value, under
        the operation and its other arguments: typing again replaces what is pending."""
        self.autosaver.stage((edit, *args[:-1]), edit, self.db, *args)

    def writer(self, edit: Callable[..., Change], *args: Any) -> Callable[[Any], None]:
        """A writer for one field: `write(value)` stages `edit(db, *args, value)`, a door
        operation named for what it does (`door.set_rating`, `door.goals.update`...). An
        argument given as a function (the workbook shown) is read when the value is
        written; while it is None nothing is staged."""

        def write(value: Any) -> None:
            now = [arg() if callable(arg) else arg for arg in args]
            if None not in now:
                self.stage(edit, *now, value)

        return write

    def row_field(self, table: str, row_id: int, field: str) -> Callable[[Any], None]:
        """A writer for one field of an entry of a list (`door.LISTS[table].update`)."""
        from workbook import door  # with the first list shown: not needed to show a page

        return self.writer(door.LISTS[table].update, row_id, field)

    def now(self, edit: Callable[..., Change], *args: Any) -> Change | None:
        """Run a structural edit at once (add, delete, move), after pending typing is saved;
        None if it was refused, and then `refusal` says why."""
        self.autosaver.flush()
        self.refusal = ""
        return self.autosaver.run(edit, *args)

    # ---- controls ------------------------------------------------------------------------

    def line(self, edit: QLineEdit, write: Callable[[Any], None]) -> None:
        edit.textEdited.connect(lambda text: write(text))
        edit.editingFinished.connect(self.autosaver.flush)

    def text(self, box: TextBox, write: Callable[[Any], None]) -> None:
        box.textChanged.connect(lambda: write(box.toPlainText()))
        box.left.connect(self.autosaver.flush)

    def number(self, spin: QSpinBox | QDoubleSpinBox, write: Callable[[Any], None]) -> None:
        """A spin box whose minimum means "not answered" (shown as its special text)."""

        def changed(value: float) -> None:
            write(None if value == spin.minimum() and spin.specialValueText() else value)

        spin.valueChanged.connect(changed)
        spin.editingFinished.connect(self.autosaver.flush)

    def combo(self, combo: QComboBox, write: Callable[[Any], None]) -> None:
        def chosen(index: int) -> None:
            write(combo.itemData(index))
            self.autosaver.flush()

        combo.activated.connect(chosen)

    def date(self, field: QWidget, write: Callable[[Any], None]) -> None:
        """A `ui.date_field.DateField`: each change stages "YYYY-MM-DD" or None; adding,
        clearing or leaving the date saves it (one change, one undo step)."""
        field.changed.connect(write)
        field.finished.connect(self.autosaver.flush)


def quietly(widgets: list[QWidget]) -> list[QSignalBlocker]:
    """Block the widgets' signals while stored values are put back (keep the result alive)."""
    return [QSignalBlocker(w) for w in widgets]


def set_text(widget: QLineEdit | TextBox, value: str | None) -> None:
    """Set text only when it differs, so the cursor and the undo history survive a refresh."""
    value = value or ""
    if isinstance(widget, QLineEdit):
        if widget.text() != value:
            with _blocked(widget):
                widget.setText(value)
    elif widget.toPlainText() != value:
        with _blocked(widget):
            widget.setPlainText(value)


class _blocked:
    def __init__(self, widget: QWidget) -> None:
        self.widget = widget

    def __enter__(self) -> None:
        self.old = self.widget.blockSignals(True)

    def __exit__(self, *exc: object) -> None:
        self.widget.blockSignals(self.old)
