"""How build time and memory grow with an agreement's size: `./scripts/benchmark --scale`.

In a temporary copy of the repository, makes agreements of 1, 2.5 and 5 MB (10^6 bytes) out of
the demo agreements (content/agreements/*.md): their bodies one after another, over and over,
each copy's article numbers -- and the clause numbers that begin with them, wherever they are
written -- raised by 100 per copy, so that the big document's articles run 1..36, 101..136,
201.. and every clause keeps a citation of its own. Then, each measure in a fresh child process
(its peak memory is the process's own VmHWM, its CPU time the kernel's rusage from os.wait4):

* parse: generator.pipeline.load_document over the demo agreements, and over the 5 MB one
* build: `clausebook build` of the demo site, and of the demo site plus the 5 MB agreement
* load_document alone on 1, 2.5 and 5 MB: seconds and MB of memory per MB of text, so growth
  in proportion to size shows as a flat column

Each figure is the median of --runs runs (the machine is shared: compare medians). Prints
Markdown to paste into notes/benchmarks.md. Rerun it after any change to the pipeline: it
uses only read_source and load_document, and `clausebook build`.
"""
from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
MB = 1_000_000
OFFSET = 100  # each copy's articles are numbered this much above the previous copy's
COPY_IGNORE = shutil.ignore_patterns(".git", ".venv", "site", "build", "node_modules", ".bench",
                                     "__pycache__", "*.egg-info", ".pytest_cache")

# "ARTICLE 12", "Article 7", "ARTICLE A.6": the number is raised, a section letter kept.
ARTICLE = re.compile(r"\b(ARTICLE|Article)(\s+)([A-Z]\.)?(\d+)\b")
# The first part of a dotted number, "12" in 12.05 or 12.1.1, not part of a longer number or
# an amount ($12.50); raised only when it is one of the copy's own article numbers.
DOTTED = re.compile(r"(?<![\d.$])(\d+)(?=(?:\.\d+)+)")


@dataclass
class Run:
    """One child process: wall seconds seen from outside, the seconds the child measured
    itself (parse children: the CPU seconds of load_document), its CPU seconds and its
    peak resident memory."""

    wall: float
    inner: float | None
    cpu: float
    peak_mb: float
    problems: int | None = None  # problems load_document reported (parse children only)
    timed_out: bool = False


def split_front_matter(text: str) -> tuple[dict, str]:
    _, front, body = text.split("---\n", 2)
    return yaml.safe_load(front), body


def renumber(body: str, offset: int) -> str:
    """The body with its article numbers, and clause numbers under them, raised by offset."""
    if offset == 0:
        return body
    articles = {m[4] for m in ARTICLE.finditer(body) if not m[3]}
    body = ARTICLE.sub(lambda m: f"{m[1]}{m[2]}{m[3] or ''}{int(m[4]) + offset}", body)
    return DOTTED.sub(lambda m: str(int(m[1]) + offset) if m[1] in articles else m[1], body)


def big_body(bodies: list[str], size: int) -> str:
    """Copies of the bodies in turn, renumbered, cut at the last whole line within size bytes."""
    parts, total, copy = [], 0, 0
    while total < size:
        part = renumber(bodies[copy % len(bodies)], OFFSET * copy) + "\n"
        parts.append(part)
        total += len(part.encode("utf-8"))
        copy += 1
    data = "".join(parts).encode("utf-8")[:size]
    return data[: data.rfind(b"\n") + 1].decode("utf-8", errors="ignore")


def relax_mkdocs(mkdocs_yml: Path) -> None:
    """MkDocs' `strict: true` off in the copy: the copies repeat lettered schedules and letters
    of understanding (Schedule C in every copy), whose anchor warnings would stop the build."""
    text = mkdocs_yml.read_text(encoding="utf-8")
    mkdocs_yml.write_text(re.sub(r"(?m)^strict:\s*true\b", "strict: false", text), encoding="utf-8")


def make_agreements(repo: Path, sizes: list[float]) -> dict[float, Path]:
    """The scale-test agreements, in repo/scale/ (outside content/, so no build sees them)."""
    sources = sorted((repo / "content" / "agreements").glob("*.md"))
    split = [split_front_matter(p.read_text(encoding="utf-8")) for p in sources]
    meta, bodies = split[0][0], [body for _, body in split]
    out = repo / "scale"
    out.mkdir()
    made = {}
    for size in sizes:
        nbytes = int(size * MB)
        meta_here = dict(meta, title=f"Scale test: the demo agreements repeated to {size:g} MB",
                         short_title=f"Scale test {size:g} MB")
        front = yaml.safe_dump(meta_here, sort_keys=False, allow_unicode=True)
        path = out / f"scale-test-{str(size).replace('.', '-')}mb.md"
        path.write_text(f"---\n{front}---\n{big_body(bodies, nbytes)}", encoding="utf-8")
        made[size] = path
    return made


def run_child(command: list[str], cwd: Path, timeout: float) -> Run:
    """Run one child to completion and reap it with os.wait4: its own rusage, not the sum of
    every child so far that RUSAGE_CHILDREN would give. Past timeout it is killed, and its
    figures are those of the moment it was stopped, marked timed_out."""
    with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err:
        start = time.monotonic()
        proc = subprocess.Popen(command, cwd=cwd, stdout=out, stderr=err, text=True)
        timed_out = False
        while True:
            pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                break
            if time.monotonic() - start > timeout and not timed_out:
                proc.kill()
                timed_out = True
            time.sleep(0.05)
        wall = time.monotonic() - start
        proc.returncode = code = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        printed, complaint = out.read(), err.read()
    if code != 0 and not timed_out:
        raise SystemExit(f"benchmark: {' '.join(command)} failed ({code}):\n{complaint[-2000:]}")
    lines = printed.strip().splitlines()
    said = json.loads(lines[-1]) if lines and lines[-1].startswith("{") else {}
    peak = said.get("peak_mb") or usage.ru_maxrss / 1024
    return Run(wall, said.get("seconds"), usage.ru_utime + usage.ru_stime, peak,
               said.get("problems"), timed_out)


def median_run(runs: list[Run]) -> Run:
    pick = lambda key: statistics.median(getattr(r, key) for r in runs)  # noqa: E731
    inner = [r.inner for r in runs if r.inner is not None]
    return Run(pick("wall"), statistics.median(inner) if inner else None, pick("cpu"),
               pick("peak_mb"), runs[0].problems, any(r.timed_out for r in runs))


def parse_child(files: list[str]) -> int:
    """In the child: load_document each file (as an agreement); print the CPU seconds that
    took and the number of problems the documents reported."""
    sys.path.insert(0, str(ROOT))
    from generator.pipeline import load_document
    from generator.sources import read_source

    sources = [read_source(Path(f), "agreement") for f in files]
    start = time.process_time()  # CPU time: on a shared machine, wall time measures the others
    documents = [load_document(source) for source in sources]
    seconds = time.process_time() - start
    print(json.dumps({"seconds": seconds, "problems": sum(len(d.problems) for d in documents),
                      "peak_mb": own_peak_mb()}))
    return 0


def build_child(site_dir: str) -> int:
    """In the child: exactly `clausebook build --site-dir DIR`, then this process's peak memory."""
    sys.path.insert(0, str(ROOT))
    from generator.cli import main as clausebook

    code = clausebook(["build", "--site-dir", site_dir])
    print(json.dumps({"peak_mb": own_peak_mb()}))
    return code


def own_peak_mb() -> float | None:
    """This process's peak resident memory (VmHWM). Not ru_maxrss: on Linux a child's
    ru_maxrss starts from its parent's size at fork, which would floor every small figure at
    the size of this script."""
    try:
        status = Path("/proc/self/status").read_text()
    except OSError:
        return None
    match = re.search(r"^VmHWM:\s+(\d+) kB", status, re.M)
    return int(match[1]) / 1024 if match else None


def clausebook_build(site_dir: Path) -> list[str]:
    return [sys.executable, str(Path(__file__).resolve()), "--child-build", str(site_dir)]


def parse_command(files: list[Path]) -> list[str]:
    return [sys.executable, str(Path(__file__).resolve()), "--child-parse", *map(str, files)]


TIMEOUT = 1800.0  # seconds for one child; --timeout


def measure(label: str, command: list[str], cwd: Path, runs: int) -> Run:
    print(f"benchmark: {time.strftime('%H:%M:%S')} {label} ({runs} run{'s' * (runs > 1)})",
          file=sys.stderr, flush=True)
    return median_run([run_child(command, cwd, TIMEOUT) for _ in range(runs)])


def text_mb(files: list[Path]) -> float:
    return sum(len(split_front_matter(p.read_text(encoding="utf-8"))[1].encode()) for p in files) / MB


@dataclass
class Case:
    """A site measured whole: its agreements' text, their parse and the site's build."""

    name: str
    text_mb: float
    parse: Run
    build: Run


def measure_sites(repo: Path, big: Path, big_parse: Run, scratch: Path, runs: int) -> list[Case]:
    """The demo site, then the demo site with the big agreement added to content/agreements.
    The second case's parse is the demo's plus the big agreement's load_document (measured
    alone by measure_sizes), rather than parsing 5 MB once more."""
    agreements = sorted((repo / "content" / "agreements").glob("*.md"))
    parse = measure("demo site: parse", parse_command(agreements), repo, runs)
    build = measure("demo site: build", clausebook_build(scratch / "site-demo"), repo, runs)
    cases = [Case("demo site", text_mb(agreements), parse, build)]
    shutil.copy(big, repo / "content" / "agreements" / big.name)
    build = measure(f"demo site + {big.stem}: build", clausebook_build(scratch / "site-big"),
                    repo, runs)
    both = Run(parse.wall + big_parse.wall, parse.inner + big_parse.inner,
               parse.cpu + big_parse.cpu, max(parse.peak_mb, big_parse.peak_mb))
    cases.append(Case(f"demo site + {big.stem}", text_mb([*agreements, big]), both, build))
    return cases


def measure_sizes(repo: Path, made: dict[float, Path], runs: int) -> list[tuple[float, Run]]:
    """load_document alone on each size, after a child that loads nothing (its baseline)."""
    rows = [(0.0, measure("baseline: imports only", parse_command([]), repo, runs))]
    for size, path in sorted(made.items()):
        rows.append((text_mb([path]), measure(f"load_document {size:g} MB", parse_command([path]),
                                              repo, runs)))
    return rows


def seconds(run: Run, inner: bool = False) -> str:
    """A time for the table: what the child measured itself, or the wall time; "> N" when
    the child was stopped at --timeout."""
    if run.timed_out:
        return f"> {run.wall:.0f} (stopped)"
    value = run.inner if inner else run.wall
    return "-" if value is None else f"{value:.1f}"


def report(cases: list[Case], sizes: list[tuple[float, Run]], runs: int) -> str:
    commit = subprocess.run(["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"],
                            capture_output=True, text=True).stdout.strip() or "?"
    lines = [f"Scale benchmark — {time.strftime('%Y-%m-%d %H:%M')} — commit {commit}, "
             f"Python {sys.version.split()[0]}, {os.cpu_count()} CPUs, median of {runs} run(s)",
             "", "| case | agreements' text MB | parse CPU s (load_document) | build s (wall) "
             "| build CPU s | build peak MB |", "|---|---:|---:|---:|---:|---:|"]
    for c in cases:
        lines.append(f"| {c.name} | {c.text_mb:.2f} | {seconds(c.parse, inner=True)} "
                     f"| {seconds(c.build)} | {c.build.cpu:.1f} | {c.build.peak_mb:.0f} |")
    base = sizes[0][1].peak_mb
    lines += ["", f"load_document alone, one agreement per process (baseline: a process that "
              f"imports the generator and loads nothing peaks at {base:.0f} MB):", "",
              "| agreement MB | load_document CPU s | CPU s per MB | process CPU s | peak MB "
              "| (peak − baseline) per MB | problems reported |",
              "|---:|---:|---:|---:|---:|---:|---:|"]
    for mb, run in sizes[1:]:
        per_mb = "-" if run.inner is None or run.timed_out else f"{run.inner / mb:.1f}"
        lines.append(f"| {mb:.2f} | {seconds(run, inner=True)} | {per_mb} | {run.cpu:.1f} "
                     f"| {run.peak_mb:.0f} | {(run.peak_mb - base) / mb:.0f} "
                     f"| {run.problems if run.problems is not None else '-'} |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    global TIMEOUT
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", action="store_true", help="(how benchmark.py hands over)")
    parser.add_argument("--runs", type=int, default=3, help="runs per figure (median; default 3)")
    parser.add_argument("--sizes", default="1,2.5,5", help="agreement sizes in MB (default 1,2.5,5)")
    parser.add_argument("--keep", action="store_true", help="keep the temporary copy, say where")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON too")
    parser.add_argument("--timeout", type=float, default=TIMEOUT,
                        help=f"seconds before one child is stopped (default {TIMEOUT:g})")
    parser.add_argument("--child-parse", nargs="*", help=argparse.SUPPRESS)
    parser.add_argument("--child-build", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child_parse is not None:
        return parse_child(args.child_parse)
    if args.child_build is not None:
        return build_child(args.child_build)
    sizes = [float(s) for s in args.sizes.split(",")]
    TIMEOUT = args.timeout
    scratch = Path(tempfile.mkdtemp(prefix="clausebook-scale-"))
    try:
        repo = scratch / "repo"
        shutil.copytree(ROOT, repo, ignore=COPY_IGNORE)
        relax_mkdocs(repo / "mkdocs.yml")
        made = make_agreements(repo, sizes)
        rows = measure_sizes(repo, made, args.runs)
        cases = measure_sites(repo, made[max(sizes)], rows[-1][1], scratch, args.runs)
    finally:
        if args.keep:
            print(f"benchmark: kept {scratch}", file=sys.stderr)
        else:
            shutil.rmtree(scratch, ignore_errors=True)
    print(report(cases, rows, args.runs))
    if args.json:
        print(json.dumps({"sites": [asdict(c) for c in cases],
                          "sizes": [{"mb": mb, **asdict(r)} for mb, r in rows]}, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
