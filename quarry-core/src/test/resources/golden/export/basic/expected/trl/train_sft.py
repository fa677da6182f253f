#!/usr/bin/env python3
# LoRA fine-tuning with TRL's SFTTrainer, written by quarry. Every setting is in the YAML config.
# Run from this folder (needs `pip install trl peft datasets pyyaml` and one CUDA GPU with bf16):
#   python train_sft.py trl_config.yaml [KEY=VALUE ...]
# KEY=VALUE overrides a setting of the config, e.g. sft.max_steps=10 sft.bf16=false model=/path/to/model.
"""Trains a LoRA adapter on the OpenAI-format export (a "messages" column) with TRL's SFTTrainer.

Each conversation becomes a prompt (every turn before the final answer) and a completion (the final
assistant answer), so with completion_only_loss the loss is on the answer only, as in the axolotl and
LLaMA-Factory configs quarry writes.
"""

import dataclasses
import sys

import yaml
from datasets import load_dataset
from peft import LoraConfig
from trl import SFTConfig, SFTTrainer


def sft_config(values):
    """Builds SFTConfig, mapping renamed settings on older TRL versions and dropping unknown ones loudly."""
    names = {f.name for f in dataclasses.fields(SFTConfig)}
    values = dict(values)
    if "max_length" in values and "max_length" not in names and "max_seq_length" in names:
        values["max_seq_length"] = values.pop("max_length")
    if "eval_strategy" in values and "eval_strategy" not in names:
        values["evaluation_strategy"] = values.pop("eval_strategy")
    unknown = sorted(k for k in values if k not in names)
    if unknown:
        print("ignoring settings this TRL version does not know: " + ", ".join(unknown), file=sys.stderr)
    return SFTConfig(**{k: v for k, v in values.items() if k in names})


def override(config, assignment):
    """Applies one KEY=VALUE (KEY dotted, VALUE read as YAML) to the config."""
    key, sep, value = assignment.partition("=")
    if not sep or not key:
        raise SystemExit("train_sft.py: not KEY=VALUE: " + assignment)
    node = config
    parts = key.split(".")
    for part in parts[:-1]:
        node = node.setdefault(part, {})
    node[parts[-1]] = yaml.safe_load(value)


def prompt_completion(example):
    """Splits a conversation before its final assistant turn."""
    messages = example["messages"]
    return {"prompt": messages[:-1], "completion": messages[-1:]}


def main(argv):
    if len(argv) < 2:
        print("usage: python train_sft.py trl_config.yaml [KEY=VALUE ...]", file=sys.stderr)
        return 2
    with open(argv[1], encoding="utf-8") as f:
        config = yaml.safe_load(f)
    for assignment in argv[2:]:
        override(config, assignment)
    data = load_dataset("json", data_files=config["data_files"])
    data = data.map(prompt_completion, remove_columns=data["train"].column_names)
    trainer = SFTTrainer(
        model=config["model"],
        args=sft_config(config["sft"]),
        train_dataset=data["train"],
        eval_dataset=data["validation"] if "validation" in data else None,
        peft_config=LoraConfig(**config["lora"]),
    )
    trainer.train()
    trainer.save_model(config["sft"]["output_dir"])
    print("adapter saved to " + config["sft"]["output_dir"], flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
