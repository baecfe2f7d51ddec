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
        + " "
        + _("Pictogrammen: Tabler Icons (MIT-licentie).")
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
            "alleen totalen. Ze verbergen groepen kleiner dan %(n)d klanten en ronden de andere "
            "aantallen af op een veelvoud van %(n)d. Zo laat ook een verschil tussen twee "
            "rapporten nooit precies een kleine groep zien."
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
        + "</h3>"
        + _html_list(security_facts(context))
    )


def security_facts(context: WindowContext) -> list[str]:
    """How this database is protected now, in plain sentences for the privacy page."""
    settings = context.settings
    facts = [
        _("Alleen uw eigen gebruikersaccount kan het databasebestand lezen."),
    ]
    if context.demo:
        facts.append(_("Dit is een demo met verzonnen gegevens. Die is niet versleuteld."))
    elif context.encrypted:
        facts.append(
            _(
                "De database en de back-ups zijn versleuteld met uw wachtwoord (SQLCipher). "
                "Zonder het wachtwoord kan niemand ze lezen."
            )
        )
        if context.remembers_passphrase:
            facts.append(
                _(
                    "Het wachtwoord staat in de sleutelhanger van het systeem. Iedereen die met "
                    "uw account op deze computer werkt, kan Trede openen."
                )
            )
    else:
        facts.append(
            _(
                "Deze database is niet versleuteld. Kies Versleutelen in Instellingen om er een "
                "wachtwoord op te zetten."
            )
        )
    facts.append(
        i18n.ngettext(
            "Als u %(n)d minuut niets doet, vergrendelt Trede het venster.",
            "Als u %(n)d minuten niets doet, vergrendelt Trede het venster.",
            settings.lock_minutes,
        )
        % {"n": settings.lock_minutes}
    )
    facts.append(
        _(
            "Elke keer dat iemand een klantdossier opent, iets wijzigt, exporteert, importeert, "
            "een rapport maakt of iets wist, komt dat in het logboek. Een gewijzigde regel in "
            "het logboek valt op."
        )
    )
    if not context.demo:
        facts.append(
            i18n.ngettext(
                "Is er iets veranderd, dan maakt Trede bij het sluiten een back-up. De laatste "
                "%(n)d back-up blijft bewaard in:",
                "Is er iets veranderd, dan maakt Trede bij het sluiten een back-up. De laatste "
                "%(n)d back-ups blijven bewaard in:",
                settings.backups_keep,
            )
            % {"n": settings.backups_keep}
            + f" <code>{context.backup_folder()}</code>"
        )
    facts.append(_("Gewiste klantgegevens worden overschreven, zodat ze niet terug te halen zijn."))
    return facts


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
