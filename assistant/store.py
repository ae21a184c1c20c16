"""The index on disk: one generation folder per build, switched atomically.

index/
  CURRENT                 name of the live generation (replaced with os.replace: atomic)
  gen-<time>-<rand>/      manifest.json, chunks.jsonl, vectors.faiss, lexical/ (BM25 per collection:
                          numpy + json, no pickles)
  embeddings.sqlite       embedding cache keyed by (embedder id, sha256 of the text)

A build writes a whole new generation and only then points CURRENT at it, so a crash or a bad file
half-way leaves the previous index in use. Readers load a generation whole.
"""
from __future__ import annotations

import hashlib
import json
import os
import shutil
import sqlite3
import time
import uuid
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any, Iterable

import faiss
import numpy as np

from .catalog import REPORT_KINDS
from .errors import AssistantError, IndexMismatchError
from .lexical import LexicalIndex
from .models import Chunk, DocumentMeta
from .units import Units

SCHEMA_VERSION = 2  # 2: BM25 kept per collection (lexical/)
ANN_THRESHOLD = 50_000  # passages; above this the dense channel uses an HNSW graph instead of exact search
CURRENT = "CURRENT"
CACHE_NAME = "embeddings.sqlite"


def text_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _file_sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


class EmbeddingCache:
    """Vectors keyed by content hash so unchanged text is never embedded twice."""

    def __init__(self, index_dir: Path):
        index_dir.mkdir(parents=True, exist_ok=True)
        self.db = sqlite3.connect(index_dir / CACHE_NAME, timeout=30)
        self.db.execute("CREATE TABLE IF NOT EXISTS embeddings (embedder TEXT, hash TEXT, dim INTEGER, "
                        "vector BLOB, PRIMARY KEY (embedder, hash))")

    def get_many(self, embedder: str, hashes: list[str]) -> dict[str, np.ndarray]:
        found: dict[str, np.ndarray] = {}
        for i in range(0, len(hashes), 500):
            part = hashes[i:i + 500]
            rows = self.db.execute(
                f"SELECT hash, vector FROM embeddings WHERE embedder = ? AND hash IN ({','.join('?' * len(part))})",
                [embedder, *part])
            for h, blob in rows:
                found[h] = np.frombuffer(blob, dtype=np.float32)
        return found

    def put_many(self, embedder: str, items: Iterable[tuple[str, np.ndarray]]) -> None:
        with self.db:
            self.db.executemany("INSERT OR REPLACE INTO embeddings VALUES (?, ?, ?, ?)",
                                [(embedder, h, int(v.shape[0]), v.astype(np.float32).tobytes()) for h, v in items])

    def close(self) -> None:
        self.db.close()


@dataclass
class LoadedIndex:
    path: Path
    manifest: dict[str, Any]
    chunks: list[Chunk]
    metas: dict[str, DocumentMeta]
    vectors: faiss.Index
    lexical: LexicalIndex
    sentence_vectors: np.ndarray  # one row per sentence of every chunk, in order (zeros: not embedded)
    sentence_offsets: np.ndarray  # chunk i owns rows sentence_offsets[i]:sentence_offsets[i + 1]

    @property
    def embedder_id(self) -> str:
        return self.manifest["embedder"]["id"]

    @cached_property
    def units(self) -> Units:
        """The organisational units the reports name, with the abbreviations the same report uses
        (mined once per load; other documents, such as press releases, are not the region's own)."""
        by_doc: dict[str, list[str]] = {}
        for c in self.chunks:
            if self.metas[c.doc_id].kind in REPORT_KINDS:
                by_doc.setdefault(c.doc_id, []).append(c.text)
        return Units.mine("\n".join(texts) for texts in by_doc.values())


def current_generation(index_dir: Path) -> Path | None:
    pointer = index_dir / CURRENT
    if not pointer.exists():
        return None
    gen = index_dir / pointer.read_text(encoding="utf-8").strip()
    return gen if (gen / "manifest.json").exists() else None


def read_manifest(index_dir: Path) -> dict[str, Any] | None:
    gen = current_generation(index_dir)
    if gen is None:
        return None
    try:
        return json.loads((gen / "manifest.json").read_text(encoding="utf-8"))
    except ValueError as exc:
        raise AssistantError(f"{gen / 'manifest.json'}: indexets manifest är skadat ({exc}). "
                             "Bygg om med: assistant index --rebuild") from exc


def dense_index(vectors: np.ndarray, dim: int, threshold: int = ANN_THRESHOLD) -> faiss.Index:
    """Exact inner-product search below `threshold` vectors, an HNSW graph (approximate) above it."""
    if len(vectors) > threshold:
        index = faiss.IndexHNSWFlat(dim, 32, faiss.METRIC_INNER_PRODUCT)
        index.hnsw.efConstruction, index.hnsw.efSearch = 80, 128
    else:
        index = faiss.IndexFlatIP(dim)
    if len(vectors):
        index.add(np.ascontiguousarray(vectors, dtype=np.float32))
    return index


def write_generation(index_dir: Path, manifest: dict[str, Any], chunks: list[Chunk],
                     vectors: np.ndarray, lexical: LexicalIndex,
                     sentence_vectors: np.ndarray, sentence_offsets: np.ndarray) -> Path:
    index_dir.mkdir(parents=True, exist_ok=True)
    name = f"gen-{time.strftime('%Y%m%d%H%M%S')}-{uuid.uuid4().hex[:6]}"
    tmp = index_dir / f".tmp-{name}"
    tmp.mkdir()
    try:
        with open(tmp / "chunks.jsonl", "w", encoding="utf-8") as f:
            for c in chunks:
                f.write(json.dumps(c.to_dict(), ensure_ascii=False) + "\n")
        faiss.write_index(dense_index(vectors, int(manifest["embedder"]["dim"])), str(tmp / "vectors.faiss"))
        np.save(tmp / "sentences.npy", sentence_vectors.astype(np.float32), allow_pickle=False)
        np.save(tmp / "sentence_offsets.npy", sentence_offsets.astype(np.int64), allow_pickle=False)
        lexical.save(tmp / "lexical")
        files = sorted(p for p in tmp.rglob("*") if p.is_file())
        manifest = {**manifest, "schema_version": SCHEMA_VERSION, "n_chunks": len(chunks),
                    "files": {str(p.relative_to(tmp)): _file_sha(p) for p in files}}
        (tmp / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False, indent=2), encoding="utf-8")
        final = index_dir / name
        os.replace(tmp, final)
        pointer_tmp = index_dir / f".{CURRENT}.{uuid.uuid4().hex[:6]}"
        pointer_tmp.write_text(name, encoding="utf-8")
        with open(pointer_tmp, "rb+") as f:
            os.fsync(f.fileno())
        os.replace(pointer_tmp, index_dir / CURRENT)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    _prune(index_dir, keep={name})
    return index_dir / name


def _prune(index_dir: Path, keep: set[str], spare: int = 1) -> None:
    """Remove old generations, keeping the newest `spare` besides the live one (readers may hold it)."""
    gens = sorted((p for p in index_dir.glob("gen-*") if p.is_dir() and p.name not in keep),
                  key=lambda p: p.stat().st_mtime, reverse=True)
    for old in gens[spare:]:
        shutil.rmtree(old, ignore_errors=True)
    for stale in index_dir.glob(".tmp-gen-*"):
        if time.time() - stale.stat().st_mtime > 3600:
            shutil.rmtree(stale, ignore_errors=True)


def load_index(index_dir: Path, embedder_id: str | None = None, verify: bool = True) -> LoadedIndex:
    gen = current_generation(index_dir)
    if gen is None:
        raise AssistantError(f"{index_dir}: inget index finns. Bygg det med: assistant index")
    manifest = read_manifest(index_dir) or {}
    if manifest.get("schema_version") != SCHEMA_VERSION:
        raise IndexMismatchError(f"{gen}: indexet har ett annat format (version {manifest.get('schema_version')}). "
                                 "Bygg om med: assistant index --rebuild")
    if embedder_id and manifest["embedder"]["id"] != embedder_id:
        raise IndexMismatchError(
            f"{index_dir}: indexet byggdes med embeddern '{manifest['embedder']['id']}' men nu används "
            f"'{embedder_id}'. Bygg om med: assistant index --rebuild (eller välj samma embedder).")
    if verify:
        for rel, digest in manifest.get("files", {}).items():
            p = gen / rel
            if not p.exists() or _file_sha(p) != digest:
                raise AssistantError(f"{p}: indexfilen saknas eller stämmer inte med manifestets kontrollsumma "
                                     "(skadad eller ändrad). Bygg om med: assistant index --rebuild")
    chunks = [Chunk.from_dict(json.loads(line)) for line in
              (gen / "chunks.jsonl").read_text(encoding="utf-8").splitlines() if line.strip()]
    metas = {d: DocumentMeta(**m["meta"]) for d, m in manifest["documents"].items()}
    vectors = faiss.read_index(str(gen / "vectors.faiss"))
    lexical = LexicalIndex.load(gen / "lexical")
    sentence_vectors = np.load(gen / "sentences.npy", allow_pickle=False)
    sentence_offsets = np.load(gen / "sentence_offsets.npy", allow_pickle=False)
    return LoadedIndex(path=gen, manifest=manifest, chunks=chunks, metas=metas, vectors=vectors, lexical=lexical,
                       sentence_vectors=sentence_vectors, sentence_offsets=sentence_offsets)
