"""Everyone's PDF at once, for a coach at the end of a workshop.

Each workbook the caller may read is read in this process (one connection, one
thread) into a `WorkbookData` and laid out in a pool of processes, one per core, so
twenty PDFs take about as long as twenty divided by the cores. The pool is started
with "spawn", never "fork": a fork after the QApplication exists copies a GUI in an
unknown state, and the bundle's entry point calls `freeze_support` so a frozen
program can start its workers. Locked workbooks are skipped and named by their
neutral label. File names are safe on every system and never overwrite each other.
"""

from __future__ import annotations

import multiprocessing
import os
import re
from collections.abc import Callable, Collection
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from exports.readers import READERS, reader
from workbook.data import WorkbookData, load_workbook_data

#: progress(fraction, message); raise from it to cancel what has not started.
Progress = Callable[[float, str], None]
_UNSAFE = re.compile(r'[\x00-\x1f\x7f/\\:*?"<>|]+')


@dataclass
class BatchReport:
    written: list[Path] = field(default_factory=list)
    skipped_locked: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)  # "name: why", in plain words


def file_name(data: WorkbookData, reader_id: str, today: date, taken: set[str]) -> str:
    """ "Development plan - Nadia Haddad - for my manager - 2026-12-03.pdf", made unique
    among `taken` (case-insensitively, as on macOS and Windows) with " (2)", " (3)"."""
    person = data.profile.person_name.strip() or data.name
    person = " ".join(_UNSAFE.sub(" ", person).split()).strip(" .")[:80] or "Workbook"
    label = READERS[reader_id].label.lower()
    stem = f"Development plan - {person} - for {label} - {today.isoformat()}"
    name, n = f"{stem}.pdf", 1
    while name.casefold() in taken:
        n += 1
        name = f"{stem} ({n}).pdf"
    taken.add(name.casefold())
    return name


def _render_one(data: WorkbookData, out: str, reader_id: str, today: date, size: str) -> str:
    """In a worker process: load the content once per process and write one PDF."""
    from exports.pdf import export_pdf
    from workbook.content import load_content

    path = export_pdf(
        data, load_content(), Path(out), reader_id=reader_id, today=today, page_size=size
    )
    return str(path)


def workers_for(count: int) -> int:
    return max(1, min(count, os.cpu_count() or 1))


@dataclass
class BatchPlan:
    """What a batch will write, read from the database on the caller's thread: each job's
    name, its data and its file, and the locked workbooks left out."""

    reader_id: str
    today: date
    jobs: list[tuple[str, WorkbookData, Path]] = field(default_factory=list)
    skipped_locked: list[str] = field(default_factory=list)


def plan_batch(
    db: Any,
    out_dir: Path,
    *,
    reader_id: str | None = None,
    locked: Collection[int] = (),
    today: date | None = None,
) -> BatchPlan:
    """Read every workbook the caller may read; name each PDF in `out_dir`."""
    from workbook.locks import label as locked_label

    plan = BatchPlan(reader(reader_id).id, today or date.today())
    taken = {p.name.casefold() for p in out_dir.iterdir()} if out_dir.is_dir() else set()
    for workbook_id, name in db.execute("SELECT id, name FROM workbooks ORDER BY id"):
        if workbook_id in locked:
            plan.skipped_locked.append(locked_label(workbook_id))
            continue
        data = load_workbook_data(db, workbook_id)
        plan.jobs.append((name, data, out_dir / file_name(data, plan.reader_id, plan.today, taken)))
    return plan


def run_batch(
    plan: BatchPlan,
    *,
    progress: Progress | None = None,
    workers: int | None = None,
    page_size: str = "A4",
) -> BatchReport:
    """Lay the planned PDFs out in a pool of spawned processes (no database needed: this
    may run on a worker thread). Raising from `progress` stops what has not started; the
    PDFs already written stay, each whole."""
    report = BatchReport(skipped_locked=list(plan.skipped_locked))
    if not plan.jobs:
        return report
    plan.jobs[0][2].parent.mkdir(parents=True, exist_ok=True)
    total = len(plan.jobs)
    if progress:
        progress(0.0, f"Laying out {total} PDFs")
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=workers or workers_for(total), mp_context=context) as pool:
        pending: dict[Future, str] = {
            pool.submit(_render_one, data, str(path), plan.reader_id, plan.today, page_size): name
            for name, data, path in plan.jobs
        }
        try:
            while pending:
                finished, _ = wait(pending, return_when=FIRST_COMPLETED)
                for future in finished:
                    name = pending.pop(future)
                    try:
                        report.written.append(Path(future.result()))
                    except Exception as problem:  # noqa: BLE001 - one workbook's, said plainly
                        report.failed.append(f"{name}: {problem}")
                    if progress:
                        done = total - len(pending)
                        progress(done / total, f"{done} of {total} PDFs written")
        except BaseException:
            for future in pending:
                future.cancel()
            raise
    return report


def export_all(
    db: Any,
    out_dir: Path,
    *,
    reader_id: str | None = None,
    locked: Collection[int] = (),
    progress: Progress | None = None,
    today: date | None = None,
    workers: int | None = None,
    page_size: str = "A4",
) -> BatchReport:
    """Write every readable workbook's PDF for `reader_id` into `out_dir`."""
    plan = plan_batch(db, out_dir, reader_id=reader_id, locked=locked, today=today)
    return run_batch(plan, progress=progress, workers=workers, page_size=page_size)
