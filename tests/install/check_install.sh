#!/usr/bin/env bash
# Installs leadscore into a scratch prefix and checks that the installed binary finds the stdlib
# exactly as the build-tree binary does: same `check` result, same scores.
# usage: check_install.sh BUILD_DIR
set -euo pipefail
build=$1
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
prefix=$(mktemp -d)
trap 'rm -rf "$prefix"' EXIT
cmake --install "$build" --prefix "$prefix" > /dev/null
leads="$repo/examples/leads.csv"
for bin in "$build/leadscore" "$prefix/bin/leadscore"; do
  "$bin" check "$here/uses_stdlib.score"
  "$bin" score "$here/uses_stdlib.score" -i "$leads" --as-of 2026-11-01 --explain > "$prefix/out-$(basename "$(dirname "$bin")").csv"
done
outs=("$prefix"/out-*.csv)
if ! cmp -s "${outs[0]}" "${outs[1]}"; then
  echo "installed and build-tree binaries score differently:"; diff "${outs[0]}" "${outs[1]}" | head; exit 1
fi
# The stdlib must have done something: some lead fired a rule from each module.
for label in "Free email" "C-level" "North America"; do
  grep -q "$label" "${outs[0]}" || { echo "no lead fired '$label'"; exit 1; }
done
echo "install check: build tree and installed prefix agree ($(($(wc -l < "${outs[0]}") - 1)) leads)"
