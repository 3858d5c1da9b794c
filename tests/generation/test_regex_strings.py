"""The Regex generator: strings that the pattern matches from start to end."""

from __future__ import annotations

import random

import pytest

from accord.errors import InvalidMatcher
from accord.generation.regex_strings import string_matching
from accord.model.regexes import full_match

PATTERNS = [
    r"\d{1,8}",
    r"^[a-z]+@(foo|bar)\.com$",
    r"\w{3}-\d+",
    r"[^abc]{3}",
    r"(a|b)\1",
    r"\QA.B\E\d",
    r"\p{Alpha}{4}",
    r".*(/a)",
    r"(?i)abc",
    r"\s\S\W\D",
    r"x*?y+?",
    r"(?=abc)abc",
    r"[\d\-]{5}",
    r"\bfoo\b",
    r"(?:ab){2,}",
    r"[A-F0-9]{8}-[A-F0-9]{4}",
    r"(?P<year>\d{4})-(?P=year)",
    r"a{0}b?c{2,3}",
    r"[[:alpha:]]?x",
    r"(a)?(?(1)b|c)",
    r"\$\d+",
    r"",
    r"[\w.]+\\",
    r"(GET|POST|PUT)\s/api/v\d/\w+",
]


@pytest.mark.parametrize("pattern", PATTERNS)
def test_generated_strings_match(pattern: str) -> None:
    rng = random.Random(7)
    for _ in range(25):
        text = string_matching(pattern, rng)
        stripped = pattern.removeprefix("^").removesuffix("$")
        assert full_match(stripped, text), (pattern, text)


def test_same_seed_same_string() -> None:
    assert string_matching(r"[a-z]{20}", random.Random(3)) == string_matching(
        r"[a-z]{20}", random.Random(3)
    )


def test_unbounded_repeats_are_capped() -> None:
    rng = random.Random(1)
    assert all(len(string_matching("a*", rng)) <= 10 for _ in range(50))


@pytest.mark.parametrize("pattern", ["(unclosed", "[z-a]", "a(?=b)"])
def test_patterns_that_cannot_produce_raise(pattern: str) -> None:
    with pytest.raises(InvalidMatcher):
        string_matching(pattern, random.Random(0))
