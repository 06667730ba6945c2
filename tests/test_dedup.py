"""Near-duplicate detection: the same story from two outlets is one cluster; different stories are not."""

from __future__ import annotations

import pytest

from dateline.dedup import DedupIndex, DedupOptions, Fingerprint, fingerprint, shingles, similarity

STORY = (
    "The central bank raised its key interest rate by half a percentage point on Thursday, the third "
    "increase this year, saying that inflation had stayed above its target for longer than expected. "
    "The governor told reporters that the board would watch wages and energy prices closely before "
    "deciding on any further move, and that the economy was strong enough to absorb higher borrowing "
    "costs. Markets had expected a smaller rise, and the currency gained against the dollar after the "
    "announcement, while shares of the largest lenders fell in afternoon trading in the capital."
)
OTHER = (
    "Floods after three days of heavy rain forced thousands of people from their homes in the north of "
    "the country, the emergency ministry said on Sunday. Rescue teams used boats to reach villages cut "
    "off by the water, and the army sent helicopters with food and drinking water to the worst-hit areas, "
    "where roads and bridges had been washed away. Forecasters warned that more rain was on the way."
)
WRAPPED = {
    "site-a": "Business | Economy | Markets\nSign in to read more stories.\n\n{}\n\nShare on social media.",
    "site-b": "{}\n\nMost read: Five things to know today. Weather: sunny spells.\n(c) 2024 Example News Ltd.",
    "trimmed": "{}",
}


def test_shingles_fold_case_and_punctuation() -> None:
    assert shingles("The Bank — raised, rates!", size=3) == shingles("the bank - raised rates", size=3)
    assert shingles("two words", size=3) == {"two words"}
    assert shingles("  ", size=3) == set()


def test_fingerprint_round_trips_through_bytes() -> None:
    print_ = fingerprint(STORY)
    assert print_ is not None
    again = Fingerprint.from_bytes(print_.to_bytes(), print_.size)
    assert again.minhash.jaccard(print_.minhash) == 1.0
    index = DedupIndex()
    index.load([("stored", "stored", print_.to_bytes(), print_.size)])
    assert index.match(fingerprint(STORY)) == "stored"


@pytest.mark.parametrize("wrapper", sorted(WRAPPED))
def test_same_story_with_different_boilerplate_is_one_cluster(wrapper: str) -> None:
    index = DedupIndex()
    assert index.add("a", WRAPPED["site-a"].format(STORY)) == "a"
    text = WRAPPED[wrapper].format(STORY)
    if wrapper == "trimmed":
        text = STORY.rsplit(". ", 1)[0] + "."
    assert index.add("b", text) == "a"
    assert index.add("c", OTHER) == "c"
    assert index.cluster_of("b") == "a" and len(index) == 3


def test_different_stories_stay_apart() -> None:
    index = DedupIndex()
    assert [index.add(str(i), text) for i, text in enumerate([STORY, OTHER, "Short note."])] == [
        "0",
        "1",
        "2",
    ]


def test_empty_text_is_its_own_cluster() -> None:
    index = DedupIndex()
    assert index.add("a", "") == "a"
    assert index.add("b", "") == "b"


def test_add_is_idempotent_and_remove_forgets() -> None:
    index = DedupIndex()
    assert index.add("a", STORY) == "a"
    assert index.add("a", OTHER) == "a"
    index.remove("a")
    assert "a" not in index
    assert index.add("b", STORY) == "b"


def test_short_texts_need_jaccard() -> None:
    options = DedupOptions()
    short = fingerprint("Troops withdrew from the town.")
    longer = fingerprint("Troops withdrew from the town. " + OTHER)
    assert short is not None and longer is not None
    assert similarity(short, longer, options=options) < 1.0
    assert similarity(longer, longer, options=options) >= 1.0
