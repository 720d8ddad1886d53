#!/usr/bin/env bash
# `leadscore diff --format html` writes one self-contained page: nothing fetched (no http:// or
# https:// anywhere), no script, and the parts issue 10 asks for: the tier matrix as a table and the
# score shift as inline SVG (and the backtests with --outcomes). Then, when Debian's chromium is
# installed, the page is opened headless: a screenshot, the chart's bars and the tables measured
# after layout (in a copy with a measuring script; the product file has none), and no console
# message while it loads.
#
#   check_html.sh LEADSCORE
set -euo pipefail
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$here"

fail() {
  echo "check_html: $1" >&2
  exit 1
}

"$bin" diff base.score pricing30.score -i leads.csv --as-of 2026-11-01 --format html -o "$tmp/plain.html"
"$bin" diff base.score pricing30.score -i leads.csv --outcomes outcomes.csv --as-of 2026-11-01 --format html \
  --fail-on qualified-change\>50% > "$tmp/outcomes.html"
"$bin" diff base.score rules_changed.score -i no_leads.csv --as-of 2026-11-01 --format html > "$tmp/no_leads.html"

for page in "$tmp"/*.html; do
  name=$(basename "$page")
  head -n 1 "$page" | grep -q '^<!DOCTYPE html>$' || fail "$name does not start with <!DOCTYPE html>"
  tail -n 1 "$page" | grep -q '^</html>$' || fail "$name does not end with </html>"
  if grep -qiE 'https?://' "$page"; then fail "$name names a URL: $(grep -oiE 'https?://[^"<> ]*' "$page" | head -n 1)"; fi
  if grep -qi '<script' "$page"; then fail "$name has a script"; fi
  if grep -qiE '<link|@import|url\(' "$page"; then fail "$name refers to another file"; fi
done
for page in plain outcomes; do
  grep -q 'id="tier-matrix"' "$tmp/$page.html" || fail "$page.html has no tier matrix"
  grep -q '<svg[^>]*id="score-shift"' "$tmp/$page.html" || fail "$page.html has no score-shift chart"
  grep -q 'id="model-changes"' "$tmp/$page.html" || fail "$page.html has no model changes"
  grep -q 'id="movers"' "$tmp/$page.html" || fail "$page.html has no movers table"
  # The matrix holds the leads that moved: warm -> hot for one lead (L01).
  grep -q 'title="warm → hot: 1 leads"' "$tmp/$page.html" || fail "$page.html: the warm -> hot cell is not 1"
done
grep -q 'id="backtests"' "$tmp/outcomes.html" || fail "outcomes.html has no backtest table"
if grep -q 'id="backtests"' "$tmp/plain.html"; then fail "plain.html has a backtest table without --outcomes"; fi
grep -q 'id="model-changes"' "$tmp/no_leads.html" || fail "no_leads.html has no model changes"
echo "ok: three diff pages, self-contained"

chromium=${CHROMIUM:-$(command -v chromium || command -v chromium-browser || true)}
if [ -z "$chromium" ]; then
  echo "skipped the browser checks: chromium is not installed"
  exit 0
fi
browser() {
  timeout 120 "$chromium" --headless --no-sandbox --disable-gpu --no-first-run --disable-background-networking \
    --disable-component-update --disable-sync --user-data-dir="$(mktemp -d "$tmp/profile.XXXXXX")" "$@"
}
page=$tmp/outcomes.html
browser --hide-scrollbars --window-size=1100,2000 --screenshot="$tmp/shot.png" "file://$page" > "$tmp/shot.log" 2>&1 ||
  fail "chromium could not take a screenshot: $(tail -n 3 "$tmp/shot.log")"
[ "$(stat -c %s "$tmp/shot.png")" -gt 20000 ] || fail "the screenshot is nearly empty"

measure='<script>
const out = {};
const sized = (e) => { const b = e.getBoundingClientRect(); return b.width > 0 && b.height > 0; };
for (const svg of document.querySelectorAll("svg.chart")) {
  const r = svg.getBoundingClientRect();
  out[svg.id] = {w: r.width, h: r.height, bars: [...svg.querySelectorAll("rect.bar")].filter(sized).length};
}
for (const t of document.querySelectorAll("table[id]")) {
  const r = t.getBoundingClientRect();
  out["table:" + t.id] = {w: r.width, h: r.height, rows: t.querySelectorAll("tr").length};
}
const pre = document.createElement("pre");
pre.id = "measure";
pre.textContent = JSON.stringify(out);
document.body.appendChild(pre);
</script>'
python3 - "$page" "$tmp/measured.html" "$measure" <<'PY'
import sys
page = open(sys.argv[1], encoding="utf-8").read()
open(sys.argv[2], "w", encoding="utf-8").write(page.replace("</body>", sys.argv[3] + "\n</body>"))
PY
browser --window-size=1100,2000 --run-all-compositor-stages-before-draw --virtual-time-budget=5000 \
  --dump-dom "file://$tmp/measured.html" > "$tmp/dom.html" 2> "$tmp/measure.log" || fail "chromium could not load the page"
python3 - "$tmp/dom.html" <<'PY'
import html, json, re, sys
m = re.search(r'<pre id="measure">(.*?)</pre>', open(sys.argv[1], encoding="utf-8").read(), re.S)
if not m:
    sys.exit("check_html: the measuring script did not run")
got = json.loads(html.unescape(m.group(1)))
problems = []
chart = got.get("score-shift")
# Four bars hold leads in this diff (unchanged 4, under +5 1, +5 to +10 1, +10 to +20 4).
if not chart or chart["w"] < 100 or chart["h"] < 100 or chart["bars"] < 4:
    problems.append(f"score-shift chart: {chart}")
for table, rows in (("tier-matrix", 5), ("model-changes", 2), ("backtests", 5), ("movers", 7)):
    t = got.get("table:" + table)
    if not t or t["rows"] < rows or t["w"] <= 0 or t["h"] <= 0:
        problems.append(f"table {table}: {t}")
if problems:
    sys.exit("check_html: " + "; ".join(problems))
print("rendered:", ", ".join(f"{k} {v['w']:.0f}x{v['h']:.0f}" for k, v in got.items()))
PY
console=$(browser --enable-logging=stderr --v=0 --virtual-time-budget=3000 --dump-dom "file://$page" 2>&1 > /dev/null |
  grep -E ':CONSOLE[:(]|Uncaught' || true)
[ -z "$console" ] || fail "console messages while loading the page: $console"
echo "ok: the page renders in chromium (screenshot, chart and tables measured, no console message)"
