#!/usr/bin/env bash
# Makes docs/editors/neovim-hover-diagnostic.png: real Neovim (Debian's 0.7) in tmux, with
# editors/neovim/leadscore.lua, on a model with a misspelt member (diagnostic) and hover over a
# field; the pane is captured with its colours, rendered to HTML and shot with headless chromium.
# usage: tests/lsp/screenshot.sh LEADSCORE [OUT.png]
set -euo pipefail
leadscore=$(realpath "$1")
root=$(cd "$(dirname "$0")/../.." && pwd)
out=${2:-$root/docs/editors/neovim-hover-diagnostic.png}
tmp=$(mktemp -d)
session=leadscore-lsp-shot-$$
trap 'tmux kill-session -t "$session" 2>/dev/null || true; rm -rf "$tmp"' EXIT
mkdir -p "$tmp/bin" "$tmp/models"
ln -s "$leadscore" "$tmp/bin/leadscore"
cp "$root/examples/lead.schema" "$tmp/models/lead.schema"
cat >"$tmp/models/b2b.score" <<'MODEL'
model "B2B inbound"
schema "lead.schema"

let senior = job_title matches /\b(chief|cto|vp|head of)\b/i
let big_co = company_size >= 100

group fit max 40 {
  when senior add 15 as "Senior title"
  when big_co add 10
  when industry in [saas, fintech] add 5
}

group engagement max 60 {
  when visited pricng_page add 20
  when email_opens >= 3 add 5
}

qualify at 50
MODEL
cat >"$tmp/init.lua" <<EOF2
vim.opt.termguicolors = true
vim.opt.number = true
vim.opt.signcolumn = 'yes'
vim.cmd('syntax on')
vim.cmd('colorscheme default')
dofile('$root/editors/neovim/leadscore.lua')
EOF2
PATH="$tmp/bin:$PATH" tmux new-session -d -s "$session" -x 118 -y 22 \
  "env PATH=$tmp/bin:$PATH HOME=$tmp XDG_CONFIG_HOME=$tmp/c XDG_DATA_HOME=$tmp/d XDG_STATE_HOME=$tmp/s TERM=xterm-256color nvim -i NONE -u $tmp/init.lua $tmp/models/b2b.score"
sleep 4
# Cursor on `company_size` (line 5), then hover (K, mapped by leadscore.lua).
tmux send-keys -t "$session" '5G' '0' '13l'
sleep 1
tmux send-keys -t "$session" 'K'
sleep 2
tmux capture-pane -t "$session" -e -p >"$tmp/pane.txt"
python3 "$root/tests/lsp/ansi_to_html.py" <"$tmp/pane.txt" >"$tmp/pane.html"
chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --screenshot="$out" --window-size=1100,430 "file://$tmp/pane.html" >/dev/null 2>&1
echo "wrote $out"
