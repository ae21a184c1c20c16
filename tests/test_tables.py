"""Reading a cell of a table the PDF extraction flattened: right column or nothing at all."""
from __future__ import annotations

import re

from assistant.tables import read_cells, row_labels

RESULTS = """Resultat, mnkr
Budgetenhet
Belopp i mnkr
Bokslut
2020
Bokslut
2021
Bokslut
2022*
Bokslut
2023
Centrum för administration 2,4 1,6 0,1 -3,9
Varav Varuförsörjning -3,3 -3,1 -3,8 -7,5
Centrum för hållbarhet -0,9 1,0
Regiondirektörens stab 10,1 13,0 11,1 9,1"""


def _by_label(text: str, year: int, prefer: tuple[str, ...] = ()) -> dict[str, tuple[str, str]]:
    return {c.label: (c.column, c.value) for c in read_cells(text, year, prefer)}


def test_each_row_is_read_under_the_asked_years_column():
    cells = _by_label(RESULTS, 2023)
    assert cells["Centrum för administration"] == ("Bokslut 2023", "-3,9")
    assert cells["Regiondirektörens stab"] == ("Bokslut 2023", "9,1")
    assert _by_label(RESULTS, 2021)["Varav Varuförsörjning"] == ("Bokslut 2021", "-3,1")


def test_a_row_under_a_row_with_one_cell_filled_in_is_still_read():
    """'Prognosjustering 0,0' fills one cell of its row; it is part of the table, not a heading of the
    total below it, which is read under its year like the other rows."""
    text = RESULTS + "\nFörvaltningsövergripande prognosjustering 0,0\nSumma förvaltningen 40,2 31,4 19,4 21,5"
    assert _by_label(text, 2021)["Summa förvaltningen"] == ("Bokslut 2021", "31,4")
    assert "Förvaltningsövergripande prognosjustering" not in _by_label(text, 2021)


def test_a_heading_line_that_names_its_year_columns_after_the_tables_title_is_no_row():
    """'Ramförändringar i miljoner kronor 2022 2023' heads the rows below it (its 'figures' are years);
    the rows are read under those years, with the title the heading line starts with."""
    text = ("Tabellen nedan visar förändringar av ramen.\n\nRamförändringar i miljoner kronor 2022 2023\n\n"
            "Reducering ram till följd av EIB  -1,3  0\n\nLPIK uppräkning 5,48 13,1\n")
    cells = {c.label: c for c in read_cells(text, 2022)}
    assert (cells["LPIK uppräkning"].column, cells["LPIK uppräkning"].value) == ("2022", "5,48")
    assert cells["Reducering ram till följd av EIB"].value == "-1,3"
    assert cells["LPIK uppräkning"].title == "Ramförändringar i miljoner kronor"
    assert "Ramförändringar i miljoner kronor" not in cells


def test_a_change_in_percent_under_its_own_heading_is_read_and_amounts_carry_the_tables_unit():
    """'… Bokslut 2020 Förändring i %': the last share is that column's, the amounts are read under
    their years in the unit the headings give ('Belopp i tkr'). Without such a heading, a share beside
    amounts is not read at all."""
    text = ("Lönekostnader Helår\nBelopp i tkr Bokslut 2019 Budget 2020 Prognos 2020 Bokslut 2020 Förändring i %\n"
            "30 Läkare -7 839 -9 716 -9 590 -7 816 -0,3%\nSumma lönkostnader: -142 910 -142 380 -135 497 -151 151 5,8%\n")
    cell = {c.label: c for c in read_cells(text, 2020)}["Summa lönkostnader"]
    assert (cell.column, cell.value, cell.unit) == ("Bokslut 2020", "-151 151", "tkr")
    assert ("Förändring i %", "5,8%") in cell.same_year and ("Budget 2020", "-142 380") in cell.same_year
    assert read_cells(text.replace(" Förändring i %", ""), 2020) == []


def test_a_row_with_a_missing_cell_or_a_year_without_column_is_not_read():
    """'Centrum för hållbarhet -0,9 1,0' has two figures under four headings: which years they belong
    to cannot be known, so nothing is read rather than a guess."""
    assert "Centrum för hållbarhet" not in _by_label(RESULTS, 2023)
    assert _by_label(RESULTS, 2019) == {}


def test_thousands_separators_and_budget_columns():
    text = ("Belopp i tkr\nBokslut 2019\nBudget 2020\nBokslut 2020\n"
            "Personalkostnader -215 642 -214 737 -224 742\n")
    assert _by_label(text, 2020)["Personalkostnader"] == ("Bokslut 2020", "-224 742")
    assert _by_label(text, 2020, ("budget",))["Personalkostnader"] == ("Budget 2020", "-214 737")
    assert _by_label(text, 2019)["Personalkostnader"] == ("Bokslut 2019", "-215 642")


def test_running_text_with_figures_is_no_table_row():
    text = "Bokslut 2022\nBokslut 2023\nResultatet blev 2,4 mnkr bättre än 2022 och 1,6 mnkr bättre än budget."
    assert read_cells(text, 2023) == []


PERSONNEL = """Medarbetare
Jan Feb Mar Apr Maj Jun
Föregående år Innevarande år Målvärde
Sjukfrånvaro
(1 mån släp, inget vid årsbokslut) Sjukfrånvaro % (ack)
(1 mån släp, inget vid årsbokslut)
Föregående år Innevarande år
Total sjukfrånvaro  3,9  3,2
  - varav dag 1-14  1,8  1,6
Män  2,0  1,2
Kvinnor  4,4  3,8"""


def test_columns_named_relative_to_the_report_year_are_read_with_that_year():
    """Personnel tables head their columns 'Föregående år' and 'Innevarande år': in a 2020 report
    those are 2019 and 2020. The heading on the row's own line counts, not a chart legend above it."""
    cells = {c.label: c for c in read_cells(PERSONNEL, 2020, report_year=2020)}
    assert (cells["Män"].column, cells["Män"].value) == ("Innevarande år (2020)", "1,2")
    assert cells["varav dag 1-14"].value == "1,6"
    assert {c.label: c.value for c in read_cells(PERSONNEL, 2019, report_year=2020)}["Total sjukfrånvaro"] == "3,9"
    # What the table is about, for rows whose label does not say it ('Män'); notes in brackets left out.
    assert cells["Män"].title == "Sjukfrånvaro %"


def test_relative_columns_are_not_read_when_the_report_year_is_unknown():
    assert read_cells(PERSONNEL, 2020) == []


def test_a_charts_year_axis_is_no_heading_and_an_ambiguous_thousands_split_is_not_read():
    heading = "Belopp i mnkr Budget 2023 Bokslut 2023 Bokslut 2022\n"
    assert _by_label(heading + "Summa intäkter 499 539 516", 2023)["Summa intäkter"] == ("Bokslut 2023", "539")
    # A chart's axis extracted between the heading and the row: its years are no columns.
    chart = heading + "Månadsvis utveckling\n2020 2021 2022\nSumma intäkter 499 539 516"
    assert _by_label(chart, 2020) == {} and _by_label(chart, 2021) == {}
    # '1 779 949 721 1 317 368 9,0%' can be split several ways into five figures: nothing is read.
    tkr = "Belopp i tkr Bokslut 2019 Budget 2020 Prognos 2020 Bokslut 2020 Avvikelse 2020\n" \
          "Juridik 1 779 949 721 1 317 368 9,0%"
    assert _by_label(tkr, 2020) == {}


def test_a_period_in_a_title_and_rows_run_together_on_one_line_are_not_read():
    """'Förvaltningsplan 2024–2026' names a period, not two columns; a line holding several rows'
    figures ('… Centrum för service 55,5 58,8 Centrum för IT 17,8 18,8') is no single row."""
    assert read_cells("Förvaltningsplan 2024–2026\n5 Ekonomi\nCentrum för IT 17,8 18,8", 2024) == []
    run_on = "Ram 2023\nRam 2024\nCentrumbildning Centrum för service 55,5 58,8 Centrum för IT 17,8 18,8"
    assert read_cells(run_on, 2024) == []


def test_a_share_under_a_heading_below_the_heading_line_is_left_and_the_amounts_read_if_they_add_up():
    """'Belopp i tkr Bokslut 2019 … Avvikelse 2020' is followed by 'Bokslut i % av / Intäkt': the rows
    end with a share no year names. The amounts under the year headings are read only where the
    deviation is the outcome less the budget; a share beside amounts under no such heading is not."""
    text = ("Belopp i tkr Bokslut 2019 Årsbudget 2020 Prognos 2020 Bokslut 2020 Avvikelse 2020\n"
            "Bokslut i % av\nIntäkt\nE3 HR stöd -43 0 0 0 0\nE6 Arkiv och skanning 111 -500 -300 -94 406 -7,9%\n"
            "E7 Juridik 1 779 949 721 1 317 368 9,0%\nE8 Växeln 120 100 90 80 70 1,0%\n")
    cells = _by_label(text, 2020)
    assert cells["E6 Arkiv och skanning"] == ("Bokslut 2020", "-94") and cells["E3 HR stöd"] == ("Bokslut 2020", "0")
    # '1 779 949 721 1 317 368' splits several ways into five figures; only one adds up: 1 317 less 949.
    assert cells["E7 Juridik"] == ("Bokslut 2020", "1 317")
    assert "E8 Växeln" not in cells  # 80 less 100 is not 70
    shares = "Belopp i tkr Bokslut 2019 Budget 2020 Bokslut 2020\nLäkare inhyrd personal -345 -188 -45,6%\n"
    assert _by_label(shares, 2020) == {}


def test_a_heading_line_below_the_rows_is_theirs_only_where_the_deviation_adds_up():
    """Some extractions put a table's heading line after its rows. Rows whose deviation is their
    outcome less their budget are read under it, with its unit; others are not read at all."""
    text = ("Rapportinformation\nFörsäljning av tjänster 104 891 118 497 109 385 107 232 -11 265\n"
            "Hyresintäkter 208 197 112 193 -4\nLokalkostnader -19 408 -17 600 -17 014 -16 573 5 000\n\n"
            "År: 2020\nHelår\nBelopp i tkr Bokslut 2019 Budget 2020 Prognos 2020 Bokslut 2020 Avvikelse 2020\n")
    cells = {c.label: c for c in read_cells(text, 2020)}
    assert (cells["Försäljning av tjänster"].column, cells["Försäljning av tjänster"].value) == \
        ("Bokslut 2020", "107 232")
    assert cells["Försäljning av tjänster"].unit == "tkr" and cells["Hyresintäkter"].value == "193"
    assert "Lokalkostnader" not in cells


def test_a_long_tables_last_rows_and_a_chart_axis_among_its_headings():
    """Rows far below the headings (many rows between) are still read under them; a chart's year
    axis extracted among the headings ('2020 2021 2022') is not taken for columns."""
    names = [f"Enhet {a}{b}" for a in "ABC" for b in "KLMNOPQRST"][:29]
    rows = "\n\n".join(f"{name} {n},5 {n + 1},5" for n, name in enumerate(names, start=1))
    text = f"Månadsvis utveckling\n2020 2021 2022\nResultat\nBelopp i mnkr\nBudget\n2023\nBokslut\n2023\n\n{rows}\n"
    cells = _by_label(text, 2023)
    assert cells["Enhet CS"] == ("Bokslut 2023", "30,5") and cells["Enhet AK"] == ("Bokslut 2023", "2,5")
    assert _by_label(text, 2023, ("budget",))["Enhet CS"] == ("Budget 2023", "29,5")


MONTHLY = """Förenklad resultaträkning (mkr)
Ack
utfall

Inn år

Ack
Budget

Inn år

Ack avv
från

budget

Ack Utfall
Fg år

Helår
Prognos

Helår
Budget

Bokslut
Utf Fg år

Avv
Bud mot
Prog

Ack Avv
Fg år

Intäkter

Regionersättning  337,6  312,7  24,9  310,7  328,3  312,7  15,6  310,7  26,9
Övriga intäkter  51,3  40,9  10,4  59,0  52,8  40,9  11,9  59,0  -7,7
Summa Intäkter  539,1  498,9  40,2  515,5  533,1  498,9  34,2  515,5  23,6

Kostnader

Personalkostnader  -289,6  -292,4  2,8  -271,3  -285,0  -292,4  7,3  -271,3  -18,3
Läkemedel  -0,1  -0,1  0,0  -0,1  -0,1  -0,1  0,0  -0,1  0,0
"""


def test_headings_wrapped_over_lines_are_read_in_the_order_the_figures_confirm():
    """A monthly results table's headings wrap ('Ack / utfall / Inn år'); 'Inn år' is the report's
    year. The extraction lists 'Bokslut Utf Fg år' before 'Avv Bud mot Prog' although the figures
    (15,6 = 328,3 - 312,7) say otherwise: the two headings swap back, every column is read, for every
    row, also below the in-table label 'Kostnader'. 'Ack Avv Fg år' is the report year's change from
    the year before (26,9 = 337,6 - 310,7). The lines above the first heading are the table's title."""
    cells = {c.label: c for c in read_cells(MONTHLY, 2023, report_year=2023)}
    assert (cells["Regionersättning"].column, cells["Regionersättning"].value) == ("Ack utfall Inn år (2023)", "337,6")
    assert dict(cells["Regionersättning"].same_year) == {"Ack utfall Inn år (2023)": "337,6",
                                                         "Ack Budget Inn år (2023)": "312,7",
                                                         "Ack avv från budget (2023)": "24,9",
                                                         "Helår Prognos (2023)": "328,3",
                                                         "Helår Budget (2023)": "312,7",
                                                         "Avv Bud mot Prog (2023)": "15,6",
                                                         "Ack Avv Fg år (2023)": "26,9"}
    assert cells["Personalkostnader"].value == "-289,6" and dict(cells["Personalkostnader"].same_year)[
        "Helår Prognos (2023)"] == "-285,0"
    assert cells["Regionersättning"].title.startswith("Förenklad resultaträkning")
    year_before = {c.label: dict(c.same_year) for c in read_cells(MONTHLY, 2022, report_year=2023)}
    assert year_before["Regionersättning"] == {"Ack Utfall Fg år (2022)": "310,7", "Bokslut Utf Fg år (2022)": "310,7"}


def test_wrapped_headings_are_read_only_as_far_as_the_figures_confirm_them():
    """Where no order of the headings makes the later deviations add up, only the columns up to the
    last deviation that checks out are read."""
    unconfirmed = re.sub(r"(Regionersättning|Övriga intäkter|Summa Intäkter|Personalkostnader)((?:\s+\S+){6})\s+\S+",
                         r"\1\2  99,9", MONTHLY)
    cells = {c.label: c for c in read_cells(unconfirmed, 2023, report_year=2023)}
    assert len(cells["Regionersättning"].same_year) == 3
    assert read_cells(unconfirmed, 2022, report_year=2023) == []


PRICES = """5.2 Intäktsfinansierade verksamheter

Verksamhet Prisförändring i
procent

Prisförändring i
mnkr

Volym-
förändring i
mnkr

Total beräknad
intäkt i mnkr

Controllerservice 5,8 % 0,6 0,1 26

Förvaltningsnära HR 0,0 % 0,0 0,6 6

Regionhälsan 5,8 % 0,8 -0,2 14,8"""


def test_columns_named_by_words_and_unit_are_read_each_with_its_figure_of_the_reports_year():
    """'Total beräknad intäkt i mnkr' heads the last figure ('26' is 26 mnkr); a share written '5,8 %'
    is one figure. Without the report's year, or asked of another year, nothing is read."""
    cells = [(c.label, c.column, c.value, c.unit) for c in read_cells(PRICES, 2023, report_year=2023)]
    assert ("Controllerservice", "Total beräknad intäkt", "26", "mnkr") in cells
    assert ("Förvaltningsnära HR", "Prisförändring i procent", "0,0%", "mnkr") in cells
    assert ("Regionhälsan", "Volymförändring", "-0,2", "mnkr") in cells
    assert read_cells(PRICES, 2024, report_year=2023) == [] and read_cells(PRICES, 2023) == []
    missing = PRICES.replace("Regionhälsan 5,8 % 0,8 -0,2 14,8", "Regionhälsan 5,8 % 0,8 14,8")
    assert "Regionhälsan" not in {c.label for c in read_cells(missing, 2023, report_year=2023)}


def test_a_label_that_ends_in_a_number_keeps_it():
    """'Övriga kostnader i kkl 5 -37,4 -29,7 -7,7': the bare '5' before figures that all have decimals
    is the label's (the account class), not a figure that would push every cell one column over."""
    text = "Belopp i mnkr\nBokslut 2023\nBudget 2023\nAvvikelse 2023\n" \
           "Övriga kostnader i kkl 5 -37,4 -29,7 -7,7\nLokalkostnader -18,7 -19,1 0,4"
    cells = _by_label(text, 2023)
    assert cells["Övriga kostnader i kkl 5"] == ("Bokslut 2023", "-37,4")
    assert cells["Lokalkostnader"] == ("Bokslut 2023", "-18,7")


WORKED_TIME = """Arbetad tid (ack)
Förändring Förändring %Föregående ÅrInnevarande År
Utförd arbetstid  420 556  3 079  0,74 417 476
  - varav övertid/mertid  2 701  678  33,50 2 023
  - varav timavlönade  7 809 -1 843 -19,10 9 652
Justering utvecklingsanställda.  5  3  10,00 9"""


def test_a_table_of_this_year_against_the_year_before_is_read_in_the_order_its_figures_add_up_to():
    """'Förändring Förändring % Föregående År Innevarande År' comes out of the extraction in another
    order than its figures: this year (2 701) less the year before (2 023) is the change (678), which
    is 33,50 % of the year before. A row whose figures do not add up so is not read."""
    cells = {c.label: dict(c.same_year) for c in read_cells(WORKED_TIME, 2020, report_year=2020)}
    assert cells["varav övertid/mertid"] == {"Innevarande år (2020)": "2 701", "Förändring (2020)": "678",
                                             "Förändring % (2020)": "33,50"}
    assert cells["Utförd arbetstid"]["Innevarande år (2020)"] == "420 556"
    assert "Justering utvecklingsanställda." not in cells
    before = {c.label: (c.column, c.value) for c in read_cells(WORKED_TIME, 2019, report_year=2020)}
    assert before["varav timavlönade"] == ("Föregående år (2019)", "9 652")


def test_figures_run_together_are_split_and_a_change_row_read_in_another_order_than_its_table_is_left():
    """'118,40-141' is two figures the extraction ran together: the line is a row, not a heading that
    would hide the rows below it. '0 4 532 -100,00 -4 532' adds up only in another order than the
    table's other rows, so it is not read."""
    text = WORKED_TIME.replace("Justering utvecklingsanställda.  5  3  10,00 9",
                               "Avdrag arbetad tid under jour/beredskap -308 -167  118,40-141\n"
                               "Justering för fler eller färre arbetsdagar  0  4 532 -100,00-4 532\n"
                               "Antal årsarbetare utifrån arbetad tid  275 -4 -1,28 279")
    cells = {c.label: dict(c.same_year) for c in read_cells(text, 2020, report_year=2020)}
    assert cells["Antal årsarbetare utifrån arbetad tid"] == {
        "Innevarande år (2020)": "275", "Förändring (2020)": "-4", "Förändring % (2020)": "-1,28"}
    assert "Justering för fler eller färre arbetsdagar" not in cells


def test_amount_lines_keep_rows_with_empty_cells_and_leave_sentences_ending_in_a_figure():
    from assistant.tables import amount_lines

    text = ("Ramförändringar i miljoner kronor 2023 2024\nLöne- och prisuppräkning 2,1 3,2\n"
            "Flytt av arkivtjänst till Regionarkivet -0,4\nSumma 1,7 2,86\n\n"
            "Totalt prognostiseras ett underskott på 70\nmiljoner kronor för helåret.\n")
    lines = amount_lines(text)
    assert [(r.label, r.figures) for r in lines] == [
        ("Löne- och prisuppräkning", ("2,1", "3,2")), ("Flytt av arkivtjänst till Regionarkivet", ("-0,4",)),
        ("Summa", ("1,7", "2,86"))]
    assert all(r.years == (2023, 2024) and r.unit == "miljoner kronor" for r in lines) and lines[-1].is_total
    assert lines[0].title == "Ramförändringar i miljoner kronor"


def test_amount_lines_take_columns_named_by_kind_and_year_and_not_a_charts_year_axis():
    from assistant.tables import amount_lines

    text = ("Resultaträkning Belopp i mnkr Budget 2024 Bokslut 2024 Bokslut 2023*\n"
            "Personalkostnader -292 -290 -271\nLokalkostnader -19 -19 -17\n2021 2022 2023\n"
            "Övriga kostnader -41 -40 -38\n")
    lines = amount_lines(text)
    assert [r.label for r in lines] == ["Personalkostnader", "Lokalkostnader", "Övriga kostnader"]
    assert all(r.years == (2024, 2024, 2023) and r.unit == "mnkr" for r in lines)
    assert lines[0].title == "Resultaträkning Belopp i mnkr"


def test_row_labels_are_the_rows_names_in_lower_case_words_and_name_no_generic_row():
    text = ("Förenklad resultaträkning (mnkr) Utfall 2023 Budget 2023 Avvikelse 2023\n"
            "Försäljning av tjänster  122,4  121,4  0,9\n"
            "Summa  539,1  498,9  40,2\n"
            "Lämnade bidrag -23,8 -23,7 -0,1\n\n"
            "Året har präglats av en hög efterfrågan på våra tjänster, som ökade med 12 procent.\n")
    assert row_labels(text, 2023) == {"försäljning av tjänster", "lämnade bidrag"}
