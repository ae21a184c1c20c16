"""Local generative answering with transformers, behind the Generator protocol.

The extractive answerer stays the default. A generated answer is verified (assistant.verify)
before it is shown; when too little survives, the extractive answer is shown instead and `mode`
says why. Nothing is downloaded unless the user allows it (ASSISTANT_ALLOW_DOWNLOAD=1).
"""
from __future__ import annotations

import os
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator, Protocol

from .answer import ABSTAIN_TEXT
from .errors import AssistantError
from .models import Answer, Citation, Passage, Query
from .prompt import build_messages
from .verify import verify


class Generator(Protocol):
    id: str

    def generate(self, messages: list[dict[str, str]], max_new_tokens: int = 256) -> str: ...

    def stream(self, messages: list[dict[str, str]], max_new_tokens: int = 256) -> Iterator[str]: ...


@dataclass
class GeneratorConfig:
    model: str
    gguf_file: str | None = None
    device: str = "cpu"
    max_context_chars: int = 6000
    max_new_tokens: int = 256


class TransformersGenerator:
    """Any causal LM with a chat template, from a local directory or a GGUF file (transformers' gguf_file)."""

    def __init__(self, config: GeneratorConfig):
        allow = os.environ.get("ASSISTANT_ALLOW_DOWNLOAD") == "1"
        if not Path(config.model).exists() and not allow:
            raise AssistantError(f"Modellen '{config.model}' finns inte lokalt. Ange en katalog med modellen (eller "
                                 "katalogen med GGUF-filen och --gguf-file), eller sätt ASSISTANT_ALLOW_DOWNLOAD=1.")
        if not allow:
            os.environ.setdefault("HF_HUB_OFFLINE", "1")
        import torch
        from transformers import AutoModelForCausalLM, AutoTokenizer

        kwargs = {"local_files_only": not allow}
        if config.gguf_file:
            kwargs["gguf_file"] = config.gguf_file
        device = config.device
        if device == "auto":
            device = "cuda" if torch.cuda.is_available() else "cpu"
        self.tokenizer = AutoTokenizer.from_pretrained(config.model, **kwargs)
        self.model = AutoModelForCausalLM.from_pretrained(config.model, **kwargs).to(device)
        self.model.eval()
        self.device = device
        self.config = config
        self.id = f"transformers/{Path(config.gguf_file or config.model).name}"
        # A base model without a chat template gets the messages as plain text (it runs; it is not instructed).
        self.has_chat_template = bool(getattr(self.tokenizer, "chat_template", None))

    def _inputs(self, messages):
        if self.has_chat_template:
            ids = self.tokenizer.apply_chat_template(messages, add_generation_prompt=True, return_tensors="pt",
                                                     return_dict=True)
        else:
            text = "\n\n".join(m["content"] for m in messages) + "\n"
            ids = self.tokenizer(text, return_tensors="pt")
        return {k: v.to(self.device) for k, v in ids.items()}

    def _kwargs(self, max_new_tokens: int) -> dict:
        pad = self.tokenizer.pad_token_id if self.tokenizer.pad_token_id is not None else self.tokenizer.eos_token_id
        return {"max_new_tokens": max_new_tokens, "do_sample": False, "pad_token_id": pad}

    def generate(self, messages, max_new_tokens: int = 256) -> str:
        import torch

        inputs = self._inputs(messages)
        with torch.no_grad():
            out = self.model.generate(**inputs, **self._kwargs(max_new_tokens))
        return self.tokenizer.decode(out[0, inputs["input_ids"].shape[1]:], skip_special_tokens=True).strip()

    def stream(self, messages, max_new_tokens: int = 256) -> Iterator[str]:
        from transformers import TextIteratorStreamer

        inputs = self._inputs(messages)
        streamer = TextIteratorStreamer(self.tokenizer, skip_prompt=True, skip_special_tokens=True)
        thread = threading.Thread(target=self.model.generate,
                                  kwargs={**inputs, **self._kwargs(max_new_tokens), "streamer": streamer})
        thread.start()
        yield from streamer
        thread.join()


MIN_KEPT_SHARE = 0.5  # at least half of the generated sentences must survive verification


class GenerativeAnswerer:
    """Phrases the answer with a local model; verification decides whether it is shown."""

    def __init__(self, generator: Generator, fallback, max_context_chars: int = 6000, max_new_tokens: int = 256,
                 passages_in_prompt: int = 5):
        self.generator = generator
        self.fallback = fallback
        self.max_context_chars = max_context_chars
        self.max_new_tokens = max_new_tokens
        self.passages_in_prompt = passages_in_prompt

    def answer(self, query: Query, passages: list[Passage], query_vector) -> Answer:
        given = passages[: self.passages_in_prompt]
        messages = build_messages(query.text, given, self.max_context_chars)
        raw = self.generator.generate(messages, self.max_new_tokens)
        if raw.strip().startswith(ABSTAIN_TEXT[:30]):
            extractive = self.fallback.answer(query, passages, query_vector)
            if extractive.abstained:
                return Answer(question=query.text, text=ABSTAIN_TEXT, citations=[], abstained=True, mode="generative")
        check = verify(raw, [p.chunk.text for p in given])
        total = len(check.kept) + len(check.dropped)
        if not check.kept or len(check.kept) < MIN_KEPT_SHARE * total:
            extractive = self.fallback.answer(query, passages, query_vector)
            reason = check.first_reason or "inget verifierbart innehåll"
            extractive.mode = f"extractive (generative answer failed verification: {reason})"
            return extractive
        renumber = {old: new for new, old in enumerate(check.cited, 1)}
        import re

        text = " ".join(re.sub(r"\[(\d{1,2})\]", lambda m: f"[{renumber[int(m.group(1))]}]", s) for s in check.kept)
        citations = [Citation(n=renumber[old], doc_id=given[old - 1].chunk.doc_id, title=given[old - 1].meta.title,
                              year=given[old - 1].meta.year, page=given[old - 1].chunk.page,
                              section=given[old - 1].chunk.section, text=given[old - 1].chunk.text,
                              score=given[old - 1].score, organisation=given[old - 1].meta.organisation,
                              lines=list(given[old - 1].chunk.lines) if given[old - 1].chunk.lines else None)
                     for old in check.cited]
        mode = "generative" if not check.dropped else f"generative ({len(check.dropped)} mening(ar) borttagna vid verifiering)"
        return Answer(question=query.text, text=text, citations=citations, abstained=False, mode=mode)


def load_generator(kind: str | None, model: str | None, gguf_file: str | None = None, device: str = "cpu"):
    if kind in (None, "", "extractive"):
        return None
    if kind != "transformers":
        raise AssistantError(f"Okänd generator '{kind}'. Använd 'transformers' (eller 'extractive').")
    if not model:
        raise AssistantError("--generator transformers kräver --model SÖKVÄG (eller ASSISTANT_MODEL).")
    return TransformersGenerator(GeneratorConfig(model=model, gguf_file=gguf_file, device=device))
