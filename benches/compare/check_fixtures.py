#!/usr/bin/env python3
"""The rule sets are equivalent: each tool finds exactly fixtures/expected.json on the fixtures.

    check_fixtures.py expected.json redline.json ast-grep.jsonl semgrep.json

redline reports categories, not rule ids; its counts are compared per category (the rules of a
language have distinct categories, except Python's P1 and P6, which are both `deploy`). A nested
hotspot of the same category inside another (an `unsafe` block inside an `unsafe` block) is one
redline finding, so `redline_adjust` in expected.json lowers those counts for redline only.
"""
import collections
import json
import sys

CATEGORY = {
    "r1-unsafe-block": "memory", "r2-command-new": "deploy", "r3-remove-dir-all": "data",
    "r4-danger-accept-invalid-certs": "crypto", "r5-hardcoded-secret-const": "secrets",
    "r6-bind-all-interfaces": "network",
    "p1-subprocess-shell": "deploy", "p2-verify-false": "crypto", "p3-shutil-rmtree": "data",
    "p4-os-environ-get": "config", "p5-boto3-iam-client": "iam", "p6-os-system": "deploy",
}


def main():
    expected_path, redline_path, sg_path, semgrep_path = sys.argv[1:5]
    expected = json.load(open(expected_path))
    want = {}
    for lang in ("rust", "python"):
        want.update(expected[lang])
    ok = True

    # ast-grep and semgrep: per rule id.
    sg = collections.Counter(json.loads(l)["ruleId"] for l in open(sg_path) if l.strip())
    sem = collections.Counter(r["check_id"].rsplit(".", 1)[-1] for r in json.load(open(semgrep_path))["results"])
    for tool, got in (("ast-grep", sg), ("semgrep", sem)):
        for rule, n in sorted(want.items()):
            if got.get(rule, 0) != n:
                print(f"  {tool}: {rule}: found {got.get(rule, 0)}, expected {n}")
                ok = False
        extra = set(got) - set(want)
        if extra:
            print(f"  {tool}: unexpected rules {sorted(extra)}")
            ok = False

    # redline: per (language, category).
    adjust = expected.get("redline_adjust", {})
    want_rl = collections.Counter()
    for lang in ("rust", "python"):
        for rule, n in expected[lang].items():
            want_rl[(lang, CATEGORY[rule])] += n + adjust.get(rule, 0)
    got_rl = collections.Counter()
    for f in json.load(open(redline_path))["findings"]:
        lang = "rust" if f["path"].endswith(".rs") else "python"
        got_rl[(lang, f["category"])] += 1
    for key in sorted(set(want_rl) | set(got_rl)):
        if want_rl[key] != got_rl[key]:
            print(f"  redline: {key[0]} {key[1]}: found {got_rl[key]}, expected {want_rl[key]}")
            ok = False
    if not ok:
        sys.exit("check_fixtures.py: the rule sets do not find the same things on the fixtures")
    total = sum(want.values())
    print(f"rules: redline, ast-grep and semgrep each find the {total} expected matches of the 12 rules on the fixtures")


if __name__ == "__main__":
    main()
