"""Assemble a matrix answer: resolve selectors, find the integrations that matter, infer the
target versions of the other side, build rows on ALL of them (never a truncated set), decide."""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import select

from accord.broker.context import Context
from accord.broker.db.models import Pacticipant
from accord.broker.errors import Invalid
from accord.broker.matrix import rows as matrix_rows
from accord.broker.matrix.decision import Decision, decide
from accord.broker.matrix.query import MatrixQuery, Selector
from accord.broker.matrix.resolve import Resolved, resolve
from accord.broker.matrix.rows import Integrated, Row


@dataclass
class MatrixResult:
    query: MatrixQuery
    considered: list[Row]
    ignored: list[Row]
    resolved: list[Resolved]
    decision: Decision
    names: dict[int, str] = field(default_factory=dict)
    numbers: dict[int, str] = field(default_factory=dict)


def matrix(ctx: Context, query: MatrixQuery) -> MatrixResult:
    options = query.options
    # 1–2: validate, then resolve the specified and the ignore selectors (§5.4)
    _check_environments(ctx, [options.environment, *(s.environment for s in query.selectors)])
    pacticipants = _pacticipants(ctx, [s.pacticipant for s in query.selectors])
    specified: list[Resolved] = []
    for selector in query.selectors:
        specified += resolve(ctx, pacticipants[selector.pacticipant], selector, specified=True)
    ignore_found, ignore_missing = _ignores(ctx, query.ignore)

    # 3: the integrations the answer must cover
    specified_ids = {r.pacticipant_id for r in specified}
    spec_versions = {r.version_id for r in specified if r.exists}
    single = len(query.selectors) == 1 and not options.has_target
    integrated: list[Integrated] = []
    if options.has_target or len(query.selectors) == 1:
        published = matrix_rows.published_pacts(ctx, spec_versions)
        integrated += [Integrated(c, p, True) for c, _, p in published]
        integrated += [
            Integrated(c, p, False) for c, p in matrix_rows.consumers_of(ctx, specified_ids)
        ]
    else:
        published = matrix_rows.published_pacts(ctx, spec_versions)
        integrated += [Integrated(c, p, True) for c, _, p in published if p in specified_ids]
    integrated = list({(i.consumer_id, i.provider_id, i.required): i for i in integrated}.values())

    # 4: with a target, every other integrated pacticipant is resolved in that target
    inferred: list[Resolved] = []
    if options.has_target:
        others = sorted({i.provider_id for i in integrated} | {i.consumer_id for i in integrated})
        for pacticipant_id in others:
            if pacticipant_id in specified_ids:
                continue
            other = ctx.session.get(Pacticipant, pacticipant_id)
            assert other is not None
            target = Selector(pacticipant=other.name, latest=options.latest or bool(options.tag or options.main_branch),
                              tag=options.tag, environment=options.environment, main_branch=options.main_branch)  # fmt: skip
            if target.environment:
                target = Selector(pacticipant=other.name, environment=options.environment)
            inferred += resolve(ctx, other, target, specified=False)
    resolved = specified + inferred
    latest_only = options.latestby is not None

    # 5: rows (one selector without target: everything on either side of its versions)
    if single:
        rows = matrix_rows.pact_rows(
            ctx, spec_versions, None, None, latest_verifications=latest_only
        )
        rows += matrix_rows.verified_by(ctx, spec_versions, latest_verifications=latest_only)
        rows = list(
            {(r.consumer_version_id, r.provider_id, r.verification_id): r for r in rows}.values()
        )
    else:
        by_pacticipant: dict[int, set[int]] = {}
        for r in resolved:
            if r.exists:
                by_pacticipant.setdefault(r.pacticipant_id, set()).add(r.version_id)
        all_versions = {v for versions in by_pacticipant.values() for v in versions}
        rows = matrix_rows.pact_rows(ctx, all_versions, {r.pacticipant_id for r in resolved}, by_pacticipant,
                                     latest_verifications=latest_only)  # fmt: skip
        rows = [r for r in rows if r.consumer_id in specified_ids or r.provider_id in specified_ids]
    # 6–7: latestby exactly as sent, the success filter, then considered vs ignored rows
    rows = matrix_rows.reduce_latest(rows, options.latestby)
    if options.success is not None:
        rows = [r for r in rows if r.success in options.success]
    rows.sort(key=lambda r: r.last_action, reverse=True)

    numbers = matrix_rows.version_numbers(ctx, [r.consumer_version_id for r in rows] +
                                          [r.provider_version_id for r in rows if r.provider_version_id])  # fmt: skip
    considered: list[Row] = []
    ignored: list[Row] = []
    for row in rows:
        (ignored if _is_ignored(row, ignore_found, numbers) else considered).append(row)
    names = dict(ctx.session.execute(select(Pacticipant.id, Pacticipant.name)).all())
    decision = decide(
        query=query, specified=specified, resolved=resolved, considered=considered, ignored=ignored,
        integrated=integrated, ignore_missing=ignore_missing, names=names, numbers=numbers,
        ignored_ids={i.pacticipant_id for i in ignore_found if i.version_number is None},
    )  # fmt: skip
    return MatrixResult(query, considered, ignored, resolved, decision, names, numbers)


def _pacticipants(ctx: Context, names: list[str]) -> dict[str, Pacticipant]:
    found = {
        p.name: p
        for p in ctx.session.scalars(select(Pacticipant).where(Pacticipant.name.in_(names)))
    }
    missing = [name for name in dict.fromkeys(names) if name not in found]
    if missing:
        raise Invalid({"matrix": [f"Pacticipant {name} not found" for name in missing]})
    return found


def _check_environments(ctx: Context, names: list[str | None]) -> None:
    from accord.broker.services import environments

    for name in dict.fromkeys(n for n in names if n):
        if environments.find(ctx, name) is None:
            raise Invalid({"matrix": [f"Environment with name '{name}' does not exist"]})


@dataclass(frozen=True)
class _Ignore:
    pacticipant_id: int
    pacticipant: str
    version_number: str | None


def _ignores(ctx: Context, selectors: list[Selector]) -> tuple[list[_Ignore], list[str]]:
    """Ignore selectors that exist, and descriptions of those that do not (warnings only)."""
    from accord.broker.services import pacticipants, versions

    found, missing = [], []
    for selector in selectors:
        row = pacticipants.find(ctx, selector.pacticipant)
        if row is None:
            missing.append(selector.pacticipant)
        elif selector.version and versions.find(ctx, row, selector.version) is None:
            missing.append(f"version {selector.version} of {selector.pacticipant}")
        else:
            found.append(_Ignore(row.id, row.name, selector.version))
    return found, missing


def _is_ignored(row: Row, ignores: list[_Ignore], numbers: dict[int, str]) -> bool:
    for ignore in ignores:
        for pacticipant_id, version_id in ((row.consumer_id, row.consumer_version_id),
                                           (row.provider_id, row.provider_version_id)):  # fmt: skip
            if pacticipant_id == ignore.pacticipant_id and (
                ignore.version_number is None
                or (version_id is not None and numbers.get(version_id) == ignore.version_number)
            ):
                return True
    return False
