"""The database under a store: one small interface over a SQLite or a PostgreSQL connection.

    db = store.db                                             # the backend of an open Store
    with db.transaction():
        seq = db.insert("articles", {"id": ..., ...}, conflict="(id) DO NOTHING", returning="seq")
    for row in db.rows("SELECT id, day FROM articles WHERE day >= ?", ["2016-04-01"]):
        row["id"], row["day"]                                  # rows are dicts, read by column name

SQL is written once with `?` placeholders; a backend (`sqlite.py`, `postgres.py`) supplies the
connection, the streaming of large results, transactions, the migration lock and JSON values.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping, Sequence
from contextlib import AbstractContextManager, contextmanager
from typing import Any

from dateline.errors import StoreError

Row = dict[str, Any]


class Backend:
    """A connection to one store's database; `SQLiteBackend` and `PostgresBackend` fill in the rest."""

    dialect = "sqlite"

    def __init__(self, url: str, *, readonly: bool, errors: tuple[type[Exception], ...]) -> None:
        self.url = url
        self.readonly = readonly
        self.errors = errors  # the driver's exceptions

    def execute(self, sql: str, params: Sequence[Any] = ()) -> Any:
        """Run one statement; returns the driver's cursor (its rows are dicts)."""
        raise NotImplementedError

    def stream(self, sql: str, params: Sequence[Any] = ()) -> Iterator[Row]:
        """The rows of a query, fetched a few hundred at a time."""
        raise NotImplementedError

    def transaction(self) -> AbstractContextManager[None]:
        """Commit on success, roll back on error; nested, part of the enclosing transaction."""
        raise NotImplementedError

    def lock(self) -> None:
        """Serialise migrations between processes (inside a transaction)."""

    def close(self) -> None:
        raise NotImplementedError

    def json_param(self, value: dict[str, Any]) -> Any:
        """A JSON value as the driver stores it."""
        return json.dumps(value, ensure_ascii=False)

    def json_value(self, value: Any) -> dict[str, Any]:
        """A stored JSON value as a dict."""
        return json.loads(value) if isinstance(value, str | bytes) else value

    def rows(self, sql: str, params: Sequence[Any] = ()) -> list[Row]:
        """Every row of a query."""
        return list(self.execute(sql, params).fetchall())

    def one(self, sql: str, params: Sequence[Any] = ()) -> Any:
        """The first column of the first row, or None when there is no row."""
        row = self.execute(sql, params).fetchone()
        return next(iter(row.values())) if row else None

    def insert(
        self, table: str, row: Mapping[str, Any], *, conflict: str | None = None, returning: str | None = None
    ) -> Any:
        """Insert one row given as {column: value}.

        conflict: what follows ON CONFLICT ("(id) DO NOTHING").
        returning: a column to return; None when no row was inserted.
        """
        sql = f"INSERT INTO {table} ({', '.join(row)}) VALUES ({', '.join('?' * len(row))})"
        if conflict:
            sql += " ON CONFLICT " + conflict
        if returning is None:
            self.execute(sql, list(row.values()))
            return None
        return self.one(sql + " RETURNING " + returning, list(row.values()))

    def check_writable(self) -> None:
        if self.readonly:
            raise StoreError(f"{self.url}: opened read-only; open it without readonly=True to write")

    def page(self, limit: int | None, offset: int, params: list[Any]) -> str:
        """The LIMIT/OFFSET clause of a page of rows (its values appended to `params`)."""
        sql = ""
        if limit is not None:
            sql += " LIMIT ?"
            params.append(int(limit))
        elif offset and self.dialect == "sqlite":
            sql += " LIMIT -1"
        if offset:
            sql += " OFFSET ?"
            params.append(int(offset))
        return sql


@contextmanager
def wrap_errors(url: str, action: str) -> Iterator[None]:
    """Re-raise a database error as StoreError naming the store and the action."""
    try:
        yield
    except StoreError:
        raise
    except Exception as e:
        raise StoreError(f"{url}: cannot {action}: {e}") from e
