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
    "Inga data",  # follow-up systems write it where a goal has no assessment yet
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

# How far a row has come, whatever the table's own words: a list question asks by this.
STATUS_LEVELS = {
    "klart": ("genomfört", "uppnått"),
    "delvis": ("delvis genomfört", "delvis uppnått"),
    "ej påbörjat": ("ej påbörjat",),
    "ej klart": ("delvis genomfört", "delvis uppnått", "ej genomfört", "ej påbörjat", "ej uppnått", "planenligt",
                 "pågående", "pågår", "påbörjat", "påbörjad", "försenat"),
    "planenligt": ("planenligt", "pågående", "pågår"),
    "försenat": ("försenat",),
    "inga data": ("inga data",),  # no assessment yet
}


def has_status_level(phrase: str, level: str) -> bool:
    """'Mål kommer delvis uppfyllas' has level 'delvis'; 'Planenligt' has 'ej klart' and 'planenligt'."""
    return canonical_status(phrase) in STATUS_LEVELS.get(level, ())


# Codes of uppdrag and aktiviteter: 'RF8', '(RF8)', '(13)', 'RS 4'. A bare number needs parentheses.
CODE_AT_LINE_START = re.compile(
    r"^\s*(?:\((?P<p>[A-ZÅÄÖ]{1,4}\s?\d{1,3}[a-z]?|\d{1,3})\)|(?P<b>[A-ZÅÄÖ]{1,4}\d{1,3}[a-z]?))(?=\s+[^\d\s])")
# Numbers as Swedish reports write them: '+40,2 mkr', '1 037 miljoner', '3,8%', '-5,1 procent'.
NUMBER_RE = re.compile(
    r"(?<![\w,])[+\-−–]?\s?\d{1,3}(?:[\u00a0 ]\d{3})*(?:,\d+)?(?:\s?(?:%|procent|procentenheter|mnkr|mkr|"
    r"tkr|kr|kronor|miljoner(?:\s+kronor)?|miljarder(?:\s+kronor)?|mdkr|timmar|st|dagar|årsarbetare|GWh))?"
    r"(?![\w])")

# A count written out ('tre nya vårdcentraler', 'från två till ett tillfälle'); 'en'/'ett' are mostly
# articles, so they are left out.
NUMBER_WORD_RE = re.compile(r"\b(?:två|tre|fyra|fem|sex|sju|åtta|nio|tio|elva|tolv|tretton|fjorton|femton|tjugo|"
                            r"trettio|hundra)\b", re.I)

# A sum of money as a question or a report writes it, and what its unit multiplies by: '0,3 mnkr',
# '70 000 kr', '15,9 miljoner', '250 miljoner kronor'.
_MONEY = re.compile(r"(?<![\w,])([+\-−–]?\d{1,3}(?:[\u00a0 ]\d{3})+(?:,\d+)?|[+\-−–]?\d+(?:,\d+)?)\s?"
                    r"(kr|kronor|tkr|tusen(?:\s+kronor)?|tusentals\s+kronor|mnkr|mkr|miljon(?:er)?(?:\s+kronor)?|"
                    r"mdkr|miljard(?:er)?(?:\s+kronor)?)(?!\w)", re.I)
_MONEY_SCALE = {"kr": 1.0, "kro": 1.0, "tkr": 1e3, "tus": 1e3, "mnk": 1e6, "mkr": 1e6, "mil": 1e6, "mdk": 1e9}


def money_scale(unit: str) -> float:
    """Kronor per unit: 'mnkr' and 'miljoner kronor' 1e6, 'tkr' 1e3, 'miljarder' 1e9."""
    unit = unit.casefold()
    return 1e9 if unit.startswith("miljard") else _MONEY_SCALE.get(unit[:3], 1.0)


def sums_of_money(text: str) -> list[float]:
    """The sums of money a text names, in kronor ('minskar med 0,3 mnkr' -> [300000.0])."""
    return [abs(parse_number(m.group(1))) * money_scale(m.group(2)) for m in _MONEY.finditer(text)]


def normalise(text: str) -> str:
    """Casefold and collapse whitespace: the comparison the evaluation contract prescribes."""
    return re.sub(r"\s+", " ", text.casefold()).strip()


def ascii_fold(text: str) -> str:
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()


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


# 'jobbar', 'arbetade': the verb staff use for the people working ('Hur många jobbar på …').
WORKING = r"(?:jobb|arbet)(?:ar|ade)"

# How staff say it -> how reports say it. Appended to the question for the lexical channel and the
# answer's word matching; a small, general list for Swedish public-sector finance and HR.
QUERY_SYNONYMS: tuple[tuple[str, str], ...] = (
    (r"\bgick (?:\w+ )?(?:med )?plus\b|\bgått plus\b|\bplus\b|\böverskott|\bvinst|\bblev över\b|\bblev kvar\b",
     "positivt resultat överskott"),
    (r"\bgick (?:\w+ )?back\b|\bgått back\b|\bminus\b|\bunderskott|\bförlust", "negativt resultat underskott"),
    (r"\bsjuktal|\bsjukskriv|\bsjuk(?:a|dom)\b|frånvaro på grund av sjukdom", "sjukfrånvaro"),
    (r"\bheltidstjänst|\bheltider\b|(?<!-)\btjänster\b", "årsarbetare"),
    (r"\bhur (?:ligger|går) (?:\w+ ){0,9}?(?:till|det)\b|\bläget\b|\bhur långt", "status"),
    (r"\bpengar\b|\bkosta", "kronor mnkr kostnader medel"),
    (r"\b(?:att )?röra sig med\b|\batt spendera\b", "ram budget"),
    (r"\bhyrpersonal|\bhyrfolk|\binhyr|\bbemanningsföretag", "inhyrd inhyrda"),  # not "personal": any staff
    (r"\bbudgetavvikelse|\bmot budget|\bavvek", "avvikelse budget"),
    # Whether the organisation held its budget is its result against it ('Höll vi budgeten?', 'Hur gick
    # det med budgeten?'); 'höll det budgeten' of one item asks that item's deviation only.
    (r"\b(?:höll|håller|hålla|hållit|klarade|klarar|klara|klarat) (?:vi|man|ni|\w+(?:kontoret|styrelsen|nämnden|"
     r"förvaltningen|regionen))(?: \w+)? budget(?:en)?\b|\b(?:gick|går|gått) det med budget(?:en)?\b",
     "resultat jämfört med budget budgetavvikelse"),
    (r"\bbättre än (?:budget|planerat|beräknat|väntat)", "positiv avvikelse budget överskott"),
    (r"\bsämre än (?:budget|planerat|beräknat|väntat)", "negativ avvikelse budget underskott"),
    (r"\blöner\b|\blönekostnad", "personalkostnader"),
    (r"\bhålla (?:igen|nere)\b|\bhåller (?:igen|nere)\b|\bsnåla", "restriktivitet kostnadsrestriktivitet dämpad"),
    (r"\bchefer(?:na)?\b", "ledare chef"),
    (r"\bpersonal(?:en)?\b|\banställda\b|\bmedarbetarna\b", "medarbetare"),
    (r"\bvåld(?:s|et)?\w*", "våld i nära relationer"),
    (r"\bprognos\w*|\bhelår|\blandar (?:\w+ )?på\b|\bvid årets slut", "prognos helår prognosticerar"),
    (r"\binvester\w*", "investeringar investeringsutgifter"),
    (r"\bengagemang|\bHME\b", "hållbart medarbetarengagemang HME"),
    # ('Jobbar vi med …', 'jobbar regionen med att …' asks what is being done, not the hours worked)
    # ('Hur många jobbar på …' counts people, not the hours they worked)
    (rf"\bhur många (?:som )?{WORKING}\b", "årsarbetare"),
    (r"(?<!många )(?<!många som )\bjobb(?:a|ar|ade|at)\b(?! (?:\w+ )?med\b)(?!(?: \w+){0,6} med att\b)",
     "arbetad arbetat arbetstid"),
    # Working from home is 'distansarbete' in the reports.
    (r"\bhem(?:ma)?jobb\w*|\bhemarbete\w*|\bhemifrån\b|\bjobb(?:a|ar|ade|at) hemma\b", "distansarbete distans"),
    # How much time was worked is 'arbetad tid' in the reports ('på arbetstid' says when, not how much).
    (r"(?<!på )(?<!under )\barbetstid\w*", "arbetad tid arbetade tiden"),
    (r"\bcorona\w*|\bcovid\w*|\bpandemi\w*", "pandemin covid-19 coronasituationen"),
    (r"\bmånadsvis\b|\bvarje månad\b", "per månad 1/12"),
    (r"\bhur stor del\b|\bhur stora delar\b|\bhur stor procent\b", "andel"),
    (r"\bpersonalomsättning", "personalrörlighet"),
    # Leaving of one's own accord is 'egen begäran' in staff statistics.
    (r"\b(?:sa|säger|sade|säga) upp sig\b|\b(?:valde|väljer|valt) att sluta\b|\bslutade själv", "egen begäran"),
    (r"\bspar(?:krav|beting|paket)|\bspara\b|\bsparade\b", "besparing besparingar effektivisering"),
    (r"\bkundnöjd|\bnöjda kunder|\bkunder(?:na)?\b", "kundenkät nöjd"),
    (r"\bstått still\b|\bstår still\b|\bligger still\b", "oförändrad uppräkning räknats upp"),
    (r"\w*jour(?:en|er|erna)?\b", "beredskap beredskapsorganisationen"),
    (r"\btimanställ\w*", "timavlönade"),
    (r"\bforsk(?:a|ar|ade|at)\b", "vetenskapligt arbete forskning"),
    (r"\b(?:forsknings|vetenskapliga )?artiklar(?:na)?\b|\bforskningsartik\w*", "vetenskapliga publikationer"),
    (r"\bs(?:älj(?:a|er|s)?|ålde|ålt|åld|ålts)\b|\bdr(?:og|a|ar|agit) (?:\w+ ){0,2}?in\b",
     "försäljning intäkter"),
    (r"\brehab(?!ilitering)", "rehabilitering rehabiliteringsärenden"),
    # 'RS' is how staff write the regional board ('RS 1', 'RS1' are codes of its assignments).
    (r"\bRS\b(?!\s?\d)", "regionstyrelsen"),
    # A board takes up (behandlar) a report or a matter.
    (r"\b(?:ta|tar|tog|tagit|togs) upp\b", "behandlas behandlades"),
    (r"\bgick ner\b|\bgått ner\b|\bsjönk|\bminskade\b|\bnedåt\b", "minskat lägre"),
    (r"\bgick upp\b|\bgått upp\b|\bsteg\b|\bökade\b|\buppåt\b|\bdr(?:og|agit) iväg\b|\bskenat?\b", "ökat högre"),
)


def synonym_groups(text: str) -> list[str]:
    """The report phrasings of everyday words found in the question, one string per concept."""
    return [words for pattern, words in QUERY_SYNONYMS if re.search(pattern, text, re.I)]


def synonym_matches(text: str) -> list[tuple[str, str]]:
    """Per concept: the question's own word for it ('sjukskrivningarna') and the report phrasings.
    A phrase of more than two words ('hur ligger vi till') is frame, not a word for the concept ('')."""
    out = []
    for pattern, words in QUERY_SYNONYMS:
        m = re.search(pattern, text, re.I)
        if m:
            start = len(re.match(r".*?(\w*)$", text[:m.start()], re.S).group(1))
            end = len(re.match(r"\w*", text[m.end():]).group(0))
            own = text[m.start() - start:m.end() + end]
            out.append(("" if len(own.split()) > 2 else own, words))
    return out


def expand_query(text: str) -> str:
    extra = synonym_groups(text)
    return text + (" " + " ".join(extra) if extra else "")
