"""Glossaries printed as lists, not sentences: pure functions over the lines of a "Definitions" part.

Two layouts, both from PDF tables that lost their columns (definitions.py decides where a glossary
is and turns each pair into a definition):

  pairs      a term alone on its line(s), its definition in the lines after it:
               Agreement                          Immediate family
               Means the Austrade Enterprise ...  member
                                                  Means a spouse, de facto partner ...
  blocks     pdftotext printed the table's first column as one block and the second column after
             it; the n-th term goes with the n-th definition (counts must match, else reported):
               Fair Work / Commission / Fair Work Regulations / Home
               Fair Work Commission as established under ... / Fair Work Regulations as ... / The place ...

A paragraph is a run of lines with no blank line between them (source line numbers tell). A
paragraph of short lines without closing punctuation is a *terms* paragraph; anything else is a
*definitions* paragraph. Terms paragraphs followed by definitions paragraphs pair up in order.
Where a terms paragraph holds several terms whose lines may wrap ("Fair Work" / "Commission"),
the grouping that makes as many terms as there are definitions, and best explains them (the
definition starts with its term; the term is used elsewhere in the agreement), wins.
"""
from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field
from typing import Callable

from .def_find import NOT_TERM, Q_CLOSE, Q_OPEN, label_term

# Column headings of a glossary table: "Term" / "Definition", "Word" / "Meaning".
HEADER = re.compile(r"(?:terms?|definitions?|meanings?|words?|expressions?|abbreviations?|acronyms?)"
                    r"(?:\s+(?:and\s+)?(?:definitions?|meanings?))?\s*:?", re.I)
# Words that open a definition printed apart from its term ("Means a person ...", "Includes former ...").
DEF_START = re.compile(r"(?:means|includes|refers\s+to|shall\s+mean|is\s+defined\s+as|has\s+the\s+meaning)\b|"
                       r"(?:Is|Are)\s", re.I)
# Words that start the next definition inside a block of definitions ("means this enterprise agreement").
NEW_DEF = re.compile(r"(?:[Mm]eans|Includes|Refers\s+to|Is|Are)\b")
# A definitions paragraph that names its own term ("Disability support pension means the ...").
SELF_DEFINED = re.compile(r"[" + Q_OPEN + r"]?[A-Za-z][\w'’()-]*(?:\s+[\w'’()-]+){0,5}[" + Q_CLOSE + r"]?\s+"
                          r"(?:means|shall\s+mean|is\s+defined\s+as)\b")
BULLET = "•·▪–-*"
MAX_TERM_WORDS = 6
MAX_GROUPINGS = 2000


@dataclass
class GLine:
    """One line of a glossary: its text, its source lines and what it came from (a block)."""

    text: str
    first: int = 0  # 1-based source line; 0 when unknown
    last: int = 0
    ref: object = None


@dataclass
class Pair:
    """A term and its definition, read from a list."""

    term: str
    text: str
    term_lines: list[GLine]
    def_lines: list[GLine]
    aliases: list[str] = field(default_factory=list)
    layout: str = "pairs"  # pairs | blocks


@dataclass
class Reading:
    pairs: list[Pair] = field(default_factory=list)
    problems: list[tuple[int, str]] = field(default_factory=list)  # (source line, what is wrong)
    unpaired: list[GLine] = field(default_factory=list)  # the lines of the runs that did not pair up


Para = list[GLine]


def read_glossary(lines: list[GLine], known: Callable[[str], bool] = lambda term: False) -> Reading:
    """Every (term, definition) pair of a glossary printed as lines. `known(term)`: the term is
    used elsewhere in the agreement (evidence for how wrapped term lines group)."""
    lines = [ln for ln in lines if ln.text.strip() and not HEADER.fullmatch(ln.text.strip())
             and not re.fullmatch(r"\s*\d{1,3}\s*", ln.text)]
    runs = _runs(_paragraphs(lines))
    out = Reading()
    for (kind, terms), (next_kind, defs) in zip(runs, runs[1:]):
        if kind != "terms" or next_kind != "defs":
            continue
        definitions = _split_definitions(defs)
        grouped = _group_terms(terms, definitions, known)
        if isinstance(grouped, str):
            out.problems.append((terms[0][0].first, grouped))
            out.unpaired += [ln for para in terms + defs for ln in para]
            continue
        layout = "pairs" if len(grouped) == 1 else "blocks"
        for term_lines, def_lines in zip(grouped, definitions):
            term, aliases = label_term(" ".join(ln.text.strip() for ln in term_lines))
            if term:
                text = " ".join(" ".join(ln.text.split()) for ln in def_lines)
                out.pairs.append(Pair(term, text, term_lines, def_lines, aliases, layout))
    return out


def _paragraphs(lines: list[GLine]) -> list[Para]:
    """Runs of lines with no blank line between them; lines of unknown place are each their own."""
    paras: list[Para] = []
    for ln in lines:
        if paras and ln.first and paras[-1][-1].last and ln.first == paras[-1][-1].last + 1:
            paras[-1].append(ln)
        else:
            paras.append([ln])
    return [part for para in paras for part in _split_off_terms(para)]


def _split_off_terms(para: Para) -> list[Para]:
    """A term printed right under the end of the previous definition, with no blank line
    ("... unless otherwise specified in this / Agreement. / FW Act"), starts a paragraph: a
    term-like line after a line ending in "." that ends the paragraph or comes before "Means",
    or after a lead-in ending in ":" ("In this Agreement:" / "Agency"); and the first "means"
    after lines that are all terms starts the definitions ("Agency" / "APS" / "means the ...")."""
    parts = [[para[0]]]
    for i, ln in enumerate(para[1:], 1):
        after = para[i + 1].text.strip() if i + 1 < len(para) else ""
        ended = para[i - 1].text.rstrip()
        all_terms = _is_term_line(parts[-1][0].text, True) and all(_is_term_line(x.text, False) for x in parts[-1])
        if _is_term_line(ln.text, True) and (ended.endswith(":") or ended.endswith(".")
                                             and (not after or DEF_START.match(after))) or \
                all_terms and NEW_DEF.match(ln.text.strip()):
            parts.append([ln])
        else:
            parts[-1].append(ln)
    return parts


def _is_term_line(text: str, first: bool) -> bool:
    """ "Fair Work Act", "Immediate family", "(temporary) APS", "employee" (a wrapped term's end)."""
    text = " ".join(text.split())
    words = text.split()
    if not words or len(words) > MAX_TERM_WORDS or re.search(r"[.;:,!?]$", text) or DEF_START.match(text):
        return False
    if first:
        return bool(re.match(r"[" + Q_OPEN + r"]?[A-Z]", text)) and words[0].lower() not in NOT_TERM
    return True


def _kind(para: Para) -> str:
    """ "terms", "defs", or "self" (a paragraph that names its own term: not part of a list)."""
    if _is_term_line(para[0].text, True) and all(_is_term_line(ln.text, False) for ln in para[1:]):
        return "terms"
    return "self" if SELF_DEFINED.match(para[0].text.strip()) else "defs"


def _runs(paras: list[Para]) -> list[tuple[str, list[Para]]]:
    runs: list[tuple[str, list[Para]]] = []
    for para in paras:
        kind = _kind(para)
        if runs and runs[-1][0] == kind and kind != "self":
            runs[-1][1].append(para)
        else:
            runs.append((kind, [para]))
    return runs


def _split_definitions(paras: list[Para]) -> list[list[GLine]]:
    """The definitions of a run, in order. A new one starts with "Means"/"Includes", or after a
    line ending in "." with a capital or "(a)"; a paragraph after one ending in ":" or ";", or
    starting with a bullet or a small letter, continues it (a list inside one definition)."""
    defs: list[list[GLine]] = []
    for para in paras:
        for i, ln in enumerate(para):
            text = ln.text.strip()
            prev = (para[i - 1] if i else defs[-1][-1] if defs else None)
            prev_text = prev.text.rstrip() if prev else ""
            if i == 0:
                new = not defs or NEW_DEF.match(text) or not (
                    re.search(r"[:;,]$|\b(?:or|and)$", prev_text) or text[:1] in BULLET or text[:1].islower())
            else:
                new = bool(NEW_DEF.match(text)) or \
                    prev_text.endswith(".") and bool(re.match(r"[A-Z]|\((?:a|1|i)\)", text))
            if new:
                defs.append([ln])
            else:
                defs[-1].append(ln)
    return defs


def _joins(before: str, line: str) -> bool:
    """A term's line that cannot start a term: "(temporary) APS", "employee", after "health and"."""
    return line.strip()[:1].islower() or line.strip()[:1] == "(" or \
        bool(re.search(r"\b(?:of|and|&|to|for|the|in)$|-$", before.strip(), re.I))


def _group_terms(paras: list[Para], definitions: list[list[GLine]],
                 known: Callable[[str], bool]) -> list[list[GLine]] | str:
    """The terms of a run, as many as there are definitions: each paragraph holds one or more;
    lines that cannot start a term join the one before; the other line breaks are chosen."""
    atoms: list[list[GLine]] = []  # lines joined where they must be
    breaks: list[int] = []  # atom indexes where a term may or may not start
    for para in paras:
        for i, ln in enumerate(para):
            if i and _joins(para[i - 1].text, ln.text):
                atoms[-1].append(ln)
                continue
            if i:
                breaks.append(len(atoms))
            atoms.append([ln])
    need = len(definitions) - len(paras)
    if not 0 <= need <= len(breaks):
        return (f"the glossary lists {len(atoms)} term lines in {len(paras)} group(s) but {len(definitions)} "
                f"definitions: add the missing pairs in site_config/terms.yml")
    best: list[tuple[int, list[list[GLine]]]] = []
    for count, kept in enumerate(itertools.combinations(breaks, need)):
        if count >= MAX_GROUPINGS:
            break
        groups = _apply(atoms, paras, set(kept))
        score = sum(_score(g, d, known) for g, d in zip(groups, definitions))
        score -= sum(3 for i in range(len(groups) - 1) if _starts_with_both(definitions[i], groups[i], groups[i + 1]))
        if not best or score > best[0][0]:
            best = [(score, groups)]
        elif score == best[0][0]:
            best.append((score, groups))
    if len(best) > 1:
        return (f"the glossary's {len(definitions)} definitions fit its term lines in {len(best)} ways: "
                "say which in site_config/terms.yml")
    groups = best[0][1]
    cut = next((i for i in range(len(groups) - 1) if _starts_with_both(definitions[i], groups[i], groups[i + 1])), None)
    if cut is not None:  # a term or a definition is missing: pairing would shift every one after it
        return (f"the glossary's terms and definitions do not line up (\"{_words(groups[cut])}\" and "
                f"\"{_words(groups[cut + 1])}\" look like one term): add the pairs in site_config/terms.yml")
    return groups


def _words(lines: list[GLine]) -> str:
    return " ".join(" ".join(ln.text for ln in lines).split())


def _apply(atoms: list[list[GLine]], paras: list[Para], kept: set[int]) -> list[list[GLine]]:
    starts = set()
    index = 0
    for para in paras:
        starts.add(index)
        index += sum(1 for i, ln in enumerate(para) if not (i and _joins(para[i - 1].text, ln.text)))
    groups: list[list[GLine]] = []
    for i, atom in enumerate(atoms):
        if i in starts or i in kept:
            groups.append(list(atom))
        else:
            groups[-1] += atom
    return groups


def _starts_with_both(def_lines: list[GLine], term: list[GLine], following: list[GLine]) -> bool:
    """The definition starts with its term and the next one ("Fair Work" + "Commission" before
    "Fair Work Commission as established ..."): the two are one term cut in the wrong place."""
    words = " ".join(ln.text for ln in term + following[:1]).lower().split()
    return " ".join(def_lines[0].text.lower().split()).startswith(" ".join(words) + " ")


def _score(term_lines: list[GLine], def_lines: list[GLine], known: Callable[[str], bool]) -> int:
    """2 when the definition starts with the term ("Fair Work Commission as established ..."),
    1 when the agreement uses the term elsewhere, -2 for a term too long to be one."""
    term = " ".join(" ".join(ln.text for ln in term_lines).split()).strip(Q_OPEN + Q_CLOSE)
    definition = re.sub(r"^(?:means|the|a|an)\s+", "", " ".join(def_lines[0].text.split()), flags=re.I)
    score = 2 if definition.lower().startswith(term.lower() + " ") else 0
    score += 1 if known(term) else 0
    return score - (2 if len(term.split()) > MAX_TERM_WORDS else 0)
