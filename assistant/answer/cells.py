"""Figures read from table rows and goal tables: the cell of the asked row, year and column."""
from __future__ import annotations

import os
import re
from dataclasses import replace

from ..catalog import PLAN_KINDS
from ..models import Chunk, DocumentMeta, Passage, Query
from ..retrieve import asks_outcome
from ..sentences import is_substantive
from ..swedish import synonym_matches
from ..tables import Cell, is_table_heading_row, read_cells
from ..tokenize import tokenize
from .patterns import MAX_TABLE_YEARS, _ASKS_CHANGE, _FRAME, _token_set


TABLE_LABEL_SUPPORT = 0.6  # a table row's label must carry this share of the question's words
TABLE_CHUNKS = 2  # chunks before a table row's own that are read for its headings
TABLE_CHUNKS_AFTER = 2  # and after it, where an extraction put the heading line below the rows
TITLE_PENALTY = 0.05  # a row named only together with its table's title ranks below one named by itself
SUBROW_PENALTY = 0.02  # of rows that match equally, the total before the 'varav' parts
RICHER_ROW = 0.001  # per column of the asked year: only breaks ties between equally matching rows
# Words that say how a figure is given or how it moved, never which row of a table holds it
# ('Hur mycket har personalkostnaderna ökat i kronor' asks for the row 'Personalkostnader').
_VALUE_WORDS = frozenset(tokenize("kr kronor tusen miljon miljoner miljard miljarder mkr mnkr tkr mdkr procent procentenheter "
                                  "ökat ökade ökning minskat minskade minskning förändrats förändring "
                                  "utvecklats utveckling skillnad ändrades ändrats ändring "
                                  # 'Hur gick X ekonomiskt?', 'Hur många tjänster motsvarade …?'
                                  "ekonomiskt motsvarade motsvarar"))
# A table's heading row: a column named by its kind and year.
_HEADING_ROW = re.compile(r"(?m)^.*\b(?:Ram|Bokslut|Budget|Årsbudget|Utfall|Prognos)\s+20\d\d\b")
# A figure as a table cell gives it: '-0,1', '17,0', '40 844' (a year is no cell).
_FIGURE = re.compile(r"(?<![\w,])(?!20\d\d(?![\w,]))[+\-−]?\d+(?:,\d+)?(?![\w,])")
# The organisation's own result: asked as a result, a plus or minus, a surplus or deficit.
_ASKS_RESULT = re.compile(r"\b(?:resultat(?:et)?|plus|minus|överskott(?:et)?|underskott(?:et)?|gick back|gått back)\b",
                          re.I)
# The organisation named generically; by its own name it is the index's organisation tokens.
_THE_ORGANISATION = frozenset(tokenize("förvaltningen förvaltningens organisationen nämnden styrelsen verksamheten"))
_RESULT_TOKENS = frozenset(tokenize("resultat resultatet överskott underskott"))
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


def _overlap(lines: list[str], new: list[str]) -> int:
    """How many of its first lines a chunk repeats from the end of the one before (overlapping windows)."""
    return next((n for n in range(min(len(lines), len(new)), 0, -1) if lines[-n:] == new[:n]), 0)


def _without_overlap(texts: list[str]) -> str:
    """Consecutive chunks as one text, the lines a chunk repeats from the one before read once."""
    lines: list[str] = []
    for text in texts:
        new = text.split("\n")
        lines += new[_overlap(lines, new):]
    return "\n".join(lines)


class TableReading:
    """Part of ExtractiveAnswerer (see compose.py); its methods use the answerer's state and each other's."""

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
        # (A chunk that starts inside a table has its rows before the next table's heading row: rows,
        # a label and its figures, name no table.)
        intro = [line for line in (chunk.text[:head.start()] if head else "").split("\n")
                 if len(_FIGURE.findall(line)) < 2]
        return "\n".join([chunk.section, *intro])

    def _table_text_of(self, chunk: Chunk) -> str:
        positions = self.doc_chunks[chunk.doc_id]
        return self._table_text(positions, positions.index(self.position[chunk.id]))

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

        asked_units = {abbreviation for _, _, abbreviation in query.units}
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
            # A row labelled with a unit's whole name ('Centrum för innovation, forskning och utbildning')
            # is named by its abbreviation too ('CIFU').
            if asked_units:
                headings += "".join(f" {abbreviation}" for abbreviation in self._units_named(cell.label) & asked_units)
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
        asked_units = {abbreviation for _, _, abbreviation in query.units}
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
                # A question about one of the organisation's units ('CIFU', 'Centrum för HR') is not
                # answered by the whole organisation's indicator, unless the row names the unit.
                goal = chunk.fields.get("målområde", "")
                if asked_units and not self._units_named(f"{name}\n{goal}") & asked_units:
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

    def _units_named(self, text: str) -> set[str]:
        """The abbreviations of the units a label names, in full, by abbreviation or by a staff compound."""
        return {abbreviation for _, _, abbreviation in self.index.units.matches(text)}

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
