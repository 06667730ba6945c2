"""The PostgreSQL store (psycopg 3), for a team sharing one server: `Store.open("postgresql://...")`.

The tables are those of the SQLite store (`schema.py`); records are JSONB. The search path of the
connection decides the schema (`postgresql://host/db?options=-csearch_path%3Dnews`). Migrations take
a transaction-level advisory lock, so several processes may open a new store at once.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator, Sequence
from typing import Any
from urllib.parse import urlsplit, urlunsplit

from dateline.errors import StoreError
from dateline.store.backend import Backend, Row, wrap_errors

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


class PostgresBackend(Backend):
    """A store's database on a PostgreSQL server. Open a store with `Store.open("postgresql://...")`."""

    dialect = "postgres"

    def __init__(self, url: str, connection: Any, *, readonly: bool) -> None:
        super().__init__(url, readonly=readonly, errors=(_psycopg().Error,))
        self._conn = connection
        self._cursors = itertools.count()

    @classmethod
    def connect(cls, url: str, *, readonly: bool = False) -> PostgresBackend:
        """Connect to the server at `url` (read-only transactions when `readonly`)."""
        psycopg = _psycopg()
        from psycopg.rows import dict_row

        with wrap_errors(_safe(url), "connect to PostgreSQL (is the server up, and the URL right?)"):
            conn = psycopg.connect(url, autocommit=True, row_factory=dict_row)
            if readonly:
                conn.execute("SET default_transaction_read_only = on")
        return cls(_safe(url), conn, readonly=readonly)

    def execute(self, sql: str, params: Sequence[Any] = ()) -> Any:
        return self._conn.execute(to_pyformat(sql), tuple(params))

    def stream(self, sql: str, params: Sequence[Any] = ()) -> Iterator[Row]:
        with self._conn.transaction(), self._conn.cursor(name=f"dateline_{next(self._cursors)}") as cursor:
            cursor.itersize = FETCH_ROWS
            cursor.execute(to_pyformat(sql), tuple(params))
            yield from cursor

    def transaction(self) -> Any:
        return self._conn.transaction()

    def lock(self) -> None:
        self.execute("SELECT pg_advisory_xact_lock(?)", (MIGRATION_LOCK,))

    def json_param(self, value: dict[str, Any]) -> Any:
        from psycopg.types.json import Jsonb

        return Jsonb(value)

    def close(self) -> None:
        self._conn.close()


def _safe(url: str) -> str:
    """The URL without its password, to name the store in messages."""
    parts = urlsplit(url)
    if parts.password is None:
        return url
    netloc = parts.netloc.replace(":" + parts.password + "@", ":***@", 1)
    return urlunsplit(parts._replace(netloc=netloc))
