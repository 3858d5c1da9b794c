"""Body comparison: presence rules first, then a comparator chosen by content type.

The expected body decides what is checked: a missing body is not checked, `""` and `null` want no
content, and real content is compared by the comparator for its content type (JSON, XML, form,
multipart, binary, else text). A body of another content type than expected is one mismatch.
"""

from __future__ import annotations

from accord.matching import describe
from accord.matching.context import RuleContext
from accord.matching.json_bodies import compare_json
from accord.matching.mismatches import Mismatch, MismatchKind
from accord.matching.other_bodies import (
    PartComparer,
    compare_binary,
    compare_form,
    compare_multipart,
    compare_text,
    has_content_type_rule,
)
from accord.matching.xml_bodies import compare_xml
from accord.model import Body, BodyState, ContentType, parse_content_type
from accord.model.content_types import detect_content_type

_BINARY_TYPES = frozenset(
    {"application/octet-stream", "application/pdf", "application/zip", "application/gzip"}
)


def content_type_of(declared: str | None, body: Body) -> ContentType | None:
    """The content type from headers/metadata, else the body's own, else sniffed; None if unknown."""
    parsed = parse_content_type(declared) or parse_content_type(body.content_type)
    if parsed is not None:
        return parsed
    if body.state is BodyState.PRESENT and body.content:
        return parse_content_type(detect_content_type(body.content))
    return None


def compare_bodies(
    expected: Body,
    actual: Body,
    context: RuleContext,
    *,
    expected_type: str | None = None,
    actual_type: str | None = None,
) -> list[Mismatch]:
    """All differences between two bodies (an empty list when the actual body is acceptable)."""
    if expected.state is BodyState.MISSING:
        return []
    wanted_type = content_type_of(expected_type, expected)
    got_type = content_type_of(actual_type, actual)
    if (
        wanted_type is not None
        and got_type is not None
        and wanted_type.essence != got_type.essence
        and expected.state is BodyState.PRESENT
    ):
        message = describe.body_type(wanted_type.essence, got_type.essence)
        return [
            Mismatch(
                kind=MismatchKind.BODY_TYPE,
                path="$",
                expected=wanted_type.essence,
                actual=got_type.essence,
                message=message,
            )
        ]
    return _compare_present(expected, actual, context, wanted_type or got_type)


def _compare_present(
    expected: Body, actual: Body, context: RuleContext, content_type: ContentType | None
) -> list[Mismatch]:
    if expected.state in (BodyState.NULL, BodyState.EMPTY):
        if actual.state is BodyState.PRESENT:
            return [_at_root(None, actual.text(), describe.body_not_expected(actual.text()))]
        return []
    # The expected body has content from here on.
    if actual.state is BodyState.MISSING:
        return [_at_root(expected.text(), None, describe.body_missing(expected.text()))]
    if actual.state is BodyState.NULL and not _is_json(content_type):
        return [_at_root(expected.text(), None, describe.body_missing(expected.text()))]
    if actual.state is BodyState.EMPTY and context.best(()) is None:
        return [_at_root(expected.text(), "", describe.body_empty(expected.text()))]
    return compare_content(expected, actual, context, content_type)


def compare_content(
    expected: Body, actual: Body, context: RuleContext, content_type: ContentType | None
) -> list[Mismatch]:
    """Compare two present bodies with the comparator for `content_type`."""
    # Without any content type, documents that parse as JSON are compared as JSON (V1 default).
    if (content_type is not None and content_type.is_json) or (
        content_type is None and _both_parse(expected, actual)
    ):
        return _compare_json_bodies(expected, actual, context)
    if content_type is None:
        return compare_text(expected, actual, context)
    if content_type.is_xml:
        return compare_xml(expected.content, actual.content, context)
    if content_type.is_multipart:
        return compare_multipart(expected, actual, context, _compare_part(context))
    if content_type.is_form:
        return compare_form(expected, actual, context)
    if _is_binary(content_type, expected) or has_content_type_rule(context):
        return compare_binary(expected, actual, context)
    return compare_text(expected, actual, context)


def _compare_json_bodies(expected: Body, actual: Body, context: RuleContext) -> list[Mismatch]:
    documents = []
    problems = []
    for which, body in (("expected", expected), ("actual", actual)):
        try:
            documents.append(body.json())
        except (ValueError, UnicodeDecodeError) as error:
            problems.append(
                _at_root(
                    expected.text(), actual.text(), describe.body_unparseable(which, str(error))
                )
            )
    if problems:
        return problems
    return compare_json(documents[0], documents[1], context)


def _compare_part(context: RuleContext) -> PartComparer:
    def compare(expected: Body, actual: Body) -> list[Mismatch]:
        return compare_bodies(expected, actual, context.with_rules([]))

    return compare


def _both_parse(expected: Body, actual: Body) -> bool:
    try:
        expected.json()
        actual.json()
    except (ValueError, UnicodeDecodeError):
        return False
    return True


def _is_json(content_type: ContentType | None) -> bool:
    return content_type is None or content_type.is_json


def _is_binary(content_type: ContentType, body: Body) -> bool:
    if content_type.main in ("image", "audio", "video", "font"):
        return True
    if content_type.essence in _BINARY_TYPES:
        return True
    if content_type.is_text:
        return False
    try:
        body.content.decode("utf-8")
    except UnicodeDecodeError:
        return True
    return False


def _at_root(expected: object, actual: object, message: str) -> Mismatch:
    return Mismatch(
        kind=MismatchKind.BODY, path="$", expected=expected, actual=actual, message=message
    )


__all__ = ["compare_bodies", "compare_content", "content_type_of"]
