#!/usr/bin/env bash
# The worked example of docs/review.md "## diff" is what the commands print: the example's commands
# are run as the page shows them, and their text and Markdown output must appear in the page verbatim.
#
#   check_doc_example.sh LEADSCORE REPO_ROOT
set -euo pipefail
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
root=$(cd "$2" && pwd)
doc=$root/docs/review.md
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$tmp"

python3 "$root/bench/gen_leads.py" --rows 20000 --seed 8 --outcomes outcomes.csv > leads.csv
mkdir -p models && cp "$root/bench/reference.score" "$root/bench/lead.schema" models/
sed 's/add 20 as "Visited pricing"/add 25 as "Visited pricing"/' models/reference.score > models/pricing25.score
status=0
"$bin" diff models/reference.score models/pricing25.score -i leads.csv --outcomes outcomes.csv \
  --as-of 2026-11-01 --top 3 --fail-on 'qualified-change>5%,auc-drop>0.01' > text.out || status=$?
[ "$status" = 0 ] || { echo "check_doc_example: the text example exited $status, the page says 0" >&2; exit 1; }
status=0
"$bin" diff models/reference.score models/pricing25.score -i leads.csv --outcomes outcomes.csv \
  --as-of 2026-11-01 --format github --fail-on 'qualified-change>1%,auc-drop>0.01' > github.out 2> /dev/null || status=$?
[ "$status" = 1 ] || { echo "check_doc_example: the github example exited $status, the page says 1" >&2; exit 1; }

python3 - "$doc" text.out github.out <<'PY'
import sys
doc = open(sys.argv[1], encoding="utf-8").read()
for name in sys.argv[2:]:
    out = open(name, encoding="utf-8").read()
    if out not in doc:
        sys.exit(f"check_doc_example: docs/review.md does not show what the command printed ({name}):\n{out}")
print("ok: docs/review.md shows what the diff example prints")
PY
