"""A region's organisational units under the names staff and reports give them.

Reports name a unit in full in running text ('Centrum för HR') and by its initialism in tables
('CHR'); staff also say 'HR-centrumet'. The pairs are mined from the indexed reports themselves: a
name '<Centrum|Enheten|…> för <words>' whose initialism (the head's initial, then each word's
initial, an acronym kept whole: 'Centrum för innovation, forskning och utbildning' -> 'CIFU') the
same report also uses as a word of its own. Nothing is listed by hand.
"""
from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

_HEADS = ("Centrum", "Enheten", "Avdelningen", "Kansliet", "Sektionen", "Staben")
_NAME = re.compile(rf"\b({'|'.join(_HEADS)})\s+för\s+([^\n.;:()]{{2,80}})")
_LINKING = {"och", "samt"}
_MAX_WORDS = 4
# Compound heads of the names of public bodies: 'Regionkontoret' is written 'RK', 'Kommunstyrelsen' 'KS'.
_BODY_HEADS = ("region", "landstings", "kommun")
# A name does not end in an adjective: 'Centrum för klinisk forskning' is not 'CK'.
_ADJECTIVE_END = re.compile(r"(?:isk|iska|iskt|lig|liga|ligt)$")


@dataclass(frozen=True)
class Unit:
    head: str  # 'Centrum'
    words: tuple[str, ...]  # the name's words after 'för': ('innovation', 'forskning', 'utbildning')
    abbreviation: str  # 'CIFU'

    @property
    def name(self) -> str:
        return f"{self.head} för {' och '.join(self.words)}" if len(self.words) <= 2 else \
            f"{self.head} för {', '.join(self.words[:-1])} och {self.words[-1]}"

    @functools.cache  # (asked of every table row a unit's question reads)
    def pattern(self) -> re.Pattern[str]:
        """The unit in a question: its full name (words joined by commas, 'och' or spaces; a genitive
        's' allowed), its abbreviation, or, for a one-word name, the staff compound ('HR-centrumet',
        'ekonomicentrumet')."""
        words = r"(?:,\s*|\s+och\s+|\s+)".join(re.escape(w) for w in self.words)
        # (The abbreviation as written, upper case: 'ca 30 %' is not 'CA'.)
        forms = [rf"{self.head}\s+för\s+{words}s?", rf"(?-i:{re.escape(self.abbreviation)})"]
        if len(self.words) == 1:
            forms.append(rf"{re.escape(self.words[0])}s?-?{self.head.casefold()}\w*")
        return re.compile(rf"(?<![\wÅÄÖåäö])(?:{'|'.join(forms)})(?![\wÅÄÖåäö])", re.I)


@dataclass
class Units:
    units: list[Unit] = field(default_factory=list)

    @classmethod
    def mine(cls, documents: Iterable[str]) -> "Units":
        """The units the documents name, each paired with an initialism the same document uses."""
        found: dict[tuple[str, tuple[str, ...]], Unit] = {}
        for text in documents:
            low = text.casefold()
            standalone = set(re.findall(r"(?<![\wÅÄÖåäö-])[A-ZÅÄÖ]{2,6}(?![\wÅÄÖåäö])", text))
            for m in _NAME.finditer(text):
                words: list[str] = []
                for w in re.findall(r"[A-Za-zÅÄÖåäö-]+", m.group(2)):
                    if w.casefold() in _LINKING:
                        continue
                    words.append(w)
                    if len(words) > _MAX_WORDS:
                        break
                    abbreviation = m.group(1)[0] + "".join(
                        x if x.isupper() and len(x) > 1 else x[0].upper() for x in words)
                    if abbreviation in standalone and not _ADJECTIVE_END.search(w.casefold()):
                        # 'Centrum för ekonomis resultat': the genitive of the name the reports also write.
                        if words[-1].endswith("s") and f"för {words[-1][:-1]}".casefold() in low:
                            words[-1] = words[-1][:-1]
                        key = (m.group(1), tuple(x.casefold() for x in words))
                        found.setdefault(key, Unit(m.group(1), tuple(words), abbreviation))
                        break
        # An abbreviation two different names share stands for neither.
        by_abbreviation: dict[str, set[tuple[str, ...]]] = {}
        for (head, words), unit in found.items():
            by_abbreviation.setdefault(unit.abbreviation, set()).add(words)
        return cls([u for u in found.values() if len(by_abbreviation[u.abbreviation]) == 1])

    def matches(self, question: str) -> list[tuple[str, str, str]]:
        """Per unit the question names: the words it names it with ('HR-centrumet'), its name's
        words ('HR') and its abbreviation ('CHR')."""
        return [(m.group(0), " ".join(unit.words), unit.abbreviation)
                for unit in self.units for m in [unit.pattern().search(question)] if m]


def name_initialisms(name: str) -> list[str]:
    """The initialism a public body's name is also written as: each word's initial ('Region
    Västmanland' -> 'RV'), or a compound's two parts' ('Regionkontoret' -> 'RK', 'Kommunstyrelsen' ->
    'KS'). None for a plain word, or a name with a lower-case word ('Centrum för HR': see Units)."""
    words = name.split()
    if len(words) >= 2:
        return ["".join(w[0] for w in words)] if all(w[:1].isupper() for w in words) else []
    low = name.casefold()
    head = next((h for h in _BODY_HEADS if low.startswith(h) and len(low) > len(h) + 3), None)
    return [f"{name[0]}{name[len(head)]}".upper()] if head else []

