"""Follow-up questions in a chat: 'och 2023?' after 'Vad blev resultatet 2025?' means
'Vad blev resultatet 2023?'. The previous question lends its subject; the new one its years,
region or code."""
from __future__ import annotations

import re

_YEAR = re.compile(r"(?<!\d)20\d\d(?!\d)")
_FOLLOW_UP_START = re.compile(r"^\s*(och|men|samt|än|hur är det med|hur var det med|samma för|samma sak för|"
                              r"gäller det också|då)\b", re.I)
_REGION = re.compile(r"\b(Region\s+[A-ZÅÄÖ]\w+|[A-ZÅÄÖ]\w+(?:nämnden|styrelsen|kontoret))")


def is_follow_up(question: str) -> bool:
    words = re.findall(r"\w+", question)
    return bool(_FOLLOW_UP_START.match(question)) or (0 < len(words) <= 3 and not question.rstrip().endswith("."))


def resolve_follow_up(previous: str | None, question: str) -> str:
    """The question to ask: unchanged unless it is a short follow-up to `previous`."""
    if not previous or not is_follow_up(question):
        return question
    new_years = _YEAR.findall(question)
    new_regions = _REGION.findall(question)
    if not new_years and not new_regions:
        return question
    resolved = previous
    if new_years:
        old_years = _YEAR.findall(resolved)
        if old_years:
            resolved = _YEAR.sub(lambda m, it=iter(new_years + new_years[-1:] * 10): next(it), resolved)
        else:
            resolved = resolved.rstrip(" ?") + " " + " och ".join(new_years) + "?"
    if new_regions:
        old = _REGION.findall(resolved)
        resolved = resolved.replace(old[0], new_regions[0]) if old else resolved.rstrip(" ?") + f" för {new_regions[0]}?"
    return resolved
