-- Provenance survives the editor: after :w and a restart of the server, the AI region and its
-- diagnostic come back from the repository's ledger, and are painted again.
local H = require("redline_test.helpers")
local F = require("redline_test.fakes")

F.install_copilot_lua()
H.setup()
local repo = H.repo()

H.it("an accepted completion is in the ledger after :w and a server restart", function()
  local bufnr, path = H.open(repo, "src/auth.rs", { "use std::env;", "" })
  H.attached(bufnr)
  vim.api.nvim_win_set_cursor(0, { 2, 0 })
  F.copilot_lua_suggestion = {
    range = { start = { line = 1, character = 0 }, ["end"] = { line = 1, character = 0 } },
    text = 'pub fn verify_token(token: &str) -> bool {\n    token == "s3cr3t"\n}',
  }
  require("copilot.suggestion").accept()
  H.wait_regions(bufnr, 1)
  vim.cmd("write")
  H.truthy(vim.uv.fs_stat(repo .. "/.git/redline/ledger.db") ~= nil, "the ledger exists in .git/redline/")

  -- Stop the server and open the file again in a fresh one.
  for _, c in ipairs(vim.lsp.get_clients({ name = "redline" })) do
    c:stop()
  end
  H.wait(5000, function()
    return #vim.lsp.get_clients({ name = "redline" }) == 0
  end, "the server to stop")
  vim.cmd("bwipeout! " .. bufnr)
  vim.cmd.edit(vim.fn.fnameescape(path))
  local b2 = vim.api.nvim_get_current_buf()
  H.attached(b2)
  local regions = H.wait_regions(b2, 1)
  H.eq({ start = { line = 1, character = 0 }, ["end"] = { line = 3, character = 1 } }, regions[1].range, "region loaded from the ledger")
  H.eq("copilot", regions[1].origin.tool, "origin loaded from the ledger")
  H.wait(5000, function()
    return #H.diagnostics(b2, "auth") == 1
  end, "the auth diagnostic again", function()
    return vim.diagnostic.get(b2)
  end)
  H.wait(3000, function()
    return vim.deep_equal(require("redline.regions").extmarks(b2), { { 1, 0, 3, 1 } })
  end, "the region painted again", function()
    return require("redline.regions").extmarks(b2)
  end)
  -- And the command line sees it too.
  local r = vim.system({ H.bin(), "check", "--format", "json", "src/auth.rs" }, { cwd = repo, text = true }):wait()
  H.eq(1, r.code, "redline check exit status (something needs review)")
  local out = vim.json.decode(r.stdout)
  H.eq("auth", out.findings[1].category, "redline check finding category")
  H.eq("copilot", out.findings[1].origin.tool, "redline check finding origin")
end)

H.run("ledger")
