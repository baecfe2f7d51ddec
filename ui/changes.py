"""The one path for every change: run a domain write, show its refusal, broadcast what changed.

A widget hands ``ChangeBus.perform`` a call to a domain write; the domain's answer says what
changed (``resources.changes``), and the bus tells every view once through ``changed``. Each
view asks the changes whether they concern it; no widget names what changed itself.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from resources.changes import Changed, Changes, Kind
from resources.errors import UserError
from resources.i18n import _
from ui import jobs, undo
from ui.context import WindowContext

if TYPE_CHECKING:
    from caseload import undo as domain_undo

# ``caseload.undo`` loads the client store and the model's classes: it is imported with the first
# undoable write (``perform``), not before the window's first paint.

#: A domain write's answer: a value with its changes, or the changes alone.
Answer = TypeVar("Answer", bound=Changed[Any] | Changes)

#: Where a refusal goes: the form's or dialog's own message line, else a message box.
ErrorShown = Callable[[UserError], object]


class ChangeBus(QObject):
    """Views connect to ``changed`` (it carries ``Changes``); writes go through ``perform``.

    With a context (the window's), changes to a client's file can be undone and redone.
    """

    changed = Signal(object)

    def __init__(self, parent: QObject | None = None, context: WindowContext | None = None):
        super().__init__(parent)
        self.context = context
        self.undo_stack = undo.UndoStack(self)

    def perform(
        self,
        run: Callable[[], Answer],
        parent: QWidget,
        on_error: ErrorShown | None = None,
        *,
        undoable: undo.Undoable | None = None,
    ) -> Answer | None:
        """Run one domain write with a busy cursor; on a refusal show it and return None.

        On success every view hears once what changed, and the domain's answer is returned.
        ``undoable`` names the change and its client, so that Ctrl+Z can undo it.
        """
        from caseload import undo as domain_undo

        context = self.context if undoable is not None else None
        before = None
        if context is not None and undoable is not None:
            before = domain_undo.snapshots(context.db, undoable.client_ids)
        answer = self._run(run, parent, on_error)
        if answer is None:
            return None
        changed = answer.changes if isinstance(answer, Changed) else answer
        if context is not None and undoable is not None and before is not None:
            after = domain_undo.snapshots(context.db, undoable.client_ids)
            self.undo_stack.push(undo.Step(undoable.name, before, after))
        elif changed.touches(Kind.CLIENT):
            self.undo_stack.clear()  # changed in a way that cannot be undone: no stale undo
        self._announce(changed)
        return answer

    def undo(self, parent: QWidget) -> None:
        """Ctrl+Z: put the client's file back as it was before the newest change."""
        step = self.undo_stack.next_undo()
        if step is not None:
            self._restore(parent, step.before, step.after, "client.undo", self.undo_stack.undone)

    def redo(self, parent: QWidget) -> None:
        """Ctrl+Shift+Z: make the newest undone change again."""
        step = self.undo_stack.next_redo()
        if step is not None:
            self._restore(parent, step.after, step.before, "client.redo", self.undo_stack.redone)

    def _restore(
        self,
        parent: QWidget,
        target: tuple[domain_undo.Snapshot, ...],
        expected: tuple[domain_undo.Snapshot, ...],
        action: str,
        moved: Callable[[], None],
    ) -> None:
        from caseload import undo as domain_undo

        context = self.context
        if context is None:
            return
        answer = self._run(
            lambda: domain_undo.restore_many(
                context.db, target, expected=expected, actor=context.actor, action=action
            ),
            parent,
            None,
        )
        if answer is None:
            self.undo_stack.clear()  # the file changed meanwhile: these steps no longer fit
            return
        moved()
        self._announce(answer)

    def _run(
        self, run: Callable[[], Answer], parent: QWidget, on_error: ErrorShown | None
    ) -> Answer | None:
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            answer = run()
        except UserError as error:
            refusal = error
        else:
            return answer
        finally:
            # Also when something unexpected went wrong: the cursor never stays busy.
            QGuiApplication.restoreOverrideCursor()
        if on_error is not None:
            on_error(refusal)
        else:
            QMessageBox.warning(parent, _("Niet opgeslagen"), refusal.message)
        return None

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
            if outcome.changes.touches(Kind.CLIENT):
                self.undo_stack.clear()
            self._announce(outcome.changes)

    def _announce(self, changes: Changes) -> None:
        """Tell every view once what changed (empty changes tell nothing)."""
        if changes:
            self.changed.emit(changes)
