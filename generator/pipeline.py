"""The whole pipeline for one source: sources -> clean -> tree -> passes. Rendering is separate.

Every stage runs inside `isolated(...)`: an exception in one document, including a bug nobody has
found yet, becomes a located error for that document (DocumentFailed) and the build goes on with
the others. The error names the file, the line being processed when it is known, what the
volunteer can do, and a `please report: KeyError: 'x' at generator/passes/refs_find.py:106` line
to paste into a bug report.
"""
from __future__ import annotations

from contextlib import contextmanager
from pathlib import Path
from types import TracebackType
from typing import Iterator

from .clean import clean
from .model import Block, Document, Line, Node, Problem, Source
from .passes import finish
from .passes.citations import assign_anchors, assign_pages, check_structure
from .statutes import Statutes
from .tree.parse import parse

PACKAGE = Path(__file__).resolve().parent  # generator/
STAGES = {
    "read": "reading",
    "clean": "cleaning",
    "parse": "finding the numbering of",
    "annotate": "linking references and terms in",
    "link": "linking the citations of",
    "render": "writing the pages of",
    "data": "writing the data files of",
}

LEFT_OUT = "left out of the site (the rest is built)"
WITHOUT_LINKS = "published without its cross-reference and defined-term links"


class BadInput(Exception):
    """A known problem of a source found late (e.g. while rendering): its Problem, as written."""

    def __init__(self, problem: Problem):
        super().__init__(str(problem))
        self.problem = problem


class DocumentFailed(Exception):
    """One document could not go through a stage; `problem` says where and what to do."""

    def __init__(self, problem: Problem):
        super().__init__(str(problem))
        self.problem = problem


def load_document(source: Source, statutes: Statutes | None = None) -> Document:
    """Clean, parse and annotate one source into a Document; raise DocumentFailed (a located
    error) if cleaning or parsing fails on it, so the caller can go on with the other sources.

    When annotating fails (references, defined terms), the document is parsed again and
    published without those links, with a located error (so `--strict` still fails): members
    keep the text, the volunteer gets the line and a bug to report."""
    path = str(source.path)
    document = _parsed(source)
    try:
        finish(document, statutes)
        return document
    except BadInput as err:
        problem = err.problem
    except Exception as err:  # noqa: BLE001 - see the docstring
        problem = crash_problem(path, "annotate", err, source.first_line, WITHOUT_LINKS)
    document = _parsed(source)
    with isolated(path, "annotate", source.first_line):
        assign_anchors(document)  # what pages and permanent links need; no references, no terms
        assign_pages(document)
        check_structure(document)
    document.problems.append(problem)
    return document


def _parsed(source: Source) -> Document:
    path = str(source.path)
    with isolated(path, "clean", source.first_line):
        cleaned = clean(source)
    with isolated(path, "parse", source.first_line):
        root, problems = parse(source, cleaned)
        problems = cleaned.problems + problems  # the cleaner's warnings (a TOC cut short) first
        cleaned.removed.sort(key=lambda artifact: artifact.first_line)
    return Document(source=source, root=root, removed=cleaned.removed, problems=problems, toc=cleaned.toc)


@contextmanager
def isolated(path: str, stage: str, line: int = 1) -> Iterator[None]:
    """Run a stage for one document: BadInput and any other exception become DocumentFailed."""
    try:
        yield
    except DocumentFailed:
        raise
    except BadInput as err:
        raise DocumentFailed(err.problem) from err
    except Exception as err:  # noqa: BLE001 - the point: a bug in one document stops only it
        raise DocumentFailed(crash_problem(path, stage, err, line)) from err


def crash_problem(path: str, stage: str, err: BaseException, line: int = 1, outcome: str = LEFT_OUT) -> Problem:
    """The located error for an unexpected exception while `stage` ran on the file at `path`."""
    where = line_in_traceback(err.__traceback__) or line
    return Problem(path, where, (
        f"Clausebook failed while {STAGES.get(stage, stage)} this document, so it is {outcome}: "
        "the text near this line has a shape Clausebook does not handle yet; rewording it may "
        f"get round the problem until it is fixed; please report: {bug_line(err)}"), "error")


def bug_line(err: BaseException) -> str:
    """ "KeyError: 'subclauses' at generator/passes/refs_find.py:106": one line for a bug report."""
    message = " ".join(str(err).split())
    if len(message) > 200:
        message = message[:197] + "..."
    return f"{type(err).__name__}: {message} at {origin(err.__traceback__)}"


def origin(tb: TracebackType | None) -> str:
    """The innermost frame of the traceback inside the generator package ("generator/x.py:12"),
    or the innermost frame at all when the exception came from a library with no frame of ours."""
    ours = last = "unknown place"
    while tb is not None:
        file = Path(tb.tb_frame.f_code.co_filename)
        last = f"{file.name}:{tb.tb_lineno}"
        try:
            ours = f"generator/{file.resolve().relative_to(PACKAGE).as_posix()}:{tb.tb_lineno}"
        except ValueError:
            pass
        tb = tb.tb_next
    return ours if ours != "unknown place" else last


def line_in_traceback(tb: TracebackType | None) -> int:
    """The source line being processed when the exception was raised, from the innermost frame
    holding a cleaned Line, a Block or a Node (0 when none does). Works for any stage without
    the stage having to say where it is."""
    frames = []
    while tb is not None:
        frames.append(tb.tb_frame)
        tb = tb.tb_next
    for frame in reversed(frames):
        line = _line_of_locals(frame.f_locals.values())
        if line:
            return line
    return 0


def _line_of_locals(values) -> int:
    """A Line's number first (the most precise), then a Block's, then a Node's."""
    found = {Line: 0, Block: 0, Node: 0}
    for value in values:
        for kind in found:
            if isinstance(value, kind) and not found[kind]:
                found[kind] = value.no if kind is Line else value.line
    return found[Line] or found[Block] or found[Node]


def excepthook_message(err: BaseException) -> str:
    """What `clausebook build` prints for an exception no document stage caught."""
    return (f"clausebook: the site was not built: an internal error; please report: {bug_line(err)}")

