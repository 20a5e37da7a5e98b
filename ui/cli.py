"""The `career-workbook` command: opens the window, or runs one task and exits.

Problems are printed on stderr in plain words with a non-zero exit status;
a traceback never reaches the person. Qt is imported only when the window
is opened, so `list` or `check` start in a fraction of a second.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from exports.readers import DEFAULT_READER, READERS, readers_help, sections_for
from exports.sections import sections_help
from ui import cli_workshop, qt_arguments
from ui.cli_common import (  # noqa: F401 - default_page_size is part of this module's face
    EXIT_OK,
    EXIT_PROBLEM,
    EXIT_USAGE,
    _database_exists,
    _open_workbook,
    _session,
    default_page_size,
)
from ui.cli_workshop import add_workshop_commands
from workbook import APP_NAME, __version__
from workbook.errors import WorkbookError, report_unexpected


def _db_option(parser: argparse.ArgumentParser, *, top: bool) -> None:
    # Accept --db before or after the command; the command's copy wins if both are given.
    parser.add_argument(
        "--db",
        metavar="PATH",
        default=None if top else argparse.SUPPRESS,
        help="the database file to use (default: one in your user data folder)",
    )


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="career-workbook",
        description=f"{APP_NAME}: reflect on your strengths, your edge and your plan. "
        "With no command, opens the window.",
        epilog=qt_arguments.HELP,
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    _db_option(parser, top=True)
    parser.add_argument(
        "--exit-when-ready",
        action="store_true",
        help="open the window with the most recent workbook, exit as soon as it is painted",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    def command(name: str, help_text: str) -> argparse.ArgumentParser:
        sub = commands.add_parser(name, help=help_text, description=help_text)
        _db_option(sub, top=False)
        return sub

    command("list", "print the name of each workbook, one per line")
    command("example", "add the example workbook to the database")
    command("backup", "make a backup of the database now, kept with the others")
    command("backups", "list the backups of the database, newest first")
    restore = command("restore", "replace the database with a backup (the current file is kept)")
    restore.add_argument("backup", metavar="BACKUP", help="a backup's file name or path")
    command("check", "check the database for damage; exits non-zero when it is damaged")
    command(
        "purge-backups",
        "remove from every backup the workbooks and entries no longer in the database",
    )
    add_workshop_commands(command)
    summary = command("summary", "print the analysis of a workbook: strengths, path fit, AI plan")
    summary.add_argument(
        "--json", action="store_true", help="print JSON (see docs/summary-format.md)"
    )
    summary.add_argument("workbook", metavar="WORKBOOK", help="the workbook's name (see 'list')")
    export = command(
        "export", "write a whole workbook to one file (JSON, see docs/workbook-file.md)"
    )
    export.add_argument(
        "--out", metavar="FILE", required=True, help="the file to write (replaced if it exists)"
    )
    export.add_argument("workbook", metavar="WORKBOOK", help="the workbook's name (see 'list')")
    pdf = command("export-pdf", "write the development plan as a PDF to share")
    pdf.add_argument("--out", metavar="FILE", required=True, help="the PDF to write")
    pdf.add_argument(
        "--for",
        dest="reader",
        choices=tuple(READERS),
        default=DEFAULT_READER,
        help=readers_help(),
    )
    pdf.add_argument(
        "--include-private",
        action="store_true",
        help="also print journal entries marked private (left out by default)",
    )
    pdf.add_argument(
        "--sections",
        metavar="LIST",
        default=None,
        help=sections_help(),
    )
    pdf.add_argument(
        "--page-size",
        choices=("A4", "Letter"),
        default=None,
        help="paper size (default: Letter in the US and Canada, A4 elsewhere)",
    )
    pdf.add_argument(
        "--language",
        choices=("auto", "zh", "ja", "ko"),
        default="auto",
        help="the font for Chinese characters: Chinese, Japanese or Korean"
        " (default: guessed from the workbook's text)",
    )
    pdf.add_argument(
        "--all",
        action="store_true",
        help="every workbook's PDF for the reader, into the folder --out names (locked "
        "workbooks are skipped and listed)",
    )
    pdf.add_argument(
        "workbook",
        metavar="WORKBOOK",
        nargs="?",
        help="the workbook's name (see 'list'); none with --all",
    )
    import_ = command(
        "import", "add a workbook from a workbook file; nothing is added if the file has problems"
    )
    import_.add_argument("file", metavar="FILE", help="a file written by 'export'")
    import_.add_argument(
        "--name",
        metavar="NAME",
        default=None,
        help="the new workbook's name (default: the one in the file; "
        "a number is added if the name is taken)",
    )
    from ui.handoff_command import HELP, add_arguments

    add_arguments(command("handoff", HELP))
    return parser


def cmd_list(args: argparse.Namespace) -> int:
    from workbook.locks import listed

    if not _database_exists(args):
        return EXIT_OK  # nothing saved yet: no workbooks, and no file created just to say so
    with _session(args, write=False) as session:
        # A locked workbook is listed as "Locked workbook N": its name may be a person's.
        for info in listed(session.db, session.unlocked):
            print(info.name)
    return EXIT_OK


def cmd_example(args: argparse.Namespace) -> int:
    from workbook.example import add_example
    from workbook.queries import get_workbook

    with _session(args, write=True) as session:
        name = get_workbook(session.db, add_example(session.db)).name
    print(f"Added the example workbook {name!r} to {session.path}.")
    return EXIT_OK


def cmd_backups(args: argparse.Namespace) -> int:
    from workbook.backups import list_backups
    from workbook.paths import resolve_db_path
    from workbook.session import real_path

    path = real_path(resolve_db_path(args.db))
    found = list_backups(path)
    if not found:
        print(f"There are no backups of {path} yet.", file=sys.stderr)
        return EXIT_OK
    for backup in found:
        print(f"{backup.path.name}\t{backup.label}")
    return EXIT_OK


def cmd_restore(args: argparse.Namespace) -> int:
    from workbook.backups import find_backup
    from workbook.paths import resolve_db_path
    from workbook.session import real_path, restore_backup

    path = real_path(resolve_db_path(args.db))
    backup = find_backup(path, args.backup)
    kept = restore_backup(path, backup)
    print(f"Restored {path} from {backup.name}.")
    if kept:
        print(f"The file as it was before is kept in {kept}.")
    return EXIT_OK


def cmd_backup(args: argparse.Namespace) -> int:
    from workbook.backups import make_backup
    from workbook.paths import resolve_db_path

    if not _database_exists(args):
        print(f"There is no database at {resolve_db_path(args.db)}.", file=sys.stderr)
        return EXIT_PROBLEM
    # Backups are written by whoever holds the file's writer lock: a window open on the
    # file makes its own (Workbook ▸ Back up now).
    with _session(args, write=True) as session:
        session.verify()  # a damaged file must never push a good backup out
        made = make_backup(session.db, session.path)
    print(f"Backed up to {made}.")
    return EXIT_OK


def cmd_purge_backups(args: argparse.Namespace) -> int:
    from workbook.backup_purge import purge_deleted_text
    from workbook.paths import resolve_db_path

    if not _database_exists(args):
        print(f"There is no database at {resolve_db_path(args.db)}.", file=sys.stderr)
        return EXIT_PROBLEM
    # It rewrites the backups, so it is a writer: it waits for a command, refuses while
    # a window has the file (the window's own menu item does it there), and checks the
    # whole file first: a damaged one could read as if everything were deleted.
    with _session(args, write=True) as session:
        report = purge_deleted_text(session.path, session.db.conn)
    for line in report.done():
        print(line)
    for line in report.problems():
        print(line, file=sys.stderr)
    return EXIT_OK if report.ok else EXIT_PROBLEM


def cmd_check(args: argparse.Namespace) -> int:
    from workbook.paths import resolve_db_path
    from workbook.session import check_file

    path = resolve_db_path(args.db)
    if not _database_exists(args):
        print(f"There is no database at {path}.", file=sys.stderr)
        return EXIT_PROBLEM
    version = check_file(path)
    print(f"{path}: no damage found (file format {version}).")
    return EXIT_OK


def cmd_summary(args: argparse.Namespace) -> int:
    import json

    from workbook.analysis.summary import summary, summary_text
    from workbook.content import load_content
    from workbook.data import load_workbook_data
    from workbook.paths import resolve_db_path

    if not _database_exists(args):
        print(f"There is no database at {resolve_db_path(args.db)} yet.", file=sys.stderr)
        return EXIT_PROBLEM
    content = load_content()
    with _session(args, write=False) as session:
        data = load_workbook_data(session.db, _open_workbook(session, args.workbook))
    result = summary(data, content)
    if args.json:
        print(json.dumps(result, ensure_ascii=False, indent=2))
    else:
        print(summary_text(result), end="")
    return EXIT_OK


def cmd_export(args: argparse.Namespace) -> int:
    from workbook.data import load_workbook_data
    from workbook.paths import resolve_db_path
    from workbook.workbook_file import write_file

    if not _database_exists(args):
        print(f"There is no database at {resolve_db_path(args.db)} yet.", file=sys.stderr)
        return EXIT_PROBLEM
    with _session(args, write=False) as session:
        data = load_workbook_data(session.db, _open_workbook(session, args.workbook))
    out = write_file(data, Path(args.out))
    print(f"Wrote the workbook {data.name!r} to {out}.")
    print(
        "The file holds everything in the workbook, private journal entries too; "
        "keep it somewhere only you and the people you choose can read it."
    )
    return EXIT_OK


def cmd_import(args: argparse.Namespace) -> int:
    from workbook.errors import WorkbookFileProblem
    from workbook.queries import get_workbook
    from workbook.workbook_file import import_document, read_file, validate

    # Checked before the database is opened, so a bad file creates nothing.
    document = read_file(args.file)
    problems = validate(document)
    if problems:
        raise WorkbookFileProblem(problems, args.file)
    with _session(args, write=True) as session:
        try:
            workbook_id = import_document(session.db, document, args.name)
        except WorkbookFileProblem as problem:
            raise problem.with_source(args.file) from None
        name = get_workbook(session.db, workbook_id).name
    print(f"Added the workbook {name!r} to {session.path}.")
    wanted = args.name if args.name is not None else document.get("name")
    if isinstance(wanted, str) and name != " ".join(wanted.split()):
        print(f"A workbook called {wanted!r} was there already, so this one is called {name!r}.")
    return EXIT_OK


def cmd_export_pdf(args: argparse.Namespace) -> int:
    from exports.pdf import export_pdf
    from workbook.content import load_content
    from workbook.data import load_workbook_data
    from workbook.paths import resolve_db_path

    if not _database_exists(args):
        print(f"There is no database at {resolve_db_path(args.db)} yet.", file=sys.stderr)
        return EXIT_PROBLEM
    if args.all or not args.workbook:
        return cli_workshop.export_every_pdf(args)
    named = [part.strip() for part in (args.sections or "").split(",") if part.strip()]
    try:
        sections = sections_for(args.reader, named)
    except ValueError as problem:
        print(str(problem), file=sys.stderr)
        return EXIT_USAGE
    content = load_content()
    with _session(args, write=False) as session:
        data = load_workbook_data(session.db, _open_workbook(session, args.workbook))
    try:
        path = export_pdf(
            data,
            content,
            Path(args.out).expanduser(),
            reader_id=args.reader,
            sections=sections,
            include_private=args.include_private,
            page_size=args.page_size or default_page_size(),
            language=args.language,
        )
    except ValueError as problem:
        print(str(problem), file=sys.stderr)
        return EXIT_USAGE
    print(f"Wrote the development plan of {data.name!r} to {path}.")
    print(READERS[args.reader].sentence)
    if not args.include_private:
        print("Private journal entries were left out (add --include-private to include them).")
    return EXIT_OK


def cmd_handoff(args: argparse.Namespace) -> int:
    from ui.handoff_command import run
    from workbook.paths import resolve_db_path

    if not _database_exists(args):
        print(f"There is no database at {resolve_db_path(args.db)} yet.", file=sys.stderr)
        return EXIT_PROBLEM
    page_size = args.page_size or default_page_size()
    return EXIT_OK if run(args, _session, page_size) else EXIT_PROBLEM


def cmd_window(args: argparse.Namespace) -> int:
    from ui.app import run_app

    return run_app(
        db=args.db, exit_when_ready=args.exit_when_ready, qt_arguments=getattr(args, "qt", [])
    )


COMMANDS: dict[str | None, Callable[[argparse.Namespace], int]] = {
    None: cmd_window,
    "list": cmd_list,
    "example": cmd_example,
    "backup": cmd_backup,
    "backups": cmd_backups,
    "restore": cmd_restore,
    "check": cmd_check,
    "purge-backups": cmd_purge_backups,
    "consent": cli_workshop.cmd_consent,
    "overview": cli_workshop.cmd_overview,
    "contribution": cli_workshop.cmd_contribution,
    "summary": cmd_summary,
    "export": cmd_export,
    "export-pdf": cmd_export_pdf,
    "import": cmd_import,
    "handoff": cmd_handoff,
}


def window_arguments(argv: Sequence[str]) -> argparse.Namespace | None:
    """The arguments of a plain window start (`--db PATH`, `--exit-when-ready`), read
    without argparse; anything else is None and goes to the full parser.

    argparse's first parse costs about 5 ms (it imports shutil to measure the terminal),
    all of it before the window can paint; a person double-clicking the app passes no
    arguments at all. Anything unusual (a command, --help, an abbreviation, a mistake)
    falls through to argparse, which reads it the same way or explains the mistake.
    """
    db, exit_when_ready, rest = None, False, list(argv)
    while rest:
        arg = rest.pop(0)
        if arg == "--exit-when-ready":
            exit_when_ready = True
        elif arg == "--db" and rest and not rest[0].startswith("-"):
            db = rest.pop(0)
        elif arg.startswith("--db=") and len(arg) > len("--db="):
            db = arg[len("--db=") :]
        else:
            return None
    return argparse.Namespace(command=None, db=db, exit_when_ready=exit_when_ready)


def plain_file_error(error: OSError) -> str:
    """An operating system's refusal to read or write a file, in plain words."""
    import errno

    where = f" {Path(error.filename)}" if error.filename else " a file"
    if error.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)):
        return f"The disk is full: Career Workbook could not write{where}. Free some space on it."
    if error.errno in (errno.EACCES, errno.EPERM):
        return f"You do not have permission to use{where}."
    reason = error.strerror or error  # strerror is None when no errno was given
    return f"Career Workbook could not read or write{where}: {reason}."


def main(argv: Sequence[str] | None = None) -> int:
    given = sys.argv[1:] if argv is None else argv
    qt, given = qt_arguments.split(given, [name for name in COMMANDS if name])
    args = window_arguments(given) or build_parser().parse_args(given)
    if qt and args.command is not None:
        print(f"Qt's options ({' '.join(qt)}) apply only to the window.", file=sys.stderr)
        return EXIT_USAGE
    args.qt = qt
    try:
        return COMMANDS[args.command](args)
    except WorkbookError as problem:
        print(problem.message, file=sys.stderr)
        return EXIT_PROBLEM
    except KeyboardInterrupt:
        return 130
    except OSError as error:
        print(plain_file_error(error), file=sys.stderr)
        return EXIT_PROBLEM
    except Exception as error:  # noqa: BLE001 - the last guard before a traceback
        sqlite3 = sys.modules.get("sqlite3")  # not imported for its own sake: start-up counts
        if sqlite3 is not None and isinstance(error, sqlite3.Error):
            print(refused_write(args, error), file=sys.stderr)
        else:
            print(report_unexpected(error), file=sys.stderr)
        return EXIT_PROBLEM


def refused_write(args: argparse.Namespace, error: Exception) -> str:
    """A write the database refused half-way (a disk that filled up at the commit). The
    transaction was rolled back, so the file is as it was before the command."""
    from workbook.errors import not_saved
    from workbook.paths import resolve_db_path

    where = resolve_db_path(getattr(args, "db", None))
    return (
        f"Career Workbook could not write to {where}: {not_saved(error).reason} "
        "This command changed nothing in it."
    )
