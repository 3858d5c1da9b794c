"""The modern consumer DSL: `Pact(consumer, provider)`, interactions, `serve()` and pact files.

>>> from accord import Pact, match
>>> import urllib.request, json
>>> pact = Pact("web", "users")
>>> _ = (pact.upon_receiving("a request for user 1")
...     .with_request("GET", "/users/1")
...     .will_respond_with(200)
...     .with_body({"id": match.integer(1)}))
>>> with pact.serve() as url:
...     json.load(urllib.request.urlopen(f"{url}/users/1"))
{'id': 1}
"""

from __future__ import annotations

import contextlib
import os
import ssl
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, Literal, overload

from accord.consumer import _arguments as arg
from accord.consumer.http_interaction import HttpInteractionBuilder
from accord.consumer.message_interaction import AsyncMessageBuilder, SyncMessageBuilder, reify
from accord.consumer.pact_files import write_pact_file
from accord.errors import MismatchError
from accord.mock import MockReport, MockServer
from accord.model import AsyncMessage, HttpInteraction, SpecVersion, SyncMessage
from accord.model import Pact as PactModel

Builder = HttpInteractionBuilder | AsyncMessageBuilder | SyncMessageBuilder


class MockServerURL(str):
    """The served mock server's base URL; `url / "users/1"` joins a path, `.server` is the server."""

    server: MockServer

    def __truediv__(self, path: str) -> str:
        return f"{self.rstrip('/')}/{str(path).lstrip('/')}"

    # The attributes of pact-python 3/4's served object, so its tests port with little change.
    @property
    def url(self) -> str:
        return str(self)

    @property
    def host(self) -> str:
        return self.server.host

    @property
    def port(self) -> int:
        return self.server.port

    @property
    def report(self) -> MockReport:
        """What the mock has seen so far (the same report `serve()` checks on exit)."""
        return self.server.report()


class Pact:
    """The interactions one consumer expects of one provider, and the tools to test them."""

    def __init__(
        self,
        consumer: str,
        provider: str,
        *,
        spec: str | SpecVersion = "v4",
        pact_dir: str | os.PathLike[str] | None = None,
    ) -> None:
        for name, value in (("consumer", consumer), ("provider", provider)):
            if not isinstance(value, str) or not value.strip():
                raise arg.fail("Pact", f"{name}={value!r} is empty", f"name the {name} application")
        self.consumer = consumer
        self.provider = provider
        self.spec = SpecVersion.parse(spec)
        self.pact_dir = pact_dir
        self.metadata: dict[str, Any] = {}
        self._builders: list[Builder] = []
        self.last_report: MockReport | None = None

    def __repr__(self) -> str:
        return f"Pact({self.consumer!r}, {self.provider!r}, spec={self.spec.label!r})"

    @overload
    def upon_receiving(
        self, description: str, interaction: Literal["HTTP"] = "HTTP"
    ) -> HttpInteractionBuilder: ...
    @overload
    def upon_receiving(
        self, description: str, interaction: Literal["Async"]
    ) -> AsyncMessageBuilder: ...
    @overload
    def upon_receiving(
        self, description: str, interaction: Literal["Sync"]
    ) -> SyncMessageBuilder: ...

    def upon_receiving(self, description: str, interaction: str = "HTTP") -> Any:
        """Start a new interaction: `"HTTP"` (default), `"Async"` or `"Sync"` message."""
        kinds = {
            "HTTP": HttpInteractionBuilder,
            "Async": AsyncMessageBuilder,
            "Sync": SyncMessageBuilder,
        }
        if interaction not in kinds:
            raise arg.fail(
                "upon_receiving",
                f"interaction={interaction!r} is unknown",
                "use 'HTTP', 'Async' or 'Sync'",
            )
        builder = kinds[interaction](description)
        self._builders.append(builder)
        return builder

    def with_specification(self, spec: str | SpecVersion) -> Pact:
        """Choose the spec version after construction (pact-python's spelling of `spec=`)."""
        self.spec = SpecVersion.parse(spec)
        return self

    def with_metadata(self, namespace: str, values: dict[str, Any]) -> Pact:
        """Add pact-level metadata under `namespace`."""
        self.metadata[namespace] = dict(values)
        return self

    # ---- model and files -----------------------------------------------------------------
    def interactions(self) -> list[HttpInteraction | AsyncMessage | SyncMessage]:
        return [builder.build() for builder in self._builders]

    def model(self) -> PactModel:
        """The pact as a model object (what `write_file` writes)."""
        return PactModel(
            consumer=self.consumer,
            provider=self.provider,
            interactions=tuple(self.interactions()),
            metadata=dict(self.metadata),
            spec=self.spec,
        )

    def write_file(
        self, directory: str | os.PathLike[str] | None = None, *, overwrite: bool = False
    ) -> Path:
        """Merge the interactions into `<directory>/<consumer>-<provider>.json` (cwd by default)."""
        if self.last_report is not None and not self.last_report.ok:
            raise MismatchError(
                "not writing the pact: the last mock server session had problems\n"
                + self.last_report.render()
            )
        folder = directory if directory is not None else (self.pact_dir or Path.cwd())
        return write_pact_file(self.model(), folder, spec=self.spec, overwrite=overwrite)

    # ---- HTTP ----------------------------------------------------------------------------
    @contextlib.contextmanager
    def serve(
        self,
        host: str = "127.0.0.1",
        port: int = 0,
        *,
        cors: bool = False,
        tls: ssl.SSLContext | bool | None = None,
        raises: bool = True,
        write: bool | None = None,
    ) -> Iterator[MockServerURL]:
        """Serve the HTTP interactions; yields the base URL. On exit, check what was received.

        `tls=True` serves HTTPS with a throwaway self-signed certificate (or pass an SSLContext);
        `cors=True` answers CORS preflight requests.

        Raises MismatchError (a test failure) listing missing, unexpected and mismatched
        requests. When everything matched and the Pact has a `pact_dir` (or `write=True`), the
        pact file is written.
        """
        if tls is True:
            from accord.mock.tls import server_context

            tls = server_context()  # self-signed for localhost; clients must not verify it
        interactions = [i for i in self.interactions() if isinstance(i, HttpInteraction)]
        title = f"Pact between {self.consumer} and {self.provider}"
        server = MockServer(
            interactions,
            host=host,
            port=port,
            spec=self.spec,
            cors=cors,
            tls=tls or None,
            title=title,
        )
        with server:
            url = MockServerURL(server.url)
            url.server = server
            try:
                yield url
            except BaseException as error:
                # The test failed on its own; the mock's view often explains why (a 500 answer).
                failed = server.report()
                if not failed.ok:
                    error.add_note(failed.render())
                self.last_report = failed
                raise
        report = server.report()
        self.last_report = report
        if not report.ok:
            if raises:
                report.raise_for_mismatches()
            return
        if write or (write is None and self.pact_dir is not None):
            self.write_file()

    def live_mock_server(
        self, host: str = "127.0.0.1", port: int = 0, *, cors: bool = False
    ) -> MockServer:
        """A mock server (not yet started) that serves whatever HTTP interactions this pact has
        when each request arrives, so it can start before the interactions are defined."""
        return MockServer(
            host=host,
            port=port,
            spec=self.spec,
            cors=cors,
            title=f"Pact between {self.consumer} and {self.provider}",
            source=lambda: [i for i in self.interactions() if isinstance(i, HttpInteraction)],
        )

    # ---- messages ------------------------------------------------------------------------
    def verify(self, handler: Callable[..., Any], kind: Literal["Async", "Sync"] = "Async") -> None:
        """Call `handler(body, metadata)` with each message's reified example.

        For synchronous messages the handler receives each response message (what the consumer
        gets back). An exception from the handler propagates, so the test fails and nothing
        is written.
        """
        for interaction in self.interactions():
            if kind == "Async" and isinstance(interaction, AsyncMessage):
                messages = [interaction.message]
            elif kind == "Sync" and isinstance(interaction, SyncMessage):
                messages = list(interaction.response)
            else:
                continue
            for contents in messages:
                body, metadata = reify(contents)
                try:
                    handler(body, metadata)
                except Exception as error:
                    error.add_note(
                        f"while the consumer handled message {interaction.description!r}"
                    )
                    raise
        if self.pact_dir is not None:
            self.write_file()
