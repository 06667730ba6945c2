"""The date of an event: the nearest date expression that governs it.

In order: a day-precise date in the event's own clause ("clause"), a coarser one there ("clause-month"), a
day in a clause above it or elsewhere in its sentence, such as a sentence-initial "On 30 April 2020, ..."
("sentence"), the day of the episode a later sentence of the same story continues when it gives none and
tells of the past ("episode"), else the publication date ("published"). Date expressions are read as the
dates stage left them in `doc._.dates`.

Split out of `dateline.nlp.events`; see that module for the process.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from dateline.nlp.candidate import Candidate
from dateline.records import DateRef


def event_clause(item: Candidate) -> set[int]:
    """The token indices of the event's own clause: its chain's subtrees without embedded clauses."""
    own = {t.i for t in item.chain}
    tokens: set[int] = set()
    stack = [item.head, item.trigger]
    while stack:
        token = stack.pop()
        if token.i in tokens:
            continue
        tokens.add(token.i)
        for child in token.children:
            if child.i in own or child.dep_ not in {"ccomp", "parataxis", "relcl", "conj", "advcl", "xcomp"}:
                stack.append(child)
    return tokens


def anchors_of(doc: Doc, dates: list[DateRef], published) -> list[tuple[DateRef, Token]]:  # type: ignore[no-untyped-def]
    """The resolved date expressions of a Doc with the word each hangs on, in order."""
    found = []
    for ref in dates:
        if not ref.value:
            continue
        span = doc.char_span(ref.start, ref.end, alignment_mode="expand")
        if span is not None:
            found.append((ref, span.root))
    return found


def _past(item: Candidate) -> bool:
    """Whether the event is told in the past ("were attacked", "clashed", "had met")."""
    words = [*item.chain, item.head]
    return any(
        t.tag_ in {"VBD", "VBN"} or any(c.dep_ in {"aux", "auxpass"} and c.tag_ == "VBD" for c in t.children)
        for t in words
    )


def episode_of(sent: Span, anchors: list[tuple[DateRef, Token]]) -> DateRef | None:
    """The day a sentence tells of, for the sentences after it that give none: its last day-precise date of
    the past or present (a date still to come does not start an episode)."""
    days = [
        ref
        for ref, root in anchors
        if ref.granularity == "day" and sent.start <= root.i < sent.end and ref.tense != "future"
    ]
    return days[-1] if days else None


def event_date(
    item: Candidate,
    clause: set[int],
    anchors: list[tuple[DateRef, Token]],
    episode: DateRef | None,
    published,
) -> tuple[str | None, str]:  # type: ignore[no-untyped-def]
    """The event's own date: from its clause, a clause above it or the sentence, the episode the sentence
    continues (a past event in a sentence with no date of its own), else the publication date."""
    sent = item.head.sent
    inside = [(ref, root) for ref, root in anchors if sent.start <= root.i < sent.end]
    days = [(ref, root) for ref, root in inside if ref.granularity == "day"]
    for ref, root in days:
        if root.i in clause:
            return ref.value, "clause"
    coarse = [(ref, root) for ref, root in inside if ref.granularity != "day"]
    for ref, root in coarse:  # a coarser date said in the clause ("last month", "in 2022")
        if root.i in clause:
            return ref.value, f"clause-{ref.granularity}"
    if days:
        for above in item.head.ancestors:  # a clause above the event's: "On 1 May, police said they had ..."
            own = {t.i for t in _own_clause(above)}
            for ref, root in days:
                if root.i in own:
                    return ref.value, "sentence"
        return days[0][0].value, "sentence"
    if episode is not None and _past(item):
        return episode.value, "episode"
    if published is not None and published.date:
        return published.date, "published"
    return None, "none"


def _own_clause(token: Token) -> list[Token]:
    """A verb's own clause, without the clauses below it."""
    found = []
    stack = [token]
    while stack:
        word = stack.pop()
        found.append(word)
        stack += [
            c
            for c in word.children
            if c.dep_ not in {"ccomp", "parataxis", "relcl", "conj", "advcl", "xcomp"}
        ]
    return found


DATE_RANK = {"clause": 0, "sentence": 1, "episode": 3, "published": 4, "none": 5}
