"""The command line documents itself: every command the README mentions exists, `accord --help`
and every command's `--help` exit 0, and every option is listed with a description."""

from __future__ import annotations

import re
from collections.abc import Iterator

import click
import pytest
from click.testing import CliRunner

from accord.cli import COMMANDS, main
from tests.support import REPO

# `accord NAME [SUBNAME]` inside inline code, at the start of a code line, or after a shell prompt
_MENTION = re.compile(r"(?:`|^|\$ )accord ([a-z][a-z-]*)(?: ([a-z][a-z-]*))?", re.MULTILINE)


def _commands() -> Iterator[tuple[str, click.Command]]:
    context = click.Context(main)

    def walk(command: click.Command, path: list[str]) -> Iterator[tuple[str, click.Command]]:
        if isinstance(command, click.Group):
            for name in command.list_commands(context):
                sub = command.get_command(context, name)
                assert sub is not None, f"{' '.join([*path, name])} is listed but cannot load"
                yield from walk(sub, [*path, name])
        else:
            yield " ".join(path), command

    yield from walk(main, [])


def _readme_mentions() -> list[tuple[str, str | None]]:
    text = (REPO / "README.md").read_text()
    return sorted(set(_MENTION.findall(text)))


def test_the_readme_documents_commands() -> None:
    mentioned = {name for name, _ in _readme_mentions()}
    assert {"publish", "can-i-deploy", "record-deployment", "broker"} <= mentioned


@pytest.mark.parametrize(("name", "sub"), _readme_mentions(), ids=lambda value: value or "")
def test_every_command_the_readme_mentions_exists(name: str, sub: str) -> None:
    context = click.Context(main)
    command = main.get_command(context, name)
    assert command is not None, f"README mentions `accord {name}`, which does not exist"
    if isinstance(command, click.Group):
        assert sub in command.list_commands(context), f"README mentions `accord {name} {sub}`"


def test_every_registered_command_is_listed_by_accord_help() -> None:
    result = CliRunner().invoke(main, ["--help"])
    assert result.exit_code == 0
    for name in COMMANDS:
        assert re.search(rf"^\s+{re.escape(name)}\s", result.output, re.MULTILINE), name


def _help_cases() -> list[object]:
    cases: list[object] = []
    for path, command in _commands():
        cases.append(pytest.param(path, command, id=path))
    return cases


@pytest.mark.parametrize(("path", "command"), _help_cases())
def test_help_describes_every_option(path: str, command: click.Command) -> None:
    result = CliRunner().invoke(main, [*path.split(), "--help"])
    assert result.exit_code == 0, result.output
    assert (command.help or "").strip(), f"accord {path} has no description"
    for param in command.params:
        if not isinstance(param, click.Option) or param.hidden:
            continue
        flag = max(param.opts, key=len)
        assert flag in result.output, f"accord {path} --help does not list {flag}"
        assert (param.help or "").strip(), f"accord {path}: {flag} has no description"
