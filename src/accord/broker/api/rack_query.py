"""A Rack-compatible nested query-string parser.

Python's `parse_qs` flattens `q[][pacticipant]=Foo&q[][version]=1` into opaque keys. Rack builds
a list of hashes, starting a new hash when the key already exists in the last one; clients rely
on that (they send `pacticipant` before its `version`), so we follow it exactly.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import parse_qsl


def parse_nested(query: str) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key, value in parse_qsl(query, keep_blank_values=True):
        _assign(result, key, value)
    return result


def _assign(target: dict[str, Any], key: str, value: str) -> None:
    head, _, rest = key.partition("[")
    if not rest:
        target[head] = value
        return
    inner, _, tail = rest.partition("]")
    if inner == "" and not tail:  # a[]=1
        target.setdefault(head, []).append(value)
        return
    if inner == "" and tail.startswith("["):  # a[][k]=v
        items = target.setdefault(head, [])
        sub_key = tail[1:].partition("]")[0]
        if not items or not isinstance(items[-1], dict) or sub_key in items[-1]:
            items.append({})
        _assign(items[-1], tail[1:].replace("]", "", 1), value)
        return
    nested = target.setdefault(head, {})
    if isinstance(nested, dict):
        _assign(nested, inner + tail, value)
