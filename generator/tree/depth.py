"""Outline depth decided over the whole run of markers, not line by line.

Modelled on regulations-parser's `regparser/tree/depth` (derive.py, rules.py): each marker of a
run (the items between two clauses) can be read several ways — `(i)` is a letter or a roman
one, `(15)` is an item or a wrapped "(15) hours" — and each reading moves a stack of open
levels. A beam search keeps the cheapest few stacks after every marker, so a later marker can
settle an earlier one:

    (h) (i) (j)   -> (i) continues the letters          (continuing costs nothing)
    (h) (i) (ii)  -> (i) opens a roman level under (h)  (opening costs a little, and only
                                                          this reading lets (ii) continue)
    (a) … "(15) hours of notice" after a line with no full stop -> text (a wrapped line)

Moves and their costs (the heuristics that weight the constraint solutions):
continue an open level 0; open a deeper level at its first value 0.3; restart an open level
at its first value 1.0 (0.2 right after a sub-heading); open a style already open, deeper, 0.8; skip ahead in an open level 2.0; open a
level at a later value 2.5; read the marker as text 1.5 after a line that does not end a
sentence, else 4.0. The beam keeps BEAM states, so solving is linear in the number of markers.
"""
from __future__ import annotations

from dataclasses import dataclass

import re

from .citations import ordinal

BEAM = 16
COST = {"continue": 0.0, "open": 0.3, "restart": 1.0, "restart_after_heading": 0.2,
        "skip": 2.0, "open_again": 0.8, "other_form": 0.6,
        "one_as_l": 0.5, "against_hint": 3.0, "open_after_conjunction": 0.6, "start_late": 2.5, "text_wrap": 1.5, "text": 4.0}

Stack = tuple[tuple[str, int], ...]  # open levels: (style form, ordinal)


def form(style: str, printed: str) -> str:
    """A marker's style with how it is printed, as regparser tells lower from upper letters and
    "(1)" from "1.": form("letter", "A.") == "letter A.", form("number", "(1)") == "number (1)"."""
    shape = re.sub(r"[A-Za-z]+", lambda m: "A" if m.group(0).isupper() else "a", printed)
    shape = re.sub(r"\d+", "1", shape).strip()
    return f"{style} {shape}"


def hinted_forms(levels: list[str]) -> tuple[str, ...]:
    """["(a)", "(1)", "(i)"] -> ("letter (a)", "number (1)", "roman (i)"): a hint's outline order."""
    out = []
    for printed in levels:
        token = re.sub(r"[^0-9A-Za-z]", "", printed)
        style = "number" if token.isdigit() else "roman" if token.lower() in ("i", "ii", "iv", "v", "x") \
            else "letter"
        out.append(form(style, printed.strip()))
    return tuple(out)


def base(style_form: str) -> str:
    """"letter A." -> "letter"."""
    return style_form.split(" ", 1)[0]


@dataclass
class Mark:
    """One marker of a run: its possible styles and value, and what surrounds it."""

    key: tuple[int, int]  # (line number, position on the line)
    styles: tuple[str, ...]
    value: str
    wrapped: bool = False  # the line before does not end a sentence ("... within" / "(15) hours")
    after_heading: bool = False  # a sub-heading comes right before it
    same_line: bool = False  # a second marker on one line ("b) 1."): must open a deeper level
    after_conjunction: bool = False  # the item before ends "; or" / "; and": the list goes on
    order: tuple[str, ...] = ()  # the outline order a `numbering: levels:` hint gives, as forms


@dataclass
class Decision:
    """What the solver read a marker as: a level (style, depth) or plain text."""

    style: str
    depth: int  # index in the stack of open levels; -1 for text
    before: Stack  # the stack the decision was made on (the builder checks it still holds)
    move: str = ""

    @property
    def is_text(self) -> bool:
        return self.depth < 0


@dataclass
class _State:
    stack: Stack
    cost: float
    trail: tuple  # decisions so far, newest last (tuples share their prefix: linear memory)


def solve(marks: list[Mark]) -> dict[tuple[int, int], Decision]:
    """The cheapest reading of a whole run of markers: {marker key: Decision}."""
    beam = [_State((), 0.0, ())]
    for mark in marks:
        candidates: dict[Stack, _State] = {}
        for state in beam:
            for stack, cost, decision in _moves(state.stack, mark):
                total = state.cost + cost
                known = candidates.get(stack)
                if known is None or total < known.cost:
                    candidates[stack] = _State(stack, total, (state.trail, decision))
        beam = sorted(candidates.values(), key=lambda s: s.cost)[:BEAM]
        if not beam:
            return {}
    return _unwind(beam[0].trail, marks)


def _unwind(trail: tuple, marks: list[Mark]) -> dict[tuple[int, int], Decision]:
    decisions = []
    while trail:
        trail, decision = trail
        decisions.append(decision)
    decisions.reverse()
    return {mark.key: decision for mark, decision in zip(marks, decisions)}


def _moves(stack: Stack, mark: Mark):
    """Every reading of `mark` on top of `stack`: (new stack, cost, Decision)."""
    styles_open = [style for style, _ in stack]
    for style in mark.styles:
        n = ordinal(base(style), mark.value)
        if n <= 0:
            continue
        for depth in range(len(stack) - 1, -1, -1):
            open_style, last = stack[depth]
            if base(open_style) != base(style) or mark.same_line:
                continue
            if open_style != style:  # "(b)" continuing "a)": the same list printed inconsistently
                if n == last + 1:
                    yield (stack[:depth] + ((open_style, n),), COST["other_form"],
                           Decision(open_style, depth, stack, "continue"))
                continue
            if n == last + 1:
                yield stack[:depth] + ((style, n),), COST["continue"], Decision(style, depth, stack, "continue")
            elif n == 1:
                cost = COST["restart_after_heading"] if mark.after_heading else COST["restart"]
                yield stack[:depth] + ((style, n),), cost, Decision(style, depth, stack, "restart")
            elif n > last + 1:
                yield stack[:depth] + ((style, n),), COST["skip"], Decision(style, depth, stack, "skip")
        if style not in styles_open:
            cost = COST["open"] if n == 1 else COST["start_late"]
            if mark.after_conjunction:
                cost += COST["open_after_conjunction"]
            if mark.order and (style not in mark.order or mark.order.index(style) != len(stack)):
                cost += COST["against_hint"]  # the front matter says this form sits at another depth
            yield stack + ((style, n),), cost, Decision(style, len(stack), stack, "open" if n == 1 else "start")
        elif n == 1:
            # the same style again, deeper: "c. / iii. / a.-d." (New Westminster C.23.5)
            yield stack + ((style, n),), COST["open_again"], Decision(style, len(stack), stack, "open")
    if mark.value == "1" and not mark.same_line:
        # "k. ... ; or" / "1. is convicted": the PDF printed l. as 1.
        for depth in range(len(stack) - 1, -1, -1):
            open_style, last = stack[depth]
            if base(open_style) == "letter" and last == 11:
                yield stack[:depth] + ((open_style, 12),), COST["one_as_l"], Decision(open_style, depth, stack, "one-as-l")
    if mark.same_line:  # only read as text with the marker before it (the builder keeps the line whole)
        yield stack, COST["open"] + 0.05, Decision("", -1, stack, "text")
    else:
        cost = COST["text_wrap"] if mark.wrapped else COST["text"]
        yield stack, cost, Decision("", -1, stack, "text")
