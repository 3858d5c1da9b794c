"""Load and save pact files of every spec version.

`load_pact` accepts a path, JSON text/bytes or an already-parsed dict and raises one `InvalidPact`
listing every problem with its JSON path. `dump_pact` writes the form the official tools expect
for the requested version.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from accord.errors import InvalidPact, Issue
from accord.model.codec.reader import (
    detect_spec,
    read_interaction,
    read_message_contents,
    read_pact,
    read_request,
    read_response,
)
from accord.model.codec.writer import (
    write_interaction,
    write_message_contents,
    write_pact,
    write_request,
    write_response,
)
from accord.model.pact import Pact
from accord.model.spec import SpecVersion

__all__ = [
    "detect_spec",
    "dump_pact",
    "dumps_pact",
    "load_pact",
    "parse_json_document",
    "read_interaction",
    "read_message_contents",
    "read_request",
    "read_response",
    "save_pact",
    "write_interaction",
    "write_message_contents",
    "write_request",
    "write_response",
]


def load_pact(
    source: str | bytes | os.PathLike[str] | dict[str, Any],
    *,
    spec: str | SpecVersion | None = None,
    strict: bool = False,
) -> Pact:
    """Read a pact from a file path, JSON text or bytes, or a parsed JSON object.

    Problems that only matter when a part is used (a regex that does not compile) are warnings:
    they fail the load only with `strict=True`, as `accord pact validate` uses.
    """
    label: str | None = None
    if isinstance(source, dict):
        data: Any = source
    elif isinstance(source, os.PathLike) or (
        isinstance(source, str) and not source.lstrip().startswith(("{", "[", '"'))
    ):
        label = os.fspath(source)
        try:
            raw = Path(label).read_bytes()
        except OSError as error:
            raise InvalidPact(
                Issue("$", f"cannot read pact file: {error.strerror or error}"), source=label
            ) from None
        data = parse_json_document(raw, label)
    else:
        data = parse_json_document(source, None)
    issues: list[Issue] = []
    version = SpecVersion.parse(spec) if spec is not None else None
    pact = read_pact(data, issues, version)
    fatal = issues if strict else [issue for issue in issues if issue.severity == "error"]
    if fatal or pact is None:
        raise InvalidPact(fatal, source=label)
    return pact


def parse_json_document(raw: str | bytes, label: str | None) -> Any:
    """Parse JSON text (a UTF-8 BOM is allowed); a syntax error becomes an InvalidPact."""
    try:
        text = raw.decode("utf-8-sig") if isinstance(raw, bytes) else raw.removeprefix("\ufeff")
    except UnicodeDecodeError as error:
        raise InvalidPact(
            Issue("$", f"not UTF-8 text: {error.reason} at byte {error.start}"), source=label
        ) from None
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        raise InvalidPact(
            Issue("$", f"not valid JSON: {error.msg} at line {error.lineno} column {error.colno}"),
            source=label,
        ) from None


def dump_pact(pact: Pact, spec: str | SpecVersion | None = None) -> dict[str, Any]:
    """The pact as a JSON-ready dict in `spec` (default: the version it was read as)."""
    version = SpecVersion.parse(spec) if spec is not None else pact.spec
    return write_pact(pact, version)


def dumps_pact(pact: Pact, spec: str | SpecVersion | None = None) -> str:
    """The pact as pretty-printed JSON text."""
    return json.dumps(dump_pact(pact, spec), indent=2, ensure_ascii=False) + "\n"


def save_pact(
    pact: Pact, path: str | os.PathLike[str], spec: str | SpecVersion | None = None
) -> None:
    """Write the pact to `path` atomically (a reader never sees a half-written file)."""
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    temporary = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    temporary.write_text(dumps_pact(pact, spec), encoding="utf-8")
    os.replace(temporary, target)
