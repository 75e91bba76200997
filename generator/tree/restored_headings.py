"""Units whose headings the PDF lost, restored from the document's own table of contents.

Local 476's bylaws print "Section 1 – Name" ... "Appendix “A”" only in their TOC; the body runs
on without a single heading. The TOC gives each unit's number, title and order; where each one
starts is settled by a documented front-matter hint (`hints: starts:`), because nothing in the
text marks it. Every restored heading is reported, so the build says which boundaries were
inferred.
"""
from __future__ import annotations

from ..clean import Cleaned
from ..model import Hints, Problem, TocEntry
from .headings import Heading

UNIT_KINDS = {"section": "article", "addendum": "addendum", "appendix": "appendix"}


def restored_headings(cleaned: Cleaned, hints: Hints, path: str) -> tuple[dict[int, Heading], list[Problem]]:
    """{line number: heading to open before that line}, and problems for hints that match nothing."""
    entries = {_key(e): e for e in cleaned.toc if e.kind in UNIT_KINDS}
    found: dict[int, Heading] = {}
    problems: list[Problem] = []
    position = 0
    for key, words in hints.starts.items():
        entry = entries.get(key)
        if entry is None:
            problems.append(Problem(path, 1, f"hints: starts: '{key}' is not in the document's table of "
                                    f"contents (it lists: {', '.join(entries) or 'nothing'})", "error"))
            continue
        index = _find(cleaned, words, position)
        if index is None:
            problems.append(Problem(path, 1, f"hints: starts: no line after the previous start begins with "
                                    f"'{words}' (for {key}): copy the first words of that unit exactly", "error"))
            continue
        position = index + 1
        line = cleaned.lines[index]
        heading = Heading(UNIT_KINDS[entry.kind], key, entry.title, True, note=(
            f"heading lost in the PDF: number and title from the table of contents (line {entry.line}), "
            f"start from the front-matter hint"))
        found[line.no] = heading
        problems.append(Problem(path, line.no, f"{key} – {entry.title}: boundary inferred here (the text "
                                f"prints no heading; see hints: starts:)"))
    for name, words in hints.parts.items():
        index = _find(cleaned, words, position)
        if index is None:
            problems.append(Problem(path, 1, f"hints: parts: no line begins with '{words}' (for {name})", "error"))
            continue
        position = index + 1
        found[cleaned.lines[index].no] = Heading("part", name, "", True, note=(
            "pasted with the document but not part of it: its own page (front-matter hint parts:)"))
    return found, problems


def _key(entry: TocEntry) -> str:
    if entry.kind == "section":
        return f"Section {entry.num}"
    return f"{entry.kind.capitalize()} {entry.num}".strip()


def _find(cleaned: Cleaned, words: str, start: int) -> int | None:
    for index in range(start, len(cleaned.lines)):
        text = cleaned.lines[index].text.strip().lstrip("-•").strip()
        if text.startswith(words):
            return index
    return None
