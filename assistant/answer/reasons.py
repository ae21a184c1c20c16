"""Why-answers: the reasons a report gives, complete, with the sentences and bullets that carry them."""
from __future__ import annotations

import re

from ..sentences import is_substantive
from ..swedish import money_scale, parse_number, sums_of_money
from ..tables import AmountLine, amount_lines
from .cells import _VALUE_WORDS
from .patterns import _ANAPHORIC, _BULLETS, _FRAME, _GIVES_EXAMPLES, _is_row_run, _token_set, is_flattened_table
from .scoring import _Sentence


PART_REASONS, PART_LABEL_CHARS = 3, 60  # reasons given part by part: how many, and how soon each gives its cause
ROW_LINE_RUNNER_UP = 0.75  # another topic's reasons, when the best match is a table line
_CAUSAL = re.compile(r"\b(beror|berodde|på grund av|pga|p\.g\.a\.|främst|förklaras|förklarar|förklarade|"
                     r"till följd av|orsak|orsaken|effekt av|med anledning av|eftersom|huvudsakligen|bidragit|"
                     r"bidrar|bidrog|medför|medförde|härrör|drivs av|har lett till|ledde till|i och med|"
                     r"beroende på|varför också|som en följd av|grundorsak\w*|har att göra med|(?:del)?förklaring(?:en|ar|arna)?|"
                     # what stands in the way: 'Utmaningar består bland annat av att …'
                     r"(?:utmaning|svårighet)\w* består)(?!\w)", re.I)
# 'Förvaltningen kommer därför att …': the reason is the sentence before, also with 'därför' after the subject.
_THEREFORE_EARLY = re.compile(r"^(?:[\wåäöÅÄÖ-]+\s+){1,3}(?:därför|därmed|av den anledningen)\b", re.I)
# A change by an amount and what it was for: 'Ökade kostnader med 0,8 mnkr för att ersätta vakant tjänst'.
_CHANGED_FOR = re.compile(r"\b(?:ök|minsk|sänk|höj)\w*\s+(?:\w+\s+){0,3}?med\s+[+\-−–]?\d[\d ]*(?:,\d+)?\s*\w*\s+för att\b",
                          re.I)


def _gives_reason(text: str) -> bool:
    """A causal word, 'därför' after the subject (the reason is then the sentence before), or a change
    by an amount with what it was for."""
    return bool(_CAUSAL.search(text) or _THEREFORE_EARLY.match(text) or _CHANGED_FOR.search(text))


# A sentence that tells what the one before it consists of or comes from.
_EXPLAINS_BACK = re.compile(r"^(det|detta) (är|var) (en blandning|en kombination|ett resultat|en följd|en effekt)\b"
                            r"|^(det|detta) handlar (främst |framför allt )?om\b", re.I)
# A sentence whose subject is in the sentence before it ('Dessa två projekt …', 'Detta innebär …').
_POINTS_BACK = re.compile(r"^(dessa|detta|denna|dessutom|därför|därmed|det här|de här|den här|samtidigt)\b", re.I)
# A sentence that says reasons follow ('två komplicerande faktorer', 'flera orsaker till').
_ANNOUNCES_REASONS = re.compile(r"\b(?:två|tre|fyra|flera|ett antal|olika|några)\s+(?:\w+\s+)?"
                                r"(?:faktorer|orsaker|anledningar|skäl|förklaringar)\b", re.I)


_MONEY = re.compile(r"\d(?:,\d+)?\s?(?:mnkr|mkr|tkr|miljoner kronor)\b")
# Asked why a result came out as it did against its budget, as a surplus or a deficit; or at all.
_ASKS_AGAINST_BUDGET = re.compile(r"budget|överskott|underskott|\bplus\b|\bminus\b|bättre|sämre", re.I)
_ASKS_RESULT = re.compile(rf"{_ASKS_AGAINST_BUDGET.pattern}|resultat", re.I)
# Any box of the analysis ('Årets resultat jämfört med föregående år'): the next one ends the items.
_NEXT_BOX = re.compile(r"\b(?:årets\s+)?(?:resultat|utfall)\w*\s+(?:jämfört\s+med|mot)\b", re.I)
# A result analysed item by item under its heading ('Årets resultat jämfört med budget Tillgängliga medel
# för forskning och innovation 6 mnkr Regionövergripande utvecklingsmedel … 10 mnkr Ökad försäljning …'):
# the items are the reasons, each with its amount, though no causal word introduces them.
_BREAKDOWN_HEADING = re.compile(rf"{_NEXT_BOX.pattern}\s+budget(?:en)?(?=\s+(?-i:[A-ZÅÄÖ]))",
                                re.I)  # (a heading: the first item's label follows)
BREAKDOWN_SENTENCES = 3  # item lines after the heading's own
# A unit's row in a results table with a comment column: its name, two or more amounts (result, budget,
# deviation), then the comment ('Centrum för ekonomi 0,6 mkr 0,2 mkr 0,4 mkr • Lägre intäkter …').
_AMOUNTS = r"(?:[+\-−–]?\d[\d ]*(?:,\d+)?\s?(?:mnkr|mkr|tkr)\s+){2,}"
_ROW_AMOUNTS = re.compile(rf"^\s*{_AMOUNTS}")
# Any row of such a table, a unit's or not ('Regiondirektörens stab 10,1 mkr 0,8 mkr 9,3 mkr'), run on or not.
_ROW_START = re.compile(rf"(?<![\w,])[A-ZÅÄÖ][^\d•.]{{2,60}}?\s(?={_AMOUNTS})")
UNIT_ROW_SENTENCES = 5  # the comment's sentences after the row's own
AMOUNT_ROWS = 2  # rows holding the asked amount that name it equally well


def _holds_amount(figure: str, unit: str, asked: list[float]) -> bool:
    """Whether a table's figure is one of the sums asked about, in the unit its headings give (a table
    that names no unit is read in thousands or millions, as tables of amounts are written)."""
    value = parse_number(figure)
    if not value:
        return False
    scales = [money_scale(unit)] if unit else [1e3, 1e6]
    return any(abs(abs(value) * scale - sum_) <= 1e-6 * sum_ for scale in scales for sum_ in asked)


def _summed_rows(total: AmountLine, column: int, lines: tuple[AmountLine, ...]) -> list[tuple[AmountLine, str]]:
    """The rows a total line sums in one column, with their figure there. A row with fewer figures than
    the table has columns lost its empty cells: it is counted in this column only when the full rows
    alone do not already make up the total."""
    table = [r for r in lines if r.title == total.title and r.line < total.line and not r.is_total]
    full = [(r, r.figures[column]) for r in table if len(r.figures) == len(total.figures)]
    short = [(r, r.figures[-1]) for r in table if len(r.figures) < len(total.figures)]
    made_up = abs(sum(parse_number(f) or 0.0 for _, f in full) - (parse_number(total.figures[column]) or 0.0)) < 0.005
    rows = sorted(full + ([] if made_up else short), key=lambda rf: rf[0].line)
    return [(r, f) for r, f in rows if parse_number(f)]


def _is_table_line(sentence: str) -> bool:
    """One row of a table the extraction kept on its line: a label, two or more figures with their unit
    and a comment, no sentence end ('Begränsa glasögonbidrag 2025 0,4 mnkr 0,4 mnkr Striktare regler')."""
    figures = list(re.finditer(r"(?<![\w,])[+\-−–]?\d[\d,]*\s?(?:mnkr|mkr|tkr|%|årsarbetare)", sentence))
    # The words after the last figure are the row's comment; a row of figures alone gives no reason.
    comment = sentence[figures[-1].end():] if figures else ""
    return not sentence.rstrip().endswith((".", "!", "?", ":")) and len(figures) >= 2 and \
        len(re.findall(r"[A-Za-zÅÄÖåäö]{3,}", comment)) >= 2


class ReasonReading:
    """Part of ExtractiveAnswerer (see compose.py); its methods use the answerer's state and each other's."""

    @staticmethod
    def _following(s: _Sentence, sentences: list[_Sentence]) -> list[_Sentence]:
        in_passage = [x for x in sentences if x.passage == s.passage]
        idx = next(i for i, x in enumerate(in_passage) if x.text == s.text)
        return in_passage[idx + 1:]

    def _what_follows(self, s: _Sentence, sentences: list[_Sentence]) -> list[_Sentence]:
        """The sentences after `s` in the copy of it followed by the most text (prose windows overlap:
        what follows a sentence may stand only in the next window's copy)."""
        return self._following(self._fullest(s, sentences), sentences)

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
        """The sentence a pointing-back sentence ('Dessa två projekt …', 'Som exempel på digitalisering kan
        nämnas …') refers to; a heading is none."""
        if not (_POINTS_BACK.match(s.text) or _THEREFORE_EARLY.match(s.text) or _GIVES_EXAMPLES.match(s.text)):
            return []
        return [x for x in self._preceding(s, sentences) if is_substantive(x.text)]

    def _why(self, query, passages, sentences):
        """The reasons the report gives: a causal sentence near the topic ('Underskottet förklaras
        i huvudsak av …'), with the list it introduces, or the sentence an 'Av denna anledning' points back to.
        Asked why a unit's figure came out as it did, the parts its table row is made of come first."""
        commented = self._unit_row_comment(query, passages, sentences) or self._rows_holding_amount(query, passages)
        if commented:
            return commented
        # A goal in a summary table, its assessment without a comment ('… : Mål kommer delvis uppfyllas'):
        # the report gives the reasons where it follows the goal up, further on.
        first = self._best(sentences)
        goal = passages[first.passage].chunk.fields if first else {}
        if goal.get("status") and not goal.get("kommentar") and not goal.get("code") \
                and self._follow_up(passages[first.passage]):
            return self._row_lines(query, passages, [first.passage])
        made_of = self._row_and_its_parts(query, passages)
        if not made_of:
            breakdown = self._breakdown(query, sentences)
            if breakdown:
                return breakdown
        reasons = self._reasons(query, passages, sentences)
        if not made_of:
            return reasons
        # The rest of the table, its cells run together, adds nothing to the rows read off it.
        return made_of + [(t, i) for t, i in reasons if not (is_flattened_table(t) or _is_row_run(t))]

    def _unit_row_comment(self, query, passages, sentences) -> list[tuple[str, int]]:
        """Asked why a unit's result came out as it did: the unit's row in a results table whose last
        column comments each row, with the comment's items up to the next row (a name and its amounts,
        where the extraction may have run it on after the last item)."""
        asked = {abbreviation for _, _, abbreviation in query.units}
        if not asked or not _ASKS_RESULT.search(query.text):
            return []
        rows = [(s, start) for s in sentences if s.score > 0
                for start, abbreviation, amounts_end in self._unit_rows(s.text)
                if abbreviation in asked and self._has_comment(s.text, amounts_end)]
        if not rows:
            return []
        row, start = max(rows, key=lambda r: r[0].score)
        row = self._fullest(row, sentences)
        parts = [(row.text[start:], row.passage)]
        following = [(x.text, x.passage) for x in self._what_follows(row, sentences)]
        if not following:
            # The row ends its passage: its comment goes on in the document's next window (not retrieved).
            following = self._next_window(passages, row.passage)
        for text, at in following[:UNIT_ROW_SENTENCES]:
            ends = self._row_starts(text)  # the next row ends this one's comment
            text = text[:min(ends)].strip() if ends else text
            if text:
                parts.append((text, at))
            if ends:
                break
        return parts

    def _rows_holding_amount(self, query, passages) -> list[tuple[str, int]]:
        """'Varför minskar CIFU:s ram med 0,3 mnkr 2023?': in a table whose rows say what each amount is
        for ('Flytt av ram 25% AT-studierektor från CIFU till AT-enheten HSF  -0,3'), the row holding the
        amount asked about, in the asked year's column, is the reason. A row that only names what the
        question names ('Centrum för hållbarhet 0 15,9') explains nothing. Asked about a total ('ändrades
        med totalt 6,42 mnkr'), the rows it sums are the reasons."""
        asked = sums_of_money(query.text)
        if not asked:
            return []
        # (How the sum is given and how it moved name no row: 'minskar … med 0,3 mnkr'.)
        concepts = [(alts, w) for alts, w in self._concepts(query)
                    if not alts <= _VALUE_WORDS and not any(t[:1].isdigit() for t in alts)]
        question = _token_set(query.text)
        found = []  # (how well it names the question's subject, passage, line, column, the passage's lines)
        for i, p in enumerate(passages[:self.sentence_passages]):
            lines = amount_lines(p.chunk.text)
            for row in lines:
                full = bool(row.years) and len(row.figures) == len(row.years)  # each figure under its year
                for j, figure in enumerate(row.figures):
                    if not _holds_amount(figure, row.unit, asked) or \
                            (full and query.years and row.years[j] not in query.years):
                        continue
                    if row.is_total:
                        fit = self._support(concepts, row.title or p.chunk.section)
                    elif _token_set(row.label) - question - _FRAME:
                        fit = self._support(concepts, row.label)
                    else:
                        continue
                    if fit > 0:
                        found.append((fit, i, row, j, lines))
        if not found:
            return []
        best = max(f[0] for f in found)
        parts = []
        for fit, i, row, j, lines in found:
            if fit < best or len(parts) >= AMOUNT_ROWS:
                continue
            heading = f"{row.title}: " if row.title else ""
            if row.is_total:
                summed = _summed_rows(row, j, lines)
                year = f" {row.years[j]}" if len(row.years) == len(row.figures) else ""
                if summed:
                    parts.append((f"{row.title}{year}: " + "; ".join(f"{r.label} {f}" for r, f in summed) +
                                  f" ({row.label.casefold()} {row.figures[j]})", i))
            else:
                parts.append((f"{heading}{row.label} {' '.join(row.figures)}", i))
        return parts

    def _row_starts(self, text: str) -> list[int]:
        """Where rows of a results table start in a sentence: a label, or a unit's name or abbreviation,
        followed by its amounts."""
        return sorted({m.start() for m in _ROW_START.finditer(text)} | {at for at, _, _ in self._unit_rows(text)})

    def _has_comment(self, text: str, amounts_end: int) -> bool:
        """Words after a row's amounts before the next row: a table with a comment column ('CIFU 0,1 mkr
        0,1 mkr CK 1,2 mkr …' has none)."""
        after = text[amounts_end:]
        ends = self._row_starts(after)
        return len(re.findall(r"[A-Za-zÅÄÖåäö]{3,}", after[:min(ends, default=len(after))])) >= 2

    def _unit_rows(self, text: str) -> list[tuple[int, str, int]]:
        """Where a unit's results row starts in a sentence (its name followed by its amounts: at the
        start, or run on after the last item of the row before), the unit's abbreviation, and where
        its amounts end."""
        return [(m.start(), abbreviation, m.end() + amounts.end())
                for name, _, abbreviation in self.index.units.matches(text)
                for m in re.finditer(re.escape(name), text) for amounts in [_ROW_AMOUNTS.match(text[m.end():])]
                if amounts]

    def _breakdown(self, query, sentences) -> list[tuple[str, int]]:
        """Asked why the organisation's result came out against its budget: the report's analysis of
        it item by item, from its heading on. (A unit's result is not the organisation's.)"""
        if query.units or not _ASKS_AGAINST_BUDGET.search(query.text):
            return []
        found = [(s, m) for s in sentences for m in [_BREAKDOWN_HEADING.search(s.text)]
                 if m and s.score >= self.min_score and _MONEY.search(s.text, m.end())]
        if not found:
            return []
        best, heading = max(found, key=lambda f: f[0].score)
        best = self._fullest(best, sentences)
        items = best.text[heading.start():]
        following = self._what_follows(best, sentences)[:BREAKDOWN_SENTENCES]
        parts = []
        for n, text in enumerate([items] + [x.text for x in following]):
            box = _NEXT_BOX.search(text, heading.end() - heading.start() if n == 0 else 0)
            text = text[:box.start()].strip() if box else text
            if not _MONEY.search(text):
                break
            parts.append((text, best.passage))
            if box:
                break
        return parts

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
            for x in self._what_follows(chosen[-1], sentences)[:3]:
                if x.text.startswith(_BULLETS) or x in chosen:
                    break
                chosen.append(x)
        if chosen and _gives_reason(chosen[-1].text):
            # Reasons given part by part after the whole's ('… beror på tidsförskjutningar.' / 'MT Negativ
            # avvikelse med anledning av …' / 'IT Negativ avvikelse …'): each part's reason is one of them.
            for x in self._what_follows(chosen[-1], sentences)[:PART_REASONS]:
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
        return [x for x in self._what_follows(chosen[-1], sentences)[:1]
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
