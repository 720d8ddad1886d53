#!/usr/bin/env bash
# The fuzz smoke for CI: replays every input in tests/fuzz/regressions/<target>/ through its target,
# then runs each fuzz_<target> for SECONDS (default 30) on a copy of its seed corpus, and fails on
# any crash, hang, leak or sanitizer report. The seed corpora in the repository are never written.
#
#   tests/fuzz/smoke.sh BUILD_DIR [SECONDS]
#
# BUILD_DIR is a build configured with CC=clang CXX=clang++ cmake -DLEADSCORE_FUZZ=ON and built
# with --target fuzz_all (the executables are in BUILD_DIR/tests/fuzz).
set -euo pipefail

build=${1:?usage: smoke.sh BUILD_DIR [SECONDS]}
seconds=${2:-30}
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
bin=$build/tests/fuzz
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

dict_of() {
  case $1 in
    csv|jsonl) echo "$here/records.dict" ;;
    lsc) echo "$here/lsc.dict" ;;
    *) echo "$here/language.dict" ;;
  esac
}

status=0
for target in schema model fmt csv jsonl lsc; do
  exe=$bin/fuzz_$target
  if [[ ! -x $exe ]]; then
    echo "smoke: $exe is missing (build with --target fuzz_all)" >&2
    exit 2
  fi
  mkdir -p "$work/$target/corpus" "$work/$target/artifacts"
  regressions=$here/regressions/$target
  if [[ -d $regressions ]] && compgen -G "$regressions/*" > /dev/null; then
    # A generous timeout: some inputs are big on purpose (a 5,000-let chain takes seconds under ASan).
    if ! "$exe" -timeout=60 -rss_limit_mb=2048 "$regressions"/* > "$work/$target/replay.log" 2>&1; then
      echo "smoke: fuzz_$target fails on a regression input:" >&2
      tail -n 40 "$work/$target/replay.log" >&2
      status=1
      continue
    fi
  fi
  cp "$here/$target"/* "$work/$target/corpus/"
  if "$exe" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
      -dict="$(dict_of "$target")" -artifact_prefix="$work/$target/artifacts/" \
      "$work/$target/corpus" > "$work/$target/run.log" 2>&1; then
    execs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$work/$target/run.log" | grep -o '[0-9]*$' || true)
    cov=$(grep -o 'cov: [0-9]* ft: [0-9]*' "$work/$target/run.log" | tail -n 1 || true)
    echo "smoke: fuzz_$target ok: ${execs:-?} runs in ${seconds}s, $cov"
  else
    echo "smoke: fuzz_$target FAILED; the input is kept in tests/fuzz/regressions/$target/ once fixed:" >&2
    tail -n 60 "$work/$target/run.log" >&2
    for a in "$work/$target/artifacts"/*; do
      [[ -e $a ]] && { echo "--- $(basename "$a") (base64):" >&2; base64 "$a" | head -c 4000 >&2; echo >&2; }
    done
    status=1
  fi
done
exit $status
