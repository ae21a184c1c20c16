"""End to end over the bundled reports: the real embedder, FAISS, BM25 and the CLI; no mocks."""
from __future__ import annotations

import json
import re
import shutil

import pytest
from click.testing import CliRunner

from assistant.cli import main
from assistant.swedish import normalise



def _assistant_over(tmp_path, name: str, text: str):
    """An assistant over a fresh corpus holding one report, indexed with the real embedder."""
    return _assistant_over_reports(tmp_path, {name: text})


def _other_sections(*topics: str, plan: str = "planen") -> str:
    """Sections about other topics, so that a fixture report is more than the passage a test is about."""
    return "".join(f"{topic}\n\n{topic} har under året arbetat vidare enligt {plan} och följt upp sina mål "
                   f"tillsammans med verksamheterna i regionen.\n\n" for topic in topics)


def _assistant_over_reports(tmp_path, reports: dict[str, str]):
    """An assistant over a fresh corpus holding these reports (file name -> text)."""
    from assistant.config import Settings
    from assistant.pipeline import Assistant

    corpus = tmp_path / "corpus"
    corpus.mkdir(parents=True)
    for name, text in reports.items():
        (corpus / name).write_text(text, encoding="utf-8")
    return Assistant(Settings.from_env(corpus=corpus, index=tmp_path / "index"), progress=False)


def _annual_reports(tmp_path, by_year: dict[int, str], others: tuple[str, ...] = ("Lokaler", "Ekonomi")):
    """An assistant over one annual report per year: its text, then sections on other topics."""
    return _assistant_over_reports(tmp_path, {
        f"region-provland-arsredovisning-{year}.txt": text + _other_sections(*others) for year, text in by_year.items()})


def test_status_of_rf8_is_planenligt_citing_the_2025_report(corpus_assistant):
    answer = corpus_assistant.ask("Vad är status för RF8?")
    assert not answer.abstained
    assert "planenligt" in normalise(answer.text)
    assert "[1]" in answer.text
    first = answer.citations[0]
    assert first.year == 2025 and "Årsrapport 2025" in first.title
    assert "RF8" in first.text and "Planenligt" in first.text


def test_why_the_2020_result_deviated_gives_the_reports_reasons(corpus_assistant):
    answer = corpus_assistant.ask("Varför avvek resultatet från budget 2020?")
    text = normalise(answer.text)
    assert not answer.abstained
    assert "personalkostnad" in text and "forskning" in text
    assert all(c.year == 2020 for c in answer.citations)


def test_question_about_absent_topic_abstains(corpus_assistant):
    answer = corpus_assistant.ask("Hur många ambulanshelikoptrar köpte Region Uppsala 2019?")
    assert answer.abstained and answer.text == "Det framgår inte av de indexerade rapporterna."
    assert answer.citations == []


def test_list_enumerates_all_partly_done_rows_of_the_report(corpus_assistant):
    answer = corpus_assistant.ask("Vilka uppdrag och aktiviteter är delvis genomförda 2025?")
    rows = [c for c in corpus_assistant.index.chunks if c.doc_id == "vastmanland-regionkontoret-arsrapport-2025"
            and c.fields.get("status") == "Delvis genomfört"]
    assert len(rows) >= 3
    assert len(answer.citations) == len(rows)
    assert all(c.year == 2025 for c in answer.citations)


def test_a_count_of_rows_by_status_is_answered_and_shows_every_row_it_counts(corpus_assistant):
    """'Hur många uppdrag är genomförda …?': the count is the answer (no near miss for want of a figure
    in its best-matching line), and every counted row is shown and cited, however many there are."""
    answer = corpus_assistant.ask("Hur många uppdrag är genomförda på regionkontoret 2025?")
    rows = [c for c in corpus_assistant.index.chunks if c.doc_id == "vastmanland-regionkontoret-arsrapport-2025"
            and c.kind == "uppdrag" and c.fields.get("status", "").casefold() in ("genomfört", "genomförd")]
    assert len(rows) >= 10
    assert f"{len(rows)} uppdrag" in answer.text
    assert len(answer.citations) == len(rows)


def test_the_reports_the_user_filtered_to_are_the_only_ones_searched_and_cited(corpus_assistant):
    """The app's report filter: a question every report could answer is answered from the chosen one."""
    chosen = "vastmanland-regionkontoret-arsredovisning-2020"
    answer = corpus_assistant.ask("Hur hög var sjukfrånvaron?", doc_ids={chosen})
    assert not answer.abstained and answer.citations
    assert {c.doc_id for c in answer.citations} == {chosen}
    assert {p.meta.doc_id for p in answer.passages} == {chosen}


def test_cli_json_contract_and_errors(corpus_assistant):
    s = corpus_assistant.settings
    env = {"ASSISTANT_CORPUS": str(s.corpus_dir), "ASSISTANT_INDEX": str(s.index_dir)}
    runner = CliRunner()
    result = runner.invoke(main, ["ask", "--json", "Vad är status för RF8?"], env=env)
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert set(data) == {"question", "answer", "abstained", "mode", "citations", "timings_ms"}
    assert data["mode"] == "extractive" and set(data["timings_ms"]) == {"retrieve", "answer", "total"}
    cit = data["citations"][0]
    assert {"n", "doc_id", "title", "year", "page", "section", "text", "score"} <= set(cit)
    source = (s.corpus_dir / "vastmanland-regionkontoret-arsrapport-2025.txt").read_text(encoding="utf-8")
    assert normalise(cit["text"])[:200] in normalise(source)  # verbatim from the source

    empty = runner.invoke(main, ["ask", "  "], env=env)
    assert empty.exit_code != 0 and "tom" in empty.output

    before = sorted(p.name for p in s.index_dir.iterdir())
    missing = runner.invoke(main, ["index", "/nonexistent/rapport.pdf"], env=env)
    assert missing.exit_code != 0 and "rapport.pdf" in missing.output
    assert sorted(p.name for p in s.index_dir.iterdir()) == before

    listing = runner.invoke(main, ["sources", "--json"], env=env)
    rows = json.loads(listing.stdout)
    assert {r["year"] for r in rows} == {2020, 2023, 2025} and all(r["chunks"] > 0 for r in rows)


def test_index_command_adds_a_pdf_report_with_overrides(tmp_path):
    from tests.test_ingest import _pdf

    corpus, index = tmp_path / "corpus", tmp_path / "index"
    corpus.mkdir()
    shutil.copy(__import__("tests.conftest", fromlist=["CORPUS"]).CORPUS / "catalog.json", corpus)
    pdf = _pdf(tmp_path / "nytt.pdf", [["Parkeringsavgifterna höjdes till 25 kronor per timme under 2026."],
                                       ["Beslutet fattades av regionstyrelsen i mars."]])
    env = {"ASSISTANT_CORPUS": str(corpus), "ASSISTANT_INDEX": str(index)}
    result = CliRunner().invoke(main, ["index", str(pdf), "--year", "2026", "--organisation", "Region Gotland"], env=env)
    assert result.exit_code == 0, result.output
    out = CliRunner().invoke(main, ["ask", "--json", "Hur mycket kostar parkering per timme?"], env=env)
    data = json.loads(out.stdout)
    assert "25 kronor" in data["answer"]
    assert data["citations"][0]["page"] == 1 and data["citations"][0]["year"] == 2026


def test_unrelated_documents_on_the_same_topic_do_not_pull_the_answer_off(small_corpus, tmp_path):
    """A government press release about sick leave must not answer a question about the region's
    own reports; asked for by kind, it still can."""
    from assistant.config import Settings
    from assistant.pipeline import Assistant

    release = ("Regeringen: sjukfrånvaron i landet\n\nSjukfrånvaron i hela landet uppgick till 6,2 procent under "
               "2024 enligt regeringens nya sammanställning av sjukfrånvaron.\n")
    for i in range(3):
        (small_corpus / f"pressmeddelande-{i}.md").write_text(release.replace("6,2", f"6,{i + 2}"), encoding="utf-8")
    catalog = {"reports": {f"pressmeddelande-{i}.md": {"title": f"Pressmeddelande {i}", "organisation": "Regeringskansliet",
                                                        "unit": "Regeringen", "year": 2024, "kind": "pressmeddelande"}
                           for i in range(3)}}
    (small_corpus / "catalog.json").write_text(json.dumps(catalog, ensure_ascii=False), encoding="utf-8")
    assistant = Assistant(Settings.from_env(corpus=small_corpus, index=tmp_path / "index"), progress=False)

    own = assistant.ask("Hur hög var sjukfrånvaron 2024?")
    assert "4,1" in own.text and not own.abstained
    assert {c.doc_id for c in own.citations} == {"region-testland-arsrapport-2024"}

    asked_for = assistant.ask("Hur hög var sjukfrånvaron i landet 2024 enligt pressmeddelandet?")
    assert asked_for.citations and all(c.doc_id.startswith("pressmeddelande") for c in asked_for.citations)


def test_near_misses_abstain_when_the_asked_detail_is_missing(small_corpus, tmp_path):
    """The topic is in the report but not what was asked of it: no answer beats a related figure."""
    from assistant.answer import ABSTAIN_TEXT
    from assistant.config import Settings
    from assistant.pipeline import Assistant

    assistant = Assistant(Settings.from_env(corpus=small_corpus, index=tmp_path / "index"), progress=False)
    assert "4,1" in assistant.ask("Hur hög var sjukfrånvaron 2024?").text
    by_sex = assistant.ask("Hur hög var sjukfrånvaron bland kvinnorna 2024?")
    assert by_sex.abstained and by_sex.text == ABSTAIN_TEXT and not by_sex.citations
    assert assistant.ask("Vad kostade lokalerna 2024?").abstained  # lower costs are named, no amount
    assert assistant.ask("Hur många var sjukskrivna 2024?").abstained  # a percentage does not count people
    assert not assistant.ask("Varför blev det ett överskott 2024?").abstained


def test_a_value_asked_by_its_name_needs_a_figure(tmp_path):
    """'Vilken avskrivningstid …', 'Vilken avkastning …' ask a value: the sentence that only names the
    equipment bought is a near miss, while one that gives the value answers."""
    assistant = _assistant_over(tmp_path, "region-testland-arsrapport-2024.txt", (
        "Investeringar\n\nUltraljudsutrustning för simulering vid utbildning köptes in under året för att "
        "förbättra träningen inför patientmöten.\n\nFinansförvaltning\n\nKapitalförvaltningen ska halvera "
        "sin koldioxidintensitet med bibehållen avkastning. Pensionsmedlen förvaltas av en extern förvaltare "
        "och avkastningen på pensionsmedlen blev 6,2 procent 2024.\n\nUtbildning\n\nSimuleringsutbildningen har en "
        "ljus framtid, eftersom fler verksamheter vill använda den.\n"))

    assert assistant.ask("Vilken avskrivningstid gäller för ultraljudsutrustningen för simulering?").abstained
    pension = assistant.ask("Vilken avkastning blev det på pensionsmedlen 2024?")
    assert not pension.abstained and "6,2 procent" in pension.text
    # 'Vilken framtid …' asks no value.
    assert "ljus framtid" in assistant.ask("Vilken framtid har simuleringsutbildningen?").text


def test_enligt_bokslutet_names_the_report_not_a_word_the_answer_must_say(tmp_path):
    """'… enligt bokslutet för 2020?' says where to look: the sentence that says what happens to the
    plan leads, not the one that merely mentions 'bokslutet'."""
    assistant = _assistant_over(tmp_path, "region-testland-arsredovisning-2020.txt", (
        "Årsredovisning 2020\n\nArbetsmiljö\n\nKostnaderna för handlingsplanen redovisas i bokslutet under "
        "posten arbetsmiljö.\n\nHandlingsplanen ska revideras under 2021 eftersom programmet avslutas.\n\n"
        "Ekonomi\n\nKostnader per område (tkr) Bokslut 2020 Budget 2020 Bokslut 2019\n"
        "Handlingsplanen arbetsmiljö 410 500 380\nFriskvård 1 200 1 100 1 150\n"))

    answer = assistant.ask("Vad ska hända med handlingsplanen, enligt bokslutet för 2020?")
    first_line = answer.text.split(": ", 1)[1]
    assert first_line.startswith("Handlingsplanen ska revideras under 2021")


def test_where_to_look_and_what_stood_in_the_way_are_not_the_subject(tmp_path):
    """'Vad står det i tabellen om friskvården?' asks the table's figures, not every sentence that says
    'tabellen'; '… trots pandemin?' does not bring an unrelated 'Trots pandemin …'."""
    def assistant_over(folder: str, text: str):
        return _assistant_over(tmp_path / folder, "region-testland-arsredovisning-2020.txt",
                               f"Årsredovisning 2020\n\n{text}")

    tables = assistant_over("tabell", "Ekonomi\n\nTabellen nedan visar kostnaderna per område. Uppgifterna i tabellen "
                            "kommer från ekonomisystemet.\n\nKostnader per område (mkr) Bokslut 2020 Budget 2020\n"
                            "Friskvård 1,2 1,1\nArbetsmiljö 0,4 0,5\n\nFriskvården ökade något mot budget eftersom fler "
                            "medarbetare använde friskvårdsbidraget.\n")
    quoted = tables.ask("Vad står det i tabellen om friskvården 2020?").text
    assert "Friskvård 1,2" in quoted and "ekonomisystemet" not in quoted and "Tabellen nedan" not in quoted

    prose = assistant_over("trots", "Verksamhet\n\nTrots pandemin ökade antalet besök på sjukhusbiblioteket under "
                           "hösten.\n\nMålet för friskvård nåddes inte, eftersom deltagandet blev 40 procent mot målet "
                           "60 procent.\n")
    goal = prose.ask("Nådde man målet för friskvården trots pandemin?")
    assert "40 procent" in goal.text and "sjukhusbiblioteket" not in goal.text


def test_adding_unrelated_documents_leaves_the_answers_from_the_reports_unchanged(small_corpus, tmp_path):
    """Press releases that share the reports' words (sjukfrånvaro, resultat, budget, kallelser) change
    neither which report passages answer nor how they score: each collection keeps its own BM25
    statistics and ranks, and the reports' passages are scored exactly in the dense channel."""
    from assistant.config import Settings
    from assistant.pipeline import Assistant

    settings = Settings.from_env(corpus=small_corpus, index=tmp_path / "index")
    questions = ["Hur hög var sjukfrånvaron?", "Vad blev resultatet mot budget 2024?",
                 "Hur går det med de digitala kallelserna?", "Varför blev det ett överskott?"]
    alone = Assistant(settings, progress=False)
    before = [alone.ask(q) for q in questions]

    words = ["sjukfrånvaron ökade i landet", "resultatet mot budget", "digitala kallelser i vården",
             "överskott i statens finanser", "regionerna och sjukhus"]
    catalog = {"reports": {}}
    for i in range(40):
        name = f"pm-{i:02d}.md"
        (small_corpus / name).write_text(f"Pressmeddelande {i}\n\nRegeringen om {words[i % 5]} och {words[(i + 2) % 5]} "
                                         f"under {2020 + i % 5}.\n", encoding="utf-8")
        catalog["reports"][name] = {"title": f"Pressmeddelande {i}", "organisation": "Regeringskansliet",
                                    "unit": "Regeringen", "year": 2020 + i % 5, "kind": "pressmeddelande"}
    (small_corpus / "catalog.json").write_text(json.dumps(catalog, ensure_ascii=False), encoding="utf-8")
    mixed = Assistant(settings, progress=False)
    assert len(mixed.index.metas) == 42
    for question, old in zip(questions, before):
        new = mixed.ask(question)
        assert new.text == old.text, question
        assert [(c.doc_id, c.text, round(c.score, 6)) for c in new.citations] == \
               [(c.doc_id, c.text, round(c.score, 6)) for c in old.citations], question


def test_status_in_running_text_and_all_listed_reasons_are_answered(tmp_path):
    """An activity described in prose gets the report's account of how it went, not only its
    description; a reason that is one bullet of a list brings the other bullets."""
    assistant = _assistant_over(tmp_path, "region-provland-arsredovisning-2024.txt",
        "3 Verksamhet\n\nUnder året skulle förvaltningen införa en gemensam modell för riskanalys i alla centrum. "
        "Modellen har tagits fram men införandet har skjutits upp till 2025 på grund av personalbrist. "
        "Utbildning av chefer pågår.\n\n"
        "4 Ekonomi\n\nBudgetenhet Resultat Budget Avvikelse Kommentar\n\n"  # a table flattened by the extraction
        "Centrum för service 5,2 mkr 0 mkr 5,2 mkr • Vakanta tjänster under hösten ger lägre \npersonalkostnader +2,0 mkr. "
        "Övriga personalkostnader \navser chefsutbildning.\n\n"
        "• Lägre lokalkostnader efter flytten +1,7 mkr.\n\n"
        "• Ersättning från staten för pandemikostnader +1,5 mkr.\n\n"
        "Centrum för IT \n\n-0,8 mkr 0 mkr -0,8 mkr • Högre licenskostnader.\n\n"
        "5 Medarbetare\n\nSjukfrånvaron var 4,0 procent.\n\n6 Uppdrag\n\nSäkerställa uppföljningen av arbetet med "
        "ekonomi i balans för regionen. En uppföljning av aktuell status gjordes i koncernledningen i december. "
        "Pandemin har förskjutit arbetet inom framförallt vården. I övrigt bedöms arbetet i stort verkställas enligt "
        "plan.\n")

    # How it went may come three sentences after the description.
    balance = assistant.ask("Hur går det med arbetet för ekonomi i balans?")
    assert "förskjutit" in balance.text and "enligt plan" in balance.text

    status = assistant.ask("Blev det något av den gemensamma modellen för riskanalys?")
    assert not status.abstained
    assert "skjutits upp" in status.text and "personalbrist" in status.text

    why = assistant.ask("Varför gick Centrum för service 5 mkr plus 2024?")
    assert not why.abstained
    assert all(reason in why.text for reason in ("Vakanta", "lokalkostnader", "Ersättning från staten"))


def test_a_plan_figure_labelled_with_other_years_does_not_answer_for_the_asked_year(small_corpus, tmp_path):
    from assistant.config import Settings
    from assistant.pipeline import Assistant

    (small_corpus / "region-testland-verksamhetsplan-2024-2026.txt").write_text(
        "5 Ekonomi\n\nRam per centrum, belopp i mnkr Ram 2024 Ram 2025\n"
        "Centrum för service 17,8 18,8\nCentrum för IT 40,1 41,0\n", encoding="utf-8")
    assistant = Assistant(Settings.from_env(corpus=small_corpus, index=tmp_path / "index"), progress=False)
    assert assistant.index.metas["region-testland-verksamhetsplan-2024-2026"].years == [2024, 2025, 2026]
    assert "18,8" in assistant.ask("Hur stor ram får Centrum för service 2025?").text
    assert assistant.ask("Hur stor ram får Centrum för service 2026?").abstained


def test_a_figure_asked_of_the_plan_is_not_read_off_the_annual_reports_table(tmp_path):
    """'… enligt förvaltningsplanen' asks the plan: the annual report's outcome for the same centre and
    year, in a table the answer can read, is another report's figure."""
    assistant = _assistant_over_reports(tmp_path, {
        "region-provland-forvaltningsplan-2024-2026.txt":
            "Förvaltningsplan 2024–2026\n\n5 Ekonomi\n\nCentrumbildning, belopp i miljoner kronor   Ram 2023 Ram \n2024\n\n"
            "Centrum för service  55,5 58,8\n\nCentrum för IT  17,8 18,8\n",
        "region-provland-arsredovisning-2024.txt":
            "Årsredovisning 2024\n\n4 Ekonomi\n\nResultatet per centrum redovisas i tabellen.\nBelopp i mnkr\nBokslut\n2023\nBokslut\n2024\n"
            "Centrum för service 2,4 -3,9\nCentrum för IT 0,6 2,8\n\nCentrum för service hade mer pengar att röra sig med "
            "än väntat 2024.\n"})
    answer = assistant.ask("Hur mycket pengar har Centrum för service 2024 enligt förvaltningsplanen?")
    assert "58,8" in answer.text and "-3,9" not in answer.text
    assert all("forvaltningsplan" in c.doc_id for c in answer.citations)
    # A ram asked in everyday words is the plan's column, read as the first line.
    for question in ("Vilken ram har Centrum för IT 2024?", "Hur mycket har Centrum för IT att röra sig med 2024?"):
        first = assistant.ask(question).text.split("[1]")[0]
        assert "18,8" in first and "2,8" not in first.replace("18,8", "")


def test_a_row_far_down_a_long_table_is_read_under_its_year_column(corpus_assistant):
    """The 2023 annual report's summary income statement spans chunks, with a chart's year axis
    among its headings: the row asked for is read under 'Bokslut 2023', not the budget beside it."""
    first = corpus_assistant.ask("Hur stora var IT-kostnaderna på regionkontoret 2023?").text.split("[1]")[0]
    assert "IT-kostnader, Bokslut 2023: -41 mnkr" in first  # in the unit the table's headings give
    # Asked against the budget, the monthly table's outcome, budget and deviation for the year.
    first = corpus_assistant.ask("Hur mycket mer regionersättning fick regionkontoret än budgeterat 2023?").text
    assert "337,6" in first.split("[1]")[0] and "24,9" in first.split("[1]")[0]
    # How a row changed between two years: each report's line reads the row under its own year,
    # though the question's 'ökat i kronor' names no row.
    lines = corpus_assistant.ask("Hur mycket har personalkostnaderna på regionkontoret ökat i kronor mellan 2020 "
                                 "och 2023?").text.splitlines()
    assert any(line.startswith("2020") and "Personalkostnader, Ack utfall Inn år (2020): -224,7" in line for line in lines)
    assert any(line.startswith("2023") and "Personalkostnader, Bokslut 2023: -290" in line for line in lines)


def test_which_units_went_minus_or_plus_is_read_off_the_results_table(tmp_path):
    """'Vilka centrum gick med underskott 2024?' lists the results table's centre rows with a negative
    figure under the year's outcome column, each with its figure; a 'varav' part and the total are
    not centres, and a row that cannot be placed under the year ('-0,9 1,0') is not guessed."""
    assistant = _assistant_over(tmp_path, "region-provland-arsredovisning-2024.txt",
        "Årsredovisning 2024\n\n4 Ekonomi\n\nResultatet per centrum framgår av tabellen.\n"
        "Resultat, mnkr\nBelopp i mnkr\nBokslut\n2022\nBokslut\n2023\nBokslut\n2024\n\n"
        "Centrum för service 2,4 0,1 -3,9\n\nVarav Varuförsörjning -3,3 -3,8 -7,5\n\n"
        "Centrum för ekonomi 0,6 0,0 2,8\n\nCentrum för digitalisering -0,9 1,0\n\n"
        "Centrum för kommunikation 3,0 0,3 -0,1\n\nSumma förvaltningen 40,2 19,4 21,5\n")

    minus = assistant.ask("Vilka centrum gick med underskott 2024?")
    assert "Centrum för service (Bokslut 2024: -3,9)" in minus.text and "Centrum för kommunikation" in minus.text
    assert "Varuförsörjning" not in minus.text and "ekonomi" not in minus.text and "digitalisering" not in minus.text
    plus = assistant.ask("Vilka centrum gick plus 2024?")
    assert "Centrum för ekonomi (Bokslut 2024: 2,8)" in plus.text and "Summa" not in plus.text


def test_which_units_went_minus_is_read_off_the_table_by_unit_not_the_table_of_costs(tmp_path):
    """'Vilka enheter gick minus 2020?' names no word of the rows ('E8 Upphandling och VFN'): the table
    whose rows are units is read, not the table of costs, whose figures are negative too."""
    assistant = _assistant_over(tmp_path, "region-provland-arsredovisning-2020.txt",
        "Årsredovisning 2020\n\n4 Ekonomi\n\nKostnader per slag framgår av tabellen.\n"
        "Belopp i tkr\nBokslut\n2019\nBokslut\n2020\n\nLöner -150 000 -151 151\n\nSociala avgifter -67 000 -68 540\n\n"
        "Lokalkostnader -16 000 -16 573\n\nDatorutrustning -8 000 -8 928\n\n"
        "5 Driftredovisning\n\nResultat per enhet framgår av tabellen.\n"
        "Belopp i tkr\nBokslut\n2019\nBokslut\n2020\n\nE6 Arkiv och skanning 120 -94\n\n"
        "E8 Upphandling och VFN -2 001 -5 107\n\nF5 Centrum för ekonomi stab 1 681 -456\n\n"
        "G6 Centrum för innovation 14 494 17 047\n\nG7 HR-stöd 300 1 200\n")

    answer = assistant.ask("Vilka enheter gick minus i bokslutet 2020?")
    assert all(unit in answer.text for unit in ("Arkiv och skanning", "Upphandling och VFN", "Centrum för ekonomi stab"))
    assert not any(word in answer.text for word in ("Löner", "Lokalkostnader", "innovation", "HR-stöd"))


def test_the_organisations_own_result_is_the_total_row_of_its_units_results(tmp_path):
    """'Hur mycket plus gick regionkontoret 2023?' names no row: the answer is 'Summa förvaltningen' under
    the year's column. A unit asked by name gets its own row, and 'resultat' never names a row
    only by a compound ('Varav resultatreglerade forskningsmedel')."""
    assistant = _assistant_over(tmp_path, "provland-regionkontoret-arsredovisning-2024.txt",
        "Årsredovisning 2024\n\n4 Ekonomi\n\nResultatet per centrum framgår av tabellen.\n"
        "Resultat, mnkr\nBelopp i mnkr\nBokslut\n2022\nBokslut\n2023\nBokslut\n2024\n\n"
        "Centrum för service 2,4 0,1 -3,9\n\nCentrum för forskning 17,0 9,4 8,5\n\n"
        "Varav resultatreglerade forskningsmedel 10,9 7,0 5,8\n\n"
        "Centrum för kommunikation 3,0 0,3 -0,1\n\nSumma förvaltningen 40,2 19,4 21,5\n\n"
        + _other_sections("Medarbetare", "Miljö"))

    assert "Summa förvaltningen, Bokslut 2023: 19,4" in assistant.ask("Hur mycket plus gick regionkontoret 2023?").text
    result = assistant.ask("Vilket resultat hade regionkontoret 2022?").text
    assert "40,2" in result and "resultatreglerade" not in result
    assert "Centrum för service, Bokslut 2023: 0,1" in assistant.ask("Hur mycket plus gick Centrum för service 2023?").text


def test_a_row_far_down_a_long_table_is_read_under_the_headings_chunks_before_it(tmp_path):
    """'… i driftredovisningen' names the table, whose title and headings stand many rows above the
    asked row, in another chunk: the row's figures under the year's columns are the answer."""
    rows = "".join(f"K{n} Enhet nummer {n} inom staben {100 + n} {90 + n} {95 + n} {110 + n} 20\n"
                   for n in range(1, 60))
    assistant = _assistant_over(tmp_path, "provland-regionkontoret-arsredovisning-2024.txt",
        "Årsredovisning 2024\n\nBilagor\n\nDriftredovisning per ansvar\n"
        "Belopp i tkr Bokslut 2023 Årsbudget 2024 Prognos 2024 Bokslut 2024 Avvikelse 2024\n"
        + rows + "E9 Patientnämndens kansli 984 329 240 452 123\n\n" + _other_sections("Medarbetare", "Miljö"))
    text = assistant.ask("Vilket bokslut redovisas för Patientnämndens kansli i driftredovisningen 2024, och hur stor var avvikelsen mot årsbudget?").text
    assert "Patientnämndens kansli, Årsbudget 2024: 329 tkr" in text and "Avvikelse 2024: 123 tkr" in text


def test_a_centres_figure_for_a_year_its_table_lacks_is_not_the_organisations(tmp_path):
    """The plan gives each centre's ram for 2022 and 2023 and only the whole organisation's for 2024:
    asked the centre's ram for 2024, the organisation's figure is no answer."""
    assistant = _assistant_over(tmp_path, "provland-regionkontoret-forvaltningsplan-2023-2025.txt",
        "Förvaltningsplan 2023–2025\n\nEkonomi\n\nFullmäktige har beslutat om följande ram för Regionkontoret: "
        "257,1 miljoner kronor för 2023 267,6 miljoner kronor för 2024.\n\n"
        "Centrumbildning, belopp i miljoner kronor Ram 2022 Ram 2023\n"
        "Centrum för administration 55,5 58,8\nCentrum för kommunikation 17,8 18,8\n"
        "Centrum för ekonomi 28,6 30,6\n\n" + _other_sections("Medarbetare", "Miljö"))
    assert assistant.ask("Hur stor ram får Centrum för kommunikation 2024?").abstained
    assert "Centrum för kommunikation, Ram 2023: 18,8" in assistant.ask("Hur stor ram får Centrum för kommunikation 2023?").text


def test_words_that_name_the_table_do_not_keep_its_row_from_answering(tmp_path):
    """'… enligt fördelningen av regionersättningen inom förvaltningen' names the table (its section and
    the line introducing it), not the row: the centre's row is still read under the asked years."""
    assistant = _assistant_over(tmp_path, "provland-regionkontoret-forvaltningsplan-2023-2025.txt",
        "Förvaltningsplan 2023–2025\n\n5.1.3 Fördelningen av ersättningen inom förvaltningen\n\n"
        "Nedan redovisas hur regionersättningen på 257,1 miljoner har fördelats inom förvaltningen.\n"
        "Centrumbildning, belopp i miljoner kronor Ram 2022 Ram 2023\n"
        "Centrum för administration 55,5 58,8\nCentrum för kommunikation 17,8 18,8\n"
        "Centrum för ekonomi 28,6 30,6\n\n" + _other_sections("Medarbetare", "Miljö"))
    text = assistant.ask("Vilken ram har Centrum för ekonomi 2023 enligt fördelningen av regionersättningen inom "
                         "förvaltningen, och vilken ram hade centrumet 2022?").text
    assert "Centrum för ekonomi, Ram 2022: 28,6 miljoner kronor, Ram 2023: 30,6 miljoner kronor" in text


def test_a_sentence_that_says_therefore_after_its_subject_comes_with_the_reason_before_it(tmp_path):
    """'Förvaltningen kommer därför att fokusera på …' points back: the sentence before it is the reason,
    and it is quoted with it, whether the question asks 'varför' or for 'skälet'."""
    assistant = _assistant_over(tmp_path, "provland-regionkontoret-arsredovisning-2024.txt",
        "Årsredovisning 2024\n\nUtmaningar och framtidsbedömning\n\n"
        "• Det ansträngda ekonomiska läget kommande år innebär att det krävs en låg kostnadsutvecklingstakt. "
        "Förvaltningen kommer därför att fokusera på förbättrade arbetssätt och tjänster.\n\n"
        + _other_sections("Medarbetare", "Miljö", "Digitalisering"))
    for question in ("Vad anges som skäl till att förvaltningen ska fokusera på förbättrade arbetssätt och tjänster?",
                     "Varför ska förvaltningen fokusera på förbättrade arbetssätt och tjänster?"):
        assert "ansträngda ekonomiska läget" in assistant.ask(question).text, question


def test_an_indicators_count_is_read_off_its_row_however_long_its_name(tmp_path):
    """Asked 'hur många …', an indicator whose long name counts the thing asked answers with its outcome
    ('Utfall 2025: 0'), and 'forskningsartiklar' is the reports' 'vetenskapliga publikationer'."""
    assistant = _assistant_over(tmp_path, "provland-regionkontoret-arsrapport-2025.txt",
        "Årsrapport 2025\n\nFörvaltningens mål och indikatorer\n\n"
        "Indikator   Utfall 2024 Mål 2025 Utfall 2025       Måluppfyllelse             Kommentarer\n\n"
        "Antal vetenskapliga publikationer från regionen\n\n129\n\nÖka\n\n116\n\nNegativt/inte uppnått\n"
        "Inom den normala variationen.\n\n"
        "Hållbara inköp och resurseffektivitet: antal arbetsprocesser eller materialflöden som utvecklas till "
        "mer cirkulära\n\n1\n\nÖka\n\n0\n\nNegativt/inte uppnått\nIngen sådan process har identifierats.\n\n"
        + _other_sections("Ekonomi", "Medarbetare"))
    assert "116" in assistant.ask("Hur många forskningsartiklar kom ut 2025?").text
    circular = assistant.ask("Hur många arbetsprocesser eller materialflöden utvecklades till mer cirkulära 2025?")
    assert "Utfall 2025: 0" in circular.text


def test_how_large_a_part_is_asked_of_the_indicator_that_gives_the_share(tmp_path):
    """'Nådde vi målet för hur stor del av upphandlingarna …' asks for the indicator 'Andel samordnade
    upphandlingar': its target, outcome and the report's assessment."""
    assistant = _assistant_over(tmp_path, "provland-regionkontoret-arsrapport-2025.txt",
        "Årsrapport 2025\n\nFörvaltningens mål och indikatorer\n\n"
        "Indikator Utfall 2024 Mål 2025 Utfall 2025 Måluppfyllelse Kommentarer\n\n"
        "Andel samordnade upphandlingar\nRegion Provland och Sörmland\n\n"
        "Nytt fr 2024 30% 24% Trend: positiv\n\nMåluppfyllelse: inte uppnått\n\n"
        "Vi ser en positiv trend där andelen har ökat sedan 2023 (12%).\n\n"
        + _other_sections("Ekonomi", "Medarbetare"))
    text = assistant.ask("Nådde regionkontoret målet för hur stor del av upphandlingarna som görs ihop med "
                         "Sörmland 2025?").text
    assert "Utfall 2025: 24%" in text and "inte uppnått" in text


def _annual_reports_with_an_indicator_row(tmp_path, indicator: str, earlier: str, target: str, outcome, prose: str):
    """An assistant over the 2023, 2024 and 2025 annual reports, each with the indicator's row in its goal
    table (outcome the year before, target, `outcome(year)`, assessment) and a sentence of prose."""
    def report(year: int) -> str:
        return (f"Årsredovisning {year}\n\nMedarbetare\n\nIndikator Utfall {year - 1} Mål {year} Utfall {year} "
                f"Måluppfyllelse\n\n{indicator}\n\n{earlier}\n\n{target}\n\n{outcome(year)}\n\nOförändrat\n\n"
                f"{prose}\n\n" + _other_sections("Ekonomi", "Miljö"))
    return _assistant_over_reports(tmp_path, {
        f"provland-regionkontoret-arsredovisning-{y}.txt": report(y) for y in (2023, 2024, 2025)})


def test_a_measure_compared_from_one_year_via_another_is_read_off_each_reports_indicator_row(tmp_path):
    """'Hur har sjuktalet utvecklats från 2023 via 2024 till 2025?': each report's line is its indicator row
    for sjukfrånvaro ('via', like 'från' and 'till', only spans the years)."""
    assistant = _annual_reports_with_an_indicator_row(
        tmp_path, "Sjukfrånvaro", "3,4 %", "Minska", lambda y: f"3,{y - 2020} %",
        "Medarbetarna har arbetat med hälsofrämjande insatser under året.")
    lines = assistant.ask("Hur har sjuktalet på regionkontoret utvecklats från 2023 via 2024 till 2025?").text.splitlines()
    for year in (2023, 2024, 2025):
        assert any(l.startswith(str(year)) and f"Utfall {year}: 3,{year - 2020} %" in l for l in lines), year


def test_how_an_index_without_unit_developed_is_read_off_each_reports_indicator_row(tmp_path):
    """'Hur har medarbetarengagemanget (HME) utvecklats …?' names no figure ('hur mycket', a unit), but
    an indicator's development is its outcome each year: each report's line is its row."""
    assistant = _annual_reports_with_an_indicator_row(
        tmp_path, "Hållbart medarbetarengagemang (HME)", "78", "Öka", lambda y: str(y - 1948),
        "Chefer och medarbetare har arbetat med engagemang och delaktighet i alla verksamheter.")
    lines = assistant.ask("Hur har medarbetarengagemanget (HME) utvecklats från 2023 via 2024 till 2025?").text.splitlines()
    for year in (2023, 2024, 2025):
        assert any(l.startswith(str(year)) and f"Utfall {year}: {year - 1948}" in l for l in lines), year


def test_whether_a_measures_target_was_met_is_read_off_its_indicator_row(tmp_path):
    """'Vilket mål satte planen för sjuktalet, och klarade de det 2023?': 'mål', 'satte', 'planen' and
    'klarade' ask for the row's columns, not for another measure; the row gives target and outcome."""
    assistant = _assistant_over(tmp_path, "provland-regionkontoret-arsredovisning-2023.txt",
        "Årsredovisning 2023\n\nMedarbetare\n\nIndikator Utfall 2022 Mål 2023 Utfall 2023 Måluppfyllelse\n\n"
        "Sjukfrånvaro\n\n3,4 %\n\n3,0 %\n\n3,5 %\n\nEj uppnått\n\n"
        "De verksamheter som har behov ska ta fram handlingsplaner för att minska sjukskrivningarna för att nå "
        "en låg och stabil sjukfrånvaro som understiger 3,0%.\n\n" + _other_sections("Ekonomi", "Miljö"))
    text = assistant.ask("Vilket mål för sjuktalet satte regionkontorets plan, och klarade de det 2023?").text
    assert "Mål 2023: 3,0 %" in text and "Utfall 2023: 3,5 %" in text


def test_indicators_with_a_negative_trend_are_listed_from_a_goal_table_with_wrapped_headings(tmp_path):
    """'Vilka indikatorer redovisas med negativ trend 2023?' is a list of the goal table's rows whose trend
    is Negativ (not a comparison of years), read from a table whose headings wrapped a cell per line."""
    assistant = _assistant_over(tmp_path, "provland-regionkontoret-arsredovisning-2023.txt",
        "Årsredovisning 2023\n\nMedarbetare\n\nMål Indikator\nUtfall\n2022\n\nMål\n2023\n\nUtfall\n2023\n\n"
        "Status Trend\n\nAntal rehabiliteringsärenden 22 41 Negativ\n\n"
        "Antal arbetsmiljöavvikelser totalt 19 10 Positiv\n\n"
        "Tillgänglighet: Antal samråd med\nminoriteter per år\n\n3 4 2 Negativ\n\n"
        + _other_sections("Ekonomi", "Miljö"))
    text = assistant.ask("Vilka indikatorer redovisas med negativ trend i årsredovisningen 2023?").text
    assert "rehabiliteringsärenden – Utfall 2022: 22, Utfall 2023: 41" in text and "samråd" in text
    assert "arbetsmiljöavvikelser" not in text


def test_a_line_broken_by_the_extraction_is_quoted_whole(corpus_assistant):
    """The 2023 extraction breaks a bullet after 's.k. öppen' with a blank line; the answer must not stop there."""
    answer = corpus_assistant.ask("Vad ska det ge att leverantörsfakturorna läggs ut på hemsidan?")
    assert "s.k. öppen information, förväntas minska" in answer.text


def test_status_of_a_row_without_status_word_quotes_the_comment_on_the_asked_sub_item(tmp_path):
    """A plan row whose status icon was lost comments on several sub-items: the answer says there is
    no status word, names the responsible units, and quotes what the comment says about the asked item."""
    assistant = _assistant_over(tmp_path, "region-provland-arsredovisning-2024.txt",
        "Uppdrag och åtgärder\n\nUppdrag/åtgärd Tidplan Ansvarig Status Kommentar\n\n"
        "(12) Stärka regionen som arbetsgivare.\na) Ta fram ett nytt introduktionsprogram.\n"
        "b) Införa förmånscyklar för medarbetarna.\n\n2024 - 2026\na) Q2 2024\nb) Q4 2024\n\nCHR och CE\n\n"
        "Introduktionsprogrammet har reviderats och används sedan våren av alla centrum som rekryterat under året. "
        "Arbetet med att tydliggöra arbetsgivarerbjudandet på hemsidan har fortsatt under hösten och följs upp av HR. "
        "Medarbetarundersökningen visar att fler nyanställda känner sig välkomna än tidigare år. "
        "Chefer har fått stöd i hur rekryteringsannonser skrivs så att de når fler sökande med rätt kompetens. "
        "En ny mall för introduktionssamtal har testats på två centrum och sprids till övriga under nästa år. "
        "Förmånscyklar har införts och arbetet pågår enligt plan.\n")

    answer = assistant.ask("Hur ligger vi till med förmånscyklarna?")
    assert not answer.abstained
    assert "ingen statusmarkering" in answer.text and "CHR och CE" in answer.text
    assert "Förmånscyklar har införts och arbetet pågår enligt plan." in answer.text


def test_a_plan_row_is_answered_with_its_assignment_unit_and_deadline(tmp_path):
    """A plan has no status column: asked who has an assignment and by when, the answer gives the
    assignment as planned with its unit cell (wrapped over lines by the extraction) and its tidplan."""
    assistant = _assistant_over(tmp_path, "region-provland-forvaltningsplan-2024-2026.txt",
        "Uppdrag och åtgärder\n\nUppdrag/åtgärd Tidplan Ansvarig Kommentar\n\n"
        "(30) Respektive centrumbildning ska ta fram förslag på intäktsökningar för regionen.\n"
        "Förslagen ska presenteras senast under Q1 2024.\n\nQ1 2024 Respektive\nCD\noch VC\n\n"
        "(31) Centrum för ekonomi ska införa ett nytt system för fakturahantering.\n\n2025 CE\n")

    answer = assistant.ask("Vem ska ta fram förslag på intäktsökningar och när ska de vara klara?")
    assert not answer.abstained
    assert "Respektive CD och VC" in answer.text and "Q1 2024" in answer.text
    assert "intäktsökningar" in answer.text and "statusmarkering" not in answer.text
    # Rows asked for by their tidplan: the quarter in words is the 'Q1 2024' of the tidplan cell.
    due = assistant.ask("Vilka uppdrag ska vara klara till första kvartalet 2024?").text
    assert "intäktsökningar" in due and "fakturahantering" not in due


def test_an_outcome_rows_timetable_is_given_and_a_timetable_or_cost_not_in_the_report_abstains(tmp_path):
    """An annual report's row gives its tidplan beside the unit; asked a tidplan the row lacks, or
    what something cost where the report only counts årsarbetare ('1,0'), the answer abstains."""
    assistant = _assistant_over(tmp_path, "region-provland-arsredovisning-2024.txt",
        "Uppdrag och åtgärder\n\nUppdrag/åtgärd Tidplan Ansvarig Status Kommentar\n\n"
        "(30) Respektive centrumbildning ska ta fram förslag på intäktsökningar för regionen.\n\n"
        "2024 – 2025 CE Förslag har lämnats till regionstyrelsen.\n\n"
        "(31) Arbeta för en effektiv energiförbrukning och minska regionens energikostnader.\n\n"
        "CA Arbetet har inte påbörjats.\n\n5 Effekthemtagning\n\nDet nya fakturasystemet gav en effekt på "
        "1,0 årsarbetare när implementeringen var klar, eftersom en vakant tjänst inte återbesattes.\n")

    row = assistant.ask("Vilken tidplan och vem är ansvarig för uppdrag 30 om intäktsökningar?")
    assert "2024 – 2025" in row.text and "CE" in row.text
    assert assistant.ask("Vilken tidplan har uppdrag 31 om energiförbrukningen?").abstained
    assert assistant.ask("Vad kostade implementeringen av det nya fakturasystemet 2024?").abstained


def test_why_asked_of_a_rows_comment_quotes_the_cause_told_before_the_effect(tmp_path):
    """A row's comment tells the cause ('Nya riktlinjer … har börjat sätta sig') before the effect the
    question names ('Styrgruppen har nu ställt om …'): both are quoted."""
    assistant = _assistant_over(tmp_path, "region-provland-delarsrapport-augusti-2025.txt",
        "Uppdrag\n\nUppdrag Ansvarig Status Kommentar\n\n"
        "(RS4) Minska beroendet av hyrpersonal. Regionstyrelsen Pågående Nya riktlinjer för hyrbemanning har "
        "börjat sätta sig i verksamheterna och ger förväntat resultat. Styrgruppen har nu ställt om sitt "
        "arbete och fungerar som referensgrupp för den fortsatta uppföljningen.\n\n"
        "(RS5) Införa digitala kallelser. Regionstyrelsen Klar Kallelserna skickas digitalt sedan mars.\n")

    answer = assistant.ask("Varför har styrgruppen för hyrpersonalen ställt om sitt arbete till en referensgrupp?")
    assert "sätta sig" in answer.text and "referensgrupp" in answer.text


def test_rows_are_listed_by_the_unit_in_charge_of_them(tmp_path):
    """'Vilka aktiviteter har CE som ansvarig?': every row whose unit cell names CE (also 'CE/CHR'),
    none of another unit's, with the asked status if the question names one."""
    rows = [("RS3", "Digitalisera fakturahanteringen i hela förvaltningen.", "CE", "Genomfört",
             "Alla fakturor hanteras digitalt sedan våren."),
            ("RS4", "Införa e-arkiv för personalakter.", "CHR", "Delvis\ngenomfört",
             "Upphandlingen är klar, införandet återstår."),
            ("RS5", "Ta fram en ny rutin för attest av leverantörsfakturor.", "CE/CHR", "Planenligt",
             "Rutinen remitteras under hösten."),
            ("RS6", "Utreda gemensam växel med kommunerna.", "Regionstaben", "Planenligt", "Utredningen pågår.")]
    assistant = _assistant_over(tmp_path, "region-provland-arsrapport-2025.txt",
        "Årsrapport 2025\n\n2 Organisation\n\nCentrum för ekonomi ansvarar för redovisning och upphandling. "
        "Centrum för HR stöttar förvaltningarna i arbetsgivarfrågor.\n\n"
        "3 Uppdrag\n\nUppdrag Ansvarig Status Kommentar\n\n" + "".join(
            f"{code} {what}\n\n{unit} {status}\n\n{comment}\n\n" for code, what, unit, status, comment in rows))

    by_ce = assistant.ask("Vilka aktiviteter har CE som ansvarig?").text
    assert "fakturahanteringen" in by_ce and "attest" in by_ce
    assert "e-arkiv" not in by_ce and "växel" not in by_ce
    by_ce_open = assistant.ask("Vilka aktiviteter med CE som ansvarig har status Planenligt?").text
    assert "attest" in by_ce_open and "fakturahanteringen" not in by_ce_open
    # The unit column writes 'CE'; staff write the unit's name, as the report's running text does.
    by_name = assistant.ask("Vilka aktiviteter ligger på Centrum för ekonomi?").text
    assert "fakturahanteringen" in by_name and "attest" in by_name and "e-arkiv" not in by_name


def test_a_comment_on_several_sub_goals_is_quoted_for_the_asked_one_only(tmp_path):
    """A row's comment follows up several sub-goals ('Mål: …', then how it went) and is too long to
    quote whole: the answer quotes the asked sub-goal and what is said of it, not another's."""
    assistant = _assistant_over(tmp_path, "region-provland-delarsrapport-augusti-2025.txt",
        "Uppdrag\n\nUppdrag Ansvarig Status Kommentar\n\n"
        "(RS7) Stärka omställningen till nära vård. Regionstyrelsen Pågående "
        "Mål: Ny ersättningsmodell för hälsovalet är beslutad. Arbetet fortlöper enligt årshjulet och de nya "
        "principerna förankras med ledningsfunktionerna under våren. Ingen risk för förseningar finns. "
        "Mål: Gemensam plan för primärvården är framtagen med koppling till färdplanens strategier. "
        "Arbetet har hittills genomförts enligt plan. Workshops med länssamverkansgruppen har gett ett första "
        "utkast till prioriterade områden. "
        "Mål: Samverkan på länsnivå är stärkt inom primärvården och med sjukhusvården. Arbetet bedrivs inom "
        "utbildning, överenskommelser och systemstöd, och nya samverkansytor har startats i alla länsdelar.\n\n"
        "(RS8) Införa digitala kallelser. Regionstyrelsen Klar Kallelserna skickas digitalt sedan mars.\n")

    answer = assistant.ask("Hur långt har man kommit med den gemensamma planen för primärvården?")
    assert "status Pågående" in answer.text and "Gemensam plan för primärvården" in answer.text
    assert "utkast" in answer.text
    assert "länsnivå" not in answer.text and "ersättningsmodell" not in answer.text
    # Asked which goals the assignment has, its comment's sub-goals are the items.
    goals = assistant.ask("Vilka mål ingår i uppdraget att stärka omställningen till nära vård?").text
    assert all(goal in goals for goal in ("ersättningsmodell", "Gemensam plan", "länsnivå"))


def test_a_figure_asked_for_a_year_is_read_off_the_goal_tables_indicator_row(tmp_path):
    """'Hur hög var sjukfrånvaron 2025?' is answered by the report's indicator row under 'Utfall
    2025' (3,8%), not by last year's figure its comment gives, and not by the loose cells of the row;
    staff words for it ('sjukskrivningarna') find the same row."""
    assistant = _assistant_over(tmp_path, "region-provland-arsrapport-2025.txt",
        "Årsrapport 2025\n\n4 Medarbetare\n\nArbetet med friskfaktorer fortsätter och sjukfrånvaron följs upp "
        "varje månad i ledningsgruppen.\n\nFörvaltningens mål och indikatorer\n\n"
        "Indikator   Utfall 2024 Mål 2025 Utfall 2025       Måluppfyllelse             Kommentarer\n\n"
        "Sjukfrånvaro\n\n3,5 %\n\nMinska\n\n3,8%\n\nOförändrat\nDen totala sjukfrånvaron 2024 var 3,7%.\n")

    for question in ("Hur hög var sjukfrånvaron 2025?", "Hur ligger vi till med sjukskrivningarna 2025?",
                     "Hur gick det med sjukfrånvaron 2025?",
                     # The goal table's own column words say which figures are asked, not which row.
                     "Vilket utfall och vilken måluppfyllelse redovisas för indikatorn Sjukfrånvaro 2025?"):
        first = assistant.ask(question).text.split("[1]")[0]
        assert "Utfall 2025: 3,8%" in first and "3,7" not in first and "3,5" not in first


def test_indicators_that_went_the_wrong_way_are_listed_by_their_assessment(tmp_path):
    """'Vilka indikatorer gick åt fel håll 2025?' lists the goal table's rows assessed 'Negativt/inte
    uppnått', each with its figures; a row that reached its target is not among them."""
    assistant = _assistant_over(tmp_path, "region-provland-arsrapport-2025.txt",
        "Årsrapport 2025\n\n4 Forskning\n\nForskningen följs upp varje år i ledningsgruppen.\n\n"
        "Förvaltningens mål och indikatorer\n\n"
        "Indikator   Utfall 2024 Mål 2025 Utfall 2025       Måluppfyllelse             Kommentarer\n\n"
        "Antal vetenskapliga publikationer\n\n129\n\nÖka\n\n116\n\nNegativt/inte uppnått\nInom den normala variationen.\n\n"
        "Antal kliniska studier\n\n175\n\nÖka\n\n155\n\nNegativt/inte uppnått\nEn vikande trend.\n\n"
        "Antal forskningsansökningar\n\n40\n\nÖka\n\n52\n\nUppnått\nFler ansökningar än tidigare år.\n")

    lines = assistant.ask("Vilka indikatorer gick åt fel håll 2025?").text.splitlines()
    assert any("publikationer" in l and "116" in l for l in lines)
    assert any("kliniska studier" in l and "155" in l for l in lines)
    assert not any("ansökningar" in l for l in lines)


def test_why_an_indicator_went_as_it_did_quotes_its_comment_past_the_cells_between(tmp_path):
    """'Vad förklarar den positiva trenden för klimatindikatorn?': the row's comment ('… tydligt minskade
    flygresor, men också en ökning av användning av egen bil') comes after figure cells and a remark
    about the measure; it is the reason, and is quoted with the row."""
    assistant = _assistant_over(tmp_path, "region-provland-arsrapport-2025.txt",
        "Årsrapport 2025\n\n4 Miljö\n\nMiljöarbetet följs upp varje år i ledningsgruppen.\n\n"
        "Förvaltningens mål och indikatorer\n\n"
        "Indikator   Utfall 2024 Mål 2025 Utfall 2025       Måluppfyllelse             Kommentarer\n\n"
        "Klimat: CO2 utsläpp från tjänsteresor och transporter minskar\n\n28900\n\nMinska\n\n1477 för "
        "medarbetarna\n\n30089 (jämförelse utfall 2024)\n\nNegativt Förtydligande: data går ej att ta fram för "
        "medarbetarna specifikt 2024. I mätningen ingår även revisorer.\n\n2025: året visar en positiv trend med "
        "tydligt minskade flygresor, men också en ökning av användning av egen bil.\n\n"
        "Antal kliniska studier\n\n175\n\nÖka\n\n155\n\nNegativt/inte uppnått\nEn vikande trend.\n")
    answer = assistant.ask("Vad förklarar den positiva trenden 2025 för indikatorn om CO2-utsläpp från tjänsteresor?")
    assert "minskade flygresor" in answer.text


def test_the_verb_a_question_asks_with_is_no_match_for_a_sentence(tmp_path):
    """'Vilken … redovisade regionen' asks what the report states; a sentence that only shares
    'redovisas' with it ('Nedan redovisas hur ramen har fördelats') is no answer."""
    assistant = _assistant_over(tmp_path, "region-provland-forvaltningsplan-2025.txt",
        "Förvaltningsplan 2025\n\nEkonomi\n\nNedan redovisas hur ramen på 257,1 miljoner har fördelats inom "
        "förvaltningen.\n\nRamen fördelas efter centrumens uppdrag och bemanning.\n\n" + "".join(
            f"{topic}\n\n{topic} ska under året arbeta vidare enligt planen och följa upp sina mål "
            f"tillsammans med verksamheterna i regionen.\n\n" for topic in ("Medarbetare", "Digitalisering", "Miljö")))
    assert assistant.ask("Vilken kostnadsutveckling redovisade regionen 2025?").abstained
    assert "257,1" in assistant.ask("Hur stor är ramen 2025?").text


def test_a_figure_is_not_taken_from_a_sentence_that_only_shares_a_compounds_head(tmp_path):
    """'Personalomsättningen' is the reports' 'personalrörlighet': a sentence about 'personalkostnader'
    (same head) or one merely like the question (vacancies) holds no figure for it."""
    report = ("Årsrapport 2025\n\nEkonomi\n\nLägre personalkostnader +17 mnkr jämfört med budget.\n\n"
              "Vakanser har uppstått under året på grund av långa rekryteringsprocesser, vilket gav 5,1 mnkr.\n\n"
              + _other_sections("Medarbetare", "Miljö"))
    assistant = _assistant_over(tmp_path, "region-provland-arsrapport-2025.txt", report)
    assert assistant.ask("Hur stor var personalomsättningen 2025?").abstained
    (tmp_path / "with").mkdir()
    assistant = _assistant_over(tmp_path / "with", "region-provland-arsrapport-2025.txt",
                                report + "Personal\n\nPersonalrörligheten var 6,7 % under 2025.\n")
    assert "6,7 %" in assistant.ask("Hur stor var personalomsättningen 2025?").text


def test_a_part_of_a_broken_down_indicator_is_read_off_its_own_row(tmp_path):
    """The extraction stacks an indicator's parts and their figures in separate blocks; asked how
    many left of their own accord ('sa upp sig'), the answer is the 'Egen begäran' figure."""
    report = ("Årsrapport 2025\n\nMedarbetare\n\nMål Indikator Målvärde Utfall\n\n"
              "Regionen ska vara en attraktiv arbetsgivare Sjukfrånvaro 4,0% 3,2%\n\n"
              "Personalrörlighet, totalt\n- Egen begäran\n- Pensionsavgång\n\n8,5%\n5,8%\n2,7%\n\n"
              + _other_sections("Ekonomi", "Miljö"))
    assistant = _assistant_over(tmp_path, "region-provland-arsrapport-2025.txt", report)
    text = assistant.ask("Hur hög var personalomsättningen 2025, och hur många procent sa upp sig själva?").text
    assert "Egen begäran 5,8%" in text and "totalt 8,5%" in text


def test_a_figure_of_something_else_does_not_answer_for_the_specific_cost_asked(tmp_path):
    """Asked how much consultancy costs rose, a passage on net costs rising (not naming
    'konsultkostnader') holds another figure: abstain. Asked of net costs, that figure answers."""
    assistant = _assistant_over(tmp_path, "region-provland-delarsrapport-augusti-2025.txt",
        "Delårsrapport augusti 2025\n\nEkonomiskt resultat\n\nNettokostnaderna uppgår per augusti till 2 661 "
        "miljoner kronor, vilket är en ökning med 146 miljoner kronor jämfört med föregående år.\n\n"
        "Åtgärder\n\nKonsultkostnaderna följs upp varje månad i ledningsgruppen och ska minska.\n\n"
        + _other_sections("Medarbetare", "Digitalisering", "Miljö"))
    assert assistant.ask("Hur mycket har konsultkostnaderna ökat i kronor 2025?").abstained
    assert "146 miljoner" in assistant.ask("Hur mycket har nettokostnaderna ökat i kronor 2025?").text


def test_why_quotes_the_cause_of_what_was_asked_not_a_cause_of_something_else(tmp_path):
    """A sentence with 'beror främst på' about another matter is no reason for what was asked; an
    indicator row explains its own outcome in its comment, without a causal word."""
    assistant = _assistant_over(tmp_path, "region-provland-arsrapport-2025.txt",
        "Årsrapport 2025\n\n2 Ekonomi\n\nSkillnaden mellan årets och föregående års resultat beror främst på "
        "lägre pensionsavgift.\n\n• Onyttjade medel för IT-utveckling beror främst på att nytt läkemedelslager "
        "finansierats med statsbidrag.\n\n3 Medarbetare\n\nKommentarer Den arbetade tiden har minskat motsvarande "
        "7 årsarbetare. Det beror främst på vakanser och en indragen tjänst.\n\n"
        "Förvaltningens mål och indikatorer\n\n"
        "Indikator   Utfall 2024 Mål 2025 Utfall 2025       Måluppfyllelse             Kommentarer\n\n"
        "Kundenkät CHR\n\n74,6 %\n\nÖka\n\n67,8\n\nGår ej att bedöma\nEnkätfrågorna har reviderats och är "
        "inte helt jämförbara.\n")
    worked = assistant.ask("Vad beror minskningen av den arbetade tiden på?").text
    assert "vakanser" in worked and "pensionsavgift" not in worked
    survey = assistant.ask("Varför kan man inte säga om HR:s kunder blev nöjdare 2025?").text
    assert "reviderats" in survey and "läkemedelslager" not in survey


def test_why_quotes_a_root_cause_the_report_names_with_grundorsaken(tmp_path):
    """'Grundorsaken … har att göra med …' states (here: weighs) the cause, like 'beror på'."""
    assistant = _assistant_over(tmp_path, "region-provland-arsrapport-2025.txt",
        "Årsrapport 2025\n\n4 Digitalisering\n\nEtt fortsatt fokus under perioden har varit att öka användningen "
        "av det utbud av verksamhetsstöd som redan finns.\n\nEn positiv trend är att invånarna allt mer söker sig "
        "till, och väljer, digitala kanaler.\nGrundorsaken om det har att göra med låg tillgänglighet i telefon eller "
        "är ett eget val kan analysen inte ge svar på.\n")
    channels = assistant.ask("Varför väljer fler invånare digitala kanaler?").text
    assert "telefon" in channels and "eget val" in channels


def test_a_list_the_report_introduces_is_quoted_with_all_its_items(tmp_path):
    items = ["ansvara för personal- och arbetsgivarfrågor inklusive förhandlingar med de fackliga organisationerna",
             "ansvara för regionens hållbarhetsarbete och för uppföljningen av miljöprogrammets mål och aktiviteter",
             "samordna forskning och innovation i samverkan med universitetet och med länets kommuner",
             "ansvara för medelsförvaltning, placering och upplåning av medel inom fastställda riktlinjer",
             "ansvara för delårsrapport och årsredovisning enligt lagen om kommunal bokföring och redovisning",
             "samordna regionens upphandlingar och följa upp att ingångna avtal används av verksamheterna",
             "ansvara för beredskaps- och katastrofplanering samt för utbildning och övningar inom området",
             "leda arbetet med regionens arkiv, diarium och den gemensamma dokumenthanteringen"]
    assistant = _assistant_over(tmp_path, "region-provland-verksamhetsplan-2025.txt",
        "2 Grunduppdrag\n\nUtifrån styrelsens ansvarsområden är förvaltningens grunduppdrag att:\n"
        + "".join(f"• {item}\n" for item in items) + "\n3 Ekonomi\n\nBudgeten är i balans för 2025.\n")

    answer = assistant.ask("Vad ska förvaltningen ansvara för enligt grunduppdraget?")
    assert not answer.abstained
    assert all(item in answer.text for item in items)


def test_why_quotes_a_reason_given_with_pga_and_the_cause_a_consequence_points_back_to(tmp_path):
    assistant = _assistant_over(tmp_path, "region-provland-arsredovisning-2024.txt",
        "4 Ekonomi\n\nBudgetenhet Resultat Budget Avvikelse Kommentar\n\n"
        "Centrum för ekonomi 0,6 mkr 0,2 mkr 0,4 mkr • Lägre intäkter -2,5 mkr Lönecentralen p.g.a. att flera "
        "tjänster flyttats till den nya förvaltningen.\n\n"
        "Budgeten för året var i balans och prognosen har legat stabilt under hösten.\n\n"
        "5 Investeringar\n\nHälsocentralen har köpt in nya instrument för 0,4 mnkr, vilket är hela den återstående "
        "investeringsramen. Det medför att det inte finns några medel kvar att föra över till nästa år.\n")

    why = assistant.ask("Varför minskade intäkterna för Lönecentralen?")
    assert "flyttats till den nya förvaltningen" in why.text
    carry_over = assistant.ask("Varför finns det inga investeringsmedel kvar att föra över?")
    assert "nya instrument" in carry_over.text


def test_rows_are_listed_and_answered_by_their_status_in_everyday_words(tmp_path):
    """'bara till en del' asks for the partly met goals (listed whole: a goal's last words are often its
    subject), 'inte helt klara' under a code for its
    unfinished activities; a goal's assessment answers 'vilken prognos har delmålet …', with the
    report's follow-up of that goal."""
    assistant = _assistant_over(tmp_path, "region-provland-delarsrapport-augusti-2025.txt",
        "2 Måluppfyllelse\n\nRegionmål Delmål Prognos\n\nMål 1. Trygga uppväxtvillkor\n\n"
        "Införa ett\narbetssätt med barnets\nperspektiv i verksamheterna\n\n Mål kommer delvis uppfyllas\n\n"
        "Stödja chefer vid\nhot på arbetsplatsen\n\n Mål kommer helt uppfyllas\n\n"
        "Mål 2. Hållbar miljö\n\nMinska användningen av\nplastprodukter i verksamheterna\ngenom att ersätta dem med\n"
        "återanvändbara alternativ och i\nförsta hand fasa ut engångsplast\n\n Mål kommer delvis uppfyllas\n\n"
        "Uppföljning av regionmål\n\nMål 1. Trygga uppväxtvillkor\n\nStödja chefer vid hot på\narbetsplatsen\n\n"
        "Analys\n\nEn rutin för stöd till chefer som utsatts för hot har publicerats på intranätet och följs upp "
        "under hösten tillsammans med skyddsombuden i samtliga verksamheter inom förvaltningen.\n\n"
        "3 Uppdrag\n\nNr Aktivitet Ansvarig Status Kommentar\n\n"
        "RS3 Digitalisera fakturahanteringen i hela förvaltningen. CE Genomfört Alla fakturor hanteras digitalt.\n\n"
        "RS3 Införa e-arkiv för personalakter. CHR Delvis genomfört Upphandlingen är klar, införandet återstår.\n\n"
        "RS3 Ta fram en ny rutin för attest. CE Planenligt Rutinen remitteras under hösten.\n\n"
        "RS4 Utreda gemensam växel med kommunerna. RD Delvis genomfört Utredningen pågår.\n")

    partly = assistant.ask("Vilka delmål bedöms bara nås till en del i år?")
    assert "barnets perspektiv" in partly.text and "engångsplast" in partly.text
    assert "hot på arbetsplatsen" not in partly.text
    assert "e-arkiv" not in partly.text  # an activity, not a goal

    unfinished = assistant.ask("Vilka aktiviteter under RS3 är inte helt klara?")
    assert "e-arkiv" in unfinished.text and "attest" in unfinished.text
    assert "fakturahanteringen" not in unfinished.text and "växel" not in unfinished.text

    # One activity under the code, described: that row alone, not the first row under RS3.
    archive = assistant.ask("Vilken status har RS3-aktiviteten att införa e-arkiv för personalakterna?")
    assert "Delvis genomfört" in archive.text and "Genomfört." not in archive.text and "attest" not in archive.text

    prognosis = assistant.ask("Vilken prognos har delmålet om stöd till chefer vid hot?")
    assert "Mål kommer helt uppfyllas" in prognosis.text and not prognosis.abstained
    # The summary row has no comment; the report's follow-up of the goal further on is quoted and cited.
    assert "intranätet" in prognosis.text and len(prognosis.citations) == 2


def test_one_rows_line_gives_the_rows_whole_title(tmp_path):
    """Asked about one activity, its line gives the whole title: what the activity is for may stand at
    the title's end ('… som kan leda till lägre personal- och lokalbehov …'), not cut off after 70
    characters."""
    assistant = _assistant_over(tmp_path, "region-provland-delarsrapport-augusti-2025.txt",
        "3 Uppdrag\n\nNr Aktivitet Ansvarig Status Kommentar\n\n"
        "RS5 Digitalisera fakturahanteringen i hela förvaltningen. CE Genomfört Alla fakturor hanteras digitalt.\n\n"
        "RS5 Identifiera samverkansmöjligheter som kan leda till lägre personal- och lokalbehov och genomföra "
        "lämplig samverkan med andra regioner. CE Delvis genomfört Gemensam översyn med grannregionen är "
        "genomförd gällande lön och systemstöd.\n")

    answer = assistant.ask("Vad var syftet med översynen av lön och systemstöd som gjordes med grannregionen 2025?")
    assert "lokalbehov" in answer.text and "Delvis genomfört" in answer.text


def test_the_organisations_initialism_is_not_a_subject_the_answer_must_name(tmp_path):
    """Staff write 'RK' for Regionkontoret as they write its name: a row that happens to say 'RK' does not
    outrank the sentence about what was asked, as the organisation's name would not."""
    assistant = _assistant_over(tmp_path, "region-provland-forvaltningsplan-2024-2026.txt",
        "Förvaltningsplan 2024–2026 Regionkontoret\n\n3 Styrning\n\nVerksamhetsplan för enheter inom "
        "centrumbildningarna utgår från regionplanen, förvaltningsplanen samt centrumbildningens mål och "
        "uppdrag.\n\n4 Uppdrag\n\n(10) RK ska tillsammans med kollektivtrafikförvaltningen initiera en "
        "genomlysning av länstrafiken.\n\n(11) RK ska ta fram en plan för enheternas lokalförsörjning.\n\n"
        "(12) RK ska utveckla uppföljningen av enheternas ekonomi.\n")

    answer = assistant.ask("Vad ska enheternas egna verksamhetsplaner på RK bygga på?")
    assert "utgår från regionplanen" in answer.text
    assert answer.text.index("utgår från regionplanen") < answer.text.find("(11)") or "(11)" not in answer.text


def test_a_change_between_two_years_one_report_holds_is_read_off_its_indicator_row(tmp_path):
    """'Med hur många minskade antalet … mellan 2024 och 2025?' names two years, which one report's
    indicator table holds side by side: the row's outcomes for both years answer."""
    assistant = _assistant_over(tmp_path, "region-provland-arsrapport-2025.txt",
        "Årsrapport 2025 Regionkontoret\n\n4 Förvaltningens mål och indikatorer\n\n"
        "Indikator          Utfall 2024   Mål 2025 Utfall 2025 Måluppfyllelse         Kommentarer\n\n"
        "Regionkontorets tjänster/processer är effektiva och håller god kvalitet\n\n"
        "Antal vetenskapliga publikationer från \nregionen\n\n129 Öka 116 Negativt/inte uppnått Inom den normala "
        "årsvariationen och ingen förväntan om ökning \nmed oförändrade kurser.\n\n"
        "Antal kliniska studier 175 Öka 155 Negativt/inte uppnått Ur ett längre perspektiv ses en vikande trend.\n")

    answer = assistant.ask("Med hur många minskade antalet vetenskapliga publikationer mellan 2024 och 2025?")
    assert "Utfall 2024: 129" in answer.text and "Utfall 2025: 116" in answer.text


def test_how_many_a_count_changed_by_is_no_count_of_the_verb(tmp_path):
    """'Med hur många minskade antalet anmälningar …' counts anmälningar, not 'minskade': a sentence that
    gives the count this year and the year before answers."""
    assistant = _assistant_over(tmp_path, "region-provland-arsredovisning-2024.txt",
        "Årsredovisning 2024 Regionkontoret\n\n5 Patientnämnden\n\nAntalet anmälningar till patientnämnden var "
        "31 under året, jämfört med 40 föregående år.\n\n6 Ekonomi\n\nKostnaderna för konsulter minskade med "
        "2 mnkr jämfört med föregående år.\n")

    answer = assistant.ask("Med hur många minskade antalet anmälningar till patientnämnden 2024?")
    assert not answer.abstained and "31" in answer.text and "40" in answer.text


def test_why_a_goal_is_only_partly_met_is_answered_from_its_follow_up(tmp_path):
    """A goal's summary row gives only its assessment; why it will be met only in part is told where the
    report follows the goal up, further on."""
    assistant = _assistant_over(tmp_path, "region-provland-delarsrapport-augusti-2025.txt",
        "2 Måluppfyllelse\n\nRegionmål Delmål Prognos\n\nMål 1. Trygga uppväxtvillkor\n\n"
        "Införa ett\narbetssätt med barnets\nperspektiv i verksamheterna\n\n Mål kommer delvis uppfyllas\n\n"
        "Stödja chefer vid\nhot på arbetsplatsen\n\n Mål kommer helt uppfyllas\n\n"
        "Uppföljning av regionmål\n\nMål 1. Trygga uppväxtvillkor\n\nInföra ett arbetssätt med barnets "
        "perspektiv i verksamheterna\n\nAnalys\n\nUtbildningen för chefer är fortfarande under konstruktion. "
        "Arbetet med en implementeringsplan pågår och väntas bli klart i slutet av året.\n\n"
        "Stödja chefer vid hot på arbetsplatsen\n\nAnalys\n\nEn rutin för stöd till chefer som utsatts för hot "
        "har publicerats på intranätet.\n")

    answer = assistant.ask("Varför blir målet om barnets perspektiv bara delvis uppfyllt i år?")
    assert "Mål kommer delvis uppfyllas" in answer.text and "konstruktion" in answer.text
    assert "intranätet" not in answer.text


def test_a_sentence_giving_examples_is_quoted_after_the_one_it_points_back_to(tmp_path):
    """'Som exempel på digitalisering kan nämnas … appar för parkering' names what was done; the sentence
    before it says whose work it was, and comes first."""
    assistant = _assistant_over(tmp_path, "region-provland-arsredovisning-2024.txt",
        "Årsredovisning 2024 Regionkontoret\n\n2 Verksamhetens utveckling\n\nCentrum för ekonomi har arbetat "
        "med att effektivisera fakturahanteringen under hösten.\n\nCentrum för HR har genomfört "
        "utvecklingsinsatser genom såväl förändrade arbetssätt som digitalisering. Som exempel på digitalisering "
        "kan nämnas insatser kopplat till roboten Ragnar samt införandet av appar för parkering och "
        "friskvårdshantering.\n\nCentrum för kommunikation har tagit fram en ny grafisk profil.\n")

    answer = assistant.ask("Vad är status för införandet av appar för parkering och friskvårdshantering 2024?")
    assert "Centrum för HR har genomfört" in answer.text
    assert answer.text.index("Centrum för HR har genomfört") < answer.text.index("Som exempel på digitalisering")


def test_the_outcome_of_an_assignment_and_reasons_announced_before_they_are_given(tmp_path):
    """'resultatet av uppdraget' asks how the assignment went, not for a figure; 'två faktorer'
    announces reasons that the next sentences give."""
    assistant = _assistant_over(tmp_path, "region-provland-arsredovisning-2024.txt",
        "2 Genomförande av uppdrag\n\nEn god och jämlik hälsa\n\n"
        "Under 2024 revidera regionens strategi för folkhälsoarbetet med målet att även omfatta tandvården.\n\n"
        "Beslut om ny folkhälsostrategi fattades av regionstyrelsen i oktober.\n\n"
        "3 Beredskap\n\nDet finns två komplicerande faktorer som gör att kontinuitetsplaneringen inte går "
        "som önskat. Efter beslutet om ny organisation har ansvaret för lagret varit otydligt. Dessutom saknas "
        "en samordnare sedan i våras.\n\n4 Ekonomi\n\nÅrets resultat blev 12,5 mkr, vilket är 3 mkr bättre än budget.\n")

    outcome = assistant.ask("Vad blev resultatet av uppdraget att revidera folkhälsostrategin 2024?")
    assert "oktober" in outcome.text and "12,5" not in outcome.text
    why = assistant.ask("Varför går kontinuitetsplaneringen inte som önskat?")
    assert "otydligt" in why.text and "samordnare" in why.text


def test_a_count_is_answered_only_when_the_report_counts_what_was_asked(tmp_path):
    """'Hur många ärenden …' where the report names the ärenden but counts only their growth in percent
    (and hours) is a near miss; where it counts what was asked, the count answers."""
    assistant = _assistant_over(tmp_path, "region-provland-arsredovisning-2024.txt",
        "Årsredovisning 2024 Regionkontoret\n\n3 Patientnämnden\n\nEffektiviseringsarbetet inom patientnämndens "
        "kansli har gjort att ett ökat ärendeinflöde (+37 %) kunnat hanteras med en 5 % ökning av den arbetade "
        "tiden, motsvarande 300 timmar.\n\n4 Sjukhusbiblioteket\n\nSjukhusbiblioteket hade 8 400 besök under året, de flesta av "
        "studenter och ST-läkare.\n\n5 Kompetens\n\nMedarbetare har beviljats stöd för högre utbildning på "
        "arbetstid, som täcks av RS anslag §304.\n\n6 Arbetsmiljö\n\nAntal rapporterade arbetsmiljöavvikelser är 9, "
        "jämfört med 23 föregående år.\n\n7 Primärvård\n\nUnder året öppnade tre nya vårdcentraler i länet, "
        "samtliga i egen regi.\n\n8 Ledarskap\n\nLedarprogrammet för nya chefer startade med två grupper under "
        "våren.\n")

    assert assistant.ask("Hur många ärenden kom in till patientnämnden 2024?").abstained
    # A paragraph number ('§304') counts nothing.
    assert assistant.ask("Hur många på regionkontoret fick plugga på arbetstid 2024?").abstained
    # A part of a whole: the whole's count does not say how many of them were of the kind asked.
    assert "9" in assistant.ask("Hur många arbetsmiljöavvikelser rapporterades 2024?").text
    assert assistant.ask("Hur många av arbetsmiljöavvikelserna 2024 gällde hot och våld?").abstained
    visits = assistant.ask("Hur många besök hade sjukhusbiblioteket 2024?")
    assert "8 400" in visits.text and not visits.abstained
    # A count written out in words is a count.
    opened = assistant.ask("Hur många vårdcentraler öppnades 2024?")
    assert "tre nya vårdcentraler" in opened.text and not opened.abstained
    # … of what follows it: 'två grupper' does not say how many chefer.
    assert assistant.ask("Hur många chefer gick ledarprogrammet 2024?").abstained




def test_a_figure_in_a_personnel_table_is_read_under_the_asked_years_column(tmp_path):
    """Personnel tables head their columns 'Föregående år' / 'Innevarande år' and name a row only
    within the table ('Män' under 'Sjukfrånvaro %'): the answer reads the row and the report's own
    year, not last year's figure beside it."""
    assistant = _assistant_over(tmp_path, "region-provland-arsredovisning-2024.txt",
        "Årsredovisning 2024 Regionkontoret\n\n5 Medarbetare\n\nSjukfrånvaron är fortsatt låg och arbetet "
        "med friskfaktorer fortsätter.\n\nSjukfrånvaro % (ack)\n(1 mån släp, inget vid årsbokslut)\n\n"
        "Föregående år Innevarande år\n\nTotal sjukfrånvaro  3,9  3,2\n\nMän  2,0  1,4\n\nKvinnor  4,4  3,8\n\n"
        "Arbetsmiljöavvikelser (ack)\n\nFöregående år Innevarande år\n\nAntal händelser  13  10\n\n"
        "Totalt antal  20  15\n\n  - varav hot och våld  2  8\n")

    men = assistant.ask("Hur hög var sjukfrånvaron bland män 2024?")
    assert "1,4" in men.text and "2,0" not in men.text.split("[1]")[0]
    assert men.citations and "Män" in men.citations[0].text
    assert "Kvinnor" not in men.text  # the rest of the table, run together, is not quoted
    reports = assistant.ask("Hur många arbetsmiljöavvikelser hade regionkontoret 2024?")
    assert "15" in reports.text.split("[1]")[0]


def test_a_compound_no_report_uses_finds_the_sentence_about_its_parts(tmp_path):
    """'tandvårdsbeställningen' stands in no report; the reason given for fri tandvård and its
    beställare answers, not the neighbouring sentence about another surplus."""
    assistant = _assistant_over(tmp_path, "region-provland-delarsrapport-augusti-2025.txt",
        "Delårsrapport augusti 2025\n\n3 Ekonomi\n\nPrognosen för primärvård är ett överskott på 25 miljoner "
        "kronor, främst på grund av mindre utbetald ersättning än budgeterat. Tidigare år har beställaren "
        "uppvisat ett överskott. Till 2025 sänktes gränsen för fri tandvård från 23 till 19 år, varför också "
        "beställningens budget för denna grupp togs bort. Av denna anledning uppstår inget överskott 2025.\n")

    answer = assistant.ask("Varför blir det inget överskott på tandvårdsbeställningen 2025?")
    assert "19 år" in answer.text and not answer.abstained
    assert "primärvård" not in answer.text


def test_reports_named_by_kind_and_year_each_answer_their_part(tmp_path):
    """'… i årsredovisningen 2023, och … i årsredovisningen 2024?' names two reports: each gets its own
    cited line, even though the question asks a status and not a comparison in so many words."""
    assistant = _assistant_over_reports(tmp_path, {
        "region-provland-arsredovisning-2023.txt":
            "Årsredovisning 2023\n\n2 Uppdrag\n\nÖversynen av ärendehanteringen påbörjades under hösten 2023 "
            "och leds av kansliet.\n\n3 Ekonomi\n\nResultatet blev ett överskott på 4 mnkr.\n",
        "region-provland-arsredovisning-2024.txt":
            "Årsredovisning 2024\n\n2 Uppdrag\n\nÖversynen av ärendehanteringen slutfördes i mars 2024 och nya "
            "mallar infördes.\n\n3 Ekonomi\n\nResultatet blev ett underskott på 2 mnkr.\n"})
    answer = assistant.ask("Vad skriver man om översynen av ärendehanteringen i årsredovisningen 2023, "
                           "och hur beskrivs läget för översynen i årsredovisningen 2024?")
    assert "hösten 2023" in answer.text and "mars 2024" in answer.text
    assert {c.year for c in answer.citations} == {2023, 2024}
    assert answer.text.count("påbörjades") == 1  # each sentence quoted once


def test_the_region_the_question_names_filters_rather_than_ranks(small_corpus, tmp_path):
    """'… regionstyrelsen i Testland …' restricts the search to that unit's reports; its name is not
    also a search word nor embedded with the question, or passages that merely repeat it ('Regionstyrelsen ska …') would outrank the
    one about the subject. A region with no indexed report stays a search word: it filters nothing."""
    from assistant.config import Settings
    from assistant.pipeline import Assistant
    from assistant.query import analyse
    from assistant.tokenize import tokenize

    (small_corpus / "catalog.json").write_text(json.dumps({"reports": {name: {
        "title": name, "organisation": "Region Testland", "unit": "Regionstyrelsen", "year": year,
        "kind": "årsrapport"} for name, year in [("region-testland-arsrapport-2024.txt", 2024),
                                                 ("region-testland-delarsrapport-2025.txt", 2025)]}},
        ensure_ascii=False), encoding="utf-8")
    assistant = Assistant(Settings.from_env(corpus=small_corpus, index=tmp_path / "index"), progress=False)
    index, retriever, _ = assistant._load()

    named = analyse("Hur mycket minskade resorna för regionstyrelsen i Testland 2024?", index.metas.values())
    terms = retriever.lexical_terms(named)
    assert set(tokenize("resorna minskade")) <= set(terms)
    assert not set(tokenize("regionstyrelsen Testland")) & set(terms)
    assert "2024" not in terms  # the year prefers that year's report; as a word it favours any table of years
    assert retriever.dense_text(named) == "Hur mycket minskade resorna för i 2024?"

    elsewhere = analyse("Hur mycket minskade resorna i Region Gotland 2024?", index.metas.values())
    assert set(tokenize("Gotland")) <= set(retriever.lexical_terms(elsewhere))


def test_the_sentence_that_spells_out_what_the_quoted_one_means_comes_with_it(tmp_path):
    """'Detta innebär att …' right after the sentence that matches is what the question asks for."""
    assistant = _assistant_over(tmp_path, "region-provland-delarsrapport-augusti-2025.txt",
        "Digitalisering och service\n\nOmrådet har under året arbetat med konsultväxling och med att "
        "modernisera telefonin i förvaltningen. Nu senast har regionen tagit hem närservicen kopplad till "
        "IT-arbetsplatsen (datorer, skärmar och telefoner). Detta innebär att regionen tar över och samordnar "
        "uppgifter som tidigare sköttes av en extern leverantör. Arbetet med cybersäkerhet har fortsatt enligt "
        "plan och två nya tekniker har rekryterats under våren.\n\nEkonomi\n\nOmrådet visar ett underskott "
        "på 4 miljoner kronor efter augusti, främst på grund av högre licenskostnader.\n")
    answer = assistant.ask("Vad betyder det att regionen har tagit hem närservicen för datorer och telefoner?")
    assert "extern leverantör" in answer.text


def test_a_second_quoted_sentence_also_brings_the_sentence_that_spells_it_out(tmp_path):
    """Two sentences match about equally ('Sjukhusbiblioteket …', '… Koha …'); the second's 'Det medför …'
    holds what was asked and comes with it."""
    assistant = _assistant_over(tmp_path, "region-provland-arsredovisning-2024.txt",
        "Sjukhusbiblioteket\n\nSjukhusbiblioteket har varit stängt för besök sedan mars, och personalens "
        "utbildning i Koha har skjutits upp.\n\n"
        "Digitalisering\n\n• Ett nytt webbaserat katalogsystem, Koha, har tagits i drift. Det medför en lägre "
        "kostnad men även ökat samarbete via nätverk regionalt.\n• Digitala möten har ökat under året.\n")
    answer = assistant.ask("Vad vinner sjukhusbiblioteket på att ha gått över till Koha?")
    assert "lägre kostnad" in answer.text


def test_a_who_question_that_running_text_answers_is_not_answered_with_a_loosely_matching_row(corpus_assistant):
    """'Vem …' asks like a status question, but a table row answers only if it matches about as well
    as the best sentence: the plan's own header says who issued it, no uppdrag row does."""
    answer = corpus_assistant.ask("Vem står som utfärdare av förvaltningsplanen 2023-2025?")
    assert "Hallberg" in answer.text
    assert answer.citations[0].doc_id == "vastmanland-regionkontoret-forvaltningsplan-2023-2025"


def test_a_bare_heading_between_the_quoted_sentences_is_left_out(tmp_path):
    """The extraction leaves headings ('Kommentarer') between the lines an answer quotes; quoted on
    their own, with a citation, they read as if the report said nothing."""
    assistant = _assistant_over(tmp_path, "region-provland-arsrapport-2025.txt",
        "Ekonomi\n\nÅrets resultat +34 mnkr\n\nÅrets resultat jämfört med föregående år\n\n"
        "Skillnaden mellan årets och föregående års resultat beror\nfrämst på lägre pensionsavgift 2025.\n\n"
        "Kommentarer\n• Stora delar av stödverksamheterna är ramfinansierade från 2025.\n"
        "• Pensionsavgiften sänktes från 25,59 % 2024 till 12,52 % 2025.\n\n"
        "Medarbetare\n\nSjukfrånvaron var 3,8 procent under året.\n")
    answer = assistant.ask("Varför blev resultatet bättre än året innan?")
    assert "pensionsavgift" in answer.text
    assert not re.search(r"(^|\n|\] )Kommentarer \[\d\]", answer.text)


def test_a_sentence_that_points_back_is_quoted_with_the_sentence_it_points_to(tmp_path):
    """'Dessa två projekt utgör merparten …' matches the question but names nothing; the sentence
    before it names the projects."""
    assistant = _assistant_over(tmp_path, "region-provland-delarsrapport-augusti-2025.txt",
        "Investeringar\n\nInvesteringsutgifterna uppgår till 412 miljoner kronor efter augusti. I början av året "
        "fattade fullmäktige beslut om ett nytt vårdhus i Norrby och en ny akutmottagning i Söderby. Dessa två "
        "projekt utgör merparten av investeringsutgifterna i planen och påverkar investeringarna kommande år. "
        "Utrustning för medicinsk teknik köps enligt plan.\n\nPersonal\n\nAntalet anställda har ökat med 10 "
        "personer sedan förra året.\n")
    for question in ("Vilka två byggprojekt tar störst del av investeringsutgifterna?",
                     "Vad är det för projekt som utgör merparten av investeringsutgifterna?"):
        answer = assistant.ask(question)
        assert "Norrby" in answer.text and "Söderby" in answer.text, question


def test_why_without_a_causal_word_quotes_the_cause_stated_just_before_the_effect(tmp_path):
    """'Varför är det oro …?' matches the effect; the report gives the cause in the sentence before it,
    with no 'beror på' to find."""
    assistant = _assistant_over(tmp_path, "region-provland-delarsrapport-augusti-2025.txt",
        "Medarbetare\n\nAntalet anställda har ökat med 10 personer sedan förra året. Fullmäktige har beslutat "
        "att personalkostnaderna ska minska med 30 miljoner kronor under 2025. Omställningen påverkar "
        "arbetsbelastningen och skapar oro bland medarbetarna i staberna. Sjukfrånvaron var 4,1 procent "
        "under perioden.\n\nEkonomi\n\nResultatet efter augusti är 12 miljoner kronor.\n")
    answer = assistant.ask("Varför är det oro bland medarbetarna i staberna?")
    assert "oro" in answer.text and "personalkostnaderna ska minska" in answer.text


def test_a_comparison_quotes_each_reports_figure_for_its_own_year_and_never_a_chart_axis(tmp_path):
    """One line per report: the 2025 report's line gives 2025, not the 2024 figure it also mentions;
    a chart's axis labels the extraction kept as text ('0% 1% 2% … Jan Feb …') are no answer."""
    from assistant.config import Settings
    from assistant.pipeline import Assistant

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    axis = "0% 1% 2% 3% 4% 5% 6% Jan Feb Mar Apr Maj Jun Jul Aug Sep Okt Nov Dec Föregående år Målvärde Sjukfrånvaro"
    (corpus / "region-provland-arsredovisning-2023.txt").write_text(
        f"Medarbetare\n\nSjukfrånvaro\n\n{axis}\n\nSjukfrånvaron uppgick till 3,5 procent under 2023.\n\n"
        "Ekonomi\n\nResultatet blev +22 mnkr.\n", encoding="utf-8")
    (corpus / "region-provland-arsrapport-2025.txt").write_text(
        f"Medarbetare\n\nSjukfrånvaro\n\n{axis}\n\nDen totala sjukfrånvaron 2024 var 3,7 procent.\n\n"
        "Sjukfrånvaron ökade något och uppgick till 3,8 procent under 2025.\n\nEkonomi\n\nResultatet blev +34 mnkr.\n",
        encoding="utf-8")
    assistant = Assistant(Settings.from_env(corpus=corpus, index=tmp_path / "index"), progress=False)

    answer = assistant.ask("Hur har sjukfrånvaron utvecklats från 2023 till 2025?")
    lines = answer.text.splitlines()
    line_2025 = next(l for l in lines if l.startswith("2025"))
    assert "3,8" in line_2025 and "3,7" not in line_2025
    assert any(l.startswith("2023") and "3,5" in l for l in lines)
    assert "Jan Feb" not in answer.text


def test_in_a_comparison_a_reports_sentence_about_another_year_only_is_not_its_line(tmp_path):
    """The 2025 report's only figure is last year's ('Den totala sjukfrånvaron 2024 var 3,7 procent'):
    quoting it as the 2025 line would put a number from the wrong year next to 2025."""
    assistant = _assistant_over_reports(tmp_path, {
        "region-provland-arsredovisning-2023.txt": "Personal\n\nSjukfrånvaron var 3,5 procent under 2023, lägre än målet.\n",
        "region-provland-arsrapport-2025.txt": "Personal\n\nDen totala sjukfrånvaron 2024 var 3,7 procent.\n\n"
                                                "Sjukfrånvaron har ökat något jämfört med 2024, främst bland yngre medarbetare.\n",
    })

    lines = assistant.ask("Hur har sjukfrånvaron utvecklats mellan 2023 och 2025?").text.splitlines()
    line_2025 = next(l for l in lines if l.startswith("2025"))
    assert "ökat något" in line_2025 and "3,7" not in line_2025


def test_the_reasons_asked_for_two_years_come_from_each_years_report(tmp_path):
    """'Vad var orsakerna till att arbetstiden gick ner 2020 och 2023?' asks each year's report for its
    own reasons: one line per report, each cited, not the one report whose passage ranks first."""
    assistant = _annual_reports(tmp_path, {
        2020: "Personal\n\nDen arbetade tiden minskade under 2020. "
              "Minskningen beror på utlåning av personal till vården under pandemin.\n\n",
        2023: "Personal\n\nDen arbetade tiden minskade under 2023. "
              "Minskningen beror på indragna tjänster och vakanser som inte återbesattes.\n\n",
    })
    answer = assistant.ask("Vad var orsakerna till att arbetstiden gick ner 2020 och 2023?")
    text = answer.text
    # Each report's part under its own year's line: 2020, its reason, then 2023, its reason.
    at = [text.index(s) for s in ("\n2020 (", "utlåning", "\n2023 (", "indragna tjänster")]
    assert at == sorted(at)
    assert {c.year for c in answer.citations} == {2020, 2023}
    assert "()" not in text  # no empty organisation where the report names none


def test_a_deficit_asked_of_a_unit_is_read_off_the_units_row_of_the_results_table(tmp_path):
    """'Varuförsörjningen har gått back – hur stort var underskottet 2023?': 'underskottet' is what the figure is,
    not the row's name; the row is 'Varav Varuförsörjning', read under the 2023 column."""
    table = ("Utfall per budgetenhet\n\nBudgetenhet Belopp i mnkr Bokslut 2022 Bokslut 2023\n"
             "Centrum för administration 2,4 -3,9\nVarav Varuförsörjning -3,8 -7,5\nVarav Upphandling -3,6 -2,7\n"
             "Centrum för ekonomi 0,6 0,2\nCentrum för HR -0,6 4,1\n\n")
    assistant = _assistant_over(tmp_path, "region-provland-arsredovisning-2023.txt",
                                "Årsredovisning 2023 Regionkontoret\n\n" + table
                                + "Ekonomi\n\nUnderskottet för förvaltningen som helhet förklaras av högre "
                                  "kostnader för lokaler och IT.\n\n"
                                + _other_sections("Lokaler", "Kompetensförsörjning", "Miljö"))
    answer = assistant.ask("Varuförsörjningen har gått back – hur stort var underskottet 2023?")
    first = answer.text.splitlines()[0] if "\n" in answer.text else answer.text
    assert "Varuförsörjning, Bokslut 2023: -7,5" in answer.text
    assert "-3,8" not in first


def test_a_development_since_a_year_is_read_across_the_tables_year_columns(tmp_path):
    """'Hur har underskottet för varuförsörjningen utvecklats sedan 2020?': the 2023 report's results
    table has a column per year since 2020, so its line gives the row across all of them."""
    table = ("Utfall per budgetenhet\n\nBudgetenhet Belopp i mnkr Bokslut 2020 Bokslut 2021 Bokslut 2022 Bokslut 2023\n"
             "Centrum för administration 2,4 1,0 -0,7 -3,9\nVarav Varuförsörjning -3,3 -3,1 -3,8 -7,5\n"
             "Centrum för ekonomi 0,6 0,2 0,1 0,2\n\n")
    assistant = _annual_reports(tmp_path, {
        2020: "Ekonomi\n\nVaruförsörjningen redovisade ett underskott under 2020 till följd av högre kostnader "
              "för lager.\n\n",
        2023: "Ekonomi\n\n" + table,
    }, others=("Lokaler", "Miljö"))
    answer = assistant.ask("Hur har underskottet för varuförsörjningen utvecklats sedan 2020?")
    line_2023 = next(l for l in answer.text.splitlines() if l.startswith("2023"))
    assert all(f"Bokslut {y}: {v}" in line_2023 for y, v in ((2020, "-3,3"), (2021, "-3,1"), (2022, "-3,8"), (2023, "-7,5")))


def test_a_comparison_asks_each_report_the_part_of_the_question_that_names_it(tmp_path):
    """'Hur stor var regionersättningen 2020, och hur många ärenden handlade arkivet 2023?' asks the 2020
    report for the regionersättning and the 2023 report for the cases, though each report has both."""
    assistant = _annual_reports(tmp_path, {
        2020: "Ekonomi\n\nRegionersättningen uppgick till 264,6 mnkr under 2020.\n\n"
              "Arkiv\n\nRegionarkivet handlade 1 250 ärenden under 2020.\n\n",
        2023: "Ekonomi\n\nRegionersättningen uppgick till 337,6 mnkr under 2023.\n\n"
              "Arkiv\n\nRegionarkivet handlade 1 480 ärenden under 2023.\n\n",
    }, others=("Personal", "Miljö"))

    lines = assistant.ask("Hur stor var regionersättningen 2020, och hur många ärenden handlade "
                          "Regionarkivet 2023?").text.splitlines()
    line_2020 = next(l for l in lines if l.startswith("2020"))
    line_2023 = next(l for l in lines if l.startswith("2023"))
    assert "264,6" in line_2020 and "1 250" not in line_2020
    assert "1 480" in line_2023 and "337,6" not in line_2023


def test_costs_that_went_over_or_under_budget_are_listed_off_the_results_table(tmp_path):
    """'Vilka kostnader gick över budget?' lists the cost rows whose outcome exceeded their budget,
    largest overrun first, each with its figures; incomes and costs under budget are not among them.
    Asked for the costs under budget, the others."""
    assistant = _assistant_over(tmp_path, "region-provland-arsredovisning-2023.txt", (
        "Ekonomi\n\nFörvaltningen redovisar ett resultat på +21,5 mnkr för 2023.\n\n"
        "Resultaträkning\nBelopp i mnkr\nBokslut 2023\nBudget 2023\nAvvikelse 2023\n"
        "Försäljning av tjänster 122,4 121,4 1,0\nRegionersättning 337,6 312,7 24,9\n"
        "Personalkostnader -289,6 -292,4 2,8\nLäkemedel -5,2 -0,1 -5,1\n"
        "Övriga kostnader i kkl 5 -37,4 -29,7 -7,7\nLokalkostnader -18,7 -19,1 0,4\n"
        "Summa kostnader -350,9 -341,3 -9,6\n\n" + _other_sections("Personal", "Miljö")))

    over = assistant.ask("Vilka kostnader gick över budget 2023?").text
    lines = [l for l in over.splitlines() if "Bokslut 2023" in l]
    assert [l.split(",")[0] for l in lines] == ["Övriga kostnader i kkl 5", "Läkemedel"]
    assert "-7,7" in lines[0]
    under = assistant.ask("Vilka kostnader blev lägre än budgeterat 2023?").text
    assert "Personalkostnader" in under and "Lokalkostnader" in under
    assert "Läkemedel" not in under and "Regionersättning" not in under



def test_costs_against_budget_are_read_off_the_table_the_question_names(tmp_path):
    """Two tables read against budget: the summary 'Förenklad resultaträkning' and a detailed one in
    tkr. Asked of the one by its title, its rows answer, not the other's, however full that one is."""
    detail = "".join(f"Konto {n} kostnad -{n}10 -{n}00 -10\n" for n in range(1, 9))
    assistant = _assistant_over(tmp_path, "region-provland-arsredovisning-2023.txt", (
        "Ekonomi\n\nFörvaltningen redovisar ett resultat på +21,5 mnkr för 2023.\n\n"
        "Förenklad resultaträkning\nBelopp i mnkr\nBokslut 2023\nBudget 2023\nAvvikelse 2023\n"
        "Personalkostnader -224,7 -214,7 -10,0\nÖvriga kostnader -94,9 -89,9 -5,0\n"
        "Lokalkostnader -16,6 -17,6 1,0\n\n"
        "Resultatrapport per konto\nBelopp i tkr\nBokslut 2023\nBudget 2023\nAvvikelse 2023\n" + detail + "\n"
        + _other_sections("Personal", "Miljö")))
    answer = assistant.ask("Vilka kostnader i den förenklade resultaträkningen för 2023 hade störst "
                           "negativ avvikelse mot budget?").text
    assert "Personalkostnader" in answer and "Övriga kostnader" in answer, answer
    assert "Konto" not in answer, answer

def test_how_much_a_part_of_a_row_grew_is_read_off_the_change_columns(tmp_path):
    """'Hur mycket ökade övertiden 2020?': the 'varav övertid' row of the worked-time table, with this
    year's hours and the change from the year before."""
    assistant = _assistant_over(tmp_path, "region-provland-arsredovisning-2020.txt", (
        "Medarbetare\n\nUnder pandemin har många arbetat hemifrån och övertiden har följts upp varje månad.\n\n"
        "Arbetad tid (ack)\nFörändring Förändring %Föregående ÅrInnevarande År\n"
        "Utförd arbetstid  420 556  3 079  0,74 417 476\n  - varav övertid/mertid  2 701  678  33,50 2 023\n"
        "  - varav timavlönade  7 809 -1 843 -19,10 9 652\n\n" + _other_sections("Ekonomi", "Miljö")))

    answer = assistant.ask("Hur mycket ökade övertiden 2020?").text
    assert "Innevarande år (2020): 2 701" in answer and "Förändring (2020): 678" in answer


def test_a_change_in_a_count_does_not_answer_how_many_there_are(tmp_path):
    """The report says only that the number of employees grew by 10: asked how many there are, that
    is no answer; asked how much it grew, it is."""
    assistant = _assistant_over(tmp_path, "region-provland-delarsrapport-augusti-2025.txt", (
        "Personal\n\nVid en jämförelse med föregående år har antalet anställda inom styrelsen ökat med 10 personer.\n\n"
        "Sjukfrånvaron har minskat något under perioden.\n\nInhyrd personal\n\nInhyrd personal: Ökade kostnader "
        "med 0,8 mnkr för att ersätta en vakant tjänst som arbetsmiljöingenjör.\n\n" + _other_sections("Ekonomi", "Miljö")))

    assert assistant.ask("Hur många anställda har styrelsen totalt 2025?").abstained
    grew = assistant.ask("Hur mycket har antalet anställda ökat 2025?")
    assert not grew.abstained and "10 personer" in grew.text
    assert assistant.ask("Vad kostade den inhyrda personalen totalt 2025?").abstained
    assert "0,8 mnkr" in assistant.ask("Hur mycket ökade kostnaderna för inhyrd personal 2025?").text


def test_why_something_goes_slowly_is_answered_by_what_the_report_says_stands_in_the_way(tmp_path):
    """'Utmaningar består bland annat av att …' gives the reasons a goal is slow to reach, though it
    has no causal word such as 'beror på'."""
    assistant = _assistant_over(tmp_path, "region-provland-delarsrapport-augusti-2025.txt", (
        "Vårdplatser\n\nMålsättningen är att öka med 25 vårdplatser på sjukhuset under året. Endast två vårdplatser "
        "har skapats hittills. Utmaningar består bland annat av att omvårdnadspersonal inte kan rekryteras och att "
        "annat arbete konkurrerar.\n\n" + _other_sections("Ekonomi", "Miljö", "Personal")))

    answer = assistant.ask("Varför går det så trögt att få fram fler vårdplatser 2025?").text
    assert "rekryteras" in answer


def test_a_figure_asked_for_the_reports_own_year_is_never_last_years(tmp_path):
    """The 2025 report gives last year's figure ('… 2024 var 3,7 procent') and says only that 2025 was
    higher: asked for 2025, it must not answer 3,7."""
    name = "region-provland-arsrapport-2025.txt"
    assistant = _assistant_over(tmp_path, name, (
        "Personal\n\nDen totala sjukfrånvaron 2024 var 3,7 procent.\n\n"
        "Sjukfrånvaron har ökat jämfört med 2024 och ska sänkas under 2026 med nya hälsoteam.\n"))

    answer = assistant.ask("Hur hög var sjukfrånvaron 2025?")
    assert "3,7" not in answer.text


def test_a_sentence_that_compares_with_an_earlier_period_still_speaks_of_the_reports_year(tmp_path):
    """'Jämfört med motsvarande period 2023 är det … 260 tusen kronor högre än plan' is said of the
    report's own period: 2023 is only its baseline."""
    assistant = _assistant_over(tmp_path, "region-provland-delarsrapport-augusti-2025.txt", (
        "Delårsrapport augusti 2025\n\nResor\n\nResekostnaderna uppgår efter augusti till knappt 3,8 miljoner "
        "kronor. Jämfört med motsvarande period 2023 är det en minskning med 360 tusen kronor men jämfört med plan "
        "är det 260 tusen kronor högre.\n\nPersonal\n\nSjukfrånvaron följs upp varje månad.\n"))
    assert "260 tusen" in assistant.ask("Hur mycket högre än plan är resekostnaderna efter augusti 2025?").text


def test_a_list_asked_for_by_a_sections_heading_is_that_sections_lines(tmp_path):
    """'Vilka aktiviteter redovisas under <rubrik>?': the items share no words with the question, the
    heading does; a heading the layout wrapped onto two lines is still the section's heading."""
    assistant = _assistant_over(tmp_path, "region-provland-arsredovisning-2023.txt",
        "Medarbetare\n\nSjukfrånvaron var 3,5 procent under året, något lägre än föregående år och under målet.\n\n"
        "Ekonomisk effekthemtagning av aktiviteter, investerings- och\ndigitaliseringsprojekt\n\n"
        "Aktivitet/projekt Tidplan Ansvarig Kommentar\n\n"
        "Nytt system för kostnad per patient 2023 Ekonomidirektör Vakant controllertjänst har inte återbesatts.\n\n"
        "Processöversyn i arkivet 2023 Arkivchef Fler ärenden har klarats med samma antal timmar.\n\n"
        "Digital post till invånare 2023 Kanslichef Portokostnaden har minskat med 0,2 mnkr.\n\n"
        "Ekonomi\n\nResultatet blev +22 mnkr, en positiv avvikelse mot budget.\n")
    answer = assistant.ask("Vilka aktiviteter redovisas under ekonomisk effekthemtagning av aktiviteter, "
                           "investerings- och digitaliseringsprojekt?")
    for item in ("kostnad per patient", "arkivet", "Digital post"):
        assert item in answer.text, item


def test_a_figure_asked_for_a_named_part_is_not_answered_with_the_wholes(tmp_path):
    """'… på Centrum för kommunikation' names a part the report mentions, but its sick leave is not
    given: the whole organisation's figure is no answer. A part whose figure is given is answered."""
    assistant = _assistant_over(tmp_path, "region-provland-arsredovisning-2023.txt",
        "Medarbetare\n\nSjukfrånvaron för förvaltningen totalt var 3,5 procent under 2023. Sjukfrånvaron på "
        "Centrum för ekonomi var 2,1 procent.\n\nKommunikation\n\nCentrum för kommunikation har under året "
        "lanserat en ny webbplats och stöttat förvaltningarna i förändringskommunikation.\n")
    whole = assistant.ask("Hur hög var sjukfrånvaron 2023?")
    assert "3,5" in whole.text and not whole.abstained
    part = assistant.ask("Hur hög var sjukfrånvaron på Centrum för ekonomi 2023?")
    assert "2,1" in part.text and not part.abstained
    missing = assistant.ask("Hur hög var sjukfrånvaron på Centrum för kommunikation 2023?")
    assert missing.abstained


def test_a_figure_in_a_flattened_results_table_is_read_under_the_asked_year(tmp_path):
    """Staff ask how one centre did in one year; the report has it only in a table whose headings the
    extraction put one per line. The answer gives that column's figure, and the row it was read from."""
    assistant = _assistant_over(tmp_path, "region-provland-arsredovisning-2023.txt",
        "Ekonomi\n\nFörvaltningens resultat blev +22 mnkr, vilket är en positiv avvikelse mot budget.\n\n"
        "Resultat per centrum\n\nBelopp i mnkr\n\nBokslut\n\n2021\n\nBokslut\n\n2022\n\nBokslut\n\n2023\n\n"
        "Centrum för administration 2,4 0,1 -3,9\n\nCentrum för ekonomi 0,6 0,0 2,8\n\n"
        "Centrum för kommunikation 3,0 0,3 -0,1\n\n"
        + _other_sections("Medarbetare", "Digitalisering", "Lokaler", "Beredskap", "Miljö", "Forskning",
                          plan="förvaltningsplanen"))
    answer = assistant.ask("Hur gick det för Centrum för ekonomi ekonomiskt 2023?")
    assert "Bokslut 2023: 2,8" in answer.text
    assert "-3,9" not in answer.text.split("[1]")[0]


def test_a_value_or_a_months_figure_is_answered_only_by_that_value_or_month(tmp_path):
    """'Vilket hälsotal …' answered by 'Hälsotalet är oförändrat' gives no value, 'i december 2024'
    answered by a figure for December 2023 is another month's figure, and 'per anställd' answered by
    a total is no figure per head: all abstain."""
    assistant = _assistant_over(tmp_path, "region-provland-arsrapport-2024.txt",
        "Årsrapport 2024 Regionkontoret\n\n5 Medarbetare\n\nHälsotalet är fortsatt oförändrat jämfört med "
        "tidigare perioder. Sjukfrånvaron låg i juni 2024 på 4,2 procent, jämfört med 3,9 procent i december "
        "2023.\n\nVärdet för medarbetarengagemang (HME) blev 79 under året.\n\n6 Ekonomi\n\nFriskvårdsbidraget "
        "höjdes, vilket kostade förvaltningen 0,3 mnkr. Kostnaden per arbetad timme var 512 kronor.\n")

    assert assistant.ask("Vilket hälsotal har regionkontoret 2024?").abstained
    june = assistant.ask("Vad låg sjuktalet på i juni 2024?")
    assert "4,2" in june.text and not june.abstained
    assert assistant.ask("Vad låg sjuktalet på i december 2024?").abstained
    hme = assistant.ask("Vilket HME-värde fick regionkontoret 2024?")
    assert "79" in hme.text and not hme.abstained
    # A figure per head is not the total the report gives; an average per hour is there.
    assert assistant.ask("Hur mycket friskvårdsbidrag får varje anställd 2024?").abstained
    hour = assistant.ask("Vad kostade en arbetad timme i snitt 2024?")
    assert "512" in hour.text and not hour.abstained



def test_a_list_question_quotes_the_items_that_follow_the_matching_line(tmp_path):
    """'Vilka måldokument …' matches the line that names the goal; the documents are the dash items
    under it, which share no word with the question."""
    assistant = _assistant_over(tmp_path, "region-provland-forvaltningsplan-2024-2026.txt",
        "Förvaltningsplan 2024–2026 Regionkontoret\n\n2 Mål och uppdrag\n\nMål Invånarna ska ha en god och "
        "jämlik tandhälsa Måldokument -Tandvårdsprogram 2030\n-Folkhälsoplan för länet\n-Regional "
        "utvecklingsstrategi – RUS\n-Strategi för barns rättigheter 2022 - 2025\n\n3 Ekonomi\n\nRegionkontorets "
        "ram uppgår till 250 miljoner kronor 2024.\n")

    answer = assistant.ask("Vilka måldokument gäller för målet om en god och jämlik tandhälsa?")
    assert not answer.abstained
    for item in ("Tandvårdsprogram 2030", "Folkhälsoplan för länet", "RUS", "barns rättigheter"):
        assert item in answer.text


def test_a_status_list_about_a_named_topic_lists_only_the_rows_about_it(tmp_path):
    """'Vilka uppdrag inom digitalisering är delvis genomförda?' lists the partly done rows about
    digitalisation, not every partly done row of the report; without a topic it lists them all."""
    rows = [("RS1", "Under 2025 ska nämnden införa digitala kallelser inom digitalisering av vården.", "Delvis \ngenomfört"),
            ("RS2", "Under 2025 ska nämnden utveckla digitalisering av journalhanteringen.", "Delvis \ngenomfört"),
            ("RS3", "Under 2025 ska nämnden minska sjukfrånvaron bland medarbetarna.", "Delvis \ngenomfört"),
            ("RS4", "Under 2025 ska nämnden upphandla nya lokaler för tandvården.", "Delvis \ngenomfört"),
            ("RS5", "Under 2025 ska nämnden införa digitalisering av fakturor.", "Genomfört")]
    table = "".join(f"({code}) {text}\n\nRegionstab\nen\n\n{status}\n\nArbetet pågår enligt tidplan.\n\n"
                    for code, text, status in rows)
    assistant = _assistant_over(tmp_path, "region-provland-arsrapport-2025.txt",
        "Årsrapport 2025 Regionkontoret\n\nUppdrag\n\nUppdrag   Ansvarig   Status   Kommentar\n\n" + table)

    topical = assistant.ask("Vilka uppdrag inom digitalisering är delvis genomförda 2025?")
    assert "RS1" in topical.text and "RS2" in topical.text
    assert not any(code in topical.text for code in ("RS3", "RS4", "RS5"))
    every = assistant.ask("Vilka uppdrag är delvis genomförda 2025?")
    assert all(code in every.text for code in ("RS1", "RS2", "RS3", "RS4")) and "RS5" not in every.text



def test_a_status_list_within_a_named_task_lists_its_items_labelled_with_that_status(tmp_path):
    """'Vilka delaktiviteter är pågående inom uppdraget …?': the report follows the task up item by item,
    each labelled 'Pågående:' or 'Klart:'; the answer is the items labelled 'Pågående', not every item."""
    report = ("Delårsrapport 2025 Regionstyrelsen\n\nStyrning\n\nStärka styrningen genom identifierade "
              "delaktiviteter 2025\n\nUppdraget består av flera delaktiviteter som har genomförts under året.\n\n"
              "• Inriktningen för styrningen är presenterad för förvaltningarna.\n\n"
              "o Pågående: Kartläggning av befintliga styrsystem.\n\n"
              "• Identitetsarbetet för ledningsgrupper är klart inom förvaltningen.\n\n"
              "o Klart: Workshop om planeringsstegen med alla chefer.\n\n"
              "o Pågående: Prototyp i uppföljningssystemet för en sammanhållen uppföljning.\n\n"
              + _other_sections("Lokaler", "Kompetensförsörjning", "Miljö"))
    assistant = _assistant_over(tmp_path, "region-provland-delarsrapport-2025.txt", report)
    answer = assistant.ask("Vilka delaktiviteter är pågående inom uppdraget att stärka styrningen 2025?")
    text = normalise(answer.text)
    assert "kartläggning av befintliga styrsystem" in text and "prototyp i uppföljningssystemet" in text
    assert "workshop" not in text and "inriktningen för styrningen" not in text


# A sentence the answer quotes brings the rest of what the report says with it: how the work stands
# ('Arbetet fortsätter 2021.'), what the reason is about ('Det handlar om …'), the rest of one bulleted
# item, and a reason that names the asked month only inside a compound ('Decemberutfallet 2022').
_QUOTED_WHOLE = [
    ("2020", "Styrning\n\nEn översyn av beredningsprocessen genomfördes under våren 2020 och nya rutiner gäller "
     "från hösten. Även planeringsprocessen har setts över inom ramen för ständig förbättring, och synpunkter har "
     "inhämtats från politik och tjänstemän. Arbetet fortsätter 2021. Lokalerna i huset har renoverats under "
     "hösten och är nu klara att användas.", ("Ekonomi", "Kompetensförsörjning", "Miljö"),
     "Vad har gjorts med översynen av planeringsprocessen 2020?",
     ("synpunkter har inhämtats", "Arbetet fortsätter 2021"), ()),
    ("2020", "Säkerhet\n\nFlera viktiga säkerhetsområden har prioriterats ner med anledning av pandemin, vilket gått "
     "ut över brandsäkerheten och interna revisioner. Det blir en utmaning att hämta igen den förlorade tiden. Det "
     "handlar om ett långsiktigt arbete att förbättra regionens säkerhetskultur.\n\nRobusthetsfrågorna kopplat "
     "till byggnationer kommer mer i fokus.", ("Lokaler", "Miljö", "Kompetensförsörjning"),
     "Varför blir det en utmaning att hämta igen den förlorade tiden inom säkerhetsområdet 2020?",
     ("pandemin", "säkerhetskultur"), ()),
    ("2023", "Utmaningar\n\n• Digitaliseringen innebär stora möjligheter och många invånare använder redan våra "
     "tjänster. Samtidigt kan vi inte sluta hjälpa dem som inte är digitala med den kommunikation som de behöver. "
     "Många gånger behövs dubbla lösningar. Vi har också en stor grupp invånare som har svag svenska där anpassad "
     "kommunikation behövs.\n\n• Behovet av forskning och innovation är stort för att möta framtidens utmaningar.",
     ("Lokaler", "Miljö", "Kompetensförsörjning"),
     "Varför räcker det inte att regionen kör allt digitalt mot invånarna 2023?",
     ("inte är digitala", "svag svenska"), ("forskning",)),
    ("2023", "Nyckeltalsuppföljning\n\nRepresentation: Decemberutfallet 2022 inkluderar årets kostnader för "
     "regionens 25-årsjubileum på 312 tkr. Kostnaderna för extern representation 2023 är i nivå med 2022.",
     ("Lokaler", "Miljö", "Kompetensförsörjning"),
     "Vad förklarar nivån på representationskostnaderna i december 2022?", ("25-årsjubileum",), ()),
]


@pytest.mark.parametrize("year, section, others, question, quoted, not_quoted", _QUOTED_WHOLE,
                         ids=["work-stands", "what-it-is-about", "bulleted-item", "month-in-compound"])
def test_a_reason_or_account_is_quoted_whole(tmp_path, year, section, others, question, quoted, not_quoted):
    assistant = _assistant_over(tmp_path, f"region-provland-arsredovisning-{year}.txt",
                                f"Årsredovisning {year}\n\n{section}\n\n" + _other_sections(*others))
    answer = assistant.ask(question)
    assert not answer.abstained
    assert all(q in answer.text for q in quoted)
    assert not any(q in answer.text for q in not_quoted)


def test_why_a_table_row_came_out_as_it_did_is_its_comment_not_another_topics_cause(tmp_path):
    """The row the question names explains itself in its comment cell ('Helårseffekt uppnås 2026'); a
    causal sentence about the whole result, which shares a word with the question, is not its reason.
    A row of figures alone has no comment: then the report's prose explains it."""
    assistant = _assistant_over(tmp_path, "region-provland-arsrapport-2025.txt",
        "Årsrapport 2025\n\n3 Ekonomisk effekthemtagning\n\nÅtgärd Tidplan Beräknad effekt Realiserad effekt "
        "Kommentar\n\nBegränsa resebidrag 2025 0,4 mnkr 0,4 mnkr Striktare regler införda\n\nEj återbesatt "
        "pensionsavgång inom Centrum för ekonomi Maj 2025 1,4 mnkr 0,9 mnkr Helårseffekt uppnås 2026\n\n"
        "Minskat antal controllers på Controllerservice 2024 1,6 mnkr 1,6 mnkr Neddragning under 2024 ger "
        "helårseffekt 2025\n\nSamordnad lokalförsörjning för Regionhälsan och Hälsolyften 2025 2,5 mnkr 2,1 mnkr "
        "Flytten sker i etapper under hösten 2025\n\n"
        "4 Resultat\n\nDet positiva resultatet är främst en effekt av vakanser, där pensionsavgångar har "
        "hanterats med befintliga resurser.\n\n5 Priser\n\nVerksamhet Prisförändring Intäkt\n\nLöneservice "
        "5,8 % 0,6 mnkr\n\nSkanningscentralen 0,0 % 1,7 mnkr\n\nSkanningscentralen höjer inte priset eftersom "
        "volymerna väntas öka när fler journaler digitaliseras.\n\n"
        + _other_sections("Lokaler", "Miljö", "Kompetensförsörjning"))

    row = assistant.ask("Varför är den realiserade effekten av den ej återbesatta pensionsavgången inom "
                        "Centrum för ekonomi lägre än den beräknade 2025?")
    assert "Helårseffekt uppnås 2026" in row.text and "effekt av vakanser" not in row.text
    prose = assistant.ask("Varför höjer Skanningscentralen inte priset 2025?")
    assert "volymerna väntas öka" in prose.text


def test_a_question_about_one_lettered_part_of_an_assignment_gets_that_parts_cells_and_comment(tmp_path):
    """'Blev det någon översyn av programstyrningen …?' is about part b of '(28) a) … b) …': its unit,
    its deadline and its own comment answer, not part a's; a question about the whole assignment still
    gets the whole row."""
    from test_chunking import LETTERED_BLOCKS

    assistant = _assistant_over(tmp_path, "region-provland-arsredovisning-2023.txt",
        "Årsredovisning 2023\n\n3 Uppdrag\n\n" + LETTERED_BLOCKS + "\n"
        + _other_sections("Lokaler", "Miljö", "Kompetensförsörjning"))

    part = assistant.ask("Blev det någon översyn av programstyrningen och certifieringarna 2023?").text
    assert "28 b (ansvarig: CE och CH, tidplan: 2023)" in part
    assert "strukits" in part and "Samverkan pågår" not in part
    whole = assistant.ask("Hur har det gått med uppdrag 28 under 2023?").text
    assert "Samverkan pågår" in whole and "strukits" in whole


def test_a_plan_the_question_names_is_a_step_of_its_own_in_a_comparison_across_reports(tmp_path):
    """'… från 2020 via förvaltningsplanen 2023–2025 till 2025': the plan's line is asked for too, not
    left out for the outcome report of its first year."""
    indicator = "Hållbart medarbetarengagemang (HME)"
    assistant = _assistant_over_reports(tmp_path, {
        "region-provland-arsredovisning-2020.txt": f"Medarbetare\n\n{indicator} var 76,6 procent 2020, under "
            "målvärdet 78 procent.\n\n" + _other_sections("Lokaler", "Miljö"),
        "region-provland-forvaltningsplan-2023-2025.txt": f"Mål och indikatorer\n\n{indicator}: målvärde 80, "
            "nuläge 79,8 enligt den senaste mätningen.\n\n" + _other_sections("Lokaler", "Miljö", plan="plan"),
        "region-provland-arsredovisning-2023.txt": "Medarbetare\n\nMedarbetarenkäten genomfördes inte 2023 och "
            "nästa mätning sker 2024.\n\n" + _other_sections("Lokaler", "Miljö"),
        "region-provland-arsrapport-2025.txt": f"Medarbetare\n\n{indicator} blev 76 procent 2025, en "
            "minskning.\n\n" + _other_sections("Lokaler", "Miljö"),
    })
    answer = assistant.ask("Hur har medarbetarengagemanget (HME) utvecklats från 2020 via förvaltningsplanen "
                           "2023–2025 till 2025?")
    assert "76,6" in answer.text and "79,8" in answer.text and "76 procent" in answer.text


def test_a_short_line_naming_most_of_what_is_asked_qualifies_as_the_figure_however_unlike_the_question():
    """'• Total bruttokostnadsutveckling -7 %' names the measure asked for and little else, so as a whole
    it is unlike a long question and scores under the bar; a sentence that only resembles the question
    ('Vakanser … 3,5 mnkr …') must not win over it, and a run of table headings does not qualify so."""
    from assistant.answer import MIN_SCORE, ExtractiveAnswerer
    from assistant.answer.scoring import _Sentence

    answerer = object.__new__(ExtractiveAnswerer)
    answerer.min_score = MIN_SCORE
    short = _Sentence("• Total bruttokostnadsutveckling -7 %", 0, lex=0.7, sem=0.0, score=MIN_SCORE - 0.001,
                      has_number=True)
    alike = _Sentence("2025 3,5 mnkr 5,1 mnkr Vakanser har uppstått under året", 0, lex=0.0, sem=0.7,
                      score=MIN_SCORE + 0.003, has_number=True)
    headings = _Sentence("Granskningsområde Berört Reglemente Riskvärde Metod Biobank Forskningsdata", 0, lex=0.8,
                         sem=0.0, score=MIN_SCORE - 0.001, has_number=False)
    assert answerer._best([alike, short], want_number=True) is short
    assert answerer._best([headings]) is None


def test_internal_controls_are_listed_by_their_risk_value_or_by_what_their_row_names(tmp_path):
    """'Vilka kontrollområden har högst riskvärde?' lists every control with the table's highest value,
    'riskvärde 9' those with 9, 'görs med stickprov' those whose method is a 'Stickprovskontroll': each
    with its risk value and method, read off the whole table, not as far as the search reached."""
    from test_chunking import CONTROLS

    assistant = _assistant_over(tmp_path, "region-provland-forvaltningsplan-2024-2026.txt",
        "Förvaltningsplan 2024–2026\n\n" + CONTROLS + "\n7 Ekonomi\n\nRamen uppgår till 250 miljoner kronor.\n\n"
        + _other_sections("Lokaler", "Miljö", "Kompetensförsörjning"))

    highest = assistant.ask("Vilka kontrollområden i internkontrollen har högst riskvärde?").text
    assert "Säker lagring av forskningsdata" in highest and "riskvärde 12 (S=3, K=4)" in highest
    assert "löneutbetalningar" not in highest and "inköp" not in highest
    nine = assistant.ask("Vilka kontroller i internkontrollen har riskvärde 9?").text
    assert "inköp" in nine and "Informationssäkerhet" in nine and "forskningsdata" not in nine
    sampled = assistant.ask("Vilka kontroller i internkontrollen görs med stickprov?").text
    assert "forskningsdata" in sampled and "inköp" in sampled
    assert "löneutbetalningar" not in sampled and "kompetensplatsen" not in sampled


# (report file, its text before sections on other topics, question, what the answer must quote)
_COMPLETED_BY_ITS_NEIGHBOURS = [
    # The extraction put 'Löpande uppföljning' and the first bullet on one line: that item is a list
    # item like the others, though it is no sentence of its own.
    ("region-provland-forvaltningsplan-2024-2026.txt",
     "Förvaltningsplan 2024–2026\n\n5 Uppföljning\n\nFörvaltningsplanen följs upp i delårsrapport och "
     "årsredovisning. Den ekonomiska uppföljningen rapporteras till styrelsen varje månad.\nLöpande uppföljning "
     "• Förändring av arbetade timmar\n• Periodresultat och helårsprognos\n• Kostnader för anställd och inhyrd "
     "personal\n• Investeringar och avskrivningar\n",
     "Vilka ekonomiska mått följs upp enligt förvaltningsplanen?",
     ("Förändring av arbetade timmar", "Periodresultat och helårsprognos",
      "Kostnader för anställd och inhyrd personal", "Investeringar och avskrivningar")),
    # 'Vad landar … vid årets slut?' asks for the prognosis ('prognostiseras'), not the outcome so far:
    # no word of the question but the unit's is in the report's sentence.
    ("region-provland-delarsrapport-augusti-2025.txt",
     "Delårsrapport augusti 2025\n\n3 Ekonomi\n\nRegionstyrelsen redovisar efter augusti en positiv "
     "budgetavvikelse på 5 miljoner kronor. Målsättningen för 2025 är att kostnaden för inhyrd personal ska "
     "understiga 3,7 % av kostnaden för anställd personal.\n\n4 Bedömning\n\nTotalt för regionstyrelsen "
     "prognostiseras en positiv budgetavvikelse för 2025 på 13 miljoner kronor.\n",
     "Vad landar regionstyrelsen på vid årets slut?", ("13 miljoner kronor",)),
    # 'Hur kunde …?' asks for the explanation, given in the sentence after the one that matches.
    ("region-provland-arsredovisning-2023.txt",
     "Årsredovisning 2023\n\n4 Effektiviseringar\n\nDen ökade ärendemängden på Regionarkivet (cirka 15 %) har "
     "klarats av med bibehållet antal arbetade timmar. En delförklaring är användandet av det nya "
     "ärendesystemet, som gett ett mer effektivt flöde.\n",
     "Hur kunde Regionarkivet klara fler ärenden 2023 utan att lägga mer tid?", ("nya ärendesystemet",)),
    # '… beslutade i april … / Beslutet avsåg …': what was decided is in the next sentence, which shares no
    # word with the question but names the decision.
    ("region-provland-delarsrapport-augusti-2025.txt",
     "Delårsrapport augusti 2025\n\n2 Personal\n\nRegionstyrelsen beslutade i april 2025 att godkänna förslaget "
     "om personalkostnadsminskningar på totalt 32,6 miljoner kronor. Beslutet avsåg ambitionssänkningar, "
     "besparingar inom den politiska organisationen samt ett uppdrag till regiondirektören.\n",
     "Vad klubbade regionstyrelsen i april om personalkostnaderna?", ("32,6 miljoner kronor", "ambitionssänkningar")),
    # A 2020-style table: under the goal, each assignment then how it went, with no code and no status
    # word; the assignments are listed, not only the one that matches the question's words.
    ("region-provland-arsredovisning-2020.txt",
     "Årsredovisning 2020\n\n2 Uppdrag i förvaltningsplanen\n\nEtt tillgängligt Västmanland Utveckla de digitala "
     "kanalerna för invånarna.\n\nArbetet har gått enligt plan under året.\n\nEn stark och uthållig ekonomi "
     "Säkerställa realisering och uppföljning av arbetet med ekonomi i balans för regionen.\n\nEn uppföljning av "
     "aktuell status gjordes i december. Bedömningen är att arbetet i stort verkställs enligt plan.\n\n"
     "Regionkontoret ska införa en modell för effekthemtagning i organisationen.\n\nFokus under året har varit "
     "på investeringsprocesserna.\n\nTa fram en strukturmodell för fördelning av årliga ramjusteringar.\n\n"
     "Arbetet sköts upp på grund av pandemin.\n",
     "Vilka uppdrag redovisas under målområdet En stark och uthållig ekonomi 2020?",
     ("Säkerställa realisering", "modell för effekthemtagning", "strukturmodell")),
]


@pytest.mark.parametrize("file_name, text, question, quoted", _COMPLETED_BY_ITS_NEIGHBOURS,
                         ids=["heading-shares-first-bullet", "lands-on-prognosis", "how-could-explanation",
                              "what-was-decided", "assignments-under-goal"])
def test_an_answer_brings_the_neighbouring_lines_that_complete_it(tmp_path, file_name, text, question, quoted):
    """What the question asks is told in lines next to the one that matches it best, or in lines that
    share no word with the question: the answer quotes them."""
    assistant = _assistant_over(tmp_path, file_name, text + "\n" + _other_sections("Lokaler", "Miljö", "Kompetensförsörjning"))
    answer = assistant.ask(question)
    assert not answer.abstained
    assert all(q in answer.text for q in quoted)


def test_a_passage_naming_the_unit_the_question_names_ranks_first(tmp_path):
    """'Vad låg bakom att ekonomicentrumet gick plus?': of two passages that explain a surplus, the one
    about Centrum för ekonomi (also written 'CE') ranks above the one about the whole organisation."""
    report = ("Årsredovisning 2020 Regionkontoret\n\nEkonomi\n\nFörvaltningens resultat blev ett överskott "
              "mot budget. Överskottet beror främst på lägre personalkostnader och ej nyttjade medel för IT.\n\n"
              "Centrum för ekonomi\n\nCentrum för ekonomi redovisar 0,6 mkr mot budget 0,2 mkr. Intäkterna för "
              "internhandel ökade och personalkostnaderna blev lägre än väntat.\n\n"
              "Centrum för kommunikation\n\nCentrum för kommunikation redovisar 3 mkr mot budget 0 mkr.\n\n"
              "Stab\n\nCE och CK har gemensam ledning. Stabens lokaler har setts över.\n\n"
              + _other_sections("Lokaler", "Miljö"))
    assistant = _assistant_over(tmp_path, "region-provland-arsredovisning-2020.txt", report)
    top = assistant.ask("Vad låg bakom att ekonomicentrumet gick plus mot budget 2020?").passages[0]
    assert "Centrum för ekonomi redovisar" in top.chunk.text


def test_a_figure_asked_by_a_cost_compound_the_years_report_never_names_is_not_answered(tmp_path):
    """'Vilken bruttokostnadsutveckling redovisade förvaltningen för 2024?' asks for a figure by a cost
    compound; the 2024 report states other figures but none of that, and the 2023 report's is for 2023:
    no answer rather than the 2024 report's frame. Asked of 2023, the 2023 report answers."""
    assistant = _assistant_over_reports(tmp_path, {
        "region-provland-arsredovisning-2023.txt": "Ekonomi\n\nBruttokostnadsutvecklingen var 5,1 procent under 2023, "
            "främst på grund av högre personalkostnader.\n\n" + _other_sections("Lokaler", "Miljö"),
        "region-provland-arsredovisning-2024.txt": "Ekonomi\n\nFörvaltningens ram för 2024 uppgick till 267,6 miljoner "
            "kronor och redovisas per månad.\n\n" + _other_sections("Lokaler", "Miljö"),
    })
    assert assistant.ask("Vilken bruttokostnadsutveckling redovisade förvaltningen för 2024?").abstained
    answer = assistant.ask("Vilken bruttokostnadsutveckling redovisade förvaltningen för 2023?")
    assert not answer.abstained and "5,1 procent" in answer.text


def test_everyday_words_reach_the_reports_words(tmp_path):
    """'jouren under coronan' is the report's 'beredskapsorganisationen … pandemin', 'timanställda
    jobbade' its 'timavlönade … arbetad tid', 'månadsvis' its '1/12 per månad', 'stått still' its
    'inte räknats upp' and 'hemjobbet' its 'distansarbete': the passage in the report's words ranks first."""
    from assistant.retrieve import Retriever

    sections = [("Kommunikation", "Kommunikationsavdelningen förstärkte den interna kommunikationen med en ny "
                 "intranätsida och fler nyhetsbrev till medarbetarna under året."),
                ("Beredskap", "Beredskapsorganisationen utökades under pandemin med extra personal kvällar och helger."),
                ("Personal", "Personalen förstärktes med två nya kommunikatörer och en webbredaktör under året."),
                ("Timavlönade", "Arbetad tid för timavlönade uppgick till 11 805 timmar, en ökning med 128 timmar."),
                ("Timmar", "Antalet timmar i utbildning per anställd ökade till 14 timmar under året."),
                ("Ersättning", "Ersättningen betalas ut som regionersättning med 1/12 per månad."),
                ("Ramar", "Förvaltningens ramar har inte räknats upp de senaste fem åren."),
                ("Bidrag", "Ersättningen till kommunerna betalas ut i klump vid årets slut."),
                ("Investeringsramar", "Ramarna för investeringar har legat stilla."),
                ("Distans", "Distansarbete har tvingat fram nya arbetssätt."),
                ("Arbetssätt", "Nya arbetssätt för möten har prövats i verksamheten.")]
    assistant = _assistant_over(tmp_path, "region-provland-arsredovisning-2024.txt",
        "Årsredovisning 2024 Regionkontoret\n\n" + "".join(f"{i} {h}\n\n{t}\n\n" for i, (h, t) in
                                                      enumerate(sections, 1)))
    retriever = Retriever(assistant.index, assistant.embedder)
    for question, expected in (("Hur förstärkte man jouren under coronan?", "Beredskapsorganisationen"),
                               ("Hur många timmar jobbade de timanställda?", "timavlönade"),
                               ("Betalas ersättningen ut i klump eller månadsvis?", "1/12"),
                               ("Hur länge har ramarna stått still?", "räknats upp"),
                               ("Har hemjobbet gett nya arbetssätt?", "Distansarbete")):
        query = assistant.analyse(question)
        bm25 = retriever.channels(query).bm25
        assert expected in assistant.index.chunks[int(bm25.argmax())].text


def test_what_was_done_is_answered_from_the_outcome_report_not_the_plan(tmp_path):
    """'Vad gjorde man … 2024' asks what happened, which the årsredovisning says and the plan for
    2024–2026 cannot, though the plan speaks of the same thing."""
    from assistant.config import Settings
    from assistant.pipeline import Assistant

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "region-provland-forvaltningsplan-2024-2026.txt").write_text(
        "Förvaltningsplan 2024–2026 Regionkontoret\n\n4 Forskning\n\nHanteringen av forskningsprojekt ska "
        "förenklas och stickprovskontroller av forskningsprojekt ska göras varje år.\n\n5 Medarbetare\n\n"
        "RK ska vara en attraktiv arbetsgivare HME-index 80 Å\n", encoding="utf-8")
    (corpus / "region-provland-arsredovisning-2024.txt").write_text(
        "Årsredovisning 2024 Regionkontoret\n\n4 Forskning\n\nHanteringen av forskningsprojekt har gjorts helt "
        "digitalt så att uppföljningen kan ske i realtid.\n", encoding="utf-8")
    assistant = Assistant(Settings.from_env(corpus=corpus, index=tmp_path / "index"), progress=False)

    done = assistant.ask("Vad gjorde regionkontoret med hanteringen av forskningsprojekt 2024?")
    assert "realtid" in done.text and done.citations[0].doc_id.startswith("region-provland-arsredovisning")
    # Of a year it plans for, the plan's target is no outcome: 'fick' asks what came of it.
    assert "80" in assistant.ask("Vilket mål för HME-index har förvaltningsplanen för 2024?").text
    assert assistant.ask("Vilket HME-index fick regionkontoret 2024?").abstained



def test_what_the_plan_said_and_what_came_of_it_are_answered_by_the_plan_and_the_outcome_report(tmp_path):
    """'… enligt planen, och hur mycket blev över?' asks two reports: the plan for its frame and the
    årsredovisning for the result. Each is quoted on its own line and cited."""
    assistant = _assistant_over_reports(tmp_path, {
        "region-provland-forvaltningsplan-2024-2026.txt":
            "Förvaltningsplan 2024–2026 Regionkontoret\n\n6 Ekonomi\n\nFullmäktige har beslutat om en ram för "
            "Regionkontoret på 120,5 miljoner kronor för 2024 och 124,0 miljoner kronor för 2025.\n\n"
            "7 Personal\n\nKompetensförsörjningen ska stärkas genom intern rörlighet.\n",
        "region-provland-arsredovisning-2024.txt":
            "Årsredovisning 2024 Regionkontoret\n\n3 Ekonomi\n\nÅrets resultat blev ett överskott på 12,3 mnkr, "
            "främst genom vakanser.\n\n4 Personal\n\nFem nya medarbetare har anställts under året.\n",
    })

    answer = assistant.ask("Vilken ram hade regionkontoret 2024 enligt planen, och hur mycket blev över?")
    lines = answer.text.splitlines()
    assert any(l.startswith("Förvaltningsplan") and "120,5" in l for l in lines), answer.text
    assert any(l.startswith("2024") and "12,3" in l for l in lines), answer.text
    assert {c.doc_id.split("-")[2] for c in answer.citations} == {"forvaltningsplan", "arsredovisning"}


def test_without_a_year_the_latest_report_answers_and_says_so(corpus_assistant):
    """'Vad är sjukfrånvaron?' names no year: the bundled reports state it for 2020, 2023 and 2025, and
    the latest answers, saying so; a year asked is answered from that year without the note."""
    now = corpus_assistant.ask("Vad är sjukfrånvaron på regionkontoret?")
    assert not now.abstained and {c.year for c in now.citations} == {2025}
    assert "den senaste rapporten (frågan anger inget år)" in now.text
    asked = corpus_assistant.ask("Vad var sjukfrånvaron på regionkontoret 2020?")
    assert {c.year for c in asked.citations} == {2020} and "frågan anger inget år" not in asked.text
    # A plan covers the years ahead: no note that later reports exist.
    plan = corpus_assistant.ask("Vilket målvärde gäller för HME-index?")
    assert plan.citations[0].title.startswith("Förvaltningsplan") and "frågan anger inget år" not in plan.text


def test_a_reporting_systems_page_stamps_are_never_quoted(tmp_path):
    """Tables exported from a reporting system carry stamps on every page ('RapportID: …',
    'Uppdaterad: 2021-01-29', a link): the figure is quoted, the stamps around it are not."""
    assistant = _assistant_over(tmp_path, "region-provland-arsredovisning-2024.txt",
        "Årsredovisning 2024 Regionkontoret\n\n4 Ekonomi\n\nLönekostnaderna ökade under året, främst till "
        "följd av löneöversynen.\n\nBilagor\n\nLönekostnader mm RapportID: Ekonomi - Bilagor År 30 (DUVA0133)\n"
        "Uppdaterad: 2025-01-29\nSida: 1/1\nRapportinformation\nBelopp i tkr Bokslut 2023 Bokslut 2024 Förändring\n"
        "Summa lönekostnader 142 910 151 151 5,8%\nhttp://duva/reportdoc/duva0132.htm\n")

    answer = assistant.ask("Hur stora var lönekostnaderna 2024 i tkr?")
    assert "151 151" in answer.text and not answer.abstained
    assert not any(stamp in answer.text for stamp in ("RapportID", "Uppdaterad", "http", "Sida: 1/1"))


def test_a_document_systems_control_fields_are_never_part_of_a_quoted_sentence(tmp_path):
    """A page header with the document system's fields ('Utfärdad av: …  Kontrollera aktuell version
    mot original …', 'Godkänd av:') runs into the text below it: the row under it is quoted without
    the boilerplate, and who issued the report can still be asked."""
    assistant = _assistant_over(tmp_path, "region-provland-arsredovisning-2024.txt",
        "Årsredovisning 2024 Regionkontoret\n\n3 Uppdrag\n\nÅrsredovisning 2024 - Förvaltningstotalt Regionkontoret\n\n"
        "Utfärdad av: Anna Berg  Kontrollera aktuell version mot original i dokumenthanteringssystemet\n\n"
        "Godkänd av:\nGenomföra insatser för att förbättra förutsättningarna för chefs- och ledaruppdraget. "
        "Ett nytt utbildningskoncept för chefer tas fram under våren 2025.\n\n"
        + _other_sections("Medarbetare", "Miljö"))
    answer = assistant.ask("Hur har det gått med insatserna för att förbättra förutsättningarna för chefsuppdraget 2024?")
    assert "utbildningskoncept" in answer.text
    assert not any(field in answer.text for field in ("Kontrollera aktuell version", "Godkänd av"))
    assert "Anna Berg" in assistant.ask("Vem har utfärdat årsredovisningen 2024?").text


def test_staffs_word_for_hired_staff_meets_hired_staff_not_any_staff(tmp_path):
    """'hyrpersonalen' is the reports' 'inhyrd personal', not 'personal' in general: lower staff costs
    are no answer to whether hired staff got dearer."""
    assistant = _assistant_over(tmp_path, "region-provland-arsrapport-2025.txt",
        "Årsrapport 2025\n\nEkonomi\n\nLägre personalkostnader +17 mnkr jämfört med budget 2025.\n\n"
        "Personal\n\nKommentarer Inhyrd personal: Ökade kostnader med 0,8 mnkr för att ersätta en vakant tjänst "
        "som arbetsmiljöingenjör.\n")
    answer = assistant.ask("Har hyrpersonalen blivit dyrare 2025?").text
    assert "0,8 mnkr" in answer.split("[1]")[0]


def test_in_a_comparison_an_assignment_row_is_told_by_its_status_and_comment(tmp_path):
    """Asked what became of a planned assignment, the annual report's line is how the row went (its
    missing status word and its comment), not the assignment's text repeated from the plan."""
    row = "(31) Centrum för ekonomi ska införa ett nytt system för fakturahantering.\n\n"
    assistant = _assistant_over_reports(tmp_path, {
        "region-provland-forvaltningsplan-2024-2026.txt":
            f"Uppdrag och åtgärder\n\nUppdrag/åtgärd Tidplan Ansvarig Kommentar\n\n{row}2024 CE\n",
        "region-provland-arsredovisning-2024.txt":
            f"Uppdrag och åtgärder\n\nUppdrag/åtgärd Tidplan Ansvarig Status Kommentar\n\n{row}"
            "2024 CE Systemet har upphandlats och tas i bruk under våren 2025.\n",
    })

    lines = assistant.ask("Vad stod det i planen om systemet för fakturahantering, och vad blev det av "
                          "det enligt årsredovisningen 2024?").text.splitlines()
    line_2024 = next(l for l in lines if l.startswith("2024"))
    assert "Systemet har upphandlats" in line_2024 and "ingen statusmarkering" in line_2024
    # The plan's line gives the unit and tidplan once, in brackets, not again after the assignment.
    line_plan = next(l for l in lines if l.startswith("Förvaltningsplan"))
    assert "ansvarig: CE" in line_plan and "fakturahantering. 2024 CE" not in line_plan


def test_selling_in_everyday_words_finds_the_reports_sales(tmp_path):
    """Staff say 'sålde'; the report says 'försäljning'."""
    assistant = _assistant_over(tmp_path, "region-provland-arsredovisning-2024.txt",
        "Ekonomi\n\nIntäkterna från försäljning av utbildning blev 1,7 mnkr, 0,2 mnkr lägre än budget.\n\n"
        "Personal\n\nUtbildningar för chefer kostade 3,2 mnkr under 2024.\n")

    first = assistant.ask("Hur mycket sålde vi utbildningar för 2024?").text.split("[1]")[0]
    assert "1,7 mnkr" in first and "3,2 mnkr" not in first


def test_a_count_asked_of_a_coded_row_in_the_named_plan_is_not_its_code(tmp_path):
    """'Hur många … enligt uppdrag 14 i förvaltningsplanen 2024–2026?': the row of the plan named,
    not the annual report's, and its code '14' is no count: the plan gives none, so it abstains."""
    row = "(14) Arbeta för fler kombinationstjänster mellan vård och forskning.\n\n"
    assistant = _assistant_over_reports(tmp_path, {
        "region-provland-forvaltningsplan-2024-2026.txt":
            f"Uppdrag och åtgärder\n\nUppdrag/åtgärd Tidplan Ansvarig Kommentar\n\n{row}2024 - 2026 CIFU\n",
        "region-provland-arsredovisning-2024.txt":
            f"Uppdrag och åtgärder\n\nUppdrag/åtgärd Tidplan Ansvarig Status Kommentar\n\n{row}"
            "2024 - 2026 CIFU Planenligt Två nya kombinationstjänster har inrättats under året.\n",
    })

    assert assistant.ask("Hur många kombinationstjänster ska inrättas enligt uppdrag 14 i "
                         "förvaltningsplanen 2024–2026?").abstained
    who = assistant.ask("Vad är status för uppdrag 14 om kombinationstjänster enligt förvaltningsplanen?")
    assert "CIFU" in who.text and {c.doc_id for c in who.citations} == {"region-provland-forvaltningsplan-2024-2026"}


def test_a_count_asked_where_the_report_gives_only_a_share_abstains(tmp_path):
    """'Hur många ögonoperationer …?' where the report only aims at 20 procent more: no count (the
    vårdplatser counted far from them are not theirs, and '20 pro…' at the edge of the words around
    them is still a share)."""
    assistant = _assistant_over(tmp_path, "region-provland-delarsrapport-augusti-2025.txt",
        "Tillgänglighet\n\nMålsättningen är att öka upp med 25 vårdplatser för valda opererande verksamheter "
        "och förbättra tillgänglighet för utprovning av hörapparater och ögonoperationer med 20 procent. "
        "Mål om ögonoperationer kan komma att klara en förbättring på 20 procent.\n")

    assert assistant.ask("Hur många ögonoperationer har genomförts per augusti 2025?").abstained


def test_what_something_went_for_in_money_is_a_cost_and_needs_an_amount(tmp_path):
    """'Vad gick … på för pengar?' asks a cost: a sentence about the hire without an amount is a near
    miss; one that gives the amount answers."""
    hire = "Säkerhet\n\nUnder året har en brandskyddstekniker hyrts in för att arbeta med operativt brandskyddsarbete.\n"
    without_amount = _assistant_over(tmp_path / "a", "region-provland-arsredovisning-2024.txt", hire)
    assert without_amount.ask("Vad gick den inhyrda brandskyddsteknikern på för pengar 2024?").abstained
    with_amount = _assistant_over(tmp_path / "b", "region-provland-arsredovisning-2024.txt",
                                  hire.replace(".\n", ", vilket kostade 0,6 mnkr.\n"))
    assert "0,6 mnkr" in with_amount.ask("Vad gick den inhyrda brandskyddsteknikern på för pengar 2024?").text


def test_a_count_of_something_the_answer_never_names_abstains(tmp_path):
    """'Hur många flygresor …?' where the report says flights went down but counts only staff: the
    count of staff is not the count asked. Asked of staff, the same report answers."""
    assistant = _assistant_over(tmp_path, "region-provland-arsrapport-2025.txt",
        "Klimat\n\nÅret visar en positiv trend med tydligt minskade flygresor, men fler resor med egen bil.\n\n"
        "Medarbetare\n\nAntal anställda: jämfört med december 2024 har antal anställda ökat med 12 under 2025.\n")

    assert assistant.ask("Hur många flygresor gjorde de anställda under 2025?").abstained
    assert "12" in assistant.ask("Hur många fler anställda fanns det 2025?").text


def test_how_many_of_the_staff_took_part_in_research_is_read_off_the_indicator(tmp_path):
    """Staff say 'forskade' and 'anställda'; the indicator says 'medverkar i vetenskapligt arbete' and
    'medarbetare'. 'av regionens anställda' names whose staff, the count is of the staff."""
    assistant = _assistant_over(tmp_path, "region-provland-arsrapport-2025.txt",
        "Förvaltningens mål och indikatorer\n\n"
        "Indikator   Utfall 2024 Mål 2025 Utfall 2025       Måluppfyllelse             Kommentarer\n\n"
        "Stärkt forskning och innovation\n\n"
        "Antal medarbetare som medverkar i vetenskapligt arbete 240 Öka 227 Negativt/inte uppnått Vikande trend.\n\n"
        "Medarbetare\n\nAntal anställda: jämfört med december 2024 har antal anställda ökat med 1 under 2025.\n")

    answer = assistant.ask("Hur många av regionens anställda var med och forskade under 2025?")
    assert "227" in answer.text and not answer.abstained


def test_a_figure_is_quoted_from_the_sentence_that_says_it_not_from_cells_run_together(tmp_path):
    """A report generator's page ('År: 2024 / Resultat: 32 253 0 … / Helår / Belopp i tkr Bokslut …')
    comes out as one run of cells; the sentence that says the result is what answers."""
    assistant = _assistant_over(tmp_path, "region-provland-arsredovisning-2024.txt",
        "Ekonomi\n\nFörvaltningens ekonomiska resultat för 2024 hamnade på +40,2 mkr vilket också är "
        "avvikelsen mot budget.\n\nBilaga\n\nÅr: 2024\n\nResultat: 32 253 0 28 409 40 161 40 162\n\nHelår\n"
        "Belopp i tkr Bokslut 2023 Budget 2024 Prognos 2024 Bokslut 2024 Avvikelse 2024\n\nFörvaltning:\nAnalys:\n")

    first = assistant.ask("Gick förvaltningen plus 2024, och med hur mycket?").text.split("[1]")[0]
    assert "+40,2 mkr" in first and "32 253" not in first


def test_a_target_is_quoted_with_the_outcome_told_right_after_it(tmp_path):
    """'Målsättningen … ska understiga 3,7%' sets a target; 'Per augusti 2025 låg nivån på 3,81%' after
    it is what was reached, though it does not repeat the subject."""
    assistant = _assistant_over(tmp_path, "region-provland-delarsrapport-augusti-2025.txt",
        "Minska hyrberoendet\n\nNya riktlinjer för hyrbemanning har börjat sätta sig ute i verksamheterna. "
        "Målsättningen för 2025 är att kostnaden för inhyrd personal i förhållande till kostnaden för anställd "
        "personal ska understiga 3,7%. Per augusti 2025 låg nivån på motsvarande 3,81%.\n")

    answer = assistant.ask("Hur stor var hyrpersonalens andel av personalkostnaden 2025?")
    assert "3,7%" in answer.text and "3,81%" in answer.text


def test_a_total_is_read_off_the_table_the_questions_own_word_names(tmp_path):
    """'investeringspengarna' (a word with synonyms, still the user's own) names the table
    'Investeringsprojekt exkl / fastigheter / Belopp i mnkr', its title over three lines: its total
    under 'Utfall 2024' answers."""
    assistant = _assistant_over(tmp_path, "region-provland-arsredovisning-2024.txt",
        "Investeringar\n\nInvesteringsprojekt exkl\nfastigheter\nBelopp i mnkr\n\nBudget 2024 inkl\n"
        "överförda medel Utfall 2024\n\nKvarvarande\nmedel till\n\n2025\n\n"
        "Medicinsk apparatur 0,3 0,3 0,0\nÖvriga maskiner och inventarier 0,4 0,3 0,1\n\nSumma 0,7 0,6 0,1\n\n"
        "Ekonomi\n\nArbetet med en sammanhållen investeringsprocess för regionens samtliga investeringar "
        "har fortsatt under året.\n")

    answer = assistant.ask("Hur mycket av investeringspengarna gjorde vi av med 2024?")
    assert "Summa, Utfall 2024: 0,6 mnkr" in answer.text


def test_why_quotes_the_sentence_that_says_what_explains_it(tmp_path):
    """'Vakanta tjänster … förklarar överskottet' right after the surplus it explains is the reason."""
    assistant = _assistant_over(tmp_path, "region-provland-delarsrapport-augusti-2025.txt",
        "Administrativ verksamhet\n\nAdministrativ verksamhet prognosticerar en positiv budgetavvikelse vid årets "
        "slut på 8 miljoner kronor. Vakanta tjänster och arbete med att minska personalkostnader förklarar "
        "överskottet. Primärvården prognosticerar ett överskott på 25 miljoner kronor, främst på grund av "
        "lägre rörliga ersättningar.\n")

    answer = assistant.ask("Varför prognosticerar administrativ verksamhet en positiv budgetavvikelse 2025?")
    assert "Vakanta tjänster" in answer.text


def test_a_row_asked_for_two_years_is_read_under_both_columns(tmp_path):
    """'Hur stor ram hade Centrum för HR 2024 och 2025?': one row, read under each year's column."""
    assistant = _assistant_over(tmp_path, "region-provland-forvaltningsplan-2025-2027.txt",
        "Ekonomi\n\nNedan redovisas hur regionersättningen har fördelats inom förvaltningen.\n\n"
        "Centrumbildning, belopp i miljoner kronor   Ram 2024 Ram\n2025\n\n"
        "Centrum för administration  55,5 58,8\n\nCentrum för HR 29,5 31,3\n\nCentrum för ekonomi 28,6 30,6\n")

    answer = assistant.ask("Hur stor ram hade Centrum för HR 2024 och 2025?")
    assert "Centrum för HR, Ram 2024: 29,5 miljoner kronor, Ram 2025: 31,3 miljoner kronor" in answer.text


def test_what_the_whole_organisation_cost_is_read_off_the_total_costs_row(tmp_path):
    """'Vad kostade hela regionkontoret 2023?': the verb names the row 'Summa kostnader', and 'hela'
    asks for the total, not for one of the cost rows above it."""
    assistant = _assistant_over(tmp_path, "region-provland-arsredovisning-2023.txt",
        "Ekonomi\n\nFörvaltningens resultat blev +22 mnkr.\n\nResultaträkning\nBelopp i mnkr\n\n"
        "Bokslut 2022 Budget 2023 Bokslut 2023\n\nSumma intäkter 515,5 498,9 539,1\n"
        "Personalkostnader -271,3 -292,4 -289,6\nLokalkostnader -17,2 -18,9 -18,7\n"
        "IT-kostnader -41,0 -41,2 -41,4\nSumma kostnader -496,1 -498,9 -517,7\nResultat 19,4 0,0 21,5\n\n"
        "Medarbetare\n\nFörvaltningen har arbetat vidare med arbetsmiljön och följt upp sjukfrånvaron "
        "tillsammans med verksamheterna i regionen.\n")

    answer = assistant.ask("Hur mycket kostade hela förvaltningen 2023?")
    assert "Summa kostnader, Bokslut 2023: -517,7" in answer.text


GOAL_TABLE = ("Sammanfattning\n\nRegionmål Delmål Prognos\n\nMål 1. Trygga uppväxtvillkor\n\n"
        "Implementera arbetssätt med\nbarnrättsperspektiv i verksamheten\n\n Mål kommer delvis uppfyllas\n\n"
        "Stödja chefer vid våld i nära\nrelation\n\n Mål kommer helt uppfyllas\n\n"
        "Mål 2. Stärkt forskning och innovation\n\nVi är ledande inom forskning om\nmedicinsk teknik\n\n"
        " Inga data\n\n\n\nRegionmål Delmål Prognos\n\nUtveckla regionavtalets struktur och\ninnehåll\n\n"
        " Inga data\n\nMål 3. En hållbar klimatregion\n\nVerksamheten minskar sin\nklimatpåverkan\n\n"
        " Mål kommer helt uppfyllas\n\n"
        "Status Uppdrag Analys\n\n Pågående Minska hyrberoendet (ansvarig: regionstyrelsen)\n"
        "Arbetet med nya riktlinjer för hyrbemanning fortsätter enligt plan under hösten.\n\n"
        "Ekonomi\n\nRegionstyrelsen redovisar en positiv budgetavvikelse på 5 miljoner kronor.\n")


def test_the_sub_goals_under_a_named_goal_are_counted_and_listed_with_their_prognosis(tmp_path):
    """A goal's name stands on its first sub-goal's row only; the rows after it are its own until the
    next goal, even over a page break that repeats the table's heading. Asked by number or by the goal's
    words, the answer counts those rows and lists each with its prognosis; a table after it is no part."""
    assistant = _assistant_over(tmp_path, "region-provland-regionstyrelsen-delarsrapport-augusti-2025.txt", GOAL_TABLE)

    by_words = assistant.ask("Hur många delmål har regionstyrelsen under målet om stärkt forskning i år?")
    assert by_words.text.splitlines()[1].startswith("2 delmål: Vi är ledande inom forskning")
    assert "Utveckla regionavtalets struktur och innehåll – Inga data" in by_words.text
    assert "hyrberoendet" not in by_words.text
    by_number = assistant.ask("Vilka delmål finns under Mål 1 och vilken prognos har de?")
    assert "barnrättsperspektiv i verksamheten – Mål kommer delvis uppfyllas" in by_number.text
    assert "vid våld i nära relation – Mål kommer helt uppfyllas" in by_number.text
    assert "forskning" not in by_number.text


def test_a_count_of_all_incidents_does_not_answer_for_one_kind_of_incident(tmp_path):
    """Asked how many needle-stick incidents were reported, the count of all work-environment incidents
    is no answer where the report names 'stickskador' only elsewhere: abstain. Asked of all, it answers."""
    assistant = _assistant_over(tmp_path, "region-provland-arsrapport-2025.txt",
        "Medarbetare\n\nAntal rapporterade arbetsmiljöavvikelser är 9, jämfört med 23 föregående år.\n\n"
        "Arbetsmiljö\n\nRutinerna för att förebygga stickskador har setts över tillsammans med skyddsombuden.\n\n"
        + "".join(f"{topic}\n\n{topic} har under året följt upp sina arbetsmiljöavvikelser och sina mål "
                  f"tillsammans med verksamheterna i regionen.\n\n" for topic in ("Ekonomi", "Digitalisering", "Miljö")))
    assert assistant.ask("Hur många arbetsmiljöavvikelser gällande stickskador rapporterades 2025?").abstained
    assert "är 9" in assistant.ask("Hur många arbetsmiljöavvikelser rapporterades 2025?").text


def test_why_quotes_the_sentence_after_the_change_that_says_what_it_is_made_of(tmp_path):
    """'Det är en blandning av …' right after the change asked about is its cause, with no causal word."""
    assistant = _assistant_over(tmp_path, "region-provland-arsrapport-2025.txt",
        "Nyckeltalsuppföljning\n\nKommentarer\nResor: Något ökade resekostnader i samband med kurser 0,1 mnkr.\n"
        "Antal anställda: Jämfört med december 2024 har antalet anställda ökat med 1.\nDet är en blandning av "
        "en indragen tjänst och förändringar av tillfälliga vakanser.\nRepresentation: Kostnaderna är i nivå "
        "med föregående år.\n\n" + _other_sections("Ekonomi", "Digitalisering", "Miljö"))
    answer = assistant.ask("Hur kommer det sig att förvaltningen har en anställd mer än i december 2024?")
    assert "en blandning av en indragen tjänst" in answer.text


def test_how_many_answered_a_survey_is_not_answered_with_the_surveys_result(tmp_path):
    """The survey's index and the staff count are no count of respondents: abstain. Its index answers."""
    assistant = _assistant_over(tmp_path, "region-provland-arsrapport-2025.txt",
        "Medarbetare\n\nMedarbetarengagemanget mättes med en pulsmätning hösten 2025 och indexet blev 79,8. "
        "Antalet anställda har ökat med 1 jämfört med föregående år.\n\n"
        + _other_sections("Ekonomi", "Digitalisering", "Miljö"))
    assert assistant.ask("Hur många av de anställda svarade på pulsmätningen hösten 2025?").abstained
    assert "79,8" in assistant.ask("Vilket index blev det i pulsmätningen hösten 2025?").text



def test_why_an_indicator_was_not_reached_is_its_comment_in_the_named_report_not_the_plans_line(corpus_assistant):
    """A why-question that names a count's indicator ('antal arbetsprocesser …') asks for reasons, not a
    figure; the report it names (the 2025 årsrapport) answers, not the plan's line with the same words."""
    answer = corpus_assistant.ask("Varför blev indikatorn om antal arbetsprocesser och materialflöden som "
                                  "utvecklas till mer cirkulära inte uppnådd enligt årsrapporten 2025?")
    assert "Ingen sådan process har identifierats" in answer.text
    assert {c.year for c in answer.citations} == {2025} and "Minst 1" not in answer.text


def test_why_quotes_the_sentence_after_a_lone_reason_when_it_goes_on_about_what_was_asked(tmp_path):
    """One causal sentence is seldom the whole answer: the next sentence about the asked topic (here the
    forecast's uncertainty, asked in the same question) comes with it; one about something else does not."""
    assistant = _assistant_over(tmp_path, "region-provland-delarsrapport-augusti-2025.txt",
        "Investeringar\n\nIT: Negativ avvikelse med anledning av stora investeringsbehov inom server och "
        "lagring. Osäkerheten i IT-prognosen gäller det bidragsfinansierade projektet mobilt företagsnät. "
        "Fastighetsinvesteringarna följer planen.\n\n" + _other_sections("Ekonomi", "Medarbetare", "Miljö"))
    answer = assistant.ask("Vad förklarar den negativa avvikelsen för IT-investeringarna, och vilken osäkerhet "
                           "finns i IT-prognosen?")
    assert "server och lagring" in answer.text and "mobilt företagsnät" in answer.text
    assert "Fastighetsinvesteringarna" not in answer.text



def test_rows_with_the_asked_status_are_counted_over_the_whole_goal_table(tmp_path):
    """'Hur många av regionstyrelsens delmål har prognosen Inga data?' counts every goal row with that
    status, not only those the search happened to rank, and not the uppdrag table's rows."""
    assistant = _assistant_over(tmp_path, "region-provland-regionstyrelsen-delarsrapport-augusti-2025.txt", GOAL_TABLE)
    answer = assistant.ask("Hur många av regionstyrelsens delmål har prognosen Inga data 2025?")
    assert answer.text.splitlines()[1].startswith("2 delmål: ")
    assert answer.text.count("– Inga data") == 2 and "hyrberoendet" not in answer.text


PRICES_TABLE = ("Verksamhet Prisförändring i \nprocent \n\nPrisförändring i \nmnkr \n\nVolym-\nförändring i \nmnkr \n\n"
                "Total beräknad \nintäkt i mnkr \n\nControllerservice 5,8 % 0,6 0,1 26 \n\n"
                "Förvaltningsnära HR 0,0 % 0,0 0,6 6 \n\nRegionhälsan 5,8 % 0,8 -0,2 14,8 \n")


def test_what_a_unit_expects_to_bring_in_is_read_off_the_plans_named_columns(tmp_path):
    """'Vad räknar Controllerservice med att dra in 2023?' asks the plan's expectation: the row under
    columns named by words is told whole, each figure with its column and unit; the outcome report's
    figures for another row do not answer."""
    assistant = _assistant_over_reports(tmp_path, {
        "region-provland-forvaltningsplan-2023-2025.txt": "5.2 Intäktsfinansierade verksamheter\n\n" + PRICES_TABLE,
        "region-provland-arsredovisning-2023.txt":
            "Ekonomi\n\nFörsäljningen av tjänster gav 122,4 mnkr 2023, något över budget.\n\n"
            + _other_sections("Medarbetare", "Miljö")})
    answer = assistant.ask("Vad räknar Controllerservice med att dra in i intäkter 2023?")
    assert "Controllerservice, Prisförändring i procent: 5,8%, Prisförändring: 0,6 mnkr, Volymförändring: " \
           "0,1 mnkr, Total beräknad intäkt: 26 mnkr" in answer.text
    assert "122,4" not in answer.text


def test_a_row_without_status_word_tells_how_far_the_work_has_come_from_its_comment(tmp_path):
    """The extraction lost the status icon: of a long comment, the sentence that says the work is
    under way ('Arbetet pågår …') is quoted, with no word of the question in it."""
    comment = " ".join([
        "Centrum för innovation har etablerat ett samarbete med verksamheten Folkhälsa för att stödja deras "
        "hälsofrämjande arbete för både organisation och invånare.",
        "Därutöver har centrumet under året medverkat i hälso- och sjukvårdens arbete med ett projekt som är en "
        "viktig del i omställningsuppdraget och som har presenterats för ledningen vid flera tillfällen.",
        "a) Centrum för HR har under året stöttat förvaltningarna i arbete med minskad sjukfrånvaro bland annat "
        "genom stöd i rehabiliteringsprocessen och en uppdaterad arbetsmiljöhandbok för cheferna.",
        "b) Arbetet pågår i samverkan mellan Centrum för hållbarhet och Centrum för HR."])
    assistant = _assistant_over(tmp_path, "region-provland-arsredovisning-2023.txt",
        "Uppdrag\n\nUppdrag Tidplan Ansvarig Kommentar\n\n"
        f"(7) Bidra till hälsofrämjande insatser som leder till ett förbättrat hälsoläge i länet. 2023 – 2025 "
        f"CIFU {comment}\n\n(8) Ta fram en plan för lokalförsörjningen. 2023 CA Planen är beslutad.\n\n"
        + _other_sections("Ekonomi", "Medarbetare", "Miljö"))
    answer = assistant.ask("Vad är läget för uppdrag 7 om hälsofrämjande insatser 2023?")
    assert "rapporten anger ingen statusmarkering" in answer.text and "Arbetet pågår" in answer.text


def test_why_a_unit_went_plus_is_told_by_the_varav_rows_under_its_results_row(tmp_path):
    """'Vad var det som gjorde att staben gick så mycket plus 2023?': the results table says what the
    figure is made of in its 'Varav' rows, each read under the asked year; the next unit's rows are not."""
    assistant = _assistant_over(tmp_path, "region-provland-arsredovisning-2023.txt",
        "Ekonomi\n\nFörvaltningens resultat blev +22 mnkr.\n\nResultat per enhet\n\nBelopp i mnkr\n\nBokslut\n\n"
        "2022\n\nBokslut\n\n2023\n\nCentrum för ekonomi 0,0 2,8\n\nRegiondirektörens stab 11,1 9,1\n\n"
        "Varav generell regionövergripande reserv 2,9 1,4\n\nVarav regionövergripande utvecklingsmedel 7,2 8,5\n\n"
        "Centrum för HR -0,6 4,1\n\nVarav riktade åtgärder inom personalpolitik 0,2 -0,1\n\n"
        + _other_sections("Medarbetare", "Digitalisering", "Miljö", plan="förvaltningsplanen"))
    answer = assistant.ask("Vad var det som gjorde att regiondirektörens stab gick så mycket plus 2023?")
    assert "Regiondirektörens stab, Bokslut 2023: 9,1 mnkr; varav generell regionövergripande reserv: 1,4 mnkr; " \
           "varav regionövergripande utvecklingsmedel: 8,5 mnkr" in answer.text
    assert "personalpolitik" not in answer.text


def test_a_long_word_the_reports_never_use_does_not_make_a_figure_of_the_right_thing_abstain(tmp_path):
    """'tolkuppdrag' is no word of the report ('Tolkservice … hanterade 4 312 uppdrag'): the figure answers;
    only a specific term the reports do use ('stickskador') must be named by the passage quoted."""
    assistant = _assistant_over(tmp_path, "region-testland-tolkservice-2026.md",
        "# Årsrapport 2026\n\nTolkservice i Region Testland hanterade 4 312 uppdrag under 2026, en ökning med "
        "12 procent jämfört med året innan.\n")
    assert "4 312" in assistant.ask("Hur många tolkuppdrag hanterades 2026?").text


def test_a_count_of_hours_beside_the_asked_noun_does_not_answer_how_many_of_it(tmp_path):
    """'Hur många ärenden …' where the sentence naming the ärenden counts hours ('500-1 000 timmar') and
    gives their growth in percent: the count asked for is not there. Asked for the hours, they answer."""
    assistant = _assistant_over(tmp_path, "region-provland-arsredovisning-2024.txt",
        "Årsredovisning 2024 Regionkontoret\n\n4 Effektiviseringar\n\nProcesseffektiviseringar på Regionarkivet "
        "2024 Arkivchef 500-1 000 timmar Den ökade ärendemängden (cirka 15 %) har klarats av med bibehållet antal "
        "arbetade timmar.\n\n" + _other_sections("Lokaler", "Miljö", "Kompetensförsörjning"))

    assert assistant.ask("Hur många ärenden tog Regionarkivet emot under 2024?").abstained
    hours = assistant.ask("Hur många timmar sparade effektiviseringarna på Regionarkivet 2024?")
    assert "1 000 timmar" in hours.text and not hours.abstained


def test_the_outcome_asked_of_one_unit_is_not_answered_by_its_assignments_status(corpus_assistant):
    """'Vilket utfall fick Centrum för kommunikation i kundenkäten?' asks for a figure: the 2025 report
    measures the survey for Centrum för HR only, and gives Centrum för kommunikation's assignment a
    status. A status is no outcome of the survey; asked of Centrum för HR, its row answers."""
    assert corpus_assistant.ask("Vilket utfall fick Centrum för kommunikation i kundenkäten 2025?").abstained
    hr = corpus_assistant.ask("Vad blev utfallet för kundenkäten CHR 2025?")
    assert "74,6 %" in hr.text and not hr.abstained


def test_a_status_compared_across_regions_is_the_row_about_the_asked_subject(corpus_assistant):
    """'Hur ligger regionkontoret i Västmanland och regionstyrelsen i Västerbotten till med att få bort
    farliga kemikalier?' asks a status however many words name the two, and 'få bort' says nothing of the
    subject: Västmanland's line is the chemicals row (Delvis genomfört), not a sentence where something
    else 'togs bort', nor another assignment whose wording reads like the question."""
    answer = corpus_assistant.ask("Hur ligger regionkontoret i Västmanland och regionstyrelsen i Västerbotten till "
                                  "med att få bort farliga kemikalier 2025?")
    line = next(l for l in answer.text.splitlines() if "Regionkontoret)" in l)
    assert "Delvis genomfört" in line and "kemikalie" in line.casefold()
    assert "tandvård" not in answer.text and "RF8" not in answer.text
    # 'Jobbar X och Y med att …' asks what each does about it, not the hours worked: Västerbotten's line is
    # its row about hazardous substances, not another goal whose analysis says 'Arbetet har påbörjats'.
    doing = corpus_assistant.ask("Jobbar Västmanlands regionkontor och Västerbottens regionstyrelse med att få bort "
                                 "farliga kemikalier, och hur ligger de till 2025?")
    line = next(l for l in doing.text.splitlines() if "Regionstyrelsen)" in l)
    assert "farliga ämnen" in line and "Inga data" in line


def test_an_answer_says_the_same_line_once(corpus_assistant):
    """A goal's name stands above its analysis and again in the goal table: quoted once, not twice."""
    answer = corpus_assistant.ask("Vilka indikatorer följs upp under delmålet Regionens totala förmågeutveckling "
                                  "stärks och en förflyttning sker av den egna verksamhetens förmåga till civil beredskap?")
    lines = [re.sub(r" \[\d+\]$", "", l) for l in answer.text.splitlines()[1:]]
    assert lines and len(lines) == len(set(lines))


_GOAL_FOLLOW_UPS = (
    "Delårsrapport augusti 2025 Regionstyrelsen\n\nSammanfattning\n\nRegionmål Delmål Prognos\n\n"
    "Mål 2. Goda levnadsvillkor\n\nRegionens förmåga till civil beredskap\nstärks i alla verksamheter\n\n"
    " Mål kommer delvis uppfyllas\n\nRegionen minskar användningen av engångsplast  Inga data\n\n"
    "Uppföljning av regionmål\n\nMål 2. Goda levnadsvillkor\n\n"
    "Regionens förmåga till civil beredskap stärks i alla verksamheter\n\n\n\nAnalys\n\n"
    "Kontinuitetshanteringen fortskrider inte som önskat, eftersom en omorganisation skapade otydlighet om vem "
    "som ansvarar.\n\n  Indikatorer\n\n\nAntal samhällsviktiga verksamheter som\nhar tagit fram kontinuitetsplaner\n\n\n\n"
    "Antal medarbetare som gått\nintroduktionsutbildning i civil beredskap\n\n\n"
    "Regionen minskar användningen av engångsplast\n\n\n\nAnalys\n\nInväntar uppföljning av aktiviteter, vilket "
    "görs årsvis.\n\n  Indikatorer\n\nMängd inköpt engångsplast i ton\n\n"
)


def test_a_goals_indicators_are_listed_and_its_follow_up_is_answered_whole(tmp_path):
    """A goal follow-up as goal-management systems print it (goal, 'Analys', 'Indikatorer' and their
    names): asked which indicators a goal has, they are the answer, one per line; asked how a goal goes,
    its status, the analysis and its indicators, each cited where it stands; asked about one indicator,
    the status of the goal it belongs to."""
    assistant = _assistant_over(tmp_path, "region-provland-delarsrapport-augusti-2025.txt",
                                _GOAL_FOLLOW_UPS + _other_sections("Ekonomi", "Personal", "Lokaler"))

    listed = assistant.ask("Vilka indikatorer hör till delmålet om civil beredskap?")
    assert "Antal samhällsviktiga verksamheter som har tagit fram kontinuitetsplaner" in listed.text
    assert "introduktionsutbildning i civil beredskap" in listed.text and "Kontinuitetshanteringen" not in listed.text

    goal = assistant.ask("Hur går det med delmålet att regionen ska minska engångsplasten?")
    assert "Inga data" in goal.text and "Inväntar uppföljning" in goal.text
    # (the indicators end where the report's next section begins)
    n = int(re.search(r"Indikatorer: Mängd inköpt engångsplast i ton\. \[(\d+)\]", goal.text).group(1))
    assert "Mängd inköpt engångsplast" in goal.citations[n - 1].text

    one = assistant.ask("Hur långt har regionen kommit med indikatorn antal verksamheter med kontinuitetsplaner?")
    assert "delvis uppfyllas" in one.text and not one.abstained


def test_why_brings_the_reasons_given_part_by_part_after_the_wholes(tmp_path):
    """'Prognosavvikelsen beror på tidsförskjutningar.' then 'MT Negativ avvikelse med anledning av …' and
    'IT Negativ avvikelse med anledning av …': each part's reason is one of the reasons asked for."""
    assistant = _assistant_over(tmp_path, "region-provland-delarsrapport-augusti-2025.txt",
        "Delårsrapport augusti 2025\n\n5 Investeringar\n\nPrognosen för investeringarna uppgår till 1 037 miljoner "
        "kronor, en negativ avvikelse med 45 miljoner kronor mot årsbudget. Prognosavvikelsen beror på "
        "tidsförskjutningar från 2024.\n\nMT\nNegativ avvikelse med anledning av förskjutningar från tidigare år.\n\n"
        "IT\nNegativ avvikelse med anledning av stora investeringsbehov inom området server/lagring.\n\n"
        + _other_sections("Lokaler", "Miljö", "Kompetensförsörjning"))
    answer = assistant.ask("Varför blir investeringarna dyrare än budgeterat 2025?")
    assert "tidsförskjutningar från 2024" in answer.text
    assert "förskjutningar från tidigare år" in answer.text and "server/lagring" in answer.text


def test_a_plans_page_header_is_never_quoted_for_a_question_that_names_the_plan(tmp_path):
    """A document system's page header ('PLAN 8 (14)', 'Gäller fr.o.m. Dok.nummer-Utgåva', the date, the
    plan's title) reads like a question that names the plan; it states nothing and is not quoted."""
    assistant = _assistant_over(tmp_path, "region-provland-forvaltningsplan-2024-2026.txt",
        "Förvaltningsplan 2024–2026\n\n4 Lokaler\n\nFörvaltningen ska minska sin lokalyta med 5 procent till 2026 "
        "genom att samla verksamheterna i regionhuset.\n\nPLAN 8 (14)\n\nGäller fr.o.m. Dok.nummer-Utgåva\n\n"
        "  2024-01-31\n\nFörvaltningsplan 2024-2026 Provland\n\nUtfärdad av: Anna Berg  Kontrollera aktuell version "
        "mot original i dokumenthanteringssystemet\n\nGodkänd av:\n\nEnergianvändningen ska minska med 2 procent per "
        "år.\n\n" + _other_sections("Medarbetare", "Ekonomi"))
    answer = assistant.ask("Vad ska hända med lokalerna enligt förvaltningsplanen?")
    assert "5 procent" in answer.text
    assert not any(header in answer.text for header in ("PLAN 8", "Gäller fr.o.m.", "Förvaltningsplan 2024-2026 Provland"))


def test_which_rows_fell_since_the_year_before_is_read_off_the_tables_two_year_columns(tmp_path):
    """'Vilka … hade lägre lönekostnader 2024 än 2023?' and '… lägre sjukfrånvaro 2024 jämfört med året
    innan?': the rows of the table about it that went down, each with both years' figures; a cost written
    as negative is lower nearer zero; the sums and the next table's rows are left out."""
    assistant = _assistant_over(tmp_path, "region-provland-arsredovisning-2024.txt",
        "Årsredovisning 2024\n\n6 Bilagor\n\nSjukfrånvaro % (ack)\n\nFöregående år Innevarande år\n\n"
        "Total sjukfrånvaro  3,9  3,6\n\nMän  2,0  2,4\n\nKvinnor  4,4  3,8\n\n"
        "Antal arbetsskador (ack)\n\nFöregående år Innevarande år\n\nAntal arbetsskador  6  5\n\n"
        "Lönekostnader Helår\n\nBelopp i tkr Bokslut 2023 Budget 2024 Bokslut 2024 Förändring i %\n"
        "10 Sjuksköterskor m fl -12 574 -2 729 -15 474 23,1%\n11 Undersköterskor, skötare m fl -2 159 0 -1 535 -28,9%\n"
        "30 Läkare -7 839 -9 716 -7 816 -0,3%\nSumma lönekostnader: -22 572 -12 445 -24 825 10,0%\n\n"
        + _other_sections("Lokaler", "Miljö"))
    pay = assistant.ask("Vilka personalkategorier hade lägre lönekostnader 2024 än 2023?").text
    assert "Undersköterskor" in pay and "Läkare" in pay and "Sjuksköterskor" not in pay and "Summa" not in pay
    assert "-2 159" in pay and "-1 535" in pay
    sick = assistant.ask("Vilka grupper fick lägre sjukfrånvaro 2024 jämfört med året innan?").text
    assert "Kvinnor" in sick and "4,4" in sick and "3,8" in sick
    assert not any(other in sick for other in ("Män", "Total sjukfrånvaro", "arbetsskador"))


def test_an_indicator_named_alike_in_a_plan_and_an_outcome_report_is_quoted_from_the_report_asked(corpus_assistant):
    """The plan 2023–2025 and the annual report 2023 name the information-security indicator in the same
    words; asked what it was when the plan was written, the plan's row (target ≥90 %, then 30 %) answers,
    not the annual report's copy of the name with its own figures after it."""
    answer = corpus_assistant.ask("När förvaltningsplanen skrevs, hur långt från målvärdet låg vi för "
                                  "e-utbildningen i informationssäkerhet?")
    assert "≥90%" in answer.text and "30% (2021)" in answer.text and "Ca: 30% 50%" not in answer.text
    assert {c.doc_id for c in answer.citations} == {"vastmanland-regionkontoret-forvaltningsplan-2023-2025"}


def test_a_plans_target_for_an_indicator_comes_with_the_level_it_starts_from(tmp_path):
    """Asked a plan's target for a year, its indicator row answers with the target and the current level
    the plan states ('Nuläge'), which is of the year before."""
    assistant = _assistant_over(tmp_path, "region-provland-forvaltningsplan-2024-2026.txt",
        "Förvaltningsplan 2024–2026\n\nMål och indikatorer\n\nMål Indikator Målvärde 2024 Nuläge 2023 Redovisas\n\n"
        "Stolta och engagerade medarbetare\n\nSjukfrånvaro 3,5% 4,1% M, D, Å\n\nPrestationsnivå 74% 72% Å\n\n"
        + _other_sections("Lokaler", "Miljö", "Ekonomi"))
    answer = assistant.ask("Vilket målvärde har förvaltningsplanen för sjukfrånvaron 2024, och var ligger den nu?")
    assert "Målvärde 2024: 3,5%" in answer.text and "Nuläge 2023: 4,1%" in answer.text


def test_how_large_a_part_of_a_whole_is_answered_only_where_the_part_is_named(tmp_path):
    """'Hur stor del av sjukfrånvaron var långtidssjukskrivningar?' is not answered by the whole's figure;
    'hur stor del av det var pensioner?' is answered by '… varav pensionskostnader 3,0 %', a compound the
    part heads."""
    assistant = _assistant_over(tmp_path, "region-provland-arsredovisning-2024.txt",
        "Årsredovisning 2024\n\n5 Medarbetare\n\nSjukfrånvaron var 3,8 % under 2024, något högre än året innan.\n\n"
        "6 Ekonomi\n\n• Personalkostnaderna har ökat 3,7 %, varav pensionskostnader 3,0 %.\n\n"
        + _other_sections("Lokaler", "Miljö", "Kompetensförsörjning"))
    assert assistant.ask("Hur stor del av sjukfrånvaron 2024 var långtidssjukskrivningar?").abstained
    pensions = assistant.ask("Hur mycket steg personalkostnaderna 2024, och hur stor del av det var pensioner?")
    assert "3,0 %" in pensions.text and not pensions.abstained


def test_a_word_the_report_writes_only_inside_compounds_still_finds_its_sentence(tmp_path):
    """Of the sentences on what moved the result, the one whose 'pensionskostnaderna' holds the
    question's 'pensionerna' answers, not the one that merely shares 'resultatet' with the question."""
    assistant = _assistant_over(tmp_path, "region-provland-arsrapport-2025.txt",
        "Årsrapport 2025\n\nEkonomi\n\nHögre kostnader för IT-stöd och licenser försämrade resultatet med "
        "4 miljoner kronor. De lägre pensionskostnaderna förbättrade resultatet med 9 miljoner kronor, "
        "eftersom pensionsavgiften sänktes.\n\nMedarbetare\n\nUnder året gick tre medarbetare i pension och "
        "ersattes genom interna rekryteringar.\n\n" + _other_sections("Miljö", "Digitalisering"))
    answer = assistant.ask("Hur mycket påverkade pensionerna resultatet 2025?")
    assert not answer.abstained
    assert "9 miljoner" in answer.text.split("[1]")[0]


def test_a_comparison_says_which_report_holds_nothing_on_what_was_asked(tmp_path):
    """Compared across two years, the report that never mentions the subject gets a line saying so,
    instead of being left out as if the one report's line answered for both years."""
    assistant = _annual_reports(tmp_path, {
        2024: "Årsredovisning 2024\n\nEkonomi\n\nResultatet blev ett överskott på 5 miljoner kronor tack vare "
              "lägre kostnader för lokaler.\n\n",
        2025: "Årsredovisning 2025\n\nEkonomi\n\nPensionsavgiften sänktes från 25,59 procent till 12,52 procent, "
              "vilket gav lägre pensionskostnader.\n\n",
    }, others=("Medarbetare", "Miljö"))
    answer = assistant.ask("Jämför pensionsavgiften 2024 och 2025.")
    assert not answer.abstained
    lines = answer.text.splitlines()
    assert any("12,52" in l and "2025" in l for l in lines)
    silent = [l for l in lines if "Årsredovisning 2024" in l]
    assert silent and silent[0].endswith("Det framgår inte av rapporten.")
    assert all(c.year == 2025 for c in answer.citations)


def test_a_figure_the_report_gives_for_the_year_before_its_own_answers_for_that_year(tmp_path):
    """The 2025 report's '35, jämfört med 42 föregående år' states 2024's count; its 'en ökning med 146
    miljoner kronor jämfört med föregående år' is a change, and gives no 2024 figure for net costs."""
    assistant = _assistant_over(tmp_path, "region-provland-arsrapport-2025.txt",
        "Årsrapport 2025\n\nMedarbetare\n\nSjukfrånvaron har ökat något jämfört med 2024. "
        "Antal rehabiliteringsärenden är 35, jämfört med 42 föregående år, "
        "varav 26 är avslutade.\n\nEkonomi\n\nNettokostnaderna uppgår till 2 661 miljoner kronor, en ökning med "
        "146 miljoner kronor jämfört med föregående år.\n\n" + _other_sections("Miljö", "Digitalisering"))
    answer = assistant.ask("Hur många rehabiliteringsärenden hade regionen 2024?")
    assert not answer.abstained and "42 föregående år" in answer.text
    assert assistant.ask("Hur stora var nettokostnaderna 2024?").abstained


def test_an_indicators_trend_comes_with_the_outcome_of_the_year_before_it_is_judged_against(tmp_path):
    """'Hur gick det 2023 med …?' of a goal table's indicator: the 2023 outcome, its trend, and the 2022
    outcome that trend compares it with."""
    assistant = _assistant_over(tmp_path, "region-provland-arsredovisning-2023.txt",
        "Årsredovisning 2023\n\nMål och indikatorer\n\nMål Indikator\nUtfall \n2022\n\nMål \n2023\n\nUtfall \n2023\n\n"
        "Status Trend\n\nFörvaltningens verksamhet ska bedrivas med god hushållning.\n\n"
        "Hållbarhet: Halverad koldioxidintensitet i \nkapitalförvaltningen.\n\n10,6 - 7,6 Positiv\n\n"
        "Sjukfrånvaro 3,5 % 3,0 % 3,6 % Negativ\n\n" + _other_sections("Medarbetare", "Ekonomi"))
    answer = assistant.ask("Hur gick det 2023 med att halvera koldioxidintensiteten i kapitalförvaltningen?")
    line = answer.text.split("[1]")[0]
    assert "Utfall 2023: 7,6" in line and "Utfall 2022: 10,6" in line and "Positiv" in line


def test_how_a_question_is_put_does_not_weigh_as_what_it_asks_about(corpus_assistant):
    """'Vilket resultat siktar regionkontoret på …' asks for the target result: 'siktar' is how the
    question is put. The reports write 'sikt' only in 'på sikt', so as a concept it would be the
    question's rarest word and leave the plan's target line too little support to be quoted."""
    answer = corpus_assistant.ask("Vilket ekonomiskt resultat siktar regionkontoret på 2023 enligt förvaltningsplanen?")
    assert not answer.abstained
    assert "0 mkr" in answer.text.split("[1]")[0]
    assert all(c.doc_id.endswith("forvaltningsplan-2023-2025") for c in answer.citations[:1])


def test_whether_the_budget_held_is_answered_with_the_result_against_it(corpus_assistant):
    """'Höll regionkontoret budgeten 2023?' and 'Hur gick det med budgeten …?' ask for the year's result
    against the budget. 'budgeten' is the figure planned, not a report of the kind 'budget', so the
    question keeps its subject and gets the result rather than 'Det framgår inte …'."""
    held = corpus_assistant.ask("Höll regionkontoret budgeten 2023?")
    assert not held.abstained and "22 mnkr" in held.text.split("[1]")[0]
    assert held.citations[0].doc_id.endswith("arsredovisning-2023")
    went = corpus_assistant.ask("Hur gick det med budgeten för regionkontoret 2025?")
    assert not went.abstained and "+34 mnkr" in went.text.split("[1]")[0]


def test_how_many_work_somewhere_is_a_count_of_staff_not_of_hours(corpus_assistant):
    """'Hur många jobbade på regionkontoret 2023?' counts the people working, which the report gives
    as årsarbetare; the hours worked in its staff table are no answer, and a report that gives no
    count of its staff ('antalet anställda … har ökat med 10 personer' is a change) gives none."""
    answer = corpus_assistant.ask("Hur många jobbade på regionkontoret 2023?")
    assert not answer.abstained and "275" in answer.text.split("[1]")[0]
    assert corpus_assistant.ask("Hur många jobbar i regionstyrelsens förvaltning i Västerbotten?").abstained


def test_a_figure_is_not_led_by_table_cells_read_before_their_column_heads(corpus_assistant):
    """The 2020 report's result table came out of the PDF as one run with its column heads after the
    cells ('År: 2020 Resultat: 32 253 0 28 409 40 161 40 162 Helår Belopp i tkr Bokslut 2019 Budget 2020
    …'): no reader can tell which figure is which. The sentence that states the result answers first."""
    answer = corpus_assistant.ask("Hur mycket gick Regionkontoret i Västmanland plus år 2020?")
    first = answer.text.split("[1]")[0]
    assert "+40,2 mkr" in first and "32 253" not in first


def test_an_indicator_named_in_an_answer_comes_with_its_values(corpus_assistant):
    """Where the best match for a question is a plan's indicator name alone ('… Antal samråd avseende
    nationella minoriteter per år'), the answer quotes the row's values with it: a name says nothing
    of the target or of where it stands."""
    answer = corpus_assistant.ask("Vad är planens mål för antalet samråd med nationella minoriteter?")
    first = answer.text.split("[1]")[0]
    assert "nationella minoriteter" in first and "Målvärde 2023: Minst 2" in first and "Nuläge 2022: 1" in first


def test_what_has_been_done_in_a_year_is_told_by_that_years_report_not_by_the_plan(tmp_path):
    """'Vad har HR gjort …', 'har det genomförts': the perfect tense asks what happened, which the
    year's annual report tells, though the plan covering that year words the aim more like the
    question. What a unit has been given ('har … fått') is still the plan's."""
    assistant = _assistant_over_reports(tmp_path, {
        "region-provland-forvaltningsplan-2024-2026.txt":
            "Förvaltningsplan 2024–2026\n\nUppdrag\n\nCentrum för HR ska under 2024 göra insatser för att minska "
            "sjukskrivningarna i förvaltningarna.\n\nRam\n\n"
            "Centrum för HR får ett tillskott på 1,5 mnkr för rehabiliteringsstöd 2024.\n\n"
            + _other_sections("Lokaler", "Miljö"),
        "region-provland-arsredovisning-2024.txt":
            "Årsredovisning 2024\n\nSjukfrånvaro\n\nCentrum för HR har under 2024 stöttat förvaltningarna med "
            "rehabiliteringsprocessen och en ny arbetsmiljöhandbok, så att färre blir sjukskrivna.\n\n"
            + _other_sections("Lokaler", "Miljö", "Ekonomi")})
    answer = assistant.ask("Vad har HR gjort för att minska sjukskrivningarna 2024?")
    assert "stöttat förvaltningarna" in answer.text
    assert {c.doc_id for c in answer.citations} == {"region-provland-arsredovisning-2024"}
    given = assistant.ask("Hur mycket har HR fått för rehabiliteringsstöd 2024?")
    assert "1,5 mnkr" in given.text


def test_a_question_that_names_the_plan_is_answered_from_the_plan(tmp_path):
    """'… enligt förvaltningsplanen': the plan's own line answers, though the annual report of the same
    year has a sentence with more of the question's words."""
    assistant = _assistant_over_reports(tmp_path, {
        "region-provland-forvaltningsplan-2024-2026.txt":
            "Förvaltningsplan 2024–2026\n\nInvesteringar\n\nReinvestering 2024 i utrustning för simulering vid utbildning. "
            "Orsak: haveririsk. Förväntad effekt: driftsäkerhet.\n\n" + _other_sections("Lokaler", "Miljö"),
        "region-provland-arsredovisning-2024.txt":
            "Årsredovisning 2024\n\nInvesteringar\n\nSimulatorutrustningen som skulle bytas ut 2024 används vid "
            "simuleringsträning för vårdpersonal.\n\n" + _other_sections("Lokaler", "Miljö", "Ekonomi")})
    answer = assistant.ask("Varför ska simulatorutrustningen bytas ut 2024 enligt förvaltningsplanen?")
    assert "haveririsk" in answer.text
    assert {c.doc_id for c in answer.citations} == {"region-provland-forvaltningsplan-2024-2026"}


def test_two_regions_asked_each_of_its_own_year_are_answered_from_those_two_reports(tmp_path):
    """'… Region Halland 2023, och … Region Dalarna 2025?' asks Halland's 2023 report and Dalarna's 2025
    one; Halland's 2025 and Dalarna's 2023 reports, which also speak of the subjects, are not quoted."""
    def report(region: str, year: int, text: str) -> str:
        return f"Årsredovisning {year}, Region {region}\n\nVerksamheten\n\n{text}\n\n" + _other_sections("Lokaler", "Ekonomi")

    assistant = _assistant_over_reports(tmp_path, {
        "region-halland-arsredovisning-2023.txt": report("Halland", 2023, "Flytten av arkivet till nya lokaler kostade 4,2 mnkr under 2023."),
        "region-halland-arsredovisning-2025.txt": report("Halland", 2025, "Efter flytten av arkivet har kostnaderna för lokaler minskat med 0,7 mnkr."),
        "region-dalarna-arsredovisning-2023.txt": report("Dalarna", 2023, "Upphandlingen av nya ambulanser förbereddes under 2023."),
        "region-dalarna-arsredovisning-2025.txt": report("Dalarna", 2025, "Upphandlingen av nya ambulanser avslutades och avtal tecknades i mars 2025."),
    })
    answer = assistant.ask("Vad kostade flytten av arkivet i Region Halland 2023, och hur gick upphandlingen av ambulanser "
                           "i Region Dalarna 2025?")
    assert "4,2 mnkr" in answer.text and "avtal tecknades" in answer.text
    assert {c.doc_id for c in answer.citations} == {"region-halland-arsredovisning-2023", "region-dalarna-arsredovisning-2025"}


def test_a_goals_prognosis_asked_in_one_part_of_a_comparison_is_its_status(corpus_assistant):
    """'…, och vilken prognos har regionstyrelsens delmål om … i Region Västerbotten 2025?': asked alone,
    that part is answered by the goal's status row; inside a comparison it was read as a figure asked
    for, found none, and said the report holds nothing."""
    answer = corpus_assistant.ask("Vad gjorde Regionkontoret i Västmanland för hälsofrämjande arbete 2023, och "
                                  "vilken prognos har regionstyrelsens delmål om hälsofrämjande insatser i "
                                  "Region Västerbotten 2025?")
    line = next(x for x in answer.text.splitlines() if x.startswith("2025 (Delårsrapport augusti 2025"))
    assert "status Inga data" in line


def test_a_definite_form_no_report_writes_still_finds_the_passage(corpus_assistant):
    """'centrallagret' appears in no report, which writes 'centrallager'; the stemmer does not fold the
    one onto the other, so without reading the definite form as the word the reports use the question
    finds nothing and abstains."""
    answer = corpus_assistant.ask("Vad har regionstyrelsen i Västerbotten gjort med centrallagret under 2025?")
    assert not answer.abstained and "centrallager i egen regi" in answer.text
    assert answer.citations[0].doc_id == "vasterbotten-regionstyrelsen-delarsrapport-augusti-2025"


def test_a_short_line_is_found_by_the_heading_it_stands_under(corpus_assistant):
    """'• Inköpsnämnden 2,2 mnkr' under 'Beslutade ersättningar ur regionstyrelsens anslag' says by itself
    only a name and an amount; its vector is computed with its section heading, so a question about money
    from the board's appropriation finds it, instead of a longer sentence about another grant."""
    answer = corpus_assistant.ask("Hur mycket pengar går till inköpsnämnden från regionstyrelsens anslag enligt "
                                  "förvaltningsplanen?")
    assert "Inköpsnämnden 2,2 mnkr" in answer.text.split("[1]")[0]
    answer = corpus_assistant.ask("Vilket belopp budgeterar förvaltningsplanen för brandskyddsåtgärder ur "
                                  "regionstyrelsens anslag?")
    assert "Brandskyddsåtgärder 2,0 mnkr" in answer.text.split("[1]")[0]


def test_a_list_asked_of_a_sentence_comes_with_the_examples_that_follow_it(tmp_path):
    """'… genom digitalisering. Som exempel på digitalisering kan nämnas …': asked which solutions were
    introduced, the examples are the answer, not only the sentence that announces them."""
    assistant = _annual_reports(tmp_path, {2024: (
        "Årsredovisning 2024\n\nPersonal\n\nCentrum för HR har fått ett utökat uppdrag efter omorganisationen. "
        "Centrum för HR samordnar arbetet med kompetensmodeller för hela regionen. Centrum för HR har genomfört "
        "utvecklingsinsatser genom digitalisering. Som exempel kan nämnas en app för semesteransökan och "
        "signering av anställningsavtal med e-legitimation. Sjukfrånvaron har minskat jämfört med föregående år.\n\n")})
    answer = assistant.ask("Vilka digitala lösningar införde HR-centrumet 2024?")
    assert "semesteransökan" in answer.text and "e-legitimation" in answer.text


def test_a_short_reason_goes_on_with_the_next_sentence_about_the_same_thing(tmp_path):
    """'Detta beror på att en vakant tjänst … ersattes' is one of two reasons; the next sentence, about the
    same hired staff, gives the other. A short answer has room for it; the unrelated sentence after
    it (sick leave) stays out."""
    assistant = _annual_reports(tmp_path, {2024: (
        "Årsredovisning 2024\n\nPersonal\n\nKostnaderna för inhyrd personal ökade med 0,8 mnkr. Detta beror "
        "på att en vakant tjänst som arbetsmiljöingenjör ersattes med inhyrd personal. Inhyrd personal ersatte "
        "även en deltidsforskande psykolog hos Regionhälsan. Sjukfrånvaron har minskat jämfört med föregående "
        "år.\n\n")})
    answer = assistant.ask("Varför ökade kostnaderna för inhyrd personal 2024?")
    assert "arbetsmiljöingenjör" in answer.text and "psykolog" in answer.text
    assert "Sjukfrånvaron" not in answer.text


def test_a_target_value_standing_as_a_loose_cell_after_its_indicator_answers(corpus_assistant):
    """The plan's goal table gives 'Halverad koldioxidintensitet …' on one line and its target '11,4?' as a
    cell of its own. Asked for the target, the cell is quoted after the name, and the check that a
    value stands in what is quoted must read it as part of the name's line, not abstain."""
    answer = corpus_assistant.ask("Vilket målvärde för 2023 sätter förvaltningsplanen för indikatorn om halverad "
                                  "koldioxidintensitet i regionens kapitalförvaltning?")
    assert not answer.abstained and "11,4" in answer.text


def test_how_many_things_are_asked_for_is_not_what_they_are_about(corpus_assistant):
    """'Vilka tre poster …' asks for three items: 'tre' says how many, not what they are about. Weighed as
    a word the answer must contain (rare in the reports, so heavily), it pulled the answer to a sentence
    about another grant in another report."""
    answer = corpus_assistant.ask("Vilka tre poster får regionkontoret mest pengar till ur RS anslag 2023?")
    assert "Omställning och kompetensutveckling 25 mnkr" in answer.text
    assert answer.citations[0].doc_id == "vastmanland-regionkontoret-forvaltningsplan-2023-2025"


def test_whether_a_goal_was_met_is_the_indicator_rows_own_one_word_assessment(tmp_path):
    """'Klarade vi målet att …?' asks how the goal went: the answer is the indicator's row read by column,
    with its assessment 'Negativt', even in a table where no row has a status phrase and the row before
    it has no assessment at all."""
    assistant = _annual_reports(tmp_path, {2025: (
        "Årsredovisning 2025\n\nFörvaltningens mål och indikatorer\n\n"
        "Indikator Utfall 2024 Mål 2025 Utfall 2025 Måluppfyllelse Kommentarer\n\n"
        "Andel fakturor som skannas (i\nantal)\n\n"
        "Nytt fr 2024 Öka - - Går ej att mäta än men återkommer i delårsrapporten.\n\n"
        "Energiförbrukning i egna\nlokaler minskar\n\n"
        "812 Minska 790 för\nkontorslokaler\n\n803 (jämförelse\nutfall 2024)\n\n"
        "Negativt Förtydligande: mätningen omfattar även\nlager och garage.\n\n"
        "2025: året visar lägre förbrukning i kontoren.\n\n")})
    answer = assistant.ask("Klarade vi målet att minska energiförbrukningen i lokalerna 2025?")
    assert not answer.abstained
    assert "Negativt" in answer.text and "fakturor" not in answer.text


def test_a_units_result_asked_by_its_abbreviation_is_its_row_not_the_organisations_indicator(tmp_path):
    """'Hur stort överskott hade CIFU 2023?': the results table writes the unit's whole name, the question its
    abbreviation; the unit's row answers, not the whole organisation's 'Ekonomiskt resultat' indicator."""
    assistant = _assistant_over(tmp_path, "provland-regionkontoret-arsredovisning-2023.txt",
        "Årsredovisning 2023\n\nMål\n\nIndikator Utfall 2022 Mål 2023 Utfall 2023 Trend\n\n"
        "Verksamheten ska bedrivas inom given ram\n\nEkonomiskt resultat 19 mnkr 0 mnkr 22 mnkr Positiv\n\n"
        "Forskning\n\nCentrum för innovation, forskning och utbildning samordnar regionens forskning. "
        "CIFU har under året startat två nya forskarskolor.\n\n"
        "4 Ekonomi\n\nResultatet per centrum framgår av tabellen.\n"
        "Resultat, mnkr\nBelopp i mnkr\nBokslut\n2022\nBokslut\n2023\n\n"
        "Centrum för service 2,4 -3,9\n\nCentrum för innovation, forskning och utbildning 9,4 8,5\n\n"
        "Centrum för kommunikation 0,3 -0,1\n\nSumma förvaltningen 19,4 22,0\n\n"
        + _other_sections("Medarbetare", "Miljö"))

    answer = assistant.ask("Hur stort överskott hade CIFU 2023?")
    assert "Centrum för innovation, forskning och utbildning, Bokslut 2023: 8,5" in answer.text
    assert "22 mnkr" not in answer.text



def test_a_units_row_in_a_passage_that_starts_inside_its_table_outranks_the_tables_total(corpus_assistant):
    """The 2023 results table by budget unit runs over two passages; the second starts among its rows and
    a footnote ('*Bokslut 2022 är inklusive …') looks like the next heading row. Those rows name no table,
    so the total row ('Summa förvaltningen') does not win on the unit's name written in them."""
    staff = corpus_assistant.ask("Vilket resultat redovisas för budgetenheten Regiondirektörens stab i bokslut 2022?")
    assert "Regiondirektörens stab, Bokslut 2022: 11,1" in staff.text and "Summa förvaltningen" not in staff.text
    communication = corpus_assistant.ask(
        "Vilket resultat hade budgetenheten Centrum för kommunikation i bokslutet 2021?")
    assert "Centrum för kommunikation, Bokslut 2021: 1,3" in communication.text


def test_a_development_from_one_year_to_another_spans_the_reports_between_them(tmp_path):
    """'Hur har sjukfrånvaron utvecklats från 2020 till 2023?': one line per report from 2020 to 2023, not
    the 2025 report after them; to 2025, that report too, and not another region's."""
    def annual(year: int, level: str) -> str:
        return (f"Årsredovisning {year}\n\nMedarbetare\n\nSjukfrånvaron uppgick till {level} procent under {year}. "
                f"Arbetet med friskfaktorer har fortsatt.\n\n" + _other_sections("Lokaler", "Ekonomi"))
    assistant = _assistant_over_reports(tmp_path, {
        "region-provland-arsredovisning-2020.txt": annual(2020, "4,1"),
        "region-provland-arsredovisning-2023.txt": annual(2023, "3,6"),
        "region-provland-arsredovisning-2025.txt": annual(2025, "3,2"),
        "region-sjoland-delarsrapport-2025.txt": (
            "Delårsrapport 2025\n\nSjukfrånvaro\n\nSjukfrånvaron har utvecklats positivt och sjukfrånvaron "
            "minskar; sjukfrånvaron ligger på 5,9 procent. Sjukfrånvaron följs upp varje månad.\n\n"
            + _other_sections("Lokaler", "Ekonomi"))})

    until_2023 = assistant.ask("Hur har sjukfrånvaron utvecklats från 2020 till 2023?").text
    assert "4,1" in until_2023 and "3,6" in until_2023 and "3,2" not in until_2023
    until_2025 = assistant.ask("Hur har sjukfrånvaron utvecklats från 2020 till 2025?").text
    assert "4,1" in until_2025 and "3,2" in until_2025 and "5,9" not in until_2025


def test_a_development_since_a_year_follows_the_region_whose_reports_span_the_years(corpus_assistant):
    """'Hur har sjukfrånvaron utvecklats från 2020 till 2025?': Västerbotten's August report says the most
    about sick leave but holds 2025 alone; Västmanland's reports hold 2020 to 2025, so they answer."""
    answer = corpus_assistant.ask("Hur har sjukfrånvaron utvecklats från 2020 till 2025?")
    cited = {(c.organisation, c.year) for c in answer.citations}
    assert ("Region Västmanland", 2020) in cited and ("Region Västmanland", 2025) in cited


def test_why_the_result_beat_its_budget_is_the_reports_item_by_item_analysis(tmp_path):
    """A result analysis box ('Årets resultat jämfört med budget' over lines of an item and its amount)
    gives the reasons without a causal word; the next box (against last year) and a sentence that only
    states the result are not them."""
    assistant = _annual_reports(tmp_path, {2024: (
        "Årsredovisning 2024\n\nEkonomi\n\nVerksamheten ska bedrivas inom given ram. Förvaltningen redovisar "
        "ett positivt resultat för året.\n\nEkonomi\nÅrets resultat +21 mnkr\n\nÅrets resultat jämfört med budget\n\n"
        "Ej förbrukade medel för forskning och innovation 6 mnkr\nRegionövergripande utvecklingsmedel 10 mnkr\n"
        "Lägre personalkostnader främst p.g.a. vakanser 5 mnkr\n\nÅrets resultat jämfört med föregående år\n\n"
        "Årets resultat följer i stort föregående års resultat.\n\n")})
    answer = assistant.ask("Varför gick förvaltningen så mycket bättre än budget 2024?")
    assert "forskning och innovation 6 mnkr" in answer.text and "utvecklingsmedel 10 mnkr" in answer.text
    assert "föregående år" not in answer.text


def test_a_short_reason_does_not_go_on_into_the_next_heading(tmp_path):
    """A heading after the reason ('Kostnader för inhyrd personal per centrum', its table lost to the
    extraction) names what was asked, but says nothing: it is not the next sentence on the topic."""
    assistant = _annual_reports(tmp_path, {2024: (
        "Årsredovisning 2024\n\nPersonal\n\nKostnaderna för inhyrd personal ökade med 0,8 mnkr. Detta beror "
        "på att en vakant tjänst som arbetsmiljöingenjör ersattes med inhyrd personal.\n"
        "Kostnader för inhyrd personal per centrum\n\n")})
    answer = assistant.ask("Varför ökade kostnaderna för inhyrd personal 2024?")
    assert "arbetsmiljöingenjör" in answer.text
    assert "per centrum" not in answer.text


def test_why_a_units_result_is_its_rows_comment_in_the_results_table(tmp_path):
    """A results table with a comment column, flattened: asked why one unit went plus, the answer is that
    unit's row and its comment's items up to the next row, not the whole organisation's reasons."""
    assistant = _annual_reports(tmp_path, {2024: (
        "Årsredovisning 2024\n\nEkonomi\n\nFörvaltningens resultat hamnade på +12,0 mkr. Budgetavvikelsen "
        "beror främst på lägre kostnader för IT och outnyttjade reserver.\n\nResultat per centrum\n\n"
        "Budgetenhet Resultat Budget Avvikelse Kort kommentar\n\n"
        "Centrum för administration 2,4 mkr -0,7 mkr 3,1 mkr • Lägre personalkostnader till följd av vakanser "
        "+2,3 mkr.\n\n• Lägre lokalkostnader +0,8 mkr.\n\n"
        "Centrum för ekonomi 0,6 mkr 0,2 mkr 0,4 mkr • Lägre intäkter -2,5 mkr för Controllerservice.\n\n"
        "• Tillförda utvecklingsmedel för internhandel +1,1 mkr.\n\n• Senarelagda rekryteringar +1,8 mkr.\n\n"
        "Regiondirektörens stab 9,0 mkr 0,8 mkr 8,2 mkr • Ej nyttjade utvecklingsmedel +6 mkr.\n\n"
        "Uppföljning\n\nCE och CA rapporterar månadsvis till förvaltningsledningen.\n\n")})
    answer = assistant.ask("Vad låg bakom att ekonomicentrumet gick plus mot budget 2024?")
    assert "Controllerservice" in answer.text and "internhandel" in answer.text and "rekryteringar" in answer.text
    assert "Centrum för administration" not in answer.text and "Regiondirektörens stab" not in answer.text
    assert "reserver" not in answer.text


def test_a_units_row_run_on_at_a_windows_end_goes_on_in_the_next_window(corpus_assistant):
    """In the 2020 report's results table, CIFU's row is run on after the row before it and ends its
    window; its comment's items stand in the next window, and the next unit's row ends them."""
    answer = corpus_assistant.ask("Vad förklarar CIFU:s plus mot budget 2020?")
    text = normalise(answer.text)
    assert "resultatreglering" in text and "forskningsfonden" in text
    assert "centrum för kommunikation" not in text and "materialkris" not in text
    assert all(c.year == 2020 for c in answer.citations)


def test_items_labelled_with_a_status_are_read_on_into_the_next_window(corpus_assistant):
    """Västerbotten's follow-up of its governance assignment labels each item ('o Pågående: …'); the last
    ongoing item stands in the section's next prose window, and belongs to the list too."""
    answer = corpus_assistant.ask("Vilka delaktiviteter i uppdraget om ledning och styrning är pågående hos "
                                  "regionstyrelsen i Västerbotten 2025?")
    text = normalise(answer.text)
    assert "kartläggningsarbete" in text and "stratsys" in text and "ledardagen" in text
    assert "pausat" not in text


def test_why_a_frame_changed_by_an_amount_is_the_change_tables_row_holding_it(tmp_path):
    """A table of frame changes, flattened one row per line, where rows with an empty cell lost it: asked why
    the frame changed by an amount (also written in kronor), the row holding that amount in the asked
    year's column is the reason; asked about the total, the rows it sums for that year are."""
    assistant = _assistant_over_reports(tmp_path, {"provland-regionkontoret-forvaltningsplan-2024-2026.txt": (
        "Förvaltningsplan 2024–2026\n\nEkonomi\n\nRam per centrum\n\nRam i miljoner kronor 2023 2024\n"
        "Centrum för digitalisering 12,5 14,1\nCentrum för juridik 8,0 8,4\n\n"
        "Ramförändringar\n\nTabellen nedan visar förändringar av ramen jämfört med föregående års ram.\n\n"
        "Ramförändringar i miljoner kronor 2023 2024\nSänkt ram för effektivisering -0,8 0\n"
        "Nytt avtal för tolktjänster 0,4 0\nLöne- och prisuppräkning 2,1 3,2\n"
        "Flytt av arkivtjänst från Centrum för juridik till Regionarkivet -0,4\n"
        "Utökning av ram p.g.a. ökad hyra för simuleringscentret 0,06\nSumma 1,7 2,86\n\n"
        + _other_sections("Lokaler", "Personal"))})
    moved = assistant.ask("Varför minskar ramen för Centrum för juridik med 0,4 mnkr 2024?")
    assert "arkivtjänst" in moved.text and "tolktjänster" not in moved.text
    rent = assistant.ask("Varför ökar ramen för simuleringscentret med 60 000 kronor 2024?")
    assert "ökad hyra" in rent.text
    total = assistant.ask("Vilka ramförändringar förklarar att ramen 2023 ändrades med totalt 1,7 mnkr?")
    assert all(row in total.text for row in ("effektivisering -0,8", "tolktjänster 0,4", "prisuppräkning 2,1"))
    assert "arkivtjänst" not in total.text and "hyra" not in total.text


def test_a_figure_asked_of_a_year_the_tables_columns_do_not_name_abstains(tmp_path):
    """A near miss: the table of frame changes has columns for 2023 and 2024; asked its row for 2025 the
    answer abstains rather than quote the table's rows for other years. Asked for 2024, it answers."""
    rows = ("Sänkt ram för effektivisering  -1,1  0\nNytt avtal för tolktjänster 0,4  0\n"
            "Strategisk upphandlare till förvaltningen 0,38 0\nKvalitetsledare 0,66 0\nInköpsstöd 0,6 0\n"
            "Diarieföring från vårdförvaltningen 0,3  0\nUtökning ram för forskningstjänst  2,0\n"
            "Löne- och prisuppräkning  5,1 12,4\nVisselblåsarfunktion  0,2\n"
            "Flytt av ram för studierektor till vårdförvaltningen  -0,3\nOmflytt av bidrag för hjälpmedel  0,334\n"
            "Utökning av ram p.g.a. ökad hyra för simuleringscentret  0,07\nUtökning ram för vaktmästeri  0,5\n"
            "Ramflytt för miljöarbetet från utvecklingsförvaltningen inkl. löne- och prisuppräkning  15,9\n"
            "Summa  6,34 31,1\n\n")
    assistant = _assistant_over_reports(tmp_path, {"provland-regionkontoret-forvaltningsplan-2024-2026.txt": (
        "Förvaltningsplan 2024–2026\n\nRamförändringar\n\nTabellen nedan visar förändringar av ramen jämfört "
        "med föregående års ram.\n\nRamförändringar i miljoner kronor 2023 2024\n" + rows
        + _other_sections("Lokaler", "Personal"))})
    asked = "Vilken löne- och prisuppräkning av ramen redovisas för {} i tabellen över ramförändringar?"
    assert assistant.ask(asked.format(2025)).abstained
    answer = assistant.ask(asked.format(2024))
    assert not answer.abstained and "12,4" in answer.text


def test_whether_an_assignment_was_carried_out_is_its_rows_comment_though_it_has_no_status(tmp_path):
    """A row whose status icon the extraction lost, matched by a line the extraction broke off its
    assignment: asked whether it was done, the comment says what happened."""
    assistant = _assistant_over(tmp_path, "region-provland-arsredovisning-2024.txt",
        "Uppdrag och åtgärder\n\nUppdrag/åtgärd Tidplan Ansvarig Status Kommentar\n\n"
        "(30) Förvaltningen ska stötta arbetet med att inkludera privata utförare och\n\n"
        "samarbetspartners i utvecklingen av den nära vården.\n\n2024 CE\n"
        "Inget behov av stöd har efterfrågats under året.\n\n"
        "(31) Arbeta för en effektiv energiförbrukning i syfte att minska regionens energikostnader.\n\n"
        "2024 CA\nEn energikartläggning av lokalerna har genomförts.\n\n"
        + _other_sections("Ekonomi", "Personal"))
    done = assistant.ask("Har förvaltningen behövt stötta samarbetspartners i utvecklingen av den nära vården 2024?")
    assert "Inget behov av stöd" in done.text and "energikartläggning" not in done.text


def test_what_happened_to_something_is_not_read_as_a_question_about_events(tmp_path):
    """'Vad hände med maskinerna?' asks about the machines: 'hände' is how the question is put, and it is
    not the word 'händelser', so a list of the year's events that names machines in passing does not
    stand in for the sentence that tells what happened to them."""
    assistant = _annual_reports(tmp_path, {2024: (
        "Årsredovisning 2024\n\nViktiga händelser under året\n\nBland årets händelser märks flytten till nya "
        "lokaler, nya maskiner i tryckeriet och ett nytt ekonomisystem.\n\nInvesteringar\n\nMaskinerna till "
        "träningslokalen köptes in under hösten för 0,3 mnkr av en budget på 0,5 mnkr.\n\n")})
    assert "köptes in under hösten" in assistant.ask("Vad hände med maskinerna 2024?").text


def test_a_question_whose_parts_name_two_reports_is_answered_from_each(tmp_path):
    """'… vad köptes in 2022, och hur ska den kontrolleras enligt planen för 2024–2026?': the 2022 annual
    report answers the first part and the plan the second, one line each, both cited."""
    assistant = _assistant_over_reports(tmp_path, {
        "provland-regionkontoret-arsredovisning-2022.txt": (
            "Årsredovisning 2022\n\nInvesteringar\n\nCentrum för forskning har investerat i två frysar för en "
            "biobank med prover från länets vårdcentraler.\n\n" + _other_sections("Lokaler", "Personal")),
        "provland-regionkontoret-forvaltningsplan-2024-2026.txt": (
            "Förvaltningsplan 2024–2026\n\nIntern kontroll\n\nBiobankens prover kontrolleras med stickprov två "
            "gånger per år.\n\n" + _other_sections("Ekonomi", "Miljö"))})
    answer = assistant.ask("Biobanken på regionkontoret – vad köptes in till den 2022, och hur ska den "
                           "kontrolleras enligt planen för 2024–2026?")
    assert "frysar" in answer.text and "stickprov" in answer.text
    assert {c.year for c in answer.citations} == {2022, 2024}


def test_two_regions_asked_one_without_a_report_of_the_year_answers_from_its_latest(tmp_path):
    """'Pensionskostnaderna ökade 2023 – hur syntes det i Provland, och vad skriver Sjöland om pensionerna?':
    Sjöland has no report of 2023, so its latest report answers for it, its line naming that report and
    year, rather than the comparison leaving Sjöland out."""
    names = {"region-provland-arsredovisning-2023.txt": ("Årsredovisning 2023", "Region Provland", "Regionkontoret",
                                                          2023, "årsredovisning"),
             "region-sjoland-delarsrapport-augusti-2025.txt": ("Delårsrapport augusti 2025", "Region Sjöland",
                                                                "Regionstyrelsen", 2025, "delårsrapport")}
    catalog = {"reports": {name: dict(zip(("title", "organisation", "unit", "year", "kind"), values))
                           for name, values in names.items()}}
    assistant = _assistant_over_reports(tmp_path, {
        "region-provland-arsredovisning-2023.txt": ("Årsredovisning 2023\n\nPersonal\n\nPersonalkostnaderna har "
                                                    "ökat 3,7 %, varav pensionskostnader 3,0 %.\n\n"
                                                    + _other_sections("Lokaler", "Miljö")),
        "region-sjoland-delarsrapport-augusti-2025.txt": ("Delårsrapport augusti 2025\n\nEkonomi\n\nDe centrala "
                                                          "pensionskostnaderna ger ett överskott på 17 miljoner "
                                                          "kronor mot budget.\n\n" + _other_sections("Lokaler", "Miljö")),
        "catalog.json": json.dumps(catalog, ensure_ascii=False)})
    answer = assistant.ask("Pensionskostnaderna ökade 2023 – hur syntes det i Provland, och vad skriver Sjöland "
                           "om pensionerna?")
    assert "3,0 %" in answer.text and "17 miljoner kronor" in answer.text
    assert {(c.organisation, c.year) for c in answer.citations} == {("Region Provland", 2023), ("Region Sjöland", 2025)}


def test_a_question_naming_a_reports_kind_and_year_is_not_answered_from_that_kinds_other_years(tmp_path):
    """'… i årsredovisningen 2023': the 2022 annual report's section of the same heading is another
    year's answer, however well its lines match."""
    def report(goals: str) -> str:
        return (f"Målområde: En effektiv verksamhet av god kvalitet\n\nUnder målområdet redovisas följande mål. "
                f"{goals}\n\n")
    assistant = _annual_reports(tmp_path, {
        2022: report("Verksamheten ska digitalisera sina arbetssätt. Verksamheten ska minska sina lokalytor."),
        2023: report("Verksamheten ska bedrivas med god kvalitet. Verksamheten ska hushålla väl med resurserna.")})
    answer = assistant.ask("Vilka mål redovisas under målområdet En effektiv verksamhet av god kvalitet "
                           "i årsredovisningen 2023?")
    assert {c.year for c in answer.citations} == {2023}, answer.text
    assert "lokalytor" not in answer.text and "digitalisera" not in answer.text, answer.text
    # A report the caller chose (a comparison's share) is still searched as given.
    index, retriever, _ = assistant._load()
    query = assistant.analyse("Vilka mål redovisas i årsredovisningen 2023?")
    chosen = {d for d, m in index.metas.items() if m.year == 2022}
    assert {p.meta.year for p in retriever.search(query, k=5, only_docs=chosen)} == {2022}



def test_a_figure_read_off_its_column_comes_without_column_labels_run_together_elsewhere(tmp_path):
    """The cell read under its column answers; another passage's column labels that the extraction ran
    into one line ('Ack Utfall Inn År Ack Budget Inn År …') are no sentence a reader can follow."""
    filler = "".join(f"Personal\n\nPersonalen har under året arbetat vidare med planen och följt upp målen "
                     f"tillsammans med verksamheterna {n}.\n\n" for n in range(6))
    assistant = _annual_reports(tmp_path, {2023: (
        "Ekonomi\n\nFörvaltningen redovisar ett resultat på +21,5 mnkr för 2023.\n\n"
        "Månadsvis resultatutveckling (Mnkr) Förenklad resultaträkning (Mnkr) Motpart Ack Utfall Inn År "
        "Ack Budget Inn År Ack Avv Från Budget Helår Prognos Helår Budget Bokslut Utfall Föregående År\n\n"
        + filler +
        "Förenklad resultaträkning\nBelopp i mnkr\nBokslut 2023\nBudget 2023\nAvvikelse 2023\n"
        "Regionersättning 337,6 312,7 24,9\nLäkemedel -5,2 -0,1 -5,1\nLokalkostnader -18,7 -19,1 0,4\n\n")})
    answer = assistant.ask("Hur mycket blev regionersättningen 2023 jämfört med budget i den förenklade "
                           "resultaträkningen?").text
    assert "Bokslut 2023: 337,6 mnkr" in answer, answer
    assert "Ack Budget" not in answer, answer


def test_a_cost_asked_is_not_answered_by_another_lines_amount_beside_a_change(tmp_path):
    """'Vad kostade inhyrd personal totalt?': the line on hired staff gives only how much the cost grew;
    another line's amounts ('Lägre personalkostnader +17 mnkr') are not that cost. Where the report
    states the cost, it answers."""
    def report(hired: str) -> str:
        return ("Ekonomi\n\nÅrets resultat jämfört med budget\nRegionövergripande utvecklingsmedel +15 mnkr\n"
                f"Lägre personalkostnader +17 mnkr\n\nNyckeltalsuppföljning\n\n{hired}\n\n")
    question = "Vad kostade inhyrd personal totalt under 2023?"
    change_only = _annual_reports(tmp_path / "a", {2023: report(
        "Inhyrd personal: Ökade kostnader med 0,8 mnkr för att ersätta en vakant tjänst som arbetsmiljöingenjör.")})
    assert change_only.ask(question).abstained
    stated = _annual_reports(tmp_path / "b", {2023: report(
        "Inhyrd personal: Kostnaden uppgick till 3,1 mnkr, en ökning med 0,8 mnkr för att ersätta en vakant tjänst.")})
    answer = stated.ask(question)
    assert not answer.abstained and "3,1 mnkr" in answer.text, answer.text


def test_why_a_cost_grew_quotes_the_change_and_what_it_was_for(tmp_path):
    """'Varför har vi lagt mer pengar på hyrpersonal?': 'Ökade kostnader med 0,8 mnkr för att ersätta en
    vakant tjänst' gives the reason without a causal word; another sentence's 'p.g.a.' about something
    else is no reason for it."""
    assistant = _annual_reports(tmp_path, {2023: (
        "Nyckeltalsuppföljning\n\nKommentarer\n\nVakanser har uppstått under året p.g.a. långa "
        "rekryteringsprocesser, vilket påverkar stödet till förvaltningarna.\n\nInhyrd personal: Ökade "
        "kostnader med 0,8 mnkr för att ersätta en vakant tjänst som arbetsmiljöingenjör.\n\n"
        "Resor: Något ökade resekostnader i samband med kurser.\n\n")})
    answer = assistant.ask("Varför har regionkontoret lagt mer pengar på hyrpersonal 2023?").text
    assert "för att ersätta en vakant tjänst" in answer, answer
    assert "rekryteringsprocesser" not in answer, answer


def test_a_question_naming_a_tables_row_finds_the_passage_holding_that_row_first(tmp_path):
    """Figures run together rank a long table low by words and by meaning alike: sections that talk
    about selling services would come first. The question names the row word for word, so the
    passage holding that row leads the sources shown, however the question inflects it."""
    prose = "".join(f"{topic}\n\nFörsäljningen av {topic.casefold()} och andra tjänster till förvaltningarna har "
                    f"utvecklats väl under 2024. Utfallet för försäljning av tjänster redovisas i avsnittet om "
                    f"intäkter och visar att efterfrågan på våra tjänster ökar.\n\n"
                    for topic in ("Utbildningstjänster", "Konsulttjänster", "Stödtjänster", "Lönetjänster",
                                  "Tolktjänster", "IT-tjänster"))
    funds = "".join(f"Bidrag från fond {n} {n},4 {n},1 0,3\n" for n in range(2, 30))
    assistant = _annual_reports(tmp_path, {2024: "Årsredovisning 2024\n\n" + prose + "Intäkter\n\n"
        "Belopp i mnkr Utfall 2024 Budget 2024 Avvikelse 2024\nRegionersättning 337,6 312,7 24,9\n" + funds +
        "Försäljning av tjänster 122,4 121,4 1,0\nSumma intäkter 870,0 850,3 19,7\n\n"})
    answer = assistant.ask("Vilket utfall redovisas för försäljning av tjänster 2024?")
    assert "Försäljning av tjänster 122,4" in answer.passages[0].chunk.text
    assert "Försäljning av tjänster, Utfall 2024: 122,4 mnkr" in answer.text
    # The row named in other inflections ('försäljningen av tjänsterna') is the same row.
    assert "Försäljning av tjänster 122,4" in assistant.ask(
        "Hur mycket drog försäljningen av tjänsterna in 2024?").passages[0].chunk.text


def test_staffs_rs_and_ta_upp_find_when_the_regional_board_deals_with_the_report(tmp_path):
    """Staff write 'RS' for the regional board and say it 'takes up' (behandlar) a report."""
    assistant = _annual_reports(tmp_path, {2024: "Årsredovisning 2024\n\nInledning\n\nÅret har präglats av ett "
        "ansträngt ekonomiskt läge och ett fortsatt arbete med att effektivisera stödprocesserna.\n\n"
        "Beslut\n\nDenna rapport behandlas av Regionstyrelsen 2025-03-11.\n\n"},
        others=("Lokaler", "Ekonomi", "Medarbetare", "Miljö", "Digitalisering"))
    answer = assistant.ask("När ska RS ta upp årsredovisningen för 2024?")
    assert not answer.abstained and "2025-03-11" in answer.text


def test_the_sentence_that_has_the_questions_words_as_a_phrase_leads_the_answer(tmp_path):
    """Two sentences hold every word asked; the one that says 'den digitala arkiveringen av
    rekryteringshandlingar' as the question does is about that, the other only uses the words."""
    assistant = _annual_reports(tmp_path, {2024: "Årsredovisning 2024\n\nAdministration\n\nRekryteringshandlingar "
        "hanteras nu i ett nytt system där arkiveringen sker digitalt och automatiskt. Den digitala arkiveringen av "
        "rekryteringshandlingar infördes i mars och sparar tid.\n\n"}, others=("Lokaler", "Miljö", "Digitalisering"))
    answer = assistant.ask("Vad hände med den digitala arkiveringen av rekryteringshandlingar 2024?")
    assert not answer.abstained
    first = answer.text.split(": ", 1)[1]
    assert first.startswith("Den digitala arkiveringen av rekryteringshandlingar infördes i mars")
