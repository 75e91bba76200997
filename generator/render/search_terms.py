"""Words and citation keys for the split search index (generator/render/search_split.py).

The worker (theme/assets/javascripts/workers/clausebook-query.js) reads a query with the same
rules, so the two sides must agree:

* Words: lower-cased, split where Material's search splits (mkdocs.yml `separator`: spaces,
  dashes, slashes, brackets, punctuation; a dot only before a space or the end, so "12.05" stays
  one word), trimmed of non-word characters at either end ("(employee's)" -> "employee's"), and
  lunr's English stop words dropped ("the", "of"). No stemming: Material's pipeline here is only
  the stop-word filter, and the worker matches the last word typed as a prefix instead.
* Citation keys: a cite lower-cased, spaces as dots: "12.05" -> "12.05", "LOU 3" -> "lou.3",
  "Schedule A" -> "schedule.a", "A.6.2.a" -> "a.6.2.a". A cite whose numbers are zero-padded also
  answers to the unpadded key, "12.05" -> "12.5" (members type "12.5"), with a lower weight.
  Keys are stored as terms with a "~" in front, so they never meet a word of the text.
"""
from __future__ import annotations

import re
from html import unescape

from lunr.stop_word_filter import WORDS as STOP_WORDS

# mkdocs.yml's search separator (kept in step by tests/unit/test_search_terms.py).
SEPARATOR = re.compile(r'[\s\-–—/()\[\]{},;:!?"“”]+|\.(?!\w)')
TAG = re.compile(r"<[^>]*>")
EDGE = re.compile(r"^\W+|\W+$")  # lunr's trimmer (ASCII \w, as in JavaScript)
CITE_MARK = "~"


def plain(html: str) -> str:
    """The words of an index string, which is HTML-escaped text (or Material's HTML)."""
    return unescape(TAG.sub(" ", html or ""))


def words(text: str) -> list[str]:
    """Searchable words of plain text, in order: "The Employee's (overtime)" ->
    ["employee's", "overtime"]."""
    out = []
    for raw in SEPARATOR.split(text.lower()):
        if not raw:
            continue
        # \w is str.isalnum() or "_": a word with a word character at both ends has no edge to trim
        word = raw if _is_word(raw[0]) and _is_word(raw[-1]) else EDGE.sub("", raw)
        if word and word not in STOP_WORDS:
            out.append(word)
    return out


def count_words(text: str, weight: int, into: dict[str, int]) -> None:
    """Add `weight` to into[word] for each occurrence of a word of `words(text)`: the same sums,
    without the list (the search index counts the words of ~3,600 entries)."""
    for raw in SEPARATOR.split(text.lower()):
        if not raw:
            continue
        first, last = raw[0], raw[-1]  # as in words(), _is_word written out
        if (first.isalnum() or first == "_") and (last.isalnum() or last == "_"):
            word = raw
        else:
            word = EDGE.sub("", raw)
        if word and word not in STOP_WORDS:
            into[word] = into.get(word, 0) + weight


def _is_word(char: str) -> bool:
    return char.isalnum() or char == "_"


def cite_key(cite: str) -> str:
    """ "LOU 3" -> "lou.3", "12.05.a" -> "12.05.a", "Schedule A" -> "schedule.a"."""
    return ".".join(cite.lower().split())


def unpadded(key: str) -> str:
    """ "12.05.a" -> "12.5.a": each number after the first loses its leading zeros ("00" -> "0")."""
    head, *rest = key.split(".")
    return ".".join([head] + [part.lstrip("0") or "0" if part.isdigit() else part for part in rest])


def cite_terms(cite: str) -> dict[str, int]:
    """{index term: weight} for a clause's citation: the key (100) and its unpadded alias (90)."""
    key = cite_key(cite)
    if not key:
        return {}
    terms = {CITE_MARK + key: 100}
    alias = unpadded(key)
    if alias != key:
        terms[CITE_MARK + alias] = 90
    return terms
