#!/usr/bin/env bash
# Issue 17, eval hostile-server matrix: runs `quarry eval` as its own process against hostile_server.py on
# 127.0.0.1, one case per row, and prints a Markdown table: exit code, wall time, peak RSS (GNU time), whether
# the API key appears in stdout, stderr, report.json, report.html or the cache, raw ESC bytes on the terminal
# streams, and what the server saw (bytes pushed before the client hung up, the key sent to another origin,
# a POST turned into a GET).
#
#   docs/measurements/issue-17-hostile.sh [WORKDIR]      (default: a fresh mktemp -d; needs python3, /usr/bin/time)
#
# QUARRY (default: the repository's ./quarry launcher; e.g. QUARRY="java -jar quarry-cli/target/quarry.jar") and QUARRY_JAVA_OPTS are honoured.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
read -r -a quarry <<<"${QUARRY:-$root/quarry}"
work="${1:-$(mktemp -d)}"
mkdir -p "$work"
key="sk-measure-17-3f9a0c7b5e21d4a8"
log="$work/server.log"
: >"$log"

"${quarry[@]}" --version >/dev/null 2>&1 || true   # builds the tool once, outside the timings

python3 "$here/hostile_server.py" "$log" >"$work/ports" &
server=$!
trap 'kill "$server" 2>/dev/null || true' EXIT
for _ in $(seq 100); do [ -s "$work/ports" ] && break; sleep 0.1; done
read -r port other <"$work/ports"

cat >"$work/probes.jsonl" <<'JSONL'
{"id":"p1","category":"python","prompt":"Print hi in Python","reference":"```python\nprint('hi')\n```"}
{"id":"p2","category":"python","prompt":"Print hi again","reference":"```python\nprint('hi')\n```"}
JSONL

echo "| case | exit | wall s | peak RSS MB | key in stdout/stderr/report/html/cache | raw ESC bytes on stdout+stderr | server saw | first failure |"
echo "|---|---|---|---|---|---|---|---|"
for case in endless drip huge keyecho keyanswer xorigin post302 escapes escerror; do
  d="$work/$case"
  rm -rf "$d" && mkdir -p "$d"
  before=$(wc -l <"$log")
  set +e
  QUARRY_API_KEY="$key" /usr/bin/time -v -o "$d/time.txt" "${quarry[@]}" eval --endpoint "http://127.0.0.1:$port/$case/v1" \
    --model acme-lora --prompts "$work/probes.jsonl" --cache "$d/cache" --report "$d/report.json" \
    --html "$d/report.html" --timeout 5 --retries 0 --max-tokens 256 >"$d/stdout" 2>"$d/stderr"
  code=$?
  set -e
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,t,":"); s=0; for(i=1;i<=n;i++) s=s*60+t[i]; printf "%.1f", s}' "$d/time.txt")
  rss=$(awk -F': ' '/Maximum resident set size/ {printf "%.0f", $2/1024}' "$d/time.txt")
  leaks=""
  for f in stdout stderr report.json report.html cache; do
    if [ -e "$d/$f" ] && grep -rqF "$key" "$d/$f"; then leaks="$leaks $f"; fi
  done
  esc=$(cat "$d/stdout" "$d/stderr" | tr -cd '\033' | wc -c)
  saw=$(tail -n +"$((before + 1))" "$log" | python3 -c '
import json, sys
other = int(sys.argv[1])
lines = [json.loads(l) for l in sys.stdin if l.strip()]
rows = [r for r in lines if "method" in r]
pushed = sum(r.get("pushed_bytes", 0) for r in lines)
parts = ["%d requests" % len(rows)]
if pushed: parts.append("%.1f MB pushed" % (pushed / 1e6))
if any(r["port"] == other for r in rows):
    parts.append("other origin reached" + (" WITH the key" if any(r["port"] == other and r["authorization"] for r in rows) else " without the key"))
if any(r["method"] == "GET" for r in rows): parts.append("POST turned into GET")
print(", ".join(parts))' "$other")
  if [ "$case" = post302 ] && grep -q "scored after a 302" "$d/report.json" 2>/dev/null; then saw="$saw; the GET answer was scored"; fi
  reason=$(python3 -c '
import json, sys
try:
    items = json.load(open(sys.argv[1])).get("items", [])
except (OSError, ValueError):
    items = []
reasons = [i["adapter"].get("error", "") for i in items if i.get("adapter", {}).get("error")]
print((reasons[0][:70] + "…" if len(reasons[0]) > 70 else reasons[0]).replace("|", "/") if reasons else "none (scored)")' "$d/report.json")
  echo "| $case | $code | $wall | $rss | ${leaks:-none} | $esc | $saw | $reason |"
done
