"""A regex that starts with printed words, tried only where one of those words is printed.

`(?<![\\w-])(?:TTOC|Teacher Teaching on Call)(?:s|'s)?(?!\\w)` opens with a look-behind, so re
cannot skip ahead to a likely start: over a whole document joined into one string it tries every
position. str.find jumps to the places where one of the words is printed, and the pattern is
tried there only. The matches are exactly finditer's (tests/unit/test_fast_passes.py):

* every match of such a pattern starts where one of its words starts (a look-behind reads no
  text), so no other position can start one;
* finditer tries positions left to right and, after a match, goes on from its end: so do we,
  skipping the word places inside the match just made;
* at each place, pattern.match gives what a search reaching that place would: the same
  alternatives in the same order, with look-behinds that see the text before the place.
"""
from __future__ import annotations

import re
from typing import Iterable, Iterator

# Characters that Python's re matches, ignoring case, to an ASCII letter although str.lower()
# does not give that letter (İ and ı for i, ſ for s, the Kelvin sign for k): a text holding one
# is searched with every pattern, without a check of its lowered text.
FOLDS_TO_ASCII = frozenset("\u0130\u0131\u017f\u212a")
FOLDS = re.compile("[%s]" % "".join(sorted(FOLDS_TO_ASCII)))


def lowered(text: str) -> str | None:
    """text.lower(), which holds, lower-cased, every ASCII word a case-insensitive pattern finds
    in `text`; None when `text` has a letter of FOLDS_TO_ASCII (then no check is exact)."""
    if not text.isascii() and FOLDS.search(text):
        return None
    return text.lower()


def finditer_from_words(pattern: re.Pattern, text: str, words: Iterable[str]) -> Iterator[re.Match]:
    """pattern.finditer(text), for a case-sensitive pattern whose every match starts with one of
    `words` (an empty word could match anywhere: then it is finditer itself)."""
    words = set(words)
    if not all(words) or pattern.flags & re.IGNORECASE:
        yield from pattern.finditer(text)
        return
    end = 0
    for at in sorted({at for word in words for at in _places(text, word)}):
        if at < end:
            continue
        match = pattern.match(text, at)
        if match is not None:
            yield match
            end = match.end()


def _places(text: str, word: str) -> Iterator[int]:
    """Every position where `word` is printed, overlapping ones too ("aa" in "aaa": 0 and 1)."""
    at = text.find(word)
    while at >= 0:
        yield at
        at = text.find(word, at + 1)
