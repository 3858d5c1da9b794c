"""Bodies that are not JSON or XML: plain text, form posts, binary content and multipart."""

from __future__ import annotations

import email.parser
import email.policy
from collections.abc import Callable
from email.message import Message

from accord.matching import describe
from accord.matching.context import RuleContext
from accord.matching.mismatches import Mismatch, MismatchKind
from accord.matching.query import compare_parameters
from accord.matching.values import apply_rules, check_bytes, check_text
from accord.model import Body, RuleKind, RuleList, parse_query_string
from accord.model.content_types import detect_content_type, parse_content_type

PartComparer = Callable[[Body, Body], list[Mismatch]]


def _body_mismatch(path: str, expected: object, actual: object, message: str) -> Mismatch:
    return Mismatch(
        kind=MismatchKind.BODY, path=path, expected=expected, actual=actual, message=message
    )


def compare_text(expected: Body, actual: Body, context: RuleContext) -> list[Mismatch]:
    """Equality of the whole text, unless a rule is written for `$`."""
    expected_text, actual_text = expected.text(), actual.text()
    selected = context.best(())
    if selected is not None:
        messages = apply_rules(selected.rules, check_text, expected_text, actual_text)
        return [_body_mismatch("$", expected_text, actual_text, m) for m in messages]
    if expected.content == actual.content:
        return []
    message = describe.text_body(expected_text, actual_text)
    return [_body_mismatch("$", expected_text, actual_text, message)]


def compare_binary(expected: Body, actual: Body, context: RuleContext) -> list[Mismatch]:
    """Byte equality, unless a rule (contentType, notEmpty, …) is written for `$`."""
    selected = context.best(())
    if selected is not None:
        messages = apply_rules(selected.rules, check_bytes, expected.content, actual.content)
        return [_body_mismatch("$", expected.content, actual.content, m) for m in messages]
    if expected.content == actual.content:
        return []
    message = describe.binary_body(
        _type_name(expected), expected.content, _type_name(actual), actual.content
    )
    return [_body_mismatch("$", expected.content, actual.content, message)]


def has_content_type_rule(context: RuleContext) -> bool:
    selected = context.best(())
    return selected is not None and selected.rules.has(RuleKind.CONTENT_TYPE)


def compare_form(expected: Body, actual: Body, context: RuleContext) -> list[Mismatch]:
    """`application/x-www-form-urlencoded`: parameters compared like a query string."""
    wanted = parse_query_string(expected.text())
    got = parse_query_string(actual.text())

    def rules_for(name: str) -> RuleList | None:
        selected = context.best((name,))
        return selected.rules if selected is not None else None

    found = compare_parameters(wanted, got, rules_for, ordered=False)
    return [
        _body_mismatch(f"$.{m.path}", m.expected, m.actual, describe.as_form(m.message))
        for m in found
    ]


def compare_multipart(
    expected: Body, actual: Body, context: RuleContext, compare_part: PartComparer
) -> list[Mismatch]:
    """MIME multipart bodies, part by part (by name for form-data, else by position)."""
    found: list[Mismatch] = []
    parts = []
    for which, body in (("expected", expected), ("actual", actual)):
        try:
            parts.append(_parts(body))
        except ValueError as error:
            found.append(
                _body_mismatch(
                    "$",
                    expected.content,
                    actual.content,
                    describe.multipart_unparseable(which, str(error)),
                )
            )
    if found:
        return found
    wanted, got = parts
    for name, part in wanted.items():
        if name not in got:
            found.append(_body_mismatch("$", name, None, describe.multipart_part_missing(name)))
            continue
        for mismatch in compare_part(part, got[name]):
            path = f"$.{name}" if mismatch.path in ("", "$") else mismatch.path
            found.append(
                Mismatch(
                    kind=mismatch.kind,
                    path=path,
                    expected=mismatch.expected,
                    actual=mismatch.actual,
                    message=describe.multipart_part(name, mismatch.message),
                )
            )
    return found


def _parts(body: Body) -> dict[str, Body]:
    content_type = body.content_type or ""
    if "boundary=" not in content_type:
        raise ValueError("no boundary in the content type")
    header = f"Content-Type: {content_type}\r\n\r\n".encode()
    message = email.parser.BytesParser(policy=email.policy.compat32).parsebytes(
        header + body.content
    )
    if not message.is_multipart():
        raise ValueError("the body has no MIME parts")
    out: dict[str, Body] = {}
    for index, part in enumerate(message.get_payload()):
        assert isinstance(part, Message)
        name = part.get_param("name", header="content-disposition") or str(index)
        payload = part.get_payload(decode=True)
        data = payload if isinstance(payload, bytes) else b""
        out[str(name)] = Body.from_bytes(data, part.get("Content-Type") or "text/plain")
    return out


def _type_name(body: Body) -> str:
    declared = parse_content_type(body.content_type)
    if declared is not None:
        return declared.essence
    return detect_content_type(body.content)
