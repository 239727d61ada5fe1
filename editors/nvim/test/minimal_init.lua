-- Headless test init: only this plugin on 'runtimepath', nothing from the user's config.
local here = debug.getinfo(1, "S").source:sub(2)
local test_dir = vim.fn.fnamemodify(here, ":p:h")
local plugin_dir = vim.fn.fnamemodify(test_dir, ":h")
vim.opt.runtimepath = { plugin_dir, test_dir, vim.env.VIMRUNTIME }
vim.opt.packpath = { vim.env.VIMRUNTIME }
vim.opt.swapfile = false
vim.opt.shadafile = "NONE"
vim.g.redline_test_plugin_dir = plugin_dir
vim.g.redline_test_dir = test_dir

-- Notifications are collected (tests assert on them) and printed on their own line.
_G.redline_test_notifications = {}
vim.notify = function(msg, level)
  table.insert(_G.redline_test_notifications, { msg = msg, level = level })
  io.stdout:write("       [notify] " .. tostring(msg):gsub("\n", " | ") .. "\n")
end
