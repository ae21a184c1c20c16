"""Status answers: an uppdrag's or activity's row (status, ansvarig, the gist of its comment), or what
prose says of how the work stands.
"""
from __future__ import annotations

import re

from ..catalog import PLAN_KINDS
from ..models import Passage, Query
from ..sentences import is_document_field, split_sentences
from ..swedish import normalise
from ..tables import read_cells
from .patterns import MAX_CHARS, _SUB_ITEM, _has_asked_code, _shorten, is_numeric_question


PART_MARGIN = 1.5  # a lettered part is the one asked when it matches this much better than the next
ROW_VS_PROSE = 0.8  # a table row answers a status question without a code if it matches this well
ACTIVITY_FIT, ACTIVITY_MARGIN = 0.6, 0.2  # a row the question describes this well, and this much better than
# the other rows under the asked code, is the one asked
STATUS_FOLLOWING = 3  # sentences after an activity's description that tell how it went
ROW_TITLE_ALONE, ROW_TITLE_SHARED = 200, 70  # characters of a row's title: one row alone, several rows


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


_HEADER_CELLS = re.compile(r"\b(Indikator|Utfall|Målvärde|Måluppfyllelse|Ansvarig|Status|Kommentar|Tidplan)\b")


def is_table_header(sentence: str) -> bool:
    """Column labels of a table the extraction ran into the text ('… Mål Indikator Utfall 2022')."""
    return len(set(_HEADER_CELLS.findall(sentence))) >= 2 and not sentence.rstrip().endswith((".", "!", "?"))


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


class StatusReading:
    """Part of ExtractiveAnswerer (see compose.py); its methods use the answerer's state and each other's."""

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
        # One row's line has room for its whole title (what the assignment is for may stand at its end);
        # several rows share the answer's length.
        title_room = ROW_TITLE_ALONE if len(rows) == 1 else ROW_TITLE_SHARED
        for i in rows:
            f = passages[i].chunk.fields
            label = f.get("code") or _shorten(f.get("uppdrag", ""), title_room + 20)
            if f.get("code") and not passages[i].chunk.text.lstrip().startswith("("):
                # An activity under the assignment: say which one, not only the assignment's code.
                label = f"{f['code']} – {_shorten(f.get('uppdrag', '').removeprefix(f['code']).strip(), title_room)}"
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
        # (A sentence that points back, 'Som exempel på digitalisering kan nämnas …', after the one it
        # points to: that one says whose work it was.)
        parts = [(x.text, x.passage) for x in self._antecedent(best, sentences)] + [(best.text, best.passage)]
        used = sum(len(t) for t, _ in parts)
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
