"""Independent count of agent constructions.

Python (`ast`): calls of `Agent`, `AssistantAgent` ... (last name of the callee) with at least one keyword
argument. TypeScript/JavaScript (regular expression over comment-stripped source): `new XAgent({` /
`new Agent({`. Test files and node_modules are skipped, as Quarry's default excludes do. Prints per-file counts
and, with a Quarry JSONL (agents extractor) as second argument, compares per-file counts of examples whose
meta.agent_pattern is "agent definition".
"""
import ast
import collections
import json
import os
import re
import sys

CTORS = {"Agent", "ToolLoopAgent", "Experimental_Agent", "AssistantAgent", "ConversableAgent", "UserProxyAgent",
         "ChatAgent", "ReActAgent", "FunctionAgent", "LlmAgent"}
NEW = re.compile(r"\bnew\s+(?:[\w$]+\.)?(" + "|".join(sorted(CTORS)) + r")\s*(?:<[^>]*>)?\(\s*\{")
COMMENTS = re.compile(r"/\*.*?\*/|(?<![:'\"])//[^\n]*", re.S)
TESTS = re.compile(r"(^|/)(tests?|__tests__)/|(^|/)test_[^/]*\.py$|_test\.py$|\.(test|test-d|spec)\.|conftest\.py$")


def count(root):
    out = collections.Counter()
    for d, dirs, files in os.walk(root):
        dirs[:] = sorted(x for x in dirs if x not in ("node_modules", ".git", "dist", "build"))
        for fn in sorted(files):
            p = os.path.join(d, fn)
            rel = os.path.relpath(p, root)
            if TESTS.search(rel):
                continue
            if fn.endswith(".py"):
                try:
                    tree = ast.parse(open(p, encoding="utf-8").read())
                except (SyntaxError, UnicodeDecodeError):
                    continue
                for n in ast.walk(tree):
                    if isinstance(n, ast.Call) and n.keywords:
                        f = n.func
                        name = f.id if isinstance(f, ast.Name) else f.attr if isinstance(f, ast.Attribute) else ""
                        if name in CTORS:
                            out[rel] += 1
            elif re.search(r"\.(ts|tsx|mts|js|jsx|mjs)$", fn) and not fn.endswith(".d.ts"):
                t = COMMENTS.sub("", open(p, encoding="utf-8", errors="replace").read())
                out[rel] += len(NEW.findall(t))
    return +out


def main():
    want = count(sys.argv[1])
    if len(sys.argv) < 3:
        for k, v in sorted(want.items()):
            print(v, k)
        print("total", sum(want.values()))
        return
    got = collections.Counter()
    for line in open(sys.argv[2], encoding="utf-8"):
        e = json.loads(line)
        if e.get("meta", {}).get("agent_pattern") == "agent definition":
            got[e["source"]["path"]] += 1
    hit = sum((want & got).values())
    print("independent %d, quarry %d, matched %d, recall %.1f%%, precision %.1f%%" % (
        sum(want.values()), sum(got.values()), hit, 100.0 * hit / max(1, sum(want.values())),
        100.0 * hit / max(1, sum(got.values()))))
    for k in sorted(set(want) | set(got)):
        if want[k] != got[k]:
            print("DIFF %s independent %d quarry %d" % (k, want[k], got[k]))


main()
