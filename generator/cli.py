"""`clausebook build | serve | dump tree <document>`: the one command a web volunteer runs."""
from __future__ import annotations

import argparse
import json
import logging
import os
import sys
from pathlib import Path

MKDOCS_YML = "mkdocs.yml"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="clausebook", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    build = sub.add_parser("build", help="generate the pages from content/ and build the site into site/")
    build.add_argument("--strict", action="store_true",
                       help="fail (exit 1) on any error in a source, not only on broken links")
    build.add_argument("--site-dir", default=None, help="where to write the site (default: site/)")
    serve = sub.add_parser("serve", help="preview the site, regenerating when content/ changes")
    serve.add_argument("--dev-addr", default="127.0.0.1:8000")
    dump = sub.add_parser("dump", help="print an intermediate result as JSON")
    dump.add_argument("what", choices=["tree", "report", "toc"])
    dump.add_argument("document", help="a document's slug (e.g. sooke-2006) or its content file")
    args = parser.parse_args(argv)
    root = Path.cwd()
    if not (root / MKDOCS_YML).exists() and args.command != "dump":
        print(f"clausebook: {root}: no {MKDOCS_YML} here: run clausebook in the repository root", file=sys.stderr)
        return 2
    if args.command in ("build", "serve"):
        ensure_docs_dir(root)
    if args.command == "build":
        return run_build(root, args.strict, args.site_dir)
    if args.command == "serve":
        return run_serve(root, args.dev_addr)
    return run_dump(root, args.what, args.document)


def ensure_docs_dir(root: Path) -> None:
    """MkDocs refuses a docs_dir that does not exist; on a fresh clone the generated one does not."""
    import yaml

    try:
        data = yaml.load((root / MKDOCS_YML).read_text(encoding="utf-8"), Loader=yaml.BaseLoader) or {}
    except yaml.YAMLError:
        return  # MkDocs reports the broken file itself
    (root / data.get("docs_dir", "docs")).mkdir(parents=True, exist_ok=True)


def run_build(root: Path, strict: bool, site_dir: str | None) -> int:
    from mkdocs import exceptions
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    from generator import build as build_module
    from generator.pipeline import excepthook_message
    from generator.report import printable

    _quiet_mkdocs_logs()
    build_module.LAST = None  # this build's problems only
    overrides = {"site_dir": site_dir} if site_dir else {}
    try:
        config = load_config(str(root / MKDOCS_YML), **overrides)
        build(config)
    except exceptions.MkDocsException as err:
        print(f"clausebook: the site was not built: {err}", file=sys.stderr)
        return 1
    except Exception as err:  # noqa: BLE001 - a bug outside any one document: one line, no traceback
        _print_problems(build_module.LAST)
        print(printable(excepthook_message(err)), file=sys.stderr)
        if os.environ.get("CLAUSEBOOK_VERBOSE") == "1":
            raise
        return 1
    problems = build_module.LAST.all_problems() if build_module.LAST else []
    errors = [p for p in problems if p.level == "error"]
    if strict and errors:
        print(f"clausebook: --strict: {len(errors)} error(s) in the sources (listed above)", file=sys.stderr)
        return 1
    return 0


def _print_problems(build) -> None:
    """The located problems found before a crash: they may say what caused it."""
    from generator.report import printable

    for problem in build.all_problems() if build else []:
        if problem.level == "error":
            print(printable(f"clausebook: {problem}"), file=sys.stderr)


def run_serve(root: Path, dev_addr: str) -> int:
    """MkDocs' serve with dirty rebuilds: a rebuild re-parses only the sources that changed
    (doc_cache), renders only the pages whose Markdown changed and rewrites only the data files
    that changed (serve_state); a change to what every page shows is a full rebuild."""
    from mkdocs.commands.serve import serve

    from generator import build as build_module
    from generator import serve_state
    from generator.doc_cache import DocumentCache

    build_module.CACHE = DocumentCache()  # a rebuild re-parses only the sources that changed
    serve_state.SERVE = serve_state.ServeState()
    _quiet_mkdocs_logs(level=logging.INFO)  # "Serving on http://127.0.0.1:8000/" and rebuilds
    quiet_dirty_warning()
    print(f"clausebook: previewing on http://{dev_addr}/ (Ctrl+C to stop); edits in content/ rebuild it")
    serve(str(root / MKDOCS_YML), dev_addr=dev_addr, livereload=True, build_type="dirty")
    return 0


class _NotDirtyWarning(logging.Filter):
    """MkDocs warns on every dirty build that the menu may be wrong; serve_state rebuilds fully
    when the menu changed, and with mkdocs.yml's `strict: true` the warning would stop the build."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not record.getMessage().startswith("A 'dirty' build is being performed")


def quiet_dirty_warning() -> None:
    logger = logging.getLogger("mkdocs.commands.build")
    if not any(isinstance(f, _NotDirtyWarning) for f in logger.filters):
        logger.addFilter(_NotDirtyWarning())


def run_dump(root: Path, what: str, document: str) -> int:
    import signal

    from generator.build import load

    signal.signal(signal.SIGPIPE, signal.SIG_DFL)  # `clausebook dump tree x | head` ends quietly
    build = load(root)
    for doc in build.documents:
        if document in (doc.slug, str(doc.source.path), doc.source.path.name):
            if what == "tree":
                data = doc.root.to_json()
            elif what == "toc":
                data = [vars(e) for e in doc.toc]
            else:
                from generator.render.data import report
                data = report(doc)
            print(json.dumps(data, indent=1, ensure_ascii=False))
            return 0
    known = ", ".join(d.slug for d in build.documents)
    print(f"clausebook: no document '{document}': known documents are {known}", file=sys.stderr)
    return 2


def _quiet_mkdocs_logs(level: int = logging.WARNING) -> None:
    """MkDocs' own warnings and errors (a broken link, a bad page) reach the terminal, one line
    each; its progress messages only with CLAUSEBOOK_VERBOSE=1."""
    logger = logging.getLogger("mkdocs")
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("mkdocs: %(levelname)s: %(message)s"))
    logger.addHandler(handler)
    logger.setLevel(logging.INFO if os.environ.get("CLAUSEBOOK_VERBOSE") == "1" else level)
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")


if __name__ == "__main__":
    sys.exit(main())
