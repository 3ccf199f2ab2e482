"""Which place locates an event or statement.

In: the place mentions of a sentence and the trigger's tokens. Out: the :class:`~cronica.records.Place`
linked by a locative preposition and nearest in the dependency tree, skipping places inside other
clauses (calls, allegations), places of aftermath (hospitals, police stations) and regions when a town
is named; else the nearest preceding place of the story (a dateline counts), else the country.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from cronica.extraction.context import (
    DocContext,
    PlaceMention,
    paragraph_start,
    tree_distance,
)
from cronica.extraction.lexicon import Lexicon
from cronica.fields import replace
from cronica.records import (
    Place,
)


def _inside(region: Place, town: Place) -> bool:
    """True when ``town`` is a place below ``region`` (a region or the country) that contains it:
    "a village near Gwoza, in Borno state" names the town and then the state it lies in."""
    if region.precision != 3 or town is region or town.country_code != region.country_code:
        return False
    if town.precision not in {1, 2} and not (town.contained_in and town.contained_in == region.name):
        return False
    if region.status == "country_only":
        return region.country_code is not None
    return region.admin1 is not None and town.admin1 == region.admin1


def _town_inside(region: Place, towns: list[tuple[float, PlaceMention]]) -> Place | None:
    """The nearest of ``towns`` that ``region`` contains, else None."""
    inside = [(d, m) for d, m in towns if _inside(region, m.place)]
    return min(inside, key=lambda dm: dm[0])[1].place if inside else None


def _path_blocked(tok: Token, anchors: list[Token], blocked: set[int]) -> bool:
    """True when the way up from ``tok`` to every anchor passes a blocked token."""
    ancestors = [tok, *tok.ancestors]
    for anchor in anchors:
        anchor_line = {a.i for a in [anchor, *anchor.ancestors]}
        path = []
        for a in ancestors:
            if a.i in anchor_line:
                break
            path.append(a.i)
        if not any(i in blocked for i in path):
            return False
    return True


def _governing_prep(span: Span, places: frozenset[int] = frozenset()) -> str | None:
    """The preposition that governs ``span`` ("in" of "in Sacaba"), through compounds, appositions and
    conjuncts, and through a modifier of another place (``places``: the token indices of the sentence's
    place mentions): "in La Paz, Bolivia", parsed with the town a modifier of the country, is in."""
    root = span.root
    cur = root
    for _ in range(3):
        if cur.dep_ == "pobj":
            return cur.head.lower_
        if cur.dep_ in {"compound", "appos", "conj", "npadvmod"} or (
            cur.dep_ == "nmod" and cur.head.i in places
        ):
            cur = cur.head
            continue
        break
    return None


_TREATMENT_NOUNS = frozenset({"hospital", "clinic", "morgue", "mortuary"})
#: How far into a document (characters) a place opening it may be its dateline ("BANGKOK —").
_DATELINE_REACH = 120
#: Verbs that take people to a place after the event ("detained at", "held in", "taken to").
_CUSTODY_VERBS = frozenset(
    {
        "detain",
        "hold",
        "take",
        "transfer",
        "bring",
        "keep",
        "send",
        "move",
        "lock",
        "release",
        "admit",
        "treat",
    }
)
_AFTERMATH_NOUNS = frozenset(
    {"hospital", "clinic", "morgue", "mortuary", "station", "court", "prison", "jail", "cell", "custody"}
    | {"judge", "magistrate", "prosecutor", "tribunal"}
)


#: Cues that make a mention where people went or came from ("reach Oruro", "fled to Garissa", "hacia La
#: Paz"): no place of the report for :meth:`PlaceLinker.document_place`.
_MOTION_CUES = frozenset(
    f"prep:{w}"
    for w in (
        "from",
        "to",
        "into",
        "toward",
        "towards",
        "via",
        "reach",
        "reached",
        "entered",
        "left",
        "desde",
        "hacia",
        "hasta",
    )
)

#: How many tokens the place of a coding statement reaches ("(coded as Wajir at geo precision 2)").
_CODING_REACH = 14

_WITNESS_VERBS = frozenset({"see", "witness", "experience", "host", "erupt", "rock", "shake"})


def _aftermath_place(span: Span) -> bool:
    """ "treated at the Ramgarh Sadar hospital", "held at Central Police Station": where victims or
    detainees were taken, not where the event happened (a riot *at* a prison happened there)."""
    doc = span.doc
    following = [t for t in doc[span.end : span.end + 3] if t.pos_ in {"NOUN", "PROPN"}]
    words = {t.lemma_.lower() for t in [*span, *following[:2]]}
    if words & _TREATMENT_NOUNS:
        return True
    before = doc[max(0, span.start - 3) : span.start]  # "a hospital in Bacolod"
    if (
        any(t.lemma_.lower() in _TREATMENT_NOUNS and not _acted_on(t) for t in before)
        and before[-1].pos_ == "ADP"
    ):
        return True
    near = {t.lemma_.lower() for t in before} if len(before) and before[-1].pos_ == "ADP" else set()
    if not (words | near) & _AFTERMATH_NOUNS:  # "... a police station in X", "a judge in X"
        return False
    verb = next((a for a in span.root.ancestors if a.pos_ == "VERB"), None)
    return verb is not None and verb.lemma_.lower() in _CUSTODY_VERBS


def _taken_there(span: Span, anchors: tuple[Token, ...]) -> bool:
    """Whether a verb that takes people somewhere ("taken to a hospital in Kisumu", "detained at a
    station in X") governs ``span``; not one whose object is the event itself ("held a protest near the
    metro station in Minsk")."""
    ids = {a.i for a in anchors}
    for verb in span.root.ancestors:
        if verb.pos_ in {"VERB", "AUX"} and verb.lemma_.lower() in _CUSTODY_VERBS:
            return not any(c.i in ids for c in verb.children if c.dep_ in {"dobj", "obj"})
    return False


def _acted_on(tok: Token) -> bool:
    """Whether a verb's object or subject is the noun ``tok``, not the noun of a phrase after a
    preposition: "residents stormed the hospital in Malindi", "an airstrike hit a clinic in Ariha" (the
    event's target, there) beside "taken to a hospital in Bacolod" (where victims went)."""
    return tok.dep_ in {"dobj", "nsubj", "nsubjpass", "obj"} and tok.head.pos_ in {"VERB", "AUX"}


def _origin_of_person(span: Span) -> bool:
    """ "a meat trader from Ranchi", "students from Kano": where people come from, not where the
    event happened ("fled from Ranchi" and "fired from Ranchi" keep their verb)."""
    root = span.root
    while root.dep_ in {"compound", "appos", "conj"} and root.head.i != root.i:
        root = root.head
    prep = root.head if root.dep_ == "pobj" else None
    return prep is not None and prep.head.pos_ in {"NOUN", "PROPN", "PRON"}


def _verb_between(tok: Token, anchors: list[Token]) -> bool:
    """True when the way up from ``tok`` to each anchor that governs it passes another verb (the place
    belongs to another clause), or no anchor governs it and the way to the root passes one."""
    ids = {a.i for a in anchors}
    for a in tok.ancestors:
        if a.i in ids:
            return False
        if a.pos_ in {"VERB", "AUX"}:
            return True
    return False


def _part_of_place(span: Span, nouns: frozenset[str]) -> bool:
    """ "a suburb of Cochabamba", "the outskirts of Lahore": "of" that locates (``nouns``: the
    language's ``place_part_nouns``)."""
    head = span.root.head.head if span.root.dep_ == "pobj" else None
    return head is not None and head.lemma_.lower() in nouns


def _place_like_role(span: Span, anchors: list[Token], nouns: frozenset[str] = frozenset()) -> bool:
    """A place without a preposition still locates when it modifies the trigger ("the Lahore blast"),
    is the trigger's object or names the place noun that is ("gunmen attacked Kpatakpa village";
    ``nouns``: the language's ``place_part_nouns``) or is the subject of a locative sentence; a place
    inside an adjective ("US-backed") never does."""
    root = span.root
    if any(t.text == "-" for t in span.doc[span.end : span.end + 1]):
        return False
    if root.dep_ in {"compound", "nmod", "amod"} and any(root.head.i == a.i for a in anchors):
        return True
    obj = root
    if root.dep_ == "compound" and root.head.lemma_.lower() in nouns:
        obj = root.head
    if obj.dep_ in {"dobj", "obj"} and any(obj.head.i == a.i for a in anchors):
        return True
    # "air-raids targeted Khartoum - Al Jarif West", "shelling hit Bilohorivka": the object of the verb
    # whose subject is the trigger
    if obj.dep_ in {"dobj", "obj"} and any(
        a.dep_ in {"nsubj", "nsubjpass"} and a.head.i == obj.head.i for a in anchors
    ):
        return True
    # "Belgrade saw its largest rally", "Kabul witnessed protests": the place is the clause's subject
    if root.dep_ == "nsubj" and root.head.lemma_.lower() in _WITNESS_VERBS:
        return any(a.i == root.head.i or root.head in a.ancestors for a in anchors)
    return False


class PlaceLinker:
    """Links the place mentions of a sentence to the triggers and speech verbs they locate (see the
    module docstring); reads the language's locative prepositions and place words from ``lexicon``."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.grammar = lexicon.grammar
        self.locative = lexicon.locative

    def place_for(
        self,
        ctx: DocContext,
        sent: Span,
        anchors: list[Token],
        *,
        exclude: set[int] | None = None,
        blocked: set[int] | None = None,
    ) -> Place | None:
        """The place mention of ``sent`` that locates ``anchors``: governed by a locative preposition,
        nearest in the tree, not inside a clause that reports something else (``blocked`` tokens:
        calls, threats, allegations, other speech)."""
        best: tuple[float, PlaceMention] | None = None
        towns: list[tuple[float, PlaceMention]] = []
        anchor_ids = {a.i for a in anchors}
        loose: list[PlaceMention] = []  # mentions no locative word links, excluded by nothing else
        mentions = ctx.places_in(sent)
        place_tokens = frozenset(i for m in mentions for i in range(m.start, m.end))
        for mention in mentions:
            if exclude and mention.start in exclude:
                continue
            if blocked and _path_blocked(
                ctx.doc[mention.start : mention.end].root, anchors, blocked - anchor_ids
            ):
                continue
            tok = ctx.doc[mention.start]
            prep = _governing_prep(ctx.doc[mention.start : mention.end], place_tokens)
            grammar = self.grammar
            if prep is None and not _place_like_role(
                ctx.doc[mention.start : mention.end], anchors, grammar["place_part_nouns"]
            ):
                loose.append(mention)
                continue
            if prep in grammar["of_preps"] and not _part_of_place(
                ctx.doc[mention.start : mention.end], grammar["place_part_nouns"]
            ):
                loose.append(mention)  # "the main square of San Salvador", "residents of Sacaba"
                continue
            if prep in grammar["from_preps"] and _origin_of_person(ctx.doc[mention.start : mention.end]):
                continue
            if prep in grammar["destination_preps"]:
                continue  # "left the plant for La Paz": where they went
            if _aftermath_place(ctx.doc[mention.start : mention.end]):
                continue
            penalty = self.locative.get(prep or "", 1.5)
            distance = min(tree_distance(tok, a) for a in anchors) + penalty * 2
            if mention.place.precision == 3 and mention.place.status != "resolved":
                distance += 3
            elif mention.place.precision == 3:
                distance += 2  # "in Konduga, in Borno state": the town, not the region
            if best is None or distance < best[0]:
                best = (distance, mention)
            if prep is None or prep in grammar["town_preps"]:
                towns.append((distance, mention))
        if best is None:
            return self._only_place(ctx, loose, anchors)
        # "a patrol in Quamishli city in al-Hasakeh": of the places the words link, the one the text puts
        # inside the best is the event's, whatever the parse attached nearer; not a point no better than
        # the best's ("outside Parliament Buildings in Nairobi": a building the gazetteer lacks is Nairobi)
        # ("raided Solhan, a village in northern Burkina Faso": a name in apposition, which no locative
        # word links, is inside the best by the text's own words, after the linked ones)
        candidates = towns + [(best[0] + 1, m) for m in loose]
        inner = [
            (d, m)
            for d, m in candidates
            if m.within == best[1].start
            and m.place.status == "resolved"
            and m.place.country_code
            and (m.place.precision or 3) <= (best[1].place.precision or 3)
        ]
        if inner:
            return min(inner, key=lambda dm: dm[0])[1].place
        return _town_inside(best[1].place, towns) or best[1].place

    def _only_place(self, ctx: DocContext, loose: list[PlaceMention], anchors: list[Token]) -> Place | None:
        """With no place the grammar links, the one place below the country of the sentence that no rule
        excluded (only the way it is attached is unusual: "the main square of San Salvador", "a Mexico
        City neighbourhood"), when the sentence names no other and no verb stands between it and the
        trigger ("troops cleared the blockade to let fuel trucks reach La Paz": where they went); else
        None."""
        towns = [m for m in loose if m.place.status == "resolved"]
        if len(towns) != 1 or _verb_between(ctx.doc[towns[0].start : towns[0].end].root, anchors):
            return None
        if any(t.text == "-" for t in ctx.doc[towns[0].end : towns[0].end + 1]):
            return None  # "US-backed"
        return towns[0].place

    def sentence_place(
        self,
        ctx: DocContext,
        sent: Span,
        anchors: list[Token],
        *,
        blocked: set[int] | None = None,
        only_one: bool = False,
    ) -> Place | None:
        """A place below the country named in the event's own sentence that no locative word links to
        the event ("clashed in the county assembly of Nairobi", "residents of Kisii protested", "Embu
        University students staged a protest"): where the event happened when nothing before it in the
        story says otherwise, rather than only its country. Not a place the sentence says people were
        taken to or went to, nor one inside a clause that reports something else (``blocked``), nor one
        in another country than the document's, nor one a verb separates from the event ("to let fuel trucks
        reach La Paz", as :meth:`_only_place`) or inside a hyphenated word ("US-backed"); of several, the
        nearest to the event's words in the tree. It comes after the paragraph's and the story's places
        (:meth:`_only_place`, in :meth:`place_for`, takes a sentence's one such place first). With
        ``only_one``, only a sentence's single such place: for a sentence that links only a country
        ("Kitale traders protested ... in Kenya": Kitale; "the Cusco and Arequipa branches ... in Peru":
        Peru)."""
        found: list[tuple[int, Place]] = []
        anchor_ids = {a.i for a in anchors}
        for mention in ctx.places_in(sent):
            place = mention.place
            if place.status != "resolved" or place.precision not in {1, 2, 3} or place.admin1 is None:
                continue
            if ctx.country_code and place.country_code != ctx.country_code:
                continue
            words = ctx.doc[mention.start : mention.end]
            if blocked and _path_blocked(words.root, anchors, blocked - anchor_ids):
                continue
            if _governing_prep(words) in self.grammar["destination_preps"] or _aftermath_place(words):
                continue
            if _verb_between(words.root, anchors) or any(
                t.text == "-" for t in ctx.doc[mention.end : mention.end + 1]
            ):
                continue
            if place.gazetteer_id not in {p.gazetteer_id for _d, p in found}:
                found.append((min(tree_distance(ctx.doc[mention.start], a) for a in anchors), place))
        if not found or (only_one and len(found) > 1):
            return None  # "the Cusco and Arequipa branches went on strike in Peru": Peru
        best = min(found, key=lambda dp: dp[0])[1]
        return replace(
            best,
            reason="no locative words link a place to the event: the place its sentence names; "
            + (best.reason or ""),
        )

    def document_place(
        self,
        ctx: DocContext,
        sent: Span,
        *,
        over_country: bool = False,
        aftermath: tuple[Token, ...] = (),
    ) -> Place | None:
        """Where no words link a place to the event and its sentence names none that the rules let
        stand, the place the whole report names below its country, when all such places lie in one
        first-level division of the report's country (a short report is about one place: "militias from
        Okpanam (Oshimili North LGA, Delta) ... clashed", "the car of a man who was providing food in Sea
        Point (City of Cape Town, Western Cape) was set alight"): the most precise of them, the first
        named. Not a place people were taken or went to, nor a dateline; None when the report's places lie
        in two divisions or more (with ``over_country``, where the sentence links its country, counting the
        towns it names only as words of names, ``ctx.weak_places``). With ``aftermath`` (the event's
        words), the last resort before the country, the place of a hospital, a court or a station counts
        too where no verb takes people there ("staged a rally at the lobby of the general hospital in
        Manila", "held a protest near the metro station in Minsk"; not "two traders, who were taken to a
        hospital in Kisumu")."""
        found: list[PlaceMention] = []
        for mention in ctx.places:
            place = mention.place
            if place.status != "resolved" or place.precision not in {1, 2, 3} or place.admin1 is None:
                continue
            if not ctx.country_code or place.country_code != ctx.country_code or mention.cue == "dateline":
                continue
            if mention.cue in _MOTION_CUES:
                continue  # "to let fuel trucks reach Oruro", "fled to Garissa": where people went
            words = ctx.doc[mention.start : mention.end]
            if _governing_prep(words) in self.grammar["destination_preps"]:
                continue
            if _aftermath_place(words) and (not aftermath or _taken_there(words, aftermath)):
                continue
            found.append(mention)
        divisions = {m.place.admin1 for m in found}
        if over_country:
            # to set aside the country the sentence links, the towns named only as words of names count
            # too: "the Cusco and Arequipa branches went on strike in Peru" names two divisions
            divisions |= {m.place.admin1 for m in ctx.weak_places}
        if not found or len(divisions) != 1:
            return None
        best = min(found, key=lambda m: (m.place.precision or 3, m.start)).place
        return replace(
            best,
            reason="no place words linked to the event: the one division the report's places lie in; "
            + (best.reason or ""),
        )

    def coded_place(self, ctx: DocContext, sent: Span) -> Place | None:
        """The place the note says it was coded at ("near the village of Dokolo Bura (coded as Wajir at
        geo precision 2)", "coordinates for Garissa used", "Location coded to Lodwar."): the first resolved
        place named after a coding cue (``coding_cues``), in the report's country, where the words after
        the cue are place names, level words and ``coding_words`` up to one of ``coding_ends`` (a
        parenthesis, a full stop, "used"/"at"/"with"; "coded as Turkana communal militia" names a group,
        "fatalities coded as 3" no place). The report's one such place; of several, the one of the
        event's sentence. ACLED gives the event that place's coordinates, whatever other names the note
        gives."""
        found = self._coded_places(ctx)
        if len({p.gazetteer_id for _s, p in found}) > 1:
            found = [(s, p) for s, p in found if sent.start <= s < sent.end]
        if not found or len({p.gazetteer_id for _s, p in found}) != 1:
            return None
        place = found[0][1]
        return replace(place, reason="the note says where it was coded; " + (place.reason or ""))

    def _coded_places(self, ctx: DocContext) -> list[tuple[int, Place]]:
        """(token index of the cue, place) for each coding statement of the document that names a place."""
        cues = self.grammar["coding_cues"]
        first = {cue.split(" ", 1)[0] for cue in cues}
        if not any(t.lower_ in first for t in ctx.doc):
            return []
        allowed = self.grammar["coding_words"] | self.grammar["place_part_nouns"]
        doc = ctx.doc
        out: list[tuple[int, Place]] = []
        for i in range(len(doc) - 2):
            if f"{doc[i].lower_} {doc[i + 1].lower_}" not in cues:
                continue
            end = i + 2
            while end < len(doc) and end - i < _CODING_REACH:
                tok = doc[end]
                if tok.text == "," or tok.lower_ in allowed or (tok.is_alpha and tok.text[:1].isupper()):
                    end += 1
                    continue
                break
            if end == i + 2 or (end < len(doc) and doc[end].lower_ not in self.grammar["coding_ends"]):
                continue  # "coded as 3", "coded as Turkana communal militia"
            for mention in ctx.places:
                place = mention.place
                if not i + 2 <= mention.start < end or place.status != "resolved" or place.admin1 is None:
                    continue
                if ctx.country_code and place.country_code != ctx.country_code:
                    continue
                out.append((i, place))
                break
        return out

    def weak_place(
        self, ctx: DocContext, sent: Span, anchors: list[Token], *, sentence_only: bool = False
    ) -> Place | None:
        """Where nothing else places an event, a known name of the focus country that no cue made a place
        (``ctx.weak_places``: "Embu University students staged a protest", "Muranga residents held a
        demonstration", "Al Shabaab invaded Mandera"): of the event's sentence, the nearest to the event's
        words in the tree, not one people were taken or went to; else (unless ``sentence_only``) the
        nearest such name before the sentence in its paragraph. ACLED codes such an event at that town."""
        found: list[tuple[int, Place]] = []
        for mention in ctx.weak_places:
            if not sent.start <= mention.start < sent.end:
                continue
            words = ctx.doc[mention.start : mention.end]
            if _governing_prep(words) in self.grammar["destination_preps"] or _aftermath_place(words):
                continue
            found.append((min(tree_distance(ctx.doc[mention.start], a) for a in anchors), mention.place))
        if sentence_only and (
            len({p.gazetteer_id for _d, p in found}) != 1
            or any(m.place.status == "resolved" and m.place.admin1 for m in ctx.places_in(sent))
        ):
            return None  # "the Cusco and Arequipa branches went on strike in Peru": Peru
        if found:
            best = min(found, key=lambda dp: dp[0])[1]
        else:
            paragraph = paragraph_start(ctx.document.text, sent.start_char)
            before = [
                m for m in ctx.weak_places if m.start < sent.start and ctx.doc[m.start].idx >= paragraph
            ]
            if not before:
                return None
            best = before[-1].place
        return replace(
            best,
            reason="no place words linked to the event: a place named as a word of a name; "
            + (best.reason or ""),
        )

    def preceding_place(self, ctx: DocContext, sent: Span, *, datelines: bool = True) -> Place | None:
        """The nearest resolved place named before ``sent`` in its paragraph, else the document's
        dateline ("jaipur: ...", "BANGKOK —"): where the report was filed, when nothing nearer says."""
        text = ctx.document.text
        paragraph = paragraph_start(text, sent.start_char)
        best = None
        for mention in ctx.places_before(paragraph, sent, _DATELINE_REACH):
            tok = ctx.doc[mention.start]
            if mention.place.status != "resolved":
                continue
            after = tok.i + 1 < len(ctx.doc) and ctx.doc[tok.i + 1].text in {":", "—", "–"}
            opening = tok.idx < _DATELINE_REACH and (mention.start <= 2 or after)
            dateline = mention.cue == "dateline" or opening
            if tok.i >= sent.start and not (dateline and tok.i < sent.end):
                continue
            if tok.idx < paragraph and not dateline:
                continue
            if dateline and (not datelines or (best is not None and best.cue != "dateline")):
                continue  # a place of the paragraph is nearer than the dateline
            if best is not None and tok.i - best.end <= 2 and _inside(mention.place, best.place):
                continue  # "Culiacán, Sinaloa": the town, not the state that qualifies it
            best = mention
        if best is None:
            return None
        return replace(
            best.place, reason="no place words linked to the event: nearest preceding place of the story"
        )

    def country_place(self, ctx: DocContext, reason: str) -> Place:
        if ctx.country_code:
            return Place(
                name=None,
                country=ctx.country,
                country_code=ctx.country_code,
                precision=3,
                status="country_only",
                reason=reason,
            )
        return Place(name=None, status="unresolved", reason=reason + "; no country found in the document")
