"""One build: content/ -> Documents -> generated docs folder (+ data written after MkDocs).

Used by the MkDocs hooks (so `mkdocs build` and `mkdocs serve` run the same pipeline) and by
`clausebook dump`.
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path

from . import serve_state
from . import sources as sources_module
from .doc_cache import DocumentCache, config_key
from .model import Document, Problem, Source
from .passes.bulletin_citations import link_bulletins
from .pipeline import DocumentFailed, crash_problem, isolated, load_document
from .render.pages import STRUCTURED, Rendered, render_site
from .site_config import SiteConfig, load_site_config
from .statutes import Statutes, load_statutes


LAST: "Build | None" = None  # the latest generation, set by the MkDocs hooks
CACHE: DocumentCache | None = None  # parsed documents between rebuilds: `clausebook serve` sets it


@dataclass
class Build:
    """Everything one generation produced."""

    config: SiteConfig
    documents: list[Document] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    rendered: Rendered = field(default_factory=Rendered)

    def all_problems(self) -> list[Problem]:
        return self.problems + [p for d in self.documents for p in d.problems]


def load(root: Path) -> Build:
    """Read site_config/ and content/, and run clean -> tree -> passes on every source.

    A document that fails at any stage is left out with a located error (pipeline.isolated);
    the others go on."""
    config, problems = _guarded(root / "site_config" / "site.yml", lambda: load_site_config(root / "site_config"),
                                (SiteConfig(), []))
    statutes, statute_problems = _guarded(root / "site_config" / "statutes.yml",
                                          lambda: load_statutes(root / "site_config"), (Statutes(), []))
    sources, source_problems = read_all(root / "content")
    build = Build(config=config, problems=problems + statute_problems + source_problems)
    config_digest = config_key(statutes) if CACHE is not None else b""
    keys = set()
    for source in sources:
        try:
            document, unknown, key = _load_one(source, statutes, config_digest)
        except DocumentFailed as failed:
            build.problems.append(failed.problem)
            continue
        keys.add(key)
        build.documents.append(document)
        for name, where in unknown.items():  # as if every document had shared one table
            statutes.unknown.setdefault(name, where)
    if CACHE is not None:
        CACHE.keep_only(keys)
    link_documents(build)  # needs every agreement parsed first
    build.problems += statutes.problems()
    return build


def _load_one(source: Source, statutes: Statutes, config_digest: bytes):
    """load_document, or its cached result when CACHE is set and holds this exact content:
    (document, the unknown statute names it met, its cache key). Each document meets unknown
    statutes in a table of its own, merged in source order by the caller, so a document taken
    from the cache reports them exactly as a parse would."""
    key = CACHE.key(source, config_digest) if CACHE is not None else None
    cached = CACHE.get(key) if CACHE is not None else None
    if cached is not None:
        return (*cached, key)
    own = replace(statutes, unknown={})
    document = load_document(source, own)
    if CACHE is not None:
        CACHE.parses += 1
        CACHE.put(key, document, own.unknown)
    return document, own.unknown, key


def generate(root: Path, docs_dir: Path) -> Build:
    """Load everything and write the Markdown pages into docs_dir (only files that changed).
    Documents that fail to render are left out of build.documents (and of the data files)."""
    build = load(root)
    build.rendered = render_site(build.documents, build.config, root)
    build.problems += build.rendered.problems
    failed = {id(doc) for doc in build.rendered.failed}
    for doc in build.rendered.failed:
        build.problems += doc.problems
    build.documents = [doc for doc in build.documents if id(doc) not in failed]
    write_tree(docs_dir, build.rendered.files)
    return build


def read_all(content_dir: Path) -> tuple[list[Source], list[Problem]]:
    """sources.read_sources; should it raise on some file (a bug), read the files one by one so
    that only that file is left out, with a located error."""
    try:
        return sources_module.read_sources(content_dir)
    except Exception:  # noqa: BLE001 - fall back to one file at a time, below
        pass
    found, problems = [], []
    for folder, kind in sources_module.FOLDER_KINDS.items():
        for path in sorted((content_dir / folder).glob("*.md")):
            shown = str(path.relative_to(content_dir.parent))
            try:
                with isolated(shown, "read"):
                    try:
                        found.append(sources_module.read_source(path, kind, content_dir.parent))
                    except sources_module.SourceError as err:
                        problems.append(err.problem)
            except DocumentFailed as failed:
                problems.append(failed.problem)
    return found, problems


def link_documents(build: Build) -> None:
    """Link bulletins' and pages' citations to the agreements (passes.bulletin_citations), one
    bulletin at a time when the whole run fails: the bulletin that fails is left out with a
    located error, and whatever it had linked or reported is undone."""
    snapshot = _link_state(build.documents)
    try:
        link_bulletins(build.documents)
        return
    except Exception:  # noqa: BLE001 - find the bulletin, below
        _restore(snapshot)
    agreements = [d for d in build.documents if d.source.meta.kind in STRUCTURED]
    for doc in [d for d in build.documents if d.source.meta.kind not in STRUCTURED]:
        before = _link_state(agreements + [doc])
        try:
            with isolated(str(doc.source.path), "link", doc.source.first_line):
                link_bulletins(agreements + [doc])
        except DocumentFailed as failed:
            _restore(before)
            build.problems.append(failed.problem)
            build.documents = [d for d in build.documents if d is not doc]


def _link_state(documents: list[Document]) -> list:
    """What linking changes, to undo it: blocks' annotations, nodes' "discussed in", problems."""
    state = []
    for doc in documents:
        state.append((doc, "problems", list(doc.problems)))
        for node in doc.root.walk():
            state.append((node, "discussed_in", list(node.discussed_in)))
            state += [(block, "annotations", list(block.annotations)) for block in node.blocks]
    return state


def _restore(state: list) -> None:
    for owner, name, value in state:
        setattr(owner, name, value)


def _guarded(path: Path, read, default):
    """Read one site_config file; a crash is a located error and the defaults are used."""
    try:
        return read()
    except Exception as err:  # noqa: BLE001 - the site still builds with the defaults
        shown = f"{path.parent.name}/{path.name}"
        default[1].append(crash_problem(shown, "read", err))
        return default


def write_tree(docs_dir: Path, files: dict[str, str]) -> None:
    """Write files, skipping unchanged ones (so `serve` does not loop) and deleting stale ones.
    In `clausebook serve` a file is compared with what this serve wrote there, not read again."""
    docs_dir.mkdir(parents=True, exist_ok=True)
    known = serve_state.SERVE.markdown_files if serve_state.SERVE is not None else {}
    for rel, text in files.items():
        path = docs_dir / rel
        if known.get(rel) == text and path.exists():
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")
        if serve_state.SERVE is not None:
            known[rel] = text
    if known and serve_state.SERVE.markdown_swept:  # serve: every file it wrote is known
        for rel in [rel for rel in known if rel not in files]:
            (docs_dir / rel).unlink(missing_ok=True)
            del known[rel]
        return
    for path in sorted(docs_dir.rglob("*.md"), reverse=True):
        if path.relative_to(docs_dir).as_posix() not in files:
            path.unlink()
            known.pop(path.relative_to(docs_dir).as_posix(), None)
    if serve_state.SERVE is not None:
        serve_state.SERVE.markdown_swept = True  # docs_dir holds only what `known` lists
