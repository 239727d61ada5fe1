-- :RedlineSignoff, :RedlineRegions, :RedlineMarkAi, :RedlineProvenance
local util = require("redline.util")

local M = {}

local function client_or_warn(bufnr)
  local client = util.client(bufnr)
  if not client then
    util.notify("the redline server is not attached to this buffer", vim.log.levels.WARN)
  end
  return client
end

--- Runs a redline command on the server. `callback(err, result)`.
function M.execute(bufnr, command, argument, callback)
  bufnr = util.buf(bufnr)
  local client = client_or_warn(bufnr)
  if not client then
    if callback then
      callback({ message = "not attached" }, nil)
    end
    return
  end
  client:request("workspace/executeCommand", { command = command, arguments = { argument } }, function(err, result)
    if callback then
      callback(err, result)
    end
  end, bufnr)
end

-- The LSP range of whole lines line1..line2 (1-based, inclusive).
local function lines_range(bufnr, line1, line2, enc)
  local count = vim.api.nvim_buf_line_count(bufnr)
  local last = vim.api.nvim_buf_get_lines(bufnr, line2 - 1, line2, false)[1] or ""
  local r
  if line2 < count then
    r = { line1 - 1, 0, line2, 0 }
  else
    r = { line1 - 1, 0, line2 - 1, #last }
  end
  return util.to_lsp_range(bufnr, r, enc), r
end

-- The range of a command invoked on a visual selection: characterwise when the selection was
-- (`v`), whole lines otherwise.
local function command_range(bufnr, cmd, enc)
  if cmd.range == 2 and vim.fn.visualmode() == "v" then
    local s = vim.api.nvim_buf_get_mark(bufnr, "<")
    local e = vim.api.nvim_buf_get_mark(bufnr, ">")
    if s[1] == cmd.line1 and e[1] == cmd.line2 then
      local last = vim.api.nvim_buf_get_lines(bufnr, e[1] - 1, e[1], false)[1] or ""
      local ecol
      if e[2] >= #last then
        ecol = #last
      else
        -- '> is on the first byte of the last selected character: include all of it.
        local char = vim.fn.strcharpart(last:sub(e[2] + 1), 0, 1)
        ecol = e[2] + math.max(#char, 1)
      end
      local r = { s[1] - 1, math.min(s[2], #(vim.api.nvim_buf_get_lines(bufnr, s[1] - 1, s[1], false)[1] or "")), e[1] - 1, ecol }
      return util.to_lsp_range(bufnr, r, enc), r
    end
  end
  return lines_range(bufnr, cmd.line1, cmd.line2, enc)
end

function M.signoff(cmd)
  local bufnr = vim.api.nvim_get_current_buf()
  local client = client_or_warn(bufnr)
  if not client then
    return
  end
  local arg = { uri = vim.uri_from_bufnr(bufnr) }
  if cmd and cmd.range and cmd.range > 0 then
    arg.range = (command_range(bufnr, cmd, util.encoding(client)))
  end
  M.execute(bufnr, "redline.signOff", arg, function(err, result)
    if err then
      util.notify("sign-off refused: " .. (err.message or vim.inspect(err)), vim.log.levels.ERROR)
      return
    end
    local n = result and result.signedOff or 0
    if n == 0 then
      util.notify("nothing here needs sign-off")
    else
      util.notify(("signed off on %d finding%s as %s"):format(n, n == 1 and "" or "s", tostring(result.reviewer)))
    end
    vim.api.nvim_exec_autocmds("User", { pattern = "RedlineSignoff", modeline = false, data = { buf = bufnr, result = result } })
  end)
end

function M.mark_ai(cmd)
  local bufnr = vim.api.nvim_get_current_buf()
  local client = client_or_warn(bufnr)
  if not client then
    return
  end
  local origin = vim.deepcopy(require("redline").options.mark_origin)
  if cmd.args and cmd.args ~= "" then
    origin.tool = cmd.args
  end
  local range = command_range(bufnr, cmd, util.encoding(client))
  M.execute(bufnr, "redline.markAi", { uri = vim.uri_from_bufnr(bufnr), ranges = { range }, origin = origin }, function(err, result)
    if err then
      util.notify("marking failed: " .. (err.message or vim.inspect(err)), vim.log.levels.ERROR)
      return
    end
    util.notify(("marked %d bytes as written by %s"):format(result and result.markedBytes or 0, origin.tool))
    require("redline.regions").schedule(bufnr)
  end)
end

local function describe_origin(o)
  local s = o.tool or "unknown"
  if o.kind then
    s = s .. ", " .. o.kind
  end
  if o.model and o.model ~= vim.NIL then
    s = s .. ", " .. o.model
  end
  return s
end

--- Fills the location list with the buffer's AI regions and their findings.
function M.regions()
  local bufnr = vim.api.nvim_get_current_buf()
  local client = client_or_warn(bufnr)
  if not client then
    return
  end
  local enc = util.encoding(client)
  require("redline.regions").refresh(bufnr, function(result)
    if not result then
      util.notify("could not get the AI regions (the buffer changed, or the server did not answer); try again", vim.log.levels.WARN)
      return
    end
    local items = {}
    for _, region in ipairs(result.regions or {}) do
      local sr, sc = util.from_lsp_position(bufnr, region.range.start, enc)
      local er, ec = util.from_lsp_position(bufnr, region.range["end"], enc)
      local parts = {}
      for _, f in ipairs(region.findings or {}) do
        parts[#parts + 1] = ("%s %s (%s)"):format(f.category, f.hotspot or "", f.reviewed and "signed off" or "needs review")
      end
      local text = ("AI-written by %s"):format(describe_origin(region.origin or {}))
      if #parts > 0 then
        text = text .. ": " .. table.concat(parts, "; ")
      end
      items[#items + 1] = {
        bufnr = bufnr,
        lnum = sr + 1,
        col = sc + 1,
        end_lnum = er + 1,
        end_col = ec + 1,
        text = text,
        type = #parts > 0 and "W" or "I",
      }
    end
    vim.fn.setloclist(0, {}, " ", { title = "redline: AI-written regions", items = items })
    if #items == 0 then
      util.notify("no AI-written regions in this buffer")
    else
      vim.cmd("lopen")
    end
  end)
end

function M.provenance(cmd)
  local bufnr = vim.api.nvim_get_current_buf()
  local client = client_or_warn(bufnr)
  if not client then
    return
  end
  local arg = { uri = vim.uri_from_bufnr(bufnr) }
  if cmd and cmd.range and cmd.range > 0 then
    arg.range = (command_range(bufnr, cmd, util.encoding(client)))
  end
  M.execute(bufnr, "redline.showProvenance", arg, function(err, result)
    -- The server also shows the text with window/showMessage (Neovim's handler notifies it),
    -- so only errors are shown here.
    if err then
      util.notify(err.message or vim.inspect(err), vim.log.levels.ERROR)
    end
  end)
end

function M.create()
  local cmd = vim.api.nvim_create_user_command
  cmd("RedlineSignoff", M.signoff, {
    range = true,
    desc = "redline: sign off on the AI-written findings in this buffer (or in the range)",
  })
  cmd("RedlineRegions", M.regions, { desc = "redline: list the AI-written regions of this buffer" })
  cmd("RedlineMarkAi", M.mark_ai, {
    range = true,
    nargs = "?",
    desc = "redline: mark the selected text as AI-written ([tool] names the AI tool)",
  })
  cmd("RedlineProvenance", M.provenance, { range = true, desc = "redline: show who wrote this buffer's AI text" })
end

return M
