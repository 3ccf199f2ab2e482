"""The coder's own figure in an ACLED-style note ("Unknown fatalities coded as 10."): the toll of the
event it covers, shared between the events the note says, and no claim of its own words. Notes written
for these tests (worded like ACLED summaries, naming no place or party of the training notes)."""

from __future__ import annotations

import cronica
from cronica.extraction.coded import CodedToll, find_coded_toll
from cronica.extraction.conventions import load_conventions
from cronica.extraction.lexicon import load_lexicon
from cronica.records import Extraction, acled_fatalities

WORDS = load_conventions().coded_fatalities


def run(text: str) -> Extraction:
    return cronica.extract(text, published="2022-03-20", id="test")


def tolls(nlp, text: str) -> list[tuple[int, int, str]]:  # type: ignore[no-untyped-def]
    doc = nlp(text)
    return [
        (t.total, t.shares, doc[t.start : t.end].text)
        for t in find_coded_toll(doc, WORDS, load_lexicon().quantities)
    ]


def test_a_vague_toll_takes_the_figure_the_note_says_it_coded() -> None:
    text = (
        "On 12 March 2022, rebels of the Northern Front attacked an army post near Dravik, and the soldiers "
        "fought back, leaving several dead on both sides. Unknown number of fatalities coded as 10."
    )
    result = run(text)
    violent = [e for e in result.events if e.event_type == "Battles"]
    assert violent, result.events
    assert violent[0].fatalities == 10
    claim = violent[0].counts["killed"][-1]
    assert claim.qualifier == "coded" and claim.reported_by == "the coder's note"
    assert claim.span is not None and text[claim.span.start : claim.span.end] == claim.text
    assert claim.text == "Unknown number of fatalities coded as 10"


def test_the_coded_figure_outranks_the_report_and_is_shared_between_the_events_the_note_says() -> None:
    text = (
        "On 2 April 2022, clashes erupted between the army and the Northern Front on three fronts near "
        "Dravik. The clashes resulted in more than 20 fighters killed. "
        "20 fatalities split up between 3 events."
    )
    result = run(text)
    battles = [e for e in result.events if e.event_type == "Battles"]
    assert battles
    assert battles[0].fatalities == 7  # 20 in three: 7, 7 and 6; the even share rounded
    # the report's own claim is kept beside the coder's figure, which outranks it
    reported = [
        e for e in result.events if any(c.qualifier == "more_than" for c in e.counts.get("killed", ()))
    ]
    assert reported and {c.qualifier for c in reported[0].counts["killed"]} == {"coded", "more_than"}
    assert reported[0].fatalities == 7


def test_fatalities_and_injuries_coded_together_claim_no_injuries() -> None:
    text = (
        "On 5 May 2022, fighters of the Northern Front reportedly shelled army positions near Dravik, "
        "killing and injuring a number of soldiers. Unknown number of fatalities and injuries coded as 10."
    )
    result = run(text)
    assert result.events
    event = result.events[0]
    assert event.fatalities == 10
    assert "injured" not in event.counts


def test_the_note_words_are_read_with_their_share(nlp) -> None:  # type: ignore[no-untyped-def]
    assert tolls(nlp, "Unclear fatalities coded as 10 and spread between 3 locations.") == [
        (10, 3, "Unclear fatalities coded as 10 and spread between 3 locations")
    ]
    assert tolls(
        nlp, "Unknown reported fatalities coded as 10 and spread across three locations in two days."
    ) == [(10, 6, "Unknown reported fatalities coded as 10 and spread across three locations in two days")]
    assert tolls(nlp, "Dozens of fatalities coded as 12.") == [(12, 1, "Dozens of fatalities coded as 12")]
    assert CodedToll(18, 5, 0, 1).share(0) == 4 and CodedToll(10, 3, 0, 1).share(0) == 3
    assert CodedToll(None, 3, 0, 1).share(14) == 5 and CodedToll(None, 3, 0, 1, each=4).share(14) == 4


def test_other_uses_of_coded_as_are_no_toll(nlp) -> None:  # type: ignore[no-untyped-def]
    assert (
        tolls(nlp, "On 3 May 2022, residents of Ulma village (coded as Dravik) protested against evictions.")
        == []
    )
    assert tolls(nlp, "Police shot either one or four robbers (coded as lowest estimate).") == []
    assert (
        tolls(nlp, "Pro-government fighters (coded as Popular Resistance) claimed fatalities on the front.")
        == []
    )
    assert tolls(nlp, "The deaths split the ruling party between two camps.") == []


def test_a_coded_claim_is_the_number_whatever_else_is_claimed() -> None:
    from cronica.records import CountClaim

    reported = CountClaim(category="killed", value=3, qualifier="about", text="several")
    coded = CountClaim(category="killed", value=10, qualifier="coded", text="fatalities coded as 10")
    assert acled_fatalities([reported]) == 3
    assert acled_fatalities([reported, coded]) == 10


def battle_deaths(text: str) -> int:
    return next(e for e in run(text).events if e.event_type == "Battles").fatalities


def test_a_share_told_without_the_total_is_the_note_figure_shared() -> None:
    """ "Fatalities split between 2 events.": the figure the note's words give, shared."""
    text = (
        "On 14 March 2022, rebels of the Northern Front attacked two army posts near Dravik on two days. "
        "Twelve soldiers were killed. Fatalities split between 2 events."
    )
    assert battle_deaths(text) == 6


def test_a_toll_split_in_events_is_shared_too() -> None:
    """ "8 fatalities split in four events.": "in" says the events as "between" does."""
    text = (
        "On 14 March 2022, rebels of the Northern Front clashed with soldiers in two villages near Dravik "
        "over two days. At least 8 people were killed. 8 fatalities split in four events."
    )
    assert battle_deaths(text) == 2


def test_the_coder_may_give_each_event_its_own_share() -> None:
    """ "Fatalities are split across 3 events (5).": this event's figure is the one in brackets (the
    tokenizer keeps "5)" whole); "with 1 fatality each" gives each event one."""
    text = (
        "On 14 March 2022, rebels of the Northern Front attacked army posts near Dravik, Ulma and Teska. "
        "Fourteen soldiers were killed. Fatalities are split across 3 events (5)."
    )
    assert battle_deaths(text) == 5
    text = (
        "On 15 March 2022, herders attacked farmers near Ulma and Teska, killing 2. Two events coded at Ulma "
        "and Teska, with 1 fatality each."
    )
    assert [e.fatalities for e in run(text).events if e.event_type == "Violence against civilians"][:1] == [1]


def test_a_toll_coded_across_events_in_brackets() -> None:
    text = (
        "On 16 March 2022, armed clashes between two clan militias were reported near Dravik, which resulted "
        "in 6 deaths (coded across 6 events) and 17 injuries."
    )
    assert battle_deaths(text) == 1


def test_a_share_with_no_figure_in_the_note_codes_nothing() -> None:
    text = (
        "On 17 March 2022, rebels of the Northern Front attacked army posts near Dravik and Ulma, with "
        "casualties on both sides. Fatalities split between 2 events."
    )
    assert all(e.fatalities == 0 for e in run(text).events)


def test_the_last_figure_the_note_codes_is_the_events() -> None:
    # a figure per side, then the total the event is coded with; a split, then the figure kept
    for text, want in [
        (
            "On 12 March 2022, soldiers clashed with rebels of the Northern Front near Dravik. An unknown "
            "number of rebels were killed, coded as 3, and the rebels said they killed 9 soldiers. "
            "Total fatalities coded as 12 (9+3).",
            12,
        ),
        (
            "On 12 March 2022, soldiers clashed with rebels of the Northern Front near Dravik. The army said "
            "it killed 20 rebels around the province, 20 fatalities split over 8 locations. "
            "Fatalities coded as 2.",
            2,
        ),
    ]:
        result = run(text)
        assert result.events
        assert acled_fatalities(result.events[0].counts.get("killed", ())) == want


def test_a_coded_figure_a_few_words_after_its_fatalities() -> None:
    result = run(
        "On 12 March 2022, soldiers clashed with rebels of the Northern Front near Dravik. Unspecified "
        "fatalities in a high intensity conflict zone coded as 10."
    )
    assert result.events and acled_fatalities(result.events[0].counts.get("killed", ())) == 10


def test_a_toll_distributed_across_days_gives_each_day_its_share() -> None:
    # "across five days": the quantity finder reads "five days" as a date; the days still share the toll;
    # the figure told first ("9 rebel fatalities were reported") is the one the bracket distributes
    text = (
        "On 14 March 2022, during a five-day offensive between the Northern Front and the army, several "
        "rebels were killed in fighting near Dravik. 9 rebel fatalities were reported by the army "
        "(9 fatalities distributed across five days)."
    )
    battles = [e for e in run(text).events if e.event_type == "Battles"]
    assert battles and battles[0].fatalities == 2  # 9 over five days: 1.8, rounded
