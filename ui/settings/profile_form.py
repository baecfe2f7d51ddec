"""The four questions of the welcome page, also at the top of Instellingen."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QLineEdit, QWidget

from resources import i18n
from resources.i18n import _
from ui import design, metrics


@dataclass(frozen=True)
class Profile:
    """What the profile form holds."""

    municipality: str
    user_name: str
    team: str
    language: str


class ProfileForm(QWidget):
    """Municipality, your name, team and language, with a message line for mistakes."""

    def __init__(self, profile: Profile, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMaximumWidth(design.scaled(metrics.FORM_MAX_WIDTH))
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        self.municipality = QLineEdit(profile.municipality)
        self.user_name = QLineEdit(profile.user_name)
        self.team = QLineEdit(profile.team)
        self.language = QComboBox()
        for code in i18n.LANGUAGES:
            self.language.addItem(i18n.language_name(code), code)
        self.language.setCurrentIndex(i18n.LANGUAGES.index(profile.language))
        self.municipality.setPlaceholderText(_("bijvoorbeeld Leiden"))
        self.team.setPlaceholderText(_("bijvoorbeeld Team Werk Noord"))
        for text, field in (
            (_("Ge&meente:"), self.municipality),
            (_("&Uw naam:"), self.user_name),
            (_("&Team:"), self.team),
            (_("T&aal:"), self.language),
        ):
            label = QLabel(text)
            label.setBuddy(field)
            form.addRow(label, field)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setObjectName("formMessage")
        form.addRow(self.message)

    def profile(self) -> Profile:
        """The profile as typed, with spaces trimmed."""
        return Profile(
            municipality=self.municipality.text().strip(),
            user_name=self.user_name.text().strip(),
            team=self.team.text().strip(),
            language=str(self.language.currentData()),
        )

    def validate(self) -> bool:
        """Show what is missing and put the cursor there; True when the profile is complete."""
        profile = self.profile()
        if not profile.municipality:
            self.show_problem(_("Vul de naam van uw gemeente in."), self.municipality)
            return False
        if not profile.user_name:
            self.show_problem(
                _("Vul uw naam in. Die komt in het logboek bij wat u doet."), self.user_name
            )
            return False
        self.message.clear()
        return True

    def show_problem(self, text: str, field: QWidget) -> None:
        """Show one sentence about a mistake and move the focus to the field concerned."""
        self.message.setText(text)
        field.setFocus()
