-- copilot.vim: accepting through its <Tab> <expr> mapping (copilot#Accept) is reported; <Tab>
-- without a suggestion is not.
local H = require("redline_test.helpers")
local F = require("redline_test.fakes")

F.install_copilot_vim()
H.setup()
local repo = H.repo()
local bufnr

H.it("the copilot#Accept <Tab> mapping is wrapped and still calls copilot#Accept", function()
  bufnr = H.open(repo, "src/session.rs", { "use std::time::Duration;", "" })
  H.attached(bufnr)
  -- Wrapped when the server attached (LspAttach), as on VimEnter and InsertEnter.
  H.eq(2, require("redline.hooks").installed.copilot_vim, "mappings wrapped (<Tab> and <Plug>(copilot-accept-line))")
  local m = vim.fn.maparg("<Tab>", "i", false, true)
  H.truthy(m.rhs:find("copilot#Accept()", 1, true), "the wrapped rhs still calls copilot#Accept()", m.rhs)
  H.eq(1, vim.fn.hasmapto("copilot#Accept(", "i"), "hasmapto('copilot#Accept(', 'i') (copilot.vim checks it)")
  H.eq(1, m.expr, "the mapping is still an <expr> mapping")
  H.eq(1, m.script, "the mapping keeps <script>")
  H.eq(0, require("redline.hooks").install_copilot_vim(), "wrapping again does nothing")
end)

H.it("accepting a displayed suggestion with <Tab> reports the inserted text", function()
  vim.g.fake_copilot_text = "pub fn login(user: &str, password: &str) -> bool {\n    password == \"letmein\"\n}"
  local reported
  vim.api.nvim_create_autocmd("User", {
    pattern = "RedlineAiEdit",
    once = true,
    callback = function(ev)
      reported = ev.data
    end,
  })
  vim.api.nvim_win_set_cursor(0, { 2, 0 })
  vim.api.nvim_feedkeys(vim.keycode("A<Tab><Esc>"), "mtx", false)
  H.wait(3000, function()
    return reported ~= nil
  end, "a RedlineAiEdit report", function()
    return vim.api.nvim_buf_get_lines(bufnr, 0, -1, false)
  end)
  H.eq({
    "use std::time::Duration;",
    "pub fn login(user: &str, password: &str) -> bool {",
    '    password == "letmein"',
    "}",
  }, vim.api.nvim_buf_get_lines(bufnr, 0, -1, false), "buffer after <Tab>")
  H.eq({ { start = { line = 1, character = 0 }, ["end"] = { line = 3, character = 1 } } }, reported.ranges, "reported ranges")
  H.eq("copilot", reported.origin.tool, "origin tool")
  H.wait_regions(bufnr, 1)
  H.wait(5000, function()
    return #H.diagnostics(bufnr, "auth") == 1
  end, "an auth diagnostic", function()
    return vim.diagnostic.get(bufnr)
  end)
end)

H.it("<Tab> without a suggestion inserts a tab and reports nothing", function()
  local before = require("redline.capture").last_report[bufnr]
  vim.bo[bufnr].expandtab = false
  vim.bo[bufnr].softtabstop = 0
  vim.api.nvim_win_set_cursor(0, { 4, 0 })
  vim.api.nvim_feedkeys(vim.keycode("o<Tab>x<Esc>"), "mtx", false)
  local typed = vim.api.nvim_buf_get_lines(bufnr, 4, 5, false)[1]
  -- The fallback "\t" (a tab, or spaces under the Rust ftplugin's indent settings).
  H.truthy(typed:match("^%s+x$") ~= nil, "line typed with <Tab> is indentation then x", H.fmt(typed))
  H.sleep(300)
  H.eq(before, require("redline.capture").last_report[bufnr], "last report unchanged")
  H.eq(false, require("redline.capture").active(bufnr), "no capture window left open")
  H.eq(1, #H.regions(bufnr).regions, "still one AI region")
end)

H.it('a user mapping copilot#Accept("\\<CR>") keeps its fallback and reports accepts', function()
  vim.cmd([[imap <silent><script><expr> <C-J> copilot#Accept("\<CR>")]])
  H.eq(1, require("redline.hooks").install_copilot_vim(), "the <C-J> mapping is wrapped")
  local rhs = vim.fn.maparg("<C-J>", "i", false, true).rhs
  H.truthy(rhs:find('copilot#Accept("\\<CR>")', 1, true), "the wrapped rhs keeps the argument", rhs)
  local n = vim.api.nvim_buf_line_count(bufnr)
  vim.api.nvim_win_set_cursor(0, { n, 0 })
  -- No suggestion: the fallback <CR> splits the line.
  vim.api.nvim_feedkeys(vim.keycode("A<C-J>after<Esc>"), "mtx", false)
  H.eq(n + 1, vim.api.nvim_buf_line_count(bufnr), "line count after <C-J> without a suggestion")
  H.eq("after", vim.trim(vim.api.nvim_buf_get_lines(bufnr, n, n + 1, false)[1]), "text after the fallback <CR>")
  -- A suggestion: accepted and reported.
  vim.g.fake_copilot_text = "const ADMIN_PASSWORD: &str = \"hunter2\";"
  local before = require("redline.capture").last_report[bufnr]
  vim.api.nvim_feedkeys(vim.keycode("o<C-J><Esc>"), "mtx", false)
  local line = vim.api.nvim_buf_get_lines(bufnr, n + 1, n + 2, false)[1]
  local indent = #line:match("^%s*") -- the indent `o` put there is not the AI's
  H.eq('const ADMIN_PASSWORD: &str = "hunter2";', line:sub(indent + 1), "accepted line after its indent")
  local report = H.wait(3000, function()
    local r = require("redline.capture").last_report[bufnr]
    return r ~= before and r or nil
  end, "a report for the <C-J> accept")
  H.eq({ { start = { line = n + 1, character = indent }, ["end"] = { line = n + 1, character = indent + 39 } } }, report.ranges, "reported range")
end)

H.run("copilot_vim")
