"""The period a report or bundle counts: checked once, for every report alike.

Plain dates and one refusal, without the PDF machinery, so a bundle (JSON) can use it too.
"""

from __future__ import annotations

import datetime as dt

from caseload.errors import CaseloadError
from resources import i18n
from resources.i18n import _


class InvalidPeriod(CaseloadError):
    """The period of a report does not hold (the start lies after the end, or after today)."""


def until_today(start: dt.date, end: dt.date, today: dt.date) -> tuple[dt.date, dt.date]:
    """The period of a report as far as it has happened: an end after today becomes today
    (a year chosen before it is over is counted up to today, not with every client 'too long
    without contact' on a day still to come). Raises ``InvalidPeriod`` when the start lies
    after the end or after today."""
    if start > end:
        raise InvalidPeriod(
            _("De startdatum %(start)s ligt na de einddatum %(end)s.")
            % {"start": i18n.date_text(start), "end": i18n.date_text(end)}
        )
    if start > today:
        raise InvalidPeriod(
            _("De periode begint op %(start)s, na vandaag: daarover zijn nog geen gegevens.")
            % {"start": i18n.date_text(start)}
        )
    return start, min(end, today)
