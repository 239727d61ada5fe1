-- `vim.lsp.enable("redline")` without `require("redline").setup()` uses this configuration
-- (Neovim 0.11 reads lsp/<name>.lua from 'runtimepath').
return require("redline").lsp_config()
