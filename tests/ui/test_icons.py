"""Icons are drawn in the palette's colours, sharp at their size, also when drawn again."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect
from PySide6.QtGui import QColor, QIcon, QImage, QPainter
from PySide6.QtWidgets import QApplication

from resources import design as colours_of
from ui import design, icons


def _painted(icon: QIcon, side: int, mode: QIcon.Mode = QIcon.Mode.Normal) -> QImage:
    image = QImage(side, side, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(QColor(0, 0, 0, 0))
    painter = QPainter(image)
    icon.paint(painter, QRect(0, 0, side, side), mode=mode)
    painter.end()
    return image


def _straight_from_svg(name: str, colour: str, side: int) -> QImage:
    image = QImage(side, side, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(QColor(0, 0, 0, 0))
    painter = QPainter(image)
    icons._renderer(name, colour).render(painter, QRect(0, 0, side, side))
    painter.end()
    return image


def _ink(image: QImage) -> set[str]:
    """The colours of the fully covered pixels."""
    return {
        image.pixelColor(x, y).name()
        for x in range(image.width())
        for y in range(image.height())
        if image.pixelColor(x, y).alpha() == 255
    }


@pytest.mark.parametrize("side", [16, 23, 48])
def test_icon_drawn_again_is_the_svg_at_that_size(qapp, side) -> None:
    design.install(qapp, "light")
    attention = icons.icon("attention")
    first = _painted(attention, side)
    assert first == _straight_from_svg("attention", colours_of.PALETTES["light"].text, side)
    assert _painted(attention, side) == first


def test_icon_follows_a_switch_between_light_and_dark(qapp) -> None:
    application = QApplication.instance()
    assert application is qapp
    attention = icons.icon("attention")
    try:
        for scheme in ("light", "dark", "light"):
            design.install(qapp, scheme)
            palette = colours_of.PALETTES[scheme]
            assert _ink(_painted(attention, 32)) == {palette.text.lower()}
            selected = _painted(attention, 32, QIcon.Mode.Selected)
            assert _ink(selected) == {palette.on_accent.lower()}
    finally:
        design.install(qapp, "light")
