"""File dialogs that start where the user expects: the folder used last for the same purpose,
or the Documents folder the first time (never the program's own folder); remembered in
window.ini next to the window's size."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, QStandardPaths
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from resources import files
from resources.i18n import _
from ui.context import WindowContext

_GROUP = "folders"


def _settings(context: WindowContext) -> QSettings:
    return QSettings(str(context.paths.window_state), QSettings.Format.IniFormat)


def start_folder(context: WindowContext, purpose: str) -> Path:
    """Where a dialog for ``purpose`` opens: the folder used last, else Documents, else home."""
    remembered = str(_settings(context).value(f"{_GROUP}/{purpose}", "", type=str) or "")
    if remembered and Path(remembered).is_dir():
        return Path(remembered)
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    if documents and Path(documents).is_dir():
        return Path(documents)
    return Path.home()


def remember(context: WindowContext, purpose: str, folder: Path) -> None:
    """Open the next dialog for ``purpose`` in ``folder``."""
    settings = _settings(context)
    settings.setValue(f"{_GROUP}/{purpose}", str(folder))
    settings.sync()


def save_file(
    parent: QWidget,
    context: WindowContext,
    purpose: str,
    caption: str,
    suggested_name: str,
    filters: str,
) -> tuple[Path | None, str]:
    """Ask where to save; the chosen path (or None) and the chosen filter."""
    start = start_folder(context, purpose) / suggested_name
    name, chosen = QFileDialog.getSaveFileName(parent, caption, str(start), filters)
    if not name:
        return None, chosen
    refusal = _refusal(Path(name), context.paths.database)
    if refusal:
        QMessageBox.warning(parent, caption, refusal % {"file": name})
        return None, chosen
    remember(context, purpose, Path(name).parent)
    return Path(name), chosen


def _refusal(target: Path, database: Path) -> str | None:
    """Why nothing may be saved as ``target``: no report or export goes over a database."""
    if files.is_database_file(target, database):
        return _("%(file)s is de database zelf. Kies een ander bestand. Er is niets veranderd.")
    kind = files.database_kind(target)
    if kind == "encrypted":
        return _(
            "%(file)s lijkt een versleutelde database te zijn. Kies een ander bestand. "
            "Er is niets veranderd."
        )
    if kind is not None:
        return _("%(file)s is een database. Kies een ander bestand. Er is niets veranderd.")
    return None


def open_file(
    parent: QWidget, context: WindowContext, purpose: str, caption: str, filters: str
) -> Path | None:
    """Ask which file to open; the chosen path or None."""
    name, _chosen = QFileDialog.getOpenFileName(
        parent, caption, str(start_folder(context, purpose)), filters
    )
    if not name:
        return None
    remember(context, purpose, Path(name).parent)
    return Path(name)


def choose_folder(
    parent: QWidget, context: WindowContext, purpose: str, caption: str
) -> Path | None:
    """Ask for a folder; the chosen folder or None."""
    name = QFileDialog.getExistingDirectory(parent, caption, str(start_folder(context, purpose)))
    if not name:
        return None
    remember(context, purpose, Path(name))
    return Path(name)
