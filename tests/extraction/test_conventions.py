"""ACLED's coding conventions (``conventions.yaml``, docs/coding.md): the file validates, an error names
the file and the key, and each convention shows on a text written for these tests."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

import cronica
from cronica.errors import DataFileError
from cronica.extraction.conventions import load_conventions
from cronica.extraction.lexicon import load_lexicon
from cronica.nlp.languages import load_languages
from cronica.records import Event

BUNDLED = Path(cronica.__file__).parent / "data" / "conventions.yaml"


def events(text: str) -> list[Event]:
    return list(cronica.extract(text, published="2022-05-11", id="t").events)


def test_every_kind_the_conventions_name_is_a_generic_actor() -> None:
    conventions = load_conventions()
    named = set().union(*conventions.kinds.values()) | set(conventions.named_inter)
    assert named <= {g.kind for g in load_lexicon().generic_actors}
    # the kinds a role puts in place are built in every language (DocActors.of_kind): a kind missing
    # from one language's actors.yaml made its reports fail (the battle convention's identity militia)
    roles = {
        k for r in conventions.roles.values() for k in (r.actor1, r.actor2, r.unnamed_actor1, r.communal) if k
    }
    for language in load_languages().by_code:
        assert roles <= {g.kind for g in load_lexicon(language=language).generic_actors}, language
    assert conventions.codes[5] == "Rioters" and conventions.inter["civil"] == {6, 7}
    # the weapons a clash outranks are trigger families (English events.yaml has them all)
    assert conventions.clash_weapons <= set(load_lexicon().families)


def _broken(tmp_path: Path, change: dict[str, object]) -> str:
    data = yaml.safe_load(BUNDLED.read_text(encoding="utf-8"))
    for dotted, value in change.items():
        *parents, last = dotted.split(".")
        node = data
        for p in parents:
            node = node[p]
        if value is None:
            del node[last]
        else:
            node[last] = value
    path = tmp_path / "conventions.yaml"
    path.write_text(yaml.safe_dump(data), encoding="utf-8")
    return str(path)


@pytest.mark.parametrize(
    ("change", "key"),
    [
        ({"types.attack": ["Riots", "Attack", "ASSAULT"]}, "types.attack"),
        ({"types.armed_clash": ["Battles", "Armed clash", "FIGHTING"]}, "types.armed_clash"),
        ({"roles.protests.actor1": None}, "roles.protests.actor1"),
        ({"roles.riots.rioters_unnamed": ["Violent protest"]}, "roles.riots.rioters_unnamed"),
        ({"roles.arrests.sub_event_type": "Arrest"}, "roles.arrests.sub_event_type"),
        ({"inter.named.party": 9}, "inter.named.party"),
        ({"inter.groups.civil": []}, "inter.groups.civil"),
        ({"kinds.armed": None}, "kinds.armed"),
        ({"clash_weapons": []}, "clash_weapons"),
        (
            {"violent_demonstration.codings": ["Violent demonstration"]},
            "violent_demonstration.codings",
        ),
        ({"violent_demonstration.destruction": ["Arrests x"]}, "violent_demonstration.destruction"),
        ({"violent_demonstration.words": []}, "violent_demonstration.words"),
        ({"part_of_incident.developments": ["Arrest"]}, "part_of_incident.developments"),
        ({"part_of_incident.incidents": ["Strategic developments"]}, "part_of_incident.incidents"),
        ({"part_of_incident.incidents": None}, "part_of_incident.incidents"),
    ],
)
def test_an_error_names_the_file_and_the_key(tmp_path: Path, change: dict[str, object], key: str) -> None:
    path = _broken(tmp_path, change)
    with pytest.raises(DataFileError) as err:
        load_conventions(path)
    assert str(err.value).startswith(f"{path}: {key}:")


def test_supporters_of_two_parties_fighting_are_rioters_in_mob_violence() -> None:
    (event,) = events("Supporters of the ruling party and the opposition clashed in Eldoret on Monday.")
    assert (event.event_type, event.sub_event_type) == ("Riots", "Mob violence")
    assert event.actor1 is not None and event.actor1.inter == 5


def test_a_lynching_is_mob_violence() -> None:
    (event,) = events("A mob lynched a suspected thief in Eldoret on Monday.")
    assert (event.event_type, event.sub_event_type) == ("Riots", "Mob violence")


def test_police_killing_protesters_is_excessive_force_with_the_police_first() -> None:
    (event,) = events("Police fired live rounds at protesters in Eldoret on Monday, killing two.")
    assert event.sub_event_type == "Excessive force against protesters"
    assert event.actor1 is not None and event.actor1.inter == 1
    assert event.actor2 is not None and event.actor2.inter == 6


def test_a_dispersed_protest_is_the_protesters_with_the_police_second() -> None:
    (event,) = events("Police dispersed protesters with tear gas in Eldoret on Monday.")
    assert event.sub_event_type == "Protest with intervention"
    assert event.actor1 is not None and event.actor1.inter == 6
    assert event.actor2 is not None and event.actor2.inter == 1


def test_a_peaceful_protest_of_residents_has_protesters_and_no_target() -> None:
    (event,) = events(
        "Hundreds of residents protested peacefully against water shortages in Eldoret on Monday."
    )
    assert event.sub_event_type == "Peaceful protest"
    assert event.actor1 is not None and event.actor1.inter == 6
    assert event.actor2 is None


def test_unidentified_gunmen_are_an_armed_group_attacking_civilians() -> None:
    (event,) = events("Unidentified gunmen shot dead a trader in Eldoret on Monday.")
    assert (event.event_type, event.sub_event_type) == ("Violence against civilians", "Attack")
    assert event.actor1 is not None and event.actor1.inter == 3
    assert event.actor2 is not None and event.actor2.inter == 7


def test_a_handover_and_an_agreement_are_strategic_developments() -> None:
    (handover,) = events(
        "Rebels withdrew from the town of Eldoret on Monday, handing it over to the army without a fight."
    )
    assert handover.sub_event_type == "Non-violent transfer of territory"
    (deal,) = events("The government and the rebels signed a peace agreement in Eldoret on Monday.")
    assert (deal.event_type, deal.sub_event_type) == ("Strategic developments", "Agreement")


def test_a_states_forces_outside_their_country_are_external_forces() -> None:
    (shelling,) = events("Turkish forces shelled a village near Idlib on Monday.")
    assert shelling.location.country == "Syria"
    assert shelling.actor1 is not None and shelling.actor1.inter == 8
    (fire,) = events("On Monday, the armed forces of Armenia fired on Azerbaijani army positions near Tovuz.")
    assert fire.actor1 is not None and fire.actor1.name == "Military Forces of Armenia"
    assert fire.actor1.inter == 8
    assert fire.actor2 is not None and fire.actor2.inter == 1  # Azerbaijan's army in Azerbaijan
    (arrest,) = events("Kenyan police arrested five suspects in Mombasa on Monday.")
    assert arrest.actor1 is not None and arrest.actor1.inter == 1


def test_forces_whose_country_only_the_document_gives_are_not_external_forces() -> None:
    # the second sentence's police name no country: Kenya is the document's, so no evidence they are abroad
    kenya, uganda = events(
        "Kenyan police arrested five suspects in Mombasa on Monday. "
        "On Tuesday, police arrested two traders in Kampala."
    )
    assert kenya.actor1 is not None and kenya.actor1.country_named and kenya.actor1.inter == 1
    assert uganda.location is not None and uganda.location.country == "Uganda"
    assert uganda.actor1 is not None and not uganda.actor1.country_named
    assert uganda.actor1.inter == 1
    (clash,) = events("Kenyan soldiers killed three Al-Shabaab fighters near Kismayo on Monday.")
    assert clash.actor1 is not None and clash.actor1.name == "Military Forces of Kenya"
    assert clash.actor1.inter == 8


def test_armed_men_a_modifier_names_as_a_group_are_that_group() -> None:
    (attack,) = events("ADF militants killed five villagers near Beni on Monday.")
    assert attack.actor1 is not None and (attack.actor1.name, attack.actor1.inter) == ("ADF", 2)
    (raid,) = events("Taliban fighters attacked a police checkpoint in Kunduz on Monday.")
    assert raid.actor1 is not None and raid.actor1.inter == 2
    (shelling,) = events("Separatist rebel forces fired mortars at army positions near Avdiivka on Monday.")
    assert shelling.actor1 is not None and shelling.actor1.inter == 2
    (gunmen,) = events("Unidentified gunmen shot dead a trader in Eldoret on Monday.")
    assert gunmen.actor1 is not None and gunmen.actor1.inter == 3


def test_weapons_used_in_a_clash_are_the_battle() -> None:
    (shelling,) = events(
        "On 12 May, Somali army forces clashed with Al-Shabaab militants near Afgoye and shelled their "
        "positions; two soldiers were killed."
    )
    assert (shelling.event_type, shelling.sub_event_type) == ("Battles", "Armed clash")
    (grenade,) = events(
        "Security forces clashed with militants in Kupwara district on Tuesday; the militants hurled a "
        "grenade at the troops, injuring two soldiers."
    )
    assert (grenade.event_type, grenade.sub_event_type) == ("Battles", "Armed clash")
    # a grenade attack, then the side attacked fighting back in the next sentence: one battle, the
    # attacker first
    (fought,) = events(
        "On 9 May 2022, Al Shabaab militants threw a hand grenade at a police post in Afgoye. "
        "The police clashed with the militants for an hour."
    )
    assert (fought.event_type, fought.sub_event_type) == ("Battles", "Armed clash")
    assert fought.actor1 is not None and fought.actor1.inter == 2
    assert fought.actor2 is not None and fought.actor2.inter == 1
    # no clash: the shelling is remote violence
    (remote,) = events("Rebels shelled the town of Marib on Monday, killing two civilians.")
    assert remote.sub_event_type == "Shelling/artillery/missile attack"


@pytest.mark.parametrize(
    "text",
    [
        "Supporters of the former president clashed with police in Cochabamba on Monday.",
        "Supporters of two rival parties clashed in Nakuru on Monday, leaving two injured.",
        "Simpatizantes del expresidente se enfrentaron con la policía en Cochabamba el lunes.",
    ],
)
def test_party_supporters_fighting_are_rioters_not_an_armed_group(text: str) -> None:
    # ACLED codes party supporters who fight (each other, or the police) as rioters (inter 5) in a
    # riot, never as an armed group in a battle
    first = events(text)[0]
    assert first.event_type == "Riots"
    assert first.actor1 is not None and first.actor1.inter == 5


def test_party_supporters_marching_are_protesters() -> None:
    text = "Hundreds of supporters of the opposition leader marched peacefully in Nakuru on Monday."
    first = events(text)[0]
    assert (first.event_type, first.sub_event_type) == ("Protests", "Peaceful protest")
    assert first.actor1 is not None and first.actor1.inter == 6


@pytest.mark.parametrize(
    "text",
    [
        "On 12 March 2023, supporters of the ruling party attacked an opposition procession in Feni,"
        " injuring 15.",
        "On 12 March 2023, Youth League activists beat a rival student leader on the campus in Rajshahi.",
    ],
)
def test_an_attack_by_party_supporters_is_mob_violence_by_rioters(text: str) -> None:
    # ACLED: civilians, protesters and party supporters are never actor 1 of violence against
    # civilians (none of 1,965 training events); a party's supporters who attack someone are rioters
    first = events(text)[0]
    assert (first.event_type, first.sub_event_type) == ("Riots", "Mob violence")
    assert first.actor1 is not None and first.actor1.inter == 5


def test_factions_of_a_league_clashing_are_rioters_not_a_militia() -> None:
    # a league is a party ("Awami League", "Muslim League"): its factions fighting are a mob clash
    first = events(
        "On 12 March 2023, two factions of the Muslim League clashed in Quetta, leaving 10 injured."
    )[0]
    assert (first.event_type, first.sub_event_type) == ("Riots", "Mob violence")
    assert first.actor1 is not None and first.actor1.inter == 5


def test_an_attack_by_armed_men_or_soldiers_stays_violence_against_civilians() -> None:
    for text in (
        "Gunmen killed four farmers near Jos on Sunday.",
        "Soldiers beat a street vendor to death in Yangon.",
    ):
        first = events(text)[0]
        assert first.event_type == "Violence against civilians", text
