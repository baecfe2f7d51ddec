"""The report commands: ``trede report inclusion`` and ``trede report client``."""

from __future__ import annotations

import argparse


def register(subparsers: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:  # type: ignore[type-arg]
    """Add ``report`` and its sub-commands (filled in by the reports work)."""
