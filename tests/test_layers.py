"""The layers hold: the domain and resources never import Qt, ui or app; ui never imports app."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FORBIDDEN = {
    # The two domains are independent: what combines them is in ui/reports/combine.py.
    "quickscan": {"PySide6", "shiboken6", "ui", "app", "caseload"},
    "caseload": {"PySide6", "shiboken6", "ui", "app", "quickscan"},
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


#: Modules of ui that the command line and the benchmark use too: they must not load Qt.
QT_FREE = ("ui/reports/__init__.py", "ui/reports/making.py", "ui/reports/combine.py")


@pytest.mark.parametrize("name", QT_FREE)
def test_the_report_entry_point_is_qt_free(name: str) -> None:
    imported = imported_top_level_names(ROOT / name)
    assert not imported & {"PySide6", "shiboken6", "app"}
    # Within ui it imports only these Qt-free modules.
    tree = ast.parse((ROOT / name).read_text(encoding="utf-8"))
    ui_modules = {
        node.module
        for node in ast.walk(tree)
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("ui")
    }
    assert ui_modules <= {"ui.reports"}


def test_the_checker_fails_when_caseload_imports_quickscan(tmp_path: Path) -> None:
    sample = tmp_path / "inclusion.py"
    sample.write_text("from quickscan import store as quickscan_store\n")
    assert imported_top_level_names(sample) & FORBIDDEN["caseload"] == {"quickscan"}


def test_no_caller_writes_a_report_log_line_itself() -> None:
    """Only the report entry point names the report actions of the audit log."""
    writers = [
        str(path.relative_to(ROOT))
        for package in ("app", "ui", "bench", "caseload", "quickscan")
        for path in sorted((ROOT / package).rglob("*.py"))
        if '"report.' in path.read_text(encoding="utf-8")
    ]
    assert writers == ["ui/reports/making.py"]


def test_only_the_change_path_broadcasts() -> None:
    """Views hear of a change from ChangeBus.perform, never from a widget that names it."""
    callers = [
        str(path.relative_to(ROOT))
        for package in ("app", "ui")
        for path in sorted((ROOT / package).rglob("*.py"))
        if "announce(" in path.read_text(encoding="utf-8")
    ]
    assert callers == ["ui/changes.py"]
