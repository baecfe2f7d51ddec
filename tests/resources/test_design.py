"""The palette meets WCAG AA in light and dark mode, and every icon it names is shipped."""

from __future__ import annotations

import pytest

from resources import design, files


@pytest.mark.parametrize("mode", sorted(design.PALETTES))
@pytest.mark.parametrize(("pairs", "ratio"), [(design.TEXT_PAIRS, 4.5), (design.MARK_PAIRS, 3.0)])
def test_every_colour_pair_meets_wcag_aa(mode: str, pairs, ratio: float) -> None:
    palette = design.PALETTES[mode]
    too_low = {
        f"{fg} on {bg}": round(design.contrast(getattr(palette, fg), getattr(palette, bg)), 2)
        for fg, bg in pairs
        if design.contrast(getattr(palette, fg), getattr(palette, bg)) < ratio
    }
    assert too_low == {}


def test_every_text_and_chart_colour_is_checked_on_every_surface() -> None:
    """A colour added to the palette joins the pairs, or the contrast test would not see it."""
    checked = {fg for fg, _bg in design.TEXT_PAIRS + design.MARK_PAIRS}
    surfaces = {"window", "base", "alternate", "panel"}
    unchecked = set(design.colour_names()) - checked - surfaces - {"grid", "disabled"}
    assert unchecked == set()
    for fg in checked - {"on_accent", "accent"}:
        assert {bg for f, bg in design.TEXT_PAIRS + design.MARK_PAIRS if f == fg} == surfaces


@pytest.mark.parametrize(
    ("one", "other", "ratio"),
    [("#ffffff", "#000000", 21.0), ("#777777", "#ffffff", 4.48), ("#ffffff", "#ffffff", 1.0)],
)
def test_contrast_follows_the_wcag_formula(one: str, other: str, ratio: float) -> None:
    assert design.contrast(one, other) == pytest.approx(ratio, abs=0.01)


def test_a_low_contrast_pair_is_caught() -> None:
    assert design.contrast("#9a9a9a", "#ffffff") < design.TEXT_RATIO


def test_every_named_icon_is_bundled_with_its_licence() -> None:
    missing = [
        name for name in design.ICONS.values() if not (files.ICONS_DIR / f"{name}.svg").is_file()
    ]
    assert missing == []
    assert "MIT License" in (files.ICONS_DIR / "LICENSE.txt").read_text(encoding="utf-8")
