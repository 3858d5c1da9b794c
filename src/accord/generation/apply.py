"""Apply a part's generators to requests, responses and messages.

Where each category goes: `path` replaces the request path, `status` the response status,
`header`/`query` every value of that header or parameter (adding it when the example has none, as
pact-reference does), `metadata` a message metadata entry, and `body` the values a path
expression selects (`*` crosses every key or index). JSON bodies are re-encoded with their
content type kept; XML bodies take generators on attributes and text (`xml_bodies`); form bodies
are handled as parameters; other bodies are left alone. A generator that cannot produce a value
(say, a provider-state value that is missing) is logged and the example kept, so one bad
generator does not stop an interaction from running.
"""

from __future__ import annotations

import json
import logging
import random
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from typing import Any

from accord.errors import InvalidMatcher, InvalidPact
from accord.generation.json_bodies import VariantGenerators, replace_at, variant_generators
from accord.generation.values import GeneratorMode, generate_value
from accord.generation.xml_bodies import generate_xml
from accord.model.bodies import Body
from accord.model.generators import Generator, Generators
from accord.model.http import Request, Response, format_query_string, parse_query_string
from accord.model.interactions import MessageContents
from accord.model.paths import parse_rule_path
from accord.model.rules import MatchingRules

logger = logging.getLogger(__name__)


def generate_request(
    request: Request,
    *,
    mode: GeneratorMode,
    context: Mapping[str, Any] | None = None,
    rng: random.Random | None = None,
) -> Request:
    """A copy of `request` with its generators applied (path, headers, query, body)."""
    if request.generators.is_empty() and not variant_generators(request.matching_rules):
        return request
    run = _Run(mode, context or {}, rng or random.Random())
    gens = request.generators
    path = run.single(gens, "path", request.path)
    return replace(
        request,
        path=request.path if path is None else _as_text(path),
        headers=run.multi_map(request.headers, gens.category("header"), ignore_case=True),
        query=run.multi_map(request.query, gens.category("query"), ignore_case=False),
        body=run.body(request.body, gens.category("body"), request.matching_rules),
    )


def generate_response(
    response: Response,
    *,
    mode: GeneratorMode,
    context: Mapping[str, Any] | None = None,
    rng: random.Random | None = None,
) -> Response:
    """A copy of `response` with its generators applied (status, headers, body)."""
    if response.generators.is_empty() and not variant_generators(response.matching_rules):
        return response
    run = _Run(mode, context or {}, rng or random.Random())
    gens = response.generators
    return replace(
        response,
        status=_as_status(run.single(gens, "status", response.status), response.status),
        headers=run.multi_map(response.headers, gens.category("header"), ignore_case=True),
        body=run.body(response.body, gens.category("body"), response.matching_rules),
    )


def generate_message(
    contents: MessageContents,
    *,
    mode: GeneratorMode,
    context: Mapping[str, Any] | None = None,
    rng: random.Random | None = None,
) -> MessageContents:
    """A copy of a message's contents with its generators applied (contents and metadata)."""
    if contents.generators.is_empty() and not variant_generators(contents.matching_rules):
        return contents
    run = _Run(mode, context or {}, rng or random.Random())
    gens = contents.generators
    metadata = dict(contents.metadata)
    for key, generator in gens.category("metadata").items():
        value = run.produce(generator, metadata.get(key, ""))
        if value is not _FAILED:
            metadata[key] = value
    return replace(
        contents,
        contents=run.body(contents.contents, gens.category("body"), contents.matching_rules),
        metadata=metadata,
    )


# ---- internals -----------------------------------------------------------------------------

_FAILED: Any = object()


@dataclass(frozen=True, slots=True)
class _Run:
    """The settings one generation pass shares across every generator it applies."""

    mode: GeneratorMode
    context: Mapping[str, Any]
    rng: random.Random

    def produce(self, generator: Generator, example: Any) -> Any:
        try:
            return generate_value(
                generator, example, mode=self.mode, context=self.context, rng=self.rng
            )
        except InvalidMatcher as error:
            logger.warning("generator %s left the example unchanged: %s", generator, error)
            return _FAILED

    def single(self, generators: Generators, category: str, example: Any) -> Any:
        generator = generators.single(category)
        if generator is None:
            return None
        value = self.produce(generator, example)
        return None if value is _FAILED else value

    def multi_map(
        self,
        values: Mapping[str, list[str]] | None,
        entries: Mapping[str, Generator],
        *,
        ignore_case: bool,
    ) -> dict[str, list[str]] | None:
        if not entries:
            return None if values is None else dict(values)
        result = {key: list(items) for key, items in (values or {}).items()}
        for name, generator in entries.items():
            key = _find_key(result, name, ignore_case=ignore_case)
            examples = result.get(key, [""]) if key is not None else [""]
            generated = [self.produce(generator, example) for example in examples]
            kept = [
                example if value is _FAILED else _as_text(value)
                for example, value in zip(examples, generated)
            ]
            if key is None and all(value is _FAILED for value in generated):
                continue
            result[key if key is not None else name] = kept
        # Nothing generated into an unspecified map: keep it unspecified (None, not {}).
        return None if values is None and not result else result

    def body(
        self, body: Body, entries: Mapping[str, Generator], rules: MatchingRules | None = None
    ) -> Body:
        variants = variant_generators(rules) if rules is not None else []
        if not (entries or variants) or not body.is_present:
            return body
        content_type = body.effective_content_type()
        if content_type.is_form:
            return self._form_body(body, entries)
        if content_type.is_xml:
            return self._xml_body(body, entries)
        try:
            document = body.json() if body.is_json else _NOT_JSON
        except ValueError:
            document = _NOT_JSON
        if document is _NOT_JSON:
            logger.debug("body generators skipped: %s bodies are not supported", content_type)
            return body
        for key, generator in entries.items():
            tokens = _tokens(key)
            if tokens is not None:
                document = replace_at(document, tokens, self._transform(generator))
        for variant in variants:
            document = replace_at(document, variant.array_path, self._variant(variant))
        regenerated = Body.from_json(document, body.content_type)
        return replace(regenerated, content_type_hint=body.content_type_hint)

    def _transform(self, generator: Generator) -> Callable[[Any], Any]:
        def transform(example: Any) -> Any:
            value = self.produce(generator, example)
            return example if value is _FAILED else value

        return transform

    def _variant(self, variant: VariantGenerators) -> Callable[[Any], Any]:
        def transform(array: Any) -> Any:
            if not isinstance(array, list) or not 0 <= variant.index < len(array):
                return array
            element = array[variant.index]
            for tokens, generator in variant.generators:
                element = replace_at(element, tokens, self._transform(generator))
            return [*array[: variant.index], element, *array[variant.index + 1 :]]

        return transform

    def _xml_body(self, body: Body, entries: Mapping[str, Generator]) -> Body:
        def produce(generator: Generator, example: str) -> str | None:
            value = self.produce(generator, example)
            return None if value is _FAILED else _as_text(value)

        paths = [(tokens, gen) for key, gen in entries.items() if (tokens := _tokens(key))]
        content = generate_xml(body.content, paths, produce)
        if content is None:
            logger.warning("body generators skipped: the XML body is not well-formed")
            return body
        return Body.from_bytes(content, body.content_type, hint=body.content_type_hint)

    def _form_body(self, body: Body, entries: Mapping[str, Generator]) -> Body:
        form = parse_query_string(body.text())
        for key, generator in entries.items():
            tokens = _tokens(key)
            if tokens and len(tokens) == 1 and str(tokens[0]) in form:
                name = str(tokens[0])
                form[name] = [
                    example if value is _FAILED else _as_text(value)
                    for example in form[name]
                    for value in [self.produce(generator, example)]
                ]
        encoded = format_query_string(form).encode("utf-8")
        return Body.from_bytes(encoded, body.content_type, hint=body.content_type_hint)


_NOT_JSON: Any = object()


def _tokens(key: str) -> tuple[str | int, ...] | None:
    try:
        return parse_rule_path(key).tokens
    except InvalidPact:
        logger.warning("body generator path %r is not a valid path expression; skipped", key)
        return None


def _find_key(values: Mapping[str, Any], name: str, *, ignore_case: bool) -> str | None:
    if name in values:
        return name
    if ignore_case:
        lowered = name.lower()
        return next((key for key in values if key.lower() == lowered), None)
    return None


def _as_text(value: Any) -> str:
    """How a generated value is written where only text fits (path, headers, query)."""
    if isinstance(value, str):
        return value
    return json.dumps(value, separators=(",", ":"))


def _as_status(value: Any, default: int) -> int:
    if value is None:
        return default
    try:
        return int(value)
    except (TypeError, ValueError):
        logger.warning("status generator produced %r, which is not a status code", value)
        return default
