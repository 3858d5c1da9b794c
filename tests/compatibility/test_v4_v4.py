"""Compatibility suite: V4/v4.feature (general V4 features: mixed interaction kinds in one pact)."""

from __future__ import annotations

import pytest
from pytest_bdd import scenarios

from accord.model import SpecVersion
from tests.compatibility.consumer_steps import *  # noqa: F403 (pytest-bdd finds steps as fixtures)
from tests.support import FEATURES

pytestmark = pytest.mark.compatibility


@pytest.fixture
def spec_version() -> SpecVersion:
    return SpecVersion.V4


scenarios(str(FEATURES / "V4/v4.feature"))
