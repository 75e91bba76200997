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

import functools
import re
from dataclasses import dataclass

from .citations import ordinal

BEAM = 16
COST = {"continue": 0.0, "open": 0.3, "restart": 1.0, "restart_after_heading": 0.2,
        "skip": 2.0, "open_again": 0.8, "other_form": 0.6,
        "one_as_l": 0.5, "against_hint": 3.0, "open_after_conjunction": 0.6, "start_late": 2.5, "text_wrap": 1.5, "text": 4.0}

Stack = tuple[tuple[str, int], ...]  # open levels: (style form, ordinal)


def form(style: str, printed: str) -> str:
    """A marker's style with how it is printed, as regparser tells lower from upper letters and
    "(1)" from "1.": form("letter", "A.") == "letter A.", form("number", "(1)") == "number (1)"."""
    shape = LETTERS.sub(lambda m: "A" if m.group(0).isupper() else "a", printed)
    shape = DIGITS.sub("1", shape).strip()
    return f"{style} {shape}"


LETTERS = re.compile(r"[A-Za-z]+")
DIGITS = re.compile(r"\d+")


def hinted_forms(levels: list[str]) -> tuple[str, ...]:
    """["(a)", "(1)", "(i)"] -> ("letter (a)", "number (1)", "roman (i)"): a hint's outline order."""
    out = []
    for printed in levels:
        token = re.sub(r"[^0-9A-Za-z]", "", printed)
        style = "number" if token.isdigit() else "roman" if token.lower() in ("i", "ii", "iv", "v", "x") \
            else "letter"
        out.append(form(style, printed.strip()))
    return tuple(out)


@functools.lru_cache(maxsize=None)
def base(style_form: str) -> str:
    """"letter A." -> "letter" (a handful of forms, asked for at every move: remembered)."""
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


def solve(marks: list[Mark]) -> dict[tuple[int, int], Decision]:
    """The cheapest reading of a whole run of markers: {marker key: Decision}.

    A state of the beam is (stack, cost, trail); the trail holds each marker's reading as
    (style, depth, stack before, move), newest last, in tuples that share their prefix (linear
    memory). Decisions are made only for the readings of the cheapest state, at the end."""
    beam: list[tuple[Stack, float, tuple]] = [((), 0.0, ())]
    for mark in marks:
        readings = _readings(mark)
        candidates: dict[Stack, tuple[Stack, float, tuple]] = {}
        for stack, cost_so_far, trail in beam:
            for new, cost, style, depth, move in _moves(stack, mark, readings):
                total = cost_so_far + cost
                known = candidates.get(new)
                if known is None or total < known[1]:
                    candidates[new] = (new, total, (trail, (style, depth, stack, move)))
        beam = sorted(candidates.values(), key=_cost)[:BEAM]
        if not beam:
            return {}
    return _unwind(beam[0][2], marks)


def _cost(state: tuple) -> float:
    return state[1]


def _unwind(trail: tuple, marks: list[Mark]) -> dict[tuple[int, int], Decision]:
    decisions = []
    while trail:
        trail, reading = trail
        decisions.append(Decision(*reading))
    decisions.reverse()
    return {mark.key: decision for mark, decision in zip(marks, decisions)}


def _readings(mark: Mark) -> list[tuple[str, str, int]]:
    """(style form, its base style, the marker's ordinal in it) for each style the marker may be
    read in, in order: the same for every state of the beam, so worked out once per marker."""
    out = []
    for style in mark.styles:
        out.append((style, base(style), ordinal(base(style), mark.value)))
    return out


def _moves(stack: Stack, mark: Mark, readings: list[tuple[str, str, int]]) -> list[tuple]:
    """Every reading of `mark` on top of `stack`: (new stack, cost, style, depth, move)."""
    moves = []
    styles_open = [style for style, _ in stack]
    for style, style_base, n in readings:
        if n <= 0:
            continue
        for depth in range(len(stack) - 1, -1, -1):
            open_style, last = stack[depth]
            if base(open_style) != style_base or mark.same_line:
                continue
            if open_style != style:  # "(b)" continuing "a)": the same list printed inconsistently
                if n == last + 1:
                    moves.append((stack[:depth] + ((open_style, n),), COST["other_form"], open_style, depth, "continue"))
                continue
            if n == last + 1:
                moves.append((stack[:depth] + ((style, n),), COST["continue"], style, depth, "continue"))
            elif n == 1:
                cost = COST["restart_after_heading"] if mark.after_heading else COST["restart"]
                moves.append((stack[:depth] + ((style, n),), cost, style, depth, "restart"))
            elif n > last + 1:
                moves.append((stack[:depth] + ((style, n),), COST["skip"], style, depth, "skip"))
        if style not in styles_open:
            cost = COST["open"] if n == 1 else COST["start_late"]
            if mark.after_conjunction:
                cost += COST["open_after_conjunction"]
            if mark.order and (style not in mark.order or mark.order.index(style) != len(stack)):
                cost += COST["against_hint"]  # the front matter says this form sits at another depth
            moves.append((stack + ((style, n),), cost, style, len(stack), "open" if n == 1 else "start"))
        elif n == 1:
            # the same style again, deeper: "c. / iii. / a.-d." (New Westminster C.23.5)
            moves.append((stack + ((style, n),), COST["open_again"], style, len(stack), "open"))
    if mark.value == "1" and not mark.same_line:
        # "k. ... ; or" / "1. is convicted": the PDF printed l. as 1.
        for depth in range(len(stack) - 1, -1, -1):
            open_style, last = stack[depth]
            if base(open_style) == "letter" and last == 11:
                moves.append((stack[:depth] + ((open_style, 12),), COST["one_as_l"], open_style, depth, "one-as-l"))
    if mark.same_line:  # only read as text with the marker before it (the builder keeps the line whole)
        moves.append((stack, COST["open"] + 0.05, "", -1, "text"))
    else:
        cost = COST["text_wrap"] if mark.wrapped else COST["text"]
        moves.append((stack, cost, "", -1, "text"))
    return moves
