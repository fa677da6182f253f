# Independent count with docutils: sections at depth 2 and 3 (the document title is depth 1) of every .rst under docs/.
import os, sys, json, docutils.core, docutils.nodes, docutils.utils
root = sys.argv[1]; out = {}
for d, _, fs in os.walk(root):
    for f in fs:
        if not f.endswith('.rst'): continue
        p = os.path.join(d, f)
        src = open(p, encoding='utf-8').read()
        from docutils.parsers.rst import Parser
        settings = docutils.frontend.OptionParser(components=(Parser,)).get_default_values()
        settings.report_level = 5; settings.halt_level = 5
        doc = docutils.utils.new_document(p, settings)
        Parser().parse(src, doc)
        heads = []
        def walk(n, depth):
            for c in n.children:
                if isinstance(c, docutils.nodes.section):
                    if depth in (2, 3): heads.append(c[0].astext())
                    walk(c, depth + 1)
        # docutils promotes a lone top section to the document title; count from the section tree as written.
        walk(doc, 1)
        out[os.path.relpath(p, os.path.dirname(root.rstrip('/')))] = heads
print(sum(len(v) for v in out.values()), len(out))
json.dump(out, open('rst-sections.json', 'w'))
