"""The error classes of the English hand-read precision (docs/precision-en.md), on sentences written
for these tests: a trigger word in another sense, a habit or a text's content told as an act, and
a wish read as a fact. Each class has its negatives and the real acts next to them that must stay."""

from __future__ import annotations

import pytest
from events_testing import Run, one_event

DCT = "2024-05-22"

# 1. the word in another sense: sports results, releases of things, remembering, dismissals,
#    traffic accidents, illness, billing, meeting a standard
OTHER_SENSE = [
    "The Bruins beat the Devils 4-1 on Tuesday night.",
    "The striker fired a shot past the goalkeeper in the second half.",
    "The veteran helped fire his country to a first World Cup in 28 years.",
    "The ministry released a statement on Friday.",
    "The company released a new version of its app last week.",
    "He recalled that the general had been angry.",
    "She was fired from her job at the bank in 2018.",
    "The pedestrian was struck by a car on Main Street.",
    "The van struck a tree before catching fire.",
    "The retired mayor died of a cardiac arrest on Monday.",
    "The school does not meet the state's requirements.",
    "The utility will charge higher fees to customers next year.",
]

SAME_WORDS_REAL = [
    ("Police arrested three protesters in Cairo on Monday.", "COERCE"),
    ("The rebels released two hostages on Tuesday.", "CONCEDE"),
    ("Soldiers fired on the crowd in Khartoum on Friday.", "ASSAULT"),
    ("Militants fired rockets at the town of Sderot.", "ASSAULT"),
    ("Russia recalled its ambassador from Kyiv on Monday.", "SANCTION"),
    ("Israeli aircraft struck targets in Gaza overnight.", "ASSAULT"),
    ("The prosecutor charged the former minister with corruption.", "ACCUSE"),
    ("The president met his Chinese counterpart in Beijing on Monday.", "CONSULT"),
]

# 2. habits and what a law, a plan or a thing does: no specific act
GENERIC = [
    "The authorities have often collaborated with foreign partners.",
    "Police usually arrest drunk drivers at the checkpoint.",
    "The program offers free classes twice a year.",
    "Current legislation allows private ownership of up to 20 birds.",
    "The new system would allow residents to combine recyclables.",
]

GENERIC_LOOKALIKES_REAL = [
    ("The International Monetary Fund provided a loan to Egypt on Monday.", "AID"),
    ("The Federal Security Service detained two men in Moscow.", "COERCE"),
    ("The government allowed the opposition to hold a rally on Saturday.", "AGREE"),
]

# 3. hopes, wishes and instructions: not asserted
WISHES = [
    ("The minister said he would like to announce an agreement with the unions.", "hypothetical"),
    ("He hopes to meet the Iranian president next month.", "hypothetical"),
    ("The senator is optimistic about restoring aid to Egypt.", "hypothetical"),
    ("The delegation was instructed to reach secret agreements with Cyprus.", "planned"),
]


@pytest.mark.parametrize("text", OTHER_SENSE)
def test_en_word_in_another_sense_is_no_event(events_of: Run, text: str) -> None:
    assert events_of(text, "en", DCT) == []


@pytest.mark.parametrize(("text", "etype"), SAME_WORDS_REAL)
def test_en_same_words_as_acts_stay(events_of: Run, text: str, etype: str) -> None:
    ev = one_event(events_of(text, "en", DCT), etype)
    assert ev.modality == "asserted"


@pytest.mark.parametrize("text", GENERIC)
def test_en_habits_and_rules_are_no_event(events_of: Run, text: str) -> None:
    assert events_of(text, "en", DCT) == []


@pytest.mark.parametrize(("text", "etype"), GENERIC_LOOKALIKES_REAL)
def test_en_named_bodies_still_act(events_of: Run, text: str, etype: str) -> None:
    one_event(events_of(text, "en", DCT), etype)


@pytest.mark.parametrize(("text", "modality"), WISHES)
def test_en_wishes_are_not_asserted(events_of: Run, text: str, modality: str) -> None:
    events = events_of(text, "en", DCT)
    assert events, "the wish is still told (with its modality)"
    assert all(e.modality == modality for e in events), [(e.event, e.modality) for e in events]


def test_en_protesters_like_him_is_not_a_wish(events_of: Run) -> None:
    ev = one_event(events_of("Protesters like him were arrested by police in Hong Kong on Sunday.", "en", DCT),
                   "COERCE")
    assert ev.modality == "asserted"
