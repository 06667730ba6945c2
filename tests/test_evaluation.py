"""The event coder against gold data: floors in tests/floors.toml (raise them when scores rise, never lower them)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from dateline.evaluation import evaluate_petrarch, evaluate_plover, plover_type, score_plover
from dateline.records import ActorRef, Coder, Event, Mention, Sentence


def _event(plover: str, source: str, modality: str = "asserted") -> Event:
    return Event(
        id="x",
        cameo="190",
        root="19",
        plover=plover,
        quad_class=4,
        goldstein=-10.0,
        source=ActorRef(actor=source),
        target=None,
        date=None,
        date_basis="none",
        location=None,
        modality=modality,
        claimed_by=None,
        sentence=Sentence(0, 0, 1, "x"),
        trigger=Mention("x", 0, 1),
        confidence=0.5,
        coder=Coder("0", "x"),
    )


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("DEMAND", "REQUEST"),
        ("DISAPPROVE", "ACCUSE"),
        ("INVESTIGATE", "ACCUSE"),
        ("FIGHT", "ASSAULT"),
        ("AGREE", "AGREE"),
    ],
)
def test_plover_names(old: str, new: str) -> None:
    assert plover_type(old) == new


def test_score_plover_counts() -> None:
    records = [
        {"text": "a", "event": "FIGHT", "source": [{"code": "TUR"}]},
        {"text": "b", "event": "AGREE", "source": [{"code": "RUS"}]},
    ]
    coded = [[_event("ASSAULT", "TURMIL"), _event("COERCE", "TUR")], [_event("AGREE", "RUS", "negated")]]
    report = score_plover(records, coded)
    assert (report.total().found, report.total().gold) == (1, 2)
    assert (report.total().correct, report.total().produced) == (1, 2)
    assert report.source_accuracy == 1.0


def test_score_plover_reads_older_cameo_country_codes() -> None:
    records = [{"text": "a", "event": "AGREE", "source": [{"code": "JAP"}]}]
    report = score_plover(records, [[_event("AGREE", "JPN")]])
    assert report.source_accuracy == 1.0


def test_floors_are_shares_with_a_margin(floors: dict[str, Any]) -> None:
    """tests/floors.toml: a noise margin, and every floor a share in (0, 1]; `documents` counts documents."""
    assert 0 < floors["margin"] < 0.1
    tables = [floors[name] for name in ("plover", "petrarch", "acled", "timebank")] + list(
        floors["geo"].values()
    )
    for table in tables:
        shares = {key: value for key, value in table.items() if key != "documents"}
        assert shares and all(isinstance(v, float) and 0 < v <= 1 for v in shares.values()), table
    assert all(
        isinstance(table["documents"], int) and table["documents"] > 0 for table in floors["geo"].values()
    )


@pytest.mark.slow
def test_plover_floors(shared: Path, floors: dict[str, Any]) -> None:
    floor = floors["plover"]
    report = evaluate_plover(shared / "data" / "peer" / "PLOVER" / "PLOVER_GSR_CAMEO.txt")
    assert report.recall >= floor["recall"]
    assert report.precision >= floor["precision"]
    assert report.source_accuracy >= floor["source"]
    assert report.target_accuracy >= floor["target"]


@pytest.mark.slow
def test_petrarch_floor(shared: Path, floors: dict[str, Any]) -> None:
    report = evaluate_petrarch(shared / "data" / "peer" / "petrarch2" / "PETR.UnitTest.records.xml")
    assert report.share >= floors["petrarch"]["share"]


@pytest.mark.slow
@pytest.mark.shared
def test_acled_floors(shared: Path, floors: dict[str, Any]) -> None:
    floor = floors["acled"]
    folder = shared / "data" / "peer" / "acled-dev"
    if not (folder / "gold.jsonl").is_file():
        pytest.skip("the ACLED development notes are not in ../shared")
    command = f"{sys.executable} -m dateline code --format json --body"
    proc = subprocess.run(
        [sys.executable, str(shared / "eval" / "acled_score.py"), str(folder), "--cmd", command],
        capture_output=True,
        text=True,
        check=True,
    )
    last = proc.stdout.strip().splitlines()[-1]  # acled-dev: type R 0.000 P 0.000 | ... | date 0.000 | ...
    fields = last.replace("|", " ").split()
    recall = float(fields[fields.index("R") + 1])
    precision = float(fields[fields.index("P") + 1])
    date = float(fields[fields.index("date") + 1])
    assert recall >= floor["recall"], last
    assert precision >= floor["precision"], last
    assert date >= floor["date"], last
    assert float(fields[fields.index("actor-country") + 1]) >= floor["actor_country"], last
    assert float(fields[fields.index("place-country") + 1]) >= floor["place_country"], last
    assert float(fields[fields.index("161km") + 1]) >= floor["km161"], last
