"""Grounded extractive answering (the default mode).

The answer is composed of sentences and parsed table cells taken from the retrieved passages, each
followed by [n] pointing at its passage, and opens by naming the report it comes from. When nothing
retrieved supports an answer, it abstains rather than guess.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Protocol

import numpy as np

from .models import Answer, Citation, Passage, Query
from .swedish import NUMBER_RE, canonical_status
from .tokenize import tokenize

ABSTAIN_TEXT = "Det framgår inte av de indexerade rapporterna."
MAX_CHARS = 700
MIN_SUPPORT = 0.34  # share of the question's (idf-weighted) content words a supporting sentence must carry
_CAUSAL = re.compile(r"\b(beror|berodde|på grund av|pga|p\.g\.a\.|främst|förklaras|till följd av|orsak|effekt av|"
                     r"med anledning av|eftersom|huvudsakligen|bidragit|bidrar|medför|medförde|härrör|"
                     r"avvikelsen (beror|förklaras)|drivs av)\b", re.I)
_SENTENCE_SPLIT = re.compile(r"(?<=[.!?])\s+(?=[A-ZÅÄÖ0-9•(])|\s*\n\s*(?=[•\-–]\s)|\n\s*\n")
# Words that make up the question's frame, not its subject.
_FRAME = set(tokenize("vad hur mycket många stor stort hög högt var blev är status läget gick det vilka vilken "
                      "vilket varför enligt rapporten regionen region år året jämfört uppgick uppgår finns"))


class Answerer(Protocol):
    def answer(self, query: Query, passages: list[Passage]) -> Answer: ...


@dataclass
class _Sentence:
    text: str
    passage: int  # index into passages
    support: float
    has_number: bool


def split_sentences(text: str) -> list[str]:
    parts = [re.sub(r"\s+", " ", p).strip() for p in _SENTENCE_SPLIT.split(text)]
    return [p for p in parts if len(p) > 2]


def _shorten(text: str, limit: int) -> str:
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0]
    return cut.rstrip(",;:") + " …"


class ExtractiveAnswerer:
    """Composes a concise Swedish answer from the passages; the same grounding rules for every intent."""

    def __init__(self, idf: dict[str, float], indexed_years: set[int], indexed_orgs: set[str]):
        self.idf = idf
        self.indexed_years = indexed_years
        self.indexed_orgs = {o.casefold() for o in indexed_orgs}

    # --- scoring -----------------------------------------------------------------------------
    def _weights(self, query: Query) -> dict[str, float]:
        toks = [t for t in tokenize(query.text) if t not in _FRAME and not re.fullmatch(r"20\d\d", t)]
        return {t: self.idf.get(t, 0.5) for t in toks}

    def _support(self, weights: dict[str, float], text: str) -> float:
        if not weights:
            return 0.0
        present = set(tokenize(text))
        total = sum(weights.values())
        return sum(w for t, w in weights.items() if t in present) / total

    def _sentences(self, query: Query, passages: list[Passage]) -> list[_Sentence]:
        weights = self._weights(query)
        out = []
        for i, p in enumerate(passages):
            context = " ".join([p.chunk.section, p.chunk.fields.get("header", ""), p.chunk.fields.get("indikator", "")])
            ctx_support = self._support(weights, context)
            for s in split_sentences(p.chunk.text):
                sup = max(self._support(weights, s), 0.6 * self._support(weights, s + " " + context), ctx_support * 0.5)
                out.append(_Sentence(s, i, sup, bool(NUMBER_RE.search(s)) and bool(re.search(r"\d", s))))
        return out

    # --- composing ---------------------------------------------------------------------------
    def answer(self, query: Query, passages: list[Passage]) -> Answer:
        reason = self._out_of_scope(query, passages)
        if reason or not passages:
            return self._abstain(query)
        sentences = self._sentences(query, passages)
        compose = {"status": self._status, "list": self._list, "why": self._why, "number": self._number,
                   "compare": self._compare}.get(query.intent, self._fact)
        parts = compose(query, passages, sentences) or self._fact(query, passages, sentences)
        if not parts:
            return self._abstain(query)
        return self._render(query, passages, parts)

    def _out_of_scope(self, query: Query, passages: list[Passage]) -> str | None:
        unknown_orgs = [o for o in query.organisations
                        if o.startswith("Region ") and o.casefold() not in self.indexed_orgs]
        known_orgs = [o for o in query.organisations if o.casefold() in self.indexed_orgs or not o.startswith("Region ")]
        if unknown_orgs and not known_orgs:
            return "organisation"
        if query.years and not (set(query.years) & self.indexed_years):
            top_text = " ".join(p.chunk.text for p in passages[:5])
            if not any(str(y) in top_text for y in query.years):
                return "year"
        return None

    def _abstain(self, query: Query) -> Answer:
        return Answer(question=query.text, text=ABSTAIN_TEXT, citations=[], abstained=True, mode="extractive")

    def _best(self, sentences: list[_Sentence], want_number: bool = False, exclude: set[str] = frozenset(),
              prefer_doc: str | None = None, passages: list[Passage] | None = None) -> _Sentence | None:
        best, best_score = None, 0.0
        for s in sentences:
            if s.text in exclude or (want_number and not s.has_number):
                continue
            score = s.support * (1.0 - 0.04 * min(s.passage, 10))
            if prefer_doc and passages and passages[s.passage].chunk.doc_id != prefer_doc:
                score *= 0.6
            if score > best_score:
                best, best_score = s, score
        return best if best and best.support >= MIN_SUPPORT else None

    def _fact(self, query, passages, sentences):
        first = self._best(sentences, passages=passages)
        if not first:
            return []
        parts = [(first.text, first.passage)]
        doc = passages[first.passage].chunk.doc_id
        second = self._best([s for s in sentences if passages[s.passage].chunk.doc_id == doc],
                            exclude={first.text}, passages=passages)
        if second and second.support >= 0.8 * first.support and len(first.text) + len(second.text) < MAX_CHARS:
            parts.append((second.text, second.passage))
        return parts

    def _number(self, query, passages, sentences):
        best = self._best(sentences, want_number=True, passages=passages)
        if not best:
            return []
        p = passages[best.passage]
        parts = []
        if p.chunk.kind == "indicator" and p.chunk.fields.get("indikator"):
            parts.append((self._indicator_line(p), best.passage))
        parts.append((best.text, best.passage))
        return parts

    @staticmethod
    def _indicator_line(p: Passage) -> str:
        f = p.chunk.fields
        cells = [f"{k}: {v}" for k, v in f.items() if re.match(r"(Utfall|Mål|Målvärde|Prognos|Budget)", k)]
        if f.get("måluppfyllelse"):
            cells.append(f"måluppfyllelse: {f['måluppfyllelse']}")
        return f"{f['indikator']} – " + ", ".join(cells) if cells else f["indikator"]

    def _why(self, query, passages, sentences):
        causal = [s for s in sentences if _CAUSAL.search(s.text)]
        best = self._best(causal, passages=passages) or self._best(sentences, passages=passages)
        if not best:
            return []
        parts = [(best.text, best.passage)]
        # Reasons are often a bullet list after 'beror främst på': take the whole list.
        in_passage = [s for s in sentences if s.passage == best.passage]
        idx = next(i for i, s in enumerate(in_passage) if s.text == best.text)
        for s in in_passage[idx + 1:]:
            if s.text.startswith(("•", "-", "–")) or (best.text.rstrip().endswith(":") or
                                                      best.text.rstrip().endswith("på")):
                parts.append((s.text, s.passage))
            else:
                break
        if len(parts) == 1:
            more = self._best([s for s in causal if s.passage == best.passage], exclude={best.text}, passages=passages)
            if more:
                parts.append((more.text, more.passage))
        return parts

    def _status_rows(self, query, passages) -> list[int]:
        codes = {c.upper() for c in query.codes}
        rows = [i for i, p in enumerate(passages) if p.chunk.kind == "uppdrag"
                and (not codes or str(p.chunk.fields.get("code", "")).upper() in codes)]
        if rows:
            doc = passages[rows[0]].chunk.doc_id
            rows = [i for i in rows if passages[i].chunk.doc_id == doc]
        return rows[:3]

    def _status(self, query, passages, sentences):
        rows = self._status_rows(query, passages)
        weights = self._weights(query)
        if not rows or (not query.codes and self._support(weights, passages[rows[0]].chunk.text) < MIN_SUPPORT):
            return self._fact(query, passages, sentences)
        parts = []
        for i in rows:
            f = passages[i].chunk.fields
            label = f.get("code") or _shorten(f.get("uppdrag", ""), 90)
            who = f" (ansvarig: {f['ansvarig']})" if f.get("ansvarig") else ""
            comment = " ".join(split_sentences(f.get("kommentar", ""))[:2])
            if f.get("status"):
                line = f"{label}{who}: status {f['status']}."
            else:
                line = f"{label}{who}: rapporten anger ingen statusmarkering."
                comment = comment or " ".join(split_sentences(f.get("uppdrag", ""))[-2:])
            if comment:
                line += f" Kommentar: {_shorten(comment, 300)}"
            parts.append((line, i))
        return parts

    def _list(self, query, passages, sentences):
        if not query.status_filter:
            return self._fact(query, passages, sentences)
        matching = [i for i, p in enumerate(passages) if p.chunk.kind == "uppdrag"
                    and canonical_status(p.chunk.fields.get("status", "")) == query.status_filter]
        if not matching:
            return []
        doc = passages[matching[0]].chunk.doc_id
        parts = []
        for i in matching:
            f = passages[i].chunk.fields
            if passages[i].chunk.doc_id != doc:
                continue
            label = f.get("code") or ""
            what = _shorten(re.sub(r"^\(?[A-ZÅÄÖ]{0,4}\d{1,3}\)?\s*", "", f.get("uppdrag", "")), 110)
            parts.append((f"{label} {what} – {f['status']}".strip(), i))
        return parts

    def _compare(self, query, passages, sentences):
        by_doc: dict[str, list[_Sentence]] = {}
        for s in sentences:
            by_doc.setdefault(passages[s.passage].chunk.doc_id, []).append(s)
        picked = []
        for doc, sents in by_doc.items():
            best = self._best(sents, want_number=True, passages=passages)
            if best:
                picked.append((passages[best.passage].meta.year or 0, best))
        picked.sort(key=lambda t: t[0])
        return [(f"{year}: {s.text}", s.passage) for year, s in picked[:4]]

    def _render(self, query: Query, passages: list[Passage], parts: list[tuple[str, int]]) -> Answer:
        limit = 1400 if query.intent in ("list", "compare") else MAX_CHARS
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
            intro = f"Enligt {m.title} ({m.organisation}):" if m.organisation else f"Enligt {m.title}:"
        else:
            intro = "Enligt " + "; ".join(f"[{numbering[i]}] {passages[i].meta.title}" for i in numbering) + ":"
        sep = "\n" if query.intent in ("list", "compare") else " "
        body = "".join(sep + line for line in lines)
        citations = [Citation(n=n, doc_id=passages[i].chunk.doc_id, title=passages[i].meta.title,
                              year=passages[i].meta.year, page=passages[i].chunk.page, section=passages[i].chunk.section,
                              text=passages[i].chunk.text, score=passages[i].score,
                              lines=list(passages[i].chunk.lines) if passages[i].chunk.lines else None)
                     for i, n in numbering.items()]
        return Answer(question=query.text, text=(intro + body).strip(), citations=citations, abstained=False,
                      mode="extractive")


def idf_from_bm25(bm25) -> dict[str, float]:
    """Inverse document frequency per token, read from the bm25s index (no second pass over the text)."""
    indptr = np.asarray(bm25.scores["indptr"])
    df = np.diff(indptr)
    n = max(int(bm25.scores.get("num_docs", len(df))), 1)
    idf = np.log(1 + (n - df + 0.5) / (df + 0.5))
    return {tok: float(idf[i]) for tok, i in bm25.vocab_dict.items() if i < len(idf)}
