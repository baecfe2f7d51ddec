"""The quickscan domain stays plain Python: no Qt, no ui, no app."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2] / "quickscan"
FORBIDDEN = ("PySide6", "ui", "app", "shiboken6")


@pytest.mark.parametrize("module", sorted(PACKAGE.glob("*.py")), ids=lambda p: p.name)
def test_the_domain_imports_no_qt_ui_or_app(module: Path) -> None:
    tree = ast.parse(module.read_text(encoding="utf-8"))
    imported: list[str] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            imported += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module:
            imported.append(node.module)
    for name in imported:
        assert name.split(".")[0] not in FORBIDDEN, f"{module.name} imports {name}"


def test_only_the_store_touches_sqlite_utils() -> None:
    users = sorted(
        p.name for p in PACKAGE.glob("*.py") if "sqlite_utils" in p.read_text(encoding="utf-8")
    )
    assert users == ["schema.py", "store.py"]
