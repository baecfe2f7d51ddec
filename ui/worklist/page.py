"""The worklist "Vandaag": today's and this week's appointments, what is late, follow-ups
and clients without contact for too long; Enter opens the client on the form that fits."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings, Qt, Signal
from PySide6.QtGui import QFont, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHeaderView,
    QLabel,
    QStyleFactory,
    QTreeWidget,
    QTreeWidgetItem,
    QWidget,
)

from caseload import people, vocab, worklist
from caseload.worklist import ItemKind, Section
from resources import i18n
from resources.changes import Changes, Kind
from resources.i18n import _
from ui import accessibility, widgets
from ui.changes import ChangeBus
from ui.context import WindowContext

if TYPE_CHECKING:
    from ui.worklist.followup_dialog import FollowupDialog

#: The form of the client view that each kind of line opens.
FORM_OF = {
    ItemKind.APPOINTMENT: "contact",
    ItemKind.MISSED_APPOINTMENT: "contact",
    ItemKind.CONTACT: "contact",
    ItemKind.ACTION: "action",
    ItemKind.MEASUREMENT: "trede",
}
_ITEM = Qt.ItemDataRole.UserRole


def what_text(item: worklist.Item) -> str:
    """What the line is about, in words."""
    if item.kind is ItemKind.APPOINTMENT:
        kind = vocab.CONTACT_KINDS.label(item.detail)
        return f"{item.time} {kind}".strip()
    if item.kind is ItemKind.MISSED_APPOINTMENT:
        return _("Afspraak gemist: %(kind)s") % {"kind": vocab.CONTACT_KINDS.label(item.detail)}
    if item.kind is ItemKind.ACTION:
        return _("Actie te laat: %(action)s") % {"action": vocab.INTERVENTIONS.label(item.detail)}
    if item.kind is ItemKind.MEASUREMENT:
        return _("Trede meten")
    if item.kind is ItemKind.FOLLOWUP:
        return _("Vraag of de klant nog werkt")
    return _("Te lang geen contact")


def section_title(section: Section, count: int) -> str:
    """A section's heading with its number of lines."""
    return _("%(section)s (%(n)s)") % {"section": _(section.value), "n": i18n.format_number(count)}


#: Where "Alleen mijn caseload" is kept (window.ini, beside the caseload's filters).
_MINE_KEY = "worklist/mine"


class WorklistPage(QWidget):
    """The page; it reads the worklist when shown and when the data under it changes."""

    #: A client to open on a form of the client view ("contact", "action", "trede"); the
    #: int after it is the action to choose (0 for none).
    open_requested = Signal(int, str, int)
    #: The number in the navigation changed.
    count_changed = Signal(int)

    def __init__(self, context: WindowContext, bus: ChangeBus, parent: QWidget | None = None):
        super().__init__(parent)
        self.context = context
        self.bus = bus
        self.followup_dialog: FollowupDialog | None = None
        self._stale = True
        self._count: int | None = None  # the count last told to the navigation
        self._dates: dict[dt.date, str] = {}  # each date as shown, for the language below
        self._dates_language = ""
        self.current: worklist.Worklist | None = None
        layout = widgets.page_layout(self)
        layout.addWidget(widgets.title(_("Vandaag")))
        self.date_label = QLabel()
        layout.addWidget(self.date_label)
        self.mine = QCheckBox()
        # As the user left it: saving the settings builds the pages again, and so does a start.
        self.mine.setChecked(bool(self._kept().value(_MINE_KEY, True, type=bool)))
        self.mine.toggled.connect(self._keep_mine)
        self.mine.toggled.connect(self.reload)
        layout.addWidget(self.mine)
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        layout.addWidget(self.hint)
        self.tree = QTreeWidget()
        self.tree.setAccessibleName(_("Werklijst"))
        self.tree.setHeaderLabels([_("Datum"), _("Klant"), _("Wat"), _("Klantmanager")])
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setRootIsDecorated(True)
        self.tree.setUniformRowHeights(True)
        # The lines, header and scroll bars drawn by Fusion itself: Trede's style only changes
        # check boxes, icons and number fields, none of which the list has, and asking it from
        # Python for every cell made painting the list cost more than reading it (the palette
        # and the style sheet still apply).
        self._line_style = QStyleFactory.create("Fusion")
        self._line_style.setParent(self.tree)
        for part in (
            self.tree,
            self.tree.header(),
            self.tree.verticalScrollBar(),
            self.tree.horizontalScrollBar(),
        ):
            part.setStyle(self._line_style)
        header = self.tree.header()
        # Sized to the lines once, on the first fill: ResizeToContents would measure every
        # line again on each paint.
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self._sized = False
        self.tree.activated.connect(self._activated)
        layout.addWidget(self.tree, 1)
        self.help = QLabel(_("Enter opent de klant op het formulier dat erbij hoort."))
        layout.addWidget(self.help)
        self._set_mine_text()
        bus.changed.connect(self._changed)
        accessibility.name_widgets(self)

    # -- what is shown ------------------------------------------------------------------------

    def _kept(self) -> QSettings:
        return QSettings(str(self.context.paths.window_state), QSettings.Format.IniFormat)

    def _keep_mine(self, checked: bool) -> None:
        self._kept().setValue(_MINE_KEY, checked)

    def _set_mine_text(self) -> None:
        name = self.context.settings.user_name.strip()
        self.mine.setText(
            _("Alleen &mijn caseload (%(name)s)") % {"name": name.replace("&", "&&")}
            if name
            else _("Alleen &mijn caseload")
        )
        self.mine.setAccessibleName(accessibility.plain(self.mine.text()))

    def scope(self) -> worklist.Scope:
        """Whose clients the page shows now."""
        name = self.context.settings.user_name.strip()
        return worklist.Scope(
            name if self.mine.isChecked() else None, self.context.settings.contact_threshold_days
        )

    def count(self) -> int:
        """The number for the navigation: what is due today or earlier."""
        return worklist.count(self.context.reads, self.scope())

    def reload(self) -> None:
        """Read the worklist again and show it, keeping the line that was chosen."""
        self._stale = False
        today = dt.date.today()
        chosen = self._chosen_key()
        self.current = found = worklist.load(self.context.reads, self.scope(), today)
        self.date_label.setText(i18n.date_text(today))
        bold = QFont(self.tree.font())
        bold.setBold(True)
        select: QTreeWidgetItem | None = None
        # Texts shared by many lines are made once: babel is slow and lines share few dates.
        # The dates are kept from one fill to the next (per language: the month is a word).
        language = i18n.current_language()
        if self._dates_language != language or len(self._dates) > 10_000:
            self._dates, self._dates_language = {}, language
        dates = self._dates
        whats: dict[tuple[ItemKind, str, str], str] = {}
        new_lines: list[list[QTreeWidgetItem]] = []
        for section in Section:
            items = found.sections[section]
            lines: list[QTreeWidgetItem] = []
            if not items:
                empty = QTreeWidgetItem([_("Niets")])
                empty.setFlags(Qt.ItemFlag.ItemIsEnabled)
                lines.append(empty)
            for entry in items:
                what = whats.get((entry.kind, entry.detail, entry.time))
                if what is None:
                    what = whats.setdefault(
                        (entry.kind, entry.detail, entry.time), what_text(entry)
                    )
                line = QTreeWidgetItem(
                    [
                        dates.get(entry.on) or dates.setdefault(entry.on, i18n.date_text(entry.on)),
                        f"{entry.name} ({entry.reference})",
                        what,
                        entry.klantmanager,
                    ]
                )
                line.setData(0, _ITEM, entry)
                lines.append(line)
                if select is None and self._key(entry) == chosen:
                    select = line
            if found.counts[section] > len(items):
                more = QTreeWidgetItem(
                    [
                        _("en nog %(n)s; kies Alleen mijn caseload")
                        % {"n": i18n.format_number(found.counts[section] - len(items))}
                    ]
                )
                more.setFlags(Qt.ItemFlag.ItemIsEnabled)
                lines.append(more)
            new_lines.append(lines)
        # The headings stay; under each, the old lines out and the new ones in at once (the
        # view is not reset: expanded headings and the column widths stay as they are).
        headings = self._headings(bold)
        for section, heading, lines in zip(Section, headings, new_lines, strict=True):
            heading.setText(0, section_title(section, found.counts[section]))
            heading.takeChildren()
            heading.addChildren(lines)
            for line in lines:  # "Niets" and "en nog …" read across (only once in the tree)
                if line.data(0, _ITEM) is None:
                    line.setFirstColumnSpanned(True)
        if not self._sized and self._first_line() is not None:
            self._sized = True
            for column in range(self.tree.columnCount() - 1):
                self.tree.resizeColumnToContents(column)
        self._show_hint()
        first = select or self._first_line()
        if first is not None:
            self.tree.setCurrentItem(first)
        if found.to_do() != self._count:  # an unchanged count repaints no navigation
            self._count = found.to_do()
            self.count_changed.emit(self._count)

    def _headings(self, bold: QFont) -> list[QTreeWidgetItem]:
        """The heading of every section, made on the first fill."""
        if self.tree.topLevelItemCount() == 0:
            made = []
            for _section in Section:
                heading = QTreeWidgetItem([""])
                heading.setFont(0, bold)
                made.append(heading)
            self.tree.insertTopLevelItems(0, made)
            for heading in made:  # spanning only holds once the line is in the tree
                heading.setFirstColumnSpanned(True)
                heading.setExpanded(True)
        headings = [self.tree.topLevelItem(index) for index in range(len(Section))]
        return [heading for heading in headings if heading is not None]

    def _show_hint(self) -> None:
        """The empty state: why the list is empty and what the user can do next."""
        self.hint.setText(self.empty_text())
        self.hint.setVisible(bool(self.hint.text()))

    def empty_text(self) -> str:
        """What to do next when nothing is due, or when "mijn caseload" finds no client with
        the user's name; empty when the list has lines."""
        name = self.context.settings.user_name.strip()
        if self.current is None or any(self.current.counts.values()):
            return ""
        # Only read when the list is empty: a full list needs no explanation.
        managers = people.klantmanagers(self.context.reads)
        if not managers:
            return _(
                "Nog geen klanten, dus niets te doen. Importeer een bestand of voeg een klant "
                "toe in de Caseload (Ctrl+2)."
            )
        if self.mine.isChecked() and name not in managers:
            return _(
                "Alleen mijn caseload toont de klanten met uw naam als klantmanager, en geen "
                "klant heeft de naam %(name)s. Zet bij Instellingen (Ctrl+5) uw naam precies "
                "zoals die bij Klantmanager staat, of zet Alleen mijn caseload uit (Alt+M) om "
                "alle klanten te zien."
            ) % {"name": name or "–"}
        if self.mine.isChecked():
            return _(
                "Niets te doen vandaag voor klanten met klantmanager %(name)s: geen afspraken, "
                "niets te laat en niemand te lang zonder contact. Zet Alleen mijn caseload uit "
                "(Alt+M) om alle klanten te zien, of zoek of voeg een klant toe in de Caseload "
                "(Ctrl+2)."
            ) % {"name": name}
        return _(
            "Niets te doen vandaag: geen afspraken, niets te laat en niemand te lang zonder "
            "contact. In de Caseload (Ctrl+2) zoekt, importeert of voegt u een klant toe; "
            "afspraken plant u op het tabblad Contact van een klant."
        )

    def _first_line(self) -> QTreeWidgetItem | None:
        for index in range(self.tree.topLevelItemCount()):
            heading = self.tree.topLevelItem(index)
            if heading is None:
                continue
            for child in range(heading.childCount()):
                line = heading.child(child)
                if line is not None and line.data(0, _ITEM) is not None:
                    return line
        return None

    @staticmethod
    def _key(entry: worklist.Item) -> tuple[str, int, int | None]:
        return (entry.kind.value, entry.client_id, entry.item_id)

    def _chosen_key(self) -> tuple[str, int, int | None] | None:
        entry = self.chosen()
        return None if entry is None else self._key(entry)

    def chosen(self) -> worklist.Item | None:
        """The line the cursor is on (None on a heading)."""
        line = self.tree.currentItem()
        if line is None:
            return None
        entry = line.data(0, _ITEM)
        return entry if isinstance(entry, worklist.Item) else None

    def lines(self, section: Section) -> list[worklist.Item]:
        """The lines shown under a section."""
        if self.current is None:
            return []
        return list(self.current.sections[section])

    def focus_list(self) -> None:
        """Put the cursor in the list."""
        self.tree.setFocus(Qt.FocusReason.OtherFocusReason)

    # -- opening ------------------------------------------------------------------------------

    def _activated(self) -> None:
        entry = self.chosen()
        if entry is None:
            return
        if entry.kind is ItemKind.FOLLOWUP and entry.item_id is not None:
            from ui.worklist.followup_dialog import FollowupDialog  # on first use

            self.followup_dialog = FollowupDialog(self.context, self.bus, entry, self)
            self.followup_dialog.open()
            return
        action = entry.item_id if entry.kind is ItemKind.ACTION and entry.item_id else 0
        self.open_requested.emit(entry.client_id, FORM_OF[entry.kind], action)

    # -- keeping current ----------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt's name
        """Read again when shown after a change (or on a new day)."""
        super().showEvent(event)
        if self._stale or self.current is None or self.current.today != dt.date.today():
            self.reload()
        self.focus_list()

    def _changed(self, changes: Changes) -> None:
        """Anything in a client's file, or the user's name and the contact frequency."""
        if not changes.touches(Kind.CLIENT, Kind.SETTINGS, Kind.APPOINTMENT, Kind.FOLLOWUP):
            return
        if changes.touches(Kind.SETTINGS):
            self._set_mine_text()
        if self.isVisible():
            self.reload()
        else:
            self._stale = True
            self._count = self.count()
            self.count_changed.emit(self._count)


def create(context: WindowContext, bus: ChangeBus) -> WorklistPage:
    """The page for the main window."""
    return WorklistPage(context, bus)
