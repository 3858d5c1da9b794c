"""can-i-deploy: ask the broker's matrix whether versions may be deployed together.

The query follows the official CLI (design/broker-api.md §5.4, §6.2): `q[][pacticipant]` starts each
selector and its `version`/`latest`/`tag`/`branch`/`mainBranch` follow it, because the broker
parses the Rack way (a repeated key starts a new selector). `latestby` is `cvp` for one selector
and `cvpv` for several. With one selector and no environment, `latest=true` asks about "the
latest version of everything else".

The decision is tri-state: `True` yes, `False` no, `None` unknown (results not published yet).
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from accord.broker_client.hal import HalClient
from accord.broker_client.notices import BrokerNotice, notices_of
from accord.errors import BrokerClientError


@dataclass(frozen=True, kw_only=True)
class VersionSelector:
    """Which version(s) of a pacticipant: a number, the latest (with a tag), a branch head, …"""

    pacticipant: str
    version: str | None = None
    latest: bool = False
    tag: str | None = None
    branch: str | None = None
    main_branch: bool = False

    @property
    def has_version(self) -> bool:
        return bool(self.version or self.latest or self.tag or self.branch or self.main_branch)

    def params(self, prefix: str) -> list[tuple[str, str]]:
        # `pacticipant` first: the broker starts a new selector at each repeated key.
        pairs = [(f"{prefix}[][pacticipant]", self.pacticipant)]
        if self.version:
            pairs.append((f"{prefix}[][version]", self.version))
        if self.latest or self.branch or self.main_branch:
            pairs.append((f"{prefix}[][latest]", "true"))
        if self.tag:
            pairs.append((f"{prefix}[][tag]", self.tag))
        if self.branch:
            pairs.append((f"{prefix}[][branch]", self.branch))
        if self.main_branch:
            pairs.append((f"{prefix}[][mainBranch]", "true"))
        return pairs

    def describe(self) -> str:
        if self.version:
            return f"{self.pacticipant} version {self.version}"
        if self.branch:
            return f"the latest version of {self.pacticipant} from branch {self.branch}"
        if self.main_branch:
            return f"the latest version of {self.pacticipant} from its main branch"
        if self.tag and self.latest:
            return f"the latest version of {self.pacticipant} tagged {self.tag}"
        if self.tag:
            return f"every version of {self.pacticipant} tagged {self.tag}"
        return f"the latest version of {self.pacticipant}"


@dataclass(frozen=True, kw_only=True)
class CanIDeployQuery:
    """The versions to check, where they are going, and what to leave out of the decision."""

    selectors: Sequence[VersionSelector]
    to_environment: str | None = None
    to_tag: str | None = None
    main_branches: bool = False
    ignore: Sequence[VersionSelector] = ()
    limit: int | None = None

    def params(self) -> list[tuple[str, str]]:
        if not self.selectors:
            raise BrokerClientError("can-i-deploy needs at least one --pacticipant")
        missing = [s.pacticipant for s in self.selectors if not s.has_version]
        if missing:
            raise BrokerClientError(
                f"no version given for pacticipant {', '.join(missing)}: follow --pacticipant "
                "with --version VERSION, --latest [TAG], --branch BRANCH or --main-branch"
            )
        pairs = [pair for selector in self.selectors for pair in selector.params("q")]
        pairs.append(("latestby", "cvp" if len(self.selectors) == 1 else "cvpv"))
        if self.limit is not None:
            pairs.append(("limit", str(self.limit)))
        if self.to_environment:
            pairs.append(("environment", self.to_environment))
        if self.to_tag:
            pairs += [("latest", "true"), ("tag", self.to_tag)]
        elif self.main_branches:
            pairs += [("latest", "true"), ("mainBranch", "true")]
        elif len(self.selectors) == 1 and not self.to_environment:
            pairs.append(("latest", "true"))
        for selector in self.ignore:
            pairs.append(("ignore[][pacticipant]", selector.pacticipant))
            if selector.version:
                pairs.append(("ignore[][version]", selector.version))
        return pairs


@dataclass(frozen=True, kw_only=True)
class MatrixRow:
    """One pact between a consumer version and a provider version, and its verification."""

    consumer: str
    consumer_version: str | None
    provider: str
    provider_version: str | None
    success: bool | None
    verification_url: str | None = None
    ignored: bool = False


@dataclass(frozen=True, kw_only=True)
class Matrix:
    """The broker's answer: the decision, why, and the rows it was computed from."""

    deployable: bool | None
    reason: str = ""
    unknown: int | None = None
    ignored: int | None = None
    notices: tuple[BrokerNotice, ...] = ()
    rows: tuple[MatrixRow, ...] = ()
    data: dict[str, Any] = field(default_factory=dict)

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Matrix:
        summary = data.get("summary") or {}
        unknown = summary.get("unknown")
        ignored = summary.get("ignored")
        return cls(
            deployable=summary.get("deployable"),
            reason=str(summary.get("reason") or ""),
            unknown=unknown if isinstance(unknown, int) else None,
            ignored=ignored if isinstance(ignored, int) else None,
            notices=notices_of(data) if isinstance(data.get("notices"), list) else (),
            rows=tuple(_row(item) for item in data.get("matrix") or [] if isinstance(item, dict)),
            data=data,
        )


def _row(item: dict[str, Any]) -> MatrixRow:
    consumer = item.get("consumer") or {}
    provider = item.get("provider") or {}
    result = item.get("verificationResult") or {}
    return MatrixRow(
        consumer=str(consumer.get("name", "???")),
        consumer_version=(consumer.get("version") or {}).get("number"),
        provider=str(provider.get("name", "???")),
        provider_version=(provider.get("version") or {}).get("number"),
        success=result.get("success") if result else None,
        verification_url=((result.get("_links") or {}).get("self") or {}).get("href"),
        ignored=bool(item.get("ignored", False)),
    )


def fetch_matrix(hal: HalClient, query: CanIDeployQuery) -> Matrix:
    """One matrix request; the official clients send it to `{base}/matrix` directly."""
    url = hal.base_url + "/matrix"
    answer = hal.get(url, params=query.params(), missing_ok=True)
    if answer.status == 404:
        raise BrokerClientError(
            f"the Pact Broker at {hal.base_url} has no matrix (GET {url} answered 404), so it "
            "cannot answer can-i-deploy; upgrade it",
            status=404,
            url=url,
        )
    return Matrix.from_json(answer.data)


def can_i_deploy(
    hal: HalClient,
    query: CanIDeployQuery,
    *,
    retry_while_unknown: int = 0,
    retry_interval: float = 10.0,
    sleep: Callable[[float], None] = time.sleep,
    on_wait: Callable[[str], None] | None = None,
) -> Matrix:
    """The matrix for `query`, asked again (up to `retry_while_unknown` times, `retry_interval`
    seconds apart) while some verification results are still unknown."""
    matrix = fetch_matrix(hal, query)
    if retry_while_unknown <= 0:
        return matrix
    if matrix.unknown is None:
        raise BrokerClientError(
            "this broker does not count unknown verification results (summary.unknown is "
            "missing), so --retry-while-unknown cannot work; upgrade the broker or drop the option"
        )
    if matrix.unknown == 0:
        return matrix
    if on_wait is not None:
        noun = "result" if matrix.unknown == 1 else "results"
        on_wait(
            f"Waiting for {matrix.unknown} verification {noun} to be published "
            f"(maximum of {retry_while_unknown * retry_interval:g} seconds)"
        )
    for _ in range(retry_while_unknown):
        sleep(retry_interval)
        matrix = fetch_matrix(hal, query)
        if not matrix.unknown:
            break
    return matrix
