"""How broker commands print: rich tables and key/value descriptions for people, the broker's
JSON for scripts, and notices coloured by their type."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import click
from rich import box
from rich.console import Console
from rich.table import Table
from rich.text import Text

from accord.broker_client.notices import BrokerNotice

_NOTICE_STYLES = {
    "success": "green",
    "warning": "yellow",
    "prompt": "yellow",
    "error": "red",
    "danger": "red",
}


def console() -> Console:
    """A console on the current stdout; wide when piped, so tables are not cut for scripts."""
    interactive = sys.stdout.isatty()
    return Console(
        file=sys.stdout, highlight=False, soft_wrap=True, width=None if interactive else 200
    )


def print_json(data: Any) -> None:
    click.echo(json.dumps(data, indent=2, ensure_ascii=False))


def print_table(headers: Sequence[str], rows: Iterable[Sequence[Any]]) -> None:
    """A plain table (no borders to trip over when copying), or nothing when there are no rows."""
    rows = list(rows)
    if not rows:
        return
    table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False)
    for header in headers:
        table.add_column(header, overflow="fold")
    for row in rows:
        # Text, not markup: broker data such as "false [ignored]" must print as it is.
        table.add_row(*(Text("" if cell is None else str(cell)) for cell in row))
    console().print(table)


def print_properties(properties: Mapping[str, Any], indent: int = 0) -> None:
    """`Display name: value` lines, nested values indented; links and embeds left out."""
    for key, value in properties.items():
        if key.startswith("_") or value is None:
            continue
        label = " " * indent + _display_name(key) + ":"
        if isinstance(value, Mapping):
            click.echo(label)
            print_properties(value, indent + 2)
        elif isinstance(value, list):
            click.echo(label)
            for item in value:
                if isinstance(item, Mapping):
                    click.echo(" " * (indent + 2) + "-")
                    print_properties(item, indent + 4)
                else:
                    click.echo(" " * (indent + 2) + f"- {item}")
        else:
            click.echo(f"{label} {_scalar(value)}")


def _display_name(key: str) -> str:
    words: list[str] = []
    current = ""
    for char in key:
        if char.isupper() and current:
            words.append(current)
            current = char.lower()
        else:
            current += char
    words.append(current)
    text = " ".join(words).replace("_", " ")
    return text[:1].upper() + text[1:]


def _scalar(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return "" if value is None else str(value)


def success(text: str) -> None:
    click.secho(text, fg="green")


def print_notices(notices: Iterable[BrokerNotice]) -> None:
    for notice in notices:
        click.secho(notice.text, fg=_NOTICE_STYLES.get(notice.type))
