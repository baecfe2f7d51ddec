"""The caseload's scroll bar is painted again only when it looks different: a new filter of
thousands of clients leaves the smallest handle at the top, and the bar unpainted."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication, QScrollBar, QStyle, QStyleOptionSlider, QWidget

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


def _pixels(bar: QScrollBar) -> QImage:
    return bar.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)


#: (range, value) with a page of 20: handles long and short, at the start, a few pixels from
#: it, in the middle and at the end, in a bar 400 pixels long.
_HANDLES = [
    (range_, value)
    for range_ in (1, 10, 60, 200, 5_000)
    for value in sorted({0, 1, 3, range_ // 2, range_ - 3, range_ - 1, range_})
    if 0 <= value <= range_
]


@pytest.fixture
def two_bars(qtbot, request):
    """Trede's bar and Qt's own beside it, in the scheme and orientation asked for."""
    scheme, orientation = request.param
    application = QApplication.instance()
    assert isinstance(application, QApplication)
    design.install(application, scheme)
    window = QWidget()
    qtbot.addWidget(window)
    ours, plain = SteadyScrollBar(orientation, window), QScrollBar(orientation, window)
    if orientation == Qt.Orientation.Vertical:
        window.resize(80, 420)
        ours.setGeometry(10, 10, 16, 400)
        plain.setGeometry(40, 10, 16, 400)
    else:
        window.resize(420, 80)
        ours.setGeometry(10, 10, 400, 16)
        plain.setGeometry(10, 40, 400, 16)
    window.show()
    qtbot.waitExposed(window)
    yield ours, plain
    design.install(application, "light")


def _set(bars, range_: int, value: int, enabled: bool = True) -> None:
    for bar in bars:
        bar.setRange(0, range_)
        bar.setPageStep(20)
        bar.setValue(value)
        bar.setEnabled(enabled)


_SCHEMES_AND_ORIENTATIONS = [
    (scheme, orientation)
    for scheme in ("light", "dark")
    for orientation in (Qt.Orientation.Vertical, Qt.Orientation.Horizontal)
]


@pytest.mark.parametrize("two_bars", _SCHEMES_AND_ORIENTATIONS, indirect=True)
def test_every_handle_shows_the_pixels_of_qts_own_bar(two_bars) -> None:
    """The groove and handle are drawn from pixels kept, the handle put together from its ends
    and middle: at every length and place, enabled or not, it shows what Qt draws in place."""
    ours, plain = two_bars
    different = []
    for range_, value in _HANDLES:
        for enabled in (True, False):
            _set(two_bars, range_, value, enabled)
            if _pixels(ours) != _pixels(plain):
                different.append((range_, value, enabled))
    assert different == []


@pytest.mark.parametrize("two_bars", _SCHEMES_AND_ORIENTATIONS[:2], indirect=True)
def test_a_pressed_handle_shows_the_pixels_of_qts_own_bar(qtbot, two_bars) -> None:
    """Held down with the mouse, the handle is drawn in its pressed colours, as Qt's own."""
    ours, plain = two_bars
    _set(two_bars, 60, 30)
    shown = []
    for bar in two_bars:
        option = QStyleOptionSlider()
        bar.initStyleOption(option)
        handle = bar.style().subControlRect(
            QStyle.ComplexControl.CC_ScrollBar, option, QStyle.SubControl.SC_ScrollBarSlider, bar
        )
        qtbot.mousePress(bar, Qt.MouseButton.LeftButton, pos=handle.center())
        assert bar.isSliderDown()
        shown.append(_pixels(bar))
        qtbot.mouseRelease(bar, Qt.MouseButton.LeftButton, pos=handle.center())
    assert shown[0] == shown[1]
    _set(two_bars, 60, 30)
    assert _pixels(ours) != shown[0]  # pressed looks different from not pressed
