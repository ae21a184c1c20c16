"""Hybrid retrieval: BM25 and dense scores fused by reciprocal rank, then filtered and boosted by
what the question pins down (region/unit, year, report kind, uppdrag code).

When other documents (press releases) are indexed beside the organisation's reports, each
collection is ranked on its own (see lexical.py): a report passage gets the same fused score with or
without the other documents, and the others compete only through their own ranks times a prior."""
from __future__ import annotations

import re
from dataclasses import dataclass, replace

import numpy as np

from .catalog import PLAN_KINDS, REPORT_KINDS
from .embedders import Embedder
from .lexical import REPORTS
from .models import DocumentMeta, Passage, Query
from .store import LoadedIndex
from .swedish import ascii_fold
from .tables import row_labels
from .tokenize import tokenize, unseen_word_parts

RRF_K = 10  # a small k trusts each channel's top ranks (tuned on the dev split)
BM25_WEIGHT = 2.0  # relative to the dense channel in the fusion
SENTENCE_WEIGHT = 0.5  # the best-sentence channel, relative to the dense channel
ROW_WEIGHT = 2.0  # the table-row channel (passages holding a row the question names), relative to dense
CANDIDATES = 60
NAME_WEIGHT = 0.25  # BM25 weight of the region/unit names that already filter, relative to the other words
PARTIAL_SORT_ABOVE = 5000  # passages in a collection
# Documents that are not reports (press releases, memos someone uploaded) answer only what the reports
# do not: staff ask about their own organisation's reports unless they name another kind of document.
OTHER_KIND_PRIOR = 0.5
KIND_MISMATCH = 0.6  # reports of another kind than the one the question names
PLAN_FOR_STATUS = 0.75
UNIT_BOOST = 1.3  # a passage naming the unit the question names
# Past tense and outcome words: the question asks what happened, which a plan cannot say ('presenterades',
# 'fick'; 'Hur låg engagemanget' did happen, 'hur låg var' asks how low).
_OUTCOME_WORDS = re.compile(r"\b(gick|blev|hamnade|landade|nådde|nåddes|uppnåddes|utfall\w*|bokslut\w*|"
                            r"lyckades|klarade|gjorde|gjordes|genomfördes|fick|\w{4,}ades|"
                            r"köpte|köptes|sålde|lade|använde|kostade|sjönk|steg|tog|gav|infördes|anställde|började|"
                            r"låg(?!\s+(?:var|är|blev|blir)\b))\b|"
                            # The perfect tense tells what has been done ('Vad har CIFU gjort …', 'har HR
                            # hjälpt', 'har det genomförts'); not what was planned or decided.
                            r"\b(?:har|hade)\s+(?:[\w-]+\s+){0,3}?(?!att\b|fått\b|planer|budgeter|beslut|avsatt|tänkt|totalt)"
                            r"\w{2,}(?:at|it|tt|rt|pt|kt|vt|nt|lt)s?\b", re.I)


def asks_outcome(text: str) -> bool:
    """The question asks what happened ('gick', 'blev', 'utfall'), which a plan cannot say."""
    return bool(_OUTCOME_WORDS.search(text))


@dataclass
class SearchChannels:
    """Raw per-chunk scores of each channel, kept for the baseline and for answering."""
    bm25: np.ndarray
    dense: np.ndarray
    query_vector: np.ndarray
    sentence: np.ndarray | None = None  # per chunk: the best cosine of one of its sentences
    rows: np.ndarray | None = None  # per chunk: stems of the longest table-row label the question names


def docs_by_name(metas: dict[str, DocumentMeta]) -> dict[str, set[str]]:
    """Documents per organisation or unit name (case- and accent-folded), built once per index."""
    by_name: dict[str, set[str]] = {}
    for d, m in metas.items():
        for name in {m.organisation, m.unit}:
            by_name.setdefault(ascii_fold(name.casefold()), set()).add(d)
    return by_name


def matching_docs(by_name: dict[str, set[str]], query: Query) -> set[str] | None:
    """Reports the user filtered to, narrowed to the region/unit the question names; None: all."""
    named = {ascii_fold(o.casefold()) for o in query.organisations}
    matching = None
    if named:
        matching = set().union(*(by_name.get(n, set()) for n in named)) or None
    if query.doc_filter is not None:
        return (matching & query.doc_filter) if matching and matching & query.doc_filter else set(query.doc_filter)
    return matching


def reports_of_kind_and_year(metas: dict[str, DocumentMeta], query: Query) -> set[str] | None:
    """The reports of the kind the question names that cover the year it names ('i årsredovisningen
    2023'); None where it names no kind and year, or no report of that kind covers the year."""
    if not (query.kinds and query.years):
        return None
    asked = set(query.years)
    return {d for d, m in metas.items() if m.kind in query.kinds and m.covered_years & asked} or None


def is_report(meta: DocumentMeta) -> bool:
    return meta.kind in REPORT_KINDS


def holds_reports_and_others(metas: dict[str, DocumentMeta]) -> bool:
    kinds = {is_report(m) for m in metas.values()}
    return kinds == {True, False}


def prefers_reports(mixed_corpus: bool, query: Query) -> bool:
    """True when reports should outrank other documents: both are indexed (`mixed_corpus`) and the
    question names no other kind of document."""
    return mixed_corpus and not any(k not in REPORT_KINDS for k in query.kinds)


def _top(scores: np.ndarray, k: int) -> np.ndarray:
    """Positions of the k highest scores, best first; a partial sort where the collection is large."""
    if len(scores) <= PARTIAL_SORT_ABOVE:
        return np.argsort(-scores, kind="stable")[:k]
    part = np.argpartition(-scores, k)[:k]
    return part[np.argsort(-scores[part], kind="stable")]


def _year_range(metas) -> tuple[int, int]:
    years = [m.year for m in metas if m.year]
    return (min(years), max(years)) if years else (0, 0)


class Retriever:
    def __init__(self, index: LoadedIndex, embedder: Embedder):
        self.index = index
        self.embedder = embedder
        self.n = len(index.chunks)
        self.doc_of = np.array([c.doc_id for c in index.chunks])
        self.codes = [str(c.fields.get("code", "")).upper() for c in index.chunks]
        self.bm25_weight, self.rrf_k = BM25_WEIGHT, RRF_K
        self.mixed_corpus = holds_reports_and_others(index.metas)
        self.docs_by_name = docs_by_name(index.metas)
        self.year_range = _year_range(index.metas.values())  # for 'prefer the latest report'
        self.report_year_range = _year_range(m for m in index.metas.values() if is_report(m))
        self.collections = [ids for ids in index.lexical.members.values() if len(ids)]
        self.vocabulary = index.lexical.idf().keys()
        # In a mixed index the reports' passages are scored exactly (few vectors, one matrix product),
        # so a flood of similar press releases cannot crowd them out of the dense candidates.
        self.report_ids = index.lexical.members.get(REPORTS) if len(self.collections) > 1 else None
        self.report_vectors = (index.vectors.reconstruct_batch(self.report_ids) if self.report_ids is not None
                               else None)
        self.sentence_weight = SENTENCE_WEIGHT
        # A short answer can hide in a long passage whose vector is about something else: each
        # passage is also ranked by its best sentence (the reports' sentences in a mixed index).
        counts = np.diff(index.sentence_offsets) if len(index.sentence_offsets) else np.zeros(0, np.int64)
        row_chunk = np.repeat(np.arange(len(counts)), counts)  # sentence row -> its chunk
        if self.report_ids is None:
            self.sentence_rows = np.arange(len(row_chunk))
        else:
            self.sentence_rows = np.nonzero(np.isin(row_chunk, self.report_ids))[0]
        self.sentence_row_chunk = row_chunk[self.sentence_rows]
        # A question that names a table's row ('Vilket utfall redovisas för försäljning av tjänster …')
        # is about the passage holding that row, though figures run together rank it low by words and
        # by meaning alike. The reports' table rows by their label's stems, so that any inflection names
        # the row ('försäljningen av tjänsterna': 'Försäljning av tjänster') -> the chunks holding it.
        self.chunks_by_row_label: dict[tuple[str, ...], set[int]] = {}
        for i in (range(self.n) if self.report_ids is None else self.report_ids):
            chunk = index.chunks[int(i)]
            for label in row_labels(chunk.text, index.metas[chunk.doc_id].year):
                if key := tuple(tokenize(label, heads=False)):
                    self.chunks_by_row_label.setdefault(key, set()).add(int(i))
        self.longest_row_label = max(map(len, self.chunks_by_row_label), default=0)
        self.row_weight = ROW_WEIGHT

    def lexical_terms(self, query: Query) -> list[str]:
        """The question's words for BM25. The region or unit it names already filters the reports, so
        those names would only favour passages that repeat them ('Regionstyrelsen ska …') over the
        ones about the subject asked. So would its years: the report of that year is already preferred,
        and a plan for '2023–2025' writes those years on every page."""
        return self._split_terms(query, self._filtering_names(query))[0]

    def _split_terms(self, query: Query, names: set[str]) -> tuple[list[str], list[str]]:
        """The question's BM25 terms, and those of them that only break ties: filtering names and the
        years asked (all kept if that is all). A word the reports never use also counts by the stems
        they have for it ('centrallagret')."""
        names = names | {str(year) for year in query.years}
        text = query.expanded or query.text
        terms = tokenize(text)
        terms += [t for t in unseen_word_parts(text, self.vocabulary) if t not in terms]
        kept = [t for t in terms if t not in names]
        return (kept, [t for t in terms if t in names]) if kept else (terms, [])

    def _filtering_names(self, query: Query) -> set[str]:
        """Tokens of the region and unit names that filter the reports for this question."""
        if matching_docs(self.docs_by_name, replace(query, doc_filter=None)) is None:
            return set()
        return set(tokenize(" ".join(query.organisations)))

    def dense_text(self, query: Query, names: set[str] | None = None) -> str:
        """The question as embedded: without the names that filter, for the same reason as above."""
        names = self._filtering_names(query) if names is None else names
        words = [w for w in query.text.split() if not (set(tokenize(w)) and set(tokenize(w)) <= names)]
        return " ".join(words) if len(words) >= 3 else query.text

    def channels(self, query: Query) -> SearchChannels:
        names = self._filtering_names(query)
        terms, named = self._split_terms(query, names)
        bm25 = self.index.lexical.get_scores(terms)
        if named:  # a passage that also names the region only breaks ties ('… från Region Västmanland')
            bm25 = bm25 + NAME_WEIGHT * self.index.lexical.get_scores(named)
        qv = self.embedder.encode_queries([self.dense_text(query, names)])
        dense = np.zeros(self.n, np.float32)
        k = min(self.n, max(CANDIDATES * 4, 200))
        if self.n:
            scores, ids = self.index.vectors.search(qv, k)
            valid = ids[0] >= 0
            dense[ids[0][valid]] = scores[0][valid]
        if self.report_vectors is not None:
            dense[self.report_ids] = self.report_vectors @ qv[0]
        sentence = np.zeros(self.n, np.float32)
        if len(self.sentence_rows):
            sims = self.index.sentence_vectors[self.sentence_rows] @ qv[0]
            np.maximum.at(sentence, self.sentence_row_chunk, sims)
        return SearchChannels(bm25=bm25, dense=dense, query_vector=qv[0], sentence=sentence,
                              rows=self._rows_named(query))

    def _rows_named(self, query: Query) -> np.ndarray:
        """Per chunk, how many stems long the longest table-row label is that the question names stem
        for stem (0 where it names none)."""
        named = np.zeros(self.n, np.float32)
        stems = tokenize(query.text, heads=False)
        for start in range(len(stems)):
            for end in range(start + 1, min(len(stems), start + self.longest_row_label) + 1):
                for i in self.chunks_by_row_label.get(tuple(stems[start:end]), ()):
                    named[i] = max(named[i], end - start)
        return named

    def _doc_mask(self, query: Query, only_docs: set[str] | None = None) -> np.ndarray:
        """Hard filter on the reports the user chose and the region/unit the question names; reports
        chosen by the caller (`only_docs`, a comparison's share) are searched as given."""
        if only_docs is not None:
            return np.isin(self.doc_of, list(only_docs))
        only_docs = matching_docs(self.docs_by_name, query)
        mask = np.ones(self.n, bool) if only_docs is None else np.isin(self.doc_of, list(only_docs))
        # 'i årsredovisningen 2023': that kind's reports of other years are not searched.
        asked = reports_of_kind_and_year(self.index.metas, query)
        if asked is None:
            return mask
        other_years = [d for d, m in self.index.metas.items() if m.kind in query.kinds and d not in asked]
        return mask & ~np.isin(self.doc_of, other_years) if other_years else mask

    def doc_boost(self, meta: DocumentMeta, query: Query, prefer_reports: bool = False) -> float:
        boost = 1.0
        covered = meta.covered_years
        if query.years:
            if meta.year in query.years:
                boost *= 1.6
            elif covered & set(query.years):
                boost *= 1.25
            else:
                boost *= 0.7
        if query.kinds:
            boost *= 1.4 if meta.kind in query.kinds else KIND_MISMATCH  # 'enligt förvaltningsplanen' means it
        elif meta.kind in PLAN_KINDS and (query.intent == "status" or asks_outcome(query.text)):
            boost *= PLAN_FOR_STATUS  # how an uppdrag went is in the outcome report; the plan only sets it
        if prefer_reports and not is_report(meta) and meta.kind not in query.kinds:
            boost *= OTHER_KIND_PRIOR
        return boost

    def search(self, query: Query, k: int = 10, channels: SearchChannels | None = None,
               only_docs: set[str] | None = None) -> list[Passage]:
        if not self.n:
            return []
        ch = channels or self.channels(query)
        mask = self._doc_mask(query, only_docs)
        fused = np.zeros(self.n, np.float64)
        channels = [(ch.bm25, self.bm25_weight), (ch.dense, 1.0)]
        if ch.sentence is not None and self.sentence_weight:
            channels.append((ch.sentence, self.sentence_weight))
        if ch.rows is not None and self.row_weight and ch.rows.any():
            channels.append((ch.rows, self.row_weight))
        for scores, weight in channels:
            scores = np.where(mask, scores, 0)
            for members in self.collections:  # ranks within each collection
                order = members[_top(scores[members], CANDIDATES)]
                order = order[scores[order] > 0]
                fused[order] += weight / (self.rrf_k + np.arange(1, len(order) + 1))
        fused[~mask] = 0
        metas = self.index.metas
        prefer = prefers_reports(self.mixed_corpus, query)
        oldest, newest = self.report_year_range if prefer else self.year_range
        doc_boosts: dict[str, float] = {}  # only for the documents of candidate chunks
        wanted_codes = {c.upper() for c in query.codes}
        # A unit the question names ('ekonomicentrumet'): the passages that name it, in full or by its
        # initialism ('Centrum för ekonomi', 'CE'), are about it.
        asked_units = {abbreviation for _, _, abbreviation in query.units}
        unit_names = [u.pattern() for u in self.index.units.units if u.abbreviation in asked_units] \
            if asked_units else []
        for i in np.nonzero(fused)[0]:
            chunk = self.index.chunks[i]
            meta = metas[chunk.doc_id]
            b = doc_boosts.get(chunk.doc_id)
            if b is None:
                b = doc_boosts[chunk.doc_id] = self.doc_boost(meta, query, prefer)
            if not query.years and newest > oldest and meta.year:
                b *= 1.0 + 0.15 * (meta.year - oldest) / (newest - oldest)  # prefer the latest report
            if wanted_codes:
                if self.codes[i] in wanted_codes:
                    b *= 3.0
                elif any(re.search(rf"\(?\b{re.escape(c)}\b\)?", chunk.text) for c in wanted_codes):
                    b *= 1.5
            if query.years and any(str(y) in chunk.text for y in query.years):
                b *= 1.1
            if unit_names and any(p.search(chunk.text) for p in unit_names):
                b *= UNIT_BOOST
            if query.intent in ("status", "list") and chunk.kind == "uppdrag":
                b *= 1.2
            fused[i] *= b
        order = np.argsort(-fused, kind="stable")[:k]
        return [Passage(chunk=self.index.chunks[i], meta=metas[self.index.chunks[i].doc_id], score=float(fused[i]))
                for i in order if fused[i] > 0]

    def baseline(self, query: Query, channel: str, k: int = 10) -> list[Passage]:
        """Plain BM25 or plain dense ranking of the question as typed (no synonyms, no filters), for the
        evaluation's 'search box' baseline."""
        if channel == "bm25":
            scores = self.index.lexical.get_scores(tokenize(query.text))
            ranked = [(int(i), float(scores[i])) for i in np.argsort(-scores, kind="stable")[:k]]
        else:
            sims, ids = self.index.vectors.search(self.embedder.encode_queries([query.text]), min(k, self.n))
            ranked = [(int(i), float(x)) for i, x in zip(ids[0], sims[0]) if i >= 0]
        return [Passage(chunk=self.index.chunks[i], meta=self.index.metas[self.index.chunks[i].doc_id], score=score)
                for i, score in ranked]
