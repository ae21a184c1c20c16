"""Query analysis: what a question asks (intent) and what it pins down (years, region, report kind, codes)."""
from __future__ import annotations

import re
from typing import Iterable

from .catalog import KINDS_NAMED_AS_FIGURES, OUTCOME_KINDS, PLAN_KINDS, REPORT_KINDS, SWEDISH_REGIONS
from .models import DocumentMeta, Query
from .swedish import ascii_fold, expand_query
from .units import Units

_YEAR = re.compile(r"(?<!\d)(20\d\d)(?!\d)")
_PERIOD = r"(?<!\d)20\d\d\s?[–-]\s?20\d\d(?!\d)"  # '2023–2025'
_PLAN_PERIOD = re.compile(rf"\b\w*plan\w*\s+(?:för\s+)?{_PERIOD}", re.I)
_NOT_DECIMAL = r"(?!\d|%|,\d)"
_CODE_UPPER = re.compile(rf"(?<![\wÅÄÖåäö])([A-ZÅÄÖ]{{1,4}})\s?(\d{{1,3}}[a-z]?){_NOT_DECIMAL}")
_CODE_LOWER = re.compile(rf"(?<![\wåäö])([a-zåäö]{{2,3}})(\d{{1,3}}){_NOT_DECIMAL}")
_CODE_NUMBERED = re.compile(rf"\b(?:uppdrag|uppdraget|aktivitet|aktiviteten|punkt|nr|nummer)\s*\(?(\d{{1,3}})\)?{_NOT_DECIMAL}",
                            re.I)

_INTENT_PATTERNS = [
    ("why", r"\bvarför\b|\borsak|\banledning|\bberor\b|\bberodde\b|\bförklar|\bvad låg bakom|\bhur kommer det sig|\bhur kunde\b|"
            r"\bvad (?:var det som |är det som )?(?:gjorde|gör|ledde till|leder till) att\b"),
    # ('jämfört med föregående år' is what one report says of its year, not a comparison of reports.)
    ("compare", r"\bjämför(?!t med (?:föregående|förra) år)|\butvecklats\b|\bförändrats\b|"
                r"\butveckling(en)? (sedan|mellan|från)|\bsedan 20\d\d|"
                r"\bmellan 20\d\d och 20\d\d|\bökat eller minskat|"
                # ('med negativ trend' is a goal table's assessment of one year, not a comparison.)
                r"(?<!positiv )(?<!negativ )\btrend"),
    # 'Vilka uppdrag har CE som ansvarig?' lists rows by their unit; 'Vem ansvarar för …' asks one row's.
    ("list", r"^\s*vilka\s+(?:\w+\s+){0,2}?(?:uppdrag|aktiviteter|delmål|åtgärder|insatser)\b.*"
             r"(?:\bansvar|\bligger (?:på|hos)\b)"),
    ("status", r"^\s*vem\b|\bvem (har|är|ansvarar)|\bvilka (på|inom)\b.*\b(ska|har)\b|\bansvar(ar|ig)|\bhand om"),
    ("list", r"^\s*vilka\b|\blista\b|\bräkna upp|\bvilka (uppdrag|aktiviteter|mål|delmål|indikatorer)|\bnämn\b|"
             r"\bge exempel|\bexempel på\b|\bpå vilka sätt\b|\bvilka (typer|slags|sorters)\b"),
    ("status", r"\bstatus|\bhur går det|\bhur gick det|\bhur har det gått|\bhur det (har )?gått|\bvem (har|är|ansvarar)|"
               r"\bvilka (på|inom) .* (ska|har)|\bansvar(ar|ig)|\bhand om|\bdra(r)? i\b|\bhur ligger\b(?:\s+\S+){0,9}?\s+till\b|\bläget\b|\bhur långt|\bär .* (klart|klar|"
               r"genomfört|genomförd)\b|\bblev .* klar|\bgenomförts\b|\bmåluppfyllelse|\bnått målet|\buppnått|"
               r"\bblev det (något|nåt|någonting) av|\bpå plats\b|\bklara? med\b|\bi mål\b|\bkommit igång|"
               r"\b(klara|klarar|klarade|nå|når|nådde|uppfylla|uppfyller|uppfyllde) (?:\w+ ){0,2}?"
               r"(sitt|sina|målet|målen|delmålet|delmålen)\b|"
               # A goal's prognosis is its assessment ('Mål kommer delvis uppfyllas'), not a figure.
               r"\bprognos\w* (?:har|för|gäller) (?:\w+ ){0,4}?(?:del)?mål(?:et|en)?\b"),
    ("number", r"\bhur (mycket|många|stor|stort|stora|hög|högt|höga|låg|lågt)\b|\bvilket (belopp|resultat)|\bandel|"
               r"\bprocent|\bmkr\b|\bmnkr\b|\bkronor|\bsumma|\bbelopp|\bantal\b|\bprognos|\bresultat(?!et av )|\bavvikelse|"
               r"\bsjukfrånvaro|\bsjuktal|\bgick .* (plus|minus)|\bvad landade"),
]


def intent_within_comparison(text: str) -> str:
    """What a comparison asks of each report: 'Varför … 2020 jämfört med 2023?' asks why, for each year."""
    low = text.casefold()
    return next((name for name, pattern in _INTENT_PATTERNS if name not in ("compare", "list")
                 and re.search(pattern, low)), "fact")


# What a plan said ('enligt planen', 'målvärdet', 'som skulle göras') and what came of it ('blev',
# 'faktiskt', 'till slut', 'utfallet'): the plan answers the one, an outcome report the other.
_PLAN_WORDS = re.compile(r"\bplan(?:en|erna)?\b|\bplanera(?:de|t)?\b|\bmålvärde|\bskulle\b")
_WHAT_CAME_OF_IT = re.compile(r"\bfaktiskt\b|\btill slut\b|\bblev\b|\bhände\b|\butfall\w*|\bstämde\b|\bkom\b|\bgenomfördes\b|"
                              r"\bgjordes\b|\bhar det gått\b")


# Where a question asking several things splits: '…enligt planen, och hur mycket blev över?'.
_PART_BREAK = re.compile(r"\s*(?:\?\s+|\s[–—-]\s|,\s*(?:och\s+)?|\s+och\s+(?=(?:vad|vem|vilk\w*|hur|när|blev)\b))")


def plan_and_outcome_parts(text: str) -> tuple[str, str]:
    """The question as asked of the plan and as asked of the outcome report: its first part (which
    names the subject) with the parts about the plan, or with those about what came of it."""
    parts = [p for p in _PART_BREAK.split(text) if p and p.strip()]
    if len(parts) < 2:
        return text, text
    low = [p.casefold() for p in parts]
    # 'som skulle göras 2023' describes the subject; 'enligt planen' asks the plan.
    about_plan = [bool(_PLAN_WORDS.search(x.replace("skulle", ""))) for x in low]
    # 'Vad hände med X' names the subject; 'blev de köpta' asks what came of it.
    about_outcome = [bool(_WHAT_CAME_OF_IT.search(x.replace("hände", ""))) for x in low]
    plan = [p for i, p in enumerate(parts) if about_plan[i] or not about_outcome[i]]
    outcome = [p for i, p in enumerate(parts) if about_outcome[i] or not about_plan[i]]
    return " ".join(plan), " ".join(outcome)


def question_for_report(text: str, meta: DocumentMeta, compared: list[DocumentMeta]) -> str:
    """What a question that asks several reports in turn asks of this one: 'Hur stor var X i bokslutet
    2020, vilken ram gav förvaltningsplanen, och hur blev utfallet 2023?' asks the 2020 report the
    first part. The parts that name no report (the subject) go to every report; a report that no
    part singles out is asked the whole question."""
    parts = _question_parts(text)
    if len(parts) < 2:
        return text
    named = [_reports_named(p, compared) for p in parts]
    own = [meta in n for n in named]
    if not any(own):
        return text
    return " ".join(p for p, n, mine in zip(parts, named, own) if mine or not n)


def reports_the_parts_name(text: str, compared: list[DocumentMeta]) -> list[DocumentMeta] | None:
    """The reports that the parts of a question name, where two or more parts each name some:
    'Vad kostade X regionkontoret i Västmanland 2023, och vad har Västerbottens regionstyrelse gjort
    under 2025?' names the one region's 2023 report and the other's 2025 report, not every report of
    both years. None when fewer than two parts name a report."""
    named = [n for n in (_reports_named(p, compared) for p in _question_parts(text)) if n]
    if len(named) < 2:
        return None
    return [m for m in compared if any(m in n for n in named)]


def _question_parts(text: str) -> list[str]:
    """The parts of a question that asks several things in turn ('…, och hur …?', '… – vad …')."""
    parts: list[str] = []
    for p in (p for p in _PART_BREAK.split(text) if p and p.strip()):
        # '2020, 2023 och 2025' is one list of years, not parts of their own.
        if parts and not re.sub(r"20\d\d|\b(?:och|samt|respektive)\b|[^\w]", "", p):
            parts[-1] = f"{parts[-1]}, {p}"
        else:
            parts.append(p)
    return parts


def _reports_named(part: str, compared: list[DocumentMeta], by_organisation: bool = True) -> list[DocumentMeta]:
    """The reports among those compared that a part of a question names by kind, organisation or year
    (or, without `by_organisation`, by kind or year); none when it names none of them or all of them.
    A year alone names the outcome report of that year before a plan covering it."""
    asked = analyse(part, compared)
    if not (asked.kinds or asked.years or by_organisation and asked.organisations):
        return []
    found = [m for m in compared if not asked.kinds or m.kind in asked.kinds]
    found = [m for m in found if not asked.organisations or {m.organisation, m.unit} & set(asked.organisations)]
    if asked.years:
        covering = [m for m in found if m.covered_years & set(asked.years)]
        found = [m for m in covering if m.kind not in PLAN_KINDS] or covering
    return [] if len(found) == len(compared) else found


def asks_plan_against_outcome(text: str, kinds: list[str]) -> bool:
    """The question asks both what a plan said and what came of it (or names a plan and an outcome report)."""
    low = text.casefold()
    named_plan = bool(set(kinds) & PLAN_KINDS)
    plan = named_plan or bool(_PLAN_WORDS.search(low))
    outcome = bool(_WHAT_CAME_OF_IT.search(low)) or (named_plan and bool(set(kinds) & OUTCOME_KINDS))
    return plan and outcome


# How staff ask for rows by how far they have come, most specific first ('bara delvis' before 'klar').
_LEVEL_WORDING = (
    ("inga data", r"\binga data\b|\b(?:ingen|saknar) (?:prognos|bedömning)\b"),
    ("delvis", r"\bdelvis\b|\btill (?:en|viss) del\b|\bhalvvägs\b"),
    ("ej påbörjat", r"\b(?:ej|inte|icke) (?:på)?börja|\binte (?:startat|kommit igång)"),
    ("ej klart", r"\b(?:ej|inte|icke) (?:helt |riktigt |ännu |än )?(?:klar|genomför|färdig|i mål|uppnå|nått|nåtts|"
                 r"avslutad|uppfyll)|\bsläpar|\båterstår|\bkvarstår"),
    ("försenat", r"\bförsen|\befter plan\b|\bligger efter\b"),
    ("planenligt", r"\bplanenlig|\benligt plan\b|\bpå spår\b|\bpågående\b"),
    ("klart", r"\bgenomför(?:t|d|da|des|ts)\b|\bklar(?:a|t)?\b|\bfärdig|\bi mål\b|\bavslutade?\b|"
              r"\buppnå(?:tt|dd|dda|s)\b|\bfullt ut\b|\bnås\b|\bklaras\b|\buppfyll(?:s|da|ts)\b"),
)
# A question about table rows: it names them or a code, or asks by status.
_ROW_NOUNS = re.compile(r"\b(?:uppdrag|aktivitet|delmål|mål(?:en)?\b|åtgärd|insats|status)", re.I)


_COUNTS = re.compile(r"\bhur många\b", re.I)


def _status_filter(text: str, codes: list[str]) -> str | None:
    """The status level a list question asks for: 'Vilka uppdrag är bara delvis klara?' -> 'delvis'."""
    low = text.casefold()
    if not (codes or _ROW_NOUNS.search(low)):
        return None
    return next((level for level, pattern in _LEVEL_WORDING if re.search(pattern, low)), None)


def analyse(question: str, metas: Iterable[DocumentMeta] = (), units: Units | None = None) -> Query:
    metas = list(metas)
    text = question.strip()
    low = text.casefold()
    years = sorted({int(y) for y in _YEAR.findall(text)})
    # 'i förvaltningsplanen 2023–2025' names the plan; a year asked besides it ('för 2022') is the year asked.
    named_period = _PLAN_PERIOD.search(text)
    others = {int(y) for y in _YEAR.findall(_PLAN_PERIOD.sub(" ", text))}
    if named_period and others:
        years = sorted(others)
    codes: list[str] = []
    for letters, num in _CODE_UPPER.findall(text):
        codes.append(f"{letters}{num}")
    for letters, num in _CODE_LOWER.findall(text):
        if letters not in {"år", "kl", "nr", "st", "ca"}:
            codes.append(f"{letters.upper()}{num}")
    codes.extend(_CODE_NUMBERED.findall(text))
    codes = list(dict.fromkeys(c for c in codes if not re.fullmatch(r"Q\d", c)))

    organisations: list[str] = []
    folded = ascii_fold(low)
    # Thousands of documents share a handful of organisation and unit names: match each name once.
    for name in dict.fromkeys(n for meta in metas for n in (meta.organisation, meta.unit) if n):
        key = ascii_fold(name.casefold().replace("region ", "")) if name.startswith("Region ") else ascii_fold(name.casefold())
        if key and re.search(rf"\b{re.escape(key[:-2] if len(key) > 8 else key)}", folded):
            organisations.append(name)
    for region in SWEDISH_REGIONS:
        key = ascii_fold(region.split()[0].casefold())
        if re.search(rf"\b{re.escape(key)}", folded) and f"Region {region}" not in organisations:
            organisations.append(f"Region {region}")
    named_kinds = [k for k in REPORT_KINDS if k != "rapport" and k not in KINDS_NAMED_AS_FIGURES]
    named_kinds += sorted({m.kind for m in metas if m.kind and m.kind not in REPORT_KINDS})
    # At a word's start: 'delårsrapporten' names a delårsrapport, not also an årsrapport.
    kinds = [k for k in named_kinds if re.search(rf"(?<![a-zåäö]){re.escape(k)}", low)
             or re.search(rf"(?<![a-z]){re.escape(ascii_fold(k))}", folded)]
    # 'enligt planen', 'i planen för 2023–2025': staff's word for the plan the reports hold.
    if not kinds and re.search(r"\b(?:enligt|i|av) planen\b", low):
        kinds = sorted({m.kind for m in metas if m.kind in PLAN_KINDS})

    # 'regionstyrelsen' is also a body that decides plans: when the question names a kind of report
    # that no report of the named unit is, the unit is the decision-maker, not the report's author.
    if kinds and organisations and not any(o.startswith("Region ") for o in organisations):
        own_kinds = {m.kind for m in metas if m.unit in organisations or m.organisation in organisations}
        if not own_kinds & set(kinds):
            organisations = []

    # The same for a year: 'förslagen presenterades för Regionstyrelsen 2023' names the board that
    # was told, when none of that board's own reports covers 2023.
    if years and organisations and not any(o.startswith("Region ") for o in organisations) and \
            all(re.search(r"styrelse|fullmäktige|nämnd", o, re.I) for o in organisations):
        own_years = {y for m in metas if m.unit in organisations or m.organisation in organisations
                     for y in m.covered_years}
        if own_years and not own_years & set(years):
            organisations = []

    intent = "fact"
    for name, pattern in _INTENT_PATTERNS:
        if re.search(pattern, low):
            intent = name
            break
    if intent == "fact" and codes:
        intent = "status"
    # What the plan said and how it went: the plan and the outcome report, one line each.
    against_plan = intent in ("fact", "number", "status") and not codes and asks_plan_against_outcome(text, kinds)
    if against_plan:
        intent = "compare"
    # Two years asked about compare them; one period ('planen för 2023–2025') is one thing asked about.
    # (Other numbers may stand beside it: 'uppdrag 14 i förvaltningsplanen 2023–2025'.)
    periods = re.findall(_PERIOD, text)
    # (The year of a report the question names, 'i årsredovisningen 2023', is where to look, not another
    # year asked about: '… i bokslut 2020–2023 i årsredovisningen 2023' asks one period of one report.)
    single_period = len(periods) == 1 and not _YEAR.search(
        _without_named_report(text.replace(periods[0], " "), metas))
    if intent in ("fact", "number") and len(years) >= 2 and not single_period:
        intent = "compare"
    # 'Vad var orsakerna … 2020, 2023 och 2025?': a reason, status or list asked for years that different
    # outcome reports hold is asked of each of them, one line each.
    if intent in ("why", "status", "list") and not codes and len(years) >= 2 and not single_period and \
            len({m.doc_id for m in metas if m.kind in OUTCOME_KINDS and m.year in years}) >= 2:
        intent = "compare"
    # Two reports named by kind and year ('… i årsredovisningen 2020, och … i årsredovisningen 2023'):
    # each answers its part, one line each.
    reports = _named_reports(low, metas)
    if intent in ("fact", "number", "status", "why") and len(reports) >= 2:
        intent = "compare"
    # Parts of the question that each name a report of their own ('vad köptes in till den 2020, och hur
    # ska den kontrolleras enligt planen för 2023–2025?'): each report answers its part, one line each.
    # (A part that names only the organisation, 'Biobanken på regionkontoret', says whose reports, not which.)
    elif intent in ("fact", "number", "status", "why") and not codes and len(parts := _question_parts(text)) >= 2:
        own = [m for m in metas if m.kind in REPORT_KINDS]
        named = [n for n in (_reports_named(p, own, by_organisation=False) for p in parts) if n]
        by_parts = list({m.doc_id: m for n in named for m in n}.values())
        # A year within the plan a part names is the plan's year ('… 2023, och var ligger vi nu enligt
        # planen?'), not the outcome report of that year.
        plans = [m for m in by_parts if m.kind in PLAN_KINDS]
        by_parts = [m for m in by_parts if not (m.kind not in PLAN_KINDS and any(m.year in p.covered_years for p in plans))]
        if len(named) >= 2 and 2 <= len(by_parts) <= 3:
            reports, intent = [m.doc_id for m in by_parts], "compare"
    # Two regions we hold reports for, named in one question: it compares them, one line each.
    indexed = {m.organisation for m in metas}
    if intent in ("fact", "number", "status") and not codes and \
            len({o for o in organisations if o.startswith("Region ") and o in indexed}) >= 2:
        intent = "compare"
    # A unit named by a staff compound ('HR-centrumet') is also searched for by its name's words (not
    # by its abbreviation, which stands in many table rows' unit column).
    named_units = units.matches(text) if units else []
    staff_forms = [words for written, words, abbreviation in named_units
                   if words.casefold() not in written.casefold() and written != abbreviation]
    return Query(text=text, expanded=" ".join([expand_query(text)] + staff_forms), units=named_units, years=years,
                 organisations=list(dict.fromkeys(organisations)), kinds=kinds, codes=codes, intent=intent,
                 # (A count of rows asks by status as a list does: 'Hur många delmål har Inga data?')
                 status_filter=_status_filter(text, codes) if intent == "list" or _COUNTS.search(text) else None,
                 against_plan=against_plan, named_reports=reports if intent == "compare" else [])


def _report_mentions(low: str, metas: list[DocumentMeta]) -> list[tuple[re.Match, str]]:
    """Where the (case-folded) text names a report by its kind and a year it covers ('årsredovisningen
    2020', 'delårsrapporten augusti 2025', 'förvaltningsplanen 2023–2025'): each match with its report."""
    found = []
    for m in metas:
        if m.kind and m.covered_years:
            pattern = rf"(?<![a-zåäö]){re.escape(m.kind)}\w*(?:\s+[a-zåäö]+)?\s+(20\d\d)"
            found += [(x, m.doc_id) for x in re.finditer(pattern, low) if int(x.group(1)) in m.covered_years]
    return found


def _without_named_report(text: str, metas: list[DocumentMeta]) -> str:
    """The text without the one report it names by kind and year ('årsredovisningen 2023'), if it names one."""
    spans = {x.span() for x, _ in _report_mentions(text.casefold(), metas)}
    if len(spans) != 1:
        return text
    (start, end), = spans
    return text[:start] + text[end:]


def _named_reports(low: str, metas: list[DocumentMeta]) -> list[str]:
    """The reports a question names by their kind and a year they cover, in the order named."""
    first: dict[str, int] = {}
    for x, doc in _report_mentions(low, metas):
        first.setdefault(doc, x.start())
    return sorted(first, key=lambda doc: (first[doc], doc))
