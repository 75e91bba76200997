"""The printed build report: per source, what was removed and what needs a look."""
from __future__ import annotations

import re
from collections import Counter

from .build import Build
from .render.data import data_folder


# C0 and C1 control characters (ESC starts a terminal escape sequence), and the line and
# paragraph separators: shown as \x1b, \n etc., so a source's text cannot drive the terminal
# and every problem stays on its one line.
CONTROLS = re.compile(r"[\x00-\x08\x0a-\x1f\x7f-\x9f\u2028\u2029]")


def printable(text: str) -> str:
    """A line of the report with the control characters of content written out as escapes."""
    return CONTROLS.sub(lambda m: m.group(0).encode("unicode_escape").decode("ascii"), str(text))


def print_report(build: Build, verbose: bool = False, shown_per_source: int = 5) -> None:
    """One summary line per source; every error; the first warnings (all with verbose)."""
    for problem in build.problems:
        print(printable(f"clausebook: {problem}"))
    for doc in build.documents:
        kinds = Counter(a.kind for a in doc.removed)
        removed = ", ".join(f"{n} {k}" for k, n in sorted(kinds.items())) or "nothing"
        cites = sum(1 for n in doc.root.walk() if n.cite)
        warnings = [p for p in doc.problems if p.level != "error"]
        print(printable(f"clausebook: {doc.source.path}: {cites} citations; removed {removed}; "
                        f"{len(warnings)} warnings (all in site/{data_folder(doc)}/report.json)"))
        if doc.root.numbering and doc.source.meta.kind in ("agreement", "bylaws"):
            print(printable(f"clausebook:   numbering: {doc.root.numbering}"))
        errors = [p for p in doc.problems if p.level == "error"]
        for problem in errors + warnings[: None if verbose else shown_per_source]:
            print(printable(f"clausebook:   {problem}"))
