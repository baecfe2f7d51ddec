"""The caseload's scroll bar is painted again only when it looks different: a new filter of
thousands of clients leaves the smallest handle at the top, and the bar unpainted."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QScrollBar, QWidget

from ui import design
from ui.steady_scroll_bar import SteadyScrollBar

from .paints import AllPaints, Paints


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
    paints = Paints()
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


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("orientation", [Qt.Orientation.Vertical, Qt.Orientation.Horizontal])
def test_a_new_range_paints_the_bar_alone_with_the_same_pixels(qtbot, scheme, orientation) -> None:
    """In a window, the bar paints its own background in the window's colour: a new handle
    repaints the bar, not the window behind it, and the window shows what it showed before."""
    application = QApplication.instance()
    assert isinstance(application, QApplication)
    design.install(application, scheme)
    try:
        window = QWidget()
        qtbot.addWidget(window)
        bar = SteadyScrollBar(orientation, window)
        if orientation == Qt.Orientation.Vertical:
            window.resize(60, 420)
            bar.setGeometry(20, 10, 16, 400)
        else:
            window.resize(420, 60)
            bar.setGeometry(10, 20, 400, 16)
        bar.setRange(0, 86_000)
        bar.setPageStep(20)
        window.show()
        qtbot.waitExposed(window)
        plain = QScrollBar(orientation, window)  # as Qt draws it over the window
        plain.setGeometry(bar.geometry())
        plain.setRange(0, 60)
        plain.setPageStep(20)
        plain.hide()
        qtbot.wait(20)  # paints asked for before
        painted = AllPaints()
        application.installEventFilter(painted)
        bar.setRange(0, 60)  # a larger handle
        qtbot.waitUntil(lambda: bar in painted.painted)
        application.removeEventFilter(painted)
        assert set(painted.painted) == {bar}
        ours = window.grab().toImage()
        bar.hide()
        plain.show()
        assert window.grab().toImage() == ours
    finally:
        design.install(application, "light")
