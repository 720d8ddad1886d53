#!/usr/bin/env bash
# Writes a golden case for every file of the lint corpus (tests/lint/*.score, *.schema), in every
# output format of `leadscore check`:
#
#   tests/golden/lint/NAME/         check --strict FILE                 (text)
#   tests/golden/lint_json/NAME/    check --strict --format json FILE
#   tests/golden/lint_sarif/NAME/   check --strict --format sarif FILE
#   tests/golden/lint_github/NAME/  check --strict --format github FILE
#
# usage: tests/lint/make_goldens.sh build/leadscore
#
# The expected output is what the binary prints (run_case.sh's GOLDEN_UPDATE): the diagnostics'
# wording is not in the spec. Which diagnostics each file draws, and on which line, is checked
# independently by the corpus test in tests/unit/lint_test.cpp against the file's own `# expect:`
# comments. Read the changed expectations (git diff tests/golden/lint*) before committing them.
#
# A corpus file may carry `# golden-args: ARGS` (its first such line): extra arguments for its cases,
# e.g. `--allow W010`.
set -eu

if [ $# -ne 1 ]; then
  echo "usage: $0 LEADSCORE_BINARY" >&2
  exit 2
fi
binary=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
golden=$(cd "$here/../golden" && pwd)

for kind in lint lint_json lint_sarif lint_github; do
  rm -rf "${golden:?}/$kind"
  mkdir -p "$golden/$kind"
done

make_case() {  # make_case KIND NAME ARGS...
  local dir="$golden/$1/$2"
  shift 2
  mkdir -p "$dir"
  echo "$*" > "$dir/cmd"
  GOLDEN_UPDATE=1 "$golden/run_case.sh" "$binary" "$dir" > /dev/null
}

count=0
for file in "$here"/*.score "$here"/*.schema; do
  base=$(basename "$file")
  [ "$base" = lead.schema ] && continue
  name=${base%.*}
  extra=$(sed -n 's/^# golden-args: //p' "$file" | head -n 1)
  # Cases run inside their folder, three levels below tests/: the corpus is ../../../lint.
  path=../../../lint/$base
  make_case lint "$name" check --strict $extra "$path"
  make_case lint_json "$name" check --strict --format json $extra "$path"
  make_case lint_sarif "$name" check --strict --format sarif $extra "$path"
  make_case lint_github "$name" check --strict --format github $extra "$path"
  count=$((count + 1))
done
# Without --strict, warnings print but do not fail the run.
make_case lint warnings_without_strict check ../../../lint/w001_brief_one_liner.score
echo "wrote $count corpus cases in 4 formats, and 1 more, under $golden/lint*"
