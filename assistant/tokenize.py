"""Tokenization for the lexical channel: Swedish Snowball stemming and stopwords.

Codes such as 'RF8' stay whole; numbers keep their decimal comma ('3,8'). Long compounds also
yield their stemmed tail ('sjukfrånvaron' -> 'sjukfrånvaro', 'frånvaro'), so a user who writes
'frånvaro' still meets 'sjukfrånvaro'.
"""
from __future__ import annotations

import re
from collections.abc import Container
from functools import lru_cache

import Stemmer

TOKENIZER_VERSION = 7  # part of the index fingerprint: a change here rebuilds the lexical index
_TOKEN = re.compile(r"[a-zåäöéü]+\d*[a-z]?|\d+(?:,\d+)?", re.I)
_stemmer = Stemmer.Stemmer("swedish")

# The Snowball Swedish stopword list, plus words every report question carries.
STOPWORDS = frozenset("""
och det att i en jag hon som han på den med var sig för så till är men ett om hade de av icke mig du
henne då sin nu har inte hans honom skulle hennes där min man ej vid kunde något från ut när efter upp
vi dem vara vad över än dig kan sina här ha mot alla under någon eller allt mycket sedan ju denna själv
detta åt utan varit hur ingen mitt ni bli blev oss din dessa några deras blir mina samma vilken er sådan
vår blivit dess inom mellan sådant varför varje vilka ditt vem vilket sitta sådana vart dina vars vårt
våra ert era vilkas finns vilken vilket vilka ska skall samt också även
""".split())
# Compound tails worth splitting off: common heads of Swedish public-sector compounds.
_MIN_TAIL = 5


# Adjectives whose Snowball stem is another, common word ('billigare' -> 'bil', the car; 'rimlig' ->
# 'rim'): kept whole, as a stemmer's exclusion list does.
_COLLIDING_ADJECTIVES = re.compile(r"^(billig|rimlig)(?:a|t|are|aste|ast)?$")
# So is 'händelse' (an event), whose double stem is the verb's ('hände', happened): 'Vad hände med …'
# is not about 'Viktiga händelser under året'.
_COLLIDING_NOUNS = re.compile(r"^(händelse)(?:n|ns|r|rna|rnas)?$")


@lru_cache(maxsize=200_000)
def _stem(word: str) -> str:
    # Stemming twice makes Snowball consistent ('resultatet' -> 'resultat' -> 'result', as 'resultat');
    # the definite '-on' ('sjukfrånvaron') is folded onto the indefinite form.
    kept = _COLLIDING_ADJECTIVES.match(word) or _COLLIDING_NOUNS.match(word)
    if kept:
        return kept.group(1)
    stem = _stemmer.stemWord(_stemmer.stemWord(word))
    if stem.endswith(("ivt", "igt")) or len(stem) > 5 and stem.endswith(("alt", "ellt")):
        # Snowball keeps the neuter adjective: 'positivt' must meet 'positiva', 'viktigt' 'viktiga',
        # 'digitalt' 'digitala', 'generellt' 'generella'.
        return stem[:-1]
    return stem[:-1] if stem.endswith("on") and len(stem) > 5 else stem


def _compound_tails(word: str, heads: bool = True) -> list[str]:
    """Suffixes of a long word that are themselves words we have seen as stems (filled by the index)."""
    if len(word) < 10 or not KNOWN_HEADS:
        return []
    out = []
    for i in range(4, len(word) - _MIN_TAIL + 1):
        tail = _stem(word[i:])
        if tail in KNOWN_HEADS:
            out.append(tail)
            break  # the longest known tail is enough
    for i in range(len(word) - _MIN_TAIL, 3, -1) if heads else ():
        head = word[:i]
        if _stem(head) in KNOWN_HEADS and len(head) >= 5:
            out.append(_stem(head))  # 'budgetavvikelsen' also means 'budget'
            break
    return out


# Stems that are frequent standalone words in Swedish reports: splitting a compound onto one of these
# is safe. Kept small and general; the index can add its own frequent stems.
KNOWN_HEADS: set[str] = {_stem(w) for w in """
frånvaro kostnad kostnader resultat budget avvikelse prognos investering investeringar uppdrag aktivitet
medarbetare personal arbete ekonomi utveckling kommunikation upphandling forskning utbildning säkerhet
beredskap försvar våld hälsa vård miljö klimat energi skador system process processer tjänster lön
löner avgift avgifter intäkter handlingar tid kompetens rekrytering mål indikator enkät
centrum hållbarhet administration juridik arkiv kultur chef chefer
""".split()}


# A verb or noun made with '-isera' ('robotisera', 'digitalisering', 'automatiserade'): Snowball stems
# each form apart ('robotisering', 'robotiser', 'automatis'), and none meets the word it is made from.
_MADE_WITH_ISERA = re.compile(r"^([a-zåäö]{4,})iser(?:a|ar|as|ad|ade|ades|at|ats|ing|ingen|ingar|ingarna)$")


def _derived_from(word: str) -> list[str]:
    """The word an '-isera' form is made from and the family's common stem: 'robotiserats' ->
    'robot', 'robotiser'."""
    m = _MADE_WITH_ISERA.match(word)
    return [_stem(m.group(1)), f"{m.group(1)}iser"] if m else []


def tokenize(text: str, heads: bool = True) -> list[str]:
    """Stems of the words of `text` without stopwords, and of a long compound also its known tail
    and (with `heads`) its known head."""
    tokens: list[str] = []
    for raw in _TOKEN.findall(text.casefold()):
        if raw in STOPWORDS or (len(raw) < 2 and not raw.isdigit()):
            continue
        stem = _stem(raw) if raw.isalpha() else raw
        tokens.append(stem)
        if raw.isalpha():
            # ('hållbarhet' is not its own part)
            tokens.extend(t for t in _compound_tails(raw, heads) + _derived_from(raw) if t != stem)
    return tokens


# A definite neuter ending Snowball leaves on: 'projektet', 'regelverket'; with the e of '-er', '-el',
# '-en' dropped before it: 'lagret' ('lager'), 'exemplet' ('exempel'), 'tecknet' ('tecken').
_DEFINITE_NEUTER = re.compile(r"(?<=[^aeiouyåäö])([rln])et$")


def _indefinite_forms(word: str) -> list[str]:
    if len(word) < 6 or not word.endswith("et"):
        return []
    m = _DEFINITE_NEUTER.search(word)
    return [word[:-2]] + ([f"{word[:m.start()]}e{m.group(1)}"] if m else [])


def unseen_word_parts(text: str, known: Container[str]) -> list[str]:
    """Stems the index has for words of `text` it has never seen:
    - a definite form Snowball does not fold, by its indefinite form ('centrallagret' -> 'centrallager');
    - a compound of two words it has: staff coin compounds the reports do not use
      ('tandvårdsbeställningen' -> 'tandvård', 'beställning'). The split whose shorter part is longest
      wins; a linking 's' ('tandvårds-') is dropped."""
    parts: list[str] = []
    for raw in _TOKEN.findall(text.casefold()):
        if not raw.isalpha() or raw in STOPWORDS or _stem(raw) in known:
            continue
        folded = next((_stem(f) for f in _indefinite_forms(raw) if _stem(f) in known), None)
        if folded:
            parts.append(folded)
            continue
        if len(raw) < 9:
            continue
        best: tuple[int, list[str]] | None = None
        for i in range(4, len(raw) - 3):
            tail = _stem(raw[i:])
            if tail not in known or tail in STOPWORDS:
                continue
            head = raw[:i]
            for h in (head, head[:-1]) if head.endswith("s") and len(head) > 4 else (head,):
                stem = _stem(h)
                if stem in known and stem not in STOPWORDS and (best is None or min(len(h), len(raw) - i) > best[0]):
                    best = (min(len(h), len(raw) - i), [stem, tail])
        if best:
            parts.extend(p for p in best[1] if p not in parts)
    return parts
