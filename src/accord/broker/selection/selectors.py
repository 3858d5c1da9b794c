"""The pacts-for-verification request: parsing and validation (design note §3.7).

Messages follow the Ruby broker's wording (clients display them), each naming the selector's
index: `cannot specify both a tag and a branch (at index 0)`.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import Any

_KNOWN_KEYS = {
    "mainBranch", "branch", "matchingBranch", "tag", "latest", "fallbackTag", "fallbackBranch",
    "consumer", "deployed", "released", "deployedOrReleased", "environment",
}  # fmt: skip
_BRANCH_KEYS = [
    "latest",
    "tag",
    "fallbackTag",
    "branch",
    "fallbackBranch",
    "matchingBranch",
    "mainBranch",
]
_ENVIRONMENT_KEYS = ["environment", "deployed", "released", "deployedOrReleased"]
_SNAKE = {
    "main_branch": "mainBranch", "matching_branch": "matchingBranch", "fallback_tag": "fallbackTag",
    "fallback_branch": "fallbackBranch", "deployed_or_released": "deployedOrReleased",
}  # fmt: skip


@dataclass(frozen=True, kw_only=True)
class Selector:
    main_branch: bool = False
    branch: str | bool | None = None
    tag: str | None = None
    latest: bool | None = None
    fallback_tag: str | None = None
    fallback_branch: str | None = None
    consumer: str | None = None
    deployed: bool = False
    released: bool = False
    environment: str | None = None
    matching_branch: bool = False


@dataclass(frozen=True, kw_only=True)
class VerificationQuery:
    selectors: list[Selector] = field(default_factory=list)
    provider_version_branch: str | None = None
    provider_version_tags: list[str] = field(default_factory=list)
    include_pending_status: bool = False
    include_wip_pacts_since: datetime | None = None
    from_get: bool = False


def _truth(value: Any) -> Any:
    return {"true": True, "false": False}.get(value, value) if isinstance(value, str) else value


def parse(body: dict[str, Any], *, from_get: bool = False) -> VerificationQuery:
    """Validate a request body (or the equivalent nested GET query) into a VerificationQuery."""
    body = {_camel(key): value for key, value in body.items()}
    errors: list[str] = []
    field_errors: dict[str, list[str]] = {}
    branch = body.get("providerVersionBranch")
    if branch is not None and (not isinstance(branch, str) or not branch.strip()):
        field_errors["providerVersionBranch"] = ["cannot be blank (expected a branch name or null)"]
    tags = body.get("providerVersionTags") or []
    if not isinstance(tags, list) or not all(isinstance(t, str) and t.strip() for t in tags):
        field_errors["providerVersionTags"] = ["must be a list of non-blank strings"]
        tags = []
    pending = _truth(body.get("includePendingStatus", False))
    if not isinstance(pending, bool):
        field_errors["includePendingStatus"] = [f"must be true or false, got {pending!r}"]
    since = _date(body.get("includeWipPactsSince"), field_errors)
    raw = body.get("consumerVersionSelectors") or []
    if not isinstance(raw, list):
        field_errors["consumerVersionSelectors"] = ["must be a list of selector objects"]
        raw = []
    selectors: list[Selector] = []
    for index, item in enumerate(raw):
        if not isinstance(item, dict):
            errors.append(f"must be an object (at index {index})")
            continue
        item = {_camel(key): _truth(value) for key, value in item.items()}
        problems = _check(item, branch)
        errors.extend(f"{problem} (at index {index})" for problem in problems)
        if not problems:
            selectors.extend(_to_selectors(item, branch))
    if errors:
        field_errors["consumerVersionSelectors"] = errors
    if field_errors:
        from accord.broker.errors import Invalid

        raise Invalid(field_errors)
    return VerificationQuery(
        selectors=selectors,
        provider_version_branch=branch,
        provider_version_tags=list(tags),
        include_pending_status=bool(pending),
        include_wip_pacts_since=since,
        from_get=from_get,
    )


def _camel(key: str) -> str:
    if key in _SNAKE:
        return _SNAKE[key]
    head, *rest = key.split("_")
    return head + "".join(part.title() for part in rest)


def _date(value: Any, errors: dict[str, list[str]]) -> datetime | None:
    if value in (None, ""):
        return None
    try:
        parsed = datetime.fromisoformat(str(value).replace("Z", "+00:00"))
    except ValueError:
        errors["includeWipPactsSince"] = [f"must be an ISO-8601 date, got {value!r}"]
        return None
    if parsed.tzinfo is not None:
        from datetime import UTC

        parsed = parsed.astimezone(UTC).replace(tzinfo=None)
    return parsed


def _check(item: dict[str, Any], provider_branch: str | None) -> list[str]:
    problems: list[str] = []
    unknown = sorted(set(item) - _KNOWN_KEYS)
    if unknown:
        problems.append(f"unknown selector key(s) {', '.join(unknown)}")
    for key in ("tag", "fallbackTag", "fallbackBranch", "consumer", "environment"):
        if key in item and (not isinstance(item[key], str) or not item[key].strip()):
            problems.append(f"{key} must be a non-blank string")
    if "branch" in item and not (
        (isinstance(item["branch"], str) and item["branch"].strip()) or item["branch"] is True
    ):
        problems.append("branch must be a non-blank string")
    for key in ("mainBranch", "matchingBranch", "deployed", "released", "deployedOrReleased"):
        if key in item and item[key] is not True:
            problems.append(f"{key} can only be set to true")
    if "latest" in item and not isinstance(item["latest"], bool):
        problems.append("latest must be true or false")
    if problems:
        return problems
    present = {key for key, value in item.items() if value is not None}
    if not present & {"environment", "tag", "branch"} and not any(
        item.get(key) is True
        for key in (
            "mainBranch",
            "matchingBranch",
            "latest",
            "deployed",
            "released",
            "deployedOrReleased",
        )
    ):
        problems.append(
            "must specify a value for environment or tag or branch, or specify mainBranch=true, "
            "matchingBranch=true, latest=true, deployed=true, released=true or deployedOrReleased=true"
        )
    if item.get("mainBranch") and present - {"mainBranch", "consumer", "latest"}:
        problems.append(
            "cannot specify mainBranch=true with any other criteria apart from consumer"
        )
    elif item.get("mainBranch") and item.get("latest") is False:
        problems.append("cannot specify mainBranch=true with latest=false")
    if item.get("matchingBranch") and present - {"matchingBranch", "consumer", "latest"}:
        problems.append(
            "cannot specify matchingBranch=true with any other criteria apart from consumer"
        )
    if item.get("matchingBranch") and not provider_branch:
        problems.append("the providerVersionBranch must be specified when matchingBranch=true")
    if "tag" in present and "branch" in present:
        problems.append("cannot specify both a tag and a branch")
    branch_keys = [k for k in _BRANCH_KEYS if k in present]
    environment_keys = [k for k in _ENVIRONMENT_KEYS if k in present]
    if branch_keys and environment_keys:
        problems.append(
            f"cannot specify the field(s) {', '.join(branch_keys)} with the field(s) "
            f"{', '.join(environment_keys)}"
        )
    if "fallbackTag" in present and not ("tag" in present and item.get("latest") is True):
        problems.append("fallbackTag can only be set if tag is set and latest=true")
    if "fallbackBranch" in present and "branch" not in present:
        problems.append("a branch must be specified when a fallbackBranch is specified")
    elif "fallbackBranch" in present and item.get("latest") is False:
        problems.append("fallbackBranch can only be set if latest is true")
    if "branch" in present and item.get("latest") is False and "fallbackBranch" not in present:
        problems.append("cannot specify a branch with latest=false")
    exclusive = [k for k in ("deployed", "released", "deployedOrReleased") if item.get(k)]
    if len(exclusive) > 1:
        problems.append(f"cannot specify {' and '.join(exclusive)} together")
    return problems


def _to_selectors(item: dict[str, Any], provider_branch: str | None) -> list[Selector]:
    selector = Selector(
        main_branch=bool(item.get("mainBranch")),
        branch=item.get("branch"),
        tag=item.get("tag"),
        latest=item.get("latest"),
        fallback_tag=item.get("fallbackTag"),
        fallback_branch=item.get("fallbackBranch"),
        consumer=item.get("consumer"),
        deployed=bool(item.get("deployed")),
        released=bool(item.get("released")),
        environment=item.get("environment"),
    )
    # branch, mainBranch and matchingBranch imply latest (the broker's parsing quirks)
    if selector.main_branch or selector.branch is not None:
        selector = replace(selector, latest=True)
    if item.get("matchingBranch"):
        selector = replace(selector, branch=provider_branch, latest=True, matching_branch=True)
    if item.get("deployedOrReleased"):
        return [replace(selector, deployed=True), replace(selector, released=True)]
    return [selector]
