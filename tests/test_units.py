"""Units and their abbreviations are mined from the reports, and found in staff's wording."""
from __future__ import annotations

from assistant.units import Units, name_initialisms

REPORT = """Centrum för HR har stöttat förvaltningarna. Centrum för innovation, forskning och utbildning
driver forskningsfrågorna. Centrum för ekonomis resultat blev 2,8 mnkr. Centrum för ekonomi ansvarar
för redovisningen. Centrum för klinisk forskning har en egen modell.
Uppdrag Ansvarig Status
(36) Förmåner och villkor CHR Planenligt
(39) Investeringsprocess CE Genomfört
(40) Forskningsstöd CIFU Planenligt
Det kostade ca 30 % mer än väntat. CK och CA saknas."""


def test_a_unit_is_paired_with_the_initialism_the_reports_also_use():
    units = {u.abbreviation: u.name for u in Units.mine([REPORT]).units}
    assert units == {"CHR": "Centrum för HR", "CE": "Centrum för ekonomi",
                     "CIFU": "Centrum för innovation, forskning och utbildning"}
    # 'klinisk' is an adjective: 'Centrum för klinisk …' is no 'CK', though 'CK' stands in the text.


def test_a_question_names_a_unit_in_full_by_abbreviation_or_as_staff_say_it():
    units = Units.mine([REPORT])
    assert units.matches("Vilka uppdrag ligger på Centrum för HR?") == [("Centrum för HR", "HR", "CHR")]
    assert units.matches("Vad låg bakom att HR-centrumet gick plus?") == [("HR-centrumet", "HR", "CHR")]
    assert units.matches("Hur gick ekonomicentrumet 2023?") == [("ekonomicentrumet", "ekonomi", "CE")]
    assert [m[2] for m in units.matches("Vad gör Centrum för innovation, forskning och utbildning?")] == ["CIFU"]
    assert units.matches("Hur mycket kostade det, ca 30 procent?") == []  # 'ca' is 'cirka', not a unit


def test_a_name_is_paired_only_with_an_initialism_its_own_document_uses():
    """'Enheten för utvecklingsbanker' and an 'EU' that another document writes are no pair: 'EU' is
    the Union there."""
    units = Units.mine(["Enheten för utvecklingsbanker ansvarar för frågorna.", "EU-kommissionen och EU beslutade."])
    assert units.units == [] and units.matches("Vad beslutade EU?") == []


def test_a_public_bodys_name_has_the_initialism_staff_write():
    assert name_initialisms("Region Västmanland") == ["RV"]
    assert name_initialisms("Regionkontoret") == ["RK"] and name_initialisms("Kommunstyrelsen") == ["KS"]
    # A plain word, or a name with a lower-case word ('Centrum för HR': the units have their own), has none.
    assert name_initialisms("Regionen") == [] and name_initialisms("Centrum för HR") == []
