"""Actor codes: the CAMEO-style code of an actor and its parts, and the organisations the lexicon codes.

`decode_actor_code("RUSGOV")` splits a code into country RUS and sector GOV; an `Organisation` (one row of
``organisations.tsv``) makes the code of itself or of one of its parts (IGOUNO, IGONATMIL, PSEREBHMS).
`dateline.lexicon.actors` builds its lexicon on these.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

import pycountry

ORG_TYPES = {"IGO": "igo", "NGO": "ngo", "IMG": "img", "ETH": "ethnic"}
_ACTOR_PREFIXES = {"IGO": "igo", "NGO": "ngo", "IMG": "img", "MNC": "ngo"}


@dataclass(frozen=True, slots=True)
class ActorCode:
    """The CAMEO-style code of an actor phrase.

    ``kind`` is country, igo, ngo, img, ethnic or agent; ``group`` holds the known-group code of an
    organisation (NAT) or the ethnic code of an ethnic group (kur). Organisations code as type + group
    (+ sector): IGONAT, IGOUNO, NGOAMN, IGONATMIL; an armed group active in one country as country + REB +
    group (PSEREBHMS); an ethnic group as sector + ethnic code, the CAMEO ethnic code in lower case
    ("Kurdish militants" -> REBkur, "Kurds" -> kur); an agent alone as its sector (MIL).
    """

    code: str
    country: str | None
    sector: str | None
    kind: str
    group: str | None = None


@dataclass(frozen=True, slots=True)
class Organisation:
    """One row of ``organisations.tsv``."""

    code: str
    type: str
    plover: str
    country: str | None
    name: str

    def actor_code(self, sector: str | None = None) -> ActorCode:
        """Return the actor code of the organisation, optionally with the sector of one of its parts."""
        kind = ORG_TYPES[self.type]
        if self.type == "ETH":
            return ActorCode(f"{sector or ''}{self.code}", self.country, sector, "ethnic", self.code)
        if self.type == "IMG" and self.country:
            code = f"{self.country}{sector or 'REB'}{self.code}"
            return ActorCode(code, self.country, sector or "REB", kind, self.code)
        return ActorCode(
            f"{self.type}{self.code}{sector or ''}", self.country, sector or self.type, kind, self.code
        )


def decode_actor_code(code: str) -> ActorCode:
    """Split a CAMEO-style actor code into its parts: "RUSGOV" -> country RUS, sector GOV."""
    code = code.upper()
    prefix = code[:3]
    if prefix in _ACTOR_PREFIXES:
        rest = code[3:]
        return ActorCode(code, None, prefix, _ACTOR_PREFIXES[prefix], rest[:3] or None)
    if prefix in _sector_codes() and pycountry.countries.get(alpha_3=prefix) is None:
        # a bare agent ("JUD", "GOV"): no country yet
        return ActorCode(code, None, prefix, "agent", code[3:6] or None)
    sector = code[3:6] or None
    return ActorCode(code, prefix, sector, "country")


@functools.cache
def _sector_codes() -> frozenset[str]:
    from dateline.lexicon.codebook import load_codebook

    return frozenset(load_codebook().sectors)
