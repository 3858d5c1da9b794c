"""Every mismatch message, worded as the Pact reference implementation words it.

The compatibility suite compares mismatch text, so all wording lives here and nowhere else. Values
are shown the reference way: strings in single quotes, numbers and booleans bare, objects and arrays
as compact JSON, with the JSON type name in brackets where the reference shows one.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

# ---- showing values ------------------------------------------------------------------------


def type_of(value: Any) -> str:
    """The JSON type name used in messages: Object, Array, Null, Boolean, Integer, Decimal, String."""
    if value is None:
        return "Null"
    if isinstance(value, bool):
        return "Boolean"
    if isinstance(value, int):
        return "Integer"
    if isinstance(value, float):
        return "Decimal"
    if isinstance(value, str):
        return "String"
    if isinstance(value, Mapping):
        return "Object"
    return "Array"


def compact_json(value: Any) -> str:
    """JSON without spaces and with sorted keys, as the reference prints documents."""
    return json.dumps(value, separators=(",", ":"), sort_keys=True, ensure_ascii=False)


def value_of(value: Any) -> str:
    """A JSON value as messages show it: `'text'`, `100`, `true`, `null`, `{"a":1}`."""
    if value is None:
        return "null"
    if isinstance(value, str):
        return f"'{value}'"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return compact_json(value)
    return compact_json(value)


def typed(value: Any) -> str:
    """`'c' (String)`, `100 (Integer)`: a value followed by its type."""
    return f"{value_of(value)} ({type_of(value)})"


def text_of(value: Any) -> str:
    """A JSON value as plain text: strings without quotes, anything else as compact JSON."""
    return value if isinstance(value, str) else compact_json(value)


def list_display(items: Sequence[Any]) -> str:
    """`[1, 2, 3]`: items as JSON joined by comma and space (the reference's list display)."""
    return "[" + ", ".join(compact_json(item) for item in items) + "]"


def map_display(items: Mapping[str, Any]) -> str:
    """`{"a": 1}`: a map for size messages."""
    return "{" + ", ".join(f"{json.dumps(k)}: {compact_json(v)}" for k, v in items.items()) + "}"


# ---- single values -------------------------------------------------------------------------


def not_equal(actual: Any, expected: Any, *, show_types: bool = True) -> str:
    if show_types:
        return f"Expected {typed(actual)} to be equal to {typed(expected)}"
    return f"Expected {value_of(actual)} to be equal to {value_of(expected)}"


def text_not_equal(actual: str, expected: str) -> str:
    return f"Expected '{actual}' to be equal to '{expected}'"


def regex_not_matched(actual_text: str, regex: str) -> str:
    return f"Expected '{actual_text}' to match '{regex}'"


def invalid_regex(regex: str, error: str) -> str:
    return f"'{regex}' is not a valid regular expression - {error}"


def not_included(actual_text: str, substring: str) -> str:
    return f"Expected '{actual_text}' to include '{substring}'"


def not_same_type(actual: Any, expected: Any) -> str:
    return f"Expected {typed(actual)} to be the same type as {typed(expected)}"


def structure_type_mismatch(actual: Any, expected: Any) -> str:
    return f"Type mismatch: {not_same_type(actual, expected)}"


def too_small(shown: str, size: int, minimum: int) -> str:
    return f"Expected {shown} (size {size}) to have minimum size of {minimum}"


def too_large(shown: str, size: int, maximum: int) -> str:
    return f"Expected {shown} (size {size}) to have maximum size of {maximum}"


def not_integer(actual: Any) -> str:
    return f"Expected {typed(actual)} to be an integer"


def not_decimal(actual: Any) -> str:
    return f"Expected {typed(actual)} to be a decimal number"


def not_number(actual: Any) -> str:
    return f"Expected {typed(actual)} to be a number"


def not_null(actual: Any) -> str:
    return f"Expected {typed(actual)} to be a null value"


def not_boolean(actual: Any) -> str:
    return f"Expected {typed(actual)} to match a boolean"


def text_not_number(actual: str) -> str:
    return f"Expected '{actual}' to match a number"


def text_not_integer(actual: str) -> str:
    return f"Expected '{actual}' to match an integer number"


def text_not_decimal(actual: str) -> str:
    return f"Expected '{actual}' to match a decimal number"


def text_not_boolean(actual: str) -> str:
    return f"Expected {actual} to match a boolean"


def text_not_null(actual: str) -> str:
    return f"Expected '{actual}' to be a null value"


def not_date_time(actual_text: str, kind: str, pattern: str) -> str:
    """`kind` is "date", "time" or "timestamp"."""
    return f"Expected '{actual_text}' to match a {kind} pattern of '{pattern}'"


def invalid_date_pattern(pattern: str, error: str) -> str:
    return f"'{pattern}' is not a valid date/time pattern - {error}"


def empty_value(actual: Any) -> str:
    if actual is None:
        return "Expected non-empty value but got a NULL"
    return f"Expected {typed(actual)} to not be empty"


def empty_text(actual: str) -> str:
    return f"Expected {actual} to not be empty"


def empty_bytes() -> str:
    return "Expected [] (0 bytes) to not be empty"


def not_semver(actual_text: str) -> str:
    return f"'{actual_text}' is not a valid semantic version"


def semver_not_text(actual: Any) -> str:
    return f"Expected something that matches a semantic version, but got '{text_of(actual)}'"


STATUS_CLASS_NAMES = {
    "info": "Informational response (100–199)",
    "success": "Successful response (200–299)",
    "redirect": "Redirect (300–399)",
    "clientError": "Client error (400–499)",
    "serverError": "Server error (500–599)",
    "nonError": "Non-error response (< 400)",
    "error": "Error response (>= 400)",
}


def status_class(status: Any) -> str:
    if isinstance(status, list):
        return ", ".join(str(code) for code in status)
    return STATUS_CLASS_NAMES.get(str(status), str(status))


def wrong_status_class(code: Any, status: Any) -> str:
    return f"Expected status code {code} to be a {status_class(status)}"


def wrong_content_type(expected: str, detected: str) -> str:
    return (
        f"Expected binary contents to have content type '{expected}' "
        f"but detected contents was '{detected}'"
    )


def cannot_apply(shown: str, rule_name: str) -> str:
    return f"Unable to match {shown} using {rule_name}"


# ---- collections ---------------------------------------------------------------------------


def missing_keys(keys: Iterable[str]) -> str:
    return f"Actual map is missing the following keys: {', '.join(keys)}"


def different_keys(expected: Iterable[str], actual: Iterable[str]) -> str:
    return (
        f"Expected a Map with keys [{', '.join(sorted(expected))}] "
        f"but received one with keys [{', '.join(sorted(actual))}]"
    )


def unexpected_map(actual: Any) -> str:
    return f"Expected an empty Map but received {compact_json(actual)}"


def unexpected_list(actual: Any) -> str:
    return f"Expected an empty List but received {compact_json(actual)}"


def list_length(expected: int, actual: int) -> str:
    return f"Expected a List with {expected} elements but received {actual} elements"


def item_missing(expected_item: Any) -> str:
    return f"Expected {compact_json(expected_item)} but was missing"


def indexed_item_missing(expected_item: Any, index: int) -> str:
    return f"Expected {compact_json(expected_item)} ({index}) but was missing"


def variant_not_found(index: int, variant: Any) -> str:
    return f"Variant at index {index} ({compact_json(variant)}) was not found in the actual list"


def variant_out_of_range(index: int, size: int) -> str:
    return (
        f"ArrayContains: variant {index} is missing from the expected list, which has {size} items"
    )


# ---- bodies --------------------------------------------------------------------------------


def body_not_expected(actual: str) -> str:
    return f"Expected empty body but received {actual}"


def body_missing(expected: str) -> str:
    return f"Expected body {expected} but was missing"


def body_empty(expected: str) -> str:
    return f"Expected body {expected} but was empty"


def body_type(expected: str, actual: str) -> str:
    return f"Expected a body of '{expected}' but the actual content type was '{actual}'"


def body_unparseable(which: str, error: str) -> str:
    """`which` is "expected" or "actual"."""
    return f"Failed to parse the {which} body: '{error}'"


def text_body(expected: str, actual: str) -> str:
    return f"Expected body '{expected}' to match '{actual}' using equality but did not match"


def binary_body(expected_type: str, expected: bytes, actual_type: str, actual: bytes) -> str:
    return (
        f"Actual body [{actual_type}, {len(actual)} bytes, starting with {actual[:32].hex()}] "
        f"is not equal to the expected body "
        f"[{expected_type}, {len(expected)} bytes, starting with {expected[:32].hex()}]"
    )


def xml_child_missing(name: str) -> str:
    return f"Expected child <{name}/> but was missing"


def xml_child_unexpected(name: str) -> str:
    return f"Unexpected child <{name}/>"


def xml_no_children(names: Iterable[str]) -> str:
    return f"Expected no children but received [{', '.join(names)}]"


def xml_no_attributes(actual: Mapping[str, str]) -> str:
    return f"Did not expect any attributes but received {map_display(actual)}"


def xml_attribute_count(expected: int, actual: int, *, at_least: bool) -> str:
    qualifier = "at least " if at_least else ""
    return f"Expected {qualifier}{expected} attribute(s) but received {actual} attribute(s)"


def xml_attribute_missing(name: str, value: str) -> str:
    return f"Expected attribute '{name}'='{value}' but was missing"


def xml_name_not_equal(expected: str, actual: str) -> str:
    return f"Expected '{expected}' to be equal to '{actual}'"


def xml_name_not_same_type(expected: str, actual: str) -> str:
    return f"Expected '{expected}' to be the same type as '{actual}'"


def xml_too_few_children(name: str, minimum: int) -> str:
    return f"Expected '{name}' to have at least {minimum} children"


def xml_too_many_children(name: str, maximum: int) -> str:
    return f"Expected '{name}' to have at most {maximum} children"


def xml_childless(name: str) -> str:
    return f"Expected '{name}' to have at least one child"


def multipart_unparseable(which: str, error: str) -> str:
    return f"Failed to parse the {which} body as a MIME multipart body: '{error}'"


def multipart_part_missing(name: str) -> str:
    return f"Expected a MIME part '{name}' but was missing"


def multipart_part(name: str, message: str) -> str:
    return f"MIME part '{name}': {message}"


# ---- HTTP parts ----------------------------------------------------------------------------


def method(expected: str, actual: str) -> str:
    return f"Expected method '{expected}' but was '{actual}'"


def path(expected: str, actual: str) -> str:
    return f"Expected path '{expected}' but was '{actual}'"


def status(expected: int, actual: int) -> str:
    return f"Expected status {expected} but was {actual}"


def query_missing(name: str) -> str:
    return f"Expected query parameter '{name}' but was missing"


def query_unexpected(name: str) -> str:
    return f"Unexpected query parameter '{name}' received"


def query_value(name: str, expected: str, actual: str) -> str:
    return f"Expected query parameter '{name}' with value '{expected}' but was '{actual}'"


def query_value_missing(name: str, expected: str) -> str:
    return f"Expected query parameter '{name}' value '{expected}' but was missing"


def query_counts(name: str, expected: int, actual: int) -> str:
    return (
        f"Expected query parameter '{name}' with {expected} value(s) but received {actual} value(s)"
    )


def query_not_empty(name: str, actual: Sequence[str]) -> str:
    return f"Expected an empty parameter list for '{name}' but received {list_display(actual)}"


def query_order(expected: Sequence[str], actual: Sequence[str]) -> str:
    return (
        f"Expected query parameters in the order [{', '.join(expected)}] "
        f"but received [{', '.join(actual)}]"
    )


def as_form(message: str) -> str:
    """Query wording reused for form bodies, as the reference does."""
    return message.replace("query parameter", "form post parameter")


def header_missing(name: str) -> str:
    return f"Expected a header '{name}' but was missing"


def header_value(name: str, expected: str, actual: str, index: int | None = None) -> str:
    if index is None:
        return f"Expected header '{name}' to have value '{expected}' but was '{actual}'"
    return (
        f"Expected header '{name}' at index {index} to have value '{expected}' but was '{actual}'"
    )


def header_not_empty(name: str, actual: str) -> str:
    return f"Expected an empty header '{name}' but actual value was '{actual}'"


def header_value_missing(name: str, expected: str, index: int, count: int) -> str:
    return (
        f"Mismatch with header '{name}': Expected value '{expected}' at index {index} "
        f"but was missing (actual has {count} value(s))"
    )


def header_mismatch(name: str, message: str) -> str:
    return f"Mismatch with header '{name}': {message}"


def at_index(message: str, index: int) -> str:
    return f"{message} for value at index {index}"


def metadata_missing(key: str) -> str:
    return f"Expected message metadata '{key}' but was missing"


def metadata_value(key: str, expected: Any, actual: Any) -> str:
    return (
        f"Expected message metadata '{key}' to have value '{text_of(expected)}' "
        f"but was '{text_of(actual)}'"
    )


def metadata_mismatch(key: str, message: str) -> str:
    return f"Mismatch with metadata '{key}': {message}"
