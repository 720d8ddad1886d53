-- leadscore in Neovim (0.7 or later) with the built-in LSP client and no plugin.
-- Put this file in ~/.config/nvim/lua/ and add `require('leadscore')` to your init.lua
-- (or paste it there). Needs `leadscore` on PATH.
vim.cmd([[
  augroup leadscore_filetype
    autocmd!
    autocmd BufRead,BufNewFile *.score,*.schema setfiletype leadscore
    autocmd FileType leadscore setlocal commentstring=#\ %s
  augroup END
]])

local function start()
  local path = vim.api.nvim_buf_get_name(0)
  local root = vim.fn.fnamemodify(path, ':p:h')
  local git = vim.fn.finddir('.git', root .. ';')
  if git ~= '' then root = vim.fn.fnamemodify(git, ':p:h:h') end
  local config = { name = 'leadscore', cmd = { 'leadscore', 'lsp' }, root_dir = root }
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
    vim.lsp.buf_attach_client(0, id)
  end
end

vim.api.nvim_create_autocmd('FileType', { pattern = 'leadscore', callback = start })

-- Suggested keys (the usual ones): K hover, gd definition, gr references, <space>f format,
-- <space>a code action, and code lenses refreshed on save.
vim.api.nvim_create_autocmd('FileType', {
  pattern = 'leadscore',
  callback = function(args)
    local opts = { buffer = args.buf }
    vim.keymap.set('n', 'K', vim.lsp.buf.hover, opts)
    vim.keymap.set('n', 'gd', vim.lsp.buf.definition, opts)
    vim.keymap.set('n', 'gr', vim.lsp.buf.references, opts)
    vim.keymap.set('n', '<space>a', vim.lsp.buf.code_action, opts)
    vim.keymap.set('n', '<space>f', function()
      if vim.lsp.buf.format then vim.lsp.buf.format() else vim.lsp.buf.formatting() end
    end, opts)
    vim.api.nvim_create_autocmd({ 'BufEnter', 'BufWritePost', 'InsertLeave' }, {
      buffer = args.buf, callback = function() pcall(vim.lsp.codelens.refresh) end,
    })
  end,
})
