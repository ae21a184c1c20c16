"""Structure-aware chunking on flattened table text, as PDF extraction leaves it."""
from __future__ import annotations

from assistant.chunking import chunk_document, heading_label
from assistant.models import Document, DocumentMeta, Page


def _doc(text: str) -> Document:
    meta = DocumentMeta(doc_id="t", title="Årsrapport 2025", organisation="Region X", year=2025, kind="årsrapport",
                        path="t.txt", sha256="0", years=[2025])
    return Document(meta=meta, pages=[Page(number=1, text=text)], paginated=False)


UPPDRAG = """Uppdrag

Uppdrag              Ansvarig   Status        Kommentar

(RF8) Under 2025 ska regionstyrelsen stärka det
systematiska arbetet mot våld i nära relationer.

Regionstaben Planenligt Stödmaterial har tagits fram. Arbetssättet prövas under hösten.

(RF9) Regionstyrelsen ska vidta ytterligare åtgärder för
beredskap.

Regionstab
en

Delvis
genomfört

Arbetet med civilt försvar har strukturerats under perioden.

(13) Arbeta för ett bättre näringslivsklimat i länet. 2023 – 2025 CIFU Flera initiativ har startats.
"""


def test_uppdrag_rows_become_chunks_with_parsed_fields():
    rows = [c for c in chunk_document(_doc(UPPDRAG)) if c.kind == "uppdrag"]
    by_code = {c.fields["code"]: c for c in rows}
    assert set(by_code) == {"RF8", "RF9", "13"}
    assert by_code["RF8"].fields["status"] == "Planenligt"
    assert by_code["RF8"].fields["ansvarig"] == "Regionstaben"
    assert by_code["RF8"].fields["kommentar"].startswith("Stödmaterial har tagits fram")
    # Status on lines of its own, responsible unit wrapped by the extraction.
    assert by_code["RF9"].fields["status"] == "Delvis genomfört"
    assert by_code["RF9"].fields["ansvarig"] == "Regionstaben"
    assert "civilt försvar" in by_code["RF9"].fields["kommentar"]
    # A row without a status word (lost icon) still becomes a row, with its text.
    assert "status" not in by_code["13"].fields and "näringslivsklimat" in by_code["13"].text
    # Rows know their line range in the source text.
    assert by_code["RF8"].lines[0] == 5 and "(RF8)" in by_code["RF8"].text


INDICATORS = """Förvaltningens mål och indikatorer

Indikator   Utfall 2022 Mål 2025 Utfall 2025       Måluppfyllelse             Kommentarer

Engagerade medarbetare

Sjukfrånvaro

3,5 %
K: 4,0 %
M: 1,2 %

Minska

3,8%

Oförändrat
Den totala sjukfrånvaron 2024 var 3,7%.

Ekonomiskt resultat +40 mnkr 0 mnkr +34 mnkr Uppnått Varav +17 mnkr avser regionövergripande medel.
"""


def test_indicator_rows_parse_values_by_column():
    rows = [c for c in chunk_document(_doc(INDICATORS)) if c.kind == "indicator"]
    sick = next(c for c in rows if "Sjukfrånvaro" in c.text)
    assert sick.fields["Utfall 2022"] == "3,5 %" and sick.fields["Utfall 2025"] == "3,8%"
    assert sick.fields["Mål 2025"] == "Minska" and sick.fields["måluppfyllelse"] == "Oförändrat"
    result = next(c for c in rows if "Ekonomiskt resultat" in c.text)
    assert result.fields["Utfall 2025"] == "+34 mnkr" and result.fields["måluppfyllelse"] == "Uppnått"
    # The goal heading above the indicator is its målområde, not its name.
    assert sick.fields["indikator"] == "Sjukfrånvaro" and sick.fields["målområde"] == "Engagerade medarbetare"


def test_prose_chunks_follow_headings_and_stay_bounded():
    para = ("Regionkontoret har under året arbetat med att minska administrationen och stärka "
            "samverkan mellan förvaltningarna i hela regionen. ") * 6
    text = f"1 Sammanfattning\n\n{para}\n\n{para}\n\n2 Ekonomi\n\nResultatet blev +12 mkr.\n"
    chunks = chunk_document(_doc(text))
    assert {c.section for c in chunks} == {"1 Sammanfattning", "2 Ekonomi"}
    assert all(len(c.text) <= 1400 for c in chunks)
    assert any("+12 mkr" in c.text and c.section == "2 Ekonomi" for c in chunks)


def test_fused_headings_are_split():
    assert heading_label("Framtid och utmaningarÅret i korthet") == "Framtid och utmaningar / Året i korthet"


STATUS_FIRST = """Uppdrag från fullmäktige

Status Uppdrag Analys
Periodicitet och
slutdatum

 Klar
med
avvikelse

Förbättra tillgängligheten
vid valda enheter

Riktas till hälso- och
sjukvårdsnämnden

Målet om fler vårdplatser nås inte. Endast två
vårdplatser har skapats hittills.

Tertial: aug, dec

Pågående

Minska tjänsteresorna med
15 procent

Riktas till alla nämnder

Resekostnaderna har minskat något jämfört med
föregående år men målet nås inte ännu.

3 Ekonomi

Regionens ekonomi beskrivs i detta avsnitt med löpande text om resultat och prognos för året som helhet.
"""


def test_rows_of_a_status_first_table_keep_status_assignment_and_analysis_together():
    chunks = chunk_document(_doc(STATUS_FIRST))
    rows = [c for c in chunks if c.kind == "uppdrag"]
    assert [r.fields["status"] for r in rows] == ["Klar med avvikelse", "Pågående"]
    first, second = rows
    assert first.fields["uppdrag"] == "Förbättra tillgängligheten vid valda enheter"
    assert first.fields["ansvarig"] == "hälso- och sjukvårdsnämnden"
    assert "Endast två vårdplatser" in first.fields["kommentar"]
    assert second.fields["uppdrag"].startswith("Minska tjänsteresorna") and "målet nås inte" in second.fields["kommentar"]
    # The table ends at the next heading: the prose after it is not part of the last row.
    assert "Regionens ekonomi" not in second.text
    assert any("Regionens ekonomi" in c.text and c.kind == "prose" for c in chunks)


PLAN_ROWS = """Uppdrag/åtgärd Tidplan Ansvarig Status Kommentar

(RS 1) Stärka tryggheten på arbetsplatsen.
a) Ta fram riktlinje för säkerhet vid nybyggnad.
b) Utreda skyddad identitet i journalen.

2023 - 2025
a) Q2 2023
b) Q3 2023

CA och CHR
a-b) CA

Riktlinjen publicerades i september.
b) Utredning är genomförd.

(37) Stödja utvärderingen av kompetensmodellen.

2023-2025 CHR Nya verktyg kommer på plats under 2024.
"""


def test_a_status_less_plan_row_keeps_its_unit_and_comment_apart_from_the_sub_item_labels():
    by_code = {c.fields["code"]: c for c in chunk_document(_doc(PLAN_ROWS)) if c.kind == "uppdrag"}
    # 'a)' after the tidplan labels a sub-item's deadline; the unit cell is 'CA och CHR'.
    assert by_code["RS1"].fields["ansvarig"] == "CA och CHR"
    assert by_code["RS1"].fields["kommentar"] == "Riktlinjen publicerades i september. b) Utredning är genomförd."
    assert by_code["37"].fields["ansvarig"] == "CHR"
    assert by_code["37"].fields["kommentar"] == "Nya verktyg kommer på plats under 2024."


LETTERED_BLOCKS = """Uppdrag/åtgärd Tidplan Ansvarig Status Kommentar

(28) a) Samtliga centrumbildningar ska fortsätta arbetet
med att effektivisera administrationen.
b) Under 2023 ska områdena programstyrning och
certifieringar ses över.

a) Löpande
under 2023
b) 2023

a) Respektive
CD och VC
b) CE och CH

a) Samverkan pågår kring att förenkla rutiner för chefer i regionen.
b) Handlingsplanen har strukits och ersätts av centrumets verksamhetsplan.

(15) a) CE ska stödja verksamheterna i arbetet med statsbidrag.
b) CA ska leda regionens arbete med civilt försvar.

2023 – 2025 a) CE region-
övergripan

de

b) CA

a) Centrum för ekonomi rekvirerar statsbidragen.
b) Arbetet har drivits enligt överenskommelsen.
"""


def test_a_row_in_lettered_parts_with_a_block_per_cell_keeps_when_who_and_comment_apart():
    """'(28) a) … b) …' rows where each cell is a block of its own, a line per part: the narrow blocks
    are Tidplan and Ansvarig (a time and a unit may share one), the rest is the comment."""
    by_code = {c.fields["code"]: c.fields for c in chunk_document(_doc(LETTERED_BLOCKS)) if c.kind == "uppdrag"}
    assert by_code["28"]["tidplan"] == "a) Löpande under 2023 b) 2023"
    assert by_code["28"]["ansvarig"] == "a) Respektive CD och VC b) CE och CH"
    assert by_code["28"]["kommentar"].startswith("a) Samverkan pågår") and "b) Handlingsplanen" in by_code["28"]["kommentar"]
    assert by_code["28"]["uppdrag"].endswith("certifieringar ses över.")
    assert by_code["15"]["tidplan"] == "2023 – 2025"
    assert by_code["15"]["ansvarig"] == "a) CE regionövergripande b) CA"
    assert by_code["15"]["kommentar"].startswith("a) Centrum för ekonomi rekvirerar")


CONTROLS = """6 INTERN KONTROLL

Förvaltningens kontrollområden framgår i sammanställningen nedan.

Granskningsområde Berört reglemente,
policy eller regler

Riskvärde
(väsentlighet
och risk)

Metod för granskningen

Säker lagring av forskningsdata

Rutiner (S=3, K=4) 12 Stickprovskontroll på lagring
av forskningsdata

Kontroll av löneutbetalningar
genom att kontrollera signering

Instruktioner (S=2, K=3) 6 Att gå igenom utanordningslistan
och kontrollera signeringen.

Kontroll av att inköp görs
enligt avtal

Inköpspolicy (S=3, K=3) 9 Stickprovskontroll av inköp
hos andra än avtalade leverantörer

Informationssäkerhet - att
medarbetarna gått utbildningen

Informations-
säkerhetspolicy

(S=3, K=3) 9 Kontroll på kompetensplatsen
"""


def test_an_internal_control_table_becomes_one_chunk_per_control_with_its_risk_value_and_method():
    chunks = chunk_document(_doc(CONTROLS))
    controls = [c.fields for c in chunks if c.kind == "control"]
    assert [f["riskvärde"] for f in controls] == ["12", "6", "9", "9"]
    assert controls[0]["kontroll"] == "Säker lagring av forskningsdata Rutiner"
    assert (controls[0]["sannolikhet"], controls[0]["konsekvens"]) == ("3", "4")
    assert controls[1]["metod"] == "Att gå igenom utanordningslistan och kontrollera signeringen."
    assert controls[3]["kontroll"] == "Informationssäkerhet - att medarbetarna gått utbildningen Informationssäkerhetspolicy"
    # The header's cells are no control, and the sentence introducing the table stays running text.
    assert all("Granskningsområde" not in f["kontroll"] for f in controls)
    assert any(c.kind == "prose" and "framgår i sammanställningen" in c.text for c in chunks)


STATUS_LAST = """Sammanfattning

Regionmål Delmål Prognos

Mål 1. Trygga uppväxtvillkor

Införa ett
arbetssätt med barnets
perspektiv i verksamheterna

 Mål kommer delvis uppfyllas

Stödja chefer vid
hot på arbetsplatsen

 Mål kommer helt uppfyllas

Regionen minskar användningen av plast  Inga data

Analys

Utbildningen är fortfarande under konstruktion. Arbete med en implementeringsplan pågår och förhoppningen
är att utbildningen är färdig i slutet av året. Materialet tas fram tillsammans med länets kommuner och
ska sedan prövas i två verksamheter innan det sprids till hela förvaltningen. Uppföljningen görs i
samband med årsredovisningen, då även indikatorerna för barnrättsarbetet redovisas för första gången.
Arbetet har försenats något under sommaren men bedöms kunna tas igen under hösten.
"""


def test_a_table_whose_last_column_is_the_status_ends_each_row_at_its_status():
    """'Regionmål Delmål Prognos': each goal, wrapped over lines, ends at its assessment; the goal
    heading that groups rows is kept apart; the running text after the table is prose again."""
    chunks = chunk_document(_doc(STATUS_LAST))
    rows = [c for c in chunks if c.kind == "uppdrag"]
    assert [r.fields["status"] for r in rows] == ["Mål kommer delvis uppfyllas", "Mål kommer helt uppfyllas",
                                                  "Inga data"]
    assert rows[0].fields["uppdrag"] == "Införa ett arbetssätt med barnets perspektiv i verksamheterna"
    assert rows[0].fields["mål"] == "Mål 1. Trygga uppväxtvillkor"
    assert rows[2].fields["uppdrag"] == "Regionen minskar användningen av plast"
    assert not any("ansvarig" in r.fields for r in rows)  # the table has no unit column
    analysis = [c for c in chunks if "Utbildningen" in c.text]
    assert len(analysis) == 1 and analysis[0].kind == "prose" and analysis[0].section == "Analys"


def test_a_sentence_wrapped_across_lines_of_a_long_table_block_is_quoted_whole():
    """Blocks without full stops are cut at line ends, but never before a line that continues the
    sentence above it in lower case: '… beror' / 'främst på …' is one reason, not two fragments."""
    from assistant.sentences import split_sentences

    block = ("Ekonomi: årets resultat +34 mnkr jämfört med budget\n"
             "Tillgängliga medel för forskning och innovation +2 mnkr, regionövergripande utvecklingsmedel "
             "+15 mnkr varav centrala medel för IT-utveckling +9 mnkr\n"
             "Lägre personalkostnader +17 mnkr\n"
             "Årets resultat jämfört med föregående år\n"
             "Skillnaden mellan årets och föregående års resultat beror\n"
             "främst på lägre pensionsavgift 2025.\n"
             "Kommentarer om utfallet för året och skillnaderna mellan centrumen i regionkontoret")
    sentences = split_sentences(block)
    assert any("beror främst på lägre pensionsavgift 2025." in s for s in sentences)
    assert all(len(s) <= 320 for s in sentences)


def test_an_abbreviation_before_a_capital_does_not_end_the_sentence():
    """'(t. ex. FOA, Riskkommittén)' and 'bl.a. CIFU' sit inside a sentence: quoting stops at the
    sentence's own full stop, not at the abbreviation's, even where the extraction wrapped the line there.
    A full stop that does end a sentence still splits."""
    from assistant.sentences import split_sentences

    text = ("Med syfte att förenkla ska forum (t. \nex. FOA, Riskkommittén) ses över. Kostnaderna ökade "
            "bl.a. CIFU och Regionhälsan. Utfallet blev ca. 200 mnkr. Lokalerna byggdes om. Övningar ställdes "
            "in m. a. a. Covid-19. Rollen som f.d. Landstingsdirektör avvecklades. Arbetet fortsätter.")
    assert split_sentences(text) == ["Med syfte att förenkla ska forum (t. ex. FOA, Riskkommittén) ses över.",
                                     "Kostnaderna ökade bl.a. CIFU och Regionhälsan.", "Utfallet blev ca. 200 mnkr.",
                                     "Lokalerna byggdes om.", "Övningar ställdes in m. a. a. Covid-19.",
                                     "Rollen som f.d. Landstingsdirektör avvecklades.", "Arbetet fortsätter."]


def test_a_parenthesis_broken_over_a_blank_line_is_one_sentence():
    """The extraction broke '(prognos okt 2022)' and '(… lärcentrums råd)' over a blank line: the part
    that closes the parenthesis belongs to the sentence that opened it, so neither half is quoted alone.
    A parenthesis closed on its own line, and a bullet after an open one, are left as they are."""
    from assistant.sentences import split_sentences

    text = ("Prognos/ekonomiskt resultat 0 mkr +18 mkr\n(prognos okt\n\n2022)\n\nM, D, Å\n\n"
            "Forum (FOA, miljögruppen, lärcentrums\n\nråd) ses över (internt uppdrag).\n\n"
            "Arbetet (se nedan) fortsätter.\n\nUppföljning (delår\n\n• Kvartalsrapport (Q1) lämnas.")
    assert split_sentences(text) == ["Prognos/ekonomiskt resultat 0 mkr +18 mkr (prognos okt 2022)", "M, D, Å",
                                     "Forum (FOA, miljögruppen, lärcentrums råd) ses över (internt uppdrag).",
                                     "Arbetet (se nedan) fortsätter.", "Uppföljning (delår",
                                     "• Kvartalsrapport (Q1) lämnas."]


def test_a_results_tables_rows_are_neither_headings_nor_assignments():
    """'Justering inhyrd personal 0 0 0,00 0' ends in figures and 'E9 Patientnämndens kansli 1 284 329
    240 452 123 7,8%' starts with a unit's code: both are rows of a results table, so the section of the
    text after them is still the real heading and no assignment row is made of them."""
    text = ("Personal\n\nLöner och arvoden för hela förvaltningen redovisas nedan per månad och per yrkesgrupp "
            "med jämförelse mot föregående år.\n\nJustering inhyrd personal 0 0 0,00 0\n\n"
            "Uppföljningen av lönekostnaderna görs varje månad tillsammans med controllers och chefer.\n\n"
            "E9 Patientnämndens kansli 1 284 329 240 452 123 7,8%\n"
            "F5 Centrum för ekonomi stab 1 681 1 -376 -456 -457 -1,8%\n")
    chunks = chunk_document(_doc(text))
    assert all(c.kind == "prose" for c in chunks)
    assert {c.section for c in chunks} == {"Personal"}


def test_a_row_with_one_figure_is_text_of_its_table_not_a_heading():
    """'Visselblåsarfunktion  0,2' has only one of its two year cells filled; between blank lines and
    followed by a long row it looked like a heading, and its words and figure vanished into the next
    chunk's section label. A heading ends in a word, not in a decimal figure."""
    text = ("5.1.4 Ramförändring jämfört med föregående års ram\n\nRamförändringar i miljoner kronor 2022 2023\n\n"
            "LPIK uppräkning  5,48 13,1\n\nVisselblåsarfunktion  0,2\n\n"
            "Flytt av ram 25% AT-studierektor från CIFU till AT-enheten inom hälso- och sjukvården  -0,3\n\n"
            "Utökning av ram p.g.a. ökad hyra Utbildnings-enheten  0,07\n\n"
            "Utökning ram från RS, vaktmästare (tidigare omföring från en annan förvaltning)  0,5\n\n")
    chunks = chunk_document(_doc(text))
    assert {c.section for c in chunks} == {"5.1.4 Ramförändring jämfört med föregående års ram"}
    body = " ".join(c.text for c in chunks)
    assert "Visselblåsarfunktion 0,2" in " ".join(body.split()) and "hyra Utbildnings-enheten" in body


def test_an_indicator_name_wrapped_over_two_lines_is_its_row_not_a_heading():
    """'Antal medarbetare som medverkar i / vetenskapligt arbete' followed by the row's values: the
    layout wrapped the indicator's name, it is no section heading for the values to fall under."""
    text = INDICATORS + ("\nAntal medarbetare som medverkar i\nvetenskapligt arbete\n\n"
                         "240 Öka 227 Negativt/inte uppnått 47 % män, 53 % kvinnor. Vikande trend med färre "
                         "medarbetare i verksamheterna.\n")
    chunks = chunk_document(_doc(text))
    row = next(c for c in chunks if "227" in c.text)
    assert row.kind == "indicator" and "vetenskapligt arbete" in row.text
    assert all("vetenskapligt" not in c.section for c in chunks)


def test_rows_without_a_code_after_a_coded_row_are_rows_of_their_own():
    """After 'RF9 … Regionstaben Genomfört …', rows under a group label ('Inriktning / Trygghet') have
    no code but a status cell of their own (also wrapped, 'Delvis / genomfört'): each is its own row,
    not more of RF9's comment."""
    text = ("Aktiviteter\n\nNr  Aktivitet     Ansvarig    Status          Kommentar\n\n"
            "RF9 Regionen ska genomföra en slutövning\nkopplat till katastrofmedicin.\n\n\nRegionstaben\n\n\n"
            "Genomfört Övningen genomfördes i maj 2025.\nSlutsatserna tas om hand under 2026.\n\n"
            "Inriktning\nTrygghet\n\nStärka samarbetet med fastighetsförvaltningen\ni syfte att få robusthet\n\n"
            "Region-\nstaben\n\nDelvis\ngenomfört\n\nArbetet pågår och är långsiktigt.\n\n"
            "Inriktning\nTrygghet\n\nPlaneringen av beredskapen sker i samverkan med\nLänsstyrelsen genom övningar\n\n"
            "Regionstaben\n\n\nPlanenligt Regionen deltar aktivt i övningar med Länsstyrelsen.\n")
    rows = [c for c in chunk_document(_doc(text)) if c.kind == "uppdrag"]
    assert [r.fields.get("status") for r in rows] == ["Genomfört", "Delvis genomfört", "Planenligt"]
    assert "fastighetsförvaltningen" not in rows[0].text and "Länsstyrelsen" not in rows[1].text


def test_a_units_cell_before_the_status_on_its_line_or_at_a_one_line_rows_end_is_the_unit():
    """'CHR Delvis / genomfört' below an uncoded row still starts that row's status cell, so the row is
    not part of the coded row before it; a row that sits on one line ('RF11 Erbjuda … medarbetarskap
    CHR Genomförd …') has its unit in the abbreviation right before the status."""
    text = ("Aktiviteter\n\nNr  Aktivitet     Ansvarig    Status          Kommentar\n\n"
            "RF8 Stärka det systematiska arbetet genom utbildning\noch stödmaterial.\n\nRegionstaben\n\n"
            "Planenligt Se kommentar under RF8\n\n"
            "Inriktning HR Åtgärder som skapar förutsättningar för ett förlängt arbetsliv för\n"
            "seniora medarbetare ska tas fram.\n\nCHR Delvis \ngenomfört\n\n"
            "Kartläggning utifrån chefsperspektivet har genomförts.\n\n"
            "RF11 Erbjuda verksamheterna utbildning i utvecklande medarbetarskap CHR Genomförd Utbildningen "
            "lanserades i mars.\n")
    rows = [c for c in chunk_document(_doc(text)) if c.kind == "uppdrag"]
    assert [(r.fields.get("ansvarig"), r.fields.get("status")) for r in rows] == [
        ("Regionstaben", "Planenligt"), ("CHR", "Delvis genomfört"), ("CHR", "Genomförd")]
    assert "seniora" not in rows[0].text
    assert rows[2].fields["uppdrag"] == "RF11 Erbjuda verksamheterna utbildning i utvecklande medarbetarskap"


def test_a_year_axis_run_together_with_labels_is_no_statement_but_a_statement_before_one_still_is():
    """'… Dnr: Ekonomi Kostnadsutveckling 2020 2021 2022 2023 Budget Prognos' is a chart's labels, never
    quoted; a sentence the extraction ran into such an axis still says its figure."""
    from assistant.sentences import is_chart_axis

    assert is_chart_axis("- varav stickskador 0 0 Dnr: Medarbetare Regionkontoret Dnr: Ekonomi "
                         "Kostnadsutveckling 2020 2021 2022 2023 Budget Prognos Månadsvis resultatutveckling")
    assert not is_chart_axis("• Byte av tredjepartsleverantör till varuförsörjningen har medfört "
                             "engångskostnader på 3 mnkr 0,0 Månadsvis utveckling 2020 2021 2022")
    assert not is_chart_axis("Sjukfrånvaron har minskat från 2019 till 2020.")


def test_an_indicator_new_since_a_year_and_assessed_on_a_labelled_line_is_read_by_column():
    """'Nytt fr 2024' is the earlier year's cell (no outcome then), not a figure; 'Måluppfyllelse: inte
    uppnått' on a line of its own is the row's assessment."""
    text = ("Förvaltningens mål och indikatorer\n\n"
            "Indikator Utfall 2024 Mål 2025 Utfall 2025 Måluppfyllelse Kommentarer\n\n"
            "Andel samordnade upphandlingar\nRegion Västmanland och Sörmland\n\n"
            "Nytt fr 2024 30% 24% Trend: positiv\n\nMåluppfyllelse: inte uppnått\n\n"
            "Vi ser en positiv trend där andelen har ökat sedan 2023 (12%).\n")
    row = next(c for c in chunk_document(_doc(text)) if c.kind == "indicator")
    assert row.fields["Mål 2025"] == "30%" and row.fields["Utfall 2025"] == "24%"
    assert row.fields["Utfall 2024"] == "Nytt fr 2024" and row.fields["måluppfyllelse"] == "inte uppnått"


def test_indicator_rows_without_status_cells_end_where_the_next_indicator_name_starts():
    """A goal table whose rows have no status phrase (an assessment on a labelled line, none at all, or
    one word, 'Negativt'): each indicator is still a row of its own, with its values by column; a dated
    comment ('2025: …') stays with its row."""
    text = ("Förvaltningens mål och indikatorer\n\n"
            "Indikator Utfall 2024 Mål 2025 Utfall 2025 Måluppfyllelse Kommentarer\n\n"
            "Andel digitala möten\ni förvaltningen\n\n"
            "Nytt fr 2024 60% 52% Trend: positiv\n\nMåluppfyllelse: inte uppnått\n\n"
            "Andelen har ökat sedan 2023.\n\n"
            "Andel fakturor som skannas (i\nantal)\n\n"
            "Nytt fr 2024 Öka - - Går ej att mäta än men återkommer i delårsrapporten.\n"
            "För nuvarande följer vi antalet e-fakturor: 41 200 under 2025\n\n"
            "Energiförbrukning i egna\nlokaler minskar\n\n"
            "812 Minska 790 för\nkontorslokaler\n\n803 (jämförelse\nutfall 2024)\n\n"
            "Negativt Förtydligande: mätningen omfattar även\nlager och garage.\n\n"
            "2025: året visar lägre förbrukning i kontoren.\n")
    rows = [c for c in chunk_document(_doc(text)) if c.kind == "indicator"]
    assert [r.fields["indikator"] for r in rows] == [
        "Andel digitala möten i förvaltningen", "Andel fakturor som skannas (i antal)",
        "Energiförbrukning i egna lokaler minskar"]
    digital, invoices, energy = rows
    assert digital.fields["måluppfyllelse"] == "inte uppnått" and "fakturor" not in digital.text
    assert invoices.fields["Mål 2025"] == "Öka" and invoices.fields["Utfall 2025"] == "-"
    assert energy.fields["Utfall 2024"] == "812" and energy.fields["Mål 2025"] == "Minska"
    assert energy.fields["måluppfyllelse"] == "Negativt" and "lägre förbrukning" in energy.fields["kommentar"]


GOALS_WITH_TREND = """Mål Indikator
Utfall 
2022

Mål 
2023

Utfall 
2023

Status Trend

Förvaltningens verksamhet ska 
bedrivas med god hushållning av 
resurserna.

Jämställdhet och jämlikhet: Andel 
ärenden till politik som rör barn där 
prövningar av barnets bästa (PBB) 
genomförts

-
100%
(2030)

0 Negativ

Klimat: CO2 utsläpp från tjänsteresor och 
transporter minskar 10,6

Minska jfr 
2022

7,6 Positiv

Antal rehabiliteringsärenden 22 41 Negativ

Regionen ska vara en attraktiv Sjukfrånvaro 3,5 % 3,0 % 3,6 % Positiv

Antal arbetsmiljöavvikelser totalt 19 10 Positiv
"""


def test_a_goal_table_with_wrapped_headings_has_a_row_per_indicator_ending_at_its_trend():
    """Headings wrapped a cell per line ('Utfall' / '2022' / …) are the table's heading row; each row ends
    at its trend; a name may run into its figures; '-' is an empty cell; a row without a target has
    only outcomes, not a target in the middle column."""
    rows = {c.fields.get("indikator"): c.fields for c in chunk_document(_doc(GOALS_WITH_TREND)) if c.kind == "indicator"}
    pbb = next(f for name, f in rows.items() if name and "barnets bästa" in name)
    assert pbb["Utfall 2022"] == "-" and pbb["Mål 2023"].startswith("100%") and pbb["Utfall 2023"] == "0"
    assert pbb["trend"] == "Negativ"
    climate = rows["Klimat: CO2 utsläpp från tjänsteresor och transporter minskar"]
    assert climate["Utfall 2022"] == "10,6" and climate["Utfall 2023"] == "7,6" and climate["trend"] == "Positiv"
    rehab = rows["Antal rehabiliteringsärenden"]
    assert rehab["Utfall 2022"] == "22" and rehab["Utfall 2023"] == "41" and "Mål 2023" not in rehab
    # The goal's cell ran into the name's: the goal says 'ska', the name starts at the capital after it.
    sick = rows["Sjukfrånvaro"]
    assert sick["målområde"] == "Regionen ska vara en attraktiv" and sick["Utfall 2023"] == "3,6 %"


def test_a_goal_table_row_ends_at_its_empty_last_cell_not_at_the_next_rows_trend():
    """A row whose trend cell is empty ('-' on a line of its own) ends there: the next indicator, its
    figures and its trend are a row of their own. A '-' followed by a trend is an empty cell before it."""
    text = GOALS_WITH_TREND.split("Förvaltningens verksamhet")[0] + (
        "Förvaltningens verksamhet ska bedrivas med god hushållning.\n\n"
        "Tillgänglighet: Antal samråd med minoriteter per år 1 Minst 2\n\n0 (ansvaret \nflyttat)\n\n-\n\n"
        "Hållbarhet: Halverad koldioxidintensitet i \nkapitalförvaltningen.\n\n10,6 - 7,6 Positiv\n\n"
        "Antal utbildningstillfällen 5 6\n\n-\n\nPositiv\n")
    rows = {c.fields.get("indikator"): c.fields for c in chunk_document(_doc(text)) if c.kind == "indicator"}
    consultations = rows["Tillgänglighet: Antal samråd med minoriteter per år"]
    assert "trend" not in consultations and "koldioxid" not in str(consultations)
    carbon = rows["Hållbarhet: Halverad koldioxidintensitet i kapitalförvaltningen."]
    assert carbon["Utfall 2022"] == "10,6" and carbon["Utfall 2023"] == "7,6" and carbon["trend"] == "Positiv"
    assert rows["Antal utbildningstillfällen"]["trend"] == "Positiv"


GOAL_FOLLOW_UP = """Uppföljning av regionmål

Mål 2. Goda levnadsvillkor

Regionens totala förmågeutveckling stärks och en förflyttning sker av den egna

verksamhetens förmåga till civil beredskap



Analys

Kontinuitetshanteringen fortskrider inte som önskat, eftersom en omorganisation skapade otydlighet.

  Indikatorer


Antal samhällsviktiga verksamheter som
har tagit fram kontinuitetsplaner.



Antal forskningsansökningar inom
forskningsområdet civil beredskap



  Indikatorer

Antal medarbetare som gått
introduktionsutbildning

Gemensam verksamhetsstyrning är implementerad till verksamhetschefsnivå på

NUS och pågår för resterande verksamheter



Analys

Arbetet pågår enligt plan.

  Indikatorer

Antal ledningsgrupper med beskriven identitet
Mål 3. Tillgänglig vård
"""


def test_a_goal_follow_up_is_a_section_named_by_the_goal_and_its_indicators_a_list_of_their_own():
    """As goal-management systems print a follow-up: the goal's name (wrapped over blocks), 'Analys',
    then 'Indikatorer' and one name per paragraph. The analysis is filed under the goal's name; the
    indicators are one passage that knows its goal and names, however a name wraps ('… inom' is no
    heading) or a page break repeats 'Indikatorer'; the next goal or goal area ends the list."""
    chunks = chunk_document(_doc(GOAL_FOLLOW_UP))
    first = "Regionens totala förmågeutveckling stärks och en förflyttning sker av den egna verksamhetens förmåga till civil beredskap"
    second = "Gemensam verksamhetsstyrning är implementerad till verksamhetschefsnivå på NUS och pågår för resterande verksamheter"
    analysis = next(c for c in chunks if "Kontinuitetshanteringen" in c.text)
    assert analysis.section == first and "indikatorer" not in analysis.fields
    listed = [c for c in chunks if c.fields.get("indikatorer")]
    assert [(c.fields["mål"], c.fields["indikatorer"]) for c in listed] == [
        (first, ["Antal samhällsviktiga verksamheter som har tagit fram kontinuitetsplaner.",
                 "Antal forskningsansökningar inom forskningsområdet civil beredskap",
                 "Antal medarbetare som gått introduktionsutbildning"]),
        (second, ["Antal ledningsgrupper med beskriven identitet"]),
    ]
    assert next(c for c in chunks if "Arbetet pågår enligt plan" in c.text).section == second
    assert any(c.section.startswith("Mål 3.") for c in chunks)


PLAN_INDICATORS = """Mål och indikatorer

Mål Indikator Målvärde 2023 Nuläge 2022 Redovisas

En effektiv verksamhet av god kvalitet

Hållbara inköp och resurseffektivitet: antal
arbetsprocesser som utvecklas till mer cirkulära

Minst 1  Å

Klimat: CO2 utsläpp från tjänsteresor och transporter
minskar

Minska jämfört
med 2022

-


Å

Säkerhet: Andel medarbetare som genomgått
e-utbildningen i informationssäkerhet

≥90%

30% (2021) Å

Sjukfrånvaro 3,0% 3,0% M, D, Å

Andel ärenden där barnets bästa prövats

100% (2030) - Å

Antal rehabiliteringsärenden  27 (2021) M
"""


def test_a_plans_indicator_table_whose_last_column_says_how_often_has_a_row_per_indicator():
    """A plan's goal table ends each row at 'Redovisas' ('Å', 'M, D, Å'): one chunk per indicator, its
    name (wrapped), its target as written ('Minst 1', 'Minska jämfört med 2022', '≥90%') and its current
    level, not one chunk for the whole table."""
    rows = [c.fields for c in chunk_document(_doc(PLAN_INDICATORS)) if c.kind == "indicator"]
    assert [(f["indikator"], f.get("Målvärde 2023"), f.get("Nuläge 2022"), f.get("redovisas")) for f in rows] == [
        ("Hållbara inköp och resurseffektivitet: antal arbetsprocesser som utvecklas till mer cirkulära", "Minst 1", None, "Å"),
        ("Klimat: CO2 utsläpp från tjänsteresor och transporter minskar", "Minska jämfört med 2022", "-", "Å"),
        ("Säkerhet: Andel medarbetare som genomgått e-utbildningen i informationssäkerhet", "≥90%", "30% (2021)", "Å"),
        ("Sjukfrånvaro", "3,0%", "3,0%", "M, D, Å"),
        # A target may be dated later than its column ('100% (2030)'); a lone figure dated before it is
        # where the indicator stands now, and the target cell is empty.
        ("Andel ärenden där barnets bästa prövats", "100% (2030)", "-", "Å"),
        ("Antal rehabiliteringsärenden", "-", "27 (2021)", "M"),
    ]


LETTER_MARKED_ROWS = """Uppdrag/åtgärd Tidplan Ansvarig Status Kommentar

(38) RK ska stötta arbetet med att inkludera uppdragstagare och entreprenörer i arbetet med nära vård.

2023 CE
Inget behov av stöttning har efterfrågats under året.

(I) Sätta fokus på arbetsmiljö och hälsofrämjande arbetsplatser. Under
2023 särskilt fokus på hälsoeffekter av distansarbete.

2023-2025 Respektive CD och VC Generellt låg sjukfrånvaro men arbetet är prioriterat där behov finns.
"""


def test_an_assignment_marked_by_a_letter_ends_the_coded_row_before_it():
    """Internal assignments are marked '(I)' rather than numbered: such a line is the next row, not more of
    the comment of the row before ('Inget behov av stöttning …' is all of (38)'s comment)."""
    rows = [c for c in chunk_document(_doc(LETTER_MARKED_ROWS)) if c.kind == "uppdrag"]
    assert [c.fields["code"] for c in rows] == ["38", "I"]
    assert rows[0].fields["kommentar"] == "Inget behov av stöttning har efterfrågats under året."
    assert rows[1].fields["ansvarig"] == "Respektive CD och VC" and rows[1].fields["tidplan"] == "2023-2025"
    assert "Generellt låg sjukfrånvaro" in rows[1].fields["kommentar"]
