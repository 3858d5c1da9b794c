"""Pact content: validation with accord.model, the content SHA that deduplicates it, interaction
`_id`s, and merging. Nothing here touches the database."""

from __future__ import annotations

import copy
import hashlib
import json
from typing import Any

from accord.broker.errors import Conflict, Invalid
from accord.errors import InvalidPact
from accord.model import load_pact
from accord.model.codec import parse_json_document

_INTERACTION_LISTS = ("interactions", "messages")


def parse(raw: bytes | str, field: str = "body") -> dict[str, Any]:
    """JSON text → a pact document (an object); syntax errors become a 400 naming the problem."""
    try:
        document = parse_json_document(raw, None)
    except InvalidPact as error:
        raise Invalid(f"{error.issues[0].message}", field) from None
    if not isinstance(document, dict):
        raise Invalid(f"a pact must be a JSON object, got {_json_type(document)}", field)
    return document


def validate(document: dict[str, Any], field: str = "body") -> None:
    """Reject anything accord.model cannot read as a pact, listing every problem found."""
    try:
        load_pact(_without_ids(document))
    except InvalidPact as error:
        messages = [str(issue) for issue in error.issues[:10]]
        raise Invalid({field: [f"not a valid pact: {m}" for m in messages]}) from None


def participant_name(document: dict[str, Any], role: str) -> str | None:
    participant = document.get(role)
    name = participant.get("name") if isinstance(participant, dict) else None
    return name if isinstance(name, str) else None


def sha(document: dict[str, Any]) -> str:
    """SHA1 of the parts that affect verification: interactions/messages (sorted, keys sorted,
    `_id`s removed) and the spec version; names, other metadata and formatting do not count."""
    relevant: dict[str, Any] = {}
    for key in _INTERACTION_LISTS:
        items = document.get(key)
        if isinstance(items, list):
            canonical = [_canonical(_strip_id(item)) for item in items]
            relevant[key] = sorted(canonical)
    version = spec_version(document)
    if version:
        relevant["pact_specification_version"] = version
    text = json.dumps(relevant, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


def spec_version(document: dict[str, Any]) -> str | None:
    metadata = document.get("metadata")
    if not isinstance(metadata, dict):
        return None
    for key in ("pactSpecification", "pact-specification", "pactSpecificationVersion"):
        value = metadata.get(key)
        if isinstance(value, dict):
            value = value.get("version")
        if isinstance(value, str):
            return value
    return None


def with_ids(document: dict[str, Any]) -> dict[str, Any]:
    """A copy where every interaction/message has `_id` = SHA1 of its canonical JSON; verifiers
    send it back as testResults[].interactionId."""
    result = copy.deepcopy(document)
    for key in _INTERACTION_LISTS:
        items = result.get(key)
        if isinstance(items, list):
            for item in items:
                if isinstance(item, dict):
                    item["_id"] = hashlib.sha1(
                        _canonical(_strip_id(item)).encode("utf-8")
                    ).hexdigest()
    return result


def counts(document: dict[str, Any]) -> tuple[int, int]:
    interactions = document.get("interactions")
    messages = document.get("messages")
    return (
        len(interactions) if isinstance(interactions, list) else 0,
        len(messages) if isinstance(messages, list) else 0,
    )


def merge(existing: dict[str, Any], incoming: dict[str, Any], describe: str) -> dict[str, Any]:
    """Add incoming interactions to existing ones; the same description and provider state
    with different content is a conflict (409)."""
    merged = copy.deepcopy(existing)
    for key in _INTERACTION_LISTS:
        new_items = incoming.get(key)
        if not isinstance(new_items, list):
            continue
        items: list[Any] = merged.setdefault(key, [])
        index = {_identity(item): n for n, item in enumerate(items)}
        for item in new_items:
            position = index.get(_identity(item))
            if position is None:
                index[_identity(item)] = len(items)
                items.append(item)
            elif _canonical(_strip_id(items[position])) != _canonical(_strip_id(item)):
                description = item.get("description") if isinstance(item, dict) else None
                raise Conflict(
                    f"Cannot merge the pact for {describe}: interaction '{description}' "
                    "already exists with different content"
                )
    return merged


def _identity(item: Any) -> str:
    if not isinstance(item, dict):
        return _canonical(item)
    states = item.get("providerStates", item.get("providerState", item.get("provider_state")))
    return _canonical([item.get("description"), states])


def _canonical(value: Any) -> str:
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def _strip_id(item: Any) -> Any:
    if isinstance(item, dict) and "_id" in item:
        return {k: v for k, v in item.items() if k != "_id"}
    return item


def _without_ids(document: dict[str, Any]) -> dict[str, Any]:
    result = dict(document)
    for key in _INTERACTION_LISTS:
        if isinstance(result.get(key), list):
            result[key] = [_strip_id(item) for item in result[key]]
    return result


def _json_type(value: Any) -> str:
    names = {list: "an array", str: "a string", bool: "a boolean", type(None): "null"}
    return names.get(type(value), "a number")
