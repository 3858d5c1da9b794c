"""Row shapes and the base query shared by selector resolution and WIP: one `Candidate` per
pact publication of the provider, with the consumer version and content sha it needs."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, TypeAlias

from sqlalchemy import Select, select

from accord.broker.context import Context
from accord.broker.db.models import Pacticipant, PactPublication, PactVersion, Version


@dataclass(frozen=True)
class Candidate:
    publication_id: int
    consumer_id: int
    consumer_name: str
    version_id: int  # also the consumer version order
    version_number: str
    pact_version_id: int
    sha: str
    created_at: datetime


@dataclass
class Resolved:
    """Why a candidate was selected: the request selector plus what it resolved to."""

    kind: str  # latest | tag | all-for-tag | branch | main-branch | deployed | released
    consumer: str | None = None
    tag: str | None = None
    branch: str | None = None
    environment: str | None = None
    fallback: str | None = None  # the fallback tag/branch actually used
    version_number: str = ""
    version_id: int = 0
    extra: dict[str, Any] = field(default_factory=dict)

    def sort_key(self) -> tuple[str, str, str]:
        return (self.kind, self.tag or self.branch or self.environment or "", self.consumer or "")


# publication id, consumer id, consumer name, version id, version number, pact version id, sha,
# created at: the columns of `Candidate`, in order. Quoted so that nothing subscripts `Select`
# at run time (its type parameters differ between SQLAlchemy 2.0 and 2.1).
CandidateQuery: TypeAlias = "Select[int, int, str, int, str, int, str, datetime]"


def base_query(provider_id: int) -> CandidateQuery:
    return (
        select(
            PactPublication.id,
            PactPublication.consumer_id,
            Pacticipant.name,
            Version.id,
            Version.number,
            PactPublication.pact_version_id,
            PactVersion.sha,
            PactPublication.created_at,
        )
        .join(Version, Version.id == PactPublication.consumer_version_id)
        .join(Pacticipant, Pacticipant.id == PactPublication.consumer_id)
        .join(PactVersion, PactVersion.id == PactPublication.pact_version_id)
        .where(PactPublication.provider_id == provider_id)
    )


def fetch(ctx: Context, statement: CandidateQuery) -> list[Candidate]:
    return [Candidate(*row) for row in ctx.session.execute(statement)]
