"""Matrix rows: each pact of a selected consumer version, joined to the verifications of its
content by selected provider versions (or a row without verification), and the `latestby`
reduction (design note §5.4 steps 3, 5, 6)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select

from accord.broker.context import Context
from accord.broker.db.models import Integration, PactPublication, Verification, Version


@dataclass(frozen=True)
class Row:
    consumer_id: int
    consumer_version_id: int
    provider_id: int
    provider_version_id: int | None
    pact_version_id: int
    pact_created_at: datetime
    verification_id: int | None
    success: bool | None
    verified_at: datetime | None

    @property
    def last_action(self) -> datetime:
        return self.verified_at or self.pact_created_at


@dataclass(frozen=True)
class Integrated:
    """A consumer/provider pair the decision must cover; `required` when the specified consumer
    version published a pact with that provider."""

    consumer_id: int
    provider_id: int
    required: bool


def published_pacts(
    ctx: Context, consumer_version_ids: Iterable[int]
) -> list[tuple[int, int, int]]:
    """(consumer_id, consumer_version_id, provider_id) of every pact those versions published."""
    ids = list(consumer_version_ids)
    if not ids:
        return []
    return list(
        ctx.session.execute(
            select(PactPublication.consumer_id, PactPublication.consumer_version_id, PactPublication.provider_id)
            .where(PactPublication.consumer_version_id.in_(ids))
        )
    )  # fmt: skip


def consumers_of(ctx: Context, provider_ids: Iterable[int]) -> list[tuple[int, int]]:
    """(consumer_id, provider_id) of every integration where these pacticipants are providers."""
    ids = list(provider_ids)
    if not ids:
        return []
    return list(
        ctx.session.execute(
            select(Integration.consumer_id, Integration.provider_id).where(
                Integration.provider_id.in_(ids)
            )
        ).all()
    )


def pact_rows(
    ctx: Context,
    consumer_version_ids: set[int],
    provider_ids: set[int] | None,
    provider_versions: dict[int, set[int]] | None,
    *,
    latest_verifications: bool,
) -> list[Row]:
    """Pacts of the consumer versions (with providers among `provider_ids`, or any) LEFT JOINed
    to verifications by `provider_versions[provider]` (or by any provider version when None)."""
    if not consumer_version_ids:
        return []
    statement = select(
        PactPublication.consumer_id, PactPublication.consumer_version_id, PactPublication.provider_id,
        PactPublication.pact_version_id, PactPublication.created_at,
    ).where(PactPublication.consumer_version_id.in_(consumer_version_ids))  # fmt: skip
    if provider_ids is not None:
        statement = statement.where(PactPublication.provider_id.in_(provider_ids))
    pacts = list(ctx.session.execute(statement))
    wanted = None
    if provider_versions is not None:
        wanted = {v for versions in provider_versions.values() for v in versions}
    verifications = _verifications(ctx, {p[3] for p in pacts}, latest_verifications, wanted)
    rows: list[Row] = []
    for consumer_id, version_id, provider_id, pact_version_id, created_at in pacts:
        allowed = None if provider_versions is None else provider_versions.get(provider_id, set())
        matching = [
            v for v in verifications.get(pact_version_id, [])
            if v[1] == provider_id and (allowed is None or v[2] in allowed)
        ]  # fmt: skip
        if not matching:
            rows.append(
                Row(
                    consumer_id,
                    version_id,
                    provider_id,
                    None,
                    pact_version_id,
                    created_at,
                    None,
                    None,
                    None,
                )
            )
        for verification_id, _, provider_version_id, success, verified_at in matching:
            rows.append(Row(consumer_id, version_id, provider_id, provider_version_id, pact_version_id,
                            created_at, verification_id, success, verified_at))  # fmt: skip
    return rows


def verified_by(
    ctx: Context, provider_version_ids: set[int], *, latest_verifications: bool
) -> list[Row]:
    """Rows for verifications made by these provider versions (the provider side of a single
    selector without a target)."""
    if not provider_version_ids:
        return []
    found = ctx.session.execute(
        select(Verification.id, Verification.provider_id, Verification.provider_version_id, Verification.success,
               Verification.execution_date, Verification.pact_version_id)
        .where(Verification.provider_version_id.in_(provider_version_ids))
    )  # fmt: skip
    by_content: dict[int, list[tuple[int, int, int, bool, datetime]]] = {}
    for vid, provider_id, pvid, success, when, pact_version_id in found:
        by_content.setdefault(pact_version_id, []).append((vid, provider_id, pvid, success, when))
    if latest_verifications:
        by_content = {k: _latest_each(v) for k, v in by_content.items()}
    pacts = ctx.session.execute(
        select(PactPublication.consumer_id, PactPublication.consumer_version_id, PactPublication.provider_id,
               PactPublication.pact_version_id, PactPublication.created_at)
        .where(PactPublication.pact_version_id.in_(list(by_content)))
    )  # fmt: skip
    rows = []
    for consumer_id, version_id, provider_id, pact_version_id, created_at in pacts:
        for vid, p_id, pvid, success, when in by_content.get(pact_version_id, []):
            if p_id == provider_id:
                rows.append(
                    Row(
                        consumer_id,
                        version_id,
                        provider_id,
                        pvid,
                        pact_version_id,
                        created_at,
                        vid,
                        success,
                        when,
                    )
                )
    return rows


def _verifications(
    ctx: Context, pact_version_ids: set[int], latest: bool, provider_version_ids: set[int] | None
) -> dict[int, list[tuple[int, int, int, bool, datetime]]]:
    """Verifications of the contents, by the given provider versions only (filtered in SQL: a
    much-verified content can have thousands of results)."""
    if not pact_version_ids or provider_version_ids == set():
        return {}
    statement = (
        select(Verification.id, Verification.pact_version_id, Verification.provider_id,
               Verification.provider_version_id, Verification.success, Verification.execution_date)
        .where(Verification.pact_version_id.in_(pact_version_ids))
        .order_by(Verification.id)
    )  # fmt: skip
    if provider_version_ids is not None:
        statement = statement.where(Verification.provider_version_id.in_(provider_version_ids))
    found: dict[int, list[tuple[int, int, int, bool, datetime]]] = {}
    for vid, pact_version_id, provider_id, pvid, success, when in ctx.session.execute(statement):
        found.setdefault(pact_version_id, []).append((vid, provider_id, pvid, success, when))
    if latest:
        found = {k: _latest_each(v) for k, v in found.items()}
    return found


def _latest_each(
    items: list[tuple[int, int, int, bool, datetime]],
) -> list[tuple[int, int, int, bool, datetime]]:
    """Only the latest verification per provider version (re-verifications collapse)."""
    newest: dict[int, tuple[int, int, int, bool, datetime]] = {}
    for item in items:
        if item[2] not in newest or item[0] > newest[item[2]][0]:
            newest[item[2]] = item
    return sorted(newest.values())


def reduce_latest(rows: list[Row], latestby: str | None) -> list[Row]:
    """Keep, per group, the row with the highest provider version order (§5.4 step 6)."""
    if latestby is None:
        return rows
    keys: dict[str, Callable[[Row], tuple[int | None, ...]]] = {
        "cvpv": lambda r: (
            r.consumer_id,
            r.consumer_version_id,
            r.provider_id,
            r.provider_version_id,
        ),
        "cvp": lambda r: (r.consumer_id, r.consumer_version_id, r.provider_id),
        "cp": lambda r: (r.consumer_id, r.provider_id),
    }
    key = keys[latestby]
    best: dict[tuple[int | None, ...], Row] = {}
    for row in rows:
        current = best.get(key(row))
        rank = (row.provider_version_id or -1, row.consumer_version_id, row.verification_id or -1)
        if current is None or rank > (current.provider_version_id or -1, current.consumer_version_id,
                                      current.verification_id or -1):  # fmt: skip
            best[key(row)] = row
    return list(best.values())


def version_numbers(ctx: Context, ids: Iterable[int]) -> dict[int, str]:
    wanted = [i for i in set(ids) if i is not None]
    if not wanted:
        return {}
    return dict(
        ctx.session.execute(select(Version.id, Version.number).where(Version.id.in_(wanted))).all()
    )
