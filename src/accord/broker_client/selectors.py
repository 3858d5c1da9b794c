"""Consumer version selectors: which consumer versions' pacts a provider should verify.

The JSON form (camelCase keys) is what `POST /pacts/provider/{provider}/for-verification` reads.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, fields
from typing import Any

from accord.errors import BrokerClientError

# field name → JSON key; the order is the order keys are written in.
_JSON_KEYS = {
    "main_branch": "mainBranch",
    "branch": "branch",
    "matching_branch": "matchingBranch",
    "fallback_branch": "fallbackBranch",
    "tag": "tag",
    "fallback_tag": "fallbackTag",
    "latest": "latest",
    "consumer": "consumer",
    "deployed": "deployed",
    "released": "released",
    "deployed_or_released": "deployedOrReleased",
    "environment": "environment",
}
_FIELDS_BY_JSON_KEY = {key: name for name, key in _JSON_KEYS.items()}


@dataclass(frozen=True, kw_only=True)
class ConsumerVersionSelector:
    """One selector; unset fields (None) are left out of the JSON the broker receives."""

    main_branch: bool | None = None
    branch: str | None = None
    matching_branch: bool | None = None
    fallback_branch: str | None = None
    tag: str | None = None
    fallback_tag: str | None = None
    latest: bool | None = None
    consumer: str | None = None
    deployed: bool | None = None
    released: bool | None = None
    deployed_or_released: bool | None = None
    environment: str | None = None

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for name, key in _JSON_KEYS.items():
            value = getattr(self, name)
            if value is not None:
                out[key] = value
        return out

    @classmethod
    def from_json(cls, data: Any) -> ConsumerVersionSelector:
        """Read the broker's camelCase form (snake_case also accepted); unknown keys are errors."""
        if not isinstance(data, dict):
            raise BrokerClientError(
                f"a consumer version selector must be a JSON object such as "
                f'{{"mainBranch": true}}, got {data!r}'
            )
        values: dict[str, Any] = {}
        known = {f.name for f in fields(cls)}
        for key, value in data.items():
            name = _FIELDS_BY_JSON_KEY.get(key, key if key in known else None)
            if name is None:
                raise BrokerClientError(
                    f"unknown consumer version selector key {key!r} in {json.dumps(data)}; "
                    f"known keys: {', '.join(_JSON_KEYS.values())}"
                )
            values[name] = value
        return cls(**values)

    @classmethod
    def parse(cls, text: str) -> ConsumerVersionSelector:
        """Read one selector from JSON text, as `--consumer-version-selectors` receives it."""
        try:
            data = json.loads(text)
        except json.JSONDecodeError as error:
            raise BrokerClientError(
                f"consumer version selector {text!r} is not valid JSON ({error.msg}); "
                'write it like \'{"branch": "main", "latest": true}\''
            ) from None
        return cls.from_json(data)


def parse_selectors(texts: list[str] | tuple[str, ...]) -> list[ConsumerVersionSelector]:
    """Each text holds one selector object or a JSON array of them."""
    selectors: list[ConsumerVersionSelector] = []
    for text in texts:
        stripped = text.strip()
        if stripped.startswith("["):
            try:
                items = json.loads(stripped)
            except json.JSONDecodeError as error:
                raise BrokerClientError(
                    f"consumer version selectors {text!r} are not valid JSON ({error.msg})"
                ) from None
            selectors.extend(ConsumerVersionSelector.from_json(item) for item in items)
        else:
            selectors.append(ConsumerVersionSelector.parse(stripped))
    return selectors


def tag_selectors(tags: list[str] | tuple[str, ...]) -> list[ConsumerVersionSelector]:
    """Legacy `--consumer-version-tags a,b`: the latest version with each tag."""
    return [ConsumerVersionSelector(tag=tag, latest=True) for tag in tags]
