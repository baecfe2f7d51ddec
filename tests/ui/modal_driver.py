"""Answering dialogs that run their own event loop (exec), as a user at the keyboard would."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QWidget

Answer = Callable[[QWidget], None]


class ModalDriver:
    """Hands each new modal dialog, in turn, to the next answer; records what it saw."""

    def __init__(self, *answers: Answer) -> None:
        self.answers = list(answers)
        self.seen: list[QWidget] = []
        self.errors: list[BaseException] = []
        self._timer = QTimer()
        self._timer.setInterval(10)
        self._timer.timeout.connect(self._step)
        self._timer.start()

    def _step(self) -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None or (self.seen and dialog is self.seen[-1]) or not self.answers:
            return
        self.seen.append(dialog)
        answer = self.answers.pop(0)
        try:
            answer(dialog)
        except BaseException as error:  # reported by check(), not lost in a Qt slot
            self.errors.append(error)
            dialog.close()

    def check(self) -> None:
        """Stop, and fail when an answer failed or was never used."""
        self._timer.stop()
        if self.errors:
            raise self.errors[0]
        assert not self.answers, f"{len(self.answers)} dialog(s) never came"
