"""What the answer's parts share: how questions and report sentences are read (regular
expressions, weights and small predicates over one sentence).
"""
from __future__ import annotations

import re
from collections.abc import Collection
from functools import lru_cache

from ..catalog import KINDS_NAMED_AS_FIGURES, REPORT_KINDS
from ..models import DocumentMeta, Passage, Query
from ..tokenize import tokenize


MAX_CHARS = 700
LIST_ITEMS = 10  # lines quoted for a list
LIST_CHARS = 1400  # a list may run longer than a prose answer
MAX_TABLE_YEARS = 4  # a row read across this many year columns at most (a results table's 'Bokslut 2020–2023')
COMPOUND_PART = 5  # letters of a stem at least, to be looked for inside compounds
_ASKS_CONTROL = re.compile(r"kontroll|granskning|risk|stickprov", re.I)
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
                      "två tre fyra fem sex sju åtta nio tio "  # how many are asked for ('Vilka tre poster …')
                      "före alltså dvs "  # ('året före årsrapporten': 'före' stems to the preposition 'för')
                      # A why-question's own words: the reasons are asked, the sentence need not say 'beror'.
                      "beror berodde bero orsaken orsakerna anledningen anledningarna förklaringen bakom "
                      # How a question is put ('När skulle …', 'Hur beskrivs …', 'Vilket resultat siktar man
                      # på …'): words a report rarely writes, so they would weigh as its rarest concepts.
                      "när skulle beskrivs beskriver beskrevs siktar sikta "
                      # 'Vad hände med maskinerna?', 'vad stod i planen', 'vad skriver X om': the subject is asked.
                      "hände hänt stod skriver skrev skrivs "
                      # Where to look and what stood in the way: 'i tabellen', 'trots pandemin' ('tabellen'
                      # is never in a table's rows; 'trots' is a condition, not the subject asked about).
                      "tabell tabellen trots"))
# Report kinds name a report (a filter), not the subject of a sentence; 'budgeten' in a question is
# the figure planned ('Hur gick det med budgeten?'), as query analysis reads it too.
_FRAME |= set(tokenize(" ".join(k for k in REPORT_KINDS if k not in KINDS_NAMED_AS_FIGURES)))
# The examples of what the sentence before said: 'Som exempel på digitalisering kan nämnas …'.
_EXAMPLES = r"som exempel|exempel på detta|exempelvis|till exempel"
_GIVES_EXAMPLES = re.compile(rf"^(?:{_EXAMPLES})\b", re.I)
# A sentence that points back to the one before it for its cause ('Det medför att …').
_ANAPHORIC = re.compile(r"^(av denna anledning|därför|därmed|detta|det (beror|medför|innebär|har medfört|leder|gör)|"
                        r"orsaken|vilket|"
                        rf"{_EXAMPLES}|"
                        # how the work just described stands: 'Arbetet fortsätter 2021.', 'Arbetet pågår.'
                        r"(arbetet|uppdraget|projektet|insatsen|aktiviteten) (fortsätter|pågår|är (klart|avslutat|"
                        r"genomfört|pausat)|har (påbörjats|avslutats|genomförts|slutförts|pausats)))\b", re.I)
_SUB_ITEM = re.compile(r"^(?:Mål|Delmål|Aktivitet|Delaktivitet|Åtgärd)\s*\d*\s*:", re.I)  # a comment's sub-items
_BULLETS = ("•", "➢", "-", "–", "a)", "b)", "c)")


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


# A bare figure as table cells print it ('-3,9', '32'); checks._FIGURE is a figure that answers.
_CELL_NUMBER = re.compile(r"(?<![\w,])[+\-−–]?\d[\d,]*(?![\w,])")


@lru_cache(maxsize=50_000)
def _is_row_run(text: str) -> bool:
    """Table rows run together into one 'sentence': many figures and no sentence end."""
    return not text.rstrip().endswith((".", "!", "?")) and \
        len(_CELL_NUMBER.findall(text)) >= 6


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


def _has_asked_code(p: Passage, query: Query) -> bool:
    """The row carries a code the question names ('rf 8' ~ 'RF8'), or the question names none."""
    codes = {c.upper().replace(" ", "") for c in query.codes}
    return not codes or str(p.chunk.fields.get("code", "")).upper() in codes


# A question about how much something grew or fell ('Hur mycket ökade övertiden?', 'färre timmar').
# 'Hur många …' asks a count ('hur många procent' a share).
ASKS_COUNT = re.compile(r"\bhur många\b(?!\s+procent)", re.I)
_ASKS_CHANGE = re.compile(r"\bök(?:a|ade|at|ning)|\bminsk(?:a|ade|at|ning)|\b(?:för)?ändr|\bfärre\b|\bfler\b|"
                          r"\bmer än\b|\bmindre än\b|\bgick (?:upp|ner)\b", re.I)


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
