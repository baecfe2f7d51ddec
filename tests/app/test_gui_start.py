"""Starting the window: the demo opens on a fresh synthetic caseload and leaves the user's files alone."""

from __future__ import annotations

from pathlib import Path

from app import gui, paths, settings
from caseload import caseload_query


def test_demo_context_is_filled_and_separate(tmp_path: Path) -> None:
    user = paths.resolve(tmp_path / "mine.db")
    context = gui.build_context(tmp_path / "mine.db", demo_mode=True)
    try:
        assert context.demo
        assert context.paths.database != user.database
        assert not (tmp_path / "mine.db").exists(), "the user's database is not touched"
        counts = caseload_query.counts(context.db, caseload_query.CaseloadFilter())
        assert counts.total == gui.DEMO_CLIENTS
        assert context.settings.is_complete, "the demo opens without the welcome questions"
        assert not user.settings.exists(), "the user's settings file is not written"
    finally:
        context.close()


def test_demo_keeps_the_users_own_name(tmp_path: Path) -> None:
    user = paths.resolve(None)
    settings.save(user.settings, settings.Settings(municipality="Leiden", user_name="Zoë"))
    context = gui.build_context(None, demo_mode=True)
    try:
        assert (context.settings.municipality, context.settings.user_name) == ("Leiden", "Zoë")
    finally:
        context.close()
