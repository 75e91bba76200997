"""The document's numbering, learned from the document itself (and a `numbering:` hint).

Before any line is parsed, every heading-like line and every line-start number is read as a
candidate, and the document's scheme is chosen from whole sequences, not line by line:

* the **unit keyword**: the body keyword whose headings run longest (Article, else Section,
  Chapter, Part); Parts or letter Sections that enclose articles are containers;
* the **clause scheme**: `prefixed` decimals (`12.05` in Article 12); `restarting` keyword
  clauses (`Section 3` in every article, cited `12.3`); `continuous` numbers (`1.`…`316.`
  straight through a document whose Parts are only headings, cited `23`, `23.4`);
* which lines carry the continuous sequence: the longest chain of `N.` lines whose numbers
  go up by one (a list `1. 2. 3.` inside a clause cannot outrun it).

`describe()` prints it the way the build reports it:
`ARTICLE roman -> Section n. (restarting) -> (a) -> (1)`.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..model import Line
from .headings import Heading, read_heading
from .subgroups import restarting_subheadings

BODY_KINDS = ("article", "section", "chapter", "clause", "part")
MIN_RUN = 2  # a keyword opens units when at least this many of its headings continue a sequence
MIN_CONTINUOUS = 5


@dataclass
class Profile:
    """How this document numbers itself. Read by the tree builder; printed in the build report."""

    unit_kind: str = "article"
    containers: set[str] = field(default_factory=set)  # kinds that group units ("part", "section")
    # containers printed in mixed case ("Section A. General Provisions"): accepted because their
    # letters run A, B, C in order, each above articles; a lone mixed-case "Section B" stays text
    mixed_containers: set[str] = field(default_factory=set)
    section_role: str = "none"  # unit | container | clause | none
    clause_scheme: str = "prefixed"  # prefixed | restarting | continuous
    continuous_lines: set[int] = field(default_factory=set)  # lines that open continuous clauses
    decimal_heads: set[int] = field(default_factory=set)  # "2." lines whose "2.1" follows: a clause
    numerals: dict[str, str] = field(default_factory=dict)  # kind -> arabic | roman | letter
    letter_kinds: set[str] = field(default_factory=set)  # kinds numbered by letters ("PART I" is I)
    hint_used: list[str] = field(default_factory=list)
    levels: list[str] = field(default_factory=list)  # outline styles in order of first appearance
    last_unit: str = ""  # the cite of the document's last body unit heading: after it come the late units
    heading_lines: dict[int, str] = field(default_factory=dict)  # line number -> kind of the heading read there
    group_lines: set[int] = field(default_factory=set)  # sub-headings whose clauses repeat numbers (subgroups.py)

    def describe(self) -> str:
        """"ARTICLE roman -> Section n. (restarting) -> (a) -> (1)": what the build says it read."""
        parts = [f"{self.unit_kind.upper()} {self.numerals.get(self.unit_kind, 'arabic')}"]
        for container in sorted(self.containers):
            parts.insert(0, f"{container.upper()} {self.numerals.get(container, 'arabic')} (container)")
        if self.clause_scheme == "restarting":
            parts.append("Section n. (restarting)")
        elif self.clause_scheme == "continuous":
            parts.append("clauses n. (continuous) -> n.n")
        else:
            parts.append("n.nn (prefixed)")
        parts += self.levels
        text = " -> ".join(parts)
        if self.hint_used:
            text += f" [hint: {', '.join(self.hint_used)}]"
        return text


def learn(lines: list[Line], hint=None) -> Profile:
    """Choose the document's numbering from its cleaned lines; a front-matter hint overrides it."""
    headings = [(line.no, h) for line in lines if (h := _heading(line.text))]
    profile = Profile(heading_lines={no: h.kind for no, h in headings})
    by_kind = {kind: [h for _, h in headings if h.kind == kind] for kind in BODY_KINDS}
    profile.letter_kinds = {k for k, hs in by_kind.items() if _lettered(hs)}
    runs = {kind: _longest_run(hs, kind in profile.letter_kinds) for kind, hs in by_kind.items()}
    profile.unit_kind = _unit_kind(runs, headings)
    for kind, hs in by_kind.items():
        if hs:
            profile.numerals[kind] = "letter" if kind in profile.letter_kinds else _numeral(hs)
    profile.containers, profile.mixed_containers = _containers(headings, profile.unit_kind)
    last = [h for _, h in headings if h.kind == profile.unit_kind and h.upper] \
        or [h for _, h in headings if h.kind == profile.unit_kind]
    if last:
        profile.last_unit = max(last, key=lambda h: _value(h, profile.unit_kind in profile.letter_kinds)).cite
    profile.section_role = _section_role(headings, profile)
    if profile.section_role == "clause":
        profile.clause_scheme = "restarting"
    if profile.unit_kind in ("part", "chapter") or not runs.get(profile.unit_kind):
        chain = _continuous_chain(lines)
        unit_lines = [no for no, h in headings if h.kind == profile.unit_kind]
        if len(chain) >= MIN_CONTINUOUS or (len(chain) >= 2 and _spans_units(chain, unit_lines)):
            profile.clause_scheme, profile.continuous_lines = "continuous", set(chain)
    _apply_hint(profile, hint, lines)
    profile.decimal_heads = _decimal_heads(lines) - profile.continuous_lines
    if profile.clause_scheme == "prefixed":
        units = {no: h.cite if h.kind == profile.unit_kind else "" for no, h in headings}
        profile.group_lines = restarting_subheadings(lines, units)
    return profile


DECIMAL_START = re.compile(r"^(?:[-•]\s*)?(\d{1,3})\.\d{1,3}\b")
LOOKAHEAD = 8


def _decimal_heads(lines: list[Line]) -> set[int]:
    """"2." (or "2. Workers eligible") whose own decimals "2.1" follow within a few lines: a clause
    of a schedule or appendix that numbers itself (Austrade Appendix B), not an item of a list."""
    texts = [(line.no, line.text.strip()) for line in lines if line.text.strip()]
    heads = set()
    for k, (no, text) in enumerate(texts):
        value = _clause_number(text)
        if value is None:
            continue
        for _, later in texts[k + 1:k + 1 + LOOKAHEAD]:
            if _clause_number(later) is not None:
                break
            match = DECIMAL_START.match(later)
            if match:
                if int(match.group(1)) == value:
                    heads.add(no)
                break
    return heads


def _spans_units(chain: list[int], unit_lines: list[int]) -> bool:
    """Does the run go on across a unit heading (Part 1: 1., 2. / Part 2: 3.)? Then it is the
    document's clause numbering, not a list that restarts in each part."""
    return any(chain[0] < no < chain[-1] for no in unit_lines)


def _heading(text: str) -> Heading | None:
    text = text.strip()
    return read_heading(text) if text else None


def _lettered(headings: list[Heading]) -> bool:
    """Parts A, B, C ... G, I: a kind printed with letters reads "I" as a letter, not roman one."""
    letters = [h for h in headings if h.numeral == "letter"]
    return len(letters) >= 2 and len(letters) >= len(headings) // 2


def _value(h: Heading, lettered: bool) -> int:
    if lettered and len(h.printed_num.strip("()")) == 1:
        return ord(h.printed_num.strip("()").upper()) - 64
    if h.numeral == "lettered":  # "A.6": Section A's sixth article; B.1 comes after A.9
        letter, _, number = h.num.partition(".")
        return (ord(letter.upper()) - 64) * 1000 + int(number)
    return int(h.num) if h.num.isdigit() else 0


def _longest_run(headings: list[Heading], lettered: bool) -> int:
    """How many headings of a kind go up in order (gaps allowed, as in DHA's Parts with no H)."""
    run, last = 0, 0
    for h in headings:
        value = _value(h, lettered)
        if value > last:
            run, last = run + 1, value
    return run


def _unit_kind(runs: dict[str, int], headings: list[tuple[int, Heading]]) -> str:
    # Sections come after the other unit words: "Chapter ii" / "Section 1." is a Section inside a
    # Chapter; only a document without Articles, Chapters or Clauses is cut into Sections.
    for kind in ("article", "chapter", "clause", "section", "part"):
        if runs.get(kind, 0) >= MIN_RUN:
            return kind
    upper = [h.kind for _, h in headings if h.kind in BODY_KINDS and h.upper and h.num]
    return max(set(upper), key=upper.count) if upper else "article"


def _containers(headings: list[tuple[int, Heading]], unit_kind: str) -> tuple[set[str], set[str]]:
    """A kind whose headings are each followed by unit headings before the next one encloses
    units: New Westminster's SECTION A … ARTICLE A.1; Parts that hold Articles. Upper-case
    keywords are strong; mixed-case ones ("Section A. General Provisions") count only when
    their letters run A, B, C … in order (a sequence a reference cannot make). Returns the
    container kinds and, of those, the ones printed in mixed case."""
    found, mixed = set(), set()
    for kind in ("part", "section", "chapter"):
        if kind == unit_kind:
            continue
        marks = [i for i, (_, h) in enumerate(headings) if h.kind == kind and h.upper]
        lower = False
        if len(marks) < 2:
            marks, lower = _lettered_run(headings, kind), True
        if len(marks) < 2:
            continue
        holding = 0
        for k, i in enumerate(marks):
            end = marks[k + 1] if k + 1 < len(marks) else len(headings)
            if any(h.kind == unit_kind for _, h in headings[i + 1:end]):
                holding += 1
        if holding >= len(marks) - 1 and _numbered_by_letter_or_few(headings, kind):
            found.add(kind)
            if lower:
                mixed.add(kind)
    return found, mixed


def _lettered_run(headings: list[tuple[int, Heading]], kind: str) -> list[int]:
    """Indexes of a kind's titled letter headings when they read A, B, C … exactly, else []."""
    marks = [i for i, (_, h) in enumerate(headings) if h.kind == kind]
    letters = [headings[i][1] for i in marks]
    if not all(h.numeral == "letter" and h.title for h in letters):
        return []
    if [h.num for h in letters] != [chr(ord("A") + k) for k in range(len(letters))]:
        return []
    return marks


def _numbered_by_letter_or_few(headings: list[tuple[int, Heading]], kind: str) -> bool:
    units = sum(1 for _, h in headings if h.kind != kind)
    mine = sum(1 for _, h in headings if h.kind == kind)
    return mine * 2 <= units


def _section_role(headings: list[tuple[int, Heading]], profile: Profile) -> str:
    if profile.unit_kind == "section":
        return "unit"
    if "section" in profile.containers:
        return "container"
    sections = [h for _, h in headings if h.kind == "section" and h.numeral in ("arabic", "roman")]
    if profile.unit_kind not in ("article", "chapter", "part", "clause") or len(sections) < 2:
        return "none"
    restarts = sum(1 for a, b in zip(sections, sections[1:]) if int(b.num or 0) <= int(a.num or 0))
    return "clause" if restarts >= 1 or len(sections) >= 3 else "none"


def _numeral(headings: list[Heading]) -> str:
    kinds = [h.numeral for h in headings]
    return max(set(kinds), key=kinds.count) if kinds else "arabic"


def _continuous_chain(lines: list[Line]) -> list[int]:
    """Line numbers of the longest run of `N.` lines going up by one, across the document.

    Dynamic programming over the candidates in order: best[v] is the longest chain ending in
    value v so far, so a list "1. 2. 3." inside clause 12 cannot displace clauses 1 … 74.
    """
    best: dict[int, tuple[int, int]] = {}  # value -> (length, index of its candidate)
    cands: list[tuple[int, int, int]] = []  # (line no, value, previous candidate index)
    for line in lines:
        value = _clause_number(line.text)
        if value is None:
            continue
        prev = best.get(value - 1)
        length = prev[0] + 1 if prev else 1
        cands.append((line.no, value, prev[1] if prev else -1))
        if length > best.get(value, (0, -1))[0]:
            best[value] = (length, len(cands) - 1)
    if not best:
        return []
    _, index = max(best.values())
    chain = []
    while index >= 0:
        chain.append(cands[index][0])
        index = cands[index][2]
    return sorted(chain)


CLAUSE_LINE = re.compile(r"^(\d{1,3})\.(?:\s+(\S.*))?$")


def _clause_number(text: str) -> int | None:
    """A line that can open a continuous clause: "12. Salary advancement" or "12." alone."""
    match = CLAUSE_LINE.match(text.strip().strip("*").strip())
    if not match:
        return None
    rest = (match.group(2) or "").strip()
    if rest and read_heading(text) is not None:
        return None  # "1. SECTION 1: SCOPE" is a heading that repeats its number
    if rest and (not rest[:1].isupper() or len(rest.split()) > 14 or rest.endswith((".", ";", ","))):
        return None
    return int(match.group(1))


def _apply_hint(profile: Profile, hint, lines: list[Line]) -> None:
    """`numbering:` in the front matter: units (keywords), clauses (scheme). Reported as used."""
    if not hint:
        return
    units = getattr(hint, "units", None) or []
    if isinstance(units, str):
        units = [units]
    if units:
        profile.unit_kind = units[0].strip().lower()
        profile.hint_used.append(f"units: {units[0]}")
    scheme = getattr(hint, "clauses", None)
    if scheme:
        profile.clause_scheme = scheme
        profile.hint_used.append(f"clauses: {scheme}")
        if scheme == "restarting":
            profile.section_role = "clause"
        if scheme == "continuous" and not profile.continuous_lines:
            profile.continuous_lines = set(_continuous_chain(lines))
    levels = getattr(hint, "levels", None)
    if levels:
        profile.levels = list(levels)
        profile.hint_used.append(f"levels: {' '.join(levels)}")
