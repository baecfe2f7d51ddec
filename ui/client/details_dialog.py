"""The client form: a new client or changed details; the domain's refusals show under the field."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from caseload import clients, errors, ladder, model, vocab
from resources.errors import UserError
from resources.i18n import _
from ui import accessibility, design, metrics, undo
from ui.changes import ChangeBus
from ui.client.fields import DateField, FieldForm, select_data, vocab_combo
from ui.context import WindowContext


def _trede_combo() -> QComboBox:
    combo = QComboBox()
    combo.addItem(_("Geen"), None)
    for step in ladder.TREDEN:
        combo.addItem(step.title(), step.number)
        # The explanation is the tooltip; without the role it would replace the trede number.
        combo.setItemData(combo.count() - 1, step.explanation(), Qt.ItemDataRole.ToolTipRole)
    return combo


def _yes_no_combo() -> QComboBox:
    combo = QComboBox()
    combo.addItem(_("Niet vastgelegd"), None)
    combo.addItem(_("Ja"), True)
    combo.addItem(_("Nee"), False)
    return combo


class ClientDialog(QDialog):
    """New client (``client`` None) or change one; ``saved`` holds the stored client."""

    def __init__(
        self,
        context: WindowContext,
        bus: ChangeBus,
        client: model.Client | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._context = context
        self._bus = bus
        self._client = client
        self.saved: model.Client | None = None
        settings = context.settings
        self.setWindowTitle(_("Nieuwe klant") if client is None else _("Klantgegevens wijzigen"))
        self.setMinimumWidth(design.scaled(metrics.FORM_MAX_WIDTH))

        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        content = QWidget()
        scroll.setWidget(content)
        column = QVBoxLayout(content)
        self.form = FieldForm()
        column.addLayout(self.form)

        self.reference = QLineEdit()
        self.reference.setPlaceholderText(_("verplicht"))
        self.initials = QLineEdit()
        self.first_name = QLineEdit()
        self.surname_prefix = QLineEdit()
        self.surname = QLineEdit()
        self.birth_date = DateField(optional=True)
        self.guidance_start = DateField(dt.date.today() if client is None else None, optional=True)
        self.klantmanager = QLineEdit(settings.user_name)
        self.team = QLineEdit(settings.team)
        self.expected_trede = _trede_combo()
        self.form.add_field(_("&Klantnummer:"), self.reference, "reference")
        self.form.add_field(_("&Voorletters:"), self.initials)
        self.form.add_field(_("V&oornaam:"), self.first_name)
        self.form.add_field(_("&Tussenvoegsel:"), self.surname_prefix)
        self.form.add_field(_("&Achternaam:"), self.surname)
        self.form.add_field(_("&Geboortedatum:"), self.birth_date, "birth_date")
        self.bsn: QLineEdit | None = None
        if settings.bsn_enabled:
            self.bsn = QLineEdit()
            self.bsn.setPlaceholderText(_("9 cijfers"))
            self.form.add_field(_("&BSN:"), self.bsn, "bsn")
        self.form.add_field(_("&Start begeleiding:"), self.guidance_start, "guidance_start")
        self.form.add_field(_("K&lantmanager:"), self.klantmanager)
        self.form.add_field(_("T&eam:"), self.team)
        self.form.add_field(_("Ver&wachte trede:"), self.expected_trede, "expected_trede")
        # Phone and e-mail only where the municipality wants them (Instellingen).
        self.phone: QLineEdit | None = None
        self.email: QLineEdit | None = None
        if settings.contact_details_enabled:
            self.phone = QLineEdit()
            self.email = QLineEdit()
            self.form.add_field(_("Tele&foon:"), self.phone, "phone")
            self.form.add_field(_("E-&mail:"), self.email, "email")

        column.addWidget(self._language_group())
        self.origin_group: QGroupBox | None = None
        if settings.origin_enabled:
            self.origin_group = self._origin_group(settings.origin_purpose)
            column.addWidget(self.origin_group)
        column.addStretch(1)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        # Ctrl+Enter saves, as in every form of the client view.
        save_shortcut = QShortcut(self)
        save_shortcut.setWhatsThis(_("Klant opslaan"))
        save_shortcut.setKeys([QKeySequence("Ctrl+Return"), QKeySequence("Ctrl+Enter")])
        save_shortcut.activated.connect(self.save)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll)
        layout.addWidget(self.form.message)
        layout.addWidget(self.buttons)
        if client is not None:
            self._fill(client)
        self.resize(
            design.scaled(metrics.FORM_MAX_WIDTH + 80), min(content.sizeHint().height() + 110, 760)
        )
        accessibility.name_widgets(self)
        self.reference.setFocus()

    def _language_group(self) -> QGroupBox:
        group = QGroupBox(_("Taal en inburgering (niet verplicht)"))
        form = FieldForm(group)
        self.language_levels: dict[str, QComboBox] = {}
        for skill in vocab.LANGUAGE_SKILLS.codes():
            combo = vocab_combo(vocab.LANGUAGE_LEVELS, empty=_("Niet vastgelegd"))
            self.language_levels[skill] = combo
            label = _("Taalniveau %(skill)s:") % {
                "skill": vocab.LANGUAGE_SKILLS.label(skill).lower()
            }
            form.add_field(label, combo, skill)
        self.inburgering_route = vocab_combo(vocab.INBURGERING_ROUTES, empty=_("Geen"))
        form.add_field(_("Inburgeringsroute:"), self.inburgering_route, "inburgering_route")
        self.pip_date = DateField(optional=True)
        form.add_field(_("Datum PIP:"), self.pip_date, "pip_date")
        self._extra_forms = [form]
        return group

    def _origin_group(self, purpose: str) -> QGroupBox:
        group = QGroupBox(_("Herkomst (alleen voor rapporten over groepen)"))
        form = FieldForm(group)
        explanation = QLabel(
            _("De gemeente legt herkomst vast met dit doel: %(purpose)s") % {"purpose": purpose}
        )
        explanation.setWordWrap(True)
        form.addRow(explanation)
        self.born_in_nl = _yes_no_combo()
        self.migration_generation = vocab_combo(
            vocab.MIGRATION_GENERATIONS, empty=_("Niet vastgelegd")
        )
        self.origin_continent = vocab_combo(vocab.ORIGIN_CONTINENTS, empty=_("Niet vastgelegd"))
        form.add_field(_("Geboren in Nederland:"), self.born_in_nl)
        form.add_field(_("Migratieachtergrond:"), self.migration_generation, "migration_generation")
        form.add_field(_("Herkomst:"), self.origin_continent, "origin_continent")
        self._extra_forms.append(form)
        return group

    def _fill(self, client: model.Client) -> None:
        self.reference.setText(client.reference)
        self.initials.setText(client.initials)
        self.first_name.setText(client.first_name)
        self.surname_prefix.setText(client.surname_prefix)
        self.surname.setText(client.surname)
        self.birth_date.set_value(client.birth_date)
        self.guidance_start.set_value(client.guidance_start)
        self.klantmanager.setText(client.klantmanager)
        self.team.setText(client.team)
        select_data(self.expected_trede, client.expected_trede)
        if self.bsn is not None:
            self.bsn.setText(client.bsn or "")
        if self.phone is not None and self.email is not None:
            self.phone.setText(client.phone or "")
            self.email.setText(client.email or "")
        for skill, combo in self.language_levels.items():
            select_data(combo, getattr(client, skill))
        select_data(self.inburgering_route, client.inburgering_route)
        self.pip_date.set_value(client.pip_date)
        if self.origin_group is not None:
            select_data(self.born_in_nl, client.born_in_nl)
            select_data(self.migration_generation, client.migration_generation)
            select_data(self.origin_continent, client.origin_continent)

    def details(self) -> model.ClientDetails:
        """What the form holds, as the domain takes it."""
        kept = self._client
        origin: dict[str, Any] = {
            "born_in_nl": kept.born_in_nl if kept else None,
            "migration_generation": kept.migration_generation if kept else None,
            "origin_continent": kept.origin_continent if kept else None,
        }
        if self.origin_group is not None:
            origin = {
                "born_in_nl": self.born_in_nl.currentData(),
                "migration_generation": self.migration_generation.currentData(),
                "origin_continent": self.origin_continent.currentData(),
            }
        bsn = kept.bsn if kept else None
        if self.bsn is not None:
            bsn = self.bsn.text().strip() or None
        levels = {skill: combo.currentData() for skill, combo in self.language_levels.items()}
        # Switched off: what is stored stays as it is (nothing is lost by hiding the fields).
        phone = self.phone.text() if self.phone is not None else (kept.phone if kept else None)
        email = self.email.text() if self.email is not None else (kept.email if kept else None)
        return model.ClientDetails(
            reference=self.reference.text(),
            initials=self.initials.text(),
            first_name=self.first_name.text(),
            surname_prefix=self.surname_prefix.text(),
            surname=self.surname.text(),
            birth_date=self.birth_date.value(),
            bsn=bsn,
            guidance_start=self.guidance_start.value(),
            klantmanager=self.klantmanager.text(),
            team=self.team.text(),
            expected_trede=self.expected_trede.currentData(),
            inburgering_route=self.inburgering_route.currentData(),
            pip_date=self.pip_date.value(),
            phone=phone,
            email=email,
            **levels,
            **origin,
        )

    def save(self) -> None:
        """Store the client; on a refusal show why, under the field, and store nothing."""
        context = self._context
        for form in self._extra_forms:
            form.clear_errors()
        details = self.details()
        kept = self._client
        if kept is None:
            done = self._bus.perform(
                lambda: clients.add(
                    context.db,
                    details,
                    actor=context.actor,
                    bsn_enabled=context.settings.bsn_enabled,
                ),
                self,
                self._show_error,
            )
        else:
            handed_over = (details.klantmanager.strip(), details.team.strip()) != (
                kept.klantmanager,
                kept.team,
            )
            name = _("klant overdragen") if handed_over else _("klantgegevens wijzigen")
            done = self._bus.perform(
                lambda: clients.update(
                    context.db,
                    kept.id,
                    details,
                    actor=context.actor,
                    bsn_enabled=context.settings.bsn_enabled,
                ),
                self,
                self._show_error,
                undoable=undo.Undoable(name, kept.id),
            )
        if done is None:
            return
        self.saved = done.value
        self.accept()

    def _show_error(self, error: UserError) -> None:
        if not isinstance(error, errors.CaseloadError):
            self.form.message.setText(error.message)
            return
        for form in self._extra_forms:
            if form.has_field(error.field):
                self.form.clear_errors()
                form.show_error(error)
                self.form.message.setText(form.message.text())
                form.message.clear()
                return
        self.form.show_error(error)

    def error_text(self, field: str) -> str:
        """The message under a field (for tests and screen readers)."""
        for form in (self.form, *self._extra_forms):
            if form.error_text(field):
                return form.error_text(field)
        return ""
