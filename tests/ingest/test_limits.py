"""Inputs that used to crash a run, cost gigabytes or lose text silently: each is now read, cut with a
note, or one `InputError` naming it, and the inputs beside it are still read."""

from __future__ import annotations

import gzip
import io
import json
import os
import sys
import zlib
from collections.abc import Callable
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from dateline.errors import InputCutError, InputError, InputTooLargeError, SettingsError
from dateline.ingest import Document, display_name, html, iter_files, read_paths
from dateline.ingest.compressed import inflate
from dateline.ingest.html import html_to_text
from dateline.settings import Settings

SENTENCE = "The foreign minister of Austria met the prime minister of Hungary in Vienna on Monday."
PAGE = f"<html><head><title>Ministers meet</title></head><body><article><p>{SENTENCE}</p></article></body></html>"


def read(
    folder: Path, name: str, data: bytes, settings: Settings | None = None
) -> list[Document | InputError]:
    """What read_paths gives for one file holding `data` (read_paths never raises)."""
    path = folder / name
    path.write_bytes(data)
    return list(read_paths([path], settings=settings))


def kinds(items: list[Document | InputError]) -> list[str]:
    return [type(item).__name__ for item in items]


def deep_html(depth: int) -> bytes:
    return f"<html><body>{'<div>' * depth}<p>{SENTENCE}</p>{'</div>' * depth}</body></html>".encode()


def links_page(count: int) -> bytes:
    links = "".join(f'<li><a href="/s/{i}">Item {i}</a></li>' for i in range(count))
    return f"<html><body><p>{SENTENCE}</p><ul>{links}</ul></body></html>".encode()


def gzip_of_zeros(size: int) -> bytes:
    """A gzip member inflating to `size` bytes of 'a', built without holding them."""
    packer = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    block = b"a" * (1 << 20)
    parts = [packer.compress(block) for _ in range(size >> 20)]
    return b"".join(parts) + packer.flush()


# ---- gzip: inflated in chunks, refused at the limit -------------------------------------------------


def test_a_gzip_bomb_is_refused_at_the_limit(tmp_path: Path) -> None:
    bomb = gzip_of_zeros(64 << 20)
    assert len(bomb) < 100_000
    settings = Settings(max_input_bytes=4 << 20)
    (error,) = read(tmp_path, "bomb.txt.gz", bomb, settings)
    assert isinstance(error, InputTooLargeError)
    assert "inflates to more than 4194304 bytes" in str(error) and "max_input_bytes" in str(error)


def test_inflating_keeps_every_member_under_the_limit() -> None:
    data = gzip.compress(b"First half. ") + gzip.compress(b"Second half.")
    assert inflate(data, name="x.gz", limit=24) == b"First half. Second half."
    with pytest.raises(InputTooLargeError):
        inflate(data, name="x.gz", limit=23)
    with pytest.raises(InputError, match="truncated"):
        inflate(gzip.compress(b"Some story text that goes on." * 50)[:-20], name="x.gz", limit=10**6)


def test_a_file_over_the_byte_limit_is_not_read(tmp_path: Path) -> None:
    (tmp_path / "big.txt").write_bytes(SENTENCE.encode() * 100)
    (tmp_path / "small.txt").write_bytes(SENTENCE.encode())
    items = list(read_paths([tmp_path], settings=Settings(max_input_bytes=1000)))
    assert kinds(items) == ["InputTooLargeError", "Document"]


# ---- HTML: links and nesting ------------------------------------------------------------------------


def test_a_link_index_is_refused_before_parsing(tmp_path: Path) -> None:
    (error,) = read(tmp_path, "index.html", links_page(50_000))
    assert isinstance(error, InputTooLargeError)
    assert "holds 50000 links, more than 5000" in str(error)
    (document,) = read(tmp_path, "page.html", links_page(100))
    assert isinstance(document, Document) and SENTENCE in document.text


@pytest.mark.parametrize("depth", [300, 3000, 100_000])
def test_html_nested_too_deep_still_gives_its_text(depth: int, tmp_path: Path) -> None:
    (document,) = read(tmp_path, "deep.html", deep_html(depth))
    assert isinstance(document, Document)
    assert document.text == SENTENCE
    assert document.meta["html_flattened"] == "nested deeper than 256 levels"


def test_html_within_the_depth_limit_is_read_as_before(tmp_path: Path) -> None:
    (document,) = read(tmp_path, "deep.html", deep_html(100))
    assert isinstance(document, Document) and SENTENCE in document.text
    assert "html_flattened" not in document.meta


def test_a_deep_feed_fragment_keeps_its_text() -> None:
    fragment = "<div>" * 1000 + f"<p>{SENTENCE}</p><script>var x;</script>" + "</div>" * 1000
    assert html_to_text(fragment) == SENTENCE


# ---- JSON Lines: nesting, surrogates, any parser failure ---------------------------------------------


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("[" * 100_000 + "]" * 100_000, "nested deeper than 100 levels"),
        ('{"text": "x", "meta": ' + "[" * 150 + "]" * 150 + "}", "nested deeper than 100 levels"),
        (
            '{"text": "x", "meta": ' + '{"a": ' * 100_000 + "1" + "}" * 100_001,
            "nested deeper than 100 levels",
        ),
        ("not json", "is not valid JSON"),
    ],
)
def test_a_bad_jsonl_line_is_that_lines_failure_only(line: str, expected: str, tmp_path: Path) -> None:
    good = json.dumps({"text": SENTENCE})
    data = "\n".join([good, line, good]).encode()
    items = list(read(tmp_path, "lines.jsonl", data))
    assert kinds(items)[0] == kinds(items)[2] == "Document"
    assert isinstance(items[1], InputError) and items[1].name == f"{tmp_path / 'lines.jsonl'}:2"
    assert expected in str(items[1])


def test_a_lone_surrogate_becomes_the_replacement_character(tmp_path: Path) -> None:
    data = (
        b'{"text": "Vienna \\ud800 talks", "title": "A \\udfff title", "url": "https://x.example/\\ud800"}\n'
    )
    (document,) = read(tmp_path, "lines.jsonl", data)
    assert isinstance(document, Document)
    assert document.text == "Vienna \ufffd talks" and document.title == "A \ufffd title"
    document.text.encode("utf-8")
    document.origin["url"].encode("utf-8")
    (pair,) = read(tmp_path, "pair.jsonl", b'{"text": "smile \\ud83d\\ude00"}')
    assert isinstance(pair, Document) and pair.text == "smile \U0001f600"


def test_json_depth_is_a_setting(tmp_path: Path) -> None:
    line = '{"text": "x", "meta": ' + "[" * 20 + "]" * 20 + "}"
    (error,) = read(tmp_path, "a.jsonl", line.encode(), Settings(max_json_depth=10))
    assert isinstance(error, InputTooLargeError)
    (document,) = read(tmp_path, "a.jsonl", line.encode(), Settings(max_json_depth=30))
    assert isinstance(document, Document)


# ---- long stories: cut at a paragraph, with a note ---------------------------------------------------


def test_a_story_over_the_character_limit_is_cut_with_a_note(tmp_path: Path) -> None:
    paragraph = " ".join([SENTENCE] * 10)
    text = "\n\n".join([paragraph] * 1400)  # about 1.2 million characters
    assert len(text) > 1_000_000
    document, note = read(tmp_path, "long.txt", text.encode())
    assert isinstance(document, Document) and isinstance(note, InputCutError)
    assert len(document.text) <= 100_000 and document.text.endswith(SENTENCE)
    assert document.meta["cut"] == {"length": len(text), "kept": len(document.text)}
    assert note.name == str(tmp_path / "long.txt") and f"is {len(text)} characters long" in str(note)


@pytest.mark.parametrize(
    ("given", "error"),
    [({"max_story_chars": 1_000_001}, "at most 1000000"), ({"max_input_bytes": 0}, "at least 1")],
)
def test_limits_are_checked(given: dict[str, int], error: str) -> None:
    with pytest.raises(SettingsError, match=error):
        Settings(**given)  # type: ignore[arg-type]


def test_limits_come_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DATELINE_MAX_STORY_CHARS", "50_000")
    monkeypatch.setenv("DATELINE_MAX_HTML_LINKS", "12")
    settings = Settings.from_env()
    assert (settings.max_story_chars, settings.max_html_links) == (50_000, 12)


# ---- encodings, WARC records, odd files -------------------------------------------------------------


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
@pytest.mark.parametrize(
    ("content", "check"),
    [
        (
            f"Ministers meet\n\nVIENNA, May 2. {SENTENCE} Der Außenminister sprach.\n",
            lambda d: "Außenminister" in d.text,
        ),
        (PAGE, lambda d: d.text == SENTENCE and d.title == "Ministers meet"),
    ],
)
def test_utf16_without_a_bom_is_read(
    encoding: str, content: str, check: Callable[[Document], bool], tmp_path: Path
) -> None:
    (document,) = read(tmp_path, "story", content.encode(encoding))
    assert isinstance(document, Document) and check(document)


def test_binary_data_is_still_not_taken_for_utf16(tmp_path: Path) -> None:
    data = bytes(range(256)) * 40
    (error,) = read(tmp_path, "blob.bin", data)
    assert isinstance(error, InputError) and "is not text" in str(error)


def _warc(records: list[bytes]) -> bytes:
    stream = io.BytesIO()
    writer = WARCWriter(stream, gzip=False)
    for i, body in enumerate(records):
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
        writer.write_record(
            writer.create_warc_record(
                f"https://a.example/{i}",
                "response",
                payload=io.BytesIO(body),
                length=len(body),
                http_headers=headers,
            )
        )
    return stream.getvalue()


def test_a_truncated_warc_record_is_a_failure_not_a_page(tmp_path: Path) -> None:
    whole = _warc([PAGE.encode(), PAGE.replace("Austria", "Norway").encode() * 3])
    first = len(_warc([PAGE.encode()]))
    items = list(read(tmp_path, "cut.warc", whole[: first + (len(whole) - first) // 2]))
    assert kinds(items) == ["Document", "_TruncatedRecord"]
    assert items[1].name == "https://a.example/1" and "truncated WARC record" in str(items[1])
    assert kinds(list(read(tmp_path, "whole.warc", whole))) == ["Document", "Document"]


def test_a_warc_record_over_the_byte_limit_is_refused(tmp_path: Path) -> None:
    data = _warc([PAGE.encode(), PAGE.encode() + b" " * 5000])
    items = list(read(tmp_path, "big.warc", data, Settings(max_input_bytes=2000)))
    assert kinds(items) == ["Document", "InputTooLargeError"]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this platform")
def test_fifos_and_symlink_loops_are_failures_not_hangs(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(SENTENCE)
    os.mkfifo(tmp_path / "b.fifo")
    (tmp_path / "c-loop").symlink_to(tmp_path / "d-loop")
    (tmp_path / "d-loop").symlink_to(tmp_path / "c-loop")
    (tmp_path / "e-dangling").symlink_to(tmp_path / "nowhere")
    (tmp_path / "f").mkdir()
    (tmp_path / "f" / "g.txt").write_text(SENTENCE)
    (tmp_path / "f" / "h-up").symlink_to(tmp_path)
    items = list(iter_files([tmp_path]))
    assert [str(item) if isinstance(item, InputError) else item.name for item in items] == [
        "a.txt",
        f"{tmp_path / 'b.fifo'}: is not a regular file (a FIFO): not read",
        f"{tmp_path / 'c-loop'}: is a symbolic link that loops or points nowhere "
        "(Too many levels of symbolic links) (fix or remove the link)",
        f"{tmp_path / 'd-loop'}: is a symbolic link that loops or points nowhere "
        "(Too many levels of symbolic links) (fix or remove the link)",
        f"{tmp_path / 'e-dangling'}: is a symbolic link that loops or points nowhere "
        "(No such file or directory) (fix or remove the link)",
        "g.txt",
        f"{tmp_path / 'f' / 'h-up'}: is a symbolic link to a folder that holds it (a loop): not followed",
    ]
    (fifo,) = list(read_paths([tmp_path / "b.fifo"]))
    assert isinstance(fifo, InputError) and "FIFO" in str(fifo)


@pytest.mark.skipif(sys.platform != "linux", reason="file names are bytes on Linux only")
def test_a_file_name_that_is_not_utf8_is_named_with_escapes(tmp_path: Path) -> None:
    raw = os.path.join(os.fsencode(tmp_path), b"caf\xe9.txt")
    with open(raw, "wb") as file:
        file.write(SENTENCE.encode())
    (document,) = list(read_paths([tmp_path]))
    assert isinstance(document, Document)
    assert document.origin["path"] == f"{tmp_path}/caf\\xe9.txt"
    assert display_name(os.fsdecode(raw)) == f"{tmp_path}/caf\\xe9.txt"


def test_a_readers_own_exception_is_that_inputs_failure(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*args: object, **kwargs: object) -> None:
        raise RecursionError("maximum recursion depth exceeded")

    monkeypatch.setattr(html.trafilatura, "bare_extraction", broken)
    (tmp_path / "a.html").write_text(PAGE)
    (tmp_path / "b.txt").write_text(SENTENCE)
    items = list(read_paths([tmp_path]))
    assert kinds(items) == ["InputError", "Document"]
    assert str(items[0]) == (
        f"{tmp_path / 'a.html'}: cannot be read: RecursionError: maximum recursion depth exceeded "
        "(the rest of this input is skipped)"
    )


# ---- `dateline code`: a failed input is one line on stderr, the others are printed --------------------


def test_code_prints_the_good_inputs_and_one_line_per_bad_one(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from dateline.cli import cli

    lines = [
        json.dumps(
            {"text": "Talks resume\n\nKYIV, October 18. - Ukraine and Poland agreed to resume talks."}
        ),
        '{"text": "deep", "meta": ' + "[" * 100_000 + "]" * 100_000 + "}",
        json.dumps({"text": "Talks end\n\nWARSAW, October 19. - Poland and Ukraine ended the talks \ud800."}),
    ]
    (tmp_path / "a.jsonl").write_text("\n".join(lines))
    (tmp_path / "b.html").write_bytes(links_page(6_000))
    os.mkfifo(tmp_path / "c.fifo")
    result = CliRunner().invoke(cli, ["code", "--format", "json", "--no-progress", str(tmp_path)])
    assert result.exit_code == 1
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["headline"] for r in records] == ["Talks resume", "Talks end"]
    assert "\ufffd" in records[1]["text"]
    errors = result.stderr.strip().splitlines()
    assert len(errors) == 3 and "Traceback" not in result.stderr
    assert "a.jsonl:2" in errors[0] and "b.html" in errors[1] and "c.fifo" in errors[2]
