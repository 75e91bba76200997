"""MkDocs hooks: run the Clausebook pipeline inside `mkdocs build` / `mkdocs serve`.

on_config generates the Markdown (so `serve` regenerates when content/ changes) and sets the
nav and site name; on_post_build writes clauses.json, report.json and the short URLs.
In `clausebook serve` (dirty rebuilds, generator/serve_state.py) on_nav decides whether the
rebuild is a full one, and the post-build steps write only what changed.
"""
from __future__ import annotations

import hashlib
import json
import logging
import os
import pickle
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import jinja2

from generator import build as build_module
from generator import kept_folders
from generator import terms_config
from generator.build import generate
from generator.model import Problem
from generator.pipeline import DocumentFailed, crash_problem, isolated
from generator.render.escape import safe_url, text_html
from mkdocs.structure.toc import get_toc
from generator import serve_state
from generator.render import menu, preview
from generator.render.minify import minify_assets
from generator.render.data import data_files, data_folder, write_data
from generator.render.page_links import resolve_links
from generator.render.pages import STRUCTURED
from generator.render.unit_html import HtmlPage
from generator.render.search import MATERIAL_INDEX, unit_page_urls, write_search_index, built_page_texts
from generator.render.share import publish_share_assets
from generator.offline import write_offline
from generator.report import print_report

log = logging.getLogger("mkdocs.plugins.clausebook")


@dataclass
class BuiltPages:
    """This build's pages: the unit pages' URLs (their search entries are Clausebook's own),
    every page's URL in the order MkDocs built it (the order of Material's search entries), and
    each unit page's clause texts, read from the HTML MkDocs wrote (the search index's, instead
    of reading ~300 pages back from site/)."""

    units: set[str] = field(default_factory=set)
    order: list[str] = field(default_factory=list)
    texts: dict[str, dict[str, str]] = field(default_factory=dict)


PAGES = BuiltPages()
# The data files this build wrote, {path relative to the site: bytes}: the offline lists hash
# them as they are instead of reading ~6,000 files back (write_data_files, write_offline_files).
WRITTEN: dict[str, bytes] = {}
KEPT = kept_folders.KeptFolders()  # the documents' folders written over in place (on_pre_build)


def on_config(config, **kwargs):
    root = Path(config.config_file_path).parent
    build = generate(root, Path(config.docs_dir))
    build_module.LAST = build  # for `clausebook build --strict`, which reads its problems
    PAGES.units = {url for doc in build.documents for url in unit_page_urls(doc)}
    PAGES.order = []
    PAGES.texts = {}
    WRITTEN.clear()
    build.problems += terms_config.unknown_documents(terms_config.current(), {d.slug for d in build.documents})
    config.nav = build.rendered.nav  # titles already HTML (render.pages.nav_html)
    if build.config.name:
        config.site_name = text_html(build.config.name)  # Material prints it raw
    # The Pages workflow passes the real address (https://<owner>.github.io/<repo>/). Both are set
    # after MkDocs validated its config, so they are checked here: http(s) only, percent-encoded.
    site_url = os.environ.get("CLAUSEBOOK_SITE_URL") or build.config.site_url
    if site_url and not config.site_url:
        config.site_url = _checked_url(build, root, "site_url", site_url, trailing_slash=True)
    if build.config.repo_url and not config.repo_url:
        config.repo_url = _checked_url(build, root, "repo_url", build.config.repo_url)
        if config.repo_url and not config.repo_name:
            config.repo_name = text_html(_repo_name(config.repo_url))
    publish_share_assets(build, config)  # cards and QR codes into docs_dir (render/share.py)
    return config


def _checked_url(build, root: Path, key: str, url: str, trailing_slash: bool = False) -> str | None:
    """The URL, percent-encoded, if it is http(s); else None and an error naming site.yml."""
    safe = safe_url(url)
    if not safe.lower().startswith(("http://", "https://")):
        build.problems.append(Problem("site_config/site.yml", _key_line(root / "site_config" / "site.yml", key), f"{key} '{' '.join(url.split())[:60]}' "
                                      "is not a web address: write it as https://...", "error"))
        return None
    return safe if not trailing_slash or safe.endswith("/") else safe + "/"


def _key_line(path: Path, key: str) -> int:
    """The line of `key:` in site.yml (1 when it is not there, e.g. CLAUSEBOOK_SITE_URL)."""
    try:
        lines = path.read_text(encoding="utf-8", errors="replace").split("\n")
    except OSError:
        return 1
    return next((no for no, line in enumerate(lines, 1) if line.split(":", 1)[0].strip() == key), 1)


def _repo_name(url: str) -> str:
    """What Material shows next to the repository icon, as MkDocs would name it."""
    host = urlsplit(url).hostname or ""
    return {"github.com": "GitHub", "gitlab.com": "GitLab", "bitbucket.org": "Bitbucket"}.get(host, host)


def on_pre_build(config, **kwargs):
    """`clausebook build`: the last build's folders of this build's agreements and bylaws are set
    aside from MkDocs' clean, to be written over instead of made anew (kept_folders.py)."""
    build = build_module.LAST
    if serve_state.SERVE is not None or build is None:
        return
    slugs = [d.slug for d in build.documents if d.source.meta.kind in STRUCTURED]
    kept_folders.set_aside(KEPT, Path(config.site_dir), slugs)


def on_files(files, config, **kwargs):
    """After MkDocs' clean, before anything is written: the folders set aside go back."""
    try:
        kept_folders.put_back(KEPT)
    except OSError:  # site/ unreadable: the build fails writing to it anyway
        KEPT.reset()
    return files


def on_nav(nav, config, files, **kwargs):
    """In `clausebook serve`: a full rebuild when what every page shows changed (serve_state);
    otherwise MkDocs renders only the pages whose Markdown changed, and the pages that gather
    other pages (home, bulletins and their blog index, archive and tags) every time: their HTML
    shows other pages' excerpts and titles, which their own Markdown does not hold."""
    state = serve_state.SERVE
    if state is None:
        return nav
    state.start(serve_state.site_key(config, files), Path(config.site_dir))
    if not state.full:
        for file in files:  # all: the blog plugin includes its posts only after this hook
            if file.is_documentation_page() and not _in_structured_document(file.src_uri):
                Path(file.abs_dest_path).unlink(missing_ok=True)  # MkDocs renders what has no HTML
    return nav


def _in_structured_document(src_uri: str) -> bool:
    """A page of an agreement or bylaws ("sooke-2006/article-12.md"): made from its Markdown alone."""
    build = build_module.LAST
    slugs = {d.slug for d in build.documents if d.source.meta.kind in STRUCTURED} if build else set()
    return src_uri.split("/", 1)[0] in slugs and "/" in src_uri


def on_serve(server, config, builder, **kwargs):
    """build/docs is written by the build itself, from content/ and site_config/ (watched, see
    mkdocs.yml): MkDocs watching it too made every edit rebuild twice, the second time for the
    build's own writes, finding nothing changed."""
    try:
        server.unwatch(config.docs_dir)
    except (KeyError, ValueError):
        pass  # not watched (another MkDocs version): nothing to undo
    return server


def on_env(env, config, files, **kwargs):
    """The page templates' environment: the theme's templates compiled once, not at every build
    (template_cache), and the menu memo (render/menu.py, used by theme/partials/nav.html)
    empty at each build, so a serve rebuild never shows an item's HTML from before an edit."""
    if serve_state.SERVE is not None:
        env.bytecode_cache = serve_state.SERVE.templates  # compiled once per serve, not per rebuild
    else:
        env.bytecode_cache = template_cache(env, Path(config.config_file_path).parent / "build")
    menu.clear()
    env.globals["cb_memoize_menu"] = menu.memoize_menu
    return env


def template_cache(env, build_dir: Path) -> jinja2.FileSystemBytecodeCache | None:
    """Material's ~60 templates, compiled by an earlier build, from build/templates/<key>/ (0.4 s
    of a clean build was compiling them). Jinja recompiles a template whose source changed and
    stores its compiled code by Python version; the folder's key adds what else decides that
    code, so that an upgraded Jinja or another environment never loads code compiled for the
    last one. A fresh clone (CI) has no folder: it is made, and the build compiles as before;
    None (compile every time) when it cannot be made."""
    settings = (jinja2.__version__, sorted(env.extensions), env.block_start_string, env.variable_start_string,
                env.comment_start_string, env.line_statement_prefix, env.line_comment_prefix,
                env.trim_blocks, env.lstrip_blocks, env.newline_sequence, env.keep_trailing_newline,
                env.optimized, _named(env.autoescape), env.is_async)
    key = hashlib.sha256(repr(settings).encode("utf-8")).hexdigest()[:16]
    folder = build_dir / "templates" / key
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    return jinja2.FileSystemBytecodeCache(str(folder))


def _named(setting) -> object:
    """A setting as the same text in every build: a function by its name, not its address."""
    return f"{setting.__module__}.{setting.__qualname__}" if callable(setting) else setting


def on_post_page(output, page, config, **kwargs):
    PAGES.order.append(page.url)
    if page.url in PAGES.units:
        PAGES.texts[page.url] = built_page_texts(page.url, output)
    if serve_state.SERVE is not None:
        serve_state.SERVE.rendered.add(page.file.src_uri)
    return output


def on_page_markdown(markdown, page, config, files, **kwargs):
    """Markdown -> HTML of one page runs inside a guard (pipeline.isolated, for MkDocs' stage):
    if it raises, that page says it could not be built, its document gets a located error
    (`--strict` fails) and MkDocs goes on with the other pages.

    A unit page is written as HTML by the generator (render/unit_html.py): MkDocs' Markdown
    conversion is skipped for it (`render_html`). It is left out of Material's search index:
    render/search.py replaces its entries with one per clause anyway, and Material parsing the
    HTML of every article was 5% of a build."""
    if getattr(page, "url", None) in PAGES.units:
        page.meta = {**page.meta, "search": {**(page.meta.get("search") or {}), "exclude": True}}
    render = page.render
    html_page = HtmlPage.from_body(markdown or "")

    def guarded(config, files):
        try:
            if html_page is not None:
                render_html(page, html_page, files)
            else:
                render(config, files)
        except Exception as err:  # noqa: BLE001 - one page never stops the site
            _page_failed(page, err)
    page.render = guarded
    return markdown


def render_html(page, html_page: HtmlPage, files) -> None:
    """What MkDocs' Page.render sets, for a page the generator wrote as HTML: its content (links
    made URLs, render/page_links.py), its table of contents (Material's "On this page"), the
    ids links into it are checked against, and its own links to anchors, which MkDocs checks."""
    links = resolve_links(html_page.html, page.file, files)
    for written in links.missing:  # what MkDocs says of a Markdown link to no file (strict: fails)
        log.warning(f"Doc file '{page.file.src_uri}' contains a link '{written}', but the target "
                    "is not found among documentation files.")
    page.content = links.html
    page.toc = get_toc(html_page.toc_tokens())
    page.present_anchor_ids = set(html_page.ids)
    page.links_to_anchors = links.links_to_anchors


def _page_failed(page, err: Exception) -> None:
    build = build_module.LAST
    uri = page.file.src_uri
    source = next((str(d.source.path) for d in (build.documents if build else [])
                   if uri.startswith(f"{d.slug}/") or uri in (f"{d.slug}.md", f"bulletins/posts/{d.slug}.md")),
                  f"build/docs/{uri}")
    problem = crash_problem(source, "render", err, 1, f"shown as a page saying it could not be built ({uri})")
    if build is not None:  # printed with the report, and `--strict` fails (not a MkDocs warning:
        build.problems.append(problem)  # mkdocs.yml is strict, which would stop the whole site)
    page.content = ("<h1>This page could not be built</h1><p>The build report names the source "
                    "and the line that caused it.</p>")
    page.toc = get_toc([])


def write_data_files(build, config) -> None:
    """clauses.json, report.json and the short URLs of every document; one document's data files
    failing never stops the others'. In serve, a document whose data files' inputs are those of
    the last rebuild (data_key) is skipped: its files were written then and are unchanged; the
    others' files are made in memory and only those whose text changed are written."""
    site_dir = Path(config.site_dir)
    state = serve_state.SERVE
    for doc in build.documents:
        try:
            with isolated(str(doc.source.path), "data", doc.source.first_line):
                if state is None:
                    WRITTEN.update(write_data(doc, site_dir, config.site_url or ""))
                    continue
                folder, key = data_folder(doc), data_key(state, doc, config.site_url or "")
                if key is not None and state.data_keys.get(folder) == key:
                    continue
                state.data_keys.pop(folder, None)  # until its files are written
                state.write_changed(site_dir, data_files(doc, config.site_url or ""), folder)
                state.data_keys[folder] = key
        except DocumentFailed as failed:
            build.problems.append(failed.problem)


def data_key(state: serve_state.ServeState, doc, site_url: str) -> bytes | None:
    """All a document's data files are made from (render/data.py): the document, the site's
    address, and the cards of its pages (their redirect pages' og:image); None: no key."""
    digest = state.document_digest(doc)
    if digest is None:
        return None
    shared = preview.LAST
    prefix = doc.slug + "/"
    cards = sorted((page, card.path, card.alt) for page, card in shared.cards.items() if page.startswith(prefix))
    extra = pickle.dumps((site_url, cards, data_folder(doc)))
    return hashlib.sha256(state.render_version + digest + extra).digest()


def write_search(build, config) -> None:
    """Clausebook's search index, after Material's search plugin (hooks run last); on failure
    Material's own index stays. Material's entries are put in page order first, a placeholder
    for each unit page (see on_page_markdown); in serve, only when the index's inputs changed."""
    site_dir = Path(config.site_dir)
    path = site_dir / MATERIAL_INDEX
    try:
        if not _ordered_material_index(path):
            return  # serve: nothing the index reads changed; the last one was put back
        write_search_index(build.documents, site_dir, PAGES.texts)
    except Exception as err:  # noqa: BLE001
        build.problems.append(crash_problem("site/search/search_index.json", "render", err))
        if serve_state.SERVE is not None:  # what it kept may not describe the site: start afresh
            serve_state.SERVE.pending_key = None
    PAGES.texts = {}  # in the index now (serve keeps them in its cache): not held any longer
    if serve_state.SERVE is not None and path.is_file():
        serve_state.SERVE.search_stub = path.read_text(encoding="utf-8")


def _ordered_material_index(path: Path) -> bool:
    """Rewrite Material's index with its entries in page order (entries_by_page), in serve from
    every page's remembered entries (serve_index). False when serve found nothing changed."""
    try:
        index = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return True  # search disabled or unreadable: write_search_index says so
    if "docs" not in index:
        return True
    pages = entries_by_page(index["docs"], PAGES.order, PAGES.units)
    state = serve_state.SERVE
    if state is not None:
        if not serve_index(state, pages):
            path.write_text(state.search_stub, encoding="utf-8")
            return False
        pages = state.search_pages
    index["docs"] = [item for items in pages.values() for item in items]
    path.write_text(json.dumps(index, ensure_ascii=False), encoding="utf-8")
    return True


def entries_by_page(docs: list[dict], order: list[str], units: set[str]) -> dict[str, list[dict]]:
    """Material's entries by page URL, pages in the order MkDocs built them; a unit page, which
    Material did not index, gets one placeholder entry that write_search_index replaces with the
    unit's clause entries, in the place Material's entries of the page would have had."""
    found: dict[str, list[dict]] = {}
    for item in docs:
        found.setdefault(item["location"].partition("#")[0], []).append(item)
    pages = {}
    for url in order:
        if url in found:
            pages[url] = found.pop(url)
        elif url in units:
            pages[url] = [{"location": url, "title": "", "text": ""}]
    pages.update(found)  # none expected: every page indexed was built
    return pages


def serve_index(state: serve_state.ServeState, pages: dict[str, list[dict]]) -> bool:
    """In a serve rebuild, keep Material's entries of every page: those of the pages rendered now
    (all Material wrote, see on_post_build) over those remembered from the earlier rebuilds, in
    the first build's order. False when no input of the index changed: no page of an agreement
    rendered, no data file and no entry of Material's changed."""
    before = dict(state.search_pages)
    state.search_pages.update(pages)
    unit_rendered = any(_in_structured_document(uri) for uri in state.rendered)
    if not (state.full or state.changed or unit_rendered or state.search_pages != before):
        return False
    state.changed = True
    return True


def write_offline_files(build, config) -> None:
    """Manifest, icons and service worker (generator/offline/); after the search index, whose
    pieces each agreement's offline list names. In serve, again only when something changed."""
    state = serve_state.SERVE
    if state is not None and not (state.changed or any(_in_structured_document(u) for u in state.rendered)):
        return
    write_offline(build, config, Path(config.site_dir), WRITTEN)


def write_minified_assets(build, config) -> None:
    """Clausebook's scripts and styles minified in site/ (generator/render/minify.py); before the
    service worker, whose precache revisions are of the files as served."""
    if config.theme.custom_dir:
        try:
            minify_assets(Path(config.theme.custom_dir), Path(config.site_dir))
        except (OSError, UnicodeError, ValueError) as error:
            build.problems.append(Problem(
                str(config.theme.custom_dir), 0,
                f"could not minify the theme's scripts ({error}); they are served as written"))


def prune_kept_folders(build, config) -> None:
    """In the folders written over in place (on_pre_build), delete what this build did not write:
    site/ is then what MkDocs' clean and this build make. Before the offline lists, which list
    every file of an agreement's folder."""
    try:
        kept_folders.prune(KEPT, WRITTEN)
    except OSError as error:
        KEPT.reset()
        build.problems.append(Problem(
            str(config.site_dir), 0, f"could not delete the last build's files from the agreements' folders "
            f"({error}): delete the folder and build again", "error"))


# What on_post_build writes into site/, in order: a step is `step(build, config)` and catches its
# own failures (a located problem in build.problems), so one step never stops the next.
POST_BUILD_STEPS = [write_minified_assets, write_data_files, prune_kept_folders, write_search,
                    write_offline_files]


def on_post_build(config, **kwargs):
    build = build_module.LAST
    if build is None:
        return
    for step in POST_BUILD_STEPS:
        step(build, config)
    WRITTEN.clear()  # ~15 MB of data files, hashed by now
    if serve_state.SERVE is not None:
        _forget_material_index(config)
        serve_state.SERVE.finish()
    print_report(build, verbose=os.environ.get("CLAUSEBOOK_VERBOSE") == "1")


def _forget_material_index(config) -> None:
    """Material's search plugin, in a dirty build, merges the rendered pages' entries into its
    last index but drops the old entries of the first rendered page only; serve_index keeps the
    entries by page instead, so Material is made to write only the pages it rendered."""
    plugin = config.plugins.get("material/search") or config.plugins.get("search")
    if plugin is not None and hasattr(plugin, "search_index_prev"):
        plugin.search_index_prev = None
