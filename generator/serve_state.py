"""What one `clausebook serve` remembers between its rebuilds, so that a rebuild after one word
changed renders one page and rewrites a few files instead of the whole site.

`clausebook serve` runs MkDocs' dirty builds (cli.run_serve): MkDocs renders only the pages whose
Markdown is newer than their HTML, and the Markdown writer (build.write_tree) rewrites a page's
Markdown only when its text changed. What a page's HTML shows besides its own Markdown is
fingerprinted here (`site_key`): the menu (every page's title), every file's address, the site's
name and addresses, the theme, mkdocs.yml and site_config/. When any of it changed, the rebuild
is a full one: the site folder is emptied first, so every page is rendered again and every file
written again, exactly as a first build.

Each post-build step remembers what it wrote (`written`: file -> digest of its text) and writes
only what differs, deleting what is no longer made (a short URL whose clause is gone).

What a document's pages and files are made from is keyed by content (`document_digest`: a hash of
the pickled Document as the cross-document passes left it, so a bulletin's links, an agreement's
"Discussed in" lines and its glossary are in it): the generated Markdown of a document is taken
from the last rebuild when its key (the digest, the other documents' citations a bulletin links
to, the generator's code and templates) is unchanged (render/pages.py), and its data files and QR
codes are neither made nor compared again (mkdocs_hooks.write_data_files, render/share.py).

Only in memory, only for one serve process: `clausebook build` (deployment) uses none of it and
always renders and writes everything into an emptied folder.
"""
from __future__ import annotations

import copy
import hashlib
import io
import json
import pickle
from dataclasses import dataclass, field
from pathlib import Path

import jinja2
from mkdocs.utils import clean_directory

SERVE: "ServeState | None" = None  # set by cli.run_serve; None in `clausebook build`


def digest(text: str) -> bytes:
    return hashlib.sha256(text.encode("utf-8")).digest()


@dataclass
class ServeState:
    """Between rebuilds: the last site fingerprint, and what the post-build steps wrote."""

    site_key: bytes | None = None  # of the last rebuild that finished (None: next one is full)
    pending_key: bytes | None = None  # of the rebuild under way
    full: bool = True  # the current rebuild renders and writes everything
    written: dict[str, bytes] = field(default_factory=dict)  # site-relative path -> digest
    rendered: set[str] = field(default_factory=set)  # src_uri of the pages rendered this rebuild
    search_pages: dict[str, list[dict]] = field(default_factory=dict)  # Material's entries by page
    changed: bool = True  # some data file or search entry changed in this rebuild
    search_stub: str = ""  # the last search/search_index.json written, put back when unchanged
    page_texts: dict[str, tuple[bytes, dict]] = field(default_factory=dict)  # search: page URL -> (article digest, texts)
    templates: "MemoryBytecodeCache" = field(default_factory=lambda: MemoryBytecodeCache())
    digests: dict[int, tuple[object, bytes]] = field(default_factory=dict)  # id(doc) -> (doc, digest)
    render_version: bytes = b""  # the generator's code and templates, for the Markdown keys
    markdown: dict[bytes, tuple[dict, object]] = field(default_factory=dict)  # key -> (files, nav)
    markdown_used: set[bytes] = field(default_factory=set)  # keys met in this rebuild
    markdown_files: dict[str, str] = field(default_factory=dict)  # build/docs file -> text written
    markdown_swept: bool = False  # build/docs was swept of the Markdown no longer made
    data_keys: dict[str, bytes] = field(default_factory=dict)  # data folder -> key of its files
    search_tf: dict = field(default_factory=dict)  # search entry -> its word counts (search_split)
    search_terms: dict = field(default_factory=dict)  # term -> (entries, encoded, JSON length)

    def start(self, key: bytes, site_dir: Path) -> None:
        """Begin a rebuild: a full one (emptied site folder, nothing remembered) when the key
        differs from the last finished rebuild's. Until `finish`, the next rebuild would be full:
        a rebuild stopped half-way (a crash in MkDocs) leaves a site nothing here describes."""
        self.full = key != self.site_key
        self.site_key, self.pending_key = None, key
        self.rendered = set()
        self.changed = self.full
        if self.full:
            clean_directory(str(site_dir))
            self.written = {}
            self.search_pages = {}
            self.data_keys = {}

    def finish(self) -> None:
        """The rebuild wrote everything: the next one may skip what this one left unchanged."""
        self.site_key = self.pending_key
        self.markdown = {k: v for k, v in self.markdown.items() if k in self.markdown_used}
        self.markdown_used = set()

    def begin_render(self) -> None:
        """Before a rebuild renders its Markdown: the documents are new objects (their digests
        are made again), and the templates may have been edited."""
        self.digests = {}
        self.render_version = _render_version()

    def document_digest(self, doc) -> bytes | None:
        """A hash of everything a document's pages and data files are made from: the Document
        after the cross-document passes (bulletin links, "Discussed in", problems), pickled by
        value (`value_pickle`). Made once per rebuild: nothing changes a Document after it is
        rendered. None when it cannot be pickled (then nothing of it is reused)."""
        held = self.digests.get(id(doc))
        if held is not None and held[0] is doc:
            return held[1]
        try:
            value = hashlib.sha256(value_pickle(doc)).digest()
        except Exception:  # noqa: BLE001 - e.g. a cycle: simply never reused
            value = None
        self.digests[id(doc)] = (doc, value)
        return value

    def markdown_key(self, doc, others, root) -> bytes | None:
        """The key of a document's generated Markdown: the document, the other documents' places
        a bulletin or page links to (`others`), the repository root, the code and templates."""
        digest = self.document_digest(doc)
        if digest is None:
            return None
        # By value, as the digest: a plain pickle differs when two documents share a string object.
        return hashlib.sha256(self.render_version + digest + value_pickle((others, str(root)))).digest()

    def cached_markdown(self, key: bytes | None):
        """(files, nav) rendered last time for this key, or None."""
        if key is None or key not in self.markdown:
            return None
        self.markdown_used.add(key)
        files, nav = self.markdown[key]
        return dict(files), copy.deepcopy(nav)

    def keep_markdown(self, key: bytes | None, files: dict, nav) -> None:
        if key is not None:
            self.markdown[key] = (dict(files), copy.deepcopy(nav))
            self.markdown_used.add(key)

    def write_changed(self, site_dir: Path, files: dict[str, str], owner: str) -> int:
        """Write the files of `owner` (a site folder, "sooke-2006") whose text differs from what
        this serve wrote last; delete the files it wrote there before and makes no more.
        Returns how many files were written or deleted."""
        prefix = owner.rstrip("/") + "/"
        done = 0
        for rel, text in files.items():
            key = digest(text)
            path = site_dir / rel
            if self.written.get(rel) == key and path.is_file():
                continue
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
            self.written[rel] = key
            done += 1
        for rel in [r for r in self.written if r.startswith(prefix) and r not in files]:
            (site_dir / rel).unlink(missing_ok=True)
            del self.written[rel]
            done += 1
        if done:
            self.changed = True
        return done


def value_pickle(obj) -> bytes:
    """`obj` pickled by value: the same bytes for equal objects, whichever objects they share
    (a plain pickle writes a string met twice once, so a Document fresh from the parser and its
    copy from the cache pickle differently). Raises on a cycle."""
    out = io.BytesIO()
    pickler = pickle.Pickler(out, protocol=pickle.HIGHEST_PROTOCOL)
    pickler.fast = True  # no memo: every object written in full
    pickler.dump(obj)
    return out.getvalue()




def _render_version() -> bytes:
    """The generator's code and its Markdown templates (read each rebuild: Jinja loads an
    edited template afresh)."""
    from .doc_cache import PACKAGE, generator_version  # noqa: PLC0415 - doc_cache imports the passes

    h = hashlib.sha256(generator_version())
    for path in sorted((PACKAGE / "templates").rglob("*")):
        if path.is_file():
            h.update(path.name.encode("utf-8") + b"\0" + path.read_bytes())
    return h.digest()


def site_key(config, files) -> bytes:
    """A fingerprint of what every page's HTML shows besides its own Markdown (see above)."""
    root = Path(config.config_file_path).parent
    h = hashlib.sha256()
    h.update(json.dumps([config.site_name, config.site_url, config.repo_url, config.repo_name,
                         config.nav, config.extra], default=str, sort_keys=True).encode("utf-8"))
    for file in sorted(files, key=lambda f: f.src_uri):  # every address (a post's has its date)
        h.update(f"{file.src_uri}\0{file.url}\0{file.dest_uri}\n".encode("utf-8"))
    folders = [root / "site_config"]
    if config.theme.custom_dir:
        folders.append(Path(config.theme.custom_dir))
    for path in [Path(config.config_file_path)] + [p for d in folders for p in sorted(d.rglob("*"))]:
        if path.is_file():
            h.update(str(path).encode("utf-8") + b"\0" + path.read_bytes())
    return h.digest()


class MemoryBytecodeCache(jinja2.BytecodeCache):
    """The theme's compiled templates, kept between rebuilds: MkDocs makes a new Jinja
    environment for every build, which compiled Material's ~60 templates again each time. Jinja
    checks each entry against its template's source, so an edited template is compiled anew."""

    def __init__(self) -> None:
        self.code: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        if bucket.key in self.code:
            bucket.bytecode_from_string(self.code[bucket.key])

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self.code[bucket.key] = bucket.bytecode_to_string()
