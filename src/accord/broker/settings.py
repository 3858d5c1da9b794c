"""Broker settings, read from the environment once, then passed explicitly (no module globals).

Environment variables (the `PACT_BROKER_*` names are those of the official Docker image):

=========================================================  =======================================
ACCORD_BROKER_DATABASE_URL / PACT_BROKER_DATABASE_URL      SQLAlchemy or libpq URL; default: a
                                                           SQLite file in the user data directory
ACCORD_BROKER_BASE_URL / PACT_BROKER_BASE_URL              absolute base of every link (default:
                                                           taken from each request)
PACT_BROKER_BASIC_AUTH_USERNAME / _PASSWORD                read-write basic-auth user
PACT_BROKER_BASIC_AUTH_READ_ONLY_USERNAME / _PASSWORD      read-only basic-auth user
PACT_BROKER_ALLOW_PUBLIC_READ (true/false)                 reads need no credentials
ACCORD_BROKER_TOKENS                                       bearer tokens, see below
ACCORD_BROKER_MAX_BODY_BYTES                               request body limit (default 10 MiB)
PACT_BROKER_ALLOW_DANGEROUS_CONTRACT_MODIFICATION          republishing changed content for a
                                                           version replaces it instead of a 409
ACCORD_BROKER_WEBHOOK_SCHEMES                              URL schemes webhooks may call
                                                           (default https; "http,https" locally)
PACT_BROKER_VERIFIED_BY_OTHER_BRANCH_LOOKBACK_DAYS         how old a successful verification may
                                                           be to take a pact out of WIP (30)
=========================================================  =======================================

Bearer tokens (`ACCORD_BROKER_TOKENS`) are a comma-separated list of `scope:token` entries, where
scope is `read` or `write`, e.g. `ACCORD_BROKER_TOKENS="write:s3cr3t-ci,read:v13w3r"`. Clients send
them as `Authorization: Bearer <token>` (what the official clients do when `PACT_BROKER_TOKEN` is
set). A token without a scope prefix is a write token.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

BROKER_VERSION = "2.120.0"  # the Pact Broker API level we implement, sent as x-pact-broker-version


def _truthy(value: str | None) -> bool:
    return (value or "").strip().lower() in {"1", "true", "yes", "on"}


def default_database_path() -> Path:
    """Where `accord broker serve` keeps its SQLite file when no URL is given."""
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "accord" / "broker.sqlite3"


def normalise_database_url(url: str) -> str:
    """Accept libpq-style `postgres://` / `postgresql://` URLs and use the psycopg 3 driver."""
    for prefix in ("postgres://", "postgresql://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix) :]
    return url


@dataclass(frozen=True, kw_only=True)
class Credentials:
    username: str
    password: str


@dataclass(frozen=True, kw_only=True)
class Settings:
    """Everything the application needs to know; build one per app (tests build many)."""

    database_url: str = ""
    base_url: str | None = None
    write_user: Credentials | None = None
    read_user: Credentials | None = None
    public_read: bool = False
    # token → "read" | "write"
    tokens: Mapping[str, str] = field(default_factory=dict)
    max_body_bytes: int = 10 * 1024 * 1024
    allow_dangerous_contract_modification: bool = False
    # how far back a verification from another branch still counts for WIP (design note §5.3)
    verified_by_other_branch_lookback_days: int = 30
    run_migrations: bool = True
    # webhooks: URL schemes they may call, and how often each instance looks for due ones
    # (0 turns the background worker off; tests drive it by hand)
    webhook_schemes: tuple[str, ...] = ("https",)
    webhook_poll_seconds: float = 2.0

    @property
    def resolved_database_url(self) -> str:
        if self.database_url:
            return normalise_database_url(self.database_url)
        return f"sqlite:///{default_database_path()}"

    @property
    def auth_enabled(self) -> bool:
        return bool(self.write_user or self.read_user or self.tokens)

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None, **overrides: object) -> Settings:
        env = os.environ if environ is None else environ

        def first(*names: str) -> str | None:
            for name in names:
                if env.get(name):
                    return env[name]
            return None

        def user(prefix: str) -> Credentials | None:
            name, password = env.get(f"{prefix}_USERNAME"), env.get(f"{prefix}_PASSWORD")
            return Credentials(username=name, password=password or "") if name else None

        values: dict[str, object] = {
            "database_url": first("ACCORD_BROKER_DATABASE_URL", "PACT_BROKER_DATABASE_URL") or "",
            "base_url": first("ACCORD_BROKER_BASE_URL", "PACT_BROKER_BASE_URL"),
            "write_user": user("PACT_BROKER_BASIC_AUTH"),
            "read_user": user("PACT_BROKER_BASIC_AUTH_READ_ONLY"),
            "public_read": _truthy(env.get("PACT_BROKER_ALLOW_PUBLIC_READ")),
            "tokens": parse_tokens(env.get("ACCORD_BROKER_TOKENS", "")),
            "allow_dangerous_contract_modification": _truthy(
                env.get("PACT_BROKER_ALLOW_DANGEROUS_CONTRACT_MODIFICATION")
            ),
        }
        if env.get("ACCORD_BROKER_MAX_BODY_BYTES"):
            values["max_body_bytes"] = int(env["ACCORD_BROKER_MAX_BODY_BYTES"])
        if env.get("ACCORD_BROKER_WEBHOOK_SCHEMES"):
            values["webhook_schemes"] = tuple(
                part.strip()
                for part in env["ACCORD_BROKER_WEBHOOK_SCHEMES"].split(",")
                if part.strip()
            )
        if env.get("PACT_BROKER_VERIFIED_BY_OTHER_BRANCH_LOOKBACK_DAYS"):
            values["verified_by_other_branch_lookback_days"] = int(
                env["PACT_BROKER_VERIFIED_BY_OTHER_BRANCH_LOOKBACK_DAYS"]
            )
        values.update({k: v for k, v in overrides.items() if v is not None})
        return cls(**values)  # type: ignore[arg-type]


def parse_tokens(text: str) -> dict[str, str]:
    """`"write:abc,read:def"` → {"abc": "write", "def": "read"}; see the module docstring."""
    tokens: dict[str, str] = {}
    for entry in filter(None, (part.strip() for part in text.split(","))):
        scope, sep, token = entry.partition(":")
        if not sep:
            scope, token = "write", entry
        if scope not in {"read", "write"}:
            raise ValueError(
                f"ACCORD_BROKER_TOKENS entry {entry!r} has scope {scope!r}; expected read:<token> "
                "or write:<token>"
            )
        tokens[token] = scope
    return tokens
