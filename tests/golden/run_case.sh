#!/usr/bin/env bash
# Runs one golden case: run_case.sh LEADSCORE_BINARY CASE_DIR
#
# A case folder holds:
#   cmd              one line: the arguments to leadscore, split at blanks (no quoting, no
#                    variables). Relative paths are relative to the case folder (the command runs
#                    there); files elsewhere in the repository are named relative to it too
#                    (../../../bench/reference.score), so a case needs nothing outside the repository.
#   expected         the exact standard output
#   expected_stderr  optional: the exact standard error (not compared when absent)
#   status           optional: the expected exit status (default 0)
#   stdin            optional: fed to standard input (otherwise /dev/null)
#
# Exit status 0 when everything matches, 1 on a mismatch (with a unified diff), 2 on bad usage.
# GOLDEN_UPDATE=1 writes what the binary printed into the case instead of comparing: only for cases
# whose expectations are not worked out independently (never for reference_* cases).
# GOLDEN_TIMEOUT (seconds, default 120) bounds one run.
set -u

if [ $# -ne 2 ]; then
  echo "usage: $0 LEADSCORE_BINARY CASE_DIR" >&2
  exit 2
fi

binary=$1
case "$binary" in
  */*) binary=$(cd "$(dirname "$binary")" && pwd)/$(basename "$binary") ;;
  *) binary=$(command -v "$binary" || echo "$binary") ;;
esac
if [ ! -x "$binary" ]; then
  echo "run_case: no executable '$1'" >&2
  exit 2
fi

case_dir=$2
if [ ! -d "$case_dir" ]; then
  echo "run_case: no case folder '$case_dir'" >&2
  exit 2
fi
case_dir=$(cd "$case_dir" && pwd)
name=$(basename "$case_dir")
for f in cmd expected; do
  if [ ! -f "$case_dir/$f" ] && { [ "$f" = cmd ] || [ -z "${GOLDEN_UPDATE:-}" ]; }; then
    echo "run_case: $name: no '$f' file" >&2
    exit 2
  fi
done

IFS= read -r line < "$case_dir/cmd" || true
read -r -a args <<< "$line"

expected_status=0
if [ -f "$case_dir/status" ]; then
  read -r expected_status < "$case_dir/status"
fi
input=/dev/null
if [ -f "$case_dir/stdin" ]; then
  input=$case_dir/stdin
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

timeout_cmd=()
if command -v timeout > /dev/null; then
  timeout_cmd=(timeout "${GOLDEN_TIMEOUT:-120}")
fi
(cd "$case_dir" && "${timeout_cmd[@]}" "$binary" "${args[@]}" < "$input" > "$tmp/stdout" 2> "$tmp/stderr")
actual_status=$?

if [ -n "${GOLDEN_UPDATE:-}" ]; then
  cp "$tmp/stdout" "$case_dir/expected"
  if [ -s "$tmp/stderr" ] || [ -f "$case_dir/expected_stderr" ]; then
    cp "$tmp/stderr" "$case_dir/expected_stderr"
  fi
  if [ "$actual_status" -ne 0 ] || [ -f "$case_dir/status" ]; then
    echo "$actual_status" > "$case_dir/status"
  fi
  echo "UPDATED $name"
  exit 0
fi

ok=1
if ! cmp -s "$case_dir/expected" "$tmp/stdout"; then
  ok=0
  echo "--- $name: standard output differs"
  diff -u --label "$name/expected" --label "actual stdout" "$case_dir/expected" "$tmp/stdout" | head -n 200
fi
if [ -f "$case_dir/expected_stderr" ] && ! cmp -s "$case_dir/expected_stderr" "$tmp/stderr"; then
  ok=0
  echo "--- $name: standard error differs"
  diff -u --label "$name/expected_stderr" --label "actual stderr" "$case_dir/expected_stderr" "$tmp/stderr" | head -n 200
fi
if [ "$actual_status" != "$expected_status" ]; then
  ok=0
  echo "--- $name: exit status $actual_status, expected $expected_status"
  if [ ! -f "$case_dir/expected_stderr" ] && [ -s "$tmp/stderr" ]; then
    echo "standard error was:"
    head -n 20 "$tmp/stderr"
  fi
fi

if [ $ok -eq 1 ]; then
  echo "PASS $name"
  exit 0
fi
echo "FAIL $name (leadscore ${args[*]})"
exit 1
