-- Not AI: a paste marks nothing (even inside an accept), and undo of an AI insertion removes its
-- region; redo brings the text back as nobody's.
local H = require("redline_test.helpers")
local F = require("redline_test.fakes")

F.install_copilot_lua()
H.setup()
local repo = H.repo()
local capture = require("redline.capture")

local AUTH = {
  "pub fn verify_token(token: &str) -> bool {",
  '    token == "s3cr3t"',
  "}",
}

H.it("a paste (nvim_paste -> vim.paste) marks nothing", function()
  local bufnr = H.open(repo, "pasted.rs", { "// pasted below", "" })
  H.attached(bufnr)
  vim.api.nvim_win_set_cursor(0, { 2, 0 })
  H.eq(true, vim.api.nvim_paste(table.concat(AUTH, "\n") .. "\n", false, -1), "nvim_paste succeeded")
  H.truthy(table.concat(vim.api.nvim_buf_get_lines(bufnr, 0, -1, false), "\n"):find("verify_token", 1, true), "the text was pasted")
  H.sleep(500)
  H.eq(nil, capture.last_report[bufnr], "no redline/aiEdit sent")
  H.eq({}, H.regions(bufnr).regions, "AI regions after the paste")
  H.eq({}, H.diagnostics(bufnr), "redline diagnostics after the paste")
end)

H.it("a paste inside an open accept window is not counted", function()
  local bufnr = H.open(repo, "pasted2.rs", { "" })
  H.attached(bufnr)
  local token = capture.begin(bufnr, { tool = "copilot" })
  vim.api.nvim_paste(table.concat(AUTH, "\n"), false, -1)
  H.eq(nil, capture.finish(bufnr, token), "what the window reports")
  H.eq({}, H.regions(bufnr).regions, "AI regions")
end)

H.it("undo of an accepted AI completion removes its region and diagnostic", function()
  local bufnr = H.open(repo, "src/auth.rs", { "use std::env;", "" })
  H.attached(bufnr)
  vim.api.nvim_win_set_cursor(0, { 2, 0 })
  F.copilot_lua_suggestion = {
    range = { start = { line = 1, character = 0 }, ["end"] = { line = 1, character = 0 } },
    text = table.concat(AUTH, "\n"),
  }
  require("copilot.suggestion").accept()
  H.wait_regions(bufnr, 1)
  H.wait(5000, function()
    return #H.diagnostics(bufnr, "auth") == 1
  end, "an auth diagnostic", function()
    return vim.diagnostic.get(bufnr)
  end)
  local reports = capture.last_report[bufnr]
  vim.cmd("undo")
  H.eq({ "use std::env;", "" }, vim.api.nvim_buf_get_lines(bufnr, 0, -1, false), "buffer after undo")
  H.wait_regions(bufnr, 0)
  H.wait(5000, function()
    return #H.diagnostics(bufnr) == 0
  end, "no redline diagnostics after undo", function()
    return H.diagnostics(bufnr)
  end)
  H.wait(3000, function()
    return #require("redline.regions").extmarks(bufnr) == 0
  end, "no region extmarks after undo", function()
    return require("redline.regions").extmarks(bufnr)
  end)
  H.eq(reports, capture.last_report[bufnr], "undo sent no redline/aiEdit")

  vim.cmd("redo")
  H.eq({ "use std::env;", AUTH[1], AUTH[2], AUTH[3] }, vim.api.nvim_buf_get_lines(bufnr, 0, -1, false), "buffer after redo")
  H.sleep(500)
  H.eq({}, H.regions(bufnr).regions, "AI regions after redo (redo is not AI)")
  H.eq(reports, capture.last_report[bufnr], "redo sent no redline/aiEdit")
end)

H.run("paste_undo")
