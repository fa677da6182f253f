def add(a: int, b: int) -> int:
    return a + b
# ----
class Stack:
    def __init__(self) -> None:
        self.items: list[int] = []

    def push(self, x: int) -> None:
        self.items.append(x)

    def pop(self) -> int:
        if not self.items:
            raise IndexError("empty")
        return self.items.pop()
# ----
import json


def load(path: str) -> dict:
    with open(path, encoding="utf-8") as f:
        data = json.load(f)
    if not isinstance(data, dict):
        raise ValueError(f"{path}: not an object")
    return data
# ----
async def fetch(client, url: str) -> bytes:
    try:
        response = await client.get(url, timeout=10)
        response.raise_for_status()
    except TimeoutError as exc:
        raise RuntimeError("timed out") from exc
    else:
        return response.content
    finally:
        await client.aclose()
# ----
def classify(n: int) -> str:
    if n < 0:
        return "negative"
    elif n == 0:
        return "zero"
    else:
        return "positive"
# ----
def squares(limit: int) -> list[int]:
    result = []
    for i in range(limit):
        if i % 2:
            continue
        result.append(i * i)
    return result
# ----
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Point:
    x: float
    y: float
    tags: tuple[str, ...] = field(default_factory=tuple)

    def norm(self) -> float:
        return (self.x ** 2 + self.y ** 2) ** 0.5
# ----
def count_words(text: str) -> dict[str, int]:
    counts: dict[str, int] = {}
    for word in text.split():
        counts[word] = counts.get(word, 0) + 1
    return {k: v for k, v in sorted(counts.items()) if v > 1}
# ----
def retry(times: int):
    def decorator(fn):
        def wrapper(*args, **kwargs):
            last = None
            for _ in range(times):
                try:
                    return fn(*args, **kwargs)
                except Exception as e:
                    last = e
            raise last
        return wrapper
    return decorator
# ----
def walk(tree, depth=0):
    while tree is not None:
        yield depth, tree.value
        yield from walk(tree.left, depth + 1)
        tree = tree.right
# ----
def parse_flags(argv: list[str]) -> dict[str, bool]:
    flags = {}
    i = 0
    while i < len(argv):
        arg = argv[i]
        if arg.startswith("--no-"):
            flags[arg[5:]] = False
        elif arg.startswith("--"):
            flags[arg[2:]] = True
        i += 1
    return flags
# ----
class Config:
    """Settings read once."""

    DEFAULTS = {"timeout": 30, "retries": 3}

    @classmethod
    def from_env(cls, env: dict[str, str]) -> "Config":
        values = dict(cls.DEFAULTS)
        for key in values:
            if key.upper() in env:
                values[key] = int(env[key.upper()])
        return cls(**values)

    def __init__(self, timeout: int, retries: int) -> None:
        self.timeout = timeout
        self.retries = retries
# ----
def handle(event: dict) -> str:
    match event.get("type"):
        case "create":
            return "created"
        case "delete" | "remove":
            return "deleted"
        case _:
            return "ignored"
# ----
def chunks(items: list, size: int):
    assert size > 0, "size must be positive"
    return [items[i:i + size] for i in range(0, len(items), size)]
# ----
import contextlib


@contextlib.contextmanager
def timer(name: str):
    import time
    start = time.perf_counter()
    try:
        yield
    finally:
        print(f"{name}: {time.perf_counter() - start:.3f}s")
# ----
def test_add():
    assert add(1, 2) == 3
    assert add(-1, 1) == 0


def test_stack_pop_empty():
    s = Stack()
    with pytest.raises(IndexError):
        s.pop()
# ----
def merge(a: dict, b: dict) -> dict:
    out = {**a}
    for k, v in b.items():
        if k in out and isinstance(out[k], dict) and isinstance(v, dict):
            out[k] = merge(out[k], v)
        else:
            out[k] = v
    return out
# ----
def fib(n: int) -> int:
    a, b = 0, 1
    for _ in range(n):
        a, b = b, a + b
    return a
# ----
class Node:
    __slots__ = ("value", "children")

    def __init__(self, value, children=None):
        self.value = value
        self.children = children or []

    def __repr__(self) -> str:
        return f"Node({self.value!r}, {len(self.children)} children)"
# ----
def safe_div(a: float, b: float) -> float | None:
    try:
        return a / b
    except ZeroDivisionError:
        return None
# ----
GLOBAL_LIMIT = 10


def bump() -> int:
    global GLOBAL_LIMIT
    GLOBAL_LIMIT += 1
    return GLOBAL_LIMIT
# ----
def outer() -> int:
    total = 0

    def inner(x: int) -> None:
        nonlocal total
        total += x

    for v in (1, 2, 3):
        inner(v)
    return total
# ----
def render(rows: list[tuple[str, int]]) -> str:
    lines = [
        f"{name:<10} {count:>5}"
        for name, count in rows
        if count
    ]
    return "\n".join(lines)
# ----
def first_even(values):
    for v in values:
        if v % 2 == 0:
            break
    else:
        return None
    return v
# ----
lambda_sorted = sorted(["b", "a", "c"], key=lambda s: (len(s), s))
pairs = list(zip(range(3), "abc"))
with_walrus = [y for x in range(10) if (y := x * 2) > 5]
# ----
def validate(payload: dict) -> list[str]:
    errors = []
    if "name" not in payload:
        errors.append("name is required")
    if not isinstance(payload.get("age", 0), int):
        errors.append("age must be an integer")
    return errors
# ----
class Repo:
    def __init__(self, conn):
        self.conn = conn

    def get(self, id_: int):
        cur = self.conn.execute("SELECT * FROM t WHERE id = ?", (id_,))
        row = cur.fetchone()
        if row is None:
            raise KeyError(id_)
        return row

    def delete(self, id_: int) -> None:
        self.conn.execute("DELETE FROM t WHERE id = ?", (id_,))
        self.conn.commit()
# ----
def tokens(s: str):
    i = 0
    while i < len(s):
        c = s[i]
        if c.isspace():
            i += 1
            continue
        if c.isdigit():
            j = i
            while j < len(s) and s[j].isdigit():
                j += 1
            yield int(s[i:j])
            i = j
        else:
            yield c
            i += 1
# ----
def kwargs_only(*, a: int, b: int = 2, **rest) -> int:
    return a + b + len(rest)
