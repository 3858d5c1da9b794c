"""The console report: consumer → interaction → result, then every failure in detail.

Built on rich; user-supplied text (descriptions, messages) is escaped so brackets in a pact never
turn into markup. The same lines go to a plain StringIO for the classic `(exit_code, output)` API.
"""

from __future__ import annotations

import sys

from rich.console import Console
from rich.markup import escape
from rich.text import Text

from accord.verifier.results import InteractionResult, PactResult, VerificationReport
from accord.verifier.sources import LoadedPact


class ConsoleReporter:
    """Streams results as they arrive and prints a failure summary at the end."""

    def __init__(self, console: Console | None = None, *, verbose: bool = False) -> None:
        # Piped output (CI logs) keeps each line whole, so URLs and paths stay copyable.
        self.console = console or Console(highlight=False, soft_wrap=not sys.stdout.isatty())
        self.verbose = verbose

    def pact_started(self, loaded: LoadedPact) -> None:
        pact = loaded.pact
        self.console.print()
        self.console.print(
            f"[bold]Verifying a pact between {escape(pact.consumer)} and {escape(pact.provider)}[/]"
        )
        tags = []
        if loaded.short_description:
            tags.append(loaded.short_description)
        if loaded.pending:
            tags.append("pending")
        if loaded.wip:
            tags.append("work in progress")
        suffix = f" ({escape(', '.join(tags))})" if tags else ""
        self.console.print(f"  [dim]from {escape(loaded.origin)}[/]{suffix}")
        for notice in loaded.notices:
            self.console.print(f"  [cyan]notice:[/] {escape(notice)}")

    def interaction(self, result: InteractionResult) -> None:
        # One line per interaction, written with `out` and Text (no markup parsing, no wrapping):
        # this runs once per interaction, and `print` would cost more than the request itself.
        if result.ok:
            mark = ("✓", "green")
        elif result.pending:
            mark = ("✗ (pending)", "yellow")
        else:
            mark = ("✗", "red")
        line = Text.assemble("  ", mark, " ", result.title())
        if self.verbose:
            line.append(f" {result.duration * 1000:.1f} ms", style="dim")
        self._line(line)
        if result.test_name:
            self._line(Text(f"      Test Name: {result.test_name}"))
        for comment in result.comments:
            self._line(Text(f"      {comment}"))
        for failure in result.failures:
            self._line(Text(f"      {failure.headline(result.consumer)}"))

    def _line(self, text: Text) -> None:
        self.console.out(text, highlight=False)

    def pact_finished(self, loaded: LoadedPact, result: PactResult) -> None:
        """Whether results went to the broker, then its after-verification notices."""
        if result.published:
            self.console.print("  verification results published to the broker")
        outcome = (
            f"after_verification:success_{str(result.ok).lower()}"
            f"_published_{str(result.published).lower()}"
        )
        for when, text in loaded.later_notices:
            if when == outcome:
                self.console.print(f"  [cyan]notice:[/] {escape(text)}")

    def warning(self, text: str) -> None:
        self.console.print(f"[yellow]WARNING:[/] {escape(text)}")

    def error(self, text: str) -> None:
        self.console.print(f"[red]ERROR:[/] {escape(text)}")

    def finished(self, report: VerificationReport) -> None:
        for text in report.warnings:
            self.warning(text)
        for text in report.errors:
            self.error(text)
        failing = [r for r in report.interactions if r.failures]
        if failing:
            self.console.print()
            self.console.print("[bold]Failures:[/]")
            for number, result in enumerate(failing, start=1):
                self._failure_detail(number, result)
        self.console.print()
        self.console.print(summary_line(report))

    def _failure_detail(self, number: int, result: InteractionResult) -> None:
        pending = " [yellow](pending: does not fail the build)[/]" if result.pending else ""
        self.console.print(
            f"{number}) {escape(result.consumer)} → {escape(result.provider)}: "
            f"{escape(result.title())}{pending}"
        )
        for category in result.categories():
            self.console.print(f"   {escape(category)}")
            for failure in (f for f in result.failures if f.category == category):
                self.console.print(f"     {escape(failure.headline(result.consumer))}")
                if failure.attribute not in ("state", "request") and not failure.missing:
                    self.console.print(
                        f"       expected: {escape(_show(failure.expected))}  "
                        f"found: {escape(_show(failure.actual))}"
                    )


def summary_line(report: VerificationReport) -> str:
    total = len(report.interactions)
    failed = len(report.failures)
    pending = len(report.pending_failures)
    verdict = "[green]OK[/]" if report.success else "[red]FAILED[/]"
    consumers = len({result.consumer for result in report.interactions})
    return (
        f"{verdict}: {total} interaction{'s' if total != 1 else ''} from {consumers} "
        f"consumer{'s' if consumers != 1 else ''}, {failed} failed, {pending} pending failed"
        + (f", {len(report.errors)} error(s)" if report.errors else "")
    )


def _show(value: object) -> str:
    if value is None:
        return "(nothing)"
    if isinstance(value, bytes):
        return f"{len(value)} bytes"
    text = repr(value)
    return text if len(text) <= 200 else text[:197] + "..."
