#!/usr/bin/env python3
"""Batch comparison: redline check --all-ai against ast-grep scan and semgrep scan.

Called by benches/compare.sh; stdlib only. The first configuration of each tree runs once
unmeasured to put the tree in the page cache; then every configuration runs RUNS times under
`/usr/bin/time -v`; the table shows the median wall time, the median
CPU time (user + sys), the median peak RSS, the findings of the last run, and each figure as a
ratio to redline's (built-in queries) on the same tree. The load average is read before each
configuration's measured runs.

    batch.py --config runs.json --runs 3 --out results.json
"""

import argparse
import json
import os
import re
import statistics
import subprocess
import sys
import time


def loadavg():
    try:
        with open("/proc/loadavg") as f:
            return " ".join(f.read().split()[:3])
    except OSError:
        return "n/a"


def parse_time_v(path):
    text = open(path).read()

    def grab(label):
        m = re.search(re.escape(label) + r":\s*(.+)", text)
        return m.group(1).strip() if m else None

    wall = grab("Elapsed (wall clock) time (h:mm:ss or m:ss)")
    parts = [float(p) for p in wall.split(":")]
    secs = 0.0
    for p in parts:
        secs = secs * 60 + p
    return {
        "wall": secs,
        "cpu": float(grab("User time (seconds)")) + float(grab("System time (seconds)")),
        "rss_kb": int(grab("Maximum resident set size (kbytes)")),
        "exit": int(grab("Exit status") or 0),
    }


def count_findings(kind, out_path):
    """Findings in one run's output, per tool's format."""
    data = open(out_path, "rb").read()
    if kind == "redline":
        doc = json.loads(data)
        return doc["summary"]["findings"], doc["summary"]["files_checked"], 0
    if kind == "ast-grep":  # --json=stream: one match per line
        return sum(1 for line in data.splitlines() if line.strip()), None, 0
    if kind == "semgrep":
        doc = json.loads(data)
        scanned = len(doc.get("paths", {}).get("scanned", []))
        return len(doc["results"]), scanned, len(doc.get("errors", []))
    raise ValueError(kind)


def run_one(cfg, out_path, time_path, stderr_path):
    env = dict(os.environ)
    env.update(cfg.get("env", {}))
    with open(out_path, "wb") as out, open(stderr_path, "wb") as err:
        start = time.monotonic()
        proc = subprocess.run(
            ["/usr/bin/time", "-v", "-o", time_path] + cfg["cmd"],
            cwd=cfg["cwd"], env=env, stdout=out, stderr=err,
        )
        elapsed = time.monotonic() - start
    res = parse_time_v(time_path)
    res["monotonic"] = elapsed
    if proc.returncode not in cfg.get("ok_exit", [0]):
        sys.stderr.write(open(stderr_path, errors="replace").read()[-4000:])
        raise SystemExit(f"batch.py: {cfg['name']} exited with {proc.returncode}")
    return res


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--config", required=True, help="JSON list of {name, tool, tree, cmd, cwd, env, ok_exit}")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--work", required=True, help="scratch directory for outputs")
    ap.add_argument("--out", required=True, help="results JSON")
    args = ap.parse_args()
    configs = json.load(open(args.config))
    results = []
    warmed = set()
    for cfg in configs:
        tag = re.sub(r"[^A-Za-z0-9]+", "-", cfg["name"] + "-" + cfg["tree"])
        out_path = os.path.join(args.work, tag + ".out")
        time_path = os.path.join(args.work, tag + ".time")
        err_path = os.path.join(args.work, tag + ".err")
        print(f"  {cfg['tree']:7} {cfg['name']:28}", end="", flush=True, file=sys.stderr)
        if cfg["tree"] not in warmed:
            # One unmeasured run per tree puts its files in the page cache for every tool.
            print(" warm-up...", end="", flush=True, file=sys.stderr)
            run_one(cfg, out_path, time_path, err_path)
            warmed.add(cfg["tree"])
        load = loadavg()
        runs = []
        for _ in range(args.runs):
            runs.append(run_one(cfg, out_path, time_path, err_path))
        findings, files, errors = count_findings(cfg["tool"], out_path)
        row = {
            "name": cfg["name"], "tool": cfg["tool"], "tree": cfg["tree"],
            "load_before": load, "load_after": loadavg(),
            "wall": statistics.median(r["wall"] for r in runs),
            "cpu": statistics.median(r["cpu"] for r in runs),
            "rss_mb": statistics.median(r["rss_kb"] for r in runs) / 1024,
            "runs": runs, "findings": findings, "files": files, "tool_errors": errors,
            "cmd": cfg["cmd"], "cwd": cfg["cwd"], "env": cfg.get("env", {}),
        }
        results.append(row)
        print(f" wall {row['wall']:.2f} s, cpu {row['cpu']:.2f} s, rss {row['rss_mb']:.0f} MB,"
              f" {findings} findings (load {load})", file=sys.stderr)
    json.dump(results, open(args.out, "w"), indent=1)


if __name__ == "__main__":
    main()
