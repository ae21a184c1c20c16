"""Structure-aware chunking: sections by heading, one chunk per table row, prose in overlapping windows.

PDF extraction flattens tables. A row of an uppdrag/aktivitet table starts at its code ('(RF8)',
'RF8', '(13)') or, in a table without codes, after the previous row's status and comment; an
indicator row ends at its måluppfyllelse. The status word may sit on a line of its own and the
responsible unit may wrap ('Regionstab' + 'en'); `fields` holds the parsed cells.
"""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

from .layout import join_wrapped_heading, unstack_cells
from .models import Chunk, Document
from .swedish import CODE_AT_LINE_START, NUMBER_RE, STATUS_PHRASES, STATUS_RE, join_wrapped_cell

PROSE_TARGET = 900  # characters; about 150-200 Swedish words, a paragraph or two
PROSE_MAX = 1400
ROW_MAX = 2600
STATUS_LAST_ROW_MAX = 600  # a goal with its assessment is a short cell; longer is running text
_HEADER_WORDS = {"uppdrag", "aktivitet", "ansvarig", "status", "kommentar", "kommentarer", "nr", "tidplan",
                 "indikator", "utfall", "måluppfyllelse", "analys", "prognos", "delmål", "målvärde", "åtgärd"}
_LETTER_ITEM = re.compile(r"^\s*\(([A-ZÅÄÖ])\)\s+[A-ZÅÄÖ][a-zåäö]")
_NUMBERED_HEADING = re.compile(r"^\s*\d{1,2}(?:\.\d{1,2})*\.?\s+[A-ZÅÄÖ][^\d]{2,80}$")
_FUSED = re.compile(r"([a-zåäö])([A-ZÅÄÖ][a-zåäö])")
# A unit cell starts with a unit ('CE', 'Respektive'); a sub-item label ('a)') belongs to the next tidplan.
_UNIT = r"(?:[A-ZÅÄÖ]{2,}[\w/-]*|Respektive|Samtliga|Alla)"
_TIDPLAN_UNIT = re.compile(r"(?m)(?:^|\s)(20\d\d(?:\s?[–-]\s?20\d\d)?|Q[1-4]\s20\d\d)\s+"
                           rf"({_UNIT}(?:(?:[ /]+|\n(?!\s*\n)| och |\noch )(?:{_UNIT}|[a-c]\)))*)")
_DIRECTED_TO = re.compile(r"^(?:Uppdraget\s+)?(?:riktas|riktat|ges)\s+till\s+(.{3,200})$|^Ansvarig:?\s+(.{3,80})$", re.I)
_TIDPLAN = re.compile(r"\b(20\d\d\s?[–-]\s?20\d\d|Q[1-4]\s20\d\d|20\d\d)\b")


@dataclass
class _Line:
    text: str
    page: int
    number: int  # line number in the source file (text) or on the page (PDF)


def _header_kind(text: str) -> str | None:
    words = re.findall(r"[a-zåäö]+", text.casefold())
    hits = {w for w in words if w in _HEADER_WORDS}
    if len(hits) < 2 or len(words) > 14:
        return None
    if "indikator" in hits or ("utfall" in hits and "uppdrag" not in hits):
        return "indicator"
    if hits & {"status", "ansvarig", "kommentar", "analys", "tidplan"}:
        return "uppdrag"
    if "delmål" in hits and words[-1] in _STATUS_COLUMNS:
        return "uppdrag"  # 'Regionmål Delmål Prognos': goals with their assessment
    return None


_STATUS_COLUMNS = {"status", "prognos", "bedömning", "måluppfyllelse"}
HEADER_WRAP_LINES = 8  # a table header's cells may wrap over this many lines


_STATUS_AT_END = re.compile(STATUS_RE.pattern + r"[\s:]*$")


def _ends_with_status(text: str) -> bool:
    """A row of a table whose last column is the status ends at it: '… farliga ämnen  Inga data'."""
    return bool(_STATUS_AT_END.search(text))


_FUNCTION_WORDS = {"på", "av", "och", "i", "för", "till", "med", "att", "som", "om", "eller", "samt", "en", "ett",
                   "den", "det", "de", "är", "har", "inom", "mot", "från", "vid", "under", "genom"}


def nxt_starts_bullet(lines: list[_Line], i: int) -> bool:
    nxt = next((l.text.strip() for l in lines[i + 1:i + 4] if l.text.strip()), "")
    return bool(nxt) and nxt[0] in "•-–➢"


def _is_heading(lines: list[_Line], i: int) -> bool:
    text = lines[i].text.strip()
    if re.match(r"^#{1,6}\s+\S", text):
        return True  # Markdown heading
    if not (3 <= len(text) <= 90) or text.endswith((".", ",", ";", ":", "/")) or STATUS_RE.match(text):
        return False
    if all(re.fullmatch(r"[+\-−–]?\d[\d,]*%?", t) for t in text.split()[-2:]):
        return False  # 'Justering inhyrd personal 0 0 0,00 0' ends in figures: a table's row
    if re.fullmatch(r"[+\-−–]?\d[\d ]*,\d+%?", text.rsplit(" ", 1)[-1]):
        return False  # 'Visselblåsarfunktion  0,2': a row whose other cells are empty; a heading ends in a word
    last_word = text.rsplit(" ", 1)[-1].casefold()
    if last_word in _FUNCTION_WORDS or nxt_starts_bullet(lines, i):
        return False  # 'Budgetavvikelsen beror främst på' introduces a list; it is not a heading
    if _NUMBERED_HEADING.match(text) and len(re.findall(r"\d", text)) <= 6:
        return True
    prev_blank = i == 0 or not lines[i - 1].text.strip()
    nxt = next((l.text.strip() for l in lines[i + 1:i + 4] if l.text.strip()), "")
    next_blank = i + 1 >= len(lines) or not lines[i + 1].text.strip()
    letters = sum(ch.isalpha() for ch in text)
    if letters < 0.8 * len(text.replace(" ", "")) or not text[0].isupper() or len(text.split()) > 9:
        return False
    if "/" in text and " " not in text.strip():
        return False  # 'CIFU/FDS': a table cell of unit abbreviations, not a heading
    if text.isupper() and len(text) > 6:
        return True
    # A short capitalised line between blank lines, followed by running prose, is a heading.
    return prev_blank and next_blank and len(nxt) >= 60 and not _header_kind(text)


def _wrapped_heading(lines: list[_Line], i: int) -> str | None:
    """A heading the layout wrapped onto a second line ('Ekonomisk effekthemtagning av aktiviteter,
    investerings- och' / 'digitaliseringsprojekt'): the first line cannot end there (a function word,
    a hyphen or a comma), the second continues it in lower case, blank lines around both, and a table
    header or running prose follows. Returns the joined heading."""
    if i + 1 >= len(lines):
        return None
    first, second = lines[i].text.strip(), lines[i + 1].text.strip()
    after_blank = i + 2 >= len(lines) or not lines[i + 2].text.strip()
    if not (first and second and (i == 0 or not lines[i - 1].text.strip()) and after_blank):
        return None
    incomplete = first.rsplit(" ", 1)[-1].casefold() in _FUNCTION_WORDS or first.endswith(("-", ","))
    if not (incomplete and first[0].isupper() and second[0].islower() and len(second) <= 40
            and not second.endswith((".", ":", ";"))):
        return None
    joined = f"{first} {second}"
    letters = sum(ch.isalpha() for ch in joined)
    if len(joined) > 110 or len(joined.split()) > 12 or letters < 0.8 * len(joined.replace(" ", "")):
        return None
    nxt = next((l.text.strip() for l in lines[i + 2:i + 6] if l.text.strip()), "")
    if re.match(r"[+\-−–]?\d", nxt) or STATUS_RE.search(nxt):
        return None  # a table row's values and status follow: the two lines are its wrapped label
    return joined if _header_kind(nxt) or len(nxt) >= 60 else None


def heading_label(text: str) -> str:
    """'Framtid och utmaningarÅret i korthet' -> 'Framtid och utmaningar / Året i korthet'."""
    return re.sub(r"\s+", " ", _FUSED.sub(r"\1 / \2", text.strip().lstrip("#").strip()))


def _code_of(text: str) -> str | None:
    m = CODE_AT_LINE_START.match(text)
    if not m:
        return None
    rest = text[m.end():]
    # 'E2 Ekonomistöd 1 700 234 2 293' is a row of a figures table, not an uppdrag: its figures are
    # counted by token, as '1 284 329 240' may be one number or four.
    figures = [t for t in rest.split() if re.fullmatch(r"[+\-−–]?\d[\d,]*%?", t)]
    if len(figures) >= 3 and len(re.findall(r"[A-Za-zÅÄÖåäö]{4,}", rest)) <= 4:
        return None
    return (m.group("p") or m.group("b")).replace(" ", "")


_STATUS_CELL = re.compile(rf"^(?:{'|'.join(re.escape(p.split()[0]) for p in STATUS_PHRASES)})\b")


_UNIT_BEFORE_STATUS = re.compile(rf"^{_UNIT}\s+(?=(?:{'|'.join(re.escape(p.split()[0]) for p in STATUS_PHRASES)})\b)")
# A whole row on one line ('RF11 Erbjuda … medarbetarskap CHR Genomförd Utvecklande …'): the unit is the
# abbreviation ('CHR', 'CE/HSF') right before the status.
_UNIT_CELL_AT_END = re.compile(r"\s([A-ZÅÄÖ]{2,}(?:/[A-ZÅÄÖ]{2,})*)\s*$")


def _next_row_before_code(lines: list[_Line], i: int, reach: int = 25) -> bool:
    """Whether the paragraph at line `i` starts a row of its own: a status cell stands at a line's
    start below it ('Delvis' / 'genomfört', 'Planenligt Regionen deltar …') before any coded row, and
    at least one paragraph (its assignment) comes before that cell."""
    paragraphs = 0
    for k in range(i, min(len(lines), i + reach)):
        text = lines[k].text.strip()
        if not text:
            paragraphs += 1
            continue
        if k > i and _code_of(text):
            return False
        # The unit's cell may stand before the status on its line ('CHR Delvis' / 'genomfört').
        text = _UNIT_BEFORE_STATUS.sub("", text)
        wrapped = f"{text} {lines[k + 1].text.strip()}" if k + 1 < len(lines) else text  # 'Delvis' / 'genomfört'
        if _STATUS_CELL.match(text) and STATUS_RE.match(wrapped):
            return paragraphs >= 1
    return False


def _paragraphs(lines: list[_Line]) -> list[list[_Line]]:
    paras, cur = [], []
    for line in lines:
        if line.text.strip():
            cur.append(line)
        elif cur:
            paras.append(cur)
            cur = []
    if cur:
        paras.append(cur)
    return paras


def _text(lines: list[_Line]) -> str:
    return "\n".join(l.text.rstrip() for l in lines).strip()


# A goal that groups the rows after it, caught at a row's start: 'Mål 1. Trygga uppväxtvillkor'.
_GROUP_LABEL = re.compile(r"^(?:Regionmål|Mål|Målområde|Strategiskt mål|Fokusområde)\s*\d{1,2}[.:]?\s+[^\n]+"
                          r"(?:\n[^\n]+)*?(?=\n\s*\n)")


def _uppdrag_fields(lines: list[_Line], code: str | None, unit_column: bool = True) -> dict:
    """`unit_column`: the table may have an Ansvarig cell (false when its header names none)."""
    text = _text(lines)
    fields: dict = {"code": code} if code else {}
    group = _GROUP_LABEL.match(text)
    if group and not code:
        fields["mål"] = re.sub(r"\s+", " ", group.group(0)).strip()
        text = text[group.end():].strip()
    m = STATUS_RE.search(text)
    if m:
        fields["status"] = re.sub(r"\s+", " ", m.group(1))
        comment = text[m.end():].strip()
        if comment:
            fields["kommentar"] = re.sub(r"\s+", " ", comment)
        before = text[: m.start()]
        paras = [p for p in re.split(r"\n\s*\n", before) if p.strip()]
        # The responsible unit is the short cell just before the status: on the status line, or the
        # paragraph before it when the extraction put each cell on lines of its own.
        same_line = before.rsplit("\n", 1)[-1].strip()
        candidate = same_line if same_line else (paras[-1] if len(paras) > 1 else "")
        ansvarig = join_wrapped_cell(candidate.split("\n"))
        one_line = bool(same_line) and len(paras) == 1 and same_line == before.strip()
        cell = _UNIT_CELL_AT_END.search(same_line) if one_line and unit_column else None
        if cell and len(same_line[:cell.start()].split()) >= 4:
            # The whole row sits on one line: the unit is told from the assignment only where it is
            # an abbreviation after a longer assignment.
            fields["ansvarig"] = cell.group(1)
            before = same_line[:cell.start()]
        elif unit_column and ansvarig and len(ansvarig) <= 50 and not ansvarig.endswith(".") \
                and candidate is not text and not one_line:  # else the unit cannot be told from the assignment
            fields["ansvarig"] = ansvarig
            before = before[: before.rfind(candidate)] if candidate in before else before
        fields["uppdrag"] = re.sub(r"\s+", " ", before).strip()
        if not fields["uppdrag"] and comment:
            # Status-first rows: the assignment is the first paragraph after the status, then
            # perhaps whom it is directed to, then the analysis.
            paras = [re.sub(r"\s+", " ", p).strip() for p in re.split(r"\n\s*\n", comment) if p.strip()]
            fields["uppdrag"] = paras.pop(0)
            directed = next((p for p in paras[:2] if _DIRECTED_TO.match(p)), None)
            if directed:
                m = _DIRECTED_TO.match(directed)
                fields["ansvarig"] = (m.group(1) or m.group(2)).strip().rstrip(".")
                paras.remove(directed)
            if paras:
                fields["kommentar"] = " ".join(paras)
            else:
                fields.pop("kommentar", None)
    else:
        fields["uppdrag"] = re.sub(r"\s+", " ", text)
        # Plan tables without a status column: 'Tidplan Ansvarig' cells as '2023 – 2025 CIFU-innovation …'.
        cell = _TIDPLAN_UNIT.search(text)
        if code and cell:
            fields["ansvarig"] = re.sub(r"\s+", " ", cell.group(2)).strip()
            if not re.search(r"(?<!\w)[a-c]\)", text):
                # The tidplan is the cell before the unit, not a year the assignment's text names ('Under
                # 2023 …'). (In lettered parts, 'a) Q2 2023 b) Löpande 2023 - 2025 CA', the cell before the
                # unit is the last part's only.)
                fields["tidplan"] = re.sub(r"\s+", " ", cell.group(1))
            # What follows the unit cell is the comment column: how the work has gone.
            comment = re.sub(r"\s+", " ", text[cell.end():]).strip()
            comment = re.sub(r"^[a-c]-[a-c]\)\s+[A-ZÅÄÖ]{2,}\b\s*", "", comment)  # 'a-b) CA': sub-items' unit
            if comment:
                fields["kommentar"] = comment
        elif code:
            fields.update(_cells_in_blocks(text))
    t = _TIDPLAN.search(text[:400])
    if t and code and "tidplan" not in fields:
        fields["tidplan"] = t.group(1)
    return fields


CELL_LINE_MAX = 45  # a narrow column's line: 'a) Respektive', 'CD och VC'
_UNIT_IN_CELL = re.compile(rf"(?<![\w-]){_UNIT}(?![\w-])")


def _cells_in_blocks(text: str) -> dict:
    """A row in parts ('(28) a) … b) …') whose cells the extraction put one block each, a block line
    per part: the assignment, then narrow blocks of when ('a) Löpande / under 2023 / b) 2023') and who
    ('a) Respektive / CD och VC / b) CE och CH'), then the comment on how the work has gone."""
    blocks = [b.strip() for b in re.split(r"\n\s*\n", text) if b.strip()]
    narrow = 0
    while 1 + narrow < len(blocks) and all(len(l.strip()) <= CELL_LINE_MAX for l in blocks[1 + narrow].split("\n")):
        narrow += 1
    if not narrow:
        return {}
    cells: list[str] = []
    for block in blocks[1:1 + narrow]:
        cell = join_wrapped_cell(block.split("\n"))
        if cells and re.fullmatch(r"[a-zåäö]{1,3}", cell):
            # A word's last letters wrapped onto a block of their own ('regionövergripan' / 'de').
            cells[-1] = join_wrapped_cell([cells[-1], cell])
        else:
            cells.append(cell)
    when, who = [], []
    for cell in cells:
        if _UNIT_IN_CELL.search(cell):
            # A time and a unit in one block ('2023 – 2025 a) CE'): the time is the Tidplan cell.
            when += [m.group(1) for m in _TIDPLAN.finditer(cell)]
            who.append(_TIDPLAN.sub("", cell).strip(" –-"))
        else:
            when.append(cell)
    if not who:
        return {}
    fields = {"uppdrag": re.sub(r"\s+", " ", blocks[0]), "ansvarig": " ".join(who)}
    comment = re.sub(r"\s+", " ", " ".join(blocks[1 + narrow:])).strip()
    if comment:  # (a plan's table has no comment column)
        fields["kommentar"] = comment
    if when:
        fields["tidplan"] = " ".join(when)
    return fields


_GOAL_THEN_NAME = re.compile(r"^(.*\bska\b.*\b[a-zåäö]+)\s+([A-ZÅÄÖ][^A-ZÅÄÖ]*)$")
_TREND_AT_END = re.compile(r"(?:^|\s)(Positiv|Negativ|Neutral|Oförändrad)\s*$")
# A target cell that starts with words: a direction or a bound ('Minska jämfört med 2022', 'Minst 1').
_TARGET_WORDING = re.compile(r"^\s*(?:Öka|Minska|Bibehålla|Behålla|Minst|Högst|Max|Min)\b", re.I)
# How often an indicator is reported, a plan's last column: 'Å' (yearly), 'M, D, Å' (monthly, tertial, yearly).
_REPORTED_AT_END = re.compile(r"(?:^|\s)((?:[ÅMDTK],\s*)*[ÅMDTK])\s*$")
_EMPTY_CELLS = ("-", "–", "—")  # an empty cell as tables print it
_TARGET_COLUMN = re.compile(r"Mål(?:värde)?\s+(?:\w+\s)?(20\d\d)")  # a goal table's target column
_LABELLED_ASSESSMENT = re.compile(r"(?m)^\s*Måluppfyllelse:\s*(\S[^\n]{0,60})$")


# A line that starts with an indicator's value cell: a figure, an empty cell or 'Nytt fr 2024' (or a
# target in words, _TARGET_WORDING); not a dated comment ('2025: året visar …').
_VALUE_CELL_START = re.compile(r"^\s*(?:Nytt?\s+fr|[-–](?:\s|$)|[≥≤]|"
                               r"[+\-−]?\d[\d ]*(?:,\d+)?\s?(?:%|mnkr|mkr|tkr|st)?(?:\s|$))")
# An indicator's assessment in one word, where the table has no 'Negativt/inte uppnått' phrase.
_ASSESSMENT_WORD = re.compile(r"(?m)(?:^|(?<=\s))(Negativt|Positivt|Neutralt)(?=\s|$)")
_NAME_LINES = 4  # an indicator's name wraps over at most this many lines


def _opens_with_value(line: str) -> bool:
    """'28900 Minska …', 'Nytt fr 2024 Öka - -', 'Minska jämfört med 2022': the line starts a row's values."""
    return bool(_VALUE_CELL_START.match(line) or _TARGET_WORDING.match(line))


def _next_indicator(lines: list[_Line], i: int, row: list[_Line]) -> bool:
    """Whether the paragraph at line `i` is the next indicator's name, in a table whose rows end at no
    status cell: it follows a row that has its values, it opens with a capital after a blank line, and
    the first line after it (past one blank) starts with a value cell."""
    text = lines[i].text.strip()
    if not text[:1].isupper() or lines[i - 1].text.strip() or STATUS_RE.match(text) or _ASSESSMENT_WORD.match(text) \
            or not any(_opens_with_value(l.text) for l in row[1:]):
        return False
    k = i
    while k < len(lines) and lines[k].text.strip():
        if k - i >= _NAME_LINES or _opens_with_value(lines[k].text):
            return False
        k += 1
    return _opens_with_value(next((l.text for l in lines[k:k + 3] if l.text.strip()), ""))


def _empty_last_cell(lines: list[_Line], i: int, row: list[_Line]) -> bool:
    """A line that is only '-', after a row's figures, is the row's empty last cell (no trend): the row
    ends there, not at the next row's trend. (A '-' followed by a trend or a 'Redovisas' cell on the
    next line is an empty cell before it.)"""
    if lines[i].text.strip() not in _EMPTY_CELLS or not any(re.search(r"\d", l.text) for l in row):
        return False
    after = " " + next((l.text.strip() for l in lines[i + 1:] if l.text.strip()), "")
    return not (_TREND_AT_END.fullmatch(after) or _REPORTED_AT_END.fullmatch(after))


def _indicator_fields(lines: list[_Line], header: str) -> dict:
    text = _text(lines)
    m = STATUS_RE.search(text) or _ASSESSMENT_WORD.search(text)
    body = text[: m.start()] if m else text
    # The lines before the first value, in paragraphs: the indicator's name is the last paragraph;
    # one before it is the goal the indicator measures ('Engagerade medarbetare …' / 'Hållbart
    # medarbetarengagemang').
    paragraphs: list[list[str]] = [[]]
    offset = 0  # where the values start
    for line in body.split("\n"):
        first = NUMBER_RE.search(line)
        if _opens_with_value(line):
            break  # a line that opens with a value cell starts the values ('28900 Minska …', 'Minst 1')
        if first or line.strip() in ("-", "–"):  # ('-' alone is an empty value cell)
            # A name that runs into its figures on one line ('Antal rehabiliteringsärenden 22 41 Negativ',
            # '… tjänsteresor och' / 'transporter minskar 10,6') ends where they start.
            lead = line[:first.start()].strip() if first else ""
            if re.search(r"[a-zåäö]{3}", lead) and not re.search(r"\d", lead):
                # The goal's cell may run into the name's on that line too ('Regionkontoret ska vara en
                # attraktiv Sjukfrånvaro'): a goal says 'ska', and the name starts at the capital after it.
                goal = _GOAL_THEN_NAME.match(lead)
                if goal:
                    paragraphs[-1].append(goal.group(1))
                    paragraphs.append([goal.group(2)])
                else:
                    paragraphs[-1].append(lead)
                offset += first.start()
            break
        offset += len(line) + 1
        if line.strip():
            paragraphs[-1].append(line.strip())
        elif paragraphs[-1]:
            paragraphs.append([])
    paragraphs = [p for p in paragraphs if p]
    name_lines = paragraphs[-1] if paragraphs else []
    fields: dict = {"indikator": join_wrapped_cell(name_lines)} if name_lines else {}
    if len(paragraphs) > 1:
        fields["målområde"] = join_wrapped_cell([l for p in paragraphs[:-1] for l in p])
    columns = re.findall(r"(?:Utfall|Mål|Målvärde|Prognos|Budget|Nuläge)\s+(?:\w+\s)?20\d\d", header)
    # Values in row order, skipping the per-sex breakdown ('K: 4,0 %', 'M: 1,2 %').
    rest = body[offset:]
    rest = re.sub(r"\b[KM]:\s*[^\n]*", " ", rest)
    # ('Nytt fr 2024' is a cell: the indicator has no outcome for the earlier year; its year is no value.)
    # ('-' alone is an empty cell; '100% (2030)' is one cell, the target and its year.)
    values = re.findall(r"\bNy(?:tt)?\s+(?:fr(?:ån|\.)?\s+)?20\d\d\b|(?<!\S)[-–](?!\S)|"
                        r"(?:(?:Minst|Högst|Max|Min)\s+|[≥≤]\s?)?"  # (a target's bound is part of it: 'Minst 1', '≥90%')
                        r"[+\-−]?\d+(?:[\u00a0 ]\d{3})*(?!\d)(?:,\d+)?\??\s?(?:%|mnkr|mkr|tkr|procent|st)?(?:\s*\(20\d\d\))?|"
                        r"(?:Öka|Minska|Bibehålla|Behålla)(?:\s+(?:jfr|jämfört\s+med)\.?\s+20\d\d)?", rest)
    values = [re.sub(r"\s+", " ", v.strip()) for v in values if v.strip()]  # ('Minska jfr' / '2022': one cell)
    if 2 <= len(values) < len(columns) and columns[0].startswith("Utfall") and columns[-1].startswith("Utfall"):
        # A row with no target ('Antal rehabiliteringsärenden 22 41'): its figures are the outcomes.
        columns, values = [columns[0], columns[-1]], [values[0], values[-1]]
    # A plan's row with no target: its one figure dated before the target's year ('27 (2021)' under
    # 'Målvärde 2023 Nuläge 2022') is where the indicator stands, not what it aims at.
    dated = re.search(r"\((20\d\d)\)$", values[0]) if values else None
    target = _TARGET_COLUMN.match(columns[0]) if columns else None
    if dated and target and int(dated.group(1)) < int(target.group(1)):
        # (its target cell is empty, as a table prints an empty cell)
        fields.update({c: _EMPTY_CELLS[0] for c in columns if _TARGET_COLUMN.match(c)})
        columns = [c for c in columns if not _TARGET_COLUMN.match(c)]
    for col, val in zip(columns, values):
        fields[col] = val
    trend = _TREND_AT_END.search(text)
    if trend and "trend" in header.casefold():
        fields["trend"] = trend.group(1)
    reported = _REPORTED_AT_END.search(text)
    if reported and header.casefold().endswith("redovisas"):
        fields["redovisas"] = reported.group(1)
    labelled = _LABELLED_ASSESSMENT.search(text)
    if labelled and not m:  # 'Måluppfyllelse: inte uppnått' on a line of its own, in the report's words
        fields["måluppfyllelse"] = labelled.group(1).strip()
    if m:
        fields["måluppfyllelse"] = re.sub(r"\s+", " ", m.group(1))
        comment = text[m.end():].strip()
        if comment:
            fields["kommentar"] = re.sub(r"\s+", " ", comment)
    return fields


class _Builder:
    def __init__(self, doc: Document):
        self.doc = doc
        self.chunks: list[Chunk] = []

    def add(self, lines: list[_Line], section: str, kind: str, fields: dict | None = None) -> None:
        text = _text(lines)
        if not text:
            return
        first, last = lines[0], lines[-1]
        paginated = self.doc.paginated
        key = f"{self.doc.meta.doc_id}|{first.page}|{first.number}|{last.number}|{kind}|{text}"
        self.chunks.append(Chunk(
            id=f"{self.doc.meta.doc_id}:{len(self.chunks):04d}-{hashlib.sha1(key.encode()).hexdigest()[:8]}",
            doc_id=self.doc.meta.doc_id,
            page=first.page if paginated else None,
            lines=None if paginated else (first.number, last.number),
            section=section, kind=kind, text=text, fields=fields or {},
        ))

    def add_prose(self, paras: list[list[_Line]], section: str) -> None:
        """Windows of whole paragraphs (long ones split at line ends), overlapping by one piece; an
        internal-control table among them becomes one chunk per control."""
        table = _control_table(paras)
        if table:
            before, header, rows, after = table
            self._add_windows(before, section)
            for row in rows:
                self.add(row, section, "control", {"header": header, **_control_fields(row)})
            self._add_windows(after, section)
            return
        self._add_windows(paras, section)

    def _add_windows(self, paras: list[list[_Line]], section: str) -> None:
        pieces: list[list[_Line]] = []
        for p in paras:
            while len(_text(p)) > PROSE_MAX:
                cut, size = 1, 0
                for j, l in enumerate(p):
                    size += len(l.text) + 1
                    if size > PROSE_TARGET:
                        cut = max(j, 1)
                        break
                pieces.append(p[:cut])
                p = p[cut:]
            pieces.append(p)
        window: list[list[_Line]] = []
        for piece in pieces:
            if window and sum(len(_text(w)) for w in window) + len(_text(piece)) > PROSE_TARGET:
                self.add([l for w in window for l in w], section, "prose")
                window = window[-1:] if len(_text(window[-1])) < PROSE_TARGET // 2 else []
            window.append(piece)
        if window:
            self.add([l for w in window for l in w], section, "prose")


# An internal-control plan's risk cell: likelihood (S) times consequence (K), then their product.
_RISK = re.compile(r"\(\s*S\s*=\s*(\d)\s*,\s*K\s*=\s*(\d)\s*\)\s*(\d{1,2})\b")
_CONTROL_HEADER = re.compile(r"granskningsområde|kontrollområde|kontrollmoment|riskvärde|riskbedömning|"
                             r"metod för|väsentlighet|reglemente", re.I)


def _control_table(paras: list[list[_Line]]):
    """An internal-control table ('Granskningsområde | Berört reglemente | Riskvärde (S=3, K=4) 12 |
    Metod'): the paragraphs before its header, the header, its rows (each from after the last row to the
    paragraph holding its risk cell, the method after it), and the paragraphs after it. None: no such table."""
    anchors = [k for k, p in enumerate(paras) if _RISK.search(_text(p))]
    if len(anchors) < 2:
        return None
    # (A sentence that introduces the table, 'Förvaltningens kontrollområden framgår nedan.', is no cell.)
    head = [k for k in range(anchors[0]) if _CONTROL_HEADER.search(_text(paras[k]))
            and not _text(paras[k]).endswith(".")]
    if not head:
        return None
    start = head[0]
    # The header's cells wrap over paragraphs of their own; the first row starts after the last of them.
    first_row = start
    while first_row < anchors[0] and _CONTROL_HEADER.search(_text(paras[first_row])):
        first_row += 1
    header = re.sub(r"\s+", " ", " ".join(_text(p) for p in paras[start:first_row]))
    rows, begin = [], first_row
    for a in anchors:
        rows.append([l for p in paras[begin:a + 1] for l in p])
        begin = a + 1
    return paras[:start], header, rows, paras[begin:]


def _control_fields(lines: list[_Line]) -> dict:
    """A control's cells: what is examined (and under which rules), its risk value, the method."""
    text = _text(lines)
    m = _RISK.search(text)
    area = join_wrapped_cell(text[:m.start()].split("\n"))
    method = join_wrapped_cell(text[m.end():].split("\n"))
    return {"kontroll": area, "riskvärde": m.group(3), "sannolikhet": m.group(1), "konsekvens": m.group(2),
            "metod": method}


# A goal follow-up as goal-management systems print it (Stratsys and the like): the goal's name, then
# 'Analys' and how it goes, then 'Indikatorer' and the names of its indicators, then the next goal.
_ANALYSIS_MARK, _INDICATORS_MARK = "analys", "indikatorer"
_GOAL_NAME_MAX = 250
_GOAL_HEADING = re.compile(r"^(?:Mål|Delmål|Målområde)\s+\d+[.:]?\s")


def _goal_names(lines: list[_Line]) -> dict[int, tuple[int, str]]:
    """Goal follow-ups by the line that starts the goal's name: (the line of its 'Analys', the name).
    The name is the block of lines before 'Analys', with the blocks before it that it continues ('…
    stärks och en förflyttning sker av den egna' / 'verksamhetens förmåga …', '… verksamhetschefsnivå
    på' / 'NUS och pågår …'); a goal heading ('Mål 2. Goda levnadsvillkor') is not part of it."""
    goals: dict[int, tuple[int, str]] = {}
    for at, line in enumerate(lines):
        if line.text.strip().casefold() != _ANALYSIS_MARK:
            continue
        start, k, name = at, at - 1, []
        while k >= 0:
            while k >= 0 and not lines[k].text.strip():
                k -= 1
            block = []
            while k >= 0 and lines[k].text.strip() and not _GOAL_HEADING.match(lines[k].text.strip()):
                block.insert(0, k)
                k -= 1
            text = " ".join(lines[j].text.strip() for j in block)
            continues = not name or name[0][:1].islower() or \
                text.rsplit(" ", 1)[-1].casefold() in _FUNCTION_WORDS
            if not block or not continues or name and text.endswith((".", ":", ";")) \
                    or text.casefold() in (_ANALYSIS_MARK, _INDICATORS_MARK) or _ends_with_status(text):
                break
            name.insert(0, text)
            start = block[0]
        goal = re.sub(r"\s+", " ", " ".join(name))
        if name and name[0][:1].isupper() and len(goal) <= _GOAL_NAME_MAX:
            goals[start] = (at, goal)
    return goals


def _named_items(paras: list[list[_Line]]) -> list[str]:
    """The names listed under a heading, one paragraph each ('Antal doktorander inom' / 'forskningsområdet
    informationsteknik'); a paragraph in lower case continues the name before it, the heading is none."""
    names: list[str] = []
    for para in paras:
        text = re.sub(r"\s+", " ", _text(para)).strip()
        if not text or text.casefold() == _INDICATORS_MARK:
            continue
        if names and text[:1].islower():
            names[-1] = f"{names[-1]} {text}"
        else:
            names.append(text)
    return names


def chunk_document(doc: Document) -> list[Chunk]:
    lines: list[_Line] = []
    for page in doc.pages:
        for k, text in enumerate(unstack_cells(join_wrapped_heading(page.text.split("\n")))):
            lines.append(_Line(text=text, page=page.number, number=page.first_line + k if not doc.paginated else k + 1))
    b = _Builder(doc)
    section = doc.meta.title
    table: str | None = None  # kind of the table we are in, if any
    header = ""
    prose: list[_Line] = []
    row: list[_Line] = []
    row_code: str | None = None
    row_done = False  # the current row has had its status and comment
    status_first = False  # the table's first column is the status
    status_last = False  # … or its last: a row ends at its status
    trend_last = False  # a goal table whose last column is the trend: a row ends at 'Positiv'/'Negativ'
    header_line = -HEADER_WRAP_LINES - 1  # where the table header was
    goals = _goal_names(lines)
    goal_lines: set[int] = set()  # lines of a goal's name and its 'Analys' mark: text of its section
    goal = ""

    def flush_prose():
        nonlocal prose
        if prose and goal and section == f"{goal} – Indikatorer":
            # A goal's indicators, named one per paragraph: one passage that knows its goal and names.
            b.add(prose, section, "prose", {"mål": goal, "indikatorer": _named_items(_paragraphs(prose))})
        elif prose:
            b.add_prose(_paragraphs(prose), section)
        prose = []

    def flush_row():
        nonlocal row, row_code, row_done
        body = [l for l in row if l.text.strip()]
        if body:
            if table == "indicator" and not row_code:
                b.add(row, section, "indicator", {"header": header, **_indicator_fields(row, header)})
            elif row_code or STATUS_RE.search(_text(row)):
                unit_column = not header or "ansvarig" in header.casefold()
                b.add(row, section, "uppdrag", {"header": header, **_uppdrag_fields(row, row_code, unit_column)})
            else:
                prose.extend(row)
                flush_prose()
        row, row_code, row_done = [], None, False

    i = -1
    while i + 1 < len(lines):  # an index, not a for loop: a row that turns out to be prose is read again
        i += 1
        line = lines[i]
        text = line.text.strip()
        if i in goals:
            # A goal's follow-up is a section of its own, named by the goal; its indicators another.
            flush_row()
            flush_prose()
            analysis, goal = goals[i]
            section, table = goal, None
            goal_lines.update(range(i, analysis + 1))
        if i in goal_lines:
            prose.append(line)
            continue
        if goal and _GOAL_HEADING.match(text):
            flush_row()
            flush_prose()
            section, table, goal = heading_label(text), None, ""  # the next goal area ('Mål 6. …')
        if goal and text.casefold() == _INDICATORS_MARK:
            if section != f"{goal} – Indikatorer":
                flush_row()
                flush_prose()
                section, table = f"{goal} – Indikatorer", None
            prose.append(line)
            continue
        if goal and section == f"{goal} – Indikatorer" and not _header_kind(text) \
                and not (text and _is_heading(lines, i)):
            prose.append(line)  # an indicator's name wrapped after 'inom' is no heading (a heading over prose is)
            continue
        kind = _header_kind(text) if text else None
        if kind:
            flush_row()
            flush_prose()
            goal = ""  # (a table ends a goal's follow-up)
            header_line = i
            table, header = kind, re.sub(r"\s+", " ", text)
            status_first = header.casefold().startswith("status ")
            status_last = header.rsplit(" ", 1)[-1].casefold() in _STATUS_COLUMNS
            # (a plan's indicator table whose last column says how often it is reported, 'Å', 'M, D, Å',
            # ends each row there as a goal table ends it at its trend)
            trend_last = kind == "indicator" and header.rsplit(" ", 1)[-1].casefold() in ("trend", "redovisas")
            continue
        if table == "indicator" and trend_last and text and (_TREND_AT_END.search(text) or _REPORTED_AT_END.search(text)
                                                             or _empty_last_cell(lines, i, row)):
            row.append(line)  # a row ends at its trend, however short its line (no heading), or at its empty cell
            flush_row()
            continue
        inside_open_row = bool(row) and not row_done
        # (also inside a row: the layout's wrap marks it, and what follows is a table header or prose)
        wrapped = _wrapped_heading(lines, i) if text and not _code_of(text) else None
        if wrapped:
            flush_row()
            flush_prose()
            section, table, goal = heading_label(wrapped), None, ""  # a new section: the table above has ended
            i += 1
            continue
        if text.casefold() in _HEADER_WORDS and i - header_line <= HEADER_WRAP_LINES:
            continue  # the header's last cells, wrapped onto lines of their own ('Kommentar')
        if text and not inside_open_row and _is_heading(lines, i) and not _code_of(text):
            flush_row()
            flush_prose()
            section, goal = heading_label(text), ""
            if table and len(text) > 3:
                # A heading inside a table is a group label (a goal); keep it with the next row.
                row.append(line)
                continue
            continue
        code = _code_of(text) if text else None
        letter = _LETTER_ITEM.match(text) if not code and row_code and table == "uppdrag" else None
        if letter:
            # '(I) Sätta fokus på arbetsmiljö …': the next item of the list of assignments, marked by a
            # letter instead of a number, ends the coded row before it (whose comment it would become).
            flush_row()
            row, row_code = [line], letter.group(1)
            continue
        if code:
            flush_row()
            flush_prose()
            row, row_code = [line], code
            if table is None:
                table, header = "uppdrag", ""
            continue
        if table == "uppdrag" and status_first and text and STATUS_RE.fullmatch(text.rstrip(": ")):
            # A table whose first column is the status: each row starts at its status cell and runs,
            # assignment and analysis, to the next one.
            flush_row()
            flush_prose()
            row = [line]
            continue
        if table == "uppdrag" and status_last and text and _ends_with_status(text):
            row.append(line)
            flush_row()
            continue
        if row and status_first and table == "uppdrag":
            if len(_text(row)) > ROW_MAX:
                flush_row()  # past any row's length: the table has ended
                table = None
                prose.append(line)
                continue
            row.append(line)
            row_done = row_done or (bool(text) and sum(bool(l.text.strip()) for l in row) > 3)
            continue
        if table == "indicator" and not trend_last and row and text and _next_indicator(lines, i, row):
            flush_row()  # (a row with no status cell ends where the next indicator's name starts)
        if row or table:
            starts_new = (row_done and text and not line.text[:1].isspace() and text[:1].isupper()
                          and not lines[i - 1].text.strip())
            if starts_new and (not row_code or _next_row_before_code(lines, i)):
                # (A coded row's comment may run over paragraphs; a row without a code of its own
                # that follows it has its own status cell further down, before any code.)
                flush_row()
            elif starts_new and row_code and len(_text(row)) > ROW_MAX:
                flush_row()
                table = None
                prose.append(line)
                continue
            if not row and not text:
                continue
            if len(_text(row)) > (STATUS_LAST_ROW_MAX if status_last or trend_last else ROW_MAX) and not row_done:
                # No status or måluppfyllelse in sight: this is running text after the table. Read it
                # again as such, so its headings are seen (a coded row would start the table again).
                if row_code is None:
                    i = lines.index(row[0]) - 1
                    row, row_done, table = [], False, None
                    continue
                prose.extend(row)
                row, row_code, row_done, table = [], None, False, None
                prose.append(line)
                continue
            row.append(line)
            m = STATUS_RE.search(_text(row))
            if m and not row_done:
                tail = _text(row)[m.end():].strip()
                row_done = bool(tail)
            elif row_code and not row_done and _TIDPLAN_UNIT.search(text):
                row_done = True  # a plan table has no status: its row is complete with 'Q4 2023 CE'
            continue
        prose.append(line)
    flush_row()
    flush_prose()
    return b.chunks
