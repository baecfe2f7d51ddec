"""Margins, spacing and sizes in one place, so every page has the same rhythm."""

MARGIN = 16
SPACING = 10
NAVIGATION_WIDTH = 180
FORM_MAX_WIDTH = 560
DEFAULT_WINDOW_SIZE = (1100, 720)
MINIMUM_WINDOW_SIZE = (760, 520)
TITLE_POINT_SIZE_DELTA = 6
#: Extra height of a table row above the text height (fixed rows keep big tables fast).
TABLE_ROW_PADDING = 8
#: The form column of the client view.
CLIENT_FORMS_MIN_WIDTH = 380
#: Pause after a keystroke before the caseload searches (milliseconds).
SEARCH_DELAY_MS = 100
