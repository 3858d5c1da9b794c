"""Text, form, multipart and binary bodies, and the body content-type check."""

from __future__ import annotations

from accord.matching import MismatchKind, match_request
from accord.model import Body, Request

BOUNDARY = "XyZ"


def request(content: bytes, content_type: str) -> Request:
    return Request(
        method="PUT",
        path="/",
        headers={"Content-Type": [content_type]},
        body=Body.from_bytes(content, content_type),
    )


def messages(expected: Request, actual: Request) -> list[str]:
    return [m.message for m in match_request(expected, actual)]


def multipart(*parts: tuple[str, str, bytes]) -> Request:
    chunks = []
    for name, content_type, data in parts:
        chunks.append(
            f'--{BOUNDARY}\r\nContent-Disposition: form-data; name="{name}"\r\n'
            f"Content-Type: {content_type}\r\n\r\n".encode()
            + data
            + b"\r\n"
        )
    body = b"".join(chunks) + f"--{BOUNDARY}--\r\n".encode()
    return request(body, f"multipart/form-data; boundary={BOUNDARY}")


def test_text_bodies_compare_by_equality() -> None:
    expected = request(b"Hello World!", "text/plain")
    assert messages(expected, request(b"Hello World!", "text/plain")) == []
    assert messages(expected, request(b"Hello Mars!", "text/plain")) == [
        "Expected body 'Hello World!' to match 'Hello Mars!' using equality but did not match"
    ]


def test_form_bodies_compare_parameters_in_any_order() -> None:
    form = "application/x-www-form-urlencoded"
    expected = request(b"a=1&b=2&c=3", form)
    assert messages(expected, request(b"c=3&a=1&b=2", form)) == []
    found = match_request(expected, request(b"a=1&b=2&c=33", form))
    assert [(m.path, m.message) for m in found] == [
        ("$.c", "Expected form post parameter 'c' with value '3' but was '33'")
    ]


def test_multipart_bodies_compare_part_by_part() -> None:
    expected = multipart(("name", "text/plain", b"Mary"), ("data", "application/json", b'{"a": 1}'))
    same = multipart(("data", "application/json", b'{"a":1}'), ("name", "text/plain", b"Mary"))
    assert messages(expected, same) == []
    different = multipart(
        ("name", "text/plain", b"Harry"), ("data", "application/json", b'{"a": 2}')
    )
    assert messages(expected, different) == [
        "MIME part 'name': Expected body 'Mary' to match 'Harry' using equality but did not match",
        "MIME part 'data': Expected 2 (Integer) to be equal to 1 (Integer)",
    ]
    missing = multipart(("name", "text/plain", b"Mary"))
    assert messages(expected, missing) == ["Expected a MIME part 'data' but was missing"]


def test_binary_bodies_compare_bytes() -> None:
    jpeg = b"\xff\xd8\xff\xe0" + bytes(range(40))
    expected = request(jpeg, "image/jpeg")
    assert messages(expected, request(jpeg, "image/jpeg")) == []
    (message,) = messages(expected, request(jpeg[:-1], "image/jpeg"))
    assert message.startswith("Actual body [image/jpeg, 43 bytes, starting with ffd8ffe0")


def test_a_body_of_another_content_type_is_one_body_type_mismatch() -> None:
    found = match_request(
        request(b'{"a": 1}', "application/json"), request(b"<a>1</a>", "application/xml")
    )
    # The Content-Type header differs too; the body itself is reported once, not compared.
    assert [(m.kind, m.message) for m in found if m.kind is not MismatchKind.HEADER] == [
        (
            MismatchKind.BODY_TYPE,
            "Expected a body of 'application/json' but the actual content type was 'application/xml'",
        )
    ]


def test_empty_expected_body_rejects_content() -> None:
    found = match_request(
        {"method": "POST", "path": "/", "body": ""},
        {"method": "POST", "path": "/", "body": "x"},
        spec="v3",
    )
    assert [m.message for m in found] == ["Expected empty body but received x"]
