"""Settings survive restarts, and a damaged settings file is kept aside, never thrown away."""

from __future__ import annotations

from pathlib import Path

from app import settings


def test_settings_round_trip(tmp_path: Path) -> None:
    path = tmp_path / "sub" / "settings.json"
    chosen = settings.Settings(municipality="Súdwest-Fryslân", user_name="Zoë", language="en")
    settings.save(path, chosen)
    assert settings.load(path) == chosen


def test_missing_file_gives_safe_defaults(tmp_path: Path) -> None:
    loaded = settings.load(tmp_path / "none.json")
    assert loaded.bsn_enabled is False
    assert loaded.origin_enabled is False
    assert loaded.min_group_size == 10
    assert loaded.contact_threshold_days == 14
    assert not loaded.is_complete


def test_damaged_file_is_moved_aside(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.write_text("{ half geschreven")
    assert settings.load(path) == settings.Settings()
    assert (tmp_path / "settings.broken.json").read_text() == "{ half geschreven"


def test_wrong_types_and_unknown_keys_are_ignored(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.write_text(
        '{"municipality": "Leiden", "min_group_size": "vijf", "language": "fr", "x": 1}'
    )
    loaded = settings.load(path)
    assert loaded.municipality == "Leiden"
    assert loaded.min_group_size == 10
    assert loaded.language == "nl"
