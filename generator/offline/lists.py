"""What the service worker keeps, listed at build time from the built site.

- The shell, precached with a content revision: the CSS, JS, icons and search workers every page
  uses (not source maps, not lunr's language packs, which an English site never loads).
- Per agreement, site/offline/<slug>.json: every file under site/<slug>/ with its revision and
  size, its search pieces, and its short URLs as a map (short path -> the clause on its page).
  Short URLs are a map, not files to fetch: an agreement has one per clause (1,765 in New
  Westminster), and the worker answers them offline from the map with the same redirect the build
  writes, instead of 1,765 requests on a phone.
"""
from __future__ import annotations

import hashlib
import html
import json
import os
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

SHELL_GLOBS = ("assets/stylesheets/*.css", "assets/javascripts/*.js", "assets/*.css", "assets/*.js",
               "assets/images/*", "icons/*.png")
# The search workers go with each agreement's list instead: a worker takes its address from the
# response, and a precached one answers as "…?__WB_REVISION__=…", losing the "?material=" that
# clausebook-search.js reads.
SEARCH_WORKERS = "assets/javascripts/workers/*.js"
# The page the build writes for a short URL (render/data.py write_redirect): its refresh target.
REFRESH = re.compile(r'<meta http-equiv="refresh" content="0; url=([^"]*)">')
LEGACY_SEARCH = ("search/search_index.json", "search/clausebook_index.json")
SKIPPED = ("report.json",)  # the build report is for the web volunteer, not for reading offline


@dataclass
class AgreementList:
    """site/offline/<slug>.json: what saving one agreement fetches."""

    slug: str
    title: str
    files: list[tuple[str, str, int]] = field(default_factory=list)  # url, revision, bytes
    redirects: dict[str, str] = field(default_factory=dict)  # "12.05/" -> "article-12/#cl-12-05"

    @property
    def bytes(self) -> int:
        return sum(size for _, _, size in self.files)

    def to_json(self) -> dict:
        return {"slug": self.slug, "title": self.title, "bytes": self.bytes,
                "files": [list(f) for f in self.files], "redirects": self.redirects}


def revision(path: Path) -> str:
    """A short content hash: it changes when the file's bytes change."""
    return _md5(path.read_bytes())


NOT_SHELL = ("offline-sw.js",)  # the worker's own code: sw.js imports it, the browser keeps it with the worker
# A name that carries its own content hash (Material's bundle.a5f9d56c.min.js): Workbox needs no
# revision for it, and then fetches it normally, from the browser's cache the page just filled.
HASHED = re.compile(r"\.[0-9a-f]{8,}\.min\.(?:js|css)$")


def shell(site: Path) -> list[dict]:
    """[{url, revision}] of the site shell, relative to the site root, sorted."""
    found = {p for glob in SHELL_GLOBS for p in site.glob(glob)
             if p.is_file() and not p.name.endswith(".map") and p.name not in NOT_SHELL}
    return [{"url": p.relative_to(site).as_posix(), "revision": None if HASHED.search(p.name) else revision(p)}
            for p in sorted(found)]


def search_pieces(site: Path) -> tuple[list[str], dict[str, list[str]]]:
    """(shared URLs, {"<slug>/": URLs}) from site/search/pieces.json (the search's own split);
    without it, the whole index belongs to every agreement's list (and none to the shell, so a
    first view does not download a megabyte of index)."""
    path = site / "search" / "pieces.json"
    if path.is_file():
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            return list(data.get("shared", [])), {k: list(v) for k, v in data.get("agreements", {}).items()}
        except (ValueError, AttributeError):
            pass  # an unreadable split: fall back to the whole index
    legacy = [u for u in LEGACY_SEARCH if (site / u).is_file()]
    return [], {"*": legacy}


def agreement_list(site: Path, slug: str, title: str, pieces: dict[str, list[str]],
                   known: Mapping[str, bytes] | None = None) -> AgreementList:
    """Every file of site/<slug>/ (a short-URL page goes into the redirect map instead).

    `known`: {path relative to the site: its bytes} of files this build wrote and still holds
    (render/data.py's short URLs, QR codes, clauses.json: ~6,000 files of the demo site): they
    are hashed as they are, not read back; every other file is read from the site."""
    known = known or {}
    out = AgreementList(slug, title)
    for rel in files_under(site, slug):
        name = rel.rpartition("/")[2]
        if name in SKIPPED or os.path.splitext(name)[1] == ".map":
            continue
        data = known.get(rel)
        if data is None:
            data = (site / rel).read_bytes()
        target = _redirect_target(data) if name == "index.html" else None
        if target is not None:
            out.redirects[rel[len(slug) + 1: -len("index.html")] or "./"] = target
            continue
        url = rel[: -len("index.html")] if name == "index.html" else rel
        out.files.append((url, _md5(data), len(data)))
    workers = [p.relative_to(site).as_posix() for p in sorted(site.glob(SEARCH_WORKERS))]
    for url in pieces.get(f"{slug}/", pieces.get("*", [])) + workers:
        path = site / url
        if path.is_file():
            out.files.append((url, revision(path), path.stat().st_size))
    return out


def files_under(site: Path, folder: str) -> list[str]:
    """The files under site/<folder>/ as paths relative to the site ("sooke/12.05/qr.svg"), in
    the order of their path's parts, as sorted Paths are ("sooke/a/b" before "sooke/a-b").
    One directory listing per folder: no file is opened or stat'ed (symlinked folders are not
    followed)."""
    found = []
    pending = [folder]
    while pending:
        current = pending.pop()
        try:
            entries = list(os.scandir(site / current))
        except (FileNotFoundError, NotADirectoryError):
            continue
        for entry in entries:
            rel = f"{current}/{entry.name}"
            if entry.is_dir(follow_symlinks=False):
                pending.append(rel)
            elif entry.is_file():
                found.append(rel)
    return sorted(found, key=lambda rel: rel.split("/"))


def _md5(data: bytes) -> str:
    """revision() of bytes already in hand."""
    return hashlib.md5(data).hexdigest()[:12]


def _redirect_target(data: bytes) -> str | None:
    """The target of a short-URL page, relative to the page ("../article-12/#cl-12-05"), or None."""
    if len(data) > 8192:
        return None
    found = REFRESH.search(data.decode("utf-8", errors="replace"))
    return html.unescape(found.group(1)) if found else None
