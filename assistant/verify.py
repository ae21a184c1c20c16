"""Verification of a generated answer before anything is shown.

Every [n] must point at a passage that was given; every sentence must carry one; every number (with
its unit) and every status word in a sentence must occur in a passage the sentence cites. Sentences
that fail are dropped; the reasons are kept so the JSON can say why a fallback happened.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from .sentences import split_sentences
from .swedish import NUMBER_RE, STATUS_RE, normalise, parse_number

_CITE = re.compile(r"\[(\d{1,2})\]")
_STATUS_ANY_CASE = re.compile(STATUS_RE.pattern, re.I)


@dataclass
class Verification:
    kept: list[str] = field(default_factory=list)
    dropped: list[tuple[str, str]] = field(default_factory=list)  # (sentence, reason)
    cited: list[int] = field(default_factory=list)

    @property
    def first_reason(self) -> str:
        return self.dropped[0][1] if self.dropped else ""


def _numbers(text: str) -> list[tuple[float, str]]:
    out = []
    for m in NUMBER_RE.finditer(text):
        token = m.group(0).strip()
        value = parse_number(token)
        if value is None:
            continue
        unit = re.sub(r"^[+\-−–]?\s?[\d\u00a0 ]+(?:,\d+)?\s?", "", token).casefold()
        out.append((abs(value), unit, token))
    return out


def _number_supported(value: float, unit: str, sources: list[str]) -> bool:
    for src in sources:
        for v, u, _ in _numbers(src):
            if abs(v - value) < 1e-9 and (not unit or not u or unit[:2] == u[:2] or
                                          {unit, u} <= {"mkr", "mnkr", "miljoner", "miljoner kronor"}):
                return True
    return False


def verify(answer: str, passages: list[str]) -> Verification:
    result = Verification()
    for sentence in split_sentences(answer):
        refs = [int(n) for n in _CITE.findall(sentence)]
        body = _CITE.sub("", sentence)
        if not refs:
            result.dropped.append((sentence, "mening utan källhänvisning"))
            continue
        bad = [n for n in refs if not 1 <= n <= len(passages)]
        if bad:
            result.dropped.append((sentence, f"[{bad[0]}] hänvisar till ett utdrag som inte gavs"))
            continue
        sources = [passages[n - 1] for n in refs]
        missing = next((tok for v, u, tok in _numbers(body) if not _number_supported(v, u, sources)), None)
        if missing:
            result.dropped.append((sentence, f"{missing} not in {''.join(f'[{n}]' for n in refs)}"))
            continue
        joined = normalise(" ".join(sources))
        status = next((m.group(1) for m in _STATUS_ANY_CASE.finditer(body) if normalise(m.group(1)) not in joined), None)
        if status:
            result.dropped.append((sentence, f"status '{status}' not in {''.join(f'[{n}]' for n in refs)}"))
            continue
        result.kept.append(sentence)
        result.cited.extend(n for n in refs if n not in result.cited)
    return result
