"""The single exception tree of Accord. Imports nothing from accord.

AccordError
├── InvalidPact(ValueError)            a pact file or fragment is malformed; lists every Issue
├── UnsupportedSpecVersion(ValueError) a spec version string we do not know
├── InvalidMatcher(TypeError)          a matcher/generator built with bad arguments
├── PactMergeConflict                  two writers disagree about one interaction
├── MismatchError(AssertionError)      a contract was broken (pytest shows a failure, not an error)
├── VerificationError                  provider verification could not run or failed
│   └── ProviderStateError             a state handler raised, timed out or returned garbage
└── BrokerClientError                  a Pact Broker answered with an error
"""

from __future__ import annotations

from dataclasses import dataclass


class AccordError(Exception):
    """Root of every error Accord raises on purpose."""


@dataclass(frozen=True, slots=True)
class Issue:
    """One problem found in a pact document: where it is and what is wrong."""

    path: str
    message: str
    # "warning" marks problems that only hurt when the part is used (a regex that will not
    # compile): lenient loading keeps the pact, strict validation rejects it.
    severity: str = "error"

    def __str__(self) -> str:
        prefix = "warning: " if self.severity == "warning" else ""
        return f"{self.path}: {prefix}{self.message}"


class InvalidPact(AccordError, ValueError):
    """A pact document (or part of one) is malformed. `issues` lists every problem found."""

    def __init__(self, issues: list[Issue] | Issue | str, *, source: str | None = None) -> None:
        if isinstance(issues, str):
            issues = [Issue("$", issues)]
        elif isinstance(issues, Issue):
            issues = [issues]
        self.issues: list[Issue] = list(issues)
        self.source = source
        where = f" in {source}" if source else ""
        count = len(self.issues)
        lines = "\n".join(f"  - {issue}" for issue in self.issues)
        noun = "problem" if count == 1 else "problems"
        super().__init__(f"invalid pact{where}: {count} {noun}\n{lines}")


class UnsupportedSpecVersion(AccordError, ValueError):
    """A pact specification version that Accord does not know."""


class InvalidMatcher(AccordError, TypeError):
    """A matcher or generator was built with arguments that cannot work."""


class PactMergeConflict(AccordError):
    """An interaction being written conflicts with one already in the pact file."""


class MismatchError(AccordError, AssertionError):
    """The actual traffic did not satisfy the pact."""


class VerificationError(AccordError):
    """Provider verification could not be carried out, or failed."""


class ProviderStateError(VerificationError):
    """A provider state handler raised, timed out or answered with an error."""


class BrokerClientError(AccordError):
    """A Pact Broker answered a request with an error."""

    def __init__(self, message: str, *, status: int | None = None, url: str | None = None) -> None:
        self.status = status
        self.url = url
        super().__init__(message)
