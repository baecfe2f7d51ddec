"""The Caseload page: the klantmanager's clients in one list (being built)."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from resources.i18n import _
from ui import placeholder_pages
from ui.changes import ChangeBus
from ui.context import WindowContext


def create(context: WindowContext, bus: ChangeBus) -> QWidget:
    """The page for the main window."""
    return placeholder_pages.PlaceholderPage(
        _("Caseload"),
        [
            _("Hier komt uw caseload: al uw klanten in één lijst."),
            _(
                "U ziet per klant de trede op de participatieladder, hoeveel dagen geleden het "
                "laatste contact was, open belemmeringen en open acties."
            ),
            _("U zoekt op naam of klantnummer en opent een klant met Enter."),
            _("Deze pagina is nog in aanbouw."),
        ],
    )
