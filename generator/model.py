"""The data that flows through the pipeline: sources, cleaned lines, artifacts, the tree.

Every stage reads one of these and returns the next; nothing here knows about Markdown.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator

@dataclass
class DocMeta:
    """Front matter of one source, validated."""

    title: str
    slug: str
    kind: str
    short_title: str = ""
    employer: str = ""
    union: str = ""
    local: str = ""
    term_start: str = ""
    term_end: str = ""
    status: str = ""
    source_pdf: str = ""
    date: str = ""
    agreement: str = ""
    tags: list[str] = field(default_factory=list)
    hints: "Hints" = None  # type: ignore[assignment]

    def __post_init__(self):
        if self.hints is None:
            self.hints = Hints()


@dataclass
class Hints:
    """Front-matter hints for what the text itself cannot settle (documented in the README).

    starts: {"Section 4": "Regular membership meetings"}: a unit whose heading the PDF lost
        starts at the line beginning with these words; its title comes from the document's TOC.
    external_articles: name of the outside document that "Article B.2.2" refers to
        (Local 476's bylaws cite the CUPE Constitution that way).
    parts: {"Pensions (MPP)": "Pensions for CUPE 476 members"}: text pasted with the document
        that is not part of it (a web page's benefits and pensions notes) becomes its own page.
    numbering: see NumberingHint.
    """

    starts: dict[str, str] = field(default_factory=dict)
    external_articles: str = ""
    parts: dict[str, str] = field(default_factory=dict)  # other parts of a pasted page: name -> first words
    numbering: "NumberingHint" = None  # type: ignore[assignment]

    def __post_init__(self):
        if self.numbering is None:
            self.numbering = NumberingHint()


@dataclass
class NumberingHint:
    """hints: numbering: how the document numbers itself, for the tree reader (all optional).

    units: words that open a unit, as printed: ["Article"], ["Part", "Schedule"].
    clauses: "prefixed" (12.05 under Article 12), "restarting" (1., 2. again in each unit) or
        "continuous" (numbers run on across units); None when the reader should decide.
    levels: the outline's marker styles, outermost first, each as its first marker:
        ["(a)", "(1)", "(i)"] or ["A.", "1.", "a."].
    """

    units: list[str] = field(default_factory=list)
    clauses: str | None = None
    levels: list[str] = field(default_factory=list)


@dataclass
class Source:
    """One file of content/: its metadata and its body, with the line number of the body's first line."""

    path: Path
    meta: DocMeta
    body: str
    first_line: int  # 1-based line of the file where the body starts

    @property
    def lines(self) -> list[str]:
        return self.body.split("\n")


@dataclass
class Line:
    """A cleaned body line and where it came from (1-based line of the source file)."""

    no: int
    text: str
    raw: str = ""
    heading: bool = False  # the source marked it with '#' (a weak hint only)
    underlined: str = ""  # underlined/bold text at the start of the line (a title hint)


@dataclass
class Artifact:
    """Something the cleaner removed on purpose, with the lines it came from."""

    kind: str
    first_line: int
    last_line: int
    text: str

    def to_json(self) -> dict:
        return {"kind": self.kind, "lines": [self.first_line, self.last_line], "text": self.text}


@dataclass
class TocEntry:
    """One entry of a document's own table of contents: what the document says it contains."""

    kind: str  # article | clause | lou | schedule | appendix | section | other
    num: str
    title: str
    line: int


@dataclass
class Annotation:
    """A span of a block's text that a pass marked: a link to a clause, a statute, a term.

    Offsets are into Block.text; the renderer applies them, longest first, never overlapping.
    """

    start: int
    end: int
    kind: str  # xref | external | term
    target: str  # a citation of the same document (xref), a URL (external) or a Definition.entry (term)
    title: str = ""


@dataclass
class Block:
    """A run of text inside a node: a paragraph, a table, preformatted text or a sub-heading."""

    kind: str  # para | table | pre | subheading | closing
    text: str = ""
    rows: list[list[str]] = field(default_factory=list)
    line: int = 0
    last_line: int = 0
    header: bool = False  # tables: the first row is a header row
    annotations: list[Annotation] = field(default_factory=list)


@dataclass
class Node:
    """One unit of the document tree: document, section, unit (article, schedule, LOU...), clause or item.

    `cite` is the canonical citation ("12.05.a", "LOU 3"); `anchor` the HTML id derived from it alone.
    """

    kind: str
    num: str = ""
    cite: str = ""
    title: str = ""
    blocks: list[Block] = field(default_factory=list)
    children: list["Node"] = field(default_factory=list)
    line: int = 0
    last_line: int = 0
    anchor: str = ""
    page: str = ""  # page path of the unit this node is rendered on, e.g. "article-12"
    notes: list[str] = field(default_factory=list)
    style: str = ""  # marker style of an item: letter | number | roman | step | decimal
    printed: str = ""  # a unit's heading as the document prints it ("LETTER OF UNDERSTANDING NO. 1")
    referenced_by: list[str] = field(default_factory=list)  # citations of the clauses that cite it
    discussed_in: list = field(default_factory=list)  # bulletins that cite it (passes.bulletin_citations)
    aliases: list[str] = field(default_factory=list)  # other citations members type ("xii" for "12")
    numbering: str = ""  # the document root only: its numbering as read (tree/profile.py describe())

    def walk(self) -> Iterator["Node"]:
        yield self
        for child in self.children:
            yield from child.walk()

    def to_json(self) -> dict:
        data = {"kind": self.kind, "cite": self.cite, "num": self.num, "title": self.title,
                "lines": [self.line, self.last_line], "anchor": self.anchor, "page": self.page}
        if self.notes:
            data["notes"] = self.notes
        if self.blocks:
            data["blocks"] = [{"kind": b.kind, "line": b.line, "text": b.text[:80]} for b in self.blocks]
        if self.children:
            data["children"] = [c.to_json() for c in self.children]
        return data


@dataclass
class Problem:
    """A located message for the build report: file, line, what is wrong and what to do."""

    path: str
    line: int
    message: str
    level: str = "warning"  # warning | error

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.level}: {self.message}"

    def to_json(self) -> dict:
        return {"file": self.path, "line": self.line, "level": self.level, "message": self.message}


@dataclass
class Definition:
    """A term the document defines (passes/definitions.py): its words, where it is defined, what
    the definition says and where it applies. Uses are Annotations(kind="term", target=entry)."""

    term: str  # as the document writes it ("Regular Employee", "Teacher Teaching on Call")
    key: str  # the term's id in its document ("regular-employee"); aliases share it
    cite: str  # the defining clause or unit
    line: int
    text: str  # the definition, as worded by the document (shortened when very long)
    aliases: list[str] = field(default_factory=list)  # "TTOC"; also matched in the text
    scopes: list[str] = field(default_factory=list)  # citations it is limited to; [] = the whole document
    shape: str = ""  # which finder found it ("means", "abbreviation", ...), or "site_config"
    entry: str = ""  # key, or key + "--" + scope: the tooltip id uses of it point to

    def to_json(self) -> dict:
        return {"term": self.term, "aliases": self.aliases, "cite": self.cite, "definition": self.text}


@dataclass
class Document:
    """A parsed source: its tree, what cleaning removed and what the build should report."""

    source: Source
    root: Node
    removed: list[Artifact] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    toc: list[TocEntry] = field(default_factory=list)
    glossary: list[Definition] = field(default_factory=list)  # its defined terms, in document order

    @property
    def slug(self) -> str:
        return self.source.meta.slug
