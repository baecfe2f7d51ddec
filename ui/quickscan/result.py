"""The result of a completed scan: overall score, a chart per theme, priorities, advice, PDF."""

from __future__ import annotations

import html
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from quickscan import questionnaire as model
from quickscan import scoring, store
from resources.bars import Bar
from resources.i18n import _
from ui import charts, design, file_dialogs, jobs, metrics, widgets
from ui.context import WindowContext
from ui.quickscan import table_models as texts
from ui.reports import making, window_job


def theme_bars(
    questionnaire: model.Questionnaire,
    result: scoring.ScanResult,
    earlier: scoring.ScanResult | None = None,
) -> list[Bar]:
    """One bar per theme; a theme without view shows 'onvoldoende zicht' and no bar."""
    bars = []
    for theme in result.themes:
        before = earlier.theme(theme.theme) if earlier else None
        bars.append(
            Bar(
                label=texts.theme_title(questionnaire, theme.theme),
                value=theme.score or 0.0,
                text=texts.score_text(theme.score),
                compare_value=(before.score or 0.0) if before else None,
                compare_text=texts.score_text(before.score) if before else "",
            )
        )
    return bars


def advice_html(questionnaire: model.Questionnaire, result: scoring.ScanResult) -> str:
    """The advice per theme as simple HTML: title, score and band, explanation, actions."""
    language = texts.language_for(questionnaire)
    parts = []
    for theme in result.themes:
        title = html.escape(texts.theme_title(questionnaire, theme.theme))
        if theme.score is None:
            verdict = _("onvoldoende zicht")
        else:
            verdict = _("%(score)s punten, %(band)s") % {
                "score": texts.score_text(theme.score),
                "band": texts.band_label(questionnaire, theme.band).lower(),
            }
        parts.append(f"<h3>{title} — {html.escape(verdict)}</h3>")
        if theme.advice is None:
            continue
        parts.append(f"<p>{html.escape(theme.advice.explanation.get(language))}</p>")
        own, others = questionnaire.actions_for(theme.advice, result.role)
        if own:
            parts.append(_actions_html(questionnaire, own, language))
        else:
            parts.append(f"<p>{html.escape(no_own_actions())}</p>")
        if others:
            heading = _("Voor collega's")
            parts.append(f"<h4>{html.escape(heading)}</h4>")
            parts.append(_actions_html(questionnaire, others, language, with_roles=True))
    return "".join(parts)


def no_own_actions() -> str:
    """What a theme says when all of its actions are for other roles."""
    return _("Bij dit thema is er geen actie voor uw rol. Lees de acties voor collega's.")


def _actions_html(
    questionnaire: model.Questionnaire,
    actions: tuple[model.Action, ...],
    language: str,
    with_roles: bool = False,
) -> str:
    """The actions as a list, each with its source; for colleagues also the roles it is for."""
    items = []
    for action in actions:
        text = action.text.get(language)
        if with_roles:
            roles = ", ".join(texts.role_label(questionnaire, role) for role in action.roles)
            text = _("%(action)s (voor: %(roles)s)") % {"action": text, "roles": roles}
        items.append(
            f"<li>{html.escape(text)}<br><small>{html.escape(action.source_line())}</small></li>"
        )
    return f"<ul>{''.join(items)}</ul>" if items else ""


class ResultView(QWidget):
    """A completed scan's outcome, and the advice report as PDF."""

    #: Back to the start of the quickscan.
    closed = Signal()

    def __init__(self, context: WindowContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.response_id: int | None = None
        self.runner: jobs.JobRunner | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(metrics.MARGIN, metrics.MARGIN, metrics.MARGIN, metrics.MARGIN)
        layout.setSpacing(metrics.SPACING)
        self.heading = widgets.title(_("Resultaat"))
        layout.addWidget(self.heading)
        self.scan = widgets.paragraph("")
        layout.addWidget(self.scan)

        body = QSplitter(Qt.Orientation.Horizontal)
        body.setChildrenCollapsible(False)
        left = QWidget()
        column = QVBoxLayout(left)
        column.setContentsMargins(0, 0, metrics.SPACING, 0)
        self.overall = QLabel()
        self.overall.setObjectName("overallScore")
        font = self.overall.font()
        font.setPointSize(font.pointSize() + 2)
        font.setBold(True)
        self.overall.setFont(font)
        self.overall.setWordWrap(True)
        column.addWidget(self.overall)
        self.chart = charts.BarChart(_("Score per thema"))
        column.addWidget(QLabel(_("Score per thema (0 tot 100):")))
        column.addWidget(self.chart)
        self.priorities = widgets.paragraph("")
        self.priorities.setObjectName("priorities")
        column.addWidget(self.priorities)
        column.addStretch(1)
        # In a small window the chart keeps its height and the column scrolls.
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(left)
        scroll.viewport().setAutoFillBackground(False)
        left.setAutoFillBackground(False)
        body.addWidget(scroll)

        right = QWidget()
        advice_column = QVBoxLayout(right)
        advice_column.setContentsMargins(metrics.SPACING, 0, 0, 0)
        self.advice_label = QLabel(_("Advies per th&ema:"))
        self.advice = QTextBrowser()
        self.advice.setOpenLinks(False)
        self.advice_label.setBuddy(self.advice)
        self.advice.setAccessibleName(_("Advies per thema"))
        advice_column.addWidget(self.advice_label)
        advice_column.addWidget(self.advice, 1)
        body.addWidget(right)
        body.setSizes([500, 400])
        layout.addWidget(body, 1)
        self._build_report(layout)

    def _build_report(self, layout: QVBoxLayout) -> None:
        options = QFormLayout()
        self.compare_with = QComboBox()
        self.compare_with.setMaximumWidth(design.scaled(metrics.FORM_MAX_WIDTH))
        compare_label = QLabel(_("In het rapport vergelijken &met:"))
        compare_label.setBuddy(self.compare_with)
        options.addRow(compare_label, self.compare_with)
        self.include_roles = QCheckBox(_("Rollen van het team &naast elkaar in het rapport"))
        options.addRow("", self.include_roles)
        layout.addLayout(options)
        row = QHBoxLayout()
        self.back = QPushButton(_("&Terug naar start"))
        self.back.clicked.connect(self.closed.emit)
        self.report = QPushButton(_("&Adviesrapport (PDF)…"))
        self.report.clicked.connect(self.write_report)
        row.addWidget(self.back)
        row.addStretch(1)
        row.addWidget(self.report)
        layout.addLayout(row)
        self.report_message = widgets.paragraph("")
        self.report_message.setObjectName("reportMessage")
        layout.addWidget(self.report_message)

    # -- showing ------------------------------------------------------------------------

    def open(self, response_id: int) -> None:
        """Show the result of a completed scan."""
        db = self.context.db
        response = store.get_response(db, response_id)
        questionnaire = store.questionnaire_for(db, response)
        result = store.result(db, response_id)
        self.response_id = response_id
        self.heading.setText(
            _("Resultaat: %(role)s") % {"role": texts.role_label(questionnaire, response.role)}
        )
        # An old scan keeps its own questionnaire version; say which one it was.
        version = _("vragenlijst versie %(version)s") % {"version": response.questionnaire_version}
        self.scan.setText(f"{texts.response_label(questionnaire, response)} · {version}")
        if result.overall is None:
            self.overall.setText(_("Totaalscore: onvoldoende zicht"))
        else:
            self.overall.setText(
                _("Totaalscore: %(score)s van 100 (%(band)s)")
                % {
                    "score": texts.score_text(result.overall),
                    "band": texts.band_label(questionnaire, result.overall_band).lower(),
                }
            )
        self.chart.set_bars(theme_bars(questionnaire, result))
        self.priorities.setText(self._priorities_text(questionnaire, result))
        self.advice.setHtml(advice_html(questionnaire, result))
        self.report_message.setText("")
        self._fill_compare_choices(response, questionnaire)
        self.advice.setFocus(Qt.FocusReason.OtherFocusReason)

    def _priorities_text(
        self, questionnaire: model.Questionnaire, result: scoring.ScanResult
    ) -> str:
        lines = [_("Eerst aanpakken:")]
        for number, theme_id in enumerate(result.priorities, start=1):
            theme = result.theme(theme_id)
            lines.append(
                _("%(n)d. %(theme)s (%(score)s)")
                % {
                    "n": number,
                    "theme": texts.theme_title(questionnaire, theme_id),
                    "score": texts.score_text(theme.score if theme else None),
                }
            )
        if not result.priorities:
            lines.append(_("Er zijn geen thema's met een score."))
        if result.insufficient_view:
            titles = ", ".join(
                texts.theme_title(questionnaire, t) for t in result.insufficient_view
            )
            lines.append(_("Onvoldoende zicht op: %(themes)s.") % {"themes": titles})
        return "\n".join(lines)

    def _fill_compare_choices(
        self, response: store.Response, questionnaire: model.Questionnaire
    ) -> None:
        self.compare_with.clear()
        self.compare_with.addItem(_("niet vergelijken"), None)
        for other in store.list_responses(self.context.db, status=store.COMPLETE):
            if other.id == response.id or other.questionnaire_id != response.questionnaire_id:
                continue
            self.compare_with.addItem(texts.response_label(questionnaire, other), other.id)

    # -- the advice report --------------------------------------------------------------

    def write_report(self) -> None:
        """Ask for a file name and write the advice report (PDF) of this scan off the GUI thread.

        The caseload facts of a large municipality take a moment; the window stays usable.
        """
        if self.response_id is None or self.runner is not None:
            return
        path, _filter = file_dialogs.save_file(
            self,
            self.context,
            "reports",
            _("Adviesrapport opslaan"),
            _("adviesrapport-scan-%(id)d.pdf") % {"id": self.response_id},
            _("PDF-bestand (*.pdf)"),
        )
        if path is None:
            return
        if path.suffix.lower() != ".pdf":
            path = path.with_name(path.name + ".pdf")
        response_id = self.response_id
        request = making.Request(
            making.Kind.ADVICE,
            response_id=response_id,
            compare_with=self.compare_with.currentData(),
            include_roles=self.include_roles.isChecked(),
            facts_of_scan_team=True,
        )
        settings = window_job.settings_of(self.context.settings)
        job = window_job.job(self.context.connect, request, path, settings, self.context.actor)

        self.report.setEnabled(False)
        self.report_message.setText(_("Het adviesrapport wordt gemaakt…"))
        self.runner = jobs.run(
            self, _("Adviesrapport niet gemaakt"), _("Het adviesrapport wordt gemaakt…"), job
        )
        self.runner.finished.connect(lambda _path: self._report_written(path))
        self.runner.failed.connect(self._report_stopped)
        self.runner.cancelled.connect(
            lambda: self._report_stopped(_("Gestopt. Er is geen rapport gemaakt."))
        )

    def _report_written(self, path: Path) -> None:
        self._report_stopped("")
        self.report_message.setText(_("Adviesrapport opgeslagen in %(path)s") % {"path": path})

    def _report_stopped(self, message: str) -> None:
        """The job ended; a failure was already shown in a dialog by the runner."""
        self.runner = None
        self.report.setEnabled(True)
        self.report_message.setText(message)
