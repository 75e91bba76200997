"""The whole pipeline for one source: sources -> clean -> tree -> passes. Rendering is separate."""
from __future__ import annotations

from .clean import clean
from .model import Document, Source
from .statutes import Statutes
from .passes import finish
from .tree.parse import parse


def load_document(source: Source, statutes: Statutes | None = None) -> Document:
    """Clean, parse and annotate one source into a Document (never raises on bad text)."""
    cleaned = clean(source)
    root, problems = parse(source, cleaned)
    problems = cleaned.problems + problems
    cleaned.removed.sort(key=lambda artifact: artifact.first_line)
    document = Document(source=source, root=root, removed=cleaned.removed, problems=problems,
                        toc=cleaned.toc)
    finish(document, statutes)
    return document
