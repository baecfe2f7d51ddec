"""uv.lock was made from the pyproject.toml beside it: every declared dependency, dependency
group, constraint and the Python version appear in the lock exactly as declared.

`make run`/`make test` install with `uv sync --frozen`, which installs the lock as it is and
never compares it with pyproject.toml: a dependency added to pyproject.toml without `make lock`
would be missing on a fresh machine while an old .venv still has it. This is the comparison uv
itself makes for `uv lock --check`, without a network."""

from __future__ import annotations

import tomllib
from pathlib import Path

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parents[1]


def _declared(requirements: list[str]) -> set[tuple[str, str]]:
    """(normalised name, specifier) of each requirement string."""
    parsed = (Requirement(text) for text in requirements)
    return {(canonicalize_name(req.name), str(req.specifier)) for req in parsed}


def _locked(entries: list[dict[str, str]]) -> set[tuple[str, str]]:
    """(name, specifier) of each requirement as uv wrote it into the lock."""
    return {(canonicalize_name(entry["name"]), entry.get("specifier", "")) for entry in entries}


def _normalised(specifiers: set[tuple[str, str]]) -> set[tuple[str, str]]:
    """The same requirements with their specifiers in one order (uv sorts them)."""
    return {(name, ",".join(sorted(spec.split(",")))) for name, spec in specifiers}


def test_the_lock_holds_what_pyproject_declares() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    lock = tomllib.loads((ROOT / "uv.lock").read_text(encoding="utf-8"))
    own = next(pkg for pkg in lock["package"] if pkg["name"] == project["project"]["name"])
    metadata = own["metadata"]

    assert lock["requires-python"] == project["project"]["requires-python"]
    assert _normalised(_locked(metadata["requires-dist"])) == _normalised(
        _declared(project["project"]["dependencies"])
    ), "pyproject.toml's dependencies differ from uv.lock: run `make lock`"
    groups = project.get("dependency-groups", {})
    locked_groups = metadata.get("requires-dev", {})
    assert set(locked_groups) == set(groups), "a dependency group is missing: run `make lock`"
    for name, requirements in groups.items():
        assert _normalised(_locked(locked_groups[name])) == _normalised(_declared(requirements)), (
            f"group {name!r} differs from uv.lock: run `make lock`"
        )
    constraints = project.get("tool", {}).get("uv", {}).get("constraint-dependencies", [])
    assert _normalised(_locked(lock.get("manifest", {}).get("constraints", []))) == _normalised(
        _declared(constraints)
    ), "[tool.uv] constraint-dependencies differ from uv.lock: run `make lock`"
