"""Give every interactive widget an accessible name equal to its visible label."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import (
    QAbstractButton,
    QAccessibleWidget,
    QGroupBox,
    QLabel,
    QScrollArea,
    QWidget,
)


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
    no_tab_stop_on_scroll_areas(root)
    for group in root.findChildren(QGroupBox):
        if group.isCheckable() and not group.accessibleName():
            group.setAccessibleName(plain(group.title()))


def label_group(label: QLabel, group: QWidget) -> QLabel:
    """Make ``label`` (the question) the programmatic label of a group of radio buttons: a
    screen reader says "Trede:, grouping" before the options, as for a group box."""
    label.setBuddy(group)
    group.setAccessibleName(plain(label.text()))
    group.setProperty("trede_group", True)
    return label


def no_tab_stop_on_scroll_areas(root: QWidget) -> None:
    """A scroll area takes no Tab stop of its own (a screen reader would hear an unnamed
    'filler'); it still scrolls to the field that has the focus. A scroll area that was given
    a name on purpose (the report preview, whose pages are scrolled with the arrows) keeps it."""
    areas = root.findChildren(QScrollArea)
    if isinstance(root, QScrollArea):
        areas.append(root)
    for area in areas:
        if not area.accessibleName():
            area.setFocusPolicy(Qt.FocusPolicy.NoFocus)


class _Heading(QAccessibleWidget):
    """A label that screen readers announce as a heading (page and section titles)."""

    def __init__(self, label: QLabel) -> None:
        super().__init__(label, QAccessible.Role.Heading)
        self._label = label

    def text(self, kind: QAccessible.Text) -> str:
        """The label's name: its accessible name, else its text without the mnemonic."""
        if kind == QAccessible.Text.Name:
            return self._label.accessibleName() or plain(self._label.text())
        return str(super().text(kind))


#: Qt caches each interface and deletes it with its widget; Python must keep ours alive until
#: then.
_interfaces: dict[int, QAccessibleWidget] = {}


class _Group(QAccessibleWidget):
    """A widget that holds one question's radio buttons: a grouping named by its question."""

    def __init__(self, group: QWidget) -> None:
        super().__init__(group, QAccessible.Role.Grouping)


def _factory(key: str, target: QObject) -> QAccessibleWidget | None:
    if isinstance(target, QWidget) and target.property("trede_group"):
        group = _Group(target)
        ident = id(target)
        _interfaces[ident] = group
        target.destroyed.connect(lambda *_args, i=ident: _interfaces.pop(i, None))
        return group
    if isinstance(target, QLabel) and target.property("trede_heading"):
        interface = _Heading(target)
        ident = id(target)
        _interfaces[ident] = interface
        target.destroyed.connect(lambda *_args, i=ident: _interfaces.pop(i, None))
        return interface
    return None


def install_roles() -> None:
    """Let screen readers hear page and section titles as headings (once per process)."""
    if not _installed:
        _installed.append(True)
        QAccessible.installFactory(_factory)


_installed: list[bool] = []
