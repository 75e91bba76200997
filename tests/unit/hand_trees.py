"""Small document trees written by hand, in the citation scheme of CITATIONS.md (issue 11), so the
reference passes can be tested without the tree reader.

One line per node, indented under its parent: `kind: cite | title`. A line `> text` is a
paragraph of the node above it. Example:

    article: 12 | Grievance Procedure
      clause: 12.3 | Steps
        clause: 12.3.b
          > as in Section 2 of this Article
"""
from __future__ import annotations

from pathlib import Path

from generator.model import Block, DocMeta, Document, Node, Source
from generator.passes.references import annotate_references
from generator.statutes import Statutes


def build_tree(spec: str) -> Node:
    """The Node tree a spec describes; each node and paragraph gets its spec line as its line."""
    root = Node("document")
    stack: list[tuple[int, Node]] = [(-1, root)]
    for line_no, raw in enumerate(spec.strip("\n").splitlines(), start=1):
        if not raw.strip():
            continue
        indent, text = len(raw) - len(raw.lstrip()), raw.strip()
        while stack[-1][0] >= indent:
            stack.pop()
        parent = stack[-1][1]
        if text.startswith(">"):
            parent.blocks.append(Block("para", text[1:].strip(), line=line_no, last_line=line_no))
            continue
        kind, _, rest = text.partition(":")
        cite, _, title = rest.partition("|")
        node = Node(kind.strip(), num=cite.strip().rsplit(".", 1)[-1], cite=cite.strip(), title=title.strip(),
                    line=line_no, last_line=line_no)
        parent.children.append(node)
        stack.append((indent, node))
    return root


def hand_document(spec: str, slug: str = "hand", kind: str = "agreement", **meta) -> Document:
    source = Source(Path(f"content/agreements/{slug}.md"),
                    DocMeta(title=meta.pop("title", f"{slug.title()} Agreement"), slug=slug, kind=kind, **meta),
                    "", 1)
    return Document(source, build_tree(spec))


STATUTES = Statutes(urls={"labour relations code": "https://example.org/lrc",
                          "fair work act": "https://example.org/fwa"},
                    names=["Labour Relations Code", "Fair Work Act"])


def annotated(spec: str) -> tuple[Document, list[tuple[int, str, str]]]:
    """Run the cross-reference pass over a hand-made agreement: (document, [(line, printed, target)])."""
    doc = hand_document(spec)
    annotate_references(doc, STATUTES)
    found = []
    for node in doc.root.walk():
        for block in node.blocks:
            for ann in block.annotations:
                if ann.kind == "xref":
                    found.append((block.line, block.text[ann.start:ann.end], ann.target))
    return doc, found


def links_at(spec: str, cite: str, sentence: str) -> tuple[list[tuple[str, str]], Document]:
    """Put a sentence into the node `cite` of a hand-made agreement and read back what it links."""
    doc = hand_document(spec)
    (node,) = [n for n in doc.root.walk() if n.cite == cite]
    block = Block("para", sentence, line=999, last_line=999)
    node.blocks.append(block)
    annotate_references(doc, STATUTES)
    return [(sentence[a.start:a.end], a.target) for a in block.annotations], doc
