"""Reading hand-written answer keys and scoring a parsed Document against them.

Shared by the style corpus (tests/corpus), the numbering-grammar property test (tests/property)
and the practice goldens (tests/golden/test_practice.py). Nothing here parses agreement text: the
keys are written by a person from the text and CITATIONS.md; this module only reads them and
compares them with what the pipeline built.

Key formats
- `<name>.tree.txt`: one line per citable node in document order, two spaces of indent per cited
  ancestor, then the cite, then (after two spaces) the title as printed, if any:
      12  SENIORITY
        12.3
          12.3.b
- `<name>.refs.txt`: `line: text -> cite` for a reference that must link to `cite`, or
  `line: text -> -` for a phrase that must NOT link (an outside statute, a policy number).
- `<name>.terms.txt` (optional): one defined term a line, as the text writes it.
"""
from __future__ import annotations

import difflib
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from generator.clean.inline import clean_inline
from generator.model import Document, Node

# Nodes a key may leave out: the title page is rendered on the document's home and the signature
# block is furniture; neither is numbering. (A "Preamble" is compared only when the key has one:
# a title block with no table of contents after it may be read as a cover or as an unheaded
# preamble, and both are right.)
NOT_NUMBERING = {"Cover", "Signatures"}


# -- the tree ---------------------------------------------------------------------------------
@dataclass
class KeyNode:
    """One line of a tree key: cite, depth (cited ancestors) and the printed title."""

    cite: str
    depth: int
    title: str = ""
    parent: str = ""  # cite of the nearest cited ancestor, "" at the top
    line: int = 0  # line of the key file (0 for parsed nodes)


def read_tree_key(path: Path) -> list[KeyNode]:
    nodes: list[KeyNode] = []
    stack: list[KeyNode] = []
    for no, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not raw.strip() or raw.lstrip().startswith("#"):
            continue
        indent = len(raw) - len(raw.lstrip(" "))
        assert indent % 2 == 0, f"{path.name}:{no}: indent must be a multiple of two spaces"
        cite, _, title = raw.strip().partition("  ")
        depth = indent // 2
        assert depth <= len(stack), f"{path.name}:{no}: indented deeper than its parent"
        del stack[depth:]
        node = KeyNode(cite, depth, title.strip(), stack[-1].cite if stack else "", no)
        nodes.append(node)
        stack.append(node)
    return nodes


def parsed_tree(document: Document) -> list[KeyNode]:
    """The document's cited nodes, in document order, with depth = number of cited ancestors."""
    out: list[KeyNode] = []

    def visit(node: Node, ancestors: list[str]) -> None:
        for child in node.children:
            if child.cite:
                out.append(KeyNode(child.cite, len(ancestors), child.title,
                                   ancestors[-1] if ancestors else ""))
                visit(child, ancestors + [child.cite])
            else:  # a group (sub-heading) is not cited: its children keep the same depth
                visit(child, ancestors)

    visit(document.root, [])
    return out


def comparable(key: list[KeyNode], parsed: list[KeyNode]) -> tuple[list[KeyNode], list[KeyNode]]:
    """Drop what is not numbering (see NOT_NUMBERING) from both sides before comparing."""
    def keep(node: KeyNode, has_preamble: bool, leaf: bool) -> bool:
        if node.depth == 0 and node.cite in NOT_NUMBERING:
            return False
        return not (node.depth == 0 and node.cite == "Preamble" and not has_preamble and leaf)

    key_has_preamble = any(n.cite == "Preamble" for n in key)
    kept_key = [n for n in key if keep(n, True, True)]
    kept_parsed = []
    for i, node in enumerate(parsed):
        leaf = i + 1 == len(parsed) or parsed[i + 1].depth <= node.depth
        if keep(node, key_has_preamble, leaf):
            kept_parsed.append(node)
    return kept_key, kept_parsed


def outline(nodes: list[KeyNode]) -> list[str]:
    return [f"{'  ' * n.depth}{n.cite}" for n in nodes]


@dataclass
class TreeScore:
    """How many of the key's nodes the parser cited right (same cite, same parent)."""

    right: int
    total: int
    diff: str  # unified diff expected -> parsed, "" when identical
    first_wrong: str  # the first differing line, said in words

    @property
    def fraction(self) -> float:
        return self.right / self.total if self.total else 1.0

    def summary(self) -> str:
        return f"clauses cited right: {self.right} of {self.total} ({self.fraction:.0%})"


def score_tree(key: list[KeyNode], parsed: list[KeyNode], key_name: str = "key") -> TreeScore:
    key, parsed = comparable(key, parsed)
    found = {(n.cite, n.parent) for n in parsed}
    right = sum((n.cite, n.parent) in found for n in key)
    want, got = outline(key), outline(parsed)
    if want == got:
        return TreeScore(right, len(key), "", "")
    diff = "".join(difflib.unified_diff([w + "\n" for w in want], [g + "\n" for g in got],
                                        "answer key", "parsed", n=1))
    first = next((i for i, (w, g) in enumerate(zip(want, got)) if w != g), min(len(want), len(got)))
    expected = want[first].strip() if first < len(want) else "(end of key)"
    actual = got[first].strip() if first < len(got) else "(end of parsed tree)"
    if first < len(want) and first < len(got) and expected == actual:
        expected, actual = want[first], got[first]  # same cite, different depth: show the indent
    where = f"{key_name}:{key[first].line}" if first < len(key) else f"{key_name}: end"
    first_wrong = f"{where}: expected {expected!r}, parsed {actual!r}"
    return TreeScore(right, len(key), diff, first_wrong)


# -- references -------------------------------------------------------------------------------
@dataclass
class RefKey:
    line: int
    text: str
    cite: str  # "-" = must not be linked


@dataclass
class RefScore:
    right: int
    total: int
    wrong: list[str] = field(default_factory=list)

    @property
    def fraction(self) -> float:
        return self.right / self.total if self.total else 1.0

    def summary(self) -> str:
        return f"references linked right: {self.right} of {self.total} ({self.fraction:.0%})"


REF_LINE = re.compile(r"^(\d+): (.+) -> (\S.*)$")


def read_refs_key(path: Path) -> list[RefKey]:
    refs = []
    for no, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not raw.strip() or raw.startswith("#"):
            continue
        match = REF_LINE.match(raw.strip())
        assert match, f"{path.name}:{no}: write 'line: text -> cite' (or '-> -' for no link)"
        refs.append(RefKey(int(match.group(1)), match.group(2), match.group(3).strip()))
    return refs


def _blocks_at(document: Document, line: int):
    for node in document.root.walk():
        for block in node.blocks:
            if block.line <= line <= max(block.line, block.last_line):
                yield block


def _occurrences(text: str, phrase: str):
    """Spans of `phrase` in `text` as whole words, any run of whitespace matching a space
    ("Article X" does not match inside "Article XII")."""
    pattern = r"(?<!\w)" + r"\s+".join(re.escape(w) for w in phrase.split()) + r"(?!\w)"
    return [m.span() for m in re.finditer(pattern, text)]


def judge_ref(document: Document, ref: RefKey) -> str:
    """"" when the reference is linked as the key says, else what went wrong."""
    seen_text = False
    links = []
    for block in _blocks_at(document, ref.line):
        for start, end in _occurrences(block.text, ref.text):
            seen_text = True
            overlapping = [a for a in block.annotations
                           if a.kind == "xref" and a.start < end and start < a.end]
            links += [a.target for a in overlapping]
            if ref.cite != "-" and ref.cite in links:
                return ""
    if not seen_text:
        return f"line {ref.line}: {ref.text!r} is not in any block of that line (text lost or moved?)"
    if ref.cite == "-":
        return "" if not links else f"line {ref.line}: {ref.text!r} must not link, linked to {links}"
    return f"line {ref.line}: {ref.text!r} -> {ref.cite}: " + (f"linked to {links}" if links else "not linked")


def score_refs(document: Document, refs: list[RefKey]) -> RefScore:
    wrong = [w for w in (judge_ref(document, ref) for ref in refs) if w]
    return RefScore(len(refs) - len(wrong), len(refs), wrong)


# -- defined terms ----------------------------------------------------------------------------
def read_terms_key(path: Path) -> list[str]:
    """`<name>.terms.txt`: one term a line as the text writes it; '#' lines are comments."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.lstrip().startswith("#")]


def missing_terms(document: Document, terms: list[str]) -> list[str]:
    """The key's terms that are in the document's glossary neither as a term nor as an alias."""
    found = {d.term.lower() for d in document.glossary}
    found |= {alias.lower() for d in document.glossary for alias in d.aliases}
    return [term for term in terms if term.lower() not in found]


# -- nothing lost -----------------------------------------------------------------------------
# Letters and digits are separate words, so a page header glued to a heading ("SSO -- 44Section 3.
# Overtime") counts the same whether the cleaner split it or not: "sso", "44", "section", ...
WORD = re.compile(r"[^\W\d_]+|\d+")


def words(text: str) -> Counter:
    return Counter(w.lower() for w in WORD.findall(text))


def kept_words(document: Document) -> Counter:
    """Every word the parsed document still carries: node cites, numbers, titles, printed
    headings, block text and table cells, and the text of every artifact it removed (listed)."""
    have = Counter()
    for node in document.root.walk():
        have += words(" ".join([node.cite, node.num, node.title, node.printed]))
        for block in node.blocks:
            have += words(block.text)
            for row in block.rows:
                have += words(" ".join(row))
    for artifact in document.removed:
        have += words(artifact.text)
    return have


def lost_words(document: Document) -> Counter:
    """Words of the source body (after the per-line inline cleaning) that are nowhere in the
    parsed document nor in its list of removed artifacts.

    A word the PDF split by justification and the reader joined back ("Arti cle 3" read as
    "Article 3", "Ste p 2" as "Step 2") is not lost: two neighbouring words of a line count as
    kept when their join is a word the parsed document has beyond the source's own."""
    lines = [[w.lower() for w in WORD.findall(clean_inline(raw).text)] for raw in document.source.lines]
    source = Counter(w for line in lines for w in line)
    kept = kept_words(document)
    lost, extra = source - kept, kept - source
    for line in lines:
        for first, second in zip(line, line[1:]):
            if lost[first] and lost[second] and extra[first + second]:
                lost[first] -= 1
                lost[second] -= 1
                extra[first + second] -= 1
    return +lost


def lost_message(lost: Counter) -> str:
    return f"{sum(lost.values())} words lost: {lost.most_common(15)}"
