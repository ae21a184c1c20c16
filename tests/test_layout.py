"""Cells the PDF extraction stacked in columns are put back on their rows' lines."""
from __future__ import annotations

from assistant.layout import join_wrapped_heading, unstack_cells


def test_a_broken_down_indicator_gets_each_parts_figures_on_its_line():
    lines = ["Personalrörlighet", "▪ Totalt", "▪ Egen begäran", "▪ Pensionsavgång", "",
             "11,4 %", "8,9 %", "2,6 %", "", "-", "", "9,9 %", "8,5 %", "1,1 %", "", "Positiv"]
    out = unstack_cells(lines)
    assert len(out) == len(lines)  # every line keeps its number, so citations stay right
    assert out[2] == "Personalrörlighet, Egen begäran 8,9 % - 8,5 %"  # the merged '-' cell is the group's
    assert out[1] == "Personalrörlighet, Totalt 11,4 % - 9,9 %"
    assert out[5:8] == ["", "", ""] and out[-1] == "Positiv"


def test_a_head_that_is_the_total_is_a_row_and_a_last_part_may_be_empty():
    lines = ["Personalrörlighet, totalt", "- Egen begäran", "- Pensionsavgång", "- Övriga avgångar", "", "",
             "8,5%", "5,8%", "2,7%", "", "Prestationsnivå 74% 71,2%"]
    out = unstack_cells(lines)
    assert out[0] == "Personalrörlighet, totalt 8,5%"
    assert out[1] == "Personalrörlighet, Egen begäran 5,8%"  # not the total's figure
    assert out[3] == "- Övriga avgångar"
    assert out[-1] == "Prestationsnivå 74% 71,2%"


def test_lists_without_a_figure_per_item_are_left_alone():
    prose = ["Viktiga händelser", "- Ny lokal", "- Nytt system", "- Ny chef", "", "12", "", "Nästa avsnitt"]
    assert unstack_cells(prose) == prose  # a page number after a list is no column
    uneven = ["Kostnader", "- Lokaler", "- Resor", "- IT", "- Konsulter", "", "3,1", "2,0"]
    assert unstack_cells(uneven) == uneven  # too few figures to tell which part they belong to


def test_a_heading_wrapped_a_cell_per_line_is_one_heading_row():
    lines = ["Mål Indikator", "Utfall ", "2022", "", "Mål ", "2023", "", "Utfall ", "2023", "", "Status Trend", "",
             "Sjukfrånvaro 3,5 % 3,0 % 3,5 %"]
    out = join_wrapped_heading(lines)
    assert out[0] == "Mål Indikator Utfall 2022 Mål 2023 Utfall 2023 Status Trend"
    assert len(out) == len(lines) and not any(out[1:11]) and out[-1] == lines[-1]
    prose = ["Indikator", "Mål", "Vi följer indikatorn varje år."]
    assert join_wrapped_heading(prose) == prose  # no year: no wrapped heading
