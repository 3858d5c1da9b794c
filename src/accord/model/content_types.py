"""Content types: parsing `type/subtype; params`, classifying, and sniffing bytes."""

from __future__ import annotations

import json
from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class ContentType:
    """A parsed media type; `params` keys are lower-case."""

    main: str
    sub: str
    params: dict[str, str] = field(default_factory=dict)

    @property
    def essence(self) -> str:
        return f"{self.main}/{self.sub}"

    @property
    def is_json(self) -> bool:
        return self.sub == "json" or self.sub.endswith("+json")

    @property
    def is_xml(self) -> bool:
        return self.sub == "xml" or self.sub.endswith("+xml")

    @property
    def is_text(self) -> bool:
        return (
            self.main == "text"
            or self.is_json
            or self.is_xml
            or self.essence in ("application/x-www-form-urlencoded", "application/javascript")
        )

    @property
    def is_binary(self) -> bool:
        """Media types whose content is bytes, not text (images, archives, protobuf ...)."""
        return not self.is_text and (
            self.main in ("image", "audio", "video", "font")
            or self.essence in _BINARY_APPLICATION_TYPES
        )

    @property
    def is_form(self) -> bool:
        return self.essence == "application/x-www-form-urlencoded"

    @property
    def is_multipart(self) -> bool:
        return self.main == "multipart"

    def __str__(self) -> str:
        params = "".join(f";{key}={value}" for key, value in self.params.items())
        return f"{self.essence}{params}"


_BINARY_APPLICATION_TYPES = frozenset(
    {
        "application/octet-stream",
        "application/pdf",
        "application/zip",
        "application/gzip",
        "application/x-protobuf",
        "application/protobuf",
        "application/grpc",
        "application/vnd.google.protobuf",
        "application/avro",
        "application/msgpack",
        "application/x-msgpack",
    }
)


def parse_content_type(text: str | None) -> ContentType | None:
    """Parse a Content-Type value; None when absent or not `type/subtype`."""
    if not text or not isinstance(text, str):
        return None
    essence, _, rest = text.partition(";")
    main, slash, sub = essence.strip().lower().partition("/")
    if not slash or not main or not sub:
        return None
    params: dict[str, str] = {}
    for piece in rest.split(";"):
        key, eq, value = piece.partition("=")
        if eq and key.strip():
            params[key.strip().lower()] = value.strip().strip('"')
    return ContentType(main, sub, params)


_MAGIC = (
    (b"\xff\xd8\xff", "image/jpeg"),
    (b"\x89PNG\r\n\x1a\n", "image/png"),
    (b"GIF87a", "image/gif"),
    (b"GIF89a", "image/gif"),
    (b"%PDF-", "application/pdf"),
    (b"PK\x03\x04", "application/zip"),
    (b"\x1f\x8b", "application/gzip"),
    (b"BM", "image/bmp"),
    (b"RIFF", "image/webp"),
    (b"\x00\x00\x01\x00", "image/x-icon"),
    (b"II*\x00", "image/tiff"),
    (b"MM\x00*", "image/tiff"),
    (b"\x7fELF", "application/x-executable"),
    (b"OggS", "audio/ogg"),
    (b"ID3", "audio/mpeg"),
    (b"\x00asm", "application/wasm"),
)


def detect_content_type(content: bytes) -> str:
    """Guess a media type from the bytes themselves (magic numbers, then JSON/XML/text)."""
    for magic, media_type in _MAGIC:
        if content.startswith(magic):
            return media_type
    try:
        text = content.decode("utf-8")
    except UnicodeDecodeError:
        return "application/octet-stream"
    stripped = text.lstrip()
    if stripped.startswith(("{", "[")):
        try:
            json.loads(text)
            return "application/json"
        except ValueError:
            pass
    if stripped.startswith("<?xml") or (
        stripped.startswith("<") and stripped.rstrip().endswith(">")
    ):
        return "application/xml"
    if "\x00" in text:
        return "application/octet-stream"
    return "text/plain"
