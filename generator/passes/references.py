"""The cross-reference pass: every reference found in a clause's text is resolved to a citation of
the same document (or to a statute's official page) and recorded as an Annotation on its block.

Resolution uses the document's own citations only: a target that does not exist is never
linked; it is reported with file and line ("Article 39.01(a) referenced at line 1990 does not
exist"). Each resolved clause also learns who cites it (`referenced_by`).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..model import Annotation, Document, Node, Problem
from ..statutes import Statutes
from .refs_find import RANK, UNIT_KINDS, Item, Ref, find_references, roman_value
from .tree_index import TreeIndex

# "Article 6.1 of their Memorandum of Agreement", "Clause 5 of the BCTF Code of Ethics",
# "Letter of Understanding No. 17 to the 2013 – 2019 ... Agreement": another document's parts.
ELSEWHERE = re.compile(
    r"^\s*,?\s*(?:of|to|in|under)\s+(?!th(?:is|ese)\b)"
    r"(?!(?:the\s+|our\s+)?(?:[Pp]rovincial\s+|[Ll]ocal\s+)?(?i:collective\s+agreement|agreement)\b)[^.;]{0,80}?"
    r"\b(?:Agreement|Code|Act|Constitution|Ethics|Policy|Regulations?|[Bb]y-?[Ll]aws?|BY-?LAWS?|[A-Z]{2,}A|"
    r"Rules|Manual|Handbook|Guidelines)\b")
# '... Protection Program", Section 4, Part B' (Rockies 17.8): a part of the quoted document.
QUOTED_BEFORE = re.compile(r"\w[\"”]\s*,\s*$")
# "this Article", "this Letter of Understanding": the enclosing unit or clause.
OF_ARTICLE = re.compile(r"^\s*(?:of|in)\s+(?:the\s+)?Article\s+([A-G]\.?\s?\d+(?:\.\d+)*|\d+(?:\.\d+)*)")
OTHER_LOCAL = re.compile(r"\b(?:CUPE|Local)\s+(?:No\.\s*)?(\d{2,5})\b")

LETTER_GLUED = re.compile(r"^([A-G])(\d)")
WHOLE_NUMBER = re.compile(r"(\d+)\.0+")
SENTENCE_BREAK = re.compile(r"[.;]\s")
LOCAL_NUMBER = re.compile(r"\d{2,5}")
TO_LETTER = re.compile(r"\s+to\s+(?:the\s+)?(?:Letter\s+of\s+Understanding|LOU)\s*(?:No\.?|#)?\s*(\d+)", re.IGNORECASE)
SELF = re.compile(r"\b[Tt]his\s+(?P<what>[Aa]rticle|[Cc]lause|[Ll]etter\s+of\s+[Uu]nderstanding|LOU|[Ll]etter|"
                  r"[Ss]ide\s+[Ll]etter|"
                  r"[Aa]ppendix|[Ss]chedule|[Aa]ddendum|[Mm]emorandum\s+of\s+(?:[Uu]nderstanding|[Aa]greement))\b")
SELF_KINDS = {"article": ("article",), "clause": ("clause",), "lou": ("lou",), "letter": ("lou", "mou"), "side": ("lou",),
              "appendix": ("appendix",), "schedule": ("schedule",), "addendum": ("addendum",), "memorandum": ("mou", "schedule")}


@dataclass
class Target:
    """What one printed item resolved to: a citation, or None with the reason."""

    item: Item
    cite: str | None
    printed: str


# Which citations a unit word of a scope ("of this Letter", "of the Appendix") can mean.
SCOPE_PREFIXES = {"letter": ("LOU", "Local LOU", "Side Letter", "MOU", "MOA"), "appendix": ("Appendix",),
                  "schedule": ("Schedule",), "exhibit": ("Exhibit",), "attachment": ("Attachment",),
                  "addendum": ("Addendum",), "part": ("Part",)}
CLAUSE_WORDS = ("clause", "subclause", "subsection", "paragraph", "subparagraph")


class Resolver(TreeIndex):
    """Resolves references in one document; knows its citations and each node's ancestors."""

    def __init__(self, document: Document):
        super().__init__(document.root)
        self.doc = document
        self.renumbered: dict[tuple[str, str], str] = {}

    def resolve(self, ref: Ref, here: Node, context: str = "", recent: str = "") -> list[Target]:
        """The targets of a reference read at `here`; `recent` is the unit a bulletin named last
        ("paragraph 3 of the Letter" after "LOU #2")."""
        if ref.kind in UNIT_KINDS:
            return [Target(ref.items[0], self._unit(ref, here, context), "")]
        if ref.kind == "step":
            scope = OF_ARTICLE.match(context[ref.end:])
            if scope:  # "Step 3 of Article A.6": only that article's steps
                article = re.sub(r"^([A-G])(\d)", r"\1.\2", scope.group(1))
                return [Target(item, self._step_in(item.num, article), "") for item in ref.items]
            return [Target(item, self._step(item.num, here, context), "") for item in ref.items]
        scope = self._scope(ref, here, recent)
        targets: list[Target] = []
        base, base_kind = "", ""
        parents: dict[str, str] = {}  # "Article XII, Sections 3 and 4": 4 is under 12 too
        for k, item in enumerate(ref.items):
            child = bool(base) and item.keyed and RANK.get(item.kind, 9) > RANK.get(base_kind, 9) \
                and "." not in item.num
            if child and item.num:
                parents[item.kind] = base
            if item.num:
                parent = base if child else "" if item.keyed or "." in item.num else parents.get(item.kind, "")
                num = f"{parent}.{item.num}" if parent else self._number(
                    item.kind or ref.kind, self._current(item.num, here), here, scope)
                base, base_kind = num, item.kind
                cite = self._with_subs(num, item.subs) if num else None
            else:
                cite = self._sub(base, item.subs, here, scope)
            if item.keyed and not child and k > 0:  # "clause 12 and subclause 23.4": its own citation
                item = Item(item.kw_start, item.end, item.num, item.subs, item.range_from, item.kind, True)
            alone = k + 1 == len(ref.items) or ref.items[k + 1].keyed
            if child and alone and targets and cite in self.nodes:  # "Article XII, Section 3(b)": 12.3.b
                first = targets.pop().item
                item = Item(first.start, item.end, item.num, item.subs, item.range_from, item.kind)
            targets.append(Target(item, cite, ""))
        return targets

    def _scope(self, ref: Ref, here: Node, recent: str) -> str | None:
        """The citation a local number is counted in: "of Article XII" -> "12"; "of this Article"
        -> the enclosing unit; "of this Section" -> the enclosing section; "of the Letter" -> the
        enclosing letter, or in a bulletin the letter it named last. None: no scope, or a clause
        word ("of this subclause"), which the nearest-enclosing search already means."""
        scope = ref.scope
        if scope is None or scope.word in CLAUSE_WORDS:
            return None
        if scope.num and scope.word == "section":  # "Paragraph B of Section 7.2", "of Section 3"
            return self._number("section", scope.num, here)
        if scope.num:
            return re.sub(r"^([A-G])(\d)", r"\1.\2", scope.num)
        unit = self.unit_of(here)
        if scope.word == "article":
            return unit.cite or None
        if scope.word == "section":
            chain = self.chain(here)
            below = next((n for n in chain if self.parent.get(id(n)) is unit), None)
            return (below or unit).cite or None
        prefixes = SCOPE_PREFIXES.get(scope.word, ())
        own = next((n.cite for n in self.chain(here) if n.cite.startswith(prefixes)), None)
        if own:
            return own
        return recent if recent.startswith(prefixes) else None

    def _current(self, num: str, here: Node) -> str:
        """An old number the enclosing clause still uses for itself (see stale_numbers)."""
        for node in self.chain(here):
            if (node.cite, num) in self.renumbered:
                return node.cite
        return num

    def _number(self, kind: str, num: str, here: Node, scope: str | None = None) -> str:
        """An absolute number ("12.05", "A.6") as printed; a local one ("clauses 1 (a)" inside
        14.3, "clause 1.2 above" inside a letter of Appendix B.33) from the nearest enclosing
        clause that has it; "Section 3" in a document whose sections restart in each article is
        this article's section 3; "Section 3 of Article XII" is 12.3."""
        num = LETTER_GLUED.sub(r"\1.\2", num)  # "A6" -> "A.6" (New Westminster 594)
        whole = WHOLE_NUMBER.fullmatch(num)  # "Article 7.00" is ARTICLE 7.00, cited "7"
        if whole and num not in self.nodes and whole.group(1) in self.nodes:
            return whole.group(1)
        if scope and "." not in num:
            return f"{scope}.{num}"
        if kind == "section" and f"Section {num}" in self.nodes:
            return f"Section {num}"  # bylaws: "Section 4(c)" is Section 4, item c
        if kind == "article" and ("." not in num or num in self.nodes) or num in self.nodes and "." in num:
            return num
        unit = self.unit_of(here)
        if kind == "section" and "." not in num:
            if unit.cite and f"{unit.cite}.{num}" in self.nodes:
                return f"{unit.cite}.{num}"
            if num in self.nodes and self.nodes[num].kind != "clause":
                return num  # sections that are units ("1. SECTION 1: TITLE")
        if kind in ("clause", "subclause") and num in self.nodes and self.nodes[num].kind == "clause":
            return num  # continuous clauses under Parts: "clause 1" is clause 1 wherever it is read
        if kind == "clause" and num in self.nodes and self.nodes[num].printed.lower().startswith("clause"):
            return num  # "Clause 7" where the units are printed "Clause 7 Salary Scale" (New Zealand)
        if kind == "section" and re.fullmatch(r"[A-Z]", num):
            return self._section_letter(num, here)
        for node in self.chain(here):
            if node.cite and f"{node.cite}.{num}" in self.nodes:
                return f"{node.cite}.{num}"
        if kind in CLAUSE_WORDS and num in self.nodes and self.nodes[num].kind == "clause":
            return num  # UK/Australian "paragraphs 3 to 7": no local paragraph 3, so clause 3
        return num if "." in num or kind == "article" or not unit.cite else f"{unit.cite}.{num}"

    def _section_letter(self, letter: str, here: Node) -> str:
        """ "Section C": the container Section C (Section A. General Provisions over Article 1),
        else a sub-heading group lettered C of an enclosing clause ("Appendix 1.C")."""
        if f"Section {letter}" in self.nodes:
            return f"Section {letter}"
        for node in self.chain(here):
            if node.cite and f"{node.cite}.{letter}" in self.nodes:
                return f"{node.cite}.{letter}"
        return f"Section {letter}"

    def _with_subs(self, base: str, subs: list[str]) -> str:
        return ".".join([base] + subs)

    def _sub(self, base: str, subs: list[str], here: Node, scope: str | None = None) -> str | None:
        """ "(a) and (b)" after "Article 10.08": 10.08.a; alone ("(b) above", "paragraph (a) of
        this subclause"): the nearest enclosing clause that has such a sub-clause."""
        if base:
            return self._with_subs(base, subs)
        if scope:
            return self._with_subs(scope, subs)
        for node in self.chain(here):
            if node.cite and self._with_subs(node.cite, subs) in self.nodes:
                return self._with_subs(node.cite, subs)
        return None
    def _step(self, num: str, here: Node, context: str) -> str | None:
        """ "Step 3": the step of the nearest enclosing procedure, else the document's only one
        (only grievance procedures when the sentence says "grievance": Rockies LOU 3 "the
        grievance procedure starting at Step 3" is 28.1, not the bumping steps of 22.6)."""
        for node in self.chain(here):
            cite = f"{node.cite}.{num}"
            if node.cite and cite in self.nodes and self.nodes[cite].style == "step":
                return cite
        steps = [c for c, n in self.nodes.items() if n.style == "step" and c.endswith(f".{num}")]
        unit = self.unit_of(here)
        in_unit = [c for c in steps if self.unit_of(self.nodes[c]) is unit]
        step = re.compile(rf"Step {num}\b")  # tried first: it rules out most nodes, cheaper than unit_of
        printed = f"Step {num}"  # what the pattern starts with: a cheaper test still, before it
        titled = [c for c, n in self.nodes.items()
                  if (opening := n.title or (n.blocks[0].text if n.blocks else "")).startswith(printed)
                  and step.match(opening) and self.unit_of(n) is unit]
        if len(titled) == 1:  # New Westminster E.2: "9. Step 1 – Informal Resolution Process"
            return titled[0]
        grievance = [c for c in steps if "grievance" in context.lower() and self._about(c, "grievance")]
        for group in (in_unit, grievance, steps):
            bases = {c.rsplit(".", 1)[0] for c in group}
            if len(bases) == 1:
                return group[0]
        return None

    def _step_in(self, num: str, scope: str) -> str | None:
        node = self.nodes.get(scope)
        found = [n.cite for n in node.walk() if n.cite.endswith(f".{num}") and (n.style == "step" or re.match(
            rf"Step {num}\b", n.title or (n.blocks[0].text if n.blocks else "")))] if node else []
        return found[0] if len(found) == 1 else None

    def _about(self, cite: str, word: str) -> bool:
        return any(word in (n.title + " " + n.printed).lower() for n in self.chain(self.nodes[cite]))

    def _unit(self, ref: Ref, here: Node, context: str) -> str | None:
        """A letter, schedule, appendix, exhibit, attachment or part; with "paragraph 2" after it,
        that item of it ("LOU #2, paragraph 2" -> "LOU 2.2")."""
        cite = self._letter(ref, here) if ref.kind == "lou" else self._named(ref, here, context[ref.end:])
        if cite and ref.para is not None:
            return self._unit_item(cite, ref.para)
        return cite

    def _unit_item(self, unit: str, para: Item) -> str:
        """ "Appendix A, paragraph A-1(d)": the appendix numbers its items "A-1", or "1" under A."""
        num = para.num
        variants = [num, num.lower()]
        dashed = re.fullmatch(r"([A-Z])-(\d+)", num)
        if dashed:
            variants += [dashed.group(2), f"{dashed.group(1).lower()}.{dashed.group(2)}"]
        own = unit.rsplit(" ", 1)[-1]
        if num.startswith(own + ".") and len(own) == 1:  # "clause A.2 of Schedule A": Schedule A.2
            variants.insert(0, num[len(own) + 1:])
        candidates = [self._with_subs(f"{unit}.{v}", para.subs) for v in dict.fromkeys(variants)]
        return next((c for c in candidates if c in self.nodes), candidates[0])

    def _letter(self, ref: Ref, here: Node) -> str | None:
        """ "LOU #3": from an article, the agreement's own letter 3; from inside a schedule or
        another letter, the letter 3 nearest in the document (Rockies Schedule C's "LOU #1" is
        the provincial template's LOU 2022-1, printed just after it, not local LOU 1).
        "Side Letter No. 2" -> "Side Letter 2"; "Memorandum of Agreement No. 2" -> "MOA 2"."""
        num = ref.items[0].num + (f".{ref.name}" if ref.name else "")
        family = ref.family
        pattern = re.compile(rf"(?:Local )?{family} (?:\d{{4}}-)?{re.escape(num)}")
        found = [c for c in self.nodes if family in c and pattern.fullmatch(c)]
        if not found and family in ("MOU", "MOA"):  # an older tree files memoranda as letters
            return self._letter(Ref("lou", ref.start, ref.end, ref.items, name=ref.name), here)
        if not found:
            return f"{family} {num}"
        unit = self.unit_of(here)  # a bulletin reads from the document itself: its own letter too
        if (unit.kind in ("article", "part") or not unit.cite) and f"{family} {num}" in found:
            return f"{family} {num}"
        return min(found, key=lambda c: abs(self.nodes[c].line - here.line))

    def _named(self, ref: Ref, here: Node, after: str = "") -> str | None:
        num = ref.items[0].num
        value = roman_value(num) if len(num) > 1 or ref.kind == "part" else None
        if value and f"{ref.kind.capitalize()} {num}" not in self.nodes:
            num = str(value)  # "Part III" -> "Part 3"
        cite = f"{ref.kind.capitalize()} {num}"
        to_letter = TO_LETTER.match(after)  # "Appendix A to Letter of Understanding No. 9"
        if to_letter and f"LOU {to_letter.group(1)} {cite}" in self.nodes:
            return f"LOU {to_letter.group(1)} {cite}"
        unit = self.unit_of(here).cite
        attached = f"{unit.split(' ' + ref.kind.capitalize())[0]} {cite}"
        for candidate in (attached, cite):
            if candidate in self.nodes:
                return candidate
        if unit.startswith(("LOU", "Local LOU")):
            return attached  # a letter's own "Schedule A" is not the agreement's
        return cite


def annotate_references(document: Document, statutes: Statutes) -> None:
    """Annotate every paragraph of a structured document with its resolved references."""
    if document.source.meta.kind not in ("agreement", "bylaws"):
        return
    resolver = Resolver(document)
    refs_of = _References()
    resolver.renumbered = stale_numbers(resolver, document, refs_of)
    for node in document.root.walk():
        if node.kind in ("document", "group"):
            continue
        for block in node.blocks:
            if block.kind in ("para", "subheading"):
                _annotate_block(document, resolver, statutes, node, block, refs_of)
                annotate_self_references(resolver, node, block)
                annotate_statutes(document, statutes, block)
                block.annotations.sort(key=lambda a: a.start)


class _References(dict):
    """{text: find_references(text)} for one document: stale_numbers reads a clause's texts once
    for the clause and again for each decimal clause around it, and _annotate_block reads the
    paragraphs after it. The Refs are only read, never changed, so one list serves every reader."""

    def __missing__(self, text: str) -> list[Ref]:
        refs = self[text] = find_references(text)
        return refs


def stale_numbers(resolver: Resolver, document: Document, refs_of: dict | None = None) -> dict[tuple[str, str], str]:
    """A clause that still calls itself by an old number: inside Sooke 24.02 (whose heading the
    PDF lost) the text cites "24.04 (a)", "24.04 (c)", "24.04 (g)(1)": 24.04 has no (c) or (g)
    but 24.02 has, so every "24.04" inside 24.02 means 24.02. Returns {(clause, old): clause}."""
    refs_of = refs_of if refs_of is not None else _References()
    found: dict[tuple[str, str], str] = {}
    for clause in document.root.walk():
        if clause.style != "decimal":
            continue
        for node in clause.walk():
            for block in node.blocks:
                for ref in refs_of[block.text]:
                    for item in ref.items:
                        old, subs = item.num, item.subs
                        if not subs or "." not in old or old == clause.cite or old.split(".")[0] != clause.cite.split(".")[0]:
                            continue
                        literal, own = ".".join([old] + subs), ".".join([clause.cite] + subs)
                        if literal not in resolver.nodes and own in resolver.nodes and old in resolver.nodes:
                            if (clause.cite, old) not in found:
                                document.problems.append(Problem(
                                    str(document.source.path), block.line,
                                    f"inside {clause.cite}, '{old}' is read as {clause.cite} (its old number: "
                                    f"{literal} does not exist, {own} does)"))
                            found[(clause.cite, old)] = clause.cite
    return found


def _annotate_block(document, resolver, statutes, node, block, refs_of: dict | None = None) -> None:
    text = block.text
    for ref in (refs_of[text] if refs_of is not None else find_references(text)):
        if ref.kind == "statute":
            _statute(document, statutes, block, ref)
            continue
        if ELSEWHERE.match(text[ref.end:]) or QUOTED_BEFORE.search(text[:ref.start]) \
                or _other_local(document, text[:ref.start]):
            continue
        targets = resolver.resolve(ref, node, text)
        for k, target in enumerate(targets):
            start = ref.start if k == 0 else target.item.start
            whole = ref.kind in UNIT_KINDS or ref.scope is not None and k == len(targets) - 1
            end = ref.end if whole else target.item.end  # "Section 3 of this Article": one link
            printed = text[start:end]
            if target.cite and target.cite in resolver.nodes:
                block.annotations.append(Annotation(start, end, "xref", target.cite, _title(resolver.nodes[target.cite])))
                _cited_by(resolver.nodes[target.cite], node)
                if target.item.range_from is not None:
                    _range(resolver, target, node)
            elif ref.kind == "article" and document.source.meta.hints.external_articles:
                # Local 476's "(Article B.2.2)" is the CUPE Constitution's, as its bylaws say
                name = document.source.meta.hints.external_articles
                url = statutes.url(name)
                if url:
                    block.annotations.append(Annotation(start, end, "external", url, f"{name}, {printed.strip()}"))
            elif ref.kind not in ("bare", "part"):  # a bare number or "Part 1" may be anything
                document.problems.append(Problem(
                    str(document.source.path), block.line,
                    f"{printed.strip()} referenced at line {block.line} does not exist"
                    + (f" (no {target.cite})" if target.cite else "") + ": left as text"))


def _other_local(document: Document, before: str) -> bool:
    """ "Camosun College – CUPE 2081: Articles 24 ... and LOA #2" (Rockies LOU 2022-1): a
    reference after another local's name, in the same sentence, is that local's agreement."""
    sentence = SENTENCE_BREAK.split(before)[-1]
    named = OTHER_LOCAL.findall(sentence)
    own = set(LOCAL_NUMBER.findall(document.source.meta.local + " " + document.source.meta.title))
    return bool(named) and named[-1] not in own


def annotate_self_references(resolver: Resolver, node: Node, block) -> None:
    """ "this Article" -> the enclosing article; "this Letter of Understanding" -> the letter."""
    for match in SELF.finditer(block.text):
        word = match.group("what").split()[0].lower()
        kinds = SELF_KINDS.get(word, ())
        target = next((n for n in resolver.chain(node) if n.kind in kinds and n.cite
                       and (word != "clause" or n.style == "decimal")), None)
        if target is None and word in ("letter", "lou"):  # Sooke Appendix B is "BCPSEA LOU"
            unit = resolver.unit_of(node)  # its heading or first lines say it is a letter
            opening = " ".join([unit.title, unit.printed] + [b.text for b in unit.blocks[:3]])
            target = unit if re.search(r"\bLOU\b|[Ll]etter of [Uu]nderstanding", opening) else None
        if target is not None and not any(a.start < match.end() and match.start() < a.end
                                          for a in block.annotations):
            block.annotations.append(Annotation(match.start(), match.end(), "xref", target.cite, _title(target)))


def annotate_statutes(document: Document, statutes: Statutes, block) -> None:
    """Known statute names anywhere in the text link to their page; unknown Acts are reported."""
    for start, end, url in statutes.find(block.text):
        if not any(a.start < end and start < a.end for a in block.annotations):
            block.annotations.append(Annotation(start, end, "external", url, block.text[start:end]))
    for name in statutes.candidates(block.text):
        statutes.unknown.setdefault(name, (str(document.source.path), block.line))


def _range(resolver: Resolver, target: Target, here: Node) -> None:
    """ "Articles 14 through 16": 15 is cited too (it has no printed number to link); so are
    14.4 and 14.5 in "Sections 14.3 through 14.6", counted in the cited article."""
    last = target.cite or ""
    first = last.rsplit(".", 1)[0] + "." + target.item.range_from.num.rsplit(".", 1)[-1] if "." in last \
        else target.item.range_from.num
    head, _, low = first.rpartition(".")
    head_last, _, high = last.rpartition(".")
    if head == head_last and low.isdigit() and high.isdigit() and not target.item.subs:
        for n in range(int(low) + 1, int(high)):
            cite = f"{head}.{n}" if head else str(n)
            if cite in resolver.nodes:
                _cited_by(resolver.nodes[cite], here)


def _cited_by(target: Node, here: Node) -> None:
    cite = here.cite
    if cite and cite != target.cite and cite not in target.referenced_by:
        target.referenced_by.append(cite)


def _title(node: Node) -> str:
    return f"{node.cite} {node.title}".strip()


def _statute(document: Document, statutes: Statutes, block, ref: Ref) -> None:
    url = statutes.url(ref.name)
    if url:
        block.annotations.append(Annotation(ref.start, ref.end, "external", url, ref.name))
    else:
        statutes.unknown.setdefault(ref.name, (str(document.source.path), block.line))
