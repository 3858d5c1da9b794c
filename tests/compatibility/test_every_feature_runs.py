"""Every feature file of the compatibility suite has its test module, so none is silently left out."""

from __future__ import annotations

from pathlib import Path

from tests.support import FEATURES

HERE = Path(__file__).parent


def test_every_feature_file_has_a_test_module() -> None:
    features = sorted(FEATURES.glob("V*/*.feature"))
    assert len(features) == 20
    expected = {f"test_{path.parent.name.lower()}_{path.stem}.py" for path in features}
    present = {path.name for path in HERE.glob("test_v*_*.py")}
    assert sorted(expected - present) == []
