"""The visual language in the window: the palette of the system's colour scheme, focus rings,
headings and icons, all taken from ``resources.design``."""

from __future__ import annotations

from PySide6.QtCore import QObject, QSize
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QListWidget,
    QStyleFactory,
)

from resources import design

_PROPERTY = "trede_colour_scheme"
#: The class name of Trede's own style (ui/style.py, ``for_text_size``) once it draws the
#: application; unset before.
_STYLE = "trede_style"


def system_scheme() -> str:
    """'dark' when the system asks for dark colours (Qt 6.5+), else 'light'."""
    # Imported here: the first use of ``Qt`` (its answer here too) makes PySide build every enum
    # of Qt's namespace, some 20 ms that the frame (install_colours with a scheme) does not wait for.
    from PySide6.QtCore import Qt

    hints = QGuiApplication.styleHints()
    return "dark" if hints.colorScheme() == Qt.ColorScheme.Dark else "light"


def current_scheme() -> str:
    """The scheme the window is drawn in now."""
    application = QApplication.instance()
    value = application.property(_PROPERTY) if application is not None else None
    return value if value in design.PALETTES else "light"


def palette() -> design.Palette:
    """The colours the window is drawn in now."""
    return design.PALETTES[current_scheme()]


def colour(name: str) -> QColor:
    """One colour of the current palette, by its name in ``resources.design.Palette``."""
    return QColor(getattr(palette(), name))


def qt_palette(colours: design.Palette) -> QPalette:
    """Qt's palette for these colours (Fusion draws every standard widget from it)."""
    result = QPalette()
    role = QPalette.ColorRole
    group = QPalette.ColorGroup
    assignments = {
        role.Window: colours.window,
        role.WindowText: colours.text,
        role.Base: colours.base,
        role.AlternateBase: colours.alternate,
        role.Text: colours.text,
        role.Button: colours.panel,
        role.ButtonText: colours.text,
        role.ToolTipBase: colours.base,
        role.ToolTipText: colours.text,
        role.PlaceholderText: colours.muted,
        role.Highlight: colours.accent,
        role.HighlightedText: colours.on_accent,
        role.Link: colours.accent,
        role.LinkVisited: colours.accent,
        role.BrightText: colours.attention,
        role.Mid: colours.border,
        role.Dark: colours.border,
        role.Light: colours.base,
        role.Midlight: colours.panel,
        role.Shadow: colours.border,
    }
    for which, value in assignments.items():
        result.setColor(which, QColor(value))
    for which in (role.WindowText, role.Text, role.ButtonText):
        result.setColor(group.Disabled, which, QColor(colours.disabled))
    return result


def style_sheet(colours: design.Palette) -> str:
    """Focus rings on everything that takes the keyboard, and the navigation's look.

    Fusion's own focus marks are thin and light; a 2-pixel ring in the focus colour (3:1 on
    every background) shows where the keyboard is on every page. Number and date boxes keep
    Fusion's drawing (a style sheet border would replace their arrow buttons); Fusion rings
    them in the accent colour, which meets 3:1 too.
    """
    ring = f"{design.FOCUS_WIDTH}px solid {colours.focus}"
    return f"""
QLineEdit, QPlainTextEdit, QTextEdit, QComboBox {{
    border: 1px solid {colours.border}; border-radius: {design.RADIUS}px;
    background: {colours.base}; padding: 2px 4px;
}}
QLineEdit:focus, QPlainTextEdit:focus, QTextEdit:focus,
QComboBox:focus {{ border: {ring}; padding: 1px 3px; }}
QPushButton, QToolButton {{
    border: 1px solid {colours.border}; border-radius: {design.RADIUS}px;
    background: {colours.panel}; color: {colours.text};
}}
QPushButton {{ padding: 4px 12px; min-height: 1.2em; }}
QToolButton {{ padding: 2px; }}
QCalendarWidget QToolButton {{ background: transparent; border: none; color: {colours.on_accent}; }}
QPushButton:default {{ background: {colours.accent}; color: {colours.on_accent}; }}
QPushButton:disabled, QToolButton:disabled {{ color: {colours.disabled}; }}
QPushButton:focus {{ border: {ring}; padding: 3px 11px; }}
QToolButton:focus {{ border: {ring}; padding: 0px; }}
QCheckBox:focus, QRadioButton:focus {{
    border: {ring}; border-radius: {design.RADIUS}px; padding: 1px;
}}
QAbstractItemView:focus, QScrollArea:focus, QTabBar:focus, QGroupBox:focus {{ border: {ring}; }}
QComboBox {{ combobox-popup: 0; }}
QComboBox QListView {{ qproperty-spacing: 3; }}
QComboBox QAbstractItemView, QComboBox QAbstractItemView:focus {{
    border: 1px solid {colours.border}; background: {colours.base}; color: {colours.text};
    selection-background-color: {colours.accent}; selection-color: {colours.on_accent};
}}
QTabBar::tab:focus {{ border: {ring}; }}
QListWidget#navigation {{
    background: {colours.panel}; border: none; padding-top: {design.SMALL_SPACING}px;
}}
QListWidget#navigation:focus {{ border: {ring}; }}
QHeaderView::section {{
    background: {colours.panel}; color: {colours.text}; padding: 4px;
    border: none; border-right: 1px solid {colours.grid}; border-bottom: 1px solid {colours.grid};
}}
"""


def install_colours(application: QApplication, scheme: str | None = None) -> None:
    """The palette and style sheet on plain Fusion, for the frame painted before the window: it
    looks the same; ``install`` puts Trede's own style in place with the window. ``scheme`` is
    the one the window had when it was last closed (None: ask the system)."""
    application.setStyle(QStyleFactory.create("Fusion"))
    colours = design.PALETTES[scheme if scheme in design.PALETTES else system_scheme()]
    application.setPalette(qt_palette(colours))
    application.setStyleSheet(style_sheet(colours))


def install(application: QApplication, scheme: str | None = None) -> None:
    """Draw every window in Trede's palette: the given scheme, or the system's (followed when
    it changes while Trede runs)."""
    from ui import accessibility  # not for the frame (install_colours)

    chosen = scheme or system_scheme()
    application.setProperty(_PROPERTY, chosen)
    accessibility.install_roles()
    colours = design.PALETTES[chosen]
    if not application.property(_STYLE):
        # Fusion is the one style that draws from the palette on every OS.
        from ui import style  # its class makes PySide build Qt's style enums: not for the frame

        kind = style.for_text_size()
        application.setStyle(kind())
        application.setProperty(_STYLE, kind.__name__)
        application.fontChanged.connect(lambda _font: _follow_text_size(application))
    palette = qt_palette(colours)
    if application.palette() != palette:
        application.setPalette(palette)
    sheet = style_sheet(colours)
    if application.styleSheet() != sheet:  # the frame's, in the same colours: not styled again
        application.setStyleSheet(sheet)
    if scheme is None and not application.property("trede_follows_scheme"):
        application.setProperty("trede_follows_scheme", True)
        QGuiApplication.styleHints().colorSchemeChanged.connect(
            lambda _scheme: install(application)
        )


def _follow_text_size(application: QApplication) -> None:
    """The text size changed while Trede runs: the style that grows with it, or Fusion's sizes
    again (``ui.style.for_text_size``)."""
    from ui import style

    wanted = style.for_text_size()
    if application.property(_STYLE) != wanted.__name__:
        application.setStyle(wanted())
        application.setProperty(_STYLE, wanted.__name__)


def ensure_installed() -> None:
    """Install the palette once, for windows made without ``app.gui`` (tests, screenshots)."""
    application = QApplication.instance()
    if isinstance(application, QApplication) and not application.property(_STYLE):
        install(application)


def text_scale() -> float:
    """How much larger the application's text is than the usual 10-point font (1.0 at most
    that size or smaller)."""
    application = QApplication.instance()
    size = application.font().pointSizeF() if isinstance(application, QApplication) else 10.0
    return max(1.0, size / design.REFERENCE_POINT_SIZE)


def scaled(pixels: int) -> int:
    """A size in pixels that was chosen for the usual 10-point font, grown with a larger system
    font (at 200 % a form may be twice as wide), so text is not cut off."""
    return round(pixels * text_scale())


def style_navigation(navigation: QListWidget) -> None:
    """The look of the page list: room around each page, icons that grow with the font."""
    navigation.setObjectName("navigation")
    side = scaled(20)
    navigation.setIconSize(QSize(side, side))
    navigation.setSpacing(design.SMALL_SPACING // 2)


def make_heading(label: QLabel, delta: int = design.HEADING_DELTA) -> QLabel:
    """Make a label a heading: bigger and bold on screen, the heading role for screen readers."""
    font = label.font()
    font.setPointSize(font.pointSize() + delta)
    font.setBold(True)
    label.setFont(font)
    label.setProperty("trede_heading", True)
    return label


def is_heading(widget: QObject) -> bool:
    """Whether ``widget`` was made a heading."""
    return bool(widget.property("trede_heading"))
