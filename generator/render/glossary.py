"""Defined terms on the site: the marked use (a focusable span), the hidden definitions a page
needs (read by screen readers through aria-describedby and shown by theme/assets/terms.js), the
glossary page of each document and its glossary.json.

Reads Document.glossary and the term annotations of passes/definitions.py; writes Markdown and
JSON only, never looks inside prose. The hidden definitions of a page are written with its
HTML (render/unit_html.py).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..model import Definition, Document, Node
from .escape import attr, json_text

UNIT_WORDS = {"lou": "Letter of Understanding", "mou": "Memorandum of Understanding"}


@dataclass
class Entry:
    """What one tooltip shows: a term's definitions that apply in one place (entry id)."""

    id: str
    term: str
    aliases: list[str]
    definitions: list[Definition] = field(default_factory=list)
    scopes: list[str] = field(default_factory=list)


def entries(doc: Document) -> dict[str, Entry]:
    """entry id -> Entry, in glossary order."""
    out: dict[str, Entry] = {}
    for d in doc.glossary:
        entry = out.setdefault(d.entry, Entry(d.entry, d.term, list(d.aliases), scopes=list(d.scopes)))
        entry.definitions.append(d)
    return out


def term_span(label: str, entry: str) -> str:
    """A use of a term: inline HTML around its words, already escaped (Markdown or HTML)."""
    return (f'<span class="cb-defterm" tabindex="0" role="button" aria-describedby="def-{attr(entry)}" '
            f'data-defterm="{attr(entry)}">{label}</span>')


def used_entries(node: Node) -> list[str]:
    """The entries the node's text (and its sub-clauses') points to, in order of first use."""
    seen: list[str] = []
    for n in node.walk():
        for block in n.blocks:
            for ann in block.annotations:
                if ann.kind == "term" and ann.target not in seen:
                    seen.append(ann.target)
    return seen


def starts_with_term(d: Definition) -> bool:
    """ "Pay Level - the current ..." needs no "Pay Level:" before it."""
    return d.text.lstrip("\"“‘'( ").lower().startswith(d.term.lower())


def cite_href(ctx, cite: str) -> str:
    """The link to a defining clause or scope from a page of its document; the glossary page
    when the citation has no place (it is not on the site)."""
    return ctx.href(cite) if ctx is not None and cite in ctx.places else "glossary.md"


def cite_label(cite: str, kind: str = "") -> str:
    """ "12.05" -> "12.05"; "LOU 3" -> "Letter of Understanding 3"; an article "22" -> "Article 22"."""
    if kind == "article":
        return f"Article {cite}"
    for short, long in (("Local LOU", "Local Letter of Understanding"), ("LOU", "Letter of Understanding"),
                        ("MOU", "Memorandum of Understanding")):
        if cite.startswith(short + " "):
            return long + cite[len(short):]
    return cite


def glossary_view(doc: Document, ctx) -> list[dict]:
    """The glossary page's entries: one per term (key), sorted, each with its definitions."""
    terms: dict[str, dict] = {}
    kinds = {n.cite: n.kind for n in doc.root.walk() if n.cite}
    for d in doc.glossary:
        item = terms.setdefault(d.key, {"term": d.term, "anchor": f"term-{d.key}", "aliases": [],
                                        "definitions": []})
        item["aliases"] += [a for a in d.aliases if a not in item["aliases"] and a.lower() != item["term"].lower()]
        item["definitions"].append({
            "text": d.text, "cite": cite_label(d.cite), "href": cite_href(ctx, d.cite),
            "scopes": [{"label": cite_label(s, kinds.get(s, "")), "href": cite_href(ctx, s)} for s in d.scopes]})
    return sorted(terms.values(), key=lambda t: (t["term"].lower().lstrip("'\"“‘"), t["term"]))


def glossary_json(doc: Document) -> list[dict]:
    """site/<slug>/glossary.json: [{"term", "aliases", "cite", "definition"}], sorted by term."""
    return [d.to_json() for d in sorted(doc.glossary, key=lambda d: (d.term.lower(), d.cite))]


def write_glossary_json(doc: Document, folder: Path) -> None:
    if doc.glossary:
        (folder / "glossary.json").write_text(json_text(glossary_json(doc), indent=1),
                                              encoding="utf-8")
