"""The matchers of the classic (pact-python 1.x/2.x) API: Like, SomethingLike, EachLike, Term,
Format. They are the modern matchers under their old names, so both APIs share one engine.

>>> EachLike({"id": Like(1)}, minimum=2)
EachLike({'id': Like(1)}, minimum=2)
>>> Term(r"\\d+-\\d+", "123-456")
Term('\\\\d+-\\\\d+', '123-456')
"""

from __future__ import annotations

import warnings
from typing import Any

from accord.consumer import _arguments as arg
from accord.consumer.extract import example_of
from accord.consumer.matchers import EachLikeMatcher, RuleMatcher, format_call
from accord.model import MatchingRule, RuleKind


class Like(RuleMatcher[Any]):
    """Any value of the same type as `matcher` (for objects: the same keys, values alike)."""

    def __init__(self, matcher: Any) -> None:
        super().__init__(format_call("Like", matcher), matcher, [MatchingRule(kind=RuleKind.TYPE)])


SomethingLike = Like


class EachLike(EachLikeMatcher):
    """An array of at least `minimum` elements, each like `matcher`."""

    def __init__(self, matcher: Any, minimum: int = 1) -> None:
        arg.check_size("EachLike", "minimum", minimum)
        if minimum < 1:
            raise arg.fail("EachLike", f"minimum={minimum} is below 1", "use minimum=1 or more")
        call = format_call("EachLike", matcher, minimum=None if minimum == 1 else minimum)
        super().__init__(call, matcher, min=minimum, max=None, examples=minimum)


class Term(RuleMatcher[str]):
    """A string matching the regular expression `matcher`; `generate` is the example sent."""

    def __init__(self, matcher: str, generate: str) -> None:
        compiled = arg.compile_regex("Term", matcher)
        arg.check_regex_example("Term", compiled, generate)
        rule = MatchingRule(kind=RuleKind.REGEX, attrs={"regex": matcher})
        super().__init__(format_call("Term", matcher, generate), generate, [rule])


def get_generated_values(value: Any) -> Any:
    """The example value of a structure of classic matchers (what the mock server sends)."""
    return example_of(value)


class Format:
    """Ready-made matchers for common formats: `Format().uuid`, `Format().iso_datetime`, ..."""

    IP_ADDRESS = r"(\d{1,3}\.)+\d{1,3}"
    HEXADECIMAL = r"[0-9a-fA-F]+"
    IPV6_ADDRESS = r"[0-9a-fA-F:]+(:[0-9a-fA-F]{1,4})*"
    UUID = r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"
    TIMESTAMP = r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:?\d{2})?"
    DATE = r"\d{4}-\d{2}-\d{2}"
    TIME = r"\d{2}:\d{2}:\d{2}"
    ISO_DATETIME = r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}"
    ISO_DATETIME_MS = r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d+"

    def __init__(self) -> None:
        self.identifier = self.integer_or_identifier()
        self.integer = self.integer_or_identifier()
        self.decimal = Like(1.0)
        self.ip_address = Term(self.IP_ADDRESS, "127.0.0.1")
        self.hexadecimal = Term(self.HEXADECIMAL, "3F")
        self.ipv6_address = Term(self.IPV6_ADDRESS, "2001:db8::ff00:42:8329")
        self.uuid = Term(self.UUID, "fc763eba-0905-41c5-a27f-3934ab26786c")
        self.timestamp = Term(self.TIMESTAMP, "2000-02-01T00:00:00Z")
        self.date = Term(self.DATE, "2000-02-01")
        self.time = Term(self.TIME, "12:30:00")
        self.iso_datetime = self.iso_8601_datetime()
        self.iso_datetime_ms = self.iso_8601_datetime(with_ms=True)

    def integer_or_identifier(self) -> Like:
        return Like(1)

    def iso_8601_datetime(self, with_ms: bool = False) -> Term:
        if with_ms:
            return Term(self.ISO_DATETIME_MS, "2000-02-01T00:00:00.000")
        return Term(self.ISO_DATETIME, "2000-02-01T00:00:00")


def warn_publishing_unsupported() -> None:
    """The classic API could publish from `stop_service`; Accord leaves that to the CLI. A
    warning, not an error, so suites that pass `publish_to_broker=True` still run."""
    warnings.warn(
        "publish_to_broker is ignored: publish the written pact files with `accord publish` "
        "(or any Pact Broker client) after the tests",
        UserWarning,
        stacklevel=3,
    )
