"""The event coder: sentences in, :class:`~toneshift.models.Event` objects out.

One :class:`Coder` holds the loaded pieces (spaCy pipeline, actor table, verb lexicon) and codes
parsed sentences. It is built once per process (:meth:`Coder.default`) because loading the parser
dominates start-up; everything after that is dictionary lookups over the parse.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from toneshift import cameo
from toneshift.coding.actors import ActorTable, DocumentResolver, default_actor_table
from toneshift.coding.extract import (
    LOCATIVE_PREPS,
    MAX_CLAUSE_DEPTH,
    SPEECH_VERBS,
    TRANSFER_VERBS,
    Candidate,
    Predicate,
    is_purpose,
    reported_speaker,
    sentence_candidates,
    verb_predicate,
)
from toneshift.coding.issues import find_issues
from toneshift.coding.modality import announced_code
from toneshift.coding.nlp import load_pipeline
from toneshift.coding.parallel import map_chunks
from toneshift.coding.parties import (
    PEOPLE_SECTORS,
    PLACE_NOUNS,
    agent_behind,
    could_be_actor,
    definite,
    identity,
    points_at_someone,
    same_actor,
    unnamed_party,
    weakness,
)
from toneshift.coding.paths import pair_candidates
from toneshift.coding.phrases import PRONOUNS, clause_words, name_tokens, span_text
from toneshift.coding.tone import directed_tone
from toneshift.coding.verbs import VerbLexicon, VerbMatch, demanded_code
from toneshift.models import Actor, Event, IssueTag

COOPERATIVE = frozenset({"AGREE", "CONSULT", "SUPPORT", "COOPERATE", "AID", "CONCEDE", "RETREAT"})
NEGATED_COOPERATION_CODE = "120"  # "did not agree" reads as a rejection
SYMMETRIC = frozenset({"AGREE", "CONSULT", "COOPERATE", "SUPPORT"})
TOPIC_PREPS = frozenset({"on", "about", "over", "regarding", "concerning"})
GENERIC_PROMISE = "030"  # an unknown action promised: intent to cooperate
AID_CODE = "070"  # CAMEO: provide aid, not specified
VISIT_CODE = "042"  # CAMEO: make a visit
MEETING_VERBS = frozenset({"discuss", "talk", "review", "exchange", "explore", "consult"})
AID_LIKE = frozenset({"SUPPORT", "COOPERATE", "CONSULT"})
AID_WORDS = frozenset(
    {"aid", "assistance", "funding", "donation", "grant", "relief", "loan", "contribution"}
)


@dataclass
class SentenceContext:
    """What the coder knows about the sentence being coded; sentence-wide facts (issues,
    countries named) are computed once however many events the sentence holds."""

    sentence: Span
    date: dt.date | None
    offset: int
    article_id: str | None
    _issues: tuple[IssueTag, ...] | None = field(default=None, repr=False)
    _countries: list[tuple[str, int, int]] | None = field(default=None, repr=False)

    def issues(self) -> tuple[IssueTag, ...]:
        """Issue tags of the whole sentence."""
        if self._issues is None:
            lemmas = [t.lemma_.lower() for t in self.sentence]
            self._issues = find_issues(lemmas, [t.lower_ for t in self.sentence])
        return self._issues

    def countries(self, actors: ActorTable) -> list[tuple[str, int, int]]:
        """Countries named in the sentence, with their spans."""
        if self._countries is None:
            self._countries = actors.country_mentions(self.sentence.text)
        return self._countries


class ArticleMemory:
    """Actor memory across the sentences of one article: names through the actor table's
    document resolver (so a bare "Petro" finds the Petro introduced earlier), pronouns through
    the last person named."""

    def __init__(self, resolver: DocumentResolver) -> None:
        self.resolver = resolver
        self.last_person: Actor | None = None

    def resolve(self, text: str) -> Actor | None:
        """Resolve a name and remember it when it is a person."""
        actor = self.resolver.resolve(text)
        if actor is not None and actor.name:
            self.last_person = actor
        return actor


class Coder:
    """Codes parsed text into events with actors, types, tone and issues."""

    def __init__(self, nlp: Language, actors: ActorTable, verbs: VerbLexicon) -> None:
        self.nlp = nlp
        self.actors = actors
        self.verbs = verbs

    @classmethod
    def default(cls, model: str = "") -> Coder:
        """The shared coder of this process, built on first use."""
        return _default_coder(model)

    def with_actors(self, actors: ActorTable) -> Coder:
        """The same coder with another actor table (e.g. extended by user dictionaries)."""
        return Coder(self.nlp, actors, self.verbs)

    # -- public entry points ----------------------------------------------------------------

    def code_text(
        self, text: str, *, date: dt.date | None = None, article_id: str | None = None
    ) -> list[Event]:
        """Code one text (an article or a sentence) into events, in text order."""
        return list(self.code_doc(self.nlp(text), date=date, article_id=article_id))

    def code_doc(
        self,
        doc: Doc,
        *,
        date: dt.date | None,
        article_id: str | None = None,
        offset: int = 0,
        memory: ArticleMemory | None = None,
    ) -> Iterator[Event]:
        """Events of a parsed document; ``offset`` shifts spans when the doc is one paragraph."""
        memory = memory or ArticleMemory(self.actors.document_resolver(date))
        for sentence in doc.sents:
            context = SentenceContext(sentence, date, offset, article_id)
            yield from self.code_sentence(context, memory)

    def code_sentence(self, context: SentenceContext, memory: ArticleMemory) -> list[Event]:
        """Events of one sentence; actor memory in ``resolver`` carries across sentences."""
        events: list[Event] = []
        seen: set[tuple[str, str, str]] = set()
        used_objects: set[int] = set()
        answered: set[tuple[int, int]] = set()
        # a target that is only a role word ("mobilized the troops for a battle against
        # Iraq") answers its action only when no named party does
        weak: dict[tuple[int, int], tuple[Candidate, Event]] = {}

        kept_sources: set[int] = set()

        def keep(candidate: Candidate, event: Event) -> None:
            used_objects.add(candidate.target.i)
            kept_sources.add(candidate.source.i)
            # "agreed to share information": one event, though two predicates carry it
            key = (identity(event.source), identity(event.target), event.cameo)
            if key not in seen:
                seen.add(key)
                events.append(event)

        for candidate in sentence_candidates(context.sentence):
            if candidate.target_prep == "poss" and candidate.target.head.i in used_objects:
                continue  # "invited Colombia's Petro": Petro is the target, not Colombia
            group = (candidate.predicate.head.i, candidate.source.i)
            if group in answered and (
                candidate.last_resort
                or (candidate.target.dep_ != "conj" and not candidate.reciprocal)
            ):
                continue  # one target per action and source, in priority order (and "X and Y")
            if (
                group in weak
                and candidate.target_prep in LOCATIVE_PREPS
                and candidate.predicate.lemma not in TRANSFER_VERBS
            ):
                # "arrested the protesters in Bogota": a place does not outrank them; but
                # "sent troops to the UN force in South Sudan": where they go is the target
                continue
            event = self.candidate_event(candidate, context, memory)
            if event is None:
                continue
            how_weak = weakness(event.target)
            if how_weak and not candidate.reciprocal:
                held = weak.get(group)
                if held is None or how_weak < weakness(held[1].target):
                    weak[group] = (candidate, event)
                continue
            answered.add(group)
            keep(candidate, event)
        for group, (candidate, event) in weak.items():
            if group not in answered:
                keep(candidate, event)
        if (
            not events
            or _main_subject_silent(context.sentence, kept_sources, used_objects)
            or all(weakness(e.target) == 1 for e in events)
        ):
            rescued = self.rescue_event(context, memory)
            if rescued is not None and _dyad(rescued) not in {_dyad(e) for e in events}:
                events.append(rescued)
        return events

    def rescue_event(self, context: SentenceContext, memory: ArticleMemory) -> Event | None:
        """For a sentence whose main subject takes part in no event: that subject toward the
        first party elsewhere in the sentence, linked as in pair mode.

        Parses often hang the target where the extractor does not look ("rejected the appeal
        of an Australian citizen", "stepped up pressure on Iran"); pair mode's path search
        finds the predicate between the two. The party is a name, or a common noun that
        resolves to a coded actor ("the palestinian authorities"); never a thing.
        """
        sentence = context.sentence
        subject = _main_subject(_story_clause(sentence))
        if subject is None:
            return None
        source = self.resolve_actor(subject, memory, role="source")
        if source is None:
            return None
        inside = {t.i for t in subject.subtree}
        heads = [t for t in sentence if t.i not in inside and t.dep_ not in NAME_PARTS]
        # names first; then common nouns, when they resolve to a coded actor ("the palestinian
        # authorities" counts, "the legislation" does not); never in another clause
        for token in [t for t in heads if t.pos_ == "PROPN"] + [
            t for t in heads if t.pos_ == "NOUN"
        ]:
            if _in_other_clause(token, subject):
                continue
            target = self.resolve_actor(token, memory)
            if target is None or same_actor(source, target):
                continue
            if token.pos_ == "NOUN" and target.code is None:
                continue
            for candidate in pair_candidates(sentence, subject, token):
                match = self.classify(candidate.predicate)
                if match is None or not cameo.plover_for(match.cameo):
                    continue
                # "X was freed after Y pardoned him": the act is Y's; but troops "were
                # deployed to help Y" are who acts
                passive = (
                    subject.dep_ == "nsubjpass" and candidate.predicate.lemma not in TRANSFER_VERBS
                )
                if passive:
                    candidate = replace(candidate, source=token, target=subject)
                pair = (target, source) if passive else (source, target)
                event = self.build_event(candidate, match, *pair, context)
                if event is not None:
                    return event
            return None  # the first party only: later ones are seldom the target
        return None

    # -- one candidate ----------------------------------------------------------------------

    def resolve_actor(
        self, head: Token, memory: ArticleMemory, *, role: str = "target"
    ) -> Actor | None:
        """The actor named by the noun phrase headed by ``head`` (pronouns through memory).

        A proper name the actor table does not know is still an actor, with no code: the
        event is kept (analysts see "who"), and its code stays null rather than guessed.
        """
        if head.pos_ == "NUM":  # "awarded US$5 million": an amount, whatever currency
            return None
        speaker = reported_speaker(head)
        if speaker is not None:  # "The Israeli military says it has opened ...", "X said he"
            return self.resolve_actor(speaker, memory, role=role)
        if head.lower_ in PRONOUNS:
            return memory.last_person or Actor(text=head.text)
        text = span_text(name_tokens(head))
        actor = memory.resolve(text)
        if actor is not None and actor.code is not None and actor.code == actor.sector:
            # "a court in Istanbul", "police in Japan": the place says whose role it is
            actor = _placed_role(head, memory) or actor
        if actor is not None and actor.code is not None and actor.code == actor.sector:
            # a role word alone names nobody in particular ("diplomacy", "a ministry") unless
            # it points at someone: "the court", "the prime minister", "activists"
            actor = actor if points_at_someone(head) or actor.sector in PEOPLE_SECTORS else None
        if actor is None and head.lemma_.lower() in PLACE_NOUNS:
            actor = _place_in_phrase(head, memory)
        if actor is None and role == "source":
            # "the missiles fired by the Israeli military", "a car bombing by Islamic State":
            # the thing did nothing; whoever is named behind it did
            behind = agent_behind(head)
            if behind is not None and agent_behind(behind) is None:
                return self.resolve_actor(behind, memory, role=role)  # one step, not a chain
        if actor is None and (could_be_actor(head, role) or unnamed_party(head, role)):
            return Actor(text=text)
        return actor

    def classify(self, predicate: Predicate) -> VerbMatch | None:
        """The CAMEO match of a predicate, from the verb patterns or the event-noun patterns.

        Two fallbacks: a statement whose object is an event noun is that event ("announced
        the deployment of troops"); a promised action the patterns do not know is still a
        promise ("agreed to stage an exercise" → intent to cooperate).
        """
        if predicate.nominal:
            return self.verbs.match_noun(predicate.lemma, prepositions=predicate.prepositions)
        restated = _restated_act(predicate)
        if restated is not None:
            # "reiterated its commitment to support the police": the support itself
            match = self.classify(verb_predicate(restated))
            if match is not None and cameo.plover_for(match.cameo) == "SUPPORT":
                return match  # (a restated commitment to do more, "to collaborate", is intent)
        match = self.verbs.match(
            predicate.lemma,
            object_words=predicate.object_words,
            particle=predicate.particle,
            prepositions=predicate.prepositions,
            complement_verb=predicate.complement,
            complement_words=predicate.complement_words,
        )
        if (match is None or not cameo.plover_for(match.cameo)) and predicate.object_words:
            match = self.verbs.match_noun(predicate.object_words[0]) or match
        if _paid_a_call(predicate):
            # "the delegation called on the party president": a visit; "called on X to
            # resign" (with a complement) stays an appeal
            return VerbMatch(VISIT_CODE, "call on (visit)", 2, 0.6)
        if match is None and predicate.modality == "promised":
            return VerbMatch(GENERIC_PROMISE, "promise", 1, 0.4)
        if (
            match is not None
            and cameo.plover_for(match.cameo) in AID_LIKE
            and AID_WORDS.intersection(predicate.object_words)
        ):
            # "supported economic assistance to the Palestinians", "reinforced its commitment
            # with a contribution of €56 million": what is given makes it aid
            return VerbMatch(AID_CODE, match.pattern, match.specificity, match.confidence)
        return match

    def candidate_event(
        self, candidate: Candidate, context: SentenceContext, memory: ArticleMemory
    ) -> Event | None:
        """Turn a parse candidate into an event, or None when actors or type are unknown."""
        match = self.classify(candidate.predicate)
        if match is None or not cameo.plover_for(match.cameo):
            return None
        if candidate.reciprocal and cameo.plover_for(match.cameo) not in SYMMETRIC:
            return None  # "X and Y criticized Z" says nothing of X toward Y
        if _told_to_act(candidate):
            return None
        if candidate.implied_source and cameo.plover_for(match.cameo) not in AUTHORITY_ACTS:
            return None  # "the deal was signed in Geneva": Geneva did not sign it
        source = self.resolve_actor(candidate.source, memory, role="source")
        target = self.resolve_actor(candidate.target, memory)
        topic = (
            candidate.target_prep in TOPIC_PREPS and cameo.plover_for(match.cameo) in SYMMETRIC
        )  # "signed an agreement on water": what it is about, not whom
        if target is None and (
            (_through_event_noun(candidate, self.verbs) and not topic)
            or _judged_thing(candidate, match)
            or _place_acted_on(candidate, match)
        ):
            # "launched an investigation into the death of ...", "rejected the referendum":
            # what the action falls on
            target = Actor(text=span_text(name_tokens(candidate.target)))
        if source is None or target is None or same_actor(source, target):
            return None
        return self.build_event(candidate, match, source, target, context)

    def build_event(
        self,
        candidate: Candidate,
        match: VerbMatch,
        source: Actor,
        target: Actor,
        context: SentenceContext,
    ) -> Event | None:
        """Assemble the event: type after negation, tone on the clause, issues, provenance."""
        code = effective_code(match.cameo, candidate.predicate.negated)
        if code is None:
            return None
        code = announced_code(code, candidate.predicate.modality)
        if _demanded_of_another(candidate):
            code = demanded_code(code)
        code = peacekeeping_code(code, context)
        kind = cameo.cameo_type(code)
        sentence = context.sentence
        exclude = [*name_tokens(candidate.source), *name_tokens(candidate.target)]
        clause_head = _clause_head(candidate.predicate)
        lemmas, words = clause_words(clause_head, exclude, sentence)
        start = context.offset + sentence.start_char
        return Event(
            source=source,
            target=target,
            cameo=kind.code,
            plover=kind.plover,
            quad_class=kind.quad_class,
            goldstein=kind.goldstein,
            tone=directed_tone(lemmas, words, kind.goldstein),
            date=context.date,
            sentence=sentence.text,
            span=(start, start + len(sentence.text)),
            issues=context.issues(),
            third_parties=self._third_parties(context, source, target),
            trigger=candidate.predicate.head.text,
            confidence=_confidence(match, candidate.predicate, source, target),
            article_id=context.article_id,
            negated=candidate.predicate.negated,
            modality=candidate.predicate.modality,
        )

    def _third_parties(
        self, context: SentenceContext, source: Actor, target: Actor
    ) -> tuple[str, ...]:
        dyad = {source.country, target.country}
        found: list[str] = []
        for code, _start, _end in context.countries(self.actors):
            if code not in dyad and code not in found:
                found.append(code)
        return tuple(found)


def _place_in_phrase(head: Token, memory: ArticleMemory) -> Actor | None:
    """The country a place phrase names somewhere inside it, kept with the whole phrase."""
    clauses = {t.i for c in head.children if c.dep_ in ("relcl", "acl", "advcl") for t in c.subtree}
    tokens = sorted((t for t in head.subtree if t.i not in clauses), key=lambda t: t.i)
    text = span_text(tokens)
    actor = memory.resolve(text)
    if actor is None or actor.country is None:
        return None
    return Actor(text=text, code=actor.country, country=actor.country)


def _placed_role(head: Token, memory: ArticleMemory) -> Actor | None:
    """A role word placed by an "in"/"from" phrase naming a country or city, or None."""
    for prep in head.children:
        if prep.dep_ != "prep" or prep.lower_ not in ("in", "from"):
            continue
        place = next((c for c in prep.children if c.dep_ == "pobj" and c.pos_ == "PROPN"), None)
        if place is None:
            continue
        tokens = sorted([*name_tokens(head), prep, *name_tokens(place)], key=lambda t: t.i)
        text = span_text(tokens)
        actor = memory.resolve(text)
        if actor is not None and actor.country:
            return actor
        # a place the table does not know ("authorities in Wyoming"): a named actor, no code
        return Actor(text=text)
    return None


def _in_other_clause(token: Token, subject: Token) -> bool:
    """True when ``token`` sits in a coordinated clause with a subject of its own ("X
    condemned the talks, and China offered Colombia loans": China is no party to X's act)."""
    clause_of_subject = subject.head
    current = token
    for _ in range(MAX_CLAUSE_DEPTH):
        if current.i == clause_of_subject.i or current.head.i == current.i:
            return False
        if (
            current.dep_ == "conj"
            and current.pos_ in ("VERB", "AUX")
            and any(c.dep_ in ("nsubj", "nsubjpass") for c in current.children)
            and any(c.dep_ == "cc" for c in current.head.children)  # "..., and China ..."
        ):
            return True
        current = current.head
    return False


def _story_clause(sentence: Span) -> Token:
    """The clause that tells what happened: the main one, or for "X did Y, officials said"
    the one said (a speaker named first, "X said Y will ...", keeps the main clause)."""
    root = sentence.root
    if root.lemma_.lower() in ATTRIBUTING_VERBS:
        said = next((c for c in root.children if c.dep_ == "ccomp" and c.i < root.i), None)
        if said is not None and _main_subject(said) is not None:
            return said
    return root


def _main_subject(clause: Token) -> Token | None:
    return next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)


def _main_subject_silent(sentence: Span, sources: set[int], targets: set[int]) -> bool:
    """True when the main clause's subject takes part in none of the sentence's events as
    what it is (the actor, or the one acted on when the clause is passive): "Rumsfeld said
    captured Saddam has refused to ...". Not when the main verb only reports speech:
    "..., officials said" says nothing the officials did."""
    root = sentence.root
    if root.lemma_.lower() in ATTRIBUTING_VERBS:
        return False
    subject = _main_subject(root)
    if subject is None:
        return False
    taking_part = targets if subject.dep_ == "nsubjpass" else sources
    return subject.i not in taking_part


def _dyad(event: Event) -> tuple[str, str]:
    return identity(event.source), identity(event.target)


def _through_event_noun(candidate: Candidate, verbs: VerbLexicon) -> bool:
    """True when the target hangs on a preposition of the verb's event-noun object."""
    target = candidate.target
    if target.dep_ != "pobj" or target.pos_ not in ("NOUN", "PROPN") or target.like_num:
        return False
    noun = target.head.head
    return (
        noun.dep_ == "dobj"
        and noun.head.i == candidate.predicate.head.i
        and verbs.match_noun(noun.lemma_.lower()) is not None
    )


JUDGING_TYPES = frozenset({"ACCUSE", "REJECT", "PROTEST"})


# measures taken over a place: "declared a state of siege in the town"
PLACE_MEASURES = frozenset({"COERCE", "ASSAULT", "MOBILIZE", "SANCTION"})


def _place_acted_on(candidate: Candidate, match: VerbMatch) -> bool:
    """ "declared a state of siege in the town", "imposed a curfew on the district": a
    definite place a coercive measure falls on is its target, when no party is named."""
    target = candidate.target
    return (
        cameo.plover_for(match.cameo) in PLACE_MEASURES
        and target.lemma_.lower() in PLACE_NOUNS - {"state"}  # not "the state of siege"
        and definite(target)
    )


def _judged_thing(candidate: Candidate, match: VerbMatch) -> bool:
    """ "Baghdad rejected the referendum", "condemned the attacks", "boycotted the vote": a
    definite thing that is criticised, rejected or protested is the target (news and the gold
    standards code it so)."""
    target = candidate.target
    return (
        cameo.plover_for(match.cameo) in JUDGING_TYPES
        and target.dep_ == "dobj"
        and target.head.i == candidate.predicate.head.i
        and target.pos_ == "NOUN"
        and definite(target)
    )


def _clause_head(predicate: Predicate) -> Token:
    head = predicate.head
    # a nominal event ("his invitation to Petro") is scored with the verb that governs it
    if predicate.nominal and head.head.pos_ in ("VERB", "AUX"):
        return head.head
    return head


PEACEKEEPING = ("peacekeep", "peace-keep")
PEACEKEEPING_CODE = "074"  # CAMEO: provide military protection or peacekeeping (PLOVER AID)


def peacekeeping_code(code: str, context: SentenceContext) -> str:
    """Troops sent or arriving as peacekeepers are protection given, not a show of force."""
    if not code.startswith(("15", "042", "043")):
        return code
    words = (t.lower_ for t in context.sentence)
    return PEACEKEEPING_CODE if any(w.startswith(PEACEKEEPING) for w in words) else code


def effective_code(code: str, negated: bool) -> str | None:
    """The CAMEO code after negation: negated cooperation is a rejection; negated conflict is
    not an event at all ("did not attack")."""
    if not negated:
        return code
    if cameo.plover_for(code) in COOPERATIVE:
        return NEGATED_COOPERATION_CODE
    return None


def _demanded_of_another(candidate: Candidate) -> bool:
    """True when the action sits in a "must"/"should" clause that the source is not part of:
    "Trump said North Korea must denuclearize" is Trump's demand on North Korea."""
    clause = candidate.predicate.obliged_clause
    return clause is not None and candidate.source.i not in {t.i for t in clause.subtree}


# dependents that are part of a longer name, not a head of their own
NAME_PARTS = frozenset({"compound", "flat", "amod"})

# verbs that attribute a sentence to its source rather than report an act
REPORTING_VERBS = frozenset({"report", "tell", "add", "write", "quote", "cite", "confirm"})
ATTRIBUTING_VERBS = SPEECH_VERBS | REPORTING_VERBS

# what only a place's authorities do to someone held there
AUTHORITY_ACTS = frozenset({"COERCE", "ASSAULT", "CONCEDE", "RETREAT"})


# restating a standing commitment asserts it again; it is no new promise
RESTATING_VERBS = frozenset({"reiterate", "reaffirm", "renew", "restate", "repeat", "reconfirm"})
COMMITMENT_NOUNS = frozenset({"commitment", "support", "pledge", "determination"})


def _restated_act(predicate: Predicate) -> Token | None:
    """The act in "reiterated its commitment to support X" / "to supporting X", or None."""
    if predicate.lemma not in RESTATING_VERBS:
        return None
    for obj in predicate.head.children:
        if obj.dep_ != "dobj" or obj.lemma_.lower() not in COMMITMENT_NOUNS:
            continue
        for child in obj.children:
            if child.dep_ == "acl" and child.pos_ == "VERB":
                return child
            if child.dep_ == "prep" and child.lower_ == "to":
                inner = next((g for g in child.children if g.dep_ == "pcomp"), None)
                if inner is not None and inner.pos_ == "VERB":
                    return inner
    return None


def _paid_a_call(predicate: Predicate) -> bool:
    """ "called on the party president" (and "... to discuss the situation"): a visit, unless
    the call asks something of them ("called on X to resign")."""
    if predicate.lemma != "call" or predicate.prepositions != ("on",) or predicate.object_words:
        return False
    asked = [c for c in predicate.head.children if c.dep_ in ("xcomp", "ccomp") or is_purpose(c)]
    return all(c.lemma_.lower() in MEETING_VERBS for c in asked)


def _told_to_act(candidate: Candidate) -> bool:
    """ "Russia says Israel must end attacks": Israel has done nothing yet; the event is
    Russia's demand (an obligation candidate), not Israel's act."""
    clause = candidate.predicate.obliged_clause
    return (
        clause is not None
        and clause.dep_ == "ccomp"
        and clause.head.lemma_.lower() in SPEECH_VERBS
        and candidate.source.i in {t.i for t in clause.subtree}
    )


def _confidence(match: VerbMatch, predicate: Predicate, source: Actor, target: Actor) -> float:
    score = 0.35 + 0.35 * match.confidence
    score += 0.1 if source.country and target.country else 0.0
    score += 0.1 if min(match.specificity, 2) == 2 else 0.05 * match.specificity
    if predicate.modality != "asserted":
        score -= 0.15
    return round(max(0.05, min(score, 0.99)), 3)


@functools.cache
def _default_coder(model: str) -> Coder:
    return Coder(load_pipeline(model), default_actor_table(), VerbLexicon.default())


def iter_sentences(docs: Iterable[Doc]) -> Iterator[Span]:
    """Every sentence of several docs, in order."""
    for doc in docs:
        yield from doc.sents


def code_texts(
    coder: Coder,
    texts: Sequence[str],
    dates: Sequence[dt.date | None],
    batch_size: int = 256,
    processes: int = 1,
) -> Iterator[list[Event]]:
    """Code many short texts (one list of events per text, same order). With ``processes`` > 1
    (0 = one per core) large inputs are parsed and coded by forked workers."""

    def code_chunk(chunk: Sequence[tuple[str, dt.date | None]]) -> list[list[Event]]:
        docs = coder.nlp.pipe((text for text, _ in chunk), batch_size=batch_size)
        return [
            list(coder.code_doc(doc, date=date)) for doc, (_, date) in zip(docs, chunk, strict=True)
        ]

    pairs = list(zip(texts, dates, strict=True))
    yield from map_chunks(code_chunk, pairs, processes=processes, batch_size=batch_size)
