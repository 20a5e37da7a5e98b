"""A PIN on a shared laptop, as a person uses it: set it from the Workbook menu, switch away
and back, guess wrong, wait, unlock; restart; forget the PIN and erase. A locked workbook
shows nothing of itself: no widget of the window holds a word typed into it."""

from PySide6.QtCore import QCoreApplication, QEvent, Qt, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

from workbook import door, locks
from workbook.backups import list_backups, make_backup
from workbook.paths import sidecar_paths
from workbook.queries import list_workbooks
from workbook.storage import open_database

PIN = "kiwi-lantern-2291"
MARKER = "Marmalade-Zeppelin"
NAME = "Sam Okafor"


def two_workbooks(db_path, *, pin=None):
    """Alex, then Sam (opened last, so shown first), Sam's answers holding the marker."""
    db = open_database(db_path)
    alex = door.create_workbook(db, "Alex").workbook_id
    sam = door.create_workbook(db, NAME).workbook_id
    door.set_profile_field(db, sam, "person_name", NAME)
    door.add_journal_entry(db, sam, "reflection", f"Private: {MARKER} journal")
    if pin:
        locks.set_pin(db, sam, pin)
    db.close()
    return alex, sam


def every_text(window):
    """Every piece of text the window and its dialogs could show or tell a screen reader."""
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    texts = [window.windowTitle()]
    widgets = [window, *window.findChildren(QWidget), *QApplication.topLevelWidgets()]
    for widget in widgets:
        texts += [widget.accessibleName(), widget.toolTip(), widget.windowTitle()]
        if isinstance(widget, QLabel | QAbstractButton | QLineEdit):
            texts.append(widget.text())
        if isinstance(widget, QPlainTextEdit | QTextEdit):
            texts.append(widget.toPlainText())
        if isinstance(widget, QComboBox):
            texts += [widget.itemText(i) for i in range(widget.count())]
        if isinstance(widget, QListWidget):
            texts += [
                str(widget.item(i).data(role))
                for i in range(widget.count())
                for role in (0, 3, 257)
            ]
    texts += [action.text() for action in window.findChildren(QAction)]
    return "\n".join(texts)


def switch_to(window, text):
    index = window.switcher.findText(text)
    assert index >= 0, [window.switcher.itemText(i) for i in range(window.switcher.count())]
    window.switcher.setCurrentIndex(index)
    window.switcher.activated.emit(index)


def choose_pin(qtbot, window, first, second=None):
    """Workbook ▸ Lock with a PIN…, typing the PIN twice in the dialog and clicking Set."""
    seen = []

    def fill():
        dialog = QApplication.activeModalWidget()
        seen.append(every_text(dialog))
        qtbot.keyClicks(dialog.first, first)
        qtbot.keyClicks(dialog.second, first if second is None else second)
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
        if dialog.isVisible():  # refused: say why, then give up
            seen.append(dialog.problem.text())
            dialog.reject()

    QTimer.singleShot(0, fill)
    window.locks.lock_action.trigger()
    return seen


def guess(qtbot, panel, pin):
    qtbot.keyClicks(panel.pin, pin)
    qtbot.keyClick(panel.pin, Qt.Key.Key_Return)
    return panel.message.text()


def test_a_pin_locks_on_switching_away_hides_everything_and_slows_wrong_guesses(
    open_window, qtbot, db_path
):
    alex, sam = two_workbooks(db_path)
    window = open_window()
    assert window.switcher.currentText() == NAME
    about = window.page("about")
    qtbot.keyClicks(about.current_role, f"Nurse {MARKER}")
    assert window.locks.lock_action.text() == "&Lock with a PIN…"

    seen = choose_pin(qtbot, window, PIN, "not the same")
    assert "do not match" in seen[1]
    assert not locks.has_pin(window.session.db, sam)
    seen = choose_pin(qtbot, window, PIN)
    assert "It is not encryption" in seen[0] and f"Locked workbook {sam}" in seen[0]
    assert locks.has_pin(window.session.db, sam)
    # Set by the person on screen, it stays open until they switch away.
    assert about.current_role.text() == f"Nurse {MARKER}"
    assert window.locks.lock_action.text() == "&Lock now"
    assert window.undo_action.isEnabled()

    switch_to(window, "Alex")
    label = f"Locked workbook {sam}"
    names = [window.switcher.itemText(i) for i in range(window.switcher.count())]
    assert names == ["Alex", label]
    assert MARKER not in every_text(window) and "Sam" not in every_text(window)

    switch_to(window, label)
    panel = window.locks.shown_panel
    assert window.shown is panel
    assert window.windowTitle().startswith(label)
    assert not window.sidebar.isEnabled() and window.built_steps == []
    assert not window.undo_action.isEnabled() and not window.export_pdf_action.isEnabled()
    assert not window.handoff_action.isEnabled() and not window.locks.lock_action.isEnabled()
    qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)  # Go ▸ step 2
    assert window.shown is panel and window.built_steps == []
    shown = every_text(window)
    for secret in (MARKER, "Sam", "Okafor", "Nurse", PIN):
        assert secret not in shown, secret

    for tries in range(1, 5):
        assert guess(qtbot, panel, "0000") == (
            f"That is not the PIN. {5 - tries} more {'try' if tries == 4 else 'tries'} "
            "before a wait."
        )
    assert guess(qtbot, panel, "1111") == (
        "That is not the PIN. You have tried 5 times: wait 2 seconds."
    )
    assert not panel.pin.isEnabled() and not panel.unlock_button.isEnabled()
    qtbot.waitUntil(lambda: panel.pin.isEnabled(), timeout=5000)
    assert panel.message.text() == "You can try again now."

    guess(qtbot, panel, PIN)
    assert window.switcher.currentText() == NAME
    assert window.sidebar.isEnabled()
    assert window.page("about").current_role.text() == f"Nurse {MARKER}"
    # Its undo history went when it locked: nothing of it comes back through undo.
    assert not window.undo_action.isEnabled()


def test_lock_now_and_a_restart_keep_it_locked_with_its_wrong_guesses(
    open_window, qtbot, db_path, monkeypatch
):
    monkeypatch.setattr(locks, "now", lambda: 5_000_000.0)  # a clock that stands still
    alex, sam = two_workbooks(db_path, pin=PIN)
    window = open_window()
    # Opening the app shows the locked workbook it was left on as locked.
    panel = window.locks.shown_panel
    assert panel is not None and window.shown is panel
    assert MARKER not in every_text(window) and NAME not in every_text(window)
    for _ in range(5):
        guess(qtbot, panel, "wrong guess")
    assert "wait 2 seconds" in panel.message.text()
    window.close()

    again = open_window()
    panel = again.locks.shown_panel
    assert panel.message.text() == "Wait 2 seconds before trying again."
    assert not panel.pin.isEnabled()
    db = again.session.db
    assert db.execute("SELECT failures FROM workbook_locks").fetchone()[0] == 5

    monkeypatch.setattr(locks, "now", lambda: 5_000_010.0)
    panel.wait(0)
    guess(qtbot, panel, PIN)
    assert again.switcher.currentText() == NAME
    assert db.execute("SELECT failures FROM workbook_locks").fetchone()[0] == 0
    qtbot.keyClicks(again.page("about").current_role, MARKER)
    again.autosaver.flush()
    assert again.undo_action.isEnabled()

    qtbot.keyClick(again, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)  # Lock now
    assert again.shown is again.locks.shown_panel
    assert again.switcher.currentText() == f"Locked workbook {sam}"
    assert not again.undo_action.isEnabled() and "Current role" not in again.undo_action.text()
    assert MARKER not in every_text(again)


def test_removing_or_changing_the_pin_once_unlocked(open_window, qtbot, db_path, confirmations):
    alex, sam = two_workbooks(db_path, pin=PIN)
    window = open_window()
    guess(qtbot, window.locks.shown_panel, PIN)
    assert window.locks.change_action.isEnabled() and window.locks.remove_action.isEnabled()

    choose_new = []

    def fill():
        dialog = QApplication.activeModalWidget()
        choose_new.append(dialog.windowTitle())
        qtbot.keyClicks(dialog.first, "new-pin-88")
        qtbot.keyClicks(dialog.second, "new-pin-88")
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)

    QTimer.singleShot(0, fill)
    window.locks.change_action.trigger()
    assert choose_new == ["Change the PIN"]
    assert locks.try_pin(window.session.db, sam, "new-pin-88").unlocked

    window.locks.remove_action.trigger()  # Cancel: it keeps its PIN
    assert locks.has_pin(window.session.db, sam)
    confirmations.answer = "Remove the PIN"
    window.locks.remove_action.trigger()
    assert not locks.has_pin(window.session.db, sam)
    assert "Anyone using this laptop can then open it" in confirmations.texts[-1]
    assert window.locks.lock_action.text() == "&Lock with a PIN…"
    assert not window.undo_action.isEnabled()  # nothing to undo: a PIN is not an answer
    switch_to(window, "Alex")
    assert [window.switcher.itemText(i) for i in range(2)] == ["Alex", NAME]


def test_a_forgotten_pin_erases_the_workbook_and_its_backups_on_request(
    open_window, qtbot, db_path, confirmations
):
    alex, sam = two_workbooks(db_path, pin=PIN)
    db = open_database(db_path)
    make_backup(db, db_path)
    db.close()
    window = open_window()
    panel = window.locks.shown_panel

    qtbot.mouseClick(panel.forgot_button, Qt.MouseButton.LeftButton)  # Cancel: nothing goes
    assert locks.has_pin(window.session.db, sam)
    asked = confirmations.asked[0]
    assert set(asked["buttons"]) == {"Erase and unlock", "Cancel"} and asked["default"] == "Cancel"
    assert f"Locked workbook {sam}" in asked["text"] and "Sam" not in asked["text"]

    confirmations.queue = ["Erase and unlock", "Remove from backups"]
    qtbot.mouseClick(panel.forgot_button, Qt.MouseButton.LeftButton)
    offer = confirmations.asked[-1]
    assert offer["title"] == "Remove from the backups too?"
    assert f"“Locked workbook {sam}”" in offer["text"] and "Sam" not in offer["text"]
    assert sorted(w.name for w in list_workbooks(window.session.db)) == ["Alex", "My workbook"]
    assert window.switcher.currentText() == "My workbook" and window.sidebar.isEnabled()
    assert window.page("about").person_name.text() == ""
    assert MARKER not in every_text(window) and NAME not in every_text(window)
    window.close()

    files = [db_path, *sidecar_paths(db_path), *(b.path for b in list_backups(db_path))]
    for path in files:
        if path.exists():
            data = path.read_bytes()
            assert MARKER.encode() not in data and NAME.encode() not in data, path


def test_no_backup_is_restored_over_a_locked_workbook(open_window, qtbot, db_path, monkeypatch):
    """A backup from before the PIN was set would open the workbook to anyone: the menu's
    restore waits until no workbook is locked for this window."""
    from PySide6.QtWidgets import QMessageBox

    from ui.dialogs.backups import BackupDialog

    alex, sam = two_workbooks(db_path)
    db = open_database(db_path)
    make_backup(db, db_path)  # before the PIN
    locks.set_pin(db, sam, PIN)
    db.close()
    told, chose = [], []
    monkeypatch.setattr(QMessageBox, "information", lambda parent, title, text: told.append(text))
    monkeypatch.setattr(BackupDialog, "exec", lambda self: chose.append(1) or 0)
    window = open_window()
    window.backups.restore()
    assert chose == [] and "locked with a PIN" in told[0]
    assert locks.has_pin(window.session.db, sam)

    guess(qtbot, window.locks.shown_panel, PIN)  # unlocked here: its owner is at the laptop
    window.backups.restore()
    assert chose == [1]
