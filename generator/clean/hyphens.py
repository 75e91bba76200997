"""Words a PDF converter hyphenated at the end of a line, put back together.

pdftotext keeps the typesetter's line breaks, so a justified paragraph prints "... paid over-"
then "time in accordance with Article 3", and a wrapped definition prints '"Temporary Em-' then
'ployee" means ...'. Left alone, the term "Temporary Employee" is never found and a reader sees
"over- time". The second half is moved up to the first line (each line keeps its number):

* only a letter word ending the line in "-" followed by a line that starts with a word in the
  same case (lower-case, or capitals after a capital fragment: "DIS-" / "CHARGE"); never a
  number ("Policy No. HR-" / "04"), a marker or a heading;
* the hyphen is dropped when the document itself uses the joined word elsewhere (or a form of it
  with -s, -d, -ed, -es, -ing: "discharge" from "discharged"); otherwise it is kept, because a
  line may also break at a real hyphen ("one and one-" / "half", "non-" / "selection").

Each join is recorded (the pieces as printed), so every word can be traced to its source.
"""
from __future__ import annotations

import re

from ..model import Artifact, Line

ENDS_HYPHENATED = re.compile(r"(?<![\w-])([A-Za-z]+)-$")
STARTS_WITH_WORD = re.compile(r"^([A-Za-z]+)(\S*)\s*(.*)$")
WORDS = re.compile(r"[A-Za-z]+")
FORMS = ("", "s", "d", "ed", "es", "ing")


def rejoin_hyphenated(lines: list[Line]) -> list[Artifact]:
    """Join line-end hyphenations in place (see the module docstring); the joins, as artifacts."""
    vocabulary: set[str] | None = None  # the words of the text as printed, read at the first join
    joined: list[Artifact] = []
    for line, following in zip(lines, lines[1:]):
        if not line.text.rstrip().endswith("-"):
            continue  # ENDS_HYPHENATED ends in "-"
        end = ENDS_HYPHENATED.search(line.text.rstrip())
        start = STARTS_WITH_WORD.match(following.text.strip()) if end else None
        if not end or not start or not _same_case(end.group(1), start.group(1)):
            continue
        head, tail = end.group(1), start.group(1)
        word = head + tail
        if vocabulary is None:
            vocabulary = {w.lower() for ln in lines for w in WORDS.findall(ln.text)}  # before any join
        hyphen = "" if _known(word.lower(), vocabulary) else "-"
        printed = f"{head}- {tail}"
        line.text = line.text.rstrip()[:-1] + hyphen + tail + start.group(2)
        following.text = start.group(3)
        joined.append(Artifact("hyphenated-word", line.no, following.no, printed))
    return joined


def _same_case(head: str, tail: str) -> bool:
    if tail.islower():
        return True
    return head.isupper() and tail.isupper() and len(tail) > 1


def _known(word: str, vocabulary: set[str]) -> bool:
    return any(word + ending in vocabulary for ending in FORMS) or \
        any(word.endswith(ending) and word[:-len(ending)] in vocabulary for ending in FORMS[1:])
