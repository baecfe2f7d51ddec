"""Help where users look: F1 shows the help of the page in view, and Help → Sneltoetsen lists
every shortcut the window has now, read from its actions and shortcuts."""

from __future__ import annotations

import html

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import QMainWindow, QWidget

from resources import help as help_texts
from resources.i18n import _
from ui import accessibility
from ui.shell.info_dialogs import TextDialog

#: The property that names the help of a part of a page (the client view inside Caseload).
HELP_PROPERTY = "trede_help"


def mark(widget: QWidget, page_id: str) -> None:
    """Show the help of ``page_id`` when F1 is pressed while ``widget`` is in view."""
    widget.setProperty(HELP_PROPERTY, page_id)


def describe(shortcut: QShortcut, text: str) -> QShortcut:
    """Say what a shortcut does, for Help → Sneltoetsen."""
    shortcut.setWhatsThis(text)
    return shortcut


def help_id(page: QWidget, page_id: str) -> str:
    """The help of what is in view on ``page``: the innermost shown part that has its own help
    (the part that holds the keyboard first), else the page's."""
    focus = page.focusWidget()
    widget: QObject | None = focus
    while isinstance(widget, QWidget) and widget is not page:
        if widget.property(HELP_PROPERTY) and widget.isVisible():
            return str(widget.property(HELP_PROPERTY))
        widget = widget.parent()
    for part in page.findChildren(QWidget):
        if part.property(HELP_PROPERTY) and part.isVisible():
            return str(part.property(HELP_PROPERTY))
    return page_id


def show_help(owner: QWidget, page_id: str, *, encrypted: bool) -> TextDialog:
    """Show the help of ``page_id`` in a window beside the work (it stays open while you work);
    it says whether the database is ``encrypted``."""
    try:
        text = help_texts.text(page_id, encrypted=encrypted)
    except help_texts.NoHelp:
        text = _("Voor deze pagina is nog geen hulp.")
    dialog = _reused(owner, "pageHelp", _("Hulp"))
    dialog.text.setMarkdown(text)
    dialog.setProperty("help_page", page_id)
    dialog.show()
    dialog.activateWindow()
    return dialog


def _reused(owner: QWidget, name: str, title: str) -> TextDialog:
    dialog = owner.findChild(TextDialog, name)
    if dialog is None:
        dialog = TextDialog(title, "", owner)
        dialog.setObjectName(name)
    dialog.setWindowTitle(title)
    dialog.text.setAccessibleName(title)
    return dialog


def shortcuts(window: QMainWindow) -> list[tuple[str, str]]:
    """(keys, what they do) of every action and shortcut in ``window``, its menus and pages,
    sorted by what they do; keys as the user's system writes them."""
    found: set[tuple[str, str]] = set()
    actions: set[QAction] = set(window.findChildren(QAction))
    for widget in window.findChildren(QWidget):
        actions.update(widget.actions())
    for action in actions:
        keys = [key for key in action.shortcuts() if _on_a_keyboard(key)]
        if keys:
            found.add((_keys_text(keys), accessibility.plain(action.text()).rstrip("…")))
    for shortcut in window.findChildren(QShortcut):
        keys = [key for key in shortcut.keys() if _on_a_keyboard(key)]  # noqa: SIM118 - not a dict
        if keys:
            found.add((_keys_text(keys), shortcut.whatsThis()))
    return sorted(found, key=lambda item: (item[1].lower(), item[0]))


def _on_a_keyboard(key: QKeySequence) -> bool:
    """Whether every key of ``key`` is on an ordinary keyboard. Qt's standard zoom and save
    keys also answer to media keys ("Inzoomen", "Opslaan"), which read in the list as if they
    were words to type."""
    # PySide6's type stubs do not know that a QKeySequence can be indexed.
    return not key.isEmpty() and all(
        key[index].key().value < Qt.Key.Key_Back.value  # type: ignore[index]
        for index in range(key.count())
    )


def _keys_text(keys: list[QKeySequence]) -> str:
    return ", ".join(key.toString(QKeySequence.SequenceFormat.NativeText) for key in keys)


def shortcuts_html(window: QMainWindow) -> str:
    """The shortcut list as a table."""
    rows = "".join(
        f"<tr><td><b>{html.escape(keys)}</b></td><td>{html.escape(what)}</td></tr>"
        for keys, what in shortcuts(window)
    )
    return (
        "<h2>"
        + html.escape(_("Sneltoetsen"))
        + "</h2><p>"
        + html.escape(
            _("Onderstreepte letters werken met Alt. Tab gaat naar het volgende veld of knop.")
        )
        + '</p><table cellpadding="4">'
        + rows
        + "</table>"
    )


def show_shortcuts(window: QMainWindow) -> TextDialog:
    """Show every shortcut of the window, in the active language."""
    make_all = getattr(window, "make_every_page", None)
    if callable(make_all):
        make_all()  # pages made on their first visit bring their own shortcuts
    dialog = _reused(window, "shortcutList", _("Sneltoetsen"))
    dialog.text.setHtml(shortcuts_html(window))
    dialog.setWindowModality(Qt.WindowModality.NonModal)
    dialog.show()
    return dialog
