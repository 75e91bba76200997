"""How well the document's structure was understood, and a loud report when it was not.

Three signs that the numbering was not read (each measured on the finished tree):
* few units for its size: a long document (over SIZE_FOR_UNITS characters) with fewer than
  MIN_UNITS articles, parts, schedules or letters;
* most text in one unit: one unit (often the implicit Preamble) holds over MAX_SHARE of the text;
* many sequence breaks: markers that skip or restart (notes "numbering skips to ...").
Any of them is an error-level problem, so the build prints it and `clausebook build --strict`
fails; the message names where the sequence broke and the front-matter hint that settles it.
"""
from __future__ import annotations

from ..model import Node, Problem
from .profile import Profile

SIZE_FOR_UNITS = 20_000
MIN_UNITS = 3
MAX_SHARE = 0.6
MAX_BREAKS_SHARE = 0.15
NOT_UNITS = {"Cover", "Signatures", ""}
HINT = ("settle it with a front-matter hint, e.g. `numbering: {units: Article, clauses: restarting}` "
        "(units: the keyword that opens units; clauses: prefixed | restarting | continuous), "
        "see README 'When the text itself cannot say'")


def assess(root: Node, profile: Profile, path: str) -> list[Problem]:
    """Problems for a document whose structure was not understood (empty when it was)."""
    units = [n for n in _units(root) if n.cite not in NOT_UNITS]
    sizes = {id(u): _size(u) for u in units}
    total = sum(sizes.values()) or 1
    reasons = []
    if total > SIZE_FOR_UNITS and len([u for u in units if u.cite != "Preamble"]) < MIN_UNITS:
        reasons.append(f"only {len(units)} unit(s) found in {total // 1000} KB of text")
    biggest = max(units, key=lambda u: sizes[id(u)], default=None)
    if biggest is not None and total > SIZE_FOR_UNITS and sizes[id(biggest)] / total > MAX_SHARE \
            and len(units) > 1:
        reasons.append(f"{sizes[id(biggest)] * 100 // total}% of the text is in "
                       f"{biggest.cite or 'one unit'} (line {biggest.line})")
    breaks = [n for n in root.walk() if any(note.startswith("numbering skips") for note in n.notes)]
    items = sum(1 for n in root.walk() if n.kind == "clause") or 1
    if len(breaks) > 5 and len(breaks) / items > MAX_BREAKS_SHARE:
        reasons.append(f"{len(breaks)} of {items} numbers break their sequence")
    if not reasons:
        return []
    where = ", ".join(f"line {n.line} ({n.num})" for n in breaks[:6])
    line = biggest.line if biggest is not None else root.line
    message = (f"structure not understood ({'; '.join(reasons)}); read as: {profile.describe()}"
               + (f"; sequence broke at {where}" if where else "") + f": {HINT}")
    return [Problem(path, line, message, "error")]


def _units(root: Node) -> list[Node]:
    out = []
    for child in root.children:
        if child.kind in ("section", "part") and child.children and all(
                c.kind != "clause" for c in child.children):
            out += [c for c in child.children]  # a container: its units count
        else:
            out.append(child)
    return out


def _size(node: Node) -> int:
    return sum(len(b.text) + sum(len(c) for row in b.rows for c in row) for n in node.walk() for b in n.blocks)
