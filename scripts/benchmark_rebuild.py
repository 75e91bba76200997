"""The preview's rebuild after one word changed: `./scripts/benchmark --library --rebuild`
(a measurement, not a test).

In a temporary copy of this repository (the demo content), builds the site once and then, N
times, changes one word in one agreement (Sooke's first "ten (10) working days", back and forth)
and rebuilds it in this same process, as `clausebook serve` does (mkdocs.commands.build.build
after the watcher fired). CPU seconds of each rebuild (time.process_time: the machine is shared)
for three ways, taken in turn (A B C A B C ...) so that a drift of the machine hits all three:

* serve: what `clausebook serve` does now (dirty builds, generator/serve_state.py; parsed
  documents cached, generator/doc_cache.py)
* serve, every page: the documents cached, but every page rendered and every file written (what
  `clausebook serve` did before the dirty builds)
* plain Material: `mkdocs serve` of a plain Material for MkDocs project of the same three texts
  (one page per agreement, its search plugin), which renders every page on each rebuild

Prints a Markdown table (median, min, max) to paste into notes/benchmarks.md.
"""
from __future__ import annotations

import contextlib
import io
import logging
import os
import shutil
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(ROOT))
import benchmark_library  # noqa: E402
import benchmark_scale  # noqa: E402

WORDS = ("ten (10) working days", "eleven (10) working days")
SERVE_URL = "http://127.0.0.1:8000/"


@dataclass
class Way:
    """One way of rebuilding: its project, the file edited, and its rebuilds' CPU seconds."""

    name: str
    project: Path
    edited: Path
    dirty: bool = False
    serve: bool = False  # Clausebook's serve state (doc cache, and serve_state when dirty)
    state: dict = field(default_factory=dict)
    seconds: list[float] = field(default_factory=list)


def clausebook_copy(target: Path) -> Path:
    shutil.copytree(ROOT, target, ignore=benchmark_scale.COPY_IGNORE)
    (target / "build" / "docs").mkdir(parents=True, exist_ok=True)
    return target


def plain_copy(target: Path) -> Path:
    demo = sorted((ROOT / "content" / "agreements").glob("*.md"))
    agreements = []
    for path in demo:
        meta, body = benchmark_scale.split_front_matter(path.read_text(encoding="utf-8"))
        meta.setdefault("short_title", meta["title"])
        agreements.append((path.stem, meta, body))
    benchmark_library.make_plain(target, agreements)
    return target


def rebuild(way: Way) -> float:
    """One build of `way` in this process; CPU seconds."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    from generator import build as build_module
    from generator import serve_state
    from generator.doc_cache import DocumentCache

    if way.serve and not way.state:
        way.state = {"cache": DocumentCache(), "serve": serve_state.ServeState() if way.dirty else None}
    build_module.CACHE = way.state.get("cache")
    serve_state.SERVE = way.state.get("serve")
    os.chdir(way.project)
    config = load_config(str(way.project / "mkdocs.yml"), site_dir=str(way.project / "site"))
    config.plugins.on_startup(command="serve", dirty=way.dirty)
    config.site_url = SERVE_URL
    start = time.process_time()
    with contextlib.redirect_stdout(io.StringIO()):
        build(config, serve_url=SERVE_URL, dirty=way.dirty)
    return time.process_time() - start


def edit(way: Way, turn: int) -> None:
    old, new = (WORDS if turn % 2 == 0 else WORDS[::-1])
    text = way.edited.read_text(encoding="utf-8")
    assert old in text, f"{way.edited}: no '{old}' to change"
    way.edited.write_text(text.replace(old, new, 1), encoding="utf-8")


def measure(scratch: Path, runs: int) -> list[Way]:
    from generator import cli

    serve = clausebook_copy(scratch / "serve")
    full = clausebook_copy(scratch / "full")
    plain = plain_copy(scratch / "plain")
    ways = [Way("Clausebook serve (dirty rebuilds)", serve, serve / "content/agreements/sooke-2006.md", True, True),
            Way("Clausebook serve, every page (before)", full, full / "content/agreements/sooke-2006.md", False, True),
            Way("plain Material serve", plain, plain / "docs/sooke-2006.md")]
    benchmark_scale.relax_mkdocs(plain / "mkdocs.yml")
    cli.quiet_dirty_warning()
    logging.getLogger("mkdocs").setLevel(logging.ERROR)
    for way in ways:
        rebuild(way)  # the first build (serve's start), not counted
    for turn in range(runs):
        for way in ways:
            edit(way, turn)
            way.seconds.append(rebuild(way))
        print(f"benchmark: rebuild {turn + 1}/{runs}: " + ", ".join(f"{w.seconds[-1]:.2f}" for w in ways),
              file=sys.stderr, flush=True)
    return ways


def report(ways: list[Way], runs: int) -> str:
    plain = statistics.median(ways[-1].seconds)
    lines = [f"Rebuild after one word changed, CPU s, {runs} rebuilds each, taken in turn "
             f"(commit {benchmark_library.head_commit()}):", "",
             "| way | median | min | max | × plain Material |", "|---|---:|---:|---:|---:|"]
    for way in ways:
        median = statistics.median(way.seconds)
        lines.append(f"| {way.name} | {median:.2f} | {min(way.seconds):.2f} | {max(way.seconds):.2f} "
                     f"| {median / plain:.1f} |")
    return "\n".join(lines)


def main(runs: int = 5, keep: bool = False) -> int:
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    scratch = Path(tempfile.mkdtemp(prefix="clausebook-rebuild-"))
    here = Path.cwd()
    try:
        ways = measure(scratch, runs)
    finally:
        os.chdir(here)
        if keep:
            print(f"benchmark: kept {scratch}", file=sys.stderr)
        else:
            shutil.rmtree(scratch, ignore_errors=True)
    print(report(ways, runs))
    return 0


if __name__ == "__main__":
    sys.exit(main(int(sys.argv[1]) if len(sys.argv) > 1 else 5))
