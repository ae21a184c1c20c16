"""Tables whose cells the PDF extraction stacked in columns, put back side by side: wrapped headings
onto one line, and rows' figures onto their labels' lines.

A table cell of several lines comes out as a column of its own. An indicator broken down into
parts prints its labels as one block and each column of figures as another:

    Personalrörlighet          Personalrörlighet
    ▪ Totalt                   Personalrörlighet, Totalt 11,4 % - 9,9 %
    ▪ Egen begäran      ->     Personalrörlighet, Egen begäran 8,9 % - 8,5 %
    11,4 %   (…)   9,9 %       …
    8,9 %          8,5 %

Read apart, no line says what '8,9 %' is. The label lines get their row's figures, and the figure
lines are left empty, so every line keeps its number (citations stay right) and no word or number
is changed, only moved. A one-line block is a merged cell (the target for the whole group) and is
given to every row.
"""
from __future__ import annotations

import re

_BULLET = re.compile(r"^\s*[-–▪•➢]\s*(?P<label>[A-ZÅÄÖa-zåäö][^\d]{1,80})$")
_HEAD = re.compile(r"^\s*(?P<label>[A-ZÅÄÖ][^\d:;.]{2,80}?)\s*$")
_VALUE = re.compile(r"^\s*(?:[+\-−–]?\d{1,3}(?:[\u00a0 ]\d{3})*(?:,\d+)?\s?%?(?:\s*\(20\d\d\))?|[-–])\s*$")
_TOTAL = re.compile(r",?\s*\b(?:totalt|total|summa)\s*$", re.I)
MAX_GAP = 5  # blank lines between the label block and its figures, and between columns


def _blank(line: str) -> bool:
    return not line.strip()


def _block(lines: list[str], i: int, pattern: re.Pattern) -> int:
    """The end of the run of lines from i that all match pattern."""
    j = i
    while j < len(lines) and pattern.match(lines[j]):
        j += 1
    return j


def _skip_blanks(lines: list[str], i: int) -> int | None:
    j = i
    while j < len(lines) and _blank(lines[j]) and j - i < MAX_GAP:
        j += 1
    return j if j < len(lines) and not _blank(lines[j]) else None


def _columns(lines: list[str], start: int, rows: int) -> tuple[list[list[int]], int]:
    """The figure columns from start: blocks of one line (a merged cell) or of one line per row."""
    columns: list[list[int]] = []
    i = start
    while True:
        j = _block(lines, i, _VALUE)
        size = j - i
        if size not in (1, rows) or (size == 1 and rows == 1):
            break
        columns.append(list(range(i, j)))
        nxt = _skip_blanks(lines, j)
        if nxt is None or nxt == j:  # a column ends at a blank line
            break
        i = nxt
    while columns and len(columns[-1]) == 1:  # a lone figure after the table is no merged cell
        columns.pop()
    if not columns:
        return [], start
    return columns, columns[-1][-1] + 1


def _labels(lines: list[str], head: int | None, bullets: range, values: int) -> tuple[list[int], str]:
    """The lines that are rows, and the prefix that names the group on each row's line."""
    parts = list(bullets)
    if head is None:
        return (parts, "") if values == len(parts) else ([], "")
    head_text = lines[head].strip()
    prefix = _TOTAL.sub("", head_text).strip(" ,")
    if _TOTAL.search(head_text) or values == len(parts) + 1:
        rows = [head] + parts  # the head is the total's own row ('Personalrörlighet, totalt')
        # The last part may have no figure of its own (an empty cell), never one in the middle.
        return (rows[:values], prefix) if values in (len(rows), len(rows) - 1) else ([], "")
    return (parts, prefix) if values == len(parts) else ([], "")


def unstack_cells(lines: list[str]) -> list[str]:
    """The lines with each stacked row's figures moved onto its label line (same length, same order)."""
    out = list(lines)
    i = 0
    while i < len(out):
        head = i if _HEAD.match(out[i]) and not _BULLET.match(out[i]) else None
        first = i + 1 if head is not None else i
        end = _block(out, first, _BULLET)
        if end - first < 2:
            i += 1
            continue
        start = _skip_blanks(out, end)
        if start is None:
            i = end
            continue
        # Try the row count that the labels allow; the first figure column says how many there are.
        rows = _block(out, start, _VALUE) - start
        row_lines, prefix = _labels(out, head, range(first, end), rows)
        columns, stop = _columns(out, start, rows) if row_lines else ([], start)
        if not columns:
            i = end
            continue
        for r, line_no in enumerate(row_lines):
            label = _BULLET.match(out[line_no])
            text = label.group("label").strip() if label else out[line_no].strip()
            if prefix and line_no != head:
                text = f"{prefix}, {text}"
            figures = [out[c[r] if len(c) > 1 else c[0]].strip() for c in columns]
            out[line_no] = f"{text} {' '.join(figures)}"
        for column in columns:
            for line_no in column:
                out[line_no] = ""
        i = stop
    return out


# A goal table's heading cells, each wrapped onto lines of its own ('Utfall' / '2022' / 'Mål' / '2023').
_HEADING_WORD = re.compile(r"^\s*(?:(?:Mål|Indikator|Utfall|Målvärde|Nuläge|Status|Trend|Prognos|Budget|Redovisas|"
                           r"Måluppfyllelse|Kommentar(?:er)?)\b\s*|20\d\d\s*)+$")
_HEADING_START = re.compile(r"^\s*(?:Mål\s+)?Indikator\s*$")
HEADING_REACH = 14  # lines a wrapped heading may run over, blank ones included


def join_wrapped_heading(lines: list[str]) -> list[str]:
    """'Mål Indikator' / 'Utfall' / '2022' / … / 'Status Trend' put on the first line as the one heading row
    it is ('Mål Indikator Utfall 2022 Mål 2023 Utfall 2023 Status Trend'); the others left empty."""
    out = list(lines)
    for i, line in enumerate(out):
        if not _HEADING_START.match(line):
            continue
        cells, last = [], i
        for j in range(i + 1, min(len(out), i + 1 + HEADING_REACH)):
            if _blank(out[j]):
                continue
            if not _HEADING_WORD.match(out[j]):
                break
            cells.append(out[j].strip())
            last = j
        if len(cells) >= 3 and any(re.search(r"20\d\d", c) for c in cells):
            out[i] = " ".join([line.strip()] + cells)
            for j in range(i + 1, last + 1):
                out[j] = ""
    return out
