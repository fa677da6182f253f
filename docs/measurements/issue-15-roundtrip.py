"""Issue 15: LLaMA-Factory's sample SFT files through quarry import -> quarry export, checked by two parsers
that are not Quarry's: Python's json module and Hugging Face `datasets` (the loader LLaMA-Factory itself uses).

Usage: python issue-15-roundtrip.py LLAMA_FACTORY_DATA_DIR WORK_DIR QUARRY_LAUNCHER
Prints one line per file: records, fields equal, keys the export added or dropped, datasets rows equal.
"""
import json
import subprocess
import sys
from pathlib import Path

import datasets

datasets.disable_progress_bars()
data, work, quarry = Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3]
FILES = [] if "--sharegpt-only" in sys.argv else [("alpaca_en_demo.json", "alpaca"), ("alpaca_zh_demo.json", "alpaca"), ("identity.json", "alpaca"),
         ("mllm_demo.json", "openai"), ("kto_en_demo.json", "openai"),
         ("glaive_toolcall_en_demo.json", "sharegpt")]


def load(path):
    text = path.read_text(encoding="utf-8")
    return json.loads(text) if text.lstrip().startswith("[") else [json.loads(l) for l in text.splitlines() if l.strip()]


for name, fmt in FILES:
    src = data / name
    ds = work / src.stem / "ds"
    ds.mkdir(parents=True, exist_ok=True)
    imp = subprocess.run([quarry, "import", str(src), "-o", str(ds / "train.jsonl"), "-q"], capture_output=True, text=True)
    if imp.returncode != 0:
        print(f"{name}: import exit {imp.returncode}: {imp.stderr.strip()}")
        continue
    out = work / src.stem / "out"
    exp = subprocess.run([quarry, "export", str(ds), "-f", fmt, "-o", str(out), "-q"], capture_output=True, text=True)
    if exp.returncode != 0:
        print(f"{name}: export exit {exp.returncode}: {exp.stderr.strip()}")
        continue
    exported_path = out / fmt / "train.jsonl"
    originals, exported = load(src), load(exported_path)
    added, dropped, equal = set(), set(), 0
    for o, e in zip(originals, exported):
        added |= set(e) - set(o)
        dropped |= set(o) - set(e)
        if {k: v for k, v in e.items() if k in o} == {k: v for k, v in o.items() if k in e}:
            equal += 1
    a = datasets.load_dataset("json", data_files=str(src), split="train")
    b = datasets.load_dataset("json", data_files=str(exported_path), split="train")
    b = b.remove_columns([c for c in b.column_names if c not in a.column_names])
    a = a.remove_columns([c for c in a.column_names if c not in b.column_names])
    rows_equal = sum(1 for x, y in zip(a.to_list(), b.to_list()) if x == y)
    print(f"{name}: {len(originals)} in, {len(exported)} exported ({fmt}); shared fields equal in {equal}; "
          f"export added {sorted(added) or '-'}, dropped {sorted(dropped) or '-'}; datasets rows equal "
          f"{rows_equal}/{len(a)} over columns {a.column_names}")

# Tool use: every record of the tool-call files goes through quarry validate; the accepted ones are exported back
# in their own format and compared with the originals (ignoring the id the export adds), and an independent
# Python filter counts the originals that hold tool calls, to see that they are accepted and not only the plain.
def has_tools(r):
    if "conversations" in r:
        return any(t["from"] in ("function_call", "observation") for t in r["conversations"])
    return any(m.get("role") == "tool" or m.get("tool_calls") or
               (isinstance(m.get("content"), list) and any(p.get("type") == "tool_call" for p in m["content"]))
               for m in r["messages"])


for name, fmt in [("glaive_toolcall_en_demo.json", "sharegpt"), ("glaive_toolcall_zh_demo.json", "sharegpt"),
                  ("reason_tool_use_demo_50.jsonl", "openai"), ("v1_sft_demo.jsonl", "openai")]:
    src = data / name
    base = work / (src.stem + "-tools")
    ds = base / "ds"
    ds.mkdir(parents=True, exist_ok=True)
    v = subprocess.run([quarry, "validate", str(src), "--accepted", str(ds / "train.jsonl"), "--rejected",
                        str(base / "rejected.jsonl"), "--report", str(base / "v.json"), "--fail-on", "never", "-q"],
                       capture_output=True, text=True)
    out = base / "out"
    subprocess.run([quarry, "export", str(ds), "-f", fmt, "-o", str(out), "-q"], check=True)
    originals = load(src)
    exported = load(out / fmt / "train.jsonl")
    accepted = load(ds / "train.jsonl")
    wanted = {json.dumps(o, sort_keys=True) for o in originals}
    equal = sum(1 for e in exported if json.dumps({k: x for k, x in e.items() if k != "id"}, sort_keys=True) in wanted)
    tool_originals = sum(1 for r in originals if has_tools(r))
    tool_exported = sum(1 for e in exported if has_tools(e))
    rows = len(datasets.load_dataset("json", data_files=str(out / fmt / "train.jsonl"), split="train"))
    print(f"{name} ({fmt}): {len(originals)} in, {tool_originals} with tool turns (python filter); validate exit "
          f"{v.returncode}, accepted {len(accepted)}, rejected {len(load(base / 'rejected.jsonl'))}; exported "
          f"{len(exported)}, {tool_exported} with tool turns; identical to their original (ignoring an added id) "
          f"{equal}; datasets loads {rows} rows")
