# Matches Quarry's docs sections (written examples + skipped symbols) against an independent count, per file.
# usage: docs_match.py COUNT.json OUT.jsonl COVERAGE.json
import json, re, sys, collections
ind = json.load(open(sys.argv[1]))
recs = [json.loads(l) for l in open(sys.argv[2])]
cov = json.load(open(sys.argv[3]))['extractors']
d = cov['docs'] if isinstance(cov, dict) else [x for x in cov if x['id'] == 'docs'][0]
syms = collections.defaultdict(list)
for r in recs:
    syms[r['source']['path']].append(r['source']['symbol'])
for s in d['skips']:
    if s.get('symbol'):
        syms[s['path']].append(s['symbol'])
def norm(x):
    return re.sub(r'[`*_\\]|<[^>]*>|\[([^\]]*)\]\([^)]*\)', r'\1', x).strip()
tot = n = fp = 0
for p, hs in ind.items():
    got = collections.Counter(norm(s.split(' > ', 1)[-1]) for s in syms[p])
    exp = collections.Counter(norm(h) for h in hs)
    tot += sum((got & exp).values()); n += sum(exp.values()); fp += sum((got - exp).values())
    if got != exp:
        print(p, 'missed', dict(exp - got), 'extra', dict(got - exp))
print('matched', tot, 'of', n, 'recall %.3f' % (tot / n), 'false positives', fp)
