"""Comparing scans: two scans theme by theme, and the roles of one team side by side."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from sqlite_utils import Database

from quickscan import comparison, scoring, store
from quickscan import questionnaire as model
from resources.bars import Bar
from resources.changes import Changes, Kind
from resources.errors import UserError
from resources.i18n import _
from ui import charts, widgets
from ui.changes import ChangeBus
from ui.context import WindowContext
from ui.quickscan import table_models as models
from ui.quickscan.history import stretch_column, table, view_layout

#: How many shared questions the roles view lists (those where views differ most).
QUESTION_ROWS = 10


def _message() -> QLabel:
    label = widgets.paragraph("")
    font = label.font()
    font.setBold(True)
    label.setFont(font)
    return label


def _column(label: QLabel, content: QWidget) -> QWidget:
    """A label above its content, as one side of a splitter."""
    column = QWidget()
    layout = QVBoxLayout(column)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(label)
    layout.addWidget(content, 1 if isinstance(content, QTableView) else 0)
    layout.addStretch(0 if isinstance(content, QTableView) else 1)
    return column


def _side(db: Database, key: str, response_id: int) -> comparison.Side:
    """A stored scan as one side of a comparison, with the questionnaire it was filled in with."""
    response = store.get_response(db, response_id)
    answers = {qid: a.value for qid, a in store.answers(db, response_id).items()}
    return comparison.Side(key, store.questionnaire_for(db, response), response.role, answers)


def change_bars(
    questionnaire: model.Questionnaire, changes: tuple[comparison.SharedTheme, ...]
) -> list[Bar]:
    """One bar per theme, 'after' dark and 'before' light, on the shared questions only."""
    bars = []
    for change in changes:
        after, before = change.score("after"), change.score("before")
        bars.append(
            Bar(
                label=models.theme_title(questionnaire, change.theme),
                value=after or 0.0,
                text=models.compared_score(change, "after"),
                compare_value=before or 0.0,
                compare_text=models.compared_score(change, "before"),
            )
        )
    return bars


class CompareScansView(QWidget):
    """Two completed scans of the same questionnaire: the change per theme, in a table and chart."""

    def __init__(self, context: WindowContext, bus: ChangeBus, parent: QWidget | None = None):
        super().__init__(parent)
        self.context = context
        layout = view_layout(self)
        layout.addWidget(widgets.title(_("Twee scans vergelijken")))
        layout.addWidget(
            widgets.paragraph(
                _(
                    "Kies een eerdere en een latere scan van dezelfde vragenlijst. U ziet per "
                    "thema hoeveel punten de score veranderde."
                )
            )
        )
        form = QFormLayout()
        self.before = QComboBox()
        self.after = QComboBox()
        before_label = QLabel(_("&Eerdere scan:"))
        before_label.setBuddy(self.before)
        after_label = QLabel(_("&Latere scan:"))
        after_label.setBuddy(self.after)
        form.addRow(before_label, self.before)
        form.addRow(after_label, self.after)
        layout.addLayout(form)
        self.message = _message()
        self.message.setObjectName("compareMessage")
        layout.addWidget(self.message)
        self.model = models.ChangeModel(self)
        self.table = table(_("Verschil per thema"))
        self.table.setModel(self.model)
        stretch_column(self.table, models.ChangeColumn.THEME)
        table_label = QLabel(_("Verschil &per thema:"))
        table_label.setBuddy(self.table)
        self.chart = charts.BarChart(_("Score per thema, later en eerder"))
        body = QSplitter(Qt.Orientation.Horizontal)
        body.setChildrenCollapsible(False)
        body.addWidget(_column(table_label, self.table))
        chart_label = QLabel(_("Later (donker) en eerder (licht):"))
        body.addWidget(_column(chart_label, self.chart))
        body.setSizes([430, 450])
        layout.addWidget(body, 1)
        self.body = body
        self._room = QWidget()  # keeps the message at the top while the table is hidden
        layout.addWidget(self._room, 1)
        self.before.currentIndexChanged.connect(self.compare)
        self.after.currentIndexChanged.connect(self.compare)
        bus.changed.connect(self._changed)
        self.refresh()

    def refresh(self) -> None:
        """Fill the choices with the completed scans; by default the two newest."""
        chosen = (self.before.currentData(), self.after.currentData())
        complete = store.list_responses(self.context.db, status=store.COMPLETE)
        for combo in (self.before, self.after):
            combo.blockSignals(True)
            combo.clear()
            for response in complete:
                questionnaire = store.questionnaire_for(self.context.db, response)
                combo.addItem(models.response_label(questionnaire, response), response.id)
        if len(complete) >= 2:
            # By default the newest scan against the one before it of the same role and team.
            newest = complete[0]
            earlier = next(
                (
                    r
                    for r in complete[1:]
                    if (r.role, r.team, r.questionnaire_id)
                    == (newest.role, newest.team, newest.questionnaire_id)
                ),
                complete[1],
            )
            self.before.setCurrentIndex(self.before.findData(earlier.id))
            self.after.setCurrentIndex(0)
        for combo, previous in zip((self.before, self.after), chosen, strict=True):
            index = combo.findData(previous)
            if previous is not None and index >= 0:
                combo.setCurrentIndex(index)
            combo.blockSignals(False)
        self.compare()

    def choose(self, before_id: int, after_id: int) -> None:
        """Compare these two scans (as if chosen in the lists)."""
        self.before.setCurrentIndex(self.before.findData(before_id))
        self.after.setCurrentIndex(self.after.findData(after_id))
        self.compare()

    def compare(self) -> None:
        """Show the change per theme between the chosen scans."""
        before_id, after_id = self.before.currentData(), self.after.currentData()
        self.model.set_rows([])
        self.chart.set_bars([])
        self._show_body(False)  # until two scans are compared: the message alone
        if before_id is None or after_id is None:
            self.message.setText(
                _(
                    "Er zijn minstens twee afgeronde scans nodig om te vergelijken. Vul een "
                    "scan in op het tabblad Scan (Alt+S); doe hem later nog eens om te zien wat "
                    "er veranderde."
                )
            )
            return
        if before_id == after_id:
            self.message.setText(_("Kies twee verschillende scans."))
            return
        db = self.context.db
        try:
            sides = [_side(db, "before", before_id), _side(db, "after", after_id)]
            changes = comparison.compare(sides)
        except UserError as error:
            self.message.setText(error.message)
            return
        questionnaire = sides[1].questionnaire
        self.model.set_changes(questionnaire, changes)
        self.chart.set_bars(change_bars(questionnaire, changes))
        self._show_body(True)
        known = [c for c in changes if c.change is not None]
        if known:
            biggest = max(known, key=lambda c: abs(c.change or 0.0))
            self.message.setText(
                _(
                    "Grootste verandering: %(theme)s (%(change)s punten, op %(n)d vragen die "
                    "beide keren zijn beantwoord)."
                )
                % {
                    "theme": models.theme_title(questionnaire, biggest.theme),
                    "change": models.change_text(biggest.change),
                    "n": biggest.count,
                }
            )
        else:
            self.message.setText(
                _("Geen thema heeft genoeg vragen die in beide scans zijn beantwoord.")
            )

    def _show_body(self, shown: bool) -> None:
        self.body.setVisible(shown)
        self._room.setVisible(not shown)

    def _changed(self, changes: Changes) -> None:
        """A scan was started, answered, completed or deleted: read the scans again."""
        if changes.touches(Kind.QUICKSCAN):
            self.refresh()


class CompareRolesView(QWidget):
    """The newest completed scan of each role in a team, side by side per theme and question."""

    def __init__(self, context: WindowContext, bus: ChangeBus, parent: QWidget | None = None):
        super().__init__(parent)
        self.context = context
        layout = view_layout(self)
        layout.addWidget(widgets.title(_("Rollen vergelijken")))
        layout.addWidget(
            widgets.paragraph(
                _(
                    "Van elke rol in het team telt de nieuwste afgeronde scan. Bovenaan staan de "
                    "thema's waar de rollen het meest verschillen."
                )
            )
        )
        form = QFormLayout()
        self.team = QComboBox()
        team_label = QLabel(_("&Team:"))
        team_label.setBuddy(self.team)
        form.addRow(team_label, self.team)
        layout.addLayout(form)
        self.message = _message()
        self.message.setObjectName("rolesMessage")
        layout.addWidget(self.message)
        self.themes = models.RoleSpreadModel(self)
        self.theme_table = table(_("Score per thema en rol"))
        self.theme_table.setModel(self.themes)
        stretch_column(self.theme_table, 0)
        themes_label = QLabel(_("Sc&ore per thema en rol:"))
        themes_label.setBuddy(self.theme_table)
        layout.addWidget(themes_label)
        layout.addWidget(self.theme_table, 1)
        self._tables: list[QWidget] = [themes_label, self.theme_table]
        self.questions = models.QuestionSpreadModel(self)
        self.question_table = table(_("Vragen waar de rollen het meest verschillen"))
        self.question_table.setModel(self.questions)
        self.question_table.setWordWrap(True)
        self.question_table.verticalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents
        )
        stretch_column(self.question_table, 0)
        questions_label = QLabel(_("Vragen waar de rollen het &meest verschillen:"))
        questions_label.setBuddy(self.question_table)
        layout.addWidget(questions_label)
        layout.addWidget(self.question_table, 1)
        self._tables += [questions_label, self.question_table]
        self._room = QWidget()  # keeps the message at the top while the tables are hidden
        layout.addWidget(self._room, 1)
        self.team.currentIndexChanged.connect(self.compare)
        bus.changed.connect(self._changed)
        self.refresh()

    def refresh(self) -> None:
        """Offer the teams that have completed scans; the user's own team first chosen."""
        chosen = self.team.currentData() if self.team.count() else self.context.settings.team
        teams: list[str | None] = []
        for response in store.list_responses(self.context.db, status=store.COMPLETE):
            if response.team not in teams:
                teams.append(response.team)
        self.team.blockSignals(True)
        self.team.clear()
        for team in sorted(teams, key=lambda t: (t is None, t or "")):
            self.team.addItem(team if team is not None else _("(zonder team)"), team)
        index = self.team.findData(chosen)
        self.team.setCurrentIndex(max(index, 0))
        self.team.blockSignals(False)
        self.compare()

    def choose(self, team: str | None) -> None:
        """Compare the roles of this team (as if chosen in the list)."""
        self.team.setCurrentIndex(self.team.findData(team))
        self.compare()

    def compare(self) -> None:
        """Show the roles of the chosen team side by side."""
        self.themes.set_rows([])
        self.questions.set_rows([])
        self._show_tables(False)  # until there are two roles: the message alone, no empty tables
        if self.team.currentIndex() < 0:
            self.message.setText(
                _(
                    "Er zijn nog geen afgeronde scans. Laat per rol (bijvoorbeeld klantmanager "
                    "en manager) iemand van het team een scan invullen op het tabblad Scan "
                    "(Alt+S); daarna ziet u de rollen hier naast elkaar."
                )
            )
            return
        db, team = self.context.db, self.team.currentData()
        newest = store.list_responses(db, team=team, status=store.COMPLETE)
        latest = store.latest_complete_per_role(db, team, newest[0].questionnaire_id)
        if len(latest) < 2:
            self.message.setText(
                _(
                    "In dit team is alleen een afgeronde scan van één rol. Vergelijken kan "
                    "vanaf twee rollen."
                )
            )
            return
        questionnaire = store.questionnaire_for(db, newest[0])
        roles = [role.id for role in questionnaire.roles if role.id in latest]
        sides = [_side(db, role, latest[role].id) for role in roles]
        answers = {side.key: side.answers for side in sides}
        try:
            spreads = comparison.by_spread(comparison.compare(sides))
            questions = scoring.compare_answers(questionnaire, answers)
        except UserError as error:
            self.message.setText(error.message)
            return
        self.themes.set_spreads(questionnaire, roles, spreads)
        self._show_tables(True)
        differing = [q for q in questions if q.spread][:QUESTION_ROWS]
        self.questions.set_spreads(questionnaire, roles, differing)
        widest = spreads[0] if spreads and spreads[0].spread is not None else None
        if widest is None:
            self.message.setText(
                _("Geen thema heeft genoeg vragen die alle rollen hebben beantwoord.")
            )
        else:
            self.message.setText(
                _(
                    "Het grootste verschil is bij %(theme)s: %(spread)s punten, op %(n)d "
                    "vragen die alle rollen hebben beantwoord."
                )
                % {
                    "theme": models.theme_title(questionnaire, widest.theme),
                    "spread": models.score_text(widest.spread),
                    "n": widest.count,
                }
            )

    def _show_tables(self, shown: bool) -> None:
        for widget in self._tables:
            widget.setVisible(shown)
        self._room.setVisible(not shown)

    def _changed(self, changes: Changes) -> None:
        """A scan was started, answered, completed or deleted: read the scans again."""
        if changes.touches(Kind.QUICKSCAN):
            self.refresh()
