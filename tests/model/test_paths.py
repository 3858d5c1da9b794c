"""Rule path parsing, weighting (the specification's examples) and concrete path rendering."""

from __future__ import annotations

import pytest

from accord.errors import InvalidPact
from accord.model import format_path, parse_rule_path


@pytest.mark.parametrize(
    ("text", "tokens"),
    [
        ("$", ()),
        ("$.a.b", ("a", "b")),
        ("$.a[*].b", ("a", "*", "b")),
        ("$.a.*", ("a", "*")),
        ("$['x y'].z", ("x y", "z")),
        ('$["q"]', ("q",)),
        ("$[0].id", (0, "id")),
        ("$['2'].str", ("2", "str")),
        ("$.two.*.ids", ("two", "*", "ids")),
        ("$.a['@attr']", ("a", "@attr")),
    ],
)
def test_parses_path_expressions(text: str, tokens: tuple[object, ...]) -> None:
    assert parse_rule_path(text).tokens == tokens


@pytest.mark.parametrize("text", ["a.b", "$.a[0", "$.a[x]", "$..a"])
def test_rejects_malformed_expressions(text: str) -> None:
    with pytest.raises(InvalidPact):
        parse_rule_path(text)


def test_weights_follow_the_specification_example() -> None:
    concrete = ("item1", "level", 1, "id")
    assert parse_rule_path("$.item1.level[1].id").weight(concrete) == 32
    assert parse_rule_path("$.item1.level[*].id").weight(concrete) == 16
    assert parse_rule_path("$.*.level[*].id").weight(concrete) == 8
    assert parse_rule_path("$.item2.level[1].id").weight(concrete) == 0


def test_rules_cascade_to_children_but_not_to_siblings() -> None:
    parent = parse_rule_path("$.a")
    assert parent.weight(("a", "b", 0)) == 4
    assert not parent.matches_exactly(("a", "b", 0))
    assert parent.matches_exactly(("a",))
    assert parse_rule_path("$.a.b.c").weight(("a", "b")) == 0


@pytest.mark.parametrize(
    ("concrete", "text"),
    [
        ((), "$"),
        (("a", 0, "b"), "$.a[0].b"),
        (("x y",), "$['x y']"),
        (("100",), "$[100]"),
        (("it's",), "$['it\\'s']"),
    ],
)
def test_renders_concrete_paths_as_pact_tools_do(
    concrete: tuple[str | int, ...], text: str
) -> None:
    assert format_path(concrete) == text
