"""The caseload's scroll bar is painted again only when it looks different: a new filter of
thousands of clients leaves the smallest handle at the top, and the bar unpainted."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QApplication

from ui import design
from ui.steady_scroll_bar import SteadyScrollBar


class _Paints(QObject):
    """Counts paint events of one widget."""

    def __init__(self) -> None:
        super().__init__()
        self.count = 0

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.Paint:
            self.count += 1
        return False


@pytest.fixture
def bar(qtbot) -> SteadyScrollBar:
    """A vertical bar over 86,000 rows, 20 to a page, at the top."""
    application = QApplication.instance()
    assert isinstance(application, QApplication)
    design.ensure_installed()
    shown = SteadyScrollBar(Qt.Orientation.Vertical)
    qtbot.addWidget(shown)
    shown.resize(16, 400)
    shown.setRange(0, 86_000)
    shown.setPageStep(20)
    shown.show()
    qtbot.waitExposed(shown)
    return shown


def _paints_after(qtbot, bar: SteadyScrollBar, change) -> int:
    qtbot.wait(20)  # paints asked for before
    paints = _Paints()
    bar.installEventFilter(paints)
    change()
    qtbot.wait(20)  # a repaint, if one was asked for, comes with the next event-loop turns
    bar.removeEventFilter(paints)
    return paints.count


def test_a_range_that_leaves_the_bar_as_it_was_is_not_painted_again(qtbot, bar) -> None:
    before = bar.grab().toImage()
    assert _paints_after(qtbot, bar, lambda: bar.setRange(0, 14_000)) == 0
    assert bar.grab().toImage() == before  # what a fresh paint shows: the same


def test_a_range_that_changes_the_handle_or_arrows_is_painted(qtbot, bar) -> None:
    before = bar.grab().toImage()
    assert _paints_after(qtbot, bar, lambda: bar.setRange(0, 60)) > 0  # a larger handle
    assert bar.grab().toImage() != before
    bar.setValue(60)
    at_end = bar.grab().toImage()
    # At the end the down arrow is drawn disabled: reaching it repaints, also by the range.
    assert _paints_after(qtbot, bar, lambda: bar.setRange(0, 14_000)) > 0
    assert bar.grab().toImage() != at_end


def test_scrolling_is_painted(qtbot, bar) -> None:
    bar.setFocus()
    assert _paints_after(qtbot, bar, lambda: qtbot.keyClick(bar, Qt.Key.Key_PageDown)) > 0
    assert bar.value() == 20
