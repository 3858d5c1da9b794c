"""Mismatch lists rendered for people (plain or ANSI-coloured text) and for machines (JSON)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from accord.matching.mismatches import Mismatch, MismatchKind

_RED = "\x1b[31m"
_BOLD = "\x1b[1m"
_RESET = "\x1b[0m"


def _grouped(mismatches: Iterable[Mismatch]) -> dict[str, list[Mismatch]]:
    groups: dict[str, list[Mismatch]] = {}
    for mismatch in mismatches:
        groups.setdefault(mismatch.summary, []).append(mismatch)
    return groups


def _line(mismatch: Mismatch, *, colour: bool) -> str:
    if mismatch.kind in (MismatchKind.BODY, MismatchKind.BODY_TYPE) and mismatch.path:
        path = f"{_BOLD}{mismatch.path}{_RESET}" if colour else mismatch.path
        return f"{path} -> {mismatch.message}"
    return mismatch.message


def render_text(mismatches: Iterable[Mismatch]) -> str:
    """Plain text: one numbered category line per kind, then its mismatches indented."""
    lines: list[str] = []
    for number, (summary, items) in enumerate(_grouped(mismatches).items(), start=1):
        lines.append(f"{number}) {summary}")
        lines.extend(f"    {_line(item, colour=False)}" for item in items)
    return "\n".join(lines)


def render_ansi(mismatches: Iterable[Mismatch]) -> str:
    """Like `render_text`, with the category lines in red and body paths in bold."""
    lines: list[str] = []
    for number, (summary, items) in enumerate(_grouped(mismatches).items(), start=1):
        lines.append(f"{number}) {_RED}{summary}{_RESET}")
        lines.extend(f"    {_line(item, colour=True)}" for item in items)
    return "\n".join(lines)


def render_json(mismatches: Iterable[Mismatch]) -> list[dict[str, Any]]:
    """JSON-ready dicts, one per mismatch (see `Mismatch.to_json`)."""
    return [mismatch.to_json() for mismatch in mismatches]
