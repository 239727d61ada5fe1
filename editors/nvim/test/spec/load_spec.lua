-- The plugin loads, registers the server for every language redline knows, defines its
-- commands, and :checkhealth redline runs.
local H = require("redline_test.helpers")

H.it("the plugin loads and defines its commands", function()
  H.eq(1, vim.g.loaded_redline, "g:loaded_redline (plugin/redline.lua sourced)")
  local ok, redline = pcall(require, "redline")
  H.truthy(ok, "require('redline') succeeds", tostring(redline))
  for _, cmd in ipairs({ "RedlineSignoff", "RedlineRegions", "RedlineMarkAi", "RedlineProvenance" }) do
    H.eq(2, vim.fn.exists(":" .. cmd), ":" .. cmd .. " exists")
  end
  for _, mod in ipairs({ "redline.capture", "redline.hooks", "redline.regions", "redline.commands", "redline.health", "redline.util" }) do
    local ok_, err = pcall(require, mod)
    H.truthy(ok_, "require('" .. mod .. "')", tostring(err))
  end
end)

H.it("setup() registers the server with vim.lsp.config for every language redline knows", function()
  H.setup({ identity = "lead@example.com" })
  local config = vim.lsp.config.redline
  H.truthy(config ~= nil, "vim.lsp.config.redline exists")
  H.eq({ H.bin(), "lsp" }, config.cmd, "cmd")
  H.eq({ aiEditReporting = "client", identity = "lead@example.com" }, config.init_options, "init_options")
  for _, ft in ipairs({
    "rust", "python", "go", "javascript", "javascriptreact", "typescript", "typescriptreact", "java",
    "sh", "bash", "json", "jsonc", "yaml", "toml", "terraform", "hcl", "dockerfile",
  }) do
    H.truthy(vim.tbl_contains(config.filetypes, ft), "filetype " .. ft .. " is covered", H.fmt(config.filetypes))
  end
  H.truthy(vim.lsp.is_enabled == nil or vim.lsp.is_enabled("redline"), "vim.lsp.is_enabled('redline')")
end)

H.it("the server attaches to a buffer of each kind of file (rust, python, yaml, terraform, dockerfile)", function()
  local repo = H.repo()
  local files = {
    { "a.rs", "rust", "fn main() {}" },
    { "b.py", "python", "import os" },
    { "c.yaml", "yaml", "a: 1" },
    { "d.tf", "terraform", 'resource "aws_iam_role" "r" {}' },
    { "Dockerfile", "dockerfile", "FROM debian" },
    { "e.sh", "sh", "echo hi" },
    { "f.ts", "typescript", "export {}" },
  }
  for _, f in ipairs(files) do
    local bufnr = H.open(repo, f[1], { f[3] })
    H.eq(f[2], vim.bo[bufnr].filetype, f[1] .. " filetype")
    H.attached(bufnr)
  end
end)

H.it(":checkhealth redline reports the server and no errors", function()
  vim.cmd("checkhealth redline")
  local text = table.concat(vim.api.nvim_buf_get_lines(0, 0, -1, false), "\n")
  H.truthy(text:find("redline 0%.") ~= nil, "health shows the server's version", text)
  H.truthy(text:find("vim.paste is wrapped", 1, true) ~= nil, "health shows the paste hook", text)
  H.truthy(text:find("ERROR") == nil, "no ERROR in :checkhealth redline", text)
end)

H.it("doc/redline.txt builds help tags without errors", function()
  local dir = vim.fn.tempname() .. "-doc"
  vim.fn.mkdir(dir, "p")
  vim.fn.writefile(vim.fn.readfile(vim.g.redline_test_plugin_dir .. "/doc/redline.txt"), dir .. "/redline.txt")
  vim.cmd("helptags " .. vim.fn.fnameescape(dir))
  local tags = {}
  for _, line in ipairs(vim.fn.readfile(dir .. "/tags")) do
    tags[line:match("^[^\t]+")] = true
  end
  for _, t in ipairs({ "redline.txt", "redline-setup", "redline.mark_ai()", ":RedlineSignoff", ":RedlineRegions", ":RedlineMarkAi", "hl-RedlineAiRegion", "redline-limits", "redline-lspconfig" }) do
    H.truthy(tags[t], "help tag " .. t)
  end
end)

H.run("load")
