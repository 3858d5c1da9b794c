"""Compatibility suite: V3/matching_rules.feature."""

from __future__ import annotations

import pytest
from pytest_bdd import scenarios

from tests.compatibility.matching_steps import *  # noqa: F403 (pytest-bdd finds steps as fixtures)
from tests.support import FEATURES

pytestmark = pytest.mark.compatibility

scenarios(str(FEATURES / "V3/matching_rules.feature"))
