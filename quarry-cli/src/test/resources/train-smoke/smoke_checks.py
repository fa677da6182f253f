#!/usr/bin/env python3
"""Checks a quarry export against the installed consumers: datasets, TRL/PEFT, axolotl, LLaMA-Factory.

usage: python smoke_checks.py EXPORT_DIR

- datasets: load_dataset(EXPORT_DIR) reads the dataset card's configs (the Parquet files); every split has the
  rows of the OpenAI JSONL export and a messages column of {role, content}.
- TRL: every sft key of trl/trl_config.yaml is an SFTConfig field, the lora block builds a peft LoraConfig.
- axolotl: axolotl/axolotl.yaml validates against axolotl's config schema, when axolotl is installed.
- LLaMA-Factory: llamafactory/train_lora.yaml parses with get_train_args, when llamafactory is installed;
  otherwise its keys are compared with transformers' Seq2SeqTrainingArguments and the rest listed.
Prints one line per check and exits 1 when one fails. Nothing is downloaded.
"""

import dataclasses
import importlib.util
import json
import os
import sys

import yaml


def lines(path):
    with open(path, encoding="utf-8") as f:
        return sum(1 for line in f if line.strip())


def check_datasets(export):
    from datasets import load_dataset

    d = load_dataset(export)
    for split in d:
        want = lines(os.path.join(export, "openai", split + ".jsonl"))
        if d[split].num_rows != want:
            return "FAIL", "%s: %d rows in Parquet, %d in openai/%s.jsonl" % (split, d[split].num_rows, want, split)
    first = d["train"][0]["messages"][0]
    if set(first) < {"role", "content"}:
        return "FAIL", "messages items have keys %s, not role/content" % sorted(first)
    return "ok", "load_dataset(export): " + ", ".join("%s %d" % (s, d[s].num_rows) for s in d)


def check_trl(export):
    from peft import LoraConfig
    from trl import SFTConfig

    with open(os.path.join(export, "trl", "trl_config.yaml"), encoding="utf-8") as f:
        config = yaml.safe_load(f)
    names = {f.name for f in dataclasses.fields(SFTConfig)}
    unknown = sorted(k for k in config["sft"] if k not in names)
    if unknown:
        return "FAIL", "sft keys SFTConfig does not know: " + ", ".join(unknown)
    LoraConfig(**config["lora"])
    return "ok", "%d sft keys are SFTConfig fields; lora builds a LoraConfig" % len(config["sft"])


def check_axolotl(export):
    if importlib.util.find_spec("axolotl") is None:
        return "skipped", "axolotl is not installed (not in the wheel store)"
    from axolotl.utils.schemas.config import AxolotlInputConfig

    with open(os.path.join(export, "axolotl", "axolotl.yaml"), encoding="utf-8") as f:
        AxolotlInputConfig(**yaml.safe_load(f))
    return "ok", "axolotl.yaml validates against AxolotlInputConfig"


def check_llamafactory(export):
    path = os.path.join(export, "llamafactory", "train_lora.yaml")
    with open(path, encoding="utf-8") as f:
        config = yaml.safe_load(f)
    if importlib.util.find_spec("llamafactory") is not None:
        from llamafactory.hparams import get_train_args

        os.chdir(os.path.dirname(path))
        get_train_args(config)
        return "ok", "train_lora.yaml parses with get_train_args"
    from transformers import Seq2SeqTrainingArguments

    names = {f.name for f in dataclasses.fields(Seq2SeqTrainingArguments)}
    own = sorted(k for k in config if k not in names)
    return "partial", ("llamafactory is not installed; %d keys are Seq2SeqTrainingArguments fields, the others must be "
                       "LLaMA-Factory's own: %s" % (len(config) - len(own), ", ".join(own)))


def main(argv):
    export = os.path.abspath(argv[1])
    failed = False
    results = {}
    for name, check in [("datasets", check_datasets), ("trl", check_trl), ("axolotl", check_axolotl),
                        ("llamafactory", check_llamafactory)]:
        try:
            status, message = check(export)
        except Exception as e:
            status, message = "FAIL", "%s: %s" % (type(e).__name__, e)
        failed = failed or status == "FAIL"
        results[name] = status
        print("%-8s %-12s %s" % (status, name, message), flush=True)
    print("SMOKE " + json.dumps(results, sort_keys=True))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
