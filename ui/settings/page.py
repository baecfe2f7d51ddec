"""Instellingen: profile, guidance and privacy settings, and the privacy page."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from resources.i18n import _, ngettext
from ui import design, metrics, widgets
from ui.context import SettingsView
from ui.security import passphrase_dialog
from ui.settings import profile_form


def _row(form: QFormLayout, text: str, field: QWidget) -> None:
    label = QLabel(text)
    label.setBuddy(field)
    form.addRow(label, field)


def _bounded(group: QGroupBox) -> QHBoxLayout:
    """A group no wider than the form, in a row of its own.

    Qt asks a widget with a layout for its height at the column's full width, also when the
    widget may not be that wide; wrapped paragraphs then get too few lines and are cut off.
    In a row the group is asked at the width it really gets.
    """
    group.setMaximumWidth(design.scaled(metrics.FORM_MAX_WIDTH))
    row = QHBoxLayout()
    row.addWidget(group, 1)
    row.addStretch(0)
    return row


class SettingsPage(QScrollArea):
    """Settings with one Opslaan button; emits the changes, the window writes them."""

    #: Emitted with a dict of changed settings when the user saves a valid form.
    save_requested = Signal(dict)
    #: Emitted when the user asks for the privacy page.
    privacy_requested = Signal()
    #: Emitted when the user wants to put a backup back.
    restore_requested = Signal()
    #: Emitted when the user wants to change the database's passphrase.
    passphrase_change_requested = Signal()
    #: Emitted when the user wants to read the audit log.
    audit_log_requested = Signal()
    #: Emitted when the user wants to encrypt a plain database.
    encrypt_requested = Signal()

    def __init__(
        self,
        settings: SettingsView,
        parent: QWidget | None = None,
        *,
        encrypted: bool = False,
        can_encrypt: bool = False,
        remember_passphrase: bool = False,
        keyring_usable: Callable[[], bool] | None = None,
    ) -> None:
        super().__init__(parent)
        # Asking the system for its keyring takes a moment: done when the page is first shown.
        self._keyring_usable = keyring_usable
        self.setWidgetResizable(True)
        content = QWidget()
        self.setWidget(content)
        layout = widgets.page_layout(content)
        layout.addWidget(widgets.title(_("Instellingen")))

        self.profile = profile_form.ProfileForm(
            profile_form.Profile(
                settings.municipality, settings.user_name, settings.team, settings.language
            )
        )
        layout.addWidget(self.profile)

        guidance = QGroupBox(_("Begeleiding"))
        guidance.setMaximumWidth(design.scaled(metrics.FORM_MAX_WIDTH))
        guidance_form = QFormLayout(guidance)
        self.contact_threshold = widgets.counted_spin(
            settings.contact_threshold_days, 1, 365, lambda n: ngettext(" dag", " dagen", n)
        )
        _row(guidance_form, _("Standaard &contact minstens elke:"), self.contact_threshold)
        layout.addWidget(guidance)

        privacy = QGroupBox(_("Privacy"))
        privacy.setMaximumWidth(design.scaled(metrics.FORM_MAX_WIDTH))
        privacy_form = QFormLayout(privacy)
        self.bsn_enabled = QCheckBox(_("BSN va&stleggen (alleen als het nodig is voor uw taak)"))
        self.bsn_enabled.setChecked(settings.bsn_enabled)
        privacy_form.addRow(self.bsn_enabled)
        self.contact_details_enabled = QCheckBox(_("Telefoon en e-mail van klanten vastleggen"))
        self.contact_details_enabled.setChecked(settings.contact_details_enabled)
        privacy_form.addRow(self.contact_details_enabled)
        self.origin_enabled = QCheckBox(_("Herkomst vastleggen (alleen met een wettel&ijk doel)"))
        self.origin_enabled.setChecked(settings.origin_enabled)
        privacy_form.addRow(self.origin_enabled)
        self.origin_purpose = QLineEdit(settings.origin_purpose)
        _row(privacy_form, _("&Doel van de gemeente:"), self.origin_purpose)
        self.min_group_size = widgets.counted_spin(
            settings.min_group_size, 2, 100, lambda n: ngettext(" klant", " klanten", n)
        )
        _row(privacy_form, _("&Kleinste groep in rapporten:"), self.min_group_size)
        self.retention_years = widgets.counted_spin(
            settings.retention_years, 1, 30, lambda n: ngettext(" jaar", " jaar", n)
        )
        _row(privacy_form, _("Be&waren na afsluiten:"), self.retention_years)
        layout.addWidget(privacy)

        backups = QGroupBox(_("Back-ups"))
        backups_form = QFormLayout(backups)
        backups_form.addRow(
            widgets.paragraph(
                _(
                    "Is er iets veranderd, dan maakt Trede bij het afsluiten een back-up in de "
                    "map 'backups' naast de database. De oudste gaan weg."
                )
            )
        )
        self.backups_keep = widgets.counted_spin(
            settings.backups_keep, 1, 100, lambda n: ngettext(" back-up", " back-ups", n)
        )
        _row(backups_form, _("Aa&ntal back-ups bewaren:"), self.backups_keep)
        self.restore = QPushButton(_("Back-up te&rugzetten…"))
        self.restore.clicked.connect(self.restore_requested)
        backups_form.addRow(self.restore)
        layout.addLayout(_bounded(backups))

        layout.addLayout(
            _bounded(self._security(settings, encrypted, can_encrypt, remember_passphrase))
        )

        buttons = QHBoxLayout()
        self.save = QPushButton(_("&Opslaan"))
        self.save.clicked.connect(self._save)
        self.privacy = QPushButton(_("&Privacy en gegevens…"))
        self.privacy.clicked.connect(self.privacy_requested)
        buttons.addWidget(self.save)
        buttons.addWidget(self.privacy)
        buttons.addStretch()
        layout.addLayout(buttons)
        self.message = QLabel()
        self.message.setWordWrap(True)
        layout.addWidget(self.message)

    def _security(
        self, settings: SettingsView, encrypted: bool, can_encrypt: bool, remember: bool
    ) -> QGroupBox:
        """Lock time, passphrase, keyring and encryption, and the audit log."""
        security = QGroupBox(_("Beveiliging"))
        column = QVBoxLayout(security)
        form = QFormLayout()
        form.setContentsMargins(0, 0, 0, 0)
        self.lock_minutes = widgets.counted_spin(
            settings.lock_minutes, 1, 120, lambda n: ngettext(" minuut", " minuten", n)
        )
        _row(form, _("Scherm &vergrendelen na:"), self.lock_minutes)
        column.addLayout(form)
        self.change_passphrase = QPushButton(_("Wachtwoord wij&zigen…"))
        self.change_passphrase.clicked.connect(self.passphrase_change_requested)
        self.change_passphrase.setEnabled(encrypted)
        column.addWidget(self.change_passphrase)
        #: Keep the passphrase in the system keyring: only for an encrypted database, and
        #: enabled once the page knows that the system has a usable keyring.
        self.remember_passphrase = passphrase_dialog.keyring_choice(remember)
        self.remember_passphrase.setEnabled(False)
        column.addWidget(self.remember_passphrase)
        self.keyring_note = passphrase_dialog.keyring_explanation()
        column.addWidget(self.keyring_note)
        offer_encryption = can_encrypt and not encrypted
        self.encrypt = QPushButton(_("V&ersleutelen…"))
        self.encrypt.clicked.connect(self.encrypt_requested)
        self.encrypt.setEnabled(offer_encryption)
        if not encrypted:
            plain = _("Deze database is niet versleuteld en heeft geen wachtwoord.")
            if offer_encryption:
                plain += " " + _(
                    "Met Versleutelen kiest u een wachtwoord; Trede versleutelt dan het bestand."
                )
            column.addWidget(widgets.paragraph(plain))
        column.addWidget(self.encrypt)
        # Every control is made (the window and the tests reach them by name); the page shows
        # those that fit this database.
        self.remember_passphrase.setHidden(not encrypted)
        self.keyring_note.setHidden(not encrypted)
        self.encrypt.setHidden(not offer_encryption)
        self._keyring_checked = not encrypted
        self.audit_log = QPushButton(_("&Logboek bekijken…"))
        self.audit_log.clicked.connect(self.audit_log_requested)
        column.addWidget(self.audit_log)
        return security

    def _save(self) -> None:
        if not self.profile.validate():
            return
        if self.origin_enabled.isChecked() and not self.origin_purpose.text().strip():
            self.message.setText(
                _("Herkomst mag alleen met een doel. Vul het doel van de gemeente in.")
            )
            self.origin_purpose.setFocus()
            return
        profile = self.profile.profile()
        changes: dict[str, Any] = {
            "municipality": profile.municipality,
            "user_name": profile.user_name,
            "team": profile.team,
            "language": profile.language,
            "contact_threshold_days": self.contact_threshold.value(),
            "bsn_enabled": self.bsn_enabled.isChecked(),
            "contact_details_enabled": self.contact_details_enabled.isChecked(),
            "origin_enabled": self.origin_enabled.isChecked(),
            "origin_purpose": self.origin_purpose.text().strip(),
            "min_group_size": self.min_group_size.value(),
            "retention_years": self.retention_years.value(),
            "backups_keep": self.backups_keep.value(),
            "lock_minutes": self.lock_minutes.value(),
        }
        if self.remember_passphrase.isEnabled():
            changes["remember_passphrase"] = self.remember_passphrase.isChecked()
        self.save_requested.emit(changes)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt's name
        """The first time the page shows, ask whether the keyring option can be offered."""
        super().showEvent(event)
        if not self._keyring_checked:
            self._keyring_checked = True
            self.show_keyring(self._keyring_usable is not None and self._keyring_usable())

    def show_keyring(self, usable: bool) -> None:
        """Offer the keyring choice, or say that this computer has no keyring."""
        self.remember_passphrase.setEnabled(usable)
        if not usable:
            self.keyring_note.setText(
                _(
                    "Op deze computer is geen sleutelhanger beschikbaar. Trede vraagt het "
                    "wachtwoord daarom bij elke start."
                )
            )

    def show_saved(self) -> None:
        """Confirm that the settings were written."""
        self.message.setText(_("De instellingen zijn opgeslagen."))
