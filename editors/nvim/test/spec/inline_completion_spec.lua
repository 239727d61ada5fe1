-- Neovim 0.12's vim.lsp.inline_completion.get() is wrapped when present (a stand-in module here,
-- since the tests run on 0.11.4).
local H = require("redline_test.helpers")
local F = require("redline_test.fakes")

local fake = F.install_inline_completion()
H.setup()
local repo = H.repo()

H.it("vim.lsp.inline_completion.get is wrapped and its insertion reported", function()
  local bufnr = H.open(repo, "main.py", { "import os", "", "" })
  H.attached(bufnr)
  H.truthy(require("redline.hooks").installed.inline_completion, "the inline_completion hook is installed")
  H.truthy(require("vim.lsp.inline_completion").get ~= nil, "get exists")
  F.inline_item = { range = { 2, 0, 2, 0 }, text = 'API_KEY = "sk_live_0123456789abcdef"\nDEBUG = os.environ.get("DEBUG")' }
  local accepted = require("vim.lsp.inline_completion").get()
  H.eq(true, accepted, "get() returns what the original returns")
  local report = require("redline.capture").last_report[bufnr]
  H.truthy(report ~= nil, "reported synchronously")
  H.eq({ { start = { line = 2, character = 0 }, ["end"] = { line = 3, character = 31 } } }, report.ranges, "reported ranges")
  H.wait_regions(bufnr, 1)
  H.eq(false, require("vim.lsp.inline_completion").get(), "get() with nothing presented returns false")
  H.truthy(fake.get ~= nil, "fake kept")
end)

H.run("inline_completion")
