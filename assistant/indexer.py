"""Build or update the index from the corpus folder, incrementally.

A report whose file hash and catalog entry are unchanged keeps its chunks; chunks whose text is
unchanged keep their vectors (embedding cache). Only new or changed text is embedded. A report
that no longer lies in the corpus drops out of the new generation.
"""
from __future__ import annotations

import json
import shutil
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

import numpy as np
from tqdm import tqdm

from .catalog import REPORT_KINDS, Catalog, slugify
from .chunking import chunk_document
from .config import CATALOG_NAME, SUPPORTED_SUFFIXES, Settings
from .embedders import Embedder, load_embedder
from .errors import AssistantError, IngestError
from .ingest import load_document, sha256_file
from .models import Chunk
from .sentences import SPLITTER_VERSION, is_substantive, sentence_for_vector, split_sentences
from .lexical import OTHERS, REPORTS, LexicalIndex
from .store import SCHEMA_VERSION, EmbeddingCache, read_manifest, text_hash, write_generation
from .tokenize import TOKENIZER_VERSION, tokenize

CHUNKER_VERSION = 53  # bump when chunking changes so unchanged files are re-chunked


@dataclass
class BuildReport:
    documents: int = 0
    chunks: int = 0
    embedded: int = 0
    reused_documents: int = 0
    removed: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)  # 'file: reason' for files that could not be read
    seconds: float = 0.0
    changed: bool = False
    stage_seconds: dict[str, float] = field(default_factory=lambda: {"extract": 0.0, "chunk": 0.0, "embed": 0.0,
                                                                      "write": 0.0})


MAX_REPORTS = 2000  # a corpus folder is for one organisation's reports; thousands of documents go elsewhere


def corpus_files(corpus_dir: Path) -> list[Path]:
    """Report files directly in the corpus folder; links that lead outside it are ignored."""
    if not corpus_dir.is_dir():
        raise AssistantError(f"{corpus_dir}: korpusmappen finns inte. Ange en befintlig mapp med --corpus.")
    root = corpus_dir.resolve()
    return sorted(p for p in corpus_dir.iterdir()
                  if p.is_file() and p.suffix.lower() in SUPPORTED_SUFFIXES and not p.name.startswith(".")
                  and p.resolve().parent == root)


def corpus_fingerprint(corpus_dir: Path) -> dict[str, Any]:
    """Cheap change detection: names, sizes and modification times, plus the catalog."""
    files = {p.name: [p.stat().st_size, p.stat().st_mtime_ns] for p in corpus_files(corpus_dir)}
    cat = corpus_dir / CATALOG_NAME
    return {"files": files, "catalog": cat.stat().st_mtime_ns if cat.exists() else None,
            "chunker": CHUNKER_VERSION, "sentences": SPLITTER_VERSION, "tokenizer": TOKENIZER_VERSION, "schema": SCHEMA_VERSION}


def index_is_current(settings: Settings) -> bool:
    manifest = read_manifest(settings.index_dir)
    if manifest is None:
        return False
    return manifest.get("fingerprint") == corpus_fingerprint(settings.corpus_dir)


def add_reports(settings: Settings, paths: list[Path], overrides: dict[str, Any] | None = None) -> list[Path]:
    """Validate reports and place them in the corpus (with catalog overrides); returns their corpus paths.

    Every file is read first: one bad file stops the whole call before anything is copied.
    """
    files: list[Path] = []
    for p in paths:
        p = Path(p)
        if p.is_dir():
            files.extend(q for q in sorted(p.iterdir()) if q.suffix.lower() in SUPPORTED_SUFFIXES)
        else:
            files.append(p)
    existing = {sha256_file(p): p.name for p in corpus_files(settings.corpus_dir)}
    if len(existing) + len(files) > MAX_REPORTS:
        raise AssistantError(f"Korpusen får högst {MAX_REPORTS} rapporter; ta bort rapporter först.")
    for f in files:
        load_document(f)  # raises IngestError naming the file
        digest = sha256_file(f)
        if digest in existing and existing[digest] != f.name:
            raise AssistantError(f"{f.name}: samma innehåll som den redan indexerade rapporten {existing[digest]} "
                                 "(dubblett). Inget har lagts till.")
    catalog = Catalog.load(settings.corpus_dir)
    placed = []
    for f in files:
        target = settings.corpus_dir / Path(f.name).name  # never a path outside the corpus
        if f.resolve() != target.resolve():
            if target.exists() and sha256_file(target) != sha256_file(f):
                raise AssistantError(f"{target}: en annan rapport med samma filnamn finns redan i korpusen. "
                                     "Byt namn på filen eller ta bort den gamla först.")
            shutil.copy2(f, target)
        if overrides:
            catalog.set_entry(f.name, **overrides)
        placed.append(target)
    if overrides:
        catalog.save()
    return placed


def build_index(settings: Settings, rebuild: bool = False, progress: bool = True,
                embedder: Embedder | None = None, log: Callable[[str], None] | None = None) -> BuildReport:
    started = time.perf_counter()
    log = log or (lambda msg: print(msg, file=sys.stderr))
    embedder = embedder or load_embedder(settings.embedder)
    report = BuildReport()
    catalog = Catalog.load(settings.corpus_dir)
    files = corpus_files(settings.corpus_dir)
    previous = None if rebuild else read_manifest(settings.index_dir)
    if previous and previous["embedder"]["id"] != embedder.id:
        log(f"Indexet byggdes med {previous['embedder']['id']}; bygger om med {embedder.id}.")
        previous = None
    old_chunks: dict[str, list[Chunk]] = {}
    if previous:
        gen = settings.index_dir / (settings.index_dir / "CURRENT").read_text(encoding="utf-8").strip()
        for line in (gen / "chunks.jsonl").read_text(encoding="utf-8").splitlines():
            c = Chunk.from_dict(json.loads(line))
            old_chunks.setdefault(c.doc_id, []).append(c)

    documents: dict[str, Any] = {}
    chunks: list[Chunk] = []
    bar = tqdm(files, desc="Läser rapporter", unit="fil", disable=not progress, file=sys.stderr)
    for path in bar:
        doc_id = slugify(path.stem)
        digest = sha256_file(path)
        entry = catalog.reports.get(path.name, {})
        prev_doc = (previous or {}).get("documents", {}).get(doc_id)
        if (prev_doc and prev_doc["meta"]["sha256"] == digest and prev_doc.get("catalog") == entry
                and previous.get("fingerprint", {}).get("chunker") == CHUNKER_VERSION and doc_id in old_chunks):
            documents[doc_id] = prev_doc
            chunks.extend(old_chunks[doc_id])
            report.reused_documents += 1
            continue
        t_stage = time.perf_counter()
        try:
            doc = load_document(path, catalog)
        except IngestError as exc:
            report.skipped.append(str(exc))
            log(f"Hoppar över {exc}")
            continue
        if doc_id in documents:
            report.skipped.append(f"{path}: samma dokument-id som en annan fil ({doc_id}); byt filnamn.")
            continue
        twin = next((d for d, v in documents.items() if v["meta"]["sha256"] == digest), None)
        if twin:
            report.skipped.append(f"{path}: dubblett av {twin} (samma innehåll); indexeras inte två gånger.")
            continue
        t_chunk = time.perf_counter()
        report.stage_seconds["extract"] += t_chunk - t_stage
        doc_chunks = chunk_document(doc)
        report.stage_seconds["chunk"] += time.perf_counter() - t_chunk
        documents[doc_id] = {"meta": doc.meta.to_dict(), "catalog": entry, "n_chunks": len(doc_chunks),
                             "pages": len(doc.pages) if doc.paginated else None,
                             "lines": None if doc.paginated else doc.pages[0].text.count("\n") + 1,
                             "added": time.strftime("%Y-%m-%d %H:%M")}
        if prev_doc:
            documents[doc_id]["added"] = prev_doc.get("added", documents[doc_id]["added"])
        chunks.extend(doc_chunks)
    report.removed = sorted(set((previous or {}).get("documents", {})) - set(documents))

    t_embed = time.perf_counter()
    vectors = embed_texts(settings.index_dir, embedder, [c.index_text() for c in chunks], progress, report,
                          "Beräknar embeddings (avsnitt)")
    sentence_lists = [split_sentences(c.text) for c in chunks]
    offsets = np.cumsum([0] + [len(s) for s in sentence_lists])
    flat = [sentence_for_vector(c.section, s) for c, group in zip(chunks, sentence_lists) for s in group]
    wanted = [i for i, s in enumerate(flat) if is_substantive(s)]
    sentence_vectors = np.zeros((len(flat), embedder.dim), np.float32)
    if wanted:
        sentence_vectors[wanted] = embed_texts(settings.index_dir, embedder, [flat[i] for i in wanted], progress,
                                               report, "Beräknar embeddings (meningar)")
    report.stage_seconds["embed"] = time.perf_counter() - t_embed
    t_write = time.perf_counter()
    collections = [REPORTS if documents[c.doc_id]["meta"]["kind"] in REPORT_KINDS else OTHERS for c in chunks]
    lexical = LexicalIndex.build([tokenize(c.index_text()) for c in chunks], collections)
    manifest = {
        "embedder": {"id": embedder.id, "dim": embedder.dim, "spec": settings.embedder},
        "documents": documents,
        "fingerprint": corpus_fingerprint(settings.corpus_dir),
        "built": time.strftime("%Y-%m-%dT%H:%M:%S"),
    }
    write_generation(settings.index_dir, manifest, chunks, vectors, lexical, sentence_vectors, offsets)
    report.stage_seconds["write"] = time.perf_counter() - t_write
    report.documents, report.chunks = len(documents), len(chunks)
    report.changed = bool(report.embedded or report.removed or report.reused_documents != len(documents))
    report.seconds = time.perf_counter() - started
    return report


def embed_texts(index_dir: Path, embedder: Embedder, texts: list[str], progress: bool,
                report: BuildReport, desc: str, batch: int = 32) -> np.ndarray:
    """Vectors for texts, from the cache where the same text was embedded before."""
    cache = EmbeddingCache(index_dir)
    try:
        hashes = [text_hash(t) for t in texts]
        known = cache.get_many(embedder.id, list(set(hashes)))
        todo = sorted({h: t for h, t in zip(hashes, texts) if h not in known}.items())
        with tqdm(total=len(todo), desc=desc, unit="text", disable=not progress or not todo, file=sys.stderr) as bar:
            for i in range(0, len(todo), batch):
                part = todo[i:i + batch]
                vecs = embedder.encode_passages([t for _, t in part])
                cache.put_many(embedder.id, [(h, v) for (h, _), v in zip(part, vecs)])
                known.update({h: v for (h, _), v in zip(part, vecs)})
                bar.update(len(part))
        report.embedded += len(todo)
        if not texts:
            return np.zeros((0, embedder.dim), np.float32)
        return np.vstack([known[h] for h in hashes]).astype(np.float32)
    finally:
        cache.close()
