"""The last safety net of the window: a database error that no form caught becomes a message.

A full disk or a read-only file can turn up in any write; the user gets one clear sentence in a
message box, and what was saved before stays saved (every write is one transaction).
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from types import TracebackType

from PySide6.QtWidgets import QApplication, QMessageBox

from resources import errors
from resources.i18n import _

ExceptHook = Callable[[type[BaseException], BaseException, TracebackType | None], object]


def show(error: BaseException) -> None:
    """Tell the user what went wrong, in one sentence, over the active window."""
    if isinstance(error, errors.UserError):
        message = error.message
    else:
        message = errors.database_sentence(error)
    QMessageBox.warning(QApplication.activeWindow(), _("Niet gelukt"), message)


def install() -> ExceptHook:
    """Show database and input errors that reach the event loop; return the previous hook."""
    previous = sys.excepthook

    def hook(kind: type[BaseException], error: BaseException, trace: TracebackType | None) -> None:
        if isinstance(error, (*errors.DATABASE_ERRORS, errors.UserError)):
            show(error)
        else:
            previous(kind, error, trace)

    sys.excepthook = hook
    return previous
