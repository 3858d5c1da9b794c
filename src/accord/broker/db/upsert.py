"""Insert-if-absent for both dialects. Concurrent publishers of the same version race to create
the same rows; `INSERT ... ON CONFLICT DO NOTHING` followed by a SELECT never raises and never
takes the row locks that `ON CONFLICT DO UPDATE` does (the deadlocks of pact_broker#986)."""

from __future__ import annotations

from typing import Any, TypeVar, cast

from sqlalchemy import CursorResult, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from accord.broker.db.base import Base

ModelT = TypeVar("ModelT", bound=Base)


def insert_ignore(
    session: Session, model: type[Base], values: dict[str, Any], keys: list[str]
) -> bool:
    """Insert unless a row with the same `keys` exists; True when this call inserted it."""
    dialect = session.get_bind().dialect.name
    insert = postgresql.insert if dialect == "postgresql" else sqlite.insert
    statement = insert(model).values(**values).on_conflict_do_nothing(index_elements=keys)
    # DML executes to a CursorResult; Session.execute is annotated with its base class
    result = cast(CursorResult[Any], session.execute(statement))
    return bool(result.rowcount)


def get_or_create(
    session: Session, model: type[ModelT], keys: dict[str, Any], values: dict[str, Any]
) -> tuple[ModelT, bool]:
    """The row identified by `keys`, created with `values` when missing; (row, created)."""
    query = select(model).filter_by(**keys)
    row = session.scalars(query).first()
    if row is not None:
        return row, False
    created = insert_ignore(session, model, {**keys, **values}, list(keys))
    row = session.scalars(query.execution_options(populate_existing=True)).one()
    return row, created
