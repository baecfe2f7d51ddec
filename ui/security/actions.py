"""Window actions for security: change the passphrase, encrypt a plain database, the audit log."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QWidget

from resources.errors import UserError
from resources.i18n import _, ngettext
from ui import accessibility
from ui.context import WindowContext
from ui.security import audit_dialog, passphrase_dialog


def page_options(context: WindowContext) -> dict[str, Any]:
    """What the settings page shows in its Beveiliging group for this database."""
    return {
        "encrypted": context.encrypted,
        "can_encrypt": not context.encrypted and not context.demo,
        "remember_passphrase": context.remembers_passphrase,
        "keyring_usable": context.keyring_usable,
    }


def change_passphrase(parent: QWidget, context: WindowContext) -> bool:
    """Ask the old passphrase and a new one twice, then re-key; True when it changed."""
    notes: list[str] = []

    def change(old: str, new: str) -> str | None:
        try:
            note = context.change_passphrase(old, new)
        except UserError as error:
            return error.message
        if note:
            notes.append(note)
        return None

    dialog = passphrase_dialog.ChangePassphraseDialog(change, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return False
    QMessageBox.information(
        parent,
        _("Wachtwoord gewijzigd"),
        " ".join(
            [
                _("Het wachtwoord is gewijzigd. Oude back-ups openen nog met het oude wachtwoord."),
                *notes,
            ]
        ),
    )
    return True


def encrypt_database(
    parent: QWidget, context: WindowContext, reopened: Callable[[], None] = lambda: None
) -> bool:
    """Ask a new passphrase twice and encrypt the plain database in place; True when done.

    ``reopened`` runs as soon as the database was reopened (encrypted, or plain after a
    failure), before any message: the pages must let go of the old connection first.
    """
    dialog = passphrase_dialog.NewPassphraseDialog(
        parent,
        offer_keyring=context.keyring_usable(),
        remember=context.remembers_passphrase,
        title=_("Database versleutelen"),
        intro=_(
            "Trede versleutelt de gegevens in %(file)s. Kies een wachtwoord. Daarna typt u het "
            "elke keer als u Trede opent. Trede controleert de versleutelde kopie voordat die "
            "het oude bestand vervangt."
        )
        % {"file": context.paths.database.name},
        ok_text=_("V&ersleutelen"),
    )
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return False
    failure: UserError | None = None
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        outcome = context.encrypt(dialog.passphrase(), dialog.keep_in_keyring())
    except UserError as error:
        failure = error
    finally:
        QApplication.restoreOverrideCursor()
        reopened()
    if failure is not None:
        QMessageBox.warning(parent, _("Niet versleuteld"), failure.message)
        return False
    text = _("De database is versleuteld. Vanaf nu vraagt Trede het wachtwoord bij het openen.")
    QMessageBox.information(
        parent, _("Database versleuteld"), " ".join(filter(None, [text, outcome.keyring_note]))
    )
    if outcome.plain_backups:
        offer_to_wipe_plain_backups(parent, context, outcome.plain_backups)
    return True


def offer_to_wipe_plain_backups(
    parent: QWidget, context: WindowContext, backups: tuple[Path, ...]
) -> int:
    """Say that older backups are still plain and offer to wipe them; the number wiped."""
    count = len(backups)
    box = QMessageBox(
        QMessageBox.Icon.Question,
        _("Oude back-ups zonder versleuteling"),
        ngettext(
            "Er is nog %(n)d oudere back-up die niet versleuteld is (in %(folder)s). Wie die "
            "heeft, kan de gegevens lezen. Trede kan die niet meer terugzetten. Nu wissen?",
            "Er zijn nog %(n)d oudere back-ups die niet versleuteld zijn (in %(folder)s). Wie "
            "ze heeft, kan de gegevens lezen. Trede kan ze niet meer terugzetten. Nu wissen?",
            count,
        )
        % {"n": count, "folder": backups[0].parent},
        QMessageBox.StandardButton.NoButton,
        parent,
    )
    wipe = box.addButton(_("&Wissen"), QMessageBox.ButtonRole.DestructiveRole)
    keep = box.addButton(_("&Bewaren"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(keep)
    box.setEscapeButton(keep)
    accessibility.name_widgets(box)
    box.exec()
    if box.clickedButton() is not wipe:
        return 0
    try:
        return context.remove_plain_backups(backups)
    except (UserError, OSError) as error:
        QMessageBox.warning(parent, _("Niet gewist"), str(error))
        return 0


def show_audit_log(parent: QWidget, context: WindowContext) -> None:
    """Show the newest entries of the audit log and whether its chain holds."""
    audit_dialog.AuditDialog(context.db, parent).exec()
