"""The caseload as a table model over SQL: it holds the ids of the current filter and fetches
the rows of a page only when the view needs them."""

from __future__ import annotations

import datetime as dt
import enum
from collections import OrderedDict
from collections.abc import Callable

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QFont, QIcon
from sqlite_utils import Database

from caseload import caseload_query, ladder, vocab
from resources import i18n
from resources.i18n import N_, _, ngettext
from ui import icons

#: Rows fetched in one go; a screen shows about 30, so one fetch covers several screens.
PAGE_SIZE = 200
#: Pages kept in memory; older pages are dropped and fetched again when scrolled back to.
MAX_CACHED_PAGES = 50

Index = QModelIndex | QPersistentModelIndex


class Column(enum.IntEnum):
    """The columns of the caseload table, in display order."""

    REFERENCE = 0
    NAME = 1
    TREDE = 2
    DAYS_SINCE_CONTACT = 3
    OPEN_BARRIERS = 4
    OPEN_ACTIONS = 5
    KLANTMANAGER = 6
    STATUS = 7

    @property
    def sort_column(self) -> caseload_query.SortColumn:
        """The SQL sort that belongs to this column."""
        return _SORT_COLUMNS[self]

    @classmethod
    def of(cls, sort_column: caseload_query.SortColumn) -> Column:
        """The table column of a sort column."""
        return next(column for column in cls if column.sort_column is sort_column)


_SORT_COLUMNS = {
    Column.REFERENCE: caseload_query.SortColumn.REFERENCE,
    Column.NAME: caseload_query.SortColumn.NAME,
    Column.TREDE: caseload_query.SortColumn.TREDE,
    Column.DAYS_SINCE_CONTACT: caseload_query.SortColumn.DAYS_SINCE_CONTACT,
    Column.OPEN_BARRIERS: caseload_query.SortColumn.OPEN_BARRIERS,
    Column.OPEN_ACTIONS: caseload_query.SortColumn.OPEN_ACTIONS,
    Column.KLANTMANAGER: caseload_query.SortColumn.KLANTMANAGER,
    Column.STATUS: caseload_query.SortColumn.STATUS,
}
_NUMBER_COLUMNS = (
    Column.TREDE,
    Column.DAYS_SINCE_CONTACT,
    Column.OPEN_BARRIERS,
    Column.OPEN_ACTIONS,
)

#: Short titles in two lines for the narrow number columns (the others use the sort label).
_TWO_LINE_HEADERS = {
    Column.DAYS_SINCE_CONTACT: N_("Dagen sinds\ncontact"),
    Column.OPEN_BARRIERS: N_("Open\nobstakels"),
    Column.OPEN_ACTIONS: N_("Open\nacties"),
}

#: Role that gives the whole CaseloadRow of a line (for tests and the page).
ROW_ROLE = Qt.ItemDataRole.UserRole + 1
_COLUMNS = tuple(Column)
#: The roles data() answers; every other role is answered with None before any work.
_ROLES = frozenset(
    {
        Qt.ItemDataRole.DisplayRole,
        Qt.ItemDataRole.UserRole,
        ROW_ROLE,
        Qt.ItemDataRole.TextAlignmentRole,
        Qt.ItemDataRole.FontRole,
        Qt.ItemDataRole.DecorationRole,
        Qt.ItemDataRole.ToolTipRole,
        Qt.ItemDataRole.AccessibleDescriptionRole,
    }
)


def attention_reasons(row: caseload_query.CaseloadRow) -> list[str]:
    """Why a row is flagged, one sentence per reason (empty when it is not)."""
    reasons = []
    if row.no_recent_contact:
        if row.days_since_contact is None:
            reasons.append(_("Nog nooit contact gehad."))
        else:
            reasons.append(
                ngettext(
                    "Al %(days)s dag geen contact.",
                    "Al %(days)s dagen geen contact.",
                    row.days_since_contact,
                )
                % {"days": i18n.format_number(row.days_since_contact)}
            )
    if row.overdue_actions:
        reasons.append(_("Een actie is over de einddatum."))
    return reasons


def status_text(status: str, closing_reason: str | None) -> str:
    """'Actief', or 'Afgesloten: Uitstroom naar werk'."""
    label = vocab.CLIENT_STATUSES.label(status)
    if closing_reason:
        return _("%(status)s: %(reason)s") % {
            "status": label,
            "reason": vocab.CLOSING_REASONS.label(closing_reason),
        }
    return label


def days_text(days: int | None) -> str:
    """Days since the last contact; 'nooit' when there was none."""
    return _("nooit") if days is None else i18n.format_number(days)


class CaseloadModel(QAbstractTableModel):
    """Ids of the current filter and sort; row data fetched per page into a small cache."""

    def __init__(
        self,
        db: Database,
        threshold_days: Callable[[], int],
        today: Callable[[], dt.date] = dt.date.today,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._db = db
        self._threshold_days = threshold_days
        self._today = today
        self._filter = caseload_query.CaseloadFilter()
        self._sort = caseload_query.Sort()
        self._ids: list[int] = []
        #: Flagged clients among the ids; None after an edit, until counted again.
        self._flagged: int | None = 0
        self._positions: dict[int, int] | None = None
        self._pages: OrderedDict[int, dict[int, caseload_query.CaseloadRow]] = OrderedDict()
        self._bold = QFont()
        self._bold.setBold(True)
        self._attention: QIcon | None = None  # made on first use: it needs the application
        #: The eight display texts per client, formatted once (babel is slow per cell).
        self._texts: dict[int, tuple[str, ...]] = {}

    # -- what is shown ------------------------------------------------------------------------

    @property
    def current_filter(self) -> caseload_query.CaseloadFilter:
        """The filter the ids were selected with."""
        return self._filter

    @property
    def current_sort(self) -> caseload_query.Sort:
        """The order of the ids."""
        return self._sort

    def set_filter(self, flt: caseload_query.CaseloadFilter) -> None:
        """Select the ids of a new filter (a full reset: the rows are different ones)."""
        self.beginResetModel()
        self._filter = flt
        self._load_ids()
        self.endResetModel()

    def reload(self) -> None:
        """Select the ids again with the same filter, e.g. after a client was added."""
        self.set_filter(self._filter)

    def _load_ids(self) -> None:
        selection = caseload_query.select(self._db, self._filter, self._sort, self._today())
        self._ids = selection.ids
        self._flagged = selection.flagged
        self._positions = None
        self._pages.clear()
        self._texts.clear()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Order by a column in SQL; selected rows stay selected (moved to their new place)."""
        wanted = caseload_query.Sort(
            Column(column).sort_column, order == Qt.SortOrder.DescendingOrder
        )
        if wanted == self._sort and self._ids:
            return
        self.layoutAboutToBeChanged.emit()
        persistent = self.persistentIndexList()
        kept = [(index, self._ids[index.row()]) for index in persistent]
        self._sort = wanted
        self._load_ids()
        positions = self._position_map()
        self.changePersistentIndexList(
            persistent,
            [
                self.index(positions[ident], index.column())
                if ident in positions
                else QModelIndex()
                for index, ident in kept
            ],
        )
        self.layoutChanged.emit()

    def client_ids(self) -> list[int]:
        """The ids shown, in order (a copy)."""
        return list(self._ids)

    def client_id(self, row: int) -> int:
        """The id of the client on a row."""
        return self._ids[row]

    def row_of(self, client_id: int) -> int | None:
        """The row of a client, or None when the filter does not show it."""
        return self._position_map().get(client_id)

    def _position_map(self) -> dict[int, int]:
        if self._positions is None:
            self._positions = {ident: row for row, ident in enumerate(self._ids)}
        return self._positions

    def refresh_clients(self, client_ids: tuple[int, ...]) -> None:
        """Fetch these clients' rows again and repaint them, without a reset.

        A client that no longer matches the filter stays until the filter changes, so a row
        does not jump away while the klantmanager works on it.
        """
        positions = self._position_map()
        shown = [ident for ident in client_ids if ident in positions]
        if not shown:
            return
        fresh = {
            row.id: row
            for row in caseload_query.rows(self._db, shown, self._today(), self._threshold_days())
        }
        for ident in shown:
            self._texts.pop(ident, None)
            row = positions[ident]
            page = self._pages.get(row // PAGE_SIZE)
            if page is not None:
                if ident in fresh:
                    page[ident] = fresh[ident]
                else:
                    page.pop(ident, None)
            self.dataChanged.emit(self.index(row, 0), self.index(row, len(Column) - 1))
        self._flagged = None  # an edit may have cleared or raised a flag

    def counts(self) -> caseload_query.CaseloadCounts:
        """Total, shown and flagged for the current filter (shown and flagged come with the ids)."""
        if self._flagged is None:
            counted = caseload_query.counts(self._db, self._filter, self._today())
            self._flagged = counted.flagged
        return caseload_query.CaseloadCounts(
            total=caseload_query.total(self._db), shown=len(self._ids), flagged=self._flagged
        )

    # -- lazy rows ----------------------------------------------------------------------------

    def row_data(self, row: int) -> caseload_query.CaseloadRow | None:
        """The display data of a row, fetching its page when it is not in memory."""
        if not 0 <= row < len(self._ids):
            return None
        number = row // PAGE_SIZE
        page = self._pages.get(number)
        if page is None:
            page = self._fetch(number)
        else:
            self._pages.move_to_end(number)
        return page.get(self._ids[row])

    def _fetch(self, number: int) -> dict[int, caseload_query.CaseloadRow]:
        wanted = self._ids[number * PAGE_SIZE : (number + 1) * PAGE_SIZE]
        fetched = caseload_query.rows(self._db, wanted, self._today(), self._threshold_days())
        page = {row.id: row for row in fetched}
        self._pages[number] = page
        while len(self._pages) > MAX_CACHED_PAGES:
            self._pages.popitem(last=False)
        return page

    # -- Qt's model interface -----------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008 - Qt's name
        """Every client of the filter (only the visible ones are fetched)."""
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008 - Qt's name
        """The eight columns."""
        return 0 if parent.isValid() else len(Column)

    def headerData(  # noqa: N802 - Qt's name
        self,
        section: int,
        orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> object:
        """Column titles; no row numbers."""
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(Column):
            return None
        column = Column(section)
        if role == Qt.ItemDataRole.DisplayRole:
            return _(_TWO_LINE_HEADERS.get(column, column.sort_column.value))
        if role == Qt.ItemDataRole.ToolTipRole:
            return _(column.sort_column.value)
        if role == Qt.ItemDataRole.TextAlignmentRole and Column(section) in _NUMBER_COLUMNS:
            return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        """Rows can be selected, not edited."""
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemNeverHasChildren
        )

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        """Text, font, marker and tooltip of a cell; UserRole gives the client id."""
        # The view asks for many roles per cell on every paint; answer the unused ones at once.
        if role not in _ROLES or not index.isValid() or not 0 <= index.row() < len(self._ids):
            return None
        if role == Qt.ItemDataRole.UserRole:
            return self._ids[index.row()]
        row = self.row_data(index.row())
        if row is None:
            return None
        column = _COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            texts = self._texts.get(row.id)
            if texts is None:
                if len(self._texts) > PAGE_SIZE * MAX_CACHED_PAGES:
                    self._texts.clear()
                texts = tuple(self._text(row, each) for each in _COLUMNS)
                self._texts[row.id] = texts
            return texts[column]
        if role == ROW_ROLE:
            return row
        if role == Qt.ItemDataRole.TextAlignmentRole and column in _NUMBER_COLUMNS:
            return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        if role == Qt.ItemDataRole.FontRole and row.needs_attention:
            return self._bold
        if role == Qt.ItemDataRole.DecorationRole and self._marked(row, column):
            if self._attention is None:
                self._attention = icons.icon("attention")
            return self._attention
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleDescriptionRole):
            return self._tooltip(row, column)
        return None

    @staticmethod
    def _marked(row: caseload_query.CaseloadRow, column: Column) -> bool:
        return (column == Column.DAYS_SINCE_CONTACT and row.no_recent_contact) or (
            column == Column.OPEN_ACTIONS and row.overdue_actions
        )

    @staticmethod
    def _text(row: caseload_query.CaseloadRow, column: Column) -> str:
        if column == Column.REFERENCE:
            return row.reference
        if column == Column.NAME:
            return row.name
        if column == Column.TREDE:
            return "" if row.trede is None else str(row.trede)
        if column == Column.DAYS_SINCE_CONTACT:
            return days_text(row.days_since_contact)
        if column == Column.OPEN_BARRIERS:
            return i18n.format_number(row.open_barriers)
        if column == Column.OPEN_ACTIONS:
            return i18n.format_number(row.open_actions)
        if column == Column.KLANTMANAGER:
            return row.klantmanager
        return status_text(row.status, row.closing_reason)

    @staticmethod
    def _tooltip(row: caseload_query.CaseloadRow, column: Column) -> str | None:
        parts = []
        if column in (Column.NAME, Column.KLANTMANAGER, Column.STATUS):
            parts.append(CaseloadModel._text(row, column))  # in full, for a narrow column
        if column == Column.TREDE and row.trede is not None:
            parts.append(ladder.trede(row.trede).title())
        reasons = attention_reasons(row)
        if reasons:
            parts.append(_("Vraagt aandacht:") + " " + " ".join(reasons))
        return "\n".join(parts) or None
