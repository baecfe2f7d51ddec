"""The report commands: ``trede report inclusion`` and ``trede report client``."""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path

from sqlite_utils import Database

from app import cli, commands_basic, database, paths
from app import settings as settings_module
from caseload import people
from resources.errors import UserError
from resources.i18n import _
from ui.reports import making


class BadDate(UserError):
    """A date on the command line is not an ISO date."""


def register(subparsers: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:  # type: ignore[type-arg]
    """Add ``report`` with ``inclusion`` and ``client``."""
    report = subparsers.add_parser(
        "report",
        help=_("maak een rapport als PDF: inclusierapport of voortgangsverslag"),
        description=_(
            "Maak een rapport als PDF. Het inclusierapport telt de caseload van een periode "
            "zonder personen; het voortgangsverslag gaat over één klant."
        ),
    )
    commands = report.add_subparsers(
        title=_("opdrachten"), metavar=_("OPDRACHT"), dest="report_command", required=True
    )
    out = argparse.ArgumentParser(add_help=False)
    out.add_argument(
        "--out", type=Path, required=True, metavar=_("BESTAND.pdf"), help=_("het PDF-bestand")
    )
    out.add_argument(
        "--today",
        metavar=_("DATUM"),
        help=_("de datum van vandaag in het rapport (JJJJ-MM-DD), bijvoorbeeld voor tests"),
    )

    inclusion = commands.add_parser(
        "inclusion",
        parents=[common, out],
        help=_("inclusierapport over een periode, eventueel van één team"),
        description=_(
            "Maak het inclusierapport: kerncijfers, ladder, obstakels, contact en acties over "
            "een periode. Groepen kleiner dan het minimum uit de instellingen zijn verborgen, "
            "de andere aantallen afgerond. Eindigt --out op .json of .xlsx, dan komen de cijfers "
            "als gegevens in dat bestand, op dezelfde manier beschermd."
        ),
    )
    inclusion.add_argument(
        "--from", dest="start", required=True, metavar=_("DATUM"), help=_("eerste dag")
    )
    inclusion.add_argument(
        "--to", dest="end", required=True, metavar=_("DATUM"), help=_("laatste dag")
    )
    inclusion.add_argument(
        "--team", type=cli.name_text, metavar=_("TEAM"), help=_("alleen dit team")
    )
    inclusion.set_defaults(handler=write_inclusion)

    client = commands.add_parser(
        "client",
        parents=[common, out],
        help=_("voortgangsverslag van één klant"),
        description=_(
            "Maak het voortgangsverslag van één klant. Zonder --from en --to gaat het over de "
            "hele begeleiding."
        ),
    )
    client.add_argument("reference", type=cli.name_text, metavar=_("KLANTNUMMER"))
    client.add_argument("--from", dest="start", metavar=_("DATUM"), help=_("eerste dag"))
    client.add_argument("--to", dest="end", metavar=_("DATUM"), help=_("laatste dag"))
    client.set_defaults(handler=write_client)


#: The dates a command line takes: anything outside is a typing error (and year 1 or 9999 would
#: overflow the date arithmetic of periods and retention).
EARLIEST_DATE = dt.date(1900, 1, 1)
LATEST_DATE = dt.date(2999, 12, 31)


def parse_date(text: str | None, what: str) -> dt.date | None:
    """An ISO date from the command line; BadDate with one sentence otherwise."""
    if text is None:
        return None
    try:
        value = dt.date.fromisoformat(text.strip())
    except ValueError:
        raise BadDate(
            _(
                "%(what)s '%(text)s' is geen datum. Schrijf die als JJJJ-MM-DD, bijvoorbeeld 2026-01-31."
            )
            % {"what": what, "text": text}
        ) from None
    # Periods, retention and ages are counted from it: a date far from now means a typing error.
    if not EARLIEST_DATE <= value <= LATEST_DATE:
        raise BadDate(
            _("%(what)s '%(text)s' ligt niet tussen %(first)s en %(last)s.")
            % {"what": what, "text": text, "first": EARLIEST_DATE, "last": LATEST_DATE}
        )
    return value


class MissingDatabase(UserError):
    """A report is asked of a database that does not exist."""


def _open(options: argparse.Namespace) -> Database:
    """The database to report on; a report never creates an empty one."""
    path = commands_basic.database_path(options)
    if not path.exists():
        raise MissingDatabase(_("De database %(path)s bestaat niet.") % {"path": path})
    return database.open_database(path)


def _settings() -> settings_module.Settings:
    return settings_module.load(paths.resolve(None).settings)


def _dates(options: argparse.Namespace) -> tuple[dt.date | None, dt.date | None, dt.date | None]:
    start = parse_date(options.start, _("De startdatum"))
    end = parse_date(options.end, _("De einddatum"))
    today = parse_date(options.today, _("De datum van vandaag"))
    if start is not None and end is not None and start > end:
        raise BadDate(
            _("De startdatum %(start)s ligt na de einddatum %(end)s.")
            % {"start": start.isoformat(), "end": end.isoformat()}
        )
    return start, end, today


def report_settings(settings: settings_module.Settings) -> making.Settings:
    """What a report needs from the settings file."""
    return making.Settings(
        municipality=settings.municipality,
        min_group_size=settings.min_group_size,
        contact_threshold_days=settings.contact_threshold_days,
        origin_enabled=settings.origin_enabled,
    )


def write_inclusion(options: argparse.Namespace) -> int:
    """Write the inclusion report and print its path."""
    start, end, today = _dates(options)
    assert start is not None and end is not None  # both are required arguments
    settings = _settings()
    db = _open(options)
    try:
        team = (
            people.known_name(people.teams(db), options.team, what="team") if options.team else None
        )
        request = making.Request(making.Kind.INCLUSION, start=start, end=end, team=team)
        making.make(
            db,
            request,
            options.out,
            report_settings(settings),
            actor=commands_basic.actor(settings),
            origin="cli",
            today=today,
        )
    finally:
        db.close()
    print(options.out)
    return 0


def write_client(options: argparse.Namespace) -> int:
    """Write one client's progress report and print its path."""
    start, end, today = _dates(options)
    settings = _settings()
    db = _open(options)
    try:
        request = making.Request(
            making.Kind.CLIENT, start=start, end=end, reference=options.reference
        )
        making.make(
            db,
            request,
            options.out,
            report_settings(settings),
            actor=commands_basic.actor(settings),
            origin="cli",
            today=today,
        )
    finally:
        db.close()
    print(options.out)
    return 0
