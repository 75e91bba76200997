"""site_config/terms.yml: per-document corrections to the defined-terms finder, as data.

    <document slug>:
      add:                      # a term the finder missed
        - term: Registrants
          cite: "30.2"          # the clause that defines it (required)
          aliases: [registrant] # optional: other spellings also marked
          definition: "..."     # optional: default = the text of the cited clause
          scope: "30"           # optional: the citation it is limited to (default: whole document)
      suppress: [Report]        # terms the finder got wrong: no glossary entry, no tooltip
      scope:                    # a found term limited to one part of the document
        Compensation: G.26
      aliases:                  # other spellings of a found term, marked too
        alternative school calendar: [alternate school calendar]

Every problem names the file and line and says what to do. `load_terms` checks the shape of
the file; the terms pass checks the rest against its document (a cite that does not exist, a
suppressed term that was never found).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml

from .inputs.check import Where, check
from .inputs.schema import AddedTermModel
from .inputs.yaml_lines import YamlDoc
from .model import Problem

FILE = "terms.yml"
DOC_KEYS = {"add", "suppress", "scope", "aliases"}
ADD_KEYS = {"term", "cite", "aliases", "definition", "scope"}


@dataclass
class AddedTerm:
    term: str
    cite: str
    aliases: list[str] = field(default_factory=list)
    definition: str = ""
    scope: str = ""
    line: int = 0


@dataclass
class DocTerms:
    """The corrections for one document."""

    add: list[AddedTerm] = field(default_factory=list)
    suppress: list[str] = field(default_factory=list)
    scope: dict[str, str] = field(default_factory=dict)
    aliases: dict[str, list[str]] = field(default_factory=dict)


@dataclass
class TermsConfig:
    path: str = ""
    documents: dict[str, DocTerms] = field(default_factory=dict)
    lines: dict[str, int] = field(default_factory=dict)  # slug -> its line in the file

    def for_document(self, slug: str) -> DocTerms:
        return self.documents.get(slug, DocTerms())


_current = TermsConfig()  # the config of the latest build (set when site_config/ is read)


def current() -> TermsConfig:
    """The terms config the latest `load_site_config` read (empty before any build)."""
    return _current


def use(config: TermsConfig) -> None:
    global _current
    _current = config


def load_terms(folder: Path) -> tuple[TermsConfig, list[Problem]]:
    """Read site_config/terms.yml; a missing file is no correction, a bad one a located problem."""
    path = folder / FILE
    shown = str(path)
    if not path.exists():
        return TermsConfig(), []
    text = path.read_text(encoding="utf-8")
    try:
        data = yaml.compose(text)
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        line = mark.line + 1 if mark else text[: getattr(err, "position", 0)].count("\n") + 1
        return TermsConfig(shown), [Problem(shown, line,
                                            f"{FILE} is not valid YAML: {_first_line(err)}", "error")]
    config, problems = TermsConfig(shown), []
    if data is None:
        return config, []
    if not isinstance(data, yaml.MappingNode):
        return config, [_bad(shown, data, f"{FILE} must map document slugs to corrections "
                                          "('sooke-2006:' then 'add:', 'suppress:' or 'scope:')")]
    for slug_node, body in data.value:
        if not isinstance(slug_node, yaml.ScalarNode):
            problems.append(_bad(shown, slug_node, f"{FILE} must map document slugs to corrections: "
                                 "a slug is a plain word such as 'sooke-2006:'"))
            continue
        slug = slug_node.value
        doc, doc_problems = _document(shown, slug, body)
        problems += doc_problems
        config.documents[slug] = doc
        config.lines[slug] = slug_node.start_mark.line + 1
    return config, problems


def _first_line(err: yaml.YAMLError) -> str:
    return str(getattr(err, "problem", None) or err).split("\n")[0]


def _document(shown: str, slug: str, node) -> tuple[DocTerms, list[Problem]]:
    doc, problems = DocTerms(), []
    if not isinstance(node, yaml.MappingNode):
        return doc, [_bad(shown, node, f"'{slug}:' must hold 'add:', 'suppress:' or 'scope:'")]
    for key_node, value in node.value:
        key = key_node.value
        if key not in DOC_KEYS:
            problems.append(_bad(shown, key_node, f"unknown key '{key}' under '{slug}': known keys are "
                                 + ", ".join(sorted(DOC_KEYS))))
        elif key == "add":
            items = value.value if isinstance(value, yaml.SequenceNode) else None
            if items is None:
                problems.append(_bad(shown, value, f"'{slug}: add:' must be a list of terms ('- term: ...')"))
                continue
            for item in items:
                added, found = _added(shown, slug, item)
                if added:
                    doc.add.append(added)
                problems += found
        elif key == "suppress":
            if not isinstance(value, yaml.SequenceNode) or not all(isinstance(v, yaml.ScalarNode) for v in value.value):
                problems.append(_bad(shown, value, f"'{slug}: suppress:' must be a list of terms, e.g. [Report, Fund]"))
                continue
            doc.suppress += [v.value for v in value.value]
        elif key == "aliases":
            if not isinstance(value, yaml.MappingNode) or not all(
                    isinstance(k, yaml.ScalarNode) and isinstance(v, yaml.SequenceNode)
                    and all(isinstance(a, yaml.ScalarNode) for a in v.value) for k, v in value.value):
                problems.append(_bad(shown, value, f"'{slug}: aliases:' must map terms to lists, e.g. "
                                     "'alternative school calendar: [alternate school calendar]'"))
                continue
            doc.aliases.update({k.value: [a.value for a in v.value] for k, v in value.value})
        else:
            if not isinstance(value, yaml.MappingNode):
                problems.append(_bad(shown, value, f"'{slug}: scope:' must map terms to citations, e.g. 'Compensation: G.26'"))
                continue
            doc.scope.update({k.value: str(v.value) for k, v in value.value
                              if isinstance(k, yaml.ScalarNode) and isinstance(v, yaml.ScalarNode)})
    return doc, problems


def _added(shown: str, slug: str, node) -> tuple[AddedTerm | None, list[Problem]]:
    if not isinstance(node, yaml.MappingNode) or not all(isinstance(k, yaml.ScalarNode) for k, _ in node.value):
        return None, [_bad(shown, node, f"each entry of '{slug}: add:' needs 'term:' and 'cite:'")]
    values = {k.value: v for k, v in node.value}
    unknown = sorted(set(values) - ADD_KEYS)
    if unknown:
        return None, [_bad(shown, node, f"unknown key '{unknown[0]}' in a term of '{slug}: add:': known keys are "
                           + ", ".join(sorted(ADD_KEYS)))]
    if "term" not in values or "cite" not in values:
        return None, [_bad(shown, node, f"each entry of '{slug}: add:' needs 'term:' and 'cite:'")]
    # The types (one line of text; aliases a word or a list of words) come from the schema.
    lines = {(k.value,): k.start_mark.line + 1 for k, _ in node.value}
    data = {k: _plain(v) for k, v in values.items()}
    needs = f"each entry of '{slug}: add:' needs 'term:' and 'cite:'"
    checked = check(AddedTermModel, data, Where(shown, YamlDoc(data, lines), missing_line=node.start_mark.line + 1),
                    required={"term": needs, "cite": needs}, required_bad=f"this entry of '{slug}: add:' is not used until then")
    if checked.value is None:
        return None, checked.problems
    model = checked.value
    return AddedTerm(term=model.term, cite=model.cite, aliases=model.aliases, definition=model.definition,
                     scope=model.scope, line=node.start_mark.line + 1), checked.problems


def _plain(node):
    """A node as plain data, every scalar the text written (`cite: 2024-13-45` is text, not a date)."""
    if isinstance(node, yaml.ScalarNode):
        return node.value
    if isinstance(node, yaml.SequenceNode):
        return [_plain(item) for item in node.value]
    return {str(_plain(k)): _plain(v) for k, v in node.value}


def _bad(shown: str, node, message: str) -> Problem:
    return Problem(shown, node.start_mark.line + 1 if node is not None else 1, message, "error")


def unknown_documents(config: TermsConfig, slugs: set[str]) -> list[Problem]:
    """Corrections for a document that does not exist (a typo in its slug)."""
    return [Problem(config.path, config.lines.get(slug, 1), f"{FILE} has corrections for '{slug}', which is not a document: "
                    "known documents are " + ", ".join(sorted(slugs)), "error")
            for slug in config.documents if slug not in slugs]
