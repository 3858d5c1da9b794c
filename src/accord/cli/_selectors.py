"""Order-sensitive version selectors for can-i-deploy: `-a Foo -e 1 -a Bar --latest main`.

Each `--pacticipant`/`-a` (or `--ignore`) starts a selector; `--version`, `--latest [TAG]`,
`--branch`, `--main-branch` and `--all TAG` fill in the last one started, as with the official Pact CLI.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import click

from accord.broker_client.matrix import VersionSelector

_STARTS = {"--pacticipant", "-a", "--ignore"}
_SHORT_WITH_VALUE = {"-a", "-e", "-l"}


class SelectorCommand(click.Command):
    """A click command that also keeps its raw arguments, whose order the selectors need."""

    RAW_ARGS = "accord.raw_args"

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        ctx.meta[self.RAW_ARGS] = list(args)
        return super().parse_args(ctx, args)


def parse_selectors(args: Sequence[str]) -> tuple[list[VersionSelector], list[VersionSelector]]:
    """The selectors to check and the selectors to ignore, in the order given."""
    drafts: list[dict[str, Any]] = []
    previous: str | None = None
    for word in _split_equals(args):
        if word.startswith("-"):
            if word in _STARTS:
                drafts.append({"ignore": word == "--ignore"})
            elif word in {"--latest", "-l"}:
                _current(drafts)["latest"] = True
            elif word == "--main-branch":
                _current(drafts)["main_branch"] = True
            previous = word
            continue
        if previous in {"--pacticipant", "-a", "--ignore"}:
            drafts[-1]["pacticipant"] = word
        elif previous in {"--version", "-e"}:
            _current(drafts)["version"] = word
        elif previous in {"--latest", "-l"}:
            _current(drafts)["tag"] = word
        elif previous == "--branch":
            _current(drafts)["branch"] = word
        elif previous == "--all":
            _current(drafts)["tag"] = word
        # A word fills at most one option: the next word needs an option of its own.
        previous = None
    selectors: list[VersionSelector] = []
    ignored: list[VersionSelector] = []
    for draft in drafts:
        is_ignored = draft.pop("ignore", False)
        if not draft.get("pacticipant"):
            raise click.UsageError(
                "--version, --latest, --branch and --main-branch must follow the "
                "--pacticipant (or --ignore) they belong to"
            )
        (ignored if is_ignored else selectors).append(VersionSelector(**draft))
    return selectors, ignored


def _current(drafts: list[dict[str, Any]]) -> dict[str, Any]:
    if not drafts:
        drafts.append({"ignore": False})
    return drafts[-1]


def _split_equals(args: Sequence[str]) -> list[str]:
    """`--version=1` and `-e1` as click reads them: an option word, then its value."""
    words: list[str] = []
    for arg in args:
        if arg.startswith("--") and "=" in arg:
            words.extend(arg.split("=", 1))
        elif len(arg) > 2 and arg[:2] in _SHORT_WITH_VALUE:
            words.extend([arg[:2], arg[2:].removeprefix("=")])
        else:
            words.append(arg)
    return words
