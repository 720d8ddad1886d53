#!/usr/bin/env bash
# Safe output (docs/records.md, "Safe output"): `score -o FILE` and `fmt -w` replace a file only when
# the whole run succeeded. Interrupted by SIGINT or SIGTERM, or failing on a write, they leave an
# existing FILE byte for byte as it was, no temporary file beside it, and an exit status that says
# what happened.
#
#   check_safe_output.sh LEADSCORE_BINARY REPO_ROOT [ROWS]
#
# ROWS (default 1,000,000, or $LEADSCORE_SAFE_OUTPUT_ROWS) is the size of the big input. The signal
# cases do not depend on the machine's speed: the input is a fifo that this script keeps open, so the
# run is still going, blocked on its input, when the signal arrives.
set -u

if [ $# -lt 2 ]; then
  echo "usage: $0 LEADSCORE_BINARY REPO_ROOT [ROWS]" >&2
  exit 2
fi
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
repo=$(cd "$2" && pwd)
rows=${3:-${LEADSCORE_SAFE_OUTPUT_ROWS:-1000000}}
model=$repo/examples/b2b_saas.score

work=$(mktemp -d)
cleanup() {
  exec 3>&- 2> /dev/null
  [ -n "${pid:-}" ] && kill -KILL "$pid" 2> /dev/null
  rm -rf "$work"
}
trap cleanup EXIT
cd "$work" || exit 2

failures=0
fail() {
  echo "FAIL: $*"
  failures=$((failures + 1))
}
pass() { echo "ok: $*"; }

# A script's background commands start with SIGINT ignored; the runs below must get it as a
# terminal would deliver it.
run_bg=("$bin")
if env --default-signal=INT true 2> /dev/null; then
  run_bg=(env --default-signal=INT,TERM "$bin")
fi

# ---- The big input: a generated sample repeated with fresh keys (fast on any machine). -----------
if [ -f "$repo/bench/gen_leads.py" ] && command -v python3 > /dev/null; then
  python3 "$repo/bench/gen_leads.py" --rows 2000 --seed 1 > sample.csv || exit 2
else
  cp "$repo/examples/leads.csv" sample.csv
fi
awk -F, -v rows="$rows" '
  NR == 1 { print; next }
  { body[++n] = substr($0, length($1) + 1) }
  END { for (i = 0; i < rows; i++) printf "S%08d%s\n", i, body[i % n + 1] }
' sample.csv > big.csv
# Each sample row is one line (no quoted line breaks), so this counts records.
[ "$(wc -l < big.csv)" -eq $((rows + 1)) ] || { echo "could not generate $rows rows"; exit 2; }

# ---- A complete out.csv to protect. ----------------------------------------------------------------
score=(score "$model" --as-of 2026-11-01)
"$bin" "${score[@]}" -i big.csv -o out.csv 2> baseline.err
status=$?
if [ $status -ne 0 ] || [ "$(wc -l < out.csv)" -ne $((rows + 1)) ]; then
  echo "the baseline run failed (status $status):"; cat baseline.err
  exit 1
fi
grep -q "^leadscore: $rows records: " baseline.err && pass "summary line on stderr" \
  || fail "no summary line: $(cat baseline.err)"
cp out.csv before.csv

# Checks that out.csv is what it was and that no temporary file was left.
untouched() {
  local what=$1
  if cmp -s out.csv before.csv; then pass "$what: out.csv untouched"; else fail "$what: out.csv changed ($(wc -l < out.csv) lines)"; fi
  local left
  left=$(find . -maxdepth 1 -name '.out.csv.leadscore-*' | head -n 3)
  if [ -z "$left" ]; then pass "$what: no temporary file left"; else fail "$what: temporary files left: $left"; fi
}

# Waits up to 60 s for the run's temporary file; "" when it never appears.
wait_for_temp() {
  local i temp
  for ((i = 0; i < 600; i++)); do
    temp=$(find . -maxdepth 1 -name '.out.csv.leadscore-*' | head -n 1)
    if [ -n "$temp" ]; then echo "$temp"; return; fi
    if ! kill -0 "$pid" 2> /dev/null; then return; fi
    sleep 0.1
  done
}

# ---- SIGINT and SIGTERM mid-run, with the input held open (deterministic). ------------------------
signal_on_fifo() {
  local sig=$1 expected=$2
  rm -f in.fifo
  mkfifo in.fifo
  "${run_bg[@]}" "${score[@]}" -i in.fifo --input-format csv -o out.csv 2> run.err &
  pid=$!
  # Opened for reading too, so that opening never blocks even if the run died before it read.
  exec 3<> in.fifo
  # Several MB: the reader fills its buffer, opens the output and scores; then it waits for more.
  timeout 120 head -n 40001 big.csv >&3
  local temp
  temp=$(wait_for_temp)
  [ -n "$temp" ] || fail "SIG$sig: no temporary file appeared beside out.csv"
  kill -s "$sig" "$pid"
  wait "$pid"
  local status=$?
  pid=
  exec 3>&-
  if [ $status -eq "$expected" ]; then pass "SIG$sig: status $status"; else fail "SIG$sig: status $status, expected $expected ($(cat run.err))"; fi
  untouched "SIG$sig"
}
signal_on_fifo INT 130
signal_on_fifo TERM 143

# ---- SIGINT while a big regular file is being written (as `timeout -s INT 1` would). --------------
rm -f in.fifo
"${run_bg[@]}" "${score[@]}" -i big.csv -o out.csv 2> run.err &
pid=$!
# Once the temporary file holds data, rows are being written.
for ((i = 0; i < 600; i++)); do
  temp=$(find . -maxdepth 1 -name '.out.csv.leadscore-*' -size +0 | head -n 1)
  [ -n "$temp" ] && break
  kill -0 "$pid" 2> /dev/null || break
  sleep 0.05
done
kill -INT "$pid" 2> /dev/null
wait "$pid"
status=$?
pid=
if [ $status -eq 0 ]; then
  echo "note: the run over $rows rows finished before SIGINT reached it; only its result is checked"
  cmp -s out.csv before.csv && pass "finished run wrote the same file" || fail "finished run wrote a different file"
elif [ $status -eq 130 ]; then
  pass "SIGINT mid-write: status 130"
  untouched "SIGINT mid-write"
else
  fail "SIGINT mid-write: status $status ($(cat run.err))"
fi

# ---- A write that fails part-way: the file size limit (EFBIG, not a SIGXFSZ death). --------------
(ulimit -f 256 && exec "$bin" "${score[@]}" -i big.csv -o out.csv) 2> run.err
status=$?
if [ $status -eq 2 ]; then pass "ulimit -f: status 2"; else fail "ulimit -f: status $status, expected 2"; fi
if grep -q "^leadscore: error: cannot write 'out.csv': File too large$" run.err; then
  pass "ulimit -f: the message names the file and the reason"
else
  fail "ulimit -f: message was: $(cat run.err)"
fi
untouched "ulimit -f"

# ---- A full device, written directly (it cannot be replaced). -------------------------------------
if [ -c /dev/full ]; then
  "$bin" "${score[@]}" -i sample.csv -o /dev/full 2> run.err
  status=$?
  [ $status -eq 2 ] && pass "/dev/full: status 2" || fail "/dev/full: status $status, expected 2"
  grep -q "^leadscore: error: cannot write '/dev/full': No space left on device$" run.err \
    && pass "/dev/full: the message names the reason" || fail "/dev/full: message was: $(cat run.err)"
  [ -c /dev/full ] && pass "/dev/full is still a device" || fail "/dev/full was replaced"
fi

# ---- A model that does not load leaves the output alone (nothing is opened). ----------------------
echo 'model "broken" schema' > broken.score
"$bin" score broken.score -i sample.csv -o out.csv 2> run.err
status=$?
[ $status -ne 0 ] && pass "broken model: status $status" || fail "broken model: status 0"
untouched "broken model"

# ---- Replacing keeps the permission bits; a new file gets 0666 less the umask; links are kept. ---
chmod 640 out.csv
"$bin" "${score[@]}" -i sample.csv -o out.csv 2> /dev/null || fail "rewrite of out.csv failed"
[ "$(stat -c %a out.csv)" = 640 ] && pass "permissions kept (640)" || fail "permissions are $(stat -c %a out.csv), expected 640"
(umask 027 && "$bin" "${score[@]}" -i sample.csv -o new.csv 2> /dev/null)
[ "$(stat -c %a new.csv)" = 640 ] && pass "new file: 0666 less umask 027" || fail "new file has mode $(stat -c %a new.csv)"
ln -s new.csv link.csv
"$bin" "${score[@]}" -i sample.csv -o link.csv --explain 2> /dev/null
if [ -L link.csv ] && head -n 1 new.csv | grep -q ',fired$'; then pass "a link stays a link; its target is written"; else fail "the link was replaced"; fi

# ---- fmt -w: same guarantees for models. ----------------------------------------------------------
printf 'model "m"\nschema "lead.schema"\ngroup fit   {  when company_size > 10 add 5 }\n' > messy.score
cp "$repo/examples/lead.schema" lead.schema
chmod 600 messy.score
cp messy.score messy.before
# stderr through a pipe: a file would be past the limit too.
(ulimit -f 0 && exec "$bin" fmt -w messy.score) 2>&1 | cat > run.err
status=${PIPESTATUS[0]}
[ $status -eq 2 ] && pass "fmt -w, ulimit -f 0: status 2" || fail "fmt -w, ulimit -f 0: status $status"
grep -q "cannot write 'messy.score': File too large" run.err && pass "fmt -w: the reason is given" || fail "fmt -w: message was: $(cat run.err)"
cmp -s messy.score messy.before && pass "fmt -w failure: model untouched" || fail "fmt -w failure: model changed"
[ -z "$(find . -maxdepth 1 -name '.messy.score.leadscore-*')" ] && pass "fmt -w failure: no temporary file" || fail "fmt -w failure: temporary file left"
"$bin" fmt -w messy.score || fail "fmt -w failed"
"$bin" fmt --check messy.score > /dev/null && pass "fmt -w wrote the canonical layout" || fail "fmt -w did not format"
[ "$(stat -c %a messy.score)" = 600 ] && pass "fmt -w kept the permissions (600)" || fail "fmt -w: mode $(stat -c %a messy.score)"

if [ $failures -ne 0 ]; then
  echo "$failures check(s) failed"
  exit 1
fi
echo "all safe-output checks passed"
