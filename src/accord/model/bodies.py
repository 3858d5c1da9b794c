"""Bodies of requests, responses and messages, with the four states the specification tells apart.

* MISSING: the pact says nothing about the body (not checked when matching).
* NULL: the pact says `null` (a JSON null document for JSON content, otherwise empty).
* EMPTY: the pact says `""` (the body must be empty).
* PRESENT: real content, kept as bytes plus its content type; JSON is parsed once and cached.
"""

from __future__ import annotations

import base64
import enum
import json
from dataclasses import dataclass, field
from typing import Any

from accord.model.content_types import ContentType, detect_content_type, parse_content_type


class BodyState(enum.Enum):
    MISSING = "missing"
    NULL = "null"
    EMPTY = "empty"
    PRESENT = "present"


_UNPARSED: Any = object()


@dataclass(frozen=True, kw_only=True, eq=False)
class Body:
    """Body content and its declared content type (None when the pact does not say)."""

    state: BodyState = BodyState.MISSING
    content: bytes = b""
    content_type: str | None = None
    # V4 `contentTypeHint` (TEXT/BINARY), kept so a round trip writes it back.
    content_type_hint: str | None = None
    _json: Any = field(default=_UNPARSED, repr=False)

    # ---- constructors ------------------------------------------------------------------
    @classmethod
    def missing(cls) -> Body:
        return cls()

    @classmethod
    def from_json(cls, value: Any, content_type: str | None = "application/json") -> Body:
        """A JSON document (any JSON value, including null)."""
        encoded = json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
        state = BodyState.NULL if value is None else BodyState.PRESENT
        return cls(state=state, content=encoded, content_type=content_type, _json=value)

    @classmethod
    def from_text(cls, text: str, content_type: str | None = "text/plain") -> Body:
        state = BodyState.EMPTY if text == "" else BodyState.PRESENT
        return cls(state=state, content=text.encode("utf-8"), content_type=content_type)

    @classmethod
    def from_bytes(
        cls, content: bytes, content_type: str | None = None, *, hint: str | None = None
    ) -> Body:
        state = BodyState.EMPTY if not content else BodyState.PRESENT
        return cls(state=state, content=content, content_type=content_type, content_type_hint=hint)

    # ---- views -------------------------------------------------------------------------
    @property
    def is_present(self) -> bool:
        return self.state is BodyState.PRESENT

    @property
    def is_specified(self) -> bool:
        return self.state is not BodyState.MISSING

    def parsed_content_type(self) -> ContentType | None:
        return parse_content_type(self.content_type)

    def effective_content_type(self) -> ContentType:
        """Declared content type, else one sniffed from the bytes."""
        declared = parse_content_type(self.content_type)
        if declared is not None:
            return declared
        sniffed = parse_content_type(detect_content_type(self.content))
        assert sniffed is not None
        return sniffed

    @property
    def is_json(self) -> bool:
        return self.effective_content_type().is_json

    def json(self) -> Any:
        """The content parsed as JSON (cached); raises ValueError when it is not JSON."""
        if self._json is _UNPARSED:
            if self.state is BodyState.NULL and not self.content:
                value = None
            else:
                value = json.loads(self.content.decode("utf-8"))
            object.__setattr__(self, "_json", value)
        return self._json

    def text(self) -> str:
        return self.content.decode("utf-8", errors="replace")

    def is_binary(self) -> bool:
        if self.content_type_hint:
            return self.content_type_hint.upper() == "BINARY"
        ctype = self.effective_content_type()
        if ctype.is_text:
            return False
        try:
            self.content.decode("utf-8")
        except UnicodeDecodeError:
            return True
        return ctype.main in ("image", "audio", "video") or ctype.essence in (
            "application/octet-stream",
            "application/pdf",
            "application/zip",
        )

    def base64(self) -> str:
        return base64.b64encode(self.content).decode("ascii")

    def with_content_type(self, content_type: str | None) -> Body:
        return Body(
            state=self.state,
            content=self.content,
            content_type=content_type,
            content_type_hint=self.content_type_hint,
            _json=self._json,
        )

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Body):
            return NotImplemented
        if self.state is not other.state:
            return False
        if self.state in (BodyState.MISSING, BodyState.EMPTY):
            return True
        if self._both_json(other):
            return bool(self.json() == other.json())
        return self.content == other.content

    def _both_json(self, other: Body) -> bool:
        try:
            return self.is_json and other.is_json and (self.json(), other.json()) is not None
        except ValueError:
            return False

    __hash__ = None  # type: ignore[assignment]
