#!/usr/bin/env python3
"""Prints the tables of benches/compare.sh as Markdown.

    report.py batch batch.json
    report.py editor editor-redline.json editor-ast-grep.json ...
"""

import json
import sys


def batch(path):
    rows = json.load(open(path))
    for tree in ("rust", "python"):
        rs = [r for r in rows if r["tree"] == tree]
        if not rs:
            continue
        base = next(r for r in rs if r["name"].startswith("redline (built-in"))
        six = next((r for r in rs if r["name"].startswith("redline (the 6")), None)
        print(f"\n### Batch, {tree} tree ({base['files']} files checked by redline; 2 threads; median of {len(base['runs'])} runs)\n")
        print("| tool | wall s | CPU s (user+sys) | peak RSS MB | findings | wall / redline | CPU / redline | RSS / redline | wall / redline 6 rules | load avg (1/5/15 min) before |")
        print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |")
        for r in rs:
            ratio6 = f"{r['wall'] / six['wall']:.2f}" if six else "n/a"
            extra = f" ({r['tool_errors']} errors)" if r.get("tool_errors") else ""
            print(f"| {r['name']} | {r['wall']:.2f} | {r['cpu']:.2f} | {r['rss_mb']:.0f} | {r['findings']}{extra} "
                  f"| {r['wall'] / base['wall']:.2f} | {r['cpu'] / base['cpu']:.2f} | {r['rss_mb'] / base['rss_mb']:.2f} "
                  f"| {ratio6} | {r['load_before']} |")
    print()
    for r in rows:
        env = " ".join(f"{k}={v}" for k, v in r["env"].items())
        print(f"- `{r['tree']}` {r['name']}: `cd {r['cwd']} && {env + ' ' if env else ''}{' '.join(r['cmd'])}`")


def editor(paths):
    rs = [json.load(open(p)) for p in paths]
    first = rs[0]
    print(f"\n### Editor: {first['edits']} single-character edits into a {first['file_lines']:,}-line Rust file "
          f"({first['file_bytes']:,} bytes), closed loop, didChange -> publishDiagnostics\n")
    print("| server | sync | answered | median ms | p90 ms | p99 ms | max ms | diagnostics / publish (median) | KiB / publish (median) | server CPU ms / edit | open -> first diagnostics ms | load avg before |")
    print("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |")
    fmt = lambda v, d=1: "n/a" if v is None else f"{v:.{d}f}"
    for r in rs:
        cpu = r["server_cpu_s_during_replay"] * 1000 / r["answered"] if r["answered"] and r["server_cpu_s_during_replay"] is not None else None
        print(f"| {r['server']} | {r['sync']} | {r['answered']}/{r['edits']} | {fmt(r['median_ms'])} | {fmt(r['p90_ms'])} "
              f"| {fmt(r['p99_ms'])} | {fmt(r['max_ms'])} | {fmt(r['diagnostics_per_publish_median'], 0)} "
              f"| {fmt((r['publish_bytes_median'] or 0) / 1024)} | {fmt(cpu)} | {fmt(r['open_to_diagnostics_ms'])} | {r['load_before']} |")
        if r["timeouts"]:
            print(f"|  ({r['server']}: {r['timeouts']} changes got no publish within the timeout; on save: {fmt(r['save_to_diagnostics_ms'])} ms) |")
    print()
    for r in rs:
        print(f"- {r['server']}: `{r['cmd']}`")


if __name__ == "__main__":
    if sys.argv[1] == "batch":
        batch(sys.argv[2])
    else:
        editor(sys.argv[2:])
