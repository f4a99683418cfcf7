"""Whole-pipeline event coding of short hand-made passages, French and English."""

from __future__ import annotations

from events_testing import Run, countries

from chronique.model import Event


def _one(events: list[Event], etype: str) -> Event:
    found = [e for e in events if etype in e.event]
    assert len(found) == 1, f"expected one {etype}, got {[e.event for e in events]}"
    return found[0]


def test_extract_fr_meeting_with_date_place_and_parties(events_of: Run) -> None:
    ev = _one(events_of("Le ministre français des Affaires étrangères a rencontré lundi à Berlin son homologue "
                        "allemande.", "fr", "2024-05-22"), "CONSULT")
    assert (ev.date, ev.date_precision) == ("2024-05-20", "day")
    assert ev.event_loc and ev.event_loc["name"] == "Berlin"
    assert {"FRA", "DEU"} <= countries(ev.actor)
    assert all(a.text != "lundi" for a in ev.actor), "a date is no party"


def test_extract_fr_phone_calls_on_coordinated_dates_are_two_events(events_of: Run) -> None:
    events = events_of("Les deux présidents se sont entretenus par téléphone le 3 et le 9 mars.", "fr", "2024-03-20")
    calls = [e for e in events if "CONSULT" in e.event]
    assert sorted(e.date for e in calls) == ["2024-03-03", "2024-03-09"]
    assert all(e.mode == ["phone"] for e in calls)


def test_extract_fr_negated_strike_is_denied(events_of: Run) -> None:
    events = events_of("L'armée n'a pas frappé la ville de Gao.", "fr")
    assert all(e.modality == "denied" for e in events if "ASSAULT" in e.event)
    assert not [e for e in events if e.modality == "asserted"]


def test_extract_fr_agreed_content_is_not_an_event(events_of: Run) -> None:
    events = events_of("La France et l'Allemagne ont convenu d'organiser des manœuvres conjointes en juin.", "fr")
    assert [e.event for e in events] == [["AGREE"]]


def test_extract_fr_casualties_actor_and_claimant(events_of: Run) -> None:
    ev = _one(events_of("Au moins sept civils ont été tués dimanche dans un bombardement de l'armée syrienne sur "
                        "Idleb, selon l'OSDH.", "fr", "2024-05-22"), "ASSAULT")
    assert ev.dead == 7
    assert ev.date == "2024-05-19"
    assert "SYR" in countries(ev.actor)
    assert ev.claimant and "OSDH" in ev.claimant[0].text
    assert ev.acled and ev.acled["sub_event_type"] == "Air/drone strike"


def test_extract_fr_arrest_is_coerce(events_of: Run) -> None:
    ev = _one(events_of("La police a interpellé six manifestants à Lyon jeudi.", "fr", "2024-05-22"), "COERCE")
    assert "arrest" in ev.mode
    assert ev.event_loc and ev.event_loc["name"] == "Lyon"
    assert ev.size is None, "size is a crowd's, not the number arrested"


def test_extract_fr_protest_size(events_of: Run) -> None:
    ev = _one(events_of("Des milliers de personnes ont manifesté samedi à Paris contre la réforme.", "fr",
                        "2024-05-22"), "PROTEST")
    assert ev.size == 1000 and ev.date == "2024-05-18"


def test_extract_fr_sanction_recipient_after_light_verb(events_of: Run) -> None:
    ev = _one(events_of("L'Union européenne a imposé des sanctions à la Russie.", "fr"), "SANCTION")
    assert "RUS" in countries(ev.recipient)
    assert ev.event_loc is None, "'à la Russie' is whom, not where"


def test_extract_fr_same_meeting_told_twice_is_one_record(events_of: Run) -> None:
    text = ("Le président sénégalais a rencontré mardi à Dakar son homologue malien. "
            "La rencontre des deux présidents a duré trois heures, selon la présidence.")
    consult = [e for e in events_of(text, "fr", "2024-05-22") if "CONSULT" in e.event]
    assert len(consult) == 1
    assert len(consult[0].event_text) >= 1


def test_extract_fr_without_date_says_publication(events_of: Run) -> None:
    ev = _one(events_of("Le Mali a demandé le retrait des troupes françaises.", "fr", "2024-05-22"), "REQUEST")
    assert (ev.date, ev.date_precision) == ("2024-05-22", "publication")


def test_extract_en_meeting_place_not_a_party(events_of: Run) -> None:
    ev = _one(events_of("Kenya's foreign minister met his Somali counterpart in Nairobi on Monday, the ministry "
                        "said.", "en", "2023-06-14"), "CONSULT")
    assert {"KEN", "SOM"} <= countries(ev.actor)
    assert ev.event_loc and ev.event_loc["name"] == "Nairobi"
    assert ev.date == "2023-06-12"


def test_extract_en_killing_counts_dead(events_of: Run) -> None:
    ev = _one(events_of("Gunmen killed 12 villagers in an attack on Sunday in northern Nigeria, police said.", "en",
                        "2023-06-12"), "ASSAULT")
    assert ev.dead == 12
    assert ev.event_loc and ev.event_loc["country_code"] == "NG"


def test_extract_every_field_has_evidence_in_the_text(events_of: Run) -> None:
    text = "Des avions russes ont bombardé mardi la ville d'Alep, a indiqué le ministère syrien."
    for ev in events_of(text, "fr", "2024-05-22"):
        fields = {e.field for e in ev.evidence}
        assert {"event", "event_text"} <= fields
        for e in ev.evidence:
            assert 0 <= e.start < e.end <= len(text)


def test_extract_en_hunger_strike_is_protest_not_assault(events_of: Run) -> None:
    events = events_of("Up to 1,000 prisoners began a hunger strike on Monday.", "en", "2023-06-14")
    assert [e.event for e in events] == [["PROTEST"]]
    assert "hunger" in events[0].mode


def test_extract_en_announced_support_is_agree_planned(events_of: Run) -> None:
    ev = _one(events_of("Portugal will support Turkey's bid to join the bloc, the president said.", "en"), "AGREE")
    assert ev.modality == "planned"
    assert not [e for e in events_of("Portugal supported Turkey's bid.", "en") if "AGREE" in e.event]


def test_extract_en_conditional_is_not_retyped(events_of: Run) -> None:
    events = events_of("Norway will defend Saudi Arabia if it is attacked.", "en")
    assert not [e for e in events if "THREATEN" in e.event and e.trigger == "attacked"]


def test_extract_en_reported_obligation_is_request(events_of: Run) -> None:
    ev = _one(events_of("The US declared on Tuesday that China must drop its trade barriers.", "en", "2023-06-14"),
              "REQUEST")
    assert "USA" in countries(ev.actor) and "CHN" in countries(ev.recipient)


def test_extract_en_found_weapons_is_disrupted_use_but_not_any_find(events_of: Run) -> None:
    ev = _one(events_of("Police found a cache of weapons and ammunition in Kingston.", "en"), "COERCE")
    assert ev.acled and ev.acled["sub_event_type"] == "Disrupted weapons use"
    assert not events_of("Police found the missing child in Kingston.", "en")


def test_extract_en_grenade_attack_maps_to_acled_grenade(events_of: Run) -> None:
    ev = _one(events_of("Militants carried out a grenade attack on a police camp, injuring two officers.", "en"),
              "ASSAULT")
    assert ev.acled and ev.acled["sub_event_type"] == "Grenade"


def test_extract_en_dative_party_is_recipient(events_of: Run) -> None:
    ev = _one(events_of("Argentina has apologized to Brazil for the incident.", "en"), "SUPPORT")
    assert "BRA" in countries(ev.recipient)


def test_extract_fr_object_after_a_date_is_still_the_recipient(events_of: Run) -> None:
    ev = _one(events_of("L'Algérie a accusé le 6 mai le Maroc d'espionnage.", "fr"), "ACCUSE")
    assert "MAR" in countries(ev.recipient)
    assert ev.date == "2024-05-06"


def test_extract_fr_future_sanctions_are_a_threat(events_of: Run) -> None:
    ev = _one(events_of("L'Union européenne imposera de nouvelles sanctions à la Biélorussie.", "fr"), "THREATEN")
    assert ev.modality == "planned"
    assert "BLR" in countries(ev.recipient)


def test_extract_en_unnamed_target_is_the_country_where_it_happened(events_of: Run) -> None:
    ev = _one(events_of("Rebels exploded a series of bombs in the capital Kabul on Sunday.", "en"), "ASSAULT")
    assert "AFG" in countries(ev.recipient)
    named = _one(events_of("Turkish troops attacked Kurdish militants of the PKK in Syria.", "en"), "ASSAULT")
    assert named.recipient and "SYR" not in countries(named.recipient), "a named target is not replaced"


def test_extract_fr_no_party_no_event(events_of: Run) -> None:
    # a request needs someone who requests: neither of these is an event
    assert not events_of("La situation sanitaire exigeait des mesures fortes.", "fr")
    assert not events_of("Mais à quelle fréquence ces symptômes se manifestent ?", "fr")


def test_extract_fr_generic_subject_is_no_event(events_of: Run) -> None:
    assert not [e for e in events_of("Tout régime qui menace ses voisins fera face au danger.", "fr")
                if "THREATEN" in e.event]
