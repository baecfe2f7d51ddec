"""Handover in the window: give the selected clients to another klantmanager or team, and make
or read a transfer file for a colleague on another laptop."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from caseload import handover, people
from resources.errors import UserError
from resources.i18n import _, ngettext
from ui import accessibility, file_dialogs, undo, widgets
from ui.changes import ChangeBus
from ui.context import WindowContext

#: The shortest transfer passphrase; the same rule as app.handover checks.
MINIMUM_LENGTH = 10


def _people_box(names: list[str]) -> QComboBox:
    box = QComboBox()
    box.setEditable(True)
    box.addItem("")
    box.addItems(names)
    box.setCurrentIndex(0)
    return box


def _how_many(count: int) -> str:
    return ngettext("%(n)d klant", "%(n)d klanten", count) % {"n": count}


class ReassignDialog(QDialog):
    """'Overdragen aan…': a klantmanager and/or a team for the selected clients (empty: keep)."""

    def __init__(
        self,
        context: WindowContext,
        bus: ChangeBus,
        client_ids: list[int],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.bus = bus
        self.client_ids = client_ids
        self.done_ok = False
        self.setWindowTitle(_("Overdragen aan"))
        layout = QVBoxLayout(self)
        self.intro = QLabel(
            _("%(clients)s overdragen. Laat een veld leeg om het te houden zoals het is.")
            % {"clients": _how_many(len(client_ids))}
        )
        self.intro.setWordWrap(True)
        layout.addWidget(self.intro)
        form = QFormLayout()
        self.klantmanager = _people_box(people.klantmanagers(context.db))
        self.team = _people_box(people.teams(context.db))
        widgets.labelled_rows(
            form, [(_("&Klantmanager:"), self.klantmanager), (_("&Team:"), self.team)]
        )
        layout.addLayout(form)
        self.message = widgets.hidden_message()
        layout.addWidget(self.message)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(_("&Overdragen"))
        ok.setDefault(True)
        self.buttons.accepted.connect(self.reassign)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        accessibility.name_widgets(self)
        self.klantmanager.setFocus()

    def _show(self, error: UserError) -> None:
        self.message.setText(error.message)
        self.message.show()

    def reassign(self) -> None:
        """Give every selected client the new klantmanager and/or team, in one change."""
        klantmanager = self.klantmanager.currentText().strip() or None
        team = self.team.currentText().strip() or None
        ids = list(self.client_ids)
        name = ngettext("%(n)d klant overdragen", "%(n)d klanten overdragen", len(ids)) % {
            "n": len(ids)
        }
        done = self.bus.perform(
            lambda: handover.reassign(
                self.context.db, ids, klantmanager=klantmanager, team=team, actor=self.context.actor
            ),
            self,
            self._show,
            undoable=undo.Undoable(name, ids[0], tuple(ids[1:])) if ids else None,
        )
        if done is not None:
            self.done_ok = True
            self.accept()


class TransferPassphraseDialog(QDialog):
    """The passphrase of a transfer file: twice (and the colleague's name) when making one."""

    def __init__(self, title: str, making: bool, count: int = 0, parent: QWidget | None = None):
        super().__init__(parent)
        self.making = making
        self.setWindowTitle(title)
        layout = QVBoxLayout(self)
        text = (
            _(
                "%(clients)s gaan versleuteld in het bestand. Geef het wachtwoord apart aan uw "
                "collega, niet in dezelfde mail. Hier krijgen de klanten daarna de markering "
                "“overgedragen”."
            )
            % {"clients": _how_many(count)}
            if making
            else _("Typ het wachtwoord dat u van uw collega kreeg.")
        )
        intro = QLabel(text)
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.passphrase = QLineEdit()
        self.repeat = QLineEdit()
        self.receiver = QLineEdit()
        for field in (self.passphrase, self.repeat):
            field.setEchoMode(QLineEdit.EchoMode.Password)
        rows: list[tuple[str, QWidget]] = [(_("&Wachtwoord:"), self.passphrase)]
        if making:
            rows += [(_("&Nog een keer:"), self.repeat), (_("&Voor (collega):"), self.receiver)]
        widgets.labelled_rows(form, rows)
        layout.addLayout(form)
        self.message = widgets.hidden_message()
        layout.addWidget(self.message)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self._check)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        accessibility.name_widgets(self)
        self.passphrase.setFocus()

    def _check(self) -> None:
        problem = None
        if self.making and len(self.passphrase.text()) < MINIMUM_LENGTH:
            problem = _("Het wachtwoord moet minstens %(n)d tekens hebben.") % {"n": MINIMUM_LENGTH}
        elif self.making and self.repeat.text() != self.passphrase.text():
            problem = _("De twee wachtwoorden zijn niet gelijk.")
        elif not self.passphrase.text():
            problem = _("Typ het wachtwoord.")
        if problem:
            self.message.setText(problem)
            self.message.show()
            return
        self.accept()


def make_transfer_file(
    parent: QWidget, context: WindowContext, bus: ChangeBus, client_ids: list[int]
) -> Path | None:
    """Ask the passphrase and where to save, write the file, mark the clients; the file."""
    title = _("Overdrachtsbestand maken")
    if not client_ids:
        QMessageBox.information(parent, title, _("Kies eerst een of meer klanten in de lijst."))
        return None
    dialog = TransferPassphraseDialog(title, True, len(client_ids), parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    target, _chosen = file_dialogs.save_file(
        parent,
        context,
        "transfer",
        title,
        "overdracht.trede",
        ";;".join((_("Overdrachtsbestanden (*.trede)"), _("Alle bestanden (*)"))),
    )
    if target is None:
        return None
    passphrase, receiver = dialog.passphrase.text(), dialog.receiver.text().strip() or None
    done = bus.perform(
        lambda: context.export_transfer(client_ids, target, passphrase, receiver), parent
    )
    if done is None:
        return None
    QMessageBox.information(
        parent,
        title,
        _(
            "%(clients)s staan in %(path)s. Ze zijn hier gemarkeerd als overgedragen; wis ze "
            "als uw collega het bestand heeft ingelezen."
        )
        % {"clients": _how_many(len(client_ids)), "path": target},
    )
    return target


def read_transfer_file(parent: QWidget, context: WindowContext, bus: ChangeBus) -> list[int]:
    """Ask for a transfer file and its passphrase and add its clients; their new ids."""
    title = _("Overdrachtsbestand inlezen")
    path = file_dialogs.open_file(
        parent,
        context,
        "transfer",
        title,
        ";;".join((_("Overdrachtsbestanden (*.trede)"), _("Alle bestanden (*)"))),
    )
    if path is None:
        return []
    dialog = TransferPassphraseDialog(title, False, parent=parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return []
    passphrase = dialog.passphrase.text()
    done = bus.perform(
        lambda: context.import_transfer(path, passphrase),
        parent,
        lambda error: QMessageBox.warning(parent, title, error.message),
    )
    if done is None:
        return []
    references = list(done.value)
    QMessageBox.information(
        parent,
        title,
        _("%(clients)s ingelezen: %(references)s.")
        % {"clients": _how_many(len(references)), "references": ", ".join(references)},
    )
    return list(done.value.values())
