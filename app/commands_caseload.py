"""The caseload commands: ``trede demo``, and later import and export."""

from __future__ import annotations

import argparse

from app import cli, commands_basic, database
from caseload import demo
from resources.i18n import _, format_number, ngettext

#: More than a caseload of a large city: a demo is for trying Trede and for the benchmarks.
MAX_DEMO_CLIENTS = 1_000_000


def register(subparsers: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:  # type: ignore[type-arg]
    """Add ``demo``."""
    parser = subparsers.add_parser(
        "demo",
        parents=[common],
        help=_("vul een nieuwe database met verzonnen klanten"),
        description=_(
            "Vul een nieuwe database met een verzonnen caseload: klanten, metingen op de "
            "ladder, obstakels, contacten en acties. Met hetzelfde startgetal komen dezelfde "
            "gegevens. Er komt nooit een BSN in."
        ),
    )
    parser.add_argument(
        "--clients",
        type=cli.whole_number(-cli.LARGEST_INTEGER, MAX_DEMO_CLIENTS),
        required=True,
        metavar=_("AANTAL"),
        help=_("het aantal klanten"),
    )
    parser.add_argument(
        "--seed",
        type=cli.whole_number(-cli.LARGEST_INTEGER, cli.LARGEST_INTEGER),
        default=1,
        metavar=_("GETAL"),
        help=_("startgetal (standaard 1)"),
    )
    parser.add_argument(
        "--years",
        type=cli.whole_number(1, demo.MAX_YEARS),
        default=None,
        metavar=_("JAREN"),
        help=_(
            "spreid de dossiers over zoveel jaren bewaartermijn; de meeste zijn dan gesloten "
            "(standaard: de laatste drie jaar, weinig gesloten)"
        ),
    )
    parser.set_defaults(handler=fill_demo)


def fill_demo(options: argparse.Namespace) -> int:
    """Fill the database with synthetic clients and print one line about what was made."""
    if options.clients < 0:
        raise demo.DemoRefused(_("Het aantal klanten kan niet negatief zijn."))
    path = commands_basic.database_path(options)
    db = database.open_database(path)
    try:
        made = demo.fill(
            db, options.clients, seed=options.seed, years=getattr(options, "years", None)
        ).value
    finally:
        db.close()
    line = ngettext(
        "%(clients)s klant gemaakt met %(steps)s metingen, %(barriers)s obstakels, "
        "%(contacts)s contacten en %(actions)s acties in %(path)s.",
        "%(clients)s klanten gemaakt met %(steps)s metingen, %(barriers)s obstakels, "
        "%(contacts)s contacten en %(actions)s acties in %(path)s.",
        made.clients,
    )
    counts = {
        "clients": made.clients,
        "steps": made.ladder_steps,
        "barriers": made.barriers,
        "contacts": made.contacts,
        "actions": made.actions,
    }
    print(line % ({key: format_number(value) for key, value in counts.items()} | {"path": path}))
    return 0
