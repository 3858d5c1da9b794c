"""Writing pact files: merge into an existing file, safely, while other processes do the same.

Many writers (pytest-xdist workers, parallel CI jobs on one disk) may write the same
`<consumer>-<provider>.json` at once. Each writer holds an exclusive lock on a sidecar
`.lock` file while it reads, merges and replaces the pact, and the replacement is atomic
(write a temporary file beside it, then `os.replace`), so nobody ever sees half a file and no
interaction is lost.

Merge rules, by identity (description + provider-state names):
- an interaction not in the file is added;
- one written by an earlier test run is replaced (the test changed);
- one written earlier in *this* run with different content is a PactMergeConflict: two tests
  disagree about the same interaction. A run is identified by `ACCORD_RUN_ID` (the pytest
  plugin shares one with its xdist workers), else by the process.

Interactions are written sorted by identity, so the file's content does not depend on which
worker finished first (a pact broker would otherwise see a "changed" pact every run).
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import threading
import uuid
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from accord.errors import InvalidPact, PactMergeConflict
from accord.model import AnyInteraction, Pact, SpecVersion, load_pact
from accord.model.codec import dumps_pact, write_interaction

try:  # POSIX
    import fcntl

    def _lock(handle: Any) -> None:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX)

    def _unlock(handle: Any) -> None:
        fcntl.flock(handle.fileno(), fcntl.LOCK_UN)

except ImportError:  # pragma: no cover - Windows
    import msvcrt

    def _lock(handle: Any) -> None:
        handle.seek(0)
        msvcrt.locking(handle.fileno(), msvcrt.LK_LOCK, 1)  # type: ignore[attr-defined]

    def _unlock(handle: Any) -> None:
        handle.seek(0)
        msvcrt.locking(handle.fileno(), msvcrt.LK_UNLCK, 1)  # type: ignore[attr-defined]


RUN_ID_VARIABLE = "ACCORD_RUN_ID"
_PROCESS_RUN_ID = uuid.uuid4().hex
# flock is per open file description: threads of one process must also queue behind each other.
_THREAD_LOCK = threading.Lock()


def pact_file_name(consumer: str, provider: str) -> str:
    return f"{consumer}-{provider}.json"


def current_run_id() -> str:
    return os.environ.get(RUN_ID_VARIABLE) or _PROCESS_RUN_ID


def interaction_key(interaction: AnyInteraction) -> str:
    """A stable V4 key: a hash of everything that defines the interaction except key and flags."""
    data = _comparable(interaction)
    text = json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def write_pact_file(
    pact: Pact,
    directory: str | os.PathLike[str],
    *,
    spec: SpecVersion | str | None = None,
    overwrite: bool = False,
) -> Path:
    """Merge `pact` into `<directory>/<consumer>-<provider>.json` (or replace it) and return the path."""
    version = SpecVersion.parse(spec) if spec is not None else pact.spec
    folder = Path(directory)
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / pact_file_name(pact.consumer, pact.provider)
    interactions = [_with_key(i) if version >= SpecVersion.V4 else i for i in pact.interactions]
    with _exclusive(target) as journal:
        existing: Sequence[AnyInteraction] = ()
        metadata = dict(pact.metadata)
        if not overwrite and target.exists() and target.read_bytes().strip():
            try:
                previous = load_pact(target)
            except InvalidPact as error:
                # Usually what a crashed or interrupted earlier writer left behind.
                error.add_note(
                    f"The new interactions are merged into the existing {target}, which is "
                    "broken; delete it (the consumer tests write it again) or write with "
                    "overwrite=True."
                )
                raise
            existing = previous.interactions
            metadata = {**previous.metadata, **metadata}
        run = current_run_id()
        written_this_run = set(journal.get("written", [])) if journal.get("run") == run else set()
        merged = merge_interactions(existing, interactions, written_this_run)
        journal.clear()
        journal["run"] = run
        journal["written"] = sorted(written_this_run | {_identity_text(i) for i in interactions})
        result = Pact(
            consumer=pact.consumer,
            provider=pact.provider,
            interactions=tuple(merged),
            metadata=metadata,
            spec=version,
        )
        _replace_atomically(target, dumps_pact(result, version))
    return target


def merge_interactions(
    existing: Sequence[AnyInteraction],
    new: Sequence[AnyInteraction],
    written_this_run: set[str] = frozenset(),  # type: ignore[assignment]
) -> list[AnyInteraction]:
    """Existing interactions with `new` ones added or replacing theirs; sorted by identity."""
    by_identity: dict[str, AnyInteraction] = {_identity_text(i): i for i in existing}
    seen_now: dict[str, AnyInteraction] = {}
    for interaction in new:
        identity = _identity_text(interaction)
        earlier = seen_now.get(identity)
        if earlier is None and identity in written_this_run:
            earlier = by_identity.get(identity)
        if earlier is not None and _comparable(earlier) != _comparable(interaction):
            raise PactMergeConflict(
                f"interaction {interaction.description!r} (states {list(interaction.state_names())}) "
                "was already written in this test run with different content; give one of the "
                "two a different description or provider state, or make them identical"
            )
        by_identity[identity] = interaction
        seen_now[identity] = interaction
    return [by_identity[key] for key in sorted(by_identity)]


def _identity_text(interaction: AnyInteraction) -> str:
    description, states = interaction.identity()
    return json.dumps([description, list(states)], ensure_ascii=False)


def _comparable(interaction: AnyInteraction) -> dict[str, Any]:
    data = write_interaction(interaction, SpecVersion.V4)
    for flag in ("key", "pending", "comments"):
        data.pop(flag, None)
    return data


def _with_key(interaction: AnyInteraction) -> AnyInteraction:
    if interaction.key:
        return interaction
    from dataclasses import replace

    return replace(interaction, key=interaction_key(interaction))


@contextlib.contextmanager
def _exclusive(target: Path) -> Iterator[dict[str, Any]]:
    """Hold the pact's lock; yields the sidecar journal (which run wrote which interactions)."""
    lock_path = target.with_name(f".{target.name}.lock")
    with _THREAD_LOCK, open(lock_path, "a+", encoding="utf-8") as handle:
        _lock(handle)
        try:
            handle.seek(0)
            try:
                journal = json.loads(handle.read() or "{}")
            except ValueError:
                journal = {}
            yield journal
            handle.seek(0)
            handle.truncate()
            handle.write(json.dumps(journal))
            handle.flush()
        finally:
            _unlock(handle)


def _replace_atomically(target: Path, text: str) -> None:
    temporary = target.with_name(f".{target.name}.{os.getpid()}.{uuid.uuid4().hex[:8]}.tmp")
    try:
        with open(temporary, "w", encoding="utf-8") as handle:
            handle.write(text)
        # The rename is what makes writers safe from each other; an fsync would only guard
        # against power loss, and would cost ~10 ms per write with the lock held.
        os.replace(temporary, target)
    finally:
        if temporary.exists():
            temporary.unlink()
