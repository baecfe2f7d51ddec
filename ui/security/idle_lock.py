"""The app lock: after a while without key or mouse use the window hides its content.

Every other window of the app is covered too. A dialog that runs its own event loop (``exec``:
application-modal) cannot be hidden without ending that loop, which would cancel it and lose
what was typed; so it stays open with its content hidden and a neutral title (veiled). Every
other window (forms opened with ``open()``, progress dialogs, tool windows) is hidden and shown
again after unlocking, unless it was closed meanwhile. When a veiled dialog blocks the main
window, the passphrase is asked in a small dialog of its own on top.
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QMetaObject, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QGuiApplication, QInputEvent, QKeyEvent, QWindow
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QMainWindow,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from resources.i18n import _
from ui import accessibility, design, metrics, widgets
from ui.context import WindowContext

#: What counts as someone at the keyboard; anything else (timers, repaints) does not.
ACTIVITY = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
    }
)
MS_PER_MINUTE = 60_000


class IdleWatcher(QObject):
    """Emits ``idle`` when no key or mouse event reached the application for a while.

    Keys and the mouse reach a window of the screen (a ``QWindow``) before Qt hands them to a
    widget in it, so this watches the windows, each from the moment it first has the focus:
    not the application, where every event of every object (each paint, each layout) would
    pass through Python.
    """

    idle = Signal()

    def __init__(self, timeout_ms: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(timeout_ms)
        self._timer.timeout.connect(self.idle)
        self._windows: list[QWindow] = []
        application = QCoreApplication.instance()
        if isinstance(application, QGuiApplication):
            application.focusWindowChanged.connect(self._watch)
            self._watch(application.focusWindow())
        self._timer.start()

    def _watch(self, window: QWindow | None) -> None:
        """Watch a window that has the focus (once; Qt removes the filter with the window)."""
        self._windows = [known for known in self._windows if shiboken6.isValid(known)]
        if window is not None and window not in self._windows:
            window.installEventFilter(self)
            self._windows.append(window)

    def set_timeout_ms(self, timeout_ms: int) -> None:
        """Change the idle time; the count starts again."""
        self._timer.setInterval(timeout_ms)
        self._timer.start()

    @property
    def timeout_ms(self) -> int:
        """How long the window may stay idle before it locks."""
        return self._timer.interval()

    def remaining_ms(self) -> int:
        """How long until the window locks if nothing happens (-1 while not counting)."""
        return self._timer.remainingTime()

    def restart(self) -> None:
        """Start counting again from now."""
        self._timer.start()

    def stop(self) -> None:
        """Stop counting (while the window is locked)."""
        self._timer.stop()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        """Every key or mouse event starts the count again; nothing is swallowed."""
        # The class first: it costs no enum per event.
        if isinstance(event, QInputEvent) and event.type() in ACTIVITY and self._timer.isActive():
            self._timer.start()
        return False


class LockPage(QWidget):
    """What a locked window shows: the passphrase field, or Verder for a plain database."""

    unlocked = Signal()

    def __init__(self, context: WindowContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        # A short column in the middle of the window, not a field as wide as the screen.
        outer = QHBoxLayout(self)
        box = QWidget()
        box.setMaximumWidth(design.scaled(metrics.FORM_MAX_WIDTH))
        outer.addStretch(1)
        outer.addWidget(box, 3, Qt.AlignmentFlag.AlignVCenter)
        outer.addStretch(1)
        layout = widgets.page_layout(box)
        layout.addWidget(widgets.title(_("Trede is vergrendeld")))
        self.field: QLineEdit | None = None
        if context.encrypted:
            layout.addWidget(
                widgets.paragraph(
                    _("U was een tijd niet actief. Typ uw wachtwoord om verder te werken.")
                )
            )
            form = QFormLayout()
            self.field = QLineEdit()
            self.field.setEchoMode(QLineEdit.EchoMode.Password)
            label = QLabel(_("&Wachtwoord:"))
            label.setBuddy(self.field)
            form.addRow(label, self.field)
            layout.addLayout(form)
            self.button = QPushButton(_("&Ontgrendelen"))
            # Enter in the field tries once; as a dialog's default button it would try twice.
            self.button.setAutoDefault(False)
            self.field.returnPressed.connect(self._try)
        else:
            layout.addWidget(
                widgets.paragraph(
                    _(
                        "U was een tijd niet actief. Deze database heeft geen wachtwoord, "
                        "dus Trede vraagt er ook geen. U werkt als %(name)s."
                    )
                    % {"name": context.actor}
                )
            )
            self.button = QPushButton(_("&Verder"))
        self.button.clicked.connect(self._try)
        layout.addWidget(self.button)
        self.message = QLabel()
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        layout.addStretch()
        accessibility.name_widgets(self)

    def clear(self) -> None:
        """Forget what was typed and said."""
        if self.field is not None:
            self.field.clear()
        self.message.clear()

    def focus_first_field(self) -> None:
        """Put the keyboard focus where the user types."""
        (self.field or self.button).setFocus()

    def _try(self) -> None:
        if self.field is not None and not self._context.check_passphrase(self.field.text()):
            self.message.setText(_("Het wachtwoord klopt niet. Probeer het opnieuw."))
            self.field.selectAll()
            self.field.setFocus()
            return
        self.unlocked.emit()


class UnlockDialog(QDialog):
    """The lock page on top of everything, for when a dialog blocks the main window."""

    def __init__(self, context: WindowContext, parent: QWidget) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Trede is vergrendeld"))
        self.setWindowModality(Qt.WindowModality.ApplicationModal)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.page = LockPage(context)
        layout.addWidget(self.page)

    def reject(self) -> None:
        """Escape does not take the lock away."""

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt's name
        """Nor does the window's close button; only the passphrase does."""
        event.ignore()


class Veil(QWidget):
    """Covers a dialog that must stay open while locked: its content hidden, its title neutral."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self._window = window
        self._title = window.windowTitle()
        self._focus = window.focusWidget()
        self._hidden = [
            child
            for child in window.findChildren(
                QWidget, options=Qt.FindChildOption.FindDirectChildrenOnly
            )
            if child is not self and not child.isWindow() and not child.isHidden()
        ]
        # The dialog keeps its size: with its content hidden its layout would shrink it.
        self._layout = window.layout()
        self._constraint = self._layout.sizeConstraint() if self._layout is not None else None
        if self._layout is not None:
            self._layout.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
        self._minimum, self._maximum = window.minimumSize(), window.maximumSize()
        window.setFixedSize(window.size())
        for child in self._hidden:
            child.hide()
        self.setAutoFillBackground(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        layout = QVBoxLayout(self)
        label = QLabel(_("Trede is vergrendeld."))
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(label)
        window.setWindowTitle(_("Trede — vergrendeld"))
        self.setGeometry(window.rect())
        self.show()
        self.raise_()
        self.setFocus()
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        """Follow the window's size and keep it; a close request waits until Trede is unlocked."""
        if event.type() == QEvent.Type.Resize:
            self.setGeometry(self._window.rect())
        elif event.type() == QEvent.Type.Close:
            event.ignore()
            return True
        elif event.type() == QEvent.Type.LayoutRequest:
            return True  # a message box would shrink itself around its hidden content
        return False

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        """No key reaches the dialog underneath (Escape would cancel it, Enter would accept)."""
        event.accept()

    def lift(self) -> None:
        """Show the dialog's content and title again, with the focus where it was."""
        self._window.removeEventFilter(self)
        for child in self._hidden:
            if shiboken6.isValid(child):
                child.show()
        self._window.setWindowTitle(self._title)
        self._window.setMinimumSize(self._minimum)
        self._window.setMaximumSize(self._maximum)
        if self._layout is not None and self._constraint is not None:
            self._layout.setSizeConstraint(self._constraint)
        if self._focus is not None and shiboken6.isValid(self._focus):
            self._focus.setFocus()
        # Deleted now, not with deleteLater: a deferred delete posted inside the dialog's own
        # event loop can run after the dialog itself is gone, and crash.
        shiboken6.delete(self)


def _runs_own_loop(window: QWidget) -> bool:
    """Whether hiding the window would end an ``exec()`` loop: an application-modal dialog."""
    return (
        isinstance(window, QDialog)
        and window.windowModality() == Qt.WindowModality.ApplicationModal
    )


def _is_popup(window: QWidget) -> bool:
    return window.windowType() in (Qt.WindowType.Popup, Qt.WindowType.ToolTip)


class Locker(QObject):
    """Locks a main window after the idle time: content hidden, menus and shortcuts off."""

    def __init__(self, window: QMainWindow, context: WindowContext, minutes: int) -> None:
        super().__init__(window)
        self._window = window
        self._context = context
        self._content: QWidget | None = None
        #: The widget that had the focus when the window locked: it has it again on unlock.
        self._focus: QWidget | None = None
        self._page: LockPage | None = None
        self._disabled: list[QWidget | QAction] = []
        #: Windows hidden by the lock, in their order; the closed ones are left out on unlock.
        self._hidden: list[QWidget] = []
        self._closed: set[int] = set()
        self._finished: list[QMetaObject.Connection] = []
        self._veils: list[Veil] = []
        self._prompt: UnlockDialog | None = None
        self._spare_prompt: UnlockDialog | None = None
        self.watcher = IdleWatcher(minutes * MS_PER_MINUTE, self)
        self.watcher.idle.connect(self.lock)

    @property
    def is_locked(self) -> bool:
        """Whether the window shows the lock page now."""
        return self._page is not None

    @property
    def page(self) -> LockPage | None:
        """The lock page where the passphrase can be typed now (the dialog's, when shown)."""
        if self._prompt is not None:
            return self._prompt.page
        return self._page

    @property
    def window_page(self) -> LockPage | None:
        """The lock page in the main window while locked."""
        return self._page

    def set_minutes(self, minutes: int) -> None:
        """Change the idle time (from the settings)."""
        self.watcher.set_timeout_ms(minutes * MS_PER_MINUTE)

    def lock(self) -> None:
        """Hide the window's content and every other window; menus and shortcuts stop working."""
        if self.is_locked:
            return
        self.watcher.stop()
        self._focus = self._window.focusWidget()
        self._content = self._window.takeCentralWidget()
        self._page = LockPage(self._context)
        self._page.unlocked.connect(self.unlock)
        self._window.setCentralWidget(self._page)
        menu_bar = self._window.menuBar()
        items: list[QWidget | QAction] = [menu_bar, *self._window.actions()]
        self._disabled = [item for item in items if item.isEnabled()]
        for item in self._disabled:
            item.setEnabled(False)
        for other in QApplication.topLevelWidgets():
            if other is not self._window and other.isVisible():
                self._cover(other)
        # A window that opens while locked (an error from a background job) is covered too.
        application = QCoreApplication.instance()
        if application is not None:
            application.installEventFilter(self)
        self._ask_where_possible()

    def _cover(self, window: QWidget) -> None:
        """Close a popup, veil a dialog that runs its own loop, hide any other window."""
        if window is self._prompt or isinstance(window, Veil) or not window.isVisible():
            return
        if _is_popup(window):
            window.close()
        elif _runs_own_loop(window):
            if not any(veil.parent() is window for veil in self._veils):
                self._veils.append(Veil(window))
        elif window not in self._hidden:
            self._hidden.append(window)
            if isinstance(window, QDialog):
                # done() on a hidden dialog sends no close event, only this signal.
                self._finished.append(
                    window.finished.connect(lambda _result, w=window: self._closed.add(id(w)))
                )
            window.hide()

    def _ask_where_possible(self) -> None:
        """Focus the passphrase field; over a blocking dialog, in a dialog of its own on top."""
        blocker = QApplication.activeModalWidget()
        if blocker is None and self._prompt is None:
            self._window.activateWindow()
            if self._page is not None:
                self._page.focus_first_field()
            return
        if self._prompt is None:
            if self._spare_prompt is None:
                self._spare_prompt = UnlockDialog(self._context, self._window)
                self._spare_prompt.page.unlocked.connect(self.unlock)
            self._prompt = self._spare_prompt
        elif blocker is not self._prompt:
            self._prompt.hide()  # shown again below: back on top of the dialog that came
        self._prompt.show()
        self._prompt.raise_()
        self._prompt.activateWindow()
        self._prompt.page.focus_first_field()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        """While locked: cover windows that appear, and note hidden ones that were closed."""
        kind = event.type()
        if kind == QEvent.Type.Close and watched in self._hidden:
            self._closed.add(id(watched))
        elif (
            kind == QEvent.Type.Show
            and self.is_locked
            and isinstance(watched, QWidget)
            and watched.isWindow()
            and watched is not self._window
            and watched is not self._prompt
        ):
            if id(watched) in self._closed:
                self._closed.discard(id(watched))  # opened again by its own code
            # After the show is done: hiding or veiling inside its Show event is too early.
            QTimer.singleShot(0, lambda w=watched: self._cover_late(w))
        return False

    def _cover_late(self, window: QWidget) -> None:
        if self.is_locked and shiboken6.isValid(window) and window.isVisible():
            self._cover(window)
            self._ask_where_possible()

    def unlock(self) -> None:
        """Show the content and the other windows again, as they were."""
        if self._page is None:
            return
        application = QCoreApplication.instance()
        if application is not None:
            application.removeEventFilter(self)
        if self._prompt is not None:
            # Kept for the next lock (it is the sender of this call); emptied, so no typed
            # passphrase stays in it.
            self._prompt.hide()
            self._prompt.page.clear()
            self._spare_prompt = self._prompt
            self._prompt = None
        self._window.takeCentralWidget()
        self._page.deleteLater()
        self._page = None
        if self._content is not None:
            self._window.setCentralWidget(self._content)
            self._content.show()  # taking it out hid it
            focus = self._focus
            if focus is not None and shiboken6.isValid(focus) and focus.isVisibleTo(self._window):
                focus.setFocus()  # where the user was, visibly: the field, the list, the row
            else:
                self._content.setFocus()
            self._content = None
        self._focus = None
        for item in self._disabled:
            item.setEnabled(True)
        self._disabled = []
        for veil in self._veils:
            if shiboken6.isValid(veil):
                veil.lift()
        self._veils = []
        for connection in self._finished:
            QObject.disconnect(connection)
        self._finished = []
        for window in self._hidden:
            if shiboken6.isValid(window) and id(window) not in self._closed:
                window.show()
        self._hidden = []
        self._closed = set()
        self.watcher.restart()
