"""Margins, spacing and sizes in one place, so every page has the same rhythm."""

MARGIN = 16
SPACING = 10
NAVIGATION_WIDTH = 180
FORM_MAX_WIDTH = 560
DEFAULT_WINDOW_SIZE = (1100, 720)
MINIMUM_WINDOW_SIZE = (760, 520)
TITLE_POINT_SIZE_DELTA = 6
