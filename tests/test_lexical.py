"""The lexical channel against bm25s itself, and its promises: other documents do not move the reports,
and a rebuild of the same texts writes the same files."""
from __future__ import annotations

import os
import subprocess
import sys

import bm25s
import numpy as np

from assistant.lexical import OTHERS, REPORTS, LexicalIndex
from assistant.tokenize import tokenize

REPORTS_TEXT = ["Sjukfrånvaron uppgick till 4,1 procent under året.",
                "Resultatet blev ett överskott på 12,5 mkr mot budget.",
                "Digitala kallelser infördes på fyra av sex sjukhus."]
OTHER_TEXT = ["Regeringen: sjukfrånvaron i landet ökade under året.",
              "Regeringen föreslår ny budget för sjukfrånvaron och sjukhus."]


def _plain_bm25(texts: list[str], query: str) -> np.ndarray:
    bm25 = bm25s.BM25()
    bm25.index([tokenize(t) for t in texts], show_progress=False)
    return bm25.get_scores(tokenize(query))


def test_one_collection_scores_exactly_like_bm25s():
    lexical = LexicalIndex.build([tokenize(t) for t in REPORTS_TEXT], [REPORTS] * 3)
    query = "hur hög var sjukfrånvaron under året"
    np.testing.assert_allclose(lexical.get_scores(tokenize(query)), _plain_bm25(REPORTS_TEXT, query), rtol=1e-6)


def test_reports_score_the_same_with_other_documents_indexed(tmp_path):
    texts = [REPORTS_TEXT[0], OTHER_TEXT[0], REPORTS_TEXT[1], OTHER_TEXT[1], REPORTS_TEXT[2]]
    groups = [REPORTS, OTHERS, REPORTS, OTHERS, REPORTS]
    LexicalIndex.build([tokenize(t) for t in texts], groups).save(tmp_path / "lexical")
    lexical = LexicalIndex.load(tmp_path / "lexical")  # the saved form is what queries use
    for query in ("sjukfrånvaron under året", "budget och överskott", "sjukhus"):
        scores = lexical.get_scores(tokenize(query))
        np.testing.assert_allclose(scores[[0, 2, 4]], _plain_bm25(REPORTS_TEXT, query), rtol=1e-6)
        np.testing.assert_allclose(scores[[1, 3]], _plain_bm25(OTHER_TEXT, query), rtol=1e-6)
    # The answerer weighs question words by idf: the reports' own statistics where a word occurs in
    # both collections (1 of 3 reports), the others' where only they have it (2 of 2 press releases).
    idf = lexical.idf()
    assert abs(idf[tokenize("sjukhus")[0]] - np.log(1 + 2.5 / 1.5)) < 1e-5
    assert abs(idf[tokenize("regeringen")[0]] - np.log(1 + 0.5 / 2.5)) < 1e-5


def test_word_forms_of_one_adjective_meet_in_one_token():
    """Snowball keeps the neuter '-t': 'positivt resultat' must still meet 'det positiva resultatet'."""
    assert tokenize("positivt") == tokenize("positiva") == tokenize("positiv")
    assert tokenize("viktigt") == tokenize("viktiga")
    # 'bli vassare digitalt' meets 'förvaltningens digitala kompetens'; 'generellt' meets 'generella'.
    assert tokenize("digitalt") == tokenize("digitala") == tokenize("digital")
    assert tokenize("generellt") == tokenize("generella")
    assert tokenize("resultatet") == tokenize("resultat")
    # ... and an adjective whose Snowball stem is another word stays apart from it: 'billigare' is no car.
    assert tokenize("billigare") == tokenize("billiga") == tokenize("billigt") != tokenize("bil")
    # So does a noun whose double stem is a verb's: 'händelserna' (the events) is not 'hände' (happened).
    assert tokenize("händelserna") == tokenize("händelser") == tokenize("händelse") != tokenize("hände")


def test_a_unit_written_as_one_compound_meets_its_name_in_the_report():
    """Staff write 'hållbarhetscentrumet', reports 'Centrum för hållbarhet': both parts must match,
    and a word is not counted twice as its own part."""
    assert set(tokenize("Centrum för hållbarhet")) <= set(tokenize("hållbarhetscentrumet"))
    assert set(tokenize("Centrum för administration")) <= set(tokenize("administrationscentrumet"))
    assert len(tokenize("hållbarhet")) == 1


def test_a_compound_the_reports_never_use_is_read_as_its_known_parts():
    """Staff coin compounds ('tandvårdsbeställningen') that no report writes; the words the reports
    do use ('tandvård', 'beställning') stand for it. Known words, and words with no known split, stay whole."""
    from assistant.tokenize import unseen_word_parts

    known = set(tokenize("fri tandvård för unga, beställning av vård, budgetöverskottet"))
    assert unseen_word_parts("Varför blev det inget plus på tandvårdsbeställningen?", known) == \
        tokenize("tandvård") + tokenize("beställning")
    assert unseen_word_parts("Hur stort var budgetöverskottet?", known) == []
    assert unseen_word_parts("Hur gick glasögonbidraget?", known) == []


def test_a_definite_form_the_stemmer_leaves_is_read_as_the_word_the_reports_use():
    """Snowball folds 'huset' onto 'hus' but leaves 'centrallagret', 'projektet' and 'exemplet'; where
    the reports write 'centrallager', 'projekt' and 'exempel', those stand for the question's words.
    Words ending in -et in their own right ('budget', 'aktivitet') are left alone."""
    from assistant.tokenize import unseen_word_parts

    known = set(tokenize("driftsättning av centrallager, projekt inom vården, ett exempel, budget och aktivitet"))
    assert unseen_word_parts("Vad har gjorts med centrallagret och projektet? Ge exemplet.", known) == \
        tokenize("centrallager", heads=False)[:1] + tokenize("projekt") + tokenize("exempel")
    assert unseen_word_parts("Hur gick budget och aktivitet?", known) == []


def test_words_made_with_isera_meet_the_word_they_are_made_from():
    """'Vad har hänt med robotarna?' must find 'Tre processer har robotiserats', and 'robotisering',
    'robotiserade' and 'robotiserats' must meet each other; Snowball stems each apart."""
    texts = ["Tre nya processer inom fakturahantering har robotiserats under året.",
             "Arbetet med robotisering av ekonomiprocesser har gett resultat.",
             "Sjukfrånvaron uppgick till 4,1 procent under året."]
    lexical = LexicalIndex.build([tokenize(t) for t in texts], [REPORTS] * 3)
    scores = lexical.get_scores(tokenize("Vad har hänt med robotarna?"))
    assert scores[0] > 0 and scores[1] > 0 and scores[2] == 0
    assert set(tokenize("robotiserade")) & set(tokenize("robotisering")) & set(tokenize("robotiserats"))
    # 'digitaliseringen' also meets 'digitala lösningar'; a word merely ending in -ering is left alone.
    assert set(tokenize("digitala")) <= set(tokenize("digitaliseringen"))
    assert tokenize("prioriteringen") == tokenize("prioritering")


# Builds and saves a lexical index of the texts given, in a fresh interpreter (its own hash seed).
_BUILD = """
import sys
from pathlib import Path
from assistant.lexical import LexicalIndex
from assistant.tokenize import tokenize
texts = sys.argv[2:]
LexicalIndex.build([tokenize(t) for t in texts], [0] * len(texts)).save(Path(sys.argv[1]))
"""


def test_the_same_texts_give_the_same_index_files_whatever_the_hash_seed(tmp_path):
    """A rebuild of an unchanged corpus writes the same bytes: the manifest's checksums can be compared."""
    folders = []
    for seed in ("1", "2", "3"):
        folder = tmp_path / f"seed-{seed}"
        subprocess.run([sys.executable, "-c", _BUILD, str(folder), *REPORTS_TEXT, *OTHER_TEXT],
                       check=True, env={**os.environ, "PYTHONHASHSEED": seed})
        folders.append(folder)
    files = sorted(p.relative_to(folders[0]) for p in folders[0].rglob("*") if p.is_file())
    assert any(f.name.startswith("vocab") for f in files)
    for other in folders[1:]:
        assert sorted(p.relative_to(other) for p in other.rglob("*") if p.is_file()) == files
        for f in files:
            assert (other / f).read_bytes() == (folders[0] / f).read_bytes(), f
