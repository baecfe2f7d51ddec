"""How a caseload cell is painted: Qt's styled delegate, told a cell's text, font, alignment and
marker in one Python call from the row the model made once (instead of the seven ``data()``
calls per cell, each a crossing from C++ into Python, that Qt's own delegate makes)."""

from __future__ import annotations

from typing import cast

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QStyledItemDelegate, QStyleOptionViewItem

from ui.caseload import table_model
from ui.caseload.table_model import CaseloadModel

Index = QModelIndex | QPersistentModelIndex

_HAS_DISPLAY = QStyleOptionViewItem.ViewItemFeature.HasDisplay
_HAS_DECORATION = QStyleOptionViewItem.ViewItemFeature.HasDecoration


class CaseloadDelegate(QStyledItemDelegate):
    """Fills a cell's style option from the model's ready-made row; the style draws it as it
    draws every other table (selection, alternating rows, focus, palette unchanged)."""

    def __init__(self, model: CaseloadModel, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._model = model
        #: The view's font and that font made bold, with its metrics (made when the font changes).
        self._font: QFont | None = None
        self._bold = QFont()
        self._bold_metrics: QFontMetrics | None = None

    def initStyleOption(  # noqa: N802 - Qt's name
        self, option: QStyleOptionViewItem, index: Index
    ) -> None:
        """What ``QStyledItemDelegate`` reads from ``data()``, taken from the row at once."""
        line = self._model.line(index.row())
        if line is None:  # no such row (any more): as Qt's own delegate would draw it
            super().initStyleOption(option, index)
            return
        column = index.column()
        # As Qt's own delegate does; the view always passes a QModelIndex.
        option.index = cast(QModelIndex, index)
        text = line.texts[column]
        # As Qt's delegate shows a text: a line break as a line separator (one line in a cell).
        option.text = text.replace("\n", "\u2028") if "\n" in text else text
        alignment = table_model.ALIGNMENTS[column]
        if alignment is not None:
            option.displayAlignment = alignment
        if line.font is not None:
            self._set_bold(option)
        if line.marked[column]:
            option.icon = self._model.attention_icon()
            option.features = option.features | _HAS_DISPLAY | _HAS_DECORATION
        else:
            option.features = option.features | _HAS_DISPLAY

    def _set_bold(self, option: QStyleOptionViewItem) -> None:
        font = option.font
        if font != self._font or self._bold_metrics is None:
            self._font = QFont(font)
            self._bold = QFont(font)
            self._bold.setBold(True)
            self._bold_metrics = QFontMetrics(self._bold)
        option.font = self._bold
        option.fontMetrics = self._bold_metrics
