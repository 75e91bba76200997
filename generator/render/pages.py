"""Stage 5, render: Documents -> Markdown pages (jinja2 templates) + the MkDocs nav.

The only stage that writes Markdown. It reads the annotated tree and never looks inside prose
(text goes through the `md` escape filter only).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from jinja2 import Environment, PackageLoader, StrictUndefined

from ..model import Document, Node
from ..passes.citations import HOME_CITES, PAGE_KINDS
from ..site_config import SiteConfig
from .escape import attr, html, md
from .glossary import definitions_html, glossary_view
from .links import PageContext, linked, places

ARTICLE_NUMBER = re.compile(r"(?:[A-Z]\.)?\d+")
UNIT_WORDS = {"article": "Article", "lou": "Letter of Understanding", "mou": "Memorandum of Understanding"}


@dataclass
class DocView:
    """What the templates show about a document besides its tree."""

    title: str
    short_title: str
    status: str
    term: str
    parties: list[str]
    date: str = ""


@dataclass
class Rendered:
    """The generated docs: {path: markdown} and the nav for mkdocs.yml."""

    files: dict[str, str] = field(default_factory=dict)
    nav: list = field(default_factory=list)


def environment() -> Environment:
    env = Environment(loader=PackageLoader("generator", "templates"), trim_blocks=True,
                      lstrip_blocks=True, undefined=StrictUndefined, keep_trailing_newline=True,
                      autoescape=False)
    env.filters.update(md=md, attr=attr, html=html, nonblank=_nonblank, linked=linked, longdate=_date)
    return env


def render_site(documents: list[Document], config: SiteConfig) -> Rendered:
    """Render every document, the site home, and the nav (home first, then by kind)."""
    env = environment()
    out = Rendered()
    groups = {"agreement": [], "bylaws": [], "page": [], "bulletin": []}
    others = {d.slug: places(d) for d in documents if d.source.meta.kind in ("agreement", "bylaws")}
    for doc in _ordered(documents):
        kind = doc.source.meta.kind
        if kind in ("agreement", "bylaws"):
            nav = render_structured(env, doc, out.files)
        else:
            nav = render_plain(env, doc, out.files, others)
        groups[kind].append((doc, nav))
    out.files["index.md"] = env.get_template("home.md.j2").render(site=config, groups=_home_groups(groups))
    out.nav = [{"Home": "index.md"}] + [nav for kind in ("agreement", "bylaws", "page") for _, nav in groups[kind]]
    if groups["bulletin"]:
        out.nav.append({"Bulletins": "bulletins/index.md"})  # the blog plugin lists the posts
    return out


def render_structured(env: Environment, doc: Document, files: dict[str, str]) -> dict:
    """An agreement or bylaws: a home page with its contents, and one page per unit."""
    slug, view = doc.slug, doc_view(doc)
    pages = [{"Contents": f"{slug}/index.md"}]
    contents = []
    where = places(doc)
    for node in doc.root.children:
        _render_top(env, doc, view, node, files, pages, contents, where)
    if doc.glossary:  # its defined terms: a page, a nav entry after Contents, a link atop the contents
        files[f"{slug}/glossary.md"] = env.get_template("glossary.md.j2").render(
            doc=view, terms=glossary_view(doc, PageContext("glossary", where, doc.slug)),
            ctx=PageContext("glossary", where, doc.slug), page={"title": f"Defined terms · {view.short_title}"})
        pages.insert(1, {"Defined terms": f"{slug}/glossary.md"})
        contents.insert(0, {"kind": "link", "title": "Defined terms (glossary)", "href": "glossary.md"})
    cover = Node("part", anchor="cl-cover",
                 blocks=[b for n in doc.root.children if n.cite in HOME_CITES for b in n.blocks])
    files[f"{slug}/index.md"] = env.get_template("document.md.j2").render(
        doc=view, contents=contents, cover=cover if cover.blocks else None, ctx=PageContext("index", where, doc.slug))
    return {view.short_title: pages}


def _render_top(env, doc, view, node, files, pages, contents, where) -> None:
    """A top-level node: a unit page, or a section/group heading with its units below."""
    if node.kind in ("section", "group"):
        title = node.printed or " – ".join(p for p in (node.cite, node.title) if p)
        contents.append({"kind": "heading", "title": title, "anchor": node.anchor, "cite": node.cite})
        sub = []
        for child in node.children:
            _render_top(env, doc, view, child, files, sub, contents, where)
        if sub:
            pages.append({title: sub})
        return
    if node.kind not in PAGE_KINDS or node.cite in HOME_CITES:
        return
    heading = unit_heading(node)
    ctx = PageContext(node.page, where, doc.slug)
    files[f"{doc.slug}/{node.page}.md"] = env.get_template("unit.md.j2").render(
        doc=view, unit=node, ctx=ctx,
        page={"title": f"{heading} · {view.short_title}", "heading": node.printed or heading}) \
        + definitions_html(doc, node, ctx)  # the hidden definitions of the terms used on the page
    pages.append({heading: f"{doc.slug}/{node.page}.md"})
    contents.append({"kind": "link", "title": heading, "href": f"{node.page}.md"})


def render_plain(env: Environment, doc: Document, files: dict[str, str], others: dict) -> dict:
    """A bulletin (a dated post of Material's blog, under bulletins/posts/) or a plain page;
    its citations of agreements are links (passes.bulletin_citations)."""
    if doc.source.meta.kind == "bulletin":
        path, root, template = f"bulletins/posts/{doc.slug}.md", "../../", "bulletin.md.j2"
        files.setdefault("bulletins/index.md", env.get_template("bulletins_index.md.j2").render())
    else:
        path, root, template = f"{doc.slug}.md", "", "plain.md.j2"
    ctx = PageContext("", {}, "", root, others)
    files[path] = env.get_template(template).render(doc=doc_view(doc), meta=doc.source.meta,
                                                    nodes=list(doc.root.walk()), ctx=ctx)
    return {doc.source.meta.title: path}


def unit_heading(node: Node) -> str:
    """ "Article 12 – Grievance Procedure", "Letter of Understanding 3 – Re: ...", "Schedule A"."""
    if node.kind == "article" and ARTICLE_NUMBER.fullmatch(node.cite):
        label = f"Article {node.cite}"  # "12", "A.6"; a bylaws "Section 4" names itself
    elif node.kind in UNIT_WORDS:
        label = node.cite.replace("LOU", UNIT_WORDS[node.kind]).replace("MOU", UNIT_WORDS[node.kind])
    else:
        label = node.cite
    return f"{label} – {node.title}" if node.title else label


def doc_view(doc: Document) -> DocView:
    meta = doc.source.meta
    term = f"{_date(meta.term_start)} – {_date(meta.term_end)}" if meta.term_start and meta.term_end else ""
    parties = [p for p in (meta.employer, " ".join(x for x in (meta.union, meta.local) if x)) if p]
    return DocView(title=meta.title, short_title=meta.short_title or meta.title, status=meta.status,
                   term=term, parties=parties, date=_date(meta.date) if meta.date else "")


def _date(iso: str) -> str:
    """ "2006-07-01" -> "July 1, 2006" (left as written when it is not an ISO date)."""
    try:
        day = date.fromisoformat(iso)
    except ValueError:
        return iso
    return f"{day:%B} {day.day}, {day.year}"


def _ordered(documents: list[Document]) -> list[Document]:
    """Current agreements first, then expired; newest bulletins first."""
    def key(doc: Document):
        meta = doc.source.meta
        return (meta.status == "expired", "" if meta.kind != "bulletin" else _neg(meta.date), meta.title)
    return sorted(documents, key=key)


def _neg(date: str) -> str:
    return "".join(chr(0x10FFFF - ord(c)) for c in date)


LATEST_BULLETINS = 5


def _home_groups(groups: dict) -> list[dict]:
    """The site home's lists: agreements (current first, expired marked), bylaws, pages, and the
    latest bulletins (newest first; the rest are on the Bulletins page)."""
    titles = {"agreement": "Collective agreements", "bylaws": "Bylaws", "page": "Pages", "bulletin": "Latest bulletins"}
    out = []
    for kind, entries in groups.items():
        items = []
        for doc, nav in entries[: LATEST_BULLETINS if kind == "bulletin" else None]:
            target = next(iter(nav.values()))
            href = target[0]["Contents"] if isinstance(target, list) else target
            view = doc_view(doc)
            items.append({"title": view.title if kind != "agreement" else view.short_title, "href": href,
                          "term": view.term, "expired": view.status == "expired", "date": view.date,
                          "full": view.title})
        out.append({"kind": kind, "title": titles[kind], "entries": items})
    return out


def _nonblank(text: str) -> str:
    return "\n".join(line for line in str(text).split("\n") if line.strip())
