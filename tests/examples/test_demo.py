"""`make demo` tells the whole story and shows the yes, the failure naming consumer and field, and the no."""

from __future__ import annotations

import os
import subprocess

import pytest

from tests.support import REPO


@pytest.mark.slow
def test_make_demo_runs_the_whole_story() -> None:
    env = {**os.environ, "DEMO_EXIT": "1"}
    env.pop("PYTEST_XDIST_WORKER", None)
    result = subprocess.run(
        ["make", "demo"], cwd=REPO, env=env, capture_output=True, text=True, timeout=300
    )
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    yes_at = output.index("Computer says yes")
    failure_at = output.index("OrderService expects $.body.userId (missing)")
    no_at = output.index("Computer says no")
    assert yes_at < failure_at < no_at
    assert "accord broker serve" in output
    assert "The broker is running at http://127.0.0.1:" in output
