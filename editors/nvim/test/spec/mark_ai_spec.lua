-- require("redline").mark_ai(), require("redline").capture() and :RedlineMarkAi, with columns
-- in the negotiated position encoding: utf-8 (Neovim's first choice) and utf-16.
local H = require("redline_test.helpers")

local PREFIX = "/* héllo 🎉 */ " -- 18 bytes, 15 UTF-16 code units
local SECRET = 'const JWT_SECRET: &str = "sk_live_9f2c4e7a1b8d3f6e0c5a";'
local LINE = PREFIX .. SECRET

local function check_encoding(enc, expected_char)
  local repo = H.repo()
  local bufnr = H.open(repo, "src/keys.rs", { "use std::env;", LINE, "" })
  local client = H.attached(bufnr)
  H.eq(enc, client.offset_encoding, "negotiated position encoding")

  local sent, err = require("redline").mark_ai(bufnr, { 1, #PREFIX, 1, #LINE }, { tool = "claude-code", kind = "chat-edit" })
  H.truthy(sent ~= nil, "mark_ai returned the ranges it sent", err)
  H.eq({ { start = { line = 1, character = expected_char }, ["end"] = { line = 1, character = expected_char + #SECRET } } }, sent, "ranges sent (" .. enc .. ")")
  local regions = H.wait_regions(bufnr, 1)
  H.eq(sent[1], regions[1].range, "region range from the server")
  H.eq({ tool = "claude-code", kind = "chat-edit" }, { tool = regions[1].origin.tool, kind = regions[1].origin.kind }, "region origin")
  local d = H.wait(5000, function()
    return H.diagnostics(bufnr, "secrets")[1]
  end, "a secrets diagnostic", function()
    return vim.diagnostic.get(bufnr)
  end)
  H.eq({ 1, #PREFIX, 1, #LINE }, { d.lnum, d.col, d.end_lnum, d.end_col }, "diagnostic position in bytes")
  H.wait(3000, function()
    return #require("redline.regions").extmarks(bufnr) == 1
  end, "one region extmark")
  H.eq({ { 1, #PREFIX, 1, #LINE } }, require("redline.regions").extmarks(bufnr), "extmark in bytes")

  -- The generic capture (what the copilot.lua and inline-completion hooks call), inserting after
  -- multi-byte text on the same line.
  local tail = " // 🔑 rotate"
  local ranges = require("redline").capture(bufnr, { tool = "cody" }, function()
    vim.api.nvim_buf_set_text(bufnr, 1, #LINE, 1, #LINE, { tail })
  end)
  H.eq(nil, ranges, "capture() returns what the wrapped function returns")
  local report = require("redline.capture").last_report[bufnr]
  local tail_units = enc == "utf-8" and #tail or (enc == "utf-16" and vim.str_utfindex(tail, "utf-16") or vim.str_utfindex(tail, "utf-32"))
  H.eq({ { start = { line = 1, character = expected_char + #SECRET }, ["end"] = { line = 1, character = expected_char + #SECRET + tail_units } } }, report.ranges, "captured insertion (" .. enc .. ")")
  H.wait_regions(bufnr, 2)
  return bufnr
end

H.it("mark_ai and capture in utf-8", function()
  H.setup()
  check_encoding("utf-8", #PREFIX)
end)

H.it("mark_ai and capture in utf-16 (a client that offers only utf-16)", function()
  H.setup({ lsp = { capabilities = { general = { positionEncodings = { "utf-16" } } } } })
  check_encoding("utf-16", 15)
end)

H.it("mark_ai rejects a range outside the buffer and sends nothing", function()
  local bufnr = vim.api.nvim_get_current_buf()
  local before = require("redline.capture").last_report[bufnr]
  local sent, err = require("redline").mark_ai(bufnr, { 0, 0, 99, 0 }, { tool = "x" })
  H.eq(nil, sent, "mark_ai result")
  H.truthy(err and err:find("outside the buffer", 1, true), "error names the problem", err)
  H.eq(before, require("redline.capture").last_report[bufnr], "nothing sent")
end)

H.it(":RedlineMarkAi marks a linewise and a characterwise visual selection", function()
  H.setup()
  local repo = H.repo()
  local bufnr = H.open(repo, "deploy.py", {
    "import subprocess",
    "def deploy():",
    '    subprocess.run(["kubectl", "apply", "-f", "prod.yaml"], check=True)',
    "x = 1",
    "y = 2",
  })
  local client = H.attached(bufnr)
  vim.api.nvim_win_set_cursor(0, { 2, 0 })
  vim.api.nvim_feedkeys(vim.keycode("Vj<Esc>"), "nx", false)
  vim.cmd("'<,'>RedlineMarkAi aider")
  local regions = H.wait_regions(bufnr, 1)
  H.eq({ start = { line = 1, character = 0 }, ["end"] = { line = 3, character = 0 } }, regions[1].range, "linewise region (whole lines)")
  H.eq("aider", regions[1].origin.tool, "tool from the argument")
  H.eq("manual", regions[1].origin.kind, "kind")

  vim.api.nvim_win_set_cursor(0, { 5, 4 }) -- on the 2 of "y = 2"
  vim.api.nvim_feedkeys(vim.keycode("v<Esc>"), "nx", false)
  vim.cmd("'<,'>RedlineMarkAi")
  regions = H.wait_regions(bufnr, 2)
  H.eq({ start = { line = 4, character = 4 }, ["end"] = { line = 4, character = 5 } }, regions[2].range, "characterwise region")
  H.eq("unknown", regions[2].origin.tool, "default tool")
  H.truthy(client ~= nil, "client")
end)

H.run("mark_ai")
