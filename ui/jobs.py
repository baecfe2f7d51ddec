"""Run long work off the GUI thread with a cancellable progress dialog; failures go to one dialog."""

from __future__ import annotations

import contextlib
import threading
import traceback
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt, QThread, Signal
from PySide6.QtWidgets import QApplication, QMessageBox, QProgressDialog, QWidget

from resources import errors
from resources.errors import UserError
from resources.i18n import _

if TYPE_CHECKING:
    from sqlite_utils import Database

#: A job gets a progress callback (done, total) and a function that says whether to stop.
Job = Callable[[Callable[[int, int], None], Callable[[], bool]], Any]


class Cancelled(Exception):
    """Raised by a job that noticed the user pressed Annuleren."""


class _Worker(QObject):
    progressed = Signal(int, int)
    succeeded = Signal(object)
    failed = Signal(str)
    cancelled = Signal()

    def __init__(self, job: Job, stop: threading.Event) -> None:
        super().__init__()
        self._job = job
        self._stop = stop

    def run(self) -> None:
        try:
            result = self._job(self.progressed.emit, self._stop.is_set)
        except Cancelled:
            self.cancelled.emit()
        except UserError as error:
            self.failed.emit(error.message)
        except errors.DATABASE_ERRORS as error:
            # A full disk, a read-only file, a busy database: one sentence the user understands.
            self.failed.emit(errors.database_sentence(error))
        except Exception as error:  # noqa: BLE001 - every failure must reach the user, not vanish
            traceback.print_exc()
            self.failed.emit(_("Er ging iets mis: %(reason)s") % {"reason": error})
        else:
            if self._stop.is_set():
                self.cancelled.emit()
            else:
                self.succeeded.emit(result)


class JobRunner(QObject):
    """One running job: its thread, its progress dialog, and what happens afterwards."""

    #: Emitted with the job's result when it finished without being cancelled.
    finished = Signal(object)
    #: Emitted with the message shown to the user when the job failed.
    failed = Signal(str)
    #: Emitted when the user cancelled.
    cancelled = Signal()

    def __init__(self, parent: QWidget, title: str, label: str, job: Job) -> None:
        super().__init__(parent)
        self._parent = parent
        self._title = title
        self._stop = threading.Event()
        # Where the keyboard was: it goes back there when the progress dialog closes.
        self._focus = QApplication.focusWidget()
        self.dialog = QProgressDialog(label, _("Annuleren"), 0, 0, parent)
        self.dialog.setWindowTitle(title)
        self.dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self.dialog.setMinimumDuration(300)
        self.dialog.setAutoClose(False)
        self.dialog.setAutoReset(False)
        self.dialog.canceled.connect(self.cancel)
        self._thread = QThread()
        self._worker = _Worker(job, self._stop)
        self._worker.moveToThread(self._thread)
        self._thread.started.connect(self._worker.run)
        self._worker.progressed.connect(self._progress)
        self._worker.succeeded.connect(self._succeeded)
        self._worker.failed.connect(self._failed)
        self._worker.cancelled.connect(self._cancelled)

    def start(self) -> None:
        """Start the job in its own thread."""
        self._thread.start()

    def cancel(self) -> None:
        """Ask the job to stop at its next check."""
        self._stop.set()
        self.dialog.setLabelText(_("Bezig met stoppen…"))

    def _progress(self, done: int, total: int) -> None:
        self.dialog.setMaximum(max(total, 0))
        self.dialog.setValue(min(done, total) if total else 0)

    def _finish(self) -> None:
        self._thread.quit()
        self._thread.wait()
        self.dialog.reset()
        self.dialog.close()
        with contextlib.suppress(RuntimeError):  # the widget may be gone (a page made again)
            if self._focus is not None and self._focus.isVisible():
                self._focus.window().activateWindow()
                self._focus.setFocus(Qt.FocusReason.OtherFocusReason)
            elif self._parent.isVisible():
                # Started from a dialog that has closed since (a file dialog): the keyboard goes
                # back to the window the job belongs to, not to nowhere.
                self._parent.window().activateWindow()

    def _succeeded(self, result: object) -> None:
        self._finish()
        self.finished.emit(result)

    def _failed(self, message: str) -> None:
        self._finish()
        self.failed.emit(message)
        QMessageBox.warning(self._parent, self._title, message)

    def _cancelled(self) -> None:
        self._finish()
        self.cancelled.emit()


def on_own_connection(
    connect: Callable[[], Database],
    work: Callable[[Database, Callable[[int, int], None], Callable[[], bool]], Any],
    stopped: type[Exception],
) -> Job:
    """A job that does ``work(db, progress, cancelled)`` on a connection of its own (SQLite
    connections must not cross threads), closed afterwards; the domain's ``stopped`` exception
    (the user cancelled) counts as :class:`Cancelled`."""

    def job(progress: Callable[[int, int], None], cancelled: Callable[[], bool]) -> Any:
        db = connect()
        try:
            return work(db, progress, cancelled)
        except stopped:
            raise Cancelled() from None
        finally:
            db.close()

    return job


def run(parent: QWidget, title: str, label: str, job: Job) -> JobRunner:
    """Start ``job`` off the GUI thread; connect to the runner's signals for the outcome."""
    runner = JobRunner(parent, title, label, job)
    runner.start()
    return runner
