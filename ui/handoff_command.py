"""`career-workbook handoff WORKBOOK --out DIR`: the hand-off from the command line.

Writes the workbook file and the person's PDF into DIR (a USB stick), reads both
back, and only then removes the workbook from the database, its backups, the file's
free space and log, and the error log (`exports.handoff.hand_off`). It is a write, so
it follows the one-writer rule of `ui.cli`: it waits a moment for another command and
refuses while a window has the file (the window's Workbook menu does it there). A
workbook locked with a PIN is refused by name: a command never unlocks one. Kept
apart from `ui/cli.py` so the command's words and options live with the hand-off; no Qt.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

HELP = (
    "write a workbook's file and its PDF to a folder (a USB stick), check both, "
    "then remove the workbook from this computer"
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--out",
        metavar="DIR",
        required=True,
        help="the folder for the two files (an existing file there is never replaced)",
    )
    parser.add_argument(
        "--include-private",
        action="store_true",
        help="also print journal entries marked private in the PDF "
        "(the workbook file always holds them)",
    )
    parser.add_argument(
        "--page-size",
        choices=("A4", "Letter"),
        default=None,
        help="paper size (default: Letter in the US and Canada, A4 elsewhere)",
    )
    parser.add_argument("workbook", metavar="WORKBOOK", help="the workbook's name (see 'list')")


def run(args: argparse.Namespace, session: Callable[..., object], page_size: str) -> bool:
    """Hand off; prints what was written and removed. Returns whether every copy was
    cleaned (if not, it says which); a problem writing the files is raised, with nothing
    removed."""
    from exports.handoff import hand_off
    from workbook.content import load_content
    from workbook.handoff import confirmation
    from workbook.locks import refuse_if_locked
    from workbook.queries import find_workbook

    content = load_content()
    with session(args, write=True) as opened:
        info = find_workbook(opened.db, args.workbook)
        # Whoever is at the laptop must not carry off a workbook locked with a PIN.
        refuse_if_locked(opened.db, info.id, args.workbook, opened.unlocked)
        written, report = hand_off(
            opened,
            info.id,
            Path(args.out).expanduser(),
            content,
            include_private=args.include_private,
            page_size=page_size,
        )
    print(confirmation(written, report))
    if not report.complete:
        print(
            f"Some copies of {info.name!r} could not be cleaned; they are named above.",
            file=sys.stderr,
        )
        return False
    return True
