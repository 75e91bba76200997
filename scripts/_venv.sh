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

cb_stamp=.venv/.clausebook-installed
if [ ! -f "$cb_stamp" ] || [ pyproject.toml -nt "$cb_stamp" ]; then
  echo "scripts: installing clausebook (editable, with test extras) into .venv" >&2
  .venv/bin/python -m pip install --quiet -e '.[test]'
  touch "$cb_stamp"
fi

export PATH="$cb_root/.venv/bin:$PATH"
export VIRTUAL_ENV="$cb_root/.venv"
