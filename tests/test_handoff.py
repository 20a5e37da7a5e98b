"""Hand-off at the end of a workshop: the person's two files go to a folder, then their
workbook leaves the laptop.

The proof is in bytes: after a hand-off, a marker typed into the workbook is in the two
files written and in no file anywhere under the test's folders (database, log, backups,
cache, settings, error log), in its own case or lower-cased as the search index keeps
words. A hand-off whose files cannot be written removes nothing.
"""

import contextlib
import json
import os
import subprocess
import uuid
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtWidgets import QMessageBox

from ui.cli import EXIT_OK, EXIT_PROBLEM, main
from ui.main_window import MainWindow
from workbook import door
from workbook.backups import list_backups, make_backup
from workbook.errors import ERROR_LOG_NAME, report_unexpected
from workbook.handoff import (
    WipeReport,
    Written,
    confirmation,
    file_names,
    leftovers,
    safe_file_part,
    unique_path,
)
from workbook.paths import data_dir
from workbook.queries import list_workbooks
from workbook.search import search
from workbook.session import Session
from workbook.storage import open_database

STRENGTH = "technical_problem_solving"
WAIT_MS = 60_000


def marker() -> str:
    return "Zq" + uuid.uuid4().hex[:12] + "Marker"


def fill(db, name, mark):
    """A workbook with the marker in a private journal entry, a goal (its GROW notes and
    an action too), a strength's example, an AI task, a reinvestment, a milestone, a
    request for support and a future (every kind the search index holds), and the
    profile; returns its id."""
    workbook_id = door.create_workbook(db, name).workbook_id
    door.add_row(
        db, "journal_entries", workbook_id, kind="reflection", body=f"private {mark}", private=1
    )
    goal = door.add_row(db, "goals", workbook_id, title=f"Lead the {mark} migration").row_id
    door.update_row(db, "goals", goal, "grow_notes", {"reality": f"Stuck on {mark}"})
    door.add_row(db, "actions", goal, title=f"Pair on {mark}")
    door.add_row(db, "evidence", workbook_id, strength_id=STRENGTH, situation=f"When {mark} broke")
    door.add_row(db, "ai_tasks", workbook_id, name=f"Draft {mark}", validation=f"Check {mark}")
    door.add_row(db, "reinvestments", workbook_id, note=f"Learn {mark}")
    door.add_row(db, "milestones", workbook_id, day=30, text=f"Ship {mark}")
    door.add_row(db, "support_requests", workbook_id, request=f"Time for {mark}")
    door.set_future(db, workbook_id, "specialist", "story", f"I teach {mark}")
    return workbook_id


def everything_under(*folders, leaving_out=()):
    """Every file under `folders`, but those under `leaving_out`."""
    found = []
    for folder in folders:
        for root, _dirs, files in os.walk(folder):
            if any(Path(root).is_relative_to(out) for out in leaving_out):
                continue
            found += [Path(root) / name for name in files]
    return found


def holding(paths, mark):
    """The files whose bytes hold the marker, as typed or lower-cased."""
    needles = {mark.encode(), mark.lower().encode()}
    return [path for path in paths if any(n in path.read_bytes() for n in needles)]


def pdf_text(path):
    return "".join(page.extract_text() for page in PdfReader(path).pages)


# ---- the window --------------------------------------------------------------------------


@pytest.fixture
def told(monkeypatch):
    """Message boxes shown, as (kind, text), instead of waiting for a click."""
    shown = []
    for kind in ("information", "warning", "critical"):
        monkeypatch.setattr(
            QMessageBox, kind, lambda *a, kind=kind, **k: shown.append((kind, a[2])) or 0
        )
    return shown


def window_with(open_window, monkeypatch, mark):
    window = open_window(delay_ms=60_000)  # what is typed waits: the hand-off must save it
    db = window.session.db
    door.create_workbook(db, "Sam stays")
    gone = fill(db, "Ana Quill", mark)
    make_backup(db, window.session.path, reason="auto")
    report_unexpected(ValueError(f"a bug that quotes {mark}"))  # the error log
    window.load_workbook(gone)
    return window, gone


def test_hand_off_writes_both_files_then_no_file_on_the_laptop_holds_the_marker(
    open_window, qtbot, tmp_path, monkeypatch, told
):
    mark = marker()
    window, gone = window_with(open_window, monkeypatch, mark)
    about = window.page("about")
    about.aim.setFocus()
    qtbot.keyClicks(about.aim, f"aim {mark}")  # still waiting to be saved
    assert list_backups(window.session.path)
    assert (data_dir() / ERROR_LOG_NAME).exists()
    out = tmp_path / "stick"
    out.mkdir()

    from ui.handoff import hand_off

    dialog = hand_off(window)
    qtbot.addWidget(dialog)
    assert dialog.cancel_button.isDefault()
    assert not dialog.start_button.isEnabled()
    dialog.set_folder(out)
    assert dialog.drive_note.isVisibleTo(dialog)  # the same drive as the workbooks: said so
    dialog.private.setChecked(True)
    with qtbot.waitSignal(dialog.done, timeout=WAIT_MS) as done:
        dialog.start_button.click()
    text = done.args[0]

    [workbook_file] = out.glob("*.json")
    [pdf] = out.glob("*.pdf")
    assert workbook_file.name.startswith("Ana Quill - workbook - ")
    assert pdf.name.startswith("Development plan - Ana Quill - ")
    document = json.loads(workbook_file.read_text(encoding="utf-8"))
    assert document["profile"]["aim"] == f"aim {mark}"
    assert mark in workbook_file.read_text(encoding="utf-8")
    printed = pdf_text(pdf)
    assert f"Lead the {mark} migration" in printed
    assert f"private {mark}" in printed  # the private entry: ticked

    assert f"Written to {out}:" in text
    assert workbook_file.name in text and pdf.name in text
    assert "with your private journal entries" in text
    assert "• from 1 backup" in text
    assert "the error log" in text
    assert "Not removed" not in text
    assert dialog.status.text() == text
    assert dialog.cancel_button.text() == "Close"
    assert dialog.title.text() == "“Ana Quill” is handed over"
    assert not dialog.choices.isVisible()

    assert [w.name for w in list_workbooks(window.session.db)] == ["Sam stays"]
    assert window.switcher.currentText() == "Sam stays"
    assert window.session.history.next_undo(gone) is None
    assert search(window.session.db, mark) == []
    laptop = everything_under(tmp_path, leaving_out=[out])
    assert any(path.name.endswith(".sqlite3") for path in laptop)
    assert any(path.parent.name == "backups" for path in laptop)
    assert holding(laptop, mark) == []

    window.shutdown()  # closing backs up and checkpoints: still nothing
    assert holding(everything_under(tmp_path, leaving_out=[out]), mark) == []
    assert told == []


def test_a_folder_that_went_away_removes_nothing(open_window, qtbot, tmp_path, monkeypatch, told):
    mark = marker()
    window, gone = window_with(open_window, monkeypatch, mark)
    paths = [b.path for b in list_backups(window.session.path)]
    out = tmp_path / "stick"
    out.mkdir()
    from ui.handoff import hand_off

    dialog = hand_off(window)
    qtbot.addWidget(dialog)
    dialog.set_folder(out)
    out.rmdir()  # the stick is pulled out
    with qtbot.waitSignal(dialog.start_button.clicked):
        dialog.start_button.click()
    qtbot.waitUntil(lambda: dialog.start_button.isEnabled(), timeout=WAIT_MS)
    assert "not there (was the USB stick removed?)" in dialog.status.text()
    assert "Nothing was written and nothing was removed." in dialog.status.text()
    assert gone in [w.id for w in list_workbooks(window.session.db)]
    assert holding(paths, mark) == paths
    assert (data_dir() / ERROR_LOG_NAME).exists()


def test_a_write_that_fails_half_way_leaves_nothing_and_removes_nothing(
    open_window, qtbot, tmp_path, monkeypatch, told
):
    import exports.pdf

    mark = marker()
    window, gone = window_with(open_window, monkeypatch, mark)
    paths = [b.path for b in list_backups(window.session.path)]
    out = tmp_path / "stick"
    out.mkdir()

    def full(*args, **kwargs):
        raise OSError(28, "No space left on device", str(args[2]))

    monkeypatch.setattr(exports.pdf, "export_pdf", full)
    from ui.handoff import hand_off

    dialog = hand_off(window)
    qtbot.addWidget(dialog)
    dialog.set_folder(out)
    dialog.start_button.click()
    qtbot.waitUntil(lambda: dialog.start_button.isEnabled(), timeout=WAIT_MS)
    assert dialog.status.text() == (
        f"{out} is full. Free some space there, or choose another folder.\n"
        "Nothing was removed from this laptop."
    )
    assert list(out.iterdir()) == []  # the workbook file written first is taken back
    assert gone in [w.id for w in list_workbooks(window.session.db)]
    assert holding(paths, mark) == paths


@contextlib.contextmanager
def small_drive(tmp_path, options):
    """A tmpfs mounted for the test (a small or read-only USB stick); skipped where mounting
    is refused (not root, or no CAP_SYS_ADMIN in a container)."""
    where = tmp_path / "mounted"
    where.mkdir()
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", options, "tmpfs", str(where)], capture_output=True
    )
    if mounted.returncode != 0:
        where.rmdir()
        pytest.skip(f"cannot mount a small drive here: {mounted.stderr.decode().strip()}")
    try:
        yield where
    finally:
        subprocess.run(["umount", str(where)], check=False)


@pytest.mark.parametrize(
    ("options", "said"),
    [
        ("size=4k", "is full. Free some space there"),
        ("ro,size=64k", "is read-only"),
    ],
)
def test_a_full_or_read_only_stick_removes_nothing(
    open_window, qtbot, tmp_path, monkeypatch, told, options, said
):
    mark = marker()
    window, gone = window_with(open_window, monkeypatch, mark)
    paths = [b.path for b in list_backups(window.session.path)]
    with small_drive(tmp_path, options) as stick:
        from ui.handoff import hand_off

        dialog = hand_off(window)
        qtbot.addWidget(dialog)
        dialog.set_folder(stick)
        assert not dialog.drive_note.isVisibleTo(dialog)  # another drive: no warning
        dialog.start_button.click()
        qtbot.waitUntil(lambda: dialog.start_button.isEnabled(), timeout=WAIT_MS)
        assert said in dialog.status.text()
        assert dialog.status.text().endswith("Nothing was removed from this laptop.")
        assert list(stick.iterdir()) == []
    assert gone in [w.id for w in list_workbooks(window.session.db)]
    assert holding(paths, mark) == paths


def test_a_read_only_window_refuses_plainly(qtbot, db_path, told):
    db = open_database(db_path)
    fill(db, "Ana Quill", marker())
    db.close()
    window = MainWindow(Session.open_read_only(db_path, "Another window has this file open."))
    qtbot.addWidget(window)
    try:
        from ui.handoff import hand_off

        assert hand_off(window) is None
        [(kind, text)] = told
        assert kind == "information"
        assert text.startswith("This window can only read the file, so it cannot remove")
        assert "Another window has this file open." in text
    finally:
        window.shutdown()


def test_the_menu_item_opens_the_dialog(open_window, qtbot, monkeypatch, told):
    window, _gone = window_with(open_window, monkeypatch, marker())
    [action] = [
        a
        for a in window.menuBar().actions()[0].menu().actions()
        if a.text() == "&Hand off and remove from this laptop…"
    ]
    assert action.isEnabled()
    action.trigger()
    from ui.handoff import HandoffDialog

    [dialog] = window.findChildren(HandoffDialog)
    qtbot.addWidget(dialog)
    assert dialog.isVisible()
    assert dialog.title.text() == "Hand “Ana Quill” over, then remove it from this laptop"
    dialog.reject()


# ---- the command line ----------------------------------------------------------------------


def run(capsys, *args):
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


def test_the_command_hands_off_and_removes(capsys, db_path, tmp_path):
    mark = marker()
    db = open_database(db_path)
    fill(db, "Ana Quill", mark)
    door.create_workbook(db, "Sam stays")
    make_backup(db, db_path, reason="auto")
    db.close()
    out = tmp_path / "stick"
    out.mkdir()
    (out / "Development plan - Ana Quill - x.pdf").write_bytes(b"someone else's")

    code, said, err = run(capsys, "handoff", "--db", db_path, "--out", out, "Ana Quill")
    assert code == EXIT_OK, err
    assert said.startswith(f"Written to {out}:\n")
    assert "without your private journal entries" in said
    [workbook_file] = out.glob("*.json")
    assert mark in workbook_file.read_text(encoding="utf-8")
    pdfs = sorted(out.glob("*.pdf"))
    assert len(pdfs) == 2  # the file already there is kept
    assert f"private {mark}" not in pdf_text(next(p for p in pdfs if p.stat().st_size > 100))
    assert holding(everything_under(tmp_path, leaving_out=[out]), mark) == []
    code, listed, _ = run(capsys, "list", "--db", db_path)
    assert listed == "Sam stays\n"


def test_the_command_removes_nothing_when_the_folder_is_missing(capsys, db_path, tmp_path):
    mark = marker()
    db = open_database(db_path)
    fill(db, "Ana Quill", mark)
    db.close()
    code, said, err = run(
        capsys, "handoff", "--db", db_path, "--out", tmp_path / "gone", "Ana Quill"
    )
    assert code == EXIT_PROBLEM and said == ""
    assert "is not there (was the USB stick removed?)" in err
    assert "Ana Quill" in run(capsys, "list", "--db", db_path)[1]


def test_the_command_waits_for_no_window(capsys, db_path, tmp_path):
    db = open_database(db_path)
    fill(db, "Ana Quill", marker())
    db.close()
    session = Session.open(db_path)  # a window holds the file
    try:
        code, said, err = run(capsys, "handoff", "--db", db_path, "--out", tmp_path, "Ana Quill")
    finally:
        session.close()
    assert code == EXIT_PROBLEM and said == ""
    assert "window" in err
    assert list(tmp_path.glob("*.json")) == []


# ---- the parts -----------------------------------------------------------------------------


def test_names_are_safe_and_never_replace_a_file(tmp_path):
    assert safe_file_part('Ana: "A/B" <test>?') == "Ana A B test"
    (tmp_path / "x.json").write_text("")
    (tmp_path / "x (2).json").write_text("")
    assert unique_path(tmp_path, "x.json") == tmp_path / "x (3).json"
    assert unique_path(tmp_path, "y.json", {tmp_path / "y.json"}) == tmp_path / "y (2).json"


def test_file_names_follow_the_export_step(db):
    from datetime import date

    from workbook.data import load_workbook_data

    workbook_id = door.create_workbook(db, "Team: Ana").workbook_id
    door.set_profile_field(db, workbook_id, "person_name", "Ana Quill")
    names = file_names(load_workbook_data(db, workbook_id), date(2027, 3, 1))
    assert names == (
        "Team Ana - workbook - 2027-03-01.json",
        "Development plan - Ana Quill - 2027-03-01.pdf",
    )


def test_copies_set_aside_beside_the_file_are_named_not_touched(db_path, db):
    aside = db_path.with_name(db_path.name + ".damaged-20270301-101010")
    aside.write_bytes(b"old")
    assert leftovers(db_path) == [aside]
    written = Written(Path("/media/stick"), Path("/media/stick/a.json"), Path("/m/b.pdf"), False)
    report = WipeReport("Ana", db_path, compacted=True, leftovers=[aside])
    text = confirmation(written, report)
    assert "Not removed:" in text
    assert f"{aside.name} beside the file is an older copy of it and was not touched" in text
    assert "• there are no backups, so none needed cleaning" in text
    assert not report.complete
    assert aside.read_bytes() == b"old"


def test_the_command_refuses_a_workbook_locked_with_a_pin(capsys, db_path, tmp_path):
    from workbook.locks import set_pin

    mark = marker()
    db = open_database(db_path)
    set_pin(db, fill(db, "Ana Quill", mark), "4821")
    db.close()
    code, said, err = run(capsys, "handoff", "--db", db_path, "--out", tmp_path, "Ana Quill")
    assert code == EXIT_PROBLEM and said == ""
    assert "The workbook 'Ana Quill' is locked with a PIN." in err
    assert list(tmp_path.glob("*.json")) == list(tmp_path.glob("*.pdf")) == []
