"""Statutes and outside documents: a table in site_config/statutes.yml the web volunteer extends.

A name found in an agreement ("Labour Relations Code", "the School Act") links to its official
page; an Act or Code not in the table is left as text and listed in the build report.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

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
            for match in re.finditer(r"\b" + re.escape(name.lower()) + r"\b", lower):
                if not any(s < match.end() and match.start() < e for s, e, _ in found):
                    found.append((match.start(), match.end(), self.url(name)))
        return sorted(found)

    def candidates(self, text: str) -> list[str]:
        """Names shaped like a statute ("... Act", "... Code") that the table does not know."""
        names = [m.group(0) for m in NAME.finditer(text) if not self.url(m.group(0))]
        return [n for n in names if not any(n != other and n in other for other in names)]

    def problems(self) -> list[Problem]:
        return [Problem(path, line, f"unknown statute or outside document '{name}': left as text; add "
                        "it to site_config/statutes.yml to link it")
                for name, (path, line) in sorted(self.unknown.items())]


def load_statutes(folder: Path) -> tuple[Statutes, list[Problem]]:
    path = folder / "statutes.yml"
    statutes = Statutes()
    if not path.exists():
        return statutes, []
    try:
        entries = yaml.safe_load(path.read_text(encoding="utf-8")) or []
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        return statutes, [Problem(str(path), mark.line + 1 if mark else 1,
                                  "statutes.yml is not valid YAML", "error")]
    for k, entry in enumerate(entries):
        if not isinstance(entry, dict) or not entry.get("name") or not entry.get("url"):
            return statutes, [Problem(str(path), 1, f"entry {k + 1} of statutes.yml needs 'name:' and 'url:'", "error")]
        for name in [entry["name"]] + list(entry.get("aliases") or []):
            statutes.urls[normalise(name)] = entry["url"]
            statutes.names.append(name)
    statutes.names.sort(key=len, reverse=True)
    return statutes, []
