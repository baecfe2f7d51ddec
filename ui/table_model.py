"""One base for the read-only tables of the window: a list of rows, headers and cell texts.

The caseload's own model is different (it holds ids and fetches rows lazily); every other
table (scans, the audit log, the files past retention, a client's timeline) uses this one.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, NamedTuple, cast

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSize,
    Qt,
)
from PySide6.QtGui import QFont, QFontMetrics, QIcon
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QStyle,
    QStyledItemDelegate,
    QStyleFactory,
    QStyleOptionViewItem,
)

Index = QModelIndex | QPersistentModelIndex


class Line(NamedTuple):
    """What a painted row shows, per column: made once per row for ``RowsDelegate``."""

    texts: list[str | None]  # each made when first shown (a column sized to its contents
    # asks for every row's text in that column only)
    fonts: tuple[QFont | None, ...]
    icons: tuple[QIcon | None, ...]


class RowsModel(QAbstractTableModel):
    """A read-only table over a list of rows; subclasses say the headers and the cell texts.

    Rows are numbered in the vertical header when ``NUMBERED`` is set; other roles (a font, an
    icon) come from :meth:`extra`.
    """

    NUMBERED = True

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[Any] = []
        self._lines: dict[int, Line] = {}

    def headers(self) -> Sequence[str]:
        """The column titles, in the active language."""
        raise NotImplementedError

    def cell(self, row: Any, column: int) -> str:
        """The text of one cell."""
        raise NotImplementedError

    def extra(self, row: Any, column: int, role: int) -> Any:
        """Any other role of a cell (a font, an icon); None by default."""
        return None

    def alignment(self, column: int) -> Qt.AlignmentFlag:
        """Left for text; subclasses right-align numbers."""
        return Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter

    def set_rows(self, rows: Sequence[Any]) -> None:
        """Replace every row."""
        self.beginResetModel()
        self._rows = list(rows)
        self._lines.clear()
        self.endResetModel()

    def row_at(self, row: int) -> Any:
        """The data behind a row."""
        return self._rows[row]

    def line(self, number: int) -> Line:
        """The fonts and icons of a row, made once (the delegate asks on every paint), and the
        texts made so far (see :meth:`text`)."""
        line = self._lines.get(number)
        if line is None:
            row = self._rows[number]
            columns = range(self.columnCount())
            line = Line(
                [None] * len(columns),
                tuple(self.extra(row, column, Qt.ItemDataRole.FontRole) for column in columns),
                tuple(
                    self.extra(row, column, Qt.ItemDataRole.DecorationRole) for column in columns
                ),
            )
            self._lines[number] = line
        return line

    def text(self, line: Line, number: int, column: int) -> str:
        """The text of a cell of this row's line, made once."""
        text = line.texts[column]
        if text is None:
            text = line.texts[column] = self.cell(self._rows[number], column)
        return text

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008 - Qt's name
        """Rows in the table (a table has no children)."""
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008 - Qt's name
        """Columns in the table."""
        return 0 if parent.isValid() else len(self.headers())

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """The cell text, its alignment, and the whole row as a tooltip."""
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        if role in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.ToolTipRole,
            Qt.ItemDataRole.AccessibleTextRole,
        ):
            return self.cell(row, index.column())
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(self.alignment(index.column()).value)
        return self.extra(row, index.column(), role)

    def headerData(  # noqa: N802 - Qt's name
        self,
        section: int,
        orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        """Column titles; rows are numbered."""
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            headers = self.headers()
            return headers[section] if 0 <= section < len(headers) else None
        return str(section + 1) if self.NUMBERED else None


_HAS_DISPLAY = QStyleOptionViewItem.ViewItemFeature.HasDisplay
_HAS_DECORATION = QStyleOptionViewItem.ViewItemFeature.HasDecoration


class RowsDelegate(QStyledItemDelegate):
    """Paints a cell of a ``RowsModel`` from its row's ready-made line in one Python call, where
    Qt's own delegate asks ``data()`` for seven roles (each a crossing from C++ into Python).
    For models whose ``extra`` answers no other roles than a font and an icon. Its parent view,
    when given, draws its cells with Qt's Fusion (``paint_cells_in_cpp``)."""

    def __init__(self, model: RowsModel, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._model = model
        if isinstance(parent, QAbstractItemView):  # the view it paints for
            paint_cells_in_cpp(parent)
        self._alignments: dict[int, Qt.AlignmentFlag] = {}
        self._fonts: dict[tuple[str, int, str], tuple[QFont, QFontMetrics]] = {}

    def initStyleOption(  # noqa: N802 - Qt's name
        self, option: QStyleOptionViewItem, index: Index
    ) -> None:
        """What ``QStyledItemDelegate`` reads from ``data()``, taken from the row at once."""
        model, row, column = self._model, index.row(), index.column()
        if not 0 <= row < model.rowCount():
            super().initStyleOption(option, index)
            return
        line = model.line(row)
        option.index = cast(QModelIndex, index)  # the view always passes a QModelIndex
        font = line.fonts[column]
        if font is not None:
            option.font, option.fontMetrics = self._resolved(font, option.font)
        alignment = self._alignments.get(column)
        if alignment is None:
            alignment = self._alignments[column] = model.alignment(column)
        option.displayAlignment = alignment
        icon = line.icons[column]
        if icon is not None:
            option.icon = icon
            option.features = option.features | _HAS_DISPLAY | _HAS_DECORATION
        else:
            option.features = option.features | _HAS_DISPLAY
        text = model.text(line, row, column)
        # As Qt's delegate shows a text: a line break as a line separator (one line in a cell).
        option.text = text.replace("\n", "\u2028") if "\n" in text else text

    def _resolved(self, font: QFont, base: QFont) -> tuple[QFont, QFontMetrics]:
        """A row's font over the view's, as Qt's delegate resolves it (made once per pair)."""
        key = (font.key(), font.resolveMask(), base.key())
        found = self._fonts.get(key)
        if found is None:
            resolved = font.resolve(base)
            found = self._fonts[key] = (resolved, QFontMetrics(resolved))
        return found


def paint_cells_in_cpp(view: QAbstractItemView) -> None:
    """Let the view draw its cells with Qt's own Fusion, not through Trede's style.

    Trede's style (``ui.style``) answers Qt's pixel metrics and primitives in Python, for check
    boxes and icon sizes; a table cell asks it about ten times, which made painting the caseload
    take half again as long. Cells draw no check boxes, and Fusion under the same style sheet and
    palette draws them with the same pixels, given the icon size Trede's style chooses for
    small icons. Under the application's style sheet the view's children take this style too:
    the header (which draws nothing Trede's style changes) and the scroll bars, unless they set
    their own (``ui.steady_scroll_bar``)."""
    style = QStyleFactory.create("Fusion")
    style.setParent(view)  # the view holds its style only by a guarded pointer
    view.setStyle(style)
    metric = QStyle.PixelMetric.PM_SmallIconSize
    side = QApplication.style().pixelMetric(metric, None, view)
    view.setIconSize(QSize(side, side))
