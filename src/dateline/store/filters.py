"""Which events a query, an export or a web route wants: one `EventFilter`, the same everywhere.

from dateline.store import EventFilter

where = EventFilter(since="2016-04-01", country="RUS")
store.events(where)                       # the distinct events that match
write(store, "gdelt", out, where=where)   # dateline.export: the same events, as GDELT rows
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from dateline.errors import StoreError

DateLike = str | dt.date | None


def as_day(value: Any) -> str | None:
    """A date bound as "YYYY-MM-DD" (accepts str, date, datetime, None)."""
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    text = str(value)
    try:
        return dt.date.fromisoformat(text[:10]).isoformat()
    except ValueError as e:
        raise StoreError(f"{value!r}: not a date; give YYYY-MM-DD") from e


@dataclass(frozen=True)
class EventFilter:
    """Events by day range, actor and country; an empty filter matches every event.

    since, until: inclusive bounds on the event's day (its date, else its article's publication date;
        an event with neither is in no range).
    actor: an actor code or its prefix, matched on the source or the target ("RUS" matches RUSGOV).
    country: an ISO alpha-3 code, matched on either actor's country or the event's location.
    """

    since: DateLike = None
    until: DateLike = None
    actor: str | None = None
    country: str | None = None

    @property
    def by_actor(self) -> bool:
        """Whether the filter asks for an actor or a country (not only a day range)."""
        return bool(self.actor or self.country)

    def sql(self, alias: str = "e") -> tuple[list[str], list[Any]]:
        """The conditions on the `events` table (named `alias`) and their parameters."""
        where: list[str] = []
        params: list[Any] = []
        if self.since is not None:
            where.append(f"{alias}.day >= ?")
            params.append(as_day(self.since))
        if self.until is not None:
            where.append(f"{alias}.day <= ?")
            params.append(as_day(self.until))
        if self.actor:
            where.append(f"({alias}.source_actor LIKE ? OR {alias}.target_actor LIKE ?)")
            params += [self.actor.upper() + "%"] * 2
        if self.country:
            where.append(
                f"(substr({alias}.source_actor, 1, 3) = ? OR substr({alias}.target_actor, 1, 3) = ? "
                f"OR {alias}.location_country = ?)"
            )
            params += [self.country.upper()] * 3
        return where, params


ALL_EVENTS = EventFilter()
