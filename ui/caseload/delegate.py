"""How a caseload cell is painted: Qt's styled delegate, told a cell's text, font, alignment and
marker in one Python call from the row the model made once (instead of the seven ``data()``
calls per cell, each a crossing from C++ into Python, that Qt's own delegate makes)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QModelIndex, QObject, QPersistentModelIndex, QRect, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import QStyledItemDelegate, QStyleOptionViewItem, QTableView, QWidget

from ui import design
from ui import table_model as rows_model
from ui.caseload import table_model
from ui.caseload.table_model import CaseloadModel

Index = QModelIndex | QPersistentModelIndex

_FEATURE = QStyleOptionViewItem.ViewItemFeature
#: A cell's features on an even and an odd row: text, or text and the attention marker.
_TEXT_ONLY = (_FEATURE.HasDisplay, _FEATURE.HasDisplay | _FEATURE.Alternate)
_WITH_ICON = tuple(features | _FEATURE.HasDecoration for features in _TEXT_ONLY)
_ALIGNMENTS = table_model.ALIGNMENTS
#: The modes a cell's marker is drawn in (Fusion: disabled, selected, or normal).
_MODES = (QIcon.Mode.Normal, QIcon.Mode.Active, QIcon.Mode.Selected, QIcon.Mode.Disabled)


class CaseloadDelegate(QStyledItemDelegate):
    """Fills a cell's style option from the model's ready-made row; the style draws it as it
    draws every other table (selection, alternating rows, focus, palette unchanged)."""

    def __init__(self, model: CaseloadModel, view: QTableView) -> None:
        super().__init__(view)
        self._model = model
        self._lines = model.made_lines()
        self._view = view
        #: The view's font made bold, with its metrics; made again when the view's font changes.
        self._bold: tuple[QFont, QFontMetrics] | None = None
        #: The attention marker as ready pixels, and what they were drawn for (see _marker).
        self._marker: QIcon | None = None
        self._marker_for: tuple[object, ...] = ()
        self._watch = _FontWatch(self._forget_bold, self)
        view.installEventFilter(self._watch)
        rows_model.paint_cells_in_cpp(view)
        self._background = OwnBackground(view.viewport())
        # The column titles from Qt's own model: the header reads them without calling into
        # Python, and a new filter or search (a reset of the rows) leaves it as it is.
        view.horizontalHeader().setModel(table_model.titles_model(model, view))

    def _forget_bold(self) -> None:
        self._bold = None
        self._marker = None

    def initStyleOption(  # noqa: N802 - Qt's name
        self, option: QStyleOptionViewItem, index: Index
    ) -> None:
        """What ``QStyledItemDelegate`` reads from ``data()``, taken from the row at once."""
        row = index.row()
        line = self._lines.get(row)
        if line is None:
            line = self._model.line(row)
            if line is None:  # no such row (any more): as Qt's own delegate would draw it
                super().initStyleOption(option, index)
                return
        column = index.column()
        # As Qt's delegate shows a text: a line break as a line separator (made with the row).
        option.text = line.shown[column]
        alignment = _ALIGNMENTS[column]
        if alignment is not None:
            option.displayAlignment = alignment
        if line.font is not None:
            bold = self._bold
            if bold is None:
                font = QFont(option.font)
                font.setBold(True)
                bold = self._bold = (font, QFontMetrics(font))
            option.font, option.fontMetrics = bold
        # What the view sets (every other row Alternate: the table hides no rows and wraps no
        # text) with what the cell has; worked out here, not read from the option and OR-ed.
        odd = 1 if row & 1 and self._view.alternatingRowColors() else 0
        if line.marked[column]:
            option.icon = self._marker_icon(option)
            option.features = _WITH_ICON[odd]
        else:
            option.features = _TEXT_ONLY[odd]

    def _marker_icon(self, option: QStyleOptionViewItem) -> QIcon:
        """The model's attention marker as pixels drawn once for the cell's icon size, screen
        scale and palette: Qt draws them without calling into Python (the model's icon draws
        its SVG's picture from Python on every paint of every marked cell). The same pixels."""
        size = option.decorationSize
        if size.isEmpty():  # no size to draw for: the model's own icon
            return self._model.attention_icon()
        wanted = (design.palette(), self._view.devicePixelRatioF(), size.width(), size.height())
        if self._marker is None or wanted != self._marker_for:
            self._marker = _drawn(
                self._model.attention_icon(), size.width(), size.height(), wanted[1]
            )
            self._marker_for = wanted
        return self._marker


def _drawn(icon: QIcon, width: int, height: int, ratio: float) -> QIcon:
    """An icon of ``icon``'s pixels at one size and scale, in every mode a cell draws it in."""
    drawn = QIcon()
    for mode in _MODES:
        pixels = QPixmap(round(width * ratio), round(height * ratio))
        pixels.setDevicePixelRatio(ratio)
        pixels.fill(QColor(0, 0, 0, 0))
        painter = QPainter(pixels)
        icon.paint(painter, QRect(0, 0, width, height), Qt.AlignmentFlag.AlignCenter, mode)
        painter.end()
        drawn.addPixmap(pixels, mode)
    return drawn


class OwnBackground(QObject):
    """Lets a table's rows area fill its own background, in the palette's base colour the
    widgets behind it show there (the same pixels), so painting the rows does not paint the
    window, page and table behind them first. The application's style sheet turns the fill off
    when it styles the widget (before it is first shown, and for a new colour scheme): it is
    turned on again then."""

    #: Events that come after the style sheet has styled the widget.
    _STYLED = (QEvent.Type.Show, QEvent.Type.StyleChange)

    def __init__(self, viewport: QWidget) -> None:
        super().__init__(viewport)
        viewport.setAutoFillBackground(True)
        viewport.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        """Pass every event on; after the style sheet's turn, fill again."""
        if event.type() in self._STYLED and isinstance(watched, QWidget):
            watched.setAutoFillBackground(True)
        return False


class _FontWatch(QObject):
    """Tells when the view's font, palette or style changes (the delegate's bold font and
    marker are made from them)."""

    _CHANGES = (QEvent.Type.FontChange, QEvent.Type.PaletteChange, QEvent.Type.StyleChange)

    def __init__(self, changed: Callable[[], None], parent: QObject) -> None:
        super().__init__(parent)
        self._changed = changed

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        """Pass every event on; note a change of font, palette or style."""
        if event.type() in self._CHANGES:
            self._changed()
        return False
