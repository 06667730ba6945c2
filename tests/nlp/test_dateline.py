"""Wire datelines: table of styles, several per agency."""

from __future__ import annotations

import pytest

from dateline.nlp.dateline import parse_dateline

CASES = [
    # paragraph opening, place, country, agency, month, day, year, text
    (
        "MOSCOW, April 27. /TASS/. Russian Foreign Minister",
        "Moscow",
        "RUS",
        "TASS",
        4,
        27,
        None,
        "MOSCOW, April 27. /TASS/.",
    ),
    ("ST. PETERSBURG, June 3. /TASS/. The forum", "St. Petersburg", "RUS", "TASS", 6, 3, None, None),
    (
        "BERLIN, September 6 (Reuters) - Germany",
        "Berlin",
        "DEU",
        "Reuters",
        9,
        6,
        None,
        "BERLIN, September 6 (Reuters)",
    ),
    ("GAZA CITY, Gaza Strip, Oct 5 (Reuters) - Israeli", "Gaza City", "PSE", "Reuters", 10, 5, None, None),
    (
        "LONDON, Jan 3 (Thomson Reuters Foundation) - x",
        "London",
        "GBR",
        "Thomson Reuters Foundation",
        1,
        3,
        None,
        None,
    ),
    ("SEOUL, Aug 13 (AP) - North Korea", "Seoul", "KOR", "AP", 8, 13, None, "SEOUL, Aug 13 (AP)"),
    ("WASHINGTON (AP) — The Senate", "Washington", "USA", "AP", None, None, None, "WASHINGTON (AP)"),
    ("SPRINGFIELD, Ill. (AP) — Gov. x", "Springfield", "USA", "AP", None, None, None, None),
    ("KABUL, Afghanistan (AP) — Taliban", "Kabul", "AFG", "AP", None, None, None, None),
    ("KYIV, October 18. - Ukraine said", "Kyiv", "UKR", None, 10, 18, None, "KYIV, October 18."),
    ("Nov. 2, 2023 (Xinhua) -- China", None, None, "Xinhua", 11, 2, 2023, "Nov. 2, 2023 (Xinhua)"),
    ("BEIJING, Nov. 2 (Xinhua) -- Chinese", "Beijing", "CHN", "Xinhua", 11, 2, None, None),
    ("UNITED NATIONS, Dec. 30 (Xinhua) -- The", "United Nations", None, "Xinhua", 12, 30, None, None),
    ("Paris (AFP) - French", "Paris", "FRA", "AFP", None, None, None, "Paris (AFP)"),
    ("NAIROBI, Feb 29, 2024 (AFP) - Kenya", "Nairobi", "KEN", "AFP", 2, 29, 2024, None),
    ("LONDON, 27 April 2019 /PRNewswire/ -- Acme", "London", "GBR", "PR Newswire", 4, 27, 2019, None),
    ("NEW YORK — Stocks fell", "New York", "USA", None, None, None, None, "NEW YORK"),
    ("DUBAI: Saudi Arabia said", "Dubai", "ARE", None, None, None, None, "DUBAI"),
    ("Moscow, April 27 (Interfax) - Russia", "Moscow", "RUS", "Interfax", 4, 27, None, None),
    ("TOKYO, Dec. 30 (Kyodo) - Japan", "Tokyo", "JPN", "Kyodo", 12, 30, None, None),
    ("RIO DE JANEIRO, Brazil, March 1 (AP) - x", "Rio de Janeiro", "BRA", "AP", 3, 1, None, None),
    ("Kyiv, Ukraine, Feb 29, 2024 (Ukrinform) - x", "Kyiv", "UKR", "Ukrinform", 2, 29, 2024, None),
    ("ANKARA, Sept. 4 (Anadolu) - Turkey", "Ankara", "TUR", "Anadolu", 9, 4, None, None),
    ("NEW DELHI, 12 March (PTI) - India", "New Delhi", "IND", "PTI", 3, 12, None, None),
    ("March 3 (Reuters) - Oil prices", None, None, "Reuters", 3, 3, None, "March 3 (Reuters)"),
]

NOT_DATELINES = [
    "Russian Foreign Minister Sergey Lavrov is going to China on Wednesday",
    "The meeting may take place in China.",
    "However — this is not a dateline.",
    "US - China trade talks resumed.",
    "Ad sales boost Time Warner profit",
    "Moscow (in a statement) said nothing.",
    "April 27 was a Wednesday.",
]


@pytest.mark.parametrize("paragraph,place,country,agency,month,day,year,text", CASES)
def test_dateline_parse_styles(paragraph, place, country, agency, month, day, year, text):
    found = parse_dateline(paragraph)
    assert found is not None, paragraph
    assert (found.place, found.country, found.agency) == (place, country, agency)
    assert (found.month, found.day, found.year) == (month, day, year)
    if text:
        assert found.text == text
    # the story's own words start right after the dateline
    assert paragraph[found.end :][:1].isalpha() or paragraph[found.end :] == ""


@pytest.mark.parametrize("paragraph", NOT_DATELINES)
def test_dateline_not_a_dateline(paragraph):
    assert parse_dateline(paragraph) is None
