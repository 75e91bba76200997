"""Parsed documents kept between rebuilds of `clausebook serve`, keyed by content.

Cleaning, parsing and annotating a source (pipeline.load_document) is most of the generator's
time; while a volunteer edits one agreement, the other sources have not changed, so their
Documents are taken from here. Only the per-document work is cached: the cross-document passes
(bulletin links, "Discussed in", build.link_documents) run again over every document.

The key is a hash of everything load_document reads: the Source (path, front matter, body),
the statutes table and the defined-terms config (site_config/), and the generator's own code.
Never a file's mtime: an edit undone, or a file copied over with an older date, cannot bring
back a stale result. A Document is stored pickled, before the cross-document passes mutate it,
and each hit is a fresh copy of it.

Used by `clausebook serve` only (cli.run_serve): a clean `clausebook build` parses everything.
"""
from __future__ import annotations

import hashlib
import pickle
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from . import terms_config
from .model import Document, Source
from .statutes import Statutes

PACKAGE = Path(__file__).resolve().parent


@lru_cache(maxsize=1)
def generator_version() -> bytes:
    """A hash of the generator's Python files: a changed pass never reuses an old result."""
    digest = hashlib.sha256()
    for path in sorted(PACKAGE.rglob("*.py")):
        digest.update(path.relative_to(PACKAGE).as_posix().encode() + b"\0" + path.read_bytes())
    return digest.digest()


def config_key(statutes: Statutes) -> bytes:
    """What load_document reads besides the source: the statutes and the defined-terms config."""
    return hashlib.sha256(pickle.dumps((statutes.urls, statutes.names, terms_config.current()))).digest()


@dataclass
class Entry:
    """A Document as load_document left it (pickled), and the unknown statute names it met."""

    document: bytes
    unknown_statutes: dict


@dataclass
class DocumentCache:
    """Documents by content key; `parses` and `hits` count what each lookup did."""

    entries: dict[bytes, Entry] = field(default_factory=dict)
    parses: int = 0
    hits: int = 0

    def key(self, source: Source, config: bytes) -> bytes | None:
        try:
            data = pickle.dumps(source)
        except Exception:  # noqa: BLE001 - an unpicklable source is simply not cached
            return None
        return hashlib.sha256(generator_version() + config + data).digest()

    def get(self, key: bytes | None) -> tuple[Document, dict] | None:
        entry = self.entries.get(key) if key is not None else None
        if entry is None:
            return None
        self.hits += 1
        return pickle.loads(entry.document), dict(entry.unknown_statutes)

    def put(self, key: bytes | None, document: Document, unknown_statutes: dict) -> None:
        if key is None:
            return
        try:
            self.entries[key] = Entry(pickle.dumps(document), dict(unknown_statutes))
        except Exception:  # noqa: BLE001 - not cached: the next rebuild parses it again
            pass

    def keep_only(self, keys: set) -> None:
        """Forget the documents no longer in content/ (an edited file's old versions)."""
        self.entries = {k: v for k, v in self.entries.items() if k in keys}
