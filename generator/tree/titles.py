"""Titles of units and clauses: which short line is a title, and where a missing title comes from.

A title is short, capitalised, and does not run on into a sentence ("Settling of Grievance", not
"Ordinary hours are 40 hours per week, worked between"). A unit printed without one takes its
"Re:" line (a letter) or its table of contents' entry (a schedule, a letter). These run after the
tree is built; nothing here parses numbering.
"""
from __future__ import annotations

import re

from ..model import Node, TocEntry

TERMINAL = tuple('.:;!?"”)')
TITLE_MAX_WORDS = 12
PREFIX = re.compile(r"^(?:RE|SUBJECT)\s*:\s*", re.IGNORECASE)  # "RE: SUBSISTENCE ALLOWANCE"
VERB = re.compile(r"\s(?:is|are|shall|will|must|may|means|has|have|be)\s")
COMMA_OR_DIGIT = re.compile(r"[,\d]")
NOT_WORD = re.compile(r"\W")
DIGITS = re.compile(r"\d+")
LETTERS = re.compile(r"[A-Za-z]+")
# A line ending in one of these words runs on: "All assessment instruments under the conditions of"
DANGLING = {"between", "from", "than", "as", "if", "when", "where", "who", "which", "of", "the", "to",
            "and", "a", "an", "in", "for", "with", "by", "under", "at", "or", "on", "that"}


def looks_like_title(text: str) -> bool:
    """Short, capitalised, no closing punctuation: "Settling of Grievance", '"BOARD"' (Rockies 2.1)."""
    bare = text.strip('"“”\'')
    dangling = text.split()[-1].lower() in DANGLING if text.split() else False
    if VERB.search(text) and COMMA_OR_DIGIT.search(text):
        return False  # "Ordinary hours are 40 hours per week": a sentence, not a title
    return len(text.split()) <= TITLE_MAX_WORDS and not bare.endswith(TERMINAL[:3]) and bare[:1].isupper() \
        and not dangling




def titles_from_toc(root: Node, toc: list[TocEntry], guessed: set[int]) -> None:
    """A schedule or appendix printed without a title ("APPENDIX “A”" / "SUBJECT: ...") takes the
    title its table of contents gives it ("APPENDIX “A” -TIME MANAGEMENT PROGRAM")."""
    titles = {(f"LOU {e.num}" if e.kind == "lou" else f"{e.kind.capitalize()} {e.num}"): e.title for e in toc
              if e.kind in ("schedule", "appendix", "lou") and e.title and not e.title[:1].isdigit()
              and e.kind not in e.title.lower()}  # not a garbled table cell ("26 APPENDIX A")
    for unit in root.children:
        toc_title = titles.get(unit.cite, "")
        if toc_title and unit.title and _squash(unit.title).startswith(_squash(toc_title)[:12]):
            continue  # the same words, spaced right in the body ("HOURS OFWORKPROVISION" in the TOC)
        guessed_here = id(unit) in guessed and unit.kind != "lou"  # a letter's "Re:" line is its own title
        if unit.kind in ("schedule", "appendix", "lou") and (not unit.title or guessed_here) and toc_title:
            unit.title = titles[unit.cite]
            unit.notes.append("title from the table of contents")


def _squash(text: str) -> str:
    return NOT_WORD.sub("", text).lower()


def titles_from_re_lines(root: Node) -> None:
    """A letter's title is its "Re:" line (Sooke: "Re: Loss of Seniority ..."), kept as text too."""
    for unit in root.walk():
        if unit.kind not in ("lou", "mou", "schedule", "appendix", "addendum") or unit.title:
            continue
        for block in unit.blocks[:8]:
            if block.text[:3].lower() == "re:":
                unit.title = block.text[3:].strip()
                break


def outline_styles(root: Node) -> list[str]:
    """The item markers as printed, one per style in order of first appearance: ["(a)", "(1)", "(i)"]."""
    seen: dict[str, str] = {}
    first = {"letter": "a", "roman": "i"}
    for node in root.walk():
        if node.kind == "clause" and node.style in ("letter", "number", "roman") and node.num:
            shape = DIGITS.sub("1", node.num)
            shape = LETTERS.sub(lambda m: first.get(node.style, "a").upper() if m.group(0).isupper()
                      else first.get(node.style, "a"), shape)
            seen.setdefault(node.style, shape)
    return list(seen.values())
