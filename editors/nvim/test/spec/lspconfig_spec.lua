-- Without setup(): the plugin's lsp/redline.lua is what `vim.lsp.enable("redline")` uses (and
-- what nvim-lspconfig 2.x does for every server), and the hooks still work.
local H = require("redline_test.helpers")
local F = require("redline_test.fakes")

H.it("vim.lsp.enable('redline') with lsp/redline.lua attaches and reports AI text", function()
  F.install_copilot_lua()
  vim.lsp.config("redline", { cmd = { H.bin(), "lsp" } })
  vim.lsp.enable("redline")
  local repo = H.repo()
  local bufnr = H.open(repo, "lib.rs", { "fn main() {}", "" })
  local client = H.attached(bufnr)
  H.eq({ aiEditReporting = "client" }, client.config.init_options, "init_options from lsp/redline.lua")
  vim.api.nvim_win_set_cursor(0, { 2, 0 })
  F.copilot_lua_suggestion = {
    range = { start = { line = 1, character = 0 }, ["end"] = { line = 1, character = 0 } },
    text = "pub fn check_password(p: &str) -> bool { p == \"hunter2\" }",
  }
  require("copilot.suggestion").accept()
  H.wait_regions(bufnr, 1)
  H.wait(5000, function()
    return #H.diagnostics(bufnr, "auth") == 1
  end, "an auth diagnostic", function()
    return vim.diagnostic.get(bufnr)
  end)
end)

H.run("lspconfig")
