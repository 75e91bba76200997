"""Stage 1, sources: read every file of content/ into a Source, or a located, one-line problem.

The body is kept exactly as pasted (line numbers of the file are preserved), because cleaning
is the generator's job and "nothing is lost" is checked against it.
"""
from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import yaml  # for its error types; parsing goes through python-frontmatter
from frontmatter.default_handlers import YAMLHandler

from .model import DocMeta, Hints, Problem, Source

FOLDER_KINDS = {"agreements": "agreement", "bylaws": "bylaws", "bulletins": "bulletin", "pages": "page"}
KNOWN_KEYS = {"title", "slug", "short_title", "employer", "union", "local", "term_start", "term_end",
              "status", "source_pdf", "date", "agreement", "tags", "hints"}
SLUG_RE = re.compile(r"^[a-z0-9][a-z0-9-]*$")


class SourceError(Exception):
    """A source that cannot be used; carries a Problem naming file, line and what to do."""

    def __init__(self, problem: Problem):
        super().__init__(str(problem))
        self.problem = problem


def read_sources(content_dir: Path) -> tuple[list[Source], list[Problem]]:
    """Read all `*.md` files below content/<kind>/; bad files become problems, the rest go on."""
    sources, problems = [], []
    for folder, kind in FOLDER_KINDS.items():
        for path in sorted((content_dir / folder).glob("*.md")):
            try:
                sources.append(read_source(path, kind, content_dir.parent))
            except SourceError as err:
                problems.append(err.problem)
    return sources, problems


def read_source(path: Path, kind: str, root: Path | None = None) -> Source:
    """Read one source file; raise SourceError with a located message when it cannot be used."""
    shown = _shown(path, root)
    text = _decode(path, shown)
    fm_text, body, first_line = _split_front_matter(text, shown)
    data = _load_yaml(fm_text, shown)
    meta = _meta(data, path, kind, shown)
    if not body.strip():
        raise SourceError(Problem(shown, first_line, "the body is empty: paste the document's text "
                                  "below the closing '---' of the front matter", "error"))
    return Source(path=Path(shown), meta=meta, body=body, first_line=first_line)


def _shown(path: Path, root: Path | None) -> str:
    try:
        return str(path.relative_to(root)) if root else str(path)
    except ValueError:
        return str(path)


def _decode(path: Path, shown: str) -> str:
    data = path.read_bytes()
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as err:
        line = data[: err.start].count(b"\n") + 1
        raise SourceError(Problem(shown, line, f"not UTF-8 text (byte 0x{data[err.start]:02x}): "
                                  "save the file as UTF-8 and build again", "error")) from None
    return text.replace("\r\n", "\n").lstrip("\ufeff")


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


def _load_yaml(fm_text: str, shown: str) -> dict:
    try:
        data = YAMLHandler().load(fm_text) or {}
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        line = mark.line + 2 if mark else 1  # +1 for 1-based, +1 for the opening '---'
        what = getattr(err, "problem", None) or "invalid YAML"
        raise SourceError(Problem(shown, line, f"front matter is not valid YAML ({what}): "
                                  "write one 'key: value' per line", "error")) from None
    if not isinstance(data, dict):
        raise SourceError(Problem(shown, 2, "front matter must be 'key: value' lines", "error"))
    return data


def _meta(data: dict, path: Path, kind: str, shown: str) -> DocMeta:
    def fail(key: str, message: str) -> SourceError:
        return SourceError(Problem(shown, _key_line(path, key), message, "error"))

    unknown = sorted(set(data) - KNOWN_KEYS)
    if unknown:
        raise fail(unknown[0], f"unknown front-matter key '{unknown[0]}': known keys are "
                   + ", ".join(sorted(KNOWN_KEYS)))
    title = data.get("title")
    if not isinstance(title, str) or not title.strip():
        raise fail("title", "front matter needs 'title: <the document's title>'")
    slug = str(data.get("slug") or path.stem)
    if not SLUG_RE.match(slug):
        raise fail("slug", f"slug '{slug}' must be lower-case letters, digits and '-' "
                   "(it becomes the web address)")
    status = str(data.get("status") or "")
    if status not in ("", "current", "expired"):
        raise fail("status", f"status '{status}' must be 'current' or 'expired'")
    tags = data.get("tags") or []
    if not isinstance(tags, list):
        raise fail("tags", "tags must be a list, e.g. 'tags: [bargaining, health]'")
    if kind == "bulletin" and not data.get("date"):
        raise fail("date", "a bulletin needs 'date: YYYY-MM-DD'")
    hints = _hints(data.get("hints"), fail)
    fields = {k: _text(data.get(k)) for k in ("short_title", "employer", "union", "local", "term_start",
                                              "term_end", "source_pdf", "date", "agreement")}
    return DocMeta(title=title.strip(), slug=slug, kind=kind, status=status,
                   tags=[str(t) for t in tags], hints=hints, **fields)


def _hints(value, fail) -> Hints:
    """Validate the `hints:` block (see model.Hints); exact messages for a wrong shape."""
    if value is None:
        return Hints()
    if not isinstance(value, dict) or set(value) - {"starts", "external_articles", "parts"}:
        raise fail("hints", "hints may have 'starts:' (unit -> first words), 'parts:' (page name -> first "
                   "words) and 'external_articles:' (the document 'Article B.2.2' refers to)")
    maps = {}
    for key in ("starts", "parts"):
        found = value.get(key) or {}
        if not isinstance(found, dict) or not all(isinstance(v, str) and v.strip() for v in found.values()):
            raise fail("hints", f"hints: {key}: must map a name to the first words where it starts, e.g. "
                       "'Section 4: \"Regular membership meetings\"'")
        maps[key] = {str(k): v.strip() for k, v in found.items()}
    return Hints(starts=maps["starts"], parts=maps["parts"],
                 external_articles=str(value.get("external_articles") or ""))


def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, date):
        return value.isoformat()
    return str(value).strip()


def _key_line(path: Path, key: str) -> int:
    """The line of `key:` in the front matter, for messages (2 if absent: where it should go)."""
    for no, line in enumerate(path.read_text(encoding="utf-8", errors="replace").split("\n")[1:], 2):
        if line.startswith("---"):
            break
        if line.split(":", 1)[0].strip() == key:
            return no
    return 2
