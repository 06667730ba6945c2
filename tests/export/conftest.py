"""The export tests use the store tests' fixtures (articles built by hand, a store per backend)."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from dateline.records import Article

_path = Path(__file__).parents[1] / "store" / "conftest.py"
_spec = importlib.util.spec_from_file_location("dateline_tests_store_fixtures", _path)
assert _spec is not None and _spec.loader is not None
_fixtures = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_fixtures)

wire_a = _fixtures.wire_a
wire_b = _fixtures.wire_b
other = _fixtures.other
sample = _fixtures.sample
postgres_schema = _fixtures.postgres_schema
store_url = _fixtures.store_url
store = _fixtures.store
make_article = _fixtures.make_article
make_event = _fixtures.make_event


# An invented story about Russia, Turkey, China and Syria, coded by hand: each actor points at a place entity,
# and the places carry what place resolution gives (country, coordinates; GeoNames facts where the record has
# them).
FOUR = (
    "Russian, Turkish and Chinese envoys met in Geneva on Monday to discuss the war in Syria. "
    'He said "we will not accept" the plan. '
    "China sent aid to Syria on Tuesday. "
    "Turkish troops did not attack Kurdish fighters near Aleppo, officials said."
)


@pytest.fixture
def four() -> Article:
    from dataclasses import replace

    from dateline.records import ActorRef, Entity, Location, Mention

    def ref(code: str, entity: str | None, text: str) -> ActorRef:
        start = FOUR.index(text)
        return ActorRef(actor=code, entity=entity, text=text, start=start, end=start + len(text))

    meet = make_event(
        FOUR,
        "met",
        cameo="040",
        quad=1,
        goldstein=1.0,
        source="RUSGOV",
        target="TURGOV",
        date="2016-05-02",
        plover="CONSULT",
        place=Location(name="Geneva", country="CHE", lat=46.20222, lon=6.14569),
    )
    said = make_event(
        FOUR, "said", cameo="012", quad=1, goldstein=-0.4, source="CHNGOV", target=None, date="2016-05-02"
    )
    aid = make_event(
        FOUR,
        "sent aid",
        cameo="070",
        quad=2,
        goldstein=7.0,
        source="CHN",
        target="SYR",
        date="2016-05-03",
        plover="AID",
        place=Location(name="Syria", country="SYR"),
    )
    attack = make_event(
        FOUR,
        "attack",
        cameo="190",
        quad=4,
        goldstein=-10.0,
        source="TURMIL",
        target="REBkur",
        date=None,
        plover="ASSAULT",
        place=Location(name="Aleppo", country="SYR", lat=36.20124, lon=37.16117),
    )
    meet = replace(meet, source=ref("RUSGOV", "e-rus", "Russian"), target=ref("TURGOV", "e-tur", "Turkish"))
    said = replace(said, source=ref("CHNGOV", None, "He"))
    aid = replace(aid, source=ref("CHN", "e-chn", "China"), target=ref("SYR", "e-syr", "Syria"))
    attack = replace(
        attack,
        source=ref("TURMIL", None, "Turkish troops"),
        target=ref("REBkur", None, "Kurdish fighters"),
        modality="negated",
        date_basis="none",
    )
    article = make_article(
        FOUR,
        events=[meet, said, aid, attack],
        url="https://news.example/four",
        source="News Example",
        published=None,
    )
    places = [
        ("e-rus", "Russia", "RUS"),
        ("e-tur", "Turkey", "TUR"),
        ("e-chn", "China", "CHN"),
        ("e-syr", "Syria", "SYR"),
    ]
    article.entities = [
        Entity(id=ident, name=name, type="GPE", country=code, actor=code, mentions=[Mention(name, 0, 1)])
        for ident, name, code in places
    ] + [Entity(id="e-org", name='the "Free Syria" brigade', type="ORG", mentions=[])]
    return article
