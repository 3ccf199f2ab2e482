"""Detection by the learned classifier where the rules read no incident words, and the classifier's
coding in short documents. Sentences written for these tests (worded like ACLED summaries and wire
briefs, naming no place or party of the training notes)."""

from __future__ import annotations

from dataclasses import dataclass, replace

import cronica
from cronica.extraction.learned import Combination, Judgement, apply_learned_types, opens_with_its_date
from cronica.ingest import document_from_text
from cronica.pipeline import Pipeline
from cronica.records import Event, Extraction


def run(text: str, published: str = "2023-06-20") -> Extraction:
    return cronica.extract(text, published=published, id="test")


def test_armed_men_seen_moving_with_no_trigger_word_is_found_by_the_classifier() -> None:
    text = (
        "On 14 June 2023, dozens of members of an unidentified armed group were seen moving through the "
        "forest near Dravik."
    )
    result = run(text)
    assert len(result.events) == 1
    event = result.events[0]
    assert (event.event_type, event.sub_event_type) == ("Strategic developments", "Change to group/activity")
    assert event.coded_by.startswith("learned classifier: the sentence reports an event")
    # the evidence is the sentence's own main verb and sentence
    assert text[event.trigger.start : event.trigger.end] == event.trigger.text == "seen"
    assert event.sentence is not None and event.sentence.text.startswith("On 14 June 2023")
    assert event.date.value == "2023-06-14"


def test_the_classifier_finds_no_event_in_a_sentence_the_rules_read_as_negated() -> None:
    result = run("Residents said there was no fighting between the two villages near Dravik on Monday.")
    assert not [e for e in result.events if e.event_type == "Battles"]


def test_a_letter_or_a_lone_word_is_no_event_whatever_the_classifier_reads_in_it() -> None:
    # a stray letter between blank lines (a page number, a list mark) and a one-word heading say
    # nothing; the classifier's character n-grams read "A" as a riot with p=0.88
    for text in ("A", "A\n\n\n\nB", "Riot."):
        assert run(text).events == (), text
    # two words say enough
    assert [e.event_type for e in run("Protesters rallied.").events] == ["Protests"]


def test_a_sentence_about_talks_is_no_event() -> None:
    result = run("The two delegations met in the capital on Tuesday to discuss the water treaty.")
    assert result.events == ()


def test_a_gathering_with_no_trigger_word_for_the_rules_is_a_protest() -> None:
    result = run(
        "On 12 June 2023, several hundred teachers assembled outside the education ministry in Velmora "
        "to reject the new pay scale."
    )
    assert [e.event_type for e in result.events] == ["Protests"]


@dataclass
class FixedTyper:
    """The classifier's reading, fixed, to test how the combination uses it."""

    reading: Judgement

    def judge(self, text: str) -> Judgement:
        return self.reading


def _event(result: Extraction) -> Event:
    assert len(result.events) == 1
    return result.events[0]


def test_in_a_short_document_a_sure_classifier_replaces_any_coding_of_the_rules() -> None:
    text = "On 3 June 2023, gunmen attacked a bus near Dravik, killing four passengers."
    rules = Pipeline(typer="rules")
    base = _event(rules.extract_document(document_from_text(text, id="test", published="2023-06-05")))
    assert (base.event_type, base.sub_event_type) == ("Violence against civilians", "Attack")
    attack = ("Violence against civilians", "Attack")
    sure = FixedTyper(Judgement(0.99, (("Battles", "Armed clash", 0.96), (*attack, 0.03))))
    unsure = FixedTyper(Judgement(0.99, (("Battles", "Armed clash", 0.6), (*attack, 0.4))))
    # (the passengers are civilians: by default no battle reading replaces their attack, see
    # test_a_battle_reading_does_not_replace_an_attack_on_civilians)
    loose = Combination(civilian_victims=False)
    [moved] = apply_learned_types([base], sure, loose, sentences=1, text=text)
    assert (moved.event_type, moved.sub_event_type) == ("Battles", "Armed clash")
    assert moved.coded_by.startswith("learned classifier")
    [kept] = apply_learned_types([base], unsure, Combination(), sentences=1, text=text)
    assert (kept.event_type, kept.sub_event_type) == ("Violence against civilians", "Attack")
    # a long report moves a contextual coding only when the rules coding is under 0.02
    [long] = apply_learned_types([base], sure, Combination(), sentences=12, text=text)
    assert (long.event_type, long.sub_event_type) == ("Violence against civilians", "Attack")


@dataclass
class ReportTyper:
    """Reads the whole report one way and any other text (an event's own words) another."""

    report: str
    on_report: Judgement
    elsewhere: Judgement

    def judge(self, text: str) -> Judgement:
        return self.on_report if text == self.report else self.elsewhere


def _codings(events: list[Event]) -> list[tuple[str, str]]:
    return [(e.event_type, e.sub_event_type) for e in events]


def test_a_coded_summary_is_read_whole_and_the_reading_codes_its_first_event() -> None:
    text = (
        "On 3 June 2023, gunmen attacked a bus near Dravik, killing four passengers. "
        "Soldiers deployed in the area exchanged fire with the gunmen for two hours."
    )
    rules = Pipeline(typer="rules")
    found = list(rules.extract_document(document_from_text(text, id="test", published="2023-06-05")).events)
    first = min(found, key=lambda e: e.trigger.start)
    assert (first.event_type, first.sub_event_type) == ("Violence against civilians", "Attack")
    attack = ("Violence against civilians", "Attack")
    words = Judgement(0.99, ((*attack, 0.6), ("Battles", "Armed clash", 0.4)))
    report = Judgement(0.99, (("Battles", "Armed clash", 0.8), (*attack, 0.2)))
    typer = ReportTyper(text, report, words)
    loose = Combination(civilian_victims=False)  # the passengers are civilians (see above)
    moved = apply_learned_types(found, typer, loose, sentences=2, text=text, summary=True)
    recoded = [e for e in moved if e.coded_by.startswith("learned classifier")]
    assert [(e.id, e.event_type, e.sub_event_type) for e in recoded] == [(first.id, "Battles", "Armed clash")]
    assert "the whole report" in recoded[0].coded_by
    # under the threshold the rules' coding stays
    shy = ReportTyper(text, Judgement(0.99, (("Battles", "Armed clash", 0.65), (*attack, 0.35))), words)
    kept = apply_learned_types(found, shy, Combination(), sentences=2, text=text, summary=True)
    assert _codings(kept) == _codings(found)
    # a long report, or a short one that is no coded summary (news), is read event by event only
    long = apply_learned_types(found, typer, Combination(), sentences=12, text=text, summary=True)
    assert _codings(long) == _codings(found)
    news = apply_learned_types(found, typer, Combination(), sentences=2, text=text, summary=False)
    assert _codings(news) == _codings(found)


def test_a_summary_opens_with_its_date_and_year() -> None:
    assert opens_with_its_date([(1, "3 June 2023")])
    assert opens_with_its_date([(0, "3 de junio de 2023")])
    assert not opens_with_its_date([(1, "Tuesday")])  # a news lead's weekday names no year
    assert not opens_with_its_date([(4, "Nov 12 2019")])  # a wire dateline after the place
    assert not opens_with_its_date([])


def test_the_pipeline_reads_a_dated_summary_whole_and_a_news_lead_by_its_events() -> None:
    summary = (
        "On 3 June 2023, gunmen attacked a bus near Dravik, killing four passengers. "
        "Soldiers deployed in the area exchanged fire with the gunmen for two hours."
    )
    news = summary.replace("On 3 June 2023,", "On Saturday,")
    attack = ("Violence against civilians", "Attack")
    words = Judgement(0.99, ((*attack, 0.6), ("Battles", "Armed clash", 0.4)))
    report = Judgement(0.99, (("Battles", "Armed clash", 0.8), (*attack, 0.2)))
    firsts = []
    for text in (summary, news):
        pipeline = Pipeline(typer=ReportTyper(text, report, words))
        found = pipeline.extract_document(document_from_text(text, id="test", published="2023-06-05")).events
        firsts.append(min(found, key=lambda e: e.trigger.start))
    assert (firsts[0].event_type, firsts[0].sub_event_type) == ("Battles", "Armed clash")
    assert (firsts[1].event_type, firsts[1].sub_event_type) == attack


def test_a_coded_summary_takes_actor_one_type_from_the_reading_of_the_whole_summary() -> None:
    summary = "On 3 June 2023, gunmen attacked a bus near Dravik, killing four passengers."
    news = summary.replace("On 3 June 2023,", "On Saturday,")
    attack = ("Violence against civilians", "Attack")
    rules = Pipeline(typer="rules")
    base = _event(rules.extract_document(document_from_text(summary, id="test", published="2023-06-05")))
    assert base.actor1 is not None and base.actor1.inter not in (None, 2)

    def first_actor(text: str, sure: float) -> Event:
        reading = Judgement(0.99, ((*attack, 0.9),), inter1=((2, sure), (base.actor1.inter or 0, 1 - sure)))
        pipeline = Pipeline(typer=ReportTyper(text, reading, Judgement(0.99, ((*attack, 0.9),))))
        return _event(pipeline.extract_document(document_from_text(text, id="test", published="2023-06-05")))

    moved = first_actor(summary, 0.7)
    assert moved.actor1 is not None and moved.actor1.inter == 2
    assert moved.actor1.name == base.actor1.name  # the words and the name stay, the type changes
    assert "actor 1 type 2 by the classifier" in moved.coded_by
    kept = first_actor(summary, 0.4)
    assert kept.actor1 is not None and kept.actor1.inter == base.actor1.inter
    lead = first_actor(news, 0.7)
    assert lead.actor1 is not None and lead.actor1.inter == base.actor1.inter


def test_a_summary_reading_retypes_a_described_actor_but_not_a_named_one() -> None:
    from cronica.extraction.learned import apply_summary_actor_type
    from cronica.records import Actor, Span

    named_text = "On 9 May 2020, the NAF rebel forces fired mortars at army positions near Dimbo."
    described_text = "On 9 May 2020, militants fired mortars at army positions near Dimbo."
    reading = Judgement(0.99, (("Battles", "Armed clash", 0.9),), inter1=((1, 0.9), (2, 0.1)))

    def first_event(text: str, words: str) -> Event:
        event = cronica.extract(text, published="2020-05-10", id="t").events[0]
        at = text.index(words)
        actor = Actor(name=words, text=words, span=Span(at, at + len(words), words), inter=2, kind="rebels")
        return replace(event, actor1=actor)

    def generic(kind: str) -> Actor:
        return Actor(name=kind)

    for text, words, expected in ((named_text, "NAF rebel forces", 2), (described_text, "militants", 1)):
        typer = ReportTyper(text, reading, reading)
        out = apply_summary_actor_type(
            [first_event(text, words)], typer, generic, Combination(), text, summary=True
        )
        assert out[0].actor1 is not None and out[0].actor1.inter == expected, words


def test_a_battle_reading_does_not_replace_an_attack_on_civilians() -> None:
    from cronica.records import Actor

    text = "On 3 June 2023, soldiers killed two villagers near Dravik."
    rules = Pipeline(typer="rules")
    base = _event(rules.extract_document(document_from_text(text, id="test", published="2023-06-05")))
    attack = ("Violence against civilians", "Attack")
    assert (base.event_type, base.sub_event_type) == attack
    villagers = Actor(name="Civilians", text="villagers", inter=7, kind="civilians")
    soldiers = Actor(name="Military Forces", text="soldiers", inter=1, kind="military")
    battle = FixedTyper(Judgement(0.99, (("Battles", "Armed clash", 0.96), (*attack, 0.03))))
    for victims, expected in ((villagers, attack), (soldiers, ("Battles", "Armed clash"))):
        event = replace(base, actor2=victims)
        for summary in (False, True):
            [out] = apply_learned_types(
                [event], battle, Combination(), sentences=1, text=text, summary=summary
            )
            assert (out.event_type, out.sub_event_type) == expected, (victims.text, summary)


def test_an_attack_reading_does_not_replace_a_battle_on_victims_read_as_armed() -> None:
    # ACLED codes the killing of soldiers, police officers or a militia's members as Battles; the
    # classifier, which reads "gunmen shot dead", says Attack and Roles would then make the soldiers
    # civilians
    text = "On 4 June 2023, gunmen shot dead three soldiers manning a checkpoint near Dravik."
    rules = Pipeline(typer="rules")
    base = _event(rules.extract_document(document_from_text(text, id="test", published="2023-06-05")))
    assert (base.event_type, base.sub_event_type) == ("Battles", "Armed clash")
    assert base.actor2 is not None and base.actor2.kind == "military"
    attack = ("Violence against civilians", "Attack")
    reading = FixedTyper(Judgement(0.99, ((*attack, 0.97), ("Battles", "Armed clash", 0.02))))
    for summary in (False, True):
        [out] = apply_learned_types([base], reading, Combination(), sentences=1, text=text, summary=summary)
        assert (out.event_type, out.sub_event_type) == ("Battles", "Armed clash"), summary
        [off] = apply_learned_types(
            [base], reading, Combination(armed_targets=False), sentences=1, text=text, summary=summary
        )
        assert (off.event_type, off.sub_event_type) == attack, summary
    # one man of the forces killed (often off duty, at home: a civilian to ACLED), or men said to be off
    # duty, are the classifier's to read
    for one in (
        "On 4 June 2023, gunmen shot dead a soldier outside his home in Dravik.",
        "On 4 June 2023, gunmen shot dead three off-duty soldiers at a bar in Dravik.",
    ):
        event = _event(rules.extract_document(document_from_text(one, id="test", published="2023-06-05")))
        [out] = apply_learned_types([event], reading, Combination(), sentences=1, text=one, summary=True)
        assert (out.event_type, out.sub_event_type) == attack, one
    # the shipped pipeline end to end: the soldiers stay actor 2
    event = _event(run(text))
    assert (event.event_type, event.sub_event_type) == ("Battles", "Armed clash")
    assert event.actor2 is not None and event.actor2.inter == 1


def test_an_attack_reading_does_not_replace_a_battle_on_an_armed_group_named_alone() -> None:
    # "the army attacked the FDLR": the group's own name is its fighters; "the FDLR commander" is one man
    attack = ("Violence against civilians", "Attack")
    reading = FixedTyper(Judgement(0.99, ((*attack, 0.97), ("Battles", "Armed clash", 0.02))))
    rules = Pipeline(typer="rules")
    for text, want in (
        ("On 4 June 2023, the army attacked the FDLR near Dravik.", ("Battles", "Armed clash")),
        (
            "On 4 June 2023, the army attacked the FDLR and their allies near Dravik.",
            ("Battles", "Armed clash"),
        ),
        ("On 4 June 2023, gunmen shot dead an FDLR commander near Dravik.", attack),
    ):
        event = _event(rules.extract_document(document_from_text(text, id="t", published="2023-06-05")))
        [out] = apply_learned_types([event], reading, Combination(), sentences=1, text=text, summary=True)
        assert (out.event_type, out.sub_event_type) == want, text
    # the shipped pipeline end to end
    event = _event(run("On 4 June 2023, the army attacked the FDLR near Dravik."))
    assert event.event_type == "Battles" and event.actor2 is not None and event.actor2.inter == 2


def test_one_armed_man_killed_in_a_fight_with_the_forces_is_a_side_of_a_battle() -> None:
    # "killed in an encounter with the army": a fight (ACLED's Armed clash), not an attack on a civilian;
    # one soldier shot by gunmen at home stays the classifier's (test above)
    attack = ("Violence against civilians", "Attack")
    reading = FixedTyper(Judgement(0.99, ((*attack, 0.97), ("Battles", "Armed clash", 0.02))))
    rules = Pipeline(typer="rules")
    text = "On 3 June 2023, a suspected rebel was killed in an encounter with the army near Dravik."
    event = _event(rules.extract_document(document_from_text(text, id="t", published="2023-06-05")))
    assert (event.event_type, event.sub_event_type) == ("Battles", "Armed clash")
    [out] = apply_learned_types([event], reading, Combination(), sentences=1, text=text, summary=True)
    assert (out.event_type, out.sub_event_type) == ("Battles", "Armed clash")


def test_a_named_group_of_no_known_kind_attacking_soldiers_fights_a_battle() -> None:
    text = "On 2 June 2023, the KRF attacked an outpost near Dravik, killing five soldiers."
    rules = Pipeline(typer="rules")
    event = _event(rules.extract_document(document_from_text(text, id="t", published="2023-06-05")))
    assert (event.event_type, event.sub_event_type) == ("Battles", "Armed clash")


def test_a_weapon_reading_needs_a_weapon_named_in_the_document() -> None:
    from cronica.extraction.learned import weapons_named
    from cronica.extraction.lexicon import load_lexicon

    text = "On 9 May 2023, troops fired with unspecified weapons on the positions of the rebels near Oska."
    rules = Pipeline(typer="rules")
    base = _event(rules.extract_document(document_from_text(text, id="test", published="2023-05-10")))
    shelling = FixedTyper(
        Judgement(0.99, (("Explosions/Remote violence", "Shelling/artillery/missile attack", 0.97),))
    )
    families = load_lexicon().families
    none = weapons_named(frozenset(text.lower().split()), text, families)
    assert none == frozenset()
    [kept] = apply_learned_types([base], shelling, Combination(), sentences=1, text=text, weapons=none)
    assert (kept.event_type, kept.sub_event_type) == (base.event_type, base.sub_event_type)
    mortars = text.replace("unspecified weapons", "mortars")
    named = weapons_named(frozenset({"troops", "mortar"}), mortars, families)
    assert named == frozenset({"shelling"})
    [moved] = apply_learned_types([base], shelling, Combination(), sentences=1, text=mortars, weapons=named)
    assert moved.event_type == "Explosions/Remote violence"
    assert weapons_named(frozenset(), "a roadside bomb went off", families) >= {"ied"}


#: a short note with no incident word of the rules
REINFORCEMENTS = (
    "On 9 June 2023, reinforcements of the Tawra Brigade, including six armoured vehicles, reached Dravik."
)


def test_the_event_head_decides_and_the_surest_coding_codes_it_however_unsure() -> None:
    # the classifier is sure a note reports an event but spreads its coding (a country it never saw):
    # its surest coding is the event's (its doubt in coded_by), not no event at all
    reading = Judgement(
        0.95,
        (
            ("Strategic developments", "Change to group/activity", 0.35),
            ("Battles", "Armed clash", 0.3),
            ("Violence against civilians", "Attack", 0.2),
        ),
    )
    pipeline = Pipeline(typer=FixedTyper(reading), keep_generic=True)
    result = pipeline.extract_document(document_from_text(REINFORCEMENTS, id="test", published="2023-06-12"))
    event = _event(result)
    assert (event.event_type, event.sub_event_type) == ("Strategic developments", "Change to group/activity")
    assert event.coded_by.startswith("learned classifier: the sentence reports an event (p=0.95)")
    assert "Change to group/activity (p=0.35)" in event.coded_by


def test_an_unsure_event_reading_gives_no_event() -> None:
    reading = Judgement(0.6, (("Strategic developments", "Change to group/activity", 0.9),))
    pipeline = Pipeline(typer=FixedTyper(reading), keep_generic=True)
    result = pipeline.extract_document(document_from_text(REINFORCEMENTS, id="test", published="2023-06-12"))
    assert result.events == ()
