# Independent count: ## and ### headings outside fenced code and front matter in every .mdx under content/.
import os, re, sys, json, collections
root = sys.argv[1]
files = 0; secs = {}
for d, _, fs in os.walk(root):
    for f in fs:
        if not f.endswith('.mdx'): continue
        files += 1
        p = os.path.join(d, f)
        lines = open(p, encoding='utf-8').read().split('\n')
        i = 0
        if lines and lines[0] == '---':
            i = 1
            while i < len(lines) and lines[i].strip() not in ('---', '...'): i += 1
            i += 1
        fence = None
        for ln in lines[i:]:
            s = ln.lstrip()
            if fence:
                if s.startswith(fence) and s[len(fence):].strip() == '': fence = None
                continue
            m = re.match(r'(`{3,}|~{3,})', s)
            if m: fence = m.group(1); continue
            m = re.match(r'^ {0,3}(#{2,3})\s+(.+?)\s*#*\s*$', ln)
            if m:
                rel = os.path.relpath(p, os.path.dirname(root.rstrip('/')))
                secs.setdefault(rel, []).append(m.group(2))
print(json.dumps({"files": files, "sections": sum(len(v) for v in secs.values())}))
json.dump(secs, open('mdx-sections.json', 'w'))
