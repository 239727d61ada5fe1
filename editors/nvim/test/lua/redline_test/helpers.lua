-- A tiny test harness for headless Neovim: cases, assertions that say what was expected and
-- what happened, waiting on the event loop, and a real git repository as the workspace.
local H = {}

local cases = {}

function H.it(name, fn)
  cases[#cases + 1] = { name = name, fn = fn }
end

local function out(s)
  io.stdout:write(s .. "\n")
  io.stdout:flush()
end
H.out = out

local function fmt(v)
  return vim.inspect(v, { newline = " ", indent = "" })
end
H.fmt = fmt

--- Fails with "what: expected X, got Y" unless `expected` and `actual` are deeply equal.
function H.eq(expected, actual, what)
  if not vim.deep_equal(expected, actual) then
    error(("%s: expected %s, got %s"):format(what or "value", fmt(expected), fmt(actual)), 2)
  end
end

function H.truthy(v, what, detail)
  if not v then
    error(("%s: expected true, got %s%s"):format(what, fmt(v), detail and (" (" .. detail .. ")") or ""), 2)
  end
end

--- Waits (running the event loop) until `cond()` returns a truthy value; fails after
--- `timeout` ms with `what` and what `describe()` says the state is.
function H.wait(timeout, cond, what, describe)
  local ok = vim.wait(timeout, cond, 20)
  if not ok then
    local state = describe and describe() or nil
    error(("timed out after %d ms waiting for %s%s"):format(timeout, what, state and ("; state: " .. fmt(state)) or ""), 2)
  end
  return cond()
end

--- Lets the event loop run for `ms` ms.
function H.sleep(ms)
  vim.wait(ms, function()
    return false
  end, 10)
end

function H.bin()
  local bin = vim.env.REDLINE_BIN
  assert(bin and bin ~= "", "REDLINE_BIN is not set")
  return bin
end

local function system(cmd, cwd)
  local r = vim.system(cmd, { cwd = cwd, text = true }):wait()
  if r.code ~= 0 then
    error(("%s failed (exit %d): %s%s"):format(table.concat(cmd, " "), r.code, r.stdout or "", r.stderr or ""))
  end
  return r.stdout
end
H.system = system

--- A new git repository in a temp directory, with user.email set. Returns its path.
function H.repo()
  local dir = vim.fn.tempname() .. "-redline-repo"
  vim.fn.mkdir(dir, "p")
  dir = vim.uv.fs_realpath(dir)
  system({ "git", "init", "-q" }, dir)
  system({ "git", "config", "user.email", "reviewer@example.com" }, dir)
  system({ "git", "config", "user.name", "Reviewer" }, dir)
  return dir
end

--- Writes `lines` to `dir/rel` and opens it in the current window.
function H.open(dir, rel, lines)
  local path = dir .. "/" .. rel
  vim.fn.mkdir(vim.fn.fnamemodify(path, ":h"), "p")
  vim.fn.writefile(lines, path)
  vim.cmd.edit(vim.fn.fnameescape(path))
  return vim.api.nvim_get_current_buf(), path
end

--- Waits for the redline client to attach to `bufnr` and finish initializing.
function H.attached(bufnr, timeout)
  return H.wait(timeout or 15000, function()
    local c = require("redline.util").client(bufnr)
    return c and c.initialized and require("redline.capture").is_attached(bufnr) and c or nil
  end, "the redline server to attach to buffer " .. bufnr, function()
    return vim.tbl_map(function(c)
      return { name = c.name, initialized = c.initialized }
    end, vim.lsp.get_clients())
  end)
end

--- redline diagnostics of a buffer.
function H.diagnostics(bufnr, code)
  local out_ = {}
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    if d.source == "redline" and (code == nil or d.code == code) then
      out_[#out_ + 1] = d
    end
  end
  return out_
end

--- The server's `redline/regions` for a buffer (synchronously).
function H.regions(bufnr)
  local client = require("redline.util").client(bufnr)
  local res = client:request_sync("redline/regions", { textDocument = { uri = vim.uri_from_bufnr(bufnr) } }, 5000, bufnr)
  if not res then
    error("redline/regions: no answer within 5 s")
  end
  if res.err then
    error("redline/regions: " .. fmt(res.err))
  end
  return res.result
end

--- Waits until the server reports exactly `n` regions for the buffer; returns them.
function H.wait_regions(bufnr, n, timeout)
  local last
  H.wait(timeout or 5000, function()
    last = H.regions(bufnr)
    return #last.regions == n
  end, ("%d AI region(s) from redline/regions"):format(n), function()
    return last
  end)
  return last.regions
end

function H.setup(opts)
  opts = vim.tbl_deep_extend("force", { bin = H.bin() }, opts or {})
  require("redline").setup(opts)
end

--- Runs every case; prints one line per case; exits non-zero if any failed.
function H.run(spec_name)
  local failed = 0
  for _, case in ipairs(cases) do
    local start = vim.uv.hrtime()
    local ok, err = xpcall(case.fn, debug.traceback)
    local ms = math.floor((vim.uv.hrtime() - start) / 1e6)
    if ok then
      out(("ok     %s: %s (%d ms)"):format(spec_name, case.name, ms))
    else
      failed = failed + 1
      out(("FAILED %s: %s (%d ms)\n       %s"):format(spec_name, case.name, ms, tostring(err):gsub("\n", "\n       ")))
    end
  end
  for _, c in ipairs(vim.lsp.get_clients()) do
    c:stop(true)
  end
  vim.wait(2000, function()
    return #vim.lsp.get_clients() == 0
  end, 20)
  if failed > 0 then
    vim.cmd("cquit " .. math.min(failed, 100))
  else
    vim.cmd("qall!")
  end
end

return H
