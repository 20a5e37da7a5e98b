"""What every command of `career-workbook` shares: the exit codes, finding the file,
opening it the one way (`Session.open`), finding a workbook by name while refusing a
locked one, and the default paper size. Apart from `ui.cli` so that the workshop
commands (`ui.cli_workshop`) can use it without importing the module that imports them.
"""

from __future__ import annotations

import argparse

EXIT_OK, EXIT_PROBLEM, EXIT_USAGE = 0, 1, 2


def _database_exists(args: argparse.Namespace) -> bool:
    """Whether the database file is there, its links followed (a loop is refused)."""
    from workbook.errors import storage_problem
    from workbook.paths import resolve_db_path
    from workbook.session import real_path

    path = real_path(resolve_db_path(args.db))
    try:
        return path.exists()
    except OSError as error:  # a folder on the way that this user may not enter
        raise storage_problem(path, error) from None


def _session(args: argparse.Namespace, *, write: bool):  # noqa: ANN202 - a Session
    """Open the database as every command does: through `Session.open`, the one way.

    A command that writes takes the writer lock (waiting a few seconds for another
    command, refusing at once when a window holds the file); one that only reads
    takes no lock and never migrates, backs up or changes the file.
    """
    from workbook.paths import resolve_db_path
    from workbook.session import Access, Session

    return Session.open(resolve_db_path(args.db), Access.COMMAND if write else Access.READ)


def _open_workbook(session, name: str) -> int:  # noqa: ANN001 - a Session
    """The id of the workbook called `name`; `workbook.locks.Locked`, naming it, when it
    is locked with a PIN: a command never unlocks a workbook."""
    from workbook.locks import refuse_if_locked
    from workbook.queries import find_workbook

    info = find_workbook(session.db, name)
    refuse_if_locked(session.db, info.id, name, session.unlocked)
    return info.id


def default_page_size() -> str:
    """Letter where the locale's country uses it, A4 everywhere else (no Qt needed)."""
    import locale

    try:
        name = locale.getlocale(
            locale.LC_PAPER if hasattr(locale, "LC_PAPER") else locale.LC_CTYPE
        )[0]
    except (ValueError, TypeError):
        name = None
    country = (name or "").split("_")[-1].split(".")[0].upper()
    return "Letter" if country in {"US", "CA", "MX", "PH", "CL", "CO", "VE"} else "A4"
