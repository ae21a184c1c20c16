"""Report metadata: the corpus catalog (corpus/catalog.json) and inference for files not in it.

Inference looks at the file name and the first pages, the way a person would: which report kind,
which year(s), which region and which förvaltning/nämnd. Anything can be overridden in the catalog
or on the command line (`assistant index PATH --year 2024 …`).
"""
from __future__ import annotations

import json
import os
import re
import tempfile
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .config import CATALOG_NAME
from .errors import AssistantError
from .models import DocumentMeta

# Order matters: 'delårsrapport' contains 'årsrapport'.
REPORT_KINDS = ("delårsrapport", "årsredovisning", "årsrapport", "förvaltningsplan", "verksamhetsplan",
                "verksamhetsberättelse", "budget", "rapport")
# What a kind of report can answer: outcomes (what happened) or plans (what is to happen).
OUTCOME_KINDS = frozenset({"årsredovisning", "årsrapport", "delårsrapport", "verksamhetsberättelse"})
PLAN_KINDS = frozenset({"förvaltningsplan", "verksamhetsplan", "budget"})
# A kind whose name in a question is the figure, not the report: 'Höll vi budgeten?'.
KINDS_NAMED_AS_FIGURES = frozenset({"budget"})
_ASCII_KIND = {unicodedata.normalize("NFKD", k).encode("ascii", "ignore").decode(): k for k in REPORT_KINDS}
_YEAR = re.compile(r"(?<!\d)(20\d\d)(?!\d)")
_REGION = re.compile(r"\bRegion\s+([A-ZÅÄÖ][a-zåäö]+(?:\s+län)?)")
_UNIT = re.compile(r"\b(Region(?:kontoret|styrelsen|fullmäktige)|[A-ZÅÄÖ][a-zåäö]+(?:nämnden|förvaltningen))\b")
# Sweden's 21 regions: a file name like 'vastmanland-…' names its region more reliably than the text,
# which also mentions partner regions ("tillsammans med Region Sörmland").
SWEDISH_REGIONS = ("Blekinge", "Dalarna", "Gotland", "Gävleborg", "Halland", "Jämtland Härjedalen",
                   "Jönköpings län", "Kalmar län", "Kronoberg", "Norrbotten", "Skåne", "Stockholm",
                   "Sörmland", "Uppsala", "Värmland", "Västerbotten", "Västernorrland", "Västmanland",
                   "Västra Götaland", "Örebro län", "Östergötland")
EDITABLE_FIELDS = ("title", "organisation", "unit", "year", "years", "kind")


def slugify(name: str) -> str:
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-") or "rapport"


def _infer_kind(name: str, text: str) -> str:
    lowered = name.lower()
    for ascii_kind, kind in _ASCII_KIND.items():
        if ascii_kind in lowered or kind in lowered:
            return kind
    head = text[:4000].lower()
    hits = [(head.find(k), k) for k in REPORT_KINDS if k in head]
    return min(hits)[1] if hits else "rapport"


def _infer_years(name: str, text: str) -> list[int]:
    years = sorted({int(y) for y in _YEAR.findall(name)})
    if len(years) == 2 and years[1] - years[0] <= 5:  # 'plan 2023-2025' covers the years between
        return list(range(years[0], years[1] + 1))
    if years:
        return years
    counts = Counter(int(y) for y in _YEAR.findall(text[:6000]))
    return [counts.most_common(1)[0][0]] if counts else []


def _infer_organisation(name: str, text: str) -> str:
    slug = slugify(name)
    for region in SWEDISH_REGIONS:
        if slugify(region).split("-")[0] in slug.split("-"):
            return "Region " + region
    counts = Counter(_REGION.findall(text))
    if counts:
        return "Region " + counts.most_common(1)[0][0]
    return ""


_OPENING = 3000  # characters: a report names its author on its cover and in its introduction


def _infer_unit(name: str, text: str) -> str:
    for candidate in ("regionkontoret", "regionstyrelsen"):
        if candidate in name.lower():
            return candidate.capitalize()
    def units_named(part: str) -> Counter:
        return Counter(m for m in _UNIT.findall(part) if not m.startswith("Regionfullmäktige"))

    counts = units_named(text[:20000])
    # The author is named where the report opens or again and again; a name met once further in
    # ('… Kapitalförvaltningen ska halvera …') is what the report is about, not who wrote it.
    opening = units_named(text[:_OPENING])
    if opening:
        return max(opening, key=lambda m: (counts[m], opening[m]))
    unit, times = counts.most_common(1)[0] if counts else ("", 0)
    return unit if times >= 2 else ""


def infer_meta(path: Path, text: str) -> dict[str, Any]:
    name = path.stem
    kind = _infer_kind(name, text)
    years = _infer_years(name, text)
    organisation = _infer_organisation(name, text)
    unit = _infer_unit(name, text)
    year_label = f"{years[0]}–{years[-1]}" if len(years) > 1 else (str(years[0]) if years else "")
    title = " ".join(p for p in (kind.capitalize(), year_label) if p)
    if unit:
        title += f", {unit}"
    return {"title": title, "organisation": organisation, "unit": unit,
            "year": years[0] if years else None, "years": years, "kind": kind}


@dataclass
class Catalog:
    """corpus/catalog.json: {"reports": {"<file name>": {title, organisation, unit, year, years, kind}}}."""
    path: Path | None
    reports: dict[str, dict[str, Any]] = field(default_factory=dict)

    @classmethod
    def empty(cls) -> "Catalog":
        return cls(path=None)

    @classmethod
    def load(cls, corpus_dir: Path) -> "Catalog":
        path = Path(corpus_dir) / CATALOG_NAME
        if not path.exists():
            return cls(path=path)
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            reports = data["reports"]
            if not isinstance(reports, dict):
                raise TypeError("'reports' ska vara ett objekt")
        except (ValueError, KeyError, TypeError) as exc:
            raise AssistantError(f"{path}: katalogen går inte att läsa ({exc}). "
                                 "Rätta JSON-filen eller ta bort den så skapas en ny.") from exc
        return cls(path=path, reports=reports)

    def meta_for(self, path: Path, sha256: str, text: str) -> DocumentMeta:
        inferred = infer_meta(path, text)
        given = {k: v for k, v in self.reports.get(path.name, {}).items() if k in EDITABLE_FIELDS}
        merged = {**inferred, **given}
        if "year" in given and "years" not in given:
            merged["years"] = [given["year"]] if given["year"] else []
        if not merged.get("years") and merged.get("year"):
            merged["years"] = [merged["year"]]
        return DocumentMeta(doc_id=slugify(path.stem), path=str(path), sha256=sha256, **merged)

    def set_entry(self, file_name: str, **values: Any) -> None:
        entry = self.reports.setdefault(file_name, {})
        entry.update({k: v for k, v in values.items() if v is not None and k in EDITABLE_FIELDS})

    def remove_entry(self, file_name: str) -> None:
        self.reports.pop(file_name, None)

    def save(self) -> None:
        if self.path is None:
            return
        payload = json.dumps({"reports": dict(sorted(self.reports.items()))}, ensure_ascii=False, indent=2)
        fd, tmp = tempfile.mkstemp(dir=self.path.parent, prefix=".catalog-", suffix=".json")
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(payload + "\n")
        os.replace(tmp, self.path)
