#!/usr/bin/env python3
"""A steady-state trace for profiling: typing comment lines into the middle of a file, so the
syntax tree stays intact on every keystroke (no ERROR node swallows the rest of the file).

    steady_trace.py --file big.rs --edits 200 --out trace-comment.json
"""
import argparse
import hashlib
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from replay import apply_edit  # noqa: E402


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--file", required=True)
    ap.add_argument("--edits", type=int, default=200)
    ap.add_argument("--out", required=True)
    args = ap.parse_args()
    lines = open(args.file).read().split("\n")
    site = next(i for i, l in enumerate(lines) if l.startswith("pub fn ") and i > len(lines) // 2) + 1
    edits, line, col = [], site, 0
    text = "    // retry budget is shared across shards, see the design doc\n" * (args.edits // 60 + 1)
    for ch in text[:args.edits]:
        e = {"range": {"start": {"line": line, "character": col}, "end": {"line": line, "character": col}}, "text": ch}
        edits.append(e)
        apply_edit(lines, e)
        line, col = (line + 1, 0) if ch == "\n" else (line, col + 1)
    json.dump({"file_lines": len(lines), "edits": edits,
               "final_sha256": hashlib.sha256("\n".join(lines).encode()).hexdigest()}, open(args.out, "w"))
    print(f"steady trace: {len(edits)} edits typed as comments at line {site + 1}")


if __name__ == "__main__":
    main()
