"""Statutes and outside documents: a table in site_config/statutes.yml the web volunteer extends.

A name found in an agreement ("Labour Relations Code", "the School Act") links to its official
page; an Act or Code not in the table is left as text and listed in the build report.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from .inputs.check import Where, check
from .inputs.schema import StatuteModel
from .inputs.yaml_lines import YamlError, read_yaml_file
from .model import Problem

# A capitalised name ending in Act / Code: "Public Education Labour Relations Act", "Human Rights Code".
NAME = re.compile(r"(?<![\w(])(?:\(?[A-Z][\w'’()-]*\s+(?:(?:of|and|on|for|in|the|over|to)\s+){0,2}){1,8}(?:Act|Code)\b")


def normalise(name: str) -> str:
    name = name.replace("’", "'").lower()
    name = re.sub(r"^the\s+", "", name)
    name = re.sub(r"[^a-z0-9 ]+", "", name)
    return re.sub(r"\s+", " ", name).strip()


@dataclass
class Statutes:
    """name (normalised) -> URL, and the unknown names met during a build, with where."""

    urls: dict[str, str] = field(default_factory=dict)
    names: list[str] = field(default_factory=list)  # printed names, longest first, for finding
    unknown: dict[str, tuple[str, int]] = field(default_factory=dict)

    def url(self, name: str) -> str:
        """The URL of a name, or of a known name inside it ("the BC Employment Standards Act")."""
        exact = self.urls.get(normalise(name), "")
        if exact:
            return exact
        inside = self.find(name)
        return inside[0][2] if inside else ""

    def find(self, text: str) -> list[tuple[int, int, str]]:
        """Known names in a text: (start, end, url), longest first, not overlapping."""
        found: list[tuple[int, int, str]] = []
        lower = text.lower().replace("’", "'")
        for name in self.names:
            if name.lower() not in lower:
                continue  # the name's own letters are not in the text: no match (most blocks, most names)
            for match in re.finditer(r"\b" + re.escape(name.lower()) + r"\b", lower):
                if not any(s < match.end() and match.start() < e for s, e, _ in found):
                    found.append((match.start(), match.end(), self.url(name)))
        return sorted(found)

    def candidates(self, text: str) -> list[str]:
        """Names shaped like a statute ("... Act", "... Code") that the table does not know."""
        if "Act" not in text and "Code" not in text:
            return []  # every NAME ends in one of them
        names = [m.group(0) for m in NAME.finditer(text) if not self.url(m.group(0))]
        return [n for n in names if not any(n != other and n in other for other in names)]

    def problems(self) -> list[Problem]:
        return [Problem(path, line, f"unknown statute or outside document '{name}': left as text; add "
                        "it to site_config/statutes.yml to link it")
                for name, (path, line) in sorted(self.unknown.items())]


def load_statutes(folder: Path) -> tuple[Statutes, list[Problem]]:
    """Read site_config/statutes.yml (a list of {name, aliases, url}); a bad entry is reported
    with its line and left out, the others are used."""
    path = folder / "statutes.yml"
    shown = f"{folder.name}/statutes.yml"
    statutes = Statutes()
    if not path.exists():
        return statutes, []
    try:
        doc = read_yaml_file(path, shown)
    except YamlError as err:
        return statutes, [Problem(shown, err.line, f"statutes.yml is not valid YAML ({err.what}): "
                                  "write one '- name: ...' entry with its 'url: ...'", "error")]
    entries = [] if doc.data is None else doc.data
    if not isinstance(entries, list):
        return statutes, [Problem(shown, 1, "statutes.yml must be a list of entries, each "
                                  "'- name: <the Act>' and '  url: https://...'", "error")]
    problems = []
    for k, entry in enumerate(entries):
        where = Where(shown, doc, prefix=(k,), missing_line=doc.line((k,)))
        checked = check(StatuteModel, entry, where, required=REQUIRED, unknown="unknown key '{key}' in a statute",
                        required_bad="this entry is not linked until then")
        problems += checked.problems
        if checked.value is not None:
            _add(statutes, checked.value)
    statutes.names.sort(key=len, reverse=True)
    return statutes, problems


REQUIRED = {"name": "each entry of statutes.yml needs 'name:' and 'url:': add the Act's name as agreements print it",
            "url": "each entry of statutes.yml needs 'name:' and 'url:': add 'url: https://...' (its official page)"}


def _add(statutes: Statutes, entry: StatuteModel) -> None:
    for name in [entry.name] + entry.aliases:
        if not normalise(name):  # "!!!" would match nothing, and everything with no name
            continue
        statutes.urls[normalise(name)] = entry.url
        statutes.names.append(name)
