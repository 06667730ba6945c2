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
from dateline.store.base import SQLStore, wrap_errors

BUSY_TIMEOUT_S = 60.0


def sqlite_path(url: str) -> str:
    """The file path of "sqlite:///path", "sqlite:////abs/path" or a plain path (":memory:" stays)."""
    if url.startswith("sqlite://"):
        rest = url.removeprefix("sqlite://")
        return rest[1:] if rest.startswith("/") else rest
    return url


class SQLiteStore(SQLStore):
    """A store in one SQLite file. Open it with `Store.open(path)`."""

    dialect = "sqlite"
    _errors = (sqlite3.Error,)

    def __init__(self, url: str, connection: sqlite3.Connection, *, readonly: bool) -> None:
        super().__init__(url, readonly=readonly)
        self._conn = connection

    @classmethod
    def connect(cls, url: str, *, readonly: bool = False) -> SQLiteStore:
        """Open (creating and migrating unless `readonly`) the SQLite store at `url`."""
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
        store = cls(url, conn, readonly=readonly)
        try:
            with wrap_errors(url, "migrate the SQLite store"):
                store._migrate()
        except BaseException:
            conn.close()
            raise
        return store

    def _run(self, sql: str, params: Sequence[Any] = ()) -> sqlite3.Cursor:
        return self._conn.execute(sql, tuple(params))

    def _stream(self, sql: str, params: Sequence[Any] = ()) -> Iterator[tuple[Any, ...]]:
        cursor = self._conn.execute(sql, tuple(params))
        try:
            while rows := cursor.fetchmany(500):
                yield from rows
        finally:
            with suppress(sqlite3.ProgrammingError):  # the store was closed before the end
                cursor.close()

    @contextmanager
    def _transaction(self) -> Iterator[None]:
        if self._conn.in_transaction:  # nested: part of the enclosing transaction
            yield
            return
        self._conn.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            self._conn.rollback()
            raise
        self._conn.commit()

    def _lock(self) -> None:
        """BEGIN IMMEDIATE already holds the write lock."""

    def _close(self) -> None:
        self._conn.close()
