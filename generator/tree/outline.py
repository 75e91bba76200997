"""The runs of outline markers of a document, solved as wholes by tree/depth.py.

A run is the sequence of item markers (`(a)`, `1.`, `i)`, `Step 2` …) between two places where
the item levels start afresh: a unit heading, a decimal clause (`12.05`), a Section clause, a
continuous clause. For each marker we note what the solver weighs: its possible styles, whether
the line before ends a sentence (a wrapped "(15) hours" does not follow one), and whether a
sub-heading comes right before it.
"""
from __future__ import annotations

import re

from ..model import Line
from .depth import Decision, Mark, form, hinted_forms, solve
from .markers import read_markers

RESETS = ("decimal", "section", "clause")
CONJUNCTION = re.compile(r"[;,]\s*(?:or|and)$|;$")


def plan(lines: list[Line], resets: set[int], levels: list[str] | None = None
         ) -> dict[tuple[int, int], Decision]:
    """{(line number, marker position): Decision} for every item marker of the document.
    `resets`: the lines where item levels start afresh besides decimal/Section markers: heading
    lines and clause heads (the profile has read them already)."""
    decisions: dict[tuple[int, int], Decision] = {}
    order = hinted_forms(levels) if levels else ()
    run: list[Mark] = []
    previous = ""
    last_text = ""  # the line before, marker lines included ("k. refuses recall twice; or")
    for line in lines:
        text = line.text.strip()
        if not text:
            continue
        marked = read_markers(text)  # once per line: it answers both questions below
        if line.no in resets or _is_clause_marker(marked):
            decisions.update(solve(run))
            run, previous = [], marked.rest or text
            last_text = previous
            continue
        if not marked.markers:
            previous = last_text = text
            continue
        conjunction = CONJUNCTION.search(last_text) is not None
        # "... shall give" / "(15) hours notice": a prose line that stops mid-sentence
        wrapped = stops_mid_sentence(previous)
        heading_before = is_subheading(previous)
        for k, marker in enumerate(marked.markers):
            if marker.style in RESETS:
                break
            styles = tuple(form(style, marker.printed) for style in marker.styles)
            run.append(Mark((line.no, k), styles, marker.value, wrapped=wrapped and k == 0,
                            after_heading=heading_before and k == 0, same_line=k > 0,
                            after_conjunction=conjunction and k == 0, order=order))
        previous = last_text = marked.rest
    decisions.update(solve(run))
    return decisions


def _is_clause_marker(marked) -> bool:
    return bool(marked.markers) and marked.markers[0].style in RESETS


def stops_mid_sentence(text: str) -> bool:
    """"... the County shall give" (then "(15) hours notice"): a line whose last word is lower-case
    or that ends in a comma or hyphen runs on; "Bumping Procedure" or "as follows:" do not."""
    words = text.rsplit(None, 1)  # the last word is all it needs
    if not words:
        return False
    return text.endswith((",", "-", "–")) or (words[-1][:1].islower() and words[-1][-1:].isalnum())


def is_subheading(text: str) -> bool:
    """A short line in title or upper case with no closing punctuation: "Bumping Procedure", "Notes"."""
    words = text.split(None, 8)  # a ninth piece means too many words
    if not 1 <= len(words) <= 8 or text.endswith((".", ";", ",")):
        return False
    capitalised = sum(1 for w in words if w[:1].isupper() or not w[:1].isalpha())
    return capitalised >= max(1, len(words) - 2) and text[:1].isupper()
