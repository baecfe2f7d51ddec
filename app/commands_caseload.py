"""The caseload commands: ``trede demo``, and later import and export."""

from __future__ import annotations

import argparse


def register(subparsers: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:  # type: ignore[type-arg]
    """Add ``demo`` (filled in by the caseload work)."""
