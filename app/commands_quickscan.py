"""The quickscan commands: ``trede quickscan roles|template|submit|list|report``."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from pathlib import Path

from app import cli, commands_basic, commands_report, database, paths
from app import settings as settings_module
from quickscan import answers_file, loader, store
from quickscan import questionnaire as model
from resources import i18n
from resources.i18n import _, ngettext
from ui.reports import making

#: A scan's number: SQLite stores no larger whole number.
SCAN_ID = cli.whole_number(1, cli.LARGEST_INTEGER)


def register(subparsers: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:  # type: ignore[type-arg]
    """Add ``quickscan`` and its sub-commands."""
    quickscan = subparsers.add_parser(
        "quickscan",
        help=_("de quickscan diversiteit: rollen, antwoordsjabloon, scans opslaan"),
        description=_(
            "De quickscan diversiteit vanaf de opdrachtregel. Vraag een sjabloon op, vul de "
            "antwoorden in en sla de scan op."
        ),
    )
    commands = quickscan.add_subparsers(
        title=_("opdrachten"), metavar=_("OPDRACHT"), dest="quickscan_command", required=True
    )
    source = argparse.ArgumentParser(add_help=False)
    source.add_argument(
        "--questionnaire",
        type=Path,
        metavar=_("BESTAND"),
        help=_("een andere vragenlijst (JSON) dan die van Trede zelf"),
    )

    roles = commands.add_parser(
        "roles",
        parents=[common, source],
        help=_("toon de rollen"),
        description=_("Toon de rollen waarin u de quickscan kunt invullen, met hun aantal vragen."),
    )
    roles.set_defaults(handler=list_roles, uses_database=False)

    template = commands.add_parser(
        "template",
        parents=[common, source],
        help=_("maak een antwoordsjabloon (JSON)"),
        description=_(
            "Maak een antwoordsjabloon voor één rol. Vervang elke value null door een waarde op "
            "de schaal, of laat null staan voor 'weet niet'."
        ),
    )
    template.add_argument("--role", required=True, metavar=_("ROL"), help=_("de rol, zie roles"))
    template.add_argument(
        "--respondent", type=cli.name_text, metavar=_("NAAM"), help=_("naam van de invuller")
    )
    template.add_argument("--team", type=cli.name_text, metavar=_("TEAM"), help=_("het team"))
    template.add_argument(
        "--out", type=Path, metavar=_("BESTAND"), help=_("schrijf naar dit bestand")
    )
    template.set_defaults(handler=print_template, uses_database=False)

    submit = commands.add_parser(
        "submit",
        parents=[common, source],
        help=_("sla een ingevulde scan op en toon het nummer"),
        description=_(
            "Controleer een ingevuld antwoordbestand helemaal en sla het op als afgeronde scan. "
            "Bij een fout wordt niets opgeslagen."
        ),
    )
    submit.add_argument("answers", type=Path, metavar=_("ANTWOORDEN.json"))
    submit.set_defaults(handler=submit_answers)

    listing = commands.add_parser(
        "list",
        parents=[common],
        help=_("toon de opgeslagen scans"),
        description=_("Toon de opgeslagen scans, de nieuwste eerst."),
    )
    listing.add_argument(
        "--team", type=cli.name_text, metavar=_("TEAM"), help=_("alleen scans van dit team")
    )
    listing.add_argument(
        "--status", choices=store.STATUSES, help=_("alleen concepten (draft) of afgeronde scans")
    )
    listing.set_defaults(handler=list_scans)

    advice = commands.add_parser(
        "report",
        parents=[common],
        help=_("maak het adviesrapport (PDF) van een afgeronde scan"),
        description=_(
            "Maak het adviesrapport (PDF) van een afgeronde scan, in de taal van de scan. "
            "Vergelijk desgewenst met een eerdere scan en met de andere rollen van het team."
        ),
    )
    advice.add_argument("id", type=SCAN_ID, metavar=_("NUMMER"), help=_("het nummer van de scan"))
    advice.add_argument(
        "--out", type=Path, required=True, metavar=_("BESTAND.pdf"), help=_("het PDF-bestand")
    )
    advice.add_argument(
        "--compare",
        type=SCAN_ID,
        metavar=_("NUMMER"),
        help=_("vergelijk per thema met deze eerdere scan"),
    )
    advice.add_argument(
        "--roles",
        action="store_true",
        help=_("zet de nieuwste scans van de andere rollen in hetzelfde team ernaast"),
    )
    advice.set_defaults(handler=write_report)


def _questionnaire(options: argparse.Namespace) -> model.Questionnaire:
    """The questionnaire of this run: the file given with ``--questionnaire``, else Trede's own."""
    given = getattr(options, "questionnaire", None)
    return loader.load(given) if given is not None else loader.load_bundled()


def list_roles(options: argparse.Namespace) -> int:
    """Print each role's id, its label and its number of questions."""
    questionnaire = _questionnaire(options)
    language = i18n.current_language()
    width = max(len(role.id) for role in questionnaire.roles)
    for role in questionnaire.roles:
        count = len(questionnaire.questions_for(role.id))
        questions = ngettext("%(n)d vraag", "%(n)d vragen", count) % {"n": count}
        print(f"{role.id:<{width}}  {role.label.get(language)} ({questions})")
    return 0


def print_template(options: argparse.Namespace) -> int:
    """Print (or write) the answers template of one role as JSON."""
    questionnaire = _questionnaire(options)
    language = i18n.current_language()
    if language not in questionnaire.languages:
        language = questionnaire.languages[0]
    data = answers_file.template(
        questionnaire, options.role, language, options.respondent, options.team
    )
    text = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    if options.out is not None:
        options.out.write_text(text, encoding="utf-8")
    else:
        try:
            sys.stdout.write(text)
        except UnicodeEncodeError:
            # A console that cannot show é or ë still gets valid JSON, with \u escapes.
            sys.stdout.write(json.dumps(data, ensure_ascii=True, indent=2) + "\n")
    return 0


def submit_answers(options: argparse.Namespace) -> int:
    """Check an answers file completely, then store it as one complete scan and print its id."""
    questionnaire = _questionnaire(options)
    # Everything is checked before the database is even opened: bad input changes nothing.
    submission = answers_file.read(options.answers, questionnaire)
    db = database.open_database(commands_basic.database_path(options))
    try:
        response = store.submit(
            db,
            questionnaire,
            submission.role,
            submission.respondent,
            submission.team,
            submission.answers,
            actor=commands_basic.actor(),
            language=submission.language,
            origin="cli",
        ).value
    finally:
        db.close()
    print(response.id)
    return 0


def _date(stamp: str | None) -> str:
    if not stamp:
        return ""
    return i18n.date_text(dt.datetime.fromisoformat(stamp).date(), short=True)


def list_scans(options: argparse.Namespace) -> int:
    """Print the stored scans, newest first."""
    db = database.open_database(commands_basic.database_path(options))
    try:
        responses = store.list_responses(db, team=options.team, status=options.status)
    finally:
        db.close()
    if not responses:
        print(_("Er zijn nog geen scans."))
        return 0
    status_names = {store.DRAFT: _("concept"), store.COMPLETE: _("afgerond")}
    header = (_("nr"), _("status"), _("rol"), _("team"), _("invuller"), _("datum"))
    rows = [
        (
            str(r.id),
            status_names.get(r.status, r.status),
            r.role,
            r.team or "",
            r.respondent or _("anoniem"),
            _date(r.completed_at or r.started_at),
        )
        for r in responses
    ]
    widths = [max(len(row[i]) for row in [header, *rows]) for i in range(len(header))]
    for row in [header, *rows]:
        print(
            "  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip()
        )
    return 0


def _settings() -> settings_module.Settings:
    """The settings file; the defaults (no municipality: the report says so) if unreadable."""
    try:
        return settings_module.load(paths.resolve(None).settings)
    except settings_module.SettingsError:
        return settings_module.Settings()


def write_report(options: argparse.Namespace) -> int:
    """Write the advice report of one scan as a PDF and print where it is."""
    db_path = commands_basic.database_path(options)
    if not db_path.is_file():
        # Opening would create an empty database; a report never should.
        print(_("De database %(path)s bestaat niet.") % {"path": db_path}, file=sys.stderr)
        return 1
    settings = _settings()
    db = database.open_database(db_path)
    try:
        request = making.Request(
            making.Kind.ADVICE,
            response_id=options.id,
            compare_with=options.compare,
            include_roles=options.roles,
            facts_of_scan_team=True,
        )
        making.make(
            db,
            request,
            options.out,
            commands_report.report_settings(settings),
            actor=commands_basic.actor(settings),
            origin="cli",
        )
        written_in = store.get_response(db, options.id).language
    finally:
        db.close()
    print(options.out.resolve())
    if written_in != i18n.current_language():
        # Not silently another language than asked for (stdout stays the path alone).
        print(
            _("Het rapport is geschreven in de taal waarin de scan is ingevuld: %(language)s.")
            % {"language": i18n.language_name(written_in)},
            file=sys.stderr,
        )
    return 0
