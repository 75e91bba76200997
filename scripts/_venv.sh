# Shared by scripts/test and scripts/build (sourced, not run).
# Creates .venv if missing and (re)installs the project into it, editable, with
# the test extras, whenever pyproject.toml is newer than the last install.
# Afterwards .venv/bin is first on PATH, so `python` and `clausebook` are the venv's.

cb_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$cb_root"

cb_python="${PYTHON:-python3}"
if [ ! -x .venv/bin/python ]; then
  echo "scripts: creating .venv with $($cb_python --version 2>&1)" >&2
  "$cb_python" -m venv .venv
fi

# CLAUSEBOOK_REQUIREMENTS=requirements/ci.txt (set by the CI workflow) installs exactly the
# hash-checked versions of that lock file, then the project without resolving anything, and
# fails if the lock lacks a dependency of pyproject.toml (pip check). Unset, pip resolves
# pyproject.toml afresh, as on a developer's machine.
cb_stamp=.venv/.clausebook-installed
cb_lock="${CLAUSEBOOK_REQUIREMENTS:-}"
if [ ! -f "$cb_stamp" ] || [ pyproject.toml -nt "$cb_stamp" ] \
   || { [ -n "$cb_lock" ] && [ "$cb_lock" -nt "$cb_stamp" ]; }; then
  if [ -n "$cb_lock" ]; then
    echo "scripts: installing the locked dependencies of $cb_lock, then clausebook (editable) into .venv" >&2
    .venv/bin/python -m pip install --quiet --require-hashes -r "$cb_lock"
    .venv/bin/python -m pip install --quiet --no-deps --no-build-isolation -e .
    .venv/bin/python -m pip check >&2
  else
    echo "scripts: installing clausebook (editable, with test extras) into .venv" >&2
    .venv/bin/python -m pip install --quiet -e '.[test]'
  fi
  touch "$cb_stamp"
fi

export PATH="$cb_root/.venv/bin:$PATH"
export VIRTUAL_ENV="$cb_root/.venv"
