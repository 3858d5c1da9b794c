"""Report files for CI: JUnit XML (testsuites/testsuite/testcase/failure) and JSON.

JUnit has one testsuite per pact (named after the consumer) and one testcase per interaction.
Pending failures are written as `<skipped>` so CI shows them without failing the build.
"""

from __future__ import annotations

import json
import os
import xml.etree.ElementTree as ET
from pathlib import Path

from accord.verifier.results import InteractionResult, VerificationReport


def junit_xml(report: VerificationReport) -> str:
    root = ET.Element("testsuites", name=f"Pact verification of {report.provider}")
    total_tests = total_failures = total_skipped = 0
    for pact in report.pacts:
        suite = ET.SubElement(root, "testsuite", name=f"{pact.consumer} → {pact.provider}")
        failures = skipped = 0
        for result in pact.interactions:
            _testcase(suite, result)
            if result.counts_as_failure:
                failures += 1
            elif result.failures:
                skipped += 1
        time = sum(r.duration for r in pact.interactions)
        suite.set("tests", str(len(pact.interactions)))
        suite.set("failures", str(failures))
        suite.set("errors", "0")
        suite.set("skipped", str(skipped))
        suite.set("time", f"{time:.6f}")
        total_tests += len(pact.interactions)
        total_failures += failures
        total_skipped += skipped
    root.set("tests", str(total_tests))
    root.set("failures", str(total_failures))
    root.set("errors", str(len(report.errors)))
    root.set("skipped", str(total_skipped))
    root.set("time", f"{report.duration:.6f}")
    ET.indent(root)
    return ET.tostring(root, encoding="unicode", xml_declaration=True) + "\n"


def _testcase(suite: ET.Element, result: InteractionResult) -> None:
    case = ET.SubElement(
        suite,
        "testcase",
        name=result.title(),
        classname=f"{result.provider}.{result.consumer}",
        time=f"{result.duration:.6f}",
    )
    if not result.failures:
        return
    details = "\n".join(failure.line(result.consumer) for failure in result.failures)
    message = "; ".join(result.categories())
    if result.pending:
        element = ET.SubElement(case, "skipped", message=f"pending: {message}")
    else:
        element = ET.SubElement(case, "failure", message=message, type="PactMismatch")
    element.text = details


def write_junit(report: VerificationReport, path: str | os.PathLike[str]) -> None:
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    Path(path).write_text(junit_xml(report), encoding="utf-8")


def write_json(report: VerificationReport, path: str | os.PathLike[str]) -> None:
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    Path(path).write_text(json.dumps(report.to_json(), indent=2) + "\n", encoding="utf-8")
