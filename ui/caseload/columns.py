"""The caseload table's columns and what a row says: the column enum with its SQL sort, the
number columns, the two-line headers, and the texts of a row (status, days since contact, why
it needs attention). The model that fetches the rows is in :mod:`ui.caseload.table_model`.
"""

from __future__ import annotations

import datetime as dt
import enum

from caseload import caseload_query, vocab
from resources import i18n
from resources.i18n import N_, _, ngettext


class Column(enum.IntEnum):
    """The columns of the caseload table, in display order."""

    REFERENCE = 0
    NAME = 1
    TREDE = 2
    DAYS_SINCE_CONTACT = 3
    OPEN_BARRIERS = 4
    OPEN_ACTIONS = 5
    KLANTMANAGER = 6
    STATUS = 7

    @property
    def sort_column(self) -> caseload_query.SortColumn:
        """The SQL sort that belongs to this column."""
        return _SORT_COLUMNS[self]

    @classmethod
    def of(cls, sort_column: caseload_query.SortColumn) -> Column:
        """The table column of a sort column."""
        return next(column for column in cls if column.sort_column is sort_column)


_SORT_COLUMNS = {
    Column.REFERENCE: caseload_query.SortColumn.REFERENCE,
    Column.NAME: caseload_query.SortColumn.NAME,
    Column.TREDE: caseload_query.SortColumn.TREDE,
    Column.DAYS_SINCE_CONTACT: caseload_query.SortColumn.DAYS_SINCE_CONTACT,
    Column.OPEN_BARRIERS: caseload_query.SortColumn.OPEN_BARRIERS,
    Column.OPEN_ACTIONS: caseload_query.SortColumn.OPEN_ACTIONS,
    Column.KLANTMANAGER: caseload_query.SortColumn.KLANTMANAGER,
    Column.STATUS: caseload_query.SortColumn.STATUS,
}
#: The columns that hold numbers (right-aligned).
NUMBER_COLUMNS = (
    Column.TREDE,
    Column.DAYS_SINCE_CONTACT,
    Column.OPEN_BARRIERS,
    Column.OPEN_ACTIONS,
)

#: Short titles of the narrow number columns, on one line (a screen reader reads a header's
#: text as it is; the others use the sort label).
TWO_LINE_HEADERS = {
    Column.DAYS_SINCE_CONTACT: N_("Dagen sinds contact"),
    Column.OPEN_BARRIERS: N_("Open obstakels"),
    Column.OPEN_ACTIONS: N_("Open acties"),
}


def attention_reasons(row: caseload_query.CaseloadRow) -> list[str]:
    """Why a row is flagged, one sentence per reason (empty when it is not)."""
    reasons = []
    if row.no_recent_contact:
        if row.days_since_contact is None:
            reasons.append(_("Nog nooit contact gehad."))
        else:
            reasons.append(
                ngettext(
                    "Al %(days)s dag geen contact.",
                    "Al %(days)s dagen geen contact.",
                    row.days_since_contact,
                )
                % {"days": i18n.format_number(row.days_since_contact)}
            )
    if row.overdue_actions:
        today = dt.date.today()
        if row.next_appointment_on is not None and row.next_appointment_on < today:
            reasons.append(
                _("Afspraak van %(date)s gemist.")
                % {"date": i18n.date_text(row.next_appointment_on)}
            )
        if row.next_due_on is not None and row.next_due_on < today:
            reasons.append(_("Een actie is over de einddatum."))
        if row.measurement_due_on is not None and row.measurement_due_on < today:
            reasons.append(
                _("Trede meten sinds %(date)s.") % {"date": i18n.date_text(row.measurement_due_on)}
            )
    return reasons


def status_text(status: str, closing_reason: str | None, transferred: bool = False) -> str:
    """'Actief', 'Afgesloten: Uitstroom naar werk', or with '· overgedragen' after it."""
    label = vocab.CLIENT_STATUSES.label(status)
    if closing_reason:
        label = _("%(status)s: %(reason)s") % {
            "status": label,
            "reason": vocab.CLOSING_REASONS.label(closing_reason),
        }
    if transferred:
        return _("%(status)s · overgedragen") % {"status": label}
    return label


def days_text(days: int | None) -> str:
    """Days since the last contact; 'nooit' when there was none."""
    return _("nooit") if days is None else i18n.format_number(days)
