"""The Matcher protocol: an example value plus the rules and generators that apply at its path.

Users never build these classes directly; `accord.consumer.match` and `accord.consumer.generate`
do, validating their arguments first. A matcher's repr is the call that built it, so a failing
test prints `each_like(integer(1), min=2)` instead of an object address.

Standard library only: this module is part of the consumer-side core.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from accord.model import Generator, MatchingRule, RuleKind

if TYPE_CHECKING:
    from accord.consumer.extract import RuleSink

T = TypeVar("T")

Step = str | int


class _AnyIndex:
    """The `[*]` step of a rule path: every element of an array."""

    __slots__ = ()

    def __repr__(self) -> str:
        return "[*]"


class _AnyKey:
    """The `.*` step of a rule path: every value of an object, whatever its key."""

    __slots__ = ()

    def __repr__(self) -> str:
        return ".*"


ANY_INDEX: Any = _AnyIndex()
ANY_KEY: Any = _AnyKey()


class Matcher(Generic[T]):
    """A value in a pact that stands for "anything like this", not "exactly this".

    `example()` is what the mock server sends and what the pact file records; `collect(path, sink)`
    records the matcher's rules (and any generator) at `path` and returns the example.
    """

    __slots__ = ("_call",)

    def __init__(self, call: str) -> None:
        self._call = call

    def example(self) -> T:
        from accord.consumer.extract import example_of

        return example_of(self)  # type: ignore[no-any-return]

    def collect(self, path: tuple[Any, ...], sink: RuleSink) -> Any:
        raise NotImplementedError

    def __repr__(self) -> str:
        return self._call

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Matcher) and repr(self) == repr(other)

    def __hash__(self) -> int:
        return hash(self._call)


class RuleMatcher(Matcher[T]):
    """A value checked by one or more rules; the value may hold nested matchers (e.g. `like`)."""

    __slots__ = ("generator", "rules", "value")

    def __init__(
        self,
        call: str,
        value: Any,
        rules: Sequence[MatchingRule],
        generator: Generator | None = None,
    ) -> None:
        super().__init__(call)
        self.value = value
        self.rules = tuple(rules)
        self.generator = generator

    def collect(self, path: tuple[Any, ...], sink: RuleSink) -> Any:
        for rule in self.rules:
            sink.add_rule(path, rule)
        if self.generator is not None:
            sink.add_generator(path, self.generator)
        # Rules on a container cascade to children, but nested matchers still refine them.
        return sink.walk(self.value, path)


class EachLikeMatcher(Matcher[list[Any]]):
    """An array whose every element is like `template`, with optional size bounds."""

    __slots__ = ("examples", "max", "min", "template")

    def __init__(
        self, call: str, template: Any, *, min: int | None, max: int | None, examples: int
    ) -> None:
        super().__init__(call)
        self.template = template
        self.min = min
        self.max = max
        self.examples = examples

    def collect(self, path: tuple[Any, ...], sink: RuleSink) -> Any:
        attrs: dict[str, int] = {}
        if self.min is not None:
            attrs["min"] = self.min
        if self.max is not None:
            attrs["max"] = self.max
        sink.add_rule(path, MatchingRule(kind=RuleKind.TYPE, attrs=attrs))
        element = sink.walk(self.template, (*path, ANY_INDEX))
        return [element for _ in range(self.examples)]


class ValuesMatcher(Matcher[dict[str, Any]]):
    """An object with any keys, every value like the example values (the `values` rule)."""

    __slots__ = ("value",)

    def __init__(self, call: str, value: Any) -> None:
        super().__init__(call)
        self.value = value

    def collect(self, path: tuple[Any, ...], sink: RuleSink) -> Any:
        sink.add_rule(path, MatchingRule(kind=RuleKind.VALUES))
        # The keys vary, so the values' rules go under `.*`; plain values match by type.
        every = (*path, ANY_KEY)
        if not any(isinstance(item, Matcher) for item in self.value.values()):
            sink.add_rule(every, MatchingRule(kind=RuleKind.TYPE))
        return {key: sink.walk(item, every) for key, item in self.value.items()}


class ArrayContainingMatcher(Matcher[list[Any]]):
    """An array that must contain an element matching each variant, in any order."""

    __slots__ = ("variants",)

    def __init__(self, call: str, variants: Sequence[Any]) -> None:
        super().__init__(call)
        self.variants = tuple(variants)

    def collect(self, path: tuple[Any, ...], sink: RuleSink) -> Any:
        from accord.consumer.extract import extract_variant
        from accord.model import ArrayVariant

        examples = []
        variants = []
        for index, variant in enumerate(self.variants):
            example, rules, generators = extract_variant(variant)
            examples.append(example)
            variants.append(ArrayVariant(index=index, rules=rules, generators=generators))
        sink.add_rule(path, MatchingRule(kind=RuleKind.ARRAY_CONTAINS, variants=tuple(variants)))
        return examples


def format_call(name: str, *args: Any, **kwargs: Any) -> str:
    """`name(arg, key=value)` with Python reprs, leaving out arguments left at None."""
    positional = list(args)
    while positional and positional[-1] is None:
        positional.pop()  # `integer()` rather than `integer(None)`
    parts = [repr(arg) for arg in positional]
    parts += [f"{key}={value!r}" for key, value in kwargs.items() if value is not None]
    return f"{name}({', '.join(parts)})"
