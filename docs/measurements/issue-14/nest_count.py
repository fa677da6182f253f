"""Independent count of NestJS routes by regular expressions over comment-stripped TypeScript.

Each `@Get(...)`, `@Post(...)` ... `@All(...)` decorator in a file that declares `@Controller(...)` is a route;
its full path is the `setGlobalPrefix` argument (found anywhere), the prefix of the closest `@Controller` above it
and its own argument. With a Quarry routes JSONL as second argument, compares the `METHOD path` multisets and
prints recall, precision and every difference.
"""
import collections
import json
import os
import re
import sys

VERBS = {"Get": "GET", "Post": "POST", "Put": "PUT", "Delete": "DELETE", "Patch": "PATCH", "Options": "OPTIONS",
         "Head": "HEAD", "All": "ANY"}
COMMENTS = re.compile(r"/\*.*?\*/|//[^\n]*", re.S)
DECORATOR = re.compile(r"@(Controller|Get|Post|Put|Delete|Patch|Options|Head|All)\(\s*(?:['\"`]([^'\"`]*)['\"`])?")


def join(*parts):
    out = "/".join(p.strip("/") for p in parts if p.strip("/"))
    return "/" + out


def main():
    root = sys.argv[1]
    texts = {}
    for d, dirs, files in os.walk(root):
        dirs[:] = sorted(x for x in dirs if x not in (".git", "node_modules", "dist"))
        for fn in sorted(files):
            if fn.endswith(".ts") and not fn.endswith(".d.ts"):
                p = os.path.join(d, fn)
                texts[os.path.relpath(p, root)] = COMMENTS.sub("", open(p, encoding="utf-8").read())
    prefix = ""
    for t in texts.values():
        m = re.search(r"setGlobalPrefix\(\s*['\"`]([^'\"`]*)", t)
        if m:
            prefix = m.group(1)
    routes = collections.Counter()
    for rel, t in sorted(texts.items()):
        if "@Controller(" not in t:
            continue
        controller = ""
        for m in DECORATOR.finditer(t):
            if m.group(1) == "Controller":
                controller = m.group(2) or ""
            else:
                routes["%s %s" % (VERBS[m.group(1)], join(prefix, controller, m.group(2) or ""))] += 1
    if len(sys.argv) < 3:
        for r in sorted(routes):
            print(r)
        print("total", sum(routes.values()))
        return
    got = collections.Counter()
    for line in open(sys.argv[2], encoding="utf-8"):
        e = json.loads(line)
        if e.get("meta", {}).get("framework") == "nestjs":
            got[e["source"]["symbol"]] += 1
    hit = sum((routes & got).values())
    print("independent %d, quarry %d, matched %d, recall %.1f%%, precision %.1f%%" % (
        sum(routes.values()), sum(got.values()), hit, 100.0 * hit / max(1, sum(routes.values())),
        100.0 * hit / max(1, sum(got.values()))))
    for r in sorted(routes - got):
        print("MISS", r)
    for r in sorted(got - routes):
        print("EXTRA", r)


main()
