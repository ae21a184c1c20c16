"""Near misses: the topic is there but not what was asked (the month, the subset, what a count counts,
the figure's subject). An answer that fails one of these checks abstains.
"""
from __future__ import annotations

import re

from ..models import Passage, Query
from ..sentences import is_substantive
from ..swedish import NUMBER_RE, NUMBER_WORD_RE, WORKING
from ..tables import amount_lines
from ..tokenize import tokenize
from .patterns import _ASKS_CHANGE, _FRAME, ASKS_COUNT, _in_compound, _token_set, is_numeric_question


# An amount: with a currency unit, or a decimal figure as in a table of mnkr (not a bare year or date).
_MONEY = re.compile(r"\d[\d\s]*(?:,\d+)?\s*(?:mnkr|mkr|tkr|kr|kronor|miljoner|miljarder|msek)\b|"
                    r"(?<![\d-])[+\-−]?\d{1,3},\d{1,2}(?![\d-])"
                    # ('1,0 årsarbetare' is staff, '3,5 %' a share: neither an amount)
                    r"(?!\s*(?:%|procent|årsarbet|tjänst|timm|dagar|personer|anställda|medarbetare))", re.I)
_MONTHS = r"januari|februari|mars|april|maj|juni|juli|augusti|september|oktober|november|december"
# A figure ('245', '3,2', '12 500') and one that counts (no money or percent unit).
_FIGURE = re.compile(r"(?<![\wÅÄÖåäö,.§])(?<![\wÅÄÖåäö]-)(?<!§ )(?!(?:19|20)\d\d(?!\d|,\d))(?>\d[\d\s]*(?:,\d+)?)"
                     rf"(?!\.\d|\s*(?:{_MONTHS})\b)", re.I)  # not a year, date, section or paragraph ('§304') number or 'covid-19'
_NOT_MONEY = r"(?!\s*(?:%|procent|mnkr|mkr|tkr|kr\b|kronor|miljoner|miljarder))"
# (A count is also written out: 'tre nya tjänster'.)
_COUNT = re.compile(_FIGURE.pattern + r"(?!\d)" + _NOT_MONEY + "|" + NUMBER_WORD_RE.pattern + _NOT_MONEY, re.I)
# A figure's unit of time or measure: what it counts, when that is not what the question counts.
_MEASURE_UNIT = re.compile(r"(?:\s*[-–]\s*\d[\d ]*)?\s*(timm(?:e|ar)|dagar|dygn|veckor|månader|år\b|procentenheter|kvadratmeter|kvm|ton\b|"
                           r"[gmk]wh\b|km\b|mil\b)", re.I)
_TO_COUNTED_WORD = re.compile(r"\s+(?:\w+\s+)?")  # from a count written out to its noun ('tre nya vårdcentraler')
_TO_OUTCOME_CELL = re.compile(r"[^.!?\n]{0,300}? – [^.!?\n]{0,120}?\bUtfall 20\d\d: $")
# (what the question asks for, what an answer must then hold, in the quoted answer or in its passages)
_ASKED_DETAILS = (
    (re.compile(r"\bhur (?:mycket|stor|stort|stora|hög|högt|höga|låg|lågt)\b", re.I), _FIGURE, "answer"),
    (ASKS_COUNT, _COUNT, "answer"),
    # 'Vad gick konsulten på för pengar?' asks what it cost.
    (re.compile(r"\bvad (?:kostade|kostar|kostnaden)\b|\bhur mycket (?:kostade|kostar)\b|\bför pengar\b", re.I),
     _MONEY, "answer"),
    (re.compile(r"\bhur (?:stor|hög) (?:andel|procent)\b|\bhur många procent\b", re.I),
     re.compile(r"%|\bprocent", re.I), "answer"),
    # 'Vilket hälsotal …', 'Vilket HME-värde …', 'Vilket utfall …', 'Vilken avkastning …', 'Vilken
    # avskrivningstid …': a value, so a figure. (A bare 'under vilken tid' asks a period; 'vilken framtid'
    # asks no time at all.)
    (re.compile(r"\bvilke[nt]\s+(?:[\w-]*?(?:tal|talet|värde|värdet|belopp|index|utfall|summa|andel|avkastning|"
                r"avkastningen|ränta|räntan|takt|takten)|(?!(?:fram|sam)tid)[\w-]+?tid(?:en)?)\b", re.I),
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
                           # (A share is checked as a share; 'Med hur många minskade antalet …' asks a change,
                           # and what it counts comes later.)
                           r"(?!procent|(?:ökade|minskade|ökat|minskat|steg|sjönk|föll)\b)([A-Za-zÅÄÖåäö-]{4,})",
                           re.I)
# 'Hur många jobbar …' counts the people working: the reports count them as these.
_WORKING = re.compile(rf"^{WORKING}$", re.I)
_PEOPLE_COUNTED = "(?:årsarbet|anställd|medarbet)"


_CENTRE = re.compile(r"\b[Cc]ent(?:rum|er) för ([a-zåäö][\wåäö-]+)")
_PROPER = re.compile(r"(?<=[a-zåäö,–-] )([A-ZÅÄÖ][a-zåäö]+[\wåäöÅÄÖ-]*)")


def _named_parts(question: str) -> list[str]:
    """Names of parts of an organisation the question asks about: 'Centrum för kommunikation' (its
    last word is the name), and capitalised words inside the sentence ('Regionhälsan', 'Hälsolyften')."""
    names = [m.group(1) for m in _CENTRE.finditer(question)]
    rest = _CENTRE.sub(" ", question)
    return names + [w for w in _PROPER.findall(rest) if not re.fullmatch(r"Q\d|[A-ZÅÄÖ]{1,4}\d+", w)]


# A figure of a change: 'ökat med 10 personer', 'Ökade kostnader med 0,8 mnkr', 'minskat motsvarande 7 årsarbetare'.
_CHANGE_FIGURE = re.compile(r"\b(?:ök|minsk)\w*\s+(?:\w+\s+)?(?:med|motsvarande)\s+(?:cirka\s+|ca\s+)?"
                            r"[+\-−–]?\d[\d ]*(?:,\d+)?", re.I)


def _asks_change(question: str) -> bool:
    """'Hur mycket ökade …', 'hur många nya …': a change is the answer asked for."""
    return bool(_ASKS_CHANGE.search(question) or re.search(r"\b(?:nya|ytterligare)\b", question, re.I))


# A word this long is the question's specific term ('stickskador', 'konsultkostnaderna'), one a figure
# must be about; shorter ones are too often frame ('regionkontoret' is long but an organisation's name).
SPECIFIC_WORD = 11


class AnswerChecks:
    """Part of ExtractiveAnswerer (see compose.py); its methods use the answerer's state and each other's."""

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

    def _lacks_asked_detail(self, query: Query, passages: list[Passage], parts: list[tuple[str, int]]) -> bool:
        """A near miss: the topic is there but not what was asked of it — a cost without any amount,
        a share without any percentage, a figure for women or men where the passages give none by sex.
        The detail must stand in a quoted sentence that is about the question, not in a neighbour."""
        concepts = self._concepts(query)
        support = [self._support(concepts, text) for text, _ in parts]
        about = {i for (_, i), x in zip(parts, support) if x > 0 and x >= 0.5 * max(support)}
        # (A row's loose cell quoted after its name, '11,4?', is about what the name is about.)
        quoted = " ".join(text for (text, i), x in zip(parts, support)
                          if x > 0 and x >= 0.5 * max(support) or i in about and not is_substantive(text)) or \
            " ".join(text for text, _ in parts)
        cited = " ".join(passages[i].chunk.text for _, i in parts)
        # The figure asked stands where the question's weightiest word does, where any quoted part has
        # that word: 'Vad kostade inhyrd personal?' is not answered by another line's amount.
        # (A row's loose cell, quoted after its name, stands where the name does.)
        weightiest = [max(concepts, key=lambda c: c[1])] if concepts else []
        names = [self._support(weightiest, text) > 0 for text, _ in parts]
        at = {i for (_, i), named in zip(parts, names) if named}
        figures = " ".join(text for (text, i), named in zip(parts, names)
                           if named or i in at and not is_substantive(text)) or quoted
        # The asked code ('uppdrag 14', a row's label '14 (ansvarig …)') is no figure of the answer.
        for code in query.codes:
            quoted = re.sub(rf"\(?\b{re.escape(code)}\b\)?", " ", quoted)
            figures = re.sub(rf"\(?\b{re.escape(code)}\b\)?", " ", figures)
        # A figure of how much something grew ('Ökade kostnader med 0,8 mnkr') is no level of it.
        levels = figures if _asks_change(query.text) else _CHANGE_FIGURE.sub(" ", figures)
        for asks, has, where in _ASKED_DETAILS:
            if asks.search(query.text) and not has.search(levels if where == "answer" else cited):
                return True
        return self._counts_something_else(query, quoted) or self._misses_asked_subset(query, quoted) or \
            self._misses_asked_month(query, passages, parts, quoted) or \
            self._table_lacks_asked_year(query, passages, parts)

    def _table_lacks_asked_year(self, query: Query, passages: list[Passage], parts: list[tuple[str, int]]) -> bool:
        """Asked of one year, an answer led by rows of a table whose heading names its year columns and
        not that one ('Ramförändringar i miljoner kronor 2022 2023', asked of 2024): the table does not
        hold it."""
        if len(query.years) != 1 or query.intent in ("why", "list"):
            return False
        text, i = parts[0]
        # (The table's heading line may stand in the chunk before: a long table spans windows.)
        lead = text.lstrip("•▪-– ")
        rows = [r for r in amount_lines(self._table_text_of(passages[i].chunk)) if r.years and lead.startswith(r.label)]
        return bool(rows) and all(query.years[0] not in r.years for r in rows)

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
        part = self._content_stems(m.group(1))
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
        # som utvecklas till mer cirkulära – Mål 2025: Öka, Utfall 2025: 0'). A count written out counts
        # the word after it ('två grupper' are no chefer), or the one after an adjective ('tre nya …').
        return bool(mentions) and not any(
            (x.start() - window <= start and end <= x.end() + window
             or start > x.end() and _TO_OUTCOME_CELL.match(quoted[x.end():start]))
            and (quoted[start].isdigit() or _TO_COUNTED_WORD.fullmatch(quoted[end:x.start()]))
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
