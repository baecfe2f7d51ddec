"""The audit log in words: what a code such as ``report.quickscan.save`` or an object such as
``client:12/contact:5`` means, in the active language, for the Logboek in the window."""

from __future__ import annotations

import datetime as dt
import re

from resources import i18n
from resources.i18n import N_, _

#: Every action Trede writes to the log, as a short sentence without a subject.
ACTIONS = {
    "client.add": N_("Klant toegevoegd"),
    "client.update": N_("Klantgegevens gewijzigd"),
    "client.close": N_("Dossier afgesloten"),
    "client.reopen": N_("Dossier heropend"),
    "client.delete": N_("Klant gewist"),
    "client.view": N_("Klant bekeken"),
    "client.access_export": N_("Gegevens van een klant opgevraagd"),
    "client.reassign": N_("Klant overgedragen aan een andere klantmanager of een ander team"),
    "client.transfer_export": N_("Klant in een overdrachtsbestand gezet"),
    "client.transfer_import": N_("Klant ingelezen uit een overdrachtsbestand"),
    "clients.export": N_("Klantenlijst opgeslagen"),
    "clients.import": N_("Klanten ingelezen"),
    "clients.import.rejected_saved": N_("Afgewezen regels van een import opgeslagen"),
    "ladder.record": N_("Trede vastgelegd"),
    "ladder.delete": N_("Trede verwijderd"),
    "ladder.correct": N_("Meting gecorrigeerd"),
    "barrier.correct": N_("Obstakel gecorrigeerd"),
    "barrier.delete": N_("Obstakel verwijderd"),
    "contact.correct": N_("Contact gecorrigeerd"),
    "action.correct": N_("Actie gecorrigeerd"),
    "action.delete": N_("Actie verwijderd"),
    "barrier.add": N_("Obstakel toegevoegd"),
    "barrier.update": N_("Obstakel gewijzigd"),
    "contact.add": N_("Contact vastgelegd"),
    "contact.delete": N_("Contact verwijderd"),
    "action.add": N_("Actie toegevoegd"),
    "action.update": N_("Actie gewijzigd"),
    "appointment.plan": N_("Afspraak gepland"),
    "appointment.status": N_("Afspraak bijgewerkt (gehouden, gemist of afgezegd)"),
    "appointment.move": N_("Afspraak verplaatst"),
    "plan.measurement": N_("Volgende meting gepland"),
    "plan.contact_frequency": N_("Contactfrequentie gewijzigd"),
    "followup.answer": N_("Antwoord op 'werkt de klant nog?' vastgelegd"),
    "quickscan.start": N_("Quickscan begonnen"),
    "quickscan.answer": N_("Antwoord in quickscan bewaard"),
    "quickscan.complete": N_("Quickscan afgerond"),
    "quickscan.submit": N_("Quickscan ingelezen"),
    "quickscan.delete": N_("Concept van quickscan verwijderd"),
    "quickscan.questionnaire": N_("Andere vragenlijst geladen"),
    "bundle.export": N_("Teambundel gemaakt"),
    "database.backup": N_("Back-up gemaakt"),
    "database.restore": N_("Back-up teruggezet"),
    "database.rekey": N_("Wachtwoord gewijzigd"),
    "database.encrypt": N_("Database versleuteld"),
    "audit.chain_cut": N_("Logboek bleek ingekort of vervangen"),
    "backup.wipe_plain": N_("Onversleutelde back-ups gewist"),
    "keyring.store": N_("Wachtwoord in de sleutelhanger bewaard"),
    "keyring.forget": N_("Wachtwoord uit de sleutelhanger gehaald"),
    "demo.fill": N_("Verzonnen gegevens gemaakt"),
}

#: Reports: ``report.<kind>`` when made, ``report.<kind>.<step>`` when saved, printed, opened.
REPORTS = {
    "inclusion": N_("Inclusierapport"),
    "client": N_("Voortgangsverslag"),
    "quickscan": N_("Adviesrapport"),
}
REPORT_STEPS = {
    "": N_("gemaakt"),
    "save": N_("opgeslagen"),
    "print": N_("afgedrukt"),
    "open": N_("geopend in de PDF-lezer"),
}

#: The kinds of object in the log, each with the words for one of them.
OBJECTS = {
    "client": N_("klant %(id)s"),
    "contact": N_("contact %(id)s"),
    "ladder_step": N_("meting %(id)s"),
    "barrier": N_("obstakel %(id)s"),
    "action": N_("actie %(id)s"),
    "appointment": N_("afspraak %(id)s"),
    "followup": N_("nacontrole %(id)s"),
    "quickscan": N_("quickscan %(id)s"),
    "quickscan_response": N_("quickscan %(id)s"),
    "quickscan_questionnaire": N_("vragenlijst %(id)s"),
    "bundle": N_("bundel %(id)s"),
}

#: The results Trede writes ("ok" unless something went wrong).
RESULTS = {"ok": N_("gelukt"), "failed": N_("mislukt")}

_PERIOD = re.compile(r"^team:(?P<team>.*):(?P<start>[0-9-]*)\.\.(?P<end>[0-9-]*)$")


def action(code: str) -> str:
    """What an action code means; an unknown code is shown as it is."""
    if code in ACTIONS:
        return _(ACTIONS[code])
    kind, _dot, step = code.removeprefix("report.").partition(".")
    if code.startswith("report.") and kind in REPORTS and step in REPORT_STEPS:
        return _("%(report)s %(done)s") % {
            "report": _(REPORTS[kind]),
            "done": _(REPORT_STEPS[step]),
        }
    return code


def _date(text: str) -> str:
    try:
        return i18n.date_text(dt.date.fromisoformat(text))
    except ValueError:
        return text


def _part(part: str) -> str:
    kind, _colon, ident = part.partition(":")
    if kind == "clients" and ident.isdigit():
        return i18n.ngettext("%(n)s klant", "%(n)s klanten", int(ident)) % {"n": ident}
    if kind == "backups" and ident.isdigit():
        return i18n.ngettext("%(n)s back-up", "%(n)s back-ups", int(ident)) % {"n": ident}
    if kind in OBJECTS and ident:
        return _(OBJECTS[kind]) % {"id": ident}
    return part


def object_words(obj: str) -> str:
    """What an audit object names (never a person: ids, counts, a team and a period)."""
    period = _PERIOD.match(obj)
    if period:
        team = period["team"]
        return _("%(team)s, %(start)s tot en met %(end)s") % {
            "team": _("alle teams") if team in ("", "*") else _("team %(team)s") % {"team": team},
            "start": _date(period["start"]),
            "end": _date(period["end"]),
        }
    return ", ".join(_part(part) for part in obj.split("/"))


def result(code: str) -> str:
    """Whether it worked, in words; an unknown result is shown as it is."""
    return _(RESULTS[code]) if code in RESULTS else code
