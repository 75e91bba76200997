"""Citations in bulletins and pages: a steward writes "Article 12.05 of the Sooke agreement",
"see clause 7.1.1(a)" or "LOU #2", and each becomes a link to that clause of that agreement.

Which agreement, in this order:
  1. the agreement's slug written just before the reference: "sooke-2006 Article 12.05"
     (the explicit short form, for anything ambiguous);
  2. "... of the Sooke agreement" / "in the Rockies agreement" right after it: the words are
     matched against each agreement's slug, short title and title;
  3. the post's front matter `agreement: <slug>`;
  4. the only agreement of the site.
A citation that does not resolve stays text and is reported (an error, so `--strict` fails) with
the nearest existing citations. Each cited clause learns which bulletins discuss it.
"""
from __future__ import annotations

import difflib
import re
from dataclasses import dataclass

from ..model import Annotation, Document, Node, Problem
from .references import Resolver
from .refs_find import Ref, find_references

AGREEMENT_AFTER = re.compile(r"^\s*(?:of|in|under)\s+(?:the\s+)?(?P<name>(?:[\w.'’&-]+\s+){1,4}?)"
                             r"(?:collective\s+)?agreement\b", re.IGNORECASE)
CITABLE = {"article", "clause", "lou", "schedule", "appendix", "addendum"}
STOP = {"the", "and", "of", "cupe", "local", "collective", "agreement", "teachers", "school", "district"}


@dataclass
class Discussion:
    """A bulletin that cites a clause: shown on the clause as "Discussed in ..."."""

    title: str
    date: str
    path: str  # the bulletin's Markdown path from the docs root, e.g. "bulletins/posts/x.md"


def link_bulletins(documents: list[Document]) -> None:
    """Annotate every bulletin and page with links to the agreements' clauses they cite."""
    agreements = {d.slug: d for d in documents if d.source.meta.kind in ("agreement", "bylaws")}
    resolvers = {slug: Resolver(doc) for slug, doc in agreements.items()}
    for doc in documents:
        if doc.source.meta.kind not in ("bulletin", "page"):
            continue
        for node in doc.root.walk():
            for block in node.blocks:
                _link_block(doc, block, agreements, resolvers)


def _link_block(doc: Document, block, agreements: dict, resolvers: dict) -> None:
    text = block.text
    for ref in find_references(text):
        explicit = _explicit(text, ref, agreements)
        if ref.kind not in CITABLE and not explicit or ref.kind == "article" and not ref.items[0].num:
            continue  # "section 2 of the Act", "Step 3", a bare "12.05": only with the agreement named
        slug = _agreement_for(doc, text, ref, agreements)
        printed = text[ref.start:ref.end]
        if slug is None:
            _report(doc, block, f"'{printed}': which agreement? write '{next(iter(agreements), 'slug')} "
                    f"{printed}' or add 'agreement: <slug>' to the front matter "
                    f"(agreements: {', '.join(agreements)})")
            continue
        start = _explicit_start(text, ref, agreements) or ref.start
        resolver = resolvers[slug]
        for k, target in enumerate(resolver.resolve(ref, agreements[slug].root, text)):
            span_start = start if k == 0 else target.item.start
            span_end = ref.end if ref.kind in ("lou", "schedule", "appendix", "addendum") else target.item.end
            if target.cite and target.cite in resolver.nodes:
                node = resolver.nodes[target.cite]
                block.annotations.append(Annotation(span_start, span_end, "doc-xref", f"{slug}#{target.cite}",
                                                    f"{agreements[slug].source.meta.short_title or slug} {target.cite}"))
                _discussed(node, doc)
            else:
                near = difflib.get_close_matches(target.cite or printed, list(resolver.nodes), n=3)
                _report(doc, block, f"'{text[span_start:span_end]}' is not in {slug} (no {target.cite}); "
                        f"nearest: {', '.join(near) or 'none'}")
    block.annotations.sort(key=lambda a: a.start)


def _agreement_for(doc: Document, text: str, ref: Ref, agreements: dict) -> str | None:
    explicit = _explicit(text, ref, agreements)
    if explicit:
        return explicit
    after = AGREEMENT_AFTER.match(text[ref.end:])
    if after:
        named = _by_name(after.group("name"), agreements)
        if named:
            return named
    if doc.source.meta.agreement in agreements:
        return doc.source.meta.agreement
    return next(iter(agreements)) if len(agreements) == 1 else None


def _explicit(text: str, ref: Ref, agreements: dict) -> str | None:
    before = text[:ref.start].rstrip(" (:")
    return next((slug for slug in agreements if before.endswith(slug)), None)


def _explicit_start(text: str, ref: Ref, agreements: dict) -> int | None:
    slug = _explicit(text, ref, agreements)
    return text.rindex(slug, 0, ref.start) if slug else None


def _by_name(words: str, agreements: dict) -> str | None:
    """ "Sooke" -> sooke-2006: the agreement whose slug or titles contain the written words."""
    wanted = {w for w in re.findall(r"[a-z0-9]+", words.lower()) if w not in STOP}
    if not wanted:
        return None
    hits = []
    for slug, doc in agreements.items():
        meta = doc.source.meta
        have = set(re.findall(r"[a-z0-9]+", f"{slug} {meta.short_title} {meta.title}".lower()))
        if wanted <= have:
            hits.append(slug)
    return hits[0] if len(hits) == 1 else None


def _discussed(node: Node, doc: Document) -> None:
    path = f"bulletins/posts/{doc.slug}.md" if doc.source.meta.kind == "bulletin" else f"{doc.slug}.md"
    entry = Discussion(doc.source.meta.title, doc.source.meta.date, path)
    if all(d.path != entry.path for d in node.discussed_in):
        node.discussed_in.append(entry)
        node.discussed_in.sort(key=lambda d: d.date, reverse=True)


def _report(doc: Document, block, message: str) -> None:
    doc.problems.append(Problem(str(doc.source.path), block.line, message, "error"))
