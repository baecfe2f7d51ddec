"""Trede's one visual language, without Qt: colours (light and dark), spacing, type sizes, icons.

The window (``ui.design``) and the PDFs (``resources.pdf``) take their colours from here, so a
chart looks the same on screen and on paper. Every text colour meets WCAG AA (4.5:1) on the
backgrounds it is drawn on, every chart mark and focus ring 3:1; ``TEXT_PAIRS`` and
``MARK_PAIRS`` list those pairs and a test checks them in both modes.
"""

from __future__ import annotations

from dataclasses import dataclass, fields

#: WCAG 2.x AA: normal text, and non-text marks (chart bars, lines, focus rings, borders).
TEXT_RATIO = 4.5
MARK_RATIO = 3.0


@dataclass(frozen=True)
class Palette:
    """The colours of one mode, as '#rrggbb'."""

    window: str  # behind pages
    base: str  # fields, tables, charts
    alternate: str  # every other table row
    panel: str  # the navigation and table headers
    text: str
    muted: str  # explanations, placeholders
    accent: str  # links, selection, the default button
    on_accent: str  # text on the accent colour
    focus: str  # the focus ring
    border: str  # the edge of fields and buttons
    attention: str  # warnings, overdue
    good: str  # done, saved
    chart: str  # the main bars and the trede line
    chart_compare: str  # the comparison bars
    grid: str  # grid lines (decoration only: every value is also written as text)
    disabled: str  # text of a control that is switched off (WCAG exempts it)


LIGHT = Palette(
    window="#f4f6f8",
    base="#ffffff",
    alternate="#eef2f6",
    panel="#e3e9f0",
    text="#1b1f24",
    muted="#4d5763",
    accent="#1d5fa8",
    on_accent="#ffffff",
    focus="#1d5fa8",
    border="#6f7a86",
    attention="#9a3b00",
    good="#1e6b35",
    chart="#1d5fa8",
    chart_compare="#7a8794",
    grid="#d5dbe2",
    disabled="#8a939d",
)

DARK = Palette(
    window="#1d2126",
    base="#14171b",
    alternate="#1b1f24",
    panel="#262c33",
    text="#e8eaed",
    muted="#b2bac4",
    accent="#7db3f0",
    on_accent="#0b1a2b",
    focus="#8ec5ff",
    border="#8a949f",
    attention="#ffb27a",
    good="#7fd69a",
    chart="#7db3f0",
    chart_compare="#a9b3bf",
    grid="#3a424b",
    disabled="#7c858f",
)

PALETTES = {"light": LIGHT, "dark": DARK}
#: Paper is white: the PDFs use the light palette.
PAPER = LIGHT

_BACKGROUNDS = ("window", "base", "alternate", "panel")
#: (foreground, background) names of every text colour on every surface it is drawn on.
TEXT_PAIRS: tuple[tuple[str, str], ...] = (
    *((fg, bg) for fg in ("text", "muted", "attention", "good") for bg in _BACKGROUNDS),
    ("accent", "base"),
    ("accent", "window"),
    ("on_accent", "accent"),
)
#: (mark, background) names of every chart mark, focus ring and field edge.
MARK_PAIRS: tuple[tuple[str, str], ...] = (
    *((fg, bg) for fg in ("chart", "chart_compare", "focus", "border") for bg in _BACKGROUNDS),
)


def colour_names() -> list[str]:
    """The names of the colours of a palette."""
    return [field.name for field in fields(Palette)]


def rgb(colour: str) -> tuple[int, int, int]:
    """'#1d5fa8' as (29, 95, 168)."""
    value = colour.lstrip("#")
    return int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16)


def luminance(colour: str) -> float:
    """The relative luminance of a colour, as WCAG 2.x defines it."""

    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    red, green, blue = (channel(part) for part in rgb(colour))
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def contrast(one: str, other: str) -> float:
    """The WCAG contrast ratio of two colours (1 to 21)."""
    light, dark = sorted((luminance(one), luminance(other)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


# -- spacing and type -----------------------------------------------------------------------

#: Margins and spacing in pixels at 100 %; Qt scales them on high-DPI screens.
MARGIN = 16
SPACING = 10
SMALL_SPACING = 6
RADIUS = 4
FOCUS_WIDTH = 2
#: The system font size the pixel sizes in ui.metrics were chosen for.
REFERENCE_POINT_SIZE = 10.0
#: Point size added to the system font for page titles and section headings.
TITLE_DELTA = 6
HEADING_DELTA = 2
#: Point sizes in the PDFs.
PDF_BODY = 10
PDF_SMALL = 8
PDF_TITLE = 22

# -- icons ----------------------------------------------------------------------------------

#: Icon names used in the code, and the bundled SVG (Tabler Icons, MIT) that draws each.
ICONS: dict[str, str] = {
    "caseload": "users",
    "quickscan": "clipboard-check",
    "reports": "report-analytics",
    "settings": "settings",
    "worklist": "calendar-event",
    "overview": "chart-line",
    "welcome": "home",
    "info": "info-circle",
    "attention": "alert-triangle",
    "back": "arrow-left",
    "next": "arrow-right",
    "new": "user-plus",
    "help": "help",
    "keyboard": "keyboard",
    "import": "file-import",
    "export": "file-export",
    "save": "device-floppy",
    "delete": "trash",
    "print": "printer",
    "lock": "lock",
    "search": "search",
}
