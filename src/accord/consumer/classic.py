"""The classic API of pact-python 1.x/2.x, so existing suites run with only the import changed.

>>> from accord import Consumer, Provider, Like
>>> pact = Consumer("frontend-app").has_pact_with(
...     Provider("user-service"), port=0, file_write_mode="never")
>>> pact.start_service()
>>> _ = (pact.given("user 1 exists").upon_receiving("a request for user 1")
...     .with_request("get", "/users/1").will_respond_with(200, body={"name": Like("Mary")}))
>>> import urllib.request
>>> with pact:
...     urllib.request.urlopen(pact.uri + "/users/1").status
200
>>> pact.stop_service()

Where the old API started a Ruby process, this one starts the in-process mock server; the
pact is written when a `with pact:` block (or `verify()`) finds everything matched.
"""

from __future__ import annotations

import os
import ssl as ssl_module
from collections.abc import Mapping
from typing import Any

from accord.consumer.classic_matchers import warn_publishing_unsupported
from accord.consumer.http_interaction import HttpInteractionBuilder
from accord.consumer.pact_files import write_pact_file
from accord.errors import AccordError
from accord.mock import MockServer
from accord.model import HttpInteraction, SpecVersion
from accord.model import Pact as PactModel


class Provider:
    """The provider side of a classic pact."""

    def __init__(self, name: str) -> None:
        self.name = name

    def __repr__(self) -> str:
        return f"Provider({self.name!r})"


class Consumer:
    """The consumer side of a classic pact; `has_pact_with` returns the pact to define."""

    def __init__(
        self, name: str, service_cls: type | None = None, **_version_properties: Any
    ) -> None:
        # tags, version, branch, build_url, ...: used by the old API only for publishing.
        self.name = name
        self.service_cls = service_cls or ClassicPact

    def __repr__(self) -> str:
        return f"Consumer({self.name!r})"

    def has_pact_with(
        self,
        provider: Provider,
        host_name: str = "localhost",
        port: int = 1234,
        log_dir: str | None = None,
        ssl: bool = False,
        sslcert: str | None = None,
        sslkey: str | None = None,
        cors: bool = False,
        publish_to_broker: bool = False,
        broker_base_url: str | None = None,
        broker_username: str | None = None,
        broker_password: str | None = None,
        broker_token: str | None = None,
        pact_dir: str | os.PathLike[str] | None = None,
        specification_version: str = "2.0.0",
        file_write_mode: str = "overwrite",
    ) -> ClassicPact:
        if publish_to_broker:
            warn_publishing_unsupported()
        if file_write_mode not in ("overwrite", "merge", "never"):
            raise AccordError(
                f"file_write_mode={file_write_mode!r} is unknown; use 'overwrite', 'merge' or 'never'"
            )
        return self.service_cls(  # type: ignore[no-any-return]
            self,
            provider,
            host_name=host_name,
            port=port,
            ssl=ssl,
            sslcert=sslcert,
            sslkey=sslkey,
            cors=cors,
            pact_dir=pact_dir if pact_dir is not None else os.getcwd(),
            specification_version=specification_version,
            file_write_mode=file_write_mode,
        )


class ClassicPact:
    """A classic pact: define interactions, then exercise them inside `with pact:`."""

    def __init__(
        self,
        consumer: Consumer,
        provider: Provider,
        *,
        host_name: str = "localhost",
        port: int = 1234,
        ssl: bool = False,
        sslcert: str | None = None,
        sslkey: str | None = None,
        cors: bool = False,
        pact_dir: str | os.PathLike[str] | None = None,
        specification_version: str = "2.0.0",
        file_write_mode: str = "overwrite",
    ) -> None:
        self.consumer = consumer
        self.provider = provider
        self.host_name = host_name
        self.port = port
        self.ssl = ssl
        self.sslcert = sslcert
        self.sslkey = sslkey
        self.cors = cors
        self.pact_dir = pact_dir
        self.spec = SpecVersion.parse(specification_version)
        self.file_write_mode = file_write_mode
        self._drafts: list[HttpInteractionBuilder] = []
        self._pending_states: list[str] = []
        self._complete = True  # no interaction is half-defined
        self._verified: list[HttpInteraction] = []
        self._server: MockServer | None = None
        self._started_by_setup = False

    @property
    def uri(self) -> str:
        """The mock service's base URL, e.g. `http://localhost:1234`."""
        scheme = "https" if self.ssl else "http"
        port = self._server.port if self._server is not None else self.port
        return f"{scheme}://{self.host_name}:{port}"

    # ---- the service ---------------------------------------------------------------------
    def start_service(self) -> None:
        """Start the mock service (in-process, instantly)."""
        if self._server is not None:
            return
        self._server = MockServer(
            host=self.host_name,
            port=self.port,
            spec=self.spec,
            cors=self.cors,
            tls=self._tls_context(),
            title=f"Pact between {self.consumer.name} and {self.provider.name}",
        ).start()

    def stop_service(self) -> None:
        """Stop the mock service."""
        if self._server is not None:
            self._server.stop()
            self._server = None

    def _tls_context(self) -> ssl_module.SSLContext | None:
        if not self.ssl:
            return None
        from accord.mock.tls import server_context

        return server_context(self.sslcert, self.sslkey)

    # ---- defining interactions -----------------------------------------------------------
    def given(self, provider_state: str) -> ClassicPact:
        """The provider state the interaction being defined needs (before or after
        `upon_receiving`, as the old API allowed)."""
        if self._drafts and not self._complete:
            self._drafts[-1].given(provider_state)
        else:
            self._pending_states.append(provider_state)
        return self

    def upon_receiving(self, scenario: str) -> ClassicPact:
        """Describe the next interaction."""
        builder = HttpInteractionBuilder(scenario, set_content_type_header=False)
        for state in self._pending_states:
            builder.given(state)
        self._pending_states = []
        self._drafts.append(builder)
        self._complete = False
        return self

    def with_request(
        self,
        method: str,
        path: Any,
        body: Any = None,
        headers: Mapping[str, Any] | None = None,
        query: Mapping[str, Any] | str | None = None,
    ) -> ClassicPact:
        """The request the consumer will make."""
        self._current("with_request").with_request(
            method, path, query=query, headers=headers, body=body
        )
        return self

    def will_respond_with(
        self, status: int, headers: Mapping[str, Any] | None = None, body: Any = None
    ) -> ClassicPact:
        """The response the provider should give."""
        self._current("will_respond_with").will_respond_with(status, headers=headers, body=body)
        self._complete = True
        return self

    def _current(self, step: str) -> HttpInteractionBuilder:
        if not self._drafts:
            raise AccordError(f"{step}() needs an interaction: call upon_receiving(...) first")
        return self._drafts[-1]

    # ---- running -------------------------------------------------------------------------
    def setup(self) -> None:
        """Load the interactions defined so far into the mock service."""
        if self._server is None:
            self.start_service()
            self._started_by_setup = True
        assert self._server is not None
        self._server.set_interactions(builder.build() for builder in self._drafts)

    def verify(self) -> None:
        """Check that every interaction was received and matched, then write the pact."""
        assert self._server is not None, "verify() needs setup() (or `with pact:`) first"
        report = self._server.report()
        interactions = list(self._server.index.interactions)
        self._drafts = []
        if self._started_by_setup:
            self.stop_service()
            self._started_by_setup = False
        report.raise_for_mismatches()
        self._verified.extend(interactions)
        self._write(interactions)

    def _write(self, interactions: list[HttpInteraction]) -> None:
        if self.file_write_mode == "never" or self.pact_dir is None:
            return
        overwrite = self.file_write_mode == "overwrite"
        chosen = self._verified if overwrite else interactions
        pact = PactModel(
            consumer=self.consumer.name,
            provider=self.provider.name,
            interactions=tuple(chosen),
            spec=self.spec,
        )
        write_pact_file(pact, self.pact_dir, spec=self.spec, overwrite=overwrite)

    def __enter__(self) -> ClassicPact:
        self.setup()
        return self

    def __exit__(self, exc_type: type[BaseException] | None, *rest: object) -> None:
        if exc_type is None:
            self.verify()
            return
        # The test failed by itself: report that (with the mock's view, which often explains
        # it: a 500 for an unexpected request), forget this block, write nothing.
        error = rest[0] if rest else None
        if isinstance(error, BaseException) and self._server is not None:
            report = self._server.report()
            if not report.ok:
                error.add_note(report.render())
        self._drafts = []
        if self._started_by_setup:
            self.stop_service()
            self._started_by_setup = False
