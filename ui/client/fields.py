"""Fields shared by the client forms: dates that may stay empty, word-list choices, and a
message under each field for what the domain refused."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, QEvent, QLocale, QObject, QPointF, Qt, SignalInstance
from PySide6.QtGui import QFocusEvent, QKeyEvent, QMouseEvent
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QLabel,
    QStyle,
    QStyleOptionComboBox,
    QToolTip,
    QWidget,
)

from caseload import appointments, errors, vocab
from resources import i18n
from resources.i18n import _

#: Stands for "no date" in an optional date field (shown as the empty text).
_EMPTY = QDate(1900, 1, 1)


def display_format() -> str:
    """How a date field shows its date: 31-01-2026 in Dutch, 31 Jan 2026 in English."""
    return "dd-MM-yyyy" if i18n.current_language() == "nl" else "d MMM yyyy"


def to_qdate(day: dt.date) -> QDate:
    """A Python date as a QDate."""
    return QDate(day.year, day.month, day.day)


#: Characters that end a part of a typed date (31-12-2026, 31/12/2026, 31.12.2026, 31 Dec 2026).
_SEPARATORS = "-/. "


class _Typed:
    """What the user types over a whole date field, read as a whole at the end."""

    def __init__(self, before: QDate) -> None:
        #: The date shown before typing began: put back when the typed day does not exist.
        self.before = before
        self.text = ""

    def _parts(self) -> list[str]:
        parts: list[str] = []
        for character in self.text:
            if character in _SEPARATORS:
                parts.append("")
            elif parts and parts[-1] and parts[-1][-1].isdigit() != character.isdigit():
                parts.append(character)  # 1Jan: a digit and a letter end a part as well
            elif parts:
                parts[-1] += character
            else:
                parts.append(character)
        return [part for part in parts if part]

    def whole(self) -> bool:
        """Whether a whole date has been typed: eight digits, or three parts and a year of four."""
        if self.text.isdigit():
            return len(self.text) == 8
        parts = self._parts()
        return len(parts) == 3 and len(parts[2]) == 4 and parts[2].isdigit()

    def read(self, shown: QDate, locale: QLocale) -> dt.date | str | None:
        """The date typed; the typed text when no such day exists; None for another shape."""
        if self.text.isdigit():
            if len(self.text) not in (4, 6, 8):
                return None
            parts = [part for part in (self.text[0:2], self.text[2:4], self.text[4:]) if part]
        else:
            parts = self._parts()
        if not 2 <= len(parts) <= 3 or not parts[0].isdigit():
            return None
        day = int(parts[0])
        month = int(parts[1]) if parts[1].isdigit() else _month(parts[1], locale)
        if month is None:
            return None
        year = shown.year()
        if len(parts) == 3 and parts[2]:
            if not parts[2].isdigit() or len(parts[2]) not in (2, 4):
                return None
            year = int(parts[2]) + (2000 if len(parts[2]) == 2 else 0)
        try:
            return dt.date(year, month, day)
        except ValueError:
            return "-".join(parts) if all(part.isdigit() for part in parts) else " ".join(parts)


def _month(name: str, locale: QLocale) -> int | None:
    """The month a typed name (or its start, 'jan', 'Dec') stands for in this language."""
    wanted = name.casefold().rstrip(".")
    for month in range(1, 13):
        for form in (QLocale.FormatType.LongFormat, QLocale.FormatType.ShortFormat):
            if locale.monthName(month, form).casefold().rstrip(".").startswith(wanted):
                return month
    return None


class DateField(QDateEdit):
    """A date with a calendar popup; an optional one can be emptied with Delete."""

    def __init__(
        self, value: dt.date | None = None, optional: bool = False, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._optional = optional
        #: The date being typed over the whole field, until it is read (None: not typing).
        self._typed: _Typed | None = None
        #: Whether Qt moved on to the next part after the last digit (a separator then waits).
        self._advanced = False
        #: Why the last typed date was not taken ("" when it was).
        self.problem = ""
        #: A key is being handled: ``value()`` asked from ``dateChanged`` meanwhile (the report
        #: form's period does) must not end the typing after its first digit.
        self._in_key = False
        self.setCalendarPopup(True)
        self.setDisplayFormat(display_format())
        self.setMaximumDate(QDate(2999, 12, 31))
        if optional:
            self.setMinimumDate(_EMPTY)
            self.setSpecialValueText(_("geen datum"))
            self.setToolTip(_("Druk op Delete om de datum leeg te maken."))
            self.calendarWidget().installEventFilter(self)
        else:
            self.setMinimumDate(QDate(1900, 1, 2))
        self.set_value(value)

    def value(self) -> dt.date | None:
        """The date, or None when an optional field is empty (a date being typed is read
        first: Ctrl+Enter right after typing saves what was typed)."""
        if self._typed is not None and not self._in_key:
            self.finish_typing()
        if self._optional and self.date() == _EMPTY:
            return None
        date = self.date()
        return dt.date(date.year(), date.month(), date.day())

    def set_value(self, value: dt.date | None) -> None:
        """Show a date; None empties an optional field (a required one shows today)."""
        if value is None:
            self.setDate(_EMPTY if self._optional else to_qdate(dt.date.today()))
        else:
            self.setDate(to_qdate(value))

    def focusNextPrevChild(self, next: bool) -> bool:  # noqa: N802, A002 - Qt's names
        """Tab leaves the field, as everywhere else (Qt would walk day, month, year first;
        the arrow keys still move between them)."""
        return QWidget.focusNextPrevChild(self, next)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        """See :meth:`_key`; ``value()`` meanwhile gives the date shown."""
        self._in_key = True
        try:
            self._key(event)
        finally:
            self._in_key = False

    def _key(self, event: QKeyEvent) -> None:
        """Delete or Backspace on the whole empty-able date clears it; a date typed over the
        whole field is read as typed (see :meth:`_typed_key`); a separator moves to the next
        part of the date."""
        clearing = event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace)
        whole = self.date() == _EMPTY or self.lineEdit().hasSelectedText()
        if self._optional and clearing and whole:
            self._typed = None
            self.setDate(_EMPTY)
            return
        if self._opens_calendar(event):
            self._show_calendar()
            return
        text = event.text()
        if text.isdigit():
            line = self.lineEdit()
            empty = self._optional and self.date() == _EMPTY
            if empty or (line.hasSelectedText() and line.selectedText() == line.text()):
                # The whole date selected (Ctrl+A, a click that selects all, or "geen datum"):
                # a new date is typed. Qt would refuse the first digit as a whole date, so it
                # starts at the day; what is typed is also kept, to be read as a whole.
                self._typed = _Typed(self.date())
                if empty:
                    self.setDate(to_qdate(dt.date.today()))
                self.setCurrentSection(self.sectionAt(0))
                self.setSelectedSection(self.sectionAt(0))
        if self._typed is not None and self._typed_key(event):
            return
        if text and text in _SEPARATORS:
            self._next_section()
            return
        if text.isdigit():
            self._type_into_section(event)
            return
        super().keyPressEvent(event)

    def _type_into_section(self, event: QKeyEvent) -> None:
        """Qt types the key into the part of the date; note whether it then moved on."""
        section = self.currentSectionIndex()
        super().keyPressEvent(event)
        self._advanced = self.currentSectionIndex() != section

    def _typed_key(self, event: QKeyEvent) -> bool:
        """A key while a new date is typed: digits, letters (a month's name) and separators are
        kept, and once the date is whole (ddmmjjjj, or three parts with a four-digit year) it
        is read as typed. Qt would have changed an impossible day as each part came in
        (31 typed in November became 30, and stayed 30 after the month 12 was typed)."""
        text = event.text()
        typed = self._typed
        assert typed is not None
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.finish_typing()
            return False  # Enter still reaches the form
        if not text or not (text.isalnum() or text in _SEPARATORS):
            self._typed = None  # arrows, Backspace, Tab…: Qt's own editing from here
            return False
        typed.text += text
        if text in _SEPARATORS:
            self._next_section()
        else:
            self._type_into_section(event)
        if typed.whole():
            self.finish_typing()
        return True

    def _next_section(self) -> None:
        """On to the next part of the date (Tab leaves the field, see focusNextPrevChild),
        unless Qt moved on by itself after the last digit of a part."""
        if self._advanced:
            self._advanced = False
            return
        index = self.currentSectionIndex()
        if index + 1 < self.sectionCount():
            self.setCurrentSectionIndex(index + 1)
            self.setSelectedSection(self.currentSection())

    def finish_typing(self) -> None:
        """Read a date being typed as typed: a date that exists is shown as it was typed; one
        that does not (31-11, 29-02-2027) puts back the date from before and says why."""
        typed, self._typed = self._typed, None
        self._advanced = False
        if typed is None or not typed.text.strip(_SEPARATORS):
            return
        self.problem = ""
        found = typed.read(self.date(), self.locale())
        if found is None:
            return  # not a shape to read: as Qt made it
        if isinstance(found, dt.date):
            if self.value() != found:
                self.setDate(to_qdate(found))
            return
        self.setDate(typed.before)
        self.problem = _("%(date)s bestaat niet. De datum is niet veranderd.") % {"date": found}
        QToolTip.showText(
            self.mapToGlobal(self.rect().bottomLeft()), self.problem, self, self.rect(), 6000
        )

    def focusOutEvent(self, event: QFocusEvent) -> None:  # noqa: N802 - Qt's name
        """A date typed in part (3-11) is read when the field is left."""
        self.finish_typing()
        super().focusOutEvent(event)

    @staticmethod
    def _opens_calendar(event: QKeyEvent) -> bool:
        """F4 or Alt+Down, the keys that open a drop-down list everywhere else."""
        alt_down = event.key() == Qt.Key.Key_Down and bool(
            event.modifiers() & Qt.KeyboardModifier.AltModifier
        )
        return event.key() == Qt.Key.Key_F4 or alt_down

    def _show_calendar(self) -> None:
        """Open the calendar below the field, on the date shown (today when empty)."""
        # QDateEdit opens its calendar only from a mouse press on its arrow: press it there.
        option = QStyleOptionComboBox()
        option.initFrom(self)
        option.editable = True
        option.subControls = QStyle.SubControl.SC_All
        arrow = self.style().subControlRect(
            QStyle.ComplexControl.CC_ComboBox, option, QStyle.SubControl.SC_ComboBoxArrow, self
        )
        point = arrow.center()
        for kind in (QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonRelease):
            QApplication.sendEvent(
                self,
                QMouseEvent(
                    kind,
                    QPointF(point),
                    QPointF(self.mapToGlobal(point)),
                    Qt.MouseButton.LeftButton,
                    Qt.MouseButton.LeftButton
                    if kind == QEvent.Type.MouseButtonPress
                    else Qt.MouseButton.NoButton,
                    Qt.KeyboardModifier.NoModifier,
                ),
            )
        calendar = self.calendarWidget()
        if self.date() == _EMPTY:
            calendar.setSelectedDate(to_qdate(dt.date.today()))
        calendar.setFocus()

    def focusInEvent(self, event: QFocusEvent) -> None:  # noqa: N802 - Qt's name
        """An empty field starts at today when the user begins to type."""
        super().focusInEvent(event)
        if self._optional and self.date() == _EMPTY:
            self.lineEdit().selectAll()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        """Open the calendar of an empty field on this month, not on January 1900."""
        if event.type() == QEvent.Type.Show and self.date() == _EMPTY:
            today = dt.date.today()
            self.calendarWidget().setCurrentPage(today.year, today.month)
        return super().eventFilter(watched, event)


#: Characters a word-list choice shows when closed (longer texts are cut, the list shows them).
VOCAB_COMBO_CHARACTERS = 24


def vocab_combo(
    vocabulary: vocab.Vocabulary, empty: str | None = None, explain: bool = False
) -> QComboBox:
    """A choice from a word list (codes as item data); ``empty`` adds a first 'none' item."""
    combo = QComboBox()
    if empty is not None:
        combo.addItem(empty, None)
    for code in vocabulary.codes():
        term = vocabulary.term(code)
        text = term.text()
        if explain and term.explanation():
            text = _("%(label)s — %(explanation)s") % {
                "label": text,
                "explanation": term.explanation(),
            }
        combo.addItem(text, code)
        if term.explanation():
            combo.setItemData(combo.count() - 1, term.explanation(), Qt.ItemDataRole.ToolTipRole)
    _not_wider_than_the_form(combo)
    fit_list(combo)
    return combo


def _not_wider_than_the_form(combo: QComboBox) -> None:
    # A long choice ("Verhuur en overige zakelijke diensten (ook uitzendbureaus)", a barrier
    # with its dates) does not widen the form past the window's edge, where it scrolled
    # sideways; the open list still shows every text whole (``fit_list``).
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(VOCAB_COMBO_CHARACTERS)


def fit_list(combo: QComboBox) -> None:
    """The open list of ``combo`` as wide as its longest text, after its items changed."""
    view = combo.view()
    metrics = view.fontMetrics()
    texts = (combo.itemText(index) for index in range(combo.count()))
    widest = max((metrics.horizontalAdvance(text) for text in texts), default=0)
    icons = any(not combo.itemIcon(index).isNull() for index in range(combo.count()))
    room = metrics.averageCharWidth() * 4 + (combo.iconSize().width() + 4 if icons else 0)
    view.setMinimumWidth(widest + room)


def record_combo() -> QComboBox:
    """The choice of what a form changes: a new one, or one recorded ("Taal, matig, sinds
    …"); as wide as the form's other choices, however long a line (call ``fit_list`` when
    filled)."""
    combo = QComboBox()
    _not_wider_than_the_form(combo)
    return combo


def select_data(combo: QComboBox, value: object) -> None:
    """Select the item whose data is ``value`` (the first item when there is none)."""
    index = combo.findData(value)
    combo.setCurrentIndex(max(index, 0))


#: The signal that tells a field's value changed, by the first one a widget has.
_CHANGE_SIGNALS = ("textChanged", "dateChanged", "currentIndexChanged", "valueChanged", "toggled")


def _change_signal(widget: QWidget) -> SignalInstance | None:
    """The signal a field sends when the user changes its value (None for a widget without)."""
    for name in _CHANGE_SIGNALS:
        signal = getattr(widget, name, None)
        if isinstance(signal, SignalInstance):
            return signal
    return None


class FieldForm(QFormLayout):
    """A form layout whose fields each have a hidden message line under them."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self._fields: dict[str, tuple[QWidget, QLabel]] = {}
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setObjectName("formMessage")

    def add_field(self, text: str, widget: QWidget, name: str = "") -> QWidget:
        """A labelled row (the label is the widget's buddy) with an error line under it."""
        label = QLabel(text)
        label.setBuddy(widget)
        self.addRow(label, widget)
        if name:
            problem = QLabel()
            problem.setWordWrap(True)
            problem.setObjectName("fieldProblem")
            problem.setStyleSheet("font-weight: bold")
            self.addRow("", problem)
            self.setRowVisible(problem, False)  # a hidden row takes no spacing either
            self._fields[name] = (widget, problem)
            changed = _change_signal(widget)
            if changed is not None:
                changed.connect(lambda *_value, edited=name: self._edited(edited))
        return widget

    def _edited(self, name: str) -> None:
        """The user changes a refused field: its message goes, and the form's pointer to it."""
        _widget, problem = self._fields[name]
        if not problem.text():
            return
        problem.clear()
        self.setRowVisible(problem, False)
        if not any(shown.text() for _field, shown in self._fields.values()):
            self.message.clear()

    def add_message_row(self) -> QLabel:
        """The line for a general message (saved, or a refusal that names no field)."""
        self.addRow(self.message)
        return self.message

    def show_error(self, error: errors.CaseloadError) -> None:
        """Show a refusal under its field (or in the message line) and put the cursor there."""
        self.clear_errors()
        found = self._fields.get(error.field)
        if found is None:
            self.message.setText(error.message)
            return
        widget, problem = found
        problem.setText(error.message)
        self.setRowVisible(problem, True)
        self.message.setText(_("Niet opgeslagen. Kijk bij het veld met de melding."))
        widget.setFocus(Qt.FocusReason.OtherFocusReason)

    def clear_errors(self) -> None:
        """Hide every message."""
        for _widget, problem in self._fields.values():
            problem.clear()
            self.setRowVisible(problem, False)
        self.message.clear()

    def has_field(self, name: str) -> bool:
        """Whether a field of this name is in this form."""
        return name in self._fields

    def error_text(self, name: str) -> str:
        """The message shown under a field ('' when none)."""
        found = self._fields.get(name)
        return "" if found is None else found[1].text()


def when_text(appointment: appointments.Appointment) -> str:
    """'12 dec 2026 09:30', or '12 dec 2026' for an appointment without a time."""
    day = i18n.date_text(appointment.planned_on)
    return f"{day} {appointment.planned_time}" if appointment.planned_time else day
