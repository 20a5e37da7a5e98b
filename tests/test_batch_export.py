"""Everyone's PDF at once (issue 15, item 6): one PDF per readable workbook for the chosen
reader, laid out in a pool of spawned processes, with safe unique names; locked
workbooks skipped and listed."""

from __future__ import annotations

from datetime import date

from pypdf import PdfReader

from exports.batch import export_all, file_name
from ui.cli import main
from workbook.data import WorkbookData
from workbook.door import create_workbook, duplicate_workbook, set_profile_field
from workbook.example import add_example
from workbook.locks import locked_ids, set_pin
from workbook.model import Profile
from workbook.session import Session

TODAY = date(2026, 12, 3)


def test_file_names_are_safe_and_never_overwrite_each_other():
    taken: set[str] = set()
    data = WorkbookData(name="x", profile=Profile(1, person_name='Zoë: "A/B" <c>'))
    first = file_name(data, "manager", TODAY, taken)
    assert first == "Development plan - Zoë A B c - for my manager - 2026-12-03.pdf"
    assert file_name(data, "manager", TODAY, taken).endswith("2026-12-03 (2).pdf")
    assert "for me" in file_name(data, "me", TODAY, taken)


def test_every_readable_workbook_gets_its_pdf_and_a_locked_one_is_skipped(db, tmp_path):
    first = add_example(db)
    duplicate_workbook(db, first)
    locked = create_workbook(db, "Kim's").workbook_id
    set_profile_field(db, locked, "person_name", "Kim Secret")
    set_pin(db, locked, "4321")
    seen = []
    report = export_all(
        db,
        tmp_path / "out",
        reader_id="coach",
        locked=locked_ids(db),
        today=TODAY,
        workers=2,
        progress=lambda share, said: seen.append(share),
    )
    assert len(report.written) == 2 and not report.failed
    names = sorted(p.name for p in report.written)
    assert names == [
        "Development plan - Nadia Haddad - for my coach - 2026-12-03 (2).pdf",
        "Development plan - Nadia Haddad - for my coach - 2026-12-03.pdf",
    ]
    assert report.skipped_locked == [f"Locked workbook {locked}"]
    assert seen[-1] == 1.0
    text = PdfReader(report.written[0]).pages[0].extract_text()
    assert "FOR OUR CONVERSATION" in text
    assert not any("Kim" in p.name for p in (tmp_path / "out").iterdir())


def test_export_pdf_all_from_the_command_line(tmp_path, capsys):
    path = tmp_path / "room.sqlite3"
    session = Session.open(path)
    add_example(session.db)
    create_workbook(session.db, "Empty one")
    session.close()
    out = tmp_path / "pdfs"
    assert main(["--db", str(path), "export-pdf", "--all", "--out", str(out)]) == 0
    said = capsys.readouterr()
    assert "2 PDFs written for my manager." in said.out
    assert len(list(out.glob("*.pdf"))) == 2
    assert main(["--db", str(path), "export-pdf", "--all", "--out", str(out), "Empty one"]) == 2
    assert "leave out the workbook's name" in capsys.readouterr().err
    assert main(["--db", str(path), "export-pdf", "--out", str(out)]) == 2
    assert "Name a workbook, or add --all" in capsys.readouterr().err


def test_the_window_exports_everyone_with_progress(
    open_window, qtbot, db_path, tmp_path, monkeypatch
):
    from PySide6.QtWidgets import QMessageBox

    from ui.workshop.batch import export_everyone

    session = Session.open(db_path)
    first = add_example(session.db)
    duplicate_workbook(session.db, first)
    session.close()
    said = []
    monkeypatch.setattr(QMessageBox, "information", lambda parent, title, text: said.append(text))
    window = open_window()
    run = export_everyone(window, str(tmp_path / "pdfs"), "manager")
    qtbot.waitUntil(lambda: bool(run.message), timeout=60_000)
    assert run.report is not None and len(run.report.written) == 2
    assert said == [f"2 PDFs written to {tmp_path / 'pdfs'}."]
    assert len(list((tmp_path / "pdfs").glob("*for my manager*.pdf"))) == 2


def test_cancel_stops_the_batch_and_says_what_is_left(
    open_window, qtbot, db_path, tmp_path, monkeypatch
):
    from PySide6.QtWidgets import QMessageBox

    from ui.workshop.batch import export_everyone

    session = Session.open(db_path)
    first = add_example(session.db)
    for _ in range(3):
        duplicate_workbook(session.db, first)
    session.close()
    said = []
    monkeypatch.setattr(QMessageBox, "information", lambda parent, title, text: said.append(text))
    window = open_window()
    run = export_everyone(window, str(tmp_path / "pdfs"), "coach")
    run.dialog.cancel()  # as the Cancel button does
    qtbot.waitUntil(lambda: bool(run.message), timeout=60_000)
    assert said and ("Stopped" in said[0] or "PDFs written" in said[0])
    for pdf in (tmp_path / "pdfs").glob("*.pdf"):
        assert PdfReader(pdf).pages  # whatever was written is whole
