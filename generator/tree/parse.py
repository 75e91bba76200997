"""Stage 3, tree: cleaned lines -> a Node tree where every unit and clause has a citation.

A line classifier and a stack, as in regulations-parser: unit headings open units; decimal
numbers ("12.05", "7.1.1") open clauses under their article; lettered, numbered and roman items
nest by the order in which their styles appear (the '#' level and indentation are ignored).
Text that fits nowhere stays in the nearest open node; nothing is dropped here.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..clean import Cleaned
from ..model import Artifact, Block, Line, Node, Problem, Source
from . import confidence, repair, tables
from .citations import child_cite, next_value, ordinal
from .headings import KEYWORD, Heading, read_heading, start_document as forget_headings
from .markers import LETTERED_DECIMAL, Marker, read_markers, start_document as forget_markers
from .depth import base as base_style, form as printed_form
from .outline import is_subheading, plan, stops_mid_sentence
from .restored_headings import restored_headings
from .titles import (DANGLING, PREFIX, TERMINAL, TITLE_MAX_WORDS, looks_like_title, outline_styles,
                     titles_from_re_lines, titles_from_toc)
from .units import LATE_KINDS, UnitRules, node_kind

LETTER_KINDS = ("lou", "mou", "moa", "side-letter")

BULLETS = "•●▪-"
GLUED_REFERENCE = re.compile(r"^(\((?:Articles?|Art\.)\s[^)]*\))\s*(?:-\s+(.*))?$")


@dataclass
class Level:
    """One open level of items: its marker style, the last value seen and its node."""

    style: str
    value: str
    node: Node
    form: str = ""  # the style as printed ("letter A.", "number (1)"): what the outline solver tracks


class TreeBuilder:
    """Builds the tree for one document, line by line. Use `build()`."""

    def __init__(self, source: Source, cleaned: Cleaned):
        self.path = str(source.path)
        self.removed = cleaned.removed  # the parser finds running headers, which only context tells
        # Bulletins and plain pages are prose: no numbering is read, every line is text.
        self.plain = source.meta.kind in ("bulletin", "page")
        self.restored, self.problems = restored_headings(cleaned, source.meta.hints, self.path)
        self.supplied_unit: Node | None = None  # a restored unit whose bullets get supplied letters
        self.sub_list = False  # the last supplied item ended with ":" (its bullets are its own list)
        self.root = Node("document", title=source.meta.title, line=source.first_line)
        self.rules = UnitRules(cleaned, getattr(source.meta.hints, "numbering", None))
        self.profile = self.rules.profile
        resets = self.profile.continuous_lines | self.profile.decimal_heads | set(self.profile.heading_lines)
        self.outline = {} if self.plain else plan(cleaned.lines, resets, self.profile.levels)
        self.unit: Node | None = None
        self.base: Node | None = None  # the node items attach to: a decimal clause or the unit
        self.levels: list[Level] = []
        self.rebase: Node | None = None  # where a self-numbered inner letter's decimals hang
        self.group: Node | None = None  # the open sub-heading group of the unit (tree/subgroups.py)
        self.by_cite: dict[str, Node] = {}
        self.parent_of: dict[int, Node] = {}  # id(node) -> its parent: ancestry without walking the tree
        self.units: list[Node] = []  # every unit opened so far, in order
        self.table: list[Line] = []
        self.after_subheading = False  # the block just before is a sub-heading
        self.subheading_since_item = False  # a sub-heading came after the last item opened
        self.last_subheading: tuple[Node, Block] | None = None
        self.title_continues = False
        self.title_next: Node | None = None  # a unit printed without a title: it may be on the next line
        # a marker line the cleaner joined to its text line ("b." / '"day" means ...'): the text's line
        self.joined = {join.marker_line: join.text_line for join in getattr(cleaned, "joins", [])}
        self.consumed: set[int] = set()  # lines already read as part of a heading split over two lines
        self.guessed_titles: set[int] = set()  # ids of units titled from the line after their heading
        self.pending_title: Node | None = None
        self.title_on_line: Node | None = None  # a clause titled by the rest of its own line, just now
        self.line_no = 0
        self.previous_text = ""  # the last non-blank line, and whether it stopped mid-sentence
        self.wrapped = False

    # -- driving ---------------------------------------------------------------------------
    def build(self, lines: list[Line]) -> Node:
        for i, line in enumerate(lines):
            self.feed(line, lines, i)
        self.flush_table()
        self.root.last_line = lines[-1].no if lines else self.root.line
        return self.root

    def feed(self, line: Line, lines: list[Line], i: int) -> None:
        text = line.text.strip()
        self.line_no = line.no
        if text:
            self.wrapped, self.previous_text = stops_mid_sentence(self.previous_text), text
        if not text:
            self.title_continues = False
            if self.table and not _next_is_table(lines, i):
                self.flush_table()
            return
        if tables.is_table_line(line.text) or (self.table and "\t" in line.text):
            self.table.append(line)
            return
        self.flush_table()
        if self.plain:
            self.add_text(text, line)
            return
        if line.no in self.restored:
            self.open_unit(self.restored[line.no], line, printed=False)
            self.unit.printed = f"{self.unit.cite} – {self.unit.title}".strip(" –")
            self.supplied_unit = self.unit if self.unit.kind != "part" else None
            self.sub_list = False
        if self.unit is not None and self.unit is self.supplied_unit and self.feed_supplied(text, line):
            return
        if line.no in self.consumed:
            return
        if self.title_next is not None:
            if self.take_title(self.title_next, text, line):
                return
            self.title_next = None
        if self.title_continues and self.unit is not None:
            self.unit.title = f"{self.unit.title} {text}".strip()
            self.unit.printed = f"{self.unit.printed} {text}".strip()
            self.unit.last_line = line.no
            return
        if line.no in self.profile.group_lines and self.unit is not None:
            self.open_subgroup(text, line)
            return
        if line.no in self.profile.continuous_lines:
            self.open_continuous(text, line)
            return
        if line.no in self.profile.decimal_heads and self.unit is not None \
                and self.unit.kind not in (self.profile.unit_kind, "article") and self.unit is not self.supplied_unit:
            self.open_continuous(text, line, within=self.unit)
            return
        heading = read_heading(text) or self.split_heading(text, lines, i)
        if heading and heading.kind == "section" and self.profile.section_role == "clause" \
                and heading.num and not heading.title[:1].islower():
            marker = Marker(("section",), heading.num, f"Section {heading.printed_num}")
            if self.open_items([marker], heading.title, line):
                return
        if heading and self.is_running_header(heading):
            self.removed.append(Artifact("running-header", line.no, line.no, text))
            return
        if heading and self.rules.accepts(heading, self):
            self.open_unit(heading, line)
            return
        if self.rules.starts_headless_letter(text, self):
            self.open_unit(self.rules.headless_letter(self), line, printed=False)
        lettered = self.lettered_decimal(text)
        if lettered and self.open_items([lettered[0]], lettered[1], line):
            return
        marked = read_markers(text)
        if marked.markers and self.open_items(marked.markers, marked.rest, line):
            return
        self.add_text(text, line)

    def lettered_decimal(self, text: str) -> tuple[Marker, str] | None:
        """ "A.2 Higher duties" inside Schedule A (or Appendix A): its clause A.2, cited
        "Schedule A.2", as "4.1" in Appendix 4 is Appendix 4.1. Elsewhere the line is text."""
        unit = self.unit
        match = LETTERED_DECIMAL.match(text)
        if unit is None or match is None or unit.kind not in LATE_KINDS or unit.kind in LETTER_KINDS:
            return None
        if not unit.cite.endswith(" " + match.group(1)[0]):
            return None
        return Marker(("decimal",), match.group(1), match.group(1)), match.group(2)

    # -- units -----------------------------------------------------------------------------
    def is_running_header(self, heading: Heading) -> bool:
        """The current unit's bare heading printed again at the top of a page ("SCHEDULE A" on
        each page of Sooke's wage tables)."""
        unit = self.unit
        return (unit is not None and heading.kind == unit.kind and heading.cite == unit.cite
                and not heading.title and heading.kind != "article")

    def open_unit(self, heading: Heading, line: Line, printed: bool = True) -> None:
        node = Node(node_kind(heading.kind), cite=heading.cite, title=heading.title, line=line.no,
                    last_line=line.no, printed=line.text.strip() if printed and not heading.keeps_line else "")
        if heading.numeral == "roman" and heading.printed_num:
            node.aliases.append(heading.printed_num.lower())  # "ARTICLE XII" is cited 12; xii/ lands too
        parent = self.rules.parent_for(heading, self)
        parent.children.append(node)
        self.parent_of[id(node)] = parent
        self.units.append(node)
        if heading.note:
            node.notes.append(heading.note)
        if heading.kind == "group":
            node.kind = "group"
            return
        if heading.keeps_line:
            node.blocks.append(Block("para", line.text.strip(), line=line.no, last_line=line.no))
        self.register(node)
        self.title_continues = heading.title.lower() == "to" or heading.title.lower().endswith(" to")
        # Only body units: a letter's or schedule's next line is its parties or date, not a title.
        body = heading.kind == self.profile.unit_kind or heading.kind in self.profile.containers
        dangling = bool(heading.title.split()) and heading.title.split()[-1].lower() in DANGLING
        titled_late = heading.kind in ("schedule", "appendix", "exhibit", "attachment", "addendum", "annex") \
            and not heading.title
        self.title_next = node if (body and heading.num) or dangling or titled_late else None
        if heading.kind in self.profile.containers:
            return  # a container (New Westminster's SECTION A) holds units; it is not one
        self.unit, self.base, self.levels, self.rebase, self.group = node, node, [], None, None
        self.after_subheading = self.subheading_since_item = False
        self.pending_title = None

    def open_subgroup(self, text: str, line: Line) -> None:
        """A sub-heading under which the unit prints its clause numbers again (tree/subgroups.py):
        a cited level, "Sick Leave" in Article 5 -> "5.sick"; its clauses hang from it."""
        unit = self.unit
        group = Node("clause", num="", cite=child_cite(unit.cite, self.free_group_key(unit.cite, text)),
                     title=text, line=line.no, last_line=line.no, style="group")
        unit.children.append(group)
        self.parent_of[id(group)] = unit
        self.register(group)
        self.group = self.base = group
        self.levels, self.rebase = [], None
        self.after_subheading = self.subheading_since_item = False
        self.pending_title = None

    def free_group_key(self, parent: str, text: str) -> str:
        """The group's key: its first word ("sick"); more of its words when a sibling has that
        key already ("Leave Without Pay" after "Leave for Jury Duty": "leave-without")."""
        words = [w for w in (group_key(word) for word in text.split()) if w]
        for k in range(1, len(words) + 1):
            key = group_key(text) if k == 1 else "-".join(words[:k])
            if child_cite(parent, key) not in self.by_cite:
                return key
        n = 2
        while child_cite(parent, f"{'-'.join(words)}-{n}") in self.by_cite:
            n += 1
        return f"{'-'.join(words)}-{n}"

    def open_continuous(self, text: str, line: Line, within: Node | None = None) -> None:
        """A clause of a continuous sequence ("12. Salary advancement"): cited by its own number,
        inside whatever Part is open; its subclauses "12.3" hang from it. `within`: a unit that
        numbers its own clauses ("Appendix B" 2. / 2.1 -> "Appendix B.2", "Appendix B.2.1")."""
        unit = self.ensure_unit(line)
        number, _, rest = text.strip().strip("*").lstrip("-• ").partition(".")
        marker = Marker(("clause",), number.strip(), f"{number.strip()}.")
        cite = child_cite(within.cite, number.strip()) if within is not None else number.strip()
        node = self.new_node(unit, cite, marker, line, "clause")
        self.base, self.levels, self.rebase = node, [], None
        self.after_subheading = self.subheading_since_item = False
        rest = rest.strip()
        if rest:
            node.title = rest
        self.pending_title = None if rest else node  # "1." / "Workers eligible for a supported wage"

    def split_heading(self, text: str, lines: list[Line], i: int) -> Heading | None:
        """A keyword alone on its line with the number and title on the next ("ARTICLE" / "12 – TITLE")."""
        if not KEYWORD.fullmatch(text.strip("*# ")):
            return None
        nxt = next((ln for ln in lines[i + 1:i + 4] if ln.text.strip()), None)
        if nxt is None:
            return None
        heading = read_heading(f"{text.strip('*# ')} {nxt.text.strip()}")
        if heading is not None and heading.num:
            self.consumed.add(nxt.no)
        return heading if heading is not None and heading.num else None

    def take_title(self, unit: Node, text: str, line: Line) -> bool:
        """The title of a heading printed on the line after it ("ARTICLE XIV" / "OVERTIME"), or the
        second line of a wrapped upper-case title ("ARTICLE 5 – PROBATIONARY, TEMPORARY AND" /
        "SEASONAL EMPLOYEES"). Only a short line that is no heading, marker or sentence."""
        words = text.split()
        limit = 16 if text.isupper() else 10  # "NATIONAL MAINTENANCE AGREEMENT FOR ALBERTA HOURS OF WORK ..."
        if not 1 <= len(words) <= limit or text.endswith((".", ";", ",", ":")) or read_heading(text) \
                or read_markers(text).markers or line.no in self.profile.continuous_lines:
            return False
        letters = [ch for ch in text if ch.isalpha()]
        upper = bool(letters) and sum(ch.isupper() for ch in letters) >= 0.8 * len(letters)
        if unit.title and not (upper and unit.title.isupper() and not unit.title.endswith(("-", "–"))
                               or unit.title.split()[-1].lower() in DANGLING
                               or unit.title.endswith((",", "-", "–"))):
            return False
        if not unit.title and not (upper or is_subheading(text)):
            return False
        if not unit.title and unit.kind != self.profile.unit_kind and not upper:
            return False  # a schedule's next line is its title only when printed like one (in capitals)
        if unit.title and not upper and text[:1].isupper():
            return False  # a wrapped title continues in lower case ("... conditions of" / "employment")
        if not unit.title:
            self.guessed_titles.add(id(unit))
            text = PREFIX.sub("", text)  # "RE: SUBSISTENCE ALLOWANCE", "SUBJECT: TIME MANAGEMENT"
        unit.title = f"{unit.title} {text.strip('*# ')}".strip()
        unit.printed = f"{unit.printed} {text}".strip()
        unit.last_line = line.no
        self.title_next = unit if unit.title.isupper() and len(unit.title.split()) < 12 else None
        return True

    def ensure_unit(self, line: Line) -> Node:
        """Text before any heading belongs to an implicit Preamble (the recitals of an agreement)."""
        if self.unit is None:
            cite = "" if self.plain else "Preamble"  # a bulletin's text is not cited
            self.open_unit(Heading("part", cite, "", True), line, printed=False)
            if not self.plain:
                self.unit.notes.append("unit inferred: text before the first heading")
        return self.unit

    def is_within(self, node: Node, ancestor: Node) -> bool:
        """Is `node` inside `ancestor` (or it)? Follows parent links up: linear in depth, not size."""
        while node is not None:
            if node is ancestor:
                return True
            node = self.parent_of.get(id(node))
        return False

    def register(self, node: Node) -> None:
        """Index a node by citation (the first one wins; duplicates get anchors in the passes)."""
        self.by_cite.setdefault(node.cite, node)

    # -- items of a restored unit (bylaws) --------------------------------------------------
    def feed_supplied(self, text: str, line: Line) -> bool:
        """Bullets of a unit whose headings were restored are its items, lettered by the editor
        (numbered in an appendix of rules), because the bylaws cite them: "Section 4(c)",
        "Section 7(G)", "Rule 17". A bullet under an item ending in ":" belongs to that item
        ("- The President shall:" / "- enforce the CUPE Constitution ..."). A CUPE reference
        glued before the next bullet ("(Article B.2.2) - The Executive shall meet") closes the
        item before it."""
        glued = GLUED_REFERENCE.match(text)
        if glued:
            self.add_text(glued.group(1), line)
            if not glued.group(2):
                return True
            text = "- " + glued.group(2)
        if not text.startswith(("- ", "• ")) or read_markers(text).markers:
            if glued:
                self.add_text(text, line)
            return bool(glued)
        rest = text[2:].strip()
        if self.sub_list and not rest.endswith(":") and self.levels:
            self.levels[-1].node.blocks.append(Block("bullet", rest, line=line.no, last_line=line.no))
            return True
        style = "number" if self.unit.kind == "appendix" else "letter"
        value = next_value(style, self.levels[-1].value) if self.levels else ("1" if style == "number" else "a")
        self.levels = self.levels[:0]
        node = self.new_node(self.unit, child_cite(self.unit.cite, value), Marker((style,), value, f"[{value}]"), line, style)
        node.notes.append("number supplied by the editor (not printed)")
        self.levels.append(Level(style, value, node))
        node.blocks.append(Block("para", rest, line=line.no, last_line=line.no))
        self.sub_list = rest.endswith(":")
        return True

    # -- clauses and items -----------------------------------------------------------------
    def open_items(self, markers: list[Marker], rest: str, line: Line) -> bool:
        """Open one node per marker (combined markers nest); False if the line is plain text."""
        unit = self.ensure_unit(line)
        opened = None
        for k, marker in enumerate(markers):
            if marker.style == "decimal":
                opened = self.open_decimal(marker, unit, line)
            elif marker.style == "section":
                opened = self.open_section(marker, unit, line)
                if opened is not None:
                    rest = self.run_in_title(opened, rest)
            else:
                decision = self.outline.get((line.no, k))
                if decision is not None and decision.is_text and k == 0 and self.solver_in_step(decision):
                    return False  # a wrapped "(15) hours": the whole sequence says it is text
                opened = self.open_item(marker, line, decision)
            if opened is None:
                if k == 0:
                    return False
                break
        self.after_subheading = self.subheading_since_item = False
        self.set_title_or_text(opened, rest, line)
        return True

    def open_decimal(self, marker: Marker, unit: Node, line: Line) -> Node | None:
        after = line.text.strip()[len(marker.value):][:1]
        if self.wrapped and marker.printed == marker.value and after and after in "(,;)":
            return None  # "... the increase at clause" / "2.5(1)(a) from the Effective Date": a reference
        root = self.rebase or unit
        cite = self.rules.decimal_cite(marker.value, root)
        if cite is None:
            return None
        if self.group is not None and root is unit:  # "5.01" under "Sick Leave": 5.sick.5.01
            cite = child_cite(self.group.cite, marker.value)
            node = self.new_node(self.rules.decimal_parent(cite, self.group, self.by_cite, self.is_within),
                                 cite, marker, line, "decimal")
            self.base, self.levels = node, []
            return node
        parent = self.rules.decimal_parent(cite, root, self.by_cite, self.is_within)
        here = self.target()
        if root is unit and unit.kind != "article" and not self.is_within(here, parent):
            # A letter printed inside an appendix numbers itself "1.0"-"1.4" again (Sooke Appendix
            # B.33): its decimals hang from where we are, not from the far-away paragraph 1.
            self.rebase = here
            cite = child_cite(here.cite, marker.value)
            parent = self.rules.decimal_parent(cite, here, self.by_cite, self.is_within)
        node = self.new_node(parent, cite, marker, line, "decimal")
        self.base, self.levels = node, []
        return node

    def open_section(self, marker: Marker, unit: Node, line: Line) -> Node | None:
        """"Section 3" in Article XII is clause 12.3 (sections restart in each article);
        "Section 7.2" is the decimal clause 7.2."""
        if "." in marker.value:
            return self.open_decimal(Marker(("decimal",), marker.value, marker.printed), unit, line)
        if self.profile.section_role != "clause" or unit.cite in ("Preamble", "Cover", "Signatures", ""):
            return None
        node = self.new_node(unit, child_cite(unit.cite, marker.value), marker, line, "section")
        self.base, self.levels, self.rebase = node, [], None
        return node

    @staticmethod
    def run_in_title(node: Node, rest: str) -> str:
        """"Section 3. Overtime. Employees shall ..." -> title "Overtime", text "Employees shall ..."."""
        head, dot, tail = rest.partition(". ")
        if not dot and rest.endswith(".") and len(rest.split()) <= 6:
            head, dot, tail = rest[:-1], ".", ""  # "Section 2. Breaks."
        if dot and head and len(head.split()) <= 8 and head[:1].isupper() and looks_like_title(head):
            node.title = head.strip()
            return tail.strip()
        return rest

    def solver_in_step(self, decision) -> bool:
        """The solver's reading holds only if the builder's open levels are the ones it assumed."""
        if self.after_subheading or self.subheading_since_item:
            return False  # lists restarting under sub-headings follow the builder's own rules
        if any(level.style == "group" for level in self.levels):
            return False
        return tuple((lv.form, ordinal(lv.style, lv.value)) for lv in self.levels) == decision.before

    def open_item(self, marker: Marker, line: Line, decision=None) -> Node:
        base = self.base or self.unit
        if decision is not None and not decision.is_text and self.solver_in_step(decision):
            style, depth, note = base_style(decision.style), decision.depth, ""
            if decision.move in ("skip", "start"):
                note = f"numbering skips to {marker.printed}"
            elif decision.move == "restart":
                note = f"numbering starts again at {marker.printed}"
            elif decision.move == "one-as-l":
                marker = Marker(("letter",), "l", marker.printed)
                note = f"printed '{marker.printed}': read as 'l', after k"
        else:
            style, depth, note = self.place(marker)
        del self.levels[depth:]
        restart = note.startswith("numbering restarts")
        while restart and self.levels and self.levels[-1].style == "group":
            self.levels.pop()  # the next sub-heading's list is a sibling of the last group
        parent = self.levels[-1].node if self.levels else base
        if restart and child_cite(parent.cite, marker.value) in self.by_cite:
            parent = self.open_group(parent) or parent
        node = self.new_node(parent, child_cite(parent.cite, marker.value), marker, line, style)
        if note:
            node.notes.append(note)
        level_form = decision.style if decision is not None and not decision.is_text \
            and base_style(decision.style) == style else printed_form(style, marker.printed)
        self.levels.append(Level(style, marker.value, node, level_form))
        return node

    def open_group(self, parent: Node) -> Node | None:
        """A list restarting under a sub-heading gets the sub-heading as a citable group, so its
        items do not collide with the first list: 22.6 "Notes" 1.-5. -> 22.6.notes.1 (Rockies),
        Appendix 1 "Section B – ..." -> Appendix 1.B.1 (New Westminster)."""
        found = self.last_subheading
        if found is None:
            return None
        holder, block = found
        key = group_key(block.text)
        if not key or child_cite(parent.cite, key) in self.by_cite:
            return None
        holder.blocks.remove(block)
        group = Node("clause", num="", cite=child_cite(parent.cite, key), title=block.text, line=block.line,
                     last_line=block.line, style="group")
        parent.children.append(group)
        self.parent_of[id(group)] = parent
        self.register(group)
        self.levels.append(Level("group", key, group))
        return group

    def place(self, marker: Marker) -> tuple[str, int, str]:
        """Where an item goes: (style, depth in self.levels, note). See tests/unit/test_parse_levels."""
        for depth in range(len(self.levels) - 1, -1, -1):
            level = self.levels[depth]
            for style in marker.styles:
                if level.style == style and next_value(style, level.value) == marker.value:
                    return style, depth, ""
        for style in marker.styles:
            if ordinal(style, marker.value) == 1:
                return self.place_first(style)
        for style in marker.styles:
            same = [d for d, lv in enumerate(self.levels) if lv.style == style]
            if same:
                depth = same[-1]
                gap = ordinal(style, marker.value) > ordinal(style, self.levels[depth].value)
                return style, depth, ("numbering skips to " if gap else "numbering out of order at ") + marker.printed
        return marker.style, len(self.levels), f"numbering starts at {marker.printed}"

    def place_first(self, style: str) -> tuple[str, int, str]:
        """Where an "a)", "1." or "i." goes. Normally it opens a deeper list. After a sub-heading
        it restarts a list of its style (Rockies LOU 1: 1.-3., 1.-4., 1.-6. under three headings;
        14.1 a): "Parental/Adoption Leave", a paragraph, then i.-iii. again). A list right under a
        sub-heading with no list of its style open starts at the clause (22.6 "Notes" 1.-5.),
        except inside a step (22.6 Step 2, "Employee's Campus", a)-f))."""
        same = [d for d, lv in enumerate(self.levels) if lv.style == style]
        if self.subheading_since_item and same:
            return style, same[0], "numbering restarts after a sub-heading"
        if self.after_subheading and not (self.levels and self.levels[-1].style == "step"):
            return style, 0, "numbering restarts after a sub-heading"
        return style, len(self.levels), ""

    def new_node(self, parent: Node, cite: str, marker: Marker, line: Line, style: str) -> Node:
        node = Node("clause", num=marker.printed, cite=cite, line=line.no, last_line=line.no, style=style)
        parent.children.append(node)
        self.parent_of[id(node)] = parent
        self.register(node)
        return node

    def set_title_or_text(self, node: Node, rest: str, line: Line) -> None:
        """A short, unpunctuated rest (or an underlined one) is the clause's title; else its text."""
        self.title_on_line = None
        underlined = line.underlined.strip()
        if underlined and rest.startswith(underlined) and len(underlined.split()) <= TITLE_MAX_WORDS:
            node.title = underlined
            rest = rest[len(underlined):].strip(" -–—:.")
        elif rest and looks_like_title(rest) and (line.heading or node.style == "decimal"):
            node.title, rest = rest, ""
            self.title_on_line = node
        if rest:
            node.blocks.append(Block("para", rest, line=line.no, last_line=self.joined.get(line.no, line.no)))
        self.pending_title = node if not node.title and not rest and node.style == "decimal" else None

    # -- text ------------------------------------------------------------------------------
    def target(self) -> Node:
        if self.levels:
            return self.levels[-1].node
        return self.base or self.unit

    def add_text(self, text: str, line: Line) -> None:
        self.ensure_unit(line)
        node = self.target()
        untitled = self.title_on_line
        self.title_on_line = None
        if untitled is node and not node.blocks and not node.children and text[:1].islower() \
                and not node.title.startswith(('"', "“")):
            # "2.02 Employees required to work ... shall be paid overtime" / "in accordance with
            # Article 3.": the line read as a title was the first line of a wrapped sentence (a
            # quoted term stays the title: Rockies 2.1 "BOARD" / "means the College Board.")
            node.blocks.append(Block("para", f"{node.title} {text}", line=node.line, last_line=line.no))
            node.title = ""
            node.last_line = line.no
            self.pending_title = None
            return
        if self.pending_title is node and looks_like_title(text) and len(text.split()) <= 8:
            node.title = text.strip('"“” ')
            node.last_line = line.no
            self.pending_title = None
            return
        self.pending_title = None
        last = node.blocks[-1] if node.blocks else None
        if last and last.kind == "para" and _continues(last.text, text):
            last.text = f"{last.text} {text}"
            last.last_line = line.no
        else:
            # "(d)" / "Public holidays:": the first text of an item opened bare is its own text
            fresh_item = node.kind == "clause" and node.style in ("letter", "number", "roman") \
                and not node.blocks and not node.children and not node.title
            kind = "subheading" if is_subheading(text) and not fresh_item else "para"
            if self.plain and text[:1] in BULLETS:  # a bulletin's "  • increased workload"
                kind, text = "bullet", text[1:].strip()
            block = Block(kind, text, line=line.no, last_line=self.joined.get(line.no, line.no))
            node.blocks.append(block)
            # Only a sub-heading right before a list restarts it ("Notes" / "1."); one followed by
            # a paragraph is a label inside the item (Sooke 25.07 a) "General Supervision:").
            self.after_subheading = kind == "subheading"
            if kind == "subheading":
                self.last_subheading, self.subheading_since_item = (node, block), True
        node.last_line = line.no

    def flush_table(self) -> None:
        if not self.table:
            return
        first = self.table[0]
        self.ensure_unit(first)
        table = tables.build_table([line.text for line in self.table])
        kind = "pre" if table.preformatted else "table"
        block = Block(kind, table.text, rows=table.rows, line=first.no, last_line=self.table[-1].no,
                      header=table.header)
        self.target().blocks.append(block)
        self.table = []


def parse(source: Source, cleaned: Cleaned) -> tuple[Node, list[Problem]]:
    """Parse cleaned lines into a tree; returns the root and the problems found on the way."""
    forget_headings()  # the lines read are remembered for this document only
    forget_markers()
    builder = TreeBuilder(source, cleaned)
    root = builder.build(cleaned.lines)
    if cleaned.cover:
        root.children.insert(0, cover_node(cleaned.cover))
    problems = builder.problems + repair.restore_missing_clauses(root, cleaned.toc, builder.path)
    repair.read_one_as_l(root)
    titles_from_re_lines(root)
    titles_from_toc(root, cleaned.toc, builder.guessed_titles)
    _close_spans(root)
    if not builder.profile.levels:
        builder.profile.levels = outline_styles(root)
    root.numbering = builder.profile.describe()
    if not builder.plain:
        problems += confidence.assess(root, builder.profile, builder.path)
    return root, problems


def cover_node(lines: list[Line]) -> Node:
    """The title page before the table of contents, kept line by line for the document's home."""
    blocks = [Block("para", line.text.strip(), line=line.no, last_line=line.no)
              for line in lines if line.text.strip()]
    return Node("part", cite="Cover", title="Title page", blocks=blocks, line=lines[0].no,
                last_line=lines[-1].no)


def group_key(text: str) -> str:
    """The citation key of a sub-heading: "Section B – Salary" -> "B", "Notes" -> "notes"."""
    words = text.replace("–", " ").replace("-", " ").replace(":", " ").split()
    if len(words) >= 2 and words[0].lower() in ("section", "part") and words[1].isalnum():
        return words[1].upper() if len(words[1]) <= 3 else words[1].lower()
    first = "".join(ch for ch in words[0] if ch.isalnum()) if words else ""
    return first.lower()


def _close_spans(node: Node) -> int:
    last = max([node.last_line, node.line] + [b.last_line for b in node.blocks])
    for child in node.children:
        last = max(last, _close_spans(child))
    node.last_line = last
    return last


def _next_is_table(lines: list[Line], i: int) -> bool:
    for line in lines[i + 1:]:
        if line.text.strip():
            return tables.is_table_line(line.text)
    return False


def _continues(previous: str, text: str) -> bool:
    """A paragraph split by a page break: the first half has no closing punctuation, the second
    starts in lower case ("...the employee shall be" / "entitled to ...", Rockies 348/350)."""
    previous = previous.rstrip()
    if previous.endswith(('"', "”")) and not previous.rstrip('"”').endswith(TERMINAL):
        return text[:1].islower()  # '... and "Temporary Employee"' / 'means an Employee hired ...'
    return not previous.endswith(TERMINAL) and text[:1].islower()
