-- An accepted copilot.lua completion is reported with its exact range, shows up as an AI region
-- and an `auth` diagnostic, and :RedlineSignoff clears the diagnostic.
local H = require("redline_test.helpers")
local F = require("redline_test.fakes")

F.install_copilot_lua()
H.setup()

local repo = H.repo()
local bufnr

local AI = {
  "pub fn verify_token(token: &str) -> bool {",
  '    token == "s3cr3t"',
  "}",
}

H.it("the server attaches to a Rust buffer in a git repository", function()
  bufnr = H.open(repo, "src/auth.rs", { "use std::env;", "", "pub fn verify_" })
  local client = H.attached(bufnr)
  H.eq("redline", client.server_info and client.server_info.name, "serverInfo.name")
  H.eq(repo, client.root_dir, "root_dir")
  H.eq("utf-8", client.offset_encoding, "negotiated position encoding")
  H.eq({}, H.regions(bufnr).regions, "AI regions before any AI edit")
end)

H.it("an accepted copilot.lua completion is reported as redline/aiEdit with its exact range", function()
  vim.api.nvim_win_set_cursor(0, { 3, 14 })
  -- copilot's suggestion replaces the typed prefix: the whole line from column 0.
  F.copilot_lua_suggestion = {
    range = { start = { line = 2, character = 0 }, ["end"] = { line = 2, character = 14 } },
    text = table.concat(AI, "\n"),
  }
  local reported
  vim.api.nvim_create_autocmd("User", {
    pattern = "RedlineAiEdit",
    once = true,
    callback = function(ev)
      reported = ev.data
    end,
  })
  -- What copilot.lua's accept keymap calls.
  require("copilot.suggestion").accept()
  H.wait(3000, function()
    return reported ~= nil
  end, "a RedlineAiEdit report")
  H.eq({ "use std::env;", "", AI[1], AI[2], AI[3] }, vim.api.nvim_buf_get_lines(bufnr, 0, -1, false), "buffer after accept")
  H.eq({ { start = { line = 2, character = 14 }, ["end"] = { line = 4, character = 1 } } }, reported.ranges, "reported ranges")
  H.eq({ tool = "copilot", kind = "inline-completion" }, reported.origin, "reported origin")
  H.eq(vim.lsp.util.buf_versions[bufnr], reported.version, "reported version (the buffer's LSP version)")
  local regions = H.wait_regions(bufnr, 1)
  H.eq({ start = { line = 2, character = 14 }, ["end"] = { line = 4, character = 1 } }, regions[1].range, "region range from redline/regions")
  H.eq("copilot", regions[1].origin.tool, "region origin tool")
end)

H.it("an `auth` diagnostic appears on the AI-written function", function()
  local d = H.wait(5000, function()
    return H.diagnostics(bufnr, "auth")[1]
  end, "an auth diagnostic", function()
    return vim.diagnostic.get(bufnr)
  end)
  H.eq(2, d.lnum, "diagnostic start line")
  H.eq(4, d.end_lnum, "diagnostic end line")
  H.truthy(d.message:find("senior review", 1, true), "message asks for senior review", d.message)
end)

H.it("the AI region is painted as an extmark in RedlineAiRegion", function()
  local regions = require("redline.regions")
  H.wait(3000, function()
    return #regions.extmarks(bufnr) == 1
  end, "one region extmark", function()
    return regions.extmarks(bufnr)
  end)
  H.eq({ { 2, 14, 4, 1 } }, regions.extmarks(bufnr), "extmark range")
  local m = vim.api.nvim_buf_get_extmarks(bufnr, regions.ns, 0, -1, { details = true })[1]
  H.eq("RedlineAiRegion", m[4].hl_group, "extmark highlight group")
end)

H.it(":RedlineRegions lists the AI region and its finding in the location list", function()
  vim.cmd("RedlineRegions")
  local list
  H.wait(3000, function()
    list = vim.fn.getloclist(0, { items = 1, title = 1 })
    return #list.items == 1
  end, "one location list entry", function()
    return list
  end)
  local item = list.items[1]
  H.eq({ 3, 15, 5, 2 }, { item.lnum, item.col, item.end_lnum, item.end_col }, "entry position (1-based)")
  H.truthy(item.text:find("copilot", 1, true) and item.text:find("auth fn verify_token", 1, true), "entry text names the tool and the finding", item.text)
  vim.cmd("lclose")
end)

H.it(":RedlineProvenance shows who wrote the AI text", function()
  vim.cmd("messages clear")
  vim.cmd("RedlineProvenance")
  -- The server shows it with window/showMessage, which Neovim echoes into :messages.
  local text = H.wait(3000, function()
    local m = vim.fn.execute("messages")
    return m:find("AI-written text", 1, true) and m or nil
  end, "the provenance text in :messages", function()
    return vim.fn.execute("messages")
  end)
  H.truthy(text:find("lines 3-5: copilot", 1, true), "provenance names lines 3-5 and copilot", text)
end)

H.it(":RedlineSignoff clears the diagnostic", function()
  vim.cmd("RedlineSignoff")
  H.wait(5000, function()
    return #H.diagnostics(bufnr) == 0
  end, "no redline diagnostics after :RedlineSignoff", function()
    return H.diagnostics(bufnr)
  end)
  local regions = H.regions(bufnr).regions
  H.eq(true, regions[1].findings[1].reviewed, "the finding is reviewed")
end)

H.run("copilot_lua")
