"""Reading and writing bodies in each spec version's JSON form."""

from __future__ import annotations

import base64
import binascii
import json
from collections.abc import Mapping
from typing import Any

from accord.errors import Issue
from accord.model.bodies import Body, BodyState
from accord.model.content_types import detect_content_type, parse_content_type
from accord.model.spec import SpecVersion

_V4_BODY_KEYS = frozenset({"content", "contentType", "encoded", "contentTypeHint"})


def read_body(
    container: Mapping[str, Any],
    key: str,
    content_type: str | None,
    spec: SpecVersion,
    where: str,
    issues: list[Issue],
) -> Body:
    """Read `container[key]` as a body; `content_type` comes from headers or message metadata."""
    if key not in container:
        return Body.missing()
    raw = container[key]
    if spec >= SpecVersion.V4 and is_v4_body_object(raw):
        return _read_v4_body(raw, content_type, f"{where}.{key}", issues)
    return read_plain_body(raw, content_type)


def is_v4_body_object(raw: Any) -> bool:
    return isinstance(raw, Mapping) and "content" in raw and set(raw) <= _V4_BODY_KEYS


def read_plain_body(raw: Any, content_type: str | None) -> Body:
    """A V1–V3 body: any JSON value; a string is raw text unless the content type is JSON."""
    if raw is None:
        return Body(state=BodyState.NULL, content_type=content_type)
    if isinstance(raw, str):
        if raw == "":
            return Body(state=BodyState.EMPTY, content_type=content_type)
        parsed = parse_content_type(content_type)
        if parsed is not None and parsed.is_json:
            # JSON typed string bodies: JSON text written as a string, or a JSON string document.
            try:
                value = json.loads(raw)
            except ValueError:
                return Body.from_json(raw, content_type)
            return Body(
                state=BodyState.PRESENT,
                content=raw.encode("utf-8"),
                content_type=content_type,
                _json=value,
            )
        if parsed is not None and parsed.is_binary:
            # V1–V3 cannot mark encodings; writers store binary bodies as base64 text.
            try:
                return Body.from_bytes(base64.b64decode(raw, validate=True), content_type)
            except (binascii.Error, ValueError):
                pass
        return Body.from_text(raw, content_type)
    return Body.from_json(raw, content_type or "application/json")


def _read_v4_body(
    raw: Mapping[str, Any], content_type: str | None, where: str, issues: list[Issue]
) -> Body:
    declared = raw.get("contentType")
    if declared is not None and not isinstance(declared, str):
        issues.append(Issue(f"{where}.contentType", f"must be a string, got {declared!r}"))
        declared = None
    ctype = declared or content_type
    hint = raw.get("contentTypeHint")
    content = raw.get("content")
    encoded = raw.get("encoded", False)
    if content is None:
        return Body(state=BodyState.NULL, content_type=ctype, content_type_hint=hint)
    if encoded in (False, None, "false"):
        body = read_plain_body(content, ctype)
        return Body(
            state=body.state,
            content=body.content,
            content_type=body.content_type,
            content_type_hint=hint,
            _json=body._json,
        )
    if not isinstance(content, str):
        issues.append(Issue(f"{where}.content", f"must be a string when encoded is {encoded!r}"))
        return Body.missing()
    if (isinstance(encoded, str) and encoded.lower() == "base64") or encoded is True:
        try:
            data = base64.b64decode(content, validate=False)
        except (binascii.Error, ValueError) as error:
            issues.append(Issue(f"{where}.content", f"is not valid base64: {error}"))
            return Body.missing()
        return Body.from_bytes(data, ctype, hint=hint)
    if isinstance(encoded, str) and encoded.lower() == "json":
        try:
            value = json.loads(content)
        except ValueError as error:
            issues.append(
                Issue(f"{where}.content", f"is marked encoded JSON but does not parse: {error}")
            )
            return Body.missing()
        return Body(
            state=BodyState.PRESENT,
            content=content.encode(),
            content_type=ctype or "application/json",
            _json=value,
        )
    if isinstance(encoded, str) and encoded.lower() in ("utf-8", "utf8", "text"):
        return Body.from_text(content, ctype)
    issues.append(Issue(f"{where}.encoded", f"must be false, 'base64' or 'JSON', got {encoded!r}"))
    return Body.missing()


def write_plain_body(body: Body) -> Any:
    """V1–V3 form of a body (call only when the body is specified)."""
    if body.state is BodyState.NULL:
        return None
    if body.state is BodyState.EMPTY:
        return ""
    if _json_value(body) is not _NOT_JSON:
        return body.json()
    if body.is_binary():
        return body.base64()
    return body.text()


def write_v4_body(body: Body) -> dict[str, Any] | None:
    """V4 body object (call only when the body is specified)."""
    if body.state is BodyState.NULL:
        return None
    ctype = body.content_type or (detect_content_type(body.content) if body.content else None)
    out: dict[str, Any] = {}
    if body.state is BodyState.EMPTY:
        out = {"content": "", "encoded": False}
    elif _json_value(body) is not _NOT_JSON:
        out = {"content": body.json(), "encoded": False}
        ctype = ctype or "application/json"
    elif body.is_binary():
        out = {"content": body.base64(), "encoded": "base64"}
    else:
        out = {"content": body.text(), "encoded": False}
    if ctype:
        out["contentType"] = ctype
    if body.content_type_hint:
        out["contentTypeHint"] = body.content_type_hint
    return out


_NOT_JSON: Any = object()


def _json_value(body: Body) -> Any:
    ctype = body.parsed_content_type()
    if ctype is None:
        ctype = parse_content_type(detect_content_type(body.content))
    if ctype is None or not ctype.is_json:
        return _NOT_JSON
    try:
        return body.json()
    except ValueError:
        return _NOT_JSON
