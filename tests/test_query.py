from assistant.models import DocumentMeta
from assistant.query import analyse

METAS = [DocumentMeta(doc_id="a", title="", organisation="Region Västerbotten", unit="Regionstyrelsen", year=2025,
                      kind="delårsrapport", path="", sha256=""),
         DocumentMeta(doc_id="b", title="", organisation="Region Västmanland", unit="Regionkontoret", year=2020,
                      kind="årsredovisning", path="", sha256="")]


def test_codes_years_and_intent():
    q = analyse("Vad är status för RF8?", METAS)
    assert q.codes == ["RF8"] and q.intent == "status"
    assert analyse("Hur går det med uppdrag 13?", METAS).codes == ["13"]
    assert analyse("hur ligger vi till med rf11", METAS).codes == ["RF11"]
    assert analyse("Hur ligger regionstyrelsen i Västerbotten till med hyrpersonalen?", METAS).intent == "status"
    # Whether a goal will be met is its status ('Mål kommer helt uppfyllas'), however it is asked.
    assert analyse("Kommer Västerbotten att klara sitt mål om e-tjänster i år?", METAS).intent == "status"
    assert analyse("Kommer regionstyrelsen att nå delmålet om civil beredskap?", METAS).intent == "status"
    # ... and whether it was met, with who met it between ('Klarade vi målet …', 'Nådde förvaltningen målet …').
    assert analyse("Klarade vi målet att korta ledtiderna 2025?", METAS).intent == "status"
    assert analyse("Nådde förvaltningen målet för andelen e-fakturor?", METAS).intent == "status"
    # A goal's prognosis is its assessment ('Mål kommer delvis uppfyllas'); a result's is a figure.
    assert analyse("Vilken prognos har delmålet om farliga ämnen?", METAS).intent == "status"
    assert analyse("Vilken prognos har regionstyrelsen för resultatet 2025?", METAS).intent == "number"
    # ... also with the board named between ('Vilken prognos har regionstyrelsen i Västerbotten för delmålet …').
    assert analyse("Vilken prognos har regionstyrelsen i Västerbotten för delmålet om hälsofrämjande insatser?",
                   METAS).intent == "status"
    # 'Vad var det som gjorde att …' asks the cause as 'varför' does.
    assert analyse("Vad var det som gjorde att staben gick med plus 2023?", METAS).intent == "why"
    assert analyse("Vad gjorde att kostnaderna ökade?", METAS).intent == "why"
    q = analyse("Varför avvek resultatet från budget 2020?", METAS)
    assert q.years == [2020] and q.intent == "why"


def test_organisation_kind_and_lists():
    q = analyse("Hur stor var budgetavvikelsen för regionstyrelsen i Västerbotten?", METAS)
    assert "Region Västerbotten" in q.organisations and "Regionstyrelsen" in q.organisations
    assert analyse("Vad sa årsredovisningen om IT?", METAS).kinds == ["årsredovisning"]
    assert analyse("Vad står i delårsrapporten om IT?", METAS).kinds == ["delårsrapport"]
    q = analyse("Vilka uppdrag är delvis genomförda 2025?", METAS)
    assert q.intent == "list" and q.status_filter == "delvis"
    assert analyse("Jämför resultatet 2020, 2023 och 2025", METAS).intent == "compare"
    # What one report says of its year against the year before compares no reports.
    assert analyse("Hur stora var intäkterna 2023 jämfört med föregående år?", METAS).intent != "compare"
    # Two indexed regions in one question compare them; one indexed and one unknown region do not.
    assert analyse("Vad betydde pensionerna i Västmanland respektive Västerbotten?", METAS).intent == "compare"
    assert analyse("Vad betydde pensionerna i Västmanland och i Region Uppsala?", METAS).intent != "compare"
    assert "Region Uppsala" in analyse("Sjukfrånvaron i Region Uppsala?", METAS).organisations


def test_a_list_question_asks_for_rows_by_how_far_they_have_come_in_everyday_words():
    level = {q: analyse(q, METAS).status_filter for q in (
        "Vilka aktiviteter under RF12 blev bara delvis klara?",
        "Vilka delmål bedöms bara nås till en del i år?",
        "Vilka delmål ser ut att klaras fullt ut 2025?",
        "Vilka av RF7-aktiviteterna är inte helt i mål?",
        "Vilka uppdrag har inte påbörjats?",
        "Vilka uppdrag ligger efter plan?",
        "Vilka digitala lösningar togs fram 2020?",
        "Hur många delmål har prognosen Inga data?",  # a count of rows asks by status as a list does
        "Hur många uppdrag är bara delvis klara?")}
    assert list(level.values()) == ["delvis", "delvis", "klart", "ej klart", "ej påbörjat", "försenat", None,
                                    "inga data", "delvis"]


def test_a_unit_that_decides_a_plan_does_not_restrict_the_search_to_its_own_reports():
    """'När beslutade regionstyrelsen förvaltningsplanen?': the only Regionstyrelsen reports are of
    another kind, so regionstyrelsen is the decision-maker here, not the plan's author; one period
    ('för 2023–2025') names the plan and is no comparison of two years."""
    metas = METAS + [DocumentMeta(doc_id="c", title="", organisation="Region Västmanland", unit="Regionkontoret",
                                  year=2023, kind="förvaltningsplan", path="", sha256="", years=[2023, 2024, 2025])]
    q = analyse("När beslutade regionstyrelsen förvaltningsplanen för 2023–2025?", metas)
    assert q.organisations == [] and q.kinds == ["förvaltningsplan"] and q.intent != "compare"
    assert analyse("Vad säger delårsrapporten från regionstyrelsen om IT?", metas).organisations == ["Regionstyrelsen"]
    assert analyse("Hur gick resultatet 2023 och 2025?", metas).intent == "compare"
    # The period still names one plan when other numbers stand beside it.
    assert analyse("Hur många tjänster ska inrättas enligt uppdrag 14 i förvaltningsplanen 2023–2025?",
                   metas).intent != "compare"


def test_a_period_asked_of_one_named_report_is_no_comparison_across_reports():
    """'… i bokslut 2020–2023 i årsredovisningen 2023': the report's own table spans the period; the
    report's year says where to look, so it is one question of one report, not 2020's report beside 2023's.
    Two years asked without a period still compare."""
    metas = METAS + [DocumentMeta(doc_id="d", title="", organisation="Region Västmanland", unit="Regionkontoret",
                                  year=2023, kind="årsredovisning", path="", sha256="")]
    period = "Vilket resultat redovisas för Centrum för service i bokslut 2020–2023 i årsredovisningen 2023?"
    assert analyse(period, metas).intent == "number"
    assert analyse("Vilket resultat hade Centrum för service 2020 och 2023 enligt årsredovisningen 2023?",
                   metas).intent == "compare"


def test_a_board_named_with_a_year_its_own_reports_do_not_cover_is_the_audience_not_the_author():
    """'… presenterades för Regionstyrelsen 2023': the board's own report covers 2025 only, so the
    question is about another report (the board is who was told); a year it covers keeps the filter."""
    from assistant.retrieve import asks_outcome

    assert analyse("När presenterades förslagen för Regionstyrelsen 2023?", METAS).organisations == []
    assert analyse("Hur gick det för regionstyrelsen 2025?", METAS).organisations == ["Regionstyrelsen"]
    # What was done ('presenterades', 'gjorde') is an outcome; what is to be done is not.
    assert asks_outcome("När presenterades förslagen?") and asks_outcome("Vad gjorde regionkontoret?")
    assert not asks_outcome("När ska förslagen presenteras?")
    assert asks_outcome("Vilket HME-värde fick regionkontoret?") and asks_outcome("Hur låg engagemanget 2024?")
    assert not asks_outcome("Hur låg var sjukfrånvaron?")
    # A strong or irregular past tense ('köpte', 'sjönk', 'tog') did happen too.
    assert asks_outcome("Vad köpte regionkontoret för investeringspengarna 2023?")
    assert asks_outcome("Varför sjönk sjuktalet 2023?") and asks_outcome("Hur lång tid tog upphandlingen?")
    assert not asks_outcome("Vad ska regionkontoret köpa för investeringspengarna 2023?")


def test_a_question_about_what_a_plan_said_and_what_came_of_it_asks_both_reports():
    from assistant.query import plan_and_outcome_parts

    asked = analyse("Vilken ram hade regionkontoret 2025 enligt planen, och hur mycket blev över?")
    assert asked.intent == "compare" and asked.against_plan
    of_plan, of_outcome = plan_and_outcome_parts(asked.text)
    assert "planen" in of_plan and "blev över" not in of_plan
    assert "blev över" in of_outcome and "planen" not in of_outcome
    # The subject described with 'skulle' is asked of both reports.
    _, of_outcome = plan_and_outcome_parts("Översynen som skulle göras 2023 – vem hade den, och vad blev det av den?")
    assert of_outcome.startswith("Översynen")
    # Only a plan, or only what happened, is one report's question.
    assert not analyse("Vilken ram har regionkontoret 2025 enligt planen?").against_plan
    assert not analyse("Hur mycket blev över för regionkontoret 2025?").against_plan
    # When it came, was done or made ('kom', 'genomfördes', 'gjordes') is what came of it; whether a goal
    # was met ('klarade de det') the outcome report's indicator row tells alone.
    assert analyse("När skulle utredningen vara klar enligt planen, och när kom den till styrelsen?").against_plan
    assert analyse("Vad sa planen om arbetet mot våld och hur har det gått sedan?").against_plan
    assert not analyse("Vilket mål för sjuktalet satte planen för 2023–2025, och klarade de det 2023?").against_plan


def test_the_plan_staff_speak_of_is_the_plan_the_corpus_holds():
    """'enligt planen' names the kind of report that plans: the förvaltningsplan, where one is indexed;
    'genomförts enligt plan' is a status, not a report."""
    plan = DocumentMeta(doc_id="p", title="", organisation="Region Västmanland", unit="Regionkontoret", year=2023,
                        kind="förvaltningsplan", path="", sha256="", years=[2023, 2024, 2025])
    assert analyse("Varför ska utrustningen bytas ut 2023, enligt planen?", METAS + [plan]).kinds == ["förvaltningsplan"]
    assert analyse("Har arbetet genomförts enligt plan 2023?", METAS + [plan]).kinds == []
    assert analyse("Varför ska utrustningen bytas ut 2023, enligt planen?", METAS).kinds == []


def test_a_plan_named_by_its_period_does_not_make_its_years_the_asked_ones():
    """'… för 2022 i förvaltningsplanen 2023–2025' asks about 2022 in that plan: not a comparison of
    2022, 2023 and 2025. The period alone is still what is asked about."""
    q = analyse("Vilken ramreducering redovisas för 2022 i förvaltningsplanen 2023–2025?", METAS)
    assert q.years == [2022] and q.intent != "compare"
    assert analyse("Vad ska göras enligt förvaltningsplanen 2023–2025?", METAS).years == [2023, 2025]


def test_a_question_asking_each_report_its_own_part_is_split_by_the_report_each_part_names():
    """'… i bokslutet 2020, vilken ram enligt förvaltningsplanen, och hur blev utfallet 2023?' asks the
    2020 report the first part, the plan the second, the 2023 report the third; the subject part goes to
    every report, and a list of years ('2020, 2023 och 2025') is one part, asked of all."""
    from assistant.query import question_for_report

    ar20, ar23 = (DocumentMeta(doc_id=f"ar{y}", title="", organisation="Region Västmanland", unit="Regionkontoret",
                               year=y, kind="årsredovisning", path="", sha256="") for y in (2020, 2023))
    plan = DocumentMeta(doc_id="p", title="", organisation="Region Västmanland", unit="Regionkontoret", year=2023,
                        kind="förvaltningsplan", path="", sha256="", years=[2023, 2024, 2025])
    compared = [ar20, plan, ar23]
    question = ("Hur stor var regionersättningen i bokslutet 2020, vilken ram för 2023 beslutades enligt "
                "förvaltningsplanen, och hur stort blev utfallet 2023?")
    assert question_for_report(question, ar20, compared) == "Hur stor var regionersättningen i bokslutet 2020"
    assert question_for_report(question, plan, compared) == "vilken ram för 2023 beslutades enligt förvaltningsplanen"
    assert question_for_report(question, ar23, compared) == "hur stort blev utfallet 2023?"

    subject = "Regionarkivet – hur gick det ekonomiskt 2020, och hur många ärenden hade man 2023?"
    assert question_for_report(subject, ar23, [ar20, ar23]) == "Regionarkivet hur många ärenden hade man 2023?"
    listed = "Gick regionkontoret plus 2020, 2023 och 2025, och i så fall med hur mycket?"
    assert question_for_report(listed, ar20, [ar20, ar23]) == listed


def test_parts_that_each_name_their_own_report_compare_those_reports():
    """'vad köptes in 2020, och hur ska den kontrolleras enligt planen för 2023–2025?' asks the 2020 report
    one part and the plan the other: a comparison of the two. A part naming only the organisation says whose
    reports, and a year within the plan another part names is the plan's year: one report is asked."""
    ar20, ar23 = (DocumentMeta(doc_id=f"ar{y}", title="", organisation="Region Västmanland", unit="Regionkontoret",
                               year=y, kind="årsredovisning", path="", sha256="") for y in (2020, 2023))
    plan = DocumentMeta(doc_id="p", title="", organisation="Region Västmanland", unit="Regionkontoret", year=2023,
                        kind="förvaltningsplan", path="", sha256="", years=[2023, 2024, 2025])
    metas = [ar20, ar23, plan]
    both = analyse("Biobanken på regionkontoret – vad köptes in till den 2020, och hur ska den kontrolleras i "
                   "internkontrollen enligt planen för 2023–2025?", metas)
    assert both.intent == "compare" and sorted(both.named_reports) == ["ar2020", "p"]
    one = analyse("Vad siktar regionkontoret på för medarbetarengagemang 2023, och var ligger vi nu enligt planen?",
                  metas)
    assert one.intent != "compare"


def test_staff_words_for_time_worked_search_the_reports_term_but_not_when_it_says_when():
    """'arbetstiden gick ner' is what the reports count as 'arbetad tid'; 'plugga på arbetstid' is
    about when, and is searched as written."""
    assert "arbetad tid" in analyse("Varför gick arbetstiden ner 2023?", METAS).expanded
    assert "arbetad tid" not in analyse("Får man plugga på arbetstid?", METAS).expanded
    # 'jobbade' counts hours worked; 'jobbar vi med …' asks what is being done.
    assert "arbetad" in analyse("Hur många timmar jobbade de inhyrda 2023 jämfört med 2022?", METAS).expanded
    for doing in ("Jobbar vi med att minska kemikalierna?", "Jobbar regionkontoret och regionstyrelsen med att få bort farliga kemikalier?"):
        assert "arbetad" not in analyse(doing, METAS).expanded
