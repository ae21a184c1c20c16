"""The small dataclasses the stages pass to each other (see DESIGN.md, data flow)."""
from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass
class DocumentMeta:
    doc_id: str
    title: str
    organisation: str
    year: int | None
    kind: str
    path: str
    sha256: str
    # Years the report covers, e.g. a förvaltningsplan 2023-2025; defaults to [year].
    years: list[int] = field(default_factory=list)
    unit: str = ""  # förvaltning / nämnd, e.g. "Regionkontoret", "Regionstyrelsen"

    @property
    def covered_years(self) -> set[int]:
        """The years the report covers: its span (a plan's 2023–2025), else its own year."""
        return set(self.years) if self.years else ({self.year} if self.year else set())

    def label(self) -> str:
        """How an answer names its source: '<title> (<organisation>)'."""
        return f"{self.title} ({self.organisation})" if self.organisation else self.title

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class Page:
    number: int  # 1-based page (PDF) or 1 for a plain-text file
    text: str
    first_line: int = 1  # line number in the source file of the page's first line (text files)


@dataclass
class Document:
    meta: DocumentMeta
    pages: list[Page]
    paginated: bool  # True for PDF (page numbers are real), False for text (we cite line ranges)


@dataclass
class Chunk:
    id: str
    doc_id: str
    page: int | None
    lines: tuple[int, int] | None
    section: str
    kind: str  # prose | uppdrag | indicator | table
    text: str  # verbatim source span (whitespace may differ)
    fields: dict[str, Any] = field(default_factory=dict)

    def index_text(self) -> str:
        """What the search channels see: the passage plus its section and table header context."""
        extra = [self.section]
        if self.fields.get("header"):
            extra.append(self.fields["header"])
        return "\n".join([*extra, self.text])

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["lines"] = list(self.lines) if self.lines else None
        return d

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "Chunk":
        d = dict(d)
        d["lines"] = tuple(d["lines"]) if d.get("lines") else None
        return cls(**d)


@dataclass
class Query:
    text: str
    expanded: str = ""  # text plus report vocabulary for everyday words (swedish.QUERY_SYNONYMS)
    years: list[int] = field(default_factory=list)
    organisations: list[str] = field(default_factory=list)
    kinds: list[str] = field(default_factory=list)
    codes: list[str] = field(default_factory=list)
    intent: str = "fact"  # status | number | why | list | compare | fact
    status_filter: str | None = None  # for lists: a level of swedish.STATUS_LEVELS, e.g. "delvis"
    doc_filter: set[str] | None = None  # reports the user restricted the search to (app filters)
    against_plan: bool = False  # asks what a plan said and what came of it: plan and outcome reports answer
    named_reports: list[str] = field(default_factory=list)  # reports named by kind and year ('årsredovisningen 2020')
    units: list[tuple[str, str, str]] = field(default_factory=list)  # units named: as written, name's words, abbreviation


@dataclass
class Passage:
    chunk: Chunk
    meta: DocumentMeta
    score: float


@dataclass
class ReportShare:
    """One report's part of a comparison: what is asked of that report and what was found in it."""
    meta: DocumentMeta
    query: Query
    passages: list[Passage]
    query_vector: Any  # numpy vector of `query`, for the sentence search within the report


@dataclass
class Citation:
    n: int
    doc_id: str
    title: str
    year: int | None
    page: int | None
    section: str
    text: str
    score: float
    lines: list[int] | None = None
    organisation: str = ""

    def to_dict(self) -> dict[str, Any]:
        d = {
            "n": self.n, "doc_id": self.doc_id, "title": self.title, "organisation": self.organisation,
            "year": self.year,
            "page": self.page, "section": self.section, "text": self.text,
            "score": round(float(self.score), 4),
        }
        if self.lines:
            d["lines"] = self.lines
        return d


@dataclass
class Answer:
    question: str
    text: str
    citations: list[Citation]
    abstained: bool
    mode: str
    timings_ms: dict[str, float] = field(default_factory=dict)
    passages: list[Passage] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "question": self.question,
            "answer": self.text,
            "abstained": self.abstained,
            "mode": self.mode,
            "citations": [c.to_dict() for c in self.citations],
            "timings_ms": {k: round(v, 1) for k, v in self.timings_ms.items()},
        }
