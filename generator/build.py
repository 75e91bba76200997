"""One build: content/ -> Documents -> generated docs folder (+ data written after MkDocs).

Used by the MkDocs hooks (so `mkdocs build` and `mkdocs serve` run the same pipeline) and by
`clausebook dump`.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .model import Document, Problem
from .passes.bulletin_citations import link_bulletins
from .pipeline import load_document
from .render.pages import Rendered, render_site
from .site_config import SiteConfig, load_site_config
from .sources import read_sources
from .statutes import load_statutes


LAST: "Build | None" = None  # the latest generation, set by the MkDocs hooks


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
    """Read site_config/ and content/, and run clean -> tree -> passes on every source."""
    config, problems = load_site_config(root / "site_config")
    statutes, statute_problems = load_statutes(root / "site_config")
    sources, source_problems = read_sources(root / "content")
    build = Build(config=config, problems=problems + statute_problems + source_problems)
    for source in sources:
        build.documents.append(load_document(source, statutes))
    link_bulletins(build.documents)  # needs every agreement parsed first
    build.problems += statutes.problems()
    return build


def generate(root: Path, docs_dir: Path) -> Build:
    """Load everything and write the Markdown pages into docs_dir (only files that changed)."""
    build = load(root)
    build.rendered = render_site(build.documents, build.config)
    write_tree(docs_dir, build.rendered.files)
    return build


def write_tree(docs_dir: Path, files: dict[str, str]) -> None:
    """Write files, skipping unchanged ones (so `serve` does not loop) and deleting stale ones."""
    docs_dir.mkdir(parents=True, exist_ok=True)
    for rel, text in files.items():
        path = docs_dir / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")
    for path in sorted(docs_dir.rglob("*.md"), reverse=True):
        if path.relative_to(docs_dir).as_posix() not in files:
            path.unlink()
