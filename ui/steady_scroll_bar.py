"""A scroll bar that is painted again only when it looks different (a new filter of a large
table changes its range, but the handle at its smallest size at the top looks the same), and
then painted alone, not the widgets behind it, from pixels Fusion drew once (``DrawnOnce``)."""

from __future__ import annotations

from collections import OrderedDict
from typing import NamedTuple, cast

from PySide6.QtCore import QEvent, QRect, Qt
from PySide6.QtGui import QColor, QPainter, QPixmap, QResizeEvent, QTransform
from PySide6.QtWidgets import (
    QAbstractSlider,
    QProxyStyle,
    QScrollBar,
    QStyle,
    QStyleFactory,
    QStyleOptionComplex,
    QStyleOptionSlider,
    QWidget,
)

_CHANGE = QAbstractSlider.SliderChange
_SLIDER = QStyle.SubControl.SC_ScrollBarSlider
_GROOVE = QStyle.SubControl.SC_ScrollBarGroove
_SCROLL_BAR = QStyle.ComplexControl.CC_ScrollBar
#: Grooves and handles kept as pixels, for the sizes, colours and states of late.
_KEPT = 8
#: A handle's ends, in pixels, kept as Fusion drew them; and how far its edge reaches outside.
_END, _EDGE = 6, 2
#: Handles from this length on are put together from pixels; Fusion draws shorter ones.
_PUT_TOGETHER_FROM = 48
#: The long handles are this much shorter than the groove; a handle this far from an end of
#: the groove has the groove there as it is in the middle.
_LONG = _CLEAR = 16
#: What is drawn once: the groove alone, or with a long handle against its start or its end.
_GROOVE_ONLY, _AT_START, _AT_END = 0, 1, 2
_MOVED_AT_MOST = (QTransform.TransformationType.TxNone, QTransform.TransformationType.TxTranslate)


class SteadyScrollBar(QScrollBar):
    """Skips the repaint of a change of range or steps that leaves the handle where it was and
    the arrows as they were (a change of value always repaints)."""

    def __init__(self, orientation: Qt.Orientation, parent: QWidget | None = None) -> None:
        super().__init__(orientation, parent)
        self._look: tuple[QRect, bool, bool] | None = None
        # Filled with the window colour the widgets behind it show there (the same pixels: the
        # style draws the bar partly see-through over it), so a repaint paints the bar alone,
        # not the window, page and table behind it first (about a third of its cost).
        self.setAutoFillBackground(True)
        # Kept when the table sets its own style (a style set on a widget stays its own).
        drawn_once = DrawnOnce()
        drawn_once.setParent(self)  # a widget holds its style only by a guarded pointer
        self.setStyle(drawn_once)

    def _current_look(self) -> tuple[QRect, bool, bool]:
        option = QStyleOptionSlider()
        self.initStyleOption(option)
        handle = self.style().subControlRect(_SCROLL_BAR, option, _SLIDER, self)
        # Fusion draws an arrow as disabled at the end the value has reached.
        return handle, self.value() == self.minimum(), self.value() == self.maximum()

    def sliderChange(self, change: QAbstractSlider.SliderChange) -> None:  # noqa: N802
        """Repaint unless only the range or steps changed and the scroll bar looks the same."""
        look = self._current_look()
        if change != _CHANGE.SliderValueChange and look == self._look:
            return
        self._look = look
        super().sliderChange(change)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt's name
        """Painted anew at its new size: the next change compares with that."""
        super().resizeEvent(event)
        self._look = self._current_look()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        """A new style, font or palette, enabled or not: painted anew, compared with that."""
        super().changeEvent(event)
        self._look = self._current_look()


class DrawnOnce(QProxyStyle):
    """Fusion, with a scroll bar drawn from pixels it drew once.

    Fusion fills the groove and the handle with gradients: over a millisecond for the
    caseload's bar with a long handle, and Qt paints both of a table's bars again each time it
    lays out the table (after every new search), to keep them above the rows. The groove is
    kept as drawn. The handle is kept drawn long, once against the start of the groove and once
    against its end; a handle of any length is put together from two ends and a middle, which
    is the same all along (the gradients run across the bar). The arrows are drawn as Fusion
    draws them, after; and the whole bar is kept as drawn, for the next time it is painted as
    it was.

    Only for a bar that fills its own background in one colour (``SteadyScrollBar``), painted
    at a whole scale without turning: the pixels are drawn over that colour, the same pixels
    as Fusion draws in place (``tests/ui/test_steady_scroll_bar.py`` holds them to that)."""

    def __init__(self) -> None:
        super().__init__(QStyleFactory.create("Fusion"))
        #: By what the bar looks like (see _look) and what was drawn (see _Drawn).
        self._drawn: OrderedDict[tuple[object, ...], _Drawn] = OrderedDict()
        #: Whole bars as last drawn, by look, handle and arrows.
        self._bars: OrderedDict[tuple[object, ...], QPixmap] = OrderedDict()

    def drawComplexControl(  # noqa: N802 - Qt's name
        self,
        control: QStyle.ComplexControl,
        option: QStyleOptionComplex,
        painter: QPainter,
        widget: QWidget | None = None,
    ) -> None:
        """A scroll bar from pixels: as it was last drawn with the same handle and arrows, else
        its groove and handle from pixels and its arrows as Fusion draws them (and anything but
        such a bar as Fusion draws it)."""
        look = _look(control, option, painter, widget)
        if look is None or widget is None or not isinstance(option, QStyleOptionSlider):
            super().drawComplexControl(control, option, painter, widget)
            return
        # Qt paints a table's bars again each time it lays the table out: mostly as they were.
        handle = self.subControlRect(_SCROLL_BAR, option, _SLIDER, widget)
        key = (
            *look,
            handle.x(),
            handle.y(),
            handle.width(),
            handle.height(),
            # Fusion draws the arrow of the end the value has reached as disabled.
            option.sliderValue == option.minimum,
            option.sliderValue == option.maximum,
            option.subControls.value,
            option.upsideDown,
        )
        bar = self._bars.get(key)
        if bar is None:
            bar = self._bars[key] = self._whole_bar(look, option, widget)
            while len(self._bars) > _KEPT:
                self._bars.popitem(last=False)
        else:
            self._bars.move_to_end(key)
        painter.drawPixmap(option.rect.topLeft(), bar)

    def _whole_bar(
        self, look: tuple[object, ...], option: QStyleOptionSlider, widget: QWidget
    ) -> QPixmap:
        """The bar as it looks now: groove and handle from pixels, then the arrows by Fusion."""
        ratio = cast(float, look[2])
        rect = QRect(option.rect)
        option.rect = QRect(0, 0, rect.width(), rect.height())
        pixels = QPixmap(rect.size() * ratio)
        pixels.setDevicePixelRatio(ratio)
        painter = QPainter(pixels)
        controls = option.subControls
        try:
            painter.drawPixmap(0, 0, self._pixels(look, option, _GROOVE_ONLY, widget).pixels)
            drawn = _GROOVE
            if controls & _SLIDER and self._draw_handle(look, option, painter, widget):
                drawn |= _SLIDER
            option.subControls = controls & ~drawn
            super().drawComplexControl(_SCROLL_BAR, option, painter, widget)
        finally:
            option.rect, option.subControls = rect, controls
            painter.end()
        return pixels

    def _draw_handle(
        self,
        look: tuple[object, ...],
        option: QStyleOptionSlider,
        painter: QPainter,
        widget: QWidget,
    ) -> bool:
        """Put the handle together from the long ones, on ``painter`` over the bar's own pixels
        (the bar at the origin): its ends as they are (with the edge Fusion draws just outside),
        its middle repeated. Whether it was: a short handle (cheap
        to draw: the smallest one of a long list), or one a few pixels from an end of the
        groove, is drawn by Fusion."""
        along = option.orientation == Qt.Orientation.Vertical
        handle = _span(self.subControlRect(_SCROLL_BAR, option, _SLIDER, widget), along)
        if handle[1] - handle[0] < _PUT_TOGETHER_FROM:
            return False
        groove = _span(self.subControlRect(_SCROLL_BAR, option, _GROOVE, widget), along)
        at_start = self._pixels(look, option, _AT_START, widget)
        at_end = self._pixels(look, option, _AT_END, widget)
        if at_start.handle is None or at_end.handle is None or at_start.middle is None:
            return False
        head = _long_handle_for(handle[0] - groove[0], at_start, at_end)
        tail = _long_handle_for(groove[1] - handle[1], at_end, at_start)
        if head is None or tail is None or head.handle is None or tail.handle is None:
            return False
        head_from, tail_to = head.handle[0], tail.handle[1]
        pieces = (
            # The long handle's pixels, (from, to) along the bar, and where they go.
            (head.pixels, head_from - _EDGE, head_from + _END, handle[0] - _EDGE),
            (tail.pixels, tail_to - _END, tail_to + _EDGE, handle[1] - _END),
        )
        across = option.rect.width() if along else option.rect.height()
        for pixels, source_from, source_to, target in pieces:
            ratio = int(pixels.devicePixelRatio())
            source = _across(source_from, source_to - source_from, across, along)
            painter.drawPixmap(
                _across(target, 0, 0, along).topLeft(),
                pixels,
                QRect(source.topLeft() * ratio, source.size() * ratio),
            )
        # The middle repeated, not stretched: a stretched copy is filtered (other pixels).
        middle = _across(handle[0] + _END, handle[1] - handle[0] - 2 * _END, across, along)
        painter.drawTiledPixmap(middle, at_start.middle)
        return True

    def _pixels(
        self,
        look: tuple[object, ...],
        option: QStyleOptionSlider,
        kind: int,
        widget: QWidget,
    ) -> _Drawn:
        """The bar's background with its groove drawn by Fusion, once per look; for _AT_START
        and _AT_END with a long handle against that end of the groove too."""
        key = (*look, kind)
        kept = self._drawn.get(key)
        if kept is not None:
            self._drawn.move_to_end(key)
            return kept
        ratio, background = cast(float, look[2]), QColor.fromRgba(cast(int, look[-1]))
        along = option.orientation == Qt.Orientation.Vertical
        drawn = QStyleOptionSlider(option)
        drawn.rect = QRect(0, 0, option.rect.width(), option.rect.height())
        drawn.subControls = _GROOVE
        if kind != _GROOVE_ONLY:
            # A page _LONG pixels shorter than the groove, against one end of it.
            drawn.subControls = _GROOVE | _SLIDER
            room = _span(super().subControlRect(_SCROLL_BAR, drawn, _GROOVE, widget), along)
            drawn.minimum, drawn.maximum = 0, _LONG
            drawn.pageStep = max(1, room[1] - room[0] - _LONG)
            drawn.sliderPosition = drawn.sliderValue = 0 if kind == _AT_START else _LONG
        pixels = QPixmap(drawn.rect.size() * ratio)
        pixels.setDevicePixelRatio(ratio)
        pixels.fill(background)
        painter = QPainter(pixels)
        try:
            super().drawComplexControl(_SCROLL_BAR, drawn, painter, widget)
        finally:
            painter.end()
        kept = _Drawn(pixels)
        if kind != _GROOVE_ONLY:
            handle = _span(super().subControlRect(_SCROLL_BAR, drawn, _SLIDER, widget), along)
            groove = _span(super().subControlRect(_SCROLL_BAR, drawn, _GROOVE, widget), along)
            against = handle[0] == groove[0] if kind == _AT_START else handle[1] == groove[1]
            if against and handle[1] - handle[0] >= 2 * _END + 1:
                middle_at = (handle[0] + handle[1]) // 2
                piece = _across(
                    middle_at, 1, drawn.rect.width() if along else drawn.rect.height(), along
                )
                middle = pixels.copy(QRect(piece.topLeft() * ratio, piece.size() * ratio))
                middle.setDevicePixelRatio(ratio)
                kept = _Drawn(pixels, handle, middle)
        self._drawn[key] = kept
        while len(self._drawn) > _KEPT:
            self._drawn.popitem(last=False)
        return kept


class _Drawn(NamedTuple):
    """A bar's background and groove as Fusion drew them, with a long handle: where it is
    along the bar (from, to; empty for the groove alone, or a handle that came out otherwise)
    and a piece of its middle to repeat."""

    pixels: QPixmap
    handle: tuple[int, int] | None = None
    middle: QPixmap | None = None


def _long_handle_for(gap: int, against_it: _Drawn, away_from_it: _Drawn) -> _Drawn | None:
    """For a handle's end ``gap`` pixels from its end of the groove: the long handle whose end
    has the same groove around it (the one against that end, or the one away from it), or
    None for an end a few pixels from the groove's end (drawn by Fusion)."""
    if gap == 0:
        return against_it
    return away_from_it if gap >= _CLEAR else None


def _span(rect: QRect, along: bool) -> tuple[int, int]:
    """Where a part of a bar is along it: from, and to (just past its end)."""
    return (rect.top(), rect.bottom() + 1) if along else (rect.left(), rect.right() + 1)


def _across(start: int, length: int, across: int, along: bool) -> QRect:
    """The part of a bar from ``start`` along it, ``length`` long, all the way across."""
    return QRect(0, start, across, length) if along else QRect(start, 0, length, across)


def _look(
    control: QStyle.ComplexControl,
    option: QStyleOptionComplex,
    painter: QPainter,
    widget: QWidget | None,
) -> tuple[object, ...] | None:
    """What a scroll bar's groove and handle look like (size, scale, colours, state), or None
    for what is drawn as Fusion draws it: anything but a scroll bar that fills its own
    background in one colour, or one painted at a fractional scale (pixels fall between
    pixels) or turned."""
    if control != _SCROLL_BAR or widget is None or not widget.autoFillBackground():
        return None
    background = widget.palette().brush(widget.backgroundRole())
    ratio = painter.device().devicePixelRatioF()
    if (
        not option.subControls & _GROOVE
        or background.style() != Qt.BrushStyle.SolidPattern
        or ratio != int(ratio)
        or painter.transform().type() not in _MOVED_AT_MOST
    ):
        return None
    palette = option.palette
    return (
        option.rect.width(),
        option.rect.height(),
        ratio,
        palette.cacheKey(),
        palette.currentColorGroup(),
        option.state.value,
        option.activeSubControls.value,
        option.direction,
        background.color().rgba(),
    )
