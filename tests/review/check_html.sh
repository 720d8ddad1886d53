#!/usr/bin/env bash
# The backtest HTML report opened in a real browser (Debian's chromium, headless):
#   1. the product file is self-contained: no URL, script, external style or font;
#   2. a screenshot is taken (a PNG of real size);
#   3. a copy with a measuring script injected (the TEST copy only) reports, after layout, each
#      chart's size and how many of its bars and lines have a non-zero size, and the tables' rows;
#   4. the product file loads with no console message at all (Blink reports bad SVG attributes,
#      e.g. a negative height, as console errors); a copy with a deliberate console.error proves
#      that the check can see one.
#
#   tests/review/check_html.sh LEADSCORE REPO_ROOT
# Exit 0 when every check holds, 1 when one fails, 77 (skipped) when chromium is not installed.
set -euo pipefail
LEADSCORE=${1:?usage: check_html.sh LEADSCORE REPO_ROOT}
ROOT=${2:?usage: check_html.sh LEADSCORE REPO_ROOT}
CHROMIUM=${CHROMIUM:-$(command -v chromium || command -v chromium-browser || true)}
if [[ -z $CHROMIUM ]]; then
  echo "SKIP: chromium is not installed (apt-get install chromium)"
  exit 77
fi
WORK=$(mktemp -d "${TMPDIR:-/tmp}/leadscore-html.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

browser() {  # browser ARGS... : one headless run with its own profile, no network of its own
  timeout 120 "$CHROMIUM" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --user-data-dir="$(mktemp -d "$WORK/profile.XXXXXX")" "$@"
}

python3 "$ROOT/bench/gen_leads.py" --rows 3000 --seed 5 --outcomes "$WORK/outcomes.csv" > "$WORK/leads.csv"
"$LEADSCORE" backtest "$ROOT/bench/reference.score" -i "$WORK/leads.csv" --outcomes "$WORK/outcomes.csv" \
  --as-of 2026-11-01 --by source --format html -o "$WORK/report.html"
REPORT=$WORK/report.html

# 1. Self-contained.
if grep -Eion '(https?:|ftp:|//[a-z0-9.-]+\.[a-z]{2,}/|<script|<link|<iframe|<img|@import|url\(|@font-face|src=)' "$REPORT"; then
  fail "the report refers to something outside itself (above)"
fi
grep -q '<svg id="score-histogram"' "$REPORT" || fail "no score histogram in the report"

# 2. Screenshot.
browser --hide-scrollbars --window-size=1100,2400 --screenshot="$WORK/shot.png" "file://$REPORT" \
  > "$WORK/shot.log" 2>&1 || fail "chromium could not take a screenshot: $(tail -3 "$WORK/shot.log")"
[[ -s $WORK/shot.png ]] || fail "no screenshot written"
[[ $(head -c 8 "$WORK/shot.png" | od -An -tx1 | tr -d ' \n') == 89504e470d0a1a0a ]] || fail "the screenshot is not a PNG"
(( $(stat -c %s "$WORK/shot.png") > 20000 )) || fail "the screenshot is nearly empty ($(stat -c %s "$WORK/shot.png") bytes)"
if [[ -n ${KEEP_SCREENSHOT:-} ]]; then cp "$WORK/shot.png" "$KEEP_SCREENSHOT"; fi

# 3. What rendered, measured after layout in a copy with a script added.
MEASURE='<script>
const out = {};
const sized = (e) => { const b = e.getBoundingClientRect(); return b.width > 0 && b.height > 0; };
for (const svg of document.querySelectorAll("svg.chart")) {
  const r = svg.getBoundingClientRect();
  out[svg.id] = {w: r.width, h: r.height,
                 bars: [...svg.querySelectorAll("rect.bar")].filter(sized).length,
                 lines: [...svg.querySelectorAll("polyline.line")].filter(sized).length};
}
for (const t of document.querySelectorAll("table[id]")) {
  const r = t.getBoundingClientRect();
  out["table:" + t.id] = {w: r.width, h: r.height, rows: t.querySelectorAll("tbody tr").length};
}
const pre = document.createElement("pre");
pre.id = "measure";
pre.textContent = JSON.stringify(out);
document.body.appendChild(pre);
</script>'
python3 - "$REPORT" "$WORK/measured.html" "$MEASURE" <<'PY'
import sys
page = open(sys.argv[1], encoding="utf-8").read()
open(sys.argv[2], "w", encoding="utf-8").write(page.replace("</body>", sys.argv[3] + "\n</body>"))
PY
browser --window-size=1100,2400 --run-all-compositor-stages-before-draw --virtual-time-budget=5000 \
  --dump-dom "file://$WORK/measured.html" > "$WORK/dom.html" 2> "$WORK/measure.log" || fail "chromium could not load the report"
python3 - "$WORK/dom.html" <<'PY'
import html, json, re, sys
dom = open(sys.argv[1], encoding="utf-8").read()
m = re.search(r'<pre id="measure">(.*?)</pre>', dom, re.S)
if not m:
    sys.exit("FAIL: the measuring script did not run")
got = json.loads(html.unescape(m.group(1)))
want = {  # chart id: (bars at least, lines at least)
    "score-histogram": (10, 0), "roc-curve": (0, 2), "tier-conversion": (3, 0),
    "decile-conversion": (5, 0), "by-conversion": (3, 0),
}
problems = []
for chart, (bars, lines) in want.items():
    g = got.get(chart)
    if g is None:
        problems.append(f"chart {chart} is missing"); continue
    if not (g["w"] > 100 and g["h"] > 100):
        problems.append(f"chart {chart} has size {g['w']}x{g['h']}")
    if g["bars"] < bars: problems.append(f"chart {chart}: {g['bars']} bars with a size, want >= {bars}")
    if g["lines"] < lines: problems.append(f"chart {chart}: {g['lines']} lines with a size, want >= {lines}")
for table in ("tiers", "thresholds", "rules", "by"):
    g = got.get("table:" + table)
    if g is None or g["rows"] == 0 or not (g["w"] > 0 and g["h"] > 0):
        problems.append(f"table {table} is missing or empty: {g}")
if problems:
    sys.exit("FAIL: " + "; ".join(problems))
print("rendered:", ", ".join(f"{k} {v['w']:.0f}x{v['h']:.0f}" for k, v in got.items()))
PY

# 4. No console message from the product file; and the check can see one.
console_messages() {
  browser --enable-logging=stderr --v=0 --virtual-time-budget=3000 --dump-dom "file://$1" 2>&1 >/dev/null |
    grep -E ':CONSOLE[:(]|Uncaught' || true
}
sed 's|</body>|<script>console.error("deliberate");</script></body>|' "$REPORT" > "$WORK/control.html"
[[ -n $(console_messages "$WORK/control.html") ]] || fail "the console check does not see a deliberate console.error"
messages=$(console_messages "$REPORT")
[[ -z $messages ]] || fail "console messages while loading the report: $messages"
echo "PASS: the HTML report is self-contained and renders its charts and tables"
