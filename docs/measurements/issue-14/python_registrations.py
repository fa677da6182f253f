"""Independent count of Python routes registered by reference, with Python's own `ast`.

Counts every `path(...)`, `re_path(...)` or `url(...)` call with a string pattern whose view is not
`include(...)`, every `X.register("prefix", ViewSet, ...)` call with a string prefix (Django, DRF), and every
`X.add_url_rule(...)` with a view (`view_func=` or third argument; Flask) or `X.add_api_route("/p", endpoint)`
(FastAPI). Prints one line per
registration: `file:line kind view`. With a Quarry routes JSONL as second argument, prints recall (registrations
with at least one example whose meta.routed_at is that file:line) and lists the misses.
"""
import ast
import json
import os
import sys


def name(node):
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return node.attr
    return None


def view_name(node):
    """The view a path() entry names: X, mod.X, X.as_view(...), or wrapper(X)."""
    if isinstance(node, (ast.Name, ast.Attribute)):
        return name(node)
    if isinstance(node, ast.Call):
        if isinstance(node.func, ast.Attribute) and node.func.attr == "as_view":
            return name(node.func.value)
        if name(node.func) == "include":
            return None
        if node.args:
            return view_name(node.args[0])
    return "?"


def is_str(node):
    return isinstance(node, ast.Constant) and isinstance(node.value, str)


def registrations(root):
    """Every registration, and the names of the functions and classes the repository defines."""
    out = []
    defined = set()
    for d, dirs, files in os.walk(root):
        dirs[:] = sorted(x for x in dirs if not x.startswith("."))
        for fn in sorted(files):
            if not fn.endswith(".py"):
                continue
            p = os.path.join(d, fn)
            rel = os.path.relpath(p, root)
            try:
                tree = ast.parse(open(p, encoding="utf-8").read())
            except (SyntaxError, UnicodeDecodeError):
                continue
            for n in ast.walk(tree):
                if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                    defined.add(n.name)
                if not isinstance(n, ast.Call):
                    continue
                fname = name(n.func)
                if fname in ("path", "re_path", "url") and len(n.args) >= 2 and is_str(n.args[0]):
                    v = view_name(n.args[1])
                    if v is not None:
                        out.append((rel, n.lineno, "path", v))
                elif isinstance(n.func, ast.Attribute) and n.func.attr in ("add_url_rule", "add_api_route",
                                                                           "add_api_websocket_route"):
                    kw = {k.arg: k.value for k in n.keywords}
                    if n.func.attr == "add_url_rule":
                        v = kw.get("view_func", n.args[2] if len(n.args) > 2 else None)
                    else:
                        v = kw.get("endpoint", n.args[1] if len(n.args) > 1 else None)
                    if v is not None:
                        out.append((rel, n.lineno, n.func.attr, view_name(v)))
                elif (isinstance(n.func, ast.Attribute) and n.func.attr == "register" and len(n.args) >= 2
                      and is_str(n.args[0])):
                    out.append((rel, n.lineno, "register", name(n.args[1]) or "?"))
    return out, defined


def main():
    regs, defined = registrations(sys.argv[1])
    external = [r for r in regs if r[3] not in defined]
    regs = [r for r in regs if r[3] in defined]
    print("registrations of views defined outside the repository or not by def/class (lambda, alias): %d"
          % len(external))
    for r in external:
        print("  EXTERNAL %s:%d %s %s" % r)
    if len(sys.argv) < 3:
        for r in regs:
            print("%s:%d %s %s" % r)
        print("total", len(regs))
        return
    routed = set()
    for line in open(sys.argv[2], encoding="utf-8"):
        e = json.loads(line)
        at = e.get("meta", {}).get("routed_at")
        if at:
            routed.add(at)
    found = [r for r in regs if "%s:%d" % (r[0], r[1]) in routed]
    print("registrations %d, with an example %d, recall %.1f%%" % (len(regs), len(found),
                                                                   100.0 * len(found) / max(1, len(regs))))
    for r in regs:
        if "%s:%d" % (r[0], r[1]) not in routed:
            print("MISS %s:%d %s %s" % r)


main()
