"""Regenerate the README's command-line reference from `--help`.

    python scripts/cli_reference.py          # rewrite README.md in place
    python scripts/cli_reference.py --check  # exit 1 when README.md is out of date

The reference sits between the markers `<!-- cli:start -->` and `<!-- cli:end -->`.
"""

from __future__ import annotations

import sys
from pathlib import Path

import click
from click.testing import CliRunner

README = Path(__file__).resolve().parents[1] / "README.md"
START, END = "<!-- cli:start -->", "<!-- cli:end -->"


def _commands(group: click.Group, prefix: list[str]) -> list[list[str]]:
    found = [prefix]
    for name in sorted(group.commands):
        command = group.commands[name]
        if isinstance(command, click.Group):
            found.extend(_commands(command, [*prefix, name]))
        else:
            found.append([*prefix, name])
    return found


def reference() -> str:
    from dateline.cli import cli

    runner = CliRunner()
    parts = []
    for path in _commands(cli, []):
        result = runner.invoke(cli, [*path, "--help"], prog_name="dateline", terminal_width=100)
        title = " ".join(["dateline", *path])
        parts.append(f"### `{title}`\n\n```\n{result.output.rstrip()}\n```\n")
    return "\n".join(parts)


def rendered(readme: str) -> str:
    head, _, rest = readme.partition(START)
    _, _, tail = rest.partition(END)
    return f"{head}{START}\n\n{reference()}\n{END}{tail}"


def main() -> int:
    current = README.read_text(encoding="utf-8")
    wanted = rendered(current)
    if "--check" in sys.argv:
        return 0 if current == wanted else 1
    README.write_text(wanted, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
