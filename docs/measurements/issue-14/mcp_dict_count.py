"""Independent count of low-level MCP `Tool(name="...", inputSchema={...})` declarations whose literal dict
schema has at least one property, with Python's `ast`. With a Quarry JSONL (mcp extractor) as second argument,
prints how many of them have an example whose sample `tools/call` sends non-empty arguments, and lists the rest.
"""
import ast
import json
import os
import re
import sys


def tools(root):
    out = []
    for d, dirs, files in os.walk(root):
        dirs[:] = sorted(x for x in dirs if not x.startswith("."))
        for fn in sorted(files):
            if not fn.endswith(".py"):
                continue
            p = os.path.join(d, fn)
            try:
                tree = ast.parse(open(p, encoding="utf-8").read())
            except (SyntaxError, UnicodeDecodeError):
                continue
            for n in ast.walk(tree):
                if not isinstance(n, ast.Call):
                    continue
                f = n.func
                if not ((isinstance(f, ast.Name) and f.id == "Tool") or (isinstance(f, ast.Attribute) and f.attr == "Tool")):
                    continue
                kw = {k.arg: k.value for k in n.keywords}
                schema = kw.get("inputSchema") or kw.get("input_schema")
                name = kw.get("name")
                if not isinstance(schema, ast.Dict) or not isinstance(name, ast.Constant):
                    continue
                props = next((v for k, v in zip(schema.keys, schema.values)
                              if isinstance(k, ast.Constant) and k.value == "properties"), None)
                if isinstance(props, ast.Dict) and props.keys:
                    out.append((os.path.relpath(p, root), n.lineno, name.value))
    return out


def main():
    want = tools(sys.argv[1])
    if len(sys.argv) < 3:
        for w in want:
            print("%s:%d %s" % w)
        print("total", len(want))
        return
    got = set()
    for line in open(sys.argv[2], encoding="utf-8"):
        e = json.loads(line)
        if e.get("meta", {}).get("mcp_tool") is None:
            continue
        answer = e["messages"][2]["content"]
        if re.search(r'"arguments": \{\s*"', answer):
            got.add((e["source"]["path"], e["source"]["lines"][0], e["meta"]["mcp_tool"]))
    hit = [w for w in want if w in got]
    print("literal-dict tools with properties %d, examples with real arguments %d, recall %.1f%%" % (
        len(want), len(hit), 100.0 * len(hit) / max(1, len(want))))
    for w in want:
        if w not in got:
            print("MISS %s:%d %s" % w)


main()
