"""Follow-up questions and the feedback store."""
from __future__ import annotations

import json

from click.testing import CliRunner

from assistant.cli import main
from assistant.conversation import resolve_follow_up
from assistant.evaluation import load_questions
from assistant.feedback import FeedbackStore


def test_follow_up_takes_the_subject_of_the_previous_question():
    prev = "Vad blev resultatet för regionkontoret 2025?"
    assert resolve_follow_up(prev, "och 2023?") == "Vad blev resultatet för regionkontoret 2023?"
    assert resolve_follow_up(prev, "Och för Region Västerbotten?").endswith("för Region Västerbotten?")
    # A full new question stands on its own.
    assert resolve_follow_up(prev, "Vad är status för RF8 i årsrapporten 2025?") == \
        "Vad är status för RF8 i årsrapporten 2025?"
    assert resolve_follow_up(None, "och 2023?") == "och 2023?"


ANSWER = {"question": "Vad är status för RF8?", "answer": "Enligt Årsrapport 2025: RF8: status Planenligt. [1]",
          "abstained": False, "mode": "extractive", "timings_ms": {"total": 10.0},
          "citations": [{"n": 1, "doc_id": "rapport-2025", "title": "Årsrapport 2025", "year": 2025, "page": None,
                         "section": "Uppdrag", "score": 0.5,
                         "text": "(RF8) Under 2025 ska regionstyrelsen stärka det systematiska arbetet\nRegionstaben Planenligt"}]}


def test_feedback_is_stored_and_exported_in_the_evaluation_schema(tmp_path):
    store = FeedbackStore(tmp_path)
    store.record(ANSWER, 1, "Rätt!", "status")
    store.record({**ANSWER, "answer": "Det framgår inte av de indexerade rapporterna.", "abstained": True,
                  "citations": []}, -1, "Svaret finns visst", "status")
    rows = store.rows()
    assert [(r["rating"], r["comment"]) for r in rows] == [(1, "Rätt!"), (-1, "Svaret finns visst")]

    result = CliRunner().invoke(main, ["feedback", "export", "--out", str(tmp_path / "fb.jsonl")],
                                env={"ASSISTANT_INDEX": str(tmp_path)})
    assert result.exit_code == 0, result.output
    questions = load_questions(tmp_path / "fb.jsonl")  # valid for `assistant eval`
    assert [q["type"] for q in questions] == ["status", "status"]
    assert questions[0]["evidence"] == ["(RF8) Under 2025 ska regionstyrelsen stärka det systematiska arbetet"]
    assert questions[1]["feedback"]["rating"] == -1 and questions[1]["answer"] == ""
    assert json.loads((tmp_path / "fb.jsonl").read_text(encoding="utf-8").splitlines()[0])["id"] == "feedback-00001"
