"""Optional pagination (design note §1): only when `pageNumber`/`pageSize` (or `page`/`size`)
are given; adds `page` and next/previous links built with `?size=&page=`."""

from __future__ import annotations

from typing import Any, TypeVar

from fastapi import Request

from accord.broker.errors import Invalid

T = TypeVar("T")
DEFAULT_SIZE = 100


def page_of(request: Request, items: list[T]) -> tuple[list[T], dict[str, Any] | None]:
    """The requested slice of `items` and the page document to merge (None when unpaginated)."""
    params = request.query_params
    number_text = params.get("pageNumber") or params.get("page")
    size_text = params.get("pageSize") or params.get("size")
    if number_text is None and size_text is None:
        return items, None
    try:
        number = int(number_text or 1)
        size = int(size_text or DEFAULT_SIZE)
    except ValueError:
        raise Invalid(
            f"pageNumber and pageSize must be integers, got {number_text!r} and {size_text!r}",
            "page",
        ) from None
    if number < 1 or size < 1:
        raise Invalid(
            f"pageNumber and pageSize must be 1 or greater, got {number} and {size}", "page"
        )
    total = len(items)
    pages = max(1, -(-total // size))
    start = (number - 1) * size
    base = str(request.url).split("?")[0]
    document: dict[str, Any] = {
        "page": {"number": number, "size": size, "totalElements": total, "totalPages": pages},
        "links": {},
    }
    if number < pages:
        document["links"]["next"] = {
            "href": f"{base}?size={size}&page={number + 1}",
            "title": "Next page",
        }
    if number > 1:
        document["links"]["previous"] = {
            "href": f"{base}?size={size}&page={number - 1}",
            "title": "Previous page",
        }
    return items[start : start + size], document


def apply(body: dict[str, Any], document: dict[str, Any] | None) -> dict[str, Any]:
    if document is not None:
        body["page"] = document["page"]
        body.setdefault("_links", {}).update(document["links"])
    return body
