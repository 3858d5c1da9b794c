"""One value per generator type: types, ranges, formats, modes and context."""

from __future__ import annotations

import datetime as dt
import random
import re
import uuid
from typing import Any

import pytest

from accord.errors import InvalidMatcher
from accord.generation import GeneratorMode, applies_in, generate_value
from accord.generation.values import random_decimal_text
from accord.model.datetimes import matches_pattern
from accord.model.generators import Generator, GeneratorKind

CONSUMER, PROVIDER = GeneratorMode.CONSUMER, GeneratorMode.PROVIDER
BASE = {"baseDateTime": "2000-01-01T10:00:00+00:00", "baseDate": "2000-01-01T10:00:00+00:00"}


def gen(kind: str, **attrs: Any) -> Generator:
    return Generator(kind=GeneratorKind(kind), attrs=attrs)


def value(generator: Generator, example: Any = "x", *, mode=CONSUMER, context=None, seed=1) -> Any:
    return generate_value(generator, example, mode=mode, context=context, rng=random.Random(seed))


@pytest.mark.parametrize("seed", range(30))
def test_random_int_stays_in_range(seed: int) -> None:
    assert 5 <= value(gen("RandomInt", min=5, max=7), 1, seed=seed) <= 7


def test_random_int_defaults_and_example_type() -> None:
    assert 0 <= value(gen("RandomInt"), 1) <= 10
    assert isinstance(value(gen("RandomInt"), 1), int)
    assert re.fullmatch(r"\d+", value(gen("RandomInt"), "text"))


def test_random_int_rejects_inverted_range() -> None:
    with pytest.raises(InvalidMatcher, match="min=9 is greater than max=1"):
        value(gen("RandomInt", min=9, max=1))


@pytest.mark.parametrize("digits", [2, 3, 6, 10])
@pytest.mark.parametrize("seed", range(10))
def test_random_decimal_has_the_digits(digits: int, seed: int) -> None:
    text = random_decimal_text(digits, random.Random(seed))
    assert re.fullmatch(r"(0|[1-9]\d*)\.\d+", text)
    assert len(text.replace(".", "")) == digits


def test_random_decimal_follows_the_example_type() -> None:
    assert isinstance(value(gen("RandomDecimal", digits=4), 1.5), float)
    assert isinstance(value(gen("RandomDecimal", digits=4), "1.5"), str)


def test_hex_string_and_boolean() -> None:
    assert re.fullmatch(r"[0-9a-f]{6}", value(gen("RandomHexadecimal", digits=6)))
    assert re.fullmatch(r"[A-Za-z0-9]{10}", value(gen("RandomString")))
    assert len(value(gen("RandomString", size=3))) == 3
    assert value(gen("RandomBoolean")) in (True, False)


def test_regex_generator() -> None:
    assert re.fullmatch(r"\d{3}-[a-z]{2}", value(gen("Regex", regex=r"^\d{3}-[a-z]{2}$")))


@pytest.mark.parametrize(
    ("style", "shape"),
    [
        (None, r"[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}"),
        ("simple", r"[0-9a-f]{32}"),
        ("lower-case-hyphenated", r"[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}"),
        ("upper-case-hyphenated", r"[0-9A-F]{8}(-[0-9A-F]{4}){3}-[0-9A-F]{12}"),
        ("URN", r"urn:uuid:[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}"),
    ],
)
def test_uuid_formats(style: str | None, shape: str) -> None:
    attrs = {"format": style} if style else {}
    text = value(gen("Uuid", **attrs))
    assert re.fullmatch(shape, text)
    assert uuid.UUID(text).version == 4


def test_same_seed_same_values() -> None:
    generator = gen("Uuid")
    assert value(generator, seed=5) == value(generator, seed=5)
    assert value(generator, seed=5) != value(generator, seed=6)


def test_dates_and_times_with_defaults() -> None:
    assert matches_pattern("yyyy-MM-dd", value(gen("Date")))
    assert matches_pattern("HH:mm:ss", value(gen("Time")))
    assert matches_pattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ", value(gen("DateTime")))


def test_dates_with_format_and_expression() -> None:
    assert value(gen("Date", format="dd/MM/yyyy", expression="tomorrow"), context=BASE) == (
        "02/01/2000"
    )
    assert (
        value(
            gen("DateTime", format="yyyy-MM-dd'T'HH:mm:ssXXX", expression="+ 1 day @ noon"),
            context=BASE,
        )
        == "2000-01-02T12:00:00Z"
    )
    assert value(
        gen("Time", format="HH:mm", expression="@ noon"),
        context={"baseTime": dt.datetime(2000, 1, 1, 10, tzinfo=dt.UTC)},
    ) in ("12:00",)


def test_bad_date_format_or_expression() -> None:
    with pytest.raises(InvalidMatcher, match="unknown pattern letter"):
        value(gen("Date", format="yyyy-bb"))
    with pytest.raises(InvalidMatcher, match="invalid date/time expression"):
        value(gen("Date", expression="someday"))


STATE = {
    "id": 1000,
    "name": "Fred",
    "flag": True,
    "price": "12.5",
    "user": {"ids": [4, 5]},
    "a.b": "dotted key",
}


@pytest.mark.parametrize(
    ("attrs", "expected"),
    [
        ({"expression": "${id}"}, 1000),
        ({"expression": "${ id }"}, 1000),
        ({"expression": "id"}, 1000),
        ({"expression": "/users/${id}/${name}"}, "/users/1000/Fred"),
        ({"expression": "${flag}-${id}"}, "true-1000"),
        ({"expression": "${id}", "dataType": "STRING"}, "1000"),
        ({"expression": "${price}", "dataType": "DECIMAL"}, 12.5),
        ({"expression": "${price}", "dataType": "INTEGER"}, 12),
        ({"expression": "${flag}", "dataType": "BOOLEAN"}, True),
        ({"expression": "${name}", "dataType": "RAW"}, "Fred"),
        ({"expression": "${user.ids.1}"}, 5),
        ({"expression": "${user}"}, {"ids": [4, 5]}),
        ({"expression": "${a.b}"}, "dotted key"),
        ({"expression": "ids=${user.ids}"}, "ids=[4,5]"),
    ],
)
def test_provider_state_values(attrs: dict[str, Any], expected: Any) -> None:
    result = value(gen("ProviderState", **attrs), "example", mode=PROVIDER, context=STATE)
    assert result == expected
    assert type(result) is type(expected)


def test_provider_state_values_may_be_nested() -> None:
    context = {"providerState": {"id": 7}}
    assert value(gen("ProviderState", expression="${id}"), mode=PROVIDER, context=context) == 7


def test_provider_state_missing_value_names_the_known_ones() -> None:
    with pytest.raises(InvalidMatcher, match=r"no value named 'nope'.*id, name"):
        value(gen("ProviderState", expression="${nope}"), mode=PROVIDER, context=STATE)


def test_mode_decides_which_generators_run() -> None:
    state = gen("ProviderState", expression="${id}")
    url = gen("MockServerURL", regex=".*(/a)", example="http://x/a")
    assert value(state, "kept", mode=CONSUMER, context=STATE) == "kept"
    assert value(url, "kept", mode=PROVIDER) == "kept"
    assert applies_in(state, PROVIDER) and not applies_in(state, CONSUMER)
    assert applies_in(url, CONSUMER) and not applies_in(url, PROVIDER)
    assert applies_in(gen("RandomInt"), CONSUMER) and applies_in(gen("RandomInt"), PROVIDER)


@pytest.mark.parametrize(
    "context",
    [
        {"mockServer": {"url": "http://somewhere.world"}},
        {"mockServer": {"href": "http://somewhere.world/"}},
        {"mockServerUrl": "http://somewhere.world"},
    ],
)
def test_mock_server_url(context: dict[str, Any]) -> None:
    generator = gen("MockServerURL", regex=r".*(/orders/\d+)$", example="http://1234:8080/orders/7")
    assert value(generator, context=context) == "http://somewhere.world/orders/7"


def test_mock_server_url_needs_the_url() -> None:
    with pytest.raises(InvalidMatcher, match="no mock server URL"):
        value(gen("MockServerURL", regex=".*(/a)", example="http://x/a"), context={})
