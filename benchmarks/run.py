"""Run every benchmark beside its baseline, alternately, and print one table (and JSON).

    make bench                      # or: python -m benchmarks.run
    python -m benchmarks.run --quick --only search,import_export --json out.json

Each metric runs the app and its floor alternately (`--runs`, default 5; `--quick` does
2 on smaller data) and reports the ratio of the medians, or an absolute value where the
floor is "one frame". Whole-process timings run with QT_QPA_PLATFORM=offscreen and a
private CAREER_WORKBOOK_HOME. See docs/performance.md for the targets and findings.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path

from benchmarks import generate

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
APP = [PYTHON, "-c", "import sys; from ui.cli import main; sys.exit(main())"]
BARE = [PYTHON, str(ROOT / "benchmarks" / "bare_window.py")]


@dataclass
class Result:
    metric: str
    kind: str  # "ratio", "ms" or "MiB more"
    median: float | None
    low: float | None
    high: float | None
    target: float
    passed: bool | None
    app: list[float]
    baseline: list[float]
    note: str = ""


def _env(home: Path) -> dict[str, str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "CAREER_WORKBOOK_HOME": str(home)}
    # Measure the app as it is installed: with its bytecode cached (pip and PyInstaller
    # compile it). Without this, a shell that sets PYTHONDONTWRITEBYTECODE (as this
    # machine's does) makes every start compile the app's own modules again.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


@dataclass
class Run:
    """One child process: seconds from start to each line it printed, to exit, and its peak."""

    marks: dict[str, float]
    total: float
    peak_mib: float


def run_process(command: list[str], env: dict[str, str]) -> Run:
    """Run a child, noting when each line of its output arrives (`painted`, `ready`)."""
    start = time.perf_counter()
    child = subprocess.Popen(
        command, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL
    )
    marks: dict[str, float] = {}
    for line in child.stdout:
        marks.setdefault(line.decode().strip(), time.perf_counter() - start)
    _, status, usage = os.wait4(child.pid, 0)
    elapsed = time.perf_counter() - start
    child.stdout.close()
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode != 0:
        raise RuntimeError(f"{command} exited with {child.returncode}")
    return Run(marks, elapsed, usage.ru_maxrss / 1024)


def alternate(runs: int, app: Callable[[], float], baseline: Callable[[], float]) -> tuple:
    a, b = [], []
    for _ in range(runs):
        a.append(app())
        b.append(baseline())
    return a, b


def ratio_result(metric: str, a: list[float], b: list[float], target: float, note: str = ""):
    ratios = [x / statistics.median(b) for x in a]
    median = statistics.median(a) / statistics.median(b)
    return Result(
        metric, "ratio", median, min(ratios), max(ratios), target, median <= target, a, b, note
    )


def absolute_result(metric: str, kind: str, values: list[float], target: float, note: str = ""):
    median = statistics.median(values)
    return Result(
        metric, kind, median, min(values), max(values), target, median < target, values, [], note
    )


class Bench:
    def __init__(self, runs: int, quick: bool, work: Path) -> None:
        self.runs, self.quick, self.work = runs, quick, work
        self.example = self._copy(generate.example_db(), "example.sqlite3")
        self.coach_size = 20 if quick else 200
        self.coach = self._copy(generate.coach_db(self.coach_size), "coach.sqlite3")
        self.home = work / "home"

    def _copy(self, source: Path, name: str) -> Path:
        target = self.work / name
        shutil.copyfile(source, target)
        return target

    # ---- whole processes ------------------------------------------------------------

    def _start(self, db: Path) -> tuple[list[Run], list[Run]]:
        env = _env(self.home)
        app = [*APP, "--db", str(db), "--exit-when-ready"]
        run_process(app, env)  # once to warm the file cache and make the day's backup
        run_process(BARE, env)
        return alternate(self.runs, lambda: run_process(app, env), lambda: run_process(BARE, env))

    def start(self) -> list[Result]:
        app, bare = self._start(self.example)
        floor = [run.marks["painted"] for run in bare]
        mem_a = [run.peak_mib for run in app]
        mem_b = [run.peak_mib for run in bare]
        more = [x - statistics.median(mem_b) for x in mem_a]
        whole = statistics.median(r.total for r in app) / statistics.median(r.total for r in bare)
        return [
            ratio_result(
                "first_paint",
                [run.marks["painted"] for run in app],
                floor,
                1.2,
                "the window's frame on screen; the bare window's first paint beside it",
            ),
            ratio_result(
                "ready_for_typing",
                [run.marks["ready"] for run in app],
                floor,
                1.8,
                f"the example workbook shown; whole processes (to exit): {whole:.2f}x",
            ),
            Result(
                "peak_memory",
                "MiB more",
                statistics.median(mem_a) - statistics.median(mem_b),
                min(more),
                max(more),
                40,
                statistics.median(more) <= 40,
                mem_a,
                mem_b,
            ),
        ]

    def open_coach(self) -> list[Result]:
        env = _env(self.home)
        coach = [*APP, "--db", str(self.coach), "--exit-when-ready"]
        example = [*APP, "--db", str(self.example), "--exit-when-ready"]
        run_process(coach, env)
        a, b = alternate(
            self.runs,
            lambda: run_process(coach, env).marks["ready"],
            lambda: run_process(example, env).marks["ready"],
        )
        note = f"{self.coach_size} workbooks, to the first workbook shown"
        return [ratio_result("open_coach_db", a, b, 1.5, note)]

    def _probe(self, *args: str) -> dict:
        out = subprocess.run(
            [PYTHON, "-m", "benchmarks.gui_probe", *args],
            cwd=ROOT,
            env=_env(self.work / "probe-home"),
            capture_output=True,
            text=True,
            check=True,
        )
        return json.loads(out.stdout.strip().splitlines()[-1])

    def typing(self) -> list[Result]:
        chars = "400" if self.quick else "2000"
        values = []
        for n in range(self.runs):
            db = self._copy(self.example, f"typing-{n}.sqlite3")
            values.append(self._probe("typing", "--db", str(db), "--chars", chars)["p99_ms"])
        note = f"p99 of the gaps between 1 ms timer ticks, {chars} characters"
        return [absolute_result("typing_pause_p99", "ms", values, 16, note)]

    def switch(self) -> list[Result]:
        values = []
        for n in range(self.runs):
            db = self._copy(self.coach, f"switch-{n}.sqlite3")
            values.append(self._probe("switch", "--db", str(db))["median_ms"])
        note = f"load_workbook + its event-loop pass, strengths step, {self.coach_size} workbooks"
        return [absolute_result("switch_participant", "ms", values, 16, note)]

    def clicks(self) -> list[Result]:
        count = "20" if self.quick else "60"
        rating, preference = [], []
        for n in range(self.runs):
            db = self._copy(self.example, f"clicks-{n}.sqlite3")
            out = self._probe("clicks", "--db", str(db), "--clicks", count)
            rating.append(out["rating_p90_ms"])
            preference.append(out["preference_p90_ms"])
        note = f"p90 over {count} clicks of the longest stall until saved, scored and painted"
        return [
            absolute_result("rating_click_p90", "ms", rating, 16, note),
            absolute_result("preference_click_p90", "ms", preference, 16, note),
        ]

    def memory(self) -> list[Result]:
        """One long run (about 12 minutes for 20,000 actions; `--quick` does 3,000): the
        growth of resident memory from the 1,000th action to the last, whatever `--runs` says."""
        actions = "3000" if self.quick else "20000"
        db = self._copy(self.coach, "memory.sqlite3")
        out = self._probe("memory", "--db", str(db), "--actions", actions)
        stored = out["stored"]
        lost = stored["lost"] or stored["integrity"] != "ok" or out["warnings"]
        note = (
            f"{actions} random actions: {out['rss_after_1000_mib']:.0f} MiB after 1,000, "
            f"{out['rss_end_mib']:.0f} at the end; {out['dead_wrappers']} wrappers of deleted "
            f"Qt objects held; {stored['checked']} typed fields checked"
        )
        if lost:
            note += f"; NOT STORED: {stored['lost'] or stored['integrity']} {out['warnings']}"
        result = absolute_result("memory", "MiB more", [out["growth_mib"]], 30, note)
        result.passed = result.passed and not lost
        return [result]

    # ---- in process -------------------------------------------------------------------

    def _data(self, db_path: Path, workbook_id: int | None = None):  # noqa: ANN202
        from workbook.data import load_workbook_data
        from workbook.queries import most_recent_workbook
        from workbook.storage import open_database

        db = open_database(db_path)
        data = load_workbook_data(db, workbook_id or most_recent_workbook(db).id)
        db.close()
        return data

    def pdf(self) -> list[Result]:
        from exports.pdf import SECTION_IDS, render
        from workbook.content import load_content
        from workbook.storage import open_database
        from workbook.workbook_file import import_document

        content = load_content()
        example = self._data(self.example)
        heavy_db = open_database(self.work / "heavy.sqlite3")
        heavy_id = import_document(heavy_db, json.loads(generate.heavy_file().read_text()))
        heavy_db.close()
        heavy = self._data(self.work / "heavy.sqlite3", heavy_id)

        def export(data) -> tuple[float, int]:  # noqa: ANN001
            start = time.perf_counter()
            report = render(
                data,
                content,
                io.BytesIO(),
                sections=SECTION_IDS,
                include_private=True,
                invariant=True,
            )
            return time.perf_counter() - start, report.pages

        _, pages = export(example)  # warms fonts and caches
        bare_doc(pages)
        a, b = alternate(self.runs, lambda: export(example)[0], lambda: bare_doc(pages))
        _, heavy_pages = export(heavy)
        h, e = alternate(
            self.runs, lambda: export(heavy)[0] / heavy_pages, lambda: export(example)[0] / pages
        )
        return [
            ratio_result("pdf_export", a, b, 2.0, f"{pages} pages, every section"),
            ratio_result(
                "heavy_pdf_per_page", h, e, 1.5, f"{heavy_pages} pages vs {pages}, per page"
            ),
        ]

    def batch(self) -> list[Result]:
        """Twenty participants' PDFs at once (the process pool) against twenty single
        exports one after another, the sum of what a coach would otherwise wait."""
        from exports.batch import export_all
        from exports.pdf import export_pdf
        from workbook.content import load_content
        from workbook.data import load_workbook_data
        from workbook.door import duplicate_workbook
        from workbook.example import add_example
        from workbook.storage import open_database

        content = load_content()
        room = open_database(self.work / "room.sqlite3")
        first = add_example(room)
        for _ in range(19):
            duplicate_workbook(room, first)
        ids = [row[0] for row in room.execute("SELECT id FROM workbooks ORDER BY id")]

        def together() -> float:
            out = Path(tempfile.mkdtemp(dir=self.work))
            start = time.perf_counter()
            report = export_all(room, out, reader_id="manager")
            assert len(report.written) == len(ids)
            return time.perf_counter() - start

        def one_by_one() -> float:
            out = Path(tempfile.mkdtemp(dir=self.work))
            start = time.perf_counter()
            for workbook_id in ids:
                data = load_workbook_data(room, workbook_id)
                export_pdf(data, content, out / f"{workbook_id}.pdf", reader_id="manager")
            return time.perf_counter() - start

        one_by_one()  # warms fonts and caches in this process
        runs = max(1, self.runs // 2)
        a, b = alternate(runs, together, one_by_one)
        room.close()
        cores = os.cpu_count() or 1
        return [
            ratio_result(
                "batch_export_20",
                a,
                b,
                1.0,
                f"20 PDFs in a pool of {min(20, cores)} against 20 single exports in a row",
            )
        ]

    def search(self) -> list[Result]:
        from workbook.search import SEARCH_SQL, match_expression, search
        from workbook.storage import open_database

        db = open_database(self.coach)
        raw = sqlite3.connect(self.coach)
        expression = match_expression(generate.SEARCH_WORD)
        hits = len(search(db, generate.SEARCH_WORD))

        def timed(call: Callable[[], object]) -> float:
            start = time.perf_counter()
            for _ in range(20):
                call()
            return (time.perf_counter() - start) / 20

        a, b = alternate(
            self.runs,
            lambda: timed(lambda: search(db, generate.SEARCH_WORD)),
            lambda: timed(lambda: raw.execute(SEARCH_SQL, [expression, 500]).fetchall()),
        )
        db.close()
        raw.close()
        return [ratio_result("search", a, b, 2.0, f"{hits} hits in {self.coach_size} workbooks")]

    def import_export(self) -> list[Result]:
        from workbook.data import load_workbook_data
        from workbook.storage import open_database
        from workbook.workbook_file import import_file, write_file

        source = generate.heavy_file()
        out = self.work / "heavy-out.json"

        def app() -> float:
            elapsed = 0.0
            for _ in range(IMPORT_REPEATS):
                db = open_database(self.work / f"import-{time.monotonic_ns()}.sqlite3")
                start = time.perf_counter()
                wid = import_file(db, source)
                write_file(load_workbook_data(db, wid), out)
                elapsed += time.perf_counter() - start
                db.close()
            return elapsed / IMPORT_REPEATS

        def baseline() -> float:
            start = time.perf_counter()
            for _ in range(IMPORT_REPEATS):
                with open(source, encoding="utf-8") as handle:
                    document = json.load(handle)
                with open(out, "w", encoding="utf-8") as handle:
                    json.dump(document, handle, ensure_ascii=False, indent=2)
            return (time.perf_counter() - start) / IMPORT_REPEATS

        app()  # the first import in a process loads the content and warms SQLite
        a, b = alternate(self.runs, app, baseline)
        note = f"heavy workbook file, each run the mean of {IMPORT_REPEATS}"
        return [ratio_result("import_export", a, b, 3.0, note)]


#: A run of import_export takes about 10 ms, so one alone is mostly scheduling noise.
IMPORT_REPEATS = 5


def bare_doc(pages: int) -> float:
    """A bare reportlab document of `pages` pages of paragraphs and one chart; seconds."""
    from reportlab.graphics.charts.barcharts import VerticalBarChart
    from reportlab.graphics.shapes import Drawing
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate

    start = time.perf_counter()
    style = getSampleStyleSheet()["BodyText"]
    story = []
    chart = VerticalBarChart()
    chart.data = [[3, 5, 2, 4, 1]]
    drawing = Drawing(400, 200)
    drawing.add(chart)
    story.append(drawing)
    text = " ".join(generate.WORDS) * 2
    for page in range(pages):
        story += [Paragraph(f"{text} {n}", style) for n in range(12)]
        if page < pages - 1:
            story.append(PageBreak())
    SimpleDocTemplate(io.BytesIO(), invariant=1).build(story)
    return time.perf_counter() - start


METRICS = {
    "start": "start",  # first_paint, ready_for_typing, peak_memory
    "typing": "typing",
    "pdf": "pdf",  # pdf_export, heavy_pdf_per_page
    "batch": "batch",  # batch_export_20: everyone's PDF against 20 single exports
    "switch": "switch",
    "clicks": "clicks",  # rating_click_p90, preference_click_p90
    "memory": "memory",  # RSS growth over a long random-use run
    "search": "search",
    "open_coach": "open_coach",
    "import_export": "import_export",
}


def fmt(value: float | None, kind: str) -> str:
    if value is None:
        return "-"
    return f"{value:.2f}x" if kind == "ratio" else f"{value:.1f}"


def table(results: list[Result]) -> str:
    rows = [("metric", "median", "min-max", "target", "result")]
    for r in results:
        unit = "" if r.kind == "ratio" else f" {r.kind}"
        target = f"<= {r.target}x" if r.kind == "ratio" else f"< {r.target}{unit}"
        if r.kind == "MiB more":
            target = f"<= +{r.target} MiB"
        rows.append(
            (
                r.metric,
                fmt(r.median, r.kind) + unit,
                f"{fmt(r.low, r.kind)}-{fmt(r.high, r.kind)}",
                target,
                {True: "pass", False: "MISS", None: "-"}[r.passed],
            )
        )
    widths = [max(len(row[i]) for row in rows) for i in range(5)]
    lines = ["  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)) for row in rows]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=None, help="runs per metric (default 5)")
    parser.add_argument("--quick", action="store_true", help="2 runs on smaller data")
    parser.add_argument("--only", default="", help=f"comma-separated: {', '.join(METRICS)}")
    parser.add_argument("--json", default=str(ROOT / "benchmarks" / "results.json"))
    args = parser.parse_args(argv)
    runs = args.runs or (2 if args.quick else 5)
    chosen = [m.strip() for m in args.only.split(",") if m.strip()] or list(METRICS)
    unknown = sorted(set(chosen) - set(METRICS))
    if unknown:
        parser.error(f"unknown metrics: {', '.join(unknown)}")
    results: list[Result] = []
    with tempfile.TemporaryDirectory(prefix="cw-bench-") as work:
        bench = Bench(runs, args.quick, Path(work))
        for name in chosen:
            print(f"running {name}…", file=sys.stderr, flush=True)
            results += getattr(bench, METRICS[name])()
    print(table(results))
    Path(args.json).write_text(
        json.dumps(
            {"runs": runs, "quick": args.quick, "results": [asdict(r) for r in results]}, indent=2
        )
        + "\n",
        encoding="utf-8",
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
