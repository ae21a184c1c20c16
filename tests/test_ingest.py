"""Ingestion of PDF, text and Markdown, with a real PDF writer (fpdf2) and reader (pypdf)."""
from __future__ import annotations

from pathlib import Path

import pytest
from fpdf import FPDF

from assistant.catalog import Catalog, infer_meta
from assistant.errors import IngestError
from assistant.ingest import dehyphenate, load_document

FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"


def _pdf(path: Path, pages: list[list[str]], header: str | None = None, password: str | None = None) -> Path:
    pdf = FPDF()
    if Path(FONT).exists():
        pdf.add_font("dejavu", fname=FONT)
        pdf.set_font("dejavu", size=11)
    else:  # core font: latin-1 covers å, ä, ö
        pdf.set_font("helvetica", size=11)
    if password:
        pdf.set_encryption(owner_password="owner", user_password=password)
    for lines in pages:
        pdf.add_page()
        if header:
            pdf.cell(0, 8, header, new_x="LMARGIN", new_y="NEXT")
        for line in lines:
            pdf.cell(0, 8, line, new_x="LMARGIN", new_y="NEXT")
        if header:
            pdf.cell(0, 8, f"Sida {pdf.page_no()}", new_x="LMARGIN", new_y="NEXT")
    pdf.output(str(path))
    return path


def test_multipage_pdf_keeps_pages_swedish_letters_and_drops_repeated_header(tmp_path):
    path = _pdf(tmp_path / "region-vastmanland-arsredovisning-2024.pdf", [
        ["Förvaltningsdirektörens kommentar", "Årets resultat blev +40,2 mkr för Region-", "kontorets verksamhet."],
        ["Sjukfrånvaron ökade till 3,8 % i år.", "Hälso- och sjukvården påverkades."],
        ["Uppdrag  Ansvarig  Status  Kommentar", "(RF8) Stärka arbetet mot våld.", "Regionstaben",
         "Planenligt", "Arbetet pågår enligt plan."],
    ], header="Region Västmanland - Årsredovisning 2024")
    doc = load_document(path)
    assert [p.number for p in doc.pages] == [1, 2, 3]
    assert doc.paginated
    assert "Regionkontorets" in doc.pages[0].text and "Region-" not in doc.pages[0].text  # re-joined
    assert "Hälso- och sjukvården" in doc.pages[1].text  # Swedish ellipsis hyphen kept
    assert "+40,2 mkr" in doc.pages[0].text and "3,8 %" in doc.pages[1].text
    assert all("Årsredovisning 2024" not in p.text for p in doc.pages)  # header on every page dropped
    assert all("Sida" not in p.text for p in doc.pages)  # footer with page number dropped
    assert doc.meta.organisation == "Region Västmanland" and doc.meta.year == 2024
    assert doc.meta.kind == "årsredovisning"


def test_encrypted_pdf_is_refused_with_file_name(tmp_path):
    path = _pdf(tmp_path / "hemlig.pdf", [["Text som är låst med lösenord här."]], password="secret")
    with pytest.raises(IngestError, match="hemlig.pdf.*krypterad"):
        load_document(path)


def test_pdf_without_text_and_corrupt_pdf_are_refused(tmp_path):
    empty = _pdf(tmp_path / "skannad.pdf", [[]])
    with pytest.raises(IngestError, match="skannad.pdf.*ingen extraherbar text"):
        load_document(empty)
    broken = tmp_path / "trasig.pdf"
    broken.write_bytes(b"%PDF-1.4\n1 0 obj<<>>\nthis is not a pdf")
    with pytest.raises(IngestError, match="trasig.pdf"):
        load_document(broken)


def test_missing_file_and_unsupported_type(tmp_path):
    with pytest.raises(IngestError, match="finns inte"):
        load_document(tmp_path / "saknas.pdf")
    other = tmp_path / "data.docx"
    other.write_text("x")
    with pytest.raises(IngestError, match="stöds inte"):
        load_document(other)


def test_text_in_latin1_and_markdown(tmp_path):
    latin = tmp_path / "rapport-2022.txt"
    latin.write_bytes("Sjukfrånvaron i Region Örebro län var 5,1 procent år 2022 enligt årsrapporten.".encode("latin-1"))
    doc = load_document(latin)
    assert "Sjukfrånvaron" in doc.pages[0].text and not doc.paginated
    md = tmp_path / "plan.md"
    md.write_text("# Verksamhetsplan 2026\n\nRegion Dalarna ska minska kostnaderna med 2 procent.\n", encoding="utf-8")
    assert load_document(md).meta.kind == "verksamhetsplan"


def test_dehyphenate_keeps_line_count_and_abbreviations():
    lines = ["arbetet med IT-", "arbetsplatsen och Region-", "kontoret samt hälso-", "och sjukvård"]
    out = dehyphenate(lines)
    assert len(out) == 4
    assert out[0].endswith("IT-arbetsplatsen") and out[1].endswith("Regionkontoret")
    assert out[2].endswith("hälso-") and out[3] == "och sjukvård"
    # The word that ends a sentence moves up with its full stop: no '.' left alone at the next line's start.
    out = dehyphenate(["Uppdraget har inte prioriterats pga. Corona-", "situationen. HSF har haft med uppdraget"])
    assert out == ["Uppdraget har inte prioriterats pga. Coronasituationen.", "HSF har haft med uppdraget"]


def test_catalog_overrides_inferred_metadata(tmp_path):
    (tmp_path / "catalog.json").write_text('{"reports": {"x-2021.txt": {"year": 2019, "title": "Min titel"}}}',
                                           encoding="utf-8")
    f = tmp_path / "x-2021.txt"
    f.write_text("Region Kalmar län årsredovisning med tillräckligt mycket text för att läsas in.", encoding="utf-8")
    meta = load_document(f, Catalog.load(tmp_path)).meta
    assert (meta.year, meta.title, meta.years) == (2019, "Min titel", [2019])
    assert infer_meta(Path("plan-2023-2025.txt"), "förvaltningsplan")["years"] == [2023, 2024, 2025]


def test_the_inferred_unit_is_the_reports_author_not_a_name_met_once_in_its_text():
    """Without a catalog entry, the unit is the one the report opens with or names again and again;
    'Kapitalförvaltningen' in one sentence deep in the text is a subject, not the author."""
    filler = "Verksamheten har bedrivits enligt plan under året. " * 80
    about_capital = "Kapitalförvaltningen ska halvera sin koldioxidintensitet. "
    assert infer_meta(Path("arsrapport-2024.txt"), f"Årsrapport 2024\n\n{filler}{about_capital}")["unit"] == ""
    opened = f"Kulturnämnden\nÅrsrapport 2024\n\n{filler}{about_capital}"
    assert infer_meta(Path("arsrapport-2024.txt"), opened)["unit"] == "Kulturnämnden"
    named_often = f"Årsrapport 2024\n\n{filler}" + "Kulturnämnden beslutade om insatser. " * 3 + about_capital
    assert infer_meta(Path("arsrapport-2024.txt"), named_often)["unit"] == "Kulturnämnden"
