"""Lighthouse's installability audits (its PWA category) for a built site, as a phone sees it:
  ./scripts/build && ./scripts/benchmark --installable [--site DIR]

Lighthouse 12 dropped the PWA category (installable-manifest, maskable-icon, themed-omnibox,
splash-screen); Lighthouse 11.7, the last to have it, is installed once into
scripts/.bench-lh11 (git-ignored) with npm. The same installability check Chromium makes is a
browser test (tests/site/test_offline_browser.py); this prints Lighthouse's own verdicts.
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

import benchmark

ROOT = Path(__file__).resolve().parent.parent
LH11 = ROOT / "scripts" / ".bench-lh11"


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--installable", action="store_true")
    parser.add_argument("--site", default=str(ROOT / "site"))
    parser.add_argument("--chromium", default=os.environ.get("CLAUSEBOOK_CHROMIUM", "/usr/bin/chromium"))
    args = parser.parse_args(argv)
    lighthouse = LH11 / "node_modules" / ".bin" / "lighthouse"
    if not lighthouse.exists():
        LH11.mkdir(parents=True, exist_ok=True)
        print(f"benchmark: installing lighthouse@11 into {LH11} (once)", file=sys.stderr)
        subprocess.run(["npm", "install", "--prefix", str(LH11), "--no-audit", "--no-fund",
                        "--loglevel=error", "lighthouse@11"], check=True)
    server, base = benchmark.serve(Path(args.site))
    try:
        for path in ("", "sooke-2006/", "sooke-2006/article-12/"):
            out = subprocess.run(
                [str(lighthouse), base + path, "--only-categories=pwa", "--output=json", "--quiet",
                 "--chrome-flags=--headless=new --no-sandbox"],
                capture_output=True, text=True, timeout=300,
                env={**os.environ, "CHROME_PATH": args.chromium})
            report = json.loads(out.stdout)
            audits = [(ref["id"], report["audits"][ref["id"]]) for ref in report["categories"]["pwa"]["auditRefs"]]
            verdicts = ", ".join(f"{name} {'pass' if a['score'] == 1 else a['score']}"
                                 for name, a in audits if a["scoreDisplayMode"] != "manual")
            print(f"/{path}: Lighthouse {report['lighthouseVersion']} PWA {report['categories']['pwa']['score']}: {verdicts}")
    finally:
        server.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
