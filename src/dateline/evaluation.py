"""Score the event coder against gold event data: PLOVER records and PETRARCH-style validation XML.

`evaluate_plover(path)` reads a PLOVER gold file (a JSON array of records, e.g. the 322 CAMEO-manual
sentences of PLOVER_GSR_CAMEO.txt), codes each sentence on its own through the whole pipeline, and
scores event types: recall over gold records (is an event of the gold type coded in the sentence?),
precision over coded (sentence, type) pairs (is the type among the sentence's gold types?), and, on
matched events, whether the source and target countries agree. PLOVER 0.5 names are read as their
later equivalents (DEMAND is REQUEST, DISAPPROVE and INVESTIGATE are ACCUSE, FIGHT is ASSAULT), and the few country codes of older CAMEO
dictionaries that are not ISO 3166 as their ISO codes (JAP is JPN, ITL is ITA, VTN is VNM). Events
coded as negated (they did not happen) and events without a PLOVER type (statements, appeals) are not
scored.

`evaluate_petrarch(path)` reads PETRARCH validation XML with its own actor and agent dictionaries
(imported through `lexicon.petrarch`) and reports the share of expected (source, target, code) events
found, exactly and at the root level.
"""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from dateline.errors import InputError
from dateline.records import Event
from dateline.settings import Settings

PLOVER_RENAMES = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE", "FIGHT": "ASSAULT"}
UNSCORED_MODALITIES = {"negated"}
#: country codes of older CAMEO dictionaries that differ from ISO 3166-1 alpha-3, which the coder writes
LEGACY_COUNTRY_CODES = {"JAP": "JPN", "ITL": "ITA", "VTN": "VNM"}


@dataclass
class TypeScore:
    """Counts for one event type."""

    gold: int = 0
    found: int = 0
    produced: int = 0
    correct: int = 0
    source_n: int = 0
    source_ok: int = 0
    target_n: int = 0
    target_ok: int = 0

    @property
    def recall(self) -> float:
        return self.found / self.gold if self.gold else 0.0

    @property
    def precision(self) -> float:
        return self.correct / self.produced if self.produced else 0.0


@dataclass
class PloverReport:
    """Per-type and overall scores of a PLOVER evaluation."""

    types: dict[str, TypeScore] = field(default_factory=dict)
    sentences: int = 0
    misses: list[tuple[str, str, list[str]]] = field(default_factory=list)  # (text, gold type, coded types)

    def total(self) -> TypeScore:
        total = TypeScore()
        for score in self.types.values():
            for name in (
                "gold",
                "found",
                "produced",
                "correct",
                "source_n",
                "source_ok",
                "target_n",
                "target_ok",
            ):
                setattr(total, name, getattr(total, name) + getattr(score, name))
        return total

    @property
    def recall(self) -> float:
        return self.total().recall

    @property
    def precision(self) -> float:
        return self.total().precision

    @property
    def source_accuracy(self) -> float:
        total = self.total()
        return total.source_ok / total.source_n if total.source_n else 0.0

    @property
    def target_accuracy(self) -> float:
        total = self.total()
        return total.target_ok / total.target_n if total.target_n else 0.0


def plover_type(name: str) -> str:
    """The current PLOVER name of an event type written in PLOVER 0.5."""
    return PLOVER_RENAMES.get(name, name)


def read_plover(path: str | Path) -> list[dict]:  # type: ignore[type-arg]
    """The coded sentence records of a PLOVER gold file (the DOCUMENT header left out)."""
    try:
        records = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as e:
        raise InputError(
            str(path),
            f"cannot be read as a PLOVER JSON file ({e})",
            "give the PLOVER_GSR_CAMEO.txt file or one like it",
        ) from e
    if not isinstance(records, list):
        raise InputError(str(path), "is not a JSON array of PLOVER records")
    return [r for r in records if isinstance(r, dict) and r.get("text") and r.get("event") != "DOCUMENT"]


def code_sentences(texts: list[str], *, settings: Settings | None = None) -> list[list[Event]]:
    """Code each text alone as body text (no headline, no dateline), in batches; its events."""
    from dateline.coding import code_documents
    from dateline.ingest.document import Document

    documents = [Document(text=text, origin={}, body_only=True) for text in texts]
    results = []
    for article in code_documents(documents, settings=settings, published="2000-01-01"):
        results.append(getattr(article, "events", []))
    return results


def _countries(actors: Iterable[dict] | None) -> set[str]:  # type: ignore[type-arg]
    codes = {
        str(a.get("code", ""))[:3].upper() for a in actors or [] if isinstance(a, dict) and a.get("code")
    }
    return {LEGACY_COUNTRY_CODES.get(code, code) for code in codes}


def _actor_country(ref) -> str:  # type: ignore[no-untyped-def]
    return (ref.actor or "")[:3].upper() if ref is not None else ""


def score_plover(records: list[dict], coded: list[list[Event]]) -> PloverReport:  # type: ignore[type-arg]
    """Score coded events (one list per record, in order) against the records."""
    report = PloverReport()
    by_text: dict[str, set[str]] = defaultdict(set)
    for record in records:
        by_text[record["text"]].add(plover_type(record["event"]))
    produced_seen: set[tuple[str, str]] = set()
    for record, events in zip(records, coded, strict=True):
        text = record["text"]
        gold = plover_type(record["event"])
        scored = [e for e in events if e.plover and e.modality not in UNSCORED_MODALITIES]
        score = report.types.setdefault(gold, TypeScore())
        score.gold += 1
        matching = [e for e in scored if e.plover == gold]
        if matching:
            score.found += 1
            sources, targets = _countries(record.get("source")), _countries(record.get("target") or [])
            if sources:
                score.source_n += 1
                score.source_ok += any(_actor_country(e.source) in sources for e in matching)
            if targets:
                score.target_n += 1
                score.target_ok += any(_actor_country(e.target) in targets for e in matching)
        else:
            report.misses.append((text, gold, sorted({e.cameo for e in events})))
        for kind in {e.plover for e in scored if e.plover}:
            if (text, kind) in produced_seen:
                continue
            produced_seen.add((text, kind))
            entry = report.types.setdefault(kind, TypeScore())
            entry.produced += 1
            entry.correct += kind in by_text[text]
    report.sentences = len(by_text)
    return report


def evaluate_plover(path: str | Path, *, settings: Settings | None = None) -> PloverReport:
    """Code every sentence of a PLOVER gold file and score the events (see the module docstring)."""
    records = read_plover(path)
    texts = sorted({r["text"] for r in records})
    coded = dict(zip(texts, code_sentences(texts, settings=settings), strict=True))
    return score_plover(records, [coded[r["text"]] for r in records])


# ------------------------------------------------------------------------------------------ PETRARCH


@dataclass(frozen=True)
class PetrarchCase:
    """One validation sentence with its expected (source, target, code) events."""

    id: str
    text: str
    expected: tuple[tuple[str, str, str], ...]
    no_events: bool


@dataclass
class PetrarchReport:
    """How many expected events were found, exactly (code) and by root."""

    cases: int = 0
    expected: int = 0
    found: int = 0
    found_root: int = 0
    produced: int = 0
    no_event_cases: int = 0
    no_event_clean: int = 0
    by_category: dict[str, list[int]] = field(default_factory=dict)

    @property
    def share(self) -> float:
        return self.found / self.expected if self.expected else 0.0

    @property
    def share_root(self) -> float:
        return self.found_root / self.expected if self.expected else 0.0


def read_petrarch_cases(path: str | Path) -> list[tuple[str, PetrarchCase]]:
    """The (category, case) pairs of a PETRARCH validation XML file; error records are left out."""
    try:
        root = ET.parse(path).getroot()
    except (OSError, ET.ParseError) as e:
        raise InputError(str(path), f"cannot be read as PETRARCH validation XML ({e})") from e
    cases = []
    for sentence in root.iter("Sentence"):
        text = " ".join((sentence.findtext("Text") or "").split())
        codings = sentence.findall("EventCoding")
        if not text or any(c.get("error") for c in codings):
            continue
        expected = tuple(
            (c.get("sourcecode", ""), c.get("targetcode", ""), c.get("eventcode", ""))
            for c in codings
            if c.get("eventcode")
        )
        no_events = any(c.get("noevents") for c in codings)
        cases.append(
            (sentence.get("category", ""), PetrarchCase(sentence.get("id", ""), text, expected, no_events))
        )
    return cases


def evaluate_petrarch(path: str | Path, *, settings: Settings | None = None) -> PetrarchReport:
    """Code PETRARCH validation sentences with their own actor, agent and verb dictionaries (named in the
    file's <Environment>, looked up beside it) on our parse-based matcher; count the expected events found."""
    from dateline.lexicon.petrarch import read_actors, read_agents, read_verbs, to_actor_lexicon
    from dateline.lexicon.verbs import from_petrarch
    from dateline.nlp.events import EventOptions, find_events
    from dateline.nlp.pipeline import COMPONENTS, load_nlp

    path = Path(path)
    root = ET.parse(path).getroot()
    environment = root.find("Environment")
    actor_file = path.parent / (
        (environment.findtext("Actorfile") if environment is not None else None) or "PETR.Validate.actors.txt"
    )
    agent_file = path.parent / (
        (environment.findtext("Agentfile") if environment is not None else None) or "PETR.Validate.agents.txt"
    )
    verb_file = path.parent / (
        (environment.findtext("Verbfile") if environment is not None else None) or "PETR.Validate.verbs.txt"
    )
    lexicon = to_actor_lexicon(read_actors(actor_file), read_agents(agent_file))
    options = EventOptions(actors=lexicon, verbs=from_petrarch(read_verbs(verb_file)), statements=False)
    cases = read_petrarch_cases(path)
    nlp = load_nlp((settings or Settings()).model)
    report = PetrarchReport()
    with nlp.select_pipes(disable=COMPONENTS):
        docs = list(nlp.pipe([case.text for _, case in cases], batch_size=64))
    for (category, case), doc in zip(cases, docs, strict=True):
        events = [e for e in find_events(doc, options=options) if e.modality != "negated"]
        report.cases += 1
        report.produced += len(events)
        tally = report.by_category.setdefault(category, [0, 0])
        if case.no_events:
            report.no_event_cases += 1
            report.no_event_clean += not events
        for source, target, code in case.expected:
            report.expected += 1
            tally[1] += 1
            hits = [e for e in events if _actor_ok(e.source, source) and _actor_ok(e.target, target)]
            if any(e.cameo == code for e in hits):
                report.found += 1
                tally[0] += 1
            if any(e.root == code[:2] for e in hits):
                report.found_root += 1
    return report


def _actor_ok(ref, expected: str) -> bool:  # type: ignore[no-untyped-def]
    """Whether an event's actor is the expected PETRARCH code, by country ("---GOV", an agent of no known
    country, is a sector code alone: "GOV")."""
    if not expected or expected == "---":
        return ref is None or not ref.actor
    if ref is None or not ref.actor:
        return False
    actor, expected = ref.actor.upper(), expected.upper()
    if expected.startswith("---"):
        return actor[:3] == expected[3:6]
    return actor[:3] == expected[:3]
