"""The accord.generation facade that the mock server, consumer DSL and verifier code against."""

from __future__ import annotations

import accord.generation


def test_all_is_sorted_and_importable() -> None:
    names = accord.generation.__all__
    assert names == sorted(names)
    assert all(hasattr(accord.generation, name) for name in names)
    assert {"generate_request", "generate_response", "generate_message", "generate_value"} <= set(
        names
    )
