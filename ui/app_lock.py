"""The app lock: after a while without key or mouse use the window hides its content."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QFormLayout,
    QLabel,
    QLineEdit,
    QMainWindow,
    QPushButton,
    QWidget,
)

from resources.i18n import _
from ui import accessibility, widgets
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
    """Emits ``idle`` when no key or mouse event reached the application for a while."""

    idle = Signal()

    def __init__(self, timeout_ms: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(timeout_ms)
        self._timer.timeout.connect(self.idle)
        application = QCoreApplication.instance()
        if application is not None:
            application.installEventFilter(self)
        self._timer.start()

    def set_timeout_ms(self, timeout_ms: int) -> None:
        """Change the idle time; the count starts again."""
        self._timer.setInterval(timeout_ms)
        self._timer.start()

    def restart(self) -> None:
        """Start counting again from now."""
        self._timer.start()

    def stop(self) -> None:
        """Stop counting (while the window is locked)."""
        self._timer.stop()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        """Every key or mouse event starts the count again; nothing is swallowed."""
        if event.type() in ACTIVITY and self._timer.isActive():
            self._timer.start()
        return False


class LockPage(QWidget):
    """What a locked window shows: the passphrase field, or Verder for a plain database."""

    unlocked = Signal()

    def __init__(self, context: WindowContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        layout = widgets.page_layout(self)
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


class Locker(QObject):
    """Locks a main window after the idle time: content hidden, menus and shortcuts off."""

    def __init__(self, window: QMainWindow, context: WindowContext, minutes: int) -> None:
        super().__init__(window)
        self._window = window
        self._context = context
        self._content: QWidget | None = None
        self._page: LockPage | None = None
        self._disabled: list[QWidget | QAction] = []
        self.watcher = IdleWatcher(minutes * MS_PER_MINUTE, self)
        self.watcher.idle.connect(self.lock)

    @property
    def is_locked(self) -> bool:
        """Whether the window shows the lock page now."""
        return self._page is not None

    @property
    def page(self) -> LockPage | None:
        """The lock page while locked."""
        return self._page

    def set_minutes(self, minutes: int) -> None:
        """Change the idle time (from the settings)."""
        self.watcher.set_timeout_ms(minutes * MS_PER_MINUTE)

    def lock(self) -> None:
        """Hide the window's content behind the lock page; menus and shortcuts stop working."""
        if self.is_locked:
            return
        self.watcher.stop()
        self._content = self._window.takeCentralWidget()
        self._page = LockPage(self._context)
        self._page.unlocked.connect(self.unlock)
        self._window.setCentralWidget(self._page)
        menu_bar = self._window.menuBar()
        items: list[QWidget | QAction] = [menu_bar, *self._window.actions()]
        self._disabled = [item for item in items if item.isEnabled()]
        for item in self._disabled:
            item.setEnabled(False)
        self._page.focus_first_field()

    def unlock(self) -> None:
        """Show the content again, as it was."""
        if self._page is None:
            return
        self._window.takeCentralWidget()
        self._page.deleteLater()
        self._page = None
        if self._content is not None:
            self._window.setCentralWidget(self._content)
            self._content.show()  # taking it out hid it
            self._content.setFocus()
            self._content = None
        for item in self._disabled:
            item.setEnabled(True)
        self._disabled = []
        self.watcher.restart()
