"""The search field, filters and sort choice above the caseload table."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from caseload import caseload_query, ladder, vocab
from resources.i18n import _
from ui import metrics
from ui.caseload.columns import Column


class SearchField(QLineEdit):
    """The search field; the Down arrow moves on into the table."""

    #: The user pressed Down to go to the results.
    down_pressed = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        """Down goes to the table, everything else is typing."""
        if event.key() == Qt.Key.Key_Down and event.modifiers() == Qt.KeyboardModifier.NoModifier:
            self.down_pressed.emit()
            return
        super().keyPressEvent(event)


class _FirstUse(QObject):
    """Calls ``then`` once, just before a widget is first used: it takes the focus (a key, Tab,
    a click), or the wheel turns over it."""

    _USES = frozenset({QEvent.Type.FocusIn, QEvent.Type.MouseButtonPress, QEvent.Type.Wheel})

    def __init__(self, widget: QWidget, then: Callable[[], None]) -> None:
        super().__init__(widget)
        self._then: Callable[[], None] | None = then
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        """Call ``then`` before the first use is handled; let every event through."""
        if self._then is not None and event.type() in self._USES:
            then, self._then = self._then, None
            watched.removeEventFilter(self)
            then()
        return False


def _combo(everything: str, items: list[tuple[str, object]], parent: QWidget) -> QComboBox:
    combo = QComboBox(parent)
    combo.addItem(everything, None)
    for text, data in items:
        combo.addItem(text, data)
    return combo


class CaseloadFilters(QWidget):
    """Search and filters; ``changed`` fires (the search after a short pause) when one changes."""

    #: The filter changed; read ``current_filter()``.
    changed = Signal()
    #: The user chose a sort in the sort list (column, descending).
    sort_chosen = Signal(int, bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(metrics.SPACING)
        # Every field is made inside the filters (not moved there by the grid): a widget moved
        # into a new parent is styled again.
        self.search = SearchField(self)
        self.search.setPlaceholderText(_("naam of klantnummer, bijvoorbeeld Zoe"))
        self.search.setClearButtonEnabled(True)
        self._search_delay = QTimer(self)
        self._search_delay.setSingleShot(True)
        self._search_delay.setInterval(metrics.SEARCH_DELAY_MS)
        self._search_delay.timeout.connect(self.changed)
        self.search.textChanged.connect(self._search_delay.start)

        self.status = _combo(
            _("Alle"),
            [(vocab.CLIENT_STATUSES.label(code), code) for code in vocab.CLIENT_STATUSES.codes()],
            self,
        )
        self.status.setCurrentIndex(self.status.findData("active"))
        self.trede = _combo(
            _("Alle"), [(step.title(), step.number) for step in ladder.TREDEN], self
        )
        self.barrier_kind = _combo(
            _("Alle"),
            [(vocab.BARRIER_KINDS.label(code), code) for code in vocab.BARRIER_KINDS.codes()],
            self,
        )
        self.klantmanager = _combo(_("Iedereen"), [], self)
        self.team = _combo(_("Alle"), [], self)
        self.no_recent_contact = QCheckBox(_("Alleen te &lang geen contact"), self)
        self.no_recent_contact.setToolTip(
            _("Langer geen contact dan de contactfrequentie van de klant (tab Planning).")
        )
        self.overdue = QCheckBox(_("Alleen &verlopen in het plan"), self)
        self.overdue.setToolTip(
            _("Een afspraak gemist, een actie over de einddatum of een meting te laat.")
        )
        self.sort = QComboBox(self)
        for column in Column:
            name = _(column.sort_column.value)
            self.sort.addItem(_("%(column)s (oplopend)") % {"column": name}, int(column) * 2)
            self.sort.addItem(_("%(column)s (aflopend)") % {"column": name}, int(column) * 2 + 1)
        self.sort.activated.connect(self._sort_chosen)

        def place(row: int, column: int, text: str, field: QWidget) -> None:
            label = QLabel(text, self)
            label.setBuddy(field)
            grid.addWidget(label, row, column)
            grid.addWidget(field, row, column + 1)

        place(0, 0, _("&Zoeken:"), self.search)
        grid.removeWidget(self.search)
        grid.addWidget(self.search, 0, 1, 1, 5)
        place(1, 0, _("Stat&us:"), self.status)
        place(1, 2, _("T&rede:"), self.trede)
        place(1, 4, _("&Obstakel:"), self.barrier_kind)
        place(2, 0, _("&Klantmanager:"), self.klantmanager)
        place(2, 2, _("T&eam:"), self.team)
        place(2, 4, _("Sorteren op:"), self.sort)
        boxes = QHBoxLayout()
        boxes.addWidget(self.no_recent_contact)
        boxes.addSpacing(metrics.SPACING * 2)
        boxes.addWidget(self.overdue)
        boxes.addStretch()
        grid.addLayout(boxes, 3, 1, 1, 5)
        for stretched in (1, 3, 5):
            grid.setColumnStretch(stretched, 1)

        for combo in (self.status, self.trede, self.barrier_kind, self.klantmanager, self.team):
            combo.currentIndexChanged.connect(self.changed)
        for combo in (*self.findChildren(QComboBox),):
            # Long items (trede titles) must not make one column wider than the others.
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(12)
        for box in (self.no_recent_contact, self.overdue):
            box.toggled.connect(self.changed)

    def set_people(self, teams: list[str], klantmanagers: list[str]) -> None:
        """Fill the team and klantmanager lists, keeping what was chosen."""
        for combo, values in ((self.team, teams), (self.klantmanager, klantmanagers)):
            chosen = combo.currentData()
            combo.blockSignals(True)
            while combo.count() > 1:
                combo.removeItem(1)
            for value in values:
                combo.addItem(value, value)
            combo.setCurrentIndex(max(0, combo.findData(chosen)) if chosen else 0)
            combo.blockSignals(False)

    def before_klantmanagers_used(self, fill: Callable[[], None]) -> None:
        """Call ``fill`` (which fills the klantmanager list) before the list is first used."""
        _FirstUse(self.klantmanager, fill)

    def show_sort(self, column: int, descending: bool) -> None:
        """Show the sort that the table uses now."""
        self.sort.setCurrentIndex(max(0, self.sort.findData(column * 2 + int(descending))))

    def _sort_chosen(self) -> None:
        code = int(self.sort.currentData())
        self.sort_chosen.emit(code // 2, bool(code % 2))

    def search_now(self) -> None:
        """Apply a pending search at once (Enter in the search field)."""
        if self._search_delay.isActive():
            self._search_delay.stop()
            self.changed.emit()

    def current_filter(self, threshold_days: int) -> caseload_query.CaseloadFilter:
        """The filter as chosen."""
        return caseload_query.CaseloadFilter(
            text=self.search.text(),
            status=self.status.currentData(),
            trede=self.trede.currentData(),
            barrier_kind=self.barrier_kind.currentData(),
            overdue_actions_only=self.overdue.isChecked(),
            no_recent_contact_only=self.no_recent_contact.isChecked(),
            contact_threshold_days=threshold_days,
            klantmanager=self.klantmanager.currentData(),
            team=self.team.currentData(),
        )
