"""Actor types the ACLED way (issue 11): foreign forces are External/other forces (8), a named police
unit is the state's, a group the dictionary knows keeps its type whatever the NER labels it, a clan
militia is an identity militia, and the classifier's reading of a whole summary does not re-type an
opening subject whose words give its type. Sentences written for these tests (worded like ACLED
summaries; no note of a gold set)."""

from __future__ import annotations

from dataclasses import dataclass, replace

import pytest

import cronica
from cronica.extraction.actors import organisation_kind
from cronica.extraction.learned import Combination, Judgement, apply_summary_actor_type
from cronica.extraction.lexicon import load_lexicon
from cronica.records import Actor, Event, Extraction, Span


def run(text: str, published: str = "2024-03-20") -> Extraction:
    return cronica.extract(text, published=published, id="test")


def first(result: Extraction) -> Event:
    assert result.events, "no event"
    return min(result.events, key=lambda e: e.trigger.start)


def test_a_state_s_forces_named_by_their_country_abroad_are_external_forces() -> None:
    event = first(
        run("On 12 March 2024, Rwandan troops clashed with insurgents near Mocimboa da Praia, Mozambique.")
    )
    assert event.location.country_code == "MZ"
    assert event.actor1 is not None and event.actor1.name == "Military Forces of Rwanda"
    assert event.actor1.inter == 8


@pytest.mark.parametrize(
    "text",
    [
        # the country word modifies the noun the forces' word modifies ("Kenyan army units")
        "On 12 March 2024, Al Shabaab militants attacked Kenyan army units near Bulo Hawo, Somalia.",
        # the victim "one soldier" is of the forces the object names by their country
        "On 12 March 2024, Al Shabaab militants attacked Kenyan army units near Bulo Hawo, Somalia, "
        "killing one soldier.",
    ],
)
def test_foreign_army_units_and_their_dead_are_external_forces(text: str) -> None:
    event = first(run(text))
    assert event.actor2 is not None and event.actor2.name == "Military Forces of Kenya"
    assert event.actor2.inter == 8


def test_forces_called_international_are_external_forces_of_no_named_country() -> None:
    event = first(
        run("On 2 March 2024, international forces carried out an airstrike on a militant camp near Jilib.")
    )
    assert event.actor1 is not None
    assert (event.actor1.name, event.actor1.inter) == ("Unidentified Military Forces", 8)


def test_forces_of_the_event_s_own_country_stay_state_forces() -> None:
    event = first(run("On 12 March 2024, Malian soldiers clashed with jihadist fighters near Menaka, Mali."))
    assert event.actor1 is not None and event.actor1.inter == 1


def test_a_named_police_unit_is_the_state_s_whatever_its_other_words() -> None:
    heads = load_lexicon().organisations
    countries = {"kenya": "Kenya", "kenyan": "Kenya"}.get
    assert organisation_kind("Northern Special Police Forces", heads, countries) == "police"
    assert organisation_kind("Kenyan Army", heads, countries) == "military"
    # a named army of other words is still a rebel group
    assert organisation_kind("Lakeside Liberation Army", heads, countries) == "rebels"


def test_forces_the_opening_subject_names_by_their_country_keep_their_type() -> None:
    # the NER labels "Ugandan" an organisation here; a demonym is no group's name
    event = first(
        run(
            "On 3 March 2021, Ugandan security forces clashed with members of an armed group near Kisoro.",
            "2021-03-05",
        )
    )
    assert event.actor1 is not None and event.actor1.inter == 1


def test_state_modifiers_joined_by_and_leave_forces_the_state_s() -> None:
    heads = load_lexicon().organisations
    countries = {"kenya": "Kenya", "kenyan": "Kenya"}.get
    assert organisation_kind("Kenyan Defense and Security Forces", heads, countries) == "military"
    # an acronym in brackets restates the name
    assert organisation_kind("Security and Defence Forces (FDS)", heads, countries) == "military"
    # a joined word that is no state modifier still makes a rebel group
    assert organisation_kind("Freedom and Justice Army", heads, countries) == "rebels"


def test_a_group_the_dictionary_knows_is_a_rebel_group_named_by_its_words() -> None:
    event = first(run("On 14 August 2023, Al Shabaab attacked an army base near Jowhar town."))
    assert event.actor1 is not None
    assert (event.actor1.name, event.actor1.inter) == ("Al Shabaab", 2)


def test_an_organisation_whose_name_holds_a_known_group_s_words_is_that_group() -> None:
    event = first(
        run(
            "On 9 May 2024, Islamic State Sahel Province ambushed an army patrol near Menaka, killing "
            "3 soldiers."
        )
    )
    assert event.actor1 is not None and event.actor1.inter == 2


def test_a_clan_militia_is_an_identity_militia() -> None:
    event = first(
        run("On 6 June 2024, a clan militia opened fire on a minibus near Beledweyne, injuring 2 passengers.")
    )
    assert event.actor1 is not None and event.actor1.inter == 4


def test_the_label_of_a_movement_of_forces_is_no_actor_and_the_group_seen_is_actor_one() -> None:
    event = first(
        run(
            "Movement of forces: On 3 June 2024, Al Shabaab fighters were seen gathering near Bulo Burto "
            "town, armed with heavy weapons."
        )
    )
    assert event.sub_event_type == "Change to group/activity"
    assert event.actor1 is not None and event.actor1.inter == 2 and "Shabaab" in event.actor1.name
    assert event.actor2 is None or event.actor2.inter != 1


def test_a_battle_told_next_from_the_other_side_is_one_battle() -> None:
    result = run(
        "On 5 May 2024, Al Shabaab ambushed a police patrol near Afgooye town. The police clashed "
        "with Al Shabaab. There were no casualties."
    )
    battles = [e for e in result.events if e.event_type == "Battles"]
    assert len(battles) == 1
    assert battles[0].actor1 is not None and battles[0].actor1.inter == 2


def test_a_protest_an_armed_group_organised_is_the_protesters() -> None:
    event = first(
        run("On 23 May 2024, Al Shabaab organized a protest in Bulo Burto town against the elections.")
    )
    assert event.event_type == "Protests"
    assert event.actor1 is not None and event.actor1.inter == 6


@dataclass
class _Reads:
    """A typer whose reading of every text is ``reading``."""

    reading: Judgement

    def judge(self, text: str) -> Judgement:
        return self.reading


def _summary_event(text: str, words: str, kind: str, inter: int, country_named: bool = False) -> Event:
    event = cronica.extract(text, published="2024-05-10", id="t").events[0]
    at = text.index(words)
    actor = Actor(
        name=words,
        text=words,
        span=Span(at, at + len(words), words),
        inter=inter,
        kind=kind,
        country_named=country_named,
    )
    return replace(event, actor1=actor, actor2=None)


def test_the_summary_reading_keeps_the_type_of_an_opening_subject_its_words_type() -> None:
    text = "On 9 May 2024, government soldiers clashed with insurgents near Dimbo village."
    rebels = Judgement(0.99, (("Battles", "Armed clash", 0.9),), inter1=((2, 0.9), (1, 0.1)))
    subject = (text.index("soldiers"), text.index(" clashed"))

    def typed(kind: str, inter: int, at_subject: bool, named: bool = False) -> int | None:
        out = apply_summary_actor_type(
            [_summary_event(text, "soldiers", kind, inter, named)],
            _Reads(rebels),
            lambda k: Actor(name=k),
            Combination(),
            text,
            summary=True,
            subject=subject if at_subject else None,
        )
        assert out[0].actor1 is not None
        return out[0].actor1.inter

    assert typed("military", 1, at_subject=True) == 1  # soldiers: the state's
    assert typed("identity_militia", 4, at_subject=True) == 4  # a clan militia: an identity militia
    assert typed("military", 8, at_subject=False, named=True) == 8  # forces of another country
    # an actor found away from the opening subject may be the wrong one: the reading types it
    assert typed("military", 1, at_subject=False) == 2
    # words that only describe ("militants") take the reading's type
    assert typed("militia", 3, at_subject=True) == 2


def test_a_clash_s_sides_swap_when_the_reading_gives_actor_one_the_other_side_s_type() -> None:
    """ACLED's first side of a clash is the one its coders put first, which the classifier learned:
    when it reads actor 1 as the other side's type, the sides swap, unless actor 1 is the opening
    subject."""
    text = "On 9 May 2024, fighting between insurgents and government soldiers took place near Dimbo village."
    rebels = Judgement(0.99, (("Battles", "Armed clash", 0.9),), inter1=((1, 0.9), (2, 0.1)))
    event = cronica.extract(text, published="2024-05-10", id="t").events[0]
    at, soldiers_at = text.index("insurgents"), text.index("government soldiers")
    insurgents = Actor(name="Rebels", text="insurgents", span=Span(at, at + 10, "insurgents"), inter=2)
    soldiers = Actor(
        name="Military Forces",
        text="government soldiers",
        span=Span(soldiers_at, soldiers_at + 19, "government soldiers"),
        inter=1,
        kind="military",
    )
    event = replace(event, event_type="Battles", actor1=insurgents, actor2=soldiers)

    def sides(subject: tuple[int, int] | None) -> tuple[str | None, str | None]:
        out = apply_summary_actor_type(
            [event], _Reads(rebels), lambda k: Actor(name=k), Combination(), text, True, subject
        )[0]
        assert out.actor1 is not None and out.actor2 is not None
        return out.actor1.text, out.actor2.text

    assert sides(None) == ("government soldiers", "insurgents")
    assert sides((at, at + 10)) == ("insurgents", "government soldiers")  # the opening subject stays


def test_the_other_side_of_a_clash_is_actor_two() -> None:
    event = first(run("On 3 March 2024, army soldiers clashed with Boko Haram fighters near Gwoza town."))
    assert event.event_type == "Battles"
    assert event.actor1 is not None and event.actor1.inter == 1
    assert event.actor2 is not None and event.actor2.inter == 2


def test_what_an_airstrike_targets_is_actor_two_also_a_group_s_base() -> None:
    event = first(
        run("On 3 March 2024, US forces conducted an airstrike targeting an Al Shabaab camp near Jilib.")
    )
    assert event.sub_event_type == "Air/drone strike"
    assert event.actor2 is not None and event.actor2.inter == 2


def test_who_made_the_attack_that_forces_repelled_is_actor_one() -> None:
    for text in (
        "On 8 May 2024, army troops repelled an attack by Boko Haram fighters near Gwoza town.",
        "On 8 May 2024, army troops repelled a Boko Haram attack near Gwoza town.",
    ):
        event = first(run(text))
        assert event.event_type == "Battles", text
        assert event.actor1 is not None and event.actor1.inter == 2, text
        assert event.actor2 is not None and event.actor2.inter == 1, text


def test_armed_men_a_people_s_name_qualifies_are_that_people_s_identity_militia() -> None:
    """conventions.yaml ``identity_militias``: the name before a head such as raiders or herdsmen, a
    capitalised word opening the sentence included when it is no dictionary word."""
    event = first(
        run(
            "On 4 May 2019, Pokot raiders attacked a village in Baringo and killed two herders.", "2019-05-06"
        )
    )
    assert event.actor1 is not None
    assert (event.actor1.name, event.actor1.inter) == ("Pokot Ethnic Militia (Kenya)", 4)
    event = first(
        run(
            "Suspected Fulani herdsmen killed 12 villagers in Benue State, Nigeria, on 3 May 2019.",
            "2019-05-06",
        )
    )
    assert event.actor1 is not None
    assert (event.actor1.name, event.actor1.inter) == ("Fulani Ethnic Militia (Nigeria)", 4)


def test_a_clan_word_makes_the_militia_a_clan_s() -> None:
    event = first(
        run("On 2 May 2019, members of the Garre clan militia attacked a village in Mandera.", "2019-05-06")
    )
    assert event.actor1 is not None
    assert (event.actor1.name, event.actor1.inter) == ("Garre Clan Militia (Kenya)", 4)


def test_a_country_s_demonym_or_a_common_word_before_raiders_names_no_identity() -> None:
    for text in (
        "On 4 May 2019, Somali raiders attacked herders in Wajir, Kenya.",
        "Cattle raiders stole 200 goats in Isiolo, Kenya, on 4 May 2019.",
        "Suspected raiders stole 200 goats in Isiolo, Kenya, on 4 May 2019.",
        "On 4 May 2019, a group of Islamist militia attacked civilians in Mandera, Kenya.",
    ):
        event = first(run(text, "2019-05-06"))
        assert event.actor1 is not None
        assert "Ethnic" not in event.actor1.name and "Somali" not in event.actor1.name, event.actor1.name


def test_a_creed_or_a_cause_before_militia_names_no_identity() -> None:
    for text in (
        "On 4 May 2019, an Islamist militia attacked the village of Kalembe in Tanga, Tanzania.",
        "On 4 May 2019, Maoist militiamen attacked a police post in Gadchiroli, India.",
    ):
        event = first(run(text, "2019-05-06"))
        assert event.actor1 is not None
        assert "Ethnic" not in event.actor1.name, event.actor1.name


def test_herders_a_name_qualifies_are_a_militia_only_where_they_act() -> None:
    event = first(
        run("On 3 May 2019, Fulani herdsmen attacked farmers in Agatu, Benue State, Nigeria.", "2019-05-06")
    )
    assert event.actor1 is not None and event.actor1.inter == 4
    event = first(
        run(
            "On 3 May 2019, soldiers killed three Fulani herdsmen in Agatu, Benue State, Nigeria.",
            "2019-05-06",
        )
    )
    assert event.actor2 is not None and event.actor2.inter == 7, event.actor2


def test_the_owner_of_a_shelled_position_is_actor_two_not_the_shelling_army() -> None:
    """A possessive owner ("the KIA's position") and a group's name inside the target ("the KIA
    brigade headquarters", whose "brigade" is a state-force word) name the other side."""
    for text in (
        "On 30 March 2024, the Myanmar military fired mortars on the KIA's position in Momauk.",
        "On 30 March 2024, the Myanmar military carried out an airstrike targeting the KIA brigade "
        "headquarters in Hpakant.",
    ):
        event = first(run(text, "2024-04-01"))
        assert event.actor1 is not None and event.actor1.inter == 1, text
        assert event.actor2 is not None and event.actor2.name == "KIA", (text, event.actor2)
        assert event.actor2.inter == 2, text


def test_who_fire_or_artillery_was_exchanged_with_is_actor_two() -> None:
    for text in (
        "On 9 May 2024, Al Shabaab militants exchanged gunfire with army troops near Afgooye.",
        "On 9 May 2024, Al Shabaab militants exchanged artillery with army troops near Afgooye.",
    ):
        event = first(run(text, "2024-05-10"))
        assert event.sub_event_type == "Armed clash", text
        assert event.actor1 is not None and event.actor1.inter == 2, text
        assert event.actor2 is not None and event.actor2.inter == 1, text


def test_two_peoples_before_one_head_are_the_two_sides_of_their_clash() -> None:
    event = first(
        run("On 3 March 2018, Garre and Degodia clan militias clashed in Mandera, Kenya.", "2018-03-05")
    )
    assert event.actor1 is not None and event.actor2 is not None
    assert event.actor1.name == "Garre Clan Militia (Kenya)"
    assert event.actor2.name == "Degodia Clan Militia (Kenya)"


def test_an_unknown_party_that_fires_artillery_is_an_armed_group_not_a_political_party() -> None:
    event = first(
        run("On 9 May 2024, heavy artillery fire by an unknown party was reported in Tripoli.", "2024-05-10")
    )
    assert event.actor1 is not None
    assert (event.actor1.name, event.actor1.inter) == ("Unidentified Armed Group (Libya)", 3)


def test_a_vigilante_mob_is_rioters() -> None:
    event = first(
        run(
            "On 13 May 2024, a vigilante mob beat and killed a suspected thief in Kisumu, Kenya.",
            "2024-05-14",
        )
    )
    assert event.actor1 is not None and event.actor1.inter == 5


def test_ethnic_or_tribal_militias_named_or_not_are_identity_militias() -> None:
    event = first(
        run(
            "On 21 January 2019, suspected Maasai ethnic militias attacked two farmers in Mau Narok, Kenya.",
            "2019-01-22",
        )
    )
    assert event.actor1 is not None
    assert (event.actor1.name, event.actor1.inter) == ("Maasai Ethnic Militia (Kenya)", 4)
    event = first(
        run(
            "On 8 May 2020, clashes erupted between government forces and tribal militias near Marib, Yemen.",
            "2020-05-09",
        )
    )
    sides = {a.text: a.inter for a in (event.actor1, event.actor2) if a is not None}
    assert sides.get("tribal militias") == 4, sides


def test_unknown_men_are_an_armed_group_and_the_base_they_attacked_is_the_police_s() -> None:
    event = first(
        run("On 3 April 2024, two unknown men threw a grenade at the police base in Myawaddy.", "2024-04-05")
    )
    assert event.actor1 is not None and event.actor1.inter == 3
    assert event.actor2 is not None and event.actor2.inter == 1


def test_a_state_s_army_named_with_its_demonym_abroad_is_that_state_s_external_forces() -> None:
    event = first(
        run("On 14 March 2024, the Turkish Army shelled positions of the YPG near Tal Rifaat, Aleppo, Syria.")
    )
    assert event.location.country_code == "SY"
    assert event.actor1 is not None and event.actor1.name.startswith("Military Forces of T")
    assert event.actor1.inter == 8


def test_a_state_s_army_named_with_its_demonym_at_home_is_its_state_force() -> None:
    event = first(
        run("On 14 March 2024, the Nigerian Army clashed with bandits near Gusau, Zamfara, Nigeria.")
    )
    sides = [a for a in (event.actor1, event.actor2) if a is not None and a.kind == "military"]
    assert sides and sides[0].name == "Military Forces of Nigeria" and sides[0].inter == 1


def test_forces_named_by_a_known_rebel_group_are_that_group_not_the_state_s() -> None:
    event = first(
        run("On 11 March 2024, Turkish jets bombed PKK forces in the Zap region of Duhok, northern Iraq.")
    )
    assert event.actor2 is not None and event.actor2.name == "PKK" and event.actor2.inter == 2


def test_a_generic_actor_s_own_capitalised_words_name_no_group_before_the_opening_subject() -> None:
    # "the Armed Forces" are the state's forces however capitalised (the NER labels "Armed" an
    # organisation); "the KIA forces" are a group's: only the first is the summary's opening subject
    from cronica.extraction.stages import _opening_subject
    from cronica.pipeline import Pipeline

    pipeline = Pipeline()
    for text, head, expected in (
        ("On 14 July 2024, the Armed Forces killed nine insurgents near Dimbo village.", "Forces", True),
        ("On 14 July 2024, the KIA forces clashed with soldiers near Dimbo village.", "forces", False),
        # a group's men, whatever phrase the dictionary reads them in
        ("On 14 July 2024, Taliban militants attacked soldiers near Dimbo village.", "militants", False),
    ):
        doc = pipeline.nlp(text)
        actors = pipeline.extractor.actor_finder.index(doc, None, None)
        at = text.index(head)
        found = _opening_subject(doc, None, actors.generic_at)
        assert (found == (at, at + len(head))) is expected, text
