"""`assistant eval`: scores any question file in the DESIGN.md schema, the same way every time.

Correct answer: after casefolding and collapsing whitespace it holds one string of every
`must_contain` group; an unanswerable question is correct only when the system abstains, an
answerable one is wrong when it abstains. Retrieval hit at k: a top-k passage holds an evidence
snippet. The JSON report carries every per-question result so each figure can be recomputed.
"""
from __future__ import annotations

import json
import sys
import time
from pathlib import Path
from typing import Any

import numpy as np
from tqdm import tqdm

from .errors import AssistantError
from .swedish import normalise

TYPES = ("status", "number", "why", "fact", "list", "cross", "unanswerable")
REQUIRED = {"id": str, "question": str, "type": str, "must_contain": list, "evidence": list}


def load_questions(path: Path) -> list[dict[str, Any]]:
    if not path.exists():
        raise AssistantError(f"{path}: frågefilen finns inte.")
    questions = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            q = json.loads(line)
        except ValueError as exc:
            raise AssistantError(f"{path}, rad {n}: ogiltig JSON ({exc.msg}).") from exc
        if not isinstance(q, dict):
            raise AssistantError(f"{path}, rad {n}: varje rad ska vara ett JSON-objekt.")
        for key, typ in REQUIRED.items():
            if not isinstance(q.get(key), typ):
                raise AssistantError(f"{path}, rad {n}: fältet '{key}' saknas eller har fel typ "
                                     f"(ska vara {typ.__name__}).")
        if q["type"] not in TYPES:
            raise AssistantError(f"{path}, rad {n}: okänd type '{q['type']}' (tillåtna: {', '.join(TYPES)}).")
        if not all(isinstance(g, list) and all(isinstance(s, str) for s in g) for g in q["must_contain"]):
            raise AssistantError(f"{path}, rad {n}: 'must_contain' ska vara en lista av listor med strängar.")
        questions.append(q)
    if not questions:
        raise AssistantError(f"{path}: filen innehåller inga frågor.")
    return questions


def is_correct(question: dict[str, Any], answer: str, abstained: bool) -> bool:
    if question["type"] == "unanswerable":
        return abstained
    if abstained:
        return False
    text = normalise(answer)
    return all(any(normalise(s) in text for s in group) for group in question["must_contain"])


def hit_rank(question: dict[str, Any], passages: list[str]) -> int | None:
    snippets = [normalise(e) for e in question.get("evidence", []) if e.strip()]
    if not snippets:
        return None
    for rank, text in enumerate(passages, 1):
        t = normalise(text)
        if any(s in t for s in snippets):
            return rank
    return None


def summarise(results: list[dict[str, Any]]) -> dict[str, Any]:
    """Figures for one group of results: n, hit@1/3/5, MRR@10, accuracy, abstention P/R, latency."""
    answerable = [r for r in results if r["type"] != "unanswerable"]
    with_evidence = [r for r in answerable if r.get("has_evidence", True)]
    abstained = [r for r in results if r["abstained"]]
    unanswerable = [r for r in results if r["type"] == "unanswerable"]
    lat = np.array([r["latency_ms"] for r in results]) if results else np.zeros(1)

    def hit(k):
        if not with_evidence:
            return None
        return round(sum(1 for r in with_evidence if r["hit_rank"] and r["hit_rank"] <= k) / len(with_evidence), 3)

    return {
        "n": len(results),
        "hit@1": hit(1), "hit@3": hit(3), "hit@5": hit(5),
        "mrr@10": round(sum(1 / r["hit_rank"] for r in with_evidence if r["hit_rank"] and r["hit_rank"] <= 10)
                        / len(with_evidence), 3) if with_evidence else None,
        "accuracy": round(sum(r["correct"] for r in results) / len(results), 3) if results else None,
        "abstention_precision": round(sum(1 for r in abstained if r["type"] == "unanswerable") / len(abstained), 3)
        if abstained else None,
        "abstention_recall": round(sum(1 for r in unanswerable if r["abstained"]) / len(unanswerable), 3)
        if unanswerable else None,
        "answerable_abstained": round(sum(1 for r in answerable if r["abstained"]) / len(answerable), 3)
        if answerable else None,
        "latency_p50_ms": round(float(np.percentile(lat, 50)), 1),
        "latency_p95_ms": round(float(np.percentile(lat, 95)), 1),
    }


def _grouped(results: list[dict[str, Any]]) -> dict[str, Any]:
    out: dict[str, Any] = {"overall": summarise(results)}
    out["by_type"] = {t: summarise([r for r in results if r["type"] == t]) for t in TYPES
                      if any(r["type"] == t for r in results)}
    wordings = sorted({r["wording"] for r in results if r.get("wording")})
    if wordings:
        out["by_wording"] = {w: summarise([r for r in results if r.get("wording") == w]) for w in wordings}
    return out


def run_eval(assistant, questions: list[dict[str, Any]], k: int = 10, baseline: bool = False,
             progress: bool = True) -> dict[str, Any]:
    results = []
    for q in tqdm(questions, desc="Utvärderar", unit="fråga", disable=not progress, file=sys.stderr):
        t0 = time.perf_counter()
        answer = assistant.ask(q["question"], k=k)
        latency = (time.perf_counter() - t0) * 1000
        passages = [p.chunk.text for p in answer.passages[:10]]
        correct = is_correct(q, answer.text, answer.abstained)
        results.append({
            "id": q["id"], "type": q["type"], "question": q["question"], "answer": answer.text,
            "abstained": answer.abstained, "correct": correct, "hit_rank": hit_rank(q, passages),
            "passages": passages, "citations": [c.to_dict() for c in answer.citations],
            "latency_ms": round(latency, 1), "has_evidence": bool(q.get("evidence")),
            **({"wording": q["wording"]} if q.get("wording") else {}),
        })
    report: dict[str, Any] = {"summary": _grouped(results), "results": results,
                              "failing": [r["id"] for r in results if not r["correct"]]}
    if baseline:
        report["baselines"] = {name: _grouped(_baseline_results(assistant, questions, name, k))
                               for name in ("bm25", "dense")}
    return report


def _baseline_results(assistant, questions, channel: str, k: int) -> list[dict[str, Any]]:
    """A search box: the top passage of plain BM25 or plain dense retrieval shown as the answer."""
    _, retriever, _ = assistant._load()
    out = []
    for q in tqdm(questions, desc=f"Baslinje {channel}", unit="fråga", file=sys.stderr):
        t0 = time.perf_counter()
        passages = retriever.baseline(assistant.analyse(q["question"]), channel, k=k)
        latency = (time.perf_counter() - t0) * 1000
        texts = [p.chunk.text for p in passages[:10]]
        answer = texts[0] if texts else ""
        out.append({"id": q["id"], "type": q["type"], "abstained": False,
                    "correct": is_correct(q, answer, False), "hit_rank": hit_rank(q, texts),
                    "latency_ms": round(latency, 1), "has_evidence": bool(q.get("evidence")),
                    **({"wording": q["wording"]} if q.get("wording") else {})})
    return out


def _fmt(v) -> str:
    return "–" if v is None else (f"{v:.3f}" if isinstance(v, float) else str(v))


def format_report(report: dict[str, Any]) -> str:
    cols = ["n", "hit@1", "hit@3", "hit@5", "mrr@10", "accuracy", "abstention_precision", "abstention_recall",
            "latency_p50_ms", "latency_p95_ms"]
    heads = ["n", "hit@1", "hit@3", "hit@5", "MRR@10", "acc", "abst.P", "abst.R", "p50 ms", "p95 ms"]
    lines = [f"{'':<16}" + "".join(f"{h:>9}" for h in heads)]

    def row(name, s):
        lines.append(f"{name:<16}" + "".join(f"{_fmt(s[c]):>9}" for c in cols))

    summary = report["summary"]
    for t, s in summary["by_type"].items():
        row(t, s)
    for w, s in summary.get("by_wording", {}).items():
        row(f"wording={w}", s)
    row("OVERALL", summary["overall"])
    for name, base in report.get("baselines", {}).items():
        row(f"baseline {name}", base["overall"])
    failing = report.get("failing", [])
    if failing:
        lines.append(f"Fel besvarade ({len(failing)}): " + ", ".join(failing[:40]) + (" …" if len(failing) > 40 else ""))
    return "\n".join(lines)
