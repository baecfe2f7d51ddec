"""Reports and exports are written whole and readable by the user only, or not at all."""

from __future__ import annotations

from pathlib import Path

import pytest

from resources import files


def test_a_written_file_replaces_the_target_and_only_the_user_can_read_it(tmp_path: Path):
    target = tmp_path / "rapport.pdf"
    target.write_text("oud")
    with files.private_file(target) as temporary:
        temporary.write_text("nieuw")
    assert target.read_text() == "nieuw"
    assert target.stat().st_mode & 0o777 == 0o600
    assert [p.name for p in tmp_path.iterdir()] == ["rapport.pdf"]


def test_a_failure_leaves_the_old_file_and_no_half_one(tmp_path: Path) -> None:
    target = tmp_path / "rapport.pdf"
    target.write_text("oud")
    with pytest.raises(OSError), files.private_file(target) as temporary:
        temporary.write_text("half")
        raise OSError("schijf vol")
    assert target.read_text() == "oud"
    assert [p.name for p in tmp_path.iterdir()] == ["rapport.pdf"]
