"""site_config/: the site's name, address and repository, as data the web volunteer edits."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

from . import terms_config
from .model import Problem

KEYS = {"name", "description", "site_url", "repo_url", "local"}


@dataclass
class SiteConfig:
    name: str = "Clausebook"
    description: str = ""
    site_url: str = ""
    repo_url: str = ""
    local: str = ""


def load_site_config(folder: Path) -> tuple[SiteConfig, list[Problem]]:
    """Read site_config/site.yml, and terms.yml for the defined-terms pass (terms_config.current())."""
    config, problems = _site_yml(folder)
    terms, term_problems = terms_config.load_terms(folder)
    terms_config.use(terms)
    return config, problems + term_problems


def _site_yml(folder: Path) -> tuple[SiteConfig, list[Problem]]:
    """Read site_config/site.yml; a missing file gives defaults, a bad one a located problem."""
    path = folder / "site.yml"
    if not path.exists():
        return SiteConfig(), []
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        return SiteConfig(), [Problem(str(path), mark.line + 1 if mark else 1,
                                      "site.yml is not valid YAML: write one 'key: value' per line", "error")]
    unknown = sorted(set(data) - KEYS) if isinstance(data, dict) else ["(not a mapping)"]
    if unknown:
        return SiteConfig(), [Problem(str(path), 1, f"unknown key '{unknown[0]}' in site.yml: known keys are "
                                      + ", ".join(sorted(KEYS)), "error")]
    return SiteConfig(**{k: str(v) for k, v in data.items() if v is not None}), []
