#!/usr/bin/env bash
# The CI job of docs/ci.md, run on the project's own models: the examples and the stdlib check
# clean under --strict, are in the canonical layout, and their tests pass with every rule and
# reject clause covered.
# usage: check_repo_models.sh LEADSCORE REPO_ROOT
set -euo pipefail
ls=$1
cd "$2"
models=(examples/*.score examples/*/*.score stdlib/*.score stdlib/tests/*.score)
schemas=(examples/*.schema examples/*/*.schema stdlib/tests/*.schema)
"$ls" check --strict "${models[@]}" "${schemas[@]}"
"$ls" fmt --check examples stdlib
out=$("$ls" test --coverage examples stdlib)
echo "$out" | tail -1
if echo "$out" | grep -E "coverage: " | grep -vq "(100.0%)"; then
  echo "some rule or reject is fired by no test:"; echo "$out"
  exit 1
fi
