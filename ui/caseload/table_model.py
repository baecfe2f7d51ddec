"""The caseload as a table model over SQL: it reads the ids of the current filter a window at a
time (``id_windows``) and fetches the rows of a page only when the view needs them."""

from __future__ import annotations

import contextlib
import datetime as dt
import enum
from collections import OrderedDict
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, NamedTuple, cast

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    SignalInstance,
)
from PySide6.QtGui import QFont, QIcon, QStandardItemModel

from caseload import caseload_query, caseload_window, ladder
from resources import i18n
from resources.i18n import _
from ui import icons
from ui.caseload import columns, id_windows
from ui.caseload.columns import Column
from ui.caseload.id_windows import IdWindows

if TYPE_CHECKING:
    from caseload.reads import Reads

#: Rows fetched in one go; a screen shows about 30, so one fetch covers several screens.
PAGE_SIZE = 200
#: Pages kept in memory; older pages are dropped and fetched again when scrolled back to.
MAX_CACHED_PAGES = 50

Index = QModelIndex | QPersistentModelIndex
#: A sort's layout change says so (the signals' overload with parents and a hint).
_SORTED = QAbstractTableModel.LayoutChangeHint.VerticalSortHint
_PARENTS, _HINT = "QList<QPersistentModelIndex>", "QAbstractItemModel::LayoutChangeHint"


def _with_hint(signal: SignalInstance) -> SignalInstance:
    """A layout signal's overload with parents and a hint (PySide's stubs know no overloads)."""
    overloads: Any = signal
    return cast(SignalInstance, overloads[_PARENTS, _HINT])


#: Role that gives the whole CaseloadRow of a line (for tests and the page).
ROW_ROLE = Qt.ItemDataRole.UserRole + 1
_COLUMNS = tuple(Column)
_COLUMN_COUNT = len(_COLUMNS)
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
#: Text alignment per column (None: the style's default).
ALIGNMENTS = tuple(_RIGHT if column in columns.NUMBER_COLUMNS else None for column in _COLUMNS)
#: Header titles wrap at a space onto two lines (one line of text for a screen reader); given
#: per section, because a header's saved state refuses a default alignment with a text flag.
_HEADER_ALIGNMENTS = tuple(
    (alignment or Qt.AlignmentFlag.AlignCenter) | Qt.TextFlag.TextWordWrap
    for alignment in ALIGNMENTS
)


class _Role(enum.Enum):
    """What data() answers, found with one dictionary look-up per call."""

    DISPLAY = enum.auto()
    CLIENT_ID = enum.auto()
    ROW = enum.auto()
    ALIGNMENT = enum.auto()
    FONT = enum.auto()
    DECORATION = enum.auto()
    TOOLTIP = enum.auto()


#: The roles data() answers; the view asks for about seven per cell on every paint, and every
#: other role is answered with None before any work.
_ROLES = {
    int(Qt.ItemDataRole.DisplayRole): _Role.DISPLAY,
    int(Qt.ItemDataRole.UserRole): _Role.CLIENT_ID,
    int(ROW_ROLE): _Role.ROW,
    int(Qt.ItemDataRole.TextAlignmentRole): _Role.ALIGNMENT,
    int(Qt.ItemDataRole.FontRole): _Role.FONT,
    int(Qt.ItemDataRole.DecorationRole): _Role.DECORATION,
    int(Qt.ItemDataRole.ToolTipRole): _Role.TOOLTIP,
    int(Qt.ItemDataRole.AccessibleDescriptionRole): _Role.TOOLTIP,
}


class Line(NamedTuple):
    """What a painted row needs, made once per row from its CaseloadRow."""

    row: caseload_query.CaseloadRow
    texts: tuple[str, ...]  # per column
    font: QFont | None  # bold for a flagged row
    marked: tuple[bool, ...]  # per column: the attention marker
    #: Per column, the text as a cell shows it: on one line, as Qt's delegate shows a line
    #: break (a line separator).
    shown: tuple[str, ...]


def _one_line(texts: tuple[str, ...]) -> tuple[str, ...]:
    """The texts with each line break shown as Qt's delegate shows it (a line separator)."""
    if not any("\n" in text for text in texts):
        return texts
    return tuple(text.replace("\n", "\u2028") for text in texts)


_TITLE_ROLES = (
    Qt.ItemDataRole.DisplayRole,
    Qt.ItemDataRole.ToolTipRole,
    Qt.ItemDataRole.TextAlignmentRole,
)


def titles_model(model: CaseloadModel, parent: QObject) -> QStandardItemModel:
    """The column titles of ``model`` (text, tooltip, alignment) held by Qt's own model, for the
    table's header: it reads them without calling into Python on every paint, and a new filter
    or search (a reset of ``model``'s rows) does not make it lay out and paint them again."""
    titles = QStandardItemModel(0, _COLUMN_COUNT, parent)
    horizontal = Qt.Orientation.Horizontal
    for section in range(_COLUMN_COUNT):
        for role in _TITLE_ROLES:
            titles.setHeaderData(
                section, horizontal, model.headerData(section, horizontal, role), role
            )
    return titles


class CaseloadModel(QAbstractTableModel):
    """Ids of the current filter and sort; row data fetched per page into a small cache."""

    def __init__(
        self,
        db: Reads,
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
        #: The ids of the filter, read from SQL a window at a time.
        self._ids = IdWindows.empty(db)
        #: Flagged clients among the ids; None after an edit, until counted again.
        self._flagged: int | None = 0
        self._positions: dict[int, int] | None = None
        self._pages: OrderedDict[int, dict[int, caseload_query.CaseloadRow]] = OrderedDict()
        self._bold = QFont()
        self._bold.setBold(True)
        self._attention: QIcon | None = None  # made on first use: it needs the application
        #: What each row shows, by row number, made once per row (the view asks per cell).
        self._lines: dict[int, Line] = {}
        #: Numbers as shown, per language: babel takes tens of microseconds per number.
        self._numbers: dict[int, str] = {}
        #: Status texts as shown (status, closing reason, transferred), per language.
        self._statuses: dict[tuple[str, str | None, bool], str] = {}
        self._numbers_language = ""
        #: What the ids and rows in memory were read as of: the database's data version, the
        #: day, the contact threshold and the language. While it holds, the same ids show the
        #: same rows.
        self._read_as_of: tuple[object, ...] | None = None
        #: Every client in the database, with the data version it was counted at.
        self._total: tuple[object, int] | None = None

    # -- what is shown ------------------------------------------------------------------------

    @property
    def current_filter(self) -> caseload_query.CaseloadFilter:
        """The filter the ids were selected with."""
        return self._filter

    @property
    def current_sort(self) -> caseload_query.Sort:
        """The order of the ids."""
        return self._sort

    def set_filter(self, flt: caseload_query.CaseloadFilter) -> bool:
        """Select the ids of a new filter: a full reset, unless the very same rows come out.
        Whether the rows were replaced (the view paints them anew).

        One more letter typed often keeps the same clients; when nothing was written since
        they were read, the view keeps its rows, selection and scroll position as they are.
        """
        as_of = self._as_of()
        selection = IdWindows(self._db, flt, self._sort, self._today())
        same = selection.complete
        if as_of == self._read_as_of and same is not None and same == self._ids.complete:
            self._filter = flt
            self._flagged = selection.flagged
            return False
        self.beginResetModel()
        self._filter = flt
        self._set_ids(selection, as_of)
        self._flagged = selection.flagged
        self.endResetModel()
        return True

    def reload(self) -> None:
        """Select the ids again with the same filter, e.g. after a client was added."""
        self.set_filter(self._filter)

    def _as_of(self) -> tuple[object, ...]:
        return (
            caseload_query.data_version(self._db),
            self._today(),
            self._threshold_days(),
            i18n.current_language(),
        )

    def _set_ids(self, ids: IdWindows, as_of: tuple[object, ...]) -> None:
        self._ids = ids
        self._read_as_of = as_of
        self._positions = None
        self._pages.clear()
        self._lines.clear()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Order by a column in SQL; selected rows stay selected (moved to their new place)."""
        wanted = caseload_query.Sort(
            Column(column).sort_column, order == Qt.SortOrder.DescendingOrder
        )
        if wanted == self._sort and self._ids:
            return
        # Rows sorted: the header then keeps no indexes of its own in row 0 across the change,
        # which would each have to be found again in the new order (a count in SQL).
        _with_hint(self.layoutAboutToBeChanged).emit([], _SORTED)
        persistent = self.persistentIndexList()
        kept = [(index, self._ids[index.row()]) for index in persistent]
        self._sort = wanted
        # The same clients in another order: the flagged count stays as it is.
        as_of = self._as_of()
        known = None
        if as_of == self._read_as_of and self._flagged is not None:
            # Nothing written since: the same count and flags, only the first window is read.
            first = caseload_window.window(
                self._db, self._filter, wanted, 0, id_windows.WINDOW, self._today()
            )
            known = caseload_window.Window(first, self._ids.count, self._flagged)
        self._set_ids(IdWindows(self._db, self._filter, wanted, self._today(), known), as_of)
        # The selection and the current row are a few indexes on one or two clients: find
        # those, rather than mapping every id to its row.
        rows = self._rows_of({ident for _index, ident in kept})
        self.changePersistentIndexList(
            persistent,
            [
                self.index(rows[ident], index.column()) if ident in rows else QModelIndex()
                for index, ident in kept
            ],
        )
        _with_hint(self.layoutChanged).emit([], _SORTED)

    def client_ids(self) -> list[int]:
        """The ids shown, in order (a copy; reads every id of the filter)."""
        return self._ids.all()

    def client_id(self, row: int) -> int:
        """The id of the client on a row."""
        return self._ids[row]

    def row_of(self, client_id: int) -> int | None:
        """The row of a client, or None when the filter does not show it."""
        return self._rows_of({client_id}).get(client_id)

    #: Up to this many clients are looked up one by one; more build the map of every row.
    _FEW = 8

    def _rows_of(self, client_ids: set[int]) -> dict[int, int]:
        """The rows of those of these clients that are shown."""
        if self._positions is None and len(client_ids) <= self._FEW:
            # The windows in memory first, then SQLite counts the client's place: far quicker
            # than reading and mapping every id of a large filter for one client.
            found = {}
            for ident in client_ids:
                with contextlib.suppress(ValueError):  # not shown
                    found[ident] = self._ids.index(ident)
            return found
        if self._positions is None:
            self._positions = {ident: row for row, ident in enumerate(self._ids.all())}
        positions = self._positions
        return {ident: positions[ident] for ident in client_ids if ident in positions}

    def still_shown(self, client_ids: tuple[int, ...]) -> bool:
        """Whether the current filter still shows every one of these clients."""
        matching = caseload_query.matching(self._db, self._filter, client_ids, self._today())
        return matching >= set(client_ids)

    def set_database(self, db: Reads) -> None:
        """Read from another connection (the file was restored or encrypted and reopened)."""
        self._db = db
        self._read_as_of = None
        self._total = None  # data versions of two connections say nothing about each other

    def refresh_clients(self, client_ids: tuple[int, ...]) -> None:
        """Fetch these clients' rows again and repaint them, without a reset (for clients
        that still match the filter; the page selects again for the others)."""
        positions = self._rows_of(set(client_ids))
        shown = [ident for ident in client_ids if ident in positions]
        if not shown:
            return
        fresh = {
            row.id: row
            for row in caseload_query.rows(self._db, shown, self._today(), self._threshold_days())
        }
        for ident in shown:
            row = positions[ident]
            self._lines.pop(row, None)
            page = self._pages.get(row // PAGE_SIZE)
            if page is not None:
                if ident in fresh:
                    page[ident] = fresh[ident]
                else:
                    page.pop(ident, None)
            self.dataChanged.emit(self.index(row, 0), self.index(row, _COLUMN_COUNT - 1))
        self._flagged = None  # an edit may have cleared or raised a flag

    def counts(self) -> caseload_query.CaseloadCounts:
        """Total, shown and flagged for the current filter (shown and flagged come with the ids)."""
        if self._flagged is None:
            self._flagged = caseload_query.flagged(self._db, self._filter, self._today())
        version = caseload_query.data_version(self._db)
        if self._total is None or self._total[0] != version:
            # Counting reads a whole index, which other queries push out of SQLite's cache.
            self._total = (version, caseload_query.total(self._db))
        return caseload_query.CaseloadCounts(
            total=self._total[1], shown=self._ids.count, flagged=self._flagged
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
        wanted = self._ids.slice(number * PAGE_SIZE, (number + 1) * PAGE_SIZE)
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
        return 0 if parent.isValid() else _COLUMN_COUNT

    def headerData(  # noqa: N802 - Qt's name
        self,
        section: int,
        orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> object:
        """Column titles; no row numbers."""
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < _COLUMN_COUNT:
            return None
        column = Column(section)
        if role == Qt.ItemDataRole.DisplayRole:
            return _(columns.TWO_LINE_HEADERS.get(column, column.sort_column.value))
        if role == Qt.ItemDataRole.ToolTipRole:
            return _(column.sort_column.value)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _HEADER_ALIGNMENTS[section]
        return None

    # No flags(): Qt's own answer (enabled, selectable, no children; never editable) is the one
    # wanted, and the view asks it for every cell it paints: from C++, not a call into Python.

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        """Text, font, marker and tooltip of a cell; UserRole gives the client id."""
        # Called about seven times per cell on every paint: one look-up for the role, one for
        # the row, and the answer is ready-made.
        kind = _ROLES.get(role)
        if kind is None:
            return None
        if kind is _Role.CLIENT_ID:
            valid = index.isValid() and 0 <= index.row() < len(self._ids)
            return self._ids[index.row()] if valid else None
        line = self._lines.get(index.row())
        if line is None:
            line = self._line(index.row()) if index.isValid() else None
            if line is None:
                return None
        if kind is _Role.DISPLAY:
            return line.texts[index.column()]
        if kind is _Role.ALIGNMENT:
            return ALIGNMENTS[index.column()]
        if kind is _Role.FONT:
            return line.font
        if kind is _Role.DECORATION:
            return self.attention_icon() if line.marked[index.column()] else None
        if kind is _Role.ROW:
            return line.row
        return self._tooltip(line, _COLUMNS[index.column()])

    def line(self, number: int) -> Line | None:
        """What a row shows (texts, font, markers), made once; None for no such row."""
        line = self._lines.get(number)
        return self._line(number) if line is None else line

    def made_lines(self) -> dict[int, Line]:
        """The rows made so far, by row number (read only; the same dictionary for the model's
        life: it is emptied, never replaced). For the delegate, which looks up every cell."""
        return self._lines

    def attention_icon(self) -> QIcon:
        """The marker beside a cell that needs attention."""
        if self._attention is None:
            self._attention = icons.icon("attention")
        return self._attention

    def _line(self, number: int) -> Line | None:
        """Make what a row shows (fetching its page when needed); None for no such row."""
        row = self.row_data(number)
        if row is None:
            return None
        language = i18n.current_language()
        if language != self._numbers_language:
            self._numbers.clear()
            self._statuses.clear()
            self._numbers_language = language
        if len(self._lines) >= PAGE_SIZE * MAX_CACHED_PAGES:
            self._lines.clear()
        days = row.days_since_contact
        status = (row.status, row.closing_reason, row.transferred)
        status_text = self._statuses.get(status)
        if status_text is None:
            status_text = self._statuses[status] = columns.status_text(*status)
        # In the order of Column (a test holds every cell to its column's text).
        texts = (
            row.reference,
            row.name,
            "" if row.trede is None else str(row.trede),
            columns.days_text(None) if days is None else self._number(days),
            self._number(row.open_barriers),
            self._number(row.open_actions),
            row.klantmanager,
            status_text,
        )
        no_contact, overdue = row.no_recent_contact, row.overdue_actions
        marked = (False, False, False, no_contact, False, overdue, False, False)
        bold = self._bold if row.needs_attention else None
        line = Line(row, texts, bold, marked, _one_line(texts))
        self._lines[number] = line
        return line

    def _number(self, value: int) -> str:
        text = self._numbers.get(value)
        if text is None:
            text = self._numbers[value] = i18n.format_number(value)
        return text

    @staticmethod
    def _tooltip(line: Line, column: Column) -> str | None:
        row = line.row
        parts = []
        if column in (Column.NAME, Column.KLANTMANAGER, Column.STATUS):
            parts.append(line.texts[column])  # in full, for a narrow column
        if column == Column.TREDE and row.trede is not None:
            parts.append(ladder.trede(row.trede).title())
        reasons = columns.attention_reasons(row)
        if reasons:
            parts.append(_("Vraagt aandacht:") + " " + " ".join(reasons))
        return "\n".join(parts) or None
