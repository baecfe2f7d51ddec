"""The Overzicht page: key figures with their change, trend lines, what stands out, and the
quarters, for a chosen team and period; the same figures as the inclusion report's first page
(:func:`caseload.inclusion_story.overview`), protected the same way."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)
from sqlite_utils import Database

from caseload import inclusion, inclusion_story, inclusion_trends, people, report_pdf
from caseload import inclusion_cells as cells
from resources import i18n
from resources.i18n import _, ngettext
from ui import jobs, widgets
from ui.changes import ChangeBus
from ui.context import WindowContext
from ui.overview.sparkline import Sparkline
from ui.reports import window_job

#: The quarter table's columns: heading, and (part, base) of a count (base None) or a share.
_QUARTER_COLUMNS: tuple[tuple[str, str, str | None], ...] = (
    ("In begeleiding", cells.IN_PERIOD, None),
    ("Naar werk", cells.reason(cells.WORK_REASON), None),
    ("Deel van de uitstroom", cells.reason(cells.WORK_REASON), cells.OUTFLOW),
    ("Na 6 maanden nog aan het werk", cells.LASTING, cells.FOLLOWED),
    ("Gestegen", cells.ROSE, cells.MEASURED),
    ("Te lang geen contact", cells.OVERDUE, cells.AT_END),
)


def _heading(text: str) -> QLabel:
    # A heading for screen readers too (design.make_heading), like the other pages' sections.
    return widgets.heading(text)


def quarter_cell(piece: inclusion_trends.Slice, part: str, base: str | None) -> str:
    """A quarter's count or share as the report's quarter table prints it."""
    if not piece.shown.shown(part) or (base is not None and not piece.shown.shown(base)):
        return _("verborgen")
    value = piece.value(part, base)
    if base is None:
        return i18n.format_number(round(value or 0))
    if piece.shown.value(base) == 0:
        return "–"
    return _("te weinig") if value is None else i18n.format_percent(value / 100)


class OverviewPage(QWidget):
    """Choose a team and a period, press Tonen, and read the first page of the report."""

    def __init__(self, context: WindowContext, bus: ChangeBus, today: dt.date | None = None):
        super().__init__()
        self.context = context
        self.bus = bus
        self._today = today
        self.runner: jobs.JobRunner | None = None
        self.result: inclusion_story.Overview | None = None

        self.team = QComboBox()
        self.period = QComboBox()
        for choice, words in window_job.PERIODS:
            if choice != "eigen":
                self.period.addItem(_(words), choice)
        self.show_button = QPushButton(_("T&onen"))
        self.show_button.clicked.connect(lambda _checked=False: self.show_overview())
        choices = QHBoxLayout()
        for text, field in ((_("&Team:"), self.team), (_("&Periode:"), self.period)):
            label = QLabel(text)
            label.setBuddy(field)
            choices.addWidget(label)
            choices.addWidget(field)
        choices.addWidget(self.show_button)
        choices.addStretch(1)

        self.title = widgets.title(_("Overzicht"))
        self.status = widgets.paragraph(
            _(
                "Kies hierboven een team (of Alle teams) en een periode, en kies Tonen "
                "(Alt+O). U ziet dan de kerncijfers met hun verandering, wat opvalt en de "
                "ontwikkeling per kwartaal: dezelfde cijfers als de eerste bladzijde van het "
                "inclusierapport op de pagina Rapporten."
            )
        )
        self.standouts_heading = _heading(_("Wat valt op?"))
        self.standouts = QLabel()
        self.standouts.setWordWrap(True)
        self.standouts.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.figures_heading = _heading(_("De cijfers in het kort"))
        self.grid = QGridLayout()
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.quarters_heading = _heading(_("Ontwikkeling per kwartaal"))
        self.quarters = QTableWidget(0, len(_QUARTER_COLUMNS) + 1)
        self.quarters.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.quarters.setAccessibleName(_("Ontwikkeling per kwartaal"))
        self.quarters.setHorizontalHeaderLabels(
            [_("Kwartaal"), *(_(heading) for heading, _part, _base in _QUARTER_COLUMNS)]
        )
        self.quarters.verticalHeader().setVisible(False)
        self.quarters_note = QLabel()
        self.quarters_note.setWordWrap(True)
        self.sparklines: list[Sparkline] = []

        # The scroll area takes no Tab stop of its own (no unnamed stop for a screen reader);
        # the title comes first, then the choices, like on the other pages.
        layout = widgets.page_layout(widgets.scrolled(self))
        layout.addWidget(self.title)
        layout.addLayout(choices)
        layout.addWidget(self.status)
        for widget in (self.standouts_heading, self.standouts, self.figures_heading):
            layout.addWidget(widget)
        layout.addLayout(self.grid)
        layout.addWidget(self.note)
        layout.addWidget(self.quarters_heading)
        layout.addWidget(self.quarters)
        layout.addWidget(self.quarters_note)
        # The choices stay at the top, before the first Tonen and after it.
        layout.addStretch(1)
        self._body = layout
        self._set_results_visible(False)
        self.fill_teams()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt's name
        """Offer the teams as they are now: clients may have been added or moved since."""
        self.fill_teams()
        super().showEvent(event)

    def fill_teams(self) -> None:
        """The teams in the database, keeping the one chosen."""
        chosen = self.team.currentData()
        self.team.clear()
        self.team.addItem(_("Alle teams"), None)
        for name in people.teams(self.context.db):
            self.team.addItem(name, name)
        self.team.setCurrentIndex(max(self.team.findData(chosen), 0))

    def _set_results_visible(self, visible: bool) -> None:
        for widget in (
            self.standouts_heading,
            self.standouts,
            self.figures_heading,
            self.note,
            self.quarters_heading,
            self.quarters,
            self.quarters_note,
        ):
            widget.setVisible(visible)
        self._body.setStretch(self._body.count() - 1, 0 if visible else 1)

    def chosen_period(self) -> inclusion.Period:
        """The period and team chosen now."""
        today = self._today or dt.date.today()
        found = window_job.period(self.period.currentData(), today)
        assert found is not None  # "eigen" is not offered here
        return inclusion.Period(found[0], found[1], self.team.currentData())

    def show_overview(self) -> None:
        """Count the chosen period off the GUI thread and show it."""
        if self.runner is not None:
            return
        period = self.chosen_period()
        settings = self.context.settings
        connect = self.context.connect
        minimum, threshold = settings.min_group_size, settings.contact_threshold_days

        def run(
            _progress: Callable[[int, int], None], cancelled: Callable[[], bool]
        ) -> inclusion_story.Overview:
            db: Database = connect()  # SQLite connections must not cross threads
            try:
                return inclusion_story.overview(
                    db,
                    period,
                    minimum=minimum,
                    contact_threshold_days=threshold,
                    cancelled=cancelled,
                )
            except inclusion.Cancelled:
                raise jobs.Cancelled() from None
            finally:
                db.close()

        self.runner = jobs.run(self, _("Overzicht"), _("De cijfers worden geteld…"), run)
        self.runner.finished.connect(self._shown)
        self.runner.failed.connect(self._done)
        self.runner.cancelled.connect(self._done)

    def _done(self, *_args: object) -> None:
        self.runner = None

    def _shown(self, result: object) -> None:
        self.runner = None
        assert isinstance(result, inclusion_story.Overview)
        self.result = result
        period = result.period
        self.title.setText(
            _("Overzicht: %(team)s · %(period)s")
            % {
                "team": period.team or _("alle teams"),
                "period": report_pdf.period_text(period.start, period.end),
            }
        )
        self.title.setAccessibleName(self.title.text())  # a screen reader hears what is shown
        if result.too_few:
            minimum = self.context.settings.min_group_size
            self.status.setText(
                ngettext(
                    "In deze periode waren minder dan %(n)d klant in begeleiding.",
                    "In deze periode waren minder dan %(n)d klanten in begeleiding. Elk cijfer "
                    "zou dan over een paar mensen gaan. Daarom staan hier geen cijfers.",
                    minimum,
                )
                % {"n": minimum}
            )
            self.status.setVisible(True)
            self._set_results_visible(False)
            return
        self.status.setVisible(False)
        self._fill(result)
        self._set_results_visible(True)

    def _fill(self, result: inclusion_story.Overview) -> None:
        story = result.story
        lines = story.standouts or (_("In deze periode valt niets op."),)
        self.standouts.setText("\n".join(f"• {line}" for line in lines))
        while self.grid.count():
            item = self.grid.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        headers = [_("Cijfer"), _("Deze periode"), _("Periode ervoor"), _("Verschil")]
        headers.append(_("Per kwartaal"))
        for column, text in enumerate(headers):
            label = QLabel(text)
            font = label.font()
            font.setBold(True)
            label.setFont(font)
            self.grid.addWidget(label, 0, column)
        self.sparklines = []
        for row, figure in enumerate(story.figures, start=1):
            texts = (figure.measure.label, figure.now_text, figure.before_text, figure.change_text)
            for column, text in enumerate(texts):
                self.grid.addWidget(QLabel(text), row, column)
            line = Sparkline(_("%(figure)s per kwartaal") % {"figure": figure.measure.label})
            described = "; ".join(
                f"{label}: {'–' if value is None else i18n.format_number(round(value))}"
                for label, value in zip(story.quarter_labels, figure.series, strict=True)
            )
            line.set_series(figure.series, described)
            self.sparklines.append(line)
            self.grid.addWidget(line, row, 4)
        minimum = self.context.settings.min_group_size
        self.note.setText(
            " ".join(
                [
                    story.no_previous,
                    _("Periode ervoor: even lang, direct voor deze periode."),
                    ngettext(
                        "Alle aantallen zijn precies, net als in het inclusierapport.",
                        "Alle aantallen zijn afgerond op een veelvoud van %(n)d en groepen kleiner "
                        "dan %(n)d klanten zijn verborgen, net als in het inclusierapport.",
                        minimum,
                    )
                    % {"n": minimum},
                ]
            ).strip()
        )
        partial = [piece for piece in result.trends.quarters if piece.partial]
        self.quarters_note.setText(
            _("Een kwartaal met * loopt tot het eind van de periode: %(end)s.")
            % {"end": i18n.date_text(result.period.end)}
            if partial
            else ""
        )
        self.quarters.setRowCount(len(result.trends.quarters))
        for row, piece in enumerate(result.trends.quarters):
            cells_ = [inclusion_trends.quarter_label(piece)]
            cells_ += [quarter_cell(piece, part, base) for _h, part, base in _QUARTER_COLUMNS]
            for column, text in enumerate(cells_):
                cell = QTableWidgetItem(text)
                if column:
                    cell.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                self.quarters.setItem(row, column, cell)
        widgets.fit_table(self.quarters)


def create(context: WindowContext, bus: ChangeBus) -> QWidget:
    """The page for the main window."""
    return OverviewPage(context, bus)
