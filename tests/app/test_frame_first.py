"""Opening the window: its frame is on screen before the data layer is even loaded."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from app import database
from resources import design

#: Runs ``trede --db PATH --close-after-start`` in a fresh interpreter and notes, the moment the
#: frame has been painted, which of the heavy modules were loaded and what the frame shows.
PROBE = """
import json, sys
from ui.shell import frame
from app import main

seen = {}
real_show = frame.show_frame

def show(*args):
    real_show(*args)
    window = frame._frame[0]
    navigation = window.centralWidget().findChild(frame.QListWidget)
    seen["visible"] = window.isVisible()
    seen["navigation"] = [navigation.item(i).text() for i in range(navigation.count())]
    seen["loaded"] = sorted(
        name
        for name in ("sqlite_utils", "sqlcipher3", "ui.caseload.page", "ui.worklist.page", "babel.dates")
        if name in sys.modules
    )
    seen["window_colour"] = window.palette().color(window.palette().ColorRole.Window).name()

frame.show_frame = show
seen["code"] = main.main(["--db", sys.argv[1], "--close-after-start"])
seen["frame_left"] = len(frame._frame)
print(json.dumps(seen))
"""


def _start(tmp_path: Path, window_ini: str = "") -> dict[str, object]:
    """Start Trede on a plain database with the PROBE; what it saw."""
    config = tmp_path / "config"
    config.mkdir(exist_ok=True)
    (config / "settings.json").write_text(
        json.dumps({"municipality": "Leiden", "user_name": "Zoë", "language": "nl"}),
        encoding="utf-8",
    )
    if window_ini:
        (config / "window.ini").write_text(window_ini, encoding="utf-8")
    if not (tmp_path / "trede.db").exists():
        database.open_database(tmp_path / "trede.db").close()  # plain: no passphrase to ask
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", TREDE_CONFIG_DIR=str(config))
    env.pop("TREDE_DB", None)
    env.pop("TREDE_PASSPHRASE", None)
    done = subprocess.run(
        [sys.executable, "-c", PROBE, str(tmp_path / "trede.db")],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    seen: dict[str, object] = json.loads(done.stdout.strip().splitlines()[-1])
    return seen


def test_frame_is_painted_before_the_data_layer_loads(tmp_path: Path) -> None:
    seen = _start(tmp_path)
    assert seen["visible"], "the frame is on screen"
    assert seen["loaded"] == [], "nothing of the data layer or the pages is loaded yet"
    assert seen["navigation"] == [
        "Vandaag",
        "Caseload",
        "Quickscan",
        "Rapporten",
        "Instellingen",
        "Overzicht",
    ]
    assert seen["code"] == 0, "the window then opened and closed as asked"
    assert seen["frame_left"] == 0, "the main window took the frame's place"


def test_the_frame_is_drawn_in_the_colours_the_window_had_when_it_closed(tmp_path: Path) -> None:
    """The window remembers its colour scheme on closing (window.ini); the next start's frame
    is drawn in it at once, dark after dark, so the window taking its place does not flash."""
    first = _start(tmp_path)
    assert first["window_colour"] == design.PALETTES["light"].window, "offscreen Qt: light"
    state = (tmp_path / "config" / "window.ini").read_text(encoding="utf-8")
    assert "colour_scheme=light" in state, "the window noted its scheme when it closed"
    dark = _start(tmp_path, state.replace("colour_scheme=light", "colour_scheme=dark"))
    assert dark["window_colour"] == design.PALETTES["dark"].window
