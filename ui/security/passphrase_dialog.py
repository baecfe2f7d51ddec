"""Passphrase dialogs: choose one at first start, unlock the database, change it."""

from __future__ import annotations

import string
from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from resources.i18n import _
from ui import accessibility, design, widgets

#: Shorter passphrases are refused: they can be guessed from a stolen laptop's file.
MINIMUM_LENGTH = 10
#: A check gets the passphrase(s) and answers None when all is well, else one sentence.
Check = Callable[[str], str | None]
ChangeCheck = Callable[[str, str], str | None]


def _variety(passphrase: str) -> int:
    """How many kinds of characters: lower case, upper case, digits, others."""
    kinds = (
        any(c.islower() for c in passphrase),
        any(c.isupper() for c in passphrase),
        any(c in string.digits for c in passphrase),
        any(not c.isalnum() for c in passphrase),
    )
    return sum(kinds)


def strength_hint(passphrase: str) -> str:
    """One sentence on how strong a passphrase is, by its length and variety."""
    length = len(passphrase)
    if length == 0:
        return _("Kies een wachtwoord van minstens %(n)d tekens.") % {"n": MINIMUM_LENGTH}
    if length < MINIMUM_LENGTH:
        return _("Te kort: nog %(n)d tekens nodig.") % {"n": MINIMUM_LENGTH - length}
    variety = _variety(passphrase)
    if length >= 16 and variety >= 2 or length >= 12 and variety >= 3:
        return _("Sterk wachtwoord.")
    return _("Redelijk. Maak het langer, of gebruik ook hoofdletters, cijfers of tekens.")


def _secret_field() -> QLineEdit:
    field = QLineEdit()
    field.setEchoMode(QLineEdit.EchoMode.Password)
    return field


def _row(form: QFormLayout, text: str, field: QWidget) -> None:
    label = QLabel(text)
    label.setBuddy(field)
    form.addRow(label, field)


def _buttons(dialog: QDialog, ok_text: str) -> QDialogButtonBox:
    box = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
    )
    box.button(QDialogButtonBox.StandardButton.Ok).setText(ok_text)
    box.button(QDialogButtonBox.StandardButton.Cancel).setText(_("Annuleren"))
    box.accepted.connect(dialog.accept)
    box.rejected.connect(dialog.reject)
    return box


def _loss_warning() -> QLabel:
    return widgets.paragraph(
        _(
            "Let op: bent u het wachtwoord kwijt, dan bent u alle gegevens kwijt. "
            "Niemand kan ze terughalen, ook de beheerder niet. Bewaar het wachtwoord goed."
        )
    )


def keyring_choice(checked: bool = False) -> QCheckBox:
    """The choice to keep the passphrase in the system keyring (only shown where one exists)."""
    box = QCheckBox(_("Wachtwoord bewaren in de &sleutelhanger van het systeem"))
    box.setChecked(checked)
    return box


def keyring_explanation() -> QLabel:
    """What keeping the passphrase in the keyring means, in one short paragraph."""
    return widgets.paragraph(
        _(
            "Dan typt u het wachtwoord niet meer bij het openen. Let op: iedereen die met uw "
            "account op deze computer werkt, kan Trede dan ook openen."
        )
    )


#: The width of the passphrase dialogs at the usual font size.
DIALOG_WIDTH = 460


class NewPassphraseFields(QWidget):
    """A new passphrase twice, with a strength hint that follows the typing."""

    def __init__(self, first_label: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        self.first = _secret_field()
        _row(form, first_label, self.first)
        self.hint = QLabel(strength_hint(""))
        self.hint.setWordWrap(True)
        form.addRow(self.hint)
        self.second = _secret_field()
        _row(form, _("He&rhaal het wachtwoord:"), self.second)
        self.first.textChanged.connect(lambda text: self.hint.setText(strength_hint(text)))

    def problem(self) -> str | None:
        """Why the typed passphrase cannot be used, or None."""
        if len(self.first.text()) < MINIMUM_LENGTH:
            return strength_hint(self.first.text())
        if self.first.text() != self.second.text():
            return _("De twee wachtwoorden zijn niet gelijk. Typ ze opnieuw.")
        return None


def _titled(title: str, parent: QWidget | None) -> str:
    """A dialog shown before the main window names the program too: a task bar shows it alone."""
    return title if parent is not None else f"{title} — Trede"


class NewPassphraseDialog(QDialog):
    """Choose the passphrase that encrypts the database: at first start, or to encrypt later."""

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        offer_keyring: bool = False,
        remember: bool = False,
        title: str | None = None,
        intro: str | None = None,
        ok_text: str | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(_titled(title or _("Wachtwoord kiezen"), parent))
        layout = QVBoxLayout(self)
        # Wide enough that the hints under the fields stay on one line at 200 % font.
        self.setMinimumWidth(design.scaled(DIALOG_WIDTH))
        layout.addWidget(
            widgets.paragraph(
                intro
                or _(
                    "Trede versleutelt de gegevens op deze computer. "
                    "Kies een wachtwoord. U typt het elke keer als u Trede opent."
                )
            )
        )
        layout.addWidget(_loss_warning())
        self.fields = NewPassphraseFields(_("&Wachtwoord:"))
        layout.addWidget(self.fields)
        #: Only there when the system has a usable keyring.
        self.remember: QCheckBox | None = None
        if offer_keyring:
            self.remember = keyring_choice(remember)
            layout.addWidget(self.remember)
            layout.addWidget(keyring_explanation())
        self.message = QLabel()
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        layout.addWidget(_buttons(self, ok_text or _("&Database maken")))
        accessibility.name_widgets(self)
        self.fields.first.setFocus()

    def accept(self) -> None:
        """Close only with a usable passphrase typed twice."""
        problem = self.fields.problem()
        if problem:
            self.message.setText(problem)
            self.fields.second.clear()
            self.fields.first.setFocus()
            return
        super().accept()

    def passphrase(self) -> str:
        """The chosen passphrase."""
        return self.fields.first.text()

    def keep_in_keyring(self) -> bool:
        """Whether the user chose to keep the passphrase in the system keyring."""
        return self.remember is not None and self.remember.isChecked()


class PassphraseDialog(QDialog):
    """Ask the passphrase until ``check`` accepts it; Annuleren gives up."""

    def __init__(
        self, check: Check, file_name: str, parent: QWidget | None = None, note: str = ""
    ) -> None:
        super().__init__(parent)
        self._check = check
        self.setWindowTitle(_titled(_("Wachtwoord"), parent))
        layout = QVBoxLayout(self)
        # As wide as the other passphrase dialogs: the question and a refusal that names the
        # file's path wrap at a readable width instead of being cut off.
        self.setMinimumWidth(design.scaled(DIALOG_WIDTH))
        layout.addWidget(
            widgets.paragraph(
                _("De gegevens in %(file)s zijn versleuteld. Typ uw wachtwoord.")
                % {"file": file_name}
            )
        )
        form = QFormLayout()
        self.field = _secret_field()
        _row(form, _("&Wachtwoord:"), self.field)
        layout.addLayout(form)
        # Why Trede asks although the keyring was meant to answer, until the user types.
        self.message = QLabel(note)
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        layout.addWidget(_buttons(self, _("&Openen")))
        accessibility.name_widgets(self)
        self.field.setFocus()

    def accept(self) -> None:
        """Close when the passphrase opens the database; else say so and ask again."""
        problem = self._check(self.field.text())
        if problem:
            self.message.setText(problem)
            self.adjustSize()  # the refusal may take more lines than the dialog has room for
            self.field.selectAll()
            self.field.setFocus()
            return
        super().accept()


class ChangePassphraseDialog(QDialog):
    """The old passphrase, then a new one twice; ``change`` does the work."""

    def __init__(self, change: ChangeCheck, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._change = change
        self.setWindowTitle(_("Wachtwoord wijzigen"))
        layout = QVBoxLayout(self)
        # Wide enough that the hints under the fields stay on one line at 200 % font.
        self.setMinimumWidth(design.scaled(DIALOG_WIDTH))
        layout.addWidget(_loss_warning())
        form = QFormLayout()
        self.old = _secret_field()
        _row(form, _("&Huidig wachtwoord:"), self.old)
        layout.addLayout(form)
        self.fields = NewPassphraseFields(_("&Nieuw wachtwoord:"))
        layout.addWidget(self.fields)
        self.message = QLabel()
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        layout.addWidget(_buttons(self, _("&Wijzigen")))
        accessibility.name_widgets(self)
        self.old.setFocus()

    def accept(self) -> None:
        """Change the passphrase when both fields are right; else say what is wrong."""
        problem = self.fields.problem() or self._change(self.old.text(), self.fields.first.text())
        if problem:
            self.message.setText(problem)
            return
        super().accept()


def ask_new_passphrase(offer_keyring: bool = False) -> tuple[str, bool] | None:
    """Show the first-start dialog: the passphrase and whether to keep it in the keyring."""
    dialog = NewPassphraseDialog(offer_keyring=offer_keyring)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return dialog.passphrase(), dialog.keep_in_keyring()


def ask_passphrase(path: Path, check: Check, note: str = "") -> bool:
    """Ask the passphrase of ``path`` until ``check`` accepts it; False when cancelled."""
    return PassphraseDialog(check, path.name, note=note).exec() == QDialog.DialogCode.Accepted
