"""The eval harness on a fixture with known outcomes: every figure must come out exactly."""
from __future__ import annotations

import json
from dataclasses import dataclass, field

import pytest

from assistant.errors import AssistantError
from assistant.evaluation import load_questions, run_eval


@dataclass
class _Chunk:
    text: str


@dataclass
class _Passage:
    chunk: _Chunk


@dataclass
class _Answer:
    text: str
    abstained: bool
    passages: list = field(default_factory=list)
    citations: list = field(default_factory=list)


class ScriptedAssistant:
    """Returns fixed answers and passages per question, so the expected figures are known."""

    def __init__(self, script):
        self.script = script

    def ask(self, question, k=10):
        text, abstained, passages = self.script[question]
        return _Answer(text, abstained, [_Passage(_Chunk(p)) for p in passages])


QUESTIONS = [
    {"id": "right", "question": "q1", "type": "status", "must_contain": [["planenligt", "enligt plan"]],
     "evidence": ["RF8 Regionstaben Planenligt"]},
    {"id": "wrong", "question": "q2", "type": "number", "must_contain": [["40,2 mkr"]],
     "evidence": ["resultat +40,2 mkr"]},
    {"id": "abstain-answerable", "question": "q3", "type": "number", "must_contain": [["3,8"]],
     "evidence": ["sjukfrånvaro 3,8 %"]},
    {"id": "abstain-right", "question": "q4", "type": "unanswerable", "must_contain": [], "evidence": []},
    {"id": "miss", "question": "q5", "type": "fact", "must_contain": [["cosmic"]], "evidence": ["Cosmic driftsattes"]},
]
SCRIPT = {
    "q1": ("Status:   PLANENLIGT [1]", False, ["annat", "RF8  Regionstaben\nPlanenligt kommentar"]),
    "q2": ("Resultatet blev 34 mkr [1]", False, ["resultat +40,2 mkr"]),
    "q3": ("Det framgår inte av de indexerade rapporterna.", True, ["x", "y", "z", "sjukfrånvaro 3,8 % i år"]),
    "q4": ("Det framgår inte av de indexerade rapporterna.", True, []),
    "q5": ("Cosmic driftsattes [1]", False, ["inget här"]),
}


def test_figures_come_out_exactly():
    report = run_eval(ScriptedAssistant(SCRIPT), QUESTIONS, progress=False)
    by_id = {r["id"]: r for r in report["results"]}
    assert [by_id[i]["correct"] for i in ("right", "wrong", "abstain-answerable", "abstain-right", "miss")] == \
        [True, False, False, True, True]
    assert [by_id[i]["hit_rank"] for i in ("right", "wrong", "abstain-answerable", "abstain-right", "miss")] == \
        [2, 1, 4, None, None]
    s = report["summary"]["overall"]
    assert s["n"] == 5 and s["accuracy"] == 0.6
    # Retrieval counts the four answerable questions: hits at ranks 2, 1, 4 and one miss.
    assert (s["hit@1"], s["hit@3"], s["hit@5"]) == (0.25, 0.5, 0.75)
    assert s["mrr@10"] == round((1 / 2 + 1 + 1 / 4) / 4, 3)
    assert s["abstention_precision"] == 0.5 and s["abstention_recall"] == 1.0
    assert report["summary"]["by_type"]["number"]["accuracy"] == 0.0
    assert sorted(report["failing"]) == ["abstain-answerable", "wrong"]
    assert set(by_id["right"]) >= {"id", "type", "question", "answer", "abstained", "correct", "hit_rank",
                                   "passages", "citations", "latency_ms"}


def test_malformed_file_is_refused_with_line_number(tmp_path):
    f = tmp_path / "q.jsonl"
    f.write_text(json.dumps(QUESTIONS[0]) + "\n{not json\n", encoding="utf-8")
    with pytest.raises(AssistantError, match="rad 2"):
        load_questions(f)
    f.write_text(json.dumps({**QUESTIONS[0], "type": "opinion"}) + "\n", encoding="utf-8")
    with pytest.raises(AssistantError, match="rad 1.*opinion"):
        load_questions(f)
