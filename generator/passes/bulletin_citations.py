"""Citations in bulletins and pages: a steward writes "Article 12.05 of the Sooke agreement",
"see clause 7.1.1(a)" or "LOU #2", and each becomes a link to that clause of that agreement.

Which agreement, in this order:
  1. the agreement's slug written just before the reference: "sooke-2006 Article 12.05"
     (the explicit short form, for anything ambiguous);
  2. "... of the Sooke agreement" / "in the Rockies agreement" right after it: the words are
     matched against each agreement's slug, short title and title;
  3. an agreement named in the same sentence or the sentence before ("Under the Sooke
     agreement, ... 17.6 ...");
  4. the post's front matter `agreement: <slug>`;
  5. the agreement the post named last in an earlier paragraph;
  6. the only agreement of the site.
Stewards' shorthand resolves once the agreement is named (1-5): bare numbers ("17.6",
"23.4.1(c)", "XII.3"), "Section 3", "paragraph 2"; "paragraph 3 of the Letter" is an item of the
letter the post cited last. A citation that does not resolve stays text and is reported (an error,
so `--strict` fails) with the nearest existing citations; a bare number that matches nothing may be
anything and is left alone. Each cited clause learns which bulletins discuss it.
"""
from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field

from ..model import Annotation, Document, Node, Problem
from .references import ELSEWHERE, Resolver
from .refs_find import UNIT_KINDS, Ref, find_references

AGREEMENT_AFTER = re.compile(r"^\s*(?:of|in|under)\s+(?:the\s+)?(?P<name>(?:[\w.'’&-]+\s+){1,4}?)"
                             r"(?:collective\s+)?agreement\b", re.IGNORECASE)
AGREEMENT_WORD = re.compile(r"\b(?:collective\s+)?agreement\b", re.IGNORECASE)
SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"“(])")
CITABLE = {"article", "clause", "lou", "schedule", "appendix", "addendum"}
# Shorthand a steward uses once the post has named its agreement (never guessed from the site).
NAMED_ONLY = {"bare", "section", "subsection", "subclause", "paragraph", "subparagraph", "exhibit",
              "attachment", "part"}
STOP = {"the", "and", "of", "cupe", "local", "collective", "agreement", "teachers", "school", "district"}


@dataclass
class Reading:
    """What a bulletin has said so far: the agreement it named last, and per agreement the unit
    (letter, appendix) it cited last, which "the Letter" then means."""

    named: str | None = None
    recent: dict = field(default_factory=dict)


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
        reading = Reading()
        for node in doc.root.walk():
            for block in node.blocks:
                _link_block(doc, block, agreements, resolvers, reading)
                reading.named = _named_in(block.text, agreements) or reading.named


def _link_block(doc: Document, block, agreements: dict, resolvers: dict, reading: Reading) -> None:
    text = block.text
    for ref in find_references(text):
        if ref.kind == "statute" or ref.kind == "article" and not ref.items[0].num:
            continue
        slug, named = _agreement_for(doc, text, ref, agreements, reading)
        if not _citable(ref, named, text):
            continue  # "section 2 of the Act", "Step 3", a bare "12.05" before the agreement is named
        printed = text[ref.start:ref.end]
        if slug is None:
            _report(doc, block, f"'{printed}': which agreement? write '{next(iter(agreements), 'slug')} "
                    f"{printed}' or add 'agreement: <slug>' to the front matter "
                    f"(agreements: {', '.join(agreements)})")
            continue
        start = _explicit_start(text, ref, agreements) or ref.start
        resolver = resolvers[slug]
        targets = resolver.resolve(ref, agreements[slug].root, text, reading.recent.get(slug, ""))
        for k, target in enumerate(targets):
            span_start = start if k == 0 else target.item.start
            whole = ref.kind in UNIT_KINDS or ref.scope is not None and k == len(targets) - 1
            span_end = ref.end if whole else target.item.end
            if target.cite and target.cite in resolver.nodes:
                node = resolver.nodes[target.cite]
                block.annotations.append(Annotation(span_start, span_end, "doc-xref", f"{slug}#{target.cite}",
                                                    f"{agreements[slug].source.meta.short_title or slug} {target.cite}"))
                _discussed(node, doc)
                if ref.kind in UNIT_KINDS:
                    reading.recent[slug] = resolver.unit_of(node).cite
            elif ref.kind not in ("bare", "part"):
                near = difflib.get_close_matches(target.cite or printed, list(resolver.nodes), n=3)
                _report(doc, block, f"'{text[span_start:span_end]}' is not in {slug} (no {target.cite}); "
                        f"nearest: {', '.join(near) or 'none'}")
    block.annotations.sort(key=lambda a: a.start)


def _citable(ref: Ref, named: str, text: str) -> bool:
    """Whether a bulletin's reference cites an agreement: always when the agreement is written
    right before it; the usual kinds whenever an agreement can be told; shorthand ("17.6",
    "Section 3", "paragraph 2") only once the post has named its agreement; never a part of
    another document ("section 15 of the Union's by-laws") or of the post itself ("paragraph 2
    above")."""
    if named == "explicit":
        return True
    if ref.relative or named != "after" and ELSEWHERE.match(text[ref.end:]):
        return False
    if ref.kind in CITABLE:
        return True
    return ref.kind in NAMED_ONLY and named not in ("", "only")


def _agreement_for(doc: Document, text: str, ref: Ref, agreements: dict, reading: Reading) -> tuple[str | None, str]:
    """The agreement a reference cites, and how it was told: explicit | after | sentence |
    front matter | earlier | only | "" (not told)."""
    explicit = _explicit(text, ref, agreements)
    if explicit:
        return explicit, "explicit"
    after = AGREEMENT_AFTER.match(text[ref.end:])
    if after:
        named = _by_name(after.group("name"), agreements)
        if named:
            return named, "after"
    sentences = SENTENCE_END.split(text[:ref.start])
    in_sentence = _named_in(" ".join(sentences[-2:]), agreements)
    if in_sentence:
        return in_sentence, "sentence"
    if doc.source.meta.agreement in agreements:
        return doc.source.meta.agreement, "front matter"
    if reading.named:
        return reading.named, "earlier"
    return (next(iter(agreements)), "only") if len(agreements) == 1 else (None, "")


def _named_in(text: str, agreements: dict) -> str | None:
    """The agreement a text names last: its slug ("sooke-2006"), or words before "agreement"
    that only one agreement's names contain ("the Sooke agreement", "our Deschutes County
    collective agreement")."""
    found: list[tuple[int, str]] = []
    for slug in agreements:
        at = text.rfind(slug)
        if at >= 0:
            found.append((at, slug))
    for match in AGREEMENT_WORD.finditer(text):
        words = re.findall(r"[\w.'’&-]+", text[max(0, match.start() - 80):match.start()])[-4:]
        for k in range(1, len(words) + 1):
            hits = _by_name_all(" ".join(words[-k:]), agreements)
            if len(hits) == 1:
                found.append((match.start(), hits[0]))
                break
            if not hits and words[-k].lower() not in STOP:
                break
    return max(found)[1] if found else None


def _explicit(text: str, ref: Ref, agreements: dict) -> str | None:
    before = text[:ref.start].rstrip(" (:")
    return next((slug for slug in agreements if before.endswith(slug)), None)


def _explicit_start(text: str, ref: Ref, agreements: dict) -> int | None:
    slug = _explicit(text, ref, agreements)
    return text.rindex(slug, 0, ref.start) if slug else None


def _by_name(words: str, agreements: dict) -> str | None:
    """ "Sooke" -> sooke-2006: the agreement whose slug or titles contain the written words."""
    hits = _by_name_all(words, agreements)
    return hits[0] if len(hits) == 1 else None


def _by_name_all(words: str, agreements: dict) -> list[str]:
    wanted = {w for w in re.findall(r"[a-z0-9]+", words.lower()) if w not in STOP}
    if not wanted:
        return []
    hits = []
    for slug, doc in agreements.items():
        meta = doc.source.meta
        have = set(re.findall(r"[a-z0-9]+", f"{slug} {meta.short_title} {meta.title}".lower()))
        if wanted <= have:
            hits.append(slug)
    return hits


def _discussed(node: Node, doc: Document) -> None:
    path = f"bulletins/posts/{doc.slug}.md" if doc.source.meta.kind == "bulletin" else f"{doc.slug}.md"
    entry = Discussion(doc.source.meta.title, doc.source.meta.date, path)
    if all(d.path != entry.path for d in node.discussed_in):
        node.discussed_in.append(entry)
        node.discussed_in.sort(key=lambda d: d.date, reverse=True)


def _report(doc: Document, block, message: str) -> None:
    doc.problems.append(Problem(str(doc.source.path), block.line, message, "error"))
