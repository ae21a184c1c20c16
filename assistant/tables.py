"""Reading one cell of a table that PDF extraction flattened into lines of text.

A results table comes out as its column headings, one cell per line ('Bokslut', '2022*', 'Bokslut',
'2023'), then one line per row: the row's label and its figures ('Centrum för administration 2,4 1,6
0,1 -3,9'). When a row has exactly as many figures as the headings name years, the figure under the
asked year can be read off; in every other case (a missing cell, an ambiguous thousands separator
that the row's deviation column does not settle) nothing is read, so a wrong column is never
reported. Personnel tables name their columns relative
to the report ('Föregående år', 'Innevarande år'): those are read only when the report's year is known.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace
from functools import lru_cache
from itertools import permutations

from .swedish import parse_number

# A column heading: a label word and a year ('Bokslut 2023', 'Budget 2023', '2022*'); one per column.
_COLUMN = re.compile(r"(?:\b([A-ZÅÄÖa-zåäö]+)\s+)?(?<![\d,])(20\d\d)\*?(?![\d,])"
                     # Personnel tables name their columns relative to the report's year.
                     r"|\b(?:(föregående|fg\.?)|(innevarande|inn\.?))\s+år\b", re.I)
_NUMBER_TOKEN = re.compile(r"^[+\-−–]?\d{1,3}(?:,\d+)?%?$|^[+\-−–]?\d+(?:,\d+)?%?$")
_LABEL_WORDS = {"bokslut", "budget", "prognos", "utfall", "avvikelse", "resultat", "ram", "årsbudget", "helår",
                "förändring", "mål", "målvärde"}
_OUTCOME_LABELS = ("bokslut", "utfall", "resultat")
# The unit a table's headings give its amounts in ('Belopp i tkr', 'Ramförändringar i miljoner kronor').
_UNIT = re.compile(r"\bi (tkr|mnkr|mkr|tusentals kronor|miljoner kronor)\b", re.I)
# A heading line's last column that holds a share of change ('Förändring i %', 'Förändring %').
_SHARE_COLUMN = re.compile(r"\b(?:förändring|utveckling|ökning)\s*(?:i\s*)?%\s*$", re.I)
HEADER_LOOKBACK = 24  # heading lines above a table's rows that may hold its column headings
TABLE_LOOKBACK = 120  # lines above a row that may hold its table's headings (rows of it in between)


@dataclass
class Cell:
    label: str  # the row's label, as the report writes it
    column: str  # the column heading, e.g. 'Bokslut 2023'
    value: str  # the figure as written, e.g. '-3,9'
    title: str = ""  # the table's own heading lines ('Arbetsmiljöavvikelser (ack)'), if any
    unit: str = ""  # the unit its headings give its amounts in ('tkr', 'mnkr'), if any
    same_year: tuple[tuple[str, str], ...] = ()  # every (column, figure) of the row for the asked year
    named: bool = False  # its columns are named by words: the whole row is told, each figure by its column


def _row_figures(tokens: list[str], least: int = 2) -> tuple[str, list[str]] | None:
    """Split a row into its label and figures: the figures are the trailing numeric tokens, at least
    `least` of them (a row of a table with year columns has two or more)."""
    k = len(tokens)
    while k > 0 and _NUMBER_TOKEN.match(tokens[k - 1]):
        k -= 1
    # 'Övriga kostnader i kkl 5 -37,4 -29,7 …': a bare one- or two-digit number before figures that all
    # have decimals ends the label.
    if k < len(tokens) - 2 and re.fullmatch(r"\d{1,2}", tokens[k]) and \
            all(re.fullmatch(r"[+\-−–]?\d+,\d+%?", t) for t in tokens[k + 1:]):
        k += 1
    label, figures = " ".join(tokens[:k]).rstrip(": ").lstrip("-–•▪ "), tokens[k:]
    if not label or not re.search(r"[A-Za-zÅÄÖåäö]{3}", label) or len(figures) < least:
        return None
    if all(re.fullmatch(r"20\d\d\*?", f) for f in figures):
        return None  # 'Ramförändringar i miljoner kronor 2022 2023': a heading naming its columns
    if re.search(r"(?<![\w,])[+\-−–]?\d+,\d+(?![\w,])", label):
        return None  # other rows' figures inside the 'label': rows run together on one line
    return label, figures


def _with_thousands(figures: list[str]) -> list[str]:
    """'-142 910' is one figure: a bare three-digit token after a whole number is its thousands part.
    When a bare three-digit token is left over right after a merged figure ('1 779 949 721'), the
    split cannot be known: no reading (an empty list) rather than a guess."""
    out: list[str] = []
    merged_last = False
    for f in figures:
        if out and not merged_last and re.fullmatch(r"\d{3}", f) and re.fullmatch(r"[+\-−–]?\d{1,3}", out[-1]):
            out[-1] = f"{out[-1]} {f}"
            merged_last = True
        elif merged_last and re.fullmatch(r"\d{3}", f):
            return []
        else:
            out.append(f)
            merged_last = False
    return out


def _as_many(figures: list[str], columns: list) -> list[str] | None:
    """The figures as written, or with their thousands separators joined, when that gives one per
    column; None when neither does."""
    return next((c for c in (figures, _with_thousands(figures)) if len(c) == len(columns)), None)


def _splits(tokens: list[str], count: int) -> list[list[str]]:
    """Every way to read the tokens as `count` figures, a bare three-digit token being either a figure
    of its own or the thousands part of the figure before it ('1 284 329' is 1 284 and 329, or 1 and
    284 329, or one figure)."""
    if count == 0:
        return [[]] if not tokens else []
    out = []
    for end in range(1, len(tokens) + 1):
        thousands = re.fullmatch(r"\d{3}", tokens[end - 1]) and re.fullmatch(r"[+\-−–]?\d{1,3}", tokens[0])
        if end > 1 and not thousands:
            break
        out += [[" ".join(tokens[:end])] + rest for rest in _splits(tokens[end:], count - 1)]
    return out


def _deviation_checks(figures: list[str], columns: list[tuple[str, int]]) -> bool | None:
    """Whether a year's deviation column ('Avvikelse 2020') is its outcome less its budget ('Bokslut
    2020' less 'Årsbudget 2020'); None when the columns hold no such three."""
    def index(prefixes: tuple[str, ...], year: int) -> int | None:
        return next((k for k, (label, y) in enumerate(columns) if y == year
                     and label.casefold().startswith(prefixes)), None)
    verdict = None
    for year in {y for _, y in columns}:
        d, o, b = index(("avv",), year), index(_OUTCOME_LABELS, year), index(("budget", "årsbudget"), year)
        if None in (d, o, b):
            continue
        values = [parse_number(figures[k]) for k in (o, b, d)]
        if None in values:
            return False
        if abs(values[0] - values[1] - values[2]) > 0.11:
            return False
        verdict = True
    return verdict


def _confirmed_split(tokens: list[str], columns: list[tuple[str, int]]) -> list[str]:
    """The one way to split the tokens into the columns' figures that the deviation column confirms;
    none when no split or more than one does ('1 779 949 721 1 317 368' under 'Bokslut 2019 Budget
    2020 … Avvikelse 2020' is 1 779, 949, 721, 1 317, 368: 1 317 less 949 is 368)."""
    confirmed = [s for s in _splits(tokens, len(columns)) if _deviation_checks(s, columns)]
    return confirmed[0] if len(confirmed) == 1 else []


def _columns(lines: list[str], report_year: int | None = None) -> list[tuple[str, int]]:
    """The year columns named by the short heading lines just above a row, in order. 'Föregående år'
    and 'Innevarande år' (also 'fg år', 'Inn år') are the years before and of the report, when known."""
    # 'Föregående ÅrInnevarande År': extraction can drop the space between two headings.
    heading = re.sub(r"(?<=[a-zåäö])(?=[A-ZÅÄÖ][a-zåäö])", " ", " ".join(lines))
    heading = re.sub(r"\b20\d\d\s*[–-]\s*20\d\d\b", " ", heading)  # '2024–2026' is a period, not two columns
    cols = []
    for m in _COLUMN.finditer(heading):
        if m.group(2):
            word = (m.group(1) or "").casefold()
            label = f"{m.group(1)} {m.group(2)}" if word in _LABEL_WORDS else m.group(2)
            cols.append((label, int(m.group(2))))
        elif report_year is None:
            return []  # a column whose year cannot be known: no column can be trusted
        else:
            year = report_year - 1 if m.group(3) else report_year
            relative = "Föregående år" if m.group(3) else "Innevarande år"
            cols.append((f"{relative} ({year})", year))
    return cols


def is_table_heading_row(line: str, report_year: int | None) -> bool:
    """Whether a line names two or more year columns of a table ('Föregående år Innevarande år')."""
    return len(_columns([line], report_year)) >= 2


def _is_one_cell_row(line: str) -> bool:
    """'Förvaltningsövergripande prognosjustering 0,0': a row of the table with one cell filled in,
    not a heading line (a heading names a year, not a figure)."""
    tokens = line.split()
    return len(tokens) >= 2 and bool(_NUMBER_TOKEN.match(tokens[-1])) and not re.fullmatch(r"20\d\d\*?", tokens[-1]) \
        and not _NUMBER_TOKEN.match(tokens[-2]) and bool(re.search(r"[A-Za-zÅÄÖåäö]{3}", line)) \
        and bool(re.search(r"[,+\-−–]", tokens[-1]))


@dataclass(frozen=True)
class Row:
    label: str
    figures: tuple[str, ...]  # one per column
    columns: tuple[tuple[str, int], ...]  # (heading, year)
    title: str = ""  # heading lines that name no column: what the table is about
    unit: str = ""  # 'Belopp i tkr' among the headings: the amounts are in tkr
    named: bool = False  # columns named by words ('Total beräknad intäkt i mnkr'), all of the report's year


# Words a column heading of a monthly results table starts with ('Ack / utfall / Inn år', 'Helår /
# Prognos', 'Bokslut / Utf Fg år', 'Avv / Bud mot / Prog'), each cell wrapped over several lines.
_COLUMN_START = re.compile(r"^(?:ack(?:umulerat)?|helår|bokslut|avv(?:ikelse)?)\b", re.I)


def _grouped_columns(above: list[str], report_year: int | None) -> list[tuple[str, int]]:
    """Column headings wrapped over several lines, one column starting at each line that starts with
    a heading word: 'Ack utfall Inn år' and 'Helår Prognos' are the report's year, 'Ack Utfall Fg år'
    the year before."""
    start = next((k for k, h in enumerate(above) if _COLUMN_START.match(h)), None)
    if report_year is None or start is None:
        return []
    groups: list[list[str]] = []
    for h in above[start:]:
        if _COLUMN_START.match(h) or not groups:
            groups.append([h])
        elif re.search(r"\bår$", groups[-1][-1]) and h[:1].isupper():
            break  # 'Intäkter' after the last heading labels the rows below, it heads no column
        else:
            groups[-1].append(h)
    cols = []
    for g in groups:
        label = " ".join(" ".join(g).split())
        # ('Ack Avv Fg år' is the report year's change from the year before: the report's year.)
        earlier = re.search(r"\b(?:fg\.?|föregående)\s+år", label, re.I) and not re.match(r"(?:ack\s+)?avv", label, re.I)
        cols.append((f"{label} ({report_year - 1 if earlier else report_year})", report_year - 1 if earlier else report_year))
    return cols if len(cols) >= 4 else []


# A column named by what it holds and its unit ('Prisförändring i procent', 'Total beräknad intäkt i
# mnkr'): from a capitalised word to the unit, with no other capitalised word in between.
_NAMED_COLUMN = re.compile(r"[A-ZÅÄÖ][^A-ZÅÄÖ\d]*?\s(?:i|per)\s+(procent|%|tkr|mnkr|mkr|kronor|miljoner kronor)\b")
_AMOUNT_UNITS = {"tkr", "mnkr", "mkr", "kronor", "miljoner kronor"}


def _named_columns(above: list[str], count: int) -> tuple[list[str], str] | None:
    """Columns the headings name by words and unit, as many as the row has figures: their names (an
    amount's unit left off, to be told with the figure) and that unit. None when they do not add up."""
    text = re.sub(r"(\w)-\s+(\w)", r"\1\2", " ".join(above))  # 'Volym- / förändring'
    found = list(_NAMED_COLUMN.finditer(text))
    if len(found) != count or count < 2:
        return None
    units = {m.group(1).casefold() for m in found} & _AMOUNT_UNITS
    if len(units) > 1:
        return None
    names = [" ".join((m.group(0)[: m.start(1) - m.start(0)].rsplit(" i ", 1)[0].rsplit(" per ", 1)[0]
                       if m.group(1).casefold() in _AMOUNT_UNITS else m.group(0)).split()) for m in found]
    return names, next(iter(units), "")


def _with_percent_signs(tokens: list[str]) -> list[str]:
    """'5,8', '%' as one figure, '5,8%': the extraction put a space before the sign."""
    out: list[str] = []
    for t in tokens:
        if t == "%" and out and re.fullmatch(r"[+\-−–]?\d+(?:,\d+)?", out[-1]):
            out[-1] += "%"
        else:
            out.append(t)
    return out


def _checked_prefix(figures: tuple[str, ...] | list[str],
                    columns: list[tuple[str, int]]) -> tuple[int, tuple[tuple[str, int], ...]]:
    """How many leading columns the figures confirm, and the columns in the figures' order. A deviation
    column ('Ack avv från budget') is confirmed by being the difference of the two columns before it;
    one against the year before ('Ack Avv Fg år') by being a report-year column less an earlier year's.
    The extraction may list a deviation's heading one place late ('Bokslut Utf Fg år' before 'Avv Bud
    mot Prog' while the figures come the other way): where the figure before its place is the
    difference of the two before that, the two headings swap. Reading stops at the first failed check."""
    values = []
    for f in figures:
        m = re.fullmatch(r"([+\-−–]?)(\d[\d ]*(?:,\d+)?)", f)
        values.append(None if not m else float(m.group(2).replace(" ", "").replace(",", "."))
                      * (-1 if m.group(1) else 1))
    cols = list(columns)
    is_deviation = lambda k: bool(re.match(r"(?:ack\s+)?avv", cols[k][0], re.I))  # noqa: E731

    def differs(a: int, b: int, d: int) -> bool:
        return None not in (values[a], values[b], values[d]) and abs(values[a] - values[b] - values[d]) <= 0.11

    def against_year_before(d: int) -> bool:
        if not re.search(r"\b(?:fg\.?|föregående)\s+år", cols[d][0], re.I):
            return False
        year = cols[d][1]
        return any(differs(a, b, d) for a in range(d) for b in range(d) if not is_deviation(a) and not is_deviation(b)
                   and cols[a][1] == year and cols[b][1] == year - 1)

    trusted = 0
    for k in range(2, len(cols)):
        if not is_deviation(k):
            continue
        if differs(k - 2, k - 1, k) or against_year_before(k):
            trusted = k + 1
        elif k >= 3 and not is_deviation(k - 1) and differs(k - 3, k - 2, k - 1):
            cols[k - 1], cols[k] = cols[k], cols[k - 1]
            trusted = k  # the heading swapped in at k is confirmed only by a later check
        else:
            break
    return trusted, tuple(cols)


def _title(above: list[str], per_line: list[list], heading: int | None) -> str:
    """What the table is about: the heading lines that name no column, just above its own heading
    line (back to a neighbouring table's heading) or above its first column heading, without
    parenthesised notes ('(1 mån släp)'); or the words its heading line starts with ('Ramförändringar
    i miljoner kronor 2022 2023')."""
    first_column = next((k for k, cols in enumerate(per_line) if cols), len(above))
    end = heading if heading is not None else first_column
    start = next((k + 1 for k in reversed(range(end)) if per_line[k]), 0)
    lines = [" ".join(re.sub(r"\([^)]*\)?", " ", h).split()) for h in above[start:end]][-3:]
    lines = [h for k, h in enumerate(lines) if not any(h in later for later in lines[k + 1:])]  # said again below
    title = " ".join(" ".join(lines).split())
    if not title and heading is not None:
        words = re.split(r"\b20\d\d|\b(?:föregående|fg\.?|innevarande|inn\.?)\s+år\b", above[heading],
                         maxsplit=1, flags=re.I)[0].split()
        while words and words[-1].casefold() in _LABEL_WORDS:
            words.pop()  # 'Budget' of 'Budget 2023' heads a column
        title = " ".join(words) if re.search(r"[A-Za-zÅÄÖåäö]{3}", " ".join(words)) else ""
    return title


# A table of this year against the year before ('Förändring Förändring % Föregående År Innevarande År').
_CHANGE_HEADING = re.compile(r"förändring.*%|%.*förändring", re.I)


def _change_columns(tokens: list[str], report_year: int) -> tuple[list[str], list[tuple[str, int]]] | None:
    """The row of a table of the report's year against the year before, its headings in an order the
    extraction may have scrambled: the one way to read the tokens as this year, the year before, the
    change and the change in percent such that this year less the year before is the change, and the
    change is about that percentage of the year before (a count of årsarbetare may carry the
    percentage of the hours it is reckoned from). None when no reading, or more than one, adds up."""
    found = []
    for split in _splits(tokens, 4):
        values = [parse_number(f) for f in split]
        if None in values:
            continue
        for now, before, change, percent in permutations(range(4)):
            v = values
            # (Whole numbers are rounded: 420 556 less 417 476 is shown as a change of 3 079.)
            tolerance = 0.11 if any("," in split[k] for k in (now, before, change)) else 1.0
            adds_up = abs(v[now] - v[before] - v[change]) <= tolerance
            if adds_up and v[before] and v[change] and \
                    abs(v[change] / abs(v[before]) * 100 - v[percent]) <= max(0.1, abs(v[percent]) / 5):
                names = {now: (f"Innevarande år ({report_year})", report_year),
                         change: (f"Förändring ({report_year})", report_year),
                         percent: (f"Förändring % ({report_year})", report_year),
                         before: (f"Föregående år ({report_year - 1})", report_year - 1)}
                found.append((split, [names[k] for k in range(4)]))
    return found[0] if len(found) == 1 else None


def _read_under_heading_below(lines: list[str], i: int, figures: list[str], report_year: int | None
                              ) -> tuple[tuple | None, str]:
    """Some extractions put a table's heading line after its rows ('… Försäljning av tjänster 104 891
    … / År: 2020 / Helår / Belopp i tkr Bokslut 2019 Budget 2020 … Avvikelse 2020'). The rows below
    line `i`, down to such a heading line, are read under it only if the row's deviation checks out:
    the heading line might as well head the rows that follow it. Also returns the heading line."""
    skipped = 0
    for line in lines[i + 1:i + 1 + TABLE_LOOKBACK]:
        if not line or _row_figures(line.split()) or _is_one_cell_row(line):
            continue
        cols = _columns([line], report_year)
        if len(cols) >= 2:
            split = _as_many(figures, cols) or _confirmed_split(figures, cols)
            return ((split, cols, None, False), line) if split and _deviation_checks(split, cols) else (None, "")
        skipped += 1
        if line.endswith(".") or skipped > 4:
            break
    return None, ""


def _headings_above(lines: list[str], i: int, report_year: int | None) -> list[str]:
    """The headings of the row at line `i`: the run of lines above, back to the previous row or prose
    sentence. The rows of the same table above it do not count against the distance to them."""
    above: list[str] = []
    for prev in reversed(lines[max(0, i - TABLE_LOOKBACK):i]):
        if not prev:
            continue
        is_row = bool(_row_figures(_with_percent_signs(prev.split()))) or _is_one_cell_row(prev)
        if is_row or prev.endswith("."):
            if above and is_row and len(above) == 1 and not _columns(above, report_year) \
                    and len(above[0].split()) <= 2:
                above = []  # a label inside the table ('Kostnader'): its headings are further up
                continue
            if above:
                break
            continue  # rows of the same table: keep looking for its headings
        if len(above) >= HEADER_LOOKBACK:
            break
        above.insert(0, prev)
    return above


@lru_cache(maxsize=20_000)
def table_rows(text: str, report_year: int | None = None) -> tuple[Row, ...]:
    """The rows of the flattened tables in `text` whose figures line up with year columns (parsed
    once per text: a loaded index asks about the same passages again and again). `report_year` is
    the year of the report the text comes from, for columns named relative to it."""
    # ('-100,00-4 532': the extraction ran a decimal figure and the negative one after it together.)
    lines = [re.sub(r"(\d,\d+)(?=[-−–]\d)", r"\1 ", l.strip()) for l in text.split("\n")]
    rows: list[Row | None] = []
    # Tables whose column order the figures decide: per table (its headings), each row's index, how many
    # columns it confirms, their order, and whether a row read in another order is dropped.
    checked: dict[tuple[str, ...], list[tuple[int, int, tuple, bool]]] = {}
    for i, line in enumerate(lines):
        row = _row_figures(_with_percent_signs(line.split()))
        if not row:
            continue
        label, figures = row
        # A last share beside amounts is read only under a heading line that ends with its column
        # ('… Bokslut 2020 Förändring i %'); any other share beside amounts is a column no year names.
        share = figures[-1] if figures[-1].endswith("%") and not any(f.endswith("%") for f in figures[:-1]) else None
        if share:
            figures = figures[:-1]
        elif any(f.endswith("%") for f in figures) and not all(f.endswith("%") for f in figures):
            named = _named_columns(_headings_above(lines, i, report_year), len(figures)) if report_year else None
            if named:  # shares beside amounts under columns that say which is which
                rows.append(Row(label=label, figures=tuple(figures), unit=named[1], named=True,
                                columns=tuple((name, report_year) for name in named[0])))
            continue
        above = _headings_above(lines, i, report_year)
        # A chart's year axis ('2020 2021 2022', '2020 till 2023') extracted among the headings is none.
        above = [h for h in above if not re.fullmatch(r"\W*20\d\d\*?(?:\s+(?:till|–|-)?\s*20\d\d\*?)+\W*", h)]
        per_line = [_columns([h], report_year) for h in above]
        # A heading row extracted whole onto one line ('Föregående år Innevarande år', 'Budget 2023
        # Bokslut 2023') right above the rows is theirs; lines above it may head a neighbouring table.
        # Heading lines below it ('Bokslut i % av / Intäkt') name more columns than it does. Else the
        # headings are one cell per line.
        whole = len(above) - 1 if above and len(per_line[-1]) >= 2 else None
        # 'Bokslut i % av / Intäkt' under the heading line heads the share the rows end with (where
        # there is one), a column no year names: the amounts under the year headings are read, if
        # their deviation checks out.
        share_below = False
        if whole is None:
            k = max((j for j, cols in enumerate(per_line) if len(cols) >= 2), default=None)
            share_below = k is not None and not any(per_line[k + 1:]) and "%" in " ".join(above[k + 1:])
            whole = k if share_below else None
        # (columns, the heading line they are on, whether their order must be confirmed by the figures)
        if share and not share_below and (whole is None or not _SHARE_COLUMN.search(above[whole])):
            continue  # a share beside amounts: a column ('Bokslut i % av intäkt') no year names
        if whole is not None:
            layouts = [(per_line[whole], whole, False)]
        elif any(len(cols) >= 2 for cols in per_line):
            continue  # a heading line with more heading lines under it: which column is which is unknown
        else:
            # (Wrapped headings: the table's title is the lines above its first column's heading.)
            first_heading = next((k for k, h in enumerate(above) if _COLUMN_START.match(h)), None) or None
            layouts = [(_columns(above, report_year), None, False),
                       (_grouped_columns(above, report_year), first_heading, True)]
        # (Thousands separators that leave the split in doubt: the deviation column decides, last.)
        read = next(((cand, cols, k, unconfirmed) for split in (_as_many, _confirmed_split)
                     for cols, k, unconfirmed in layouts if len(cols) >= 2
                     for cand in [split(figures, cols)] if cand), None)
        if read and read[3]:
            # Wrapped headings may come out of the extraction in another order than their columns:
            # only the columns up to a deviation that checks out ('avv' = the two before it) are read,
            # as far as most rows of the table confirm it (a row of zeros confirms anything).
            trusted, order = _checked_prefix(read[0], read[1])
            checked.setdefault(tuple(above), []).append((len(rows), trusted, order, False))
        if read and share_below and not _deviation_checks(read[0], read[1]):
            read = None
        if read is None and whole is not None and report_year and _CHANGE_HEADING.search(above[whole]):
            change = _change_columns(figures, report_year)
            read = (change[0], change[1], whole, False) if change else None
            if read:  # (every row of the table must be read in the same order)
                checked.setdefault(tuple(above), []).append((len(rows), 4, tuple(read[1]), True))
        heading_below = ""
        if read is None and not any(len(cols) >= 2 for cols in per_line):
            read, heading_below = _read_under_heading_below(lines, i, figures, report_year)
        if read:
            figures_read, columns_read = tuple(read[0]), tuple(read[1])
            if share and not share_below:  # the change from the year before to the last column's year
                figures_read += (share,)
                columns_read += ((_SHARE_COLUMN.search(above[whole]).group(0).strip(), columns_read[-1][1]),)
            unit = _UNIT.search(" ".join(above + [heading_below]))
            rows.append(Row(label=label, figures=figures_read, columns=columns_read,
                            title=_title(above, per_line, read[2]), unit=unit.group(1).casefold() if unit else ""))
    for block in checked.values():
        # (A row of zeros confirms any order: the table's order is the one most of its rows confirm. A
        # row of a table of changes read in another order than the rest is not read.)
        trusted, order = Counter((t, o) for _, t, o, _ in block).most_common(1)[0][0]
        for k, t, own_order, strict in block:
            rows[k] = replace(rows[k], figures=rows[k].figures[:trusted], columns=order[:trusted]) \
                if t >= trusted > 0 and not (strict and own_order != order) else None
    return tuple(r for r in rows if r is not None)


def read_cells(text: str, year: int, prefer: tuple[str, ...] = (), report_year: int | None = None) -> list[Cell]:
    """Every table row in `text` read under `year`: the column labelled as `prefer` ('budget'), else
    an outcome column, else the first column of that year."""
    cells = []
    for row in table_rows(text, report_year):
        wanted = [j for j, (_, y) in enumerate(row.columns) if y == year]
        if not wanted:
            continue
        preferred = [j for j in wanted if prefer and row.columns[j][0].casefold().startswith(prefer)]
        outcome = [j for j in wanted if row.columns[j][0].casefold().startswith(_OUTCOME_LABELS)]
        # Columns named by words: each is a cell of its own, the question's words pick one.
        for j in wanted if row.named else (preferred or outcome or wanted)[:1]:
            cells.append(Cell(label=row.label, column=row.columns[j][0], value=row.figures[j], title=row.title,
                              same_year=tuple((row.columns[k][0], row.figures[k]) for k in wanted), unit=row.unit,
                              named=row.named))
    return cells


@dataclass(frozen=True)
class AmountLine:
    """A line of a table of amounts as the extraction left it: a label and its figures, one or more (a
    row with empty cells has fewer figures than its table has columns)."""
    line: int  # its line in the text
    label: str
    figures: tuple[str, ...]
    years: tuple[int, ...] = ()  # the years the table's heading line names, one per column
    unit: str = ""  # 'miljoner kronor' where the headings give the amounts' unit
    title: str = ""  # the heading line without its years ('Ramförändringar i miljoner kronor')

    @property
    def is_total(self) -> bool:
        return bool(re.match(r"(?:summa|totalt?)\b", self.label, re.I))


@lru_cache(maxsize=4096)
def amount_lines(text: str) -> tuple[AmountLine, ...]:
    """Every line of `text` that is a label followed by figures, with the heading line above it (the
    last line that names two or more years and no figure) for its columns, title and unit. (Cached:
    the answerer reads the same tables for question after question.)"""
    out: list[AmountLine] = []
    years: tuple[int, ...] = ()
    title = unit = ""
    lines = text.split("\n")
    for n, raw in enumerate(lines):
        after = next((line.strip() for line in lines[n + 1:] if line.strip()), "")
        if re.match(r"[a-zåäö]", after):
            continue  # a sentence the extraction wrapped after a figure ('… på 70' + 'miljoner kronor.')
        row = _row_figures(raw.split(), least=1)
        if row is None:
            # A heading line names two or more year columns and what the table is ('Ramförändringar i
            # miljoner kronor 2022 2023'); a line of years alone is a chart's axis.
            words = [w for w in re.sub(r"(?<![\d,])20\d\d\*?(?![\d,])", " ", raw).split()
                     if w.casefold() not in _LABEL_WORDS]
            columns = _columns([raw])
            if len(columns) >= 2 and re.search(r"[A-Za-zÅÄÖåäö]{3}", " ".join(words)):
                years, title = tuple(y for _, y in columns), " ".join(words)
                found = _UNIT.search(raw)
                unit = found.group(1) if found else ""
            continue
        label, figures = row[0], _with_thousands(row[1])
        # (A sentence that ends in a figure is no row.)
        if figures and not label.endswith("."):
            out.append(AmountLine(n, label, tuple(figures), years, unit, title))
    # A table has rows: a line alone under its heading is a sentence that happens to end in a figure.
    tables = Counter(r.title for r in out)
    return tuple(r for r in out if tables[r.title] >= 2)


def row_labels(text: str, report_year: int | None = None) -> frozenset[str]:
    """The labels of the table rows in `text` ('summa intäkter', 'försäljning av tjänster'), as
    lower-case words separated by single spaces, for matching against the words of a question.
    Labels without a word of letters or shorter than six characters
    ('Summa', '2023') name no particular row."""
    labels = {r.label for r in table_rows(text, report_year)} | {r.label for r in amount_lines(text)}
    out = set()
    for label in labels:
        words = re.findall(r"\w+", label.casefold())
        joined = " ".join(words)
        if len(joined) >= 6 and any(w.isalpha() for w in words):
            out.add(joined)
    return frozenset(out)
