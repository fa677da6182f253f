# Pre-flight probe of quarry train, run as: PYTHON -c "<this file>" MODULE...
# Imports each MODULE (the trainer's), reports its distribution version or why it failed, and what torch sees
# (CUDA devices, bf16 support). Prints one line: QUARRY_PROBE {json}. Never downloads anything.
import importlib
import importlib.metadata
import json
import sys
import sysconfig

DISTRIBUTIONS = {"yaml": "pyyaml"}

out = {"python": sys.version.split()[0], "executable": sys.executable, "scripts": sysconfig.get_path("scripts"),
       "modules": {}, "errors": {}, "cuda": False, "bf16": False, "devices": []}
for name in sys.argv[1:]:
    try:
        importlib.import_module(name)
    except ModuleNotFoundError as e:
        out["errors"][name] = "not installed" if e.name == name else "needs " + str(e.name) + ", not installed"
        continue
    except Exception as e:  # a broken install is as absent as a missing one, with its reason
        out["errors"][name] = (type(e).__name__ + ": " + str(e)).splitlines()[0][:300]
        continue
    try:
        out["modules"][name] = importlib.metadata.version(DISTRIBUTIONS.get(name, name))
    except importlib.metadata.PackageNotFoundError:
        out["modules"][name] = "unknown"
try:
    import torch

    out["cuda"] = bool(torch.cuda.is_available())
    if out["cuda"]:
        out["bf16"] = bool(torch.cuda.is_bf16_supported())
        out["devices"] = [torch.cuda.get_device_name(i) for i in range(torch.cuda.device_count())]
except Exception as e:
    out["errors"].setdefault("torch", (type(e).__name__ + ": " + str(e)).splitlines()[0][:300])
print("QUARRY_PROBE " + json.dumps(out, sort_keys=True), flush=True)
