"""The Qt binding itself: a known PySide6 fault would crash Trede at exit, so it is kept out."""

from __future__ import annotations

import sys

import pytest
from PySide6.QtCore import QObject, Signal


class _Emitter(QObject):
    flag = Signal(bool)


@pytest.mark.skipif(
    sys.version_info >= (3, 12),
    reason="True is immortal from Python 3.12 on: the fault cannot crash Trede, nor can this fail",
)
def test_emitting_a_bool_signal_keeps_true_alive() -> None:
    # PySide6 6.12.0 drops a reference to True on each emit; Python 3.11 then aborts the
    # program when True's count reaches zero (pyproject.toml pins the binding below it).
    emitter = _Emitter()
    received: list[bool] = []
    emitter.flag.connect(received.append)
    before = sys.getrefcount(True)
    for _ in range(200):
        emitter.flag.emit(True)
    received.clear()
    assert sys.getrefcount(True) >= before
