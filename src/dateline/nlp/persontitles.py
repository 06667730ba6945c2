"""Titles before and after names, and what they say of a person: country, sector and the body they serve.

`title_before` reads "Russian Foreign Minister | Sergey Lavrov", `title_after` the appositive "Lavrov,
Russia's foreign minister,"; `give_title` sets the person's title, country and actor code from the phrase,
with the body the title is held in deciding where there is one ("U.N. Secretary-General" -> IGOUNO,
"director general of the British Chambers of Commerce" -> GBRBUS, "his Turkish counterpart"). `Person` is
the entity `dateline.nlp.people` builds while it reads a story.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

from dateline.lexicon.actor_codes import ActorCode
from dateline.lexicon.actors import ActorLexicon
from dateline.lexicon.titles import MODIFIERS, Title, Titles
from dateline.nlp.alternation import alternation
from dateline.nlp.doctext import ABBREVIATION_END, sentence_start

_CAP = r"[A-Z][\w'’\-.]*"
SPACE = r"[ \t\u00a0]+"


@dataclass
class Person:
    """An entity being built: names seen, title, mentions."""

    type: str
    name: str
    surname: str
    title: Title | None = None
    title_text: str | None = None
    country: str | None = None
    actor: str | None = None
    gender: str | None = None
    mentions: list[tuple[int, int]] = field(default_factory=list)
    aliases: set[str] = field(default_factory=set)

    def add(self, start: int, end: int) -> None:
        if (start, end) not in self.mentions:
            self.mentions.append((start, end))


@dataclass(frozen=True)
class TitleMatch:
    """A title phrase found beside a name: where it lies, its words, the lexicon title and a country it names."""

    start: int
    end: int
    text: str
    title: Title
    country: str | None


def org_key(name: str) -> str:
    """The key an organisation's name is matched by: lower case, without a leading "the"."""
    return re.sub(r"^(the)\s+", "", " ".join(name.replace("’", "'").lower().split()))


@functools.lru_cache(maxsize=8)
def title_pattern(titles: Titles) -> re.Pattern[str]:
    """Country? modifiers* TITLE (to|of|for COUNTRY)?, ending where a name starts (built once per Titles)."""
    names = alternation([t.title for t in titles], space=SPACE)  # a prefix tree: fewer branches tried
    mods = "|".join(sorted((re.escape(m) for m in MODIFIERS), key=len, reverse=True))
    return re.compile(
        rf"(?<![\w'’])(?P<country>(?:{_CAP}{SPACE}){{0,2}}?{_CAP}(?:'s|’s)?{SPACE}"
        rf"|(?:his|her|their|its){SPACE}(?:{_CAP}{SPACE})?)?"
        rf"(?P<title>(?i:(?:(?:{mods})(?:{SPACE}|-))*(?:{names}))(?![\w'’])"
        rf"(?:{SPACE}(?:to|of|for|at){SPACE}(?:the{SPACE})?{_CAP}(?:{SPACE}{_CAP}){{0,3}}?)?)"
    )


def title_before(
    text: str, start: int, *, title_re: re.Pattern[str], titles: Titles, actors: ActorLexicon
) -> TitleMatch | None:
    """The title that ends right before a name ("Russian Foreign Minister | Sergey Lavrov"), in the name's own
    sentence ("... peace with Israel. Syrian President | Bashar Assad" is Syria's)."""
    lo = max(0, start - 120)
    paragraph = text.rfind("\n", lo, start)
    lo = sentence_start(text, paragraph + 1 if paragraph >= 0 else lo, start)
    before = text[lo:start]
    anchored = _anchored(title_re)
    m = anchored.search(before)
    return title_match(m, lo, titles, actors) if m else None


@functools.cache
def _anchored(title_re: re.Pattern[str]) -> re.Pattern[str]:
    return re.compile(r"(?<![\w'’])" + title_re.pattern + r"\s*,?\s*$")


def title_after(text: str, end: int, *, titles: Titles, actors: ActorLexicon) -> TitleMatch | None:
    """An appositive title: "Lavrov, Russia's foreign minister," / "Yardim, the Turkish ambassador"."""
    m = re.match(
        r",\s+(?:the\s+|a\s+|an\s+)?(?P<body>[^,.;:()\"“”]{3,80}?)\s*(?=[,.;:)]|\s+(?:said|says|told))",
        text[end : end + 120],
    )
    if m is None:
        return None
    words = m.group("body").split()
    for i in range(len(words)):
        for j in range(len(words), i, -1):
            found = titles.get(" ".join(w for w in words[i:j] if w.lower() not in MODIFIERS))
            if found is not None and (j == len(words) or words[j].lower() in ("to", "of", "for", "at")):
                country = None
                for k in range(i):
                    country = country or actors.lookup_country(words[k])
                return TitleMatch(end + m.start("body"), end + m.end("body"), m.group("body"), found, country)
    return None


def title_match(m: re.Match[str], offset: int, titles: Titles, actors: ActorLexicon) -> TitleMatch | None:
    """The title a match of `title_pattern` names (at `offset` in the text), or None when the lexicon has none.
    Country words before a sentence's end are another sentence's ("with Israel. | Syrian President")."""
    title_text = " ".join(m.group("title").split())
    found = lookup_title(title_text, titles)
    if found is None:
        return None
    begin = m.start()
    words = list(re.finditer(r"\S+", m.group("country") or ""))
    for i, word in enumerate(words):
        w = word.group()
        if w[-1] in ".!?" and not ABBREVIATION_END.search(w[:-1]):
            begin = m.start("country") + words[i + 1].start() if i + 1 < len(words) else m.start("title")
    country_words = [w.group() for w in words if m.start("country") + w.start() >= begin]
    written = " ".join(m.string[begin : m.end()].split())
    if country_words and country_words[0].lower() not in ("his", "her", "their", "its"):
        longer = lookup_title(" ".join([*country_words, title_text]), titles)
        if longer is not None and len(longer.title.split()) > len(found.title.split()):
            return TitleMatch(offset + begin, offset + m.end(), written, longer, None)
    start = offset + begin
    if country_words[:1] and country_words[0].lower() in ("his", "her", "their", "its"):
        start += len(country_words[0]) + 1
    elif country_words and actors.code_phrase(" ".join(country_words)) is None:
        start = offset + m.start("title")
    return TitleMatch(start, offset + m.end(), written, found, None)


def lookup_title(title_text: str, titles: Titles) -> Title | None:
    """The lexicon title inside a matched title phrase ("Turkish Ambassador to Russia" -> ambassador)."""
    words = re.split(r"\s+(?:to|of|for|at)\s+", title_text, maxsplit=1)[0].split()
    for i in range(len(words)):
        found = titles.get(" ".join(words[i:]))
        if found is not None:
            return found
    whole = titles.get(title_text)
    return whole


def give_title(entity: Person, found: TitleMatch, people: list[Person], *, actors: ActorLexicon) -> None:
    """Set a person's title, country and actor from a title phrase."""
    phrase = found.text
    title = found.title
    country = found.country
    parts = re.split(r"\s+(?:to|of|for|at)\s+", phrase, maxsplit=1)
    before, after = parts[0], (parts[1] if len(parts) > 1 else "")
    code = actors.code_phrase(before)
    if country is None and code is not None:
        country = code.country
    cut = before.lower().rfind(title.title.lower())
    body = _body_of(before, after, actors) or _story_body(before[:cut] if cut > 0 else "", people, actors)
    display = _display_title(phrase, title)
    if title.title.lower() == "counterpart":
        other = next(
            (
                p
                for p in reversed(people)
                if p is not entity
                and p.type == "PERSON"
                and p.title
                and p.title.title.lower() != "counterpart"
                and p.mentions
                and max(p.mentions)[1] <= found.start
            ),
            None,
        )
        if other is not None and other.title is not None:
            title = other.title
            display = f"{other.title_text} (counterpart of {other.name})"
    entity.title = title
    entity.title_text = display
    entity.country = country
    entity.actor = (country or "") + title.sector if country else title.sector
    if body is not None and title.title.lower() != "counterpart":
        # the body they hold the title in decides: "U.N. Secretary-General" -> IGOUNO, "director general of
        # the British Chambers of Commerce" -> GBRBUS
        entity.country = body.country or country
        entity.actor = (
            body.code
            if body.kind != "agent"
            else ((entity.country or "") + body.code if entity.country else body.code)
        )


_BODY_SECTORS = {"BUS", "MED", "EDU", "LAB", "REL", "HLH", "AGR", "NGO", "MNC"}


def _story_body(before: str, people: list[Person], actors: ActorLexicon) -> ActorCode | None:
    """The organisation a title is held in when the story named it before, under its name or the
    abbreviation it gave ("the British Chambers of Commerce (BCC) ... BCC director general")."""
    words = before.split()
    if not words:
        return None
    key = org_key(" ".join(words[-4:]))
    for org in reversed(people):
        if org.type != "ORG" or not org.actor or not (org.surname == key or key in org.aliases):
            continue
        code = actors.code_phrase(org.name)
        if code is not None and (code.sector in _BODY_SECTORS or code.kind in {"igo", "ngo", "img"}):
            return code
    return None


def _body_of(before: str, after: str, actors: ActorLexicon) -> ActorCode | None:
    """The organisation a title is held in, when it is not a state's own: an international, non-governmental
    or armed organisation ("Arab League Secretary General", "head of the IAEA"), or a business, union,
    church or the like after the title ("director general of the British Chambers of Commerce")."""
    for text, after_title in ((before, False), (after, True)):
        code = actors.code_phrase(text) if text else None
        if code is None:
            continue
        if code.kind in {"igo", "ngo", "img"} and code.group:
            if code.kind == "img":
                return code
            return ActorCode(code.code[:3] + code.group, code.country, code.code[:3], code.kind, code.group)
        if after_title and code.sector in _BODY_SECTORS:
            return code
    return None


def _display_title(phrase: str, title: Title) -> str:
    """The title as the story writes it, without the country adjective in front."""
    m = re.search(re.escape(title.title).replace(r"\ ", r"\s+"), phrase, re.I)
    if m is None:
        return title.title
    words = phrase[: m.start()].split()
    kept = [w for w in words if w.lower() in MODIFIERS or w.lower().rstrip("-") in MODIFIERS]
    tail = phrase[m.start() :]
    return " ".join([*kept, tail]).strip()
