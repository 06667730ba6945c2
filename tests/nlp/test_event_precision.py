"""What is not an event of its own: refusals to comment, questions, names, conditions, charges, descriptions of
people, events still to come named in a phrase of time, and courses of action spoken of as subjects."""

from __future__ import annotations

import pytest

from dateline.coding import code_text

PUBLISHED = "2016-04-27"


def codes_of(text: str) -> list[tuple[str, str]]:
    return [(e.cameo, e.modality) for e in code_text(text, body_only=True, published=PUBLISHED).events]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "decline to" + a verb of saying is a refusal to comment, not the rejection of a proposal
        ("The spokesman declined to say when the troops would leave.", [("011", "asserted")]),
        # an indirect question is no appeal; what it asks about is neither done nor threatened
        ("Reporters asked whether Russia would attack Ukraine.", [("180", "hypothetical")]),
        ("The mayor asked the government to send more aid.", [("023", "asserted")]),
        # "call X Y" names X, it is no telephone call
        ("The ministers condemned the army, calling them an occupying force.", [("111", "asserted")]),
        # the condition of a threat or promise belongs to it
        ("The rebels will boycott the vote unless the president agrees to resign.", [("133", "asserted")]),
        (
            "Iran threatened to close the strait unless Washington lifted its sanctions.",
            [("131", "hypothetical")],
        ),
        ("Russia will lift sanctions if Turkey apologizes to Moscow.", [("085", "hypothetical")]),
        # a list of charges is the accusation's
        ("Amnesty accused the army of shelling villages and bombing a hospital.", [("112", "asserted")]),
        # a present participle that says who people are; a protest's participle is its protest
        ("Rebels fighting the army seized the town.", [("192", "asserted")]),
        (
            "Demonstrators protesting the election results clashed with police in Lagos.",
            [("141", "asserted"), ("145", "asserted")],
        ),
        # an event still to come in a phrase of time is a reference, not a happening
        ("Troops arrived in Kabul on the eve of a visit by the French president.", []),
        (
            "Police arrested the activists after protests by students in Dhaka.",
            [("173", "asserted"), ("141", "asserted")],
        ),
        # a gerund subject is a course of action spoken of
        ("The minister said that lifting the sanctions on Iran is out of the question.", []),
        # what a meeting is aimed at is the meeting's
        ("Russia and Japan held a summit aimed at restoring diplomatic relations.", [("040", "asserted")]),
        # a noun that classifies people ("truce monitors") names no event
        ("Gunmen attacked a convoy of truce monitors in Donetsk.", [("180", "asserted")]),
    ],
)
def test_what_is_not_an_event_of_its_own(text, expected):
    assert codes_of(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "commit" is a pledge only when committed to something; "commit a crime" is no act of cooperation
        ("The government committed itself to reform.", [("030", "asserted")]),
        ("Rebels committed atrocities in the north.", []),
        ("The report listed crimes committed by the militia.", []),
        # a mass expulsion is of a population; forcing an agency out is an expulsion of its staff
        ("Soldiers forced out more than 1,000 refugees from the camp.", [("201", "asserted")]),
        ("Jakarta forced the UN refugee agency out of the country.", [("166", "asserted")]),
        # a noun parsed as the object of "insist" is the subject of what is insisted, not a demand
        ("The United States insisted unrest there reflected old ethnic tensions.", []),
        # a meeting's other party is not one of the act it is coordinated with
        ("Israel's cabinet met on Sunday and decided to approve a plan that bars Hamas candidates.", []),
        # below a refusal, the act refused did not happen
        (
            "The government refused to let aid agencies enter the region and deliver food.",
            [("124", "asserted"), ("070", "negated")],
        ),
        # a refusal to say whether is no refusal of the act asked about
        (
            "The spokesman declined to say whether the prime minister backed the plan.",
            [("011", "asserted"), ("052", "hypothetical")],
        ),
        # a promised act with an "unless" clause is an ultimatum, whatever the act
        (
            "Nigeria said it will withdraw its peacekeepers from Chad unless a ceasefire is arranged.",
            [("131", "asserted")],
        ),
        # "resolve" is an intent only with what is resolved on; "seize on" takes up a chance, it takes nothing
        ("The two leaders resolved to work together against terrorism.", [("030", "asserted")]),
        ("The army shelled the town as attempts to resolve the crisis stalled.", [("194", "asserted")]),
        ("A new ad from the campaign is seizing on recent comments by his rival.", []),
        ("The tanker was seized by Iranian forces.", [("171", "asserted")]),
        # a guess about the past is no threat
        (
            "The candidate suggested that his microphone may have been sabotaged by the army.",
            [("171", "possible")],
        ),
    ],
)
def test_senses_and_arguments(text, expected):
    assert codes_of(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an account of another party's act is no statement toward it
        ("Kyiv, Oct 18. Ukraine's foreign minister said Polish border guards had stopped 2,000 trucks.", []),
        (
            "Kyiv, Oct 18. Ukraine's foreign minister said Poland was a reliable partner.",
            [("010", "asserted")],
        ),
        # a speech verb that is an event's own word is no statement besides it
        ('Russia insisted that Pyongyang "stop its dangerous escapades."', [("100", "asserted")]),
    ],
)
def test_what_a_statement_is_about(text, expected):
    assert codes_of(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a clause of time or cause is no act a control word embeds
        (
            "Iran threatened to retaliate after Israel attacked its embassy.",
            [("130", "asserted"), ("180", "asserted")],
        ),
        (
            "The rebels agreed to a ceasefire after the army withdrew.",
            [("035", "asserted"), ("087", "asserted")],
        ),
        # what waits on a demand or an obligation, or is still to come, is no act of its own
        (
            "Bosnian Serbs demanded a truce with Moslem forces before allowing aid convoys to feed civilians.",
            [("105", "asserted")],
        ),
        (
            "The rebels said the president must agree to reforms before they demobilize.",
            [("106", "asserted")],
        ),
        (
            "The rebels opposed the deployment of peacekeepers until their demands are met.",
            [("122", "asserted")],
        ),
        (
            "Rebels fought government troops until the army withdrew from the town.",
            [("190", "asserted"), ("087", "asserted")],
        ),
    ],
)
def test_what_waits_on_an_act(text, expected):
    assert codes_of(text) == expected
