"""The PostgreSQL store (psycopg 3), for a team sharing one server: `Store.open("postgresql://...")`.

The tables are those of the SQLite store (`schema.py`); records are JSONB. The search path of the
connection decides the schema (`postgresql://host/db?options=-csearch_path%3Dnews`). Migrations take
a transaction-level advisory lock, so several processes may open a new store at once.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator, Sequence
from typing import Any

from dateline.errors import StoreError
from dateline.store.base import SQLStore, wrap_errors

MIGRATION_LOCK = 0x6461_7465  # "date": the advisory lock key held while migrating
FETCH_ROWS = 500


def _psycopg() -> Any:
    try:
        import psycopg
    except ImportError as e:
        raise StoreError(
            "postgresql: psycopg 3 is not installed; pip install 'psycopg[binary]' to use PostgreSQL"
        ) from e
    return psycopg


def to_pyformat(sql: str) -> str:
    """Our `?` placeholders as psycopg's `%s` (the SQL holds no other `?` or `%`)."""
    return sql.replace("%", "%%").replace("?", "%s")


class PostgresStore(SQLStore):
    """A store in a PostgreSQL database. Open it with `Store.open("postgresql://...")`."""

    dialect = "postgres"

    def __init__(self, url: str, connection: Any, *, readonly: bool) -> None:
        super().__init__(url, readonly=readonly)
        self._conn = connection
        self._cursors = itertools.count()
        self._errors = (_psycopg().Error,)

    @classmethod
    def connect(cls, url: str, *, readonly: bool = False) -> PostgresStore:
        """Connect to the server at `url`, creating and migrating the tables unless `readonly`."""
        psycopg = _psycopg()
        with wrap_errors(_safe(url), "connect to PostgreSQL (is the server up, and the URL right?)"):
            conn = psycopg.connect(url, autocommit=True)
            if readonly:
                conn.execute("SET default_transaction_read_only = on")
        store = cls(_safe(url), conn, readonly=readonly)
        try:
            with wrap_errors(store.url, "migrate the PostgreSQL store"):
                store._migrate()
        except BaseException:
            conn.close()
            raise
        return store

    def _run(self, sql: str, params: Sequence[Any] = ()) -> Any:
        return self._conn.execute(to_pyformat(sql), tuple(params))

    def _stream(self, sql: str, params: Sequence[Any] = ()) -> Iterator[tuple[Any, ...]]:
        with self._conn.transaction(), self._conn.cursor(name=f"dateline_{next(self._cursors)}") as cursor:
            cursor.itersize = FETCH_ROWS
            cursor.execute(to_pyformat(sql), tuple(params))
            yield from cursor

    def _transaction(self) -> Any:
        return self._conn.transaction()

    def _lock(self) -> None:
        self._run("SELECT pg_advisory_xact_lock(?)", (MIGRATION_LOCK,))

    def _json_param(self, value: dict[str, Any]) -> Any:
        from psycopg.types.json import Jsonb

        return Jsonb(value)

    def _close(self) -> None:
        self._conn.close()


def _safe(url: str) -> str:
    """The URL without its password, to name the store in messages."""
    from urllib.parse import urlsplit, urlunsplit

    parts = urlsplit(url)
    if parts.password is None:
        return url
    netloc = parts.netloc.replace(":" + parts.password + "@", ":***@", 1)
    return urlunsplit(parts._replace(netloc=netloc))
