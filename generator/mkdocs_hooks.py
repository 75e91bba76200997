"""MkDocs hooks: run the Clausebook pipeline inside `mkdocs build` / `mkdocs serve`.

on_config generates the Markdown (so `serve` regenerates when content/ changes) and sets the
nav and site name; on_post_build writes clauses.json, report.json and the short URLs.
"""
from __future__ import annotations

import logging
import os
from pathlib import Path

from generator import build as build_module
from generator import terms_config
from generator.build import generate
from generator.render.data import write_data
from generator.render.search import write_search_index
from generator.report import print_report

log = logging.getLogger("mkdocs.plugins.clausebook")


def on_config(config, **kwargs):
    root = Path(config.config_file_path).parent
    build = generate(root, Path(config.docs_dir))
    build_module.LAST = build  # for `clausebook build --strict`, which reads its problems
    build.problems += terms_config.unknown_documents(terms_config.current(), {d.slug for d in build.documents})
    config.nav = build.rendered.nav
    if build.config.name:
        config.site_name = build.config.name
    # The Pages workflow passes the real address (https://<owner>.github.io/<repo>/).
    site_url = os.environ.get("CLAUSEBOOK_SITE_URL") or build.config.site_url
    if site_url and not config.site_url:
        config.site_url = site_url
    if build.config.repo_url and not config.repo_url:
        config.repo_url = build.config.repo_url
    return config


def on_post_build(config, **kwargs):
    build = build_module.LAST
    if build is None:
        return
    site_dir = Path(config.site_dir)
    for doc in build.documents:
        write_data(doc, site_dir)
    write_search_index(build.documents, site_dir)  # after Material's search plugin (hooks run last)
    print_report(build, verbose=os.environ.get("CLAUSEBOOK_VERBOSE") == "1")
