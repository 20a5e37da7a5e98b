"""The storage fault table: each way two programs or a sick disk lost work, tried for real.

One test (or a few) per row of issue 10's table: two windows, commands while a
window is open, restore under a window, a full disk, read-only files and
folders, symbolic links, index damage, plain words. Cases that need a real
full disk mount a small tmpfs (root only); read-only cases run a step as the
unprivileged `nobody`, since root ignores file modes. Where the machine
refuses either, the test skips and says why.
"""

import os
import shutil
import sqlite3
import stat
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import pytest

from tests.conftest import sha256
from ui.cli import EXIT_OK, EXIT_PROBLEM, main
from workbook.door import add_journal_entry, create_workbook
from workbook.errors import (
    DamagedDatabase,
    DatabaseProblem,
    DiskFull,
    LockedByCommand,
    LockedByWindow,
    NotADatabase,
    PermissionDenied,
    ReadOnlyFile,
    UnreadableFile,
    storage_problem,
)
from workbook.lock import COMMAND, WINDOW, WriterLock, lock_path, read_holder
from workbook.session import Access, Session, restore_backup, start_new_file
from workbook.storage import open_database

ROOT = Path(__file__).resolve().parent.parent


def run(capsys, *args):
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


def make_workbook(path: Path, name: str = "Mine") -> None:
    with Session.open(path, Access.COMMAND) as session:
        wid = create_workbook(session.db, name).workbook_id
        add_journal_entry(session.db, wid, "reflection", "Words I typed")


def names(path: Path) -> set[str]:
    with Session.open(path, Access.READ) as session:
        return {row[0] for row in session.db.execute("SELECT name FROM workbooks")}


# ---- one writer per file ------------------------------------------------------------


def test_a_window_holds_the_lock_and_commands_that_write_refuse_at_once(capsys, tmp_path):
    path = tmp_path / "w.sqlite3"
    make_workbook(path)
    window = Session.open(path, Access.WINDOW)
    try:
        assert read_holder(path).kind == WINDOW and read_holder(path).pid == os.getpid()
        started = time.monotonic()
        for command in (["example"], ["purge-backups"], ["restore", "nothing.sqlite3"]):
            code, out, err = run(capsys, "--db", path, *command)
            if command[0] == "restore":
                continue  # an unknown backup is named before the lock is asked for
            assert code == EXIT_PROBLEM
            assert "open in a Career Workbook window" in err
            assert "Traceback" not in err
        assert time.monotonic() - started < 3  # refused at once, not after a wait
        # Commands that only read still work, and take no lock.
        code, out, err = run(capsys, "--db", path, "list")
        assert (code, out) == (EXIT_OK, "Mine\n")
    finally:
        window.close()
    assert read_holder(path) is None
    code, _, _ = run(capsys, "--db", path, "example")
    assert code == EXIT_OK


def test_restore_refuses_while_a_window_holds_the_file(capsys, tmp_path):
    path = tmp_path / "r.sqlite3"
    make_workbook(path)
    with Session.open(path, Access.COMMAND) as session:
        from workbook.backups import make_backup

        backup = make_backup(session.db, path)
    window = Session.open(path, Access.WINDOW)
    try:
        before = sha256(path)
        code, out, err = run(capsys, "--db", path, "restore", backup)
        assert code == EXIT_PROBLEM and "open in a Career Workbook window" in err
        assert sha256(path) == before
        with pytest.raises(LockedByWindow):
            restore_backup(path, backup)
    finally:
        window.close()


def test_a_command_waits_for_another_command(capsys, tmp_path):
    path = tmp_path / "c.sqlite3"
    make_workbook(path)
    lock = WriterLock.acquire(path, COMMAND)
    threading.Timer(0.5, lock.release).start()
    code, out, err = run(capsys, "--db", path, "example")
    assert code == EXIT_OK, err
    assert len(names(path)) == 2


def test_a_command_that_keeps_the_file_too_long_is_named(tmp_path, monkeypatch):
    import workbook.session as session_module

    monkeypatch.setattr(session_module, "COMMAND_WAIT_S", 0.3)
    path = tmp_path / "c.sqlite3"
    make_workbook(path)
    with WriterLock.acquire(path, COMMAND), pytest.raises(LockedByCommand) as refused:
        Session.open(path, Access.COMMAND)
    assert "still writing" in refused.value.message


def test_the_lock_dies_with_its_process(tmp_path):
    path = tmp_path / "k.sqlite3"
    make_workbook(path)
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys, time; from pathlib import Path; from workbook.lock import WriterLock;"
            "WriterLock.acquire(Path(sys.argv[1]), 'window'); print('held', flush=True);"
            "time.sleep(60)",
            str(path),
        ],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "held"
        with pytest.raises(LockedByWindow):
            Session.open(path, Access.COMMAND)
    finally:
        holder.kill()
        holder.wait()
    Session.open(path, Access.COMMAND).close()  # no stale lock survives a killed process


def test_reading_never_deletes_sqlites_own_files(tmp_path):
    """The bug behind lost imports: a look removed -shm while another connection used it."""
    path = tmp_path / "s.sqlite3"
    make_workbook(path)
    writer = Session.open(path, Access.COMMAND)
    try:
        writer.db.execute("INSERT INTO meta (key, value) VALUES ('probe', '1')")
        writer.db.conn.commit()
        shm = path.with_name(path.name + "-shm")
        assert shm.exists()
        inode = shm.stat().st_ino
        for _ in range(3):
            with Session.open(path, Access.READ) as reader:
                assert reader.db.execute("SELECT value FROM meta WHERE key='probe'").fetchone()
            main(["--db", str(path), "check"])
        assert shm.exists() and shm.stat().st_ino == inode
    finally:
        writer.close()


def test_a_second_window_opens_read_only_and_says_why(qtbot, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QLabel

    from ui import app as app_module
    from ui.main_window import MainWindow

    path = tmp_path / "two.sqlite3"
    make_workbook(path)
    first = Session.open(path, Access.WINDOW)
    try:
        # The first window does not answer (it is stuck): the second must not wait forever.
        monkeypatch.setattr("ui.single_window.ask_running_window", lambda p: False)
        second = app_module.open_session(path)
        assert second.read_only and "open in another Career Workbook window" in second.read_only
        window = MainWindow(second, autosave_delay_ms=10)
        qtbot.addWidget(window)
        window.show()
        banner = window.findChild(QLabel, "read-only-banner")
        assert banner is not None and banner.isVisible()
        assert "only shows it" in banner.text()
        page = window.page("about")
        qtbot.keyClicks(page.current_role, "Typed in the second window")
        window.autosaver.flush()
        assert window.autosaver.has_pending()  # kept in memory, never written
        assert "Not saved" in window.statusBar().currentMessage()
        # Closing asks what to do with what was typed; the person goes on without it.
        from ui import storage_notices

        asked = []
        monkeypatch.setattr(
            storage_notices,
            "ask_about_unsaved",
            lambda parent, going_on="Close": asked.append(going_on) or storage_notices.DISCARD,
        )
        window.close()
        assert asked == ["Close"] and not window.isVisible()
    finally:
        first.close()
    with Session.open(path, Access.READ) as reader:
        assert reader.db.execute("SELECT current_role FROM profile").fetchone()[0] == ""


def test_a_second_launch_brings_the_first_window_forward(tmp_path):
    path = tmp_path / "launch.sqlite3"
    make_workbook(path)
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    first = subprocess.Popen(
        [sys.executable, "-m", "workbook", "--db", str(path)],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        deadline = time.monotonic() + 30
        second = None
        while time.monotonic() < deadline:
            holder = read_holder(path)
            if holder is not None and holder.kind == WINDOW:
                second = subprocess.run(
                    [sys.executable, "-m", "workbook", "--db", str(path)],
                    cwd=ROOT,
                    env=env,
                    capture_output=True,
                    text=True,
                    timeout=60,
                )
                if "brought forward" in second.stdout:
                    break
            time.sleep(0.2)
        assert second is not None and second.returncode == 0, second and second.stderr
        assert "already open" in second.stdout and "brought forward" in second.stdout
    finally:
        first.terminate()
        first.wait(timeout=30)


# ---- named for what it is -----------------------------------------------------------


@pytest.mark.parametrize(
    ("error", "kind"),
    [
        (sqlite3.OperationalError("database or disk is full"), DiskFull),
        (OSError(28, "No space left on device"), DiskFull),
        (sqlite3.OperationalError("attempt to write a readonly database"), ReadOnlyFile),
        (OSError(30, "Read-only file system"), ReadOnlyFile),
        (sqlite3.OperationalError("database is locked"), LockedByCommand),
        (OSError(13, "Permission denied"), PermissionDenied),
        (sqlite3.DatabaseError("database disk image is malformed"), DamagedDatabase),
        (sqlite3.DatabaseError("file is not a database"), DamagedDatabase),
        (sqlite3.OperationalError("disk I/O error"), UnreadableFile),
        (OSError(40, "Too many levels of symbolic links"), NotADatabase),
    ],
)
def test_each_storage_failure_is_named_for_what_it_is(tmp_path, error, kind):
    problem = storage_problem(tmp_path / "x.sqlite3", error)
    assert type(problem) is kind
    assert "damaged" not in problem.message or kind is DamagedDatabase


def test_no_remedy_moves_a_healthy_file(tmp_path):
    path = tmp_path / "healthy.sqlite3"
    make_workbook(path)
    for problem in (ReadOnlyFile(path), DiskFull(path), LockedByWindow(path)):
        assert not problem.offer_new_file
        with pytest.raises(type(problem)):
            start_new_file(path, problem)
    # Even a stale "damaged" verdict does not move a file that is healthy now.
    with pytest.raises(DatabaseProblem, match="can be opened now"):
        start_new_file(path, DamagedDatabase(path, "old news"))
    assert names(path) == {"Mine"}


# ---- damage found before the first write ----------------------------------------------


def break_an_index(path: Path) -> None:
    """Empty the unique index of strength ratings: quick_check passes, integrity_check not."""
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("CREATE TABLE dummy (a, b, c, UNIQUE (a, b))")
    empty = conn.execute(
        "SELECT rootpage FROM sqlite_master WHERE name = 'sqlite_autoindex_dummy_1'"
    ).fetchone()[0]
    real = conn.execute(
        "SELECT rootpage FROM sqlite_master WHERE name = 'sqlite_autoindex_strength_ratings_1'"
    ).fetchone()[0]
    conn.execute("PRAGMA writable_schema = ON")
    conn.execute(
        "UPDATE sqlite_master SET rootpage = ? WHERE name = 'sqlite_autoindex_strength_ratings_1'",
        [empty],
    )
    conn.execute(
        "UPDATE sqlite_master SET rootpage = ? WHERE name = 'sqlite_autoindex_dummy_1'", [real]
    )
    conn.execute("PRAGMA writable_schema = OFF")
    conn.close()
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("DROP TABLE dummy")
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    assert conn.execute("PRAGMA quick_check").fetchone()[0] == "ok"
    conn.close()


@pytest.fixture
def index_damaged(tmp_path):
    from workbook.door import set_answer

    path = tmp_path / "index.sqlite3"
    with Session.open(path, Access.COMMAND) as session:
        wid = create_workbook(session.db, "Rated").workbook_id
        set_answer(session.db, "strength_ratings", wid, "mentoring", "proficiency", 3)
    break_an_index(path)
    return path


def test_index_damage_is_found_before_the_first_write(index_damaged):
    from workbook.door import set_answer

    before = sha256(index_damaged)
    session = Session.open(index_damaged, Access.WINDOW)  # opens: quick_check passes
    try:
        [wid] = [row[0] for row in session.db.execute("SELECT id FROM workbooks")]
        with pytest.raises(DamagedDatabase):
            set_answer(session.db, "strength_ratings", wid, "mentoring", "proficiency", 4)
        with pytest.raises(DamagedDatabase):  # and again: nothing slips through later
            set_answer(session.db, "strength_ratings", wid, "mentoring", "energy", 4)
    finally:
        session.close()
    conn = sqlite3.connect(f"file:{index_damaged}?mode=ro", uri=True)
    assert conn.execute("SELECT COUNT(*) FROM strength_ratings").fetchone()[0] == 1
    conn.close()
    assert sha256(index_damaged) == before


def test_a_command_refuses_a_file_with_index_damage(capsys, index_damaged):
    before = sha256(index_damaged)
    code, out, err = run(capsys, "--db", index_damaged, "example")
    assert code == EXIT_PROBLEM
    assert "damaged" in err and "missing from index" in err
    assert sha256(index_damaged) == before


def test_the_window_offers_a_backup_when_the_first_write_finds_damage(
    index_damaged, qtbot, monkeypatch
):
    from ui.main_window import MainWindow

    offered = []
    monkeypatch.setattr(
        "ui.storage_notices.offer_backup_for",
        lambda parent, problem: offered.append(problem) or False,
    )
    window = MainWindow(Session.open(index_damaged, Access.WINDOW), autosave_delay_ms=10)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.ready, timeout=10_000):
        window.show()
    qtbot.waitUntil(lambda: bool(offered), timeout=5000)  # found while idle, before any edit
    assert isinstance(offered[0], DamagedDatabase)
    window.shutdown()


# ---- symbolic links ---------------------------------------------------------------------


def test_a_link_to_a_missing_file_is_followed_not_replaced(capsys, tmp_path):
    target = tmp_path / "real" / "workbook.sqlite3"
    target.parent.mkdir()
    link = tmp_path / "link.sqlite3"
    link.symlink_to(target)
    code, out, err = run(capsys, "--db", link, "example")
    assert code == EXIT_OK, err
    assert link.is_symlink() and os.readlink(link) == str(target)
    assert target.is_file() and len(names(target)) == 1
    assert lock_path(target).exists() and not lock_path(link).exists()


def test_a_link_loop_is_refused_and_left_alone(capsys, tmp_path):
    loop = tmp_path / "loop.sqlite3"
    loop.symlink_to(tmp_path / "loop2.sqlite3")
    (tmp_path / "loop2.sqlite3").symlink_to(loop)
    for command in (["example"], ["list"]):
        code, out, err = run(capsys, "--db", loop, *command)
        assert code == EXIT_PROBLEM, command
        assert "link" in err and "Traceback" not in err
    assert loop.is_symlink() and os.readlink(loop) == str(tmp_path / "loop2.sqlite3")


def test_two_routes_to_one_file_share_one_lock(tmp_path):
    target = tmp_path / "t.sqlite3"
    make_workbook(target)
    link = tmp_path / "l.sqlite3"
    link.symlink_to(target)
    with Session.open(target, Access.WINDOW), pytest.raises(LockedByWindow):
        Session.open(link, Access.COMMAND)


# ---- readers change nothing -----------------------------------------------------------


def test_readers_never_change_the_mode_of_a_file(capsys, tmp_path):
    path = tmp_path / "ro.sqlite3"
    make_workbook(path)
    path.chmod(0o400)
    for command in (
        ["list"],
        ["summary", "Mine"],
        ["export-pdf", "--out", tmp_path / "p.pdf", "Mine"],
    ):
        code, out, err = run(capsys, "--db", path, *command)
        assert code == EXIT_OK, err
        assert stat.S_IMODE(path.stat().st_mode) == 0o400


def test_a_reader_of_an_older_file_leaves_it_as_it_was(capsys, tmp_path):
    from tests.conftest import DATA

    path = tmp_path / "old.sqlite3"
    shutil.copy(DATA / "schema1.sqlite3", path)
    before = sha256(path)
    code, out, err = run(capsys, "--db", path, "list")
    assert code == EXIT_OK and out.strip(), err
    assert sha256(path) == before
    assert not (tmp_path / "backups").exists()


# ---- a real full disk ---------------------------------------------------------------------


@pytest.fixture
def small_disk():
    """A 2 MiB tmpfs: a disk that really fills up."""
    if os.geteuid() != 0 or shutil.which("mount") is None:
        pytest.skip("mounting a small disk needs root")
    where = Path(tempfile.mkdtemp(prefix="cw-full-"))
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=2m,mode=0700", "tmpfs", str(where)],
        capture_output=True,
        text=True,
    )
    if done.returncode != 0:
        where.rmdir()
        pytest.skip(f"this machine refuses to mount a tmpfs: {done.stderr.strip()}")
    yield where
    subprocess.run(["umount", "-l", str(where)], check=False)
    shutil.rmtree(where, ignore_errors=True)


def fill(disk: Path) -> None:
    with open(disk / "filler", "wb") as handle, pytest.raises(OSError):
        while True:
            handle.write(b"\0" * 65536)
            handle.flush()
            os.fsync(handle.fileno())


def test_a_full_disk_is_named_and_the_workbook_can_still_be_read_and_exported(
    capsys, small_disk, tmp_path, workbook_file_for_import
):
    path = small_disk / "workbook.sqlite3"
    make_workbook(path)
    fill(small_disk)
    before = sha256(path)
    code, out, err = run(capsys, "--db", path, "import", workbook_file_for_import)
    assert code == EXIT_PROBLEM
    assert "full" in err and "damaged" not in err and "Traceback" not in err
    assert names(path) == {"Mine"}
    # Reading and exporting elsewhere still work on the full disk.
    code, out, err = run(capsys, "--db", path, "export", "--out", tmp_path / "w.json", "Mine")
    assert code == EXIT_OK, err
    # An export onto the full disk names the file it could not write.
    out_pdf = small_disk / "plan.pdf"
    code, out, err = run(capsys, "--db", path, "export-pdf", "--out", out_pdf, "Mine")
    assert code == EXIT_PROBLEM and str(out_pdf) in err and "space" in err.lower()
    assert path.exists() and not list(small_disk.glob("*.damaged-*"))
    assert sha256(path) == before


@pytest.fixture
def workbook_file_for_import(tmp_path):
    from workbook.data import load_workbook_data
    from workbook.workbook_file.writing import write_file

    db = open_database(tmp_path / "src.sqlite3")
    wid = create_workbook(db, "Incoming").workbook_id
    add_journal_entry(db, wid, "reflection", "x" * 5000)
    out = write_file(load_workbook_data(db, wid), tmp_path / "incoming.json")
    db.close()
    return out


# ---- read-only files and folders, as a user without root's powers --------------------------


def as_nobody(args, env_home, *, module=True):
    """Run the command line (or, without `module`, any `python` arguments) as `nobody`."""
    if os.geteuid() != 0 or shutil.which("setpriv") is None:
        pytest.skip("running a step as another user needs root and setpriv")
    env = {
        "PATH": os.environ.get("PATH", ""),
        "CAREER_WORKBOOK_HOME": str(env_home),
        "QT_QPA_PLATFORM": "offscreen",
        "PYTHONDONTWRITEBYTECODE": "1",
        "HOME": str(env_home),
    }
    command = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", sys.executable]
    done = subprocess.run(
        [*command, *(["-m", "workbook"] if module else []), *map(str, args)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    if "Permission denied" in done.stderr and "python" in done.stderr.lower():
        pytest.skip(f"nobody cannot run this checkout's Python: {done.stderr.strip()}")
    return done


@pytest.fixture
def shared_folder():
    """A folder `nobody` can reach (pytest's own are root's only)."""
    where = Path(tempfile.mkdtemp(prefix="cw-nobody-"))
    where.chmod(0o755)
    yield where
    shutil.rmtree(where, ignore_errors=True)


def owned_by_nobody(*paths: Path) -> None:
    for path in paths:
        os.chown(path, 65534, 65534)


@pytest.fixture
def nobodys(shared_folder):
    """A workbook file "Mine" in a data folder, both owned by `nobody`, and a home for it."""
    folder = shared_folder / "data"
    folder.mkdir()
    home = shared_folder / "home"
    home.mkdir()
    path = folder / "workbook.sqlite3"
    make_workbook(path)
    owned_by_nobody(folder, home, *folder.iterdir())
    return path, home


def test_a_read_only_file_is_read_with_its_mode_untouched(nobodys):
    path, home = nobodys
    path.chmod(0o400)
    done = as_nobody(["--db", path, "list"], home)
    assert done.returncode == 0 and done.stdout == "Mine\n", done.stderr
    done = as_nobody(["--db", path, "example"], home)
    assert done.returncode == 1
    assert "read-only" in done.stderr and "damaged" not in done.stderr
    assert "Traceback" not in done.stderr
    assert stat.S_IMODE(path.stat().st_mode) == 0o400
    assert names(path) == {"Mine"}


def test_a_read_only_folder_is_named_and_the_file_still_read(nobodys):
    path, home = nobodys
    folder = path.parent
    folder.chmod(0o555)
    before = sorted(p.name for p in folder.iterdir())
    done = as_nobody(["--db", path, "list"], home)
    assert done.returncode == 0 and done.stdout == "Mine\n", done.stderr
    done = as_nobody(["--db", path, "example"], home)
    assert done.returncode == 1
    assert "cannot be written" in done.stderr and "damaged" not in done.stderr
    assert sorted(p.name for p in folder.iterdir()) == before


@pytest.mark.parametrize(
    ("make", "offered"),
    [
        (lambda p: DamagedDatabase(p, "bad page"), True),
        (lambda p: NotADatabase(p), True),
        (lambda p: ReadOnlyFile(p), False),
        (lambda p: DiskFull(p), False),
        (lambda p: PermissionDenied(p), False),
        (lambda p: LockedByWindow(p), False),
    ],
)
def test_the_problem_dialog_offers_a_new_file_only_for_lost_contents(
    qapp, monkeypatch, tmp_path, make, offered
):
    from PySide6.QtWidgets import QMessageBox

    from ui.dialogs.problem import Choice, ask_what_next

    seen = {}

    def look(box):
        seen["buttons"] = [button.text() for button in box.buttons()]
        return 0

    monkeypatch.setattr(QMessageBox, "exec", look)
    assert ask_what_next(make(tmp_path / "x.sqlite3")) is Choice.QUIT
    assert ("Start a new file" in seen["buttons"]) is offered


def test_a_window_on_a_full_disk_opens_read_only_so_the_workbook_can_be_read(small_disk, qapp):
    from ui import app as app_module

    path = small_disk / "workbook.sqlite3"
    make_workbook(path)
    fill(small_disk)
    session = app_module.open_session(path, interactive=False)
    try:
        assert session.read_only is not None and "full" in session.read_only
        assert names_in(session) == {"Mine"}
    finally:
        session.close()
    assert path.exists() and not list(small_disk.glob("*.damaged-*"))


def names_in(session) -> set[str]:
    return {row[0] for row in session.db.execute("SELECT name FROM workbooks")}


def test_a_window_on_a_read_only_file_opens_read_only(nobodys):
    path, home = nobodys
    path.chmod(0o400)
    done = as_nobody(["-m", "tests.helpers.window_worker", path, "ro", "1"], home, module=False)
    assert done.returncode == 0, done.stderr
    assert "read-only" in done.stdout and "ack" not in done.stdout
    assert stat.S_IMODE(path.stat().st_mode) == 0o400


def test_damage_found_by_a_write_leads_to_one_offer_and_a_clean_restore(
    tmp_path, qtbot, monkeypatch
):
    from ui import storage_notices
    from ui.dialogs.backups import BackupDialog
    from ui.main_window import MainWindow
    from workbook.backups import make_backup
    from workbook.door import set_answer

    path = tmp_path / "restore-me.sqlite3"
    with Session.open(path, Access.COMMAND) as session:
        wid = create_workbook(session.db, "Rated").workbook_id
        set_answer(session.db, "strength_ratings", wid, "mentoring", "proficiency", 3)
        make_backup(session.db, path)
    break_an_index(path)

    offers, asked = [], []
    monkeypatch.setattr(
        storage_notices, "offer_backup_for", lambda parent, problem: offers.append(problem) or True
    )
    monkeypatch.setattr(BackupDialog, "exec", lambda self: BackupDialog.DialogCode.Accepted)
    monkeypatch.setattr(
        storage_notices,
        "ask_about_unsaved",
        lambda parent, going_on="Close": asked.append(going_on) or storage_notices.DISCARD,
    )
    session = Session.open(path, Access.WINDOW)
    window = MainWindow(session, autosave_delay_ms=10)
    qtbot.addWidget(window)
    window.show()
    page = window.page("about")
    qtbot.keyClicks(page.current_role, "Typed into a damaged file")
    window.autosaver.flush()  # the write checks the file first, finds the damage, offers
    qtbot.waitUntil(lambda: window.session is not session, timeout=5000)
    assert len(offers) == 1 and asked == ["Restore"]
    assert window.session.path == path and not window.session.closed
    assert sqlite3.connect(path).execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    window.shutdown()


# ---- found by trying it from outside (a tester's round) ---------------------------------


def fill_but(disk: Path, leave_kib: int) -> None:
    """Fill the disk but for about `leave_kib` KiB."""
    free = shutil.disk_usage(disk).free
    with open(disk / "filler", "wb") as handle:
        handle.write(b"\0" * max(0, free - leave_kib * 1024))


@pytest.mark.parametrize("leave_kib", [60, 200])
def test_a_disk_that_fills_at_the_commit_is_named_not_called_a_bug(
    capsys, small_disk, tmp_path, leave_kib
):
    from workbook.data import load_workbook_data
    from workbook.workbook_file.writing import write_file

    source = open_database(tmp_path / "big.sqlite3")
    wid = create_workbook(source, "Big").workbook_id
    for n in range(60):
        add_journal_entry(source, wid, "reflection", f"{n} " + "words " * 2000)
    big = write_file(load_workbook_data(source, wid), tmp_path / "big.json")
    source.close()

    path = small_disk / "workbook.sqlite3"
    make_workbook(path)
    fill_but(small_disk, leave_kib)
    code, out, err = run(capsys, "--db", path, "import", big)
    assert code == EXIT_PROBLEM
    assert "full" in err and "did not expect" not in err and "damaged" not in err
    assert names(path) == {"Mine"}
    assert sqlite3.connect(path).execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_a_file_another_user_owns_is_named_as_not_yours(shared_folder):
    """Root's 0600 file, and a file in root's 0700 folder, seen by `nobody`."""
    home = shared_folder / "home"
    home.mkdir()
    owned_by_nobody(home)
    mine = shared_folder / "root-only.sqlite3"
    make_workbook(mine)
    mine.chmod(0o600)
    hidden = shared_folder / "private"
    hidden.mkdir(mode=0o700)
    make_workbook(hidden / "w.sqlite3")
    for path in (mine, hidden / "w.sqlite3"):
        for command in (["list"], ["example"], ["check"]):
            done = as_nobody(["--db", path, *command], home)
            assert done.returncode == 1, (path, command, done.stdout)
            assert "permission" in done.stderr.lower(), done.stderr
            for wrong in ("did not expect", "read-only", "damaged", "Traceback"):
                assert wrong not in done.stderr, (path, command, done.stderr)


def test_a_quick_read_leaves_nothing_beside_a_file_that_stops_its_owner(nobodys):
    path, home = nobodys
    path.chmod(0o400)
    before = sorted(p.name for p in path.parent.iterdir())
    assert as_nobody(["--db", path, "list"], home).returncode == 0
    assert sorted(p.name for p in path.parent.iterdir()) == before
    path.chmod(0o600)
    done = as_nobody(["--db", path, "example"], home)
    assert done.returncode == 0, done.stderr


def test_backups_and_restore_follow_a_linked_database(capsys, tmp_path):
    real = tmp_path / "b" / "real.sqlite3"
    real.parent.mkdir()
    make_workbook(real)
    with Session.open(real, Access.COMMAND) as session:
        from workbook.backups import make_backup

        backup = make_backup(session.db, real)
    (tmp_path / "a").mkdir()
    link = tmp_path / "a" / "into.sqlite3"
    link.symlink_to(real)
    code, out, err = run(capsys, "--db", link, "backups")
    assert code == EXIT_OK and backup.name in out
    code, out, err = run(capsys, "--db", link, "restore", backup.name)
    assert code == EXIT_OK, err
    assert link.is_symlink()


def test_a_window_never_backs_up_a_damaged_file(index_damaged, qtbot):
    from ui.main_window import MainWindow
    from workbook.backups import list_backups
    from workbook.paths import backup_dir

    shutil.rmtree(backup_dir(index_damaged))  # so a daily backup is due
    window = MainWindow(Session.open(index_damaged, Access.WINDOW), autosave_delay_ms=10)
    qtbot.addWidget(window)
    import ui.storage_notices as notices

    offered = []
    notices.offer_backup_for, real = (
        (lambda parent, problem: offered.append(problem)),
        (notices.offer_backup_for),
    )
    try:
        with qtbot.waitSignal(window.ready, timeout=10_000):
            window.show()
        qtbot.waitUntil(lambda: bool(offered), timeout=5000)
        window.shutdown()
    finally:
        notices.offer_backup_for = real
    assert list_backups(index_damaged) == []


def test_old_open_backups_are_made_private_by_the_next_writer(capsys, tmp_path):
    from workbook.backups import make_backup
    from workbook.paths import backup_dir

    path = tmp_path / "w.sqlite3"
    make_workbook(path)
    with Session.open(path, Access.COMMAND) as session:
        backup = make_backup(session.db, path)
    backup_dir(path).chmod(0o755)
    backup.chmod(0o644)
    assert run(capsys, "--db", path, "example")[0] == EXIT_OK
    assert stat.S_IMODE(backup_dir(path).stat().st_mode) == 0o700
    assert stat.S_IMODE(backup.stat().st_mode) == 0o600


def test_a_half_made_file_of_a_killed_program_is_cleared(tmp_path):
    path = tmp_path / "new.sqlite3"
    gone = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True
    )
    dead = int(gone.stdout)
    left = [path.with_name(f"{path.name}.creating-{dead}{tail}") for tail in ("", "-wal", "-shm")]
    for file in left:
        file.write_bytes(b"half")
    Session.open(path, Access.COMMAND).close()
    assert not any(file.exists() for file in left)
    assert names(path) == set()


def test_restore_keeps_sqlites_files_and_an_open_reader_sees_the_backup(capsys, tmp_path):
    from workbook.backups import make_backup

    path = tmp_path / "w.sqlite3"
    make_workbook(path, "Before")
    with Session.open(path, Access.COMMAND) as session:
        backup = make_backup(session.db, path)
        create_workbook(session.db, "After the backup")
    reader = sqlite3.connect(path)  # a reader that has the file open, as a second window
    try:
        assert reader.execute("SELECT COUNT(*) FROM workbooks").fetchone()[0] == 2
        shm = path.with_name(path.name + "-shm")
        inode = shm.stat().st_ino
        code, out, err = run(capsys, "--db", path, "restore", backup)
        assert code == EXIT_OK, err
        assert shm.exists() and shm.stat().st_ino == inode
        assert [r[0] for r in reader.execute("SELECT name FROM workbooks")] == ["Before"]
    finally:
        reader.close()
    assert sqlite3.connect(path).execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_an_export_onto_a_link_writes_the_linked_file(capsys, tmp_path):
    path = tmp_path / "w.sqlite3"
    make_workbook(path)
    target = tmp_path / "shared" / "plan.json"
    target.parent.mkdir()
    target.write_text("old")
    link = tmp_path / "plan-link.json"
    link.symlink_to(target)
    code, out, err = run(capsys, "--db", path, "export", "--out", link, "Mine")
    assert code == EXIT_OK, err
    assert link.is_symlink() and '"Mine"' in target.read_text()
