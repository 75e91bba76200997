"""The defined-terms pass: find every term a document defines (its glossary), then mark its uses.

Reads the tree (after the reference pass, so links are known) and writes `Document.glossary`
and `Annotation(kind="term")` on paragraphs; never Markdown.

Finding walks the blocks in document order and runs the shapes of def_find.py on each, knowing
whether the block sits under a "Definitions" heading (article, clause or sub-heading). Then:
  * where a definition applies (`scopes`): what the sentence says ("For the purposes of this
    article", "In this Article:", "Definitions Applicable to Article 22.6"), else where it is:
    a letter, schedule, appendix or addendum speaks for itself; the preamble, a definitions
    article and the articles speak for the whole document; a short parenthetical ("the Act",
    "the grievor") for its own unit; abbreviations and the parties for the whole document.
  * one key per term: aliases ("TTOC") join their term; the same words defined again with the
    same text are one definition; defined again differently, the new one applies to its own unit
    (unless both come from the preamble or definitions, which the tooltip then shows together).
  * abbreviations and "(the grievor)" count only when the document uses them again.
  * a "Definitions" / "Glossary" unit printed as a list (a term per line and its definition
    below, or pdftotext's block of terms then block of definitions) is read by def_lists.py;
    terms and definitions that do not pair up are reported, not guessed. A definitions unit
    speaks for the whole document wherever it is (a Glossary schedule at the end too).
  * site_config/terms.yml adds, suppresses or scopes terms per document (terms_config.py).
Marking is passes/terms.py.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from difflib import SequenceMatcher

from .. import terms_config
from ..model import Block, Definition, Document, Node, Problem
from .def_find import (Found, find_definitions, is_definitions_heading, key_of, label_term, normal,
                       scope_of_heading, scope_of_intro, title_term)
from .def_lists import GLine, read_glossary
from .joined import Joined
from .literal import finditer_from_words, lowered
from .terms import mark_uses
from .tree_index import TreeIndex

STRUCTURED = ("agreement", "bylaws")
LETTERS = ("lou", "mou", "schedule", "appendix", "addendum")
MAX_TEXT = 700
GENERIC_TITLE = re.compile(r"\b(?:terms?|interpretation|plural|feminine|gender|singular|general|definitions?)\b", re.I)
SEPARATOR = re.compile(r"^\s*[-–]?\s*(?:and|between|of\s+the\s+(?:first|second)\s+part)\s*:?\s*[-–]?\s*$|\bbetween\s*:?\s*$", re.I)
TITLED_VERBS = r"(?:(?:is|are|shall\s+be|will\s+be)\s+(?:a|an|the)\b|means\b|(?:also\s+)?includes?\s*:)"
SPAN_SHAPES = ("abbreviation", "paren", "paren-the", "known-as", "quoted-meaning")


class Tree(TreeIndex):
    """Parents, units and subtrees of one document's nodes."""

    def __init__(self, document: Document):
        super().__init__(document.root)
        self.document = document

    def unit(self, node: Node) -> Node:
        """The article, letter, schedule ... the node belongs to."""
        return self.unit_of(node)

    def top_clause(self, node: Node) -> Node:
        """The first-level clause holding the node ("19.05" for 19.05.c), or its unit."""
        chain = self.chain(node)
        unit = self.unit(node)
        idx = next((i for i, n in enumerate(chain) if n is unit), len(chain))
        return chain[idx - 1] if idx > 0 else unit


@dataclass
class Candidate:
    """A found definition, placed: its node and block, scope and text."""

    found: Found
    node: Node
    block: Block | None
    scopes: list[str]
    text: str
    whole: bool  # speaks for the whole document: the preamble's definitions and parties, a definitions article
    own_nodes: list[Node] = field(default_factory=list)  # whole clauses that are the definition
    own_blocks: list[Block] = field(default_factory=list)  # blocks that are the definition (a glossary list's)


def annotate_definitions(document: Document, config: terms_config.TermsConfig | None = None) -> None:
    """Find the document's defined terms (Document.glossary) and mark their uses in its text."""
    if document.source.meta.kind not in STRUCTURED:
        return
    tree = Tree(document)
    corrections = (config or terms_config.current()).for_document(document.slug)
    candidates = _used_again(document, find_all(document, tree))
    glossary, own = build_glossary(document, tree, candidates)
    glossary, own = _apply_config(document, tree, corrections, glossary, own)
    document.glossary = glossary
    mark_uses(document, tree, own)


# ---------------------------------------------------------------- finding

def find_all(document: Document, tree: Tree) -> list[Candidate]:
    """Every definition of the document, in document order."""
    out: list[Candidate] = []
    sticky: tuple[Node, str] | None = None  # a "Definitions" heading inside a unit: (holder, scope)
    for node in document.root.walk():
        if node.kind in ("document", "group"):
            continue
        if sticky and not any(n is sticky[0] for n in tree.chain(node)):
            sticky = None
        titled_context, heading_scope = _title_context(tree, node)
        found_here: list[Candidate] = []
        for index, block in enumerate(node.blocks):
            if block.kind == "table":
                found_here += [_place(tree, node, index, f, False, "") for row in block.rows for cell in row
                               for f in find_definitions(cell) if f.shape == "abbreviation"]
                continue
            if is_definitions_heading(block.text):
                holder = node if block.kind != "subheading" else tree.parent.get(id(node), node)
                # a "Definition" column heading inside a definitions unit keeps the unit's scope
                sticky = (holder, scope_of_heading(block.text) or (heading_scope if titled_context else "")
                          or _unit_scope(tree, node))
                continue
            if block.kind == "subheading" and sticky and not block.text.startswith("Re:"):
                sticky = None
            context = titled_context or sticky is not None
            scope_hint = (sticky[1] if sticky else "") or heading_scope
            for found in find_definitions(block.text, context):
                if block.text.startswith("Re:") and found.shape != "abbreviation" or \
                        block.kind == "subheading" and found.shape in ("means", "is", "dash", "defined-as", "colon"):
                    continue  # a letter's "Re: ... (“Unpaid Leave”)" names the letter; a heading defines nothing
                found_here.append(_place(tree, node, index, found, context, scope_hint))
            found_here += _label_above(tree, node, index, context, scope_hint, found_here)
        out += found_here
        out += _titled(tree, node, found_here, titled_context)
    return _with_lists(document, tree, out)


NEXT_LINE_VERB = re.compile(r"(?:means(?!\s+of\b)|shall\s+mean|includes|is\s+defined\s+as|refers\s+to|"
                            r"has\s+the\s+(?:same\s+)?meaning)\b")


def _label_above(tree: Tree, node: Node, index: int, context: bool, scope_hint: str,
                 found_here: list[Candidate]) -> list[Candidate]:
    """A term alone on its line and "means ..." on the next (Canadian federal `a. "annual rate of
    pay"` / `means ...`): the block starts with the verb, the block above (or the clause's title,
    when the parser took the quoted term for one) is only the term."""
    block = node.blocks[index]
    text = block.text.lstrip()
    if not (NEXT_LINE_VERB.match(text) or context and NEXT_LINE_VERB.match(text.lower()) and text[:1].isupper()):
        return []
    above = node.blocks[index - 1] if index else None
    if above is not None and above.kind not in ("para", "subheading"):
        return []
    if above is None and context:
        return []  # a titled clause of a definitions article: _titled reads it
    label = above.text if above is not None else node.title if node.kind == "clause" else ""
    if re.match(r"\s*[a-z]{2,}", label or ""):
        return []  # the end of a wrapped term or sentence ("member"), not a term
    term, aliases = label_term(label or "")
    if not term or GENERIC_TITLE.search(term) or any(normal(c.found.term) == normal(term) for c in found_here):
        return []
    found = Found(term, "label", 0, len(text), aliases, text=f"{term} {text}",
                  scope=scope_of_intro(text))
    cand = _place(tree, node, index, found, context, scope_hint)
    if above is not None:
        cand.own_blocks.append(above)
    return [cand]


# "the following definitions will apply:", "In this Agreement:" (at the start of a sentence), also
# when the list goes on in the same block.
LEAD_IN = re.compile(r"(?:(?i:the\s+following\s+(?:definitions|terms|words))|(?:^|(?<=\.\s))In\s+this\s+"
                     r"(?i:Agreement|Article|Part|Schedule|Appendix|clause|section)\b)[^.:]{0,60}:[ \t]*$", re.M)


def _with_lists(document: Document, tree: Tree, found: list[Candidate]) -> list[Candidate]:
    """Add the glossaries printed as lists (def_lists.py) or tables of each "Definitions" part:
    their pairs whose term no sentence there defines, placed at the term's block."""
    parts = _glossary_parts(document, tree)
    furniture = _repeated_lines(document) if parts else set()
    everywhere = "\n".join(b.text for n in document.root.walk() for b in n.blocks).lower() if parts else ""
    for holder, start, lead in parts:
        tables: list[tuple[Node, int]] = []
        lines = _lines(holder, start, furniture, tables)
        here = "\n".join(ln.text for ln in lines).lower()
        reading = read_glossary(lines, known=functools.cache(lambda term, here=here: _uses(term, everywhere) > _uses(term, here)))
        for line, message in reading.problems:
            document.problems.append(Problem(str(document.source.path), line, message))
        found = _without_misreadings(found, reading)
        inside, nodes = {id(ln.ref[1]) for ln in lines}, {id(n) for n in holder.walk()}
        known = {normal(w) for c in found if (id(c.block) in inside if c.block is not None else id(c.node) in nodes)
                 for w in [c.found.term] + c.found.aliases}
        scope_hint = scope_of_intro(lead) or _title_context(tree, holder)[1] or (_unit_scope(tree, holder) if start else "")
        for cand in _pair_candidates(tree, reading, known, scope_hint) + _table_candidates(tree, tables, known, scope_hint):
            found.insert(_after(found, holder, tree), cand)
    return found


def _without_misreadings(found: list[Candidate], reading) -> list[Candidate]:
    """The list's reading replaces a term-above-"means" guess in its lines (the block above a
    "means" line is not its term when terms were printed as a block), and a sentence shape that
    read several list lines as one sentence ("Agency Agreement APS means ...")."""
    pair_terms = {normal(p.term) for p in reading.pairs}
    listed = {id(ln.ref[1]) for p in reading.pairs for ln in p.term_lines + p.def_lines}
    unpaired = {id(ln.ref[1]) for ln in reading.unpaired}
    return [c for c in found if not _reads_list_as_sentence(c, listed, pair_terms)
            and not (c.found.shape == "label" and c.block is not None and id(c.block) in listed | unpaired)]


def _pair_candidates(tree: Tree, reading, known: set[str], scope_hint: str) -> list[Candidate]:
    out = []
    for pair in reading.pairs:
        if normal(pair.term) in known:
            continue
        node, block = next((ln.ref for ln in pair.term_lines + pair.def_lines if ln.ref[1] is not None))
        index = next(i for i, b in enumerate(node.blocks) if b is block)
        f = Found(pair.term, "list", 0, len(block.text), pair.aliases, text=f"{pair.term}: {pair.text}")
        cand = _place(tree, node, index, f, True, scope_hint)
        cand.own_blocks += [ln.ref[1] for ln in pair.term_lines + pair.def_lines if ln.ref[1] is not None]
        out.append(cand)
    return out


def _table_candidates(tree: Tree, tables: list[tuple[Node, int]], known: set[str], scope_hint: str) -> list[Candidate]:
    out = []
    for node, index, term, aliases, text in _table_pairs(tables):
        if normal(term) not in known:
            known.add(normal(term))
            f = Found(term, "table", 0, 0, aliases, text=f"{term}: {text}")
            out.append(_place(tree, node, index, f, True, scope_hint))
    return out


def _table_pairs(tables: list[tuple[Node, int]]) -> list[tuple[Node, int, str, list[str], str]]:
    """A glossary kept as a table (| Term | Definition |): each row whose first cell is a term."""
    out = []
    for node, index in tables:
        for row in node.blocks[index].rows:
            cells = [c.strip() for c in row if c.strip()]
            if len(cells) < 2 or HEADER_CELL.fullmatch(cells[0]):
                continue
            term, aliases = label_term(cells[0])
            if term and len(term.split()) <= 6:
                out.append((node, index, term, aliases, " ".join(cells[1:])))
    return out


HEADER_CELL = re.compile(r"(?i)terms?|words?|expressions?|abbreviations?|acronyms?|definitions?")


def _after(found: list[Candidate], holder: Node, tree: Tree) -> int:
    """Where a list's definitions go among the others: after the last one found inside its part."""
    inside = [i for i, c in enumerate(found) if any(n is holder for n in tree.chain(c.node))]
    return inside[-1] + 1 if inside else next((i for i, c in enumerate(found) if c.node.line > holder.line), len(found))


def _repeated_lines(document: Document) -> set[str]:
    """Short lines printed as blocks of their own three times or more: running headers that
    cleaning left ("Defence Housing Australia Enterprise Agreement 2021" at every page)."""
    counts: dict[str, int] = {}
    for n in document.root.walk():
        for b in n.blocks:
            for line in b.text.split("\n"):
                if len(line) < 80:
                    counts[line.strip()] = counts.get(line.strip(), 0) + 1
    return {line for line, count in counts.items() if count >= 3 and line}


def _reads_list_as_sentence(cand: Candidate, listed: set[int], pair_terms: set[str]) -> bool:
    """A sentence shape that took a list's lines for one sentence: "Agency / Agreement / APS /
    means the ..." read as the term "Agency Agreement APS"."""
    f = cand.found
    if cand.block is None or id(cand.block) not in listed or normal(f.term) in pair_terms:
        return False
    return "\n" in cand.block.text[f.start:f.end].strip() and f.shape not in ("abbreviation", "party", "party-the")


def _glossary_parts(document: Document, tree: Tree) -> list[tuple[Node, int, str]]:
    """Where a glossary may be printed as a list: (node, first block, lead-in) of each outermost
    node titled "Definitions" / "Glossary" (whole), and the blocks after a "Definitions" line or a
    lead-in ("the following definitions will apply:", also when the list goes on in its block)."""
    parts: list[tuple[Node, int, str]] = []
    _collect_parts(document.root, False, parts)
    return parts


def _collect_parts(node: Node, inside: bool, parts: list[tuple[Node, int, str]]) -> None:
    """_glossary_parts for `node` and what it holds, in document order; `inside`: a node around it
    is titled "Definitions" (known on the way down, instead of looking up each node's ancestors)."""
    titled = is_definitions_heading(node.title)
    if node.kind not in ("document", "group"):
        if titled and not inside:
            parts.append((node, 0, ""))
        elif not titled and not inside:
            for i, b in enumerate(node.blocks):
                lead = LEAD_IN.search(b.text) if b.kind == "para" and _may_lead_in(b.text) else None
                if is_definitions_heading(b.text) or lead:
                    start = i if lead and b.text[lead.end():].strip() else i + 1
                    if start < len(node.blocks) or node.children:
                        parts.append((node, start, lead.group(0) if lead else ""))
                    break
    for child in node.children:
        _collect_parts(child, inside or titled, parts)


def _may_lead_in(text: str) -> bool:
    """What LEAD_IN cannot match without: a colon, and "In" (as printed) or "following" (any case)."""
    if ":" not in text:
        return False
    low = lowered(text)
    return "In" in text or low is None or "following" in low


def _marker(num: str) -> str:
    return num if num.startswith("(") or num.endswith((".", ")")) else f"({num})"


def _lines(holder: Node, start: int, furniture: set[str] = frozenset(),
           tables: list[tuple[Node, int]] | None = None) -> list[GLine]:
    """The lines of a glossary part in document order: each block's lines (a block whose text
    keeps its line breaks gives one line each), with their source lines. A part that starts after
    a "Definitions" line inside a unit ends at the next unit-like heading ("Appendix 4 – ..."),
    and, once it has shown sentence definitions, at a sub-heading that no definition follows
    (Rockies LOU 2022-3: "Definitions", four "X means ..." paragraphs, then "COLA" / "The COLA
    will be applied ...") or at a paragraph that neither defines nor follows a term; a glossary
    of term lines goes on (DHA: "Appendix 3 – Definitions" /
    "Term" / "Definition" / "APS" / "Australian Public Service."). `furniture`: running headers
    left in the text, which are no terms; `tables` collects the part's tables (node, index)."""
    out: list[GLine] = []
    sentences = False
    ended = False
    for node in holder.walk():
        if ended:
            break
        blocks = node.blocks[start:] if node is holder else node.blocks
        if node is not holder and node.title and not node.num.strip("()."):
            out.append(GLine(node.title, node.line, node.line, (node, None)))  # a term the parser took for a title
        for i, block in enumerate(blocks):
            if block.kind == "table" and tables is not None:
                tables.append((node, node.blocks.index(block)))
            if block.kind not in ("para", "subheading", "closing"):
                continue
            after = blocks[i + 1].text.lstrip() if i + 1 < len(blocks) else ""
            defines = any(f.shape in SENTENCE_SHAPES for f in find_definitions(block.text, True))
            above = blocks[i - 1].text if i else ""
            if UNIT_HEADING.match(block.text) and len(block.text.split()) <= 12 or start and sentences and (
                    block.kind == "subheading" and not NEXT_LINE_VERB.match(after.lower())
                    or block.kind == "para" and not defines and not label_term(above)[0] and not label_term(block.text)[0]):
                ended = True  # Boilermakers LOU: "Definitions:", two "X: Is ..." lines, then the letter's text
                break
            sentences = sentences or defines
            lines = _block_lines(node, block)
            if node is not holder and block is node.blocks[0] and node.num and lines:
                lines[0].text = f"{_marker(node.num)} {lines[0].text}"  # "(b) Means a child ..." stays one definition
            out += [ln for ln in lines if ln.text.strip() not in furniture]
    if all(ln.first for ln in out):  # a title line of a child comes before the blocks of its parent's tail
        out.sort(key=lambda ln: ln.first)
    return out


SENTENCE_SHAPES = ("quoted", "means", "colon", "dash")
UNIT_HEADING = re.compile(r"\s*(?:Article|Section|Part|Schedule|Appendix|Annex|Attachment|Exhibit|Addendum)\s+"
                          r"[\"“'‘]?(?:\d+|[IVXLC]+|[A-Z])\b", re.I)


def _block_lines(node: Node, block: Block) -> list[GLine]:
    parts = block.text.split("\n")
    exact = len(parts) > 1 and block.line and block.last_line - block.line + 1 == len(parts)
    out = []
    for i, text in enumerate(parts):
        first = block.line + i if exact else block.line
        last = first if exact else (block.last_line or block.line)
        if len(parts) > 1 and not exact:
            first = last = 0
        out.append(GLine(text, first, last, (node, block)))
    return out


def _uses(term: str, text: str) -> int:
    """How often the words of a term appear in a (lower-case) text: a glossary's term that the
    agreement also uses outside the glossary is a better reading of its lines."""
    words = " ".join(term.lower().split())
    return sum(1 for _ in finditer_from_words(_word_pattern(words), text, [words]))


@functools.lru_cache(maxsize=4096)
def _word_pattern(words: str) -> re.Pattern:
    return re.compile(r"(?<![\w-])" + re.escape(words) + r"(?![\w-])")


def _title_context(tree: Tree, node: Node) -> tuple[bool, str]:
    """Whether the node is inside an article or clause titled "Definitions" (and its scope: a
    definitions article speaks for the whole document, a definitions clause for its article)."""
    for n in tree.chain(node):
        if is_definitions_heading(n.title):
            return True, scope_of_heading(n.title) or _definitions_node_scope(tree, n)
    return False, ""


def _definitions_node_scope(tree: Tree, n: Node) -> str:
    """A definitions article, schedule or appendix (also the Glossary at the end of the agreement)
    speaks for the whole document; a definitions clause for its article, unless it says "In this
    Agreement" (Australian "3. Definitions / In this Agreement: Agency means ...")."""
    if n.kind != "clause":
        return "doc"
    first = next((b.text for b in n.blocks if b.kind == "para"), "")
    if scope_of_intro(first) == "doc":
        return "doc"
    return _unit_scope(tree, n)


def _unit_scope(tree: Tree, node: Node) -> str:
    """A "Definitions" heading inside an article defines for that article (not in the preamble)."""
    unit = tree.unit(node)
    return "" if unit.kind == "part" else "cite:" + unit.cite


def _place(tree: Tree, node: Node, index: int, found: Found, context: bool, scope_hint: str) -> Candidate:
    block = node.blocks[index]
    scope = found.scope or scope_hint or _lead_in_scope(tree, node)
    text = _definition_text(node, index, found)
    if found.shape.startswith("party") and (not found.text or block.text.lstrip().startswith("(")):
        text = _party_text(node, index)
    in_part = tree.unit(node).kind == "part"  # the preamble, the cover
    whole = in_part and (context or found.shape.startswith("party")) or \
        context and scope_hint in ("", "doc") and found.scope in ("", "doc")
    return Candidate(found, node, block, _scopes(tree, node, scope), text, whole)


def _lead_in_scope(tree: Tree, node: Node) -> str:
    """ "In this Article:" as the parent's lead-in speaks for the list below it (B.5.1.a)."""
    parent = tree.parent.get(id(node))
    if parent is not None and parent.blocks and parent.blocks[-1].text.rstrip().endswith(":"):
        return scope_of_intro(parent.blocks[-1].text)
    return ""


def _scopes(tree: Tree, node: Node, scope: str) -> list[str]:
    """The citations a definition is limited to ([] = the whole document)."""
    unit = tree.unit(node)
    if scope == "doc":
        return []
    if scope.startswith("cite:"):
        cite = scope[5:]
        return [cite] if cite in tree.nodes else [unit.cite]
    if scope == "clause":
        return [tree.top_clause(node).cite]
    if scope in ("article", "unit"):
        return [] if unit.kind == "part" else [unit.cite]
    return [unit.cite] if unit.kind in LETTERS else []


def _titled(tree: Tree, node: Node, found_here: list[Candidate], in_definitions: bool) -> list[Candidate]:
    """A clause whose title is the term: "Definition of Layoff", "Sick Leave Defined", a titled
    clause of a definitions article ("1.03 Regular Employee", 2.1 "BOARD"), or a clause titled
    "Normal Work Week" that starts "The normal work week shall be ...". Only when the clause's
    own text did not already define that term."""
    if node.kind != "clause" or not node.title:
        return []
    title = node.title.strip().strip("\"“”'")
    if re.search(r"[\"“”‘’]|\)$", node.title):  # '"allowance" (indemnité)': the term without its French gloss
        title = label_term(node.title)[0] or title
    term = title_term(title)
    shape = "titled"
    if not term and in_definitions and len(title.split()) <= 5 and not GENERIC_TITLE.search(title):
        term, shape = title, "definitions-article"
    paras = [b.text for b in node.blocks if b.kind == "para"][:3]
    if not term and len(title.split()) <= 4 and not GENERIC_TITLE.search(title) and any(
            _may_open_with(p, title) and _titled_pattern(title).match(p) for p in paras):
        term, shape = title, "titled-first"
    if not term or any(normal(term) in normal(c.found.term) or normal(c.found.term) == normal(term)
                       for c in found_here if c.node is node or c.found.shape != "abbreviation"):
        return []
    found = Found(term, shape, 0, 0)
    text = _node_text(node)
    if re.match(r"means\b|is\b|shall\b", text, re.I):  # "De facto partner" / "Means a person who ..." (DHA)
        text = f"{title} {text}"
    return [Candidate(found, node, None, _scopes(tree, node, ""), text, in_definitions, own_nodes=[node])]


@functools.lru_cache(maxsize=4096)
def _titled_pattern(title: str) -> re.Pattern:
    """A paragraph that opens with its clause's title and a defining verb ("Normal Work Week" /
    "The normal work week shall be ...")."""
    return re.compile(rf"(?:(?:A|An|The)\s+)?{re.escape(title)}\s+(?:also\s+)?{TITLED_VERBS}", re.I)


def _may_open_with(text: str, title: str) -> bool:
    """False only when _titled_pattern(title) cannot match at the start of `text`: that needs the
    title right at the start, or after "A", "An" or "The" and spaces, in any case. An ASCII title
    is then printed there in some case, so `text.lower()` holds `title.lower()` no later than the
    end of its leading article and spaces, unless `text` has a letter that re (not str.lower())
    matches to an ASCII one (FOLDS_TO_ASCII): then it is always tried."""
    low = lowered(text)
    if not title.isascii() or low is None:
        return True
    at = low.find(title.lower())
    return 0 <= at <= LEADING_ARTICLE.match(low).end()


LEADING_ARTICLE = re.compile(r"(?:the|an|a)?\s*")


# ---------------------------------------------------------------- texts

def _definition_text(node: Node, index: int, found: Found) -> str:
    block = node.blocks[index]
    if found.text:
        return found.text
    if found.shape in SPAN_SHAPES + ("defined-as",) or found.start > 0 and len(block.text) > 400:
        return _sentence(block.text, found.start)  # the defining sentence of a long paragraph
    text = block.text
    if text.rstrip().endswith(":"):
        text += " " + " ".join(_node_text(child, with_num=True) for child in node.children)
    return text


def _party_text(node: Node, index: int) -> str:
    """ "(hereinafter called the "Union")" names the party printed in the block(s) before it."""
    names = []
    for block in reversed(node.blocks[max(0, index - 4):index]):
        text = block.text.strip()
        if SEPARATOR.search(text) or re.match(r"\(", text):
            break
        m = re.match(r"(?:BETWEEN|AND)\s*:\s*(.+)", text)
        if m:
            names.insert(0, m.group(1))
            break
        names.insert(0, text)
    return " ".join(names + [node.blocks[index].text.strip()])


def _node_text(node: Node, with_num: bool = False) -> str:
    """A clause's text with its sub-clauses ("a) ... b) ..."), as one line."""
    parts = [node.num] if with_num and node.num else []
    parts += [b.text for b in node.blocks if b.kind in ("para", "closing")]
    parts += [_node_text(child, with_num=True) for child in node.children]
    return " ".join(p for p in parts if p)


SENTENCE_END = re.compile(r"(?<!\bNo)(?<!\bNos)(?<!\b[A-Z])\.\s+(?=[A-Z(\"“])")


def _sentence(text: str, at: int) -> str:
    """The sentence of `text` around offset `at` ("LOU No. 12" does not end one)."""
    starts = [m.end() for m in SENTENCE_END.finditer(text) if m.end() <= at]
    end = SENTENCE_END.search(text, at)
    return text[starts[-1] if starts else 0:end.start() + 1 if end else len(text)].strip()


def shorten(text: str, limit: int = MAX_TEXT) -> str:
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text.rfind(" ", 0, limit)
    return text[:cut if cut > 0 else limit].rstrip(",;:") + " …"


# ---------------------------------------------------------------- the glossary

def _used_again(document: Document, candidates: list[Candidate]) -> list[Candidate]:
    """Abbreviations (and "(the grievor)") count only when the document uses them again,
    anywhere outside the block that introduces them."""
    texts = [(id(b), b.text) for n in document.root.walk() for b in n.blocks if b.kind != "table"]
    texts += [(id(b), " ".join(" ".join(r) for r in b.rows)) for n in document.root.walk() for b in n.blocks if b.rows]
    texts += [(0, n.title) for n in document.root.walk() if n.title]
    joined = Joined.of([t for _, t in texts])  # one search over all the texts finds every use
    kept = []
    for cand in candidates:
        if cand.found.reuse and cand.found.shape != "list":
            words = cand.found.aliases or [cand.found.term]
            pattern = _reuse_pattern(tuple(words))
            f = cand.found
            table = cand.block is not None and cand.block.kind == "table"  # its offsets are a cell's
            uses = finditer_from_words(pattern, joined.text, words)  # where a word is printed, not everywhere
            if not any(_elsewhere(m, texts, joined, cand.block, f, table) for m in uses):
                continue
        kept.append(cand)
    return kept


@functools.lru_cache(maxsize=4096)
def _reuse_pattern(words: tuple[str, ...]) -> re.Pattern:
    """A use of an abbreviation (or a "(the grievor)" word) again: any of its words, as a word."""
    return re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(w) for w in words) + r")(?:s|'s|’s)?(?!\w)")


def _elsewhere(m: re.Match, texts: list, joined: Joined, block, f, table: bool) -> bool:
    """A match in _used_again's joined texts that is a use again: in another text, or in the
    introducing block outside the introduction (not for a table, whose offsets are a cell's)."""
    i = joined.index(m.start())
    if texts[i][0] != id(block):
        return True
    start, end = m.start() - joined.starts[i], m.end() - joined.starts[i]
    return (start < f.start or end > f.end) and not table


@dataclass
class Own:
    """Where each term is its own definition, and so never marked: spans of blocks, whole nodes."""

    spans: dict[int, list[tuple[int, int, str]]] = field(default_factory=dict)  # id(block) -> (start, end, key)
    nodes: dict[int, set[str]] = field(default_factory=dict)  # id(node) -> keys

    def add_span(self, block: Block, start: int, end: int, key: str) -> None:
        self.spans.setdefault(id(block), []).append((start, end, key))

    def add_node(self, node: Node, key: str) -> None:
        for n in node.walk():
            self.nodes.setdefault(id(n), set()).add(key)


def build_glossary(document: Document, tree: Tree, candidates: list[Candidate]) -> tuple[list[Definition], Own]:
    """Candidates -> one Definition per distinct definition, with keys, scopes and entries."""
    glossary: list[Definition] = []
    keys: dict[str, str] = {}  # normal(term or alias) -> key
    own = Own()
    for cand in candidates:
        f = cand.found
        key = next((keys[normal(w)] for w in [f.term] + f.aliases if normal(w) in keys), None) or key_of(f.term)
        for word in [f.term] + f.aliases:
            keys.setdefault(normal(word), key)
        _own(own, cand, key)
        same = [d for d in glossary if d.key == key]
        definition = Definition(term=f.term, key=key, cite=_cite(tree, cand.node), line=cand.block.line if cand.block else cand.node.line,
                                text=shorten(cand.text), aliases=[a for a in f.aliases if normal(a) != normal(f.term)],
                                scopes=cand.scopes, shape=f.shape)
        if same and _merge(same, definition, cand, tree):
            continue
        glossary.append(definition)
    for d in glossary:
        d.aliases = _aliases(d, glossary)
        d.entry = entry_id(d)
    return glossary, own


def _merge(same: list[Definition], new: Definition, cand: Candidate, tree: Tree) -> bool:
    """Fold `new` into the definitions of the same key; True when it adds nothing of its own."""
    first = same[0]
    for alias in new.aliases + ([new.term] if normal(new.term) != normal(first.term) else []):
        if all(normal(alias) != normal(a) for a in first.aliases + [first.term]):
            first.aliases.append(alias)
    if new.shape == "abbreviation":
        return True  # "Teacher Teaching on Call (TTOC)" again: its expansion is known
    for old in same:
        if old.shape == "abbreviation" and not any(d.shape != "abbreviation" for d in same if d is not old):
            old.text, old.cite, old.line, old.shape, old.scopes = new.text, new.cite, new.line, new.shape, new.scopes
            return True  # a real definition of an abbreviation found before
        if _similar(old.text, new.text) or tree.top_clause(cand.node).cite == _top(tree, old):
            if old.scopes and new.scopes:
                old.scopes += [s for s in new.scopes if s not in old.scopes]
            elif old.scopes:
                old.scopes = []
            return True
    doc_wide = [d for d in same if not d.scopes]
    if doc_wide and not new.scopes and not cand.whole:
        unit = tree.unit(cand.node)
        new.scopes = [unit.cite] if unit.kind != "part" else [tree.top_clause(cand.node).cite]
    return False


def _similar(a: str, b: str) -> bool:
    """The same definition printed twice (Rockies 2.9 and 17.1 Spouse)."""
    x, y = (re.sub(r"[^a-z0-9]", "", t.lower()) for t in (a, b))
    return bool(x) and bool(y) and (x in y or y in x or SequenceMatcher(None, x, y).ratio() > 0.85)


def _top(tree: Tree, d: Definition) -> str:
    node = tree.nodes.get(d.cite)
    return tree.top_clause(node).cite if node is not None else ""


def _aliases(d: Definition, glossary: list[Definition]) -> list[str]:
    seen, out = {normal(d.term)}, []
    for other in glossary:
        if other.key == d.key:
            for a in other.aliases + [other.term]:
                if normal(a) not in seen:
                    seen.add(normal(a))
                    out.append(a)
    return out


def _own(own: Own, cand: Candidate, key: str) -> None:
    """The words that define a term are never a use of it: the defining span of a short shape
    (an abbreviation, a parenthesis), else the whole block (with its sub-clauses when it ends
    in ':'), else the whole titled clause."""
    f = cand.found
    for node in cand.own_nodes:
        own.add_node(node, key)
    for block in cand.own_blocks:
        own.add_span(block, 0, len(block.text), key)
    if cand.block is None:
        return
    if f.shape in SPAN_SHAPES:
        own.add_span(cand.block, f.start, f.end, key)
        return
    own.add_span(cand.block, 0, len(cand.block.text), key)
    if cand.block.text.rstrip().endswith(":"):
        for child in cand.node.children:
            own.add_node(child, key)


def _cite(tree: Tree, node: Node) -> str:
    return next((n.cite for n in tree.chain(node) if n.cite), "")


def entry_id(d: Definition) -> str:
    """What a use points to: the key, or key + "--" + its scopes for a scoped definition."""
    if not d.scopes:
        return d.key
    return d.key + "--" + re.sub(r"[^a-z0-9]+", "-", "-".join(d.scopes).lower()).strip("-")


# ---------------------------------------------------------------- site_config/terms.yml

def _apply_config(document: Document, tree: Tree, corrections: terms_config.DocTerms,
                  glossary: list[Definition], own: Own) -> tuple[list[Definition], Own]:
    path = terms_config.current().path or "site_config/terms.yml"
    for name in corrections.suppress:
        hit = [d for d in glossary if normal(name) in {normal(w) for w in [d.term] + d.aliases}]
        if not hit:
            document.problems.append(Problem(path, 1, f"terms.yml suppresses '{name}' in {document.slug}, "
                                             "which defines no such term: remove it from 'suppress:'"))
        glossary = [d for d in glossary if d not in hit]
    for name, cite in corrections.scope.items():
        hit = [d for d in glossary if normal(name) in {normal(w) for w in [d.term] + d.aliases}]
        if cite not in tree.nodes or not hit:
            document.problems.append(Problem(path, 1, f"terms.yml scopes '{name}' to '{cite}' in {document.slug}, but "
                                             + ("there is no such term" if not hit else f"there is no {cite}")
                                             + ": check the spelling"))
            continue
        for d in hit:
            d.scopes = [cite]
    for name, extra in corrections.aliases.items():
        hit = [d for d in glossary if normal(name) in {normal(w) for w in [d.term] + d.aliases}]
        if not hit:
            document.problems.append(Problem(path, 1, f"terms.yml gives aliases to '{name}' in {document.slug}, "
                                             "which defines no such term: check the spelling"))
        for d in hit:
            d.aliases += [a for a in extra if a not in d.aliases]
    for added in corrections.add:
        node = tree.nodes.get(added.cite)
        if node is None or (added.scope and added.scope not in tree.nodes):
            missing = added.cite if node is None else added.scope
            document.problems.append(Problem(path, added.line, f"terms.yml adds '{added.term}' to {document.slug} "
                                             f"at '{missing}', which is not a citation of it: use one from clauses.json"))
            continue
        key = next((d.key for d in glossary if normal(added.term) in {normal(w) for w in [d.term] + d.aliases}),
                   key_of(added.term))
        glossary.append(Definition(term=added.term, key=key, cite=added.cite, line=node.line,
                                   text=shorten(added.definition or _node_text(node)), aliases=list(added.aliases),
                                   scopes=[added.scope] if added.scope else [], shape="site_config"))
        for block in node.blocks:
            own.add_span(block, 0, len(block.text), key)
    for d in glossary:
        d.aliases = _aliases(d, glossary)
        d.entry = entry_id(d)
    return glossary, own
