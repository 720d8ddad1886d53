#!/usr/bin/env bash
# Proves that the repository stands alone, as a fresh clone would: copies every tracked file, as it
# is in the working tree (uncommitted edits included, untracked files left out), into a new
# temporary folder with nothing beside it, then configures, builds, runs
# every test there and the README's example command, and removes the folder.
#
#   tests/standalone/run_standalone.sh [CMAKE_CONFIGURE_ARGS...]
#   tests/standalone/run_standalone.sh -DCMAKE_BUILD_TYPE=Release -DLEADSCORE_WERROR=ON
#
# Without arguments the build is configured as the README's test command does it
# (-DLEADSCORE_WERROR=ON). Environment: JOBS (parallel build jobs, default nproc), STANDALONE_KEEP=1
# keeps the folder for a look afterwards, TMPDIR where the folder goes.
# Exit status: 0 when everything passed, 1 when a step failed, 2 on a setup problem.
set -euo pipefail

say() { echo "standalone: $*"; }
fail() { echo "standalone: FAILED: $*" >&2; exit 1; }

script_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(git -C "$script_dir" rev-parse --show-toplevel 2>/dev/null) || {
  echo "standalone: $script_dir is not inside a git repository" >&2; exit 2; }
jobs=${JOBS:-$(nproc)}
configure_args=("$@")
if [ ${#configure_args[@]} -eq 0 ]; then
  configure_args=(-DLEADSCORE_WERROR=ON)
fi

# The copy goes one level down in a fresh folder, so that nothing another checkout keeps beside
# the repository can be found from it.
outer=$(mktemp -d "${TMPDIR:-/tmp}/leadscore-standalone.XXXXXX")
copy=$outer/leadscore
cleanup() {
  if [ -n "${STANDALONE_KEEP:-}" ]; then
    say "kept $outer"
  else
    rm -rf "$outer"
  fi
}
trap cleanup EXIT

say "copying the tracked files of $repo (working-tree state) into $copy"
mkdir "$copy"
count=0
list=$outer/files
: > "$list"
while IFS= read -r -d '' f; do
  # A tracked file deleted in the working tree is gone from a clone of that tree too.
  if [ -e "$repo/$f" ] || [ -L "$repo/$f" ]; then
    printf '%s\0' "$f" >> "$list"
    count=$((count + 1))
  fi
done < <(git -C "$repo" ls-files -z --cached)
tar -C "$repo" --null -T "$list" -cf - | tar -C "$copy" -xf -
rm -f "$list"
say "$count files copied"

beside=$(ls -A "$outer")
if [ "$beside" != "leadscore" ]; then
  echo "standalone: $outer holds more than the copy: $beside" >&2
  exit 2
fi
say "nothing beside the copy in $outer"

cd "$copy"
say "configuring: cmake -S . -B build ${configure_args[*]}"
cmake -S . -B build "${configure_args[@]}" > "$outer/configure.log" 2>&1 || {
  tail -n 40 "$outer/configure.log" >&2; fail "cmake configure"; }

say "building: cmake --build build -j$jobs"
start=$(date +%s)
cmake --build build -j"$jobs" > "$outer/build.log" 2>&1 || {
  grep -E "error|Error" "$outer/build.log" | head -n 40 >&2; fail "build"; }
say "built in $(( $(date +%s) - start )) s"

say "running every test: ctest --test-dir build -j$jobs --output-on-failure"
ctest --test-dir build -j"$jobs" --output-on-failure || fail "ctest"

say "running the README's example: ./build/leadscore score examples/b2b_saas.score -i examples/leads.csv --as-of 2026-11-01"
rows=$(./build/leadscore score examples/b2b_saas.score -i examples/leads.csv --as-of 2026-11-01 | wc -l) ||
  fail "the README's example command"
[ "$rows" -gt 1 ] || fail "the README's example printed no rows"
say "the example scored $((rows - 1)) leads"

say "PASS: a copy of the repository with nothing beside it builds and passes every test"
