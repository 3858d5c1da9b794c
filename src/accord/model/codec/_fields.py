"""Readers for the fields every pact part shares: participants, provider states, headers, query.

Each records problems as Issues with their JSON path and returns a usable default, so one read of
a document reports every problem at once.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from accord.errors import Issue
from accord.model.http import Headers, Query, find_header, parse_query_string
from accord.model.interactions import ProviderState
from accord.model.spec import SpecVersion


def read_states(
    data: Mapping[str, Any], where: str, issues: list[Issue]
) -> tuple[ProviderState, ...]:
    states: list[ProviderState] = []
    if "providerStates" in data:
        raw = data["providerStates"]
        if raw is None:
            raw = []
        if not isinstance(raw, list):
            issues.append(
                Issue(f"{where}.providerStates", f"must be an array, got {type(raw).__name__}")
            )
            raw = []
        for index, item in enumerate(raw):
            here = f"{where}.providerStates[{index}]"
            if isinstance(item, str):
                states.append(ProviderState(name=item))
                continue
            if not isinstance(item, Mapping) or not isinstance(item.get("name"), str):
                issues.append(
                    Issue(here, "a provider state must be an object with a 'name' string")
                )
                continue
            params = item.get("params") or {}
            if not isinstance(params, Mapping):
                issues.append(
                    Issue(f"{here}.params", f"must be an object, got {type(params).__name__}")
                )
                params = {}
            states.append(ProviderState(name=item["name"], params=dict(params)))
    for key in ("providerState", "provider_state"):
        raw_state = data.get(key)
        if raw_state is None or states:
            continue
        if not isinstance(raw_state, str):
            issues.append(
                Issue(f"{where}.{key}", f"must be a string, got {type(raw_state).__name__}")
            )
        elif raw_state:
            states.append(ProviderState(name=raw_state))
    return tuple(states)


def read_participant(data: Mapping[str, Any], role: str, issues: list[Issue]) -> str:
    participant = data.get(role)
    if not isinstance(participant, Mapping) or not isinstance(participant.get("name"), str):
        issues.append(
            Issue(f"$.{role}.name", f'the pact must name its {role}: expected {{"name": "..."}}')
        )
        return ""
    name: str = participant["name"]
    if not name.strip():
        issues.append(Issue(f"$.{role}.name", f"the {role} name must not be empty"))
    return name


def read_headers(
    data: Mapping[str, Any], spec: SpecVersion, where: str, issues: list[Issue]
) -> Headers | None:
    raw = data.get("headers")
    if raw is None:
        return None
    if not isinstance(raw, Mapping):
        issues.append(
            Issue(where, f"must be an object of header names to values, got {type(raw).__name__}")
        )
        return None
    headers: Headers = {}
    for name, value in raw.items():
        if isinstance(value, str):
            headers[name] = [value]
        elif isinstance(value, list) and all(isinstance(item, str) for item in value):
            headers[name] = list(value)
        elif isinstance(value, (int, float)) and not isinstance(value, bool):
            headers[name] = [str(value)]
        else:
            issues.append(
                Issue(
                    f"{where}['{name}']",
                    f"a header value must be a string or a list of strings, got {value!r}",
                )
            )
    return headers


def read_query(
    data: Mapping[str, Any], spec: SpecVersion, where: str, issues: list[Issue]
) -> Query | None:
    raw = data.get("query")
    if raw is None:
        return None
    if isinstance(raw, str):
        return parse_query_string(raw, keep_empty=spec <= SpecVersion.V1)
    if not isinstance(raw, Mapping):
        issues.append(
            Issue(where, f"must be a query string or an object of lists, got {type(raw).__name__}")
        )
        return None
    query: Query = {}
    for name, value in raw.items():
        if isinstance(value, str):
            query[name] = [value]
        elif isinstance(value, list) and all(
            isinstance(item, (str, int, float)) or item is None for item in value
        ):
            query[name] = ["" if item is None else str(item) for item in value]
        elif value is None:
            query[name] = [""]
        else:
            issues.append(
                Issue(
                    f"{where}['{name}']",
                    f"a query value must be a string or a list of strings, got {value!r}",
                )
            )
    return query


def header_content_type(headers: Headers | None) -> str | None:
    values = find_header(headers, "content-type")
    return values[0] if values else None


def metadata_content_type(metadata: Mapping[str, Any]) -> str | None:
    for key in ("contentType", "content-type", "Content-Type", "content_type"):
        value = metadata.get(key)
        if isinstance(value, str):
            return value
    return None
