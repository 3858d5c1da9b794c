"""The mock server's brain as a pure function: expected interactions + one request → a response
and an outcome. No sockets, no threads, no state: `server.py` and `asgi.py` are thin adapters.

Finding the interaction does not get slower as interactions grow: they are indexed by method and
path, and only interactions whose path has a matching rule (rare) are tried for every request.
Only the few candidates with the right method and path are compared field by field.

Standard library only; may import matching, generation, model and errors.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Container, Iterable
from dataclasses import dataclass
from typing import Any

from accord.mock.results import Matched, Mismatched, Outcome, Unexpected, field_path
from accord.model import HttpInteraction, Request, Response, SpecVersion

MOCK_SERVER_HEADER = "X-Pact-Mock-Server"


@dataclass(frozen=True, slots=True)
class WireResponse:
    """A response ready for the wire: status, header pairs and body bytes."""

    status: int
    headers: list[tuple[str, str]]
    body: bytes


@dataclass(frozen=True, slots=True)
class Handled:
    response: WireResponse
    outcome: Outcome | None  # None for requests that are not part of the test (CORS preflight)


class InteractionIndex:
    """HTTP interactions indexed by (METHOD, path); interactions with path rules go to a short list."""

    __slots__ = ("_by_route", "_match_request", "_patterned", "interactions", "spec")

    def __init__(self, interactions: Iterable[HttpInteraction], spec: SpecVersion = SpecVersion.V4):
        from accord.matching import match_request

        self._match_request: Callable[..., list[Any]] = match_request
        self.spec = spec
        self.interactions = [i for i in interactions if isinstance(i, HttpInteraction)]
        self._by_route: dict[tuple[str, str], list[HttpInteraction]] = {}
        self._patterned: list[HttpInteraction] = []
        for interaction in self.interactions:
            request = interaction.request
            if request.matching_rules.single("path") is not None:
                self._patterned.append(interaction)
            else:
                key = (request.method.upper(), request.path)
                self._by_route.setdefault(key, []).append(interaction)

    def candidates(self, method: str, path: str) -> list[HttpInteraction]:
        method = method.upper()
        found = self._by_route.get((method, path), [])
        if self._patterned:
            found = found + [i for i in self._patterned if i.request.method.upper() == method]
        return found

    def compare(self, interaction: HttpInteraction, request: Request) -> list[Any]:
        found = self._match_request(interaction.request, request, spec=self.spec.label)
        if interaction.request.query is None and request.query:
            # The engine skips a query the pact leaves unspecified; a mock must not accept
            # parameters the provider will never be verified with.
            found.extend(_unexpected_query(request.query))
        return found


def _unexpected_query(query: dict[str, list[str]]) -> list[Any]:
    from accord.matching import Mismatch, MismatchKind
    from accord.matching.describe import query_unexpected

    return [
        Mismatch(
            kind=MismatchKind.QUERY,
            path=name,
            actual=values,
            message=query_unexpected(name),
        )
        for name, values in query.items()
    ]


def handle(
    index: InteractionIndex,
    request: Request,
    *,
    base_url: str,
    cors: bool = False,
    matched: Container[tuple[str, tuple[str, ...]]] = (),
) -> Handled:
    """Answer one request: the matching interaction's response, else a 500 naming the problem.

    When several interactions accept the request (the same request under different provider
    states), one not yet `matched` (by identity) is preferred, so each gets its turn.
    """
    best: tuple[HttpInteraction, list[Any]] | None = None
    candidates = index.candidates(request.method, request.path)
    if len(candidates) > 1 and matched:
        candidates = sorted(candidates, key=lambda i: i.identity() in matched)
    for interaction in candidates:
        mismatches = index.compare(interaction, request)
        if not mismatches:
            response = build_response(interaction.response, base_url)
            if cors:
                response.headers.extend(_cors_headers(request))
            return Handled(response, Matched(interaction=interaction, request=request))
        if any(str(getattr(m, "kind", "")) == "path" for m in mismatches):
            continue  # a path-rule interaction tried for every request: a different route
        if best is None or len(mismatches) < len(best[1]):
            best = (interaction, mismatches)
    if cors and _is_preflight(request):
        return Handled(WireResponse(204, _cors_headers(request, preflight=True), b""), None)
    if best is not None:
        interaction, mismatches = best
        outcome: Outcome = Mismatched(
            interaction=interaction, request=request, mismatches=tuple(mismatches)
        )
        body = {
            "error": f"Request does not match interaction {interaction.description!r}",
            "mismatches": [
                {"field": field_path(m), "mismatch": getattr(m, "message", str(m))}
                for m in mismatches
            ],
        }
    else:
        outcome = Unexpected(request=request)
        body = {"error": f"Unexpected request received: {request.method} {request.path}"}
    headers = [("Content-Type", "application/json"), (MOCK_SERVER_HEADER, "true")]
    if cors:
        headers.extend(_cors_headers(request))
    return Handled(WireResponse(500, headers, json.dumps(body).encode("utf-8")), outcome)


def build_response(response: Response, base_url: str) -> WireResponse:
    """The interaction's response with generators applied, as status, header pairs and bytes."""
    if not response.generators.is_empty():
        from accord.generation import GeneratorMode, generate_response

        response = generate_response(
            response, mode=GeneratorMode.CONSUMER, context={"mockServer": {"url": base_url}}
        )
    headers: list[tuple[str, str]] = []
    has_content_type = False
    for name, values in (response.headers or {}).items():
        has_content_type = has_content_type or name.lower() == "content-type"
        headers.extend((name, value) for value in values)
    body = response.body.content if response.body.is_specified else b""
    if body and not has_content_type:
        headers.append(("Content-Type", str(response.body.effective_content_type())))
    return WireResponse(response.status, headers, body)


def _is_preflight(request: Request) -> bool:
    return (
        request.method.upper() == "OPTIONS"
        and request.header("Access-Control-Request-Method") is not None
    )


def _cors_headers(request: Request, *, preflight: bool = False) -> list[tuple[str, str]]:
    origin = (request.header("Origin") or ["*"])[0]
    headers = [
        ("Access-Control-Allow-Origin", origin),
        ("Access-Control-Allow-Credentials", "true"),
    ]
    if preflight:
        asked = request.header("Access-Control-Request-Headers")
        headers.append(
            ("Access-Control-Allow-Methods", "DELETE, GET, HEAD, OPTIONS, PATCH, POST, PUT")
        )
        headers.append(("Access-Control-Allow-Headers", asked[0] if asked else "*"))
    return headers
