"""The layers hold: the domain and resources never import Qt, ui or app; ui never imports app."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FORBIDDEN = {
    "quickscan": {"PySide6", "shiboken6", "ui", "app"},
    "caseload": {"PySide6", "shiboken6", "ui", "app"},
    "resources": {"PySide6", "shiboken6", "ui", "app", "quickscan", "caseload"},
    "ui": {"app"},
}


def imported_top_level_names(path: Path) -> set[str]:
    """Every top-level package a Python file imports, also inside functions."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(node.module.split(".")[0])
    return names


@pytest.mark.parametrize("package", sorted(FORBIDDEN))
def test_package_does_not_import_a_higher_layer(package: str) -> None:
    offenders = []
    for path in sorted((ROOT / package).rglob("*.py")):
        bad = imported_top_level_names(path) & FORBIDDEN[package]
        if bad:
            offenders.append(f"{path.relative_to(ROOT)} imports {sorted(bad)}")
    assert offenders == []


def test_the_checker_sees_imports_inside_functions(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text("def f():\n    from PySide6 import QtCore\n    import ui.main_window\n")
    assert imported_top_level_names(sample) == {"PySide6", "ui"}


def test_ui_runs_no_sql_itself() -> None:
    offenders = [
        str(path.relative_to(ROOT))
        for path in sorted((ROOT / "ui").rglob("*.py"))
        if any(
            word in path.read_text(encoding="utf-8") for word in (".execute(", ".query(", "sqlite3")
        )
    ]
    assert offenders == []
