"""How a caseload cell is painted: Qt's styled delegate, told a cell's text, font, alignment and
marker in one Python call from the row the model made once (instead of the seven ``data()``
calls per cell, each a crossing from C++ into Python, that Qt's own delegate makes)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QModelIndex, QObject, QPersistentModelIndex
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QAbstractItemView, QStyledItemDelegate, QStyleOptionViewItem

from ui import table_model as rows_model
from ui.caseload import table_model
from ui.caseload.table_model import CaseloadModel

Index = QModelIndex | QPersistentModelIndex

_FEATURE = QStyleOptionViewItem.ViewItemFeature
#: A cell's features on an even and an odd row: text, or text and the attention marker.
_TEXT_ONLY = (_FEATURE.HasDisplay, _FEATURE.HasDisplay | _FEATURE.Alternate)
_WITH_ICON = tuple(features | _FEATURE.HasDecoration for features in _TEXT_ONLY)


class CaseloadDelegate(QStyledItemDelegate):
    """Fills a cell's style option from the model's ready-made row; the style draws it as it
    draws every other table (selection, alternating rows, focus, palette unchanged)."""

    def __init__(self, model: CaseloadModel, view: QAbstractItemView) -> None:
        super().__init__(view)
        self._model = model
        self._view = view
        #: The view's font made bold, with its metrics; made again when the view's font changes.
        self._bold: tuple[QFont, QFontMetrics] | None = None
        self._watch = _FontWatch(self._forget_bold, self)
        view.installEventFilter(self._watch)
        rows_model.paint_cells_in_cpp(view)

    def _forget_bold(self) -> None:
        self._bold = None

    def initStyleOption(  # noqa: N802 - Qt's name
        self, option: QStyleOptionViewItem, index: Index
    ) -> None:
        """What ``QStyledItemDelegate`` reads from ``data()``, taken from the row at once."""
        row = index.row()
        line = self._model.line(row)
        if line is None:  # no such row (any more): as Qt's own delegate would draw it
            super().initStyleOption(option, index)
            return
        column = index.column()
        text = line.texts[column]
        # As Qt's delegate shows a text: a line break as a line separator (one line in a cell).
        option.text = text.replace("\n", "\u2028") if "\n" in text else text
        alignment = table_model.ALIGNMENTS[column]
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
            option.icon = self._model.attention_icon()
            option.features = _WITH_ICON[odd]
        else:
            option.features = _TEXT_ONLY[odd]


class _FontWatch(QObject):
    """Tells when the view's font changes (the delegate's bold font is made from it)."""

    def __init__(self, changed: Callable[[], None], parent: QObject) -> None:
        super().__init__(parent)
        self._changed = changed

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        """Pass every event on; note a change of font."""
        if event.type() == QEvent.Type.FontChange:
            self._changed()
        return False
