"""Start a window, notice its first paint, optionally scroll the caseload through, and quit.

``python -m bench.window_probe app --db PATH [--start caseload] [--scroll]`` starts Trede
exactly as the ``trede`` command does (``app.main.main``), with an event filter on the item
views of Vandaag and the caseload that waits for the first paint of the page it opens on
(Vandaag with lines, or the caseload table with rows), and one on the frame's window that
notes its first paint on the way (see ``FirstPaint``: never a filter on the application).
With ``--start caseload`` the window opens on the caseload instead of Vandaag (as it does for a
file without clients; here ``MainWindow.start_page`` is told so once the window's code is
loaded, which costs nothing).
``python -m bench.window_probe bare`` is the floor of the frame: a bare ``QMainWindow`` of the
same size, shown until its first paint. ``python -m bench.window_probe table --db PATH --sql
FILE`` is the floor of the caseload's first paint: a bare window that opens the same file with
``sqlite3``, runs the statements the caseload runs for its first page (captured by
``bench/run.py``), and paints the rows' texts in a ``QTableView`` over Qt's C++
``QStandardItemModel``. ``python -m bench.window_probe tree --db PATH --sql FILE`` is the floor
of Vandaag's first paint, the same way: the statements Vandaag runs when the window opens on it,
each query's rows under a heading in a ``QTreeView`` over a ``QStandardItemModel``, expanded.
All close their window from the event loop and print one JSON line (peak RSS, times inside the
process).
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import time
from typing import TYPE_CHECKING

START = time.perf_counter()

import shiboken6  # noqa: E402 - the clock starts first
from PySide6.QtCore import QEvent, QObject, QTimer  # noqa: E402
from PySide6.QtWidgets import (  # noqa: E402
    QAbstractItemView,
    QApplication,
    QMainWindow,
    QTableView,
    QTreeView,
    QTreeWidget,
    QWidget,
)

if TYPE_CHECKING:
    import sqlite3


#: Trede's default window size (ui/metrics.py), so both windows paint the same area.
WINDOW_SIZE = (1100, 720)


def peak_rss_mb() -> float:
    """Peak resident memory of this process so far, in MB.

    On Linux from ``VmHWM``: ``ru_maxrss`` survives ``exec``, so a probe started by a large
    parent (the benchmark after writing its 100k CSV) would report the parent's peak.
    """
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024  # kB
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux, bytes on macOS


class FirstPaint(QObject):
    """Calls ``then`` once, from the event loop, after the first paint of a watched widget.

    It watches only the widgets it is given (``watch``), never the application: a filter on the
    application passes every event of every object through Python, and the first of them to
    reach one of Qt's internal objects makes PySide load the types of whole modules. Watched
    that way (the app from its first line, each floor from its ``show()``), the floors took
    some 25 ms longer to their first paint, and the app's own filters on the application hid
    what the probe's cost it.
    """

    def __init__(self, watched, then) -> None:  # noqa: ANN001 - a predicate and a callback
        super().__init__()
        self.watched = watched
        self.then = then
        self.done = False
        self.painted_at = 0.0
        self.page = ""  # which page was painted, when the predicate says so
        self.widgets: list[QWidget] = []

    def watch(self, widget: QWidget) -> None:
        """See the paint events of ``widget`` (until the first paint the predicate accepts)."""
        if not self.done:
            widget.installEventFilter(self)
            self.widgets.append(widget)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        """Look at paint events only; let every event through."""
        if not self.done and event.type() == QEvent.Type.Paint and self.watched(obj):
            self.done = True
            self.painted_at = time.perf_counter()
            for widget in self.widgets:  # nothing more to see
                if shiboken6.isValid(widget):
                    widget.removeEventFilter(self)
            self.widgets.clear()
            QTimer.singleShot(0, self.then)  # after this paint has finished
        return False


def caseload_viewport(obj: QObject) -> bool:
    """Whether obj is the viewport of the caseload table (ui/caseload/table_model.py) with rows."""
    parent = obj.parent()
    return (
        isinstance(parent, QTableView)
        and obj is parent.viewport()
        and type(parent.model()).__name__ == "CaseloadModel"
        and parent.model().rowCount() > 0
    )


def worklist_viewport(obj: QObject) -> bool:
    """Whether obj is the viewport of the worklist Vandaag (ui/worklist/page.py) with lines."""
    parent = obj.parent()
    return (
        isinstance(parent, QTreeWidget)
        and obj is parent.viewport()
        and type(parent.parent()).__name__ == "WorklistPage"
        and parent.topLevelItemCount() > 0
    )


def first_page(obj: QObject) -> bool:
    """The page Trede opens on: Vandaag when there is a caseload, else the caseload."""
    return worklist_viewport(obj) or caseload_viewport(obj)


def main_window() -> QMainWindow:
    """The main window of the application (not the frame painted before it, ui/shell/frame.py)."""
    return next(
        w
        for w in QApplication.topLevelWidgets()
        if isinstance(w, QMainWindow) and hasattr(w, "show_page")
    )


def scroll_through(table: QTableView) -> dict[str, float]:
    """Show every client (status 'Alle') and move the table down to the end in steps of one
    fetched page (200 rows, ten screens): each step is painted at once, so every page of rows
    is fetched, cached (the model keeps 50) and drawn."""
    from ui.caseload import table_model

    page = table.parent()
    while page is not None and not hasattr(page, "filters"):
        page = page.parent()
    if page is not None:
        page.filters.status.setCurrentIndex(0)  # "Alle": all 100,000 clients, not only active
    application = QApplication.instance()
    application.processEvents()
    bar = table.verticalScrollBar()
    steps = 0
    slowest = 0.0
    start = time.perf_counter()
    value = 0
    while True:
        before = time.perf_counter()
        bar.setValue(value)
        table.viewport().repaint()
        application.processEvents()
        slowest = max(slowest, time.perf_counter() - before)
        steps += 1
        if value >= bar.maximum():
            break
        value = min(bar.maximum(), value + max(bar.pageStep(), table_model.PAGE_SIZE))
    total = time.perf_counter() - start
    return {
        "rows": table.model().rowCount(),
        "steps": steps,
        "scroll_seconds": total,
        "step_mean_ms": total / steps * 1000,
        "step_max_ms": slowest * 1000,
    }


def watch_frame(probe: FirstPaint) -> None:
    """Give ``probe`` the frame's window (ui/shell/frame.py) as soon as it is built, before it
    is shown; Qt paints a window before the widgets in it. The frame's module is imported here,
    where ``app.main`` would import it a moment later."""
    from ui.shell import frame

    build = frame._build

    def build_and_watch(*args: object) -> QMainWindow:
        window = build(*args)  # type: ignore[arg-type]
        probe.watch(window)
        return window

    frame._build = build_and_watch  # type: ignore[assignment]


def watch_pages(probe: FirstPaint, start: str) -> None:
    """Once ``app.main`` has loaded the window's code, give ``probe`` the item views of Vandaag
    and of the caseload as each page is made; with ``start`` "caseload" the main window's
    choice of its first page answers the caseload (as it does for a file without clients)."""
    from app import main as app_main

    load = app_main.load_window_code

    def load_then_watch() -> None:
        load()
        from ui.shell import main_window as shell

        for name in ("_make_worklist_page", "_make_caseload_page"):
            make = getattr(shell.MainWindow, name)

            def make_and_watch(window: QMainWindow, _make=make) -> QWidget:  # noqa: ANN001
                page = _make(window)
                for view in page.findChildren(QAbstractItemView):
                    probe.watch(view.viewport())
                return page

            setattr(shell.MainWindow, name, make_and_watch)
        if start == "caseload":
            shell.MainWindow.start_page = lambda _self: shell.Page.CASELOAD  # type: ignore[method-assign,assignment]

    app_main.load_window_code = load_then_watch


def run_app(database: str, scroll: bool, start: str) -> int:
    """Trede as ``trede --db PATH``, quit after the first paint of the page it opens on (the
    caseload with ``start`` "caseload")."""
    _application = QApplication(sys.argv[:1])  # kept: the frame and gui.run use this instance
    report: dict[str, float | str] = {}
    frame = FirstPaint(lambda _obj: True, lambda: None)  # the frame's window
    watch_frame(frame)

    def after_paint() -> None:
        report["first_paint_s"] = probe.painted_at - START
        report["frame_paint_s"] = frame.painted_at - START
        report["first_page"] = probe.page
        window = main_window()
        # The page on screen when it was painted (the probe shows the caseload only after this).
        report["shown_page"] = type(window.pages.currentWidget()).__name__  # type: ignore[attr-defined]
        if not any(caseload_viewport(t.viewport()) for t in window.findChildren(QTableView)):
            # Opened on Vandaag: the caseload table fills when its page is shown.
            from ui.shell import main_window as shell

            window.show_page(shell.Page.CASELOAD)  # type: ignore[attr-defined]
            QApplication.processEvents()
        table = next(t for t in window.findChildren(QTableView) if caseload_viewport(t.viewport()))
        report["rows_painted_model"] = table.model().rowCount()
        if scroll:
            report.update(scroll_through(table))
        report["peak_rss_mb"] = peak_rss_mb()
        window.close()  # as the user quits: geometry saved, then the database is closed

    def watched(obj: QObject) -> bool:
        for name, is_page in (("worklist", worklist_viewport), ("caseload", caseload_viewport)):
            if (start == "first" or start == name) and is_page(obj):
                probe.page = name
                return True
        return False

    probe = FirstPaint(watched, after_paint)
    watch_pages(probe, start)
    from app import main as app_main  # imported as the trede script imports it

    code = app_main.main(["--db", database])
    report["exit_code"] = code
    report["total_in_process_s"] = time.perf_counter() - START
    print(json.dumps(report))
    return code


def run_bare(scroll: bool) -> int:
    """The floor: a bare QMainWindow of the same size, shown until its first paint, closed."""
    application = QApplication(sys.argv[:1])
    window = QMainWindow()
    return _show_until_painted(application, window, QWidget(), window)


def _show_until_painted(
    application: QApplication,
    window: QMainWindow,
    central: QWidget,
    painted: QWidget,
    connection: sqlite3.Connection | None = None,
) -> int:
    """Show a floor's window around ``central``, close it once ``painted`` has painted (and the
    floor's connection, if any); print when."""
    window.setCentralWidget(central)
    window.resize(*WINDOW_SIZE)
    report: dict[str, float] = {}

    def after_paint() -> None:
        report["first_paint_s"] = probe.painted_at - START
        report["peak_rss_mb"] = peak_rss_mb()
        window.close()

    probe = FirstPaint(lambda obj: obj is painted, after_paint)
    probe.watch(painted)
    window.show()
    code = application.exec()
    if connection is not None:
        connection.close()
    report["total_in_process_s"] = time.perf_counter() - START
    print(json.dumps(report))
    return code


def run_table(database: str, statements: str) -> int:
    """The floor of the first paint with data: the same statements on a plain connection, the
    last one's rows painted in a QTableView over a QStandardItemModel, then closed."""
    import json as json_module
    import sqlite3

    from PySide6.QtGui import QStandardItem, QStandardItemModel

    application = QApplication(sys.argv[:1])
    connection = sqlite3.connect(database)
    rows: list[tuple[object, ...]] = []
    with open(statements, encoding="utf-8") as stream:
        for sql in json_module.load(stream):
            rows = connection.execute(sql).fetchall()
    model = QStandardItemModel(0, 8)
    for row in rows:
        model.appendRow([QStandardItem("" if value is None else str(value)) for value in row[:8]])
    window = QMainWindow()
    view = QTableView()
    view.setModel(model)
    return _show_until_painted(application, window, view, view.viewport(), connection)


def run_tree(database: str, statements: str) -> int:
    """The floor of Vandaag's first paint: the same statements on a plain connection, each
    query's rows (their first four values) under a heading in a QTreeView over a
    QStandardItemModel, expanded and painted, then closed."""
    import json as json_module
    import sqlite3

    from PySide6.QtGui import QStandardItem, QStandardItemModel

    application = QApplication(sys.argv[:1])
    connection = sqlite3.connect(database)
    model = QStandardItemModel(0, 4)
    with open(statements, encoding="utf-8") as stream:
        for sql in json_module.load(stream):
            rows = connection.execute(sql).fetchall()
            if rows and len(rows[0]) > 1:  # a section's lines (a count is one value)
                heading = QStandardItem(f"{len(rows)}")
                for row in rows:
                    heading.appendRow(
                        [QStandardItem("" if value is None else str(value)) for value in row[:4]]
                    )
                model.appendRow(heading)
    window = QMainWindow()
    view = QTreeView()
    view.setModel(model)
    view.expandAll()
    return _show_until_painted(application, window, view, view.viewport(), connection)


def main() -> int:
    """Parse the arguments and run one probe."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("kind", choices=("app", "bare", "table", "tree"))
    parser.add_argument("--db")
    parser.add_argument("--sql")
    parser.add_argument("--start", choices=("first", "caseload"), default="first")
    parser.add_argument("--scroll", action="store_true")
    options = parser.parse_args()
    if options.kind == "app":
        return run_app(options.db, options.scroll, options.start)
    if options.kind == "table":
        return run_table(options.db, options.sql)
    if options.kind == "tree":
        return run_tree(options.db, options.sql)
    return run_bare(options.scroll)


if __name__ == "__main__":
    sys.exit(main())
