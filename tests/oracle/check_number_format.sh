#!/usr/bin/env bash
# Checks the oracle's number printing (fmt_double in reference_oracle.py) against fmt::format("{}", x)
# itself, on a few hundred thousand doubles: random bit patterns, decayed scores (n * 0.75^k), wide
# magnitudes, large integers. Needs g++ and libfmt-dev. Prints "number format: N values, all equal".
set -u
script_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cat > "$tmp/fmt_print.cpp" <<'CPP'
#include <fmt/format.h>
#include <cstdio>
#include <cstdlib>
int main() {
  char line[128];
  while (std::fgets(line, sizeof line, stdin)) {
    double x = std::strtod(line, nullptr);
    fmt::print("{}\n", x == 0 ? 0.0 : x);  // SPEC 7: -0 prints as 0
  }
}
CPP
g++ -std=c++20 -O1 "$tmp/fmt_print.cpp" -o "$tmp/fmt_print" -lfmt || exit 2
python3 - "$tmp" "$script_dir" <<'PY'
import random, struct, sys
tmp, here = sys.argv[1], sys.argv[2]
sys.path.insert(0, here)
from reference_oracle import fmt_double
r = random.Random(1)
vals = [0.0, -0.0, 20.0, 20.8125, 1e16, 1e15, 9999999999999998.0, 5e-05, 1e-4, 1.5e16, 2.0**53,
        1e22, 1e23, 5e-324, 1.7976931348623157e308, -7.533931929047496e-05]
while len(vals) < 300000:
    k = r.random()
    if k < 0.3:
        v = struct.unpack("d", struct.pack("Q", r.getrandbits(64)))[0]
    elif k < 0.6:
        v = r.randint(-200, 200) * 0.75 ** r.randint(0, 200)
    elif k < 0.8:
        v = r.uniform(-1e6, 1e6) * 10.0 ** r.randint(-30, 30)
    else:
        v = float(r.randint(-10**18, 10**18)) / 10 ** r.randint(0, 20)
    if v == v and abs(v) != float("inf"):
        vals.append(v)
with open(f"{tmp}/in", "w") as f, open(f"{tmp}/want", "w") as g:
    for v in vals:
        f.write(repr(v) + "\n")
        g.write(fmt_double(v) + "\n")
PY
"$tmp/fmt_print" < "$tmp/in" > "$tmp/got"
if cmp -s "$tmp/want" "$tmp/got"; then
  echo "number format: $(wc -l < "$tmp/in") values, all equal"
  exit 0
fi
diff "$tmp/want" "$tmp/got" | head -n 20
exit 1
