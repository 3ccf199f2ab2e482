"""Rules read classes of sentences, not one report's words (issue 11, item 9).

Each pair below is a sentence of a gold report (``eval/gold/bolivia.jsonl`` reads
``examples/bolivia-2019-11-20.txt``; ``eval/gold/handwritten.jsonl`` holds its texts) and the same
sentence reworded by hand: synonyms, active and passive voice, word order. The reworded sentence
replaces the original inside its whole report, and the report must keep its coding: every event's
ACLED type, sub-type and deaths, every statement's PLOVER category and every running total.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from functools import cache
from pathlib import Path

import pytest

import cronica
from cronica.records import Extraction

ROOT = Path(__file__).resolve().parents[2]
BOLIVIA = "bolivia-2019-11-20"

#: Pairs that still change the coding, with the reason (known gaps, not hidden).
KNOWN_GAPS = {
    "Police detained more than 150 ": "the original's participle 'demanding' is parsed under "
    "'detained' and becomes a DEMAND by the police; the passive rewording loses that wrong statement",
}

#: (report id, the sentence as the report writes it, the sentence reworded)
PAIRS: list[tuple[str, str, str]] = [
    # --- the Bolivia report (examples/bolivia-2019-11-20.txt)
    (
        BOLIVIA,
        "The Bolivian Ombudsman’s Office reported last night that eight people were killed in a "
        "military-police operation to break up a siege that anti-coup demonstrators had mounted "
        "around the Senkata state-owned gas plant in El Alto.",
        "Last night the Bolivian Ombudsman’s Office said that eight people died in a joint army and "
        "police operation to lift a siege that anti-coup protesters had set up around the state-owned "
        "Senkata gas plant in El Alto.",
    ),
    (
        BOLIVIA,
        "More than 30 others were injured, many from gunfire.",
        "Over 30 others were wounded, many of them by gunfire.",
    ),
    (
        BOLIVIA,
        "“What happened yesterday in Huayllani was not a clash, but police-military repression that "
        "today has left seven people confirmed dead, one about to lose their life, five facing "
        "delicate surgeries and more than one hundred people [injured], most of them from gunfire.”",
        "“What took place yesterday in Huayllani was not a confrontation, but police-military "
        "repression that today has left seven people confirmed dead, one close to losing their life, "
        "five awaiting delicate operations and more than one hundred people [injured], most of them "
        "from gunfire.”",
    ),
    (
        BOLIVIA,
        "“What happened yesterday in Huayllani was not a clash, but police-military repression that "
        "today has left seven people confirmed dead, one about to lose their life, five facing "
        "delicate surgeries",
        "“What happened yesterday in Huayllani was not a clash, but police-military repression that "
        "today has left seven people confirmed dead, one on the verge of losing their life, five facing "
        "delicate surgeries",
    ),
    (BOLIVIA, "Two more have died since.", "Since then two more have died."),
    (
        BOLIVIA,
        "The following day, tens of thousands responded by marching across Cochabamba repudiating "
        "the massacre.",
        "The next day, tens of thousands answered by marching through Cochabamba to repudiate the massacre.",
    ),
    (
        BOLIVIA,
        "This is even after Arturo Murillo, the new interior minister, threatened to persecute and "
        "detain MAS politicians, including Morales.",
        "This is even after the new interior minister, Arturo Murillo, threatened to hunt down and "
        "arrest MAS politicians, Morales among them.",
    ),
    (
        BOLIVIA,
        "It released a statement on November 15 declaring, “We call for the pacification of the "
        "country and a sincere dialogue with all sectors to immediately find a true and honest social "
        "peace among all Bolivians.”",
        "On November 15 it issued a statement saying: “We call for the country to be pacified and for "
        "a sincere dialogue with all sectors to find at once a true and honest social peace among all "
        "Bolivians.”",
    ),
    (
        BOLIVIA,
        "From Mexico, where he sought asylum, Morales has called for a “great national meeting”, "
        "including the coup regime, to “pacify” the country and call new elections.",
        "From Mexico, where he has taken asylum, Morales has urged a “great national meeting”, the "
        "coup regime included, to “calm” the country and hold new elections.",
    ),
    (
        BOLIVIA,
        "On Saturday, the MAS presidents of the Senate and Chamber of Deputies, Eva Copa and Sergio "
        "Choque respectively, stated in a joint press conference: “social movements and other "
        "organizations must abandon their positions.",
        "At a joint press conference on Saturday, the MAS presidents of the Senate and Chamber of "
        "Deputies, Eva Copa and Sergio Choque respectively, stated: “social movements and other "
        "organizations have to give up their positions.",
    ),
    (
        BOLIVIA,
        "As stated by the MAS Senator, Omar Aguilar, “Our goal is to pacify the country, not block the "
        "transitional government of Jeanine Áñez.”",
        "“Our aim is to calm the country, not block the transitional government of Jeanine Áñez,” the "
        "MAS Senator, Omar Aguilar, stated.",
    ),
    (
        BOLIVIA,
        "the COB head, Carlos Huarachi, went further Monday, claiming to be “very worried” by the "
        "decree and asking Áñez to “enter a dialogue with the sectors in conflict.”",
        "Carlos Huarachi, the head of the COB, went further on Monday, saying he was “very worried” by "
        "the decree and asking Áñez to “enter a dialogue with the sectors in conflict.”",
    ),
    (
        BOLIVIA,
        "The latest killings have brought the total number of the coup’s victims to at least 32.",
        "The latest killings have raised the total number of the coup’s victims to at least 32.",
    ),
    (
        BOLIVIA,
        "He added: “I ask those in power and the opposition to shake hands.”",
        "He also said: “I ask the opposition and those in power to shake hands.”",
    ),
    (
        BOLIVIA,
        "Morales, his Movement toward Socialism (MAS) party and the Bolivian Workers Central (COB) are "
        "appealing for an end to the protests",
        "Morales, his Movement toward Socialism (MAS) party and the Bolivian Workers Central (COB) are "
        "calling for an end to the protests",
    ),
    # --- hand-written reports (eval/gold/handwritten.jsonl)
    (
        "ug-kampala-fuel-protest",
        "Ugandan police opened fire on demonstrators protesting against a new fuel levy in Kampala on "
        "Tuesday, killing at least three people and wounding more than 20 others, witnesses and "
        "hospital officials said.",
        "Ugandan police fired on demonstrators protesting a new fuel levy in Kampala on Tuesday, "
        "killing at least three people and injuring more than 20 others, hospital officials and "
        "witnesses said.",
    ),
    (
        "ug-kampala-fuel-protest",
        "Ugandan police opened fire on demonstrators protesting against a new fuel levy in Kampala on "
        "Tuesday, killing at least three people and wounding more than 20 others, witnesses and "
        "hospital officials said.",
        "Witnesses and hospital officials said at least three people were killed and more than 20 "
        "others wounded when Ugandan police opened fire on demonstrators protesting against a new fuel "
        "levy in Kampala on Tuesday.",
    ),
    (
        "so-afgooye-ied",
        "A roadside bomb tore through a minibus carrying passengers near the town of Afgooye, about 30 "
        "kilometers (18 miles) northwest of the capital, on Monday, killing six civilians, including "
        "two women, and wounding four others, police said.",
        "Six civilians, including two women, were killed and four others wounded on Monday when a "
        "roadside bomb ripped through a minibus carrying passengers near the town of Afgooye, about 30 "
        "kilometers (18 miles) northwest of the capital, police said.",
    ),
    (
        "iq-basra-curfew",
        "Iraqi security forces shot dead two protesters and wounded at least 25",
        "Two protesters were shot dead and at least 25 wounded by Iraqi security forces",
    ),
    (
        "ng-kajuru-abduction",
        "Gunmen suspected to be bandits yesterday abducted more than 60 worshippers during a Sunday service",
        "More than 60 worshippers were abducted yesterday by gunmen suspected to be bandits during a "
        "Sunday service",
    ),
    (
        "bd-dhaka-ec-sitin",
        "Police detained more than 150 opposition activists who staged a sit-in",
        "More than 150 opposition activists who staged a sit-in were detained by police",
    ),
    (
        "bf-djibo-ngo-release",
        "Burkinabè soldiers and allied Volunteers for the Defence of the Homeland (VDP) summarily "
        "executed at least 23 civilians, including four children,",
        "At least 23 civilians, including four children, were summarily executed by Burkinabè soldiers "
        "and allied Volunteers for the Defence of the Homeland (VDP)",
    ),
    (
        "ug-kampala-fuel-protest",
        "He denied that officers had used live ammunition and said the deaths were under investigation.",
        "He denied that live ammunition had been used by officers and said the deaths were being "
        "investigated.",
    ),
    (
        "ug-kampala-fuel-protest",
        "The Uganda Law Society said Tuesday's deaths brought the death toll since the protests began "
        "on July 2 to 47.",
        "Tuesday's deaths took the death toll since the protests started on July 2 to 47, the Uganda "
        "Law Society said.",
    ),
    (
        "ng-konduga-suicide-bomb",
        "A second woman carrying explosives was shot dead by members of the Civilian Joint Task Force, "
        "a vigilante group that works with the army, before she could reach a checkpoint near the "
        "market, a vigilante commander told Reuters.",
        "Members of the Civilian Joint Task Force, a vigilante group that works with the army, shot "
        "dead a second woman carrying explosives before she could reach a checkpoint near the market, "
        "a vigilante commander told Reuters.",
    ),
    (
        "co-argelia-clash",
        "The following day, armed men whom residents identified as members of the same front abducted "
        "Luz Dary Muñoz, a community leader, from her home in the town of Argelia.",
        "The following day, armed men whom residents identified as members of the same front kidnapped "
        "Luz Dary Muñoz, a community leader, from her house in the town of Argelia.",
    ),
    (
        "mm-kanbalu-airstrike",
        "Myanmar military jets bombed a village in Kanbalu township in the central Sagaing region on "
        "Wednesday, killing at least 17 people including five children, residents and a local "
        "resistance group said.",
        "Myanmar military jets bombed a village in Kanbalu township in the central Sagaing region on "
        "Wednesday, killing at least 17 people among them five children, a local resistance group "
        "and residents said.",
    ),
    (
        "mm-kanbalu-airstrike",
        "Fighters of a local People's Defence Force (PDF) had clashed with junta troops near the "
        "village on Tuesday, according to the group, which did not give casualty figures.",
        "According to the group, which gave no casualty figures, fighters of a local People's Defence "
        "Force (PDF) had clashed with junta troops near the village on Tuesday.",
    ),
    (
        "bf-djibo-ngo-release",
        "The Observatory called on the transitional authorities to open an independent investigation",
        "The Observatory urged the transitional authorities to open an independent investigation",
    ),
    (
        "ke-nairobi-finance-bill",
        "In Mombasa, some 500 traders marched peacefully to the county offices to protest against new "
        "levies on small businesses.",
        "Some 500 traders marched peacefully to the county offices in Mombasa to protest new levies on "
        "small businesses.",
    ),
    (
        "ke-nairobi-finance-bill",
        "Kenya Union of Public Transport Workers secretary-general Joseph Mwangi called on matatu "
        "operators across the country to down tools on Thursday if the Bill is passed in its current "
        "form.",
        "Kenya Union of Public Transport Workers secretary-general Joseph Mwangi urged matatu "
        "operators across the country to down tools on Thursday if the Bill is passed in its current "
        "form.",
    ),
    (
        "ge-tbilisi-liveblog",
        "riot police used water cannon and pepper spray last night to clear demonstrators who had "
        "blocked the entrance to parliament on Rustaveli Avenue in Tbilisi.",
        "riot police fired water cannon and pepper spray last night to clear demonstrators who had "
        "blocked the entrance to parliament on Rustaveli Avenue in Tbilisi.",
    ),
    (
        "sn-dakar-arrest-riots",
        "In Ziguinchor, the southern city where Ndiaye is mayor, two young men were killed in clashes "
        "with security forces, according to hospital sources.",
        "According to hospital sources, two young men were killed in clashes with security forces in "
        "Ziguinchor, the southern city where Ndiaye is mayor.",
    ),
    (
        "sn-dakar-arrest-riots",
        "The government spokesman appealed for calm.",
        "The government spokesman called for calm.",
    ),
    (
        "in-ramgarh-lynching",
        "A 35-year-old man was beaten to death by a mob in a village in Jharkhand's Ramgarh district on "
        "Sunday night on suspicion of transporting beef, police said on Monday.",
        "A mob beat a 35-year-old man to death in a village in Jharkhand's Ramgarh district on Sunday "
        "night on suspicion of transporting beef, police said on Monday.",
    ),
    (
        "so-afgooye-ied",
        "He blamed al-Shabab, the al-Qaida-linked extremist group",
        "He blamed the attack on al-Shabab, the al-Qaida-linked extremist group",
    ),
    (
        "ng-kajuru-abduction",
        "Gunmen suspected to be bandits yesterday abducted more than 60 worshippers during a Sunday "
        "service at a Baptist church",
        "Gunmen believed to be bandits yesterday kidnapped more than 60 worshippers during a Sunday "
        "service at a Baptist church",
    ),
    (
        "iq-basra-curfew",
        "Basra governor Khalid al-Mansouri imposed a 24-hour curfew across the city early Tuesday.",
        "Early Tuesday, Basra governor Khalid al-Mansouri imposed a 24-hour curfew across the city.",
    ),
    (
        "pe-puno-emergency",
        "On Friday, about 2,000 protesters blocked the Independencia bridge in Juliaca, the region's "
        "largest city, for more than ten hours.",
        "About 2,000 protesters blocked the Independencia bridge in Juliaca, the region's largest city, "
        "for over ten hours on Friday.",
    ),
    (
        "pe-puno-emergency",
        "Rosa Mamani, president of the Puno Regional Agrarian Federation, rejected the decree",
        "The president of the Puno Regional Agrarian Federation, Rosa Mamani, rejected the decree",
    ),
]


@cache
def _report(doc_id: str) -> tuple[str, str]:
    """The report's text and publication date."""
    if doc_id == BOLIVIA:
        gold = json.loads((ROOT / "eval" / "gold" / "bolivia.jsonl").read_text(encoding="utf-8"))
        return (ROOT / "examples" / "bolivia-2019-11-20.txt").read_text(encoding="utf-8"), gold["published"]
    for line in (ROOT / "eval" / "gold" / "handwritten.jsonl").read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        if record["id"] == doc_id:
            return record["text"], record["published"]
    raise KeyError(doc_id)


def _coding(result: Extraction) -> Counter[tuple[object, ...]]:
    """What a coder would compare: type, sub-type and deaths of each event, each statement's
    PLOVER category, each running total's value."""
    out: Counter[tuple[object, ...]] = Counter()
    for e in result.events:
        out[("event", e.event_type, e.sub_event_type, e.fatalities)] += 1
    for s in result.statements:
        out[("statement", s.plover)] += 1
    for t in result.tallies:
        out[("tally", t.value)] += 1
    return out


@cache
def _original_coding(doc_id: str) -> Counter[tuple[object, ...]]:
    text, published = _report(doc_id)
    return _coding(cronica.extract(text, published=published))


def _replace(text: str, original: str, reworded: str) -> str:
    """``text`` with ``original`` (matched across the report's line breaks) replaced."""
    pattern = r"\s+".join(re.escape(w) for w in original.split())
    new, n = re.subn(pattern, lambda _m: reworded, text)
    assert n == 1, f"the sentence is not (once) in the report: {original[:60]}"
    return new


def _params() -> list[object]:
    out: list[object] = []
    for d, o, r in PAIRS:
        gap = KNOWN_GAPS.get(o[:30])
        marks = [pytest.mark.xfail(reason=gap, strict=True)] if gap else []
        out.append(pytest.param(d, o, r, id=f"{d}:{o[:30]}", marks=marks))
    return out


@pytest.mark.parametrize(("doc_id", "original", "reworded"), _params())
def test_a_reworded_sentence_keeps_the_report_coding(doc_id: str, original: str, reworded: str) -> None:
    text, published = _report(doc_id)
    result = cronica.extract(_replace(text, original, reworded), published=published)
    assert _coding(result) == _original_coding(doc_id)


def test_there_are_enough_pairs_from_both_gold_sets() -> None:
    assert len(PAIRS) >= 25
    assert sum(d == BOLIVIA for d, _, _ in PAIRS) >= 10
    assert len({d for d, _, _ in PAIRS if d != BOLIVIA}) >= 10


# --- the general mechanisms that replaced rules keyed to one report's words


def test_near_future_and_near_miss_cues_keep_a_trigger_from_happening() -> None:
    for cue in ("about to lose", "close to losing", "on the verge of losing", "at risk of losing"):
        result = cronica.extract(
            f"One protester was {cue} his life in Kisumu on Monday.", published="2024-07-02"
        )
        assert not any(e.fatalities for e in result.events), cue
    happened = cronica.extract("One protester lost his life in Kisumu on Monday.", published="2024-07-02")
    assert [e.fatalities for e in happened.events] == [1]


def test_a_verb_of_violence_whose_result_is_death_kills_and_a_sentence_does_not() -> None:
    beaten = cronica.extract(
        "A mob beat a 40-year-old trader to death in a market in Kano on Friday, police said.",
        published="2024-03-02",
    )
    assert [(e.sub_event_type, e.fatalities) for e in beaten.events] == [("Mob violence", 1)]
    sentenced = cronica.extract(
        "A court in Lahore sentenced two men to death on Monday.", published="2024-03-05"
    )
    assert not any(e.fatalities for e in sentenced.events)


def test_organisation_kinds_come_from_the_head_noun_of_the_full_name() -> None:
    from cronica.extraction.actors import organisation_kind
    from cronica.extraction.lexicon import load_lexicon

    heads = load_lexicon().organisations
    countries = {"bolivian": "Bolivia", "colombia": "Colombia", "myanmar": "Myanmar"}.get
    kinds = {
        "Central Bank": None,
        "Bolivian Workers’ Central": "union",
        "Movement toward Socialism": "party",
        "Farabundo Martí National Liberation Front": None,
        "Chamber of Deputies": "government",
        "Bolivian Army": "military",
        "Armed Forces of Colombia": "military",
        "Arakan Army": "rebels",
        "National Liberation Army": "rebels",
        "The Bolivian Ombudsman's Office": "institution",
    }
    assert {name: organisation_kind(name, heads, countries) for name in kinds} == kinds
    spanish = load_lexicon(language="es").organisations
    assert organisation_kind("Banco Central", spanish) is None
    assert organisation_kind("Central Obrera Boliviana", spanish) == "union"


def test_a_speech_verb_category_comes_from_the_verb_not_from_a_reports_words() -> None:
    result = cronica.extract(
        'Senator Ana Quispe said on Monday: "Our goal is to pacify the country."', published="2024-03-05"
    )
    assert [s.plover for s in result.statements] == [""]
    urged = cronica.extract(
        "From Lima, the former president urged a national dialogue on Monday.", published="2024-03-05"
    )
    assert [s.plover for s in urged.statements] == ["REQUEST"]


def test_what_a_charge_alleges_is_no_event_told_here() -> None:
    for sentence in (
        'Two of them are due in court on charges of "obstructing traffic".',
        "Two of them were charged with rioting at the governorate.",
        "A court later convicted two of them of attacking a police station.",
    ):
        result = cronica.extract(
            f"Police detained six protesters in Thala on Monday. {sentence}", "2024-02-14"
        )
        assert [e.sub_event_type for e in result.events if e.event_type != "Strategic developments"] == [], (
            sentence
        )
    fought = cronica.extract(
        "On Monday police in Thala charged the crowd, firing tear gas at protesters.", published="2024-02-14"
    )
    assert "Protest with intervention" in {e.sub_event_type for e in fought.events}


def test_people_in_apposition_to_a_subject_are_counted_by_its_verb() -> None:
    # the parser makes a dateline the subject and the victims its apposition; or the text does so itself
    for text in (
        "MOGADISHU, Somalia (AP) — Six civilians were killed on Monday when a roadside bomb hit a minibus "
        "near Afgooye, police said.",
        "The victims, six civilians, were killed on Monday when a roadside bomb hit a minibus near "
        "Afgooye, police said.",
    ):
        result = cronica.extract(text, published="2024-03-05")
        assert [e.fatalities for e in result.events] == [6], text
    # an age in apposition to a name is no count
    aged = cronica.extract(
        "Police fired tear gas at a march in Pujilí on Wednesday. Juan Pérez, 41, a farmer, was hit in the "
        "head by a canister and died.",
        published="2024-06-28",
    )
    assert all(e.fatalities != 41 for e in aged.events)
