"""Swedish public-sector report vocabulary and text helpers shared by chunking, query analysis and answering.

Nothing here is tuned to one report: these are the words Swedish regions use in uppföljning
(status of uppdrag and aktiviteter, måluppfyllelse of indikatorer) and the way they write numbers.
"""
from __future__ import annotations

import re
import unicodedata

# Status words of uppdrag/aktivitet/delmål tables, longest first so 'Delvis genomfört' wins over 'Genomfört'.
STATUS_PHRASES = (
    "Negativt/inte uppnått", "Positivt/uppnått", "Klar med avvikelse", "Går ej att bedöma",
    "Mål kommer delvis uppfyllas", "Mål kommer helt uppfyllas", "Mål kommer inte uppfyllas",
    "Målet uppfylls delvis", "Målet uppfylls helt", "Målet uppfylls inte",
    "Delvis genomfört", "Delvis genomförd", "Ej genomfört", "Ej genomförd", "Inte genomfört",
    "Ej påbörjat", "Ej påbörjad", "Inte påbörjat", "Delvis uppnått", "Ej uppnått", "Inte uppnått",
    "Enligt plan", "Planenligt", "Genomfört", "Genomförd", "Påbörjat", "Påbörjad", "Pågående", "Pågår",
    "Avslutat", "Avslutad", "Försenat", "Försenad", "Uppnått", "Oförändrat", "Klar",
)
_STATUS_ALT = "|".join(r"\s+".join(re.escape(w) for w in p.split()) for p in STATUS_PHRASES)
# A status stands as a table cell: at a line start or after other cell text, followed by a break,
# a space or end. Case-sensitive on purpose: cells are capitalised, prose mid-sentence is not.
STATUS_RE = re.compile(rf"(?<![\w/])({_STATUS_ALT})(?![\w/])")

# Canonical lower-case forms users type, mapped to the phrases that mean the same.
STATUS_SYNONYMS = {
    "planenligt": ("planenligt", "enligt plan"),
    "genomfört": ("genomfört", "genomförd", "klar", "avslutat", "avslutad"),
    "delvis genomfört": ("delvis genomfört", "delvis genomförd"),
    "ej genomfört": ("ej genomfört", "ej genomförd", "inte genomfört"),
    "ej påbörjat": ("ej påbörjat", "ej påbörjad", "inte påbörjat"),
    "uppnått": ("uppnått", "positivt/uppnått", "målet uppfylls helt", "mål kommer helt uppfyllas"),
    "delvis uppnått": ("delvis uppnått", "målet uppfylls delvis", "mål kommer delvis uppfyllas"),
    "ej uppnått": ("ej uppnått", "inte uppnått", "negativt/inte uppnått", "målet uppfylls inte",
                   "mål kommer inte uppfyllas"),
    "försenat": ("försenat", "försenad", "klar med avvikelse"),
}

# Codes of uppdrag and aktiviteter: 'RF8', '(RF8)', '(13)', 'RS 4'. A bare number needs parentheses.
CODE_AT_LINE_START = re.compile(
    r"^\s*(?:\((?P<p>[A-ZÅÄÖ]{1,4}\s?\d{1,3}[a-z]?|\d{1,3})\)|(?P<b>[A-ZÅÄÖ]{1,4}\d{1,3}[a-z]?))(?=\s+[^\d\s])")
CODE_IN_QUERY = re.compile(r"\b([A-ZÅÄÖa-zåäö]{1,4}\s?\d{1,3}[a-z]?)\b")

# Numbers as Swedish reports write them: '+40,2 mkr', '1 037 miljoner', '3,8%', '-5,1 procent'.
NUMBER_RE = re.compile(
    r"(?<![\w,])[+\-−–]?\s?\d{1,3}(?:[\u00a0 ]\d{3})*(?:,\d+)?(?:\s?(?:%|procent|procentenheter|mnkr|mkr|"
    r"tkr|kr|kronor|miljoner(?:\s+kronor)?|miljarder(?:\s+kronor)?|mdkr|timmar|st|dagar|årsarbetare|GWh))?"
    r"(?![\w])")
UNIT_WORDS = {"%", "procent", "procentenheter", "mnkr", "mkr", "tkr", "kr", "kronor", "miljoner",
              "miljarder", "mdkr", "timmar", "st", "dagar", "årsarbetare", "gwh"}


def normalise(text: str) -> str:
    """Casefold and collapse whitespace: the comparison the evaluation contract prescribes."""
    return re.sub(r"\s+", " ", text.casefold()).strip()


def ascii_fold(text: str) -> str:
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()


def find_status(text: str) -> re.Match[str] | None:
    return STATUS_RE.search(text)


def canonical_status(phrase: str) -> str:
    p = normalise(phrase)
    for canon, variants in STATUS_SYNONYMS.items():
        if p in variants:
            return canon
    return p


def parse_number(token: str) -> float | None:
    """'1 037' -> 1037.0, '+40,2' -> 40.2, '−3,8 %' -> -3.8; None when it is not a number."""
    m = re.match(r"^\s*([+\-−–]?)\s?(\d{1,3}(?:[\u00a0 ]\d{3})*|\d+)(?:,(\d+))?", token)
    if not m:
        return None
    sign = -1.0 if m.group(1) in ("-", "−", "–") else 1.0
    whole = re.sub(r"[\u00a0 ]", "", m.group(2))
    frac = m.group(3) or "0"
    return sign * float(f"{whole}.{frac}")


def join_wrapped_cell(lines: list[str]) -> str:
    """Join a table cell that the extraction wrapped: 'Regionstab' + 'en', 'Region-' + 'staben', 'RS/' + 'CE'."""
    out = ""
    for raw in (l.strip() for l in lines):
        if not raw:
            continue
        if not out:
            out = raw
        elif out.endswith("-") and raw[:1].islower():
            out = out[:-1] + raw
        elif out.endswith("/") or raw.startswith("/") or (raw[:1].islower() and len(raw) <= 3):
            out += raw
        else:
            out += " " + raw
    return out
