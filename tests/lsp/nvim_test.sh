#!/usr/bin/env bash
# Debian's neovim, headless, with its built-in LSP client against `leadscore lsp`: a diagnostic for
# a model with a mistake must arrive (vim.diagnostic.get) at the right place, and hover must work.
# FAILS when nvim is missing: CI installs it (.ci/setup).
# usage: nvim_test.sh LEADSCORE
set -euo pipefail
leadscore=$(realpath "$1")
here=$(cd "$(dirname "$0")" && pwd)
if ! command -v nvim >/dev/null; then
  echo "FAIL: nvim is not installed (apt-get install neovim; .ci/setup installs it)" >&2
  exit 1
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cat >"$tmp/lead.schema" <<'SCHEMA'
schema lead {
  id:           string key
  email:        string required
  job_title:    string
  company_size: int
  visited:      set(pricing_page, contact_page, blog)
}
SCHEMA
cat >"$tmp/model.score" <<'MODEL'
schema "lead.schema"

# «Café» 🚀
when company_size >= 100 add 10
when company_size >= 1000 add 10
  when job_title = "Ünï 🚀" or visited pricng_page add 20
qualify at 20
MODEL
export LEADSCORE="$leadscore" LSP_MODEL="$tmp/model.score" LSP_RESULT="$tmp/result.txt"
status=0
HOME="$tmp" XDG_CONFIG_HOME="$tmp/config" XDG_DATA_HOME="$tmp/data" XDG_STATE_HOME="$tmp/state" \
  timeout 60 nvim --headless --clean -u NONE -i NONE -c "luafile $here/nvim_diagnostics.lua" </dev/null >/dev/null 2>&1 || status=$?
cat "$tmp/result.txt" 2>/dev/null || echo "FAIL: nvim wrote no result (status $status)"
if [ "$status" -ne 0 ] || grep -q '^FAIL' "$tmp/result.txt"; then
  echo "nvim LSP test failed (nvim status $status)"
  exit 1
fi
echo "nvim LSP test passed"
