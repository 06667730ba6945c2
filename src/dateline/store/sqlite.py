"""The embedded SQLite store (the default): one file, WAL mode, browsable with `sqlite3` or Datasette.

WAL lets readers (the web app) work while an ingest writes; each batch is one transaction, so a
process killed at any moment leaves the file with whole batches only.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Any

from dateline.errors import StoreError
from dateline.store.backend import Backend, Row, wrap_errors

BUSY_TIMEOUT_S = 60.0


def sqlite_path(url: str) -> str:
    """The file path of "sqlite:///path", "sqlite:////abs/path" or a plain path (":memory:" stays)."""
    if url.startswith("sqlite://"):
        rest = url.removeprefix("sqlite://")
        return rest[1:] if rest.startswith("/") else rest
    return url


def _dict_row(cursor: sqlite3.Cursor, row: tuple[Any, ...]) -> Row:
    return {column[0]: value for column, value in zip(cursor.description, row, strict=True)}


class SQLiteBackend(Backend):
    """A store's database in one SQLite file. Open a store with `Store.open(path)`."""

    dialect = "sqlite"

    def __init__(self, url: str, connection: sqlite3.Connection, *, readonly: bool) -> None:
        super().__init__(url, readonly=readonly, errors=(sqlite3.Error,))
        self._conn = connection

    @classmethod
    def connect(cls, url: str, *, readonly: bool = False) -> SQLiteBackend:
        """Open (creating it unless `readonly`) the SQLite file of `url`."""
        path = sqlite_path(url)
        if readonly and path != ":memory:" and not Path(path).is_file():
            raise StoreError(f"{url}: no such store; check the path (a read-only store must exist)")
        with wrap_errors(url, "open the SQLite store"):
            if readonly:
                target = "file:" + Path(path).resolve().as_posix() + "?mode=ro"
                conn = sqlite3.connect(target, uri=True, timeout=BUSY_TIMEOUT_S, isolation_level=None)
            else:
                if path != ":memory:":
                    Path(path).parent.mkdir(parents=True, exist_ok=True)
                conn = sqlite3.connect(path, timeout=BUSY_TIMEOUT_S, isolation_level=None)
                conn.execute("PRAGMA journal_mode = WAL")
                conn.execute("PRAGMA synchronous = NORMAL")
            conn.execute("PRAGMA foreign_keys = ON")
        conn.row_factory = _dict_row
        return cls(url, conn, readonly=readonly)

    def execute(self, sql: str, params: Sequence[Any] = ()) -> sqlite3.Cursor:
        return self._conn.execute(sql, tuple(params))

    def stream(self, sql: str, params: Sequence[Any] = ()) -> Iterator[Row]:
        cursor = self._conn.execute(sql, tuple(params))
        try:
            while rows := cursor.fetchmany(500):
                yield from rows
        finally:
            with suppress(sqlite3.ProgrammingError):  # the store was closed before the end
                cursor.close()

    @contextmanager
    def transaction(self) -> Iterator[None]:
        if self._conn.in_transaction:  # nested: part of the enclosing transaction
            yield
            return
        self._conn.execute("BEGIN IMMEDIATE")  # holds the write lock: migrations need no other
        try:
            yield
        except BaseException:
            self._conn.rollback()
            raise
        self._conn.commit()

    def close(self) -> None:
        self._conn.close()
