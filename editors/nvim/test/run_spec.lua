-- Runs the spec file named by $REDLINE_SPEC (see run.sh).
local spec = vim.env.REDLINE_SPEC
local name = vim.fn.fnamemodify(spec, ":t:r")
local ok, err = xpcall(dofile, debug.traceback, spec)
if not ok then
  io.stdout:write(("FAILED %s: the spec did not load\n       %s\n"):format(name, tostring(err):gsub("\n", "\n       ")))
  io.stdout:flush()
  vim.cmd("cquit 1")
end
