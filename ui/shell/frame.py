"""The window's frame, painted at once: title, menus, navigation, before the data is read.

Opening the database (sqlite-utils, the schema check) and building the pages takes a good part
of a second; the user sees the frame of the window meanwhile, at the size and place the window
will have. Only Qt, the translations and the palette are loaded for it. The main window takes
its place as soon as it has been made (``close_frame``).
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from PySide6.QtCore import QByteArray, QEvent, QEventLoop, QObject, QSettings
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QWidget,
)

from resources.i18n import _
from ui import design, icons, metrics, qt_setup

#: How long to wait for the frame's first paint at most; a platform without one goes on.
PAINT_WAIT_SECONDS = 2.0

_frame: list[QMainWindow] = []


class _Painted(QObject):
    """Notes that the frame has been painted: Qt paints a window before the widgets in it.

    It watches the window alone. A filter on the application would pass every event of every
    object through Python, and the first widget Qt made on its own (a list's viewport) that
    reaches Python makes PySide load every widget class it has: some 9 ms before the frame.
    """

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.painted = False
        self._window = window
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        """Watch for the window's first paint; let every event through."""
        if event.type() == QEvent.Type.Paint:
            self.painted = True
        return False

    def stop(self) -> None:
        """Stop watching (the frame lives until the main window takes over)."""
        self._window.removeEventFilter(self)


def navigation_texts() -> list[tuple[str, str]]:
    """The pages of the navigation as the main window lists them: text and icon name."""
    return [
        (_("Vandaag"), "worklist"),
        (_("Caseload"), "caseload"),
        (_("Quickscan"), "quickscan"),
        (_("Rapporten"), "reports"),
        (_("Instellingen"), "settings"),
        (_("Overzicht"), "overview"),
    ]


#: The key in the window state (window.ini) of the colour scheme the window was last drawn in.
SCHEME_KEY = "colour_scheme"


def _build(state: QSettings, database: Path | None) -> QMainWindow:
    """The frame: the main window's title, menus, navigation and status bar, pages empty."""
    window = QMainWindow()
    window.setWindowTitle("Trede")
    window.setMinimumSize(*metrics.MINIMUM_WINDOW_SIZE)
    window.resize(*metrics.DEFAULT_WINDOW_SIZE)
    geometry = state.value("geometry")
    if isinstance(geometry, QByteArray):
        window.restoreGeometry(geometry)
    bar = window.menuBar()
    for title in (_("&Bestand"), _("Bewerken"), _("&Ga naar"), _("&Help")):
        bar.addMenu(title)
    navigation = QListWidget()
    design.style_navigation(navigation)
    navigation.setFixedWidth(design.scaled(metrics.NAVIGATION_WIDTH))
    navigation.setEnabled(False)  # nothing to go to until the pages are there
    for text, icon_name in navigation_texts():
        QListWidgetItem(icons.icon(icon_name), text, navigation)
    central = QWidget()
    layout = QHBoxLayout(central)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(navigation)
    layout.addWidget(QWidget(), 1)
    window.setCentralWidget(central)
    if database is not None:
        window.statusBar().addPermanentWidget(QLabel(_("Database: %(path)s") % {"path": database}))
    return window


def show_frame(app_name: str, window_state: Path, database: Path | None) -> None:
    """Make the application, show the frame and return once it has been painted.

    ``window_state`` holds the window's remembered size and place; ``database`` is the file the
    status bar names (None for the demo, whose file is not made yet).
    """
    application = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(application, QApplication)
    application.setApplicationName(app_name)
    application.setOrganizationName(app_name)
    qt_setup.install_fonts(application)
    state = QSettings(str(window_state), QSettings.Format.IniFormat)
    # Drawn in the scheme the window had when it closed: asking the system costs the frame some
    # 20 ms (ui.design.system_scheme); the window asks it once it is made and follows it.
    remembered = state.value(SCHEME_KEY)
    design.install_colours(application, remembered if isinstance(remembered, str) else None)
    window = _build(state, database)
    painted = _Painted(window)
    window.show()
    deadline = time.monotonic() + PAINT_WAIT_SECONDS
    while not painted.painted and time.monotonic() < deadline:
        application.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
    painted.stop()
    _frame.append(window)


def hand_over(window: QMainWindow) -> None:
    """The main window is shown: the frame goes once it has been painted, and the main window
    becomes the active one (keys go to it at once); no moment without a window on screen."""
    if not _frame:
        return
    # Loaded with the window's code already; watches the main window's own events only, not
    # every event of the application while the window is shown and painted.
    from ui.shell import page_stack

    def take_over() -> None:
        close_frame()
        window.raise_()
        window.activateWindow()

    page_stack.after_first_paint(window, take_over)


def close_frame() -> None:
    """The main window is up (or the start ended): the frame goes."""
    while _frame:
        window = _frame.pop()
        window.close()
        window.deleteLater()
