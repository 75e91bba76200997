"""Which headings open units, and where units and decimal clauses go: rules that need context.

The evidence is the document's own: its table of contents (which articles and letters it
lists), what has been opened so far, and the case of the keyword. Nothing here knows a file.
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..clean import Cleaned
from ..model import Problem
from .citations import child_cite
from .headings import Heading, unit_cite
from .profile import Profile, learn

if TYPE_CHECKING:
    from ..model import Node
    from .parse import TreeBuilder

UNNUMBERED = {"Cover", "Preamble", "Signatures", ""}
NODE_KINDS = {"clause": "article"}  # "CLAUSE 1 – PARTIES" (New Zealand) is an article; "clause" is for items


LATE_KINDS = {"schedule", "appendix", "addendum", "lou", "mou", "moa", "exhibit", "attachment",
              "side-letter", "annex"}
BETWEEN = re.compile(r"^between\s*:?$", re.IGNORECASE)


def node_kind(heading_kind: str) -> str:
    """The tree kind of a unit heading's node."""
    return NODE_KINDS.get(heading_kind, heading_kind)


class UnitRules:
    """Context rules for unit headings, built from the cleaned document (its TOC and headings)."""

    def __init__(self, cleaned: Cleaned, hint=None):
        self.profile: Profile = learn(cleaned.lines, hint)
        self.toc_articles = {e.num for e in cleaned.toc if e.kind == "article"}
        self.toc_letters = [e.num for e in cleaned.toc if e.kind == "lou"]
        has_letter_headings = "lou" in self.profile.heading_lines.values()
        # Sooke prints no "LETTER OF UNDERSTANDING # n" heading at all; its TOC numbers the letters.
        self.headless_letters = bool(self.toc_letters) and not has_letter_headings
        self.headless_count = 0
        self.left_articles = False
        self.letter_prefix = ""

    def accepts(self, heading: Heading, b: "TreeBuilder") -> bool:
        """Does this heading open a unit here? Rejected headings stay as text (nothing is lost)."""
        if heading.kind == "group":
            self.letter_prefix = "Local " if "LOCAL" in heading.title.upper() else ""
            return True
        self.recite(heading)
        unit_kind = self.profile.unit_kind
        if heading.kind == unit_kind:
            return self._accepts_article(heading, b)
        if heading.kind in self.profile.containers:
            strong = heading.upper or heading.kind in self.profile.mixed_containers
            return strong and not self.left_articles and heading.cite not in b.by_cite
        if heading.kind == "section" and self.profile.section_role == "none" and unit_kind == "article" \
                and heading.numeral == "letter":
            return not self.left_articles and heading.cite not in b.by_cite
        if heading.kind in ("article", "section", "chapter", "clause") or (heading.kind == "part" and heading.num):
            return False  # not this document's unit keyword: a reference or a clause (see parse)
        if heading.kind == "part":
            return heading.cite not in b.by_cite
        if heading.kind == "lou" and self.letter_prefix:
            heading.cite = self.letter_prefix + heading.cite
        self.attach_repeat(heading, b)
        if b.unit is not None and b.unit.cite.endswith(heading.cite):
            return False  # the unit's own heading printed again (a running header or a title line)
        if heading.numeral == "none" and b.unit is not None and b.unit.kind == heading.kind \
                and not b.unit.children and len(b.unit.blocks) <= 2:
            return False  # "LETTER #5" / "LETTER OF UNDERSTANDING": the second line names the first
        if self.before_body(b) and not heading.title:
            return False  # "MEMORANDUM OF UNDERSTANDING" above Article I is the document's title
        if heading.upper:
            return True
        if heading.title.isupper() and len(heading.title) > 3:
            return True  # "Appendix A: AUSTRADE PAY SCALES": a heading, whatever the keyword's case
        rest_is_phrase = heading.title[:1].islower() and not heading.attached_to and not heading.separated
        return self._past_articles(b) and not rest_is_phrase

    def recite(self, heading: Heading) -> None:
        """Cite a heading the way this document numbers: "PART I" among Parts A-M is Part I;
        a Section that is the unit keyword is cited by its number ("1", page "section-1")."""
        if heading.kind in self.profile.letter_kinds and heading.numeral == "roman" \
                and len(heading.printed_num) == 1:
            heading.num, heading.numeral = heading.printed_num.upper(), "letter"
            heading.cite = unit_cite(heading.kind, heading.num)
        if heading.kind == self.profile.unit_kind and heading.kind == "section" \
                and heading.numeral != "letter" and heading.num:
            heading.cite = heading.num

    def opened(self, heading: Heading) -> None:
        if heading.kind in LATE_KINDS or heading.cite == "Signatures":
            self.left_articles = True

    def _accepts_article(self, heading: Heading, b: "TreeBuilder") -> bool:
        if self.left_articles or heading.cite in b.by_cite:
            return False
        last = [n for n in b.units if n.kind == node_kind(heading.kind) and n.cite not in UNNUMBERED]
        if not heading.upper and heading.cite not in self.toc_articles:
            # "Article 1 – Purpose" in mixed case opens an article only as the next in sequence,
            # with a title: a line "Article 8 Hours of Work" in a letter is a reference.
            expected = _article_number(last[-1].cite) + 1 if last else 1
            # "Article 4" alone on its line (its title on the next) is a heading too
            titled = heading.title[:1].isupper() or (heading.separated and bool(heading.title)) \
                or not heading.title
            return _article_number(heading.cite) == expected and titled and heading.cite not in b.by_cite
        if not last or _article_number(heading.cite) > _article_number(last[-1].cite) \
                or heading.cite[:1] != last[-1].cite[:1]:
            return True
        word = heading.kind.capitalize()
        b.problems.append(Problem(b.path, b.line_no, f"'{word.upper()} {heading.printed_num or heading.cite}' comes "
                                  f"after {word} {last[-1].cite}: kept as text of {word} {last[-1].cite}; if it is "
                                  f"a new {heading.kind}, put the {heading.kind}s in order"))
        return False

    @staticmethod
    def attach_repeat(heading: Heading, b: "TreeBuilder") -> None:
        """A second "Appendix A" after an unnumbered addendum or letter is that addendum's own:
        "Addendum Appendix A" (Boilermakers: the long-term maintenance addendum's Appendices A, B, D)."""
        if heading.cite not in b.by_cite or heading.kind not in ("appendix", "schedule", "exhibit", "attachment"):
            return
        holders = [u for u in b.units if u.kind in ("addendum", "lou", "mou", "moa") and u.line > b.by_cite[heading.cite].line]
        if holders:
            heading.attached_to = holders[-1].cite
            heading.cite = f"{holders[-1].cite} {heading.cite}"

    def before_body(self, b: "TreeBuilder") -> bool:
        """No body unit opened yet, though the document has them (its profile found a run)."""
        if not self.profile.last_unit or self.left_articles:
            return False
        return not any(n.kind == node_kind(self.profile.unit_kind) for n in b.units)

    def _past_articles(self, b: "TreeBuilder") -> bool:
        seen = {n.cite for n in b.units if n.kind == node_kind(self.profile.unit_kind)}
        return self.left_articles or (bool(self.toc_articles) and self.toc_articles <= seen) \
            or (bool(self.profile.last_unit) and self.profile.last_unit in seen)

    def parent_for(self, heading: Heading, b: "TreeBuilder") -> "Node":
        """Articles go under the open Section (New Westminster's SECTION A ...); the rest at the top."""
        if heading.kind == self.profile.unit_kind and self.profile.containers:
            containers = [n for n in b.root.children if n.kind in self.profile.containers]
            if containers:
                return containers[-1]
        self.opened(heading)
        return b.root

    def starts_headless_letter(self, text: str, b: "TreeBuilder") -> bool:
        """A letter whose heading was lost begins at its parties block ("between / BOARD ... / and")."""
        if not self.headless_letters or not BETWEEN.match(text) or b.unit is None:
            return False
        return b.unit.kind == "lou" or b.unit.cite == "Signatures"

    def headless_letter(self, b: "TreeBuilder") -> Heading:
        k = self.headless_count
        self.headless_count += 1
        if k < len(self.toc_letters):
            num, note = self.toc_letters[k], "number from the table of contents"
        else:
            last = int(self.toc_letters[-1]) + (k - len(self.toc_letters)) + 1
            num, note = str(last), "not in the table of contents: numbered after the last letter listed"
        return Heading("lou", f"{self.letter_prefix}LOU {num}", "", True, note=note)

    def decimal_cite(self, value: str, unit: "Node") -> str | None:
        """"12.05" in Article 12 is "12.05"; "8.1" in a letter is "LOU 4.8.1"; "12.05" in Article 11 is text."""
        if self.profile.clause_scheme == "continuous" and unit.kind in ("part", "chapter", "document"):
            return None if value[:1].isalpha() else value  # "12.3" in a Part of an Australian agreement is clause 12's subclause
        if unit.kind == "article" or unit.kind == self.profile.unit_kind:
            return value if value.startswith(unit.cite + ".") else None
        own = unit.cite.rsplit(" ", 1)[-1]
        if unit.kind in LATE_KINDS and (own.isdigit() or own.isalpha() and len(own) == 1) \
                and value.startswith(own + ".") and unit.kind not in ("lou", "mou", "moa", "side-letter"):
            # "4.1" in Appendix 4 is Appendix 4.1, "A.2" in Schedule A is Schedule A.2 (its number
            # prefixes its clauses, as in an article)
            return child_cite(unit.cite, value[len(own) + 1:])
        if value[:1].isalpha():
            return None  # "B.3" outside Schedule B: text
        return child_cite(unit.cite, value)

    @staticmethod
    def decimal_parent(cite: str, unit: "Node", by_cite: dict, within) -> "Node":
        """The nearest existing clause whose citation is a prefix ("7.1" for "7.1.1"), else the unit."""
        parts = cite.split(".")
        padded = _padded_parent(cite)  # "3.301" hangs from "3.300" (Alberta NMA hundreds)
        if padded and padded in by_cite and within(by_cite[padded], unit):
            return by_cite[padded]
        for k in range(len(parts) - 1, 0, -1):
            candidate = by_cite.get(".".join(parts[:k]))
            if candidate is not None and candidate is not unit and within(candidate, unit):
                return candidate
        return unit


def _padded_parent(cite: str) -> str:
    """"3.301" -> "3.300", "9.120" -> "9.100": in a hundreds scheme the round number is the parent."""
    head, _, last = cite.rpartition(".")
    if not head or len(last) < 3 or not last.isdigit() or last.endswith("00"):
        return ""
    return f"{head}.{last[0]}{'0' * (len(last) - 1)}"


def _article_number(cite: str) -> int:
    """Order of a unit in its sequence: "12" -> 12, "A.6" -> 6, "Part C" -> 3."""
    digits = re.findall(r"\d+", cite)
    if digits:
        return int(digits[-1])
    last = cite.strip()[-1:].upper()
    return ord(last) - 64 if last.isalpha() else 0

