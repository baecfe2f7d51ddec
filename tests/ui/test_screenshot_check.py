"""The screenshot script's check for cut-off text finds what it is there to find: a wrapped
label without the height it needs, and a button narrower than its text. (It once skipped every
label, because PySide6 gives a label without a picture a null pixmap, not None.)"""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

import pytest
from PySide6.QtWidgets import QLabel, QPushButton, QWidget

SCRIPT = Path(__file__).resolve().parents[2] / "docs" / "make_screenshots.py"


@pytest.fixture(scope="module")
def script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("make_screenshots", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_a_wrapped_label_without_its_height_is_reported(qtbot, script: ModuleType) -> None:
    window = QWidget()
    qtbot.addWidget(window)
    label = QLabel("Dit kan niet ongedaan worden gemaakt. " * 6, window)
    label.setWordWrap(True)
    label.setGeometry(0, 0, 200, label.fontMetrics().height())
    window.resize(200, 200)
    window.show()
    qtbot.waitExposed(window)
    assert any("Dit kan niet" in problem for problem in script.clipped_texts(window))
    label.setGeometry(0, 0, 200, label.heightForWidth(200))
    assert list(script.clipped_texts(window)) == []


def test_a_button_narrower_than_its_text_is_reported(qtbot, script: ModuleType) -> None:
    window = QWidget()
    qtbot.addWidget(window)
    button = QPushButton("Afgewezen regels opslaan…", window)
    button.setGeometry(0, 0, 40, button.sizeHint().height())
    window.resize(300, 100)
    window.show()
    qtbot.waitExposed(window)
    assert any("Afgewezen" in problem for problem in script.clipped_texts(window))
