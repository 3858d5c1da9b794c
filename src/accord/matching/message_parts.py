"""Message contents and metadata. Contents are compared like a response body (lenient)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from accord.errors import Issue
from accord.matching import describe
from accord.matching.bodies import compare_bodies
from accord.matching.context import RuleContext
from accord.matching.mismatches import Mismatch, MismatchKind
from accord.matching.values import apply_rules, check_text, json_equal
from accord.model import MessageContents, SpecVersion
from accord.model.codec import read_message_contents

# Metadata keys that carry the content type; compared through the body's content type instead.
_CONTENT_TYPE_KEYS = frozenset({"contenttype", "content-type", "content_type"})


def match_message(
    expected: MessageContents | Mapping[str, Any],
    actual: MessageContents | Mapping[str, Any],
    spec: str | SpecVersion = "v4",
) -> list[Mismatch]:
    """Every difference between expected and actual message contents and metadata."""
    version = SpecVersion.parse(spec)
    wanted = _contents(expected, version)
    got = _contents(actual, version)
    rules = wanted.matching_rules
    context = RuleContext(rules.paths("body"), allow_unexpected_keys=True)
    found = compare_bodies(
        wanted.contents,
        got.contents,
        context,
        expected_type=wanted.content_type(),
        actual_type=got.content_type(),
    )
    found.extend(compare_metadata(wanted, got))
    return found


def compare_metadata(expected: MessageContents, actual: MessageContents) -> list[Mismatch]:
    """Expected metadata keys must be present and equal, or satisfy their rules."""
    found: list[Mismatch] = []
    rules = expected.matching_rules
    for key, value in expected.metadata.items():
        if key.lower() in _CONTENT_TYPE_KEYS:
            continue
        if key not in actual.metadata:
            found.append(_mismatch(key, value, None, describe.metadata_missing(key)))
            continue
        got = actual.metadata[key]
        rule_list = rules.by_name("metadata", key)
        if rule_list is not None:
            wanted_text, got_text = describe.text_of(value), describe.text_of(got)
            messages = apply_rules(rule_list, check_text, wanted_text, got_text)
            found.extend(
                _mismatch(key, value, got, describe.metadata_mismatch(key, message))
                for message in messages
            )
        elif not json_equal(value, got) and describe.text_of(value) != describe.text_of(got):
            found.append(_mismatch(key, value, got, describe.metadata_value(key, value, got)))
    return found


def _mismatch(key: str, expected: Any, actual: Any, message: str) -> Mismatch:
    return Mismatch(
        kind=MismatchKind.METADATA, path=key, expected=expected, actual=actual, message=message
    )


def _contents(value: MessageContents | Mapping[str, Any], spec: SpecVersion) -> MessageContents:
    if isinstance(value, MessageContents):
        return value
    issues: list[Issue] = []
    return read_message_contents(value, spec, "$", issues)
