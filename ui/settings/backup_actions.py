"""Backups in the window: the automatic one on close and 'Back-up terugzetten…'."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from resources import changes, i18n
from resources.errors import UserError
from resources.i18n import _, ngettext
from ui.changes import ChangeBus
from ui.context import WindowContext


def backup_on_close(parent: QWidget, context: WindowContext) -> None:
    """Write the automatic backup; say so when it fails, but let the window close."""
    try:
        context.backup_on_close()
    except UserError as error:
        QMessageBox.warning(parent, _("Geen back-up gemaakt"), error.message)


def choose_and_restore(parent: QWidget, context: WindowContext, bus: ChangeBus) -> bool:
    """Let the user pick a backup, then check and restore it; True when it was restored."""
    name, _filter = QFileDialog.getOpenFileName(
        parent,
        _("Back-up terugzetten"),
        str(context.backup_folder()),
        _("Trede-back-ups (*.db);;Alle bestanden (*)"),
    )
    return bool(name) and restore(parent, context, Path(name), bus)


def confirmation_text(clients: int, quickscans: int, made: str) -> str:
    """What the user is asked before a restore replaces the data."""
    holds = ngettext("%(n)d klant", "%(n)d klanten", clients) % {"n": clients}
    scans = ngettext("%(n)d quickscan", "%(n)d quickscans", quickscans) % {"n": quickscans}
    return (
        _("De back-up is van %(made)s en bevat %(clients)s en %(scans)s.")
        % {"made": made, "clients": holds, "scans": scans}
        + "\n\n"
        + _(
            "De gegevens die nu in Trede staan, worden vervangen. Trede bewaart ze eerst in een "
            "apart bestand. Wilt u de back-up terugzetten?"
        )
    )


def restore(parent: QWidget, context: WindowContext, path: Path, bus: ChangeBus) -> bool:
    """Check a backup, ask for confirmation, restore it; True when it was restored."""
    title = _("Back-up terugzetten")
    try:
        info = context.inspect_backup(path)
    except UserError as error:
        QMessageBox.warning(parent, title, error.message)
        return False
    answer = QMessageBox.question(
        parent,
        title,
        confirmation_text(info.clients, info.quickscans, i18n.datetime_text(info.made_at)),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    if answer != QMessageBox.StandardButton.Yes:
        return False
    restored = bus.perform(
        # The whole file is replaced: every view reads it again.
        lambda: changes.Changed(context.restore_backup(path), changes.DATABASE),
        parent,
        lambda error: QMessageBox.warning(parent, title, error.message),
    )
    if restored is None:
        return False
    kept = restored.value
    QMessageBox.information(
        parent,
        title,
        _("De back-up is teruggezet.")
        if kept is None
        else _("De back-up is teruggezet. De vorige gegevens staan in %(path)s.") % {"path": kept},
    )
    return True
