"""Independent count of Express routes by scanning comment-stripped JavaScript/TypeScript.

A route is `X.get('/p', ...)` (any of get post put patch delete all options head, a literal path starting
with / or *) or a `.get(...)` link of an `X.route('/p')` chain, in a file that mentions `express` or `Router`.
Each is (file, METHOD, path as written). With a Quarry routes JSONL as second argument, an Express example
matches when its method is the same, its full path ends with the written path and its statement is in that file
(meta.routed_at, else the example's own file); prints recall and precision with the differences.
"""
import collections
import json
import os
import re
import sys

VERBS = "get|post|put|patch|delete|all|options|head"
COMMENTS = re.compile(r"/\*.*?\*/|(?<![:'\"])//[^\n]*", re.S)
DIRECT = re.compile(r"\b(?!this\b)([A-Za-z_$][\w$]*)\s*\.\s*(" + VERBS + r")\(\s*(['\"`])(/[^'\"`]*|\*)\3")
ROUTE = re.compile(r"\.\s*route\(\s*(['\"`])([^'\"`]*)\1\s*\)")
LINK = re.compile(r"\.\s*(" + VERBS + r")\s*\(")
SKIP = ("node_modules", ".git", "dist", "build", "test", "tests", "__tests__")


def chain(text, start):
    """The `.verb(` links directly after position start, skipping their balanced arguments."""
    out = []
    i = start
    while True:
        m = LINK.match(text, i) or re.compile(r"\s+").match(text, i) and LINK.match(text, re.compile(r"\s+").match(text, i).end())
        if not m:
            return out
        out.append(m.group(1))
        depth = 1
        j = m.end()
        while j < len(text) and depth:
            depth += {"(": 1, ")": -1}.get(text[j], 0)
            j += 1
        i = j


def routes(root):
    out = collections.Counter()
    for d, dirs, files in os.walk(root):
        dirs[:] = sorted(x for x in dirs if x not in SKIP)
        for fn in sorted(files):
            if not re.search(r"\.(js|mjs|cjs|ts|mts)$", fn) or re.search(r"\.(test|spec)\.", fn) or fn.endswith(".d.ts"):
                continue
            p = os.path.join(d, fn)
            rel = os.path.relpath(p, root)
            t = COMMENTS.sub("", open(p, encoding="utf-8", errors="replace").read())
            if "express" not in t and "Router" not in t:
                continue
            for m in DIRECT.finditer(t):
                out[(rel, m.group(2).upper().replace("ALL", "ANY"), m.group(4))] += 1
            for m in ROUTE.finditer(t):
                for v in chain(t, m.end()):
                    out[(rel, v.upper().replace("ALL", "ANY"), m.group(2))] += 1
    return out


def main():
    want = routes(sys.argv[1])
    if len(sys.argv) < 3:
        for r in sorted(want):
            print(*r)
        print("total", sum(want.values()))
        return
    got = []
    for line in open(sys.argv[2], encoding="utf-8"):
        e = json.loads(line)
        if e.get("meta", {}).get("framework") != "express":
            continue
        at = e["meta"].get("routed_at", e["source"]["path"] + ":0").rsplit(":", 1)[0]
        got.append((at, e["meta"]["http_method"], e["meta"]["route_path"]))
    left = list(got)
    hit = 0
    misses = []
    for (f, m, p), n in sorted(want.items()):
        for _ in range(n):
            k = next((g for g in left if g[0] == f and g[1] == m and g[2].endswith(p)), None)
            if k:
                left.remove(k)
                hit += 1
            else:
                misses.append((f, m, p))
    total = sum(want.values())
    print("independent %d, quarry %d, matched %d, recall %.1f%%, precision %.1f%%" % (
        total, len(got), hit, 100.0 * hit / max(1, total), 100.0 * hit / max(1, len(got))))
    for x in misses:
        print("MISS", *x)
    for x in left:
        print("EXTRA", *x)


main()
