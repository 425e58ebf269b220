"""Find offers named in prose with a spelling close to, but not the same as, a registered name.

"Fuldræfferen" for "Fuldtræfferen": a reader searching for the offer does not find it, and
nobody sees it among 40 offers. A mention is a run of words, starting with a capital
letter, as many words as the name; it is a misspelling when it is not a registered name
itself (name or also_known_as of any offer), is not the name inflected (each word the
name's word with another ending: "Fuldtræfferens", "Boligerne på Kirkeplads",
"Jobcentret"), and differs from a name by one letter (names up to 9 letters) or two
(longer names). Case alone is not judged: "Pædagogisk vejledning" for the unit is a matter
of writing convention, and mid-sentence capitals differ from text to text. Pure functions:
the checks decide where to look and what is accepted.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from ia.register.load import Register

# A word: letters and digits, with inner hyphens and apostrophes ("IT-Café", "Blå").
_WORD = re.compile(r"[^\W_][\w'’-]*[^\W_]|[^\W_]")
MIN_LENGTH = 6  # shorter names ("Bov") are too close to ordinary words to judge


@dataclass(frozen=True)
class Name:
    text: str
    key: str
    words: int


@dataclass(frozen=True)
class Misspelling:
    found: str
    name: str
    key: str
    col: int  # 1-based, in the line given


def _distance(a: str, b: str, limit: int) -> int:
    """Return the edit distance of a and b, or limit + 1 once it exceeds `limit`."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        if min(current) > limit:
            return limit + 1
        previous = current
    return previous[-1]


def _inflected(found: str, name: str) -> bool:
    """Say whether the word is the name's word with another ending: "Boligerne" for "Boliger",
    "Jobcentret" for "Jobcenteret", "Rusmiddelcentre" for "Rusmiddelcenter"."""
    if found.startswith(name) or name.startswith(found):
        return True
    common = 0
    for a, b in zip(found, name):
        if a != b:
            break
        common += 1
    return common >= 4 and common >= len(name) - 4


def _close(found: str, name: str) -> bool:
    folded, target = found.casefold(), name.casefold()
    if folded[:2] != target[:2] and folded[-3:] != target[-3:]:
        return False  # one or two letters changed leave the start or the end as it was
    if folded == target:
        return False  # the case of a letter is writing convention ("Pædagogisk vejledning"), not a misspelling
    if all(_inflected(a, b) for a, b in zip(_WORD.findall(folded), _WORD.findall(target))):
        return False
    limit = 1 if len(name) <= 9 else 2
    return _distance(folded, target, limit) <= limit


class Names:
    """The register's names, indexed for finding near-misses in lines of text."""

    def __init__(self, register: Register) -> None:
        written = {(name, key) for key, entry in register.offers.items() for name in entry.offer.names()}
        # Every name as written, whatever its length: a mention that is one is never a misspelling of another.
        self.exact = {name for name, _ in written}
        # By number of words and length: a run of words is compared only with names it could
        # be one or two letters away from (check runs on every save).
        self.index: dict[int, dict[int, list[Name]]] = {}
        for text, key in sorted(written):
            if len(text) >= MIN_LENGTH:
                name = Name(text, key, len(_WORD.findall(text)))
                self.index.setdefault(name.words, {}).setdefault(len(text), []).append(name)

    def misspellings(self, line: str) -> Iterator[Misspelling]:
        """Yield the mentions in one line of text that are close to a registered name but not one."""
        words = list(_WORD.finditer(line))
        # Names are proper nouns: a run starting with a lowercase word is ordinary text.
        starts = [i for i, word in enumerate(words) if word.group()[0].isupper()]
        taken: set[int] = set()
        for count in sorted(self.index, reverse=True):
            by_length = self.index[count]
            for start in starts:
                if start in taken or start + count > len(words):
                    continue
                first = words[start]
                found = line[first.start():words[start + count - 1].end()]
                if found in self.exact:
                    continue
                for length in range(len(found) - 2, len(found) + 3):
                    hit = next((name for name in by_length.get(length, ()) if _close(found, name.text)), None)
                    if hit is not None:
                        taken.add(start)
                        yield Misspelling(found, hit.text, hit.key, first.start() + 1)
                        break
