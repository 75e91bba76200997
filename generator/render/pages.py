"""Stage 5, render: Documents -> pages (jinja2 templates) + the MkDocs nav.

The only stage that writes pages. It reads the annotated tree and never looks inside prose
(text goes through the `md` escape filter only). The unit pages of agreements and bylaws are
written as HTML by render/unit_html.py (MkDocs does not convert them); every other page is
Markdown from templates/*.md.j2.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup

from .. import serve_state
from ..model import Document, Node, Problem
from ..passes.citations import HOME_CITES, PAGE_KINDS, is_container
from ..pipeline import BadInput, DocumentFailed, crash_problem, isolated
from ..site_config import SiteConfig
from .escape import attr, front_matter, html, md, md_attr, text_html
from .glossary import glossary_view
from .links import PageContext, linked, places
from .preview import opening_words
from .unit_html import UnitView, unit_page

ARTICLE_NUMBER = re.compile(r"(?:[A-Z]\.)?\d+")
UNIT_WORDS = {"article": "Article", "lou": "Letter of Understanding", "mou": "Memorandum of Understanding",
              "moa": "Memorandum of Agreement"}
STRUCTURED = ("agreement", "bylaws")


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
    """The generated docs: {path: markdown}, the nav for mkdocs.yml (titles as HTML, see
    escape.text_html), and the documents that failed to render, each with its located error."""

    files: dict[str, str] = field(default_factory=dict)
    nav: list = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    failed: list[Document] = field(default_factory=list)


def environment() -> Environment:
    """The templates' Jinja environment, with a markupsafe.Markup boundary: the escaping filters
    below are the only way a template writes a value as Markdown; any value printed without one
    is HTML-escaped by Jinja's autoescape, so a forgotten filter can never write live markup."""
    env = Environment(loader=PackageLoader("generator", "templates"), trim_blocks=True,
                      lstrip_blocks=True, undefined=StrictUndefined, keep_trailing_newline=True,
                      autoescape=True)
    # `fm`: a `title:` or tag of a generated page's front matter (MkDocs and Material print it raw)
    escaping = dict(md=md, attr=attr, md_attr=md_attr, html=html, linked=linked, fm=front_matter)
    env.filters.update({name: _markup(f) for name, f in escaping.items()})
    env.filters.update(nonblank=_nonblank, longdate=_date)  # text -> text: still to be escaped
    return env


def _markup(escape_filter):
    """A filter whose output is already escaped Markdown or HTML: Jinja must not escape it again."""
    def filtered(*args, **kwargs):
        return Markup(escape_filter(*args, **kwargs))
    filtered.__doc__ = escape_filter.__doc__
    return filtered


def render_site(documents: list[Document], config: SiteConfig, root: Path | None = None) -> Rendered:
    """Render every document, the site home, and the nav (home first, then by kind).

    Each document renders on its own: one that fails is left out (Rendered.failed, with its
    located error) and the others do not point to it (links, "Discussed in"). `root`: the
    repository, where source paths are relative to (for the line of a bad front-matter key)."""
    env = environment()
    env.globals["root"] = root or Path.cwd()
    if serve_state.SERVE is not None:
        serve_state.SERVE.begin_render()
        env.bytecode_cache = serve_state.SERVE.templates  # compiled once per serve (Jinja checks the source)
    out = Rendered()
    ordered = _ordered(documents)
    structured = [d for d in ordered if d.source.meta.kind in STRUCTURED]
    plain = [d for d in ordered if d.source.meta.kind not in STRUCTURED]
    done = _render_each(env, plain, out, {d.slug: places(d) for d in structured})
    _forget_discussions(structured, {page_path(d) for d, _ in done})
    done_structured = _render_each(env, structured, out)
    if len(done_structured) < len(structured):  # bulletins must not link to what failed
        for doc, _ in done:
            _drop_files(out, doc)
        done = _render_each(env, [d for d, _ in done], out, {d.slug: places(d) for d, _ in done_structured})
    groups = {"agreement": [], "bylaws": [], "page": [], "bulletin": []}
    for doc, nav in done_structured + done:
        groups[doc.source.meta.kind].append((doc, nav))
    for kind in groups:
        groups[kind].sort(key=lambda entry: _order_key(entry[0]))
    out.files["index.md"] = _home(env, config, groups, out)
    out.nav = [{"Home": "index.md"}] + [nav for kind in ("agreement", "bylaws", "page") for _, nav in groups[kind]]
    if groups["bulletin"]:
        out.nav.append({"Bulletins": "bulletins/index.md"})  # the blog plugin lists the posts
    out.nav = nav_html(out.nav)
    return out


def nav_html(nav):
    """The nav with every title as HTML (escape.text_html): Material prints nav titles raw."""
    if isinstance(nav, list):
        return [nav_html(item) for item in nav]
    if isinstance(nav, dict):
        return {text_html(title): nav_html(target) for title, target in nav.items()}
    return nav


def _render_each(env, documents, out: Rendered, others: dict | None = None) -> list:
    """Render documents one by one; [(doc, nav)] of those that worked. A failure
    adds the document to out.failed with its located error, and none of its files.
    In `clausebook serve`, a document whose inputs are unchanged since an earlier rebuild
    (serve_state.markdown_key) gets that rebuild's Markdown, not rendered again."""
    done = []
    state = serve_state.SERVE
    for doc in documents:
        files: dict[str, str] = {}
        key = None
        if state is not None:
            structured = doc.source.meta.kind in STRUCTURED
            key = state.markdown_key(doc, None if structured else (others or {}), env.globals["root"])
            cached = state.cached_markdown(key)
            if cached is not None:
                out.files.update(cached[0])
                done.append((doc, cached[1]))
                continue
        try:
            with isolated(str(doc.source.path), "render", doc.source.first_line):
                if doc.source.meta.kind in STRUCTURED:
                    nav = render_structured(env, doc, files)
                else:
                    nav = render_plain(env, doc, files, others or {})
        except DocumentFailed as failed:
            out.problems.append(failed.problem)
            out.failed.append(doc)
            continue
        if state is not None:
            state.keep_markdown(key, files, nav)
        out.files.update(files)
        done.append((doc, nav))
    return done


def _drop_files(out: Rendered, doc: Document) -> None:
    path = page_path(doc)
    out.files.pop(path, None)


def page_path(doc: Document) -> str:
    """Where a bulletin or plain page is written, from the docs root."""
    if doc.source.meta.kind == "bulletin":
        return f"bulletins/posts/{doc.slug}.md"
    return f"{doc.slug}.md"


def _forget_discussions(structured: list[Document], published: set[str]) -> None:
    """"Discussed in" lists only bulletins and pages that were rendered."""
    for doc in structured:
        for node in doc.root.walk():
            if node.discussed_in:
                node.discussed_in = [d for d in node.discussed_in if d.path in published]


def _home(env, config: SiteConfig, groups: dict, out: Rendered) -> str:
    """The site home; if it cannot be rendered, a plain one saying so (and a located error)."""
    try:
        return env.get_template("home.md.j2").render(site=config, groups=_home_groups(groups))
    except Exception as err:  # noqa: BLE001 - the rest of the site still builds
        out.problems.append(crash_problem("site_config/site.yml", "render", err))
        return f"---\ntitle: {front_matter(config.name)}\n---\n# {md(config.name)}\n"


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
    if node.kind == "group" or (node.kind in PAGE_KINDS and is_container(node)):
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
    files[f"{doc.slug}/{node.page}.md"] = unit_file(doc, view, node, heading, PageContext(node.page, where, doc.slug))
    pages.append({heading: f"{doc.slug}/{node.page}.md"})
    contents.append({"kind": "link", "title": heading, "href": f"{node.page}.md"})


def unit_file(doc: Document, view: DocView, node: Node, heading: str, ctx: PageContext) -> str:
    """A unit page's file: its front matter (title and description, for MkDocs' and Material's
    meta tags and menu), then its HTML (render/unit_html.py), which MkDocs does not convert."""
    page = unit_page(UnitView(slug=doc.slug, short_title=view.short_title, term=view.term, status=view.status,
                              heading=node.printed or heading), node, ctx, doc)
    front = f"---\ntitle: {front_matter(f'{heading} · {view.short_title}')}\n"
    description = opening_words(node)
    if description:
        front += f"description: {front_matter(description)}\n"
    return front + "---\n" + page.body()


def render_plain(env: Environment, doc: Document, files: dict[str, str], others: dict) -> dict:
    """A bulletin (a dated post of Material's blog, under bulletins/posts/) or a plain page;
    its citations of agreements are links (passes.bulletin_citations)."""
    path = page_path(doc)
    if doc.source.meta.kind == "bulletin":
        root, template, post_date = "../../", "bulletin.md.j2", _post_date(doc, env.globals["root"])
    else:
        root, template, post_date = "", "plain.md.j2", ""
    ctx = PageContext("", {}, "", root, others)
    files[path] = env.get_template(template).render(doc=doc_view(doc), meta=doc.source.meta,
                                                    nodes=list(doc.root.walk()), ctx=ctx, post_date=post_date)
    if doc.source.meta.kind == "bulletin":
        files["bulletins/index.md"] = env.get_template("bulletins_index.md.j2").render()
    return {doc.source.meta.title: path}


def _post_date(doc: Document, root: Path) -> str:
    """A bulletin's date as YYYY-MM-DD (what the blog plugin needs in its front matter), or a
    located error: a date that is not a date never reaches MkDocs (it would stop the build, and
    "2021-05-11\\n<script>" would become raw HTML in the post, the index and the archive)."""
    written = str(doc.source.meta.date)
    try:  # "2021-05-11", or a YAML timestamp "2021-05-11 09:30:00" (sources.py writes it ISO)
        return datetime.fromisoformat(written).date().isoformat()
    except ValueError:
        pass
    raise BadInput(Problem(str(doc.source.path), _key_line(root / doc.source.path, doc.source.first_line, "date"),
                           f"date '{' '.join(str(written).split())[:40]}' is not a date: write "
                           "'date: YYYY-MM-DD', e.g. 'date: 2021-05-11'", "error"))


def _key_line(path: Path, body_line: int, key: str) -> int:
    """The line of `key:` in a source's front matter (2 when it cannot be found)."""
    try:
        lines = path.read_text(encoding="utf-8", errors="replace").split("\n")
    except OSError:
        return 2
    for no, line in enumerate(lines[1:body_line], 2):
        if line.split(":", 1)[0].strip() == key:
            return no
    return 2


NUMBERED_WORDS = {"article": "Article", "section": "Section", "chapter": "Chapter"}


def unit_heading(node: Node) -> str:
    """ "Article 12 – Grievance Procedure", "Letter of Understanding 3 – Re: ...", "Schedule A"."""
    if node.kind in NUMBERED_WORDS and ARTICLE_NUMBER.fullmatch(node.cite):
        # "12", "A.6": Article 12; a Section or Chapter that is the unit: Section 1 (cited "1")
        label = f"{NUMBERED_WORDS[node.kind]} {node.cite}"
    elif node.kind in UNIT_WORDS:
        label = re.sub(r"\b(?:LOU|MOU|MOA)\b", UNIT_WORDS[node.kind], node.cite)
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
    return sorted(documents, key=_order_key)


def _order_key(doc: Document):
    meta = doc.source.meta
    return (meta.status == "expired", "" if meta.kind != "bulletin" else _neg(meta.date), meta.title)


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
