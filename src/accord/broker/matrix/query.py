"""Parsing and validating a matrix query (Rack-style `q[][pacticipant]=...`, already turned into
nested lists/dicts by `accord.broker.api.rack_query`)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from accord.broker.errors import Invalid

LATEST_BY = {"cvp", "cvpv", "cp"}


@dataclass(frozen=True, kw_only=True)
class Selector:
    pacticipant: str
    version: str | None = None
    latest: bool = False
    tag: str | None = None
    branch: str | None = None
    environment: str | None = None
    main_branch: bool = False

    @property
    def uses_version(self) -> bool:
        return self.version is not None


@dataclass(frozen=True, kw_only=True)
class Options:
    latestby: str | None = None
    latest: bool = False
    tag: str | None = None
    environment: str | None = None
    main_branch: bool = False
    limit: int | None = 100
    success: tuple[bool | None, ...] | None = None

    @property
    def has_target(self) -> bool:
        return bool(self.latest or self.tag or self.environment or self.main_branch)


@dataclass(frozen=True, kw_only=True)
class MatrixQuery:
    selectors: list[Selector]
    options: Options
    ignore: list[Selector] = field(default_factory=list)


def _truth(value: Any) -> bool:
    return value is True or (isinstance(value, str) and value.lower() == "true")


def _text(value: Any) -> str | None:
    if value is None or value == "":
        return None
    return str(value)


def parse(params: dict[str, Any], *, limit_default: int | None = 100) -> MatrixQuery:
    errors: list[str] = []
    raw = params.get("q") or []
    if not isinstance(raw, list):
        raw = []
    selectors: list[Selector] = []
    for item in raw:
        if not isinstance(item, dict) or not _text(item.get("pacticipant")):
            errors.append("Please specify the pacticipant name")
            continue
        selector = Selector(
            pacticipant=str(item["pacticipant"]), version=_text(item.get("version")),
            latest=_truth(item.get("latest")), tag=_text(item.get("tag")), branch=_text(item.get("branch")),
            environment=_text(item.get("environment")), main_branch=_truth(item.get("mainBranch")),
        )  # fmt: skip
        if selector.version and selector.latest:
            errors.append(
                f"A version and latest flag cannot both be specified for {selector.pacticipant}"
            )
        if sum(bool(x) for x in (selector.tag, selector.environment, selector.main_branch)) > 1:
            errors.append("Cannot specify more than one of tag, environment and mainBranch.")
        if selector.latest and selector.environment:
            errors.append("Cannot specify both latest=true and an environment.")
        selectors.append(selector)
    if not selectors and not errors:
        errors.append("Please provide 1 or more version selectors.")
    ignore: list[Selector] = []
    for item in params.get("ignore") or []:
        if isinstance(item, str):
            item = {"pacticipant": item}
        if not isinstance(item, dict) or not _text(item.get("pacticipant")):
            errors.append("Please specify the pacticipant name to ignore")
            continue
        ignore.append(
            Selector(pacticipant=str(item["pacticipant"]), version=_text(item.get("version")))
        )
    latestby = _text(params.get("latestby"))
    if latestby is not None and latestby not in LATEST_BY:
        errors.append(f"latestby must be one of cvp, cvpv or cp, got '{latestby}'")
    limit: int | None = limit_default
    if params.get("limit") not in (None, ""):
        try:
            limit = int(str(params["limit"]))
        except ValueError:
            limit = 0
        if limit < 1:
            errors.append("The limit must be 1 or greater.")
    success = params.get("success")
    parsed_success = None
    if isinstance(success, list):
        parsed_success = tuple({"true": True, "false": False}.get(str(s).lower()) for s in success)
    options = Options(
        latestby=latestby, latest=_truth(params.get("latest")), tag=_text(params.get("tag")),
        environment=_text(params.get("environment")), main_branch=_truth(params.get("mainBranch")),
        limit=limit, success=parsed_success,
    )  # fmt: skip
    if sum(bool(x) for x in (options.tag, options.environment, options.main_branch)) > 1:
        errors.append("Cannot specify more than one of tag, environment and mainBranch.")
    if errors:
        raise Invalid({"matrix": list(dict.fromkeys(errors))})
    return MatrixQuery(selectors=selectors, options=options, ignore=ignore)
