"""The Rapporten page: choose a report, see its pages, print or save it (being built)."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from resources.i18n import _
from ui import placeholder_pages
from ui.changes import ChangeBus
from ui.context import WindowContext


def create(context: WindowContext, bus: ChangeBus) -> QWidget:
    """The page for the main window."""
    return placeholder_pages.PlaceholderPage(
        _("Rapporten"),
        [
            _(
                "Hier maakt u straks rapporten als PDF: het adviesrapport van een quickscan, een "
                "voortgangsrapport per klant en een inclusierapport voor managers."
            ),
            _(
                "In het inclusierapport staan alleen totalen. Geen enkele klant is erin te herkennen."
            ),
            _("Deze pagina is nog in aanbouw."),
        ],
    )
