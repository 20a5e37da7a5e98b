"""Who may read what: the data, cache and backup folders are the owner's alone (0700) from
the very first run; the database, its backups, workbook files and PDFs with the journal in
them are 0600. A file system that keeps no modes (a USB stick) changes nothing else."""

import errno
import os
import stat
from importlib import resources

import pytest

from exports.pdf import export_pdf
from workbook.backups import make_backup
from workbook.content import load_content
from workbook.content.loader import load_folder
from workbook.data import JournalEntry, WorkbookData
from workbook.door import create_workbook
from workbook.paths import (
    backup_dir,
    cache_dir,
    data_dir,
    default_db_path,
    ensure_private_dir,
    make_owner_only,
    set_mode,
    sidecar_paths,
)
from workbook.storage import open_database
from workbook.workbook_file import write_file


def mode(path):
    return stat.S_IMODE(os.stat(path).st_mode)


@pytest.fixture(autouse=True)
def usual_umask():
    """The umask most desktops run with, which would leave new files readable by all."""
    before = os.umask(0o022)
    yield
    os.umask(before)


@pytest.fixture(scope="module")
def content():
    return load_content()


def fill_cache():
    """What the program does first on a first run: parse its content and cache it."""
    folder = resources.files("resources").joinpath("content")
    return load_folder(folder, cache=cache_dir() / "content.json")


def refuse_chmod(monkeypatch, code=errno.EPERM):
    """A file system that cannot take a mode, as a FAT USB stick answers chmod."""
    tried = []

    def chmod(path, *args, **kwargs):
        tried.append(path)
        raise PermissionError(code, os.strerror(code), str(path))

    monkeypatch.setattr(os, "chmod", chmod)
    return tried


def test_the_cache_made_first_leaves_the_data_folder_private(private_home):
    assert not private_home.exists()  # a first run
    fill_cache()
    assert cache_dir().parent == data_dir() == private_home  # made on the way to the cache
    assert mode(data_dir()) == 0o700
    assert mode(cache_dir()) == 0o700
    assert mode(cache_dir() / "content.json") == 0o600
    db = open_database(default_db_path())  # the folder is there already: left as it is
    db.close()
    assert mode(data_dir()) == 0o700


def test_a_first_database_is_private_with_its_log_files(private_home):
    db = open_database(default_db_path())
    try:
        create_workbook(db, "Alex")
        assert mode(data_dir()) == 0o700
        files = [default_db_path(), *sidecar_paths(default_db_path())]
        assert all(file.exists() for file in files)  # the write-ahead log is in use
        assert [mode(file) for file in files] == [0o600] * 3
        fill_cache()  # the data folder first, the cache after
        assert mode(cache_dir()) == 0o700
    finally:
        db.close()


def test_every_folder_made_on_the_way_is_private_and_others_are_left_alone(tmp_path):
    shared = tmp_path / "Documents"
    shared.mkdir(mode=0o755)
    os.chmod(shared, 0o755)
    ensure_private_dir(shared / "a" / "b" / "c")
    assert [mode(shared / p) for p in ("a", "a/b", "a/b/c")] == [0o700] * 3
    assert mode(shared) == 0o755  # the person's own folder, such as Documents
    os.chmod(shared / "a", 0o755)
    ensure_private_dir(shared / "a" / "b")  # already there: nothing to do
    assert mode(shared / "a") == 0o755


def test_backups_are_private(db, db_path):
    create_workbook(db, "Alex")
    backup = make_backup(db, db_path)
    assert backup.parent == backup_dir(db_path)
    assert mode(backup_dir(db_path)) == 0o700
    assert mode(backup) == 0o600


JOURNAL = (
    JournalEntry(1, "reflection", "What drains me: long status meetings.", "2026-01-05"),
    JournalEntry(2, "feedback", "Clear write-ups.", "2026-01-06", private=False),
)


@pytest.mark.parametrize(
    ("choices", "expected"),
    [
        ({"include_private": True}, 0o600),
        ({"sections": ["brief", "journal"]}, 0o600),  # the shared entries only: still personal
        ({}, 0o644),
        ({"sections": ["brief"], "include_private": False}, 0o644),
    ],
    ids=["private-entries", "journal-section", "default", "no-journal"],
)
def test_a_pdf_with_the_journal_is_owner_only_and_others_can_be_shared(
    content, tmp_path, choices, expected
):
    out = tmp_path / "plan.pdf"
    export_pdf(WorkbookData(name="Alex", journal=JOURNAL), content, out, **choices)
    assert mode(out) == expected


def test_a_private_pdf_written_over_a_shared_one_is_owner_only(content, tmp_path):
    out = tmp_path / "plan.pdf"
    export_pdf(WorkbookData(name="Alex", journal=JOURNAL), content, out)
    assert mode(out) == 0o644
    export_pdf(WorkbookData(name="Alex", journal=JOURNAL), content, out, sections=iter(["journal"]))
    assert mode(out) == 0o600


def test_a_workbook_file_is_always_owner_only(tmp_path):
    out = tmp_path / "alex.json"
    out.write_text("{}")
    os.chmod(out, 0o644)  # replacing a file anyone could read
    write_file(WorkbookData(name="Alex"), out)
    assert mode(out) == 0o600


@pytest.mark.parametrize("code", [errno.EPERM, errno.ENOTSUP, errno.EINVAL])
def test_a_file_system_without_modes_stops_nothing(content, private_home, monkeypatch, code):
    tried = refuse_chmod(monkeypatch, code)
    fill_cache()
    assert (cache_dir() / "content.json").exists()
    db = open_database(default_db_path())
    try:
        wid = create_workbook(db, "Alex").workbook_id
        backup = make_backup(db, default_db_path())
        assert backup.exists()
    finally:
        db.close()
    out = private_home / "plan.pdf"
    export_pdf(WorkbookData(workbook_id=wid, name="Alex"), content, out)
    assert out.read_bytes().startswith(b"%PDF")
    write_file(WorkbookData(workbook_id=wid, name="Alex"), private_home / "alex.json")
    make_owner_only(private_home / "gone.txt")  # a missing file is passed over as before
    assert tried  # every one of them was refused, silently


def test_other_chmod_failures_are_still_raised(tmp_path, monkeypatch):
    refuse_chmod(monkeypatch, errno.EIO)
    with pytest.raises(OSError, match="Input/output"):
        set_mode(tmp_path, 0o700)


def test_window_settings_made_first_are_private_too(private_home):
    from ui.settings import SETTINGS_FILE, ui_settings

    settings = ui_settings()
    settings.setValue("last_step", 3)
    settings.sync()
    settings.setValue("last_step", 4)  # Qt writes a new file on every save
    settings.sync()
    assert mode(private_home) == 0o700
    assert mode(private_home / SETTINGS_FILE) == 0o600
    assert ui_settings().value("last_step", 0, int) == 4


def test_folders_an_older_version_left_open_are_made_private_again(private_home):
    """The data and backups folders are the program's own: 0700 whatever made them."""
    from workbook.paths import backup_dir, data_dir, default_db_path
    from workbook.session import Access, Session

    for folder in (data_dir(), backup_dir(default_db_path())):
        folder.mkdir(parents=True, exist_ok=True)
        folder.chmod(0o755)
    with Session.open(default_db_path(), Access.COMMAND) as session:
        make_backup(session.db, session.path)
    for folder in (data_dir(), backup_dir(default_db_path())):
        assert stat.S_IMODE(folder.stat().st_mode) == 0o700, folder


def test_a_folder_of_the_persons_own_keeps_its_mode(tmp_path):
    from workbook.session import Access, Session

    documents = tmp_path / "Documents"
    documents.mkdir(mode=0o755)
    documents.chmod(0o755)
    Session.open(documents / "mine.sqlite3", Access.COMMAND).close()
    assert stat.S_IMODE(documents.stat().st_mode) == 0o755
