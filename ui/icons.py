"""Every icon Trede uses, named once: bundled SVGs (Tabler Icons, MIT) drawn in the text colour
of the current palette, sharp at any size and screen scale, with no network and no icon theme."""

from __future__ import annotations

import functools

from PySide6.QtCore import QByteArray, QPoint, QRect, QSize
from PySide6.QtGui import QColor, QIcon, QIconEngine, QPainter, QPixmap
from PySide6.QtSvg import QSvgRenderer

from resources import design, files
from ui import design as ui_design


@functools.cache
def _svg(name: str) -> str:
    return (files.ICONS_DIR / f"{design.ICONS[name]}.svg").read_text(encoding="utf-8")


class _PaletteIconEngine(QIconEngine):
    """Draws an SVG in the palette's text colour (or its disabled colour) when painted, so a
    change between light and dark needs no new icons."""

    def __init__(self, name: str) -> None:
        super().__init__()
        self._name = name

    def _renderer(self, mode: QIcon.Mode) -> QSvgRenderer:
        return _renderer(self._name, _colour(mode))

    def paint(self, painter: QPainter, rect: QRect, mode: QIcon.Mode, state: QIcon.State) -> None:
        """Draw the icon into ``rect``: from a picture drawn once per size, mode and colour (a
        table draws its markers again on every paint, and reading the SVG each time cost more
        than the rest of a cell), or from the SVG itself when the painter scales or turns."""
        transform = painter.worldTransform()
        if transform.isScaling() or transform.isRotating():
            self._renderer(mode).render(painter, rect)
            return
        ratio = painter.device().devicePixelRatioF()
        picture = _drawn(self._name, _colour(mode), rect.width(), rect.height(), ratio)
        painter.drawPixmap(rect, picture)

    def pixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QPixmap:
        """The icon at ``size`` device pixels."""
        pixmap = QPixmap(size)
        # Not Qt.GlobalColor: the frame paints icons before anything has needed Qt's enums.
        pixmap.fill(QColor(0, 0, 0, 0))
        painter = QPainter(pixmap)
        self.paint(painter, QRect(QPoint(0, 0), size), mode, state)
        painter.end()
        return pixmap

    def clone(self) -> QIconEngine:
        """A copy (Qt copies engines when an icon is detached)."""
        return _PaletteIconEngine(self._name)

    def key(self) -> str:
        """What kind of engine this is."""
        return "trede-palette-svg"


def _colour(mode: QIcon.Mode) -> str:
    """The colour an icon is drawn in, in the current palette."""
    colours = ui_design.palette()
    if mode == QIcon.Mode.Selected:
        return colours.on_accent
    return colours.disabled if mode == QIcon.Mode.Disabled else colours.text


@functools.lru_cache(maxsize=64)
def _renderer(name: str, colour: str) -> QSvgRenderer:
    svg = _svg(name).replace("currentColor", colour)
    return QSvgRenderer(QByteArray(svg.encode("utf-8")))


@functools.lru_cache(maxsize=256)
def _drawn(name: str, colour: str, width: int, height: int, ratio: float) -> QPixmap:
    """An icon drawn at a size, in device pixels for the screen's scale (the colour is part of
    the key, so a switch between light and dark draws it again)."""
    picture = QPixmap(round(width * ratio), round(height * ratio))
    picture.setDevicePixelRatio(ratio)
    picture.fill("transparent")
    painter = QPainter(picture)
    _renderer(name, colour).render(painter, QRect(0, 0, width, height))
    painter.end()
    return picture


def icon(name: str) -> QIcon:
    """The icon with this name (a key of ``resources.design.ICONS``)."""
    _svg(name)  # an unknown name fails here, where it is asked for, not at paint time
    return QIcon(_PaletteIconEngine(name))
