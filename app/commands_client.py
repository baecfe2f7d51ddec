"""``trede client close`` and ``trede client reopen``: the same closing as in the window."""

from __future__ import annotations

import argparse

from sqlite_utils import Database

from app import cli, commands_basic, commands_report, database
from caseload import clients, closing, errors, vocab
from resources import i18n
from resources.i18n import _


def _codes(vocabulary: vocab.Vocabulary) -> str:
    return ", ".join(vocabulary.codes())


def register(subparsers: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:  # type: ignore[type-arg]
    """Add ``client close`` and ``client reopen``."""
    group = subparsers.add_parser(
        "client",
        parents=[common],
        help=_("sluit het dossier van een klant af of open het weer"),
        description=_("Sluit het dossier van een klant af, of open een afgesloten dossier weer."),
    )
    commands = group.add_subparsers(
        title=_("opdrachten"), metavar=_("OPDRACHT"), parser_class=type(group), required=True
    )
    close = commands.add_parser(
        "close",
        parents=[common],
        help=_("sluit het dossier af"),
        description=_(
            "Sluit het dossier af op een datum met een reden. Bij uitstroom naar werk zijn "
            "sector, uren, soort contract en startdatum nodig; zes maanden na de start volgt de "
            "vraag of de klant nog werkt."
        ),
    )
    close.add_argument("reference", type=cli.name_text, metavar=_("KLANTNUMMER"))
    close.add_argument("--on", required=True, metavar=_("DATUM"), help=_("datum van afsluiten"))
    close.add_argument(
        "--reason",
        required=True,
        metavar=_("REDEN"),
        help=_("reden: %(codes)s") % {"codes": _codes(vocab.CLOSING_REASONS)},
    )
    close.add_argument(
        "--close-open-items",
        action="store_true",
        help=_("open obstakels worden opgelost en open acties gestopt (anders blijven ze open)"),
    )
    close.add_argument(
        "--sector",
        metavar=_("SECTOR"),
        help=_("sector van de werkgever (SBI-sectie): %(codes)s")
        % {"codes": _codes(vocab.EMPLOYER_SECTORS)},
    )
    close.add_argument("--hours", metavar=_("UREN"), help=_("uren per week, bijvoorbeeld 32"))
    close.add_argument(
        "--contract",
        metavar=_("SOORT"),
        help=_("soort contract: %(codes)s") % {"codes": _codes(vocab.CONTRACT_TYPES)},
    )
    close.add_argument("--start", metavar=_("DATUM"), help=_("startdatum van het werk"))
    close.set_defaults(handler=close_client)

    reopen = commands.add_parser(
        "reopen",
        parents=[common],
        help=_("open een afgesloten dossier weer"),
        description=_("Open een afgesloten dossier weer. De afsluiting blijft in de geschiedenis."),
    )
    reopen.add_argument("reference", type=cli.name_text, metavar=_("KLANTNUMMER"))
    reopen.set_defaults(handler=reopen_client)


def _open(options: argparse.Namespace) -> Database:
    """The database to change; a command never creates an empty one."""
    path = commands_basic.database_path(options)
    if not path.exists():
        raise commands_report.MissingDatabase(
            _("De database %(path)s bestaat niet.") % {"path": path}
        )
    return database.open_database(path)


def _client_id(db: Database, reference: str) -> int:
    client = clients.find(db, reference)
    if client is None:
        raise errors.NotFound("client", reference)
    return client.id


def close_client(options: argparse.Namespace) -> int:
    """Close the file; print one line."""
    on = commands_report.parse_date(options.on, _("Datum van afsluiten"))
    start = commands_report.parse_date(options.start, _("Startdatum werk"))
    assert on is not None  # required
    outflow = None
    if options.reason == closing.WORK:
        outflow = closing.OutflowDetails(
            start_on=start,
            employer_sector=options.sector,
            hours_per_week=options.hours,
            contract_type=options.contract,
        )
    db = _open(options)
    try:
        closed = clients.close(
            db,
            _client_id(db, options.reference),
            on=on,
            reason=options.reason,
            actor=commands_basic.actor(),
            close_open_items=options.close_open_items,
            outflow=outflow,
        ).value
    finally:
        db.close()
    print(
        _("Dossier van %(reference)s afgesloten op %(date)s: %(reason)s.")
        % {
            "reference": closed.reference,
            "date": i18n.date_text(on),
            "reason": vocab.CLOSING_REASONS.label(closed.closing_reason),
        }
    )
    return 0


def reopen_client(options: argparse.Namespace) -> int:
    """Reopen the file; print one line."""
    db = _open(options)
    try:
        reopened = clients.reopen(
            db, _client_id(db, options.reference), actor=commands_basic.actor()
        ).value
    finally:
        db.close()
    print(_("Dossier van %(reference)s is weer open.") % {"reference": reopened.reference})
    return 0
