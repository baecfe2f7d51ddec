"""Text at 200 %, as a user with large text has it, for a part of a GUI test."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator

from PySide6.QtWidgets import QApplication


@contextlib.contextmanager
def twice_the_text_size() -> Iterator[None]:
    """The application's font at twice its size; the usual size again afterwards."""
    application = QApplication.instance()
    assert isinstance(application, QApplication)
    normal = application.font()
    larger = application.font()
    larger.setPointSizeF(normal.pointSizeF() * 2)
    application.setFont(larger)
    try:
        yield
    finally:
        application.setFont(normal)
