#!/usr/bin/env python3
# LoRA fine-tuning with TRL's SFTTrainer, written by quarry. Every setting is in the YAML config.
# Run from this folder (needs `pip install trl peft datasets pyyaml` and one CUDA GPU):
#   python train_sft.py trl_config.yaml
"""Trains a LoRA adapter on the OpenAI-format export (a "messages" column) with TRL's SFTTrainer."""

import dataclasses
import sys

import yaml
from datasets import load_dataset
from peft import LoraConfig
from trl import SFTConfig, SFTTrainer


def sft_config(values):
    """Builds SFTConfig, mapping max_length to max_seq_length on TRL versions before the rename."""
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


def main(argv):
    if len(argv) != 2:
        print("usage: python train_sft.py trl_config.yaml", file=sys.stderr)
        return 2
    with open(argv[1], encoding="utf-8") as f:
        config = yaml.safe_load(f)
    data = load_dataset("json", data_files=config["data_files"])
    trainer = SFTTrainer(
        model=config["model"],
        args=sft_config(config["sft"]),
        train_dataset=data["train"],
        eval_dataset=data["validation"] if "validation" in data else None,
        peft_config=LoraConfig(**config["lora"]),
    )
    trainer.train()
    trainer.save_model(config["sft"]["output_dir"])
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
