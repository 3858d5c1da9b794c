"""Fluent builder for one HTTP interaction: request expectations and the response to send.

>>> from accord import Pact, match
>>> pact = Pact("web", "users")
>>> (pact.upon_receiving("a request for user 1")
...     .given("user 1 exists", id=1)
...     .with_request("GET", "/users/1")
...     .with_header("Accept", "application/json")
...     .will_respond_with(200)
...     .with_body({"id": match.integer(1), "name": match.string("Mary")}))
HttpInteractionBuilder('a request for user 1')
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Literal, Self

from accord.consumer import _arguments as arg
from accord.consumer._builder import (
    InteractionBuilder,
    make_body,
    merge_generators,
    merge_rules,
    parse_raw_generators,
    parse_raw_rules,
)
from accord.consumer.extract import extract_into
from accord.model import (
    Body,
    Generators,
    HttpInteraction,
    MatchingRules,
    Request,
    Response,
    find_header,
    parse_query_string,
)

Part = Literal["request", "response"]


class _Side:
    """Headers, body and their rules for one side (request or response) while it is built."""

    def __init__(self) -> None:
        self.headers: dict[str, list[Any]] = {}
        self.body: Any = None
        self.body_set = False
        self.content_type: str | None = None
        self.raw_rules: list[Mapping[str, Any]] = []
        self.raw_generators: list[Mapping[str, Any]] = []


class HttpInteractionBuilder(InteractionBuilder):
    """Build an HTTP interaction; setters apply to the request until `will_respond_with`."""

    def __init__(self, description: str, *, set_content_type_header: bool = True) -> None:
        super().__init__(description)
        self.method = "GET"
        self.path: Any = "/"
        self.query: dict[str, list[Any]] | None = None
        self.status: Any = 200
        self._request = _Side()
        self._response = _Side()
        self._part: Part = "request"
        # The modern DSL writes Content-Type headers for bodies (as pact-python 3 does); the
        # classic DSL kept headers exactly as the user wrote them.
        self._set_content_type_header = set_content_type_header

    def __repr__(self) -> str:
        return f"HttpInteractionBuilder({self.description!r})"

    # ---- request -------------------------------------------------------------------------
    def with_request(
        self,
        method: str = "GET",
        path: Any = "/",
        *,
        query: Mapping[str, Any] | str | None = None,
        headers: Mapping[str, Any] | None = None,
        body: Any = None,
        content_type: str | None = None,
    ) -> Self:
        """Expect this method and path (a string or a matcher such as `match.regex`)."""
        if not isinstance(method, str) or not method.isalpha():
            raise arg.fail(
                "with_request", f"method={method!r} is not an HTTP method", "use e.g. 'GET'"
            )
        if isinstance(path, str) and not path.startswith("/"):
            # The mock server and the verifier see "/users"; "users" would never match.
            raise arg.fail(
                "with_request", f"path={path!r} does not start with '/'", f"use '/{path}'"
            )
        self.method = method.upper()
        self.path = path
        self._part = "request"
        if query is not None:
            self.with_query(query)
        for name, value in (headers or {}).items():
            self.with_header(name, value, part="request")
        if body is not None:
            self.with_body(body, content_type, part="request")
        return self

    def with_query(self, name: str | Mapping[str, Any], value: Any = None) -> Self:
        """Expect a query parameter; repeat it (or pass a list) for multiple values.

        `with_query("page", "2")`, `with_query({"tag": ["a", "b"]})` or `with_query("a=1&b=2")`.
        """
        if self.query is None:
            self.query = {}
        if isinstance(name, str) and value is None and ("=" in name or "&" in name):
            name = {key: values for key, values in parse_query_string(name).items()}
        if isinstance(name, Mapping):
            for key, item in name.items():
                self.with_query(key, item)
            return self
        values = list(value) if isinstance(value, list | tuple) else [value]
        self.query.setdefault(name, []).extend(values)
        return self

    def with_query_parameter(self, name: str, value: Any) -> Self:
        """pact-python's name for `with_query(name, value)`."""
        return self.with_query(name, value)

    def with_query_parameters(self, parameters: Mapping[str, Any]) -> Self:
        """pact-python's name for `with_query(mapping)`."""
        return self.with_query(parameters)

    # ---- both sides ----------------------------------------------------------------------
    def with_header(self, name: str, value: Any, part: Part | None = None) -> Self:
        """Expect (request) or send (response) a header; a list gives several values."""
        side = self._side(part)
        values = list(value) if isinstance(value, list | tuple) else [value]
        side.headers.setdefault(name, []).extend(values)
        return self

    def with_headers(self, headers: Mapping[str, Any], part: Part | None = None) -> Self:
        for name, value in headers.items():
            self.with_header(name, value, part)
        return self

    def with_body(
        self, body: Any, content_type: str | None = None, part: Part | None = None
    ) -> Self:
        """Set the body: a dict/list (JSON, may hold matchers), str (text) or bytes."""
        side = self._side(part)
        side.body = body
        side.body_set = True
        side.content_type = content_type
        return self

    def with_matching_rules(self, rules: Mapping[str, Any], part: Part | None = None) -> Self:
        """Raw V3/V4 rules in pact-file form, for what the helpers cannot say:
        `.with_matching_rules({"body": {"$.id": {"matchers": [{"match": "integer"}]}}})`."""
        self._side(part).raw_rules.append(rules)
        return self

    def with_generators(self, generators: Mapping[str, Any], part: Part | None = None) -> Self:
        """Raw generators in pact-file form: `{"body": {"$.id": {"type": "RandomInt"}}}`."""
        self._side(part).raw_generators.append(generators)
        return self

    def with_binary_body(
        self, body: bytes, content_type: str | None = None, part: Part | None = None
    ) -> Self:
        """A body of raw bytes (pact-python's name; `with_body(bytes)` does the same)."""
        return self.with_body(bytes(body), content_type or "application/octet-stream", part)

    # ---- response ------------------------------------------------------------------------
    def will_respond_with(
        self,
        status: Any = 200,
        *,
        headers: Mapping[str, Any] | None = None,
        body: Any = None,
        content_type: str | None = None,
    ) -> Self:
        """Respond with `status` (or a `match.status_code(...)`); later setters apply to the response."""
        if isinstance(status, bool) or (
            not isinstance(status, int) and not hasattr(status, "collect")
        ):
            raise arg.fail("will_respond_with", f"status={status!r} is not an int", "pass e.g. 200")
        if isinstance(status, int) and not 100 <= status <= 599:
            # `accord pact validate` and every verifier reject such a pact file.
            raise arg.fail(
                "will_respond_with",
                f"status={status} is not an HTTP status code",
                "pass one between 100 and 599",
            )
        self.status = status
        self._part = "response"
        for name, value in (headers or {}).items():
            self.with_header(name, value, part="response")
        if body is not None:
            self.with_body(body, content_type, part="response")
        return self

    # ---- output --------------------------------------------------------------------------
    def build(self) -> HttpInteraction:
        """The model interaction this builder describes."""
        rules, generators = MatchingRules(), Generators()
        path = extract_into(self.path, "path", rules, generators)
        query = None
        if self.query is not None:
            query = {
                name: [
                    _text(v) for v in extract_into(values, "query", rules, generators, root=(name,))
                ]
                for name, values in self.query.items()
            }
        headers, body = self._side_parts(self._request, rules, generators)
        request = Request(
            method=self.method,
            path=path,
            query=query,
            headers=headers,
            body=body,
            matching_rules=rules,
            generators=generators,
        )
        rules, generators = MatchingRules(), Generators()
        status = extract_into(self.status, "status", rules, generators)
        headers, body = self._side_parts(self._response, rules, generators)
        response = Response(
            status=status, headers=headers, body=body, matching_rules=rules, generators=generators
        )
        return HttpInteraction(
            description=self.description,
            provider_states=tuple(self.states),
            key=self.key,
            pending=self.pending,
            comments=dict(self.comments),
            request=request,
            response=response,
        )

    def _side(self, part: Part | None) -> _Side:
        chosen = part or self._part
        if chosen not in ("request", "response"):
            raise arg.fail(
                "with_header", f"part={part!r} is unknown", "use 'request' or 'response'"
            )
        return self._request if chosen == "request" else self._response

    def _side_parts(
        self, side: _Side, rules: MatchingRules, generators: Generators
    ) -> tuple[dict[str, list[str]] | None, Body]:
        for raw in side.raw_rules:
            merge_rules(rules, parse_raw_rules(raw))
        for raw in side.raw_generators:
            merge_generators(generators, parse_raw_generators(raw))
        headers: dict[str, list[str]] | None = None
        if side.headers:
            headers = {
                name: [
                    _text(v)
                    for v in extract_into(values, "header", rules, generators, root=(name,))
                ]
                for name, values in side.headers.items()
            }
        if not side.body_set:
            return headers, Body.missing()
        declared = side.content_type or _first(find_header(headers, "content-type"))
        if side.body is None:
            return headers, Body.from_json(None, declared)
        body = make_body(side.body, declared, rules, generators)
        if (
            self._set_content_type_header
            and body.content_type
            and find_header(headers, "content-type") is None
        ):
            headers = {**(headers or {}), "Content-Type": [body.content_type]}
        return headers, body


def _text(value: Any) -> str:
    return value if isinstance(value, str) else str(value)


def _first(values: list[str] | None) -> str | None:
    return values[0] if values else None
