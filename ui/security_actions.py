"""Window actions for security: change the passphrase, show the audit log."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QMessageBox, QWidget

from resources.errors import UserError
from resources.i18n import _
from ui import audit_dialog, passphrase_dialog
from ui.context import WindowContext


def change_passphrase(parent: QWidget, context: WindowContext) -> bool:
    """Ask the old passphrase and a new one twice, then re-key; True when it changed."""

    def change(old: str, new: str) -> str | None:
        try:
            context.change_passphrase(old, new)
        except UserError as error:
            return error.message
        return None

    dialog = passphrase_dialog.ChangePassphraseDialog(change, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return False
    QMessageBox.information(
        parent,
        _("Wachtwoord gewijzigd"),
        _("Het wachtwoord is gewijzigd. Oude back-ups openen nog met het oude wachtwoord."),
    )
    return True


def show_audit_log(parent: QWidget, context: WindowContext) -> None:
    """Show the newest entries of the audit log and whether its chain holds."""
    audit_dialog.AuditDialog(context.db, parent).exec()
