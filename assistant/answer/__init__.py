"""Grounded extractive answering (the default mode).

The answer is made of sentences and parsed table cells taken verbatim from the retrieved passages,
each followed by [n] for its passage, and opens by naming the report it comes from. Sentences are
scored by the question's content words (idf-weighted, Swedish stems) and by the embedder's
similarity between question and sentence (sentence vectors are computed at index time), so everyday
wording still finds the report's sentence. When no sentence is supported well enough, or the
question pins a year or region the reports do not cover, it abstains rather than guess.

One module per concern; ExtractiveAnswerer (compose) combines them:
  scoring   sentences scored against the question, the best one picked with what belongs to it
  checks    near misses: the topic is there but not what was asked, so the answer abstains
  cells     figures read from table rows and goal tables
  reasons   why-answers: every reason the report gives
  status    an uppdrag's or activity's status, unit and comment
  lists     lists enumerated from parsed table rows
  compose   the intent's reader, the abstention decision and the rendered answer
  patterns  what several of them read sentences and questions with
"""
from .compose import ABSTAIN_TEXT, NOTHING_IN_REPORT, Answerer, ExtractiveAnswerer
from .scoring import MIN_SCORE

__all__ = ["ABSTAIN_TEXT", "NOTHING_IN_REPORT", "MIN_SCORE", "Answerer", "ExtractiveAnswerer"]
