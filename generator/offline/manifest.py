"""The web app manifest: what a phone needs to install the site to its home screen.

Every URL in it is relative to the manifest itself (site/manifest.webmanifest, at the site root),
so `start_url` and `scope` are the site root whether it is deployed at a domain root or under a
GitHub Pages project path (/<repo>/). Text from site_config is written with json_text: data,
never markup.
"""
from __future__ import annotations

import re

from ..render.escape import json_text
from .icons import ICONS

# Material's "red" primary colour (mkdocs.yml palette primary: red), the header's colour.
THEME_COLOUR = "#ef5350"
SHORT_NAME_CHARS = 12  # what a home screen shows under an icon before it cuts the name


def short_name(name: str, given: str = "") -> str:
    """site.yml's short_name, else the name's first part ("Clausebook: our agreements" ->
    "Clausebook"), else its first words that fit SHORT_NAME_CHARS."""
    if given.strip():
        return " ".join(given.split())
    head = re.split(r"\s*[:–—|]\s*|\s+-\s+", " ".join(name.split()))[0] or "Clausebook"
    if len(head) <= SHORT_NAME_CHARS:
        return head
    words, out = head.split(), ""
    for word in words:
        if len(f"{out} {word}".strip()) > SHORT_NAME_CHARS:
            break
        out = f"{out} {word}".strip()
    return out or head[:SHORT_NAME_CHARS]


def manifest(name: str, short: str, description: str) -> dict:
    """The manifest's data (https://www.w3.org/TR/appmanifest/)."""
    return {
        "name": " ".join(name.split()) or "Clausebook",
        "short_name": short_name(name, short),
        "description": " ".join(description.split()),
        "id": "./",
        "start_url": "./",
        "scope": "./",
        "display": "standalone",
        "background_color": "#ffffff",
        "theme_color": THEME_COLOUR,
        "lang": "en",
        "icons": [{"src": f"icons/{icon.name}", "sizes": f"{icon.size}x{icon.size}",
                   "type": "image/png", "purpose": icon.purpose} for icon in ICONS],
    }


def manifest_text(name: str, short: str, description: str) -> str:
    return json_text(manifest(name, short, description), indent=1)
