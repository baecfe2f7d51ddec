"""The forms of the client view for contacts and the participatieladder (closing the case is in
``close_form``)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QWidget,
)

from caseload import (
    appointments,
    errors,
    journal,
    ladder,
    model,
    planning,
    validate,
    vocab,
)
from resources.changes import Changes
from resources.i18n import _, ngettext
from ui import accessibility
from ui.client.entry import ChoiceList, EntryForm, wrapped_check_box
from ui.client.fields import DateField, vocab_combo, when_text


def text_box(lines: int = 3) -> QPlainTextEdit:
    """A few lines of text; Tab moves on to the next field instead of typing a tab."""
    box = QPlainTextEdit()
    box.setTabChangesFocus(True)
    box.setFixedHeight(box.fontMetrics().lineSpacing() * lines + 14)
    return box


class ContactForm(EntryForm):
    """A contact moment: date (today), kind, minutes, summary, and the next appointment."""

    def build(self) -> None:
        """Date, kind, minutes, summary; the next appointment's date, time and kind."""
        self.contact_on = DateField(dt.date.today())
        self.kind = vocab_combo(vocab.CONTACT_KINDS)
        self.minutes = QSpinBox()
        self.minutes.setRange(0, validate.MAX_MINUTES)
        self.minutes.setSingleStep(5)
        self.minutes.setSpecialValueText(_("niet ingevuld"))
        self.minutes.valueChanged.connect(
            lambda n: self.minutes.setSuffix(ngettext(" minuut", " minuten", n))
        )
        self.minutes.setSuffix(ngettext(" minuut", " minuten", self.minutes.value()))
        self.summary = text_box(4)
        self.share = QCheckBox(_("&Delen met de klant"))
        self.share_note = QLabel(
            _(
                "Staat dit uit, dan blijft de samenvatting intern. Alleen gedeelde contacten "
                "komen in het voortgangsverslag voor de klant."
            )
        )
        self.share_note.setWordWrap(True)
        self.form.add_field(_("Datum:"), self.contact_on, "contact_on")
        self.form.add_field(_("Soort contact:"), self.kind, "kind")
        self.form.add_field(_("Duur:"), self.minutes, "minutes")
        self.form.add_field(_("Samenvatting:"), self.summary, "summary")
        self.form.addRow(self.share)
        self.form.addRow(self.share_note)
        self.planned = QLabel()
        self.planned.setWordWrap(True)
        self.form.addRow(self.planned)
        self.next_on = DateField(optional=True)
        self.next_time = QLineEdit()
        self.next_time.setPlaceholderText(_("bijvoorbeeld 09:30"))
        self.next_kind = vocab_combo(vocab.CONTACT_KINDS)
        self.form.add_field(_("Volgende afspraak:"), self.next_on, "planned_on")
        self.form.add_field(_("Tijd (niet verplicht):"), self.next_time, "planned_time")
        self.form.add_field(_("Soort afspraak:"), self.next_kind, "next_kind")

    def first_field(self) -> QWidget:
        """The date."""
        return self.contact_on

    def clear(self) -> None:
        """Today, the first kind, no minutes, no summary."""
        self.contact_on.set_value(dt.date.today())
        self.kind.setCurrentIndex(0)
        self.minutes.setValue(0)
        self.summary.clear()
        self.share.setChecked(False)
        self.next_on.set_value(None)
        self.next_time.clear()
        self.next_kind.setCurrentIndex(0)

    def client_changed(self, file: model.ClientFile) -> None:
        """Say which appointment is planned (a missed one first)."""
        upcoming = planning.plan(self.context.db, file.client.id).next_appointment()
        if upcoming is None:
            self.planned.setText(_("Er is geen afspraak gepland."))
            return
        today = dt.date.today()
        text = _("Geplande afspraak: %(when)s, %(kind)s") % {
            "when": when_text(upcoming),
            "kind": vocab.CONTACT_KINDS.label(upcoming.kind),
        }
        if upcoming.is_missed(today):
            text += " " + _("(gemist: een contact vandaag telt als gehouden)")
        elif upcoming.status == appointments.PLANNED:
            text += "."
        self.planned.setText(text)

    def change_name(self) -> str:
        """For Ongedaan maken."""
        return _("contact vastleggen")

    def store(self, file: model.ClientFile) -> Changes:
        """Record the contact, with the next appointment when a date is filled in."""
        return planning.record_contact(
            self.context.db,
            file.client.id,
            kind=self.kind.currentData(),
            contact_on=self.contact_on.value(),
            minutes=self.minutes.value() or None,
            summary=self.summary.toPlainText(),
            share_with_client=self.share.isChecked(),
            next_on=self.next_on.value(),
            next_kind=self.next_kind.currentData() or "",
            next_time=self.next_time.text(),
            actor=self.context.actor,
        ).changes


class TredeForm(EntryForm):
    """A measurement on the ladder; the guided questions suggest the trede."""

    def build(self) -> None:
        """Date, the guided questions, the six treden with their definitions, and a note."""
        self.measured_on = DateField(dt.date.today())
        self.form.add_field(_("Datum meting:"), self.measured_on, "measured_on")

        self.questions = self._question_block(
            _("Wat doet de klant nu? De antwoorden stellen een trede voor."),
            ladder.QUESTIONS,
            self._suggest,
        )
        self.suggestion = QLabel()
        self.suggestion.setWordWrap(True)
        self.form.addRow(self.suggestion)

        self.trede = ChoiceList(
            [(step.number, step.title(), step.explanation()) for step in ladder.TREDEN]
        )
        trede_label = accessibility.label_group(QLabel(_("Trede:")), self.trede)
        self.form.addRow(trede_label)
        self.form.addRow(self.trede)

        self.growth = self._question_block(
            _("Groeipotentie: wat kan de klant binnen een jaar?"),
            ladder.GROWTH_QUESTIONS,
            self._suggest_growth,
        )
        self.expected = QComboBox()
        #: The expected trede the growth answers last suggested (None: none suggested).
        self._suggested: int | None = None
        self.expected.addItem(_("Niet ingeschat"), None)
        for step in ladder.TREDEN:
            self.expected.addItem(step.title(), step.number)
        self.form.add_field(_("Verwachte trede:"), self.expected, "expected_trede")
        self.note = QLineEdit()
        self.form.add_field(_("Notitie:"), self.note, "note")
        self._update_enabled()

    def _question_block(
        self, heading: str, questions: tuple[ladder.Question, ...], slot: Callable[[], None]
    ) -> dict[str, QCheckBox]:
        """A heading and a tick box per question, each calling ``slot`` when it changes."""
        title = QLabel(heading)
        title.setWordWrap(True)
        self.form.addRow(title)
        block = QWidget()
        grid = QGridLayout(block)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setColumnStretch(1, 1)
        self.form.addRow(block)
        boxes: dict[str, QCheckBox] = {}
        for row, question in enumerate(questions):
            box, label = wrapped_check_box(_(question.text))
            box.toggled.connect(slot)
            grid.addWidget(box, row, 0)
            grid.addWidget(label, row, 1)
            boxes[question.field] = box
        return boxes

    def _update_enabled(self) -> None:
        # A follow-up question ("with support?") only means something after a yes to its lead.
        for question in ladder.QUESTIONS:
            if question.depends_on:
                lead = self.questions[question.depends_on]
                self.questions[question.field].setEnabled(lead.isChecked())

    def answers(self) -> ladder.LadderAnswers:
        """The guided answers as ticked."""
        values = {name: box.isChecked() and box.isEnabled() for name, box in self.questions.items()}
        return ladder.LadderAnswers(**values)

    def growth_answers(self) -> ladder.GrowthAnswers:
        """The growth answers as ticked."""
        return ladder.GrowthAnswers(**{name: box.isChecked() for name, box in self.growth.items()})

    def _suggest(self) -> None:
        self._update_enabled()
        number, reason = ladder.placement(self.answers())
        self.trede.set_value(number)
        self.suggestion.setText(
            _("Voorstel: %(trede)s. %(reason)s")
            % {"trede": ladder.trede(number).title(), "reason": _(reason)}
        )
        self._suggest_growth()

    def _suggest_growth(self) -> None:
        if not any(box.isChecked() for box in self.growth.values()):
            # No answers left: a trede that only the answers suggested goes; one chosen by
            # hand stays.
            if self._suggested is not None and self.expected.currentData() == self._suggested:
                self.expected.setCurrentIndex(0)
            self._suggested = None
            return
        current = self.trede.value() or ladder.LOWEST
        expected = ladder.suggest_growth(current, self.growth_answers())
        self.expected.setCurrentIndex(self.expected.findData(expected))
        self._suggested = expected

    def first_field(self) -> QWidget:
        """The first question."""
        return self.questions[ladder.QUESTIONS[0].field]

    def clear(self) -> None:
        """Today, no answers, the current trede chosen, no note."""
        self.measured_on.set_value(dt.date.today())
        for box in (*self.questions.values(), *self.growth.values()):
            box.blockSignals(True)
            box.setChecked(False)
            box.blockSignals(False)
        self._update_enabled()
        self.suggestion.clear()
        self.expected.setCurrentIndex(0)
        self._suggested = None
        self.trede.set_value(self.file.client.current_trede if self.file else None)
        self.note.clear()

    def client_changed(self, file: model.ClientFile) -> None:
        """Start from the current trede when nothing was chosen yet."""
        if self.trede.value() is None:
            self.trede.set_value(file.client.current_trede)

    def change_name(self) -> str:
        """For Ongedaan maken."""
        return _("meting vastleggen")

    def store(self, file: model.ClientFile) -> Changes:
        """Record the measurement."""
        number = self.trede.value()
        if number is None:
            self.trede.focus()
            raise errors.CaseloadError(_("Kies een trede."), "trede")
        return journal.record_step(
            self.context.db,
            file.client.id,
            trede=number,
            measured_on=self.measured_on.value(),
            note=self.note.text(),
            measured_by=self.context.actor,
            expected_trede=self.expected.currentData(),
            actor=self.context.actor,
        ).changes
