"""The can-i-deploy decision, counts and reasons (design note §5.4 steps 8–10).

Order matters: a specified version that does not exist → false; any considered row without a
verification → null (unknown); any required integration without rows → null; otherwise true
iff every considered row succeeded. So a failed row plus an unverified row is null, not false.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from accord.broker.matrix.query import MatrixQuery
from accord.broker.matrix.resolve import Resolved
from accord.broker.matrix.rows import Integrated, Row

ENVIRONMENT_WARNING = (
    "WARN: It is recommended to specify the environment into which you are deploying. Without "
    "the environment, this result will not be reliable."
)
VERSION_WARNING = (
    "WARN: It is recommended to specify the version number (rather than the tag or branch) of "
    "the pacticipant you wish to deploy to avoid race conditions. Without a version number, this "
    "result will not be reliable."
)
ALL_SUCCESSFUL = "All required verification results are published and successful"
NOTHING_MISSING = "There are no missing dependencies"


@dataclass
class Decision:
    deployable: bool | None
    success: int
    failed: int
    unknown: int
    ignored: int | None
    notices: list[dict[str, str]] = field(default_factory=list)

    @property
    def reason(self) -> str:
        return "\n".join(n["text"] for n in self.notices)


def decide(
    *,
    query: MatrixQuery,
    specified: list[Resolved],
    resolved: list[Resolved],
    considered: list[Row],
    ignored: list[Row],
    integrated: list[Integrated],
    ignore_missing: list[str],
    names: dict[int, str],
    numbers: dict[int, str],
    ignored_ids: set[int],
) -> Decision:
    options = query.options
    warnings = [f"WARN: Cannot ignore {m}" for m in ignore_missing]
    if len(query.selectors) == 1 and not (
        options.tag or options.environment or options.main_branch
    ):
        warnings.append(ENVIRONMENT_WARNING)
    loose = [s for s in query.selectors if s.tag or s.branch or s.latest or s.main_branch]
    if loose and not any(s.version for s in query.selectors):
        warnings.append(VERSION_WARNING)

    def describe(pacticipant_id: int, version_id: int | None) -> str:
        candidates = [r for r in resolved if r.pacticipant_id == pacticipant_id]
        for r in candidates:
            if version_id is not None and r.version_id == version_id:
                return r.description()
        if version_id is not None:
            return f"version {numbers.get(version_id, '?')} of {names.get(pacticipant_id)}"
        return (
            candidates[0].description()
            if candidates
            else f"a version of {names.get(pacticipant_id)}"
        )

    def problem(row: Row) -> str | None:
        between = f"{describe(row.consumer_id, row.consumer_version_id)} and {describe(row.provider_id, row.provider_version_id)}"
        if row.success is None:
            return f"There is no verified pact between {between}"
        if row.success is False:
            return f"The verification for the pact between {between} failed"
        return None

    covered = {(r.consumer_id, r.provider_id) for r in considered + ignored}
    missing_integrations = [
        i for i in {(i.consumer_id, i.provider_id): i for i in integrated if i.required}.values()
        if (i.consumer_id, i.provider_id) not in covered
        and i.consumer_id not in ignored_ids and i.provider_id not in ignored_ids
    ]  # fmt: skip
    missing_specified = [
        r for r in specified if not r.exists and r.pacticipant_id not in ignored_ids
    ]
    unverified = [r for r in considered if r.success is None]
    failed = [r for r in considered if r.success is False]

    errors: list[str] = []
    if missing_specified:
        deployable: bool | None = False
        errors = [r.missing_reason() for r in missing_specified]
    else:
        errors = [text for row in considered if (text := problem(row))]
        errors += [
            f"There is no verified pact between {describe(i.consumer_id, None)} and {describe(i.provider_id, None)}"
            for i in missing_integrations
        ]
        if unverified or missing_integrations:
            deployable = None
        else:
            deployable = not failed
    notices = [{"type": "warning", "text": text} for text in warnings]
    notices += [{"type": "error", "text": text} for text in dict.fromkeys(errors)]
    if not errors:
        notices.append(
            {"type": "success", "text": ALL_SUCCESSFUL if considered else NOTHING_MISSING}
        )
    notices += [
        {"type": "info", "text": f"Ignoring: {text}"} for row in ignored if (text := problem(row))
    ]
    return Decision(
        deployable=deployable,
        success=sum(1 for r in considered if r.success is True),
        failed=len(failed),
        unknown=len(unverified) + len(missing_integrations),
        ignored=len(ignored) if query.ignore else None,
        notices=notices,
    )
