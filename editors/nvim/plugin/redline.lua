if vim.g.loaded_redline == 1 then
  return
end
vim.g.loaded_redline = 1

if vim.fn.has("nvim-0.11") ~= 1 then
  vim.notify("redline.nvim needs Neovim 0.11 or later", vim.log.levels.WARN)
  return
end

require("redline.commands").create()

local group = vim.api.nvim_create_augroup("redline", { clear = true })

-- Whichever way the server was started (setup(), nvim-lspconfig, vim.lsp.enable), watch the
-- buffers it attaches to.
vim.api.nvim_create_autocmd("LspAttach", {
  group = group,
  callback = function(ev)
    local client = vim.lsp.get_client_by_id(ev.data.client_id)
    if client and client.name == "redline" then
      require("redline")._on_attach(client, ev.buf)
    end
  end,
})

vim.api.nvim_create_autocmd("LspDetach", {
  group = group,
  callback = function(ev)
    local client = vim.lsp.get_client_by_id(ev.data.client_id)
    if client and client.name == "redline" then
      require("redline")._on_detach(ev.buf)
    end
  end,
})

vim.api.nvim_create_autocmd("ColorScheme", {
  group = group,
  callback = function()
    require("redline.regions").define_highlights()
  end,
})
