"""Search as you type, sorting and filtering in the real caseload window, against the same SQL.

``python -m bench.caseload_probe --db PATH --repeat N`` opens Trede's main window offscreen (as
``app.gui.run`` does, without entering the event loop) and, for every case, times:

- app: the user's action on the real widgets until the table is painted again — one more
  character in the search field applied (``search_now``: what the 100 ms typing pause would
  trigger; the character itself was typed, and shown in the field, before the timing starts,
  as it is before the pause ends), a column header sort, or a filter choice; then
  ``processEvents`` until the table's viewport has been painted. That covers the model reset, the first page fetched by the view,
  the status-bar counts and the paint.
- floor: the same SQL on the same connection — ``caseload_window.first`` for the same filter
  and sort (the first window of ids and the counts; for a sort, which shows the same clients
  with the same counts, ``caseload_window.window``: the ids alone, as the app reads them) and
  ``caseload_query.rows`` for the first page (200 rows) — plus Qt's own C++ ``QStandardItemModel`` filled with the texts of the rows
  the app's table shows and painted in a ``QTableView`` of the same size, its cells drawn by
  Qt's Fusion as the caseload's own cells are (``paint_cells_in_cpp``; through Trede's style a
  table takes about twice as long for the same pixels): the least the same visible work can
  cost.

App and floor alternate, and which goes first alternates too, so neither profits from a cache
the other warmed. Prints one JSON line with every sample in seconds.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QApplication, QStyledItemDelegate, QTableView

from app import gui, paths
from caseload import caseload_query, caseload_window
from resources import i18n
from ui import qt_setup
from ui import table_model as rows_model
from ui.caseload import id_windows, table_model
from ui.caseload.columns import Column
from ui.shell import main_window

#: (text already typed, the texts after each further character). Common first names, a name
#: typed without its diacritics, a client reference, and a second word.
SEARCHES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("", ("j", "ja", "jan")),
    ("", ("z", "zo", "zoe")),
    ("KL00", ("KL005", "KL0051", "KL00512")),
    ("jan ", ("jan v", "jan va", "jan van")),
)


class PaintCounter(QObject):
    """Counts paint events of one widget (to be sure the app's figure includes the paint)."""

    def __init__(self) -> None:
        super().__init__()
        self.paints = 0

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        """Count, never swallow."""
        if event.type() == QEvent.Type.Paint:
            self.paints += 1
        return False


class Session:
    """The main window on the benchmark database, and the ways to time it."""

    def __init__(self, database: Path) -> None:
        self.application = QApplication.instance() or QApplication(sys.argv[:1])
        self.application.setApplicationName(paths.APP_NAME)
        self.application.setOrganizationName(paths.APP_NAME)
        qt_setup.install_fonts(self.application)
        i18n.set_language("nl")
        qt_setup.install_translators(self.application, "nl")
        self.context = gui.build_context(database, demo_mode=False)
        self.window = main_window.MainWindow(self.context)
        self.window.show()
        self.window.show_page(main_window.Page.CASELOAD)  # the window opens on Vandaag
        self.application.processEvents()
        self.page = self.window.pages.widget(main_window.Page.CASELOAD)
        self.table = self.page.table
        self.model = self.page.model
        self.counter = PaintCounter()
        self.table.viewport().installEventFilter(self.counter)
        self.unpainted = 0
        self.today = dt.date.today()
        self.floor_view = QTableView()
        self.floor_view.resize(self.table.size())
        self.floor_model = QStandardItemModel(0, self.model.columnCount())
        self.floor_view.setModel(self.floor_model)
        rows_model.paint_cells_in_cpp(self.floor_view)  # the same pixels, the least cost
        self.floor_view.show()
        self.application.processEvents()

    def settle(self) -> None:
        """Let every pending event run (not timed)."""
        self.application.processEvents()

    def app_time(self, action: Callable[[], None]) -> float:
        """Seconds from the action until the caseload table has been painted again."""
        self.settle()
        before = self.counter.paints
        start = time.perf_counter()
        action()
        self.application.processEvents()
        if self.counter.paints == before:  # nothing scheduled a paint: paint now, to be fair
            self.unpainted += 1
            self.table.viewport().repaint()
        return time.perf_counter() - start

    def visible_rows(self) -> int:
        """How many rows the app's table shows at most."""
        return (
            self.table.viewport().height()
            // max(1, self.table.verticalHeader().defaultSectionSize())
            + 1
        )

    def floor_time(
        self, flt: caseload_query.CaseloadFilter, sort: caseload_query.Sort, counted: bool
    ) -> float:
        """Seconds for the same SQL (first window of ids with the counts, the first page's rows)
        plus Qt's C++ model filled with the visible rows' texts and painted. ``counted``: the
        counts are already known (a new sort of the same clients), so only the ids are read."""
        db = self.context.db
        threshold = self.context.settings.contact_threshold_days
        visible = self.visible_rows()
        self.match_floor()
        start = time.perf_counter()
        if counted:
            ids = caseload_window.window(db, flt, sort, 0, id_windows.WINDOW, self.today)
        else:
            ids = caseload_window.first(db, flt, sort, id_windows.WINDOW, self.today).ids
        rows = caseload_query.rows(db, ids[: table_model.PAGE_SIZE], self.today, threshold)
        model = self.floor_model
        model.setRowCount(0)
        for row in rows[:visible]:
            model.appendRow(
                [
                    QStandardItem(text)
                    for text in (
                        row.reference,
                        row.name,
                        "" if row.trede is None else str(row.trede),
                        "" if row.days_since_contact is None else str(row.days_since_contact),
                        str(row.open_barriers),
                        str(row.open_actions),
                        row.klantmanager,
                        row.status,
                    )
                ]
            )
        self.floor_view.viewport().repaint()
        return time.perf_counter() - start

    def match_floor(self) -> None:
        """Give the floor's table the app table's row height, column widths and font, and no row
        numbers: it then paints the same cells (Qt's defaults, 30-pixel rows and 100-pixel
        columns, painted 14 of the app's 19 rows in 6 of its 7 visible columns). Not timed."""
        rows = self.floor_view.verticalHeader()
        rows.hide()
        rows.setDefaultSectionSize(self.table.verticalHeader().defaultSectionSize())
        self.floor_view.setFont(self.table.font())
        for column in range(self.model.columnCount()):
            self.floor_view.setColumnWidth(column, self.table.columnWidth(column))
        self.floor_view.resize(self.table.size())
        self.settle()

    def query(self) -> tuple[caseload_query.CaseloadFilter, caseload_query.Sort]:
        """The filter and sort the model holds now."""
        return self.model.current_filter, self.model.current_sort

    def search(self, text: str) -> None:
        """Type into the search field and apply it as the typing pause would."""
        self.page.filters.search.setText(text)
        self.page.filters.search_now()

    def type_after(self, before: str, text: str) -> None:
        """Apply ``before`` as a search, then type on to ``text`` (not applied yet: the typing
        pause is running) and let the field show it."""
        for _attempt in range(3):
            self.search(before)
            self.settle()
            self.page.filters.search.setText(text)
            self.settle()
            if self.model.current_filter.text != text:  # the pause has not ended on its own
                return
        raise RuntimeError(f"typing pause ended before '{text}' could be timed")

    def close(self) -> None:
        """Close the window and the database."""
        self.floor_view.close()
        self.window.close()
        self.context.close()


def measure(
    session: Session,
    name: str,
    prepare: Callable[[], None],
    action: Callable[[], None],
    repeat: int,
    samples: dict[str, dict[str, list[float]]],
    counted: bool = False,
) -> None:
    """Time one case ``repeat`` times: prepare (not timed), then app and floor alternating.
    ``counted``: the action shows the same clients in another order (a sort), whose counts the
    app keeps; the floor then reads no counts either."""
    prepare()
    session.settle()
    action()  # once untimed: learn the filter and sort it leads to
    session.settle()
    flt, sort = session.query()
    case = samples.setdefault(name, {"app": [], "floor": []})
    for rep in range(repeat):
        prepare()
        session.settle()
        if rep % 2 == 0:
            case["app"].append(session.app_time(action))
            case["floor"].append(session.floor_time(flt, sort, counted))
        else:
            case["floor"].append(session.floor_time(flt, sort, counted))
            case["app"].append(session.app_time(action))
        if session.query() != (flt, sort):
            raise RuntimeError(f"{name}: the window did not reach the same filter and sort")


def run(database: Path, repeat: int) -> dict[str, object]:
    """Every case; returns the samples per case and kind."""
    session = Session(database)
    filters = session.page.filters
    search: dict[str, dict[str, list[float]]] = {}
    for typed, steps in SEARCHES:
        previous = typed
        for text in steps:
            before = previous
            measure(
                session,
                f"search '{before}' → '{text}'",
                # The character is typed (and the field shows it) before the typing pause ends;
                # what is timed is the search the pause starts, as in the window.
                lambda before=before, text=text: session.type_after(before, text),
                session.page.filters.search_now,
                repeat,
                search,
            )
            previous = text
    session.search("")
    session.settle()

    def sort_by(column: Column, descending: bool) -> Callable[[], None]:
        order = Qt.SortOrder.DescendingOrder if descending else Qt.SortOrder.AscendingOrder
        return lambda: session.table.sortByColumn(column, order)

    default_sort = sort_by(Column.NAME, False)
    sorts = {
        "sort Klantnummer ↑": sort_by(Column.REFERENCE, False),
        "sort Naam ↓": sort_by(Column.NAME, True),
        "sort Trede ↑": sort_by(Column.TREDE, False),
        "sort Dagen sinds contact ↑": sort_by(Column.DAYS_SINCE_CONTACT, False),
        "sort Open obstakels ↓": sort_by(Column.OPEN_BARRIERS, True),
        "sort Klantmanager ↑": sort_by(Column.KLANTMANAGER, False),
    }
    sort_filter: dict[str, dict[str, list[float]]] = {}
    for name, action in sorts.items():
        measure(session, name, default_sort, action, repeat, sort_filter, counted=True)
    default_sort()

    def choose(combo_name: str, data: object) -> Callable[[], None]:
        combo = getattr(filters, combo_name)
        return lambda: combo.setCurrentIndex(combo.findData(data))

    def reset_filters() -> None:
        filters.status.setCurrentIndex(filters.status.findData("active"))
        for combo in (filters.trede, filters.barrier_kind, filters.team, filters.klantmanager):
            combo.setCurrentIndex(0)
        filters.no_recent_contact.setChecked(False)
        filters.overdue.setChecked(False)

    first_team = filters.team.itemData(1)
    changes = {
        "filter status Alle": choose("status", None),
        "filter status Afgesloten": choose("status", "closed"),
        "filter trede 2": choose("trede", 2),
        "filter obstakel taal": choose("barrier_kind", "taal"),
        f"filter team {first_team}": choose("team", first_team),
        "filter te lang geen contact": lambda: filters.no_recent_contact.setChecked(True),
        "filter verlopen acties": lambda: filters.overdue.setChecked(True),
    }
    for name, action in changes.items():
        measure(session, name, reset_filters, action, repeat, sort_filter)
    reset_filters()
    result = {
        "search": search,
        "sort_filter": sort_filter,
        "unpainted": session.unpainted,
        "rows_total": session.model.rowCount(),
        "repaint": repaint_costs(session, repeat * 5),
    }
    session.close()
    return result


def repaint_costs(session: Session, repeat: int) -> dict[str, float]:
    """What painting the visible rows costs by itself, with nothing to fetch: the caseload
    model (a Python model, rows in memory) against Qt's own C++ ``QStandardItemModel`` holding
    the same texts, in the same table. Not a benchmark row: it shows how much of the app's time
    above the SQL no table model could save. Runs last, as it swaps the table's model."""
    table, model = session.table, session.model
    viewport = table.viewport()
    session.settle()
    first = table.rowAt(0)
    shown = max(0, table.rowAt(viewport.height() - 1) - first + 1) or model.rowCount() - first
    texts = QStandardItemModel(model.rowCount(), model.columnCount())
    for row in range(first, first + shown):
        for column in range(model.columnCount()):
            texts.setItem(row, column, QStandardItem(str(model.index(row, column).data() or "")))

    def median_repaint() -> float:
        samples = []
        for _ in range(repeat):
            start = time.perf_counter()
            viewport.repaint()
            samples.append(time.perf_counter() - start)
        return statistics.median(samples)

    ours = table.itemDelegate()  # the caseload's own; Qt's model gets Qt's own delegate
    plain = QStyledItemDelegate(table)
    app_samples, qt_samples, window_style_samples = [], [], []
    for _ in range(3):
        table.setModel(texts)
        table.setItemDelegate(plain)
        table.scrollTo(texts.index(first, 0), table.ScrollHint.PositionAtTop)
        session.settle()
        qt_samples.append(median_repaint())
        # The same, its cells drawn through the window's style (Trede's, with Python hooks), as
        # a table of its own draws them (the floors' tables): how much of the floor that is.
        table.setStyle(None)
        session.settle()
        window_style_samples.append(median_repaint())
        rows_model.paint_cells_in_cpp(table)  # as the caseload's delegate sets it up
        table.setModel(model)
        table.setItemDelegate(ours)
        table.scrollTo(model.index(first, 0), table.ScrollHint.PositionAtTop)
        session.settle()
        app_samples.append(median_repaint())
    return {
        "rows_visible": shown,
        "app_model_ms": statistics.median(app_samples) * 1000,
        "qt_model_ms": statistics.median(qt_samples) * 1000,
        "qt_model_window_style_ms": statistics.median(window_style_samples) * 1000,
    }


def main() -> int:
    """Parse the arguments, run, print one JSON line."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--db", type=Path, required=True)
    parser.add_argument("--repeat", type=int, default=7)
    options = parser.parse_args()
    print(json.dumps(run(options.db, options.repeat), ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
