"""The pages of the main window, each made when it is first needed or just after the first paint."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QStackedWidget, QWidget

from ui import accessibility


class PageStack(QStackedWidget):
    """The pages of the navigation; a page may be made a little later than the window.

    Until it is made, an empty stand-in holds its place. It is made when it is shown, when it is
    asked for (``widget``, ``make``), or in its turn after the window's first paint
    (``make_next``, one page per event-loop turn): the page the window opens on is painted
    without waiting for the others, and Ctrl+1 … Ctrl+6 still show any page at once.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._makers: dict[int, Callable[[], QWidget]] = {}

    def add_page(self, maker: Callable[[], QWidget], now: bool) -> None:
        """Add a page at the end: made now, or a stand-in until it is needed."""
        if now:
            self.addWidget(maker())
        else:
            self._makers[self.addWidget(QWidget())] = maker

    def waiting(self) -> list[int]:
        """The indexes of the pages not made yet, in their order."""
        return sorted(self._makers)

    def make(self, index: int) -> None:
        """Put the real page in place of its stand-in (nothing when it is made already)."""
        maker = self._makers.pop(index, None)
        if maker is None:
            return
        try:
            page = maker()
        except BaseException:
            self._makers[index] = maker  # not made (a database error): asked again, tried again
            raise
        stand_in = super().widget(index)
        self.insertWidget(index, page)
        if stand_in is not None:
            self.removeWidget(stand_in)
            stand_in.deleteLater()
        accessibility.name_widgets(page)

    def make_next(self) -> bool:
        """Make the first page that is still waiting; whether there was one."""
        waiting = self.waiting()
        if waiting:
            self.make(waiting[0])
        return bool(waiting)

    def widget(self, index: int) -> QWidget | None:
        """The page at ``index``: whoever asks for a page gets the page, never its stand-in."""
        self.make(index)
        return super().widget(index)


class _FirstPaint(QObject):
    """Calls back, from the event loop, once the watched window has been painted."""

    def __init__(self, window: QWidget, then: Callable[[], None]) -> None:
        super().__init__(window)
        self._then = then
        window.installEventFilter(self)  # the window's own events only, not the application's

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        """The window's first paint: the rest follows after it; every event goes through."""
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            # After this paint, its children's included; not at all once the watched widget (and
            # with it this object) is gone.
            QTimer.singleShot(0, self, self._then)
        return False


def after_first_paint(window: QWidget, then: Callable[[], None]) -> None:
    """Call ``then`` from the event loop once ``window`` has been painted for the first time."""
    _FirstPaint(window, then)
