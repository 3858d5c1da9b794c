"""Spec version parsing and ordering."""

from __future__ import annotations

import pytest

from accord.errors import UnsupportedSpecVersion
from accord.model import SpecVersion


@pytest.mark.parametrize(
    ("text", "version"),
    [
        ("v1", SpecVersion.V1),
        ("1.0.0", SpecVersion.V1),
        ("v1.1", SpecVersion.V1_1),
        ("1.1.0", SpecVersion.V1_1),
        ("2.0.0", SpecVersion.V2),
        ("V3", SpecVersion.V3),
        ("3.0.0", SpecVersion.V3),
        ("4.0", SpecVersion.V4),
        ("v4", SpecVersion.V4),
    ],
)
def test_parses_every_spelling(text: str, version: SpecVersion) -> None:
    assert SpecVersion.parse(text) is version


@pytest.mark.parametrize("text", ["v5", "latest", "", "x.y"])
def test_unknown_versions_name_the_choices(text: str) -> None:
    with pytest.raises(UnsupportedSpecVersion, match=r"'v1', 'v1\.1', 'v2', 'v3' or 'v4'"):
        SpecVersion.parse(text)


def test_versions_are_ordered() -> None:
    assert SpecVersion.V1 < SpecVersion.V1_1 < SpecVersion.V2 < SpecVersion.V3 < SpecVersion.V4
    assert [v.metadata_version for v in SpecVersion] == ["1.0.0", "1.1.0", "2.0.0", "3.0.0", "4.0"]
