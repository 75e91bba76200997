"""Stage 1, sources: read every file of content/ into a Source, or a located, one-line problem.

The body is kept exactly as pasted (line numbers of the file are preserved), because cleaning
is the generator's job and "nothing is lost" is checked against it. Only control characters
are removed here, and reported (inputs/boundary.py). The front matter is validated against its
kind's model (inputs/schema.py): a bad value is reported and left out, an unknown key is a
warning, and only a document that cannot be published at all (no title, a bulletin without a
date, a web address another document has) is refused.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .inputs.boundary import (Slugs, c1_problems, control_problems, fix_c1, make_slug, refused_path,
                              strip_controls)
from .inputs.check import Where, check
from .inputs.schema import FRONT_MATTER, FrontMatter
from .inputs.yaml_lines import YamlDoc, YamlError, read_yaml
from .model import DocMeta, Hints, NumberingHint, Problem, Source

FOLDER_KINDS = {"agreements": "agreement", "bylaws": "bylaws", "bulletins": "bulletin", "pages": "page"}
KIND_NAMES = {"agreement": "an agreement", "bylaws": "bylaws", "bulletin": "a bulletin", "page": "a page"}
REQUIRED = {"title": "front matter needs 'title: <the document's title>'",
            "date": "a bulletin needs 'date: YYYY-MM-DD'"}


class SourceError(Exception):
    """A source that cannot be used; carries a Problem naming file, line and what to do."""

    def __init__(self, problem: Problem):
        super().__init__(str(problem))
        self.problem = problem


@dataclass
class Read:
    """One file read: its Source (None when it cannot be published) and every problem found."""

    source: Source | None
    problems: list[Problem] = field(default_factory=list)
    slug_line: int = 1  # the line of `slug:`, or 1 when the slug comes from the file name (never 1 else)


def read_sources(content_dir: Path) -> tuple[list[Source], list[Problem]]:
    """Read all `*.md` files below content/<kind>/; bad files become problems, the rest go on.

    Two documents with one web address would overwrite each other's pages, so the second is
    refused: a file named for the address keeps it over one that asks for it with `slug:`
    (`sooke-2006.md` over `copy.md` with `slug: sooke-2006`), then folder and file-name order.
    """
    reads, problems = [], []
    for folder, kind in FOLDER_KINDS.items():
        for path in sorted((content_dir / folder).glob("*.md")):
            read = check_source(path, kind, content_dir.parent)
            problems += read.problems
            if read.source is not None:
                reads.append(read)
    slugs, refused = Slugs(), {}
    for n in sorted(range(len(reads)), key=lambda n: reads[n].slug_line > 1):  # stable: file order within
        shown = str(reads[n].source.path)
        why = slugs.refuse(reads[n].source.meta.slug, shown)
        if why:
            refused[n] = Problem(shown, reads[n].slug_line, why, "error")
    problems += [refused[n] for n in sorted(refused)]
    return [r.source for n, r in enumerate(reads) if n not in refused], problems


def read_source(path: Path, kind: str, root: Path | None = None) -> Source:
    """Read one source file; raise SourceError with a located message when it cannot be used
    (its warnings, and the errors of values left out, are in check_source's answer)."""
    read = check_source(path, kind, root)
    if read.source is None:
        raise SourceError(next(p for p in read.problems if p.level == "error"))
    return read.source


def check_source(path: Path, kind: str, root: Path | None = None) -> Read:
    """Read and validate one source file: never raises for anything the file contains."""
    shown = _shown(path, root)
    refused = refused_path(path, root or path.parent)
    if refused:
        return Read(None, [Problem(shown, 1, f"{path.name} {refused}", "error")])
    problems: list[Problem] = []
    try:
        text, controls = strip_controls(_decode(path, shown), keep="\x0c")  # page breaks: the cleaner's
        problems += control_problems(shown, controls)
        fm_text, body, first_line = _split_front_matter(text, shown)
        fm_text = fm_text.replace("\x0c", " ")  # a page break in front matter is only a space
        fm_text, c1 = fix_c1(fm_text, 2)
        problems += c1_problems(shown, c1)
        doc = _load_yaml(fm_text, shown)
    except SourceError as err:
        return Read(None, problems + [err.problem])
    meta, slug_line, meta_problems = _meta(doc, path, kind, shown)
    problems += meta_problems
    if meta is None:
        return Read(None, problems)
    if not body.strip():
        return Read(None, problems + [Problem(shown, first_line, "the body is empty: paste the document's "
                                              "text below the closing '---' of the front matter", "error")])
    return Read(Source(path=Path(shown), meta=meta, body=body, first_line=first_line), problems, slug_line)


def _shown(path: Path, root: Path | None) -> str:
    try:
        return str(path.relative_to(root)) if root else str(path)
    except ValueError:
        return str(path)


def _decode(path: Path, shown: str) -> str:
    """UTF-8 text with '\\n' line ends (a lone '\\r', old Mac style, is a line end too)."""
    try:
        data = path.read_bytes()
    except OSError as err:
        raise SourceError(Problem(shown, 1, f"cannot be read ({err.strerror}): check the file's "
                                  "permissions", "error")) from None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as err:
        line = data[: err.start].count(b"\n") + 1
        raise SourceError(Problem(shown, line, f"not UTF-8 text (byte 0x{data[err.start]:02x}): "
                                  "save the file as UTF-8 and build again", "error")) from None
    return text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")


def _split_front_matter(text: str, shown: str) -> tuple[str, str, int]:
    """Split at the first and second '---' lines, keeping the body byte for byte.

    (python-frontmatter's own split strips blank lines at the top of the body, which would shift
    every line number the report gives.)
    """
    lines = text.split("\n")
    if lines[0].rstrip() != "---":
        raise SourceError(Problem(shown, 1, "no front matter: start the file with a '---' line, "
                                  "'title: ...', and a closing '---' line", "error"))
    for no, line in enumerate(lines[1:], 1):
        if line.rstrip() == "---":
            return "\n".join(lines[1:no]), "\n".join(lines[no + 1:]), no + 2
    raise SourceError(Problem(shown, 1, "front matter is not closed: add a '---' line after "
                              "the 'title: ...' header", "error"))


def _load_yaml(fm_text: str, shown: str) -> YamlDoc:
    try:
        doc = read_yaml(fm_text + "\n")
    except YamlError as err:  # +1 for the opening '---'
        raise SourceError(Problem(shown, err.line + 1, f"front matter is not valid YAML ({err.what}): "
                                  "write one 'key: value' per line", "error")) from None
    if doc.data is None:
        doc.data = {}
    if not isinstance(doc.data, dict):
        raise SourceError(Problem(shown, 2, "front matter must be 'key: value' lines", "error"))
    return doc


def _meta(doc: YamlDoc, path: Path, kind: str, shown: str) -> tuple[DocMeta | None, int, list[Problem]]:
    """The validated front matter as DocMeta (None when the document cannot be published)."""
    model = FRONT_MATTER[kind]
    where = Where(shown, doc, offset=1, missing_line=2)
    data, problems = _other_kinds_keys(dict(doc.data), model, kind, where)
    required_bad = "this bulletin is not published until then" if kind == "bulletin" else "not published until then"
    required = {k: v for k, v in REQUIRED.items() if k in model.model_fields and model.model_fields[k].is_required()}
    checked = check(model, data, where, required, warn_under=(("hints", "numbering"),),
                    unknown="unknown front-matter key '{key}'", required_bad=required_bad)
    problems += checked.problems
    fm = checked.value
    if fm is None:
        return None, 1, sorted(problems, key=lambda p: p.line)
    slug_line = where.line(("slug",)) if fm.slug else 1
    slug, slug_problems = _slug(fm, path, shown, slug_line)
    problems += slug_problems
    if not slug:
        return None, slug_line, problems
    problems += _term_order(fm, where)
    return _doc_meta(fm, kind, slug), slug_line, sorted(problems, key=lambda p: p.line)


def _other_kinds_keys(data: dict, model: type[FrontMatter], kind: str, where: Where):
    """Keys of another content kind ('date:' in an agreement): a warning, and left out."""
    problems = []
    for key in [k for k in data if k not in model.model_fields]:
        owners = [k for k, m in FRONT_MATTER.items() if key in m.model_fields]
        if owners:
            problems.append(Problem(where.path, where.line((key,)), f"'{key}' is not used in {KIND_NAMES[kind]}: "
                                    f"it is ignored (it is a key of {', '.join(FOLDER_OF[o] for o in owners)})"))
            del data[key]
    return data, problems


FOLDER_OF = {kind: folder for folder, kind in FOLDER_KINDS.items()}


def _slug(fm: FrontMatter, path: Path, shown: str, line: int) -> tuple[str, list[Problem]]:
    """The web address: `slug:`, or the file name, slugified when it is not one already."""
    given = fm.slug or path.stem
    slug = make_slug(given)
    what = f"slug '{given}'" if fm.slug else f"the file name '{path.stem}'"
    if not slug:
        return "", [Problem(shown, line, f"{what} has no letters or digits to make a web address from: "
                            "set 'slug: <lower-case-words>' in the front matter", "error")]
    if slug == given:
        return slug, []
    fix = f"write 'slug: {slug}'" if fm.slug else f"rename the file to '{slug}.md'"
    return slug, [Problem(shown, line, f"{what} is not a web address (lower-case letters, digits and '-'): "
                          f"it is published as '{slug}'; {fix} to say so")]


def _term_order(fm: FrontMatter, where: Where) -> list[Problem]:
    start, end = getattr(fm, "term_start", ""), getattr(fm, "term_end", "")
    if start and end and end < start:
        return [Problem(where.path, where.line(("term_end",)), f"term_end {end} is before term_start "
                        f"{start}: check both dates against the agreement's cover")]
    return []


def _doc_meta(fm: FrontMatter, kind: str, slug: str) -> DocMeta:
    values = fm.model_dump()
    hints = values.pop("hints", None)
    values.pop("slug")
    fields = {k: v for k, v in values.items() if k in DocMeta.__dataclass_fields__}
    return DocMeta(slug=slug, kind=kind, hints=_hints(hints), **fields)


def _hints(values: dict | None) -> Hints:
    if not values:
        return Hints()
    numbering = NumberingHint(**values.pop("numbering"))
    return Hints(numbering=numbering, **values)
