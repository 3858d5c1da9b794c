"""Provider-state values for the ProviderState generator: `${name}` templates and `dataType`.

The verifier passes the values of the interaction's provider states (their params, overlaid with
what the state handlers returned). A template that is exactly one placeholder gives the value
with its JSON type; text around placeholders makes a string.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from typing import Any

from accord.errors import InvalidMatcher

_PLACEHOLDER = re.compile(r"\$\{([^}]*)\}")


def expand_expression(expression: str, values: Mapping[str, Any]) -> Any:
    """Replace `${name}` placeholders with `values[name]`.

    An expression that is exactly one placeholder gives the value itself, keeping its JSON type;
    text around placeholders gives a string. An expression without placeholders is itself a name.
    """
    placeholders = _PLACEHOLDER.findall(expression)
    if not placeholders:
        return _lookup(values, expression, expression)
    whole = _PLACEHOLDER.fullmatch(expression)
    if whole:
        return _lookup(values, whole.group(1).strip(), expression)
    return _PLACEHOLDER.sub(
        lambda found: _as_text(_lookup(values, found.group(1).strip(), expression)), expression
    )


def _lookup(values: Mapping[str, Any], name: str, expression: str) -> Any:
    if name in values:
        return values[name]
    # "${user.id}" reaches into a nested value when no key has that dotted name.
    node: Any = values
    for step in name.split(".") if "." in name else ():
        if isinstance(node, Mapping) and step in node:
            node = node[step]
        elif isinstance(node, list) and step.isdigit() and int(step) < len(node):
            node = node[int(step)]
        else:
            break
    else:
        if "." in name:
            return node
    known = ", ".join(sorted(map(str, values))) or "none"
    raise InvalidMatcher(
        f"ProviderState generator: no value named {name!r} for expression {expression!r} "
        f"(provider state values: {known}); set it in the state's params or handler result"
    )


def _as_text(value: Any) -> str:
    if isinstance(value, str):
        return value
    return json.dumps(value, separators=(",", ":"))


def convert_data_type(value: Any, data_type: Any) -> Any:
    """Convert a provider-state value to the generator's `dataType` (RAW keeps it as it is)."""
    if not isinstance(data_type, str) or data_type.upper() == "RAW":
        return value
    kind = data_type.upper()
    try:
        if kind == "STRING":
            return _as_text(value)
        if kind == "INTEGER":
            return int(float(value)) if isinstance(value, str) else int(value)
        if kind in ("DECIMAL", "FLOAT"):
            return float(value)
        if kind == "BOOLEAN":
            return value if isinstance(value, bool) else str(value).strip().lower() == "true"
    except (TypeError, ValueError):
        raise InvalidMatcher(
            f"ProviderState generator: cannot convert {value!r} to dataType {data_type}"
        ) from None
    return value
