-- leadscore in Neovim (0.7 or later) with the built-in LSP client and no plugin.
-- Put this file in ~/.config/nvim/lua/ and add `require('leadscore')` to your init.lua
-- (or `dofile` it from there). Needs `leadscore` on PATH.
vim.cmd([[
  augroup leadscore_filetype
    autocmd!
    " Vim's own detection calls *.score slrn score files: override it.
    autocmd BufRead,BufNewFile *.score,*.schema set filetype=leadscore
    autocmd FileType leadscore setlocal commentstring=#\ %s
  augroup END
]])

-- The usual keys: K hover, gd definition, gr references, <space>a code action, <space>f format;
-- code lenses (a rule's points, how many tests fire it) refreshed on save and leaving insert mode.
local function on_attach(client, bufnr)
  local opts = { buffer = bufnr }
  vim.keymap.set('n', 'K', vim.lsp.buf.hover, opts)
  vim.keymap.set('n', 'gd', vim.lsp.buf.definition, opts)
  vim.keymap.set('n', 'gr', vim.lsp.buf.references, opts)
  vim.keymap.set('n', '<space>a', vim.lsp.buf.code_action, opts)
  vim.keymap.set('n', '<space>f', function()
    if vim.lsp.buf.format then vim.lsp.buf.format() else vim.lsp.buf.formatting() end
  end, opts)
  vim.bo[bufnr].omnifunc = 'v:lua.vim.lsp.omnifunc'
  vim.lsp.codelens.refresh()
  vim.api.nvim_create_autocmd({ 'BufWritePost', 'InsertLeave' }, {
    buffer = bufnr, callback = function() vim.lsp.codelens.refresh() end,
  })
end

local function start()
  local path = vim.api.nvim_buf_get_name(0)
  local root = vim.fn.fnamemodify(path, ':p:h')
  local git = vim.fn.finddir('.git', root .. ';')
  if git ~= '' then root = vim.fn.fnamemodify(git, ':p:h:h') end
  local config = { name = 'leadscore', cmd = { 'leadscore', 'lsp' }, root_dir = root, on_attach = on_attach }
  if vim.lsp.start then
    vim.lsp.start(config)  -- Neovim 0.8+: reuses a running client
  else
    -- Neovim 0.7: one client per root, attached to every leadscore buffer.
    _G.leadscore_clients = _G.leadscore_clients or {}
    local id = _G.leadscore_clients[root]
    if not id or not vim.lsp.get_client_by_id(id) then
      id = vim.lsp.start_client(config)
      _G.leadscore_clients[root] = id
    end
    if id then vim.lsp.buf_attach_client(0, id) end
  end
end

vim.api.nvim_create_autocmd('FileType', { pattern = 'leadscore', callback = start })
