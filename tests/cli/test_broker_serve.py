"""`accord broker serve` and `accord broker db upgrade` with a database they cannot use: one line
naming the (redacted) URL and the cause, exit 1, no traceback."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from accord.cli import main
from tests.support import free_port


@pytest.mark.parametrize(
    ("url", "shown", "cause"),
    [
        ("nonsense", "nonsense", "Could not parse SQLAlchemy URL"),
        ("mysql://x/y", "mysql://x/y", "No module named"),
        (
            "postgresql://user:secret@127.0.0.1:{port}/db",
            "postgresql+psycopg://user:***@127.0.0.1:{port}/db",
            "Connection refused",
        ),
    ],
)
@pytest.mark.parametrize("command", [["serve", "--port", "0"], ["db", "upgrade"]])
def test_an_unusable_database_url_is_named_without_a_traceback(
    command: list[str], url: str, shown: str, cause: str
) -> None:
    port = free_port()
    result = CliRunner().invoke(main, ["broker", *command, "--database-url", url.format(port=port)])
    assert result.exit_code == 1, result.output
    assert f"Error: cannot use the broker database {shown.format(port=port)}: " in result.output
    assert cause in result.output
    assert "secret" not in result.output
    assert "Traceback" not in result.output
