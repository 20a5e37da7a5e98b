"""The `career-workbook` command, run in process (and once as a real process)."""

import os
import stat
import subprocess
import sys
from datetime import UTC, datetime, timedelta

import pytest

from tests.conftest import make_damaged, sha256
from ui import cli
from ui.cli import EXIT_OK, EXIT_PROBLEM, main
from workbook import __version__, backups
from workbook.backups import list_backups, make_backup
from workbook.door import create_workbook
from workbook.errors import InvalidEdit
from workbook.example import example_data
from workbook.paths import DB_FILE_NAME
from workbook.queries import list_workbooks
from workbook.storage import open_database

EXAMPLE = example_data()["name"]
NOW = datetime(2030, 6, 15, 12, 0, 0, tzinfo=UTC)


@pytest.fixture
def path(tmp_path):
    return tmp_path / "data" / "cli.sqlite3"


def run(capsys, *argv):
    """Run the command in process; returns (exit status, stdout, stderr)."""
    code = main([str(arg) for arg in argv])
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    return code, out, err


def names_in(path):
    db = open_database(path)
    try:
        return [info.name for info in list_workbooks(db)]
    finally:
        db.close()


def make_file(path, *names):
    db = open_database(path)
    try:
        for name in names:
            create_workbook(db, name)
    finally:
        db.close()


BAD_FILES = pytest.mark.parametrize(
    "make_bad",
    [
        lambda p: p.write_bytes(b""),
        lambda p: p.write_bytes(os.urandom(8192)),
        make_damaged,
    ],
    ids=["zero-byte", "random-bytes", "damaged-page"],
)


# ---- list -------------------------------------------------------------------------------


def test_list_of_a_missing_database_prints_nothing_and_creates_nothing(capsys, path):
    assert run(capsys, "--db", path, "list") == (EXIT_OK, "", "")
    assert not path.exists()
    assert not path.parent.exists()


def test_list_with_the_default_database_creates_nothing(capsys, private_home):
    assert run(capsys, "list") == (EXIT_OK, "", "")
    assert not (private_home / DB_FILE_NAME).exists()


def test_list_prints_one_name_a_line_in_order(capsys, path):
    make_file(path, "zoe", "Alex", "Émile")
    code, out, err = run(capsys, "--db", path, "list")
    assert code == EXIT_OK
    assert out == "Alex\nzoe\nÉmile\n"
    assert err == ""


@BAD_FILES
def test_list_of_a_bad_file_explains_and_leaves_it_alone(capsys, path, make_bad):
    path.parent.mkdir(parents=True)
    make_bad(path)
    before = sha256(path)
    code, out, err = run(capsys, "--db", path, "list")
    assert code == EXIT_PROBLEM
    assert out == ""
    assert str(path) in err
    assert sha256(path) == before


# ---- example ----------------------------------------------------------------------------


def test_example_twice_adds_two_named_copies(capsys, path):
    code, out, _ = run(capsys, "--db", path, "example")
    assert code == EXIT_OK
    assert out == f"Added the example workbook {EXAMPLE!r} to {path}.\n"
    code, out, _ = run(capsys, "--db", path, "example")
    assert code == EXIT_OK
    assert f"{EXAMPLE} (2)" in out
    assert run(capsys, "--db", path, "list") == (EXIT_OK, f"{EXAMPLE}\n{EXAMPLE} (2)\n", "")
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_example_goes_to_the_default_database(capsys, private_home):
    code, out, _ = run(capsys, "example")
    assert code == EXIT_OK
    assert str(private_home / DB_FILE_NAME) in out
    assert names_in(private_home / DB_FILE_NAME) == [EXAMPLE]


# ---- check ------------------------------------------------------------------------------


def test_check_of_a_good_file(capsys, path):
    make_file(path, "Alex")
    before = sha256(path)
    code, out, err = run(capsys, "--db", path, "check")
    assert code == EXIT_OK
    assert str(path) in out
    assert "no damage found" in out
    assert err == ""
    assert sha256(path) == before


@BAD_FILES
def test_check_of_a_bad_file_fails_and_names_it(capsys, path, make_bad):
    path.parent.mkdir(parents=True)
    make_bad(path)
    before = sha256(path)
    siblings = sorted(p.name for p in path.parent.iterdir())
    code, out, err = run(capsys, "--db", path, "check")
    assert code == EXIT_PROBLEM
    assert out == ""
    assert str(path) in err
    assert "left exactly as it was" in err
    assert sha256(path) == before
    assert sorted(p.name for p in path.parent.iterdir()) == siblings


def test_check_of_a_missing_file_fails(capsys, path):
    code, out, err = run(capsys, "--db", path, "check")
    assert code == EXIT_PROBLEM
    assert out == ""
    assert f"There is no database at {path}." in err
    assert not path.exists()


# ---- backups and restore ----------------------------------------------------------------


def test_backups_when_there_are_none(capsys, path):
    make_file(path, "Alex")
    code, out, err = run(capsys, "--db", path, "backups")
    assert code == EXIT_OK
    assert out == ""
    assert f"There are no backups of {path} yet." in err


def test_backups_are_listed_newest_first(capsys, path, monkeypatch):
    db = open_database(path)
    create_workbook(db, "Alex")
    made = []
    for hours, reason in [(3, "auto"), (1, "before-restore"), (2, "manual")]:
        monkeypatch.setattr(backups, "_now", lambda h=hours: NOW - timedelta(hours=h))
        made.append(make_backup(db, path, reason=reason))
    db.close()
    code, out, err = run(capsys, "--db", path, "backups")
    assert code == EXIT_OK
    assert err == ""
    lines = out.splitlines()
    assert [line.split("\t")[0] for line in lines] == [made[1].name, made[2].name, made[0].name]
    assert lines[0].endswith("(before restore)")
    assert lines[2].endswith("(auto)")


def test_backup_makes_one_now(capsys, path):
    code, out, err = run(capsys, "--db", path, "backup")
    assert code == EXIT_PROBLEM and "There is no database" in err and not path.exists()
    make_file(path, "Alex")
    code, out, err = run(capsys, "--db", path, "backup")
    assert code == EXIT_OK, err
    [made] = [b for b in list_backups(path) if b.reason == "manual"]
    assert out == f"Backed up to {made.path}.\n"
    assert names_in(made.path) == ["Alex"]


def test_backup_of_a_damaged_file_is_refused(capsys, path):
    make_damaged(path)
    before = list_backups(path)
    code, out, err = run(capsys, "--db", path, "backup")
    assert code == EXIT_PROBLEM and out == ""
    assert "damaged" in err and "Traceback" not in err
    assert list_backups(path) == before


def test_restore_by_file_name(capsys, path, monkeypatch):
    db = open_database(path)
    create_workbook(db, "Alex")
    monkeypatch.setattr(backups, "_now", lambda: NOW - timedelta(days=1))
    backup = make_backup(db, path)
    create_workbook(db, "Sam")
    db.close()
    monkeypatch.setattr(backups, "_now", lambda: NOW)

    code, out, err = run(capsys, "--db", path, "restore", backup.name)
    assert code == EXIT_OK, err
    assert f"Restored {path} from {backup.name}." in out
    [kept] = [b.path for b in list_backups(path) if b.reason == "before-restore"]
    assert f"kept in {kept}" in out
    assert names_in(path) == ["Alex"]
    assert names_in(kept) == ["Alex", "Sam"]


def test_restore_of_an_unknown_backup_explains(capsys, path, tmp_path, monkeypatch):
    make_file(path, "Alex")
    before = sha256(path)
    monkeypatch.chdir(tmp_path)
    code, out, err = run(capsys, "--db", path, "restore", "no-such-backup.sqlite3")
    assert code == EXIT_PROBLEM
    assert out == ""
    assert "There is no backup called 'no-such-backup.sqlite3'" in err
    assert sha256(path) == before


def test_restore_of_a_bad_backup_changes_nothing(capsys, path, tmp_path):
    make_file(path, "Alex")
    bad = tmp_path / "bad.sqlite3"
    bad.write_bytes(os.urandom(4096))
    before = sha256(path)
    code, out, err = run(capsys, "--db", path, "restore", bad)
    assert code == EXIT_PROBLEM
    assert "That backup cannot be used." in err
    assert sha256(path) == before
    assert list_backups(path) == []


# ---- options and the last guard --------------------------------------------------------


def test_db_is_accepted_before_and_after_the_command(capsys, path, tmp_path):
    make_file(path, "Alex")
    assert run(capsys, "--db", path, "list") == (EXIT_OK, "Alex\n", "")
    assert run(capsys, "list", "--db", path) == (EXIT_OK, "Alex\n", "")
    other = tmp_path / "other.sqlite3"
    make_file(other, "Sam")
    # Given twice, the command's own --db wins.
    assert run(capsys, "--db", other, "list", "--db", path) == (EXIT_OK, "Alex\n", "")
    code, out, _ = run(capsys, "check", "--db", path)
    assert code == EXIT_OK and str(path) in out


def test_version(capsys):
    with pytest.raises(SystemExit) as stopped:
        main(["--version"])
    assert stopped.value.code == 0
    assert __version__ in capsys.readouterr().out


def test_an_unknown_command_is_a_usage_error(capsys):
    with pytest.raises(SystemExit) as stopped:
        main(["frobnicate"])
    assert stopped.value.code == cli.EXIT_USAGE
    assert "invalid choice" in capsys.readouterr().err


def test_an_unexpected_exception_gives_a_plain_message(capsys, monkeypatch, private_home):
    def broken(args):
        raise RuntimeError("boom in the list command")

    monkeypatch.setitem(cli.COMMANDS, "list", broken)
    code, out, err = run(capsys, "list")
    assert code == EXIT_PROBLEM
    assert out == ""
    assert "Something went wrong that Career Workbook did not expect (RuntimeError)" in err
    assert "boom" not in err
    log = private_home / "career-workbook-error.log"
    assert f"The technical details are in {log}." in err
    assert "boom in the list command" in log.read_text(encoding="utf-8")
    assert "Traceback" in log.read_text(encoding="utf-8")
    assert stat.S_IMODE(log.stat().st_mode) == 0o600


def test_a_workbook_error_is_printed_as_it_is(capsys, monkeypatch):
    def refuses(args):
        raise InvalidEdit("That name is taken.")

    monkeypatch.setitem(cli.COMMANDS, "list", refuses)
    assert run(capsys, "list") == (EXIT_PROBLEM, "", "That name is taken.\n")


@pytest.mark.parametrize(
    ("error", "expected"),
    [
        (PermissionError(13, "Permission denied", "/some/where.sqlite3"), "permission"),
        (OSError(28, "No space left on device", "/some/where.pdf"), "The disk is full"),
        (OSError("the disk went away"), "the disk went away"),
    ],
)
def test_a_file_error_is_explained_plainly(capsys, monkeypatch, error, expected):
    def fails(args):
        raise error

    monkeypatch.setitem(cli.COMMANDS, "check", fails)
    code, out, err = run(capsys, "check")
    assert code == EXIT_PROBLEM
    assert expected in err and "Traceback" not in err
    assert "None" not in err
    if error.filename:
        assert error.filename in err


def test_ctrl_c_exits_quietly(capsys, monkeypatch):
    def interrupted(args):
        raise KeyboardInterrupt

    monkeypatch.setitem(cli.COMMANDS, "list", interrupted)
    assert run(capsys, "list") == (130, "", "")


# ---- as a real process ------------------------------------------------------------------


def test_python_dash_m_workbook_lists_workbooks(path, tmp_path):
    make_file(path, "Alex", "Sam")
    result = subprocess.run(
        [sys.executable, "-m", "workbook", "--db", str(path), "list"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == ["Alex", "Sam"]
    assert result.stderr == ""


@pytest.mark.parametrize(
    "argv",
    [
        [],
        ["--exit-when-ready"],
        ["--db", "w.sqlite3"],
        ["--db=w.sqlite3", "--exit-when-ready"],
        ["--exit-when-ready", "--db", "a.sqlite3", "--db", "b.sqlite3"],
        ["--db", "name with spaces.sqlite3"],
    ],
)
def test_a_window_start_is_read_as_argparse_reads_it(argv):
    """The quick reading of a plain window start agrees with the full parser."""
    from ui.cli import build_parser, window_arguments

    quick, full = window_arguments(argv), build_parser().parse_args(argv)
    assert (quick.command, quick.db, quick.exit_when_ready) == (
        full.command,
        full.db,
        full.exit_when_ready,
    )


@pytest.mark.parametrize(
    "argv",
    [["list"], ["--help"], ["--exit"], ["--db"], ["--db", "--exit-when-ready"], ["--db="], ["-x"]],
)
def test_anything_else_goes_to_the_full_parser(argv):
    from ui.cli import window_arguments

    assert window_arguments(argv) is None
