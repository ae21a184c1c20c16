"""Sentence units of a passage: what the answerer quotes and what sentence vectors are computed for."""
from __future__ import annotations

import re
from functools import lru_cache

# Split after a full stop before a capital, before a bullet, or at a paragraph break.
_SPLIT = re.compile(r"(?<=[.!?])\s+(?=[A-ZÅÄÖ0-9•➢(])|\s*\n\s*(?=[•➢\-–]\s?)|\n\s*\n")
# An abbreviation that never ends a sentence ('t. ex. FOA', 'bl.a. CIFU', 'ca. 200', 'm. a. a. Covid-19'):
# the full stop before a capital or a figure is not a sentence's end. ('m.m.', 'm.fl.', 'osv.' often end one.)
_ABBREVIATION = re.compile(r"(?<![\w.])((?:t\.\s*ex|ex|bl\.\s*a|p\.\s*g\.\s*a|s\.\s*k|d\.\s*v\.\s*s|dvs|inkl|exkl|"
                           r"resp|ca|jfr|kap|nr|kl|fr\.\s*o\.\s*m|t\.\s*o\.\s*m|enl|m\.\s*a\.\s*a|f\.\s*d|ang)\.)"
                           r"[ \t]*\n?[ \t]*(?=[A-ZÅÄÖ0-9(])",
                           re.I)
_JOINER = "\u2060"  # stands for the whitespace after such an abbreviation while splitting (not whitespace)
MIN_WORDS = 3
SPLITTER_VERSION = 10  # part of the index fingerprint: sentence vectors are stored per sentence
MAX_SENTENCE = 320  # flattened tables have no full stops: cut them at line ends instead


def _bounded(part: str) -> list[str]:
    if len(part) <= MAX_SENTENCE:
        return [part]
    pieces, cur = [], ""
    for line in part.split("\n"):
        # A line that starts in lower case continues the sentence wrapped above it ('… beror' /
        # 'främst på …'): cutting there would quote half a reason.
        continues = bool(re.match(r"\s*[a-zåäö]", line)) and len(cur) < MAX_SENTENCE
        if cur and len(cur) + len(line) > MAX_SENTENCE // 2 and not cur.rstrip().endswith((",", "-")) \
                and not continues:
            pieces.append(cur)
            cur = ""
        cur = f"{cur}\n{line}" if cur else line
    if cur:
        pieces.append(cur)
    return pieces


_MONTH_LABELS = re.compile(r"\b(?:jan|feb|mar|apr|maj|jun|jul|aug|sep|okt|nov|dec)\b", re.I)
_PERCENT_TICKS = re.compile(r"(?:\b\d{1,3}\s?%\s+){4,}")  # '0% 1% 2% 3% 4%'


# A year axis ('2020 2021 2022 2023') or year headings run together: three bare years in a row.
_YEAR_RUN = re.compile(r"(?<![\d,])20\d\d\*?\s+20\d\d\*?\s+20\d\d\*?(?![\d,])")


def is_chart_axis(text: str) -> bool:
    """The labels of a chart the extraction kept as text ('0% 1% 2% … Jan Feb Mar …', a year axis
    '2020 2021 2022'): no statement."""
    if len(_MONTH_LABELS.findall(text)) >= 6 or _PERCENT_TICKS.search(text + " "):
        return True
    # (Where a statement runs into the axis, 'engångskostnader på 3 mnkr 0,0 Månadsvis … 2020 2021 2022',
    # the statement still stands: only a run of labels with little prose before it is none.)
    run = _YEAR_RUN.search(text)
    return bool(run) and len(re.findall(r"\b[a-zåäö]{3,}\b", text[:run.start()])) < 4


# Stamps a reporting system prints on every exported page: no statement, whatever follows them.
# So is a document system's boilerplate ('Kontrollera aktuell version mot original …', an empty
# 'Godkänd av:', 'Dok.nummer-Utgåva …'); who issued the document ('Utfärdad av: …') stands alone.
_PAGE_FURNITURE = re.compile(r"^\s*(?:https?://\S+|Uppdaterad:\s*\d{4}-\d\d-\d\d|Sida:?\s*\d+\s*(?:/|av)\s*\d+|"
                             r".{0,40}\bRapportID:.*|Godkänd av:|Dok\.?\s?nummer.*|Gäller fr\.?\s?o\.?\s?m\.?.*|"
                             # a document system's page label: 'PLAN 8 (14)', 'RAPPORT 6 (15)'
                             r"[A-ZÅÄÖ]{3,}\s+\d{1,3}\s*\(\d{1,3}\)|"
                             r"Kontrollera aktuell version mot original\b.*)\s*$", re.I)
_FURNITURE_HINT = re.compile(r"RapportID|Uppdaterad:|://|Sida|Utfärdad av|Godkänd av|Dok\.?\s?nummer|"
                             r"Gäller fr|Kontrollera aktuell version")
_STANDS_ALONE = re.compile(r"^\s*Utfärdad av:")


def is_document_field(text: str) -> bool:
    """Who issued the document ('Utfärdad av: Jan Hallberg'): a statement about the report, not about
    the table row or section its page header happened to land in."""
    return bool(_STANDS_ALONE.match(text))


def is_page_furniture(text: str) -> bool:
    """A report generator's page stamp ('RapportID: … (DUVA0133)', 'Uppdaterad: 2021-01-29', a link)."""
    return bool(_PAGE_FURNITURE.match(text))


def split_sentences(text: str) -> list[str]:
    return list(_split(text))


@lru_cache(maxsize=50_000)
def _split(text: str) -> tuple[str, ...]:
    # (cached: the answerer splits the same passages for question after question)
    if "%" in text or _MONTH_LABELS.search(text):
        # A chart's axis line ends there: the sentence on the next line is a statement of its own.
        text = "\n".join(line + "\n" if is_chart_axis(line) else line for line in text.split("\n"))
    if _FURNITURE_HINT.search(text):
        # A page stamp stands alone: the table rows around it are not part of it.
        text = re.sub(r"[ \t]+(?=Kontrollera aktuell version mot original\b)", "\n", text)
        text = "\n".join(f"\n{line}\n" if is_page_furniture(line) or _STANDS_ALONE.match(line) else line
                         for line in text.split("\n"))
    text = _ABBREVIATION.sub(lambda m: m.group(1) + _JOINER, text)  # (no whitespace: no split there)
    parts = [re.sub(r"\s+", " ", piece.replace(_JOINER, " ")).strip()
             for p in _SPLIT.split(text) for piece in _bounded(p)]
    return tuple(p for p in _closing_parentheses(parts) if len(p) > 2)


def _closing_parentheses(parts: list[str]) -> list[str]:
    """A parenthesis the extraction broke over a blank line ('+18 mkr (prognos okt' / '2022)', 'lärcentrums'
    / 'råd) ses över') is one sentence: the part that closes it is joined to the one that opened it."""
    out: list[str] = []
    for part in parts:
        if out and out[-1].count("(") > out[-1].count(")") and ")" in part \
                and ("(" not in part or part.index(")") < part.index("(")) and not part.startswith(("•", "➢")):
            out[-1] = f"{out[-1]} {part}"
        else:
            out.append(part)
    return out


SHORT_LINE_WORDS = 4  # a line this short says little by itself ('• Brandskyddsåtgärder 2,0 mnkr')


def sentence_for_vector(section: str, sentence: str) -> str:
    """What a sentence's vector is computed from: a short line, with the heading of the section it
    stands in ('Beslutade ersättningar ur regionstyrelsens anslag: • Brandskyddsåtgärder 2,0 mnkr'),
    so that it is found by what it is about; anything longer, by itself."""
    return f"{section}: {sentence}" if section and len(sentence.split()) <= SHORT_LINE_WORDS else sentence


def is_substantive(sentence: str) -> bool:
    """Worth a vector: at least a few words (not a lone figure or a column label)."""
    return len(re.findall(r"[A-Za-zÅÄÖåäöé]{2,}", sentence)) >= MIN_WORDS
