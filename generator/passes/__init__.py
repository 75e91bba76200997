"""Stage 4, passes: each reads the tree and annotates it (pages, citations, references, defined terms)."""
from __future__ import annotations

from ..model import Document
from ..statutes import Statutes
from .citations import assign_anchors, assign_pages, check_structure
from .definitions import annotate_definitions
from .references import annotate_references


def finish(document: Document, statutes: Statutes | None = None) -> None:
    """Run every pass over a parsed document, in order."""
    assign_anchors(document)
    assign_pages(document)
    check_structure(document)
    annotate_references(document, statutes or Statutes())
    annotate_definitions(document)  # after references: a use is never inside a link
