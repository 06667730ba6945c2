"""The event coder against gold data: floors pinned here (raise them when scores rise, never lower them)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from dateline.evaluation import evaluate_petrarch, evaluate_plover, plover_type, score_plover
from dateline.records import ActorRef, Coder, Event, Mention, Sentence

PLOVER_RECALL = 0.80
PLOVER_PRECISION = 0.76
# events whose source the actor coder cannot code are kept now (they were dropped before): the right-source
# count rose while its share of found events fell (0.930 with the old dropping, 0.860 measured after)
PLOVER_SOURCE = 0.84
PLOVER_TARGET = 0.83
PETRARCH_SHARE = 0.30
# ACLED development notes (real events): event-type recall and precision, the event's own date
ACLED_RECALL = 0.90
ACLED_PRECISION = 0.80
ACLED_DATE = 0.93
# the actors and places on the same notes (0.538 / 0.596 / 0.613 measured)
ACLED_ACTOR_COUNTRY = 0.50
ACLED_PLACE_COUNTRY = 0.55
ACLED_161KM = 0.57


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


@pytest.mark.slow
def test_plover_floors(shared: Path) -> None:
    report = evaluate_plover(shared / "data" / "peer" / "PLOVER" / "PLOVER_GSR_CAMEO.txt")
    assert report.recall >= PLOVER_RECALL
    assert report.precision >= PLOVER_PRECISION
    assert report.source_accuracy >= PLOVER_SOURCE
    assert report.target_accuracy >= PLOVER_TARGET


@pytest.mark.slow
def test_petrarch_floor(shared: Path) -> None:
    report = evaluate_petrarch(shared / "data" / "peer" / "petrarch2" / "PETR.UnitTest.records.xml")
    assert report.share >= PETRARCH_SHARE


@pytest.mark.slow
@pytest.mark.shared
def test_acled_floors(shared: Path) -> None:
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
    assert recall >= ACLED_RECALL, last
    assert precision >= ACLED_PRECISION, last
    assert date >= ACLED_DATE, last
    assert float(fields[fields.index("actor-country") + 1]) >= ACLED_ACTOR_COUNTRY, last
    assert float(fields[fields.index("place-country") + 1]) >= ACLED_PLACE_COUNTRY, last
    assert float(fields[fields.index("161km") + 1]) >= ACLED_161KM, last
