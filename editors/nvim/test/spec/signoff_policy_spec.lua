-- :RedlineSignoff goes through the repository's review policy: an identity that may not sign
-- off is refused (and told why), the diagnostic stays; an allowed reviewer's range sign-off
-- clears only the findings in the range.
local H = require("redline_test.helpers")

local AUTH = {
  "pub fn verify_token(token: &str) -> bool {",
  '    token == "s3cr3t"',
  "}",
  "",
  'pub fn check_password(p: &str) -> bool { p == "hunter2" }',
}

H.it("an identity outside [review].reviewers is refused and the diagnostic stays", function()
  local repo = H.repo()
  vim.fn.writefile({ "[review]", 'reviewers = ["lead@example.com"]' }, repo .. "/redline.toml")
  H.setup({ identity = "junior@example.com" })
  local bufnr = H.open(repo, "src/auth.rs", AUTH)
  H.attached(bufnr)
  require("redline").mark_ai(bufnr, { 0, 0, 4, #AUTH[5] }, { tool = "copilot" })
  H.wait(5000, function()
    return #H.diagnostics(bufnr, "auth") == 2
  end, "two auth diagnostics", function()
    return H.diagnostics(bufnr)
  end)
  _G.redline_test_notifications = {}
  vim.cmd("RedlineSignoff")
  local note = H.wait(5000, function()
    for _, n in ipairs(_G.redline_test_notifications) do
      if n.msg:find("sign-off refused", 1, true) then
        return n
      end
    end
  end, "a 'sign-off refused' notification", function()
    return _G.redline_test_notifications
  end)
  H.eq(vim.log.levels.ERROR, note.level, "notification level")
  H.truthy(note.msg:find("junior@example.com", 1, true), "the refusal names the identity", note.msg)
  H.sleep(300)
  H.eq(2, #H.diagnostics(bufnr, "auth"), "auth diagnostics after the refused sign-off")
end)

H.it("a reviewer's :[range]RedlineSignoff clears only the findings in the range", function()
  local repo = H.repo()
  vim.fn.writefile({ "[review]", 'reviewers = ["lead@example.com"]' }, repo .. "/redline.toml")
  H.setup({ identity = "lead@example.com" })
  local bufnr = H.open(repo, "src/auth.rs", AUTH)
  H.attached(bufnr)
  require("redline").mark_ai(bufnr, { 0, 0, 4, #AUTH[5] }, { tool = "copilot" })
  H.wait(5000, function()
    return #H.diagnostics(bufnr, "auth") == 2
  end, "two auth diagnostics")
  vim.cmd("1,3RedlineSignoff")
  H.wait(5000, function()
    return #H.diagnostics(bufnr, "auth") == 1
  end, "one auth diagnostic left", function()
    return H.diagnostics(bufnr)
  end)
  H.eq(4, H.diagnostics(bufnr, "auth")[1].lnum, "the one left is check_password's")
  -- Editing the signed-off code makes it need review again: `"s3cr3t"` becomes `"t0ps3cr3t"`.
  -- (The person's edit splits the AI region in two, and both parts touch verify_token.)
  vim.api.nvim_buf_set_text(bufnr, 1, 14, 1, 20, { "t0ps3cr3t" })
  H.eq('    token == "t0ps3cr3t"', vim.api.nvim_buf_get_lines(bufnr, 1, 2, true)[1], "the edited line")
  H.wait(5000, function()
    for _, d in ipairs(H.diagnostics(bufnr, "auth")) do
      if d.lnum < 3 then
        return true
      end
    end
    return false
  end, "the edited finding needs review again", function()
    return H.diagnostics(bufnr)
  end)
end)

H.run("signoff_policy")
