"""The command line's errors: plain one-line messages, given before the model loads, for URLs, missing
paths, missing stores and busy ports; user data (a path with `[/]`) is never read as markup."""

from __future__ import annotations

import socket
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

import dateline.coding
from dateline.cli import NO_URLS, cli
from dateline.store import Store

STORY = "Talks go on\n\nThe Greek government criticised the Turkish government over the border dispute.\n"


def invoke(*args: str):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(cli, list(args), catch_exceptions=False, env={"COLUMNS": "400"})


@pytest.fixture
def no_model(monkeypatch: pytest.MonkeyPatch) -> None:
    """Loading the model fails the test: these errors must come before it (it takes seconds)."""

    def load(model: str) -> None:
        raise AssertionError("the model was loaded")

    monkeypatch.setattr(dateline.coding, "load_nlp", load)


URL = "https://tass.com/politics/872545"


@pytest.mark.parametrize(
    "command",
    [["code"], ["ingest", "--db", "{tmp}/news.db", "--no-progress"], ["batch", "--output", "{tmp}/out"]],
)
@pytest.mark.parametrize(
    ("given", "message"),
    [(URL, NO_URLS), ("http://example.com/a.html", NO_URLS), ("{tmp}/missing.txt", "does not exist")],
)
def test_urls_and_missing_paths_are_refused_before_the_model_loads(
    tmp_path: Path, no_model: None, command: list[str], given: str, message: str
) -> None:
    args = [a.replace("{tmp}", str(tmp_path)) for a in [*command, given]]
    result = invoke(*args)
    assert result.exit_code == 1
    errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert errors and errors[0] == f"error: {given.replace('{tmp}', str(tmp_path))}: {message}" + (
        " (check the path)" if message == "does not exist" else ""
    )
    assert "https:/tass" not in result.stderr and "Traceback" not in result.stderr


def test_a_url_names_what_to_do() -> None:
    assert NO_URLS == "dateline does not fetch URLs: save the page and give its path"


def odd_path(root: Path) -> Path:
    """A path whose text holds `[/]` (and other markup), as a user may well have."""
    folder = root / "[bold]x["
    folder.mkdir()
    return folder / "]y [red]z.txt"


def test_errors_print_paths_as_they_are(tmp_path: Path, no_model: None) -> None:
    path = odd_path(tmp_path)
    assert "[/]" in str(path)
    result = invoke("code", str(path))
    assert result.exit_code == 1
    assert result.stderr.strip() == f"error: {path}: does not exist (check the path)"


@pytest.mark.slow
def test_failures_keep_working_after_a_path_with_markup_is_recorded(tmp_path: Path) -> None:
    path = odd_path(tmp_path)
    path.write_bytes(b"")
    db = str(tmp_path / "news.db")
    ingested = invoke("ingest", str(path.parent), "--db", db, "--no-progress")
    assert ingested.exit_code == 1 and "Traceback" not in ingested.stderr  # nothing readable
    listed = invoke("failures", "--db", db)
    assert listed.exit_code == 0, listed.stderr
    assert str(path) in listed.stdout and "no text" in listed.stdout


@pytest.mark.slow
def test_ingest_published_dates_every_input(tmp_path: Path) -> None:
    (tmp_path / "story.txt").write_text(STORY, encoding="utf-8")
    db = str(tmp_path / "news.db")
    result = invoke(
        "ingest", str(tmp_path / "story.txt"), "--db", db, "--no-progress", "--published", "2016-05-03"
    )
    assert result.exit_code == 0, result.stderr
    with Store.open(db, readonly=True) as store:
        (article,) = store.articles()
        rows = list(store.mentions())
    assert (article.published.date, article.published.basis) == ("2016-05-03", "given")
    assert rows and {row.day for row in rows} == {"2016-05-03"}


def test_ingest_published_must_be_a_date(tmp_path: Path) -> None:
    result = invoke("ingest", str(tmp_path), "--db", str(tmp_path / "n.db"), "--published", "May 3")
    assert result.exit_code == 2 and "YYYY-MM-DD" in result.stderr


def test_serve_refuses_a_missing_store(tmp_path: Path) -> None:
    db = tmp_path / "typo.db"
    result = invoke("serve", "--db", str(db))
    assert result.exit_code == 1
    assert result.stderr.strip().startswith(f"error: {db}: no such store")
    assert len(result.stderr.strip().splitlines()) == 1 and not db.exists()


@pytest.fixture
def busy_port() -> Iterator[int]:
    with socket.socket() as held:
        held.bind(("127.0.0.1", 0))
        held.listen()
        yield held.getsockname()[1]


def test_serve_on_a_busy_port_is_one_line(tmp_path: Path, busy_port: int) -> None:
    db = str(tmp_path / "news.db")
    Store.open(db).close()
    result = invoke("serve", "--db", db, "--port", str(busy_port))
    assert result.exit_code == 1
    (line,) = result.stderr.strip().splitlines()
    assert line.startswith("error: cannot listen on 127.0.0.1:") and "in use" in line


@pytest.mark.parametrize(("content", "message"), [("short\n", "at least 16"), ("", "empty")])
def test_serve_token_file_is_checked(tmp_path: Path, content: str, message: str) -> None:
    db = str(tmp_path / "news.db")
    Store.open(db).close()
    token = tmp_path / "token"
    token.write_text(content)
    result = invoke("serve", "--db", db, "--token-file", str(token))
    assert result.exit_code == 1 and message in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_serve_token_from_the_environment_is_checked(tmp_path: Path) -> None:
    db = str(tmp_path / "news.db")
    Store.open(db).close()
    result = CliRunner().invoke(cli, ["serve", "--db", db], env={"DATELINE_TOKEN": "tiny"})
    assert result.exit_code == 1 and "at least 16" in result.stderr
