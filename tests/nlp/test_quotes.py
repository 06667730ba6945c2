"""Quotes: every quote pattern and every non-quote case, table-driven, through the whole pipeline."""

from __future__ import annotations

import pytest

from dateline.coding import code_text
from dateline.nlp.quotemarks import quoted_spans, split_blocks
from dateline.records import Article, Quote


def _code(text: str) -> Article:
    return code_text(text, body_only=True, published="2016-04-27")


def _find(article: Article, start: str) -> Quote | None:
    for quote in article.quotes:
        if quote.text.lstrip('"“‘«„ ').startswith(start):
            return quote
    return None


@pytest.mark.parametrize(
    ("text", "kind", "starts", "speaker"),
    [
        # direct quotes, each quotation-mark style
        ('"The meeting may take place in China," Yardim said.', "direct", "The meeting may", "Yardim"),
        ("“The meeting may take place in China,” Yardim said.", "direct", "The meeting may", "Yardim"),
        ("‘The meeting may take place in China,’ Yardim said.", "direct", "The meeting may", "Yardim"),
        ("«The meeting may take place in China», Yardim said.", "direct", "The meeting may", "Yardim"),
        ("„The meeting may take place in China“, Yardim said.", "direct", "The meeting may", "Yardim"),
        # cue before the quote, inverted cue, colon
        (
            'Ambassador Umit Yardim said: "We need to launch the dialogue today."',
            "direct",
            "We need to",
            "Yardim",
        ),
        ('"We need to launch the dialogue today," said Umit Yardim.', "direct", "We need to", "Yardim"),
        (
            'The diplomat Umit Yardim noted that "if we do not act now, that will be a huge mistake."',
            "direct",
            "if we do not",
            "Yardim",
        ),
        # a quote over two sentences
        (
            '"We are convinced we will overcome this. It is necessary to keep pace," Umit Yardim said.',
            "direct",
            "We are convinced",
            "Yardim",
        ),
        # dash attribution
        (
            "“Mr. Smith relies on generalizing about whole communities of people.” ― Ariana Huichapa",
            "direct",
            "Mr. Smith relies",
            "Ariana Huichapa",
        ),
        # indirect quotes
        (
            "Turkish Ambassador to Russia Umit Yardim said on Wednesday that the ministers can meet in China.",
            "indirect",
            "that the ministers",
            "Yardim",
        ),
        (
            "Umit Yardim said Russia and Turkey could exchange delegations.",
            "indirect",
            "Russia and Turkey",
            "Yardim",
        ),
        (
            "Officials told reporters that the talks would resume in May.",
            "indirect",
            "that the talks",
            "Officials",
        ),
        (
            "The talks will resume in May, according to Foreign Minister Sergey Lavrov.",
            "indirect",
            "The talks will resume",
            "Lavrov",
        ),
        (
            "According to the police, three people were arrested near the embassy.",
            "indirect",
            "three people",
            "police",
        ),
        (
            "The talks will resume in May, a senior official said.",
            "indirect",
            "The talks will resume",
            "a senior official",
        ),
        (
            "Senator John Smith warned that the bill would raise taxes for millions.",
            "indirect",
            "that the bill",
            "Smith",
        ),
        ("Mayor Jane Doe stressed that the city would not back down.", "indirect", "that the city", "Doe"),
        (
            "Governor Tom Brown added that funding would be restored next year.",
            "indirect",
            "that funding",
            "Brown",
        ),
        (
            "Senator John Smith called for a full investigation of the leaks.",
            "indirect",
            "a full investigation",
            "Smith",
        ),
    ],
)
def test_quote_patterns(text: str, kind: str, starts: str, speaker: str) -> None:
    article = _code(text)
    quote = _find(article, starts)
    assert quote is not None, [q.text for q in article.quotes]
    assert quote.kind == kind
    assert quote.speaker is not None and quote.speaker.name is not None
    assert speaker.lower() in quote.speaker.name.lower() or quote.speaker.name.lower() in speaker.lower()
    assert article.text[quote.start : quote.end].strip('"“”‘’«»„ ').startswith(starts.strip('"“‘«„ '))


@pytest.mark.parametrize(
    ("text", "not_quoted"),
    [
        (
            'The ministry said in a survey titled "Russia\'s foreign policy activities in 2015" that ties were poor.',
            "Russia's foreign policy activities in 2015",
        ),
        (
            'Protesters carried banners reading "Hands off our schools now" through the town centre.',
            "Hands off our schools now",
        ),
        ('The so-called "reset" of relations failed within a year.', "reset"),
        ('He watched the film "The Lives of Others" twice last week.', "The Lives of Others"),
        ("The group's 'peace plan' was dismissed by the government as a stunt.", "peace plan"),
    ],
)
def test_not_quotes(text: str, not_quoted: str) -> None:
    article = _code(text)
    assert not any(q.kind == "direct" and q.text.startswith(not_quoted) for q in article.quotes)
    assert not any(q.text.strip("\"“”'‘’ ") == not_quoted for q in article.quotes)


def test_quote_broken_by_attribution_is_one_quote() -> None:
    article = _code(
        '"If you displace a billion people," he said, "you will have refugee crises we have not seen."'
    )
    direct = [q for q in article.quotes if q.kind == "direct"]
    assert len(direct) == 1
    assert direct[0].text.startswith("If you displace") and direct[0].text.endswith("have not seen.")


def test_quote_runs_over_paragraphs() -> None:
    text = (
        'Umit Yardim said: "Our relations with Russia extend back nearly 1,000 years.\n\n'
        '"We are convinced that we will overcome these difficulties."'
    )
    article = _code(text)
    direct = [q for q in article.quotes if q.kind == "direct"]
    assert len(direct) == 1
    assert direct[0].text.startswith("Our relations") and direct[0].text.endswith("difficulties.")
    assert direct[0].speaker is not None and direct[0].speaker.name == "Umit Yardim"


@pytest.mark.parametrize(
    ("text", "starts", "speaker"),
    [
        # speaker named in an earlier paragraph, then only "he"
        (
            '"The meeting may take place in China," Umit Yardim said.\n\n'
            '"This will help us sort out the current situation," he said.',
            "This will help",
            "Umit Yardim",
        ),
        # speaker only as a role description
        (
            "Turkish Ambassador to Russia Umit Yardim spoke on Wednesday.\n\n"
            '"The most critical principle is to look into the future," the ambassador said.',
            "The most critical",
            "Umit Yardim",
        ),
        (
            "Turkish Ambassador to Russia Umit Yardim spoke on Wednesday.\n\n"
            '"Our relations extend back nearly 1,000 years," the diplomat said.',
            "Our relations",
            "Umit Yardim",
        ),
        # a quote with no cue takes the speaker of the quote before it in the paragraph
        (
            '"We have 500 years of relations," Umit Yardim said. He spoke of trade. '
            '"We will overcome these difficulties."',
            "We will overcome",
            "Umit Yardim",
        ),
    ],
)
def test_speaker_across_the_story(text: str, starts: str, speaker: str) -> None:
    article = _code(text)
    quote = _find(article, starts)
    assert quote is not None and quote.speaker is not None
    assert quote.speaker.name == speaker
    entity = next(e for e in article.entities if e.id == quote.speaker.entity)
    assert entity.name == speaker


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('He said "yes" and “no” then.', ["yes", "no"]),
        ("It is Russia’s view, ‘a long one’ here.", ["a long one"]),
        ('"Open without close', ["Open without close"]),
    ],
)
def test_quoted_spans(text: str, expected: list[str]) -> None:
    assert [text[q.start : q.end] for q in quoted_spans(text, split_blocks(text))] == expected


def test_cue_is_a_mention_of_the_text() -> None:
    article = _code('"The meeting may take place in China," Yardim said.')
    (quote,) = article.quotes
    span = quote.cue_span
    assert span is not None and article.text[span.start : span.end] == span.text == quote.cue == "said"


@pytest.mark.parametrize(
    ("text", "starts", "speaker"),
    [
        # transcript lines, quoted or not, each with its speaker label
        ('"SMITH: We will not raise taxes on working families this year.', "We will not", "SMITH"),
        ("JONES: Do you really see those two plans as equivalent, Senator?", "Do you really", "JONES"),
        (
            '"WALLACE: Let us start with the debate tonight.\n\n"PENCE: The governor will be there to win it.',
            "The governor will",
            "PENCE",
        ),
    ],
)
def test_transcript_speaker_labels(text: str, starts: str, speaker: str) -> None:
    article = _code(text)
    quote = _find(article, starts)
    assert quote is not None, [q.text for q in article.quotes]
    assert quote.kind == "direct" and quote.cue == ":"
    assert quote.speaker is not None and quote.speaker.name == speaker


@pytest.mark.parametrize(
    ("text", "not_quoted"),
    [
        (
            "CORRECTION: An earlier version of this story misstated the date of the vote.",
            "An earlier version",
        ),
        ("UPDATE: The hearing has been moved to Thursday afternoon.", "The hearing"),
    ],
)
def test_editorial_labels_are_not_speakers(text: str, not_quoted: str) -> None:
    article = _code(text)
    assert not any(q.text.startswith(not_quoted) for q in article.quotes)


@pytest.mark.parametrize(
    ("text", "starts", "speaker"),
    [
        # the head of the source words names the speaker, not a place or group inside them
        (
            'The New York businessman says, "If she gets the chance, she will sell the office to donors."',
            "If she gets",
            "The New York businessman",
        ),
        (
            "Mike Schmidt, an adviser at the Clinton campaign, said the plan would raise taxes on the rich.",
            "the plan would",
            "Mike Schmidt",
        ),
        # a cue with its own clause after a quote reports that clause, not the quote before it
        (
            'Jane Doe says the bill is "a disaster for the city and its people." Her aide says it will fail.',
            "a disaster",
            "Jane Doe",
        ),
    ],
)
def test_speaker_is_the_head_of_the_source(text: str, starts: str, speaker: str) -> None:
    article = _code(text)
    quote = next((q for q in article.quotes if starts in q.text), None)
    assert quote is not None, [q.text for q in article.quotes]
    assert quote.speaker is not None and quote.speaker.name == speaker


# -- source words, headlines, one cue per quote, pronoun speakers --------------------------------------------

from dateline.nlp.attribution import tidy_source  # noqa: E402


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        ("Yardim", "Yardim"),
        ("5:45 p.m.\n\n", None),  # a time line of a live blog is not a source
        ("11:05 a.m.\n\nDonald Trump", "Donald Trump"),
        ("10 am Donald Trump", "Donald Trump"),
        ("the campaign\nthe candidate", "the candidate"),
    ],
)
def test_tidy_source(words: str, expected: str | None) -> None:
    text = "x " + words + " said"
    found = tidy_source(text, 2, 2 + len(words))
    assert (text[found[0] : found[1]] if found else None) == expected


@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        (
            "Pat Caddell: Democrat voters are worried about her health\n\nThe race tightened.",
            "Democrat voters",
            "Pat Caddell",
        ),
        (
            "De Blasio says Chelsea explosion was an intentional act\n\nPolice searched.",
            "Chelsea explosion",
            "De Blasio",
        ),
        ("BREAKING: Democrat voters are worried about her health\n\nThe race tightened.", None, None),
        ("Turkish foreign ministers may meet in China — ambassador\n\nThe talks go on.", None, None),
    ],
)
def test_headline_attribution(text: str, content: str | None, speaker: str | None) -> None:
    article = _code(text)
    heads = [q for q in article.quotes if q.start < text.index("\n")]
    if content is None:
        assert heads == []
    else:
        assert len(heads) == 1 and heads[0].text.startswith(content)
        assert heads[0].speaker is not None and heads[0].speaker.name == speaker


@pytest.mark.parametrize(
    ("text", "count"),
    [
        # two quoted fragments of one cue are one quote
        (
            'Donald Trump told supporters to "go to your place and vote" and then "go pick some other place and '
            'watch the voting."',
            1,
        ),
        # an indirect clause and its quoted fragment under one cue are one quote
        (
            'Newt Gingrich dismissed NATO member Estonia as being in the "suburbs of St. Petersburg and nothing more."',
            1,
        ),
        # '"A," she said. "B."': the second part has no cue of its own and stays a quote of its own
        ('"We will win this race in Ohio," Clinton said. "And then we will win the whole country."', 2),
    ],
)
def test_one_quote_per_cue(text: str, count: int) -> None:
    assert len(_code(text).quotes) == count


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # "he" skips the woman named last
        (
            "Donald Trump attacked Hillary Clinton on Monday.\n\nHe argued that the plan would fail.",
            "Donald Trump",
        ),
        # "she" skips the man named last
        (
            "Hillary Clinton criticized Donald Trump on Monday.\n\nShe argued that the plan would fail.",
            "Hillary Clinton",
        ),
    ],
)
def test_pronoun_speaker_respects_gender(text: str, speaker: str) -> None:
    article = _code(text)
    quote = _find(article, "that the plan")
    assert quote is not None and quote.speaker is not None and quote.speaker.name == speaker


@pytest.mark.parametrize(
    ("text", "starts", "speaker"),
    [
        # the attribution interrupts an unquoted sentence: the longer side is the content
        (
            "Mr. Obama spoke on Saturday. Acts of protest, Mr. Obama said, are acts of patriotism in every age.",
            "are acts of patriotism",
            "Obama",
        ),
        (
            "Mr. Clarke runs the firm. Too often, Mr. Clarke said, the debate over the future of coal is "
            "infected with tribalism.",
            "the debate over the future of coal",
            "Clarke",
        ),
    ],
)
def test_attribution_inside_the_sentence(text: str, starts: str, speaker: str) -> None:
    quote = _find(_code(text), starts)
    assert quote is not None and quote.kind == "indirect"
    assert quote.speaker is not None and speaker in (quote.speaker.name or "")
