"""Checks on caseload input, without the database: each raises a typed error naming the field."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re

from caseload import errors, model, vocab
from resources.i18n import _

#: A client of intensive guidance is at least this old (youngest in a Participatiewet route).
MIN_AGE_YEARS = 15
#: And no older than this: an older birth date is a typing error.
MAX_AGE_YEARS = 110
#: A contact longer than a day is a typing error.
MAX_MINUTES = 24 * 60
#: No name, klantnummer, klantmanager or team is longer: a longer one is a mistake (a pasted
#: paragraph, a broken export) that no list or report can show.
MAX_TEXT = 200
_TEXT_FIELDS = (
    "reference",
    "initials",
    "first_name",
    "surname_prefix",
    "surname",
    "klantmanager",
    "team",
)


def not_in_future(field: str, value: dt.date | None, today: dt.date) -> None:
    """Refuse a date after today."""
    if value is not None and value > today:
        raise errors.DateInFuture(field)


def code(field: str, value: str | None, vocabulary: vocab.Vocabulary, required: bool) -> None:
    """Refuse a code that is not in the word list (and an empty one when it is required)."""
    if value is None or value == "":
        if required:
            raise errors.MissingValue(field)
        return
    if value not in vocabulary:
        raise errors.InvalidValue(field, _("“%(value)s” is geen bekende keuze.") % {"value": value})


def in_range(field: str, value: int | None, low: int, high: int, required: bool = True) -> None:
    """Refuse a whole number outside low..high."""
    if value is None:
        if required:
            raise errors.MissingValue(field)
        return
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise errors.InvalidValue(
            field, _("kies een getal van %(low)d tot en met %(high)d.") % {"low": low, "high": high}
        )


def birth_date(value: dt.date | None, today: dt.date) -> None:
    """Refuse a birth date in the future or one that gives an implausible age."""
    if value is None:
        return
    not_in_future("birth_date", value, today)
    age = today.year - value.year - ((today.month, today.day) < (value.month, value.day))
    if not MIN_AGE_YEARS <= age <= MAX_AGE_YEARS:
        raise errors.InvalidValue(
            "birth_date",
            _("de klant zou %(age)d jaar oud zijn. Dat kan niet kloppen.") % {"age": age},
        )


_SCIENTIFIC = re.compile(r"\d(?:[.,]\d+)?\s*[eE]\s*[+]?\d+")
_DECIMALS = re.compile(r"(?<=\d)[.,]0+$")


def bsn(value: str | None, enabled: bool) -> str | None:
    """The BSN in its compact form, or None; refused when off or when the 11-proef fails."""
    if value is None or not value.strip():
        return None
    if not enabled:
        raise errors.InvalidBsn(_("BSN staat uit in de instellingen. Laat het veld leeg."))
    # Imported here: python-stdnum pulls in ssl and socket, which a start without BSN never needs.
    from stdnum import exceptions as stdnum_exceptions
    from stdnum.nl import bsn as stdnum_bsn

    number = value.strip()
    if _SCIENTIFIC.fullmatch(number):
        raise errors.InvalidBsn(
            _(
                "“%(value)s” is een BSN in getalnotatie: Excel heeft er een getal van gemaakt en "
                "cijfers weggelaten. Zet de kolom in Excel op Tekst en exporteer opnieuw."
            )
            % {"value": number}
        )
    # Excel's number format adds ",0" or ".00": the digits themselves are all there.
    number = _DECIMALS.sub("", number)
    try:
        return str(stdnum_bsn.validate(number))
    except stdnum_exceptions.InvalidLength:
        raise errors.InvalidBsn(_("een BSN heeft 9 cijfers.")) from None
    except stdnum_exceptions.ValidationError:
        raise errors.InvalidBsn(_("dit nummer voldoet niet aan de 11-proef.")) from None


def client_details(
    details: model.ClientDetails, bsn_enabled: bool, today: dt.date
) -> model.ClientDetails:
    """The details as they will be stored (trimmed, BSN compact), or a typed error."""
    reference = details.reference.strip()
    if not reference:
        raise errors.MissingValue("reference")
    for name in _TEXT_FIELDS:
        if len(getattr(details, name).strip()) > MAX_TEXT:
            raise errors.InvalidValue(
                name, _("dat is te lang: hoogstens %(n)d tekens.") % {"n": MAX_TEXT}
            )
    birth_date(details.birth_date, today)
    compact_bsn = bsn(details.bsn, bsn_enabled)
    in_range("expected_trede", details.expected_trede, 1, 6, required=False)
    code("migration_generation", details.migration_generation, vocab.MIGRATION_GENERATIONS, False)
    code("origin_continent", details.origin_continent, vocab.ORIGIN_CONTINENTS, False)
    for skill in vocab.LANGUAGE_SKILLS.codes():
        code(skill, getattr(details, skill), vocab.LANGUAGE_LEVELS, False)
    code("inburgering_route", details.inburgering_route, vocab.INBURGERING_ROUTES, False)
    phone, email = contact_details(details.phone, details.email)
    if (
        details.birth_date is not None
        and details.guidance_start is not None
        and details.guidance_start < details.birth_date
    ):
        raise errors.InvalidValue("guidance_start", _("die ligt vóór de geboortedatum."))
    return dataclasses.replace(_trimmed(details, reference, compact_bsn), phone=phone, email=email)


#: A phone number: digits with the usual signs, 6 to 15 digits (international numbers too).
_PHONE = re.compile(r"^\+?[0-9 ()./-]+$")
#: An e-mail address: something @ a domain with a dot; the mail server decides the rest.
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s.]+$")


def contact_details(phone: str | None, email: str | None) -> tuple[str | None, str | None]:
    """Phone and e-mail trimmed (empty becomes None), or a typed error saying what is wrong."""
    phone = (phone or "").strip() or None
    email = (email or "").strip() or None
    if phone is not None:
        digits = sum(character.isdigit() for character in phone)
        if not _PHONE.match(phone) or not 6 <= digits <= 15:
            raise errors.InvalidValue(
                "phone", _("gebruik alleen cijfers, spaties, + en -, bijvoorbeeld 06 12345678.")
            )
    if email is not None and (len(email) > MAX_TEXT or not _EMAIL.match(email)):
        raise errors.InvalidValue("email", _("dat is geen e-mailadres, zoals naam@voorbeeld.nl."))
    return phone, email


def _trimmed(
    details: model.ClientDetails, reference: str, compact_bsn: str | None
) -> model.ClientDetails:
    """The details with text fields stripped of surrounding spaces."""
    return dataclasses.replace(
        details,
        reference=reference,
        bsn=compact_bsn,
        initials=details.initials.strip(),
        first_name=details.first_name.strip(),
        surname_prefix=details.surname_prefix.strip(),
        surname=details.surname.strip(),
        klantmanager=details.klantmanager.strip(),
        team=details.team.strip(),
    )


def minutes(value: int | None) -> None:
    """Refuse a negative or impossible duration."""
    in_range("minutes", value, 0, MAX_MINUTES, required=False)


def period(start: dt.date | None, due: dt.date | None) -> None:
    """Refuse a due date before the start."""
    if start is not None and due is not None and due < start:
        raise errors.InvalidValue("due_on", _("die ligt vóór de startdatum."))
