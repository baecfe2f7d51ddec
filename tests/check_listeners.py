"""Make each change listener a no-op in turn and run its tests: every one must make one fail.

Run by hand after adding a listener (``python -m tests.check_listeners``); it restores each file.
"""

from __future__ import annotations

import ast
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
#: (file, class, method) of every slot connected to ``ChangeBus.changed`` or a job's end.
LISTENERS = (
    ("ui/caseload/page.py", "CaseloadPage", "_changed"),
    ("ui/client/view.py", "ClientView", "_changed"),
    ("ui/quickscan/start.py", "StartView", "_changed"),
    ("ui/quickscan/history.py", "HistoryView", "_changed"),
    ("ui/quickscan/compare.py", "CompareScansView", "_changed"),
    ("ui/quickscan/compare.py", "CompareRolesView", "_changed"),
    ("ui/reports/page.py", "ReportsPage", "_data_changed"),
    ("ui/shell/main_window.py", "MainWindow", "_changed"),
    ("ui/worklist/page.py", "WorklistPage", "_changed"),
    ("ui/changes.py", "ChangeBus", "_job_finished"),
    # Not on the change broadcast but on the undo list: it names and enables Ongedaan maken.
    ("ui/shell/main_window.py", "MainWindow", "_update_undo_actions"),
)
TESTS = (
    "tests/ui/shell/test_listeners.py",
    "tests/ui/caseload/test_import_dialog.py",
    "tests/ui/shell/test_undo.py",
)


def silenced(source: str, cls: str, method: str) -> str:
    """The source with ``return`` as the first statement of ``cls.method``."""
    tree = ast.parse(source)
    node = next(
        item
        for klass in tree.body
        if isinstance(klass, ast.ClassDef) and klass.name == cls
        for item in klass.body
        if isinstance(item, ast.FunctionDef) and item.name == method
    )
    first = node.body[0]
    if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
        first = node.body[1]  # after the docstring
    lines = source.splitlines(keepends=True)
    lines.insert(first.lineno - 1, " " * first.col_offset + "return\n")
    return "".join(lines)


def main() -> int:
    """Silence each listener, run the tests, restore; exit 1 when one changed nothing."""
    survivors = []
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    for name, cls, method in LISTENERS:
        path = ROOT / name
        source = path.read_text(encoding="utf-8")
        path.write_text(silenced(source, cls, method), encoding="utf-8")
        try:
            run = subprocess.run(
                [sys.executable, "-m", "pytest", "-q", "-x", "-p", "no:cacheprovider", *TESTS],
                cwd=ROOT,
                env=env,
                capture_output=True,
                text=True,
                check=False,
            )
        finally:
            path.write_text(source, encoding="utf-8")
        caught = run.returncode != 0
        print(f"{cls}.{method}: {'caught' if caught else 'NOT CAUGHT'}")
        if not caught:
            survivors.append(f"{cls}.{method}")
    return 1 if survivors else 0


if __name__ == "__main__":
    raise SystemExit(main())
