"""Grounded extractive answering (the default mode).

The answer is made of sentences and parsed table cells taken verbatim from the retrieved passages,
each followed by [n] for its passage, and opens by naming the report it comes from. Sentences are
scored by the question's content words (idf-weighted, Swedish stems) and by the embedder's
similarity between question and sentence (sentence vectors are computed at index time), so everyday
wording still finds the report's sentence. When no sentence is supported well enough, or the
question pins a year or region the reports do not cover, it abstains rather than guess.
"""
from __future__ import annotations

import os
import re
from collections.abc import Collection
from functools import lru_cache
from dataclasses import dataclass, replace
from typing import Protocol

import numpy as np

from .catalog import KINDS_NAMED_AS_FIGURES, PLAN_KINDS, REPORT_KINDS
from .lexical import REPORTS
from .models import Answer, Chunk, Citation, DocumentMeta, Passage, Query, ReportShare
from .query import intent_within_comparison, plan_and_outcome_parts
from .sentences import is_chart_axis, is_document_field, is_page_furniture, is_substantive, split_sentences
from .retrieve import (asks_outcome, docs_by_name, holds_reports_and_others, is_report, matching_docs,
                       prefers_reports)
from .store import LoadedIndex
from .tables import Cell, is_table_heading_row, read_cells, table_rows
from .swedish import (NUMBER_RE, STATUS_PHRASES, STATUS_SYNONYMS, WORKING, has_status_level, normalise,
                      synonym_matches)
from .tokenize import tokenize, unseen_compound_parts

ABSTAIN_TEXT = "Det framgår inte av de indexerade rapporterna."
NOTHING_IN_REPORT = "Det framgår inte av rapporten."  # one report's line of a comparison
MAX_CHARS = 700
SEM_FLOOR, SEM_RANGE = 0.78, 0.12  # e5 cosine: ~0.80 unrelated, ~0.90 a close paraphrase
LEX_WEIGHT = 0.5
RANK_DECAY = 0.1  # how much a sentence's passage rank lowers its score
MAX_SENTENCES = 4  # sentences quoted for one answer
LIST_ITEMS = 10  # lines quoted for a list
PART_REASONS, PART_LABEL_CHARS = 3, 60  # reasons given part by part: how many, and how soon each gives its cause
LIST_CHARS = 1400  # a list may run longer than a prose answer
RUNNER_UP = 0.4  # further sentences must score this share of the best one
PART_MARGIN = 1.5  # a lettered part is the one asked when it matches this much better than the next
ROW_LINE_RUNNER_UP = 0.75  # another topic's reasons, when the best match is a table line
ROW_VS_PROSE = 0.8  # a table row answers a status question without a code if it matches this well
SECTION_SUPPORT = 0.75  # a list question this close to a section's heading asks for that section's lines
TOPIC_SUPPORT, TOPIC_SHARE = 0.5, 0.8  # a status list narrows to the rows about the question's topic
ACTIVITY_FIT, ACTIVITY_MARGIN = 0.6, 0.2  # a row the question describes this well, and this much better than
# the other rows under the asked code, is the one asked
MAX_TABLE_YEARS = 4  # a row read across this many year columns at most (a results table's 'Bokslut 2020–2023')
TABLE_LABEL_SUPPORT = 0.6  # a table row's label must carry this share of the question's words
TABLE_CHUNKS = 2  # chunks before a table row's own that are read for its headings
TABLE_CHUNKS_AFTER = 2  # and after it, where an extraction put the heading line below the rows
TITLE_PENALTY = 0.05  # a row named only together with its table's title ranks below one named by itself
SUBROW_PENALTY = 0.02  # of rows that match equally, the total before the 'varav' parts
RICHER_ROW = 0.001  # per column of the asked year: only breaks ties between equally matching rows
FLATTENED_PENALTY = 0.1  # of figures that match about equally, one in a sentence before table cells run together
# Table cells run together with no sentence end, their column heads after them ('År: 2020 Resultat: 32 253 0
# 28 409 40 161 … Bokslut 2019 Budget 2020'): nobody can tell which figure is which, so it leads no answer.
ROW_RUN_PENALTY = 0.2
OTHER_KIND_PRIOR = 0.5  # a sentence of another kind of report than the one the question names
COMPOUND_SHARE = 0.5  # a question word met only inside a compound of the sentence counts this much
COMPOUND_PART = 5  # letters of a stem at least, to be looked for inside compounds
MIN_SCORE = 0.35  # below this no sentence is taken as support
LEX_QUALIFIES = 0.6  # ... unless it names this share of the question's concepts
SENTENCE_PASSAGES = 8  # how many top passages the answer may quote from
GLOBAL_SENTENCES = 6  # plus the passages of this many best sentences over the whole index
STATUS_FOLLOWING = 3  # sentences after an activity's description that tell how it went
TABLE_PENALTY = 0.6  # a flattened table line rarely answers a question that asks for no figure
PLAN_FOR_OUTCOME = 0.75  # a plan's sentence, when the question asks what happened
CONTROL_PRIOR = 0.6  # an internal control's row, when the question is not about internal control
_ASKS_CONTROL = re.compile(r"kontroll|granskning|risk|stickprov", re.I)
# 'högst riskvärde', 'riskvärde 9', 'riskvärde över 8'
_ASKED_RISK = re.compile(r"\b(högst|högsta|störst|största|lägst|lägsta)\w*\s+(?:\w+\s+)?risk|"
                         r"\brisk\w*\s+(?:på\s+)?(över|minst|från)?\s*(\d{1,2})\b", re.I)
# What asks about control itself, not about what a control examines
_CONTROL_TOKENS = frozenset(tokenize("kontroll kontroller kontrollområde internkontroll intern granskning "
                                     "granskningsområde risk riskvärde"))
RECENCY = 0.2  # how much more the latest report's sentence weighs than the oldest's when no year is asked
_CAUSAL = re.compile(r"\b(beror|berodde|på grund av|pga|p\.g\.a\.|främst|förklaras|förklarar|förklarade|"
                     r"till följd av|orsak|orsaken|effekt av|med anledning av|eftersom|huvudsakligen|bidragit|"
                     r"bidrar|bidrog|medför|medförde|härrör|drivs av|har lett till|ledde till|i och med|"
                     r"beroende på|varför också|som en följd av|grundorsak\w*|har att göra med|(?:del)?förklaring(?:en|ar|arna)?|"
                     # what stands in the way: 'Utmaningar består bland annat av att …'
                     r"(?:utmaning|svårighet)\w* består)(?!\w)", re.I)
_NUMERIC_QUESTION = re.compile(r"\bhur (mycket|många|stor|stort|stora|hög|högt|höga|låg|lågt)\b|\bandel|\bprocent|\bvilken ram\b|"
                               r"\bmkr\b|\bmnkr\b|\bkronor|\bbelopp|\bantal\b|\bprognos|\bresultat(?!et av )|\bsjukfrånvaro|"
                               r"\bsjuktal|\bplus\b|\bminus\b|\bunderskott|\böverskott|kostnad|\bkosta(?:de|r)\b|\bekonomiskt\b|"
                               r"\b(mer|fler|högre|större) eller (mindre|färre|lägre)\b|"
                               # what money comes in: 'Vad räknar X med att dra in?', 'intäkterna'
                               r"\butfall|\bintäkt|\bdra(?:r|git)? in\b|\bdrog in\b|\bfakturera", re.I)
# Words that make up the question's frame, not its subject.
_FRAME = set(tokenize("vad hur mycket många stor stort hög högt var blev är status läget gick det vilka vilken "
                      "vilket varför enligt rapporten regionen region år året jämfört uppgick uppgår finns "
                      "ligger till går med gått dra drar in ut upp ner bort jobbar jobba mer mindre fick få får lagt haft hand "
                      "kommit komma lång långt längre ge alla såg ser nådde nått fall tro tror man vi ni de "
                      "sin sina sitt egen egna fram gjort gjordes gjord göra gör använde använt senaste innan efter "
                      "under hittills totalt hela exempel räknar räknade någon något några finns fanns sagt säger står "
                      "heter hette kallas kallades röra redovisas redovisade redovisar anges anger angavs nämns nämner "
                      "via sedan fram till från "  # the span of a comparison ('från 2020 via 2023 till 2025')
                      "före alltså dvs "  # ('året före årsrapporten': 'före' stems to the preposition 'för')
                      # A why-question's own words: the reasons are asked, the sentence need not say 'beror'.
                      "beror berodde bero orsaken orsakerna anledningen anledningarna förklaringen bakom "
                      # How a question is put ('När skulle …', 'Hur beskrivs …', 'Vilket resultat siktar man
                      # på …'): words a report rarely writes, so they would weigh as its rarest concepts.
                      "när skulle beskrivs beskriver beskrevs siktar sikta"))
# Words that say how a figure is given or how it moved, never which row of a table holds it
# ('Hur mycket har personalkostnaderna ökat i kronor' asks for the row 'Personalkostnader').
_VALUE_WORDS = frozenset(tokenize("kronor miljoner mkr mnkr tkr procent procentenheter "
                                  "ökat ökade ökning minskat minskade minskning förändrats förändring "
                                  "utvecklats utveckling skillnad ändrades ändrats ändring "
                                  # 'Hur gick X ekonomiskt?', 'Hur många tjänster motsvarade …?'
                                  "ekonomiskt motsvarade motsvarar"))
# A table's heading row: a column named by its kind and year.
_HEADING_ROW = re.compile(r"(?m)^.*\b(?:Ram|Bokslut|Budget|Årsbudget|Utfall|Prognos)\s+20\d\d\b")
# The organisation's own result: asked as a result, a plus or minus, a surplus or deficit.
_ASKS_RESULT = re.compile(r"\b(?:resultat(?:et)?|plus|minus|överskott(?:et)?|underskott(?:et)?|gick back|gått back)\b",
                          re.I)
# The organisation named generically; by its own name it is the index's organisation tokens.
_THE_ORGANISATION = frozenset(tokenize("förvaltningen förvaltningens organisationen nämnden styrelsen verksamheten"))
_RESULT_TOKENS = frozenset(tokenize("resultat resultatet överskott underskott"))
# The first year of a span asked about: 'sedan 2020', 'från 2020 (till 2023)'.
_SINCE_YEAR = re.compile(r"\b(?:sedan|från)\s+(20\d\d)\b", re.I)
_RESULT_WORDS = _RESULT_TOKENS | frozenset(tokenize("överskottet underskottet"))
# A table's total row ('Summa förvaltningen', 'Totalt Regionkontoret'): what it totals follows the word.
_TOTAL_ROW = re.compile(r"^(?:summa|totalt?)\s+(\S+)\s*$", re.I)
_OUTCOME_COLUMNS = {"bokslut", "utfall", "resultat"}
_NOT_A_RESULT = re.compile(r"kostnad|intäkt|invester|personal|årsarbetare", re.I)
# The columns of a goal table: they say which of an indicator's figures is asked, not which indicator.
_INDICATOR_COLUMNS = frozenset(tokenize("indikator indikatorn indikatorer utfall målvärde målvärdet måluppfyllelse "
                                        "måluppfyllelsen prognos trend mål målet "
                                        # whether the target was met, and who set it: columns, not the measure
                                        "klarade klarat nådde nåddes satte satt plan planen"))
# Report kinds name a report (a filter), not the subject of a sentence; 'budgeten' in a question is
# the figure planned ('Hur gick det med budgeten?'), as query analysis reads it too.
_FRAME |= set(tokenize(" ".join(k for k in REPORT_KINDS if k not in KINDS_NAMED_AS_FIGURES)))


# An amount: with a currency unit, or a decimal figure as in a table of mnkr (not a bare year or date).
_MONEY = re.compile(r"\d[\d\s]*(?:,\d+)?\s*(?:mnkr|mkr|tkr|kr|kronor|miljoner|miljarder|msek)\b|"
                    r"(?<![\d-])[+\-−]?\d{1,3},\d{1,2}(?![\d-])"
                    # ('1,0 årsarbetare' is staff, '3,5 %' a share: neither an amount)
                    r"(?!\s*(?:%|procent|årsarbet|tjänst|timm|dagar|personer|anställda|medarbetare))", re.I)
_YEAR_SPAN = re.compile(r"(?<!\d)(20\d\d)(?:\s?[-–]\s?(20\d\d))?(?!\d)")  # '2023', '2023–2025'
# A year named as the baseline of a change ('ökat något jämfört med 2024') is not the year spoken of.
_BASELINE_YEAR = re.compile(r"\b(?:jämfört (?:med|mot)|i jämförelse med|mot|än|sedan|från)\s+"
                            r"(?:(?:samma|motsvarande)\s+(?:period|tid|månad|tertial|kvartal)\s+)?(?:år\s+)?20\d\d\b", re.I)
# A figure given for the year before the report's own: '35, jämfört med 42 föregående år', 'förra året
# var den 3,7 %' (not 'en ökning med 146 miljoner jämfört med föregående år', a change).
_YEAR_BEFORE_WORDS = r"(?:föregående år|förra året|året innan|året före|fjolåret)"
_YEAR_BEFORE = re.compile(rf"(?<!ökning med )(?<!minskning med )\b\d[\d ]*(?:,\d+)?\s*(?:%|procent|mnkr|mkr|tkr|miljoner kronor|"
                          rf"miljoner|kronor)?\s+(?:under\s+|för\s+)?{_YEAR_BEFORE_WORDS}|"
                          rf"\b{_YEAR_BEFORE_WORDS}\s+(?:\w+\s+){{0,3}}?\d", re.I)
_MONTHS = r"januari|februari|mars|april|maj|juni|juli|augusti|september|oktober|november|december"
# A figure ('245', '3,2', '12 500') and one that counts (no money or percent unit).
_FIGURE = re.compile(r"(?<![\wÅÄÖåäö,.§])(?<![\wÅÄÖåäö]-)(?<!§ )(?!(?:19|20)\d\d(?!\d|,\d))(?>\d[\d\s]*(?:,\d+)?)"
                     rf"(?!\.\d|\s*(?:{_MONTHS})\b)", re.I)  # not a year, date, section or paragraph ('§304') number or 'covid-19'
_COUNT = re.compile(_FIGURE.pattern + r"(?!\d|\s*(?:%|procent|mnkr|mkr|tkr|kr\b|kronor|miljoner|miljarder))", re.I)
# A figure's unit of time or measure: what it counts, when that is not what the question counts.
_MEASURE_UNIT = re.compile(r"(?:\s*[-–]\s*\d[\d ]*)?\s*(timm(?:e|ar)|dagar|dygn|veckor|månader|år\b|procentenheter|kvadratmeter|kvm|ton\b|"
                           r"[gmk]wh\b|km\b|mil\b)", re.I)
_TO_OUTCOME_CELL = re.compile(r"[^.!?\n]{0,300}? – [^.!?\n]{0,120}?\bUtfall 20\d\d: $")
# (what the question asks for, what an answer must then hold, in the quoted answer or in its passages)
_ASKED_DETAILS = (
    (re.compile(r"\bhur (?:mycket|stor|stort|stora|hög|högt|höga|låg|lågt)\b", re.I), _FIGURE, "answer"),
    (re.compile(r"\bhur många\b(?!\s+procent)", re.I), _COUNT, "answer"),
    # 'Vad gick konsulten på för pengar?' asks what it cost.
    (re.compile(r"\bvad (?:kostade|kostar|kostnaden)\b|\bhur mycket (?:kostade|kostar)\b|\bför pengar\b", re.I),
     _MONEY, "answer"),
    (re.compile(r"\bhur (?:stor|hög) (?:andel|procent)\b|\bhur många procent\b", re.I),
     re.compile(r"%|\bprocent", re.I), "answer"),
    # 'Vilket hälsotal …', 'Vilket HME-värde …', 'Vilket utfall …': a value, so a figure.
    (re.compile(r"\bvilke[nt]\s+[\w-]*?(?:tal|talet|värde|värdet|belopp|index|utfall|summa|andel)\b", re.I),
     _FIGURE, "answer"),
    # 'per anställd', 'i snitt': a figure per head or an average, not the total.
    (re.compile(r"\b(?:per|varje|var) (?:anställd|medarbetare|person|invånare|chef)\b|\bi (?:genom)?snitt\b", re.I),
     re.compile(r"\bper\b|snitt|/\s?(?:anställd|medarbetare|person|invånare)", re.I), "answer"),
    # 'Hur många svarade på enkäten': a response count or rate, not the survey's result.
    (re.compile(r"\b(?:be)?svara(?:de|t)\b(?!\s+för)", re.I), re.compile(r"\b(?:be)?svar", re.I), "answer"),
    (re.compile(r"\bkvinn\w*|\bmän(?:nen)?\b", re.I), re.compile(r"\bkvinn\w*|\bmän\b|\b[KM]:", re.I), "passages"),
    # 'Vilken tidplan …', 'när ska … vara klart': a time, so a year, quarter, month or 'löpande'.
    (re.compile(r"\btidplan\w*|\bnär ska\b|\bdeadline\b|\bklar[ta]? till\b", re.I),
     re.compile(rf"\b20\d\d\b|\bQ[1-4]\b|\bkvartal|\btertial|\blöpande\b|\b(?:{_MONTHS})\b", re.I), "answer"),
)
# 'Hur många av X gällde Y': the part asked for (Y).
_ASKED_SUBSET = re.compile(r"\bhur (?:många|stor (?:del|andel)) av\b[^?]*?\b(?:gällde|gäller|avsåg|avser|handlade om|"
                           r"handlar om|var|är|blev|svarade|utgjordes av|utgjorde)\b([^?]+)", re.I)
# What 'hur många' counts: the noun after it ('Hur många ärenden …', 'hur många nya tjänster').
# ('Hur många av regionens anställda': a genitive before the counted noun is whose it is.)
_COUNTED_NOUN = re.compile(r"\bhur många\s+(?:(?:nya|fler|färre|olika|av de|av)\s+)?"
                           r"(?:[A-Za-zÅÄÖåäö]+(?:ens|ets|arnas|ernas|ornas)\s+)?"
                           r"(?!procent)([A-Za-zÅÄÖåäö-]{4,})", re.I)  # a share is checked as a share
# 'Hur många jobbar …' counts the people working: the reports count them as these.
_WORKING = re.compile(rf"^{WORKING}$", re.I)
_PEOPLE_COUNTED = "(?:årsarbet|anställd|medarbet)"
# A sentence that points back to the one before it for its cause ('Det medför att …').
_ANAPHORIC = re.compile(r"^(av denna anledning|därför|därmed|detta|det (beror|medför|innebär|har medfört|leder|gör)|"
                        r"orsaken|vilket|"
                        # how the work just described stands: 'Arbetet fortsätter 2021.', 'Arbetet pågår.'
                        r"(arbetet|uppdraget|projektet|insatsen|aktiviteten) (fortsätter|pågår|är (klart|avslutat|"
                        r"genomfört|pausat)|har (påbörjats|avslutats|genomförts|slutförts|pausats)))\b", re.I)
# 'Förvaltningen kommer därför att …': the reason is the sentence before, also with 'därför' after the subject.
_THEREFORE_EARLY = re.compile(r"^(?:[\wåäöÅÄÖ-]+\s+){1,3}(?:därför|därmed|av den anledningen)\b", re.I)


_DEFINITE_SUBJECT = re.compile(r"([A-ZÅÄÖ][a-zåäö]{3,}(?:et|en))\s+[a-zåäö]")


def _names_back(previous: str, text: str) -> bool:
    """'Regionstyrelsen beslutade i april … / Beslutet avsåg …': a sentence whose subject names, in
    the definite form, what the sentence before it did or proposed goes on about the same thing."""
    m = _DEFINITE_SUBJECT.match(text)
    # (One that announces a list, 'Budgetavvikelsen beror främst på', is quoted with its items or not at all.)
    if not m or not text.rstrip().endswith((".", "!", "?")):
        return False
    word = m.group(1).casefold()
    said = re.findall(r"\w+", previous.casefold())
    return word not in said and bool(set(tokenize(word, heads=False)) & _token_set(previous))


_PART_LETTER = re.compile(r"(?:^|(?<=[\s.]))([a-h])\)\s+")


def _lettered(text: str) -> dict[str, str]:
    """The lettered parts of a cell: 'Lead. a) … b) …' -> {'': 'Lead.', 'a': '…', 'b': '…'} (a letter's
    later parts joined; no '' without a lead)."""
    marks = list(_PART_LETTER.finditer(text))
    lead = text[:marks[0].start()].strip() if marks else ""
    parts: dict[str, str] = {"": lead} if lead else {}
    for m, nxt in zip(marks, marks[1:] + [None]):
        body = text[m.end():nxt.start() if nxt else len(text)].strip()
        parts[m.group(1)] = f"{parts[m.group(1)]} {body}" if m.group(1) in parts else body
    return parts


def _gives_reason(text: str) -> bool:
    """A causal word, or 'därför' after the subject (the reason is then the sentence before)."""
    return bool(_CAUSAL.search(text) or _THEREFORE_EARLY.match(text))


# A sentence that tells what the one before it consists of or comes from.
_EXPLAINS_BACK = re.compile(r"^(det|detta) (är|var) (en blandning|en kombination|ett resultat|en följd|en effekt)\b"
                            r"|^(det|detta) handlar (främst |framför allt )?om\b", re.I)
# A sentence that sets a target: what was reached is told in the sentence after it.
_TARGET = re.compile(r"^(?:målsättningen|målet|målvärdet|ambitionen)\b", re.I)
# A sentence whose subject is in the sentence before it ('Dessa två projekt …', 'Detta innebär …').
_POINTS_BACK = re.compile(r"^(dessa|detta|denna|dessutom|därför|därmed|det här|de här|den här|samtidigt)\b", re.I)
# A sentence that says reasons follow ('två komplicerande faktorer', 'flera orsaker till').
_ANNOUNCES_REASONS = re.compile(r"\b(?:två|tre|fyra|flera|ett antal|olika|några)\s+(?:\w+\s+)?"
                                r"(?:faktorer|orsaker|anledningar|skäl|förklaringar)\b", re.I)
_SUB_ITEM = re.compile(r"^(?:Mål|Delmål|Aktivitet|Delaktivitet|Åtgärd)\s*\d*\s*:", re.I)  # a comment's sub-items
# An item labelled with how far it has come: 'o Pågående: Kartläggningsarbete …', '- Klart: …'.
_STATUS_LABEL = re.compile(r"^(?:[o•➢*\-–]\s+)?([A-ZÅÄÖ][a-zåäö]+(?: [a-zåäö]+)?):\s+\S")
_SUB_BULLET = re.compile(r"\s(?=o\s+[A-ZÅÄÖ][a-zåäö]+(?: [a-zåäö]+)?:\s)")  # where such an item starts
_STATUS_LABEL_MARK = re.compile(r"^[o•➢*\-–]\s+")  # its bullet, not quoted
_BULLETS = ("•", "➢", "-", "–", "a)", "b)", "c)")


class Answerer(Protocol):
    def answer(self, query: Query, passages: list[Passage], query_vector: np.ndarray) -> Answer: ...


@dataclass
class _Sentence:
    text: str
    passage: int  # index into passages
    lex: float
    sem: float
    score: float
    has_number: bool
    doc_id: str = ""  # the report it stands in


@lru_cache(maxsize=100_000)
def _token_set(text: str) -> frozenset[str]:
    """A sentence's tokens, computed once: the same sentences are scored for question after question."""
    return frozenset(tokenize(text))


def _in_compound(alts: Collection[str], present: Collection[str]) -> bool:
    """A word of the question met inside a compound of the text: 'pensionerna' in
    'pensionskostnader', 'konsulter' in 'konsultkostnaderna' (stems of at least COMPOUND_PART letters)."""
    return any(len(a) >= COMPOUND_PART and len(t) > len(a) + 2 and (t.startswith(a) or t.endswith(a))
               for a in alts for t in present)


def _shorten(text: str, limit: int) -> str:
    if len(text) <= limit:
        return text
    return text[:limit].rsplit(" ", 1)[0].rstrip(",;:") + " …"


_COLUMN_HEAD = re.compile(r"\b(?:Bokslut|(?:Års)?[Bb]udget|Prognos|Ram|Utfall|Avvikelse|Målvärde)\s+20\d\d\b")
# A bare figure as table cells print it ('-3,9', '32'); _FIGURE above is a figure that answers.
_CELL_NUMBER = re.compile(r"(?<![\w,])[+\-−–]?\d[\d,]*(?![\w,])")


def _heads_follow_cells(text: str) -> bool:
    """A run of cells whose column heads come after its figures: the extraction read the table's
    cells before its heading row, so nothing says which figure sits under which head. (A row read
    under heads before it, 'Ram 2023 Ram 2024 Centrum för service 55,5 58,8', reads fine.)"""
    head = _COLUMN_HEAD.search(text)
    figure = next((m for m in _CELL_NUMBER.finditer(text) if not re.fullmatch(r"20\d\d", m.group())), None)
    return head is not None and figure is not None and figure.start() < head.start() and _is_row_run(text)


@lru_cache(maxsize=50_000)
def _is_row_run(text: str) -> bool:
    """Table rows run together into one 'sentence': many figures and no sentence end."""
    return not text.rstrip().endswith((".", "!", "?")) and \
        len(_CELL_NUMBER.findall(text)) >= 6


def _is_table_line(sentence: str) -> bool:
    """One row of a table the extraction kept on its line: a label, two or more figures with their unit
    and a comment, no sentence end ('Begränsa glasögonbidrag 2025 0,4 mnkr 0,4 mnkr Striktare regler')."""
    figures = list(re.finditer(r"(?<![\w,])[+\-−–]?\d[\d,]*\s?(?:mnkr|mkr|tkr|%|årsarbetare)", sentence))
    # The words after the last figure are the row's comment; a row of figures alone gives no reason.
    comment = sentence[figures[-1].end():] if figures else ""
    return not sentence.rstrip().endswith((".", "!", "?", ":")) and len(figures) >= 2 and \
        len(re.findall(r"[A-Za-zÅÄÖåäö]{3,}", comment)) >= 2


def is_flattened_table(sentence: str) -> bool:
    """Column labels and cells run together by the extraction ('Dnr: Ekonomi Kostnadsutveckling 2020
    2021 Budget Prognos'): many capitalised words mid-'sentence' and no sentence end."""
    words = re.findall(r"[A-Za-zÅÄÖåäöé][\wåäöÅÄÖ-]*", sentence)
    capitalised = sum(1 for w in words[1:] if w[0].isupper() and not (w.isupper() and len(w) <= 5))
    end = sentence.rstrip()
    if capitalised < 4 or end.endswith((".", "!", "?")):
        return False
    # A colon ends a sentence that announces a list, not a run of cells ('Resultat: 32 253 0 28 409 …
    # Förvaltning: Analys:').
    return not end.endswith(":") or len(_CELL_NUMBER.findall(sentence)) >= 6


_HEADER_CELLS = re.compile(r"\b(Indikator|Utfall|Målvärde|Måluppfyllelse|Ansvarig|Status|Kommentar|Tidplan)\b")


_CENTRE = re.compile(r"\b[Cc]ent(?:rum|er) för ([a-zåäö][\wåäö-]+)")
_PROPER = re.compile(r"(?<=[a-zåäö,–-] )([A-ZÅÄÖ][a-zåäö]+[\wåäöÅÄÖ-]*)")


def _named_parts(question: str) -> list[str]:
    """Names of parts of an organisation the question asks about: 'Centrum för kommunikation' (its
    last word is the name), and capitalised words inside the sentence ('Regionhälsan', 'Hälsolyften')."""
    names = [m.group(1) for m in _CENTRE.finditer(question)]
    rest = _CENTRE.sub(" ", question)
    return names + [w for w in _PROPER.findall(rest) if not re.fullmatch(r"Q\d|[A-ZÅÄÖ]{1,4}\d+", w)]


def _is_bare_heading(text: str) -> bool:
    """One or two words without figures, bullet or full stop: 'Kommentarer', 'Uppdrag', 'Total Helår'."""
    return (not text.startswith(_BULLETS) and not re.search(r"\d", text) and not text.rstrip().endswith((".", ":"))
            and len(text.split()) <= 2)


def is_table_header(sentence: str) -> bool:
    """Column labels of a table the extraction ran into the text ('… Mål Indikator Utfall 2022')."""
    return len(set(_HEADER_CELLS.findall(sentence))) >= 2 and not sentence.rstrip().endswith((".", "!", "?"))


# An assignment as plans and reports phrase it: an infinitive ('Inventera …', 'Ta fram …') or '… ska …'.
_NOT_VERBS = {"denna", "flera", "andra", "vissa", "båda", "alla", "varje", "sedan", "enligt", "extra", "stora", "nya",
              "totala", "samma", "regionala", "första", "största", "nästa", "dessa", "hela", "sista", "bara", "ena"}
_ROW_LABEL = r"^(?:\(?[A-ZÅÄÖ]{0,4}\s?\d{1,3}\s?[a-z]?\)\s*)?(?:[a-c]\)\s*)?"  # '(28) b) ', 'RF7 '
_ASSIGNMENT_LEAD = re.compile(_ROW_LABEL + r"(?:Under 20\d\d )?(?P<verb>[A-ZÅÄÖ][a-zåäö]*a)\b|"
                              r"^[^.]{0,60}?\bUnder 20\d\d (?P<late>[a-zåäö]+a)\b")  # after a goal's label
_ASSIGNMENT_SKA = re.compile(_ROW_LABEL + r"[^.]{0,60}\bska\b")


def is_assignment(sentence: str) -> bool:
    """'Inventera möjliga arbetsuppgifter …', '(28) b) Under 2023 ska områdena … ses över.'"""
    m = _ASSIGNMENT_LEAD.match(sentence)
    if m and (m.group("verb") or m.group("late")).casefold() not in _NOT_VERBS:
        return True
    return bool(_ASSIGNMENT_SKA.match(sentence))


# 'Vilka uppdrag har CE som ansvarig', 'Vilka aktiviteter ansvarar Regionstaben för'.
_ASKS_RESPONSIBLE = re.compile(r"\bsom ansvarig\b|\bansvarar\b|\bär ansvarig|\bhar ansvar(?:et)?\b|\bansvarig (?:är|enhet)\b|"
                               r"\bligger (?:på|hos)\b", re.I)
# 'till sista kvartalet 2023', 'under Q4 2023', 'kvartal 4 2023': a quarter asked of rows' tidplan.
_QUARTERS = {"första": "1", "andra": "2", "tredje": "3", "fjärde": "4", "sista": "4"}
_ASKS_QUARTER = re.compile(r"\b(?:(första|andra|tredje|fjärde|sista)\s+kvartalet|Q([1-4])|kvartal\s+([1-4]))\s*(?:år\s+)?(20\d\d)\b",
                           re.I)
_ASKS_GOALS = re.compile(r"\b(?:del)?mål(?:en)?\b", re.I)
_INDICATOR_WORDS = frozenset(tokenize("indikator indikatorer indikatorerna mått måtten mäter mäts mätetal nyckeltal "
                                      "följs följer upp"))
# What a status list asks for, not what it is about: status words and the kinds of row.
_LIST_FRAME = frozenset(tokenize(" ".join(STATUS_PHRASES + tuple(v for vs in STATUS_SYNONYMS.values() for v in vs))
                                 + " status uppdrag uppdragen aktivitet aktiviteter aktiviteterna delmål delmålen mål "
                                   "målen åtgärd åtgärder insats insatser"))
_ASKS_TASKS = re.compile(r"\b(?:uppdrag|aktivitet|åtgärd|insats)", re.I)


def _is_goal_row(fields: dict) -> bool:
    """A row of a goal table ('Regionmål Delmål Prognos'), not of an uppdrag or activity table."""
    return "mål" in fields or "delmål" in str(fields.get("header", "")).casefold()


def _has_asked_code(p: Passage, query: Query) -> bool:
    """The row carries a code the question names ('rf 8' ~ 'RF8'), or the question names none."""
    codes = {c.upper().replace(" ", "") for c in query.codes}
    return not codes or str(p.chunk.fields.get("code", "")).upper() in codes


# A list of what went plus or minus ('… gick med underskott', '… gick plus'), read off a results table.
_SIGN_ASKED = re.compile(r"(?P<neg>\bunderskott|\bnegativ\w* (?:resultat|avvikelse)|\bgick (?:\w+ )?(?:minus|back)\b)|"
                         r"(?P<pos>\böverskott|\bpositiv\w* (?:resultat|avvikelse)|\bgick (?:\w+ )?plus\b)", re.I)
# A list of costs or incomes by how they came out against the budget ('Vilka kostnader gick över
# budget?', '… landade lägre än budgeterat', '… störst negativ avvikelse mot budget').
_AGAINST_BUDGET = re.compile(
    r"(?P<over>\böver budget|\böver(?:skred|skrid|steg)\w*|\b(?:dyrare|mer|högre|större) än (?:\w+ )?budget|"
    r"\b(?:drog|gick|landade) (?:\w+ )?över\b)|"
    r"(?P<under>\bunder budget|\b(?:lägre|mindre|billigare) än (?:\w+ )?budget|\binom budget|\bunderskred\w*|"
    r"\b(?:landade|gick|hamnade) (?:\w+ )?under\b)|"
    r"(?P<worse>\bnegativ\w* avvikelse|\bsämre än (?:\w+ )?budget)|(?P<better>\bpositiv\w* avvikelse|\bbättre än (?:\w+ )?budget)",
    re.I)
# Only the largest deviations are asked for ('Vilka kostnader drog mest över budget?').
_ASKS_LARGEST = re.compile(r"\b(?:mest|störst\w*|främst|mycket)\b", re.I)
_LARGEST_LISTED = 3
# A question about how much something grew or fell ('Hur mycket ökade övertiden?', 'färre timmar').
_ASKS_CHANGE = re.compile(r"\bök(?:a|ade|at|ning)|\bminsk(?:a|ade|at|ning)|\b(?:för)?ändr|\bfärre\b|\bfler\b|"
                          r"\bmer än\b|\bmindre än\b|\bgick (?:upp|ner)\b", re.I)
# A figure of a change: 'ökat med 10 personer', 'Ökade kostnader med 0,8 mnkr', 'minskat motsvarande 7 årsarbetare'.
_CHANGE_FIGURE = re.compile(r"\b(?:ök|minsk)\w*\s+(?:\w+\s+)?(?:med|motsvarande)\s+(?:cirka\s+|ca\s+)?"
                            r"[+\-−–]?\d[\d ]*(?:,\d+)?", re.I)


def _asks_change(question: str) -> bool:
    """'Hur mycket ökade …', 'hur många nya …': a change is the answer asked for."""
    return bool(_ASKS_CHANGE.search(question) or re.search(r"\b(?:nya|ytterligare)\b", question, re.I))


# A question about indicators: which came out how ('Vilka indikatorer gick åt fel håll?', '… nådde målet'),
# or which a goal is measured by ('Vilka mått följs upp för delmålet …?').
_ASKS_INDICATORS = re.compile(r"\bindikator\w*|\bmått(?:en)?\b|\w+mått(?:en)?\b|\bnyckeltal\w*|\bmäter\b|\bmäts\b|"
                              r"\bmätetal\w*", re.I)
_INDICATOR_OUTCOME = re.compile(
    r"(?P<neg>\bfel håll|\bnegativ\w*|\b(?:inte|ej) (?:uppnå|nå|klara)\w*|\bsämre|\bförsämr\w*|\bröd\w*)|"
    r"(?P<pos>\brätt håll|\bpositiv\w*|\buppnå\w*|\bnådde\b|\bnått\b|\bklarade\b|\bförbättr\w*|\bgrön\w*)", re.I)
# A row of a table by unit: a responsibility code ('E8 Upphandling och VFN') or a unit's kind of name
# ('Centrum för ekonomi stab', 'Ekonomiservice'; not the cost 'Serviceavtal').
_UNIT_ROW = re.compile(r"^[A-ZÅÄÖ]{1,2}\d{1,3}\s|\b(?:centrum|enhet|stab|kansli|avdelning|förvaltning)|service\b", re.I)
# Units asked for in general ('Vilka enheter …'), naming no word of the rows.
_UNITS_IN_GENERAL = re.compile(r"(?:budget)?enhet|verksamhet|avdelning|förvaltningsdel", re.I)
# What the list is of: 'Vilka centrum …', 'Vilka enheter …'.
_LISTED_NOUN = re.compile(r"\bvilka\s+([a-zåäö]{4,})", re.I)
# A goal the question names by number ('under Mål 2') or by its words ('målet om trygga uppväxtvillkor').
_GOAL_NUMBER = re.compile(r"\bmål(?:et)?\s+(\d{1,2})\b", re.I)
_NAMES_A_GOAL = re.compile(r"\b(?:region|fullmäktige|övergripande)?mål(?:et|en)?\b", re.I)
# A count of a table's rows: 'Hur många delmål har regionstyrelsen under Mål 2?'.
_COUNTS_ROWS = re.compile(r"\bhur många\s+(?:av\s+)?(?:(?:de|dess|[a-zåäö]+(?:ens|ets|s))\s+)?"
                          r"(delmål|uppdrag|aktiviteter)\b", re.I)
GOAL_MARGIN = 0.5  # a goal named by its words: the next best goal matches at most half as well
# A word this long is the question's specific term ('stickskador', 'konsultkostnaderna'), one a figure
# must be about; shorter ones are too often frame ('regionkontoret' is long but an organisation's name).
SPECIFIC_WORD = 11
# How far work has come, in a comment's own words: where the row has no status word, this is its status.
_PROGRESS = re.compile(r"\b(?:pågår|pågående|påbörja\w*|genomför(?:t|d|des|ts)|slutför\w*|klar[at]?|avslutat?s?|"
                       r"försen\w*|ej påbörjat|inte påbörjat)\b", re.I)
PROGRESS_BONUS = 0.5  # as much as half the question's words: it outranks a sentence about something else


def _without_cells(fields: dict) -> str:
    """A plan row's assignment without its tidplan and unit cells ('… fakturahantering. 2024 CE'),
    which the line gives in brackets. Cells that say more than the brackets ('Löpande fr o m 2023')
    stay."""
    text = fields.get("uppdrag", "")
    end = text.rfind(". ")
    if end > 0 and text[end + 1:].split() == f"{fields.get('tidplan')} {fields.get('ansvarig')}".split():
        return text[:end + 1]
    return text


def _as_number(value: str) -> float | None:
    m = re.fullmatch(r"([+\-−–]?)\s*(\d[\d ]*(?:,\d+)?)\s*%?", value.strip())
    if not m:
        return None
    number = float(m.group(2).replace(" ", "").replace(",", "."))
    return -number if m.group(1) in ("-", "−", "–") else number


def _without_overlap(texts: list[str]) -> str:
    """Consecutive chunks as one text, the lines a chunk repeats from the one before (overlapping
    windows) read once."""
    lines: list[str] = []
    for text in texts:
        new = text.split("\n")
        n = next((n for n in range(min(len(lines), len(new)), 0, -1) if lines[-n:] == new[:n]), 0)
        lines += new[n:]
    return "\n".join(lines)


# 'Vilka … fick ett lägre sjuktal 2020 jämfört med året innan / än 2019?': rows that moved between two years.
_ASKS_WHICH_MOVED = re.compile(r"\bvilka\b[^?]*?\b(?:(?P<down>lägre|minskade|minskat|sjönk|sjunkit|mindre|färre)|"
                               r"(?P<up>högre|ökade|ökat|steg|stigit|större|fler))\b", re.I)
_THAN_YEAR_BEFORE = re.compile(r"\b(?:än|jämfört med|mot)\s+(?:året innan|året före|föregående år|(?:år\s+)?(?P<year>20\d\d))",
                               re.I)


def _outcome_column(row, year: int) -> int | None:
    """The row's column for the year: its outcome ('Bokslut 2020', 'Innevarande år'), else its only one."""
    wanted = [j for j, (_, y) in enumerate(row.columns) if y == year]
    outcome = [j for j in wanted if row.columns[j][0].casefold().startswith(("bokslut", "utfall", "innevarande",
                                                                            "föregående"))]
    if len(outcome) == 1:
        return outcome[0]
    return wanted[0] if not outcome and len(wanted) == 1 else None  # (several: which one is unclear)


def _only_names_the_report(sentence: str, meta: DocumentMeta) -> bool:
    """A page header's line that names the report and nothing else ('2023-01-31 Förvaltningsplan
    2023-2025 Regionkontoret'): no statement, however much it reads like a question naming the report."""
    words = re.findall(r"[a-zåäöé]+|\d+", re.sub(r"\b\d{4}-\d\d-\d\d\b", " ", sentence.casefold()))
    return bool(words) and set(words) <= _name_words(f"{meta.title} {meta.organisation} {meta.unit} {meta.doc_id}")


@lru_cache(maxsize=1024)
def _name_words(names: str) -> frozenset[str]:
    """The words of a report's title, organisation, unit and file name (asked for every sentence scored)."""
    return frozenset(re.findall(r"[a-zåäöé]+|\d+", names.casefold()))


def is_numeric_question(text: str) -> bool:
    return bool(_NUMERIC_QUESTION.search(text))


class ExtractiveAnswerer:
    """Composes a concise Swedish answer from the passages; the same grounding rules for every intent."""

    def __init__(self, index: LoadedIndex):
        self.index = index
        self.all_idf = index.lexical.idf()
        self.report_idf = index.lexical.idf(REPORTS)  # what a question about the reports is weighed by
        metas = index.metas.values()
        self.indexed_years = {y for m in metas for y in m.covered_years}
        self.indexed_orgs = {m.organisation.casefold() for m in metas if m.organisation}
        self.position = {c.id: i for i, c in enumerate(index.chunks)}
        # Region and unit names filter reports; they say nothing about which sentence answers.
        self.org_tokens = {t for m in metas for name in (m.organisation, m.unit) for t in tokenize(name)}
        self.lex_weight, self.min_score = LEX_WEIGHT, MIN_SCORE
        self.recency = RECENCY
        self.sem_floor, self.sem_range = SEM_FLOOR, SEM_RANGE
        self.runner_up, self.rank_decay, self.max_sentences = RUNNER_UP, RANK_DECAY, MAX_SENTENCES
        self.sentence_passages, self.global_sentences = SENTENCE_PASSAGES, GLOBAL_SENTENCES
        counts = np.diff(index.sentence_offsets)
        self.sentence_chunk = np.repeat(np.arange(len(index.chunks)), counts)
        # Sentence -> document as small integers, so filtering by document is one mask lookup.
        self.doc_number = {d: i for i, d in enumerate(index.metas)}
        chunk_doc = np.array([self.doc_number[c.doc_id] for c in index.chunks], dtype=np.int32)
        self.sentence_doc = chunk_doc[self.sentence_chunk] if len(counts) else np.array([], dtype=np.int32)
        self.mixed_corpus = holds_reports_and_others(index.metas)
        self.report_docs = {d for d, m in index.metas.items() if is_report(m)}
        self.docs_by_name = docs_by_name(index.metas)
        self.doc_chunks: dict[str, list[int]] = {}  # document -> its chunks' positions, in reading order
        self.table_texts: dict[int, str] = {}  # chunk position -> the text its table rows are read from
        self.chunk_position: dict[str, int] = {}
        for i, c in enumerate(index.chunks):
            self.doc_chunks.setdefault(c.doc_id, []).append(i)
            self.chunk_position[c.id] = i
        report_numbers = np.array(sorted(self.doc_number[d] for d in self.report_docs), dtype=np.int32)
        self.report_sentence_rows = np.nonzero(np.isin(self.sentence_doc, report_numbers))[0]

    def _with_sentence_hits(self, query: Query, passages: list[Passage], qv: np.ndarray, limit: int,
                            top: int | None = None, only_docs: set[str] | None = None) -> list[Passage]:
        """The retrieved passages plus the passages of the sentences most similar to the question,
        searched over every sentence of the allowed reports: a short answer can hide in a long chunk."""
        base = passages[:limit]
        top = self.global_sentences if top is None else top
        if not len(self.sentence_chunk) or top <= 0:
            return base
        allowed = only_docs if only_docs is not None else matching_docs(self.docs_by_name, query)
        if only_docs is None and query.kinds:
            # 'enligt årsrapporten 2025': a sentence of the plan is no hit, where a report of that kind exists.
            of_kind = {d for d, m in self.index.metas.items() if m.kind in query.kinds and (allowed is None or d in allowed)}
            allowed = of_kind or allowed
        rows: np.ndarray | None = None  # the sentences searched; None: all of them
        if allowed is None and prefers_reports(self.mixed_corpus, query):
            rows = self.report_sentence_rows
        elif allowed is not None:
            keep = np.zeros(len(self.doc_number), bool)
            keep[[self.doc_number[d] for d in allowed if d in self.doc_number]] = True
            rows = np.nonzero(keep[self.sentence_doc])[0]
        # Only the allowed sentences are scored: with thousands of other documents indexed this is
        # the difference between one small matrix product and one over every sentence.
        sims = (self.index.sentence_vectors if rows is None else self.index.sentence_vectors[rows]) @ qv
        seen = {p.chunk.id for p in base}
        extra: list[Passage] = []
        for j in np.argsort(-sims)[: top * 3]:
            row = j if rows is None else rows[j]
            chunk = self.index.chunks[self.sentence_chunk[row]]
            if chunk.id in seen or sims[j] <= 0:
                continue
            seen.add(chunk.id)
            extra.append(Passage(chunk=chunk, meta=self.index.metas[chunk.doc_id], score=0.0))
            if len(extra) >= top:
                break
        return base + extra

    # --- scoring -----------------------------------------------------------------------------
    def _idf(self, query: Query) -> dict[str, float]:
        return self.report_idf if prefers_reports(self.mixed_corpus, query) else self.all_idf

    def _concepts(self, query: Query) -> list[tuple[frozenset[str], float]]:
        """What a supporting sentence must mention: each content word of the question, and for each
        everyday phrase a group of report words any one of which will do ('plus' ~ 'överskott')."""
        idf = self._idf(query)
        matches = synonym_matches(query.text)
        # The question's own word for a concept counts as one of its alternatives, not as a concept of
        # its own, and neither do its compound parts: 'personalomsättningen' is 'personalrörlighet',
        # not 'personal'.
        unmatched = query.text
        for w, _ in matches:
            unmatched = unmatched.replace(w, " ") if w else unmatched
        groups = [frozenset(tokenize(g, heads=False)) | frozenset(tokenize(w, heads=False)) for w, g in matches]
        own = [t for t in tokenize(unmatched) if t not in _FRAME and t not in self.org_tokens
               and not re.fullmatch(r"20\d\d", t)]
        concepts = [(frozenset({t}), idf[t]) for t in dict.fromkeys(own) if t in idf
                    and not any(t in g for g in groups)]
        # A compound the reports never use counts by its parts ('tandvårdsbeställningen').
        parts = [t for t in unseen_compound_parts(unmatched, idf) if t not in own and t not in _FRAME]
        concepts += [(frozenset({t}), idf[t]) for t in parts if not any(t in g for g in groups)]
        if not groups:
            concepts += [(frozenset({t}), 0.5) for t in dict.fromkeys(own) if t not in idf]
        for g in groups:
            known = [idf[t] for t in g if t in idf]
            if known:
                concepts.append((g, min(3.0, sum(known) / len(known))))
        # A unit's abbreviation stands for its name (the unit column writes 'CA', running text
        # 'Centrum för administration'): each word of the name the question writes may also be met
        # by the abbreviation.
        for _, words, abbreviation in query.units:
            short, named = frozenset(tokenize(abbreviation)), set(tokenize(words, heads=False))
            concepts = [(alts | short, w) if alts & named else (alts, w) for alts, w in concepts]
        return concepts

    @staticmethod
    def _support(concepts: list[tuple[frozenset[str], float]], text: str, extra: set[str] = frozenset()) -> float:
        """Weighted share of the question's concepts that the text (plus `extra` tokens) mentions."""
        if not concepts:
            return 0.0
        present = _token_set(text) | extra
        got = 0.0
        for alts, w in concepts:
            if alts & present:
                got += w
            elif _in_compound(alts, present):
                got += COMPOUND_SHARE * w
        return got / sum(w for _, w in concepts)

    def _sentence_similarity(self, passage: Passage, count: int, qv: np.ndarray) -> np.ndarray:
        """Cosine of question and each sentence of the passage (0 where a sentence has no vector)."""
        pos = self.position.get(passage.chunk.id)
        if pos is None:
            return np.zeros(count)
        lo, hi = self.index.sentence_offsets[pos], self.index.sentence_offsets[pos + 1]
        if hi - lo != count:
            return np.zeros(count)
        return self.index.sentence_vectors[lo:hi] @ qv

    def _covers_year(self, meta: DocumentMeta, text: str, query: Query) -> bool:
        """Never a figure from another year: the report covers the asked year, or the sentence names it."""
        if not query.years:
            return True
        named = {str(y) for a, b in _YEAR_SPAN.findall(text) for y in range(int(a), max(int(a), int(b or a)) + 1)}
        asked = {str(y) for y in query.years}
        covered = meta.covered_years
        if covered & set(query.years):
            # A plan covers several years; a line that labels its figures with other years
            # ('Ram 2022 Ram 2023', 'HME-index 80 (2021)') holds none for the asked one. Nor does a
            # report's sentence about last year only ('Sjukfrånvaron 2024 var 3,7 %' asked for 2025).
            # (What it says of a later year is still said in the asked one: 'resterande … 2026'.)
            own = {y for a, b in _YEAR_SPAN.findall(_BASELINE_YEAR.sub("", text))
                   for y in range(int(a), max(int(a), int(b or a)) + 1)}
            return not own or bool(named & asked) or (len(covered) == 1 and max(own) > min(query.years))
        # A report's 'jämfört med 42 föregående år' states the year before its own.
        if meta.year and meta.year - 1 in query.years and _YEAR_BEFORE.search(text):
            return True
        # Another year's report may state a figure for the asked year, but a run of column years
        # ('2020 2021 2022 2023') is a table axis, not such a statement.
        return bool(named & asked) and len(named) < 3

    def _sentences(self, query: Query, passages: list[Passage], qv: np.ndarray, limit: int
                   ) -> list[_Sentence]:
        weights = self._concepts(query)
        numeric = query.intent in ("number", "compare") or is_numeric_question(query.text)
        # What happened ('gick', 'gjorde', 'blev') is told by an outcome report; a plan only intends it.
        outcome = asks_outcome(query.text) and not any(k in PLAN_KINDS for k in query.kinds)
        out = []
        # (An internal control names a topic it checks, 'att medarbetarna genomgått … utbildning', and
        # says nothing of how the topic stands.)
        control_prior = 1.0 if _ASKS_CONTROL.search(query.text) else CONTROL_PRIOR
        # 'enligt förvaltningsplanen': where passages of the kind named are at hand, another kind's
        # sentence answers only if none of them does.
        # (A plan named for a year it does not cover is an older one, not indexed: 'i förvaltningsplanen … 2020'.)
        named_kind = bool(query.kinds) and any(
            p.meta.kind in query.kinds and (not query.years or p.meta.covered_years & set(query.years))
            for p in passages)
        for i, p in enumerate(passages):
            # What kind of passage it is and which report it comes from weigh before the words do.
            source_prior = control_prior if p.chunk.kind == "control" else 1.0
            if named_kind and p.meta.kind not in query.kinds:
                source_prior *= OTHER_KIND_PRIOR
            if outcome and p.meta.kind in PLAN_KINDS:
                # Of a year it plans for, a plan holds no outcome at all; of the years before, it may
                # state the starting point ('6,7% (2021)').
                planned = p.meta.covered_years
                source_prior *= 0.0 if query.years and set(query.years) <= planned else PLAN_FOR_OUTCOME
            f = p.chunk.fields
            context = " ".join(str(x) for x in (p.chunk.section, f.get("indikator", ""), f.get("code", ""),
                                                 f.get("ansvarig", "")))
            context_tokens = set(tokenize(context))
            texts = split_sentences(p.chunk.text)
            dense = self._sentence_similarity(p, len(texts), qv)
            for s, d in zip(texts, dense):
                lex = max(self._support(weights, s), 0.7 * self._support(weights, s, context_tokens))
                sem = float(np.clip((d - self.sem_floor) / self.sem_range, 0, 1)) if d else 0.0
                prior = 1.0 / (1.0 + self.rank_decay * (i if i < limit else limit // 2))
                score = (self.lex_weight * lex + (1 - self.lex_weight) * sem) * prior * source_prior
                if not self._covers_year(p.meta, s, query) or is_chart_axis(s) or is_page_furniture(s) \
                        or _only_names_the_report(s, p.meta):
                    score = 0.0
                elif not numeric and is_flattened_table(s):
                    score *= TABLE_PENALTY
                has_number = bool(re.search(r"\d", s)) and bool(NUMBER_RE.search(s))
                out.append(_Sentence(s, i, lex, sem, score, has_number, p.chunk.doc_id))
        return self._latest_first(query, passages, out)

    def _latest_first(self, query: Query, passages: list[Passage], sentences: list[_Sentence]) -> list[_Sentence]:
        """No year asked: of the sentences that mention the question's words best, the latest report's
        weigh more ('Vad är sjukfrånvaron?' means now). A closer match in an older report still wins."""
        years = [p.meta.year for p in passages if p.meta.year]
        if query.years or query.kinds or not sentences or not years or min(years) == max(years):
            return sentences
        oldest, newest = min(years), max(years)
        top_lex = max(s.lex for s in sentences)
        for s in sentences:
            year = passages[s.passage].meta.year
            if year and top_lex > 0 and s.lex >= top_lex - 1e-9:
                s.score *= 1.0 + self.recency * (year - oldest) / (newest - oldest)
        return sentences

    # --- composing ---------------------------------------------------------------------------
    def _shares_vocabulary(self, query: Query) -> bool:
        """At least one word of the question (not only numbers) occurs in the reports."""
        idf = self._idf(query)
        return any(re.search(r"[a-zåäö]", t) and t in idf for alts, _ in self._concepts(query) for t in alts)

    def answer(self, query: Query, passages: list[Passage], query_vector: np.ndarray) -> Answer:
        if self._out_of_scope(query, passages) or not passages or not self._shares_vocabulary(query):
            return self._abstain(query)
        passages, parts, counted = self._compose(query, passages, query_vector)
        if not parts:
            return self._abstain(query)
        return self.render(query, passages, parts, force_lines=counted)

    def _compose(self, query: Query, passages: list[Passage], query_vector: np.ndarray,
                 only_docs: set[str] | None = None) -> tuple[list[Passage], list[tuple[str, int]], bool]:
        """The answer's quoted parts, each with its passage index (none: nothing supports an answer),
        the passages they index, and whether the parts are rows counted (each on a line of its own)."""
        limit = len(passages) if query.intent == "list" else self.sentence_passages
        passages = self._with_sentence_hits(query, passages, query_vector, limit, only_docs=only_docs)
        sentences = self._sentences(query, passages, query_vector, limit=limit)
        intent = query.intent
        if query.codes and intent not in ("why", "list", "compare"):
            intent = "status"
        compose = {"status": self._status, "list": self._list, "why": self._why, "number": self._number,
                   "compare": self._fact}.get(intent, self._fact)
        # What matches best may be a table row that has a status: then the row answers, status
        # included ('Vilken prognos har delmålet …?' -> 'Mål kommer delvis uppfyllas').
        first = self._best(sentences)
        row = self._row_of(first, passages) if first and not query.codes and not first.has_number else None
        if row is not None and intent in ("fact", "status"):
            compose = lambda q, p, s: self._row_lines(q, p, [row])  # noqa: E731
        # Rows picked out by structure (counted, or read against their budget) are the answer, each on
        # a line of its own.
        against_budget = (self._rows_against_budget(query, passages) if intent == "list" else []) or \
            (self._rows_that_moved(query, passages) if intent in ("list", "compare") else [])
        counted = against_budget or (self._counted_rows(query, passages) if intent in ("number", "status") else [])
        parts = counted or compose(query, passages, sentences)
        if not parts and row is not None and intent == "number":
            parts = self._row_lines(query, passages, [row])  # no figure: the row's own assessment
        if not parts and compose not in (self._fact, self._number):
            parts = self._fact(query, passages, sentences)
        # (Rows counted are the answer: no cell of a table read beside them.)
        if not counted and (intent == "number" or intent in ("fact", "status", "compare") and not query.codes
                            and is_numeric_question(query.text)):
            cell = self._table_cell(query, passages)
            if cell is None and intent == "number" and self._unit_figure_elsewhere(query, parts):
                return passages, [], False
            if cell and cell[0] not in {text for text, _ in parts}:
                # The figure read off its column, before the row it comes from; the rest of that
                # table, its cells run together, adds nothing a reader can follow.
                table = passages[cell[1]].chunk.id
                parts = [cell] + [(t, i) for t, i in parts
                                  if not (passages[i].chunk.id == table and is_flattened_table(t))]
        # A figure, or how it went ('Hur gick det med medarbetarengagemanget?'), for an indicator.
        if not query.codes and not counted and (intent == "status" or intent in ("number", "fact")
                                and is_numeric_question(f"{query.text} {query.expanded}")):
            indicator = self._indicator_cell(query, passages)
            if indicator and indicator[0] not in {text for text, _ in parts}:
                # The report's own measure of what was asked, for that year; the row's loose cells
                # ('3,8%') add nothing to it.
                parts = [indicator] + self._without_loose_cells(parts, passages, passages[indicator[1]].chunk.id)
        # (A table's rows read against its budget are what was asked of it, whatever the table is titled;
        # rows counted by their status or goal are the count asked for.)
        if not parts or not (against_budget or counted) and (self._lacks_asked_detail(query, passages, parts)
                                                             or self._misses_what_the_figure_is_of(query, passages, parts)):
            return passages, [], False
        return passages, self._with_indicator_values(query, passages, self._rejoin_broken(parts, sentences)), \
            bool(counted)

    def _with_indicator_values(self, query: Query, passages: list[Passage],
                               parts: list[tuple[str, int]]) -> list[tuple[str, int]]:
        """A quoted line that is only a goal table's indicator name ('Andel ärenden till politik som rör
        barn där prövningar av barnets bästa (PBB) genomförts') says nothing of where it stands: it is
        quoted with its row's values ('… – Målvärde 2023: 100% (2030), Nuläge 2022: -')."""
        def names_only(text: str, idx: int) -> bool:
            chunk = passages[idx].chunk
            name = str(chunk.fields.get("indikator", "")) if chunk.kind == "indicator" else ""
            return bool(name) and not re.search(r"\d", text) and normalise(text) in normalise(name)

        read: dict[int, str] = {}  # passage -> its indicator line
        for text, idx in parts:
            if idx not in read and names_only(text, idx):
                fields = passages[idx].chunk.fields
                years = [y for y in query.years if any(k.endswith(str(y)) for k in fields)]
                line = self._indicator_line(passages[idx], years or None)
                if line != fields["indikator"]:
                    read[idx] = line
        out = []
        for text, idx in parts:
            if idx in read:
                if names_only(text, idx):
                    text = read[idx]
                elif not is_substantive(text):
                    continue  # the row's loose cells ('≥90%', '30% (2021) Å'), now said in its line
            out.append((text, idx))
        return out

    def _misses_what_the_figure_is_of(self, query: Query, passages: list[Passage],
                                      parts: list[tuple[str, int]]) -> bool:
        """A figure asked of something the quoted passages never name: a part the question names
        ('på Centrum för kommunikation', 'Regionhälsan') that the reports name elsewhere (the figure
        quoted is the whole organisation's, or another part's), or the question's most specific term,
        a long compound the reports use ('konsultkostnaderna', 'bruttokostnadsutveckling')."""
        # (A why-question is answered by reasons, not a figure, even where it names a count's indicator.)
        if query.intent == "why" or not (is_numeric_question(query.text) or query.intent == "number"):
            return False
        idf = self._idf(query)
        cited: set[str] = set()
        for text, i in parts:
            c = passages[i].chunk
            cited |= _token_set(" ".join([c.text, c.section] + [str(v) for v in c.fields.values()]))
            # A line composed from the chunk (a table cell read under its column, a row's fields): the
            # table around it, whose title may stand in the chunk before, says what its figure is of.
            if text not in c.text:
                cited |= _token_set(self._table_text_of(c))
        # A figure read off a table leads the answer: the part asked must be named where that figure
        # stands (its row, fields and heading; the chunks around it may hold another table), not only
        # in a line quoted after it (another unit's assignment).
        lead = passages[parts[0][1]].chunk
        named_where = cited if parts[0][0] in lead.text else _token_set(" ".join(
            [lead.text, self._table_intro(lead)] + [str(v) for v in lead.fields.values()]))
        for name in _named_parts(query.text):
            tokens = [t for t in tokenize(name) if t not in self.org_tokens and t not in _FRAME and t in idf]
            if tokens and not any(t in named_where for t in tokens):
                return True
        if query.codes:
            return False
        weights = {next(iter(alts)): w for alts, w in self._concepts(query) if len(alts) == 1}
        units = " ".join(written for written, _, _ in query.units).casefold()  # 'ekonomicentrumet' is a unit's name
        specific = [t for w in re.findall(rf"[a-zåäöé]{{{SPECIFIC_WORD},}}", query.text.casefold()) if w not in units
                    for t in tokenize(w)[:1] if t in weights and t in idf]  # a word the reports use
        most = max(specific, key=weights.get) if specific else None
        return most is not None and most not in cited and not _in_compound({most}, cited)

    @staticmethod
    def _row_of(s: _Sentence, passages: list[Passage]) -> int | None:
        """The table row with a status that the sentence is, or that it repeats (a report follows up
        its summary table's goals in running text): the row's passage index."""
        if passages[s.passage].chunk.fields.get("status"):
            return s.passage
        # (A goal's follow-up, its analysis or its indicators, is about the goal it is filed under.)
        said = normalise(f"{s.text} {passages[s.passage].chunk.fields.get('mål', '')}")
        for i, p in enumerate(passages[:SENTENCE_PASSAGES]):
            goal = normalise(p.chunk.fields.get("uppdrag", ""))[:50]
            if p.chunk.fields.get("status") and len(goal) >= 25 and goal in said:
                return i
        return None

    def _rejoin_broken(self, parts: list[tuple[str, int]], sentences: list[_Sentence]) -> list[tuple[str, int]]:
        """A quoted line the extraction broke off mid-sentence ('… s.k. öppen' / 'information, förväntas
        minska …') gets its lower-case continuation, so the answer does not stop half-way."""
        quoted = {text for text, _ in parts}
        by_key = {(x.text, x.passage): x for x in sentences}
        out = []
        for text, idx in parts:
            s = by_key.get((text, idx))
            if s is not None and not text.rstrip().endswith((".", "!", "?", ":", ";")):
                nxt = (self._following(s, sentences) or [None])[0]
                if nxt is not None and nxt.text[:1].islower() and nxt.text not in quoted \
                        and not is_page_furniture(nxt.text):
                    text = f"{text} {nxt.text}"
                    quoted.add(nxt.text)
            out.append((text, idx))
        return out

    def answer_compare(self, query: Query, shares: list[ReportShare]) -> Answer:
        """One line per report and year, each cited; reports with nothing supported are left out.
        Each report's line is composed as if the question were asked of that report alone (its share's
        query): a status, a figure (read off its table column where one is), the reasons, or the best fact."""
        passages: list[Passage] = []
        parts = []
        silent: list[str] = []  # the reports compared that hold nothing on what was asked
        for share in shares:
            meta, group, asked = share.meta, share.passages, share.query
            inner = intent_within_comparison(asked.text)
            # 'Hur ligger vi till med sjuktalen jämfört med …' compares a figure, not a status.
            if inner in ("fact", "number", "status") and is_numeric_question(f"{asked.text} {asked.expanded}"):
                inner = "number"
            # How an indicator developed is its outcome each year ('Hur har HME utvecklats …?').
            elif inner == "fact" and any(p.chunk.kind == "indicator" for p in group[:1]):
                inner = "number"
            base = len(passages)
            # Each report speaks for its own year: a 2025 report's line about 2024 does not answer for
            # 2025. Set against a plan, each report speaks for the year asked.
            years = query.years if query.against_plan else [meta.year] if meta.year else []
            sub = replace(asked, years=years, intent=inner)
            if query.against_plan:
                asked_of_plan, asked_of_outcome = plan_and_outcome_parts(query.text)
                sub = replace(sub, text=asked_of_plan if meta.kind in PLAN_KINDS else asked_of_outcome)
            if asked.text != query.text:  # a part of the question asked of this report alone
                group, found, _ = self._compose(sub, group, share.query_vector, only_docs={meta.doc_id})
            else:
                group = self._with_sentence_hits(sub, group, share.query_vector, 4, top=4, only_docs={meta.doc_id})
                sents = self._sentences(sub, group, share.query_vector, limit=4)
                found = self._compose_one(sub, group, sents)
            if found and inner == "number" and not query.against_plan:
                found = self._with_years_since(query, meta, sub, group, found)
            passages.extend(group)
            # A plan spans years: its title says which.
            label = f"{meta.year} ({meta.title})" if meta.year and meta.kind not in PLAN_KINDS else meta.title
            if not found:
                silent.append(label)
            else:
                # A sentence already quoted within the line's first part ('Genomföra en översyn … En
                # översyn genomfördes …') is not quoted again.
                found = [f for k, f in enumerate(found) if not any(f[0] in g[0] for g in found[:k])][:2]
                parts.append((f"{label}: {found[0][0]}", base + found[0][1]))
                parts += [(text, base + i) for text, i in found[1:]]
        if not parts:
            return self._abstain(query)
        answer = self.render(query, passages, parts, force_lines=True)
        # A comparison that leaves a report out says so, rather than let it pass for all of them.
        answer.text += "".join(f"\n{label}: {NOTHING_IN_REPORT}" for label in silent)
        return answer

    def _with_years_since(self, query: Query, meta: DocumentMeta, sub: Query, group: list[Passage],
                          found: list[tuple[str, int]]) -> list[tuple[str, int]]:
        """'Hur har underskottet utvecklats sedan 2020?': a report whose table has a column for each year
        since then gives its row across them ('Bokslut 2020: -3,3, …, Bokslut 2023: -7,5'), not its own
        year's figure alone."""
        since = _SINCE_YEAR.search(query.text)
        if not since or not meta.year or not 0 < meta.year - int(since.group(1)) < MAX_TABLE_YEARS:
            return found
        span = self._table_cell(replace(sub, years=list(range(int(since.group(1)), meta.year + 1))), group)
        if span is None:
            return found
        label = span[0].split(", ", 1)[0]
        return [span] + [(t, i) for t, i in found if not t.startswith(f"{label}, ")]

    def _compose_one(self, query: Query, passages: list[Passage], sentences: list[_Sentence]) -> list[tuple[str, int]]:
        """One report's share of a comparison, by what the question asks of each report."""
        if query.intent == "status" and self._status_rows(query, passages, sentences):
            return self._status(query, passages, sentences)[:1]
        if query.intent == "why":
            found = self._why(query, passages, sentences)
        elif query.intent == "number":
            found = self._number(query, passages, sentences, budget=300)
            for cell in (self._table_cell(query, passages), None if query.codes else self._indicator_cell(query, passages)):
                if cell and cell[0] not in {text for text, _ in found}:
                    found.insert(0, cell)
        else:
            found = []
        if not found:
            found = self._fact(query, passages, sentences, budget=300)
        return found

    def _lacks_asked_detail(self, query: Query, passages: list[Passage], parts: list[tuple[str, int]]) -> bool:
        """A near miss: the topic is there but not what was asked of it — a cost without any amount,
        a share without any percentage, a figure for women or men where the passages give none by sex.
        The detail must stand in a quoted sentence that is about the question, not in a neighbour."""
        concepts = self._concepts(query)
        support = [self._support(concepts, text) for text, _ in parts]
        quoted = " ".join(text for (text, _), x in zip(parts, support) if x > 0 and x >= 0.5 * max(support)) or \
            " ".join(text for text, _ in parts)
        cited = " ".join(passages[i].chunk.text for _, i in parts)
        # The asked code ('uppdrag 14', a row's label '14 (ansvarig …)') is no figure of the answer.
        for code in query.codes:
            quoted = re.sub(rf"\(?\b{re.escape(code)}\b\)?", " ", quoted)
        # A figure of how much something grew ('Ökade kostnader med 0,8 mnkr') is no level of it.
        levels = quoted if _asks_change(query.text) else _CHANGE_FIGURE.sub(" ", quoted)
        for asks, has, where in _ASKED_DETAILS:
            if asks.search(query.text) and not has.search(levels if where == "answer" else cited):
                return True
        return self._counts_something_else(query, quoted) or self._misses_asked_subset(query, quoted) or \
            self._misses_asked_month(query, passages, parts, quoted)

    @staticmethod
    def _misses_asked_month(query: Query, passages: list[Passage], parts: list[tuple[str, int]], quoted: str) -> bool:
        """'Sjuktalet i december 2023': a figure for one month is answered only by a sentence that names
        that month (of that year, when it names one), or by a report made up to that month."""
        m = re.search(rf"\bi ({_MONTHS})\b(?:\s+(20\d\d))?", query.text, re.I)
        if not m or query.intent == "why" or not is_numeric_question(query.text):
            return False  # (a why-question asks for reasons, which need not name the month)
        month = m.group(1).casefold()
        year = m.group(2) or (str(query.years[0]) if len(query.years) == 1 else None)
        if any(month in passages[i].meta.title.casefold() and (not year or year in passages[i].meta.title)
               for _, i in parts):
            return False
        for x in re.finditer(rf"\b{month}\w*(?:\s+(20\d\d))?", quoted, re.I):  # also 'Decemberutfallet 2022'
            if not year or x.group(1) in (None, year):
                return False
        return True

    def _misses_asked_subset(self, query: Query, quoted: str) -> bool:
        """'Hur många av avvikelserna gällde hot och våld?', 'Hur stor del av sjukfrånvaron var
        långtidssjukskrivningar?' ask for a part of a whole: a figure of the whole ('Antal avvikelser är
        9', 'Sjukfrånvaro 3,8 %') that never names the part is not it."""
        m = _ASKED_SUBSET.search(query.text)
        if not m:
            return False
        part = [t for t in tokenize(m.group(1)) if t not in _FRAME and t not in self.org_tokens
                and not re.fullmatch(r"20\d\d", t)]
        said = _token_set(quoted)
        # 'av regionens anställda' is met by 'medarbetare': a synonym of the part names it too; and
        # 'pensioner' by 'pensionskostnader', a compound it is part of.
        named = set(part) & said or any(alts & set(part) and alts & said for alts, _ in self._concepts(query)) \
            or _in_compound(part, said)
        return bool(part) and not named

    def _counts_something_else(self, query: Query, quoted: str) -> bool:
        """'Hur många ärenden …?' answered with sentences that name ärenden but count only hours or
        percentages: the count asked for is not there ('Hur många jobbar …' asks for årsarbetare or
        anställda, not hours). So is an answer that never names what is
        counted ('flygresor'), where the reports use that word and no synonym of it is quoted. (A
        word the reports never use is left alone: they may say it in other words.)"""
        m = _COUNTED_NOUN.search(query.text)
        if not m:
            return False
        stem = tokenize(m.group(1))[:1]
        if not stem or len(stem[0]) < 4:
            return False
        people = bool(_WORKING.match(m.group(1)))
        counted = _PEOPLE_COUNTED if people else re.escape(stem[0])
        mentions = [x for x in re.finditer(rf"\w*{counted}\w*", quoted, re.I)]
        if not mentions and people:
            return True  # staff asked for, and no quoted line counts any
        if not mentions:
            said = _token_set(quoted)
            named_otherwise = any(stem[0] in alts and alts & said for alts, _ in self._concepts(query))
            return stem[0] in self._idf(query) and not named_otherwise
        window = 45  # characters either side: 'Antal ärenden 32', '32 nya ärenden'
        # Counts are found in the whole text, so that a window's edge ('… på 20 pro') makes none.
        # 'antalet anställda har ökat med 10 personer' is a change, not the count asked for (unless a
        # change is asked: 'hur många nya …').
        counts = [c.span() for c in _COUNT.finditer(quoted if _asks_change(query.text) else _CHANGE_FIGURE.sub(
            lambda m: " " * len(m.group(0)), quoted))]
        # '500-1 000 timmar' beside 'ärendemängden' counts hours, not the ärenden asked for.
        counts = [(start, end) for start, end in counts
                  if not ((u := _MEASURE_UNIT.match(quoted, end)) and not tokenize(u.group(1))[:1] == stem)]
        # An indicator's line gives its outcome after its name, however long ('Antal arbetsprocesser …
        # som utvecklas till mer cirkulära – Mål 2025: Öka, Utfall 2025: 0').
        return bool(mentions) and not any(
            x.start() - window <= start and end <= x.end() + window
            or start > x.end() and _TO_OUTCOME_CELL.match(quoted[x.end():start])
            for x in mentions for start, end in counts)

    def _out_of_scope(self, query: Query, passages: list[Passage]) -> bool:
        unknown = [o for o in query.organisations if o.startswith("Region ") and o.casefold() not in self.indexed_orgs]
        known = [o for o in query.organisations if o not in unknown]
        mentioned = " ".join(p.chunk.text for p in passages[:self.sentence_passages])
        if unknown and not known and not any(o.removeprefix("Region ") in mentioned for o in unknown):
            return True  # a region we hold no report for (a partner region the reports mention is fine)
        if query.years and not (set(query.years) & self.indexed_years):
            return not any(str(y) in p.chunk.text for p in passages[:self.sentence_passages] for y in query.years)
        return False

    def _abstain(self, query: Query) -> Answer:
        return Answer(question=query.text, text=ABSTAIN_TEXT, citations=[], abstained=True, mode="extractive")

    def _best(self, sentences: list[_Sentence], want_number: bool = False, exclude: frozenset[str] = frozenset(),
              bonus=None) -> _Sentence | None:
        min_score = self.min_score
        best, best_score = None, 0.0
        for s in sentences:
            # A figure is taken only from a sentence that names something asked, not from one that
            # is merely like the question ('Vakanser … har uppstått' for 'personalomsättningen').
            # (Only a sentence good enough by itself competes: a bonus ranks, it does not qualify.)
            # (Most of what the question names, said in few words, qualifies however unlike the question
            # the short sentence is as a whole: '• Total bruttokostnadsutveckling -7 %'; a run of table
            # headings does not.)
            good_enough = s.score >= min_score or (s.lex >= LEX_QUALIFIES and s.score > 0
                                                   and not is_flattened_table(s.text))
            if s.text in exclude or not good_enough or (want_number and not (s.has_number and s.lex > 0)):
                continue
            score = s.score + (bonus(s) if bonus else 0.0)
            if best is None or score > best_score:
                best, best_score = s, score
        return best

    def _supporting(self, first: _Sentence, passages: list[Passage], sentences: list[_Sentence],
                    want_number: bool = False, budget: int = 560) -> list[tuple[str, int]]:
        """The best sentence and, from the same report, the next ones that score nearly as well:
        a figure often needs its neighbour sentence to be understood (and to be complete)."""
        doc = passages[first.passage].chunk.doc_id
        parts, used, seen = [(first.text, first.passage)], len(first.text), {first.text}
        # The sentence that spells out what the quoted one means ('Detta innebär att …') goes with it,
        # from the copy of the quoted sentence that has it (prose windows overlap).
        fullest = self._fullest(first, sentences)
        nxt = self._following(fullest, sentences)[:1]
        # So does the outcome told right after a target ('Målsättningen … ska understiga 3,7%' / 'Per
        # augusti 2025 låg nivån på 3,81%').
        follows_target = bool(nxt) and bool(_TARGET.match(first.text)) and nxt[0].has_number
        if nxt and (_ANAPHORIC.match(nxt[0].text) or follows_target or _names_back(first.text, nxt[0].text)) \
                and used + len(nxt[0].text) <= budget:
            parts = [(first.text, fullest.passage), (nxt[0].text, nxt[0].passage)]
            seen.add(nxt[0].text)
            used += len(nxt[0].text)
        # A sentence that points back ('Dessa två projekt utgör …') is read with the one it points to.
        before = self._antecedent(first, sentences)
        if before and before[0].text not in seen and used + len(before[0].text) <= budget:
            parts.insert(0, (before[0].text, before[0].passage))
            seen.add(before[0].text)
            used += len(before[0].text)
        ranked = sorted((s for s in sentences if passages[s.passage].chunk.doc_id == doc and s.text not in seen),
                        key=lambda s: -s.score)
        for s in ranked:
            if len(parts) >= self.max_sentences or s.score < max(self.min_score, self.runner_up * first.score):
                break
            if (want_number and not s.has_number) or s.text in seen or used + len(s.text) > budget:
                continue
            parts.append((s.text, s.passage))
            seen.add(s.text)
            used += len(s.text)
            # Its own 'Det medför …' goes with it too.
            after = self._following(self._fullest(s, sentences), sentences)[:1]
            if after and _ANAPHORIC.match(after[0].text) and after[0].text not in seen \
                    and used + len(after[0].text) <= budget:
                parts.append((after[0].text, after[0].passage))
                seen.add(after[0].text)
                used += len(after[0].text)
        # A quoted sentence that announces a list ('Exempel på arbete som gjorts:') brings its items.
        by_text = {x.text: x for x in sentences}
        expanded = []
        for text, idx in parts:
            expanded.append((text, idx))
            if text.rstrip().endswith(":") and text in by_text:
                for item in self._with_list(by_text[text], sentences)[1:LIST_ITEMS + 1]:
                    if item.text not in seen and used + len(item.text) <= LIST_CHARS - 200:
                        expanded.append((item.text, item.passage))
                        seen.add(item.text)
                        used += len(item.text)
        parts = expanded
        return parts

    def _fact(self, query, passages, sentences, budget: int = 560):
        first = self._best(sentences)
        if first and is_assignment(first.text):
            # The sentence that matches names an assignment; what answers is how it went.
            row = passages[first.passage].chunk
            if row.kind == "uppdrag":
                # An assignment split over two rows under one code ('(37) Stödja … (37) Stödja …') is
                # both of them.
                same = [i for i, p in enumerate(passages) if i != first.passage and p.chunk.kind == "uppdrag"
                        and p.chunk.doc_id == row.doc_id and row.fields.get("code")
                        and p.chunk.fields.get("code") == row.fields["code"]]
                return self._row_lines(query, passages, [first.passage] + same[:1])
            return self._status_in_prose(query, passages, sentences)
        return self._supporting(first, passages, sentences, budget=budget) if first else []

    def _number(self, query, passages, sentences, budget: int = 560):
        wants_percent = bool(re.search(r"procent|%|andel|sjukfrånvaro|sjuktal", query.text, re.I))
        wants_money = bool(re.search(r"kronor|mkr|mnkr|pengar|resultat|plus|minus|budget|kostnad|överskott|underskott",
                                     query.text, re.I))

        def unit_bonus(s: _Sentence) -> float:
            b = 0.0
            if wants_percent and re.search(r"%|procent", s.text):
                b += 0.06
            if wants_money and re.search(r"\b(mkr|mnkr|tkr|kronor|miljoner)\b", s.text):
                b += 0.06
            if is_flattened_table(s.text):
                b -= FLATTENED_PENALTY  # cells run together: a sentence that says the figure reads better
                if _heads_follow_cells(s.text):
                    b -= ROW_RUN_PENALTY
            return b

        best = self._best(sentences, want_number=True, bonus=unit_bonus)
        if not best:
            return []
        parts = self._supporting(best, passages, sentences, want_number=True, budget=budget)
        p = passages[best.passage]
        if p.chunk.kind == "indicator" and p.chunk.fields.get("indikator") and \
                self._support(self._concepts(query), p.chunk.fields["indikator"]) >= 0.5:
            parts = [(self._indicator_line(p, query.years), best.passage)] + \
                self._without_loose_cells(parts, passages, p.chunk.id)
        return parts

    @staticmethod
    def _without_loose_cells(parts: list[tuple[str, int]], passages: list[Passage], chunk_id: str) -> list[tuple[str, int]]:
        """Drop a table row's loose cells ('3,8%') once the row is quoted whole."""
        return [(t, i) for t, i in parts if not (passages[i].chunk.id == chunk_id and not is_substantive(t))]

    def _table_text(self, positions: list[int], k: int) -> str:
        """The text a chunk's table rows are read from: the chunk with the ones before it, where its
        table's headings may be (a long table spans several), and after it (a heading line some
        extractions put below the rows), their overlap read once. Built once."""
        pos = positions[k]
        if pos not in self.table_texts:
            self.table_texts[pos] = _without_overlap(
                [self._with_heading_row(self.index.chunks[q])
                 for q in positions[max(0, k - TABLE_CHUNKS):k + 1 + TABLE_CHUNKS_AFTER]])
        return self.table_texts[pos]

    @staticmethod
    def _table_intro(chunk: Chunk) -> str:
        """The chunk's section heading and its lines before the table's heading row ('Ram 2022 Ram 2023')."""
        head = _HEADING_ROW.search(chunk.text)
        return f"{chunk.section}\n{chunk.text[:head.start()] if head else ''}"

    def _table_text_of(self, chunk: Chunk) -> str:
        positions = self.doc_chunks[chunk.doc_id]
        return self._table_text(positions, positions.index(self.chunk_position[chunk.id]))

    def _with_heading_row(self, chunk: Chunk) -> str:
        """The chunk's text, after its section heading where that heading is a table's heading row
        the chunking took for a section ('Förändring Förändring %Föregående År / Innevarande År')."""
        heading = chunk.section.replace(" / ", " ")
        year = self.index.metas[chunk.doc_id].year
        return f"{heading}\n{chunk.text}" if is_table_heading_row(heading, year) and heading not in chunk.text \
            else chunk.text

    def _row_cells(self, query: Query, passages: list[Passage], prefer: tuple[str, ...], readable):
        """(chunk position, cell) for every table row read under the one asked year, in the reports the
        top passages come from that cover that year and that `readable` lets through; each row once,
        from the chunk it stands in."""
        year = query.years[0]
        for doc in dict.fromkeys(p.chunk.doc_id for p in passages[:self.sentence_passages]):
            meta = self.index.metas[doc]
            if not readable(meta) or not self._covers_year(meta, str(year), query):
                continue
            positions = self.doc_chunks.get(doc, [])
            for k, pos in enumerate(positions):
                for cell in read_cells(self._table_text(positions, k), year, prefer, meta.year):
                    if cell.label in self.index.chunks[pos].text:
                        yield pos, cell

    def _table_cell(self, query, passages) -> tuple[str, int] | None:
        """For one asked year, the figure in a flattened table row whose label is what the question
        asks about, read under that year's column ('Centrum för administration, Bokslut 2023: -3,9').
        The tables of the reports the top passages come from are searched; the passage read from is
        appended to the passages and cited. A plan's table answers only questions about plans.
        Asked of a few years in one report ('vilken ram 2023, och vilken ram 2022'), the one row that
        has them all is read under each year's column."""
        if 2 <= len(query.years) <= MAX_TABLE_YEARS:
            cells = [self._table_cell(replace(query, years=[y]), passages) for y in query.years]
            # The row's name is what the lines share up to the first column ('X, Ram 2022: …' and 'X, Ram
            # 2023: …'); the name may hold a comma itself ('Centrumbildning, belopp i … – X').
            label = os.path.commonprefix([text for text, _ in cells]).rsplit(", ", 1)[0] if all(cells) else ""
            if all(cells) and len({passages[i].chunk.id for _, i in cells}) == 1 \
                    and all(text.startswith(f"{label}, ") for text, _ in cells):
                del passages[len(passages) - len(cells) + 1:]  # one row, cited once
                return f"{label}, " + ", ".join(text[len(label) + 2:] for text, _ in cells), cells[0][1]
            del passages[len(passages) - sum(1 for c in cells if c):]
            return None
        found = self._best_cell(query, passages) if len(query.years) == 1 else None
        if found is None:
            return None
        text, pos, _ = found
        return text, self._cite(passages, pos)

    @staticmethod
    def _unit_figure_elsewhere(query: Query, parts: list[tuple[str, int]]) -> bool:
        """'Hur stor ram får Centrum för kommunikation 2024?': the centre has no row under 2024 in any
        table, and no quoted sentence or table line names the centre with a figure; a figure quoted is
        another's (the organisation's ram for 2024), so the centre's is not there."""
        centres = [m.group(1) for m in _CENTRE.finditer(query.text)]
        if len(query.years) != 1 or not centres:
            return False
        names = [set(tokenize(c)) for c in centres]
        return not any(NUMBER_RE.search(text) and any(n <= _token_set(text) for n in names) for text, _ in parts)

    def _cite(self, passages: list[Passage], pos: int) -> int:
        """Append the index's chunk at `pos` to the passages, so that a line read off it is cited: its index."""
        chunk = self.index.chunks[pos]
        passages.append(Passage(chunk=chunk, meta=self.index.metas[chunk.doc_id], score=0.0))
        return len(passages) - 1

    def _best_cell(self, query: Query, passages: list[Passage]) -> tuple[str, int, Cell] | None:
        """For the one asked year: the answer's line for the table row that answers best, the position
        of the chunk it was read from, and the cell."""
        concepts = [(alts, w) for alts, w in self._concepts(query)
                    if any(re.search(r"[a-zåäö]", t) for t in alts) and not alts <= _VALUE_WORDS]
        # 'Hur har underskottet för varuförsörjningen utvecklats?': the result ('underskottet', 'gått back')
        # is what the figure is, not the row's name, where another word of the question names the row.
        naming = [(alts, w) for alts, w in concepts if not alts & _RESULT_WORDS]
        if naming and len(naming) < len(concepts):
            concepts = naming
        # The row must be named by one of the question's own words, not only by a synonym of 'plus'.
        own = {t for alts, _ in concepts if len(alts) == 1 for t in alts}
        # The question's own word for a concept with synonyms is its own too ('investeringspengarna' names
        # the table 'Investeringsprojekt …'), with its compound parts.
        own |= {t for w, _ in synonym_matches(query.text) if w for t in tokenize(w)}
        # 'ekonomicentrumet' names the row 'Centrum för ekonomi'.
        own |= {t for _, words, _ in query.units for t in tokenize(words, heads=False)}
        # A verb names its noun ('kostade' the row 'Summa kostnader', 'investerade' 'Investeringar'):
        # a synonym that extends the question's own stem is its own word too.
        own |= {t for alts, _ in concepts for t in alts if len(t) > 4 and any(
            len(o) >= 4 and t.startswith(o) for o in own)}
        prefer = tuple(w for w in ("budget", "prognos") if w in query.text.casefold())
        # (A change from the year before is a deviation column of the table too.)
        against_budget = bool(re.search(r"budget|avvik|avvek|prognos|förändr|föregående år|\bfg år",
                                        f"{query.text} {query.expanded}", re.I))
        plans_allowed = (bool(re.search(r"\bplan|\bram\b|\bramen\b|\bbudget|\bräkna[rt]?\b(?:\s+\S+){0,3}?\s+med\b|\bberäkna",
                                        query.expanded or query.text, re.I))
                         and not asks_outcome(query.text)) or bool(set(query.kinds) & PLAN_KINDS)

        def readable(meta: DocumentMeta) -> bool:  # a plan only when asked of one; the kind named, if any
            return (meta.kind not in PLAN_KINDS or plans_allowed) and (not query.kinds or meta.kind in query.kinds)

        best: tuple[float, str, int, Cell] | None = None
        for pos, cell in self._row_cells(query, passages, prefer, readable):
            # A row named only within its table ('Män' under 'Sjukfrånvaro %') is read with the
            # table's title, ranking below a row whose own label names the question's subject;
            # of equal rows the total, not a 'varav' part.
            by_label = self._support(concepts, cell.label) >= TABLE_LABEL_SUPPORT and own & _token_set(cell.label)
            named = cell.label if by_label or not cell.title else f"{cell.title} – {cell.label}"
            # The column's heading says what the figure is ('Ram 2023' answers 'vilken ram'); asked
            # against the budget, all the year's columns are quoted, so all their headings count.
            headings = " ".join(c for c, _ in cell.same_year) if against_budget else cell.column
            support = self._support(concepts, f"{named} {headings}") - (0.0 if named == cell.label else TITLE_PENALTY)
            # Words that name the table ('fördelningen av regionersättningen inom förvaltningen': its
            # section and the lines that introduce it) say which table, not which row: the row need
            # only carry the rest, and ranks below a row that carries all.
            by_table = 0.0
            intro = _token_set(self._table_intro(self.index.chunks[pos]))
            rest = [(alts, w) for alts, w in concepts if not alts & intro]
            if rest and len(rest) < len(concepts) and support < TABLE_LABEL_SUPPORT:
                support, by_table = self._support(rest, f"{named} {headings}"), TITLE_PENALTY
            # (Ties are broken after the threshold: a 'varav' row that matches is still read.)
            rank = support - by_table + SUBROW_PENALTY * (bool(re.match(r"(totalt?|summa)\b", cell.label, re.I))
                                                          - bool(re.match(r"varav\b", cell.label, re.I)))
            if against_budget:  # of equal rows, the one that also gives the budget and deviation
                rank += RICHER_ROW * len(cell.same_year)
            # 'resultat' names a row 'Årets resultat', not 'Varav resultatreglerade forskningsmedel'.
            named_by = own & _token_set(named)
            if named_by <= _RESULT_TOKENS and not named_by & frozenset(tokenize(named, heads=False)):
                continue
            if support >= TABLE_LABEL_SUPPORT and (best is None or rank > best[0]):
                # Asked against the budget, the row's other columns for the year are the answer too.
                # A row of columns named by words is short and each figure says what it is: all of it.
                # Asked how much it grew or fell, a change column beside the figure is the answer too.
                tells_change = bool(_ASKS_CHANGE.search(query.text)) and any(
                    c.casefold().startswith("förändring") for c, _ in cell.same_year)
                cells = cell.same_year if (against_budget or cell.named or tells_change) and len(cell.same_year) > 1 else \
                    ((cell.column, cell.value),)
                # An amount with the unit the table's headings give ('-632 tkr'); a share keeps its '%'.
                unit = lambda v: f"{v} {cell.unit}" if cell.unit and not v.endswith("%") else v  # noqa: E731
                best = (rank, f"{named}, " + ", ".join(f"{c}: {unit(v)}" for c, v in cells), pos, cell)
        if best is None:
            return self._organisation_total(query, passages, readable)
        return best[1:]

    def _organisation_total(self, query: Query, passages: list[Passage], readable) -> tuple[str, int, Cell] | None:
        """'Hur mycket plus gick regionkontoret 2021?' names no row but the organisation itself: its result
        is the total row of a table of its units' results ('Summa förvaltningen 40,2 31,4 19,4 21,5'),
        read under the year's outcome column. Only where the question has no subject but the
        organisation and its result, so a unit's or a cost's question never gets the total."""
        words = [t for t in tokenize(_ASKS_RESULT.sub(" ", query.text)) if t not in _FRAME
                 and t not in self.org_tokens | _THE_ORGANISATION and t not in _VALUE_WORDS
                 and not re.fullmatch(r"20\d\d", t)]
        if not _ASKS_RESULT.search(query.text) or words or query.units:
            return None
        for pos, cell in self._row_cells(query, passages, (), readable):
            total = _TOTAL_ROW.match(cell.label)
            # (The whole organisation's total, not one kind of cost's: 'Summa kostnader' is no result.)
            totals = set(tokenize(total.group(1))) if total else set()
            if totals and totals <= self.org_tokens | _THE_ORGANISATION \
                    and cell.column.split()[0].casefold() in _OUTCOME_COLUMNS and not _NOT_A_RESULT.search(cell.title):
                unit = f" {cell.unit}" if cell.unit and not cell.value.endswith("%") else ""
                return f"{cell.label}, {cell.column}: {cell.value}{unit}", pos, cell
        return None

    def _indicator_cell(self, query: Query, passages: list[Passage]) -> tuple[str, int] | None:
        """The goal table's indicator row that the question names ('Sjukfrånvaro' for 'sjuktalet'),
        read under the asked year's columns, from the reports the top passages come from. An outcome
        report's row, unless the question names a plan. Appended to the passages, so it is cited."""
        question = _token_set(f"{query.text} {query.expanded}")
        concepts = [(alts, w) for alts, w in self._concepts(query) if not alts <= _VALUE_WORDS | _INDICATOR_COLUMNS]
        wants_plan = bool(set(query.kinds) & PLAN_KINDS)
        best: tuple[float, int] | None = None
        for doc in dict.fromkeys(p.chunk.doc_id for p in passages[:self.sentence_passages]):
            meta = self.index.metas[doc]
            if (meta.kind in PLAN_KINDS) != wants_plan:
                continue
            for pos in self.doc_chunks.get(doc, []):
                chunk = self.index.chunks[pos]
                name = str(chunk.fields.get("indikator", "")) if chunk.kind == "indicator" else ""
                tokens = _token_set(name)
                if not tokens or any(not any(k.endswith(str(y)) for k in chunk.fields) for y in query.years):
                    continue
                # The question names the indicator (most of its words, also in another form:
                # 'medarbetarengagemanget') and is about it.
                cover = sum(1 for t in tokens if t in question or len(t) >= 6 and any(
                    q.startswith(t) for q in question)) / len(tokens)
                support = self._support(concepts, name)
                if cover >= 0.5 and support >= 0.5 and (best is None or support + cover > best[0]):
                    best = (support + cover, pos)
        if best is None:
            return None
        chunk = self.index.chunks[best[1]]
        passage = Passage(chunk=chunk, meta=self.index.metas[chunk.doc_id], score=0.0)
        passages.append(passage)
        return self._indicator_line(passage, query.years), len(passages) - 1

    @staticmethod
    def _indicator_line(p: Passage, years: list[int] | None = None) -> str:
        """'Sjukfrånvaro – Mål 2025: Minska, Utfall 2025: 3,8%, måluppfyllelse: Oförändrat': the asked
        years' columns (all, when none is asked) and the report's own assessment. A plan's current level
        ('Nuläge 2022: 3,0%') is where its target starts from: always given with it; so is, with a trend,
        the year before's outcome it is judged against."""
        f = p.chunk.fields
        # A trend is judged against the year before: its outcome comes with the trend.
        before = f"Utfall {min(years) - 1}" if years and f.get("trend") else None
        cells = [f"{k}: {v}" for k, v in f.items() if re.match(r"(Utfall|Mål|Målvärde|Nuläge|Prognos|Budget) ", k)
                 and (not years or k.startswith("Nuläge") or k == before or any(k.endswith(str(y)) for y in years))]
        if f.get("måluppfyllelse"):
            cells.append(f"måluppfyllelse: {f['måluppfyllelse']}")
        if f.get("trend"):
            cells.append(f"trend: {f['trend']}")
        return f"{f['indikator']} – " + ", ".join(cells) if cells else f["indikator"]

    @staticmethod
    def _following(s: _Sentence, sentences: list[_Sentence]) -> list[_Sentence]:
        in_passage = [x for x in sentences if x.passage == s.passage]
        idx = next(i for i, x in enumerate(in_passage) if x.text == s.text)
        return in_passage[idx + 1:]

    def _with_list(self, s: _Sentence, sentences: list[_Sentence]) -> list[_Sentence]:
        """A sentence that introduces a list ('beror främst på', '…följande:') comes with its items."""
        out = [s]
        intro = s.text.rstrip().endswith((":", " på", " av", " följande", " bl.a."))
        for nxt in self._following(s, sentences):
            # Items, and the lower-case continuation of an item the extraction broke across a blank line.
            if nxt.text.startswith(_BULLETS) or (intro and len(out) == 1) or (len(out) > 1 and nxt.text[:1].islower()):
                out.append(nxt)
            else:
                break
        return out

    def _fullest(self, s: _Sentence, sentences: list[_Sentence]) -> _Sentence:
        """Of the copies of a sentence (prose windows overlap), the one followed by the most text: one
        window may hold an activity or a reason at its end, the next one what follows it. (Only copies in
        the same report: a plan and its outcome report name an indicator alike, and say different things.)"""
        return max((x for x in sentences if x.text == s.text and x.doc_id == s.doc_id),
                   key=lambda x: len(self._following(x, sentences)))

    def _preceding(self, s: _Sentence, sentences: list[_Sentence]) -> list[_Sentence]:
        in_passage = [x for x in sentences if x.passage == s.passage]
        idx = next(i for i, x in enumerate(in_passage) if x.text == s.text)
        return in_passage[max(0, idx - 1):idx]

    def _antecedent(self, s: _Sentence, sentences: list[_Sentence]) -> list[_Sentence]:
        """The sentence a pointing-back sentence ('Dessa två projekt …') refers to; a heading is none."""
        if not (_POINTS_BACK.match(s.text) or _THEREFORE_EARLY.match(s.text)):
            return []
        return [x for x in self._preceding(s, sentences) if is_substantive(x.text)]

    def _row_and_its_parts(self, query: Query, passages: list[Passage]) -> list[tuple[str, int]]:
        """'Varför gick staben så mycket plus 2023?': the results table's row for it and the 'Varav' rows
        under it, which say what the figure is made of, each read under the asked year's column."""
        found = self._best_cell(query, passages) if len(query.years) == 1 and is_numeric_question(query.text) else None
        if found is None:
            return []
        text, pos, cell = found
        chunk = self.index.chunks[pos]
        rows = read_cells(self._table_text_of(chunk), query.years[0], (), self.index.metas[chunk.doc_id].year)
        at = next((n for n, c in enumerate(rows) if c.label == cell.label), None)
        parts = []
        for c in rows[at + 1:] if at is not None else []:
            if not re.match(r"varav\b", c.label, re.I):
                break
            parts.append(f"{c.label[0].lower()}{c.label[1:]}: {c.value}{f' {c.unit}' if c.unit else ''}")
        if not parts:
            return []
        return [(f"{text}; " + "; ".join(parts), self._cite(passages, pos))]

    def _why(self, query, passages, sentences):
        """The reasons the report gives: a causal sentence near the topic ('Underskottet förklaras
        i huvudsak av …'), with the list it introduces, or the sentence an 'Av denna anledning' points back to.
        Asked why a unit's figure came out as it did, the parts its table row is made of come first."""
        made_of = self._row_and_its_parts(query, passages)
        reasons = self._reasons(query, passages, sentences)
        if not made_of:
            return reasons
        # The rest of the table, its cells run together, adds nothing to the rows read off it.
        return made_of + [(t, i) for t, i in reasons if not (is_flattened_table(t) or _is_row_run(t))]

    def _reasons(self, query, passages, sentences):
        # (A cause of something the question does not name is no reason for it: no bonus without a word of it.)
        causal_bonus = lambda s: 0.12 if s.lex > 0 and _gives_reason(s.text) else 0.0  # noqa: E731
        ranked = sorted(sentences, key=lambda s: -(s.score + causal_bonus(s)))
        best = self._best(sentences, bonus=causal_bonus)
        if not best:
            return []
        best = self._fullest(best, sentences)
        chosen: list[_Sentence] = []
        doc = passages[best.passage].chunk.doc_id
        # (An indicator that matches best explains its outcome in its own comment: no other topic's causes.)
        kind = passages[best.passage].chunk.kind
        # A table line the question names ('Ej återbesatt pensionsavgång … 1,4 mnkr 0,9 mnkr Helårseffekt
        # uppnås 2026') explains itself in its comment cell: another topic's causes must match nearly as well.
        row_line = _is_table_line(best.text)
        share = ROW_LINE_RUNNER_UP if row_line else self.runner_up
        others = [s for s in ranked[:3] if s is not best and passages[s.passage].chunk.doc_id == doc
                  and s.score >= max(self.min_score, share * best.score) and kind != "indicator"]
        for topic in [best] + others:
            if _ANNOUNCES_REASONS.search(topic.text):
                # 'Det finns två komplicerande faktorer som …': the reasons are the sentences after it.
                chosen += [topic] + [x for x in self._following(topic, sentences)[:3] if x not in chosen]
                break
            if _gives_reason(topic.text):
                if _ANAPHORIC.match(topic.text) or _THEREFORE_EARLY.match(topic.text):
                    chosen += [p for p in self._preceding(topic, sentences) if p not in chosen]
                chosen += [x for x in self._with_list(topic, sentences) if x not in chosen]
            for nxt in self._following(topic, sentences)[:2]:
                if _CAUSAL.search(nxt.text) and nxt not in chosen:
                    if topic not in chosen:
                        chosen.append(topic)
                    chosen += [x for x in self._with_list(nxt, sentences) if x not in chosen]
                    break
            if chosen:
                break
        if not chosen and kind in ("indicator", "uppdrag"):
            # A table row gives its reasons in its comment cell, rarely with a causal word: quote the row,
            # from the comment's sentence before the one that matches (the cause told before the effect).
            before = [x for x in self._preceding(best, sentences) if is_substantive(x.text)]
            chosen = before + [best] + self._following(best, sentences)[:3 - len(before)]
            # The row's comment that matches nearly as well, past cells the extraction put between them.
            chosen += [x for x in ranked if x.passage == best.passage and x not in chosen
                       and x.score >= self.runner_up * best.score][:1]
        # No causal word anywhere near: the sentence that matches is the effect ('Omställningen … skapar
        # oro'), and the report states the cause just before it.
        chosen = chosen or ([best] if row_line else self._preceding(best, sentences) + self._with_list(best, sentences))
        chosen += self._explained_back(chosen, sentences)
        run = self._bullet_run(chosen[-1], sentences) if chosen else []
        if run and (chosen[-1].text.startswith("•") or run[0] is self._following(chosen[-1], sentences)[0]):
            # One reason of a bulleted list, or the line the list belongs to: all the items answer.
            chosen += [x for x in run if x not in chosen]
        elif len(chosen) == 1:
            # One sentence is seldom all the reasons: the next one goes on about what was asked.
            concepts = self._concepts(query)
            chosen += [x for x in self._following(chosen[0], sentences)[:1]
                       if is_substantive(x.text) and (self._support(concepts, x.text) > 0
                                                      or _POINTS_BACK.match(x.text) or x.text.startswith("Att "))]
            chosen += self._explained_back(chosen, sentences) if len(chosen) == 2 else []
        items = [k for k, x in enumerate(chosen) if x.text.startswith(_BULLETS)]
        if len(items) == 1 and items[0] >= len(chosen) - 2:
            # One bulleted item quoted from its start (at most one of its sentences after it): the rest of
            # that item is the rest of the reason.
            for x in self._following(self._fullest(chosen[-1], sentences), sentences)[:3]:
                if x.text.startswith(_BULLETS) or x in chosen:
                    break
                chosen.append(x)
        if chosen and _gives_reason(chosen[-1].text):
            # Reasons given part by part after the whole's ('… beror på tidsförskjutningar.' / 'MT Negativ
            # avvikelse med anledning av …' / 'IT Negativ avvikelse …'): each part's reason is one of them.
            for x in self._following(self._fullest(chosen[-1], sentences), sentences)[:PART_REASONS]:
                cause = _CAUSAL.search(x.text)
                if x in chosen or not cause or cause.start() > PART_LABEL_CHARS:
                    break
                chosen.append(x)
        return [(s.text, s.passage) for s in chosen]

    def _explained_back(self, chosen: list[_Sentence], sentences: list[_Sentence]) -> list[_Sentence]:
        """A sentence after the last one quoted that says what it is made of or is about ('Det är en
        blandning av …', 'Det handlar om …') is part of the reason (taken from the copy of the last one
        that has what follows it: prose windows overlap)."""
        if not chosen:
            return []
        return [x for x in self._following(self._fullest(chosen[-1], sentences), sentences)[:1]
                if _EXPLAINS_BACK.match(x.text) and x not in chosen]

    def _opens_bullet_run(self, s: _Sentence, sentences: list[_Sentence]) -> bool:
        """'Löpande uppföljning • Förändring av arbetade timmar': the extraction put a list's heading and
        its first item on one line, so the first item is no sentence of its own; the items after it are."""
        if "•" not in s.text or s.text.startswith(_BULLETS):
            return False
        after = self._following(s, sentences)
        return bool(after) and after[0].text.startswith("•")

    def _bullet_run(self, s: _Sentence, sentences: list[_Sentence]) -> list[_Sentence]:
        """The bullet items after `s` in its passage, with the sentences that continue an item
        (kept only when another item follows them)."""
        run, pending = [], []
        for nxt in self._following(s, sentences):
            if nxt.text.startswith("•"):
                run += pending + [nxt]
                pending = []
            elif len(pending) < 2:
                pending.append(nxt)
            else:
                break
        return run

    def _status_rows(self, query, passages, sentences) -> list[int]:
        rows = [i for i, p in enumerate(passages[:self.sentence_passages]) if p.chunk.kind == "uppdrag"
                and _has_asked_code(p, query)]
        if query.codes:
            # '(RF8) Under 2025 ska …' is the assignment itself; 'RF8 Identifiera …' rows are its activities.
            rows.sort(key=lambda i: not passages[i].chunk.text.lstrip().startswith("("))
            # An activity the question describes besides its code ('RF7-aktiviteten att genomföra en
            # systematisk genomgång …') is the one asked, when its text matches clearly best.
            concepts = [(alts, w) for alts, w in self._concepts(query)
                        if not alts & {c.casefold() for c in query.codes}]
            fit = {i: self._support(concepts, passages[i].chunk.fields.get("uppdrag", "")) for i in rows}
            ranked = sorted(rows, key=lambda i: -fit[i])
            if len(ranked) > 1 and fit[ranked[0]] >= ACTIVITY_FIT \
                    and fit[ranked[0]] - fit[ranked[1]] >= ACTIVITY_MARGIN:
                return ranked[:1]
        else:
            # Without a code the row must itself carry the question's subject.
            best_by_passage = {}
            for s in sentences:
                if not is_document_field(s.text):
                    best_by_passage[s.passage] = max(best_by_passage.get(s.passage, 0.0), s.score)
            # and match about as well as the best sentence anywhere: else running text answers.
            top = max((s.score for s in sentences), default=0.0)
            rows = [i for i in rows if best_by_passage.get(i, 0.0) >= max(self.min_score, ROW_VS_PROSE * top)]
            # Of the rows that match well enough, the one that names most of what is asked: a row whose
            # sentence only reads like the question ('Arbetet har påbörjats …') is not about its subject.
            concepts = self._concepts(query)
            rows = sorted(rows, key=lambda i: -self._support(concepts, passages[i].chunk.text))[:1]
        if rows:
            doc = passages[rows[0]].chunk.doc_id
            rows = [i for i in rows if passages[i].chunk.doc_id == doc]
        return rows[:3]

    def _status(self, query, passages, sentences):
        rows = self._status_rows(query, passages, sentences)
        if not rows:
            return self._status_in_prose(query, passages, sentences)
        return self._row_lines(query, passages, rows)

    def _row_lines(self, query, passages, rows: list[int]) -> list[tuple[str, int]]:
        """One line per table row: code, responsible unit, status as written, the comment's gist. A
        follow-up passage it quotes is appended to `passages`, so that it can be cited."""
        parts = []
        room = max(320, (MAX_CHARS - 120) // len(rows) - 60)  # the comments share the answer's length
        concepts = self._concepts(query)
        for i in rows:
            f = passages[i].chunk.fields
            label = f.get("code") or _shorten(f.get("uppdrag", ""), 90)
            if f.get("code") and not passages[i].chunk.text.lstrip().startswith("("):
                # An activity under the assignment: say which one, not only the assignment's code.
                label = f"{f['code']} – {_shorten(f.get('uppdrag', '').removeprefix(f['code']).strip(), 70)}"
            part = self._asked_part(f, concepts)
            if part:
                # '(28) a) … b) …': the question is about one lettered part; its own cells, text and
                # comment answer ('28 b (ansvarig: CE och CH, tidplan: 2023)').
                label = f"{label} {part}" if label == f.get("code") else label
                f = {**f, **{k: _lettered(f[k]).get(part, f[k]) for k in ("ansvarig", "tidplan") if f.get(k)},
                     # (what the lead says, the assignment's purpose or a comment on all parts, holds for it too)
                     **{k: " ".join(filter(None, (_lettered(f[k]).get(""), _lettered(f[k]).get(part, f[k]))))
                        for k in ("kommentar", "uppdrag") if f.get(k)}}
            # Who and by when, as the row states them (the plan's lines say it below).
            cells = [f"{k}: {f[k]}" for k in ("ansvarig", "tidplan") if f.get(k)]
            who = f" ({', '.join(cells)})" if cells and passages[i].meta.kind not in PLAN_KINDS else \
                f" (ansvarig: {f['ansvarig']})" if f.get("ansvarig") else ""
            if f.get("status"):
                line = f"{label}{who}: status {f['status']}."
            elif passages[i].meta.kind in PLAN_KINDS:
                # A plan states what is to be done and by when; it has no status to report.
                cells = [f"ansvarig: {f['ansvarig']}"] if f.get("ansvarig") else []
                cells += [f"tidplan: {f['tidplan']}"] if f.get("tidplan") else []
                cells_text = f" ({', '.join(cells)})" if cells else ""
                line = f"{label}{cells_text}: {_shorten(_without_cells(f), room)}"
                parts.append((line, i))
                continue
            else:
                line = f"{label}{who}: rapporten anger ingen statusmarkering."
            if f.get("kommentar"):
                comment = split_sentences(f["kommentar"])
            else:
                body = split_sentences(passages[i].chunk.text)
                comment = body[-3:] if len(body) > 1 and not f.get("status") else []
            # A table header or the next goal's heading caught at the row's end is no comment.
            comment = self._relevant([c for c in comment if not is_table_header(c)], concepts, room,
                                     progress=not f.get("status"))
            if comment:
                line += f" Kommentar: {_shorten(comment, room)}"
            parts.append((line, i))
            follow_up = None if comment or len(rows) > 1 else self._follow_up(passages[i])
            if follow_up:
                # A summary row without comment: the report's own follow-up of it, elsewhere.
                analysis, after, indicators = follow_up
                passages.append(analysis)
                parts.append((f"Uppföljning: {_shorten(self._relevant(after, concepts, room), room)}", len(passages) - 1))
                if indicators is not None:
                    passages.append(indicators)
                    names = "; ".join(n.rstrip(".") for n in indicators.chunk.fields["indikatorer"])
                    parts.append((f"Indikatorer: {_shorten(names, room)}.", len(passages) - 1))
        return parts

    def _asked_part(self, fields: dict, concepts) -> str | None:
        """Of an assignment in lettered parts ('a) Samtliga centrumbildningar ska … b) Under 2023 ska
        områdena programstyrning … ses över'), the letter of the part the question is clearly about;
        None when no one part stands out."""
        assignment = _lettered(fields.get("uppdrag", ""))
        lead = assignment.pop("", "")
        if len(assignment) < 2:
            return None
        support = {k: self._support(concepts, text) for k, text in assignment.items()}
        first, second = sorted(support, key=lambda k: -support[k])[:2]
        # (A question the assignment's lead answers as well is about the whole assignment.)
        clear = support[first] > max(self._support(concepts, lead), 0) and support[first] >= PART_MARGIN * support[second]
        return first if clear else None

    def _follow_up(self, row: Passage) -> tuple[Passage, list[str], Passage | None] | None:
        """Where the report follows up a summary table's row in running text (its goal repeated as a
        heading, then 'Analys …'): the passage and its sentences after the goal, and the passage that
        lists the goal's indicators, if one follows."""
        goal = normalise(row.chunk.fields.get("uppdrag", ""))
        if len(goal) < 25:
            return None
        pattern = re.compile(r"\s+".join(map(re.escape, goal.split())), re.I)  # wrapped differently there
        positions = self.doc_chunks.get(row.chunk.doc_id, [])
        for k, pos in enumerate(positions):
            chunk = self.index.chunks[pos]
            found = pattern.search(chunk.text) if chunk.kind == "prose" else None
            if not found:
                continue
            rest = re.sub(r"^\W*(?:Analys|Kommentar|Kommentarer|Bedömning|Uppföljning)\b\s*", "", chunk.text[found.end():])
            after = split_sentences(rest)
            if not after and k + 1 < len(positions):
                chunk = self.index.chunks[positions[k + 1]]
                after = split_sentences(chunk.text)
            after = [a for a in after if not is_table_header(a)][:4]
            if after:
                # The goal's indicators, listed after its analysis in a passage of their own.
                nxt = self.index.chunks[positions[k + 1]] if k + 1 < len(positions) else None
                listed = nxt is not None and nxt.fields.get("indikatorer") and nxt.fields.get("mål") == chunk.section
                return (Passage(chunk=chunk, meta=row.meta, score=0.0), after,
                        Passage(chunk=nxt, meta=row.meta, score=0.0) if listed else None)
        return None

    def _relevant(self, sentences: list[str], concepts, room: int, progress: bool = False) -> str:
        """The comment as written when it fits; otherwise the sentences that speak to the question
        (a row often comments on several sub-items), in the report's order. With `progress` (the row
        has no status word) a sentence that says how far the work has come ('Arbetet pågår …') counts
        as speaking to it."""
        if sum(len(c) + 1 for c in sentences) <= room:
            return " ".join(sentences)
        keep, used = set(), 0
        # A comment made of sub-items ('Mål: …', then how it went): the one the question is most
        # about, its heading first; the other sub-items' sentences are about something else.
        starts = [k for k, c in enumerate(sentences) if _SUB_ITEM.match(c)]
        if len(starts) >= 2:
            items = [sentences[a:b] for a, b in zip(starts, starts[1:] + [len(sentences)])]
            support = [self._support(concepts, " ".join(item)) for item in items]
            best = max(range(len(items)), key=lambda k: support[k])
            if support[best] > 0 and support.count(support[best]) == 1:
                sentences = items[best]
                keep, used = {0}, len(sentences[0]) + 1
        said = lambda c: PROGRESS_BONUS if progress and _PROGRESS.search(c) else 0.0  # noqa: E731
        ranked = sorted(range(len(sentences)), key=lambda k: (-self._support(concepts, sentences[k]) - said(sentences[k]), k))
        for k in ranked:
            if used + len(sentences[k]) + 1 <= room or not keep:
                keep.add(k)
                used += len(sentences[k]) + 1
        return " ".join(sentences[k] for k in sorted(keep))

    def _status_in_prose(self, query, passages, sentences):
        """An activity described in running text: the sentence that names it matches the question, the
        report's account of how it went follows it ('Grunden har lagts, men … kvarstår')."""
        best = self._best(sentences)
        if not best:
            return []
        best = self._fullest(best, sentences)
        budget = MAX_CHARS - 120  # room for the 'Enligt …' line and the citations
        parts = [(best.text, best.passage)]
        used = len(best.text)
        for nxt in self._following(best, sentences)[:STATUS_FOLLOWING]:
            if used + len(nxt.text) > budget or re.match(r"^\d+(\.\d+)*\s+[A-ZÅÄÖ]", nxt.text):
                break  # the budget is spent, or a numbered heading starts the next topic
            parts.append((nxt.text, nxt.passage))
            used += len(nxt.text)
        quoted = {t for t, _ in parts}
        for text, idx in self._supporting(best, passages, sentences):
            if text in quoted:
                continue
            used += len(text)
            if used > budget:
                break
            parts.append((text, idx))
        return parts

    def _rows_by_sign(self, query: Query, passages: list[Passage]) -> list[tuple[str, int]]:
        """'Vilka centrum gick med underskott 2023?': the rows of a results table whose label names what
        is asked for ('Centrum för …'), read under the asked year's outcome column, with a negative
        (or, asked for a surplus, a positive) figure. Totals and 'varav' parts are not listed."""
        wanted = _SIGN_ASKED.search(f"{query.text} {query.expanded}")
        noun = _LISTED_NOUN.search(query.text)
        if len(query.years) != 1 or not wanted or not noun:
            return []
        negative = bool(wanted.group("neg"))
        # 'Vilka enheter …' names no word of the rows ('E8 Upphandling och VFN'): the rows that are units.
        kind = [] if _UNITS_IN_GENERAL.match(noun.group(1)) else tokenize(noun.group(1))[:1]
        tables: dict[tuple[str, str, str], list[tuple[Cell, int]]] = {}
        for pos, cell in self._row_cells(query, passages, (), lambda meta: meta.kind not in PLAN_KINDS):
            asked_row = kind[0] in _token_set(cell.label) if kind else bool(_UNIT_ROW.search(cell.label))
            if asked_row:
                rows = tables.setdefault((self.index.chunks[pos].doc_id, cell.title, cell.column), [])
                if cell.label not in {c.label for c, _ in rows}:
                    rows.append((cell, pos))
        if not tables:
            return []
        rows = max(tables.values(), key=len)
        parts = []
        for cell, pos in rows:
            value = _as_number(cell.value)
            if value is None or re.match(r"(varav|summa|totalt?)\b", cell.label, re.I) or (value < 0) != negative \
                    or value == 0:
                continue
            parts.append((f"{cell.label} ({cell.column}: {cell.value})", self._cite(passages, pos)))
        return parts

    def _rows_that_moved(self, query: Query, passages: list[Passage]) -> list[tuple[str, int]]:
        """'Vilka åldersgrupper fick ett lägre sjuktal 2020 jämfört med året innan?', 'Vilka
        personalkategorier hade lägre lönekostnader 2020 än 2019?': of the table the best passage with
        both years' columns stands in, the rows that went the asked way, each with both figures. Amounts
        are compared by size (a cost the table writes as negative is lower when nearer zero)."""
        moved, than = _ASKS_WHICH_MOVED.search(query.text), _THAN_YEAR_BEFORE.search(query.text)
        if not moved or not than or not query.years:
            return []
        year = max(query.years)
        before = int(than.group("year")) if than.group("year") else year - 1
        down = bool(moved.group("down"))
        if before >= year:
            return []
        for rank, p in enumerate(passages[:self.sentence_passages]):
            if p.meta.kind in PLAN_KINDS or not self._covers_year(p.meta, str(year), query):
                continue
            positions = self.doc_chunks.get(p.chunk.doc_id, [])
            pos = self.position[p.chunk.id]
            found: dict[str, list[tuple[str, int]]] = {}  # by table: the one most about the question answers
            for row in table_rows(self._table_text(positions, positions.index(pos)), p.meta.year):
                if row.label not in p.chunk.text or re.match(r"(?:summa|totalt?)\b", row.label, re.I):
                    continue
                now, then = (_outcome_column(row, y) for y in (year, before))
                if now is None or then is None:
                    continue
                a, b = _as_number(row.figures[now]), _as_number(row.figures[then])
                if a is None or b is None or abs(a) == abs(b) or (abs(a) < abs(b)) != down:
                    continue
                unit = f" {row.unit}" if row.unit else ""
                found.setdefault(row.title, []).append((f"{row.label}: {row.columns[then][0]} {row.figures[then]}{unit}, "
                                                        f"{row.columns[now][0]} {row.figures[now]}{unit}", rank))
            if found:
                concepts = self._concepts(query)
                return max(found.items(), key=lambda t: self._support(concepts, f"{t[0]} {' '.join(x for x, _ in t[1])}"))[1]
        return []

    def _rows_against_budget(self, query: Query, passages: list[Passage]) -> list[tuple[str, int]]:
        """'Vilka kostnader gick över budget 2023?': the rows of a results table with an outcome and a
        budget column for the asked year, costs or incomes as asked, that came out the asked way
        against the budget; largest deviation first (only the largest few where the question asks
        for the most). A cost is a row the table gives with a negative sign, or named a cost."""
        wanted = _AGAINST_BUDGET.search(query.text)
        noun = _LISTED_NOUN.search(query.text)
        if len(query.years) != 1 or not wanted or not noun or "budget" not in query.text.casefold():
            return []
        asks_costs = "kostnad" in noun.group(1).casefold() or not re.search(r"intäkt", noun.group(1), re.I)
        tables: dict[tuple, list[tuple[Cell, int, float, float]]] = {}
        for pos, cell in self._row_cells(query, passages, (), lambda meta: meta.kind not in PLAN_KINDS):
            budget = next((_as_number(v) for c, v in cell.same_year if "budget" in c.casefold()), None)
            outcome = _as_number(cell.value)
            if budget is None or outcome is None or "budget" in cell.column.casefold() or \
                    re.match(r"(varav|summa|totalt?|resultat)\b", cell.label, re.I):
                continue
            key = (self.index.chunks[pos].doc_id, cell.title, tuple(c for c, _ in cell.same_year))
            rows = tables.setdefault(key, [])
            if cell.label not in {c.label for c, *_ in rows}:
                rows.append((cell, pos, outcome, budget))
        if not tables:
            return []
        retrieved = {p.chunk.id for p in passages[:self.sentence_passages]}
        # A table with a deviation column (its figures unrounded) before one without; of those, the one
        # the search found, else the fullest.
        rows = max(tables.values(), key=lambda rs: (any(c.casefold().startswith(("avv", "ack avv")) for c, _ in rs[0][0].same_year),
                                                    any(self.index.chunks[pos].id in retrieved for _, pos, *_ in rs),
                                                    len(rs)))
        found = []
        for cell, pos, outcome, budget in rows:
            is_cost = outcome < 0 or budget < 0 or ("kostnad" in cell.label.casefold() and "intäkt" not in cell.label.casefold())
            if is_cost != asks_costs or abs(abs(outcome) - abs(budget)) < 0.05:
                continue
            above = abs(outcome) > abs(budget)
            worse = above if is_cost else not above
            if (wanted.group("over") and not above) or (wanted.group("under") and above) or \
                    (wanted.group("worse") and not worse) or (wanted.group("better") and worse):
                continue
            found.append((abs(abs(outcome) - abs(budget)), cell, pos))
        found.sort(key=lambda x: -x[0])
        if _ASKS_LARGEST.search(query.text):
            found = found[:_LARGEST_LISTED]
        parts = []
        for _, cell, pos in found:
            unit = f" {cell.unit}" if cell.unit else ""
            parts.append((f"{cell.label}, " + ", ".join(f"{c}: {v}{unit}" for c, v in cell.same_year),
                          self._cite(passages, pos)))
        return parts

    def _indicators_by_outcome(self, query: Query, passages: list[Passage]) -> list[tuple[str, int]]:
        """'Vilka indikatorer gick åt fel håll 2025?': the indicator rows of the first report among the top
        passages whose assessment ('Negativt/inte uppnått', trend 'Negativ') is the one asked, each with
        its figures. All of them: a report's indicators are few, and which are 'forskningsmått' is for
        the reader to see."""
        wanted = _INDICATOR_OUTCOME.search(query.text)
        if not wanted or not _ASKS_INDICATORS.search(query.text):
            return []
        negative = bool(wanted.group("neg"))

        def came_out(fields: dict) -> bool:
            said = " ".join(str(fields.get(k, "")) for k in ("måluppfyllelse", "trend", "status")).casefold()
            if not said.strip():
                return False
            bad = bool(re.search(r"negativ|inte uppnå|ej uppnå|\bröd", said))
            return bad if negative else (not bad and bool(re.search(r"positiv|uppnå|\bgrön", said)))

        for doc in dict.fromkeys(p.chunk.doc_id for p in passages[:self.sentence_passages]):
            if query.years and not self._covers_year(self.index.metas[doc], str(query.years[0]), query):
                continue
            rows = [self.index.chunks[pos] for pos in self.doc_chunks.get(doc, [])
                    if self.index.chunks[pos].kind == "indicator" and came_out(self.index.chunks[pos].fields)]
            if not rows:
                continue
            start = len(passages)
            passages.extend(Passage(chunk=c, meta=self.index.metas[doc], score=0.0) for c in rows)
            parts = []
            for i in range(start, len(passages)):
                f = passages[i].chunk.fields
                # (A row whose name the parsing left in its text: the words before its first figure.)
                name = f.get("indikator") or re.split(r"\s[\d+\-−]", passages[i].chunk.text, maxsplit=1)[0]
                figures = ", ".join(f"{k}: {v}" for k, v in f.items() if re.match(r"(?:utfall|mål)\b", k, re.I) and v)
                outcome = f.get("måluppfyllelse") or f.get("trend") or f.get("status")
                parts.append((f"{_shorten(name, 120)} – {figures}{', ' if figures else ''}{outcome}", i))
            return parts
        return []

    def _rows_where(self, passages: list[Passage], keep, kind: str = "uppdrag") -> list[int]:
        """Every parsed row (uppdrag/aktivitet, or of another `kind`) that `keep(fields)` accepts, of the
        first report among the top passages that has such rows; they are appended to the passages (so
        they are cited)."""
        for doc in dict.fromkeys(p.chunk.doc_id for p in passages[:self.sentence_passages]):
            rows = [self.index.chunks[pos] for pos in self.doc_chunks.get(doc, [])
                    if self.index.chunks[pos].kind == kind and keep(self.index.chunks[pos].fields)]
            if rows:
                passages.extend(Passage(chunk=c, meta=self.index.metas[doc], score=0.0) for c in rows)
                return list(range(len(passages) - len(rows), len(passages)))
        return []

    def _rows_by_responsible(self, query: Query, passages: list[Passage]) -> list[int]:
        """'Vilka uppdrag har CE som ansvarig?': the rows whose responsible-unit cell names the unit the
        question names (with the asked status, if any)."""
        if not _ASKS_RESPONSIBLE.search(query.text):
            return []
        names = [w for w in re.findall(r"\b[A-ZÅÄÖ][\wÅÄÖåäö-]*", query.text) if w.casefold() not in self.org_tokens]
        names += [abbreviation for _, _, abbreviation in query.units]  # 'Centrum för HR' is 'CHR' in the unit column
        named = re.compile("|".join(rf"(?<![\wÅÄÖåäö]){re.escape(n)}(?![\wÅÄÖåäö])" for n in names))
        return self._rows_where(passages, lambda f: bool(names) and bool(named.search(str(f.get("ansvarig", ""))))
                                and (not query.status_filter or has_status_level(f.get("status", ""), query.status_filter)))

    def _rows_by_deadline(self, query: Query, passages: list[Passage]) -> list[int]:
        """'Vilka uppdrag ska vara klara till sista kvartalet 2023?': the rows whose tidplan is that
        quarter ('Q4 2023')."""
        m = _ASKS_QUARTER.search(query.text)
        if not m:
            return []
        quarter = _QUARTERS.get((m.group(1) or "").casefold()) or m.group(2) or m.group(3)
        asked = re.compile(rf"\bQ{quarter}\s*{m.group(4)}\b", re.I)
        return self._rows_where(passages, lambda f: bool(asked.search(str(f.get("tidplan", "")))))

    def _rows_under_goal(self, query: Query, passages: list[Passage]) -> list[int]:
        """'Vilka delmål finns under Mål 2?', 'Hur många delmål har vi under målet om trygga
        uppväxtvillkor?': the rows of a goal table that stand under the goal the question names, by its
        number or by its words (a goal's name is on its first row only; the rows after it are its own
        until the next goal's). With the asked status, if any."""
        number = _GOAL_NUMBER.search(query.text)
        if not (number or _NAMES_A_GOAL.search(query.text.replace("delmål", ""))):
            return []
        concepts = [(alts, w) for alts, w in self._concepts(query) if not alts & _LIST_FRAME]
        for doc in dict.fromkeys(p.chunk.doc_id for p in passages[:self.sentence_passages]):
            goals: dict[str, list[Chunk]] = {}
            goal, header = None, None
            for pos in self.doc_chunks.get(doc, []):
                chunk = self.index.chunks[pos]
                if chunk.kind != "uppdrag":
                    continue
                if chunk.fields.get("header") != header:  # another table: its rows are under no goal yet
                    goal, header = None, chunk.fields.get("header")
                goal = chunk.fields.get("mål") or goal
                if goal:
                    goals.setdefault(str(goal), []).append(chunk)
            if number:
                named = [g for g in goals if re.match(rf"mål\s*{number.group(1)}\b", g, re.I)]
            else:  # by its words: the one goal whose name the question's subject matches, clearly best
                support = sorted(((self._support(concepts, re.sub(r"^mål\s*\d+\.?", "", g, flags=re.I)), g)
                                  for g in goals), reverse=True) + [(0.0, ""), (0.0, "")]
                (best, goal_named), (second, _) = support[:2]
                named = [goal_named] if best > 0 and second <= GOAL_MARGIN * best else []
            if len(named) == 1:
                rows = [c for c in goals[named[0]] if not query.status_filter
                        or has_status_level(c.fields.get("status", ""), query.status_filter)]
                passages.extend(Passage(chunk=c, meta=self.index.metas[doc], score=0.0) for c in rows)
                return list(range(len(passages) - len(rows), len(passages)))
        return []

    def _rows_by_status(self, query: Query, passages: list[Passage]) -> list[int]:
        """'Hur många delmål har prognosen Inga data?': every row of the report with the asked status,
        goal rows where goals are asked for ('delmål'), the others where uppdrag or aktiviteter are."""
        if not query.status_filter:
            return []
        goals = bool(_ASKS_GOALS.search(query.text))
        return self._rows_where(passages, lambda f: has_status_level(f.get("status", ""), query.status_filter)
                                and _is_goal_row(f) == goals)

    def _counted_rows(self, query: Query, passages: list[Passage]) -> list[tuple[str, int]]:
        """'Hur många delmål …?' counted off the table rows the question picks out (by goal, unit,
        deadline), each row listed after the count so the reader can check it."""
        noun = _COUNTS_ROWS.search(query.text)
        rows = noun and (self._rows_under_goal(query, passages) or self._rows_by_responsible(query, passages)
                         or self._rows_by_deadline(query, passages) or self._rows_by_status(query, passages))
        if not rows:
            return []
        listed = self._listed_rows(passages, rows)
        return [(f"{len(rows)} {noun.group(1).casefold()}: {listed[0][0]}", listed[0][1])] + listed[1:]

    def _list(self, query, passages, sentences):
        controls = self._controls_asked(query, passages)
        if controls:
            return controls
        measured_by = self._indicators_of_goal(query, passages)
        if measured_by:
            return measured_by
        under_goal = self._rows_under_goal(query, passages) if _ASKS_GOALS.search(query.text) else []
        if under_goal:
            return self._listed_rows(passages, under_goal)
        by_unit = self._rows_by_responsible(query, passages) or self._rows_by_deadline(query, passages)
        if by_unit:
            return self._listed_rows(passages, by_unit)
        by_outcome = self._indicators_by_outcome(query, passages)
        if by_outcome:
            return by_outcome
        if not query.status_filter:
            by_sign = self._rows_by_sign(query, passages)
            if by_sign:
                return by_sign
            section = self._section_asked_for(query, passages, sentences)
            first = self._best(sentences)
            if not first:
                return section
            sub_goals = self._sub_items(query, passages, first)
            if sub_goals:
                return sub_goals
            same = sorted((s for s in sentences if s.passage == first.passage or
                           (passages[s.passage].chunk.doc_id == passages[first.passage].chunk.doc_id
                            and s.score >= 0.8 * first.score)), key=lambda s: (s.passage, 0))
            antecedent = self._antecedent(first, sentences)
            best = [(s.text, s.passage) for s in same if s.score >= self.min_score or s.text.startswith(("•", "➢"))
                    or s in antecedent or self._opens_bullet_run(s, sentences)]
            # The quoted sentence that announces the list ('… följande:') brings its items; asked for the
            # assignments under a goal whose rows lost their codes and status ('Säkerställa …', then how
            # it went, 'Ta fram …', …), the assignments that follow the one that matches.
            items = self._with_list(self._fullest(first, sentences), sentences)[1:]
            if not items and _ASKS_TASKS.search(query.text):
                items = [x for x in self._following(self._fullest(first, sentences), sentences) if is_assignment(x.text)]
            if items:
                at = next(k for k, (t, _) in enumerate(best) if t == first.text) + 1
                have = {t for t, _ in best}
                best[at:at] = [(x.text, x.passage) for x in items if x.text not in have]
            quoted = {text for text, _ in section}
            return (section + [(t, i) for t, i in best if t not in quoted])[:LIST_ITEMS]
        labelled = self._items_labelled_with_status(query, passages, sentences)
        if labelled:
            return labelled
        matching = [i for i, p in enumerate(passages) if p.chunk.kind == "uppdrag"
                    and has_status_level(p.chunk.fields.get("status", ""), query.status_filter)
                    and _has_asked_code(p, query)]
        # 'Vilka delmål …' lists goal rows, 'Vilka uppdrag/aktiviteter …' the others, where the report has both.
        goals = [i for i in matching if _is_goal_row(passages[i].chunk.fields)]
        asks_goals, asks_tasks = bool(_ASKS_GOALS.search(query.text)), bool(_ASKS_TASKS.search(query.text))
        if asks_goals and not asks_tasks:
            matching = goals or matching
        elif asks_tasks and not asks_goals:
            matching = [i for i in matching if i not in goals] or matching
        matching = self._about_asked_topic(query, passages, matching)
        if not matching:
            return []
        doc = passages[matching[0]].chunk.doc_id
        return self._listed_rows(passages, [i for i in matching if passages[i].chunk.doc_id == doc])

    def _indicators_of_goal(self, query: Query, passages: list[Passage]) -> list[tuple[str, int]]:
        """'Vilka indikatorer hör till delmålet …?': of the passages that list a goal's indicators (a
        follow-up's 'Indikatorer' under the goal), the one whose goal and indicators are most what the
        question is about; one line per indicator."""
        if not _ASKS_INDICATORS.search(query.text):
            return []
        topic = [(alts, w) for alts, w in self._concepts(query) if not alts & _INDICATOR_WORDS]
        listing = [i for i, p in enumerate(passages[:self.sentence_passages]) if p.chunk.fields.get("indikatorer")]
        if not listing or not topic:
            return []
        fields = lambda i: passages[i].chunk.fields  # noqa: E731
        support = {i: self._support(topic, f"{fields(i)['mål']} {' '.join(fields(i)['indikatorer'])}") for i in listing}
        best = max(listing, key=lambda i: (support[i], -i))
        if support[best] < TOPIC_SUPPORT:
            return []
        return [(name.rstrip("."), best) for name in fields(best)["indikatorer"]]

    def _items_labelled_with_status(self, query: Query, passages: list[Passage],
                                    sentences: list[_Sentence]) -> list[tuple[str, int]]:
        """'Vilka delaktiviteter är pågående inom uppdraget …?': the report follows the uppdrag up item by
        item, each labelled with how far it has come ('o Pågående: Kartläggning …'); the items of the
        asked status in the passage most about the question's topic are the answer."""
        by_passage: dict[int, list[str]] = {}
        for s in sentences:
            # (A sub-bullet 'o' the extraction ran into the sentence above is an item of its own.)
            for piece in _SUB_BULLET.split(s.text):
                m = _STATUS_LABEL.match(piece)
                if m and has_status_level(m.group(1), query.status_filter) \
                        and piece not in by_passage.get(s.passage, []):
                    by_passage.setdefault(s.passage, []).append(piece)
        topic = [(alts, w) for alts, w in self._concepts(query) if not alts & _LIST_FRAME]
        if not by_passage or not topic:
            return []
        support = {i: self._support(topic, f"{passages[i].chunk.section} {passages[i].chunk.text}") for i in by_passage}
        best = max(support, key=lambda i: (support[i], -i))
        if support[best] < TOPIC_SUPPORT:
            return []
        return [(_STATUS_LABEL_MARK.sub("", text), best) for text in by_passage[best]]

    @staticmethod
    def _sub_items(query: Query, passages: list[Passage], first: _Sentence) -> list[tuple[str, int]]:
        """'Vilka mål ingår i uppdraget …?': the row that matches best follows up its sub-goals in its
        comment ('Mål: …', then how it went); each sub-goal's heading sentence is an item."""
        row = passages[first.passage]
        if row.chunk.kind != "uppdrag" or not (_ASKS_GOALS.search(query.text) or _ASKS_TASKS.search(query.text)):
            return []
        items = [c for c in split_sentences(str(row.chunk.fields.get("kommentar", ""))) if _SUB_ITEM.match(c)]
        return [(item, first.passage) for item in items] if len(items) >= 2 else []

    def _controls_asked(self, query: Query, passages: list[Passage]) -> list[tuple[str, int]]:
        """'Vilka kontrollområden har högst riskvärde?', '… riskvärde 9?', 'Vilka kontroller görs med
        stickprov?': of the internal-control table the best passage belongs to, every control (the table
        is read whole, not as far as the search reached) with that risk value, or whose row names what
        is asked besides control; one line each, with its risk value and method. The table's rows are
        appended to `passages`, so that they can be cited."""
        first = next((p for p in passages if p.chunk.kind == "control"), None)
        if first is None or not _ASKS_CONTROL.search(query.text):
            return []
        header = first.chunk.fields.get("header")
        rows = self._rows_where(passages, lambda f: f.get("header") == header, kind="control")
        risk = {i: int(passages[i].chunk.fields["riskvärde"]) for i in rows}
        asked = _ASKED_RISK.search(query.text)
        if asked and asked.group(1):
            extreme = (max if asked.group(1).casefold().startswith(("hög", "stör")) else min)(risk.values())
            rows = [i for i in rows if risk[i] == extreme]
        elif asked:
            value, above = int(asked.group(3)), bool(asked.group(2))
            rows = [i for i in rows if (risk[i] >= value if above else risk[i] == value)]
        else:
            # What the question names besides control itself ('stickprov'): the rows that name it, also
            # as the first part of a compound ('Stickprovskontroll'). (A unit's abbreviation names none.)
            wanted = [{a for a in alts if len(a) >= 4} for alts, _ in self._concepts(query) if not alts & _CONTROL_TOKENS]
            wanted = [alts for alts in wanted if alts]
            names = lambda i: all(any(t.startswith(a) for a in alts for t in _token_set(passages[i].chunk.text))  # noqa: E731
                                  for alts in wanted)
            named = [i for i in rows if names(i)]
            rows = named if wanted and named else rows
        return [(f"{_shorten(passages[i].chunk.fields['kontroll'], 160)} – riskvärde {risk[i]} "
                 f"(S={passages[i].chunk.fields['sannolikhet']}, K={passages[i].chunk.fields['konsekvens']}); "
                 f"metod: {_shorten(passages[i].chunk.fields['metod'], 120)}", i) for i in rows]

    @staticmethod
    def _listed_rows(passages: list[Passage], rows: list[int]) -> list[tuple[str, int]]:
        """One line per row: code, what it is about, and its status (a plan's row: its unit and tidplan)."""
        # A few rows get their whole goal (its last words are often the subject: '… civil beredskap').
        # (however many rows: every one is shown, each shortened to its share of the list)
        room = max(60, min(240, (LIST_CHARS - 100) // len(rows) - 40))
        parts = []
        for i in rows:
            f = passages[i].chunk.fields
            what = _shorten(re.sub(r"^\(?[A-ZÅÄÖ]{0,4}\s?\d{1,3}\)?\s*", "", f.get("uppdrag", "")), room)
            state = f.get("status") or ", ".join(f"{k}: {f[k]}" for k in ("ansvarig", "tidplan") if f.get(k))
            parts.append((f"{f.get('code') or ''} {what} – {state}".strip(), i))
        return parts

    def _about_asked_topic(self, query: Query, passages: list[Passage], rows: list[int]) -> list[int]:
        """'Vilka aktiviteter inom inriktningen Trygghet säkerhet har status Planenligt?': of the rows with
        the status, those about what else the question names — when some rows clearly are."""
        topic = [(alts, w) for alts, w in self._concepts(query) if not alts & _LIST_FRAME]
        if not topic or not rows or query.codes:  # a code already names the rows
            return rows
        support = {i: self._support(topic, f"{passages[i].chunk.section} {passages[i].chunk.text}") for i in rows}
        best = max(support.values())
        if best < TOPIC_SUPPORT:
            return rows
        return [i for i in rows if support[i] >= TOPIC_SHARE * best]

    def _section_asked_for(self, query, passages, sentences) -> list[tuple[str, int]]:
        """'Vilka aktiviteter redovisas under <a section's heading>?': the items are that section's
        lines, in the report's order, whatever their own words."""
        concepts = self._concepts(query)
        headed = [(self._support(concepts, p.chunk.section), i) for i, p in enumerate(passages)
                  if p.chunk.section and p.chunk.section != p.meta.title]
        if not headed:
            return []
        support, top = max(headed)
        if support < SECTION_SUPPORT:
            return []
        doc, heading = passages[top].chunk.doc_id, passages[top].chunk.section
        members = sorted((i for i, p in enumerate(passages) if p.chunk.doc_id == doc and p.chunk.section == heading),
                         key=lambda i: self.position.get(passages[i].chunk.id, 0))
        parts, seen = [], set()
        for i in members:
            for s in (s for s in sentences if s.passage == i):
                if s.text not in seen and is_substantive(s.text) and not is_chart_axis(s.text) \
                        and not is_page_furniture(s.text):
                    seen.add(s.text)
                    parts.append((s.text, i))
        return parts[:LIST_ITEMS]

    def _year_note(self, meta: DocumentMeta, query: Query) -> str:
        """With no year asked, say whether the answer comes from the latest report of its organisation
        and unit, or from an older one although later reports exist."""
        if query.years or query.kinds or query.intent == "compare" or not meta.year or meta.kind in PLAN_KINDS:
            return ""  # a year or a report asked for, or a plan (which covers years ahead)
        years = {m.year for m in self.index.metas.values() if m.year and m.kind not in PLAN_KINDS
                 and (m.organisation, m.unit) == (meta.organisation, meta.unit)}
        if len(years) < 2:
            return ""
        if meta.year >= max(years):
            return ", den senaste rapporten (frågan anger inget år)"
        return f" (frågan anger inget år; det finns rapporter från {', '.join(str(y) for y in sorted(years) if y > meta.year)})"

    def render(self, query: Query, passages: list[Passage], parts: list[tuple[str, int]],
               force_lines: bool = False) -> Answer:
        # A list, a comparison, or an answer that quotes a bulleted list: one line per item.
        as_lines = force_lines or query.intent in ("list", "compare") or \
            sum(text.startswith(_BULLETS) for text, _ in parts) >= 3
        limit = LIST_CHARS if as_lines else MAX_CHARS
        # A bare heading the extraction left between sentences ('Kommentarer') says nothing on its own.
        # Nor does a report generator's page stamp ('http://…/duva0132.htm', 'Uppdaterad: 2021-01-29'), or a
        # page header's line that only names the report.
        parts = [(text, idx) for text, idx in parts if not _is_bare_heading(text) and not is_page_furniture(text)
                 and not _only_names_the_report(text, passages[idx].meta)] or parts
        # The same words found in two passages (a goal's name above its table and in it) are said once.
        said: set[str] = set()
        unique = []
        for text, idx in parts:
            words = " ".join(text.casefold().split())
            if words not in said:
                said.add(words)
                unique.append((text, idx))
        parts = unique
        numbering: dict[int, int] = {}
        lines, used = [], 0
        for text, idx in parts:
            n = numbering.get(idx, len(numbering) + 1)
            line = f"{text} [{n}]"
            if lines and used + len(line) > limit:
                break  # only what is shown is cited
            numbering[idx] = n
            lines.append(line)
            used += len(line)
        docs = list(dict.fromkeys(passages[i].chunk.doc_id for i in numbering))
        if len(docs) == 1:
            m = passages[next(iter(numbering))].meta
            intro = f"Enligt {m.label()}{self._year_note(m, query)}:"
        else:
            intro = "Enligt " + "; ".join(dict.fromkeys(passages[i].meta.label() for i in numbering)) + ":"
        sep = "\n" if as_lines else " "
        citations = [Citation(n=n, doc_id=passages[i].chunk.doc_id, title=passages[i].meta.title,
                              year=passages[i].meta.year, page=passages[i].chunk.page, section=passages[i].chunk.section,
                              text=passages[i].chunk.text, score=passages[i].score,
                              lines=list(passages[i].chunk.lines) if passages[i].chunk.lines else None,
                              organisation=passages[i].meta.organisation)
                     for i, n in numbering.items()]
        return Answer(question=query.text, text=intro + "".join(sep + l for l in lines), citations=citations,
                      abstained=False, mode="extractive")
