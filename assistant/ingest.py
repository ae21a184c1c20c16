"""Ingestion: a PDF, text or Markdown file becomes a Document with pages and cleaned text.

Cleaning repairs extraction artefacts without changing words or numbers: words hyphenated across
lines are re-joined, and header/footer lines repeated on most pages of a PDF are dropped.
"""
from __future__ import annotations

import hashlib
import re
from collections import Counter
from pathlib import Path

from .catalog import Catalog
from .config import SUPPORTED_SUFFIXES
from .errors import IngestError
from .models import Document, DocumentMeta, Page

# "hälso- och sjukvård": a hyphen before a conjunction is a Swedish ellipsis, not a line break.
_ELLIPSIS_WORDS = {"och", "eller", "samt", "respektive", "resp", "som", "till", "men", "utan"}
_TRAILING_HYPHEN = re.compile(r"(\w+)-\s*$")
# The continued word with the punctuation that ends it ('situationen.' moves up whole, not 'situationen').
_LEADING_WORD = re.compile(r"^\s*([a-zåäöéü]\w*[.,;:!?)]*)(.*)$", re.S)
MIN_TEXT_CHARS = 40  # less than this over a whole PDF means it has no text layer (scanned)


def sha256_file(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def dehyphenate(lines: list[str]) -> list[str]:
    """Re-join 'Region-' + 'kontorets' across a line break, keeping the number of lines.

    The joined word moves up to the first line, so line numbers of everything else stay true.
    """
    out = list(lines)
    for i in range(len(out) - 1):
        m = _TRAILING_HYPHEN.search(out[i])
        if not m:
            continue
        nxt = _LEADING_WORD.match(out[i + 1])
        if not nxt or nxt.group(1).lower() in _ELLIPSIS_WORDS:
            continue
        head = m.group(1)
        # 'IT-\narbetsplatsen' keeps its hyphen: an abbreviation or number is joined with one.
        joiner = "-" if (head.isupper() or head[-1].isdigit()) else ""
        out[i] = out[i][: m.start()] + head + joiner + nxt.group(1)
        out[i + 1] = nxt.group(2).lstrip()
    return out


def _furniture_keys(line: str) -> set[str]:
    """A header/footer repeats verbatim, or differs only in its numbers when it is short ('Sida 3 av 40')."""
    exact = line.strip().casefold()
    keys = {"=" + exact}
    if len(exact) <= 40:
        keys.add("#" + re.sub(r"\d+", "#", exact))
    return keys


def drop_repeated_furniture(pages: list[list[str]], edge: int = 2, share: float = 0.6) -> list[list[str]]:
    """Drop header/footer lines that recur at the top or bottom of most pages. A page's only lines are
    never furniture: a report of one-line pages keeps its text."""
    if len(pages) < 3:
        return pages
    counts: Counter[str] = Counter()
    for lines in pages:
        nonblank = [l for l in lines if l.strip()]
        counts.update({k for l in nonblank[:edge] + nonblank[-edge:] for k in _furniture_keys(l)})
    repeated = {k for k, c in counts.items() if len(k) > 1 and c >= share * len(pages)}
    if not repeated:
        return pages
    cleaned = []
    for lines in pages:
        nonblank_idx = [i for i, l in enumerate(lines) if l.strip()]
        k = min(edge, (len(nonblank_idx) - 1) // 2)  # a page keeps at least its middle line(s)
        edges = set(nonblank_idx[:k] + nonblank_idx[-k:]) if k > 0 else set()
        cleaned.append([("" if i in edges and _furniture_keys(l) & repeated else l) for i, l in enumerate(lines)])
    return cleaned


def _read_pdf(path: Path) -> list[str]:
    try:
        from pypdf import PdfReader
    except ImportError as exc:  # pragma: no cover - pypdf is a dependency
        raise IngestError(str(path), "pypdf saknas; installera projektet igen") from exc
    try:
        reader = PdfReader(str(path))
        if reader.is_encrypted:
            try:
                ok = reader.decrypt("")
            except Exception:
                ok = 0
            if not ok:
                raise IngestError(str(path), "PDF-filen är krypterad/lösenordsskyddad. "
                                  "Spara en olåst kopia och försök igen.")
        texts = [(p.extract_text() or "") for p in reader.pages]
    except IngestError:
        raise
    except Exception as exc:  # pypdf raises many types on broken files; all mean the same to the user
        raise IngestError(str(path), f"kunde inte läsa PDF-filen (trasig eller inte en PDF): {exc}") from exc
    if not texts:
        raise IngestError(str(path), "PDF-filen har inga sidor.")
    if sum(len(t.strip()) for t in texts) < MIN_TEXT_CHARS:
        raise IngestError(str(path), "PDF-filen innehåller ingen extraherbar text (skannad bild?). "
                          "Kör OCR på den först, t.ex. med ocrmypdf.")
    return texts


def _read_text(path: Path) -> str:
    raw = path.read_bytes()
    for encoding in ("utf-8-sig", "cp1252", "latin-1"):
        try:
            text = raw.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if len(text.strip()) < MIN_TEXT_CHARS:
        raise IngestError(str(path), "filen är tom eller innehåller nästan ingen text.")
    return text


def load_document(path: Path, catalog: Catalog | None = None) -> Document:
    """Read one report. Raises IngestError with a Swedish message naming the file."""
    path = Path(path)
    if not path.exists():
        raise IngestError(str(path), "filen finns inte. Kontrollera sökvägen.")
    if not path.is_file():
        raise IngestError(str(path), "är ingen vanlig fil.")
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        raise IngestError(str(path), f"filtypen {suffix or '(ingen)'} stöds inte; använd PDF, .txt eller .md.")
    digest = sha256_file(path)
    if suffix == ".pdf":
        page_lines = drop_repeated_furniture([t.split("\n") for t in _read_pdf(path)])
        pages = [Page(number=i + 1, text="\n".join(dehyphenate(lines))) for i, lines in enumerate(page_lines)]
        paginated = True
    else:
        lines = dehyphenate(_read_text(path).split("\n"))
        pages = [Page(number=1, text="\n".join(lines), first_line=1)]
        paginated = False
    full_text = "\n".join(p.text for p in pages)
    meta: DocumentMeta = (catalog or Catalog.empty()).meta_for(path, digest, full_text)
    return Document(meta=meta, pages=pages, paginated=paginated)
