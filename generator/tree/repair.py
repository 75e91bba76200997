"""Repairs of the parsed tree where the document's own evidence shows the PDF text lost something.

Each repair is general (no file or clause is named) and leaves a note on the nodes it touches,
so the report and `clausebook dump tree` show what was inferred.
"""
from __future__ import annotations

from ..model import Node, Problem, TocEntry
from .citations import child_cite, next_value, ordinal


def recite(node: Node, cite: str) -> None:
    """Give a node a new citation and re-derive its descendants' citations from it."""
    old = node.cite
    node.cite = cite
    for child in node.walk():
        if child is not node and child.cite.startswith(old + "."):
            child.cite = cite + child.cite[len(old):]


def restore_missing_clauses(root: Node, toc: list[TocEntry], path: str) -> list[Problem]:
    """A clause the TOC lists but whose heading the body lost (Sooke 24.02, Rockies 17.3).

    Its sub-clauses were read as the end of the clause before it. The restored clause starts at
    the last "a)" that is a child of the previous clause or of that clause's last item (a list
    restarting: Rockies 17.2 a)-l), then a) b) again).
    """
    problems = []
    by_cite = {n.cite: (n, parent) for parent in root.walk() for n in parent.children}
    numbers = [e for e in toc if e.kind == "clause"]
    for prev, entry in zip(numbers, numbers[1:]):
        if entry.num in by_cite or prev.num not in by_cite:
            continue
        previous, parent = by_cite[prev.num]
        if not _same_article(prev.num, entry.num):
            continue
        start = _restart(previous)
        if start is None:
            continue
        holder, index = start
        moved = holder.children[index:]
        del holder.children[index:]
        node = Node("clause", num=entry.num, cite=entry.num, title=entry.title, line=moved[0].line,
                    style="decimal", children=moved)
        for child in moved:
            recite(child, child_cite(entry.num, _value(child)))
        node.notes.append(f"heading missing in the body: restored from the table of contents (line {entry.line})")
        parent.children.insert(parent.children.index(previous) + 1, node)
        by_cite[entry.num] = (node, parent)
        problems.append(Problem(path, node.line, f"clause {entry.num} has no heading in the text; it was "
                                f"restored from the table of contents (line {entry.line}) starting here"))
    return problems


def _same_article(a: str, b: str) -> bool:
    return a.split(".")[0] == b.split(".")[0]


def _restart(previous: Node) -> tuple[Node, int] | None:
    candidates = []
    for holder in [previous] + previous.children[-1:]:
        for index, child in enumerate(holder.children):
            if child.style == "letter" and ordinal("letter", child.cite.rsplit(".", 1)[-1]) == 1:
                if holder is previous and index == 0 and not previous.blocks:
                    continue
                candidates.append((holder, index))
    return candidates[-1] if candidates else None


def read_one_as_l(root: Node) -> None:
    """An "l)" printed as "1)" by the PDF (Sooke 24.02: k), "1) Maternity SEB Plan", m)).

    When lettered siblings skip exactly from k to m and the last item before m is a lone "1)",
    that item is l).
    """
    for parent in list(root.walk()):
        kids = parent.children
        for i in range(1, len(kids)):
            before, after = kids[i - 1], kids[i]
            if before.style != "letter" or after.style != "letter":
                continue
            missing = next_value("letter", _value(before))
            if missing != "l" or next_value("letter", missing) != _value(after):
                continue
            lone = _last_descendant(before)
            if lone is before or lone.num != "1)" or _value(lone) != "1":
                continue
            _detach(before, lone)
            lone.style, lone.num = "letter", "l)"
            lone.notes.append("printed '1)': read as 'l)', between k) and m)")
            recite(lone, child_cite(parent.cite, missing))
            kids.insert(i, lone)
            after.notes = [n for n in after.notes if not n.startswith("numbering skips")]


def _value(node: Node) -> str:
    return node.cite.rsplit(".", 1)[-1]


def _last_descendant(node: Node) -> Node:
    while node.children:
        node = node.children[-1]
    return node


def _detach(ancestor: Node, target: Node) -> None:
    for node in ancestor.walk():
        if target in node.children:
            node.children.remove(target)
            return
