"""HAL helpers: links, curies and timestamps in the broker's format."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any


def link(
    href: str, title: str | None = None, name: str | None = None, templated: bool = False
) -> dict[str, Any]:
    result: dict[str, Any] = {"href": href}
    if title is not None:
        result["title"] = title
    if name is not None:
        result["name"] = name
    if templated:
        result["templated"] = True
    return result


def curies(base: str) -> list[dict[str, Any]]:
    return [
        {"name": "pb", "href": f"{base}/doc/{{rel}}?context=index", "templated": True},
        {"name": "beta", "href": f"{base}/doc/{{rel}}?context=index", "templated": True},
    ]


def timestamp(value: datetime | None) -> str | None:
    """ISO-8601 with a +00:00 offset, e.g. 2021-09-01T00:07:21+00:00."""
    if value is None:
        return None
    return value.replace(tzinfo=UTC, microsecond=0).isoformat()


def timestamps(created: datetime, updated: datetime | None = None) -> dict[str, str]:
    result = {"createdAt": timestamp(created) or ""}
    if updated is not None and updated != created:
        result["updatedAt"] = timestamp(updated) or ""
    return result
