"""Give every interactive widget an accessible name equal to its visible label."""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractButton, QGroupBox, QLabel, QWidget


def plain(text: str) -> str:
    """A label's text without the mnemonic ampersand and the trailing colon."""
    return text.replace("&&", "\x00").replace("&", "").replace("\x00", "&").rstrip(":").strip()


def name_widgets(root: QWidget) -> None:
    """Name buttons after their text and fields after the label that is their buddy.

    Call it after building a page or dialog; a name that was set by hand is kept.
    """
    for label in root.findChildren(QLabel):
        buddy = label.buddy()
        if buddy is not None and not buddy.accessibleName():
            buddy.setAccessibleName(plain(label.text()))
    for button in root.findChildren(QAbstractButton):
        if not button.accessibleName() and button.text():
            button.setAccessibleName(plain(button.text()))
    for group in root.findChildren(QGroupBox):
        if group.isCheckable() and not group.accessibleName():
            group.setAccessibleName(plain(group.title()))
