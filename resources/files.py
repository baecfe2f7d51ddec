"""Where the bundled files live inside the installed package."""

from pathlib import Path

RESOURCES_DIR = Path(__file__).resolve().parent
LOCALE_DIR = RESOURCES_DIR / "locale"
FONTS_DIR = RESOURCES_DIR / "fonts"

#: The font shipped with Trede, so every glyph (ë, é, €, –) prints and shows the same everywhere.
FONT_REGULAR = FONTS_DIR / "DejaVuSans.ttf"
FONT_BOLD = FONTS_DIR / "DejaVuSans-Bold.ttf"
