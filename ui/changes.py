"""The one path for every change: run a domain write, show its refusal, broadcast what changed.

A widget hands ``ChangeBus.perform`` a call to a domain write; the domain's answer says what
changed (``resources.changes``), and the bus tells every view once through ``changed``. Each
view asks the changes whether they concern it; no widget names what changed itself.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from resources import changes as changes_
from resources.changes import Changed, Changes
from resources.errors import UserError
from resources.i18n import _
from ui import jobs

#: A domain write's answer: a value with its changes, or the changes alone.
Answer = TypeVar("Answer", bound=Changed[Any] | Changes)

#: Where a refusal goes: the form's or dialog's own message line, else a message box.
ErrorShown = Callable[[UserError], object]


class ChangeBus(QObject):
    """Views connect to ``changed`` (it carries ``Changes``); writes go through ``perform``."""

    changed = Signal(object)

    def perform(
        self, run: Callable[[], Answer], parent: QWidget, on_error: ErrorShown | None = None
    ) -> Answer | None:
        """Run one domain write with a busy cursor; on a refusal show it and return None.

        On success every view hears once what changed, and the domain's answer is returned.
        """
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            answer = run()
        except UserError as error:
            QGuiApplication.restoreOverrideCursor()
            if on_error is not None:
                on_error(error)
            else:
                QMessageBox.warning(parent, _("Niet opgeslagen"), error.message)
            return None
        QGuiApplication.restoreOverrideCursor()
        self.announce(answer.changes if isinstance(answer, Changed) else answer)
        return answer

    def perform_in_background(
        self, parent: QWidget, title: str, label: str, job: jobs.Job
    ) -> jobs.JobRunner:
        """Long work off the GUI thread (``jobs.run``); when the job answers with a domain
        ``Changed``, every view hears what changed before the caller's ``finished`` slot runs."""
        runner = jobs.run(parent, title, label, job)
        runner.finished.connect(self._job_finished)
        return runner

    def _job_finished(self, outcome: object) -> None:
        if isinstance(outcome, Changed):
            self.announce(outcome.changes)

    def announce(self, changes: Changes) -> None:
        """Tell every view once what changed (empty changes tell nothing)."""
        if changes:
            self.changed.emit(changes)


def whole_database() -> Changes:
    """What a restore or encryption changed: everything (each view reloads)."""
    return changes_.DATABASE
