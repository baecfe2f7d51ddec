"""Check boxes, radio buttons and icons grow with larger text, also when the text size changes
while Trede runs, and are Fusion's own size again at the usual size."""

from __future__ import annotations

from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication, QCheckBox, QStyle, QStyleFactory

from ui import design

from .text_size import twice_the_text_size

_METRICS = (
    QStyle.PixelMetric.PM_IndicatorWidth,
    QStyle.PixelMetric.PM_ExclusiveIndicatorHeight,
    QStyle.PixelMetric.PM_SmallIconSize,
    QStyle.PixelMetric.PM_ButtonIconSize,
)


def _sizes(box: QCheckBox) -> list[int]:
    style = QApplication.style()
    return [style.pixelMetric(metric, None, box) for metric in _METRICS]


def test_boxes_and_icons_follow_the_text_size(qtbot) -> None:
    design.ensure_installed()
    box = QCheckBox("Gesloten dossiers")
    qtbot.addWidget(box)
    fusion = QStyleFactory.create("Fusion")
    own = [fusion.pixelMetric(metric, None, box) for metric in _METRICS]
    window_colour = QApplication.palette().color(QPalette.ColorRole.Window)
    at_start = design.text_scale()

    usual = _sizes(box)
    with twice_the_text_size():
        larger = _sizes(box)
        grown_by = design.text_scale()
        assert QApplication.palette().color(QPalette.ColorRole.Window) == window_colour
    again = _sizes(box)

    assert usual == again
    for fusions, before, grown in zip(own, usual, larger, strict=True):
        assert before >= round(fusions * at_start)
        if at_start == 1:
            assert before == fusions
        # The box and the icons grow at least as much as the text.
        assert grown >= round(fusions * grown_by) > before
