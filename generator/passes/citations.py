"""The citations pass: every node gets the page it is published on; structure problems are reported.

Units (articles, schedules, letters...) are pages; a clause lives on its unit's page; sections,
groups and the cover live on the document's home page ("" here).
"""
from __future__ import annotations

from ..model import Document, Node, Problem
from ..tree.citations import anchor, page_slug

PAGE_KINDS = {"article", "section", "chapter", "part", "schedule", "appendix", "exhibit", "attachment",
              "addendum", "annex", "lou", "side-letter", "mou", "moa"}
HOME_CITES = {"Cover"}


def assign_pages(document: Document) -> None:
    """Set `page` on every node: its unit's page slug, or "" (the document home)."""
    for node in document.root.children:
        _assign(node, "")


def _assign(node: Node, page: str) -> None:
    if node.kind in PAGE_KINDS and node.cite not in HOME_CITES and not is_container(node):
        page = page_slug(node.cite)
    node.page = page
    for child in node.children:
        _assign(child, page)


def is_container(node: Node) -> bool:
    """A unit that holds units (New Westminster's SECTION A holds Articles A.1 ...; Parts that hold
    Articles): it is listed on the home page and its units get the pages."""
    return any(child.kind in PAGE_KINDS for child in node.children)


def assign_anchors(document: Document) -> None:
    """Every cited node's HTML id comes from its citation; a repeated citation (a list the
    document itself numbers twice) keeps the citation and gets "--2", "--3" on its anchor."""
    seen: dict[str, Node] = {}
    count: dict[str, int] = {}  # how many times each citation has been given an anchor so far
    for node in document.root.walk():
        if not node.cite:
            continue
        base = anchor(node.cite)
        first = seen.get(node.cite)
        count[node.cite] = count.get(node.cite, 0) + 1
        if first is None:
            seen[node.cite], node.anchor = node, base
            continue
        node.anchor = f"{base}--{count[node.cite]}"
        node.notes.append(f"citation {node.cite} is printed twice (first at line {first.line})")
        document.problems.append(Problem(
            _shown(document), node.line, f"citation {node.cite} appears again (first at line "
            f"{first.line}); this one is published as #{node.anchor}"))


def check_structure(document: Document) -> None:
    """A structured document (agreement, bylaws) with no numbered units gets one clear message."""
    if document.source.meta.kind not in ("agreement", "bylaws"):
        return
    units = [n for n in document.root.walk() if n.kind in PAGE_KINDS and n.cite != "Preamble"]
    if not units:
        document.problems.append(Problem(
            _shown(document), document.source.first_line,
            "no recognisable numbering (no 'ARTICLE 1', '1.01', 'SCHEDULE A', 'LETTER OF "
            "UNDERSTANDING' headings): the text is published as one page; check that the pasted "
            "text kept its article headings"))


def _shown(document: Document) -> str:
    return str(document.source.path)
