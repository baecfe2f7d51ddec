"""The advice report's appendix: every question of the role with its answer and comment."""

from __future__ import annotations

from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, PageBreak

from quickscan import report_layout as layout
from resources.i18n import _


def appendix(data: layout.ReportData) -> list[Any]:
    """Every question of the role with the answer given and the comment, theme by theme."""
    sheet = layout.sheet()
    response = data.scan.response
    questionnaire = data.questionnaire
    story: list[Any] = [
        PageBreak(),
        layout.para(_("Bijlage: alle vragen en antwoorden"), sheet["h1"]),
        layout.para(
            _("Alle vragen voor de rol %(role)s, met het antwoord en de opmerking van de invuller.")
            % {"role": data.role_label(response.role)},
            sheet["body"],
        ),
    ]
    number = 0
    widths = (9 * mm, layout.TEXT_WIDTH - 9 * mm - 38 * mm, 38 * mm)
    for theme in questionnaire.themes_for(response.role):
        rows: list[list[Any]] = [
            [
                layout.para(_("Nr"), sheet["cell_head"]),
                layout.para(_("Vraag"), sheet["cell_head"]),
                layout.para(_("Antwoord"), sheet["cell_head"]),
            ]
        ]
        for question in questionnaire.questions_for(response.role, theme.id):
            number += 1
            answer = data.scan.answers.get(question.id)
            cell: list[Any] = [layout.para(data.text(question.text), sheet["cell"])]
            cell.append(layout.para(question.source_line(), sheet["cell_small"]))
            if answer is not None and answer.comment:
                cell.append(
                    layout.rich(
                        layout.bold(_("Opmerking:")) + " " + escape(answer.comment),
                        sheet["cell_small"],
                    )
                )
            rows.append(
                [
                    layout.para(str(number), sheet["cell"]),
                    cell,
                    layout.para(data.answer_label(answer), sheet["cell"]),
                ]
            )
        # A theme's few questions stay on one page: no lone row after a page break.
        story.append(
            KeepTogether(
                [layout.para(data.text(theme.title), sheet["h2"]), layout.table(rows, widths)]
            )
        )
    return story
