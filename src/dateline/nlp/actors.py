"""Noun phrases to CAMEO actor codes: the lexicon, the story's people, and what pronouns point back to.

`ActorCoder(doc)` codes the noun phrase headed by a token (`code(token)`): first from the people and
organisations the entity stage found (`doc._.dateline_entities`, when present: "Lavrov" -> RUSGOV through his
title), then from the actor lexicon ("the Turkish Air Force" -> TURMIL), then from names the story
introduced with a title earlier ("Russian Foreign Minister Sergey Lavrov ... Lavrov"). Pronouns are left
to the caller, who knows the clause (`resolve_pronoun`).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Span, Token

from dateline.lexicon.actor_codes import decode_actor_code
from dateline.lexicon.actors import ActorLexicon, load_actor_lexicon
from dateline.lexicon.first_names import name_gender
from dateline.lexicon.people import load_people
from dateline.lexicon.titles import load_titles
from dateline.lexicon.words import FIRST_PERSON as _FIRST_PERSON
from dateline.lexicon.words import PRONOUN_GENDER
from dateline.lexicon.words import REFERRING_PRONOUNS as PRONOUNS
from dateline.nlp.homes import Homes
from dateline.nlp.people import organisation_code
from dateline.records import ActorRef, Entity

# dependents that end a noun phrase for coding purposes: clauses, coordination, apposition, punctuation
_CUT = {"relcl", "acl", "advcl", "conj", "cc", "appos", "punct", "prep", "dep", "parataxis"}
_KEEP_PREPS = {"of", "in", "to", "from", "for", "with"}
_PLACE_PREPS = {"in", "at", "over", "near", "inside", "across", "throughout"}
_MAX_PHRASE = 14
_PERSON_REACH = 600  # characters back a personal pronoun looks for the person it stands for


@dataclass(frozen=True)
class CodedActor:
    """An actor as found in the text: its code (None when uncoded), entity id and span."""

    code: str | None
    country: str | None
    text: str
    start: int
    end: int
    entity: str | None = None
    pronoun: bool = False
    name: str | None = None
    basis: str | None = None

    def ref(self) -> ActorRef:
        group = _group_of(self.code) if self.code else None
        return ActorRef(
            actor=self.code,
            entity=self.entity,
            text=self.text,
            start=self.start,
            end=self.end,
            name=self.name or self.text,
            actor_basis=self.basis if self.country else None,
            group=group,
        )

    def placed(self, country: str, basis: str) -> CodedActor:
        """This actor placed in a country it does not name itself ("police" -> FRACOP)."""
        return replace(self, code=country + (self.code or ""), country=country, basis=basis)

    def as_pronoun(self, other: CodedActor) -> CodedActor:
        """This pronoun standing for `other`: its code, country, entity and name, with its own words."""
        return replace(
            self,
            code=other.code,
            country=other.country,
            entity=other.entity,
            pronoun=True,
            name=other.name,
            basis=other.basis,
        )


def noun_phrase(token: Token) -> Span:
    """The noun phrase a token heads, without its clauses, coordination and appositions."""
    keep = {token.i}
    stack = [token]
    while stack:
        head = stack.pop()
        for child in head.children:
            if child.dep_ in _CUT and not (child.dep_ == "prep" and child.lower_ in _KEEP_PREPS):
                continue
            if child.dep_ == "prep" and head.i != token.i:
                continue  # one prepositional level: "leaders of Romania's government", not deeper
            keep.add(child.i)
            stack.append(child)
    start, end = min(keep), max(keep) + 1
    for i in range(token.i - 1, start - 1, -1):  # a phrase never crosses a line break (headline, lede)
        if "\n" in token.doc[i].text_with_ws:
            start = i + 1
            break
    for i in range(token.i, end):
        if "\n" in token.doc[i].whitespace_ or token.doc[i].is_space:
            end = i + 1 if not token.doc[i].is_space else i
            break
    if end - start > _MAX_PHRASE:  # keep the head and what precedes it
        start, end = max(start, token.i - _MAX_PHRASE + 1), token.i + 1
    return token.doc[start:end]


def conjuncts(token: Token) -> list[Token]:
    """The token and the tokens coordinated with it ("Russia and Turkey")."""
    return [token, *[t for t in token.conjuncts if t.i > token.i]]


def story_readings(doc: Doc, *, lexicon: ActorLexicon, countries: Sequence[str | None]) -> dict[str, str]:
    """The reading a story gives each abbreviation the lexicon knows as several bodies, when it is not the
    usual one: the body of the story's own country (`countries`: its dateline's, then its dominant one; "RSF"
    in a story from Sudan is the Rapid Support Forces, elsewhere Reporters Without Borders). Abbreviation ->
    the name to code it by."""
    context = [c for c in countries if c]
    chosen: dict[str, str] = {}
    for token in doc:
        word = token.text
        if word in chosen or not (word.isupper() and 1 < len(word) <= 5):
            continue
        readings = lexicon.readings(word)
        country = next((c for c in context if any(home == c for _, home in readings)), None)
        if country is not None and readings[0][1] != country:
            chosen[word] = next(name for name, home in readings if home == country)
    return chosen


def read_as_story(text: str, readings: Mapping[str, str]) -> str:
    """A phrase with its abbreviations read as the story reads them (`story_readings`)."""
    if not readings:
        return text
    words = text.split()
    for i, word in enumerate(words):
        bare = word.rstrip(",.;:").removesuffix("'s").removesuffix("’s")
        if bare in readings:
            words[i] = word.replace(bare, readings[bare], 1)
    return " ".join(words)


def reread_entities(doc: Doc, entities: list[Entity], *, lexicon: ActorLexicon | None = None) -> list[Entity]:
    """The entities, with the organisations whose names hold an abbreviation the story reads otherwise than
    the entity stage did (`story_readings`, which needs the story's places) coded as the actors stage codes
    them: the entity "RSF" of a story from Sudan is the Rapid Support Forces, as its events' actors are."""
    lexicon = lexicon or load_actor_lexicon()
    if not any(lexicon.readings(word) for e in entities if e.type == "ORG" for word in e.name.split()):
        return entities
    homes = Homes(doc, lexicon=lexicon, entities=entities)
    readings = story_readings(doc, lexicon=lexicon, countries=(homes.dateline, homes.story))
    out: list[Entity] = []
    for entity in entities:
        name = read_as_story(entity.name, readings) if entity.type == "ORG" else entity.name
        code = organisation_code(name, lexicon) if name != entity.name else None
        out.append(entity if code is None else replace(entity, country=code[0], actor=code[1]))
    return out


class ActorCoder:
    """Codes noun phrases of one Doc; build one per Doc."""

    def __init__(
        self, doc: Doc, *, lexicon: ActorLexicon | None = None, entities: Iterable[Entity] | None = None
    ) -> None:
        self.doc = doc
        self.lexicon = lexicon or load_actor_lexicon()
        self.people = load_people()
        self.titles = load_titles()
        published = doc._.dateline_published if Doc.has_extension("dateline_published") else None
        self.year = int(published.date[:4]) if published is not None and published.date else None
        self._by_char: dict[int, Entity] = {}
        entities = list(entities or ())
        self._by_id = {entity.id: entity for entity in entities}
        self.homes = Homes(doc, lexicon=self.lexicon, entities=entities)
        for entity in entities:
            for mention in entity.mentions:
                for char in range(mention.start, mention.end):
                    self._by_char[char] = entity
        self._readings = story_readings(
            doc, lexicon=self.lexicon, countries=(self.homes.dateline, self.homes.story)
        )
        self._names: dict[str, str] = {}
        self._coded_at: dict[int, CodedActor] = {}  # code() per head token: roles ask for one many times
        for ent in doc.ents:
            if ent.label_ != "PERSON":
                continue
            code = self._lexicon_code(noun_phrase(ent.root).text)
            if code and code[1]:
                self._names[ent.text.lower()] = code[0]
                self._names[ent[-1].lower_] = code[0]

    def _read(self, text: str) -> str:
        """A phrase with its abbreviations read as this story reads them (`story_readings`)."""
        return read_as_story(text, self._readings)

    def _lexicon_code(self, text: str) -> tuple[str, str | None] | None:
        found = self.lexicon.code_phrase(self._read(text))
        if found is None:
            return None
        return found.code, found.country

    def _reread(self, span: Span) -> bool:
        """Whether a phrase holds an abbreviation this story reads otherwise than the entity stage did."""
        return bool(self._readings) and any(t.text in self._readings for t in span)

    def entity_at(self, token: Token) -> Entity | None:
        """The entity (from the entity stage) a token belongs to, if any."""
        return self._by_char.get(token.idx)

    def code(self, token: Token) -> CodedActor:
        """Code the noun phrase headed by `token`."""
        coded = self._coded_at.get(token.i)
        if coded is None:
            coded = self._coded_at[token.i] = self._code(token)
        return coded

    def _code(self, token: Token) -> CodedActor:
        span = noun_phrase(token)
        entity = self.entity_at(token)
        pronoun = token.lower_ in PRONOUNS
        if entity is not None and entity.actor and not self._reread(span):
            country = entity.country or decode_actor_code(entity.actor).country
            if not pronoun and token.pos_ != "PROPN" and country:
                # a description, not the name: "the president of Armenia" is not Putin, whatever the
                # entity stage linked it to, when its own words name another country
                own = self.lexicon.code_phrase(span.text)
                if own is not None and own.country and own.country != country:
                    return self._coded(span, own.code, own.country, None, False)
            if country is None and not pronoun:
                # the entity stage knows the role ("GOV") but not the country; the phrase may ("Nigerian
                # junior foreign minister Dubem Oniya"), or a title the story gave this name earlier
                found = self._lexicon_code(span.text)
                home = found[1] if found else None
                if home is None:
                    named = self._named(span) or self._known_person(span)
                    home = decode_actor_code(named).country if named else None
                if home is not None and len(entity.actor) == 3 and entity.actor.isalpha():
                    return self._coded(span, home + entity.actor, home, entity.id, pronoun)
                if home is not None and found is not None:
                    return self._coded(span, found[0], home, entity.id, pronoun)
            if country and _bare_sector(entity.actor):
                # the entity stage knows both, apart: "Fiji's Supreme Court" is FJIJUD, not a bare JUD
                return self._coded(span, country + entity.actor, country, entity.id, pronoun)
            return self._coded(span, entity.actor, country, entity.id, pronoun)
        if pronoun:
            return self._coded(span, None, None, entity.id if entity else None, True)
        found = self._headed(token, span, self._lexicon_code(span.text))
        if found is None or found[1] is None:
            named = self._named(span) or self._known_person(span)
            if named:
                return self._coded(span, named, named[:3], entity.id if entity else None, False)
        if found is None or found[1] is None:
            described = self._apposed(token)  # "Kenzo Oshima, the United Nations relief coordinator"
            if described is not None:
                return self._coded(span, described[0], described[1], entity.id if entity else None, False)
        if found is None:
            return self._coded(span, None, None, entity.id if entity else None, False)
        return self._coded(span, found[0], found[1], entity.id if entity else None, False)

    def _headed(
        self, token: Token, span: Span, found: tuple[str, str | None] | None
    ) -> tuple[str, str | None] | None:
        """The code of a phrase whose head is followed by where it is ("three armed men in the market of
        Kano"): the head's words give the sector, the place after it only the country; the words after the
        head do not make "armed men" traders."""
        if token.i + 1 >= span.end:
            return found
        if not any(c.dep_ == "prep" and c.lower_ in _PLACE_PREPS for c in token.children):
            if found is not None or not any(c.dep_ == "conj" for c in token.children):
                return found
            # "students and members of the Y Campaign": the phrase spans a coordination it does not name
            return self._lexicon_code(token.doc[span.start : token.i + 1].text)
        head = self._lexicon_code(token.doc[span.start : token.i + 1].text)
        if head is None or found is None or found[0] == head[0]:
            return found or head
        if head[1] is not None or found[1] is None:
            return head  # the head names its own country, or neither names one: the head's sector
        if _bare_sector(head[0]):
            return found[1] + head[0], found[1]  # "traders in Kano's market": the place's country
        return found

    def _apposed(self, token: Token) -> tuple[str, str | None] | None:
        """The code of a description in apposition to a name, when it names a country or organisation:
        "Kenzo Oshima, the United Nations Emergency Relief Coordinator" -> IGOUNO."""
        if token.pos_ != "PROPN":
            return None
        for other in token.children:
            if other.dep_ != "appos":
                continue
            found = self.lexicon.code_phrase(noun_phrase(other).text)
            if found is not None and (found.country or found.kind in {"igo", "ngo", "img"}):
                return found.code, found.country
        return None

    def _named(self, span: Span) -> str | None:
        """The code of a name the story introduced with a title earlier ("Lavrov" after "Russian Foreign
        Minister Sergey Lavrov")."""
        return self._names.get(" ".join(t.lower_ for t in span if t.pos_ == "PROPN")) or next(
            (self._names[t.lower_] for t in reversed(span) if t.pos_ == "PROPN" and t.lower_ in self._names),
            None,
        )

    def _known_person(self, span: Span) -> str | None:
        """The code of a well-known figure named in the span ("President Bush" -> USAGOV), from the people
        lexicon, as of the story's year."""
        names = [t for t in span if t.pos_ == "PROPN" or t.ent_type_ == "PERSON"]
        if not names:
            return None
        entity = self.entity_at(names[-1])
        if entity is not None and entity.type == "PERSON" and " " in entity.name:
            # the story gave the full name: "Mr McConnell" after "Jack McConnell" is not Mitch McConnell
            person = self.people.lookup(entity.name, year=self.year)
            return person.actor if person is not None else None
        candidates = [" ".join(t.text for t in names), names[-1].text]
        for name in candidates:
            person = self.people.lookup(name, year=self.year)
            if person is not None:
                return person.actor
        return None

    def _coded(
        self, span: Span, code: str | None, country: str | None, entity: str | None, pronoun: bool
    ) -> CodedActor:
        known = self._by_id.get(entity) if entity else None
        name = known.name if known is not None else (None if pronoun else _bare(span.text))
        return CodedActor(
            code=code,
            country=country,
            text=span.text,
            start=span.start_char,
            end=span.end_char,
            entity=entity,
            pronoun=pronoun,
            name=name,
            basis="phrase" if country else None,
        )

    def person_before(self, token: Token) -> CodedActor | None:
        """The person a gendered pronoun stands for when no coded event of theirs came before it: the person
        of its gender the story named last, near enough to be meant ("Lavrov arrived ... Turkish police
        arrested ... he summoned"); None when that person has no code (an uncoded "Mr. Schultz" named last is
        not passed over for someone named before him)."""
        gender = PRONOUN_GENDER.get(token.lower_)
        if gender is None:
            return None
        best: tuple[int, Entity] | None = None
        for entity in self._by_id.values():
            if entity.type != "PERSON" or name_gender(entity.name, honorific=None) not in (None, gender):
                continue
            ends = [m.end for m in entity.mentions if m.end <= token.idx]
            if ends and token.idx - max(ends) <= _PERSON_REACH and (best is None or max(ends) > best[0]):
                best = (max(ends), entity)
        described = self._described_before(token, after=best[0] if best else -1)
        if described is not None:
            return self.code(token).as_pronoun(described)
        if best is None or not best[1].actor:
            return None
        entity = best[1]
        country = entity.country or decode_actor_code(entity.actor or "").country
        return replace(
            self.code(token),
            code=entity.actor,
            country=country,
            entity=entity.id,
            pronoun=True,
            name=entity.name,
            basis="phrase" if country else None,
        )

    def _described_before(self, token: Token, *, after: int) -> CodedActor | None:
        """The coded subject named by a title alone ("India's finance minister lashed out ...") last before a
        pronoun and after the character offset `after`, near enough to be meant."""
        for word in reversed(self.doc[max(0, token.i - 120) : token.i]):
            end = word.idx + len(word.text)
            if end <= after or token.idx - end > _PERSON_REACH:
                return None
            if word.dep_ != "nsubj" or word.tag_ != "NN" or word.lower_ not in self.titles:
                continue
            coded = self.code(word)
            if coded.code and coded.country and not coded.pronoun:
                return coded
        return None

    def countries_in(self, span: Span) -> list[str]:
        """The countries named in a span, in order, each once ("Russian, Turkish ministers")."""
        found: list[str] = []
        for token in span:
            if token.pos_ not in {"PROPN", "ADJ", "NOUN"}:
                continue
            country = self.lexicon.lookup_country(token.text)
            if country and country not in found:
                found.append(country)
        return found

    def first_actor(self, tokens: Iterable[Token], *, other_than: str | None = None) -> CodedActor | None:
        """The first noun phrase among `tokens` that codes to an actor with a country other than `other_than`."""
        for token in tokens:
            if token.pos_ not in {"PROPN", "NOUN"} or token.dep_ in {"compound", "poss", "nmod"}:
                continue
            if token.dep_ == "pobj" and token.head.lower_ in _PLACE_PREPS:
                continue  # "in China" is where, not whom
            coded = self.code(token)
            if coded.code and coded.country and coded.country[:3] != (other_than or "")[:3]:
                return coded
        return None


def _group_of(code: str) -> str | None:
    """The known-group code inside an actor code: IGOUNO -> UNO, AFGREBTAL -> TAL, IMGALQ -> ALQ."""
    decoded = decode_actor_code(code)
    group = decoded.group if decoded.kind != "country" else code[6:9] or None
    return group if group and group.isalpha() and group.isupper() and len(group) == 3 else None


def _bare_sector(code: str) -> bool:
    """Whether an actor code is a sector alone ("JUD"), with no country, organisation or group."""
    return len(code) == 3 and decode_actor_code(code).kind == "agent"


def _bare(text: str) -> str:
    """A phrase without its leading article, as a name ("the police" -> "police")."""
    head, _, rest = text.partition(" ")
    return rest if rest and head.lower() in {"the", "a", "an"} else text


def is_first_person(token: Token) -> bool:
    return token.lower_ in _FIRST_PERSON
