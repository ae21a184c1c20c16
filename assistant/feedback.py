"""👍/👎 feedback on answers, stored in SQLite next to the index, exportable as evaluation questions."""
from __future__ import annotations

import json
import sqlite3
import threading
import time
from pathlib import Path
from typing import Any

FEEDBACK_NAME = "feedback.sqlite"
_INTENT_TO_TYPE = {"status": "status", "number": "number", "why": "why", "list": "list", "compare": "cross",
                   "fact": "fact"}


class FeedbackStore:
    def __init__(self, index_dir: Path):
        index_dir.mkdir(parents=True, exist_ok=True)
        self.path = index_dir / FEEDBACK_NAME
        self._lock = threading.Lock()
        with self._connect() as db:
            db.execute("CREATE TABLE IF NOT EXISTS feedback (id INTEGER PRIMARY KEY AUTOINCREMENT, created TEXT, "
                       "question TEXT, answer TEXT, rating INTEGER, comment TEXT, intent TEXT, payload TEXT)")

    def _connect(self) -> sqlite3.Connection:
        db = sqlite3.connect(self.path, timeout=30)
        db.execute("PRAGMA journal_mode=WAL")
        return db

    def record(self, answer: dict[str, Any], rating: int, comment: str = "", intent: str = "fact") -> int:
        """Store one rating (+1 or -1) of an answer in the `assistant ask --json` form."""
        if rating not in (1, -1):
            raise ValueError("rating must be +1 or -1")
        with self._lock, self._connect() as db:
            cur = db.execute("INSERT INTO feedback (created, question, answer, rating, comment, intent, payload) "
                             "VALUES (?, ?, ?, ?, ?, ?, ?)",
                             (time.strftime("%Y-%m-%dT%H:%M:%S"), answer["question"], answer["answer"], rating,
                              comment.strip(), intent, json.dumps(answer, ensure_ascii=False)))
            return int(cur.lastrowid)

    def rows(self) -> list[dict[str, Any]]:
        with self._connect() as db:
            db.row_factory = sqlite3.Row
            return [dict(r) for r in db.execute("SELECT * FROM feedback ORDER BY id")]

    def export_questions(self) -> list[dict[str, Any]]:
        """Each rated answer as a question in the DESIGN.md evaluation schema, for review before it joins
        the eval set: 👍 answers propose their own text as reference, 👎 ones are marked for a human."""
        out = []
        for r in self.rows():
            payload = json.loads(r["payload"])
            evidence = []
            for c in payload.get("citations", [])[:1]:
                line = next((l.strip() for l in c["text"].splitlines() if 30 <= len(l.strip()) <= 160), None)
                if line:
                    evidence.append(line)
            abstained = payload.get("abstained", False)
            qtype = "unanswerable" if abstained and r["rating"] > 0 else _INTENT_TO_TYPE.get(r["intent"], "fact")
            out.append({
                "id": f"feedback-{r['id']:05d}", "question": r["question"], "type": qtype,
                "answer": r["answer"] if r["rating"] > 0 else "",
                "must_contain": [], "evidence": [] if qtype == "unanswerable" else evidence,
                "source": sorted({c["doc_id"] for c in payload.get("citations", [])}),
                "year": None,
                "feedback": {"rating": r["rating"], "comment": r["comment"], "created": r["created"]},
            })
        return out
