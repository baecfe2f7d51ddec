"""Trede's style: Fusion, with check boxes, radio buttons, icons and number boxes that show in
both colour schemes and grow with the font (installed by ``ui.design.install``)."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QProxyStyle,
    QStyle,
    QStyleFactory,
    QStyleOption,
    QStyleOptionComplex,
    QWidget,
)

from resources import design
from ui.design import palette, scaled, text_scale

_INDICATORS = (
    QStyle.PixelMetric.PM_IndicatorWidth,
    QStyle.PixelMetric.PM_IndicatorHeight,
    QStyle.PixelMetric.PM_ExclusiveIndicatorWidth,
    QStyle.PixelMetric.PM_ExclusiveIndicatorHeight,
)


class TredeStyle(QProxyStyle):
    """Fusion, with check boxes and radio buttons drawn in the palette's border colour (Fusion
    derives their edge from the window colour, which all but vanishes in dark mode).

    At the usual text size Fusion's own sizes hold; ``LargeTextStyle`` grows them with larger
    text. Kept apart because Qt asks a style for a size hundreds of times for each window it
    lays out (675 times before the caseload's first paint), and an override in Python makes
    each of those a call into Python: some 7 ms of the window's start.
    """

    def __init__(self) -> None:
        super().__init__(QStyleFactory.create("Fusion"))

    def drawPrimitive(  # noqa: N802 - Qt's name
        self,
        element: QStyle.PrimitiveElement,
        option: QStyleOption,
        painter: QPainter,
        widget: QWidget | None = None,
    ) -> None:
        """Draw the box of a check box or radio button; everything else as Fusion does."""
        radio = element == QStyle.PrimitiveElement.PE_IndicatorRadioButton
        if not radio and element != QStyle.PrimitiveElement.PE_IndicatorCheckBox:
            super().drawPrimitive(element, option, painter, widget)
            return
        colours = palette()
        enabled = bool(option.state & QStyle.StateFlag.State_Enabled)
        edge = QColor(colours.border if enabled else colours.disabled)
        mark = QColor(colours.accent if enabled else colours.disabled)
        box = QRectF(option.rect).adjusted(1.5, 1.5, -1.5, -1.5)
        side = min(box.width(), box.height())
        box = QRectF(box.center().x() - side / 2, box.center().y() - side / 2, side, side)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(edge, 1.5))
        painter.setBrush(QColor(colours.base))
        if radio:
            painter.drawEllipse(box)
        else:
            painter.drawRoundedRect(box, 2, 2)
        if option.state & QStyle.StateFlag.State_On:
            if radio:
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(mark)
                painter.drawEllipse(
                    box.adjusted(side * 0.25, side * 0.25, -side * 0.25, -side * 0.25)
                )
            else:
                painter.setPen(QPen(mark, max(2.0, side / 7)))
                painter.drawPolyline(
                    [
                        QPointF(box.left() + side * 0.22, box.top() + side * 0.52),
                        QPointF(box.left() + side * 0.42, box.top() + side * 0.72),
                        QPointF(box.left() + side * 0.78, box.top() + side * 0.3),
                    ]
                )
        painter.restore()

    def drawComplexControl(  # noqa: N802 - Qt's name
        self,
        control: QStyle.ComplexControl,
        option: QStyleOptionComplex,
        painter: QPainter,
        widget: QWidget | None = None,
    ) -> None:
        """Number and date boxes as Fusion draws them, with an edge that shows in both modes
        and the 2-pixel focus ring of the other fields."""
        super().drawComplexControl(control, option, painter, widget)
        if not isinstance(widget, QAbstractSpinBox):
            return
        colours = palette()
        focused = bool(option.state & QStyle.StateFlag.State_HasFocus)
        width = design.FOCUS_WIDTH if focused else 1
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(QColor(colours.focus if focused else colours.border), width))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        inset = width / 2
        painter.drawRoundedRect(
            QRectF(option.rect).adjusted(inset, inset, -inset, -inset), design.RADIUS, design.RADIUS
        )
        painter.restore()


class LargeTextStyle(TredeStyle):
    """Trede's style for text larger than the usual size (``ui.design.install`` chooses it)."""

    def pixelMetric(  # noqa: N802 - Qt's name
        self,
        metric: QStyle.PixelMetric,
        option: QStyleOption | None = None,
        widget: QWidget | None = None,
    ) -> int:
        """Icons on buttons and in lists, check boxes and radio buttons grow with the font."""
        size = super().pixelMetric(metric, option, widget)
        if metric in (QStyle.PixelMetric.PM_ButtonIconSize, QStyle.PixelMetric.PM_SmallIconSize):
            return max(size, scaled(16))
        if metric in _INDICATORS:
            return max(size, scaled(size))
        return size


def for_text_size() -> type[TredeStyle]:
    """The style for the application's font: ``LargeTextStyle`` when it is larger than the
    size Trede's measures were chosen for."""
    return LargeTextStyle if text_scale() > 1 else TredeStyle
