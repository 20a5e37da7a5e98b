#!/usr/bin/env bash
# Smoke test of the PyInstaller bundle built by `make bundle`: it must start,
# find its bundled data (the example workbook), open and paint the window
# without a display and, where strace works, open no internet socket.
set -euo pipefail
cd "$(dirname "$0")/.."

name=$(.venv/bin/python -c 'import tomllib; print(tomllib.load(open("pyproject.toml", "rb"))["project"]["name"])')
bundle="dist/$name/$name"
fail() {
  echo "check_bundle: $*" >&2
  exit 1
}

[[ -x "$bundle" ]] || fail "no bundle at $bundle; run 'make bundle' first"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
db="$work/data/workbook.sqlite3"
export QT_QPA_PLATFORM=offscreen
# Keep the bundle's window settings away from the real user data folder.
export CAREER_WORKBOOK_HOME="$work/home"

# The shipped program must be as offline as the source, so trace it when we can
# (ptrace is forbidden in some containers; then this part is skipped, said so).
tracer=()
if command -v strace >/dev/null && strace -o /dev/null true 2>/dev/null; then
  tracer=(strace -f -e trace=socket,connect -o "$work/trace" -A)
else
  echo "check_bundle: strace is missing or cannot trace here; network use not checked" >&2
fi

run() {
  local what=$1 status=0
  shift
  "${tracer[@]}" "$bundle" --db "$db" "$@" >"$work/out" 2>"$work/err" || status=$?
  if ((status != 0)); then
    cat "$work/out" "$work/err" >&2
    fail "'$name $*' failed with exit status $status while checking $what"
  fi
}

run "adding the example workbook" example
run "listing the workbooks" list
expected=$(.venv/bin/python -c 'from workbook.example import example_data; print(example_data()["name"])')
grep -Fxq "$expected" "$work/out" ||
  fail "'list' did not print the example's name '$expected'; it printed: $(cat "$work/out")"

if [[ -f ui/app.py ]]; then
  run "the window" --exit-when-ready
else
  echo "check_bundle: ui/app.py does not exist yet, so the window was not checked" >&2
fi

if ((${#tracer[@]})) && grep -E '\bAF_INET6?\b' "$work/trace" >&2; then
  fail "the bundle opened a network socket (above)"
fi

echo "check_bundle: $bundle starts and works ($(du -sh "dist/$name" | cut -f1))"
