"""The facades: every package's `__all__` is sorted, complete and importable."""

from __future__ import annotations

import importlib

import pytest

import accord

FACADES = [
    "accord",
    "accord.model",
    "accord.matching",
    "accord.generation",
    "accord.consumer",
    "accord.mock",
    "accord.verifier",
    "accord.broker_client",
]


@pytest.mark.parametrize("name", FACADES)
def test_all_is_sorted_and_every_name_resolves(name: str) -> None:
    module = importlib.import_module(name)
    exported = list(module.__all__)
    assert exported == sorted(exported, key=str.casefold) or exported == sorted(exported)
    assert len(set(exported)) == len(exported)
    for attribute in exported:
        assert getattr(module, attribute) is not None, f"{name}.{attribute}"


def test_the_classic_and_modern_dsls_import_from_the_top_level() -> None:
    from accord import (
        Consumer,
        EachLike,
        Like,
        MessageConsumer,
        Pact,
        Provider,
        Term,
        Verifier,
        match,
    )

    assert all((Consumer, EachLike, Like, MessageConsumer, Pact, Provider, Term, Verifier, match))
    assert set(dir(accord)) >= set(accord.__all__)


def test_importing_the_broker_does_not_load_the_toolkit() -> None:
    import subprocess
    import sys

    code = (
        "import sys, accord.broker.app; "
        "loaded = [m for m in ('accord.consumer', 'accord.matching', 'accord.verifier') if m in sys.modules]; "
        "print(','.join(loaded))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == ""
