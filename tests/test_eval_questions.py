"""The project's question set is well-formed: verbatim evidence, supported must_contain, coverage."""
from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

from assistant.evaluation import TYPES

ROOT = Path(__file__).resolve().parent.parent
QUESTIONS = [json.loads(l) for l in (ROOT / "eval" / "questions.jsonl").read_text(encoding="utf-8").splitlines() if l.strip()]
norm = lambda s: re.sub(r"\s+", " ", s.casefold()).strip()  # noqa: E731
LINES = [norm(l) for f in (ROOT / "corpus").glob("*.txt") for l in f.read_text(encoding="utf-8").splitlines()]


def test_every_evidence_snippet_lies_within_one_line_of_the_corpus():
    bad = [(q["id"], e) for q in QUESTIONS for e in q["evidence"]
           if not (30 <= len(e) <= 160 and any(norm(e) in line for line in LINES))]
    assert bad == []


def test_every_must_contain_group_is_supported_by_evidence_or_reference_answer():
    bad = []
    for q in QUESTIONS:
        support = norm(" ".join(q["evidence"]) + " " + q["answer"])
        bad += [(q["id"], g) for g in q["must_contain"] if not any(norm(s) in support for s in g)]
    assert bad == []


def test_coverage_of_types_reports_wording_and_splits():
    types = Counter(q["type"] for q in QUESTIONS)
    assert len(QUESTIONS) >= 150 and set(types) == set(TYPES) and types["unanswerable"] >= 15
    assert all(not q["must_contain"] and not q["evidence"] for q in QUESTIONS if q["type"] == "unanswerable")
    sources = {s for q in QUESTIONS for s in ([q["source"]] if isinstance(q["source"], str) else q["source"])}
    assert {p.name for p in (ROOT / "corpus").glob("*.txt")} <= sources
    assert sum(q["wording"] == "staff" for q in QUESTIONS) >= len(QUESTIONS) / 2
    assert {q["split"] for q in QUESTIONS} == {"dev", "test"}
    assert len({q["id"] for q in QUESTIONS}) == len(QUESTIONS)


def test_staff_questions_copy_no_run_of_four_words_from_the_reports():
    corpus = " ".join(LINES)
    words = lambda s: re.findall(r"\w+", s.casefold())  # noqa: E731
    corpus_text = " " + " ".join(words(corpus)) + " "
    copied = []
    for q in QUESTIONS:
        w = words(q["question"])
        if q["wording"] == "staff" and any(f" {' '.join(w[i:i + 4])} " in corpus_text for i in range(len(w) - 3)):
            copied.append(q["id"])
    assert copied == []
