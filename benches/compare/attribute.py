#!/usr/bin/env python3
"""Attributes `perf script` samples of redline to phases, by the frames on each sample's stack.

    perf script -i perf.data -F time,ip,sym > out.script
    attribute.py editor out.script EDITS HZ   # samples after the first didChange, per edit
                                              # (HZ: perf record -F; a sample is 1/HZ s of CPU)
    attribute.py batch out.script             # parse / query / the rest

Needs a profile recorded with call graphs (perf record --call-graph dwarf): the release profile
keeps debug info, so frames are named.
"""
import collections
import re
import sys


def read(path):
    stacks, cur = [], None
    for line in open(path, errors="replace"):
        if not line.strip():
            if cur:
                stacks.append(cur)
            cur = None
            continue
        if not line.startswith((" ", "\t")):
            t = [w for w in line.split() if re.fullmatch(r"\d+\.\d+:", w)]
            cur = {"t": float(t[-1][:-1]) if t else 0.0, "f": []}
        elif cur is not None:
            m = re.match(r"\s+[0-9a-f]+\s+(.*)", line)
            if m:
                cur["f"].append(m.group(1))
    if cur:
        stacks.append(cur)
    return stacks


def editor_phase(fs):
    s = " ".join(fs)
    if "redline::lsp::publisher" in s:
        if "Shared::diagnostics" in s:
            if "findings_of" in s or "finding::findings" in s:
                return "publish: findings (engine)"
            if "to_value" in s:
                return "publish: Diagnostic.data via serde_json::to_value"
            return "publish: positions and other Diagnostic fields"
        if "to_value" in s:
            return "publish: tower-lsp turns the params into a serde_json::Value"
        return "publish: other"
    if "did_change" in s or "apply_changes" in s:
        if "changed_ranges" in s:
            return "didChange: Tree::changed_ranges"
        if "ts_parser_parse" in s:
            return "didChange: incremental parse"
        if "hotspots" in s:
            return "didChange: re-query (RiskQuery::hotspots)"
        return "didChange: other"
    if "tower_lsp_server::transport" in s:
        return "tower-lsp output: serialize the Value, free it"
    if "redline::lsp::transport" in s:
        return "redline transport: re-frame the output"
    return "other"


def batch_phase(fs):
    s = " ".join(fs)
    if "ts_parser_parse" in s:
        return "parse"
    if "RiskQuery::hotspots" in s:
        return "query (RiskQuery::hotspots)"
    if "ts_tree_delete" in s:
        return "free the tree"
    if "findings" in s:
        return "findings"
    return "other"


def main():
    mode, path = sys.argv[1], sys.argv[2]
    stacks = read(path)
    if mode == "editor":
        edits, hz = int(sys.argv[3]), float(sys.argv[4])
        t0 = min(s["t"] for s in stacks if any("did_change" in f for f in s["f"]))
        stacks = [s for s in stacks if s["t"] >= t0]
        c = collections.Counter(editor_phase(s["f"]) for s in stacks)
        print(f"{len(stacks)} samples after the first didChange = {len(stacks) / hz / edits * 1000:.1f} ms of CPU per edit:")
        for k, v in c.most_common():
            print(f"  {100 * v / len(stacks):5.1f}%  {v / hz / edits * 1000:6.2f} ms/edit  {k}")
    else:
        c = collections.Counter(batch_phase(s["f"]) for s in stacks)
        print(f"  {len(stacks)} samples; for ast-grep, `other` is its tree walk and rule matching")
        for k, v in c.most_common():
            print(f"  {100 * v / len(stacks):5.1f}%  {v} samples  {k}")


if __name__ == "__main__":
    main()
