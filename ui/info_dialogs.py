"""'Over Trede' and the privacy page: what is stored, where, and that nothing leaves the machine."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from resources import i18n
from resources.i18n import _
from ui import accessibility
from ui.context import WindowContext

VERSION = "0.1.0"


def _html_list(items: list[str]) -> str:
    return "<ul>" + "".join(f"<li>{item}</li>" for item in items) + "</ul>"


def about_html() -> str:
    """The text of 'Over Trede'."""
    return (
        f"<h2>Trede {VERSION}</h2>"
        + "<p>"
        + _(
            "Trede is een hulpmiddel voor klantmanagers en hun managers bij intensieve begeleiding "
            "naar werk in de bijstand."
        )
        + "</p><p>"
        + _(
            "De vragen van de Quickscan Diversiteit in Trede zijn eigen vragen. Ze zijn gebaseerd "
            "op openbare lessen uit het programma Verdere Integratie op de Arbeidsmarkt (VIA) van "
            "het ministerie van SZW. Het is niet de officiële online quickscan."
        )
        + "</p><p>"
        + _("De participatieladder volgt de zes treden van VNG en Divosa.")
        + "</p><p>"
        + _("Lettertype: DejaVu Sans (vrije licentie).")
        + "</p>"
    )


def privacy_html(context: WindowContext) -> str:
    """The privacy page: what is stored, where, for how long, and what never happens."""
    settings = context.settings
    stored = [
        _(
            "klantgegevens: klantnummer, naam, geboortedatum, start van de begeleiding, klantmanager en team"
        ),
        _("de trede op de participatieladder door de tijd"),
        _(
            "belemmeringen, zoals taal en gezondheid. Gezondheid is een bijzonder persoonsgegeven: "
            "schrijf alleen op wat nodig is"
        ),
        _("contactmomenten met een korte samenvatting, en het plan van aanpak"),
        _("antwoorden op de quickscan (anoniem als u dat kiest)"),
        _("een logboek van wie wat deed: de handeling, niet de inhoud"),
    ]
    switches = [
        _("BSN: %(state)s") % {"state": _("aan") if settings.bsn_enabled else _("uit (standaard)")},
        _("Herkomst: %(state)s")
        % {"state": _("aan") if settings.origin_enabled else _("uit (standaard)")},
    ]
    return (
        "<h2>"
        + _("Privacy en gegevens")
        + "</h2>"
        + "<h3>"
        + _("Wat Trede bewaart")
        + "</h3>"
        + _html_list(stored)
        + "<h3>"
        + _("Waar")
        + "</h3><p>"
        + _("Alles staat in één bestand op deze computer:")
        + f" <code>{context.paths.database}</code></p><p>"
        + _("Uw instellingen staan in:")
        + f" <code>{context.paths.settings}</code></p>"
        + "<h3>"
        + _("Wat nooit gebeurt")
        + "</h3><p>"
        + _(
            "Trede gebruikt geen internet en geen netwerk. Er gaan geen gegevens van deze computer "
            "af, behalve als u zelf een rapport of export opslaat of afdrukt."
        )
        + "</p><p>"
        + _(
            "Herkomst wordt nooit gebruikt om risico's te voorspellen. Rapporten voor managers tonen "
            "alleen totalen en verbergen groepen kleiner dan %(n)d klanten."
        )
        % {"n": settings.min_group_size}
        + "</p>"
        + "<h3>"
        + _("Hoe lang")
        + "</h3><p>"
        + i18n.ngettext(
            "Een afgesloten klantdossier wordt %(n)d jaar na het afsluiten bewaard.",
            "Een afgesloten klantdossier wordt %(n)d jaar na het afsluiten bewaard.",
            settings.retention_years,
        )
        % {"n": settings.retention_years}
        + "</p><h3>"
        + _("Keuzes van uw gemeente")
        + "</h3>"
        + _html_list(switches)
        + "<h3>"
        + _("Beveiliging")
        + "</h3><p>"
        + _(
            "Het databasebestand kan alleen door uw eigen gebruikersaccount worden gelezen. "
            "Versleuteling met een wachtwoord komt in een volgende versie; gebruik tot die tijd "
            "een versleutelde schijf (zoals BitLocker)."
        )
        + "</p>"
    )


class TextDialog(QDialog):
    """A dialog that shows a page of text and closes with Escape or Sluiten."""

    def __init__(self, title: str, html: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.resize(640, 560)
        layout = QVBoxLayout(self)
        self.text = QTextBrowser()
        self.text.setHtml(html)
        self.text.setOpenLinks(False)
        self.text.setAccessibleName(title)
        layout.addWidget(self.text)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        accessibility.name_widgets(self)
