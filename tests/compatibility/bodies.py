"""Reading the compatibility suite's step-table cells: bodies, fixtures and rule fragments.

A body cell is `file: NAME` (a fixture; `*-body.xml` files are body descriptors), `JSON: ...`,
`XML: ...`, or plain text. Descriptors wrap `<contentType>` and `<contents>` (with optional
`eol="CRLF"` and `encoding="base64"`).
"""

from __future__ import annotations

import base64
import json
import mimetypes
import textwrap
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from typing import Any

from tests.support import FIXTURES


@dataclass(frozen=True)
class CellBody:
    content: bytes
    content_type: str | None

    def json(self) -> Any:
        return json.loads(self.content)


def fixture_text(name: str) -> str:
    return (FIXTURES / name).read_text(encoding="utf-8")


def fixture_json(name: str) -> Any:
    return json.loads(fixture_text(name))


def read_body_cell(cell: str) -> CellBody:
    """Turn a table cell into body bytes and a content type (None when the cell does not say)."""
    cell = cell.strip()
    if cell.startswith("file:"):
        return _fixture_body(cell[len("file:") :].strip())
    if cell.startswith("JSON:"):
        return CellBody(cell[len("JSON:") :].strip().encode("utf-8"), "application/json")
    if cell.startswith("XML:"):
        return CellBody(cell[len("XML:") :].strip().encode("utf-8"), "application/xml")
    return CellBody(cell.encode("utf-8"), None)


def _fixture_body(name: str) -> CellBody:
    path = FIXTURES / name
    if name.endswith("-body.xml"):
        return _descriptor(path.read_text(encoding="utf-8"))
    content_type = _content_type_for(name)
    return CellBody(path.read_bytes(), content_type)


def _descriptor(text: str) -> CellBody:
    root = ET.fromstring(text)
    ctype_element = root.find("contentType")
    contents = root.find("contents")
    content_type = (
        ctype_element.text.strip() if ctype_element is not None and ctype_element.text else None
    )
    if contents is None:
        return CellBody(b"", content_type)
    raw = contents.text or ""
    # The descriptor's contents are indented inside CDATA or text; strip the outer whitespace lines.
    raw = raw.strip("\n")
    raw = textwrap.dedent(raw)
    if contents.get("encoding") == "base64":
        return CellBody(base64.b64decode(raw), content_type)
    if contents.get("eol") == "CRLF":
        raw = raw.replace("\r\n", "\n").replace("\n", "\r\n")
    return CellBody(raw.encode("utf-8"), content_type)


def _content_type_for(name: str) -> str | None:
    if name.endswith(".json"):
        return "application/json"
    if name.endswith(".xml"):
        return "application/xml"
    guessed, _ = mimetypes.guess_type(name)
    return guessed
