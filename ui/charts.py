"""Charts in the window: bars with their values printed on them, and a trede history line.

Both draw in the chart colours of the palette (resources.design, the same as the PDFs) with
the value written on every mark, so they read without colour; a tooltip gives the exact figure
under the pointer, and both expose their data as an accessible description for screen readers.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from PySide6.QtCore import QEvent, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFontMetrics, QHelpEvent, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from resources import i18n
from resources.bars import Bar
from ui import design


def _chart() -> QColor:
    return design.colour("chart")


def _compare() -> QColor:
    return design.colour("chart_compare")


class BarChart(QWidget):
    """Horizontal bars, one per row, with the value written next to each bar."""

    ROW = 26

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._title = title
        self._bars: list[Bar] = []
        self._maximum = 100.0
        self.setAccessibleName(title)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def set_bars(self, bars: Sequence[Bar], maximum: float = 100.0) -> None:
        """Show these bars on a scale from 0 to ``maximum``."""
        self._bars = list(bars)
        self._maximum = maximum or 1.0
        self.setAccessibleDescription("; ".join(f"{bar.label}: {bar.text}" for bar in self._bars))
        self.updateGeometry()
        self.update()

    def bars(self) -> list[Bar]:
        """The bars shown now."""
        return list(self._bars)

    def event(self, event: QEvent) -> bool:
        """A tooltip with the exact figure of the bar under the pointer."""
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            index = (event.pos().y() - 4) // self._row_height()
            if 0 <= index < len(self._bars):
                bar = self._bars[index]
                text = f"{bar.label}: {bar.text}"
                if bar.compare_value is not None:
                    text += f" ({bar.compare_text})"
                QToolTip.showText(event.globalPos(), text, self)
            else:
                QToolTip.hideText()
            return True
        return super().event(event)

    def _row_height(self) -> int:
        compare = any(bar.compare_value is not None for bar in self._bars)
        return self.ROW + (12 if compare else 0)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        """As tall as the rows need."""
        return QSize(480, max(1, len(self._bars)) * self._row_height() + 8)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        """Never squeeze the rows."""
        return QSize(320, self.sizeHint().height())

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt's name
        """Draw labels, bars and values."""
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        metrics = QFontMetrics(self.font())
        label_width, text_room = self._columns(metrics)
        plot_width = max(10, self.width() - label_width - text_room)
        row = self._row_height()
        text_colour = self.palette().color(self.foregroundRole())
        labels = self._labels(metrics, label_width)
        for index, (bar, label) in enumerate(zip(self._bars, labels, strict=True)):
            top = 4 + index * row
            painter.setPen(text_colour)
            label_rect = QRectF(0, top, label_width - 8, self.ROW - 6)
            painter.drawText(
                label_rect, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, label
            )
            self._draw_bar(
                painter, label_width, top, plot_width, bar.value, bar.text, _chart(), self.ROW - 8
            )
            if bar.compare_value is not None:
                self._draw_bar(
                    painter,
                    label_width,
                    top + self.ROW - 6,
                    plot_width,
                    bar.compare_value,
                    bar.compare_text,
                    _compare(),
                    10,
                )
        painter.setPen(QPen(text_colour, 1))
        painter.drawLine(label_width, 2, label_width, self.height() - 2)
        painter.end()

    def _columns(self, metrics: QFontMetrics) -> tuple[int, int]:
        """The width of the label column and the room kept after the longest bar for the
        longest value text ('onvoldoende zicht'). A label gets all the width it needs as long
        as the bars keep two fifths of the chart; only beyond that is it shortened with '…'."""
        texts = [b.text for b in self._bars] + [b.compare_text for b in self._bars]
        text_room = max((metrics.horizontalAdvance(text) for text in texts), default=0) + 12
        longest = max((metrics.horizontalAdvance(b.label) for b in self._bars), default=0) + 12
        room = max(int(self.width() * 0.4), self.width() - text_room - int(self.width() * 0.4))
        return min(longest, room), text_room

    def shown_labels(self) -> list[str]:
        """The labels as drawn: whole, or shortened with '…' when the chart is too narrow."""
        metrics = QFontMetrics(self.font())
        return self._labels(metrics, self._columns(metrics)[0])

    def _labels(self, metrics: QFontMetrics, label_width: int) -> list[str]:
        return [
            metrics.elidedText(bar.label, Qt.TextElideMode.ElideRight, label_width - 8)
            for bar in self._bars
        ]

    def _draw_bar(
        self,
        painter: QPainter,
        left: int,
        top: int,
        plot_width: int,
        value: float,
        text: str,
        colour: QColor,
        height: int,
    ) -> None:
        length = max(0.0, min(value, self._maximum)) / self._maximum * plot_width
        painter.setPen(QPen(self.palette().color(self.foregroundRole()), 0.5))
        painter.setBrush(colour)
        painter.drawRect(QRectF(left, top, length, height))
        painter.setPen(self.palette().color(self.foregroundRole()))
        painter.drawText(
            QRectF(
                left + length + 6, top - 2, max(70.0, self.width() - left - length - 6), height + 4
            ),
            Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
            text,
        )


class LadderChart(QWidget):
    """The trede history of one client: a step line over time on the six treden."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._points: list[tuple[dt.date, int]] = []
        self._expected: int | None = None
        self._places: list[tuple[QPointF, dt.date, int]] = []
        self.setAccessibleName(title)
        self.setMinimumSize(320, 170)

    def event(self, event: QEvent) -> bool:
        """A tooltip with the date and trede of the measurement nearest the pointer."""
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            near = [
                (abs(point.x() - event.pos().x()), day, trede)
                for point, day, trede in self._places
                if abs(point.x() - event.pos().x()) <= 12
            ]
            if near:
                _distance, day, trede = min(near)
                text = i18n._("%(date)s: trede %(trede)d") % {
                    "date": i18n.date_text(day),
                    "trede": trede,
                }
                QToolTip.showText(event.globalPos(), text, self)
            else:
                QToolTip.hideText()
            return True
        return super().event(event)

    def set_history(
        self, points: Sequence[tuple[dt.date, int]], expected: int | None = None
    ) -> None:
        """Show these measurements (date, trede), oldest first, and an optional expected trede."""
        self._points = sorted(points)
        self._expected = expected
        self.setAccessibleDescription(
            "; ".join(f"{i18n.date_text(day)}: {trede}" for day, trede in self._points)
            or self.empty_text()
        )
        self.update()

    @staticmethod
    def empty_text() -> str:
        """What the chart says before the first measurement (empty lines look like a fault)."""
        return i18n._("Nog geen metingen. Leg de trede vast op het tabblad Trede (Alt+R).")

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt's name
        """Draw the grid of six treden and the measurements."""
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        text_colour = self.palette().color(self.foregroundRole())
        metrics = QFontMetrics(self.font())
        left, right, top = metrics.horizontalAdvance("6") + 16, self.width() - 12, 10
        bottom = self.height() - metrics.height() - 8
        step = (bottom - top) / 5
        painter.setPen(QPen(design.colour("grid"), 1))
        for trede in range(1, 7):
            y = bottom - (trede - 1) * step
            painter.drawLine(QPointF(left, y), QPointF(right, y))
            painter.setPen(text_colour)
            painter.drawText(
                QRectF(0, y - 8, left - 6, 16),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                str(trede),
            )
            painter.setPen(QPen(design.colour("grid"), 1))
        if self._expected is not None:
            y = bottom - (self._expected - 1) * step
            painter.setPen(QPen(text_colour, 1, Qt.PenStyle.DashLine))
            painter.drawLine(QPointF(left, y), QPointF(right, y))
        if not self._points:
            # On a patch of the page's own colour: the grid lines do not run through the text.
            area = QRectF(left, top, right - left, bottom - top)
            flags = Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap
            patch = painter.boundingRect(area, flags, self.empty_text())
            painter.fillRect(patch.adjusted(-6, -3, 6, 3), self.palette().window())
            painter.setPen(text_colour)
            painter.drawText(area, flags, self.empty_text())
            painter.end()
            return
        first, last = self._points[0][0], self._points[-1][0]
        span = max(1, (last - first).days)

        def place(day: dt.date, trede: int) -> QPointF:
            x = left + 8 + (day - first).days / span * (right - left - 16)
            return QPointF(x, bottom - (trede - 1) * step)

        painter.setPen(QPen(_chart(), 2))
        previous: QPointF | None = None
        for day, trede in self._points:
            point = place(day, trede)
            if previous is not None:
                painter.drawLine(previous, QPointF(point.x(), previous.y()))
                painter.drawLine(QPointF(point.x(), previous.y()), point)
            previous = point
        painter.setBrush(_chart())
        self._places = []
        for day, trede in self._points:
            point = place(day, trede)
            painter.drawEllipse(point, 4, 4)
            self._places.append((point, day, trede))
        painter.setPen(text_colour)
        # Dates under the measurements, left to right, each where it fits beside the last one.
        taken = float(left) - 1
        for point, day, _trede in self._places:
            text = i18n.date_text(day)
            width = metrics.horizontalAdvance(text) + 8
            x = min(max(point.x() - width / 2, float(left)), float(right) - width)
            if x > taken:
                painter.drawText(
                    QRectF(x, bottom + 4, width, metrics.height()),
                    Qt.AlignmentFlag.AlignCenter,
                    text,
                )
                taken = x + width
        painter.end()
