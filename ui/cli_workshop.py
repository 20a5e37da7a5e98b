"""The command line's workshop commands: consent, the group overview, contribution files
and everyone's PDF at once. Kept apart from `ui.cli` so that module stays readable;
like it, nothing heavy is imported until a command runs.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

from exports.readers import READERS
from ui.cli_common import (
    EXIT_OK,
    EXIT_PROBLEM,
    EXIT_USAGE,
    _database_exists,
    _open_workbook,
    _session,
    default_page_size,
)


def add_workshop_commands(command: Callable[[str, str], argparse.ArgumentParser]) -> None:
    """Add `consent`, `overview` and `contribution` to the parser's commands."""
    consent = command(
        "consent",
        "count a workbook's closed answers in the coach's anonymous group overview, or stop",
    )
    consent.add_argument("workbook", metavar="WORKBOOK", help="the workbook's name (see 'list')")
    consent.add_argument("answer", choices=("yes", "no"), help="yes to be counted, no to stop")
    overview = command(
        "overview",
        "print the anonymous group overview of the workbooks that consented "
        "(nothing below 5 of them)",
    )
    overview.add_argument("--json", action="store_true", help="print JSON")
    overview.add_argument(
        "--add",
        metavar="FILE",
        nargs="+",
        default=None,
        help="first add contribution files from participants' own laptops (each once)",
    )
    contribution = command(
        "contribution",
        "write a workbook's closed answers to a contribution file for a coach's overview "
        "(no name, no text; the workbook must have said yes with 'consent')",
    )
    contribution.add_argument("--out", metavar="FILE", required=True, help="the file to write")
    contribution.add_argument(
        "workbook", metavar="WORKBOOK", help="the workbook's name (see 'list')"
    )


def cmd_consent(args: argparse.Namespace) -> int:
    from workbook.group_overview import set_consent

    with _session(args, write=True) as session:
        workbook_id = _open_workbook(session, args.workbook)
        changed = set_consent(session.db, workbook_id, args.answer == "yes")
    if args.answer == "yes":
        print(
            f"{args.workbook!r} is counted in the group overview: closed answers only, never "
            "its name or anything typed in it." + ("" if changed else " (It already was.)")
        )
    else:
        print(f"{args.workbook!r} is no longer counted in the group overview.")
    return EXIT_OK


def cmd_overview(args: argparse.Namespace) -> int:
    import json

    from workbook.content import load_content
    from workbook.contribution import ContributionProblem, read_contribution, store
    from workbook.group_overview import overview, overview_json, overview_text, too_few
    from workbook.locks import locked_ids
    from workbook.paths import resolve_db_path

    if not _database_exists(args) and not args.add:
        print(f"There is no database at {resolve_db_path(args.db)} yet.", file=sys.stderr)
        return EXIT_PROBLEM
    content = load_content()
    refused = 0
    with _session(args, write=bool(args.add)) as session:
        for name in args.add or ():
            try:
                added = store(session.db, read_contribution(Path(name), content))
            except ContributionProblem as problem:
                print(f"{name}: {problem}", file=sys.stderr)
                refused += 1
                continue
            print(f"{name}: " + ("added." if added else "already counted, so counted once."))
        found = overview(session.db, content, skip=locked_ids(session.db, session.unlocked))
    if args.json:
        print(json.dumps(overview_json(found), ensure_ascii=False, indent=2))
    elif found.enough:
        print(overview_text(found))
    if not found.enough:
        print(too_few(found), file=sys.stderr)
        return EXIT_PROBLEM
    return EXIT_PROBLEM if refused else EXIT_OK


def cmd_contribution(args: argparse.Namespace) -> int:
    from workbook.content import load_content
    from workbook.contribution import contribution_of, write_contribution
    from workbook.data import load_workbook_data
    from workbook.group_overview import consenting_ids

    content = load_content()
    with _session(args, write=False) as session:
        workbook_id = _open_workbook(session, args.workbook)
        if workbook_id not in consenting_ids(session.db):
            print(
                f"{args.workbook!r} has not said yes to being counted. Run "
                f"'career-workbook consent \"{args.workbook}\" yes' first.",
                file=sys.stderr,
            )
            return EXIT_PROBLEM
        data = load_workbook_data(session.db, workbook_id)
    path = write_contribution(contribution_of(data, content), Path(args.out).expanduser())
    print(f"Wrote the closed answers of {args.workbook!r} to {path}: no name, no text.")
    return EXIT_OK


def export_every_pdf(args: argparse.Namespace) -> int:
    from exports.batch import export_all
    from workbook.locks import locked_ids

    if not args.all:
        print("Name a workbook, or add --all for every workbook's PDF.", file=sys.stderr)
        return EXIT_USAGE
    if args.workbook or args.sections or args.include_private:
        print(
            "--all makes each reader's usual version of every workbook: leave out the "
            "workbook's name, --sections and --include-private.",
            file=sys.stderr,
        )
        return EXIT_USAGE
    with _session(args, write=False) as session:
        report = export_all(
            session.db,
            Path(args.out).expanduser(),
            reader_id=args.reader,
            locked=locked_ids(session.db, session.unlocked),
            page_size=args.page_size or default_page_size(),
            progress=lambda share, said: print(said, file=sys.stderr),
        )
    for path in report.written:
        print(path)
    if report.skipped_locked:
        print("Skipped, locked with a PIN: " + ", ".join(report.skipped_locked), file=sys.stderr)
    for problem in report.failed:
        print(f"Not written: {problem}", file=sys.stderr)
    print(f"{len(report.written)} PDFs written for {READERS[args.reader].label.lower()}.")
    return EXIT_PROBLEM if report.failed else EXIT_OK
