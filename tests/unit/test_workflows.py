"""The GitHub workflows are kept as a maintained public repository keeps them.

Pages deploys only after the tests pass; every action is pinned to a commit SHA (Dependabot
bumps them); the workflow grants nothing and each job asks for what it needs; no checkout
leaves its token on disk; CI and Pages install hash-checked packages from requirements/ci.txt,
which must cover pyproject.toml; and zizmor, run offline, finds nothing in .github/.
"""
from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
import tomllib
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parents[2]
GITHUB = ROOT / ".github"
WORKFLOWS = sorted((GITHUB / "workflows").glob("*.y*ml"))
LOCK = "requirements/ci.txt"

# `uses: owner/repo[/path]@<40 hex> # vX.Y.Z` -- the comment is what Dependabot rewrites and
# what a reviewer reads; a tag or branch after @ can be moved under us, a SHA cannot.
PINNED = re.compile(r"^[\w.-]+/[\w./-]+@[0-9a-f]{40} # v\d+\.\d+\.\d+$")
USES_LINE = re.compile(r"^\s*(?:-\s+)?uses:\s*(?P<ref>.+?)\s*$")


@dataclass
class Uses:
    """One `uses:` line of a workflow: where it is, and what it says (comment included)."""

    path: Path
    line: int
    ref: str


def uses_lines(text: str, path: Path) -> list[Uses]:
    return [Uses(path, number, m["ref"])
            for number, line in enumerate(text.splitlines(), 1)
            if (m := USES_LINE.match(line))]


def unpinned(uses: list[Uses]) -> list[str]:
    """`file:line: ref` of each action not pinned to a SHA with its release in a comment.
    Local actions and reusable workflows (`./...`) come from the same commit, so they pass."""
    return [f"{u.path.name}:{u.line}: {u.ref}" for u in uses
            if not u.ref.startswith("./") and not PINNED.match(u.ref)]


def load(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def jobs() -> dict[str, dict]:
    """Every job of every workflow, keyed `file:job`."""
    return {f"{p.name}:{name}": job for p in WORKFLOWS for name, job in load(p)["jobs"].items()}


def job_using(action: str) -> tuple[str, dict]:
    found = [(key, job) for key, job in jobs().items()
             if any(step.get("uses", "").startswith(action + "@") for step in job.get("steps", []))]
    assert len(found) == 1, f"expected one job using {action}, found {[k for k, _ in found]}"
    return found[0]


def run_text(job: dict) -> str:
    return "\n".join(step.get("run", "") for step in job.get("steps", []))


def test_there_are_workflows_to_check():
    assert WORKFLOWS, f"no workflow in {GITHUB / 'workflows'}"


# --- pinning ---------------------------------------------------------------------------------

def test_the_pin_rule_rejects_tags_branches_and_bare_shas():
    sample = Path("sample.yml")
    text = ("      - uses: actions/checkout@v4\n"
            "      - uses: actions/setup-python@main\n"
            "        uses: actions/cache@27d5ce7f107fe9357f9df03efb73ab90386fccae\n"
            "      - uses: actions/cache@27d5ce7f107fe9357f9df03efb73ab90386fccae # v5.0.5\n"
            "    uses: ./.github/workflows/reusable.yml\n")
    assert unpinned(uses_lines(text, sample)) == [
        "sample.yml:1: actions/checkout@v4",
        "sample.yml:2: actions/setup-python@main",
        "sample.yml:3: actions/cache@27d5ce7f107fe9357f9df03efb73ab90386fccae",
    ]


def test_every_action_is_pinned_to_a_commit_sha_with_its_release_in_a_comment():
    uses = [u for p in WORKFLOWS for u in uses_lines(p.read_text(encoding="utf-8"), p)]
    assert uses, "no `uses:` line found: has the workflow layout changed?"
    assert unpinned(uses) == []


def test_every_uses_in_the_yaml_is_seen_by_the_line_scan():
    """The pin check reads lines (it needs the comments); this makes sure it misses none."""
    parsed = sum(1 for job in jobs().values()
                 for step in [job, *job.get("steps", [])] if "uses" in step)
    scanned = sum(len(uses_lines(p.read_text(encoding="utf-8"), p)) for p in WORKFLOWS)
    assert scanned == parsed


def test_dependabot_bumps_the_actions_and_the_python_lock():
    config = load(GITHUB / "dependabot.yml")
    ecosystems = {u["package-ecosystem"]: u for u in config["updates"]}
    assert {"github-actions", "pip"} <= set(ecosystems)
    assert ecosystems["pip"]["directory"] == "/"


# --- permissions and credentials -------------------------------------------------------------

def test_workflows_grant_nothing_at_the_top_level():
    for path in WORKFLOWS:
        assert load(path).get("permissions") == {}, f"{path.name}: set `permissions: {{}}`"


def test_only_the_deploy_job_may_write_to_pages_or_mint_an_id_token():
    deploy, _ = job_using("actions/deploy-pages")
    for key, job in jobs().items():
        permissions = job.get("permissions")
        assert isinstance(permissions, dict), f"{key}: give the job its own `permissions:`"
        writes = {scope for scope, level in permissions.items() if level == "write"}
        expected = {"pages", "id-token"} if key == deploy else set()
        assert writes == expected, f"{key}: writes {sorted(writes)}"


def test_no_checkout_leaves_its_token_on_disk():
    checkouts = [(key, step) for key, job in jobs().items() for step in job.get("steps", [])
                 if step.get("uses", "").startswith("actions/checkout@")]
    assert checkouts
    for key, step in checkouts:
        assert step.get("with", {}).get("persist-credentials") is False, key


# --- gating ----------------------------------------------------------------------------------

def needs_closure(name: str, workflow_jobs: dict[str, dict]) -> set[str]:
    """Every job that must succeed before job `name` starts."""
    needs = workflow_jobs[name].get("needs", [])
    needs = [needs] if isinstance(needs, str) else needs
    return set(needs).union(*(needs_closure(n, workflow_jobs) for n in needs))


def test_pages_deploys_only_after_the_tests_and_a_strict_build():
    deploy_key, _ = job_using("actions/deploy-pages")
    upload_key, upload = job_using("actions/upload-pages-artifact")
    workflow, deploy = deploy_key.split(":")
    assert upload_key.split(":")[0] == workflow, "build and deploy belong in one workflow"
    workflow_jobs = load(ROOT / ".github" / "workflows" / workflow)["jobs"]
    before = needs_closure(deploy, workflow_jobs)
    assert upload_key.split(":")[1] in before
    tests = [n for n in before if "./scripts/test" in run_text(workflow_jobs[n])]
    assert tests, f"{deploy} does not wait for a job that runs ./scripts/test"
    assert re.search(r"^clausebook build --strict\b", run_text(upload), re.M)


def test_the_published_build_uses_no_cache():
    """Caches are written by any branch's run; the build whose output strangers read starts
    from the lock file alone."""
    _, upload = job_using("actions/upload-pages-artifact")
    for step in upload["steps"]:
        assert not step.get("uses", "").startswith("actions/cache@")
        assert "cache" not in step.get("with", {}), step


def test_the_test_job_caches_chromium_pip_and_npm():
    test_jobs = [job for job in jobs().values() if "./scripts/test" in run_text(job)]
    assert len(test_jobs) == 1
    steps = test_jobs[0]["steps"]
    cached = " ".join(str(s.get("with", {}).get("path", "")) for s in steps
                      if s.get("uses", "").startswith("actions/cache@"))
    assert "/var/cache/apt/archives" in cached and "pip" in cached
    assert any(s.get("uses", "").startswith("actions/setup-node@")
               and s["with"].get("cache") == "npm" for s in steps)


# --- the lock file ---------------------------------------------------------------------------

def locked_pins() -> dict[str, tuple[str, int]]:
    """name -> (version, number of --hash) of each `name==version` in the lock file."""
    pins: dict[str, tuple[str, int]] = {}
    for block in re.split(r"\n(?=[A-Za-z0-9])", (ROOT / LOCK).read_text(encoding="utf-8")):
        if m := re.match(r"([A-Za-z0-9][\w.-]*)==([^\s;\\]+)", block):
            pins[canonicalize_name(m[1])] = (m[2], block.count("--hash=sha256:"))
    return pins


def test_the_lock_pins_every_requirement_of_pyproject_with_hashes():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    wanted = [*project["project"]["dependencies"],
              *project["project"]["optional-dependencies"]["test"],
              *project["build-system"]["requires"]]
    pins = locked_pins()
    assert pins and all(hashes for _, hashes in pins.values()), "every pin needs --hash lines"
    stale = []
    for text in wanted:
        requirement = Requirement(text)
        pin = pins.get(canonicalize_name(requirement.name))
        if pin is None or not requirement.specifier.contains(pin[0], prereleases=True):
            stale.append(f"{text} (lock: {pin[0] if pin else 'missing'})")
    assert not stale, (f"{LOCK} is out of step with pyproject.toml: {stale}; refresh it "
                       "with the pip-compile command at the top of the file")


def test_ci_and_pages_install_from_the_lock_with_hashes():
    test_job = next(job for job in jobs().values() if "./scripts/test" in run_text(job))
    assert test_job.get("env", {}).get("CLAUSEBOOK_REQUIREMENTS") == LOCK
    assert f"--require-hashes -r {LOCK}" in (ROOT / "scripts" / "_venv.sh").read_text().replace(
        '"$cb_lock"', LOCK)
    _, upload = job_using("actions/upload-pages-artifact")
    installs = run_text(upload)
    assert f"pip install --require-hashes -r {LOCK}" in installs
    assert "pip install --no-deps" in installs


# --- zizmor ----------------------------------------------------------------------------------

def zizmor_command() -> str | None:
    beside = Path(sys.executable).with_name("zizmor")
    return str(beside) if beside.exists() else shutil.which("zizmor")


def test_zizmor_finds_nothing_in_the_workflows_and_dependabot_config():
    zizmor = zizmor_command()
    if zizmor is None:
        pytest.skip("zizmor is not installed (pip install -e '.[test]' installs it)")
    # --offline: no network audits (CI and this machine have none); --no-config and
    # --no-ignores: nothing is waved through by a config file or an inline ignore comment.
    # The path must exist: zizmor takes a missing one for a remote `owner/repo`.
    assert GITHUB.is_dir()
    proc = subprocess.run([zizmor, "--offline", "--no-config", "--no-ignores", "--no-progress",
                           "--collect=all", "--format=json", str(GITHUB)],
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode in (0, *range(10, 20)), proc.stderr  # 1x: findings were reported
    findings = json.loads(proc.stdout)
    audited = re.findall(r"completed (\S+)", proc.stderr)
    assert {Path(p).name for p in audited} >= {p.name for p in WORKFLOWS} | {"dependabot.yml"}
    assert [(f["ident"], f["locations"][0]["symbolic"]["key"]) for f in findings] == []
