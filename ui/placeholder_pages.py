"""Pages whose content later work fills; each says plainly what will come."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from resources.i18n import _
from ui import widgets


class PlaceholderPage(QWidget):
    """A page with a title and a few sentences about what it will hold."""

    def __init__(self, heading: str, lines: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = widgets.page_layout(self)
        layout.addWidget(widgets.title(heading))
        for line in lines:
            layout.addWidget(widgets.paragraph(line))


def caseload_page() -> PlaceholderPage:
    """The caseload, until the tracker is built."""
    return PlaceholderPage(
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


def quickscan_page() -> PlaceholderPage:
    """The quickscan, until it is built."""
    return PlaceholderPage(
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


def reports_page() -> PlaceholderPage:
    """The reports, until they are built."""
    return PlaceholderPage(
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
