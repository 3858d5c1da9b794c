"""Report files: JUnit XML in the shape CI systems read, and JSON."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

from accord.verifier import Verifier
from tests.verifier.pacts import pact_document, user_interaction, write_pact
from tests.verifier.providers import UserStore, fastapi_app


def verify_with_reports(tmp_path: Path) -> tuple[ET.Element, dict]:
    document = pact_document(
        [
            user_interaction("user 1"),
            user_interaction("user 2", user_id=2),
            user_interaction("user 3 (pending)", user_id=3, pending=True),
        ]
    )
    junit, report_json = tmp_path / "out" / "junit.xml", tmp_path / "out" / "report.json"
    verifier = Verifier(
        "UserService",
        app=fastapi_app(UserStore(users={1: "Ann"})),
        junit_file=junit,
        json_file=report_json,
    )
    report = verifier.add_source(write_pact(tmp_path, document)).verify()
    assert report.exit_code == 1
    return ET.parse(junit).getroot(), json.loads(report_json.read_text())


def test_junit_xml_has_testsuites_testsuite_testcase_failure(tmp_path: Path) -> None:
    root, _ = verify_with_reports(tmp_path)
    assert root.tag == "testsuites"
    assert (root.get("tests"), root.get("failures"), root.get("skipped")) == ("3", "1", "1")
    suites = root.findall("testsuite")
    assert len(suites) == 1
    suite = suites[0]
    assert suite.get("name") == "OrderService → UserService"
    assert (
        suite.get("tests"),
        suite.get("failures"),
        suite.get("errors"),
        suite.get("skipped"),
    ) == (
        "3",
        "1",
        "0",
        "1",
    )
    cases = suite.findall("testcase")
    assert [c.get("name") for c in cases] == ["user 1", "user 2", "user 3 (pending)"]
    assert all(c.get("classname") == "UserService.OrderService" for c in cases)
    assert all(float(c.get("time")) >= 0 for c in cases)
    assert cases[0].find("failure") is None
    failure = cases[1].find("failure")
    assert failure is not None
    assert failure.get("message") == "Response status did not match; Body had differences"
    assert "OrderService expects $.body.userId (missing)" in failure.text
    skipped = cases[2].find("skipped")
    assert skipped is not None and skipped.get("message").startswith("pending: ")


def test_json_report(tmp_path: Path) -> None:
    _, data = verify_with_reports(tmp_path)
    assert data["success"] is False
    assert data["summary"] == {"interactions": 3, "failed": 1, "pendingFailed": 1}
    pact = data["pacts"][0]
    assert (pact["consumer"], pact["provider"]) == ("OrderService", "UserService")
    failed = pact["interactions"][1]
    assert failed["description"] == "user 2"
    fields = [f["field"] for f in failed["failures"]]
    assert "$.status" in fields and "$.body.userId" in fields
