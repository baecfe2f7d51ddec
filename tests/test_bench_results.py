"""A benchmark run of one group (``make bench`` with ``--only``) keeps the other groups' rows."""

from __future__ import annotations

import json
from pathlib import Path

from bench import run


def test_a_run_of_one_group_keeps_the_rows_of_the_others(tmp_path: Path) -> None:
    path = tmp_path / "results-500k.json"
    earlier = [
        {"date": "2026-12-01", "what": "search as you type", "ratio": 1.2},
        {"date": "2026-12-01", "what": "demo build", "ratio": None},
    ]
    path.write_text(json.dumps({"rows": earlier}), encoding="utf-8")
    new = [{"date": "2026-12-05", "what": "demo build", "ratio": None}]
    assert run._with_earlier_rows(path, new) == [earlier[0], new[0]]
    assert run._with_earlier_rows(tmp_path / "none.json", new) == new
