"""Watching paint events in GUI tests: how often one widget is painted, or which widgets are
painted and where in their window."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPoint, QRect
from PySide6.QtWidgets import QWidget


class Paints(QObject):
    """Counts the paint events of the widgets it is installed on."""

    def __init__(self) -> None:
        super().__init__()
        self.count = 0

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        """Count, never swallow."""
        if event.type() == QEvent.Type.Paint:
            self.count += 1
        return False


class AllPaints(QObject):
    """Which widgets are painted, in order, and the area each paint covers in the widget's
    window (installed on the application)."""

    def __init__(self) -> None:
        super().__init__()
        self.painted: list[QObject] = []
        self.areas: list[tuple[QObject, QRect]] = []

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        """Note, never swallow."""
        if event.type() == QEvent.Type.Paint:
            self.painted.append(watched)
            if isinstance(watched, QWidget):
                top_left = watched.mapTo(watched.window(), QPoint(0, 0))
                self.areas.append((watched, event.rect().translated(top_left)))
        return False
