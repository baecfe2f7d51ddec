"""The inclusion report's figures as an Excel workbook: the JSON export, readable in a sheet.

Three sheets: the counts (name, what it counts, the printed count or 'verborgen'), the
percentages (part, base, share as a number formatted as a percentage) and what the file is
about (period, team, how the figures are protected). The counts are those of
:mod:`caseload.inclusion_export`, so Excel and JSON hold the same figures, protected the same way.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from caseload import csv_export, inclusion, inclusion_cells, ladder, protection, vocab
from resources.i18n import _

#: The total-level counts and what they count.
_TOTALS: dict[str, Callable[[], str]] = {
    inclusion_cells.IN_PERIOD: lambda: _("Klanten in begeleiding in de periode"),
    inclusion_cells.AT_START: lambda: _("In begeleiding bij het begin van de periode"),
    inclusion_cells.INFLOW: lambda: _("Instroom: begeleiding begonnen in de periode"),
    inclusion_cells.OUTFLOW: lambda: _("Uitstroom: begeleiding afgesloten in de periode"),
    inclusion_cells.AT_END: lambda: _("In begeleiding aan het eind van de periode"),
    inclusion_cells.MEASURED: lambda: _("Klanten met twee metingen in de periode"),
    inclusion_cells.ROSE: lambda: _("Gestegen"),
    inclusion_cells.STAYED: lambda: _("Gelijk gebleven"),
    inclusion_cells.FELL: lambda: _("Gedaald"),
    inclusion_cells.OVERDUE: lambda: _("Te lang geen contact"),
    inclusion_cells.ON_TIME: lambda: _("Op tijd contact"),
    inclusion_cells.CONTACTED: lambda: _("Klanten met minstens twee contacten in de periode"),
    "work": lambda: _("Naar werk"),
    inclusion_cells.FOLLOWED: lambda: _("Naar werk, na zes maanden gevraagd"),
    inclusion_cells.LASTING: lambda: _("Naar werk, na zes maanden nog aan het werk"),
}

#: The counts of each quarter in the sheet of quarters, in this order.
QUARTER_COLUMNS = (
    inclusion_cells.IN_PERIOD,
    inclusion_cells.OUTFLOW,
    inclusion_cells.reason(inclusion_cells.WORK_REASON),
    inclusion_cells.FOLLOWED,
    inclusion_cells.LASTING,
    inclusion_cells.MEASURED,
    inclusion_cells.ROSE,
    inclusion_cells.STAYED,
    inclusion_cells.FELL,
    inclusion_cells.AT_END,
    inclusion_cells.OVERDUE,
)


def label(name: str) -> str:
    """What a count counts, in the active language."""
    kind, _colon, rest = name.partition(":")
    if name in _TOTALS:
        return _TOTALS[name]()
    if kind == "reason":
        return _("Uitstroom: %(reason)s") % {"reason": vocab.CLOSING_REASONS.label(rest)}
    if kind in ("ladder_start", "ladder_end"):
        number = int(rest)
        trede = ladder.trede(number).title() if number else _("Nog geen meting")
        moment = _("begin") if kind == "ladder_start" else _("eind")
        return f"{trede} ({moment})"
    if kind in ("barrier_open", "barrier_solved"):
        text = vocab.BARRIER_KINDS.label(rest)
        return text if kind == "barrier_open" else _("%(kind)s: opgelost") % {"kind": text}
    if kind in ("action_started", "action_finished"):
        text = vocab.INTERVENTIONS.label(rest)
        return text if kind == "action_started" else _("%(kind)s: afgerond") % {"kind": text}
    if kind in ("origin", "team"):
        group, _colon, figure = rest.rpartition(":")
        if kind == "origin":
            group = inclusion.ORIGIN_GROUPS.label(group)
        return f"{group or _('Zonder team')}: {label(figure)}"
    return name


def write(path: Path, content: dict[str, Any]) -> None:
    """Write the export (the JSON data of :mod:`caseload.inclusion_export`) as a workbook."""
    from openpyxl import Workbook  # here, not at the top: only an .xlsx export needs it

    workbook = Workbook()
    counts = workbook.active
    counts.title = _("Aantallen")
    _append(counts, [_("Naam"), _("Wat"), _("Aantal klanten")])
    for name, value in content["counts"].items():
        _append(counts, [name, label(name), _("verborgen") if value is None else value])
    shares = workbook.create_sheet(_("Percentages"))
    _append(shares, [_("Deel"), _("Van"), _("Percentage")])
    printed, minimum = content["counts"], content["protection"]["minimum"]
    for share in content["shares"]:
        value = share["share"]
        shown = value if value is not None else _why_not(share, printed, minimum)
        _append(shares, [label(share["part"]), label(share["base"]), shown])
        if value is not None:
            shares.cell(row=shares.max_row, column=3).number_format = "0%"
    about = workbook.create_sheet(_("Over dit bestand"))
    period = content["period"]
    protection = content["protection"]
    for key, value in (
        (_("Gemeente"), content["municipality"]),
        (_("Team"), period["team"] or _("alle teams")),
        (_("Eerste dag"), period["start"]),
        (_("Laatste dag"), period["end"]),
        (_("Gemaakt op"), content["made_on"]),
        (_("Kleinste groep"), protection["minimum"]),
        (_("Afgerond op een veelvoud van"), protection["rounded_to"]),
        (_("Mediaan aantal dagen tussen twee contacten"), content["contact_median_days"]),
    ):
        _append(about, [key, value])
    if content.get("quarters"):
        _quarters(workbook.create_sheet(_("Per kwartaal")), content)
    for sheet in (counts, shares):
        sheet.freeze_panes = "A2"
    for sheet in (counts, shares, about):
        for column, width in zip("ABC", (34, 52, 16), strict=True):
            sheet.column_dimensions[column].width = width
    workbook.save(str(path))


def _quarters(sheet: Any, content: dict[str, Any]) -> None:
    """One row per quarter (and the previous period first): dates as dates, protected counts."""
    import datetime as dt

    sheet.append(
        [_("Eerste dag"), _("Laatste dag")]
        + [label(name) for name in QUARTER_COLUMNS]
        + [_("Mediaan aantal dagen tussen twee contacten")]
    )
    for piece in content["quarters"]:
        counts = piece["counts"]
        _append(
            sheet,
            [dt.date.fromisoformat(piece["start"]), dt.date.fromisoformat(piece["end"])]
            + [_("verborgen") if counts.get(n) is None else counts[n] for n in QUARTER_COLUMNS]
            + [piece["contact_median_days"]],
        )
        for column in (1, 2):
            sheet.cell(row=sheet.max_row, column=column).number_format = "yyyy-mm-dd"
    sheet.freeze_panes = "C2"
    for index in range(1, len(QUARTER_COLUMNS) + 4):
        sheet.column_dimensions[sheet.cell(row=1, column=index).column_letter].width = 16


def _append(sheet: Any, values: list[Any]) -> None:
    """Add a row; a text that starts as a formula (a team named "=1+2") stays a text cell."""
    sheet.append(values)
    for cell in sheet[sheet.max_row]:
        if isinstance(cell.value, str) and cell.value.startswith(csv_export.FORMULA_START):
            cell.data_type = "s"


def _why_not(share: dict[str, Any], printed: dict[str, int | None], minimum: int) -> str:
    """Why a share is empty, in the words of the PDF ('verborgen', '–', 'te weinig')."""
    state = protection.share_state(printed[share["part"]], printed[share["base"]], minimum)
    if state is protection.ShareState.NO_BASE:
        return "–"
    return (
        inclusion_cells.too_few_text() if state is protection.ShareState.TOO_FEW else _("verborgen")
    )
