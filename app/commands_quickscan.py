"""The quickscan commands: ``trede quickscan roles|template|submit|report``."""

from __future__ import annotations

import argparse


def register(subparsers: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:  # type: ignore[type-arg]
    """Add ``quickscan`` and its sub-commands (filled in by the quickscan work)."""
