"""List answers enumerated from parsed table rows: by status, sign, budget deviation, responsible unit,
deadline, goal; indicators by outcome; a section's items.
"""
from __future__ import annotations

import re

from ..catalog import PLAN_KINDS
from ..models import Chunk, Passage, Query
from ..sentences import is_chart_axis, is_page_furniture, is_substantive, split_sentences
from ..swedish import STATUS_PHRASES, STATUS_SYNONYMS, has_status_level
from ..tables import Cell, table_rows
from ..tokenize import tokenize
from .patterns import (LIST_CHARS, LIST_ITEMS, _ASKS_CONTROL, _BULLETS, _GIVES_EXAMPLES, _SUB_ITEM, _has_asked_code,
                       _shorten, _token_set, is_assignment)
from .scoring import _Sentence


SECTION_SUPPORT = 0.75  # a list question this close to a section's heading asks for that section's lines
NEAR_BEST = 0.9  # a sentence that brings a list's items leads a list answer when it scores this share of the best
TOPIC_SUPPORT, TOPIC_SHARE = 0.5, 0.8  # a status list narrows to the rows about the question's topic
# 'högst riskvärde', 'riskvärde 9', 'riskvärde över 8'
_ASKED_RISK = re.compile(r"\b(högst|högsta|störst|största|lägst|lägsta)\w*\s+(?:\w+\s+)?risk|"
                         r"\brisk\w*\s+(?:på\s+)?(över|minst|från)?\s*(\d{1,2})\b", re.I)
# What asks about control itself, not about what a control examines
_CONTROL_TOKENS = frozenset(tokenize("kontroll kontroller kontrollområde internkontroll intern granskning "
                                     "granskningsområde risk riskvärde"))
# An item labelled with how far it has come: 'o Pågående: Kartläggningsarbete …', '- Klart: …'.
_STATUS_LABEL = re.compile(r"^(?:[o•➢*\-–]\s+)?([A-ZÅÄÖ][a-zåäö]+(?: [a-zåäö]+)?):\s+\S")
_SUB_BULLET = re.compile(r"\s(?=o\s+[A-ZÅÄÖ][a-zåäö]+(?: [a-zåäö]+)?:\s)")  # where such an item starts
_STATUS_LABEL_MARK = re.compile(r"^[o•➢*\-–]\s+")  # its bullet, not quoted


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


def _as_number(value: str) -> float | None:
    m = re.fullmatch(r"([+\-−–]?)\s*(\d[\d ]*(?:,\d+)?)\s*%?", value.strip())
    if not m:
        return None
    number = float(m.group(2).replace(" ", "").replace(",", "."))
    return -number if m.group(1) in ("-", "−", "–") else number


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


class ListReading:
    """Part of ExtractiveAnswerer (see compose.py); its methods use the answerer's state and each other's."""

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
        # (What the rows are and how they went, 'kostnader … över budget', names no table.)
        asked = set().union(*(alts for alts, _ in self._concepts(query))) \
            - _token_set(f"{noun.group(0)} {wanted.group(0)} budget avvikelse")
        # The table the question names by its title ('i den förenklade resultaträkningen'); then a table
        # with a deviation column (its figures unrounded) before one without; of those, the one the
        # search found, else the fullest.
        rows = max(tables.values(), key=lambda rs: (len(asked & _token_set(rs[0][0].title)),
                                                    any(c.casefold().startswith(("avv", "ack avv")) for c, _ in rs[0][0].same_year),
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
            # Asked for a list, a sentence that brings its items ('… nedanstående medel:' and bullets)
            # leads over one that scores a little higher alone.
            if len(self._with_list(self._fullest(first, sentences), sentences)) == 1:
                floor = max(NEAR_BEST * first.score, self.min_score)
                near = sorted((s for s in sentences if s.score >= floor and not s.text.startswith(_BULLETS)),
                              key=lambda s: -s.score)
                first = next((s for s in near if len(self._with_list(self._fullest(s, sentences), sentences)) > 2),
                             first)
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
                items = [x for x in self._what_follows(first, sentences) if is_assignment(x.text)]
            if items:
                at = next(k for k, (t, _) in enumerate(best) if t == first.text) + 1
                have = {t for t, _ in best}
                best[at:at] = [(x.text, x.passage) for x in items if x.text not in have]
            best = self._with_examples(best, sentences)
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

    def _with_examples(self, quoted: list[tuple[str, int]], sentences: list[_Sentence]) -> list[tuple[str, int]]:
        """A quoted sentence is followed by the one that gives its examples ('Centrum för HR har genomfört
        utvecklingsinsatser genom … digitalisering. / Som exempel på digitalisering kan nämnas …'):
        asked for a list, the examples are its items."""
        by_text = {s.text: s for s in sentences}
        have = {t for t, _ in quoted}
        out = []
        for text, idx in quoted:
            out.append((text, idx))
            s = by_text.get(text)
            after = self._what_follows(s, sentences)[:1] if s else []
            if after and _GIVES_EXAMPLES.match(after[0].text) and after[0].text not in have:
                out.append((after[0].text, after[0].passage))
                have.add(after[0].text)
        return out

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
        def labelled(texts: list[str]) -> list[str]:
            # (A sub-bullet 'o' the extraction ran into the sentence above is an item of its own.)
            return [piece for text in texts for piece in _SUB_BULLET.split(text)
                    for m in [_STATUS_LABEL.match(piece)] if m and has_status_level(m.group(1), query.status_filter)]

        by_passage: dict[int, list[str]] = {}
        for s in sentences:
            for piece in labelled([s.text]):
                if piece not in by_passage.get(s.passage, []):
                    by_passage.setdefault(s.passage, []).append(piece)
        topic = [(alts, w) for alts, w in self._concepts(query) if not alts & _LIST_FRAME]
        if not by_passage or not topic:
            return []
        support = {i: self._support(topic, f"{passages[i].chunk.section} {passages[i].chunk.text}") for i in by_passage}
        best = max(support, key=lambda i: (support[i], -i))
        if support[best] < TOPIC_SUPPORT:
            return []
        items = [(_STATUS_LABEL_MARK.sub("", text), best) for text in by_passage[best]]
        # The follow-up may go on in the document's next window (prose windows end where they end).
        later = self._next_window(passages, best, same_section=True)
        quoted = {text for text, _ in items}
        for text in labelled([t for t, _ in later]):
            text = _STATUS_LABEL_MARK.sub("", text)
            if text not in quoted:
                items.append((text, later[0][1]))
                quoted.add(text)
        return items

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
