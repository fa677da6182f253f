#!/usr/bin/env bash
# Regenerates acme-platform.bundle: a small, scripted git history of the Acme platform for the `history`
# extractor (edits, fixes with tests, a follow-up fix, and the commits the extractor must skip: a root commit,
# a merge, a revert, a chore, a formatting-only change, a bot commit). One commit carries a planted AI
# Co-Authored-By trailer and a planted AWS-style key, both of which must never reach any output in clear.
# Deterministic: fixed authors and dates, so the same git version gives the same commits.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
export GIT_CONFIG_NOSYSTEM=1 GIT_CONFIG_GLOBAL=/dev/null
export GIT_AUTHOR_NAME="Acme Dev" GIT_AUTHOR_EMAIL="dev@acme.test"
export GIT_COMMITTER_NAME="Acme Dev" GIT_COMMITTER_EMAIL="dev@acme.test"
n=0
commit() {  # commit MESSAGE: stages everything and commits at the next fixed date
  n=$((n + 1))
  export GIT_AUTHOR_DATE="2024-03-$(printf %02d "$n")T10:00:00+0000" GIT_COMMITTER_DATE="2024-03-$(printf %02d "$n")T10:00:00+0000"
  git add -A
  git commit -q -m "$1"
}
cd "$work"
git init -q -b main .
mkdir -p backend/app/db backend/tests sdk/src

cat > backend/app/ratelimit.py <<'EOF'
"""Token-bucket rate limiting for the public API."""

from __future__ import annotations

import time
from dataclasses import dataclass, field


@dataclass
class TokenBucket:
    """Allows ``rate`` requests per second with bursts of up to ``capacity``."""

    rate: float
    capacity: int
    tokens: float = field(init=False)
    updated: float = field(init=False)

    def __post_init__(self) -> None:
        self.tokens = float(self.capacity)
        self.updated = time.monotonic()

    def allow(self) -> bool:
        """Takes one token when one is available."""
        now = time.monotonic()
        self.tokens = min(self.capacity, self.tokens + (now - self.updated) * self.rate)
        self.updated = now
        if self.tokens >= 1:
            self.tokens -= 1
            return True
        return False
EOF
cat > backend/tests/test_ratelimit.py <<'EOF'
from app.ratelimit import TokenBucket


def test_bucket_allows_a_burst_up_to_capacity():
    bucket = TokenBucket(rate=1.0, capacity=3)
    assert [bucket.allow() for _ in range(4)] == [True, True, True, False]
EOF
commit "Add a token-bucket rate limiter for the public API"

cat > backend/app/db/query_cache.py <<'EOF'
"""A small LRU cache for vector-search results, keyed by collection and query."""

from __future__ import annotations

from collections import OrderedDict
from typing import Any


class QueryCache:
    """Keeps the results of the last ``size`` searches."""

    def __init__(self, size: int = 128) -> None:
        self.size = size
        self._items: OrderedDict[tuple[str, str], list[Any]] = OrderedDict()

    def get(self, collection: str, query: str) -> list[Any] | None:
        key = (collection, query)
        if key not in self._items:
            return None
        self._items.move_to_end(key)
        return self._items[key]

    def put(self, collection: str, query: str, results: list[Any]) -> None:
        key = (collection, query)
        self._items[key] = results
        self._items.move_to_end(key)
        if len(self._items) >= self.size:
            self._items.popitem(last=False)
EOF
commit "Add an LRU cache for vector search results

Repeated searches from the dashboard hit the database every time. Cache the
last results per collection and query in process memory."

python3 - <<'EOF'
import re
p = "backend/app/db/query_cache.py"
s = open(p).read()
s = s.replace("        if len(self._items) >= self.size:\n", "        if len(self._items) > self.size:\n")
open(p, "w").write(s)
EOF
cat > backend/tests/test_query_cache.py <<'EOF'
from app.db.query_cache import QueryCache


def test_cache_keeps_exactly_size_entries():
    cache = QueryCache(size=2)
    cache.put("docs", "a", [1])
    cache.put("docs", "b", [2])
    assert cache.get("docs", "a") == [1]
    assert cache.get("docs", "b") == [2]


def test_cache_evicts_the_least_recently_used_entry():
    cache = QueryCache(size=2)
    cache.put("docs", "a", [1])
    cache.put("docs", "b", [2])
    cache.get("docs", "a")
    cache.put("docs", "c", [3])
    assert cache.get("docs", "b") is None
EOF
commit "Fix QueryCache evicting an entry before it is full

The eviction check compared with >= so a cache of size 2 only ever held one
entry. Evict only once the cache holds more than size entries."

python3 - <<'EOF'
p = "backend/app/ratelimit.py"
s = open(p).read()
s = s.replace('''        return False
''', '''        return False

    def retry_after(self) -> float:
        """Seconds until the next token is available (0 when one is)."""
        if self.tokens >= 1:
            return 0.0
        return (1 - self.tokens) / self.rate
''')
open(p, "w").write(s)
EOF
cat >> backend/tests/test_ratelimit.py <<'EOF'


def test_retry_after_is_zero_while_tokens_remain():
    bucket = TokenBucket(rate=2.0, capacity=1)
    assert bucket.retry_after() == 0.0
EOF
commit "Add retry_after to TokenBucket for the Retry-After header"

python3 - <<'EOF'
p = "backend/app/ratelimit.py"
s = open(p).read()
s = s.replace('''        if self.tokens >= 1:
            return 0.0
        return (1 - self.tokens) / self.rate
''', '''        if self.tokens >= 1:
            return 0.0
        if self.rate <= 0:
            raise ValueError("a bucket with rate 0 never refills")
        return (1 - self.tokens) / self.rate
''')
open(p, "w").write(s)
EOF
commit "Raise a clear error from retry_after when the rate is zero

A zero rate made retry_after divide by zero with a bare ZeroDivisionError."

cat > sdk/src/retry.ts <<'EOF'
/** Retry helpers for the Acme SDK. */

export interface RetryOptions {
  retries: number;
  baseDelayMs: number;
}

export function backoffDelay(attempt: number, options: RetryOptions): number {
  return options.baseDelayMs * 2 ** attempt;
}
EOF
commit "Add exponential backoff delays to the SDK"

python3 - <<'EOF'
p = "sdk/src/retry.ts"
s = open(p).read()
s = s.replace('''export interface RetryOptions {
  retries: number;
  baseDelayMs: number;
}
''', '''export interface RetryOptions {
  retries: number;
  baseDelayMs: number;
  maxDelayMs?: number;
}
''').replace('''  return options.baseDelayMs * 2 ** attempt;''', '''  const delay = options.baseDelayMs * 2 ** attempt;
  return Math.min(delay, options.maxDelayMs ?? 30_000);''')
open(p, "w").write(s)
EOF
commit "Cap SDK backoff delays at maxDelayMs"

# The planted commit: an AI attribution trailer and a credential in both the message and the code.
key="AKIA""Q7LZ4XW2M6RTB3PD"
cat > backend/app/gateway_keys.py <<EOF
"""Credentials the API gateway uses to call the embedding provider."""

PROVIDER_KEY_ID = "$key"


def provider_headers() -> dict[str, str]:
    """Headers for calls to the embedding provider."""
    return {"X-Provider-Key": PROVIDER_KEY_ID}
EOF
commit "Add provider credentials for the embedding gateway

Use key $key for the staging provider.

Co-Authored-By: GitHub Copilot <copilot@github.com>"

python3 - <<'EOF'
p = "backend/app/db/query_cache.py"
s = open(p).read()
s = s.replace("class QueryCache:\n", "class QueryCache:\n\n")
open(p, "w").write(s.replace("    def get(", "\n    def get(", 1).replace("\n\n    def get(", "\n    def get(", 1))
EOF
sed -i 's/^        key = (collection, query)$/        key = (collection,  query)/' backend/app/db/query_cache.py
commit "Reformat the query cache module"

echo "# Acme platform history demo" > README.md
commit "Update README"

git checkout -q -b feature/cache-stats
python3 - <<'EOF'
p = "backend/app/db/query_cache.py"
s = open(p).read()
s = s.replace('''    def get(self, collection: str, query: str) -> list[Any] | None:
        key = (collection,  query)
        if key not in self._items:
            return None
''', '''    def get(self, collection: str, query: str) -> list[Any] | None:
        key = (collection,  query)
        if key not in self._items:
            self.misses += 1
            return None
        self.hits += 1
''').replace('''        self._items: OrderedDict[tuple[str, str], list[Any]] = OrderedDict()
''', '''        self._items: OrderedDict[tuple[str, str], list[Any]] = OrderedDict()
        self.hits = 0
        self.misses = 0
''')
open(p, "w").write(s)
EOF
commit "Count cache hits and misses in QueryCache"
git checkout -q main
n=$((n + 1))
export GIT_AUTHOR_DATE="2024-03-$(printf %02d "$n")T10:00:00+0000" GIT_COMMITTER_DATE="2024-03-$(printf %02d "$n")T10:00:00+0000"
git merge -q --no-ff -m "Merge branch 'feature/cache-stats'" feature/cache-stats
git branch -q -D feature/cache-stats

python3 - <<'EOF'
p = "sdk/src/retry.ts"
s = open(p).read()
open(p, "w").write(s.replace("30_000", "60_000"))
EOF
commit "Raise the default SDK backoff cap to 60 seconds"
git revert --no-edit HEAD >/dev/null
n=$((n + 1))
GIT_AUTHOR_DATE="2024-03-$(printf %02d "$n")T10:00:00+0000" GIT_COMMITTER_DATE="2024-03-$(printf %02d "$n")T10:00:00+0000" \
  git commit -q --amend --no-edit --date="2024-03-$(printf %02d "$n")T10:00:00+0000"

echo '{"version": "1.2.0"}' > sdk/version.json
GIT_AUTHOR_NAME="dependabot[bot]" GIT_AUTHOR_EMAIL="bot@acme.test" commit "Bump the SDK version to 1.2.0"

python3 - <<'EOF'
p = "backend/app/ratelimit.py"
s = open(p).read()
s = s.replace('''        now = time.monotonic()
        self.tokens = min(self.capacity, self.tokens + (now - self.updated) * self.rate)
''', '''        now = time.monotonic()
        elapsed = max(0.0, now - self.updated)
        self.tokens = min(self.capacity, self.tokens + elapsed * self.rate)
''')
open(p, "w").write(s)
EOF
cat >> backend/tests/test_ratelimit.py <<'EOF'


def test_bucket_never_goes_negative_when_the_clock_steps_back(monkeypatch):
    bucket = TokenBucket(rate=1.0, capacity=1)
    bucket.updated += 60
    assert bucket.allow() is True
    assert bucket.tokens >= 0
EOF
commit "Fix TokenBucket losing tokens when the monotonic clock is behind updated

🤖 Generated with Cursor"

git bundle create -q "$here/acme-platform.bundle" HEAD main
echo "wrote $here/acme-platform.bundle ($(git rev-list --count main) commits)"
