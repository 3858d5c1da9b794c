"""One producer per generator type: turn a Generator and the example it replaces into a new value.

The example decides the JSON type where pact-reference lets it: RandomInt gives a string when it
replaces a string and a number otherwise, RandomDecimal likewise. Randomness comes only from the
`random.Random` passed in, so a seeded generator gives the same values every run.
"""

from __future__ import annotations

import datetime as dt
import enum
import random
import string
import uuid
from collections.abc import Callable, Mapping
from typing import Any

from accord.errors import InvalidMatcher
from accord.generation.date_expressions import evaluate_date, evaluate_datetime, evaluate_time
from accord.generation.regex_strings import string_matching
from accord.generation.state_values import convert_data_type, expand_expression
from accord.model.datetimes import InvalidDatePattern, format_datetime
from accord.model.generators import Generator, GeneratorKind
from accord.model.regexes import compile_pattern

# Defaults for missing attributes, the same as pact-reference's.
DEFAULT_INT_RANGE = (0, 10)
DEFAULT_DIGITS = 10
DEFAULT_SIZE = 10

_ALPHANUMERIC = string.ascii_letters + string.digits


class GeneratorMode(enum.Enum):
    """Who is building the value: this decides which generators run.

    CONSUMER: the mock server building responses, or a consumer test building message examples;
    MockServerURL runs, ProviderState does not. PROVIDER: the verifier building requests (and
    expected messages); ProviderState runs, MockServerURL does not.
    """

    CONSUMER = "consumer"
    PROVIDER = "provider"


def applies_in(generator: Generator, mode: GeneratorMode) -> bool:
    """True when `generator` runs in `mode` (ProviderState only for providers, MockServerURL only
    for consumers, every other generator in both)."""
    if generator.kind is GeneratorKind.PROVIDER_STATE:
        return mode is GeneratorMode.PROVIDER
    if generator.kind is GeneratorKind.MOCK_SERVER_URL:
        return mode is GeneratorMode.CONSUMER
    return True


def generate_value(
    generator: Generator,
    example: Any,
    *,
    mode: GeneratorMode,
    context: Mapping[str, Any] | None = None,
    rng: random.Random | None = None,
) -> Any:
    """The value `generator` produces in place of `example`.

    A generator that does not run in `mode` returns `example` unchanged. Raises InvalidMatcher
    when the generator cannot produce a value (a bad regex or expression, a provider-state value
    missing from `context`, no mock server URL).
    """
    if not applies_in(generator, mode):
        return example
    producer = _PRODUCERS[generator.kind]
    return producer(generator.attrs, example, context or {}, rng or random.Random())


_Producer = Callable[[Mapping[str, Any], Any, Mapping[str, Any], random.Random], Any]


def _random_int(attrs: Mapping[str, Any], example: Any, _: Any, rng: random.Random) -> Any:
    low = _int_attr(attrs, "min", DEFAULT_INT_RANGE[0])
    high = _int_attr(attrs, "max", DEFAULT_INT_RANGE[1])
    if low > high:
        raise InvalidMatcher(f"RandomInt generator: min={low} is greater than max={high}")
    value = rng.randint(low, high)
    return str(value) if isinstance(example, str) else value


def _random_decimal(attrs: Mapping[str, Any], example: Any, _: Any, rng: random.Random) -> Any:
    text = random_decimal_text(_int_attr(attrs, "digits", DEFAULT_DIGITS), rng)
    is_number = isinstance(example, int | float) and not isinstance(example, bool)
    return float(text) if is_number else text


def random_decimal_text(digits: int, rng: random.Random) -> str:
    """A decimal number written with `digits` digits, with the point somewhere inside.

    No leading zero except in "0.x"; one digit gives a bare digit, as pact-reference does.
    """
    digits = max(digits, 1)
    if digits == 1:
        return rng.choice(string.digits)
    whole = rng.randint(1, digits - 1)
    first = rng.choice(string.digits if whole == 1 else string.digits[1:])
    rest = "".join(rng.choice(string.digits) for _ in range(digits - 1))
    return f"{first}{rest[: whole - 1]}.{rest[whole - 1 :]}"


def _random_hex(attrs: Mapping[str, Any], _: Any, __: Any, rng: random.Random) -> str:
    digits = _int_attr(attrs, "digits", DEFAULT_DIGITS)
    return "".join(rng.choice("0123456789abcdef") for _ in range(digits))


def _random_string(attrs: Mapping[str, Any], _: Any, __: Any, rng: random.Random) -> str:
    size = _int_attr(attrs, "size", DEFAULT_SIZE)
    return "".join(rng.choice(_ALPHANUMERIC) for _ in range(size))


def _random_boolean(_: Any, __: Any, ___: Any, rng: random.Random) -> bool:
    # Always a JSON boolean, as pact-reference gives; headers and query turn it into text.
    return rng.random() < 0.5


def _regex(attrs: Mapping[str, Any], _: Any, __: Any, rng: random.Random) -> str:
    pattern = attrs.get("regex")
    if not isinstance(pattern, str):
        raise InvalidMatcher(f"Regex generator needs a 'regex' string, got {pattern!r}")
    return string_matching(pattern, rng)


def _uuid(attrs: Mapping[str, Any], _: Any, __: Any, rng: random.Random) -> str:
    value = uuid.UUID(int=rng.getrandbits(128), version=4)
    style = attrs.get("format") or "lower-case-hyphenated"
    formats = {
        "simple": value.hex,
        "lower-case-hyphenated": str(value),
        "upper-case-hyphenated": str(value).upper(),
        "URN": value.urn,
    }
    if style not in formats:
        raise InvalidMatcher(f"Uuid generator: format must be one of {', '.join(formats)}")
    return formats[style]


def _moment(kind: str, attrs: Mapping[str, Any], context: Mapping[str, Any]) -> str:
    """Shared by Date, Time and DateTime: base moment, relative expression, then the format."""
    base_key = {"date": "baseDate", "time": "baseTime", "datetime": "baseDateTime"}[kind]
    base = _base_moment(context.get(base_key))
    expression = attrs.get("expression")
    evaluate = {"date": evaluate_date, "time": evaluate_time, "datetime": evaluate_datetime}[kind]
    moment = evaluate(base, expression if isinstance(expression, str) else None)
    pattern = attrs.get("format")
    try:
        return format_datetime(pattern if isinstance(pattern, str) else None, moment, kind=kind)
    except InvalidDatePattern as error:
        raise InvalidMatcher(f"{kind} generator: {error}") from None


def _base_moment(value: Any) -> dt.datetime:
    if isinstance(value, dt.datetime):
        return value if value.tzinfo else value.astimezone()
    if isinstance(value, dt.date):
        return dt.datetime(value.year, value.month, value.day).astimezone()
    if isinstance(value, str):
        try:
            parsed = dt.datetime.fromisoformat(value)
        except ValueError:
            raise InvalidMatcher(f"base date/time {value!r} is not an ISO 8601 date-time") from None
        return parsed if parsed.tzinfo else parsed.astimezone()
    return dt.datetime.now().astimezone()


def _provider_state(
    attrs: Mapping[str, Any], _: Any, context: Mapping[str, Any], __: random.Random
) -> Any:
    expression = attrs.get("expression")
    if not isinstance(expression, str):
        raise InvalidMatcher(f"ProviderState generator needs an 'expression', got {expression!r}")
    # Values may be nested under "providerState" (as pact-reference's verifier passes them).
    nested = context.get("providerState")
    values = nested if isinstance(nested, Mapping) else context
    value = expand_expression(expression, values)
    return convert_data_type(value, attrs.get("dataType"))


def _mock_server_url(
    attrs: Mapping[str, Any], example: Any, context: Mapping[str, Any], _: random.Random
) -> str:
    url = mock_server_url(context)
    if url is None:
        raise InvalidMatcher(
            "MockServerURL generator: the context has no mock server URL "
            "(expected context['mockServer']['url'] or context['mockServerUrl'])"
        )
    regex = attrs.get("regex")
    sample = attrs.get("example")
    text = sample if isinstance(sample, str) else example
    if not isinstance(regex, str) or not isinstance(text, str):
        raise InvalidMatcher("MockServerURL generator needs 'regex' and 'example' strings")
    found = compile_pattern(regex).search(text)
    if found is None or found.lastindex is None:
        return text
    # The captured part (the path) is kept and the rest replaced by the mock server's base URL.
    return text[: found.start()] + url.rstrip("/") + found.group(1) + text[found.end() :]


def mock_server_url(context: Mapping[str, Any]) -> str | None:
    """The mock server's base URL from a generator context, or None."""
    details = context.get("mockServer")
    if isinstance(details, Mapping):
        for key in ("url", "href"):
            value = details.get(key)
            if isinstance(value, str):
                return value
    direct = context.get("mockServerUrl")
    return direct if isinstance(direct, str) else None


def _int_attr(attrs: Mapping[str, Any], name: str, default: int) -> int:
    value = attrs.get(name, default)
    if isinstance(value, str) and value.strip().lstrip("-").isdigit():
        return int(value)
    if isinstance(value, bool) or not isinstance(value, int):
        raise InvalidMatcher(f"generator attribute {name!r} must be an integer, got {value!r}")
    return value


_PRODUCERS: dict[GeneratorKind, _Producer] = {
    GeneratorKind.RANDOM_INT: _random_int,
    GeneratorKind.RANDOM_DECIMAL: _random_decimal,
    GeneratorKind.RANDOM_HEXADECIMAL: _random_hex,
    GeneratorKind.RANDOM_STRING: _random_string,
    GeneratorKind.RANDOM_BOOLEAN: _random_boolean,
    GeneratorKind.REGEX: _regex,
    GeneratorKind.UUID: _uuid,
    GeneratorKind.DATE: lambda attrs, _, context, __: _moment("date", attrs, context),
    GeneratorKind.TIME: lambda attrs, _, context, __: _moment("time", attrs, context),
    GeneratorKind.DATE_TIME: lambda attrs, _, context, __: _moment("datetime", attrs, context),
    GeneratorKind.PROVIDER_STATE: _provider_state,
    GeneratorKind.MOCK_SERVER_URL: _mock_server_url,
}
