#!/usr/bin/env bash
# Issue 17, full disk: builds a slice of the demo into a tiny tmpfs (needs root for mount), plants a user file,
# then rebuilds with changed inputs into filesystems too small for a second copy, one size per row. After each
# failed or finished rebuild it checks the folder against its manifest (every listed file present with its
# SHA-256), that the user's file survived, and that a rebuild after space is freed succeeds.
#   sudo docs/measurements/issue-17-fulldisk.sh [WORKDIR]     QUARRY="java -jar quarry-cli/target/quarry.jar" honoured
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
read -r -a quarry <<<"${QUARRY:-$root/quarry}"
work="${1:-$(mktemp -d)}"
demo="$root/examples/acme-platform"
repo="$work/repo"
rm -rf "$repo" && mkdir -p "$repo/backend"
cp "$demo/quarry.yaml" "$repo/" && cp "$demo/backend/openapi.yaml" "$repo/backend/" && cp -r "$demo/training" "$repo/"
export SOURCE_DATE_EPOCH=1700000000
check() {  # prints "mismatches foreign_lost"
  python3 - "$1" <<'PY'
import hashlib, json, os, sys
out = sys.argv[1]
bad = 0
try:
    m = json.load(open(os.path.join(out, "manifest.json")))
    for f in m["files"]:
        p = os.path.join(out, f["path"])
        if not os.path.isfile(p) or hashlib.sha256(open(p, "rb").read()).hexdigest() != f["sha256"]:
            bad += 1
except (OSError, ValueError):
    bad = -1 if os.path.exists(os.path.join(out, ".quarry-journal.json")) else 1
note = os.path.join(out, "reports", "q3.md")
print(bad, 0 if os.path.isfile(note) and open(note).read() == "my notes\n" else 1)
PY
}
"${quarry[@]}" build "$repo" -o "$work/probe" -q
size=$(du -sk "$work/probe" | cut -f1)
echo "one build: ${size} KiB"
echo "| tmpfs KiB | rebuild exit | first error line | mismatches after | foreign files lost | rebuild after freeing space |"
echo "|---|---|---|---|---|---|"
mnt="$work/mnt"
mkdir -p "$mnt"
for pct in 115 125 135 145 155 165 175 185 195 210; do
  kib=$((size * pct / 100))
  mount -t tmpfs -o size=${kib}k tmpfs "$mnt"
  sed -i 's/epochs: 3/epochs: 4/' "$repo/quarry.yaml"
  if ! "${quarry[@]}" build "$repo" -o "$mnt/out" -q 2>"$work/first.err"; then
    echo "| $kib | first build failed: $(head -c 80 "$work/first.err") | | | | |"; umount "$mnt"; continue
  fi
  mkdir -p "$mnt/out/reports" && echo "my notes" >"$mnt/out/reports/q3.md"
  sed -i 's/epochs: 4/epochs: 3/' "$repo/quarry.yaml"
  set +e
  "${quarry[@]}" build "$repo" -o "$mnt/out" -q 2>"$work/err"
  code=$?
  set -e
  read -r bad lost < <(check "$mnt/out")
  # Free space: move the folder to a larger filesystem and rebuild there.
  rm -rf "$work/moved" && cp -a "$mnt/out" "$work/moved"
  umount "$mnt"
  set +e
  "${quarry[@]}" build "$repo" -o "$work/moved" -q 2>/dev/null
  again=$?
  set -e
  read -r bad2 lost2 < <(check "$work/moved")
  echo "| $kib | $code | $(head -n1 "$work/err" | cut -c1-90 | tr '|' '/') | $bad | $lost | exit $again, mismatches $bad2, foreign lost $lost2 |"
done
