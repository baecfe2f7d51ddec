"""The Quickscan page: the Quickscan Diversiteit in the window (being built)."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from resources.i18n import _
from ui import placeholder_pages
from ui.changes import ChangeBus
from ui.context import WindowContext


def create(context: WindowContext, bus: ChangeBus) -> QWidget:
    """The page for the main window."""
    return placeholder_pages.PlaceholderPage(
        _("Quickscan"),
        [
            _(
                "Hier komt de Quickscan Diversiteit: een korte zelftest over hoe inclusief uw "
                "begeleiding naar werk is voor klanten met een migratieachtergrond."
            ),
            _(
                "U vult hem in als klantmanager, beleidsmedewerker of manager. Per thema krijgt u "
                "een score en concreet advies, ook als PDF."
            ),
            _("Deze pagina is nog in aanbouw."),
        ],
    )
