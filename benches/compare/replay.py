#!/usr/bin/env python3
"""Replays an edit trace against a language server over stdio and times each didChange to the
publishDiagnostics that answers it. Stdlib only.

    replay.py --server redline|ast-grep --cmd "redline lsp" --root DIR --file DIR/src/big.rs \
              --trace trace.json --out result.json

Closed loop: each didChange is sent only after the diagnostics for the previous one arrived.
The server's answer to version v is the first publishDiagnostics for the file whose `version`
is v; a server that publishes without a version is answered by the first publish for the file
after the change was sent. The clock stops when the whole publish message has been read from the
server's stdout (before this client parses its JSON).

Changes are sent the way the server asks in `capabilities.textDocumentSync`: one range edit per
change when it is incremental (2), the whole text when it is full (1).

redline: initialized with utf-16 and `aiEditReporting: client`; after didOpen the whole file is
reported AI-written with `redline/aiEdit` (origin tool "bench"), and the replay starts once the
diagnostics for that have arrived, so every keystroke has findings to recompute.
"""

import argparse
import hashlib
import json
import os
import queue
import re
import shlex
import statistics
import subprocess
import sys
import threading
import time


def percentile(values, p):
    s = sorted(values)
    if not s:
        return None
    k = max(0, min(len(s) - 1, int(round(p / 100 * len(s) + 0.5)) - 1))  # nearest rank
    return s[k]


def cpu_seconds(pid):
    try:
        with open(f"/proc/{pid}/stat") as f:
            fields = f.read().rsplit(")", 1)[1].split()
        ticks = os.sysconf("SC_CLK_TCK")
        return (int(fields[11]) + int(fields[12])) / ticks  # utime, stime
    except OSError:
        return None


def rss_mb(pid):
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        return None


class Client:
    def __init__(self, cmd, cwd):
        self.proc = subprocess.Popen(cmd, cwd=cwd, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                     stderr=subprocess.DEVNULL, bufsize=0)
        self.inbox = queue.Queue()
        self.next_id = 0
        self.lock = threading.Lock()
        threading.Thread(target=self._reader, daemon=True).start()

    def _reader(self):
        out = self.proc.stdout
        buf = b""
        while True:
            while b"\r\n\r\n" not in buf:
                chunk = out.read(65536)
                if not chunk:
                    self.inbox.put((time.perf_counter(), None, 0))
                    return
                buf += chunk
            head, buf = buf.split(b"\r\n\r\n", 1)
            length = 0
            for line in head.split(b"\r\n"):
                if line.lower().startswith(b"content-length:"):
                    length = int(line.split(b":", 1)[1])
            while len(buf) < length:
                chunk = out.read(max(65536, length - len(buf)))
                if not chunk:
                    self.inbox.put((time.perf_counter(), None, 0))
                    return
                buf += chunk
            body, buf = buf[:length], buf[length:]
            t = time.perf_counter()
            self.inbox.put((t, body, length))

    def send(self, msg):
        data = json.dumps(msg).encode()
        with self.lock:
            self.proc.stdin.write(b"Content-Length: %d\r\n\r\n" % len(data) + data)
        return time.perf_counter()

    def notify(self, method, params):
        return self.send({"jsonrpc": "2.0", "method": method, "params": params})

    def request(self, method, params):
        self.next_id += 1
        self.send({"jsonrpc": "2.0", "id": self.next_id, "method": method, "params": params})
        return self.next_id

    def wait(self, pred, timeout):
        """The first message for which pred(msg) holds: (time read, msg, bytes). Server requests
        met on the way are answered with null."""
        deadline = time.perf_counter() + timeout
        while True:
            left = deadline - time.perf_counter()
            if left <= 0:
                return None
            try:
                t, body, n = self.inbox.get(timeout=left)
            except queue.Empty:
                return None
            if body is None:
                raise SystemExit("replay.py: the server closed its output")
            msg = light_parse(body)
            if "method" in msg and "id" in msg:  # a request from the server
                result = [None] * len(msg.get("params", {}).get("items", [])) if msg["method"] == "workspace/configuration" else None
                self.send({"jsonrpc": "2.0", "id": msg["id"], "result": result})
                continue
            if pred(msg):
                return t, msg, n

    def drain(self, seconds):
        end = time.perf_counter() + seconds
        while self.wait(lambda m: False, max(0.0, end - time.perf_counter())) is not None:
            pass


PUBLISH = b'"method":"textDocument/publishDiagnostics"'
URI_RE = re.compile(rb'"uri":"([^"]*)"')
VERSION_RE = re.compile(rb'"version":(\d+)\}\}\s*$')


def light_parse(body):
    """A publishDiagnostics larger than 64 KiB is not parsed whole (that would cost this client
    more CPU than some servers spend, on a 2-core machine): its uri, its version (serialized
    last by both servers, see VERSION_RE) and its number of diagnostics are read from the bytes.
    Anything else is parsed as JSON."""
    if len(body) > 65536 and PUBLISH in body[:200]:
        uri = URI_RE.search(body[:400])
        tail = VERSION_RE.search(body[-64:])
        if uri and tail:
            count = body.count(b'"severity":')
            return {"method": "textDocument/publishDiagnostics",
                    "params": {"uri": uri.group(1).decode(), "version": int(tail.group(1)),
                               "diagnostics": [None] * count}}
    return json.loads(body)


def apply_edit(lines, edit):
    s, e = edit["range"]["start"], edit["range"]["end"]
    before = lines[s["line"]][:s["character"]]
    after = lines[e["line"]][e["character"]:]
    new = (before + edit["text"] + after).split("\n")
    lines[s["line"]:e["line"] + 1] = new


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--server", required=True, help="label: redline, ast-grep, ...")
    ap.add_argument("--cmd", required=True)
    ap.add_argument("--root", required=True)
    ap.add_argument("--file", required=True)
    ap.add_argument("--trace", required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--timeout", type=float, default=10.0, help="seconds to wait for each publish")
    ap.add_argument("--ai-edit", action="store_true", help="send redline/aiEdit for the whole file")
    args = ap.parse_args()

    trace = json.load(open(args.trace))
    text = open(args.file).read()
    lines = text.split("\n")
    root = os.path.abspath(args.root)
    uri = "file://" + os.path.abspath(args.file)
    load_before = open("/proc/loadavg").read().split()[:3]

    c = Client(shlex.split(args.cmd), root)
    t_spawn = time.perf_counter()
    rid = c.request("initialize", {
        "processId": os.getpid(),
        "rootUri": "file://" + root,
        "workspaceFolders": [{"uri": "file://" + root, "name": os.path.basename(root)}],
        "capabilities": {
            "general": {"positionEncodings": ["utf-16"]},
            "textDocument": {
                "synchronization": {"didSave": True, "dynamicRegistration": False},
                "publishDiagnostics": {"versionSupport": True, "relatedInformation": True},
            },
            "window": {"workDoneProgress": False},
        },
        "initializationOptions": {"aiEditReporting": "client"},
    })
    got = c.wait(lambda m: m.get("id") == rid, 30)
    if got is None:
        raise SystemExit("replay.py: no initialize response")
    caps = got[1]["result"]["capabilities"]
    sync = caps.get("textDocumentSync")
    change_kind = sync if isinstance(sync, int) else (sync or {}).get("change", 0)
    incremental = change_kind == 2
    c.notify("initialized", {})

    is_diag = lambda m: m.get("method") == "textDocument/publishDiagnostics" and m["params"]["uri"] == uri
    t_open = c.notify("textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": "rust", "version": 1, "text": text}})
    got = c.wait(is_diag, 60)
    open_ms = (got[0] - t_open) * 1000 if got else None
    open_diags = len(got[1]["params"]["diagnostics"]) if got else None

    ai_ms = None
    if args.ai_edit:
        t_ai = c.notify("redline/aiEdit", {
            "textDocument": {"uri": uri, "version": 1},
            "ranges": [{"start": {"line": 0, "character": 0}, "end": {"line": len(lines) - 1, "character": len(lines[-1])}}],
            "origin": {"tool": "bench", "kind": "agent"},
        })
        got = c.wait(lambda m: is_diag(m) and len(m["params"]["diagnostics"]) > 0, 60)
        if got is None:
            raise SystemExit("replay.py: no diagnostics after redline/aiEdit")
        ai_ms = (got[0] - t_ai) * 1000
        open_diags = len(got[1]["params"]["diagnostics"])
    c.drain(1.0)

    pid = c.proc.pid
    cpu0 = cpu_seconds(pid)
    latencies, sizes, diag_counts = [], [], []
    timeouts = 0
    unversioned = 0
    t_replay = time.perf_counter()
    for k, edit in enumerate(trace["edits"]):
        version = 2 + k
        apply_edit(lines, edit)
        change = edit if incremental else {"text": "\n".join(lines)}
        t0 = c.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": version}, "contentChanges": [change]})

        def answers(m, version=version):
            if not is_diag(m):
                return False
            v = m["params"].get("version")
            return v is None or v == version

        got = c.wait(answers, args.timeout)
        if got is None:
            timeouts += 1
            if timeouts >= 3 and not latencies:
                break  # the server does not publish per change
            continue
        if got[1]["params"].get("version") is None:
            unversioned += 1
        latencies.append((got[0] - t0) * 1000)
        sizes.append(got[2])
        diag_counts.append(len(got[1]["params"]["diagnostics"]))
    replay_s = time.perf_counter() - t_replay
    cpu1 = cpu_seconds(pid)
    peak = rss_mb(pid)
    final_ok = hashlib.sha256("\n".join(lines).encode()).hexdigest() == trace["final_sha256"]

    # Does the server publish on save instead? (Checked only when changes got no answer.)
    save_ms = None
    if timeouts and not latencies:
        t_save = c.notify("textDocument/didSave", {"textDocument": {"uri": uri}, "text": "\n".join(lines)})
        got = c.wait(is_diag, args.timeout)
        save_ms = (got[0] - t_save) * 1000 if got else None

    sid = c.request("shutdown", None)
    c.wait(lambda m: m.get("id") == sid, 5)
    c.notify("exit", None)
    try:
        c.proc.wait(timeout=5)
    except subprocess.TimeoutExpired:
        c.proc.kill()

    result = {
        "server": args.server, "cmd": args.cmd, "sync": "incremental" if incremental else "full",
        "file_lines": trace["file_lines"], "file_bytes": len(text), "edits": len(trace["edits"]),
        "answered": len(latencies), "timeouts": timeouts, "unversioned_publishes": unversioned,
        "median_ms": statistics.median(latencies) if latencies else None,
        "p99_ms": percentile(latencies, 99), "p90_ms": percentile(latencies, 90),
        "mean_ms": statistics.fmean(latencies) if latencies else None,
        "max_ms": max(latencies) if latencies else None,
        "min_ms": min(latencies) if latencies else None,
        "open_to_diagnostics_ms": open_ms, "ai_edit_to_diagnostics_ms": ai_ms,
        "diagnostics_at_start": open_diags,
        "diagnostics_per_publish_median": statistics.median(diag_counts) if diag_counts else None,
        "publish_bytes_median": statistics.median(sizes) if sizes else None,
        "server_cpu_s_during_replay": (cpu1 - cpu0) if cpu0 is not None and cpu1 is not None else None,
        "replay_wall_s": replay_s, "server_peak_rss_mb": peak,
        "save_to_diagnostics_ms": save_ms, "final_text_matches_trace": final_ok,
        "load_before": " ".join(load_before), "load_after": " ".join(open("/proc/loadavg").read().split()[:3]),
        "latencies_ms": latencies, "diagnostics_per_publish": diag_counts,
    }
    json.dump(result, open(args.out, "w"), indent=1)
    fmt = lambda v: "n/a" if v is None else f"{v:.2f}"
    print(f"  {args.server:28} sync={result['sync']:11} answered {len(latencies)}/{len(trace['edits'])}"
          f" median {fmt(result['median_ms'])} ms, p99 {fmt(result['p99_ms'])} ms,"
          f" {result['diagnostics_per_publish_median']} diagnostics/publish,"
          f" {fmt((result['publish_bytes_median'] or 0) / 1024)} KiB/publish (load {result['load_before']})", file=sys.stderr)
    if not final_ok:
        raise SystemExit("replay.py: the replayed text does not match the trace's final text")


if __name__ == "__main__":
    main()
