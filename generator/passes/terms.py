"""Marking uses of defined terms: Annotation(kind="term", target=<entry>) on paragraphs.

Rules (tests/unit/test_definitions.py):
  * longest match wins ("Regular Employee" over "Employee"); uses never overlap a link (xref,
    statute) and are never inside the term's own definition, a sub-heading, a table, the cover
    or a paragraph that is only the term (a label);
  * variants: any case for terms of several words or long words; plural ("Employees", "TTOCs",
    "Teachers Teaching on Call") and possessive ("Board's", "employees'");
  * a short single word ("Board", "DAY", "Act") only capitalised, never as the tail of another
    name ("Labour Relations Board", "Remembrance Day"), and after "the" when it was defined as
    "the Board"; an abbreviation ("TTOC", "PD") only in capitals;
  * a use takes the definition that applies where it is (a scoped one inside its scope, else the
    document's own); a term with no definition applying there is not marked;
  * each term is marked once per paragraph (its first use), so a page does not turn into a
    sea of underlines; the glossary page lists every term.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from ..model import Annotation, Definition, Document, Node
from .joined import Joined
from .literal import FOLDS_TO_ASCII  # a block holding one is searched with every variant's pattern

SHORT = 6  # single words shorter than this match only capitalised
# Capitalised words that may stand before a term without making it part of another name.
DETERMINERS = {"the", "a", "an", "this", "that", "such", "our", "each", "any", "every", "said", "no", "of",
               "and", "or", "to", "by", "for", "with", "in", "on", "from", "between", "all", "its", "their",
               "when", "where", "if", "should", "unless", "both", "upon", "once", "while", "before", "after",
               "until", "whereas", "provided", "notwithstanding", "neither", "either", "nor", "whether"}
SMALL = {"of", "and", "the", "on", "for", "in", "to", "a", "as", "with", "over", "at"}


@dataclass
class Variant:
    """One way of writing a term in the text, and the key it belongs to."""

    key: str
    pattern: re.Pattern
    single: bool  # a single word: checked against the word before it
    needs_the: bool  # defined as "the Board": only "the Board" is a use
    parts: tuple[str, ...] = ()  # lower-case ASCII text every match contains (see _fixed_parts)




def variants(glossary: list[Definition], words_in_text: set[str] = frozenset()) -> list[Variant]:
    """How each term and alias may be written. An abbreviation's expansion explains nothing, so
    only the abbreviation ("WHMIS") is marked; a term printed in capitals as a heading ("BOARD",
    "DAY") is a word ("Board") when the document writes it so, else an acronym ("TTOC")."""
    out, seen = [], set()
    for d in glossary:
        the = d.shape.endswith("-the")
        names = d.aliases if d.shape == "abbreviation" else [d.term] + d.aliases
        for words in names:
            words = words.strip().strip("\"“”'‘’")
            if (d.key, words.lower()) in seen or not re.search(r"[A-Za-z]", words):
                continue
            seen.add((d.key, words.lower()))
            single = len(words.split()) == 1
            word = words.isupper() and words == d.term and words.lower() in words_in_text
            written = words.capitalize() if word else words
            out.append(Variant(d.key, _pattern(written), single, the and single, _fixed_parts(written)))
    return out


def _fixed_parts(term: str) -> tuple[str, ...]:
    """Lower-case text that every match of _pattern(term) contains, to skip a paragraph without
    running the pattern: the fixed letters of each word as _pattern prints them ("Activit" of
    "Activities", "Teacher" of "Teachers", all of "Call", "B.C."), lower-cased. Only their ASCII
    runs: re's case-insensitive matching of other letters is not str.lower()'s. Runs of three
    characters or more ("on" is in most paragraphs: looking for it costs more than it saves),
    or the longest run when no run is that long ("PD")."""
    tokens = TOKEN_SEPARATOR.split(term)
    words = tokens[::2]
    runs = [run.lower() for word in words for run in ASCII_RUN.findall(_fixed(word, len(words) > 1))]
    long = [run for run in runs if len(run) >= 3]
    if long:
        return tuple(dict.fromkeys(long))
    return (max(runs, key=len),) if runs else ()


def _fixed(word: str, both_ways: bool) -> str:
    """The letters of a word _pattern matches as printed (any case): a small word or one with a
    character other than a letter, whole; else what _number keeps before the plural endings."""
    if word.lower() in SMALL or not word.isalpha():
        return word
    return _number_parts(word, both_ways)[0]


@functools.lru_cache(maxsize=4096)
def _pattern(term: str) -> re.Pattern:
    """A regex for a term with its case, plural and possessive variants (remembered: the preview
    parses the same glossary again at each edit)."""
    tokens = TOKEN_SEPARATOR.split(term)
    words = [t for t in tokens[::2]]
    acronym = len(words) == 1 and ACRONYM.fullmatch(term) is not None
    parts = []
    for i, tok in enumerate(tokens):
        if i % 2:
            parts.append(r"\s+" if tok.isspace() else r"[-\s]?" if tok == "-" else re.escape(tok))
        elif tok.lower() in SMALL or not tok.isalpha():
            parts.append(re.escape(tok))
        else:
            parts.append(_number(tok, both_ways=len(words) > 1))
    body = "".join(parts) + r"(?:['’]s|(?<=s)['’])?"
    if acronym:
        flags = 0
    elif len(words) == 1 and len(term) < SHORT:
        first = re.escape(term[0].upper())
        body = f"{first}(?i:{body[len(re.escape(term[0])):]})" if body.startswith(re.escape(term[0])) else body
        flags = 0
    else:
        flags = re.IGNORECASE
    return re.compile(r"(?<![\w-])" + body + r"(?!\w)", flags)


def _number(word: str, both_ways: bool) -> str:
    """A word in singular or plural ("Employee(s)", "Activit(y|ies)"); a word printed plural
    ("Employers") matches its singular only inside a longer term ("Activities Supervisors")."""
    fixed, endings = _number_parts(word, both_ways)
    return re.escape(fixed) + endings


def _number_parts(word: str, both_ways: bool) -> tuple[str, str]:
    """_number's two halves: the letters kept as printed, and the regex of the endings after them."""
    if ENDS_CONSONANT_Y.search(word):
        return word[:-1], r"(?:y|ies|Y|IES)"
    if both_ways and ENDS_CONSONANT_IES.search(word):
        return word[:-3], r"(?:y|ies|Y|IES)"
    if both_ways and ENDS_PLURAL_S.search(word):
        return word[:-1], r"(?:s|S)?"
    if ENDS_SIBILANT.search(word):
        return word, r"(?:es|ES)?"
    return word, r"(?:s|S)?"


TOKEN_SEPARATOR = re.compile(r"(\s+|-|/)")
ACRONYM = re.compile(r"[A-Z][A-Z0-9&-]*[A-Z0-9]|[A-Z][a-z]+-[A-Z]|[A-Z]{2,}\w*")
ASCII_RUN = re.compile(r"[\x00-\x7f]+")
ENDS_CONSONANT_Y = re.compile(r"[^aeiou]y$", re.I)
ENDS_CONSONANT_IES = re.compile(r"[^aeiou]ies$", re.I)
ENDS_PLURAL_S = re.compile(r"[^su]s$", re.I)
ENDS_SIBILANT = re.compile(r"(?:s|x|ch|sh)$", re.I)


def mark_uses(document: Document, tree, own) -> None:
    """Annotate every paragraph of the document with the uses of its defined terms."""
    glossary = document.glossary
    if not glossary:
        return
    scoped = _scope_members(tree, glossary)
    found = variants(glossary, _WordsOf(document))
    by_key: dict[str, list[Definition]] = {}
    for d in glossary:  # looked up per node and key: a dict, not a scan of the glossary (linear)
        by_key.setdefault(d.key, []).append(d)
    meanings = {d.key: d.text.lower() for d in glossary}
    marked = [(node, [b for b in node.blocks if b.kind in ("para", "closing") and not b.text.startswith("Re:")])
              for node in document.root.walk()
              if node.kind not in ("document", "group") and any(b.kind in ("para", "closing") for b in node.blocks)
              and not any(n.cite == "Cover" for n in tree.chain(node))]
    # headings, tables, preformatted text and a letter's "Re:" title line are never marked, nor indexed
    stems = _StemIndex(found, [b for _, blocks in marked for b in blocks])
    for node, blocks in marked:
        entries = _Entries(by_key, node, scoped)  # looked up only for terms the node's text uses
        own_keys = own.nodes.get(id(node), set())
        for block in blocks:
            _mark_block(block, stems.variants(block), entries, own_keys, own.spans.get(id(block), []), meanings)


class _WordsOf:
    """The words of a document printed with a lower-case letter, lower-cased: read on the first
    question (variants() asks only about a term printed in capitals, and most glossaries have none)."""

    def __init__(self, document: Document):
        self.document, self.words = document, None

    def __contains__(self, word: str) -> bool:
        if self.words is None:  # one search of all the texts joined (a NUL is no letter), each word lowered once
            texts = Joined.of([b.text for n in self.document.root.walk() for b in n.blocks]).text
            self.words = {w.lower() for w in set(LOWER_CASE_WORD.findall(texts))}
        return word in self.words


LOWER_CASE_WORD = re.compile(r"[A-Za-z]*[a-z][A-Za-z]*")


class _StemIndex:
    """Which variants may match in each block: those whose fixed parts (see _fixed_parts) its
    lowered text holds, all of them, and those without any, in the order of `found`; every
    variant for a block holding a letter of FOLDS_TO_ASCII. Each part is looked for once in all
    the blocks' texts joined (passes/joined.py)."""

    def __init__(self, found: list[Variant], blocks: list):
        self.found = found
        self.unstemmed = [i for i, v in enumerate(found) if not v.parts]
        self.everything = {id(b) for b in blocks if FOLDS_TO_ASCII.intersection(b.text)}
        lowered = [b.text.lower() for b in blocks]
        joined = Joined.of(lowered)
        holding: dict[str, set[int]] = {}  # part -> indices of the blocks that hold it
        for v in found:
            for part in v.parts:
                if part not in holding:
                    holding[part] = _blocks_holding(joined, lowered, part)
        self.present: dict[int, list[int]] = {}  # id(block) -> indices into found, unsorted
        for i, v in enumerate(found):
            if v.parts:
                sets = sorted((holding[part] for part in v.parts), key=len)
                for k in sets[0].intersection(*sets[1:]):
                    self.present.setdefault(id(blocks[k]), []).append(i)

    def variants(self, block) -> list[Variant]:
        if id(block) in self.everything:
            return self.found
        return [self.found[i] for i in sorted(self.unstemmed + self.present.get(id(block), []))]


def _blocks_holding(joined: Joined, lowered: list[str], part: str) -> set[int]:
    """Indices of the texts that hold `part`: one find per text that does, then on to the next."""
    out: set[int] = set()
    at = joined.text.find(part)
    while at >= 0:
        k = joined.index(at)
        out.add(k)
        at = joined.text.find(part, joined.starts[k] + len(lowered[k]))  # on to the next text
    return out


def _scope_members(tree, glossary: list[Definition]) -> dict[str, set[int]]:
    """scope citation -> ids of the nodes inside it."""
    out = {}
    for d in glossary:
        for cite in d.scopes:
            if cite not in out and cite in tree.nodes:
                out[cite] = {id(n) for n in tree.nodes[cite].walk()}
    return out


def _entry(glossary: list[Definition], key: str, node: Node, scoped: dict[str, set[int]]) -> Definition | None:
    """The definition of `key` that applies at `node`: the narrowest scoped one, else the document's."""
    inside = [d for d in glossary if d.key == key and d.scopes and any(id(node) in scoped.get(c, ()) for c in d.scopes)]
    if inside:
        return min(inside, key=lambda d: min(len(scoped.get(c, ())) for c in d.scopes))
    return next((d for d in glossary if d.key == key and not d.scopes), None)


class _Entries(dict):
    """{term key: the Definition that applies at one node}, computed on first use."""

    def __init__(self, by_key: dict, node: Node, scoped: dict):
        super().__init__()
        self.by_key, self.node, self.scoped = by_key, node, scoped

    def __missing__(self, key: str) -> Definition | None:
        value = self[key] = _entry(self.by_key.get(key, []), key, self.node, self.scoped)
        return value


def _mark_block(block, found: list[Variant], entries: dict, own_keys: set[str], own_spans, meanings) -> None:
    text = block.text
    links = [(a.start, a.end) for a in block.annotations]
    candidates = []
    for v in found:  # those that may match here (_StemIndex)
        if v.key in own_keys:
            continue
        matches = list(v.pattern.finditer(text))
        definition = entries[v.key] if matches else None
        if definition is None:
            continue
        for m in matches:
            s, e = m.start(), m.end()
            if any(a < e and s < b for a, b in links):
                continue
            if s == 0 and e >= len(text.rstrip(" .:")):
                continue  # a paragraph that is only the term is its label ("Position" above its definition)
            if any(a <= s and e <= b and k == v.key for a, b, k in own_spans):
                continue
            if v.single and not _single_ok(text, s, e, v, meanings.get(v.key, "")):
                continue
            candidates.append((s, e, definition))
    kept: list[tuple[int, int, Definition]] = []
    for s, e, d in sorted(candidates, key=lambda c: (-(c[1] - c[0]), c[0])):
        if not any(a < e and s < b for a, b, _ in kept):
            kept.append((s, e, d))
    seen = set()
    for s, e, d in sorted(kept, key=lambda c: c[0]):
        if d.entry in seen:
            continue
        seen.add(d.entry)
        block.annotations.append(Annotation(s, e, "term", d.entry, f"{d.term}: {d.text}"))
    block.annotations.sort(key=lambda a: a.start)


def _single_ok(text: str, start: int, end: int, v: Variant, meaning: str) -> bool:
    """A single word is not part of another name ("Labour Relations Board", "B.C. Day", "the
    President of the Union"), and follows "the" when it was defined as "the Board"."""
    word = _word_before(text, start)
    if v.needs_the and word.lower() != "the":
        return False
    sentence_start = text[:start].rstrip().endswith((".", ":", ";", "(")) and len(word) > 1
    if word and word[0].isupper() and word.lower() not in DETERMINERS and not sentence_start:
        return False
    of = OF_AFTER.match(text, end)
    if of and of.group(1).lower() not in meaning:  # "Board of Education" is the Board; "President of the Union" is not
        return False
    return True


WORD_BEFORE = re.compile(r"([\w'’]+)\W{0,2}$")
OF_AFTER = re.compile(r"\s+of\s+(?:the\s+)?([A-Za-z]+)")
NEAR = 64  # how far back the word before a use is looked for first


def _word_before(text: str, start: int) -> str:
    """The word right before `start` (at most two other characters between): what WORD_BEFORE
    finds in text[:start], searched in the last NEAR characters only. A match there that does
    not start the window is the whole text's match: one that starts it may be the tail of a
    longer word, so the whole text is searched then (tests/unit/test_fast_passes.py)."""
    low = max(0, start - NEAR)
    before = WORD_BEFORE.search(text, low, start)
    if before is not None and before.start() == low and low > 0:
        before = WORD_BEFORE.search(text, 0, start)
    return before.group(1) if before else ""
