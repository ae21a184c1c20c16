"""The one entry point: `Assistant(settings).ask(question)` -> Answer. CLI, app and API are thin over it."""
from __future__ import annotations

import re
import threading
import time
from pathlib import Path
from typing import Callable

from .answer import ExtractiveAnswerer
from .catalog import OUTCOME_KINDS, PLAN_KINDS
from .config import Settings
from .embedders import Embedder, load_embedder
from .errors import AssistantError
from .indexer import BuildReport, build_index, index_is_current
from .models import Answer, DocumentMeta, Passage, Query, ReportShare
from .query import analyse, question_for_report, reports_the_parts_name
from .retrieve import Retriever, SearchChannels, is_report, prefers_reports
from .store import LoadedIndex, load_index

MAX_QUESTION_CHARS = 2000
TOP_K = 10


class Assistant:
    def __init__(self, settings: Settings | None = None, embedder: Embedder | None = None,
                 auto_index: bool = True, progress: bool = True, log: Callable[[str], None] | None = None,
                 generator=None):
        self.settings = settings or Settings.from_env()
        self.generator = generator  # a generate.Generator; None: extractive answers (the default)
        self._embedder = embedder
        self.progress = progress
        self.log = log
        self._lock = threading.Lock()
        self._build_lock = threading.Lock()  # one index build at a time; questions never wait for it
        self._state: tuple[LoadedIndex, Retriever, ExtractiveAnswerer] | None = None
        if auto_index:
            self.ensure_index()

    @property
    def embedder(self) -> Embedder:
        if self._embedder is None:
            self._embedder = load_embedder(self.settings.embedder)
        return self._embedder

    def ensure_index(self) -> BuildReport | None:
        """Build or update the index when none exists or the corpus changed; then load it."""
        with self._build_lock:
            report = None
            if not index_is_current(self.settings):
                report = build_index(self.settings, progress=self.progress, embedder=self.embedder, log=self.log)
                self._swap()
            self._load()
            return report

    def rebuild(self, rebuild: bool = False) -> BuildReport:
        with self._build_lock:
            report = build_index(self.settings, rebuild=rebuild, progress=self.progress, embedder=self.embedder,
                                 log=self.log)
            self._swap()
            return report

    def add_reports(self, paths: list, **overrides) -> BuildReport:
        """Validate, place in the corpus and index reports; a bad file changes nothing."""
        from .indexer import add_reports

        with self._build_lock:
            add_reports(self.settings, paths, {k: v for k, v in overrides.items() if v} or None)
            report = build_index(self.settings, progress=self.progress, embedder=self.embedder, log=self.log)
            self._swap()
            return report

    def remove_report(self, doc_id: str) -> BuildReport:
        """Remove a report's file and catalog entry from the corpus, and drop it from the index."""
        from .catalog import Catalog

        with self._build_lock:
            meta = self.index.metas.get(doc_id)
            if meta is None:
                raise AssistantError(f"Rapporten '{doc_id}' finns inte i indexet.")
            path = self.settings.corpus_dir / Path(meta.path).name
            catalog = Catalog.load(self.settings.corpus_dir)
            catalog.remove_entry(path.name)
            catalog.save()
            path.unlink(missing_ok=True)
            report = build_index(self.settings, progress=self.progress, embedder=self.embedder, log=self.log)
            self._swap()
            return report

    def _swap(self) -> None:
        """Load the new generation, then replace the state in one assignment: questions in flight keep
        the state they started with, whole."""
        index = load_index(self.settings.index_dir, embedder_id=self.embedder.id)
        with self._lock:
            self._state = (index, Retriever(index, self.embedder), ExtractiveAnswerer(index))

    def _load(self) -> tuple[LoadedIndex, Retriever, ExtractiveAnswerer]:
        with self._lock:
            if self._state is None:
                index = load_index(self.settings.index_dir, embedder_id=self.embedder.id)
                self._state = (index, Retriever(index, self.embedder), ExtractiveAnswerer(index))
            return self._state

    @property
    def index(self) -> LoadedIndex:
        return self._load()[0]

    def analyse(self, question: str) -> Query:
        return analyse(question, self.index.metas.values(), self.index.units)

    @staticmethod
    def _with_all_rows(index: LoadedIndex, passages: list[Passage]) -> list[Passage]:
        """A list question is answered from every parsed row of the report that ranks first, not only
        from the rows that happened to rank high."""
        first = next((p for p in passages if p.chunk.kind == "uppdrag"), None)
        if first is None:
            return passages
        seen = {p.chunk.id for p in passages}
        rows = [Passage(chunk=c, meta=first.meta, score=0.0) for c in index.chunks
                if c.doc_id == first.chunk.doc_id and c.kind == "uppdrag" and c.id not in seen]
        ordered = [p for p in passages if p.chunk.doc_id == first.chunk.doc_id and p.chunk.kind == "uppdrag"] + rows
        ordered.sort(key=lambda p: (p.chunk.lines or (p.chunk.page or 0, 0))[0])
        return ordered + [p for p in passages if p.chunk.id not in {q.chunk.id for q in ordered}]

    @staticmethod
    def _compare_docs(index: LoadedIndex, query: Query, passages: list[Passage]) -> list[str]:
        """The reports a comparison spans: the years asked ('sedan 2020': that year onwards), within the
        region and unit asked or, if none is named, those of the best passage. Outcome reports are
        preferred over plans (a plan holds targets), unless the question names the plan. Oldest first,
        one report per year."""
        if not passages:
            return []
        if query.against_plan:
            return Assistant._plan_and_outcome_docs(index, query, passages)
        named = [d for d in query.named_reports if query.doc_filter is None or d in query.doc_filter]
        if len(named) >= 2:
            return sorted(named, key=lambda d: index.metas[d].year or 0)
        top = Assistant._spanning_top(index, query, passages)
        named = {o.casefold() for o in query.organisations}
        since = re.search(r"\b(sedan|från|efter)\s+(20\d\d)", query.text)
        # ('från 2020 till 2023': the years between, not the reports after the last one)
        until = re.search(r"\b(?:sedan|från)\s+20\d\d\s+(?:\S+\s+){0,3}?(?:till|t\.o\.m\.)\s+(20\d\d)", query.text)
        chosen: dict[tuple[int, str, str], tuple[int, str]] = {}
        # 'från 2020 via förvaltningsplanen 2023–2025 till 2025': a plan the question names is a step of
        # its own in a comparison across reports, beside the outcome report of its first year.
        named_plans = [k for k in query.kinds if k in PLAN_KINDS]
        plans: list[tuple[int, str]] = []
        for doc_id, m in index.metas.items():
            if query.doc_filter is not None and doc_id not in query.doc_filter:
                continue
            if named and not ({m.organisation.casefold(), m.unit.casefold()} & named):
                continue
            if not named and (m.organisation, m.unit) != (top.organisation, top.unit):
                continue
            years = m.covered_years
            if since:
                if (m.year or 0) < int(since.group(2)) or until and (m.year or 0) > int(until.group(1)):
                    continue
            elif query.years and not years & set(query.years):
                continue
            if m.kind in named_plans:
                plans.append((m.year or 0, doc_id))
                continue
            rank = 0 if m.kind in OUTCOME_KINDS else 1
            # A plan covering 2023-2025 competes with the 2025 outcome report for the year asked.
            asked = sorted(years & set(query.years)) if query.years and not since else []
            key = (asked[-1] if asked else m.year or 0, m.organisation, m.unit)
            if key not in chosen or rank < chosen[key][0]:
                chosen[key] = (rank, doc_id)
        docs = [chosen[key][1] for key in sorted(chosen)]
        # Two regions named, one of them without a report of the year asked ('Pensionerna rusade 2023 – hur
        # syntes det i Västmanland, och vad skriver Västerbotten?'): that region's latest report answers
        # for it, its line saying which report and year.
        regions = {o for o in named if o.startswith("region ")}
        if len(regions) >= 2 and query.years and not since and query.doc_filter is None:
            present = {index.metas[d].organisation.casefold() for d in docs}
            for region in sorted(regions - present):
                own = [m for m in index.metas.values() if m.organisation.casefold() == region and m.kind in OUTCOME_KINDS]
                if own:
                    docs.append(max(own, key=lambda m: m.year or 0).doc_id)
        if len({index.metas[d].organisation for d in docs}) >= 2 and not since:
            # Two regions asked, each of its own year: not every year of both.
            asked = reports_the_parts_name(query.text, [index.metas[d] for d in docs])
            if asked is not None and len(asked) >= 2:
                docs = [m.doc_id for m in asked]
        if plans and len(docs) >= 2:  # (a question about the plan's own years asks the plan alone)
            plan_year, plan = max(plans)
            # (before the outcome reports of the years it plans for)
            at = next((k for k, d in enumerate(docs) if (index.metas[d].year or 0) >= plan_year), len(docs))
            docs.insert(at, plan)
        return docs[:5]

    @staticmethod
    def _spanning_top(index: LoadedIndex, query: Query, passages: list[Passage]) -> DocumentMeta:
        """The best passage's report, unless its region and unit hold a report for fewer of the years asked
        than another's among the passages: 'Hur har sjukfrånvaron utvecklats från 2020 till 2025?' follows
        the organisation whose reports span those years, not one that has only the last of them."""
        if not query.years:
            return passages[0].meta
        held: dict[tuple[str, str], set[int]] = {(p.meta.organisation, p.meta.unit): set() for p in passages}
        for m in index.metas.values():
            if (m.organisation, m.unit) in held:
                held[(m.organisation, m.unit)] |= m.covered_years & set(query.years)
        most = max(len(years) for years in held.values())
        return next(p.meta for p in passages if len(held[(p.meta.organisation, p.meta.unit)]) == most)

    @staticmethod
    def _plan_and_outcome_docs(index: LoadedIndex, query: Query, passages: list[Passage]) -> list[str]:
        """What a plan said and what came of it: the plan covering the year asked (or the plan named),
        then the outcome reports of that year. A year no outcome report covers is reported as last
        year's figure by the next one; with no year asked, every outcome report of the plan's years."""
        top = passages[0].meta
        named = {o.casefold() for o in query.organisations}
        asked = set(query.years)
        metas = [(d, m) for d, m in index.metas.items()
                 if (query.doc_filter is None or d in query.doc_filter)
                 and (({m.organisation.casefold(), m.unit.casefold()} & named) if named
                      else (m.organisation, m.unit) == (top.organisation, top.unit))]
        covers = lambda m, years: bool(m.covered_years & years)  # noqa: E731
        plans = [(d, m) for d, m in metas if m.kind in PLAN_KINDS]
        plans = [x for x in plans if covers(x[1], asked)] or [x for x in plans if x[1].kind in query.kinds] \
            if asked else plans
        if not plans:
            return []
        plan_id, plan = max(plans, key=lambda x: x[1].year or 0)
        outcomes = [(d, m) for d, m in metas if m.kind in OUTCOME_KINDS
                    and (not set(query.kinds) & OUTCOME_KINDS or m.kind in query.kinds)]
        if asked:
            chosen = [x for x in outcomes if covers(x[1], asked)] or \
                sorted((x for x in outcomes if (x[1].year or 0) > max(asked)), key=lambda x: x[1].year or 0)[:1]
        else:
            chosen = [x for x in outcomes if covers(x[1], plan.covered_years)]
        chosen.sort(key=lambda x: x[1].year or 0)
        return [plan_id] + [d for d, _ in chosen][:3] if chosen else []

    @staticmethod
    def _share(index: LoadedIndex, retriever: Retriever, query: Query, channels: SearchChannels, doc_id: str,
               compared: list[str]) -> ReportShare:
        """A report's part of a comparison, searched for what the question asks of that report alone.
        A plan set against its outcome is split by plan and outcome words instead (answer_compare)."""
        meta = index.metas[doc_id]
        text = query.text if query.against_plan else \
            question_for_report(query.text, meta, [index.metas[d] for d in compared])
        if text != query.text:
            own = analyse(text, index.metas.values(), index.units)
            own.doc_filter = query.doc_filter
            channels = retriever.channels(own)
        else:
            own = query
        return ReportShare(meta, own, retriever.search(own, k=4, channels=channels, only_docs={doc_id}),
                           channels.query_vector)

    def _answer(self, answerer: ExtractiveAnswerer, query: Query, passages: list[Passage], query_vector) -> Answer:
        if self.generator is not None:
            from .generate import GenerativeAnswerer

            return GenerativeAnswerer(self.generator, answerer).answer(query, passages, query_vector)
        return answerer.answer(query, passages, query_vector)

    def ask(self, question: str, k: int = TOP_K, doc_ids: set[str] | None = None) -> Answer:
        if not question or not question.strip():
            raise AssistantError("Frågan är tom. Skriv en fråga, t.ex. \"Vad är status för RF8?\"")
        question = question.strip()[:MAX_QUESTION_CHARS]
        index, retriever, answerer = self._load()
        t0 = time.perf_counter()
        query = analyse(question, index.metas.values(), index.units)
        if doc_ids is not None:
            query.doc_filter = set(doc_ids)
        channels = retriever.channels(query)
        passages = retriever.search(query, k=max(k, 20 if query.intent == "list" else k), channels=channels)
        if query.intent == "list" and query.status_filter:
            passages = self._with_all_rows(index, passages)
        t1 = time.perf_counter()
        compare_docs = self._compare_docs(index, query, passages) if query.intent == "compare" else []
        if len(compare_docs) >= 2:
            shares = [self._share(index, retriever, query, channels, d, compare_docs) for d in compare_docs]
            answer = answerer.answer_compare(query, [s for s in shares if s.passages])
            passages = [p for s in shares for p in s.passages[:1]] + passages
        else:
            # Other documents (press releases) answer only what the organisation's reports do not.
            own = [p for p in passages if is_report(p.meta)] if prefers_reports(retriever.mixed_corpus, query) else []
            answer = self._answer(answerer, query, own or passages, channels.query_vector)
            if answer.abstained and own and len(own) < len(passages):
                answer = self._answer(answerer, query, passages, channels.query_vector)
        t2 = time.perf_counter()
        answer.passages = passages[:k]
        answer.timings_ms = {"retrieve": (t1 - t0) * 1000, "answer": (t2 - t1) * 1000, "total": (t2 - t0) * 1000}
        return answer
