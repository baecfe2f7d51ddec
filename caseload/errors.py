"""The caseload's typed errors: each names the field and says in one sentence what is wrong."""

from __future__ import annotations

from resources.errors import UserError
from resources.i18n import N_, _

#: The label of each field that a message can name, as the form shows it.
FIELD_LABELS = {
    "reference": N_("klantnummer"),
    "birth_date": N_("geboortedatum"),
    "bsn": N_("BSN"),
    "guidance_start": N_("start begeleiding"),
    "expected_trede": N_("verwachte trede"),
    "closed_on": N_("datum afsluiten"),
    "closing_reason": N_("reden van afsluiten"),
    "employer_sector": N_("sector werkgever"),
    "hours_per_week": N_("uren per week"),
    "contract_type": N_("soort contract"),
    "work_start_on": N_("startdatum werk"),
    "measured_on": N_("datum meting"),
    "trede": N_("trede"),
    "kind": N_("soort"),
    "severity": N_("ernst"),
    "status": N_("status"),
    "since": N_("sinds"),
    "happened_on": N_("datum"),
    "contact_on": N_("datum contact"),
    "minutes": N_("minuten"),
    "intervention": N_("interventie"),
    "start_on": N_("startdatum"),
    "due_on": N_("einddatum"),
    "migration_generation": N_("migratieachtergrond"),
    "origin_continent": N_("herkomst"),
    "language_speaking": N_("taalniveau spreken"),
    "language_listening": N_("taalniveau luisteren"),
    "language_reading": N_("taalniveau lezen"),
    "language_writing": N_("taalniveau schrijven"),
    "inburgering_route": N_("inburgeringsroute"),
    "pip_date": N_("datum PIP"),
    "retention_years": N_("bewaartermijn"),
    "client": N_("klant"),
    "contact": N_("contact"),
    "barrier": N_("obstakel"),
    "action": N_("actie"),
    "ladder_step": N_("meting"),
    "initials": N_("voorletters"),
    "first_name": N_("voornaam"),
    "surname_prefix": N_("tussenvoegsel"),
    "surname": N_("achternaam"),
    "klantmanager": N_("klantmanager"),
    "team": N_("team"),
    "planned_on": N_("datum afspraak"),
    "planned_time": N_("tijd afspraak"),
    "appointment": N_("afspraak"),
    "planned_measurement_on": N_("volgende meting"),
    "contact_every_days": N_("contactfrequentie"),
    "followup": N_("nacontrole"),
    "still_working": N_("werkt de klant nog"),
    "answered_on": N_("datum antwoord"),
    "phone": N_("telefoonnummer"),
    "email": N_("e-mailadres"),
}


def field_label(field: str) -> str:
    """The translated label of a field."""
    return _(FIELD_LABELS.get(field, field))


class CaseloadError(UserError):
    """A refused change; ``field`` says which form field to point at (or '' for none)."""

    def __init__(self, message: str, field: str = "") -> None:
        super().__init__(message)
        self.field = field


class MissingValue(CaseloadError):
    """A required field is empty."""

    def __init__(self, field: str) -> None:
        super().__init__(_("Vul %(field)s in.") % {"field": field_label(field)}, field)


class InvalidValue(CaseloadError):
    """A value is not allowed; the message says which and why."""

    def __init__(self, field: str, reason: str) -> None:
        super().__init__(
            _("%(field)s klopt niet: %(reason)s")
            % {"field": field_label(field).capitalize(), "reason": reason},
            field,
        )


class InvalidBsn(CaseloadError):
    """A BSN that fails the 11-proef (or is given while BSN is switched off)."""

    def __init__(self, reason: str) -> None:
        super().__init__(_("Het BSN klopt niet: %(reason)s") % {"reason": reason}, "bsn")


class DuplicateReference(CaseloadError):
    """Another client already has this klantnummer."""

    def __init__(self, reference: str) -> None:
        super().__init__(
            _("Er is al een klant met klantnummer %(reference)s.") % {"reference": reference},
            "reference",
        )


class DateInFuture(CaseloadError):
    """A date that cannot lie after today."""

    def __init__(self, field: str) -> None:
        super().__init__(
            _("%(field)s: die datum ligt in de toekomst. Kies vandaag of een eerdere dag.")
            % {"field": field_label(field).capitalize()},
            field,
        )


class NotFound(CaseloadError):
    """The client (or contact, barrier, action) does not exist (any more)."""

    def __init__(self, what: str, ident: int | str) -> None:
        super().__init__(
            _("%(what)s %(id)s bestaat niet (meer).")
            % {"what": field_label(what).capitalize(), "id": ident},
            what,
        )
