"""What every benchmark shares: paths, the environment of a run, timing and statistics."""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "bench" / "data"
RESULTS = ROOT / "bench" / "results.json"
#: The console script of the same virtual environment as the Python running the benchmarks.
TREDE = Path(sys.executable).parent / "trede"
PYTHON = sys.executable
#: The frozen program of ``make dist``.
FROZEN = ROOT / "dist" / "trede" / ("trede.exe" if sys.platform == "win32" else "trede")


def median(values: list[float]) -> float:
    """The median."""
    return statistics.median(values)


def p95(values: list[float]) -> float:
    """The 95th percentile by nearest rank (with few samples: the highest but one or two)."""
    ordered = sorted(values)
    rank = max(1, -(-95 * len(ordered) // 100))  # ceil(0.95 n)
    return ordered[rank - 1]


def settings_folder() -> Path:
    """A config folder with complete settings, so the window opens on the caseload, not the
    welcome page; window.ini starts empty (the default size) in every run."""
    folder = Path(tempfile.mkdtemp(prefix="trede-bench-config-"))
    settings = {"municipality": "Benchgemeente", "user_name": "Bench", "language": "nl"}
    (folder / "settings.json").write_text(json.dumps(settings), encoding="utf-8")
    return folder


def environment(config: Path) -> dict[str, str]:
    """The environment of every subprocess: offscreen Qt, the bench settings, no TREDE_DB."""
    env = dict(os.environ)
    env.pop("TREDE_DB", None)
    env["QT_QPA_PLATFORM"] = "offscreen"
    env["TREDE_CONFIG_DIR"] = str(config)
    env["PYTHONPATH"] = str(ROOT)  # python -m bench.… from any folder
    # An installed Trede runs from cached bytecode; without it every start compiles the app's
    # modules again (about 0.1 s here), which no user pays.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    # Qt's offscreen plugin warns about missing fonts on a bare machine; keep the table clean.
    env.setdefault("QT_LOGGING_RULES", "qt.qpa.*=false")
    return env


@dataclass
class Timed:
    """Wall time of one subprocess and what it printed."""

    seconds: float
    stdout: str


def run_timed(command: list[str], env: dict[str, str]) -> Timed:
    """Run a command to its end; its wall time includes interpreter start and exit."""
    start = time.perf_counter()
    done = subprocess.run(command, env=env, cwd=ROOT, capture_output=True, text=True)
    seconds = time.perf_counter() - start
    if done.returncode != 0:
        raise RuntimeError(
            f"{' '.join(command)} failed ({done.returncode}):\n{done.stderr[-2000:]}"
        )
    return Timed(seconds, done.stdout)


def last_json(stdout: str) -> dict[str, Any]:
    """The JSON object on the last line a probe printed."""
    return json.loads(stdout.strip().splitlines()[-1])


def command_exists(words: list[str], env: dict[str, str]) -> bool:
    """Whether ``trede WORDS --help`` is known (the command has landed)."""
    done = subprocess.run(
        [str(TREDE), *words, "--help"], env=env, cwd=ROOT, capture_output=True, text=True
    )
    return done.returncode == 0


@dataclass
class Row:
    """One line of the table, with the raw figures for results.json."""

    what: str
    app: str
    floor: str
    ratio: str
    target: str
    ok: bool | None  # None: not measured
    figures: dict[str, Any] = field(default_factory=dict)

    @classmethod
    def missing(cls, what: str, target: str, why: str) -> Row:
        """A row for something that cannot be measured yet."""
        return cls(what, why, "—", "—", target, None, {"available": False, "why": why})


def ms(seconds: float) -> str:
    """'12.3 ms'."""
    return f"{seconds * 1000:.1f} ms"


def secs(seconds: float) -> str:
    """'1.23 s'."""
    return f"{seconds:.2f} s"


def table(rows: list[Row]) -> str:
    """The one table of the run, as Markdown (it reads well in a terminal and in the README)."""
    header = ("what", "app", "floor", "ratio", "target", "ok?")
    lines = [
        (
            row.what,
            row.app,
            row.floor,
            row.ratio,
            row.target,
            "—" if row.ok is None else ("yes" if row.ok else "NO"),
        )
        for row in rows
    ]
    widths = [max(len(cells[i]) for cells in (header, *lines)) for i in range(len(header))]

    def line(cells: tuple[str, ...]) -> str:
        return "| " + " | ".join(c.ljust(w) for c, w in zip(cells, widths, strict=True)) + " |"

    rule = "|" + "|".join("-" * (w + 2) for w in widths) + "|"
    return "\n".join([line(header), rule, *(line(cells) for cells in lines)])
