"""The lexical channel: BM25 (bm25s) kept per collection of documents.

Collection 0 holds the organisation's own reports, collection 1 everything else that was indexed
(press releases, memos). Each collection has its own term statistics (idf, average length), so
thousands of unrelated documents do not change how the reports rank against each other: the scores
of a report passage are the same whether or not the other documents are indexed.
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Sequence

import bm25s
import numpy as np

REPORTS, OTHERS = 0, 1
_GROUPS_FILE = "collections.json"


class LexicalIndex:
    def __init__(self, collection_of: np.ndarray, parts: dict[int, bm25s.BM25]):
        self.collection_of = collection_of  # collection number per chunk
        self.parts = parts
        self.members = {c: np.nonzero(collection_of == c)[0] for c in parts}
        self.n = len(collection_of)
        self._idf: dict[int | None, dict[str, float]] = {}  # read once: the retriever and the answerer both ask

    @classmethod
    def build(cls, token_lists: Sequence[list[str]], collection_of: Sequence[int]) -> "LexicalIndex":
        groups = np.asarray(collection_of, dtype=np.int8).reshape(-1)
        parts = {}
        for c in sorted(set(groups.tolist())):
            bm25 = bm25s.BM25()
            # bm25s needs at least one token per document; an empty chunk gets a placeholder.
            docs = [token_lists[i] or ["∅"] for i in np.nonzero(groups == c)[0]]
            # Token ids in sorted order: bm25s numbers them in set order, which changes with Python's
            # hash seed, so the same corpus gave other files (and manifest checksums) on every build.
            vocab = {token: k for k, token in enumerate(sorted({t for doc in docs for t in doc}))}
            bm25.index(([[vocab[t] for t in doc] for doc in docs], vocab), show_progress=False)
            parts[c] = bm25
        return cls(groups, parts)

    def save(self, folder: Path) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        (folder / _GROUPS_FILE).write_text(json.dumps(self.collection_of.tolist()), encoding="utf-8")
        for c, bm25 in self.parts.items():
            bm25.save(str(folder / f"collection-{c}"), show_progress=False)

    @classmethod
    def load(cls, folder: Path) -> "LexicalIndex":
        groups = np.asarray(json.loads((folder / _GROUPS_FILE).read_text(encoding="utf-8")), dtype=np.int8)
        parts = {c: bm25s.BM25.load(str(folder / f"collection-{c}"), show_progress=False, verbosity=0)
                 for c in sorted(set(groups.tolist()))}
        return cls(groups, parts)

    def get_scores(self, tokens: list[str]) -> np.ndarray:
        """BM25 score of every chunk, each against its own collection's statistics."""
        scores = np.zeros(self.n, np.float32)
        if tokens:
            for c, bm25 in self.parts.items():
                scores[self.members[c]] = bm25.get_scores(tokens)
        return scores

    def idf(self, collection: int | None = None) -> dict[str, float]:
        """Inverse document frequency per token, read from the index (no second pass over the text):
        of one collection, or of all, the reports' own statistics winning where both have a token."""
        if collection in self._idf:
            return self._idf[collection]
        result: dict[str, float] = {}
        for c in sorted(self.parts, reverse=True):
            if collection is not None and c != collection:
                continue
            bm25 = self.parts[c]
            df = np.diff(np.asarray(bm25.scores["indptr"]))
            n = max(int(bm25.scores.get("num_docs", len(df))), 1)
            idf = np.log(1 + (n - df + 0.5) / (df + 0.5))
            result.update({tok: float(idf[i]) for tok, i in bm25.vocab_dict.items() if i < len(idf)})
        self._idf[collection] = result
        return result
