"""The frozen program of ``make dist`` does a user's first steps without Python installed.

Run by ``make smoke`` (and ``.ci/run``) after ``make dist``; ``make test`` leaves it out (marker
``frozen``). The program is run as IT would run it: from its folder, with a clean environment
that has no Python path, on a fresh settings folder.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from pypdf import PdfReader

pytestmark = pytest.mark.frozen

ROOT = Path(__file__).resolve().parents[2]
PROGRAM = Path(
    os.environ.get("TREDE_FROZEN")
    or ROOT / "dist" / "trede" / ("trede.exe" if sys.platform == "win32" else "trede")
)


def _clean_env(tmp_path: Path) -> dict[str, str]:
    """The caller's environment without Python's or Trede's own variables, Qt offscreen."""
    env = {
        key: value
        for key, value in os.environ.items()
        # No locale either, as under a service or a bare login: the program copes.
        if not key.startswith(("PYTHON", "VIRTUAL_ENV", "TREDE_", "LANG", "LC_"))
    }
    env.update(
        QT_QPA_PLATFORM="offscreen",
        TREDE_CONFIG_DIR=str(tmp_path / "config"),
        PYTHON_KEYRING_BACKEND="keyring.backends.fail.Keyring",
    )
    return env


@pytest.fixture
def run(tmp_path: Path) -> Callable[..., subprocess.CompletedProcess[str]]:
    """Run the frozen ``trede`` from a fresh folder; return the finished process."""
    if not PROGRAM.exists():
        pytest.fail(f"{PROGRAM} does not exist: run `make dist` first")

    def trede(
        *arguments: str, timeout: float = 120, env: dict[str, str] | None = None
    ) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [str(PROGRAM), *arguments],
            cwd=tmp_path,
            env={**_clean_env(tmp_path), **(env or {})},
            capture_output=True,
            text=True,
            encoding="utf-8",
            timeout=timeout,
            check=False,
        )

    return trede


def test_help_in_both_languages(run) -> None:
    dutch = run("--help")
    assert dutch.returncode == 0, dutch.stderr
    assert "gebruik: trede" in dutch.stdout and "opdrachten" in dutch.stdout
    english = run("--lang", "en", "--help")
    assert english.returncode == 0, english.stderr
    assert "usage: trede" in english.stdout, "the English catalog is in the folder"


def test_check_on_a_new_file(run, tmp_path: Path) -> None:
    checked = run("check", "--db", str(tmp_path / "new.db"))
    assert checked.returncode == 0, checked.stderr
    assert checked.stdout.splitlines()[-1] == "ok"


def test_an_encrypted_database_opens_with_its_passphrase_only(run, tmp_path: Path) -> None:
    """sqlcipher3 travels with the program: the file is unreadable without the passphrase."""
    path = tmp_path / "secret.db"
    passphrase = {"TREDE_PASSPHRASE": "lang-genoeg-wachtwoord-42"}
    made = run("demo", "--db", str(path), "--clients", "20", env=passphrase)
    assert made.returncode == 0, made.stderr
    assert not path.read_bytes().startswith(b"SQLite format 3")
    refused = run("check", "--db", str(path))
    assert refused.returncode == 1 and "Traceback" not in refused.stderr
    opened = run("check", "--db", str(path), env=passphrase)
    assert opened.returncode == 0, opened.stderr


def test_demo_report_and_window(run, tmp_path: Path) -> None:
    database = tmp_path / "demo.db"
    made = run("demo", "--db", str(database), "--clients", "500", "--seed", "3")
    assert made.returncode == 0, made.stderr
    assert "500" in made.stdout

    pdf = tmp_path / "inclusie.pdf"
    report = run(
        "report", "inclusion", "--db", str(database), "--from", "2025-01-01",
        "--to", "2025-12-31", "--out", str(pdf),
    )  # fmt: skip
    assert report.returncode == 0, report.stderr
    pages = PdfReader(pdf).pages
    assert len(pages) >= 3
    text = " ".join(page.extract_text() for page in pages)
    assert "Participatieladder" in text or "participatieladder" in text

    window = run("--db", str(database), "--close-after-start", timeout=180)
    assert window.returncode == 0, window.stderr
    assert "Traceback" not in window.stderr
    assert "locale" not in window.stderr, "no complaint about a missing UTF-8 locale"
    assert (tmp_path / "config").is_dir(), "the window wrote its settings folder"


def test_the_folder_holds_what_trede_needs_without_python() -> None:
    """Fonts, catalogs, Qt's own translations, the questionnaire, SQLCipher and PDFium."""
    inside = PROGRAM.parent / "_internal"
    expected = [
        "resources/fonts/DejaVuSans.ttf",
        "resources/fonts/LICENSE-DejaVu.txt",
        "resources/locale/nl/LC_MESSAGES/trede.mo",
        "resources/locale/en/LC_MESSAGES/trede.mo",
        "PySide6/Qt/translations/qtbase_nl.qm",
        "quickscan/data/quickscan-diversiteit.json",
    ]
    missing = [name for name in expected if not (inside / name).is_file()]
    assert missing == []
    assert list(inside.glob("sqlcipher3/_sqlite3*")), "SQLCipher's library"
    assert list(inside.glob("pypdfium2_raw/*pdfium*")), "PDFium, for the report preview"
    assert not list(inside.rglob("*.po")), "catalog sources stay out of the program"
    assert not (inside / "pytest").exists() and not (inside / "PyInstaller").exists()
