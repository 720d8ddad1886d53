-- Run by nvim_test.sh in headless Neovim (0.7 or later): starts `leadscore lsp` with the built-in
-- LSP client, opens a model with a mistake, and checks the diagnostic that arrives through
-- vim.diagnostic.get, then hover over a field. Writes what it saw to $LSP_RESULT; exits non-zero
-- (cquit) on any failure.
local leadscore = os.getenv('LEADSCORE')
local model = os.getenv('LSP_MODEL')
local result_path = os.getenv('LSP_RESULT')
local lines = {}
local function say(s) table.insert(lines, s) end
local function finish(ok)
  local f = io.open(result_path, 'w')
  f:write(table.concat(lines, '\n') .. '\n')
  f:close()
  if ok then vim.cmd('qall!') else vim.cmd('cquit 1') end
end

local client_id = vim.lsp.start_client({
  name = 'leadscore',
  cmd = { leadscore, 'lsp' },
  root_dir = vim.fn.fnamemodify(model, ':h'),
})
if not client_id then say('FAIL: the client did not start'); finish(false) end
vim.cmd('edit ' .. vim.fn.fnameescape(model))
vim.lsp.buf_attach_client(0, client_id)

local arrived = vim.wait(15000, function() return #vim.diagnostic.get(0) > 0 end, 50)
if not arrived then say('FAIL: no diagnostic arrived within 15 s'); finish(false) end
local ok = true
local found = false
for _, d in ipairs(vim.diagnostic.get(0)) do
  say(string.format('diagnostic %d:%d-%d:%d severity=%d code=%s %s', d.lnum, d.col, d.end_lnum, d.end_col,
                    d.severity, tostring(d.code), d.message))
  if d.code == 'E004' and d.message:find("pricng_page", 1, true) and d.severity == vim.diagnostic.severity.ERROR then
    found = true
    -- Line 6 (0-based 5): `  when job_title = "Ünï 🚀" or visited pricng_page add 20`.
    -- Neovim's diagnostic columns are byte columns: it converted from the server's UTF-16.
    local line = vim.api.nvim_buf_get_lines(0, d.lnum, d.lnum + 1, false)[1]
    local want = line:find('pricng_page', 1, true) - 1
    if d.lnum ~= 5 or d.col ~= want then
      say(string.format('FAIL: E004 at %d:%d, want 5:%d', d.lnum, d.col, want)); ok = false
    end
  end
end
if not found then say('FAIL: no E004 error about pricng_page'); ok = false end

-- Hover over `company_size`.
local params = { textDocument = { uri = vim.uri_from_bufnr(0) }, position = { line = 4, character = 9 } }
local responses = vim.lsp.buf_request_sync(0, 'textDocument/hover', params, 10000)
local hover_text = nil
for _, r in pairs(responses or {}) do
  if r.result and r.result.contents then hover_text = r.result.contents.value end
end
say('hover: ' .. tostring(hover_text))
if not hover_text or not hover_text:find('company_size: int', 1, true) then
  say('FAIL: hover did not describe company_size'); ok = false
end
vim.lsp.stop_client(client_id)
finish(ok)
