#!/usr/bin/env python3
"""Compare two built sites: is B (a branch's site/) the same site as A (a reference build)?

    python scripts/compare_sites.py /work/ref-site site [--pages-only]

Rules (issue 13, pages written as HTML by the generator):
- every file outside the HTML pages' <article> is byte-identical: the files that are not HTML,
  and each HTML page's text before `<article` and after `</article>`;
- inside <article>: byte-identical, or else the same DOM once whitespace-only text between tags
  is dropped, attributes are compared as sets (order) and character references are decoded
  (BeautifulSoup does that): each such page is listed as "same DOM";
- search/search_index.json and the split search files: identical, else each differing entry is
  printed (location and field) so the difference can be explained.

Exit status 0 when nothing but "same DOM" differences were found.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from bs4 import BeautifulSoup, NavigableString, Tag


def article_parts(text: str) -> tuple[str, str, str] | None:
    """(before, article, after) of an HTML page, or None when it has no <article>."""
    start = text.find("<article")
    end = text.rfind("</article>")
    if start < 0 or end < 0:
        return None
    return text[:start], text[start:end], text[end:]


def normal_dom(html: str) -> list:
    """The article as nested tuples: (tag, sorted attributes, children); text as it is, except
    whitespace-only text between tags, which is dropped."""
    soup = BeautifulSoup(html, "html.parser")
    return [_node(child) for child in soup.contents if _kept(child)]


def _kept(node) -> bool:
    return not (isinstance(node, NavigableString) and not node.strip())


def _node(node):
    if isinstance(node, Tag):
        attrs = tuple(sorted((k, " ".join(v) if isinstance(v, list) else v) for k, v in node.attrs.items()))
        return (node.name, attrs, [_node(c) for c in node.contents if _kept(c)])
    return str(node)


def first_difference(a: list, b: list, path: str = "") -> str:
    """Where two normal DOMs first differ, for the report."""
    for i, (x, y) in enumerate(zip(a, b)):
        if x == y:
            continue
        if isinstance(x, tuple) and isinstance(y, tuple) and x[:2] == y[:2]:
            return first_difference(x[2], y[2], f"{path}/{x[0]}[{i}]")
        return f"{path}[{i}]: {str(x)[:300]!r}\n      vs {str(y)[:300]!r}"
    return f"{path}: {len(a)} vs {len(b)} children"


def compare_search(a: Path, b: Path) -> list[str]:
    """Entries of two search indexes that differ (by location), as report lines."""
    try:
        docs_a, docs_b = (json.loads(p.read_text(encoding="utf-8")) for p in (a, b))
    except ValueError:
        return [f"{a.name}: not JSON"]
    if not (isinstance(docs_a, dict) and "docs" in docs_a):
        return [f"{a.name}: differs (not Material's index layout)"]
    out = []
    if {k: v for k, v in docs_a.items() if k != "docs"} != {k: v for k, v in docs_b.items() if k != "docs"}:
        out.append(f"{a.name}: config differs")
    by_a = {d["location"]: d for d in docs_a["docs"]}
    by_b = {d["location"]: d for d in docs_b["docs"]}
    for loc in sorted(set(by_a) | set(by_b)):
        x, y = by_a.get(loc), by_b.get(loc)
        if x != y:
            fields = sorted(k for k in set(x or {}) | set(y or {}) if (x or {}).get(k) != (y or {}).get(k))
            out.append(f"{a.name}: {loc}: {fields} {str((x or {}).get(fields[0]))[:120]!r} vs {str((y or {}).get(fields[0]))[:120]!r}")
    if [d["location"] for d in docs_a["docs"]] != [d["location"] for d in docs_b["docs"]] and not out:
        out.append(f"{a.name}: same entries, other order")
    return out


def compare(ref: Path, new: Path) -> int:
    files_a = {p.relative_to(ref) for p in ref.rglob("*") if p.is_file()}
    files_b = {p.relative_to(new) for p in new.rglob("*") if p.is_file()}
    problems, same_dom, identical = [], [], 0
    for rel in sorted(files_a ^ files_b):
        problems.append(f"only in {'reference' if rel in files_a else 'new'}: {rel}")
    for rel in sorted(files_a & files_b):
        a, b = (ref / rel).read_bytes(), (new / rel).read_bytes()
        if a == b:
            identical += 1
            continue
        if rel.name == "search_index.json" or rel.parts[0] == "search" and rel.suffix == ".json":
            problems += compare_search(ref / rel, new / rel)
            continue
        if rel.suffix != ".html":
            problems.append(f"differs: {rel}")
            continue
        pa, pb = article_parts(a.decode()), article_parts(b.decode())
        if pa is None or pb is None:
            problems.append(f"differs (no <article>): {rel}")
            continue
        if pa[0] != pb[0] or pa[2] != pb[2]:
            problems.append(f"differs outside <article>: {rel}")
            continue
        dom_a, dom_b = normal_dom(pa[1]), normal_dom(pb[1])
        if dom_a != dom_b:
            problems.append(f"article DOM differs: {rel}: {first_difference(dom_a, dom_b)}")
            continue
        same_dom.append(str(rel))
    print(f"{identical} files byte-identical, {len(same_dom)} pages with the same article DOM "
          f"(not byte-identical), {len(problems)} differences")
    for rel in same_dom[:20]:
        print(f"  same DOM: {rel}")
    if len(same_dom) > 20:
        print(f"  ... and {len(same_dom) - 20} more")
    for line in problems:
        print(f"  {line}")
    return 1 if problems else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("reference", type=Path)
    parser.add_argument("new", type=Path)
    args = parser.parse_args(argv)
    return compare(args.reference, args.new)


if __name__ == "__main__":
    sys.exit(main())
