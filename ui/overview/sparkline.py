"""A small trend line over the quarters, as on the report's first page, readable without colour."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QPointF, QSize, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

LINE = QColor(30, 30, 30)


class Sparkline(QWidget):
    """The values of one key figure per quarter; a hidden quarter breaks the line."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._values: list[float | None] = []
        self.setAccessibleName(name)
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)

    def set_series(self, values: Sequence[float | None], description: str) -> None:
        """Draw these values; ``description`` reads them out (quarter: value) for screen readers."""
        self._values = list(values)
        self.setAccessibleDescription(description)
        self.setToolTip(description)
        self.update()

    def values(self) -> list[float | None]:
        """The values drawn now."""
        return list(self._values)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return QSize(120, 28)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt's name
        shown = [value for value in self._values if value is not None]
        if len(self._values) < 2 or not shown:
            return
        low, high = min(shown), max(shown)
        margin = 4.0
        step = (self.width() - 2 * margin) / (len(self._values) - 1)
        height = self.height() - 2 * margin

        def point(index: int, value: float) -> QPointF:
            middle = 0.5 if high == low else (value - low) / (high - low)
            return QPointF(margin + index * step, margin + (1 - middle) * height)

        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(LINE, 1.5))
        last: QPointF | None = None
        previous: QPointF | None = None
        for index, value in enumerate(self._values):
            if value is None:
                previous = None
                continue
            here = point(index, value)
            if previous is not None:
                painter.drawLine(previous, here)
            previous = last = here
        if last is not None:
            painter.setBrush(QBrush(LINE))
            painter.setPen(Qt.PenStyle.NoPen)
            painter.drawEllipse(last, 3.0, 3.0)
        painter.end()
