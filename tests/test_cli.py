"""The command line, in process: formats, stdin, folders, and one-line errors that never stop a batch."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from dateline.cli import cli

STORY = (
    "Talks resume\n\nKYIV, October 18. - Ukraine and Poland agreed on Wednesday to resume talks in 2022.\n"
)


@pytest.fixture()
def run():
    runner = CliRunner()

    def invoke(*args: str, input: str | bytes | None = None):
        return runner.invoke(
            cli, ["code", *args, "--today", "2026-11-29"], input=input, catch_exceptions=False
        )

    return invoke


def _records(stdout: str) -> list[dict]:
    return [json.loads(line) for line in stdout.splitlines() if line.strip()]


def test_cli_code_json_example(run, example_story):
    result = run("--format", "json", str(example_story))
    assert result.exit_code == 0
    (record,) = _records(result.stdout)
    assert record["headline"].startswith("Ukraine, Poland agree")
    assert record["dateline"]["place"] == "Kyiv" and record["dateline"]["country"] == "UKR"
    assert record["published"] == {
        "date": "2023-10-18",
        "basis": "dateline+weekday",
        "why": record["published"]["why"],
    }
    assert "All news" not in record["text"]


def test_cli_code_text_summary(run, example_story):
    result = run(str(example_story))
    assert result.exit_code == 0
    assert "Ukraine, Poland agree to resume talks" in result.stdout
    assert "2023-10-18" in result.stdout and "dateline+weekday" in result.stdout


def test_cli_code_stdin_and_published(run):
    result = run("--format", "json", "--published", "2020-01-02", "-", input=STORY)
    (record,) = _records(result.stdout)
    assert record["published"]["date"] == "2020-01-02" and record["published"]["basis"] == "given"
    assert record["origin"] == {"path": "-"}


def test_cli_code_body_flag(run):
    result = run("--format", "json", "--body", "-", input="Russia and Turkey could exchange delegations.")
    (record,) = _records(result.stdout)
    assert record["headline"] is None and record["dateline"] is None
    assert record["text"] == "Russia and Turkey could exchange delegations."


def test_cli_code_folder_in_order_with_failures(run, tmp_path: Path):
    (tmp_path / "a.txt").write_text(STORY)
    (tmp_path / "b.txt").write_bytes(b"")
    (tmp_path / "c.bin").write_bytes(b"\x00\x01\x02" * 100)
    (tmp_path / "d.txt").write_bytes("Caf\xe9 talks\n\nParis (AFP) - Talks went on.".encode("latin-1"))
    (tmp_path / "e.txt").write_bytes(b"Head\n\nValid \xe2\x80\x9cquote\xe2\x80\x9d then bad \xff byte.")
    result = run("--format", "json", str(tmp_path), str(tmp_path / "missing.txt"))
    assert result.exit_code == 1
    records = _records(result.stdout)
    assert [Path(r["origin"]["path"]).name for r in records] == ["a.txt", "d.txt", "e.txt"]
    assert records[1]["headline"] == "Café talks"
    errors = [line for line in result.stderr.splitlines() if "error:" in line]
    assert len(errors) == 3
    assert any("b.txt" in e and "no text" in e for e in errors)
    assert any("c.bin" in e and "not text" in e for e in errors)
    assert any("missing.txt" in e and "does not exist" in e for e in errors)
    assert "Traceback" not in result.stderr


def test_cli_code_empty_folder(run, tmp_path: Path):
    result = run(str(tmp_path))
    assert result.exit_code == 1
    assert "no files" in result.stderr and "Traceback" not in result.stderr


def test_cli_code_progress_on_stderr_only(run, tmp_path: Path):
    for i in range(3):
        (tmp_path / f"{i}.txt").write_text(STORY.replace("Ukraine", f"Ukraine{i}"))
    result = run("--format", "json", str(tmp_path))
    assert result.exit_code == 0
    assert len(_records(result.stdout)) == 3  # stdout stays clean JSON Lines
    assert "3/3" in result.stderr


def test_cli_bad_date_is_a_usage_error(run):
    result = run("--published", "27/04/2016", "-", input=STORY)
    assert result.exit_code == 2
    assert "YYYY-MM-DD" in result.stderr


def test_cli_unknown_model_is_one_line(tmp_path: Path):
    (tmp_path / "a.txt").write_text(STORY)
    result = CliRunner().invoke(cli, ["code", "--model", "no_such_model_xyz", str(tmp_path / "a.txt")])
    assert result.exit_code == 1
    assert "no_such_model_xyz" in result.stderr and "Traceback" not in result.stderr
