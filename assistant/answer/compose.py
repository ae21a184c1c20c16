"""Composing the answer: the intent's reader picks what to quote, the checks decide whether to abstain,
and render() puts the lines together with their [n] and the report they come from.
"""
from __future__ import annotations

import re
from dataclasses import replace
from typing import Protocol

import numpy as np

from ..catalog import PLAN_KINDS
from ..lexical import REPORTS
from ..models import Answer, Citation, DocumentMeta, Passage, Query, ReportShare
from ..query import intent_within_comparison, plan_and_outcome_parts
from ..retrieve import docs_by_name, holds_reports_and_others, is_report
from ..sentences import is_page_furniture, is_substantive, split_sentences
from ..store import LoadedIndex
from ..swedish import normalise
from ..tokenize import tokenize
from ..units import name_initialisms
from .patterns import (LIST_CHARS, MAX_CHARS, MAX_TABLE_YEARS, _BULLETS, _CELL_NUMBER, _is_row_run,
                       _only_names_the_report, is_assignment, is_flattened_table, is_numeric_question)
from .scoring import (GLOBAL_SENTENCES, LEX_WEIGHT, MAX_SENTENCES, MIN_SCORE, RANK_DECAY, RECENCY, RUNNER_UP,
                      SEM_FLOOR, SEM_RANGE, SENTENCE_PASSAGES, SentenceScoring, _Sentence)
from .checks import AnswerChecks
from .cells import TableReading, _overlap
from .reasons import ReasonReading
from .status import StatusReading
from .lists import ListReading


ABSTAIN_TEXT = "Det framgår inte av de indexerade rapporterna."
NOTHING_IN_REPORT = "Det framgår inte av rapporten."  # one report's line of a comparison
FLATTENED_PENALTY = 0.1  # of figures that match about equally, one in a sentence before table cells run together
# Table cells run together with no sentence end, their column heads after them ('År: 2020 Resultat: 32 253 0
# 28 409 40 161 … Bokslut 2019 Budget 2020'): nobody can tell which figure is which, so it leads no answer.
ROW_RUN_PENALTY = 0.2
# The first year of a span asked about: 'sedan 2020', 'från 2020 (till 2023)'.
_SINCE_YEAR = re.compile(r"\b(?:sedan|från)\s+(20\d\d)\b", re.I)


class Answerer(Protocol):
    def answer(self, query: Query, passages: list[Passage], query_vector: np.ndarray) -> Answer: ...


_COLUMN_HEAD = re.compile(r"\b(?:Bokslut|(?:Års)?[Bb]udget|Prognos|Ram|Utfall|Avvikelse|Målvärde)\s+20\d\d\b")


# A question whether something was done or happened ('Har regionkontoret behövt …?', 'Blev utredningen
# klar?'): of a row that has no status, its comment answers it, not the assignment's own words.
_ASKS_WHETHER = re.compile(r"(?:har|hade|blev|kom|gick|lyckades|behövde|klarade)\s", re.I)


def _in_assignment(s: _Sentence, passages: list[Passage]) -> bool:
    """Whether a sentence is part of a row's assignment, before its comment (a line the extraction broke
    off the assignment: 'entreprenörer och samarbetspartners i arbetet med …')."""
    chunk = passages[s.passage].chunk
    row, comment = normalise(chunk.fields.get("uppdrag", "")), normalise(chunk.fields.get("kommentar", ""))
    return chunk.kind == "uppdrag" and bool(comment) and comment in row and normalise(s.text) in row[:row.index(comment)]


def _heads_follow_cells(text: str) -> bool:
    """A run of cells whose column heads come after its figures: the extraction read the table's
    cells before its heading row, so nothing says which figure sits under which head. (A row read
    under heads before it, 'Ram 2023 Ram 2024 Centrum för service 55,5 58,8', reads fine.)"""
    head = _COLUMN_HEAD.search(text)
    figure = next((m for m in _CELL_NUMBER.finditer(text) if not re.fullmatch(r"20\d\d", m.group())), None)
    return head is not None and figure is not None and figure.start() < head.start() and _is_row_run(text)


def _is_bare_heading(text: str, max_words: int = 2) -> bool:
    """Words without figures, bullet or sentence end: 'Kommentarer', 'Uppdrag', 'Total Helår'; with more
    words, the heading of what comes next ('Årets resultat jämfört med föregående år')."""
    return (not text.startswith(_BULLETS) and not re.search(r"\d", text) and not text.rstrip().endswith((".", ":"))
            and len(text.split()) <= max_words)


SHORT_ANSWER = 400  # characters: below this, an answer has room for the sentence that goes on about it
HEADING_WORDS = 8  # the most words of a heading an answer does not go on into


class ExtractiveAnswerer(SentenceScoring, AnswerChecks, TableReading, ReasonReading, StatusReading, ListReading):
    """Composes a concise Swedish answer from the passages; the same grounding rules for every intent."""

    def __init__(self, index: LoadedIndex):
        self.index = index
        self.all_idf = index.lexical.idf()
        self.report_idf = index.lexical.idf(REPORTS)  # what a question about the reports is weighed by
        metas = index.metas.values()
        self.indexed_years = {y for m in metas for y in m.covered_years}
        self.indexed_orgs = {m.organisation.casefold() for m in metas if m.organisation}
        self.position = {c.id: i for i, c in enumerate(index.chunks)}
        # Region and unit names filter reports; they say nothing about which sentence answers.
        # ('RK', 'RV': staff write the organisation's initialism as often as its name.)
        self.org_tokens = {t for m in metas for name in (m.organisation, m.unit) if name
                           for t in tokenize(" ".join([name, *name_initialisms(name)]))}
        self.lex_weight, self.min_score = LEX_WEIGHT, MIN_SCORE
        self.recency = RECENCY
        self.sem_floor, self.sem_range = SEM_FLOOR, SEM_RANGE
        self.runner_up, self.rank_decay, self.max_sentences = RUNNER_UP, RANK_DECAY, MAX_SENTENCES
        self.sentence_passages, self.global_sentences = SENTENCE_PASSAGES, GLOBAL_SENTENCES
        counts = np.diff(index.sentence_offsets)
        self.sentence_chunk = np.repeat(np.arange(len(index.chunks)), counts)
        # Sentence -> document as small integers, so filtering by document is one mask lookup.
        self.doc_number = {d: i for i, d in enumerate(index.metas)}
        chunk_doc = np.array([self.doc_number[c.doc_id] for c in index.chunks], dtype=np.int32)
        self.sentence_doc = chunk_doc[self.sentence_chunk] if len(counts) else np.array([], dtype=np.int32)
        self.mixed_corpus = holds_reports_and_others(index.metas)
        self.report_docs = {d for d, m in index.metas.items() if is_report(m)}
        self.docs_by_name = docs_by_name(index.metas)
        self.doc_chunks: dict[str, list[int]] = {}  # document -> its chunks' positions, in reading order
        self.table_texts: dict[int, str] = {}  # chunk position -> the text its table rows are read from
        for i, c in enumerate(index.chunks):
            self.doc_chunks.setdefault(c.doc_id, []).append(i)
        report_numbers = np.array(sorted(self.doc_number[d] for d in self.report_docs), dtype=np.int32)
        self.report_sentence_rows = np.nonzero(np.isin(self.sentence_doc, report_numbers))[0]

    def answer(self, query: Query, passages: list[Passage], query_vector: np.ndarray) -> Answer:
        if self._out_of_scope(query, passages) or not passages or not self._shares_vocabulary(query):
            return self._abstain(query)
        passages, parts, counted = self._compose(query, passages, query_vector)
        if not parts:
            return self._abstain(query)
        return self.render(query, passages, parts, force_lines=counted)

    def _compose(self, query: Query, passages: list[Passage], query_vector: np.ndarray,
                 only_docs: set[str] | None = None) -> tuple[list[Passage], list[tuple[str, int]], bool]:
        """The answer's quoted parts, each with its passage index (none: nothing supports an answer),
        the passages they index, and whether the parts are rows counted (each on a line of its own)."""
        limit = len(passages) if query.intent == "list" else self.sentence_passages
        passages = self._with_sentence_hits(query, passages, query_vector, limit, only_docs=only_docs)
        sentences = self._sentences(query, passages, query_vector, limit=limit)
        intent = query.intent
        if query.codes and intent not in ("why", "list", "compare"):
            intent = "status"
        compose = {"status": self._status, "list": self._list, "why": self._why, "number": self._number,
                   "compare": self._fact}.get(intent, self._fact)
        # What matches best may be a table row that has a status: then the row answers, status
        # included ('Vilken prognos har delmålet …?' -> 'Mål kommer delvis uppfyllas').
        first = self._best(sentences)
        row = self._row_of(first, passages) if first and not query.codes and not first.has_number else None
        if row is not None and intent in ("fact", "status"):
            compose = lambda q, p, s: self._row_lines(q, p, [row])  # noqa: E731
        # Rows picked out by structure (counted, or read against their budget) are the answer, each on
        # a line of its own.
        against_budget = (self._rows_against_budget(query, passages) if intent == "list" else []) or \
            (self._rows_that_moved(query, passages) if intent in ("list", "compare") else [])
        counted = against_budget or (self._counted_rows(query, passages) if intent in ("number", "status") else [])
        parts = counted or compose(query, passages, sentences)
        if not parts and row is not None and intent == "number":
            parts = self._row_lines(query, passages, [row])  # no figure: the row's own assessment
        if not parts and compose not in (self._fact, self._number):
            parts = self._fact(query, passages, sentences)
        # (Rows counted are the answer: no cell of a table read beside them.)
        if not counted and (intent == "number" or intent in ("fact", "status", "compare") and not query.codes
                            and is_numeric_question(query.text)):
            cell = self._table_cell(query, passages)
            if cell is None and intent == "number" and self._unit_figure_elsewhere(query, parts):
                return passages, [], False
            if cell and cell[0] not in {text for text, _ in parts}:
                # The figure read off its column, before the row it comes from; the rest of that
                # table, or of the tables around it, its cells run together, adds nothing a reader
                # can follow.
                parts = [cell] + [(t, i) for t, i in parts if not is_flattened_table(t)]
        # A figure, or how it went ('Hur gick det med medarbetarengagemanget?'), for an indicator; also
        # between two years one report holds ('Med hur många minskade … mellan 2024 och 2025?').
        if not query.codes and not counted and (intent == "status" or intent in ("number", "fact", "compare")
                                and is_numeric_question(f"{query.text} {query.expanded}")):
            indicator = self._indicator_cell(query, passages)
            if indicator and indicator[0] not in {text for text, _ in parts}:
                # The report's own measure of what was asked, for that year; the row's loose cells
                # ('3,8%') add nothing to it.
                parts = [indicator] + self._without_loose_cells(parts, passages, passages[indicator[1]].chunk.id)
        # (A table's rows read against its budget are what was asked of it, whatever the table is titled;
        # rows counted by their status or goal are the count asked for.)
        if not parts or not (against_budget or counted) and (self._lacks_asked_detail(query, passages, parts)
                                                             or self._misses_what_the_figure_is_of(query, passages, parts)):
            return passages, [], False
        parts = self._with_indicator_values(query, passages, self._rejoin_broken(parts, sentences))
        if only_docs is None and not counted and query.intent in ("fact", "why", "status"):
            parts = self._with_next_on_topic(query, parts, sentences)
        return passages, parts, bool(counted)

    def _with_next_on_topic(self, query: Query, parts: list[tuple[str, int]],
                            sentences: list[_Sentence]) -> list[tuple[str, int]]:
        """A short answer (a reason, a fact, a status) gets the sentence after its last one when that one is
        at least half as much about the question as the best quoted: reports go on about the same thing
        in the next sentence ('Prognosavvikelsen beror på tidsförskjutningar.' / 'IT Negativ avvikelse med
        anledning av …'). Not a list's heading, a table's run of cells or page furniture."""
        if sum(len(t) for t, _ in parts) >= SHORT_ANSWER:
            return parts
        by_key = {(x.text, x.passage): x for x in sentences}
        last = by_key.get(parts[-1])
        if last is None:
            return parts
        concepts = self._concepts(query)
        best = max(self._support(concepts, t) for t, _ in parts)
        for nxt in self._what_follows(last, sentences)[:1]:
            if nxt.text not in {t for t, _ in parts} and is_substantive(nxt.text) and not is_page_furniture(nxt.text) \
                    and not is_flattened_table(nxt.text) and not nxt.text.rstrip().endswith((":", " på", " av")) \
                    and not (_is_bare_heading(nxt.text, HEADING_WORDS) and nxt.text[:1].isupper()) \
                    and self._support(concepts, nxt.text) >= 0.5 * best > 0:
                parts = parts + [(nxt.text, nxt.passage)]
        return parts

    def _with_indicator_values(self, query: Query, passages: list[Passage],
                               parts: list[tuple[str, int]]) -> list[tuple[str, int]]:
        """A quoted line that is only a goal table's indicator name ('Andel ärenden till politik som rör
        barn där prövningar av barnets bästa (PBB) genomförts') says nothing of where it stands: it is
        quoted with its row's values ('… – Målvärde 2023: 100% (2030), Nuläge 2022: -')."""
        def names_only(text: str, idx: int) -> bool:
            chunk = passages[idx].chunk
            name = str(chunk.fields.get("indikator", "")) if chunk.kind == "indicator" else ""
            return bool(name) and not re.search(r"\d", text) and normalise(text) in normalise(name)

        read: dict[int, str] = {}  # passage -> its indicator line
        for text, idx in parts:
            if idx not in read and names_only(text, idx):
                fields = passages[idx].chunk.fields
                years = [y for y in query.years if any(k.endswith(str(y)) for k in fields)]
                line = self._indicator_line(passages[idx], years or None)
                if line != fields["indikator"]:
                    read[idx] = line
        out = []
        for text, idx in parts:
            if idx in read:
                if names_only(text, idx):
                    text = read[idx]
                elif not is_substantive(text):
                    continue  # the row's loose cells ('≥90%', '30% (2021) Å'), now said in its line
            out.append((text, idx))
        return out

    @staticmethod
    def _row_of(s: _Sentence, passages: list[Passage]) -> int | None:
        """The table row with a status that the sentence is, or that it repeats (a report follows up
        its summary table's goals in running text): the row's passage index."""
        if passages[s.passage].chunk.fields.get("status"):
            return s.passage
        # (A goal's follow-up, its analysis or its indicators, is about the goal it is filed under.)
        said = normalise(f"{s.text} {passages[s.passage].chunk.fields.get('mål', '')}")
        for i, p in enumerate(passages[:SENTENCE_PASSAGES]):
            goal = normalise(p.chunk.fields.get("uppdrag", ""))[:50]
            if p.chunk.fields.get("status") and len(goal) >= 25 and goal in said:
                return i
        return None

    def _rejoin_broken(self, parts: list[tuple[str, int]], sentences: list[_Sentence]) -> list[tuple[str, int]]:
        """A quoted line the extraction broke off mid-sentence ('… s.k. öppen' / 'information, förväntas
        minska …') gets its lower-case continuation, so the answer does not stop half-way."""
        quoted = {text for text, _ in parts}
        by_key = {(x.text, x.passage): x for x in sentences}
        out = []
        for text, idx in parts:
            s = by_key.get((text, idx))
            if s is not None and not text.rstrip().endswith((".", "!", "?", ":", ";")):
                nxt = (self._following(s, sentences) or [None])[0]
                if nxt is not None and nxt.text[:1].islower() and nxt.text not in quoted \
                        and not is_page_furniture(nxt.text):
                    text = f"{text} {nxt.text}"
                    quoted.add(nxt.text)
            out.append((text, idx))
        return out

    def answer_compare(self, query: Query, shares: list[ReportShare]) -> Answer:
        """One line per report and year, each cited; reports with nothing supported are left out.
        Each report's line is composed as if the question were asked of that report alone (its share's
        query): a status, a figure (read off its table column where one is), the reasons, or the best fact."""
        passages: list[Passage] = []
        parts = []
        silent: list[str] = []  # the reports compared that hold nothing on what was asked
        for share in shares:
            meta, group, asked = share.meta, share.passages, share.query
            inner = intent_within_comparison(asked.text)
            # 'Hur ligger vi till med sjuktalen jämfört med …' compares a figure, not a status.
            if inner in ("fact", "number", "status") and is_numeric_question(f"{asked.text} {asked.expanded}") \
                    and not (inner == "status" and asked.text != query.text):
                inner = "number"
            # How an indicator developed is its outcome each year ('Hur har HME utvecklats …?').
            elif inner == "fact" and any(p.chunk.kind == "indicator" for p in group[:1]):
                inner = "number"
            base = len(passages)
            # Each report speaks for its own year: a 2025 report's line about 2024 does not answer for
            # 2025. Set against a plan, each report speaks for the year asked.
            years = query.years if query.against_plan else [meta.year] if meta.year else []
            sub = replace(asked, years=years, intent=inner)
            if query.against_plan:
                asked_of_plan, asked_of_outcome = plan_and_outcome_parts(query.text)
                sub = replace(sub, text=asked_of_plan if meta.kind in PLAN_KINDS else asked_of_outcome)
            if asked.text != query.text:  # a part of the question asked of this report alone
                group, found, _ = self._compose(sub, group, share.query_vector, only_docs={meta.doc_id})
            else:
                group = self._with_sentence_hits(sub, group, share.query_vector, 4, top=4, only_docs={meta.doc_id})
                sents = self._sentences(sub, group, share.query_vector, limit=4)
                found = self._compose_one(sub, group, sents)
            if found and inner == "number" and not query.against_plan:
                found = self._with_years_since(query, meta, sub, group, found)
            passages.extend(group)
            # A plan spans years: its title says which.
            label = f"{meta.year} ({meta.title})" if meta.year and meta.kind not in PLAN_KINDS else meta.title
            if not found:
                silent.append(label)
            else:
                # A sentence already quoted within the line's first part ('Genomföra en översyn … En
                # översyn genomfördes …') is not quoted again.
                found = [f for k, f in enumerate(found) if not any(f[0] in g[0] for g in found[:k])][:2]
                parts.append((f"{label}: {found[0][0]}", base + found[0][1]))
                parts += [(text, base + i) for text, i in found[1:]]
        if not parts:
            return self._abstain(query)
        answer = self.render(query, passages, parts, force_lines=True)
        # A comparison that leaves a report out says so, rather than let it pass for all of them.
        answer.text += "".join(f"\n{label}: {NOTHING_IN_REPORT}" for label in silent)
        return answer

    def _with_years_since(self, query: Query, meta: DocumentMeta, sub: Query, group: list[Passage],
                          found: list[tuple[str, int]]) -> list[tuple[str, int]]:
        """'Hur har underskottet utvecklats sedan 2020?': a report whose table has a column for each year
        since then gives its row across them ('Bokslut 2020: -3,3, …, Bokslut 2023: -7,5'), not its own
        year's figure alone."""
        since = _SINCE_YEAR.search(query.text)
        if not since or not meta.year or not 0 < meta.year - int(since.group(1)) < MAX_TABLE_YEARS:
            return found
        span = self._table_cell(replace(sub, years=list(range(int(since.group(1)), meta.year + 1))), group)
        if span is None:
            return found
        label = span[0].split(", ", 1)[0]
        return [span] + [(t, i) for t, i in found if not t.startswith(f"{label}, ")]

    def _compose_one(self, query: Query, passages: list[Passage], sentences: list[_Sentence]) -> list[tuple[str, int]]:
        """One report's share of a comparison, by what the question asks of each report."""
        if query.intent == "status" and self._status_rows(query, passages, sentences):
            return self._status(query, passages, sentences)[:1]
        if query.intent == "why":
            found = self._why(query, passages, sentences)
        elif query.intent == "number":
            found = self._number(query, passages, sentences, budget=300)
            for cell in (self._table_cell(query, passages), None if query.codes else self._indicator_cell(query, passages)):
                if cell and cell[0] not in {text for text, _ in found}:
                    found.insert(0, cell)
        else:
            found = []
        if not found:
            found = self._fact(query, passages, sentences, budget=300)
        return found

    def _abstain(self, query: Query) -> Answer:
        return Answer(question=query.text, text=ABSTAIN_TEXT, citations=[], abstained=True, mode="extractive")

    def _fact(self, query, passages, sentences, budget: int = 560):
        first = self._best(sentences)
        if first and (is_assignment(first.text) or _ASKS_WHETHER.match(query.text) and _in_assignment(first, passages)):
            # The sentence that matches names an assignment; what answers is how it went.
            row = passages[first.passage].chunk
            if row.kind == "uppdrag":
                # An assignment split over two rows under one code ('(37) Stödja … (37) Stödja …') is
                # both of them.
                same = [i for i, p in enumerate(passages) if i != first.passage and p.chunk.kind == "uppdrag"
                        and p.chunk.doc_id == row.doc_id and row.fields.get("code")
                        and p.chunk.fields.get("code") == row.fields["code"]]
                return self._row_lines(query, passages, [first.passage] + same[:1])
            return self._status_in_prose(query, passages, sentences)
        return self._supporting(first, passages, sentences, budget=budget) if first else []

    def _number(self, query, passages, sentences, budget: int = 560):
        wants_percent = bool(re.search(r"procent|%|andel|sjukfrånvaro|sjuktal", query.text, re.I))
        wants_money = bool(re.search(r"kronor|mkr|mnkr|pengar|resultat|plus|minus|budget|kostnad|överskott|underskott",
                                     query.text, re.I))

        def unit_bonus(s: _Sentence) -> float:
            b = 0.0
            if wants_percent and re.search(r"%|procent", s.text):
                b += 0.06
            if wants_money and re.search(r"\b(mkr|mnkr|tkr|kronor|miljoner)\b", s.text):
                b += 0.06
            if is_flattened_table(s.text):
                b -= FLATTENED_PENALTY  # cells run together: a sentence that says the figure reads better
                if _heads_follow_cells(s.text):
                    b -= ROW_RUN_PENALTY
            return b

        best = self._best(sentences, want_number=True, bonus=unit_bonus)
        if not best:
            return []
        parts = self._supporting(best, passages, sentences, want_number=True, budget=budget)
        p = passages[best.passage]
        if p.chunk.kind == "indicator" and p.chunk.fields.get("indikator") and \
                self._support(self._concepts(query), p.chunk.fields["indikator"]) >= 0.5:
            parts = [(self._indicator_line(p, query.years), best.passage)] + \
                self._without_loose_cells(parts, passages, p.chunk.id)
        return parts

    def _cite(self, passages: list[Passage], pos: int) -> int:
        """Append the index's chunk at `pos` to the passages, so that a line read off it is cited: its index."""
        chunk = self.index.chunks[pos]
        passages.append(Passage(chunk=chunk, meta=self.index.metas[chunk.doc_id], score=0.0))
        return len(passages) - 1

    def _next_window(self, passages: list[Passage], at: int, same_section: bool = False) -> list[tuple[str, int]]:
        """The sentences of the chunk after passage `at`'s in its document (the lines it repeats from
        that chunk left out; with `same_section`, only if it goes on in the same section), that chunk
        appended to the passages to be cited."""
        chunk = passages[at].chunk
        order = self.doc_chunks[chunk.doc_id]
        here = order.index(self.position[chunk.id])
        if here + 1 >= len(order):
            return []
        pos = order[here + 1]
        if same_section and self.index.chunks[pos].section != chunk.section:
            return []
        lines = self.index.chunks[pos].text.split("\n")
        texts = split_sentences("\n".join(lines[_overlap(chunk.text.split("\n"), lines):]))
        if not texts:
            return []
        cited = self._cite(passages, pos)
        return [(t, cited) for t in texts]

    def _year_note(self, meta: DocumentMeta, query: Query) -> str:
        """With no year asked, say whether the answer comes from the latest report of its organisation
        and unit, or from an older one although later reports exist."""
        if query.years or query.kinds or query.intent == "compare" or not meta.year or meta.kind in PLAN_KINDS:
            return ""  # a year or a report asked for, or a plan (which covers years ahead)
        years = {m.year for m in self.index.metas.values() if m.year and m.kind not in PLAN_KINDS
                 and (m.organisation, m.unit) == (meta.organisation, meta.unit)}
        if len(years) < 2:
            return ""
        if meta.year >= max(years):
            return ", den senaste rapporten (frågan anger inget år)"
        return f" (frågan anger inget år; det finns rapporter från {', '.join(str(y) for y in sorted(years) if y > meta.year)})"

    def render(self, query: Query, passages: list[Passage], parts: list[tuple[str, int]],
               force_lines: bool = False) -> Answer:
        # A list, a comparison, or an answer that quotes a bulleted list: one line per item.
        as_lines = force_lines or query.intent in ("list", "compare") or \
            sum(text.startswith(_BULLETS) for text, _ in parts) >= 3
        limit = LIST_CHARS if as_lines else MAX_CHARS
        # A bare heading the extraction left between sentences ('Kommentarer') says nothing on its own.
        # Nor does a report generator's page stamp ('http://…/duva0132.htm', 'Uppdaterad: 2021-01-29'), or a
        # page header's line that only names the report.
        parts = [(text, idx) for text, idx in parts if not _is_bare_heading(text) and not is_page_furniture(text)
                 and not _only_names_the_report(text, passages[idx].meta)] or parts
        # The same words found in two passages (a goal's name above its table and in it) are said once.
        said: set[str] = set()
        unique = []
        for text, idx in parts:
            words = " ".join(text.casefold().split())
            if words not in said:
                said.add(words)
                unique.append((text, idx))
        parts = unique
        numbering: dict[int, int] = {}
        lines, used = [], 0
        for text, idx in parts:
            n = numbering.get(idx, len(numbering) + 1)
            line = f"{text} [{n}]"
            if lines and used + len(line) > limit:
                break  # only what is shown is cited
            numbering[idx] = n
            lines.append(line)
            used += len(line)
        docs = list(dict.fromkeys(passages[i].chunk.doc_id for i in numbering))
        if len(docs) == 1:
            m = passages[next(iter(numbering))].meta
            intro = f"Enligt {m.label()}{self._year_note(m, query)}:"
        else:
            intro = "Enligt " + "; ".join(dict.fromkeys(passages[i].meta.label() for i in numbering)) + ":"
        sep = "\n" if as_lines else " "
        citations = [Citation(n=n, doc_id=passages[i].chunk.doc_id, title=passages[i].meta.title,
                              year=passages[i].meta.year, page=passages[i].chunk.page, section=passages[i].chunk.section,
                              text=passages[i].chunk.text, score=passages[i].score,
                              lines=list(passages[i].chunk.lines) if passages[i].chunk.lines else None,
                              organisation=passages[i].meta.organisation)
                     for i, n in numbering.items()]
        return Answer(question=query.text, text=intro + "".join(sep + l for l in lines), citations=citations,
                      abstained=False, mode="extractive")
