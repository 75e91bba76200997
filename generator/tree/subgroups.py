"""Clauses that print their numbers again under each sub-heading of one unit.

Some agreements number the clauses of a long article afresh under each of its sub-headings:

    ARTICLE 5 – LEAVES OF ABSENCE
    Vacation
    5.01 ...   5.02 ...
    Sick Leave
    5.01 ...   5.02 ...   5.03 ...

Read as printed, two clauses would share the citation "5.01". A citation is an id, so when (and
only when) a unit repeats a clause number and each repeated run starts right after a
sub-heading, every sub-heading of that unit that opens a run becomes a cited level, named by its
words (`group_key`: "Vacation" -> "vacation", "Sick Leave" -> "sick"), and its clauses keep their
printed numbers under it: "5.vacation.5.01", "5.sick.5.01". All of the unit's groups are levels
(the first one too), so adding or retitling one group never renames another's clauses.

A unit whose sub-headings do not repeat a number (Overtime 4.01 / Call-back 4.02) is unchanged.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from ..model import Line
from .markers import DECIMAL
from .outline import is_subheading


@dataclass
class _Run:
    """The decimal clauses printed after one sub-heading (or after the unit heading: line 0)."""

    heading_line: int
    numbers: list[str] = field(default_factory=list)


def restarting_subheadings(lines: list[Line], units: dict[int, str]) -> set[int]:
    """The lines of sub-headings that open a cited group (see the module docstring).
    `units`: line -> citation of each unit heading of the document ("" for a unit that is not a
    body article: a schedule's or letter's numbers are left as they are). Only numbers that
    carry their article's own prefix count ("5.01" in Article 5), so a table's "8.6" hours
    printed under "Thurs" and "Fri" make no group."""
    found: set[int] = set()
    runs: list[_Run] = [_Run(0)]
    prefix = ""
    previous_sub = 0  # the line of the sub-heading right before, 0 if the line before is not one
    for line in lines:
        text = line.text.strip()
        if not text:
            continue
        if line.no in units:
            found |= _groups(runs)
            runs, previous_sub, prefix = [_Run(0)], 0, units[line.no]
            continue
        match = DECIMAL.match(text)
        if match and prefix and match.group(1).startswith(prefix + "."):
            if previous_sub:
                runs.append(_Run(previous_sub))
            runs[-1].numbers.append(match.group(1))
            previous_sub = 0
            continue
        previous_sub = line.no if is_subheading(text) else 0
    return found | _groups(runs)


def _groups(runs: list[_Run]) -> set[int]:
    """The sub-heading lines of a unit's runs, if a number of one run is printed again in a later
    run that a sub-heading opens; else none."""
    seen: set[str] = set()
    repeats = False
    for run in runs:
        if run.heading_line and seen & set(run.numbers):
            repeats = True
        seen |= set(run.numbers)
    return {run.heading_line for run in runs if run.heading_line} if repeats else set()
