"""``make bench``: build the demo databases once, run every benchmark, print one table.

Every figure is the app against its floor, measured in the same run, alternating, with the
median of several repetitions: the machines are shared and noisy, so only ratios mean much.
The figures also go to ``bench/results.json``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import functools
import importlib.util
import json
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from bench import common
from bench.common import Row, median, ms, p95, secs

BIG = 100_000
SMALL = 10_000
SEED = 1
#: ``--size`` choices: clients, and years of retention (None: the demo's default, three years).
SIZES = {"100k": (100_000, None), "100k-10y": (100_000, 10), "500k": (500_000, 10)}
#: The growth rows of a size compare it with the size of the same shape below it: the same
#: generator, ten years with most files closed, a fifth of the clients (check, export and the
#: demo build measured on both files in the same run; the other rows against that size's run).
GROWTH_BASE = {"500k": "100k-10y"}
#: The size of this run, for the row labels, and its number of clients.
LABEL = "100k"
CLIENTS = BIG


def database(clients: int, years: int | None = None) -> Path:
    """The demo database of this size in bench/data, built on first use (about a minute per
    100,000 clients); the build's wall time is kept next to it for the growth rows."""
    suffix = "" if years is None else f"-{years}y"
    path = common.DATA / f"demo-{clients // 1000}k{suffix}.db"
    if path.exists():
        return path
    common.DATA.mkdir(parents=True, exist_ok=True)
    building = path.with_name(path.name + ".building")
    for leftover in building.parent.glob(building.name + "*"):
        leftover.unlink()  # an earlier build that was interrupted
    print(f"Building {path.relative_to(common.ROOT)} ({clients:,} clients, once)…", flush=True)
    command = [str(common.TREDE), "demo", "--db", str(building), "--clients", str(clients)]
    if years is not None:
        command += ["--years", str(years)]
    cpu = children_cpu()
    started = time.perf_counter()
    subprocess.run([*command, "--seed", str(SEED)], check=True, cwd=common.ROOT)
    seconds = time.perf_counter() - started
    build_time(path).write_text(json.dumps({"seconds": seconds, "cpu_s": children_cpu() - cpu}))
    building.rename(path)
    return path


def children_cpu() -> float:
    """CPU seconds (user and system) of the subprocesses that have ended so far: on shared
    cores a figure that depends less on what else runs than the wall time."""
    import resource

    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    return used.ru_utime + used.ru_stime


def size_path(label: str) -> Path:
    """The demo database of a ``--size``, built on first use."""
    return database(*SIZES[label])


def _with_earlier_rows(path: Path, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The rows of a run of some benchmarks (``--only``) added to the earlier file's others,
    which each keep the date they were measured on (a run of one group replaced them all)."""
    try:
        earlier = json.loads(path.read_text(encoding="utf-8")).get("rows", [])
    except (OSError, ValueError):
        earlier = []
    measured = {row["what"] for row in rows}
    kept = [row for row in earlier if row.get("what") not in measured]
    return kept + rows


def results_path(label: str) -> Path:
    """Where a run of this size writes its figures."""
    return common.RESULTS if label == "100k" else common.RESULTS.with_name(f"results-{label}.json")


def build_time(path: Path) -> Path:
    """Where the wall time of building a demo database is kept."""
    return path.with_name(path.name + ".build.json")


def alternate(
    repeat: int, app: Callable[[], common.Timed], floor: Callable[[], common.Timed]
) -> tuple[list[common.Timed], list[common.Timed]]:
    """One untimed run of each (caches, settling the file), then app and floor alternating,
    the one that goes first changing every repetition."""
    apps, floors = rotate(repeat, app, floor)
    return apps, floors


def rotate(repeat: int, *runs: Callable[[], common.Timed]) -> list[list[common.Timed]]:
    """Like ``alternate`` for any number of runs: one untimed run of each, then every run once
    per repetition, the order turning by one place each time."""
    for run in runs:
        run()
    results: list[list[common.Timed]] = [[] for _run in runs]
    for rep in range(repeat):
        for place in range(len(runs)):
            index = (place + rep) % len(runs)
            results[index].append(runs[index]())
    return results


def first_page_statements(big: Path, work: Path) -> Path:
    """The SQL the caseload runs for its first page when the window opens (active clients by
    name), captured with SQLite's trace callback; the rows' query comes last."""
    import sqlite3

    from sqlite_utils import Database

    from caseload import caseload_query, caseload_window
    from ui.caseload import id_windows, table_model

    connection = sqlite3.connect(big)
    statements: list[str] = []
    connection.set_trace_callback(statements.append)
    db = Database(connection)
    flt = caseload_query.CaseloadFilter(status="active")
    first = caseload_window.first(db, flt, caseload_query.Sort(), id_windows.WINDOW)
    caseload_query.total(db)
    caseload_query.rows(db, first.ids[: table_model.PAGE_SIZE])
    connection.close()
    path = work / "first-page.json"
    path.write_text(json.dumps(statements), encoding="utf-8")
    return path


def probe(kind: str, env: dict[str, str], *extra: str) -> Callable[[], common.Timed]:
    """A window probe as a subprocess (bench/window_probe.py)."""
    command = [common.PYTHON, "-m", "bench.window_probe", kind, *extra]
    return lambda: common.run_timed(command, env)


def busiest_klantmanager(big: Path) -> str:
    """The klantmanager with the most clients: the user the start-up plays, so Vandaag opens
    with lines of their own, as it does for a real user."""
    import sqlite3

    connection = sqlite3.connect(big)
    try:
        row = connection.execute(
            "SELECT klantmanager FROM clients GROUP BY klantmanager ORDER BY count(*) DESC LIMIT 1"
        ).fetchone()
    finally:
        connection.close()
    return str(row[0]) if row else "Bench"


def worklist_statements(big: Path, work: Path, user: str) -> Path:
    """The SQL Vandaag runs when the window opens on it (whether there is a caseload, then the
    user's worklist), captured with SQLite's trace callback."""
    import sqlite3

    from sqlite_utils import Database

    from app import settings as settings_module
    from caseload import people, worklist

    connection = sqlite3.connect(big)
    statements: list[str] = []
    connection.set_trace_callback(statements.append)
    db = Database(connection)
    people.has_clients(db)
    worklist.load(db, worklist.Scope(user, settings_module.Settings().contact_threshold_days))
    connection.close()
    path = work / "worklist.json"
    path.write_text(json.dumps(statements), encoding="utf-8")
    return path


def start_up(big: Path, env: dict[str, str], repeat: int) -> list[Row]:
    """``trede --db big.db`` until the first paint of the page it opens on, then quit, twice:
    opening on Vandaag (the default for a user whose file has clients; the user is the
    klantmanager with the most clients) and opening on the caseload. Against three floors in
    the same rotation: a bare QMainWindow (for the frame: the first paint of any widget of the
    main window), a bare window that opens the same file, runs Vandaag's SQL and paints its
    rows in a QTreeView over Qt's C++ QStandardItemModel (for Vandaag), and one that runs the
    caseload's first-page SQL and paints it in a QTableView over the same model (for the
    caseload). A last row gives the whole process to quit (closing includes Trede's automatic
    backup, only when data changed since the newest one, so not in this run)."""
    work = Path(tempfile.mkdtemp(prefix="trede-bench-startup-"))
    user = busiest_klantmanager(big)
    config = work / "config"
    shutil.copytree(env["TREDE_CONFIG_DIR"], config)
    settings_file = config / "settings.json"
    settings = json.loads(settings_file.read_text(encoding="utf-8"))
    settings_file.write_text(json.dumps(settings | {"user_name": user}), encoding="utf-8")
    env = env | {"TREDE_CONFIG_DIR": str(config)}
    statements = first_page_statements(big, work)
    worklist_sql = worklist_statements(big, work, user)
    vandaags, caseloads, bares, trees, tables = rotate(
        repeat,
        probe("app", env, "--db", str(big)),
        probe("app", env, "--db", str(big), "--start", "caseload"),
        probe("bare", env),
        probe("tree", env, "--db", str(big), "--sql", str(worklist_sql)),
        probe("table", env, "--db", str(big), "--sql", str(statements)),
    )
    vandaag_inside = [common.last_json(t.stdout) for t in vandaags]
    caseload_inside = [common.last_json(t.stdout) for t in caseloads]
    bare_inside = [common.last_json(t.stdout) for t in bares]
    tree_inside = [common.last_json(t.stdout) for t in trees]
    table_inside = [common.last_json(t.stdout) for t in tables]
    for runs, page in ((vandaag_inside, "WorklistPage"), (caseload_inside, "CaseloadPage")):
        opened_on = {i["shown_page"] for i in runs}
        if opened_on != {page}:
            raise RuntimeError(f"the window opened on {opened_on}, not on {page}")
    frame = median([i["frame_paint_s"] for i in vandaag_inside])
    bare_frame = median([i["first_paint_s"] for i in bare_inside])
    vandaag = median([i["first_paint_s"] for i in vandaag_inside])
    tree_painted = median([i["first_paint_s"] for i in tree_inside])
    painted = median([i["first_paint_s"] for i in caseload_inside])
    table_painted = median([i["first_paint_s"] for i in table_inside])
    app, floor = median([t.seconds for t in vandaags]), median([t.seconds for t in bares])
    closing_s = median([i["total_in_process_s"] - i["first_paint_s"] for i in vandaag_inside])
    figures = {
        "app_s": [t.seconds for t in vandaags],
        "floor_s": [t.seconds for t in bares],
        "app_frame_paint_s": [i["frame_paint_s"] for i in vandaag_inside],
        "app_caseload_frame_paint_s": [i["frame_paint_s"] for i in caseload_inside],
        "bare_first_paint_s": [i["first_paint_s"] for i in bare_inside],
        "app_vandaag_first_paint_s": [i["first_paint_s"] for i in vandaag_inside],
        "tree_first_paint_s": [i["first_paint_s"] for i in tree_inside],
        "app_first_paint_s": [i["first_paint_s"] for i in caseload_inside],
        "table_first_paint_s": [i["first_paint_s"] for i in table_inside],
        "app_first_paint_to_main_return_s": closing_s,
        "rows_in_model": caseload_inside[0]["rows_painted_model"],
        "klantmanager": user,
        "key": "startup",
        "value": painted,
    }
    shutil.rmtree(work, ignore_errors=True)
    return [
        Row(
            f"window frame painted, {LABEL} (process start → first paint)",
            secs(frame),
            secs(bare_frame),
            f"{frame / bare_frame:.2f}×",
            "≤ 1.5× bare window",
            frame / bare_frame <= 1.5,
            {},
        ),
        Row(
            f"Vandaag painted, {LABEL} (process start → first lines painted)",
            secs(vandaag),
            secs(tree_painted),
            f"{vandaag / tree_painted:.2f}×",
            "≤ 2× bare tree",
            vandaag / tree_painted <= 2,
            {},
        ),
        Row(
            f"caseload painted, {LABEL} (opening on it: process start → first rows painted)",
            secs(painted),
            secs(table_painted),
            f"{painted / table_painted:.2f}×",
            "≤ 2× bare table",
            painted / table_painted <= 2,
            figures,
        ),
        Row(
            f"start-up, {LABEL} (Vandaag painted, window closed, process ended)",
            secs(app),
            secs(floor),
            f"{app / floor:.2f}×",
            "(diagnostic)",
            None,
            {},
        ),
    ]


def frozen_start_up(big: Path, env: dict[str, str], repeat: int) -> Row:
    """The frozen program of ``make dist`` against the same program from the venv: both
    ``trede --db big.db --close-after-start`` (window painted with the 100k caseload, closed),
    wall time of the whole process."""
    what = "start-up of the frozen program (dist/trede) vs the same from .venv"
    if not common.FROZEN.exists():
        return Row(what, "—", "—", "—", "run make dist first", None, {})
    arguments = ["--db", str(big), "--close-after-start"]
    frozen_env = {key: value for key, value in env.items() if not key.startswith("PYTHON")}
    frozen, venv = alternate(
        repeat,
        lambda: common.run_timed([str(common.FROZEN), *arguments], frozen_env),
        lambda: common.run_timed([str(common.TREDE), *arguments], env),
    )
    app, floor = median([t.seconds for t in frozen]), median([t.seconds for t in venv])
    return Row(
        what,
        secs(app),
        secs(floor),
        f"{app / floor:.2f}×",
        "≤ 1.2×",
        app / floor <= 1.2,
        {"frozen_s": [t.seconds for t in frozen], "venv_s": [t.seconds for t in venv]},
    )


def caseload(big: Path, env: dict[str, str], repeat: int) -> tuple[Row, Row, dict]:
    """Rows 2 and 3: search as you type; sort and filter changes (bench/caseload_probe.py)."""
    command = [common.PYTHON, "-m", "bench.caseload_probe", "--db", str(big)]
    result = common.last_json(common.run_timed([*command, "--repeat", str(repeat)], env).stdout)

    def summary(cases: dict[str, dict[str, list[float]]]) -> dict:
        apps = [s for case in cases.values() for s in case["app"]]
        floors = [s for case in cases.values() for s in case["floor"]]
        per_case = {
            name: {
                "app_ms": median(case["app"]) * 1000,
                "floor_ms": median(case["floor"]) * 1000,
                "ratio": median(case["app"]) / median(case["floor"]),
                "app_p95_ms": p95(case["app"]) * 1000,
            }
            for name, case in cases.items()
        }
        ratios = [case["ratio"] for case in per_case.values()]
        return {
            "app": median(apps),
            "floor": median(floors),
            "app_p95": p95(apps),
            "floor_p95": p95(floors),
            "ratio": median(ratios),  # the median case
            "worst_ratio": max(ratios),
            "worst_case": max(per_case, key=lambda name: per_case[name]["ratio"]),
            "cases": per_case,
            "samples": cases,
        }

    # A target holds when it holds for every case: the user meets the slowest one too.
    search = summary(result["search"])
    changes = summary(result["sort_filter"])
    search.update(key="search", value=search["app"])
    changes.update(key="sort_filter", value=changes["app"])
    # p95 under 30 ms at 100,000 clients, under 50 ms at 500,000.
    limit = 0.030 if CLIENTS <= BIG else 0.050
    target = f"worst ≤ 1.5×, p95 < {limit * 1000:.0f} ms"
    search_row = Row(
        f"search as you type, {LABEL} (one more character, first page painted)",
        f"{ms(search['app'])} (p95 {ms(search['app_p95'])})",
        f"{ms(search['floor'])} (p95 {ms(search['floor_p95'])})",
        f"{search['ratio']:.2f}× (worst {search['worst_ratio']:.1f}×)",
        target,
        search["worst_ratio"] <= 1.5 and search["app_p95"] < limit,
        search,
    )
    changes_row = Row(
        f"sort / filter change, {LABEL} (model reset + first page painted)",
        f"{ms(changes['app'])} (p95 {ms(changes['app_p95'])})",
        f"{ms(changes['floor'])} (p95 {ms(changes['floor_p95'])})",
        f"{changes['ratio']:.2f}× (worst {changes['worst_ratio']:.1f}×)",
        target,
        changes["worst_ratio"] <= 1.5 and changes["app_p95"] < limit,
        changes,
    )
    detail = {"unpainted": result["unpainted"], "repaint": result.get("repaint")}
    return search_row, changes_row, detail


def worklist(big: Path, env: dict[str, str], repeat: int) -> list[Row]:
    """Opening Vandaag (read and painted) against the same queries plus Qt's C++ model painting
    the same lines (bench/worklist_probe.py): for mijn caseload, what a klantmanager opens, with
    the caseload's first-paint target; for all 100,000 clients (a team lead's view), as a
    diagnostic."""
    command = [common.PYTHON, "-m", "bench.worklist_probe", "--db", str(big)]
    result = common.last_json(common.run_timed([*command, "--repeat", str(repeat)], env).stdout)
    rows = []
    for name, what, target in (
        ("mijn caseload", "worklist Vandaag opened (mijn caseload, read + painted)", True),
        ("alle klanten", "  the same for all clients (diagnostic)", False),
    ):
        case = result["samples"][name]
        app, floor = median(case["app"]), median(case["floor"])
        rows.append(
            Row(
                what,
                f"{ms(app)} (p95 {ms(p95(case['app']))})",
                f"{ms(floor)} (p95 {ms(p95(case['floor']))})",
                f"{app / floor:.2f}×",
                "≤ 2×, p95 < 50 ms" if target else "(diagnostic)",
                (app / floor <= 2 and p95(case["app"]) < 0.050) if target else None,
                {**case, "counts": result["counts"][name], "plans": result["plans"][name]},
            )
        )
    return rows


def pdf_pages(path: Path) -> int:
    """Pages of a PDF (pypdf comes with the test tools that make bench installs)."""
    import pypdf

    return len(pypdf.PdfReader(str(path)).pages)


def report_period(today: dt.date) -> tuple[str, str]:
    """The last full year before today, in ISO dates."""
    end = today - dt.timedelta(days=1)
    start = end.replace(year=end.year - 1) + dt.timedelta(days=1)
    return start.isoformat(), end.isoformat()


def inclusion_report(
    db: Path, env: dict[str, str], repeat: int, work: Path, command_landed: bool
) -> tuple[float, float, dict]:
    """``trede report inclusion`` for one year vs its SQL replayed plus reportlab writing the
    same number of pages; medians in seconds and the details."""
    start, end = report_period(dt.date.today())
    out = work / f"{db.stem}-report.pdf"
    words = ["report", "inclusion"] if command_landed else ["bench.report_app"]
    arguments = [*words, "--db", str(db), "--from", start, "--to", end]
    statements = work / f"{db.stem}-statements.json"
    capture = [common.PYTHON, "-m", "bench.capture_sql", str(statements), "--", *arguments]
    common.run_timed([*capture, "--out", str(out)], env)
    pages = pdf_pages(out)
    floor_out = work / f"{db.stem}-floor.pdf"
    floor_command = [common.PYTHON, "-m", "bench.report_floor", "--db", str(db)]
    floor_command += ["--sql", str(statements), "--pages", str(pages), "--out", str(floor_out)]
    if command_landed:
        app_command = [str(common.TREDE), *arguments, "--out", str(out)]
    else:
        app_command = [common.PYTHON, "-m", *arguments, "--out", str(out)]
    apps, floors = alternate(
        repeat,
        lambda: common.run_timed(app_command, env),
        lambda: common.run_timed(floor_command, env),
    )
    app, floor = median([t.seconds for t in apps]), median([t.seconds for t in floors])
    return (
        app,
        floor,
        {
            "period": [start, end],
            "pages": pages,
            "statements": len(json.loads(statements.read_text(encoding="utf-8"))),
            "key": "report",
            "value": app,
            "app_s": [t.seconds for t in apps],
            "floor_s": [t.seconds for t in floors],
        },
    )


def reports(big: Path, env: dict[str, str], repeat: int, command_landed: bool) -> tuple[Row, Row]:
    """Rows 4 and 7: the inclusion report at 100k, and its growth from 10k to 100k.

    Until ``trede report inclusion`` is wired up, the report function is timed through the
    stand-in ``bench/report_app.py`` (same work, same process start) and the row says so.
    """
    what, growth_what = (
        f"inclusion report, {LABEL}, one year",
        f"growth: inclusion report 10k → {LABEL}",
    )
    writer_landed = importlib.util.find_spec("caseload.inclusion_report") is not None
    if not command_landed and writer_landed:
        what += " (*)"
        growth_what += " (*)"
    if not command_landed and not writer_landed:
        why = "not available yet (trede report inclusion)"
        return Row.missing(what, "≤ 1.5×", why), Row.missing(growth_what, "≤ 10×", why)
    small = database(SMALL)
    work = Path(tempfile.mkdtemp(prefix="trede-bench-report-"))
    app, floor, figures = inclusion_report(big, env, repeat, work, command_landed)
    report_row = Row(
        what,
        f"{secs(app)} ({figures['pages']} p.)",
        secs(floor),
        f"{app / floor:.2f}×",
        "≤ 1.5×",
        app / floor <= 1.5,
        figures,
    )
    small_app, small_floor, small_figures = inclusion_report(
        small, env, repeat, work, command_landed
    )
    growth = app / small_app
    growth_row = Row(
        growth_what,
        f"{secs(small_app)} → {secs(app)}",
        f"{secs(small_floor)} → {secs(floor)}",
        f"{growth:.2f}×",
        "≤ 10×",
        growth <= 10,
        {
            "small": small_figures,
            "big_s": app,
            "small_s": small_app,
            "floor_growth": floor / small_floor,
        },
    )
    return report_row, growth_row


def empty_database(work: Path) -> Path:
    """An empty Trede database (every migration applied), to copy for each import."""
    path = work / "empty.db"
    code = (
        "import sys; from pathlib import Path; from app import database; "
        "database.close(database.open_database(Path(sys.argv[1])))"
    )
    subprocess.run([common.PYTHON, "-c", code, str(path)], check=True, cwd=common.ROOT)
    return path


def import_csv(big: Path, env: dict[str, str], repeat: int, available: bool) -> Row:
    """Row 5: ``trede import clients`` of 100k rows into an empty database vs csv + insert_all."""
    what = "import, 100k rows CSV"
    if not available:
        return Row.missing(what, "≤ 2×", "not available yet (issue 6)")
    from bench import import_floor

    csv_file = common.DATA / "clients-100k.csv"
    if not csv_file.exists():
        import_floor.write_csv(big, csv_file)
    work = Path(tempfile.mkdtemp(prefix="trede-bench-import-"))
    empty = empty_database(work)

    def fresh(name: str) -> Path:
        target = work / name
        for old in work.glob(name + "*"):
            old.unlink()
        shutil.copyfile(empty, target)
        return target

    def app() -> common.Timed:
        target = fresh("app.db")
        return common.run_timed(
            [str(common.TREDE), "import", "clients", "--db", str(target), str(csv_file)], env
        )

    def floor() -> common.Timed:
        target = fresh("floor.db")
        command = [common.PYTHON, "-m", "bench.import_floor", "--db", str(target)]
        return common.run_timed([*command, "--csv", str(csv_file)], env)

    apps, floors = alternate(repeat, app, floor)
    app_s, floor_s = median([t.seconds for t in apps]), median([t.seconds for t in floors])
    shutil.rmtree(work, ignore_errors=True)
    return Row(
        what,
        secs(app_s),
        secs(floor_s),
        f"{app_s / floor_s:.2f}×",
        "≤ 2×",
        app_s / floor_s <= 2,
        {"app_s": [t.seconds for t in apps], "floor_s": [t.seconds for t in floors]},
    )


def memory(big: Path, env: dict[str, str], repeat: int) -> Row:
    """Row 6: peak RSS with every one of the 100k clients shown and scrolled through."""
    apps, floors = alternate(
        repeat, probe("app", env, "--db", str(big), "--scroll"), probe("bare", env)
    )
    inside = [common.last_json(t.stdout) for t in apps]
    app = median([i["peak_rss_mb"] for i in inside])
    floor = median([common.last_json(t.stdout)["peak_rss_mb"] for t in floors])
    return Row(
        f"memory: peak RSS, {LABEL} caseload open and scrolled through",
        f"{app:.0f} MB",
        f"{floor:.0f} MB",
        f"{app / floor:.2f}×",
        "≤ 250 MB" if CLIENTS <= BIG else "≤ 300 MB",
        app <= (250 if CLIENTS <= BIG else 300),
        {
            "key": "memory",
            "value": app,
            "scroll_seconds": median([i["scroll_seconds"] for i in inside]),
            "app_mb": [i["peak_rss_mb"] for i in inside],
            "floor_mb": [common.last_json(t.stdout)["peak_rss_mb"] for t in floors],
            "rows_scrolled": inside[0]["rows"],
            "scroll_steps": inside[0]["steps"],
            "scroll_step_mean_ms": median([i["step_mean_ms"] for i in inside]),
            "scroll_step_max_ms": max(i["step_max_ms"] for i in inside),
        },
    )


def batch_sizes(
    repeat: int, env: dict[str, str], commands: dict[str, tuple[list[str], list[str]]]
) -> dict[str, dict[str, Any]]:
    """App and floor command per size, all in one rotation, so that the sizes share the
    machine's load; per size the median app and floor seconds (wall and CPU) and the samples."""
    order = [(label, kind) for label in commands for kind in (0, 1)]
    cpu: dict[tuple[str, int], list[float]] = {key: [] for key in order}

    def run(key: tuple[str, int]) -> common.Timed:
        before = children_cpu()
        timed = common.run_timed(commands[key[0]][key[1]], env)
        cpu[key].append(children_cpu() - before)
        return timed

    results = rotate(repeat, *(functools.partial(run, key) for key in order))
    found: dict[str, dict[str, Any]] = {}
    for label in commands:
        apps = [t.seconds for t in results[order.index((label, 0))]]
        floors = [t.seconds for t in results[order.index((label, 1))]]
        app_cpu, floor_cpu = cpu[(label, 0)][1:], cpu[(label, 1)][1:]  # not the untimed run
        found[label] = {
            "app": median(apps),
            "floor": median(floors),
            "cpu": median(app_cpu),
            "floor_cpu": median(floor_cpu),
            "app_s": apps,
            "floor_s": floors,
            "app_cpu_s": app_cpu,
            "floor_cpu_s": floor_cpu,
        }
    return found


def demo_builds(repeat: int, env: dict[str, str], labels: list[str]) -> dict[str, dict[str, Any]]:
    """``trede demo`` of each size into a scratch folder, timed (wall and CPU), the sizes
    taking turns; per size the median seconds and the samples."""
    work = Path(tempfile.mkdtemp(prefix="trede-bench-demo-", dir=common.DATA))
    samples: dict[str, dict[str, list[float]]] = {label: {"s": [], "cpu": []} for label in labels}
    try:
        for rep in range(repeat):
            for place in range(len(labels)):
                label = labels[(place + rep) % len(labels)]
                clients, years = SIZES[label]
                target = work / f"{label}.db"
                command = [str(common.TREDE), "demo", "--db", str(target)]
                command += ["--clients", str(clients), "--seed", str(SEED)]
                if years is not None:
                    command += ["--years", str(years)]
                cpu = children_cpu()
                timed = common.run_timed(command, env)
                samples[label]["s"].append(timed.seconds)
                samples[label]["cpu"].append(children_cpu() - cpu)
                for made in work.glob(target.name + "*"):
                    made.unlink()
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return {
        label: {
            "app": median(found["s"]),
            "cpu": median(found["cpu"]),
            "app_s": found["s"],
            "cpu_s": found["cpu"],
        }
        for label, found in samples.items()
    }


def batch_commands(
    big: Path, env: dict[str, str], repeat: int, base: Path | None = None
) -> list[Row]:
    """``trede check`` and ``trede export clients`` against plain sqlite3 doing the same
    (bench/batch_floor.py), and the demo build's wall time.

    With ``base`` (the file of the same shape a size below, ``GROWTH_BASE``) both files are
    measured in the same rotation, and both demos are built again and timed in this run: the
    growth rows then compare like with like under the same load. Without it the demo build's
    time is the one kept when ``make bench`` built the file.
    """
    work = Path(tempfile.mkdtemp(prefix="trede-bench-batch-"))
    files = {LABEL: big}
    if base is not None:
        files[GROWTH_BASE[LABEL]] = base
    floor = [common.PYTHON, "-m", "bench.batch_floor"]
    checks = batch_sizes(
        repeat,
        env,
        {
            label: (
                [str(common.TREDE), "check", "--db", str(path)],
                [*floor, "check", "--db", str(path)],
            )
            for label, path in files.items()
        },
    )
    exports = batch_sizes(
        repeat,
        env,
        {
            label: (
                [str(common.TREDE), "export", "clients", "--db", str(path)]
                + ["--out", str(work / f"{label}.xlsx")],
                [*floor, "export", "--db", str(path), "--out", str(work / f"{label}-floor.xlsx")],
            )
            for label, path in files.items()
        },
    )
    shutil.rmtree(work, ignore_errors=True)
    rows = []
    for key, found, what in (
        ("check", checks, "check, {} (quick_check, foreign keys, audit chain)"),
        ("export", exports, "export clients, {} (Excel, every client)"),
    ):
        for label in files:
            figures = found[label]
            app, floor_s = figures["app"], figures["floor"]
            if label == LABEL:
                figures = {**figures, "key": key, "value": app}
                if base is not None:
                    figures["base_value"] = found[GROWTH_BASE[LABEL]]["app"]
                    figures["base_cpu"] = found[GROWTH_BASE[LABEL]]["cpu"]
            rows.append(
                Row(
                    what.format(label if label == LABEL else f"{label} (same run)"),
                    secs(app),
                    secs(floor_s),
                    f"{app / floor_s:.2f}×",
                    "(grows ≤ 5×)",
                    None,
                    figures,
                )
            )
    limit = 300 if CLIENTS > BIG else None
    target = "≤ 5 min" if limit else "(grows ≤ 5×)"
    if base is not None:
        base_label = GROWTH_BASE[LABEL]
        # Two builds of each at least: a single wall time on shared cores is too noisy.
        built = demo_builds(max(2, repeat // 3), env, [base_label, LABEL])
        for label in (LABEL, base_label):
            figures = built[label]
            seconds = figures["app"]
            mine = label == LABEL
            if mine:
                figures = {**figures, "key": "demo", "value": seconds}
                figures["base_value"] = built[base_label]["app"]
                figures["base_cpu"] = built[base_label]["cpu"]
            rows.append(
                Row(
                    f"demo build, {label if mine else label + ' (same run)'} (trede demo, "
                    f"CPU {built[label]['cpu']:.0f} s)",
                    secs(seconds),
                    "—",
                    "—",
                    target if mine else "(grows ≤ 5×)",
                    (seconds <= limit if limit else None) if mine else None,
                    figures,
                )
            )
        return rows
    built_file = build_time(big)
    if built_file.exists():
        seconds = json.loads(built_file.read_text())["seconds"]
        rows.append(
            Row(
                f"demo build, {LABEL} (trede demo, once)",
                secs(seconds),
                "—",
                "—",
                target,
                seconds <= limit if limit else None,
                {"key": "demo", "value": seconds},
            )
        )
    return rows


def growth(rows: list[Row], base_label: str) -> list[Row]:
    """Per operation, its time at this size divided by its time at ``base_label`` (the same
    shape, a fifth of the clients): measured in this run where the row says so (check, export,
    demo build), else taken from that size's last run (``--size base_label``)."""
    base = results_path(base_label)
    earlier: dict[str, float] = {}
    if base.exists():
        earlier = {
            row["figures"].get("key"): row["figures"].get("value")
            for row in json.loads(base.read_text(encoding="utf-8"))["rows"]
            if isinstance(row.get("figures"), dict)
        }
    grown, missing = [], []
    for row in rows:
        key, value = row.figures.get("key"), row.figures.get("value")
        if key is None or value is None:
            continue
        same_run = row.figures.get("base_value")
        before = same_run if same_run else earlier.get(key)
        if not before:
            missing.append(key)
            continue
        ratio = value / before
        unit = " MB" if key == "memory" else " s"
        where = " (same run)" if same_run else ""
        if row.figures.get("base_cpu"):
            where = f" (same run; CPU {row.figures['cpu'] / row.figures['base_cpu']:.2f}×)"
        grown.append(
            Row(
                f"growth {base_label} → {LABEL}: {key}{where}",
                f"{before:.3g}{unit} → {value:.3g}{unit}",
                "—",
                f"{ratio:.2f}×",
                "≤ 5×",
                ratio <= 5,
                {"from": before, "to": value},
            )
        )
    if missing:
        why = f"run --size {base_label} first"
        grown.append(
            Row.missing(f"growth {base_label} → {LABEL}: {', '.join(missing)}", "≤ 5×", why)
        )
    return grown


def main() -> int:
    """Run everything, print the table, write results.json."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=7, help="repetitions (default 7)")
    parser.add_argument("--detail", action="store_true", help="also every case of rows 2 and 3")
    parser.add_argument(
        "--only",
        help="comma-separated: startup,frozen,caseload,worklist,report,import,memory,batch",
    )
    parser.add_argument(
        "--size",
        choices=sorted(SIZES),
        default="100k",
        help="the caseload: 100k (default), 500k (ten years, mostly closed; adds growth rows "
        "against 100k-10y) or 100k-10y (the same shape at 100,000 clients)",
    )
    options = parser.parse_args()
    global LABEL, CLIENTS
    LABEL = options.size
    everything = "startup,frozen,caseload,worklist,report,import,memory,batch"
    wanted = set((options.only or everything).split(","))
    if LABEL != "100k":
        wanted.discard("import")  # the import row is about a 100k-line file
        wanted.discard("frozen")
    CLIENTS = SIZES[LABEL][0]
    big = size_path(LABEL)
    base_label = GROWTH_BASE.get(LABEL)
    env = common.environment(common.settings_folder())
    rows: list[Row] = []
    detail: dict = {}
    report_available = common.command_exists(["report", "inclusion"], env)
    import_available = common.command_exists(["import", "clients"], env)
    if "startup" in wanted:
        print("start-up…", flush=True)
        rows += start_up(big, env, options.repeat)
    if "frozen" in wanted:
        print("start-up of the frozen program…", flush=True)
        rows.append(frozen_start_up(big, env, options.repeat))
    if "caseload" in wanted:
        print("search, sort and filter…", flush=True)
        search_row, changes_row, detail = caseload(big, env, options.repeat)
        rows += [search_row, changes_row]
    if "worklist" in wanted:
        rows += worklist(big, env, options.repeat)
    if "report" in wanted:
        print("inclusion report…", flush=True)
        report_row, growth_row = reports(big, env, max(3, options.repeat - 2), report_available)
        rows.append(report_row)
    if "import" in wanted:
        print("import…", flush=True)
        rows.append(import_csv(big, env, max(3, options.repeat - 2), import_available))
    if "memory" in wanted:
        print("memory…", flush=True)
        rows.append(memory(big, env, 3))
    if "batch" in wanted:
        print("check, export…", flush=True)
        base = size_path(base_label) if base_label else None
        rows += batch_commands(big, env, max(3, options.repeat - 4), base)
    if "report" in wanted and LABEL == "100k":
        # 10k (three years) → 100k: the report's own growth row. Larger files grow from the
        # file of their own shape a fifth of their size (the growth rows below).
        rows.append(growth_row)
    if base_label:
        rows += growth(rows, base_label)
    # Trede writes an automatic backup (a full copy) next to the database on every close of the
    # window; the benchmark's own runs need none of them.
    shutil.rmtree(common.DATA / "backups", ignore_errors=True)
    print()
    print(common.table(rows))
    if any(row.what.endswith("(*)") for row in rows):
        print(
            "(*) trede report inclusion is not wired up yet: timed through bench/report_app.py, "
            "which calls caseload.inclusion_report.write_inclusion_report as the command will."
        )
    repaint = detail.get("repaint")
    if repaint:
        print(
            f"Painting the {repaint['rows_visible']} visible caseload rows alone (rows in memory): "
            f"{repaint['app_model_ms']:.1f} ms with the caseload model, "
            f"{repaint['qt_model_ms']:.1f} ms with Qt's C++ QStandardItemModel of the same texts"
            + (
                f" ({repaint['qt_model_window_style_ms']:.1f} ms with its cells drawn through "
                "Trede's style, as a table draws them unless told otherwise)."
                if "qt_model_window_style_ms" in repaint
                else "."
            )
        )
    if options.detail:
        print()
        for row in rows:
            for name, case in row.figures.get("cases", {}).items():
                print(
                    f"  {name:36} app {case['app_ms']:7.1f} ms (p95 {case['app_p95_ms']:6.1f})"
                    f"  floor {case['floor_ms']:7.1f} ms  {case['ratio']:5.2f}×"
                )
    results: dict[str, Any] = {
        "date": dt.date.today().isoformat(),
        "machine": {"python": platform.python_version(), "platform": platform.platform()},
        "repeat": options.repeat,
        "rows": [
            {
                "date": dt.date.today().isoformat(),
                "what": row.what,
                "app": row.app,
                "floor": row.floor,
                "ratio": row.ratio,
                "target": row.target,
                "ok": row.ok,
                "figures": row.figures,
            }
            for row in rows
        ],
        "caseload_probe": detail,
    }
    written = results_path(LABEL)
    if options.only:
        results["rows"] = _with_earlier_rows(written, results["rows"])
    written.write_text(json.dumps(results, indent=1, ensure_ascii=False), encoding="utf-8")
    print(f"\nFigures written to {written.relative_to(common.ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
