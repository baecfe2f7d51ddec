"""One application-wide signal that says what changed, so each view refreshes only its part."""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QObject, Signal


@dataclass(frozen=True)
class Change:
    """What a domain call changed: a kind ('client', 'contact', 'quickscan', …) and ids."""

    kind: str
    ids: tuple[int, ...] = field(default_factory=tuple)


class ChangeBus(QObject):
    """Views connect to ``changed``; whoever changes data through a domain call emits it."""

    changed = Signal(object)

    def announce(self, kind: str, *ids: int) -> None:
        """Tell every view that data of this kind changed."""
        self.changed.emit(Change(kind, tuple(ids)))
