"""Scoring the passages' sentences against the question: content words (idf-weighted, Swedish stems,
everyday phrases as groups of report words) and the embedder's sentence similarity; and picking the
best sentence with the ones that belong with it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from ..catalog import PLAN_KINDS
from ..models import DocumentMeta, Passage, Query
from ..retrieve import asks_outcome, matching_docs, prefers_reports, reports_of_kind_and_year
from ..sentences import is_chart_axis, is_page_furniture, split_sentences
from ..swedish import NUMBER_RE, NUMBER_WORD_RE, synonym_matches
from ..tokenize import tokenize, unseen_word_parts
from .patterns import (ASKS_COUNT, LIST_CHARS, LIST_ITEMS, _ANAPHORIC, _ASKS_CONTROL, _FRAME, _in_compound,
                       _only_names_the_report, _token_set, is_flattened_table, is_numeric_question)


SEM_FLOOR, SEM_RANGE = 0.78, 0.12  # e5 cosine: ~0.80 unrelated, ~0.90 a close paraphrase
LEX_WEIGHT = 0.5
RANK_DECAY = 0.1  # how much a sentence's passage rank lowers its score
MAX_SENTENCES = 4  # sentences quoted for one answer
RUNNER_UP = 0.4  # further sentences must score this share of the best one
OTHER_KIND_PRIOR = 0.4  # a sentence of another kind of report than the one the question names
COMPOUND_SHARE = 0.5  # a question word met only inside a compound of the sentence counts this much
MIN_SCORE = 0.35  # below this no sentence is taken as support
LEX_QUALIFIES = 0.6  # ... unless it names this share of the question's concepts
SENTENCE_PASSAGES = 8  # how many top passages the answer may quote from
GLOBAL_SENTENCES = 6  # plus the passages of this many best sentences over the whole index
TABLE_PENALTY = 0.6  # a flattened table line rarely answers a question that asks for no figure
PLAN_FOR_OUTCOME = 0.75  # a plan's sentence, when the question asks what happened
CONTROL_PRIOR = 0.6  # an internal control's row, when the question is not about internal control
PHRASE_SHARE = 0.15  # added to a sentence's word match for the question's words side by side, in its order
RECENCY = 0.2  # how much more the latest report's sentence weighs than the oldest's when no year is asked
_YEAR_SPAN = re.compile(r"(?<!\d)(20\d\d)(?:\s?[-–]\s?(20\d\d))?(?!\d)")  # '2023', '2023–2025'
# A year named as the baseline of a change ('ökat något jämfört med 2024') is not the year spoken of.
_BASELINE_YEAR = re.compile(r"\b(?:jämfört (?:med|mot)|i jämförelse med|mot|än|sedan|från)\s+"
                            r"(?:(?:samma|motsvarande)\s+(?:period|tid|månad|tertial|kvartal)\s+)?(?:år\s+)?20\d\d\b", re.I)
# A figure given for the year before the report's own: '35, jämfört med 42 föregående år', 'förra året
# var den 3,7 %' (not 'en ökning med 146 miljoner jämfört med föregående år', a change).
_YEAR_BEFORE_WORDS = r"(?:föregående år|förra året|året innan|året före|fjolåret)"
_YEAR_BEFORE = re.compile(rf"(?<!ökning med )(?<!minskning med )\b\d[\d ]*(?:,\d+)?\s*(?:%|procent|mnkr|mkr|tkr|miljoner kronor|"
                          rf"miljoner|kronor)?\s+(?:under\s+|för\s+)?{_YEAR_BEFORE_WORDS}|"
                          rf"\b{_YEAR_BEFORE_WORDS}\s+(?:\w+\s+){{0,3}}?\d", re.I)


_DEFINITE_SUBJECT = re.compile(r"([A-ZÅÄÖ][a-zåäö]{3,}(?:et|en))\s+[a-zåäö]")


def _names_back(previous: str, text: str) -> bool:
    """'Regionstyrelsen beslutade i april … / Beslutet avsåg …': a sentence whose subject names, in
    the definite form, what the sentence before it did or proposed goes on about the same thing."""
    m = _DEFINITE_SUBJECT.match(text)
    # (One that announces a list, 'Budgetavvikelsen beror främst på', is quoted with its items or not at all.)
    if not m or not text.rstrip().endswith((".", "!", "?")):
        return False
    word = m.group(1).casefold()
    said = re.findall(r"\w+", previous.casefold())
    return word not in said and bool(set(tokenize(word, heads=False)) & _token_set(previous))


# A sentence that sets a target: what was reached is told in the sentence after it.
_TARGET = re.compile(r"^(?:målsättningen|målet|målvärdet|ambitionen)\b", re.I)


@lru_cache(maxsize=100_000)
def _word_pairs(text: str) -> frozenset[tuple[str, str]]:
    """Each stem with the next one ('försäljning av tjänster' -> ('försäljning', 'tjänst'); stopwords
    between them do not count)."""
    stems = tokenize(text, heads=False)
    return frozenset(zip(stems, stems[1:]))


@dataclass
class _Sentence:
    text: str
    passage: int  # index into passages
    lex: float
    sem: float
    score: float
    has_number: bool
    doc_id: str = ""  # the report it stands in


# 'enligt bokslutet för 2020': staff's name for the annual report the answer comes from, not a word
# the answer must say ('Bokslut 2020' heads the figure columns of every table).
_CITES_THE_ACCOUNTS = re.compile(r"\b(?:enligt|i) (?:\w+s )?bokslut(?:et|ets)?(?: för (?:år )?20\d\d)?\b", re.I)


class SentenceScoring:
    """Part of ExtractiveAnswerer (see compose.py); its methods use the answerer's state and each other's."""

    def _with_sentence_hits(self, query: Query, passages: list[Passage], qv: np.ndarray, limit: int,
                            top: int | None = None, only_docs: set[str] | None = None) -> list[Passage]:
        """The retrieved passages plus the passages of the sentences most similar to the question,
        searched over every sentence of the allowed reports: a short answer can hide in a long chunk."""
        base = passages[:limit]
        top = self.global_sentences if top is None else top
        if not len(self.sentence_chunk) or top <= 0:
            return base
        allowed = only_docs if only_docs is not None else matching_docs(self.docs_by_name, query)
        if only_docs is None and query.kinds:
            # 'enligt årsrapporten 2025': a sentence of the plan is no hit, where a report of that kind exists.
            of_kind = {d for d, m in self.index.metas.items() if m.kind in query.kinds and (allowed is None or d in allowed)}
            # 'i årsredovisningen 2023': nor is a sentence of that kind's report of another year.
            of_year = of_kind & (reports_of_kind_and_year(self.index.metas, query) or of_kind)
            allowed = of_year or of_kind or allowed
        rows: np.ndarray | None = None  # the sentences searched; None: all of them
        if allowed is None and prefers_reports(self.mixed_corpus, query):
            rows = self.report_sentence_rows
        elif allowed is not None:
            keep = np.zeros(len(self.doc_number), bool)
            keep[[self.doc_number[d] for d in allowed if d in self.doc_number]] = True
            rows = np.nonzero(keep[self.sentence_doc])[0]
        # Only the allowed sentences are scored: with thousands of other documents indexed this is
        # the difference between one small matrix product and one over every sentence.
        sims = (self.index.sentence_vectors if rows is None else self.index.sentence_vectors[rows]) @ qv
        seen = {p.chunk.id for p in base}
        extra: list[Passage] = []
        for j in np.argsort(-sims)[: top * 3]:
            row = j if rows is None else rows[j]
            chunk = self.index.chunks[self.sentence_chunk[row]]
            if chunk.id in seen or sims[j] <= 0:
                continue
            seen.add(chunk.id)
            extra.append(Passage(chunk=chunk, meta=self.index.metas[chunk.doc_id], score=0.0))
            if len(extra) >= top:
                break
        return base + extra

    def _content_stems(self, text: str, heads: bool = True) -> list[str]:
        """The stems of `text` that say what is asked about: no question frame ('hur', 'status'), no
        organisation's name, no year."""
        text = _CITES_THE_ACCOUNTS.sub(" ", text)
        return [t for t in tokenize(text, heads=heads) if t not in _FRAME and t not in self.org_tokens
                and not re.fullmatch(r"20\d\d", t)]

    def _idf(self, query: Query) -> dict[str, float]:
        return self.report_idf if prefers_reports(self.mixed_corpus, query) else self.all_idf

    def _concepts(self, query: Query) -> list[tuple[frozenset[str], float]]:
        """What a supporting sentence must mention: each content word of the question, and for each
        everyday phrase a group of report words any one of which will do ('plus' ~ 'överskott')."""
        idf = self._idf(query)
        matches = synonym_matches(query.text)
        # The question's own word for a concept counts as one of its alternatives, not as a concept of
        # its own, and neither do its compound parts: 'personalomsättningen' is 'personalrörlighet',
        # not 'personal'.
        unmatched = query.text
        for w, _ in matches:
            unmatched = unmatched.replace(w, " ") if w else unmatched
        groups = [frozenset(tokenize(g, heads=False)) | frozenset(tokenize(w, heads=False)) for w, g in matches]
        own = self._content_stems(unmatched)
        concepts = [(frozenset({t}), idf[t]) for t in dict.fromkeys(own) if t in idf
                    and not any(t in g for g in groups)]
        # A compound the reports never use counts by its parts ('tandvårdsbeställningen').
        parts = [t for t in unseen_word_parts(unmatched, idf) if t not in own and t not in _FRAME]
        concepts += [(frozenset({t}), idf[t]) for t in parts if not any(t in g for g in groups)]
        if not groups:
            concepts += [(frozenset({t}), 0.5) for t in dict.fromkeys(own) if t not in idf]
        for g in groups:
            known = [idf[t] for t in g if t in idf]
            if known:
                concepts.append((g, min(3.0, sum(known) / len(known))))
        # A unit's abbreviation stands for its name (the unit column writes 'CA', running text
        # 'Centrum för administration'): each word of the name the question writes may also be met
        # by the abbreviation.
        for _, words, abbreviation in query.units:
            short, named = frozenset(tokenize(abbreviation)), set(tokenize(words, heads=False))
            concepts = [(alts | short, w) if alts & named else (alts, w) for alts, w in concepts]
        return concepts

    @staticmethod
    def _support(concepts: list[tuple[frozenset[str], float]], text: str, extra: set[str] = frozenset()) -> float:
        """Weighted share of the question's concepts that the text (plus `extra` tokens) mentions."""
        if not concepts:
            return 0.0
        present = _token_set(text) | extra
        got = 0.0
        for alts, w in concepts:
            if alts & present:
                got += w
            elif _in_compound(alts, present):
                got += COMPOUND_SHARE * w
        return got / sum(w for _, w in concepts)

    def _sentence_similarity(self, passage: Passage, count: int, qv: np.ndarray) -> np.ndarray:
        """Cosine of question and each sentence of the passage (0 where a sentence has no vector)."""
        pos = self.position.get(passage.chunk.id)
        if pos is None:
            return np.zeros(count)
        lo, hi = self.index.sentence_offsets[pos], self.index.sentence_offsets[pos + 1]
        if hi - lo != count:
            return np.zeros(count)
        return self.index.sentence_vectors[lo:hi] @ qv

    def _covers_year(self, meta: DocumentMeta, text: str, query: Query) -> bool:
        """Never a figure from another year: the report covers the asked year, or the sentence names it."""
        if not query.years:
            return True
        named = {str(y) for a, b in _YEAR_SPAN.findall(text) for y in range(int(a), max(int(a), int(b or a)) + 1)}
        asked = {str(y) for y in query.years}
        covered = meta.covered_years
        if covered & set(query.years):
            # A plan covers several years; a line that labels its figures with other years
            # ('Ram 2022 Ram 2023', 'HME-index 80 (2021)') holds none for the asked one. Nor does a
            # report's sentence about last year only ('Sjukfrånvaron 2024 var 3,7 %' asked for 2025).
            # (What it says of a later year is still said in the asked one: 'resterande … 2026'.)
            own = {y for a, b in _YEAR_SPAN.findall(_BASELINE_YEAR.sub("", text))
                   for y in range(int(a), max(int(a), int(b or a)) + 1)}
            return not own or bool(named & asked) or (len(covered) == 1 and max(own) > min(query.years))
        # A report's 'jämfört med 42 föregående år' states the year before its own.
        if meta.year and meta.year - 1 in query.years and _YEAR_BEFORE.search(text):
            return True
        # Another year's report may state a figure for the asked year, but a run of column years
        # ('2020 2021 2022 2023') is a table axis, not such a statement.
        return bool(named & asked) and len(named) < 3

    def _sentences(self, query: Query, passages: list[Passage], qv: np.ndarray, limit: int
                   ) -> list[_Sentence]:
        weights = self._concepts(query)
        numeric = query.intent in ("number", "compare") or is_numeric_question(query.text)
        # 'Hur många …' is also answered by a count written out ('tre nya vårdcentraler').
        asks_count = ASKS_COUNT.search(query.text) is not None
        # What happened ('gick', 'gjorde', 'blev') is told by an outcome report; a plan only intends it.
        outcome = asks_outcome(query.text) and not any(k in PLAN_KINDS for k in query.kinds)
        out = []
        # (An internal control names a topic it checks, 'att medarbetarna genomgått … utbildning', and
        # says nothing of how the topic stands.)
        control_prior = 1.0 if _ASKS_CONTROL.search(query.text) else CONTROL_PRIOR
        # 'enligt förvaltningsplanen': where passages of the kind named are at hand, another kind's
        # sentence answers only if none of them does.
        # (A plan named for a year it does not cover is an older one, not indexed: 'i förvaltningsplanen … 2020'.)
        named_kind = bool(query.kinds) and any(
            p.meta.kind in query.kinds and (not query.years or p.meta.covered_years & set(query.years))
            for p in passages)
        # The question's words as a phrase ('lämnade bidrag', 'extra personal'): a sentence that has two of
        # them side by side in the same order says that thing, not only words of it.
        own = self._content_stems(query.text, heads=False)
        phrases = frozenset((a, b) for a, b in zip(own, own[1:]) if a != b)
        for i, p in enumerate(passages):
            # What kind of passage it is and which report it comes from weigh before the words do.
            source_prior = control_prior if p.chunk.kind == "control" else 1.0
            if named_kind and p.meta.kind not in query.kinds:
                source_prior *= OTHER_KIND_PRIOR
            if outcome and p.meta.kind in PLAN_KINDS:
                # Of a year it plans for, a plan holds no outcome at all; of the years before, it may
                # state the starting point ('6,7% (2021)').
                planned = p.meta.covered_years
                source_prior *= 0.0 if query.years and set(query.years) <= planned else PLAN_FOR_OUTCOME
            f = p.chunk.fields
            context = " ".join(str(x) for x in (p.chunk.section, f.get("indikator", ""), f.get("code", ""),
                                                 f.get("ansvarig", "")))
            context_tokens = set(tokenize(context))
            texts = split_sentences(p.chunk.text)
            dense = self._sentence_similarity(p, len(texts), qv)
            for s, d in zip(texts, dense):
                lex = max(self._support(weights, s), 0.7 * self._support(weights, s, context_tokens))
                if phrases:
                    lex += PHRASE_SHARE * len(phrases & _word_pairs(s)) / len(phrases)
                sem = float(np.clip((d - self.sem_floor) / self.sem_range, 0, 1)) if d else 0.0
                prior = 1.0 / (1.0 + self.rank_decay * (i if i < limit else limit // 2))
                score = (self.lex_weight * lex + (1 - self.lex_weight) * sem) * prior * source_prior
                if not self._covers_year(p.meta, s, query) or is_chart_axis(s) or is_page_furniture(s) \
                        or _only_names_the_report(s, p.meta):
                    score = 0.0
                elif not numeric and is_flattened_table(s):
                    score *= TABLE_PENALTY
                has_number = bool(re.search(r"\d", s)) and bool(NUMBER_RE.search(s)) or \
                    asks_count and bool(NUMBER_WORD_RE.search(s))
                out.append(_Sentence(s, i, lex, sem, score, has_number, p.chunk.doc_id))
        return self._latest_first(query, passages, out)

    def _latest_first(self, query: Query, passages: list[Passage], sentences: list[_Sentence]) -> list[_Sentence]:
        """No year asked: of the sentences that mention the question's words best, the latest report's
        weigh more ('Vad är sjukfrånvaron?' means now). A closer match in an older report still wins."""
        years = [p.meta.year for p in passages if p.meta.year]
        if query.years or query.kinds or not sentences or not years or min(years) == max(years):
            return sentences
        oldest, newest = min(years), max(years)
        top_lex = max(s.lex for s in sentences)
        for s in sentences:
            year = passages[s.passage].meta.year
            if year and top_lex > 0 and s.lex >= top_lex - 1e-9:
                s.score *= 1.0 + self.recency * (year - oldest) / (newest - oldest)
        return sentences

    def _shares_vocabulary(self, query: Query) -> bool:
        """At least one word of the question (not only numbers) occurs in the reports."""
        idf = self._idf(query)
        return any(re.search(r"[a-zåäö]", t) and t in idf for alts, _ in self._concepts(query) for t in alts)

    def _best(self, sentences: list[_Sentence], want_number: bool = False, exclude: frozenset[str] = frozenset(),
              bonus=None) -> _Sentence | None:
        min_score = self.min_score
        best, best_score = None, 0.0
        for s in sentences:
            # A figure is taken only from a sentence that names something asked, not from one that
            # is merely like the question ('Vakanser … har uppstått' for 'personalomsättningen').
            # (Only a sentence good enough by itself competes: a bonus ranks, it does not qualify.)
            # (Most of what the question names, said in few words, qualifies however unlike the question
            # the short sentence is as a whole: '• Total bruttokostnadsutveckling -7 %'; a run of table
            # headings does not.)
            good_enough = s.score >= min_score or (s.lex >= LEX_QUALIFIES and s.score > 0
                                                   and not is_flattened_table(s.text))
            if s.text in exclude or not good_enough or (want_number and not (s.has_number and s.lex > 0)):
                continue
            score = s.score + (bonus(s) if bonus else 0.0)
            if best is None or score > best_score:
                best, best_score = s, score
        return best

    def _supporting(self, first: _Sentence, passages: list[Passage], sentences: list[_Sentence],
                    want_number: bool = False, budget: int = 560) -> list[tuple[str, int]]:
        """The best sentence and, from the same report, the next ones that score nearly as well:
        a figure often needs its neighbour sentence to be understood (and to be complete)."""
        doc = passages[first.passage].chunk.doc_id
        parts, used, seen = [(first.text, first.passage)], len(first.text), {first.text}
        # The sentence that spells out what the quoted one means ('Detta innebär att …') goes with it,
        # from the copy of the quoted sentence that has it (prose windows overlap).
        fullest = self._fullest(first, sentences)
        nxt = self._following(fullest, sentences)[:1]
        # So does the outcome told right after a target ('Målsättningen … ska understiga 3,7%' / 'Per
        # augusti 2025 låg nivån på 3,81%').
        follows_target = bool(nxt) and bool(_TARGET.match(first.text)) and nxt[0].has_number
        if nxt and (_ANAPHORIC.match(nxt[0].text) or follows_target or _names_back(first.text, nxt[0].text)) \
                and used + len(nxt[0].text) <= budget:
            parts = [(first.text, fullest.passage), (nxt[0].text, nxt[0].passage)]
            seen.add(nxt[0].text)
            used += len(nxt[0].text)
        # A sentence that points back ('Dessa två projekt utgör …') is read with the one it points to.
        before = self._antecedent(first, sentences)
        if before and before[0].text not in seen and used + len(before[0].text) <= budget:
            parts.insert(0, (before[0].text, before[0].passage))
            seen.add(before[0].text)
            used += len(before[0].text)
        ranked = sorted((s for s in sentences if passages[s.passage].chunk.doc_id == doc and s.text not in seen),
                        key=lambda s: -s.score)
        for s in ranked:
            if len(parts) >= self.max_sentences or s.score < max(self.min_score, self.runner_up * first.score):
                break
            if (want_number and not s.has_number) or s.text in seen or used + len(s.text) > budget:
                continue
            parts.append((s.text, s.passage))
            seen.add(s.text)
            used += len(s.text)
            # Its own 'Det medför …' goes with it too.
            after = self._what_follows(s, sentences)[:1]
            if after and _ANAPHORIC.match(after[0].text) and after[0].text not in seen \
                    and used + len(after[0].text) <= budget:
                parts.append((after[0].text, after[0].passage))
                seen.add(after[0].text)
                used += len(after[0].text)
        # A quoted sentence that announces a list ('Exempel på arbete som gjorts:') brings its items.
        by_text = {x.text: x for x in sentences}
        expanded = []
        for text, idx in parts:
            expanded.append((text, idx))
            if text.rstrip().endswith(":") and text in by_text:
                for item in self._with_list(by_text[text], sentences)[1:LIST_ITEMS + 1]:
                    if item.text not in seen and used + len(item.text) <= LIST_CHARS - 200:
                        expanded.append((item.text, item.passage))
                        seen.add(item.text)
                        used += len(item.text)
        parts = expanded
        return parts
