"""How the site grows with the library: `./scripts/benchmark --library` (a measurement, not a test).

Makes, in a temporary directory, libraries of 3 and 30 agreements out of the demo texts
(content/agreements/*.md taken in turn, each copy with its own file name, title and short title,
its body unchanged), and beside each a plain Material for MkDocs project of the same texts (theme
material, its search plugin, one plain Markdown page per agreement). Then, in one run, for each:

* build time (wall and CPU seconds of `clausebook build` / `mkdocs build`, one child process each)
  and the build's peak memory (the child's own)
* site size: files and MB
* page weight of an article page: KB transferred (gzip, as GitHub Pages serves it) loading it
  in headless Chromium at a phone viewport (for the plain site, an agreement's one page)
* search bytes before the first result: benchmark.py's measure_search (open home, search
  "12.05"), the KB downloaded after the home page had loaded, and everything from opening the
  home page to the first result (plain Material fetches its whole index as the page loads, so
  its first figure is ~0 and the second is the one to compare)

Prints a Markdown table to paste into notes/benchmarks.md. Options: --sizes 3,30, --runs N
(median of N builds; default 1), --chromium PATH, --keep, --json. With --rebuild it measures the
preview's rebuild after one word changed instead (scripts/benchmark_rebuild.py).
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import benchmark  # noqa: E402 - serve, measure, measure_search
import benchmark_scale  # noqa: E402 - run_child, split_front_matter, COPY_IGNORE

ROOT = HERE.parent
PLAIN_MKDOCS = "site_name: Plain Material\ntheme:\n  name: material\nplugins:\n  - search\n"


@dataclass
class Figures:
    """One site's figures; None where a figure could not be measured (see `notes`)."""

    build_wall: float
    build_cpu: float
    peak_mb: float
    files: int
    site_mb: float
    article_kb: float | None = None
    search_kb: float | None = None
    home_to_result_kb: float | None = None
    notes: str = ""


def library_sources(count: int) -> list[tuple[str, dict, str]]:
    """(file stem, front matter, body) of `count` agreements made from the demo ones in turn:
    "sooke-2006-n04", title "… (library copy 4)", short title "Sooke 2006–2010 #4"."""
    demo = sorted((ROOT / "content" / "agreements").glob("*.md"))
    out = []
    for number in range(1, count + 1):
        path = demo[(number - 1) % len(demo)]
        meta, body = benchmark_scale.split_front_matter(path.read_text(encoding="utf-8"))
        meta = dict(meta, title=f"{meta['title']} (library copy {number})",
                    short_title=f"{meta.get('short_title') or meta['title']} #{number}")
        meta.pop("slug", None)
        out.append((f"{path.stem}-n{number:02d}", meta, body))
    return out


def make_clausebook(repo: Path, agreements: list[tuple[str, dict, str]]) -> None:
    """A copy of this repository whose content/ is the library's agreements only (the demo
    bylaws and bulletins, which cite the demo slugs, are left out)."""
    shutil.copytree(ROOT, repo, ignore=benchmark_scale.COPY_IGNORE)
    benchmark_scale.relax_mkdocs(repo / "mkdocs.yml")
    shutil.rmtree(repo / "content")
    folder = repo / "content" / "agreements"
    folder.mkdir(parents=True)
    for stem, meta, body in agreements:
        front = yaml.safe_dump(meta, sort_keys=False, allow_unicode=True)
        (folder / f"{stem}.md").write_text(f"---\n{front}---\n{body}", encoding="utf-8")


def make_plain(project: Path, agreements: list[tuple[str, dict, str]]) -> None:
    """Plain Material for MkDocs: each agreement's text as a Markdown page, and a home page."""
    docs = project / "docs"
    docs.mkdir(parents=True)
    (project / "mkdocs.yml").write_text(PLAIN_MKDOCS, encoding="utf-8")
    links = "\n".join(f"- [{meta['short_title']}]({stem}.md)" for stem, meta, _ in agreements)
    (docs / "index.md").write_text(f"# Agreements\n\n{links}\n", encoding="utf-8")
    for stem, meta, body in agreements:
        (docs / f"{stem}.md").write_text(f"---\ntitle: {json.dumps(meta['title'])}\n---\n{body}",
                                         encoding="utf-8")


def timed_builds(command: list[str], cwd: Path, runs: int) -> benchmark_scale.Run:
    label = " ".join(Path(c).name for c in command[:3])
    print(f"benchmark: {time.strftime('%H:%M:%S')} {cwd.name}: {label} ({runs} run(s))",
          file=sys.stderr, flush=True)
    return benchmark_scale.median_run([benchmark_scale.run_child(command, cwd, 3600) for _ in range(runs)])


def site_size(site: Path) -> tuple[int, float]:
    files = [p for p in site.rglob("*") if p.is_file()]
    return len(files), sum(p.stat().st_size for p in files) / 1_000_000


def article_path(site: Path, plain: bool) -> str:
    """The URL path of the page measured as "an article": Clausebook's Article 12 of the first
    agreement (as benchmark.pick_pages chooses it); the plain site's first agreement page."""
    if plain:
        first = sorted(p for p in site.iterdir() if p.is_dir() and (p / "index.html").is_file()
                       and p.name not in ("search", "assets"))[0]
        return f"{first.name}/"
    pages = benchmark.pick_pages(site)
    return next(path for label, path in pages if label.startswith("article"))


def browse(site: Path, plain: bool, chromium: str, figures: Figures) -> None:
    """Page weight and search bytes, in headless Chromium against the site served with gzip."""
    from playwright.sync_api import sync_playwright

    server, base = benchmark.serve(site)
    try:
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=chromium, args=["--no-sandbox", "--disable-gpu"])
            figures.article_kb = benchmark.measure(browser, base + article_path(site, plain))["kb"]
            try:
                search = benchmark.measure_search(browser, base)
                figures.search_kb = search["kb"] - search["page_kb"]
                figures.home_to_result_kb = search["kb"]
            except Exception as err:  # noqa: BLE001 - e.g. its selectors are Clausebook's own
                figures.notes = f"search not measured: {type(err).__name__}: {str(err).splitlines()[0][:100]}"
            browser.close()
    finally:
        server.shutdown()


def measure_library(scratch: Path, count: int, runs: int, chromium: str) -> dict[str, Figures]:
    agreements = library_sources(count)
    repo, plain = scratch / f"clausebook-{count}", scratch / f"material-{count}"
    make_clausebook(repo, agreements)
    make_plain(plain, agreements)
    out = {}
    for name, cwd, command, site in (
            ("Clausebook", repo, benchmark_scale.clausebook_build(repo / "site"), repo / "site"),
            ("Material", plain, [sys.executable, "-m", "mkdocs", "build", "-q"], plain / "site")):
        run = timed_builds(command, cwd, runs)
        files, mb = site_size(site)
        figures = Figures(run.wall, run.cpu, run.peak_mb, files, mb)
        browse(site, name == "Material", chromium, figures)
        out[name] = figures
    return out


def number(value: float | None, digits: int = 1) -> str:
    return "-" if value is None else f"{value:.{digits}f}"


def head_commit() -> str:
    return subprocess.run(["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"],
                          capture_output=True, text=True).stdout.strip() or "?"


def report(results: dict[int, dict[str, Figures]], runs: int, commit: str) -> str:
    columns = [(count, name) for count in sorted(results) for name in ("Clausebook", "Material")]
    head = " | ".join(f"{name} {count}" for count, name in columns)
    lines = [f"Library benchmark — {time.strftime('%Y-%m-%d %H:%M')} — commit {commit}, Python "
             f"{sys.version.split()[0]}, {os.cpu_count()} CPUs, builds: median of {runs} run(s)", "",
             f"| figure | {head} |", "|---|" + "---:|" * len(columns)]
    rows = [("build s (wall)", lambda f: number(f.build_wall)),
            ("build CPU s", lambda f: number(f.build_cpu)),
            ("build peak MB", lambda f: number(f.peak_mb, 0)),
            ("site files", lambda f: str(f.files)),
            ("site MB", lambda f: number(f.site_mb)),
            ("article page KB (gz, transferred)", lambda f: number(f.article_kb, 0)),
            ("search KB before the first result (after the home page loaded)", lambda f: number(f.search_kb, 0)),
            ("KB from opening the home page to the first result", lambda f: number(f.home_to_result_kb, 0))]
    for label, cell in rows:
        lines.append(f"| {label} | " + " | ".join(cell(results[c][n]) for c, n in columns) + " |")
    for count, name in columns:
        for figures in [results[count][name]]:
            if figures.notes:
                lines.append(f"\n{name} {count}: {figures.notes}")
    for count in sorted(results):
        cb, plain = results[count]["Clausebook"], results[count]["Material"]
        lines.append(f"\n{count} agreements: Clausebook's build takes {cb.build_wall / plain.build_wall:.1f}x "
                     f"the plain build's wall time, {cb.build_cpu / plain.build_cpu:.1f}x its CPU time.")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--library", action="store_true", help="(how benchmark.py hands over)")
    parser.add_argument("--sizes", default="3,30", help="numbers of agreements (default 3,30)")
    parser.add_argument("--runs", type=int, default=1, help="builds per figure (median; default 1)")
    parser.add_argument("--chromium", default=os.environ.get("CLAUSEBOOK_CHROMIUM", "/usr/bin/chromium"))
    parser.add_argument("--keep", action="store_true", help="keep the temporary directory, say where")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON too")
    parser.add_argument("--rebuild", action="store_true",
                        help="instead: the preview's rebuild after one word changed (benchmark_rebuild.py; "
                             "--runs rebuilds, default 5)")
    args = parser.parse_args(argv)
    if args.rebuild:
        import benchmark_rebuild  # noqa: PLC0415 - only this measurement needs MkDocs in-process

        return benchmark_rebuild.main(args.runs if args.runs > 1 else 5, args.keep)
    if not Path(args.chromium).exists():
        print(f"benchmark: no Chromium at {args.chromium} (set CLAUSEBOOK_CHROMIUM)", file=sys.stderr)
        return 2
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    commit = head_commit()  # read before the builds, which take minutes
    scratch = Path(tempfile.mkdtemp(prefix="clausebook-library-"))
    try:
        results = {count: measure_library(scratch, count, args.runs, args.chromium)
                   for count in (int(s) for s in args.sizes.split(","))}
    finally:
        if args.keep:
            print(f"benchmark: kept {scratch}", file=sys.stderr)
        else:
            shutil.rmtree(scratch, ignore_errors=True)
    print(report(results, args.runs, commit))
    if args.json:
        print(json.dumps({count: {name: asdict(f) for name, f in by.items()}
                          for count, by in results.items()}, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
