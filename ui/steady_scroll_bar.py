"""A scroll bar that is painted again only when it looks different (a new filter of a large
table changes its range, but the handle at its smallest size at the top looks the same), and
then painted alone, not the widgets behind it."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QRect, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QAbstractSlider, QScrollBar, QStyle, QStyleOptionSlider, QWidget

_CHANGE = QAbstractSlider.SliderChange
_SLIDER = QStyle.SubControl.SC_ScrollBarSlider
_SCROLL_BAR = QStyle.ComplexControl.CC_ScrollBar


class SteadyScrollBar(QScrollBar):
    """Skips the repaint of a change of range or steps that leaves the handle where it was and
    the arrows as they were (a change of value always repaints)."""

    def __init__(self, orientation: Qt.Orientation, parent: QWidget | None = None) -> None:
        super().__init__(orientation, parent)
        self._look: tuple[QRect, bool, bool] | None = None
        # Filled with the window colour the widgets behind it show there (the same pixels: the
        # style draws the bar partly see-through over it), so a repaint paints the bar alone,
        # not the window, page and table behind it first (about a third of its cost).
        self.setAutoFillBackground(True)

    def _current_look(self) -> tuple[QRect, bool, bool]:
        option = QStyleOptionSlider()
        self.initStyleOption(option)
        handle = self.style().subControlRect(_SCROLL_BAR, option, _SLIDER, self)
        # Fusion draws an arrow as disabled at the end the value has reached.
        return handle, self.value() == self.minimum(), self.value() == self.maximum()

    def sliderChange(self, change: QAbstractSlider.SliderChange) -> None:  # noqa: N802
        """Repaint unless only the range or steps changed and the scroll bar looks the same."""
        look = self._current_look()
        if change != _CHANGE.SliderValueChange and look == self._look:
            return
        self._look = look
        super().sliderChange(change)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt's name
        """Painted anew at its new size: the next change compares with that."""
        super().resizeEvent(event)
        self._look = self._current_look()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        """A new style, font or palette, enabled or not: painted anew, compared with that."""
        super().changeEvent(event)
        self._look = self._current_look()
