"""The Caseload page: search, filter and sort the clients in SQL; open one with Enter."""

from __future__ import annotations

import functools
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QItemSelectionModel, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QHideEvent, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from caseload import caseload_query, people
from resources import i18n
from resources.changes import Changes, Kind
from resources.i18n import _, ngettext
from ui import accessibility, icons, metrics, widgets
from ui.caseload import remembered, widths
from ui.caseload.columns import Column
from ui.caseload.delegate import CaseloadDelegate
from ui.caseload.filters import CaseloadFilters
from ui.caseload.table_model import CaseloadModel
from ui.changes import ChangeBus
from ui.context import WindowContext
from ui.flow_layout import FlowLayout
from ui.shell import page_stack
from ui.steady_scroll_bar import SteadyScrollBar

if TYPE_CHECKING:
    from collections.abc import Callable

    # Imported where first used: the client's file, its forms, the dialogs and the export are
    # not on the first screen, and start-up should not wait for them.
    from sqlite_utils import Database

    from caseload.csv_export import ExportResult
    from ui.caseload.handover import ReassignDialog
    from ui.caseload.import_dialog import ImportDialog
    from ui.client.details_dialog import ClientDialog
    from ui.client.view import ClientView
    from ui.jobs import JobRunner


#: How long after the last change of sort, widths or filters they are written to window.ini.
KEEP_DELAY_MS = 1000


@functools.lru_cache(maxsize=1024)
def _number(value: int, language: str) -> str:
    """A count as shown, per language (babel takes a tenth of a millisecond; search runs this
    on every key)."""
    return i18n.format_number(value)


def counts_text(shown: int, total: int, flagged: int) -> str:
    """'87 van 1.234 klanten · 12 vragen aandacht'."""
    language = i18n.current_language()
    text = ngettext("%(shown)s van %(total)s klant", "%(shown)s van %(total)s klanten", total) % {
        "shown": _number(shown, language),
        "total": _number(total, language),
    }
    attention = ngettext("%(n)s vraagt aandacht", "%(n)s vragen aandacht", flagged) % {
        "n": _number(flagged, language)
    }
    return f"{text} · {attention}"


class CaseloadPage(QWidget):
    """The caseload list and, in the same place, the view of one client."""

    #: A client's progress report is asked for (Ctrl+R in the client view); the klantnummer.
    client_report_requested = Signal(str)
    #: Esc in a client opened from Vandaag: back to Vandaag, not to the list.
    worklist_requested = Signal()

    def __init__(self, context: WindowContext, bus: ChangeBus, parent: QWidget | None = None):
        super().__init__(parent)
        self.context = context
        self.bus = bus
        self.new_client_dialog: ClientDialog | None = None
        self.import_dialog: ImportDialog | None = None
        self.reassign_dialog: ReassignDialog | None = None
        self.export_runner: JobRunner | None = None  # an export being written
        self._client_view: ClientView | None = None
        self._from_worklist = False  # the client in view was opened from Vandaag
        self.stack = QStackedWidget()
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.stack)

        # The list and its filters are made inside their places: moved there once filled, every
        # widget in them would be styled again (the application's style sheet).
        self.list_page = QWidget()
        self.stack.addWidget(self.list_page)
        layout = widgets.page_layout(self.list_page)
        heading = QHBoxLayout()
        heading.addWidget(widgets.title(_("Caseload")))
        heading.addStretch()
        buttons = FlowLayout()  # wraps with a large font instead of cutting the buttons off
        self.new_button = QPushButton(icons.icon("new"), _("&Nieuwe klant (Ctrl+N)"))
        self.new_button.clicked.connect(self.new_client)
        buttons.addWidget(self.new_button)
        self.import_button = QPushButton(icons.icon("import"), _("&Importeren…"))
        self.import_button.clicked.connect(self.import_clients)
        buttons.addWidget(self.import_button)
        self.export_button = QPushButton(icons.icon("export"), _("E&xporteren…"))
        self.export_button.clicked.connect(self.export_clients)
        buttons.addWidget(self.export_button)
        self.reassign_button = QPushButton(_("Over&dragen aan…"))
        self.reassign_button.clicked.connect(self.reassign_selected)
        buttons.addWidget(self.reassign_button)
        heading.addLayout(buttons)
        layout.addLayout(heading)
        self.filters = CaseloadFilters(self.list_page)
        layout.addWidget(self.filters)

        self.model = CaseloadModel(
            context.reads, lambda: self.context.settings.contact_threshold_days
        )
        self.table = QTableView()
        self.table.setAccessibleName(_("Klanten"))
        # A new filter changes the scroll bar's range: painted again only when it looks different.
        self.table.setVerticalScrollBar(SteadyScrollBar(Qt.Orientation.Vertical))
        # Always there: the columns keep their widths while a search is typed, also when it
        # leaves fewer clients than fit (no bar to hide, no table to lay out and paint again).
        self.table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        # The sideways bar of a narrow table is painted again after every new filter (Qt raises
        # the bars above the rows when it lays them out): it then paints itself alone, not the
        # window, page and table behind it.
        self.table.setHorizontalScrollBar(SteadyScrollBar(Qt.Orientation.Horizontal))
        self.table.setModel(self.model)
        # Each cell painted from the model's ready-made row in one call (see the delegate).
        self.table.setItemDelegate(CaseloadDelegate(self.model, self.table))
        self.model.modelReset.connect(self._lay_out_rows)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        # Several clients at once (Shift+arrows, Ctrl+A) for a handover; Enter opens the current.
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setTabKeyNavigation(False)
        self.table.setWordWrap(False)
        self.table.setAlternatingRowColors(True)
        rows = self.table.verticalHeader()
        rows.hide()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(self.fontMetrics().height() + metrics.TABLE_ROW_PADDING)
        header = self.table.horizontalHeader()
        header.setSectionsClickable(True)
        header.setMinimumSectionSize(40)
        # The name takes the room that is left; every other column is as wide as its content.
        widths.wrap_titles(self.table)
        self.widths = widths.ColumnWidths(self.table)
        self.widths.fit_numbers()
        self.empty_label = QLabel()
        self.empty_label.setWordWrap(True)
        self.empty_label.hide()
        layout.addWidget(self.empty_label)
        layout.addWidget(self.table, 1)
        self.counts_label = QLabel()
        layout.addWidget(self.counts_label)
        self._add_selection_menu()

        # The list of every klantmanager (thousands in a large city's file: reading and adding
        # them took longer than the first rows) follows the rows' first paint when the list is
        # on everyone and the widest name is known from last time; it is filled at once when
        # the list is used before then.
        widest_then = remembered.widest_name_then(context, self.widths)
        self._people_due = widest_then is not None and remembered.kept_klantmanager(context) is None
        if self._people_due:
            self.filters.set_people(people.teams(context.reads), [])
        else:
            names = self._fill_people(fit=False)  # fitted below, after the widths of last time
        remembered.restore_filters(context, self.filters)
        self.model.set_filter(self._filter())
        header.setSortIndicator(Column.NAME, Qt.SortOrder.AscendingOrder)
        # The widths and sort of last time (they replace the fitted widths the user changed).
        remembered.restore_header(context, header)
        self.name_room = widths.NameRoom(self.table, self.widths)
        if remembered.font_changed(context, header):  # kept widths would cut texts off
            self.widths.fit_numbers()
        # Names added since then are not cut off: a fit only ever widens a column. Status is
        # as wide as the chosen status needs, so the name keeps its room.
        if self._people_due:
            self.widths.fit(Column.KLANTMANAGER, [], widest=widest_then)
            page_stack.after_first_paint(self.table.viewport(), self._people_now)
            self.filters.before_klantmanagers_used(self._people_now)
        else:
            self._fit_klantmanagers(names)
        self.widths.fit_status(self._filter().status)
        self.table.setSortingEnabled(True)
        header.sortIndicatorChanged.connect(self._sorted)
        self.filters.show_sort(
            header.sortIndicatorSection(),
            header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder,
        )
        # The sort, widths and filters are written to window.ini a moment after the last change
        # (and when the page is left or the window closes), not while the rows are painted:
        # on a busy disk one write took longer than the search it followed.
        self._kept_filters = remembered.filter_state(self.filters)
        self._keep_later = QTimer(self)
        self._keep_later.setSingleShot(True)
        self._keep_later.setInterval(KEEP_DELAY_MS)
        self._keep_later.timeout.connect(self._keep)
        header.sectionResized.connect(lambda *_args: self._keep_later.start())
        self.filters.changed.connect(self._keep_later.start)

        self.filters.changed.connect(self.apply_filter)
        self.filters.sort_chosen.connect(self._sort_chosen)
        self.filters.search.down_pressed.connect(self.focus_table)
        self.filters.search.returnPressed.connect(self._search_entered)
        self.table.activated.connect(self._activated)
        bus.changed.connect(self._changed)
        for key, slot, what in (
            ("Ctrl+F", self.focus_search, _("Zoeken in de caseload")),
            ("Ctrl+N", self.new_client, _("Nieuwe klant")),
        ):
            shortcut = QShortcut(QKeySequence(key), self)
            shortcut.setWhatsThis(what)  # for Help → Sneltoetsen
            shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
            shortcut.activated.connect(slot)
        # The counts ("87 van 1.234 klanten · 12 vragen aandacht") go to the status bar, not
        # into the page's layout. On the page a window opens on, they follow one event-loop turn
        # after the rows' first paint (counting and loading babel's number formats cost more
        # than the rows themselves). With no rows, the line that says why is part of the layout,
        # and a page made in a window already on screen is counted as it is made: now.
        self._counts_due = True
        if self.model.rowCount() == 0 or self.window().isVisible():
            self._update_counts()
        else:
            page_stack.after_first_paint(self.table.viewport(), self._counts_after_paint)
        accessibility.name_widgets(self)

    # -- list ---------------------------------------------------------------------------------

    def _filter(self) -> caseload_query.CaseloadFilter:
        return self.filters.current_filter(self.context.settings.contact_threshold_days)

    def _fill_people(self, fit: bool = True) -> list[str]:
        """The team and klantmanager filters' lists; the klantmanagers' names (fitted)."""
        self._people_due = False
        db = self.context.reads
        names = people.klantmanagers(db)
        self.filters.set_people(people.teams(db), names)
        if fit:
            self._fit_klantmanagers(names)
        return names

    def _fit_klantmanagers(self, names: list[str]) -> None:
        """Klantmanager as wide as the widest name (a column is only ever widened)."""
        widest = remembered.widest_name(self.context, names, self.widths)
        self.widths.fit(Column.KLANTMANAGER, names, widest=widest)

    def _people_now(self) -> None:
        """The klantmanager list, unless it has been filled since the start."""
        if self._people_due:
            self._fill_people()

    def _keep(self) -> None:
        """Write the sort and widths to window.ini, and the filters when they changed."""
        self._keep_later.stop()
        remembered.save_header(self.context, self.table.horizontalHeader())
        state = remembered.filter_state(self.filters)
        if state != self._kept_filters:
            self._kept_filters = state
            remembered.save_filters(self.context, self.filters)

    def apply_filter(self) -> None:
        """Select the clients of the chosen filter; keep the selected one when it still shows."""
        keep = self.selected_client_id()
        chosen = self._filter()
        self.widths.fit_status(chosen.status)
        replaced = self.model.set_filter(chosen)
        self._select(keep, fallback_first=False)
        if replaced and self.table.isVisible():
            # The counts follow the new rows' paint by one event-loop turn: the user reads the
            # rows first (counting and the status bar's paint would hold them back).
            self._counts_due = True
            page_stack.after_first_paint(self.table.viewport(), self._counts_after_rows)
        else:
            self._update_counts()

    def _lay_out_rows(self) -> None:
        """After new rows: lay them out now, before they are painted (Qt lays them out after
        the first paint, and paints them all again)."""
        if self.table.isVisible():
            self.table.doItemsLayout()

    def _counts_after_paint(self) -> None:
        """The rows have been painted: the counts, unless something has filled them since."""
        if self._counts_due:
            self._update_counts()

    def _counts_after_rows(self) -> None:
        """New rows have been painted: their counts, unless something has filled them since."""
        if self._counts_due:
            self._update_counts()

    def _update_counts(self) -> None:
        self._counts_due = False
        counts = self.model.counts()
        text = counts_text(counts.shown, counts.total, counts.flagged)
        self.counts_label.setText(text)
        if counts.total == 0:
            self.empty_label.setText(
                _(
                    "Nog geen klanten. Importeer een bestand met Importeren (Alt+I) of voeg een "
                    "klant toe met Nieuwe klant (Ctrl+N)."
                )
            )
        else:
            self.empty_label.setText(_("Geen klanten gevonden. Pas de zoekterm of de filters aan."))
        self.empty_label.setVisible(counts.shown == 0)
        window = self.window()
        if isinstance(window, QMainWindow) and self.isVisible():
            window.statusBar().showMessage(text)

    def counts_message(self) -> str:
        """The counts as shown in the status bar (counted now if they were still to follow)."""
        if self._counts_due:
            self._update_counts()
        return self.counts_label.text()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt's name
        """Put the counts in the main window's status bar (the page label is the fallback)."""
        super().showEvent(event)
        in_window = isinstance(self.window(), QMainWindow)
        self.counts_label.setVisible(not in_window)
        if not self._counts_due:  # else they follow the rows' first paint
            self._update_counts()

    def _sorted(self, column: int, order: Qt.SortOrder) -> None:
        self.filters.show_sort(column, order == Qt.SortOrder.DescendingOrder)
        self._keep_later.start()
        current = self.table.currentIndex()
        if current.isValid():
            self.table.scrollTo(current)

    def _sort_chosen(self, column: int, descending: bool) -> None:
        order = Qt.SortOrder.DescendingOrder if descending else Qt.SortOrder.AscendingOrder
        self.table.sortByColumn(column, order)

    def selected_client_id(self) -> int | None:
        """The id of the client on the current row."""
        current = self.table.currentIndex()
        return self.model.client_id(current.row()) if current.isValid() else None

    def selected_client_ids(self) -> list[int]:
        """The ids of every selected client, in list order (the current one when none is)."""
        rows = sorted(index.row() for index in self.table.selectionModel().selectedRows())
        if not rows:
            current = self.selected_client_id()
            return [] if current is None else [current]
        return [self.model.client_id(row) for row in rows]

    def _add_selection_menu(self) -> None:
        """What the selection offers on its context menu (the Menu key or Shift+F10)."""
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        for text, slot in (
            (_("Overdragen aan…"), self.reassign_selected),
            (_("Overdrachtsbestand maken…"), self.make_transfer_file),
        ):
            action = QAction(text, self.table)
            action.triggered.connect(lambda _checked=False, run=slot: run())
            self.table.addAction(action)

    def reassign_selected(self) -> None:
        """'Overdragen aan…': another klantmanager or team for every selected client."""
        from ui.caseload.handover import ReassignDialog

        ids = self.selected_client_ids()
        if not ids:
            QMessageBox.information(
                self, _("Overdragen aan"), _("Kies eerst een of meer klanten in de lijst.")
            )
            return
        self.reassign_dialog = ReassignDialog(self.context, self.bus, ids, self)
        self.reassign_dialog.open()

    def make_transfer_file(self) -> None:
        """'Overdrachtsbestand maken…' for the selected clients."""
        from ui.caseload import handover

        handover.make_transfer_file(self, self.context, self.bus, self.selected_client_ids())

    def read_transfer_file(self) -> None:
        """'Overdrachtsbestand inlezen…': add a colleague's clients, then show the first."""
        from ui.caseload import handover

        added = handover.read_transfer_file(self, self.context, self.bus)
        if added:
            self.show_list()
            self._select(added[0])

    def _select(self, client_id: int | None, fallback_first: bool = True) -> None:
        row = None if client_id is None else self.model.row_of(client_id)
        if row is None:
            if not fallback_first or self.model.rowCount() == 0:
                return
            row = 0
        index = self.model.index(row, 0)
        self.table.selectionModel().setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        self.table.scrollTo(index)

    def focus_table(self) -> None:
        """Move into the results, on the selected row or the first."""
        self.filters.search_now()
        self._select(self.selected_client_id())
        self.table.setFocus(Qt.FocusReason.TabFocusReason)

    def _search_entered(self) -> None:
        self.focus_table()

    def focus_search(self) -> None:
        """Ctrl+F: back to the list, cursor in the search field."""
        if self.stack.currentWidget() is not self.list_page:
            self.show_list()
        self.filters.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.filters.search.selectAll()

    # -- client -------------------------------------------------------------------------------

    @property
    def client_view(self) -> ClientView:
        """The view of one client's file, in place of the list; made when first needed."""
        if self._client_view is None:
            from ui.client.view import ClientView

            view = ClientView(self.context, self.bus)
            view.back_requested.connect(self._back)
            view.report_requested.connect(self.client_report_requested)
            self.stack.addWidget(view)
            self._client_view = view
        return self._client_view

    def _activated(self) -> None:
        client_id = self.selected_client_id()
        if client_id is not None:
            self.open_client(client_id)

    def open_client(self, client_id: int, from_worklist: bool = False) -> None:
        """Show one client's file in place of the list; Esc goes back to where it was opened."""
        self._from_worklist = from_worklist
        self.client_view.set_back_to_worklist(from_worklist)
        self.stack.setCurrentWidget(self.client_view)
        self.client_view.open_client(client_id)
        if self._counts_due:
            # The counts were to follow the list's paint, which the file now covers.
            self._update_counts()

    def _back(self) -> None:
        """Esc in the client view: back to Vandaag when opened from there, else to the list."""
        if self._from_worklist:
            self._from_worklist = False
            self.client_view.set_back_to_worklist(False)
            self.show_list()  # the caseload is on its list when the user comes back to it
            self.worklist_requested.emit()
            return
        self.show_list()

    def hideEvent(self, event: QHideEvent) -> None:  # noqa: N802 - Qt's name
        """Left for another page or the window closed: a sort, widths or filters not yet
        written are written now; the client in view now belongs to the caseload (its Esc goes
        to the list), so coming back by Ctrl+2 does not jump to Vandaag."""
        super().hideEvent(event)
        if self._keep_later.isActive():
            self._keep()
        if not event.spontaneous() and self._from_worklist:
            self._from_worklist = False
            self.client_view.set_back_to_worklist(False)

    def show_list(self) -> None:
        """Back to the list, on the client that was open."""
        client_id = None if self._client_view is None else self._client_view.client_id()
        self.stack.setCurrentWidget(self.list_page)
        self._select(client_id if client_id is not None else self.selected_client_id())
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)

    def new_client(self) -> None:
        """Ctrl+N: the client form for a new client."""
        from ui.client.details_dialog import ClientDialog

        self.new_client_dialog = ClientDialog(self.context, self.bus, None, self)
        self.new_client_dialog.accepted.connect(self._client_added)
        self.new_client_dialog.open()

    def import_clients(self) -> None:
        """The import dialog (CSV from Excel or the case system)."""
        from ui.caseload.import_dialog import ImportDialog

        self.import_dialog = ImportDialog(self.context, self.bus, self)
        self.import_dialog.open()

    def export_clients(self) -> None:
        """Save the list as the filter shows it to a CSV or an Excel file."""
        from ui import file_dialogs  # on first use: the first paint does not wait for it

        excel = _("Excel-bestanden (*.xlsx)")
        target, chosen = file_dialogs.save_file(
            self,
            self.context,
            "export",
            _("Caseload exporteren"),
            "caseload.csv",
            ";;".join((_("CSV-bestanden (*.csv)"), excel)),
        )
        if target is not None:
            if chosen == excel and target.suffix.lower() != ".xlsx":
                target = target.with_suffix(".xlsx")
            self.export_to(target)

    def export_to(self, path: Path) -> None:
        """Write the list as the filter shows it, in the order shown, to ``path``: off the GUI
        thread, with a progress dialog that can stop it (half a million clients take a minute)."""
        from caseload import csv_export  # on first use: the first paint does not wait for them
        from ui import jobs

        flt, sort, actor = self._filter(), self.model.current_sort, self.context.actor

        def work(
            db: Database, progress: Callable[[int, int], None], cancelled: Callable[[], bool]
        ) -> csv_export.ExportResult:
            return csv_export.export_clients(
                db, path, flt, sort, actor=actor, progress=progress, cancelled=cancelled
            )

        job = jobs.on_own_connection(self.context.connect, work, csv_export.ExportCancelled)
        self.export_runner = jobs.run(
            self, _("Caseload exporteren"), _("De klanten worden geschreven…"), job
        )
        self.export_runner.finished.connect(self._exported)
        self.export_runner.cancelled.connect(self._export_stopped)

    def _exported(self, result: ExportResult) -> None:
        self._tell(
            ngettext(
                "%(n)s klant geschreven naar %(path)s.",
                "%(n)s klanten geschreven naar %(path)s.",
                result.rows,
            )
            % {"n": i18n.format_number(result.rows), "path": result.path}
        )

    def _export_stopped(self) -> None:
        self._tell(_("Exporteren gestopt: er is geen bestand geschreven."))

    def _tell(self, text: str) -> None:
        """A message where the counts are shown (the main window's status bar, else the page's
        label), until the counts change."""
        self.counts_label.setText(text)
        window = self.window()
        if isinstance(window, QMainWindow):
            window.statusBar().showMessage(text)

    def _client_added(self) -> None:
        dialog = self.new_client_dialog
        if dialog is None or dialog.saved is None:
            return
        self.open_client(dialog.saved.id)

    def _changed(self, changes: Changes) -> None:
        """Redraw the rows of the clients that changed; reload the list when rows came or went."""
        if changes.touches(Kind.SETTINGS) and not changes.touches(Kind.CLIENT):
            # The contact threshold decides who needs attention: filter again.
            self.apply_filter()
            return
        if not changes.touches(Kind.CLIENT):
            return
        if Kind.DATABASE in changes.kinds:
            self.model.set_database(self.context.db)
        known = all(self.model.row_of(ident) is not None for ident in changes.clients)
        ids = tuple(sorted(changes.clients))
        # A client closed under "Actief" (or otherwise out of the filter) leaves the list.
        if ids and known and Kind.DATABASE not in changes.kinds and self.model.still_shown(ids):
            self.model.refresh_clients(ids)
            self._update_counts()
        else:
            self._fill_people()
            self.apply_filter()


def create(context: WindowContext, bus: ChangeBus, parent: QWidget | None = None) -> CaseloadPage:
    """The page for the main window (made inside ``parent``, its place: moved there afterwards,
    each of its widgets would be styled again)."""
    return CaseloadPage(context, bus, parent)
