"""Tolls told in the ways ACLED-style notes tell them that the count rules missed: a result clause
("resulting in 5 deaths"), a killing told as lynching, a toll told alone after the incident ("2
fatalities."), and a count written right after a note's opening date ("25 Aug. Five people were killed").
Notes written for these tests, worded like ACLED summaries, naming no place or party of the training
notes."""

from __future__ import annotations

import cronica
from cronica.records import Extraction


def run(text: str) -> Extraction:
    return cronica.extract(text, published="2021-09-30", id="test")


def deaths(result: Extraction) -> list[int | None]:
    return [e.fatalities for e in result.events]


def test_a_result_clause_gives_the_toll_of_the_clash() -> None:
    text = (
        "On 4 September 2021, herders from two clans clashed over grazing land near Tembari village, "
        "resulting in 4 deaths and at least 6 injuries."
    )
    result = run(text)
    assert result.events, result
    assert deaths(result)[0] == 4
    claim = result.events[0].counts["killed"][0]
    assert claim.span is not None and text[claim.span.start : claim.span.end] == claim.text


def test_a_result_clause_with_which_gives_the_toll() -> None:
    text = (
        "On 7 September 2021, armed clashes between two communities were reported in Loruma ward, "
        "which resulted in 3 deaths."
    )
    assert deaths(run(text))[:1] == [3]


def test_people_lynched_are_people_killed() -> None:
    text = (
        "On 12 September 2021, three men suspected of stealing a motorbike were lynched by residents "
        "in Kibero town."
    )
    result = run(text)
    assert result.events
    assert result.events[0].fatalities == 3


def test_one_suspect_lynched_is_one_death() -> None:
    text = "On 14 September 2021, a suspected thief was lynched by a mob in Mabanga market."
    result = run(text)
    assert result.events
    assert result.events[0].fatalities == 1


def test_a_toll_told_alone_belongs_to_the_incident_before_it() -> None:
    text = (
        "On 20 September 2021, in Sikiri, two alleged members of a criminal gang were attacked by a mob "
        "of residents who accused them of robbery. 2 fatalities."
    )
    result = run(text)
    assert result.events
    assert result.events[0].fatalities == 2
    claim = result.events[0].counts["killed"][-1]
    assert claim.text.startswith("2 fatalities")


def test_a_count_right_after_the_opening_date_is_the_count() -> None:
    text = (
        "25 Sep. Five people were killed in an attack carried out by suspected raiders on Dimbo village. "
        "The raiders also took cattle."
    )
    result = run(text)
    assert result.events
    assert result.events[0].fatalities == 5


def test_the_day_of_the_opening_date_is_no_toll() -> None:
    text = "25 Sep. Residents protested in Dimbo town against the killing of a trader by police."
    result = run(text)
    assert all((e.fatalities or 0) == 0 for e in result.events), deaths(result)


def test_a_part_of_a_group_no_figure_counted_is_the_toll() -> None:
    text = "On 3 September 2021, gunmen attacked a group of farmers in Tembari, killing five of them."
    result = run(text)
    assert result.events
    assert result.events[0].fatalities == 5


def test_a_part_of_a_figure_already_given_is_not_counted_again() -> None:
    text = "On 3 September 2021, gunmen killed nine people in Tembari, two of them children."
    result = run(text)
    assert result.events
    assert result.events[0].fatalities == 9


def test_a_demonstration_held_without_an_article_is_an_event() -> None:
    text = "12 Sep. Traders of Dimbo town held demonstration against the county governor. [size=no report]"
    result = run(text)
    assert [e.event_type for e in result.events] == ["Protests"]


def test_people_suspected_of_a_killing_who_were_killed_are_the_toll() -> None:
    text = (
        "On 4 September 2021, police shot dead three men suspected of murdering a local chief in "
        "Tembari village."
    )
    result = run(text)
    assert result.events
    assert result.events[0].fatalities == 3  # the chief died in an earlier event


def test_one_person_named_by_role_with_the_article_is_one_victim() -> None:
    text = (
        "On 12 September 2021, unknown gunmen shot dead the former deputy governor of Dimbo outside "
        "his house."
    )
    result = run(text)
    assert result.events and result.events[0].fatalities == 1


def test_the_attackers_counted_are_not_the_victims() -> None:
    text = "On 3 September 2021, two gunmen shot dead a trader in Tembari market."
    result = run(text)
    assert result.events and result.events[0].fatalities == 1


def test_burnt_to_death_is_a_killing_and_burnt_down_is_not() -> None:
    burnt = run("20 Sep. Three suspected thieves were burnt to death in Kibero.")
    assert burnt.events and burnt.events[0].fatalities == 3
    assert burnt.events[0].event_type != "Strategic developments"
    house = run("On 3 September 2021, residents burned down a house in Kibero.")
    assert not any(e.fatalities for e in house.events)


def test_a_mob_that_lynches_in_the_present_tense_kills() -> None:
    result = run("10 April. Residents of Dimbo lynch a man they suspect of theft.")
    assert result.events and result.events[0].fatalities == 1


def test_a_number_before_a_unit_measures_and_counts_no_one() -> None:
    text = (
        "On 7 September 2021, rebel forces fired 122mm artillery, 120mm and 82mm mortars at army "
        "positions near Dimbo. During the day, six soldiers were wounded."
    )
    result = run(text)
    assert result.events
    assert not any(e.fatalities for e in result.events)
    assert any(c.value == 6 for e in result.events for c in e.counts.get("injured", ()))


def test_killed_injured_or_captured_is_no_count_of_the_dead() -> None:
    text = (
        "On 6 September 2021, 3 militants were killed, injured or captured during an army operation in Dimbo."
    )
    result = run(text)
    assert result.events
    assert not any(e.fatalities for e in result.events)


def test_exchanged_fire_resulting_in_a_death_is_a_clash_with_one_dead() -> None:
    text = (
        "On 8 September 2021, militias of two clans exchanged small arms fire in Tembari village, "
        "resulting in the death of a local man."
    )
    result = run(text)
    assert [(e.event_type, e.fatalities) for e in result.events] == [("Battles", 1)]


def test_a_toll_told_alone_with_its_participle() -> None:
    text = (
        "On 8 September 2021, a crowd in Dimbo set alight 4 suspected cattle thieves. 4 fatalities reported."
    )
    result = run(text)
    assert result.events and result.events[0].fatalities == 4


def test_the_death_of_someone_a_protest_is_about_is_no_toll() -> None:
    text = "On 7 September 2021, residents protested in Kibero over the death of a trader in police custody."
    result = run(text)
    assert not any(e.fatalities for e in result.events)


def test_an_adjective_object_is_no_victim_so_its_subject_is_counted() -> None:
    # Spanish plural adjectives end like plural person nouns: "resultaron heridas" names no victim
    result = cronica.extract(
        "Al menos seis personas murieron y más de 50 resultaron heridas este domingo en Nochixtlán, Oaxaca.",
        published="2016-06-20",
        id="test",
    )
    assert result.events
    counts = {k: [c.value for c in v] for k, v in result.events[0].counts.items()}
    assert counts.get("killed") == [6] and counts.get("injured") == [50]


def test_one_person_named_by_name_is_one_victim() -> None:
    for text in (
        "On 3 September 2021, gunmen shot dead John Mwangi, a local trader, in Tembari.",
        "31 August. A clan militia shoots and kills Dimbo chief Ekal Lomuria in Tembari.",
    ):
        result = run(text)
        assert result.events and result.events[0].fatalities == 1, text
        claim = result.events[0].counts["killed"][0]
        assert "dead" not in claim.text


def test_people_named_together_are_each_a_victim() -> None:
    text = "On 3 September 2021, gunmen killed Mary Wanjiru and Peter Otieno in Tembari."
    result = run(text)
    assert result.events and result.events[0].fatalities == 2


def test_bodies_found_are_the_dead_of_a_killing() -> None:
    """A body found is a death (ACLED codes the killing it reveals): counted by number, by "the bodies
    of N", or one for a body told with its article or owner."""
    text = (
        "On 12 September 2021, three bodies with gunshot wounds were found by herders near Tembari village."
    )
    result = run(text)
    assert result.events and result.events[0].event_type == "Violence against civilians"
    assert deaths(result)[:1] == [3]
    text = "On 12 September 2021, the bodies of two traders were discovered in a ditch outside Loruma."
    assert deaths(run(text))[:1] == [2]
    text = "On 12 September 2021, the body of a shopkeeper was found dumped in a maize field in Loruma ward."
    assert deaths(run(text))[:1] == [1]
    text = (
        "On 10 September 2021, a teacher went missing in Tembari. Her body was found in a river two days "
        "later."
    )
    assert 1 in deaths(run(text))


def test_someone_found_dead_is_one_victim() -> None:
    text = "On 13 September 2021, a village chief was found dead in his house in Tembari, with stab wounds."
    assert deaths(run(text))[:1] == [1]


def test_weapons_found_are_still_no_death() -> None:
    text = "On 13 September 2021, police found two grenades and a rifle hidden in a house in Loruma."
    assert all(d == 0 for d in deaths(run(text)))


def test_a_victim_who_died_later_is_a_death_of_the_attack() -> None:
    text = (
        "On 14 September 2021, a trader was shot and wounded by unidentified gunmen in Loruma. "
        "He later died in hospital."
    )
    result = run(text)
    assert deaths(result)[:1] == [1]
    text = (
        "On 14 September 2021, a boda boda rider was stabbed by a passenger in Tembari. "
        "She succumbed to her injuries two days later."
    )
    assert (
        sum(d or 0 for d in deaths(run(text))) == 1
    )  # (the death's own day may make it an event of its own)


def test_a_range_whose_upper_end_is_qualified_is_one_range() -> None:
    """ "between six and about ten people": a range from six, not six and ten more."""
    text = (
        "On 15 September 2021, gunmen attacked herders' camps near Tembari and killed between six and "
        "about ten people."
    )
    assert deaths(run(text))[:1] == [6]


def test_deaths_a_protest_followed_are_no_toll_of_the_protest() -> None:
    """ "blocked a road to protest after two men were found dead": the deaths came before, in an
    event of their own; live fire on the protest itself is its toll."""
    text = (
        "On 16 September 2021, residents blocked the Loruma road to protest after two men were found dead "
        "in a quarry."
    )
    result = run(text)
    assert result.events and all(d == 0 for d in deaths(result))
    text = "On 16 September 2021, police shot dead two protesters after they blocked the Loruma road."
    assert deaths(run(text))[:1] == [2]


def test_things_named_like_people_are_not_counted() -> None:
    """ "two monitoring sites": a plural that ends like a people's name ("-ites") is still a thing."""
    text = (
        "On 17 September 2021, army artillery shelled two monitoring sites belonging to the rebels near "
        "Loruma."
    )
    assert all(d == 0 for d in deaths(run(text)))


def test_a_share_of_each_side_is_part_of_the_figure() -> None:
    text = (
        "On 18 September 2021, militants attacked a police post in Tembari. Two were killed, one from each "
        "side, and two others injured."
    )
    assert deaths(run(text))[:1] == [2]
