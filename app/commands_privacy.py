"""The client's rights and retention: ``trede erase client``, ``trede export client``,
``trede retention``, and the anonymous team bundles (``trede bundle export|report``).

Exit codes: 0 when done, 1 with one sentence on stderr for an unknown klantnummer, a refused
confirmation or bad input.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from sqlite_utils import Database

from app import cli, commands_basic, commands_report, paths
from app import settings as settings_module
from caseload import access, bundle, clients, erasure, inclusion, model, people
from resources import i18n
from resources.errors import UserError
from resources.i18n import _, ngettext
from ui.reports import combine

if TYPE_CHECKING:
    SubParsers = argparse._SubParsersAction[argparse.ArgumentParser]


class NotConfirmed(UserError):
    """The user did not confirm an erasure."""


def kinds(subparsers: SubParsers, name: str, help_text: str) -> SubParsers:
    """The sub-commands of ``name`` (``export``, …), made here or found when another module did."""
    existing = subparsers.choices.get(name)
    if existing is not None:
        for action in existing._actions:
            if isinstance(action, argparse._SubParsersAction):
                found: SubParsers = action
                return found
    parser = subparsers.add_parser(name, help=help_text, description=help_text)
    return parser.add_subparsers(title=_("soorten"), metavar=_("SOORT"), required=True)


def register(subparsers: SubParsers, common: argparse.ArgumentParser) -> None:
    """Add ``erase client``, ``export client`` and ``retention``."""
    erase = kinds(subparsers, "erase", _("wis gegevens voorgoed"))
    client = erase.add_parser(
        "client",
        parents=[common],
        help=_("wis één klant en alles wat over die klant is opgeslagen"),
        description=_(
            "Wis één klant: de klantgegevens, de ladder, obstakels, contacten, acties en de "
            "zoekindex. Dit kan niet ongedaan worden gemaakt. In het logboek komt alleen dat er "
            "een klant is gewist, niet wie."
        ),
    )
    client.add_argument("reference", type=cli.name_text, metavar=_("KLANTNUMMER"))
    client.add_argument(
        "--yes", action="store_true", help=_("niet vragen om het klantnummer over te typen")
    )
    client.set_defaults(handler=erase_client)

    export = kinds(subparsers, "export", _("schrijf gegevens naar een bestand"))
    data = export.add_parser(
        "client",
        parents=[common],
        help=_("alles wat over één klant is opgeslagen (inzageverzoek)"),
        description=_(
            "Schrijf alles wat over één klant is opgeslagen naar een map: een leesbare PDF en een "
            "JSON-bestand met elke regel uit de database. Dit komt in het logboek."
        ),
    )
    data.add_argument("reference", type=cli.name_text, metavar=_("KLANTNUMMER"))
    data.add_argument(
        "--out", type=Path, required=True, metavar=_("MAP"), help=_("de map voor de bestanden")
    )
    data.add_argument(
        "--today", metavar=_("DATUM"), help=_("de datum van vandaag (JJJJ-MM-DD), voor tests")
    )
    data.set_defaults(handler=export_client, makes_folders=True)

    retention = subparsers.add_parser(
        "retention",
        parents=[common],
        help=_("afgesloten dossiers die langer dan de bewaartermijn zijn bewaard"),
        description=_(
            "Toon de afgesloten dossiers waarvan de bewaartermijn voorbij is (uit de "
            "instellingen, standaard 10 jaar na het afsluiten). Met --erase worden ze gewist."
        ),
    )
    retention.add_argument(
        "--years",
        type=cli.whole_number(1, 100),
        metavar=_("JAREN"),
        help=_("bewaartermijn in jaren (1 tot en met 100)"),
    )
    retention.add_argument(
        "--today", metavar=_("DATUM"), help=_("de datum van vandaag (JJJJ-MM-DD), voor tests")
    )
    retention.add_argument(
        "--erase", action="store_true", help=_("wis al deze dossiers (vraagt om bevestiging)")
    )
    retention.add_argument("--yes", action="store_true", help=_("niet om bevestiging vragen"))
    retention.set_defaults(handler=retention_list)
    register_bundles(subparsers, common)


def register_bundles(subparsers: SubParsers, common: argparse.ArgumentParser) -> None:
    """Add ``bundle export`` and ``bundle report``."""
    group = subparsers.add_parser(
        "bundle",
        help=_("anonieme teambundels: maken en samenvoegen tot een inclusierapport"),
        description=_(
            "Een bundel bevat alleen tellingen en de quickscans van het team, zonder namen, "
            "klantnummers, geboortedata of BSN. Een manager voegt bundels samen tot één "
            "inclusierapport."
        ),
    )
    commands = group.add_subparsers(title=_("opdrachten"), metavar=_("OPDRACHT"), required=True)
    period = argparse.ArgumentParser(add_help=False)
    period.add_argument(
        "--from", dest="start", required=True, metavar=_("DATUM"), help=_("eerste dag")
    )
    period.add_argument(
        "--to", dest="end", required=True, metavar=_("DATUM"), help=_("laatste dag")
    )
    period.add_argument(
        "--today", metavar=_("DATUM"), help=_("de datum van vandaag (JJJJ-MM-DD), voor tests")
    )
    export = commands.add_parser(
        "export",
        parents=[common, period],
        help=_("maak een anonieme bundel van de eigen caseload"),
        description=_("Maak een anonieme bundel over een periode. Dit komt in het logboek."),
    )
    export.add_argument(
        "--out", type=Path, required=True, metavar=_("BESTAND.json"), help=_("het bundelbestand")
    )
    export.add_argument("--team", type=cli.name_text, metavar=_("TEAM"), help=_("alleen dit team"))
    export.set_defaults(handler=bundle_export)
    report = commands.add_parser(
        "report",
        parents=[period],
        help=_("maak het inclusierapport van het team uit bundels"),
        description=_(
            "Voeg bundels over dezelfde periode samen en maak het inclusierapport. Kleine "
            "groepen worden verborgen na het samenvoegen."
        ),
    )
    report.add_argument(
        "bundles", nargs="+", type=Path, metavar=_("BUNDEL.json"), help=_("de bundels")
    )
    report.add_argument(
        "--out", type=Path, required=True, metavar=_("BESTAND.pdf"), help=_("het PDF-bestand")
    )
    report.set_defaults(handler=bundle_report, uses_database=False)


def _settings() -> settings_module.Settings:
    try:
        return settings_module.load(paths.resolve(None).settings)
    except settings_module.SettingsError:
        return settings_module.Settings()


def _client(db: Database, reference: str) -> model.Client:
    client = clients.find(db, reference)
    if client is None:
        # Imported here: it loads reportlab, which every other command would pay for at start.
        from caseload import client_report

        raise client_report.UnknownReference(reference.strip())
    return client


def _confirm(question: str, expected: str) -> None:
    """Ask the user to type ``expected``; NotConfirmed when they type something else."""
    print(question, end=" ", flush=True)
    try:
        answer = sys.stdin.readline().strip()
    except (OSError, ValueError):
        answer = ""
    if answer.casefold() != expected.casefold():
        raise NotConfirmed(_("Niet bevestigd: er is niets gewist."))


def erase_client(options: argparse.Namespace) -> int:
    """Erase one client after the klantnummer is typed again (or ``--yes``)."""
    settings = _settings()
    db = commands_report._open(options)
    try:
        client = _client(db, options.reference)
        if not options.yes:
            _confirm(
                _(
                    "Klant %(reference)s wordt voorgoed gewist. Dit kan niet ongedaan worden "
                    "gemaakt. Typ het klantnummer om te bevestigen:"
                )
                % {"reference": client.reference},
                client.reference,
            )
        erasure.erase(db, client.id, actor=commands_basic.actor(settings))
    finally:
        db.close()
    print(_("Klant %(reference)s is gewist.") % {"reference": client.reference})
    return 0


def export_client(options: argparse.Namespace) -> int:
    """Write the PDF and JSON of everything about one client; print both paths."""
    settings = _settings()
    today = commands_report.parse_date(options.today, _("De datum van vandaag"))
    db = commands_report._open(options)
    try:
        client = _client(db, options.reference)
        files = access.export_client(
            db,
            client.id,
            options.out,
            municipality=settings.municipality,
            actor=commands_basic.actor(settings),
            today=today,
        )
    finally:
        db.close()
    print(files.pdf)
    print(files.json)
    return 0


def retention_list(options: argparse.Namespace) -> int:
    """List the files past retention; with ``--erase``, erase them after confirmation."""
    settings = _settings()
    years = settings.retention_years if options.years is None else options.years
    today = commands_report.parse_date(options.today, _("De datum van vandaag")) or dt.date.today()
    db = commands_report._open(options)
    try:
        found = erasure.past_retention(db, years, today)
        print(
            ngettext(
                "%(n)d afgesloten dossier is langer dan %(years)d jaar bewaard.",
                "%(n)d afgesloten dossiers zijn langer dan %(years)d jaar bewaard.",
                len(found),
            )
            % {"n": len(found), "years": years}
        )
        for item in found:
            print(
                _("%(reference)s  afgesloten op %(closed)s  (bewaren tot %(until)s)")
                % {
                    "reference": item.reference,
                    "closed": i18n.date_text(item.closed_on),
                    "until": i18n.date_text(item.keep_until),
                }
            )
        if not options.erase or not found:
            return 0
        if not options.yes:
            word = _("wissen")
            _confirm(
                ngettext(
                    "%(n)d dossier wordt voorgoed gewist. Typ “%(word)s” om te bevestigen:",
                    "%(n)d dossiers worden voorgoed gewist. Typ “%(word)s” om te bevestigen:",
                    len(found),
                )
                % {"n": len(found), "word": word},
                word,
            )
        erased = erasure.erase_many(
            db, [item.id for item in found], actor=commands_basic.actor(settings)
        ).value
    finally:
        db.close()
    print(ngettext("%(n)d dossier gewist.", "%(n)d dossiers gewist.", erased) % {"n": erased})
    return 0


def _period(options: argparse.Namespace) -> tuple[dt.date, dt.date, dt.date | None]:
    start, end, today = commands_report._dates(options)
    assert start is not None and end is not None  # both are required arguments
    return start, end, today


def bundle_export(options: argparse.Namespace) -> int:
    """Write the anonymous bundle of a period (optionally one team); print its path."""
    start, end, today = _period(options)
    settings = _settings()
    team = options.team.strip() if options.team and options.team.strip() else None
    db = commands_report._open(options)
    try:
        if team is not None:
            team = people.known_name(people.teams(db), team, what="team")
        data = combine.make_bundle(
            db,
            inclusion.Period(start, end, team),
            base=settings.min_group_size,
            contact_threshold_days=settings.contact_threshold_days,
            origin_enabled=settings.origin_enabled,
            made_on=today,
            actor=commands_basic.actor(settings),
        )
    finally:
        db.close()
    bundle.write(options.out, data)
    print(options.out)
    return 0


def bundle_report(options: argparse.Namespace) -> int:
    """Merge bundles of one period into the team inclusion report; print its path."""
    start, end, today = _period(options)
    settings = _settings()
    bundles = [bundle.read(path) for path in options.bundles]
    combine.write_bundle_report(
        bundles,
        options.out,
        start=start,
        end=end,
        municipality=settings.municipality,
        min_group_size=settings.min_group_size,
        today=today,
    )
    print(options.out)
    return 0
