"""Opening the window loads no report or command code: start-up stays quick on an office laptop."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from app import cli


@pytest.mark.parametrize(
    ("arguments", "window_only"),
    [
        ([], True),
        (["--db", "x.db"], True),
        (["--db=x.db", "--lang", "en", "--demo"], True),
        (["--help"], False),
        (["check", "--db", "x.db"], False),
        (["--db", "x.db", "report", "--help"], False),
        (["--bogus"], False),
    ],
)
def test_only_window_options_skip_the_commands(arguments: list[str], window_only: bool) -> None:
    assert cli.opens_window_only(arguments) is window_only


def test_the_window_path_imports_no_pdf_code() -> None:
    code = (
        "import sys\n"
        "from app import cli, gui\n"
        "cli.build_parser(with_commands=not cli.opens_window_only(['--db', 'x.db']))\n"
        "print(sorted(m for m in ('reportlab', 'pypdf', 'pypdfium2', 'caseload.inclusion_report',"
        " 'quickscan.report', 'app.commands_report', 'ui.reports.page', 'ui.quickscan.page',"
        " 'stdnum', 'ssl', 'ui.client.view', 'ui.client.details_dialog', 'ui.caseload.import_dialog')"
        " if m in sys.modules))\n"
    )
    environment = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=environment, check=True
    )
    assert result.stdout.strip() == "[]"


def test_a_command_line_parser_loads_no_pdf_code() -> None:
    """`trede check`, `trede export` and the other commands that write no PDF do not pay for
    loading reportlab when the parser is built (it was about a third of `trede --help`)."""
    code = (
        "import sys\n"
        "from app import cli\n"
        "cli.build_parser(with_commands=True)\n"
        "print(sorted(m for m in ('reportlab', 'pypdf', 'pypdfium2', 'caseload.client_report',"
        " 'caseload.inclusion_report', 'quickscan.report') if m in sys.modules))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"


def test_the_first_page_is_read_and_painted_before_sqlite_utils_loads() -> None:
    # The window, Vandaag and the caseload read their first page through app.first_open;
    # sqlite-utils, the migrations, babel and OpenSSL load after the first paint.
    code = (
        "import sys\n"
        "from app import cli, gui\n"
        "from ui.caseload import page\n"
        "from ui.worklist import page\n"
        "print(sorted(m for m in ('sqlite_utils', 'app.database', 'caseload.schema',"
        " 'resources.audit_schema', 'babel', 'hashlib', 'click', 'dateutil')"
        " if m in sys.modules))\n"
    )
    environment = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=environment, check=True
    )
    assert result.stdout.strip() == "[]"
